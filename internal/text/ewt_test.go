package text

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/devcorpora"
	"github.com/dossier-project/dossier/internal/syntax"
)

// The shipped model's floors on UD English EWT dev (gold words), in
// percent. They are the figures the committed model reached, rounded
// down (data/text/syntax.log has the exact ones): a change to the model
// or to the code that reads it must not make it worse. Issue 10 asks for
// UPOS 95.5, UAS 86.0 and LAS 83.0; the README says where the model
// stands against those.
const (
	floorUPOS = 95.5
	floorUAS  = 85.5
	floorLAS  = 82.4
)

// ewtDev reads the development split of UD English EWT from the shared
// corpora ($DOSSIER_CORPORA, or ../shared/corpora beside the repository).
// Without it the test is skipped, except under CI, where it must run.
func ewtDev(t *testing.T) []syntax.Sentence {
	t.Helper()
	path := devcorpora.Path(t, "ud", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := syntax.ReadCoNLLU(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// TestShippedModelOnEWTDev scores the model embedded in the binary on EWT
// dev with gold words, and fails below the floors.
func TestShippedModelOnEWTDev(t *testing.T) {
	gold := ewtDev(t)
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.LoadModel(); err != nil {
		t.Fatal(err)
	}
	s := a.model.Evaluate(gold)
	t.Logf("EWT dev, gold words: %d words, UPOS %.2f, XPOS %.2f, lemma %.2f, UAS %.2f, LAS %.2f",
		s.Words, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS)
	if s.Words < 20000 {
		t.Fatalf("only %d words read from EWT dev", s.Words)
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"UPOS", s.UPOS, floorUPOS}, {"UAS", s.UAS, floorUAS}, {"LAS", s.LAS, floorLAS}} {
		if c.got < c.floor {
			t.Errorf("%s %.2f, below the floor of %.2f", c.name, c.got, c.floor)
		}
	}
}

// rawDoc is an EWT document as running text, with its gold words' byte
// spans in that text.
type rawDoc struct {
	text  string
	words []rawWord
	sents [][2]int // byte spans of the gold sentences
}

type rawWord struct {
	start, end int
	upos, rel  string
	head       int // index in words of the document, -1 for the root
}

// readRawEWT reads EWT dev as documents of running text: a paragraph's
// sentences joined by a space, paragraphs by a blank line. Words whose
// form cannot be found in the sentence's text (none in EWT dev) are left
// out of the document, with their sentence.
func readRawEWT(t *testing.T) []rawDoc {
	t.Helper()
	b, err := os.ReadFile(devcorpora.Path(t, "ud", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []rawDoc
	var cur *rawDoc
	var sentText string
	var rows [][]string
	flush := func() {
		if cur == nil || sentText == "" {
			rows, sentText = nil, ""
			return
		}
		base := len(cur.text)
		pos := 0
		first := len(cur.words)
		var ws []rawWord
		ok := true
		for _, r := range rows {
			i := strings.Index(sentText[pos:], r[1])
			if i < 0 {
				ok = false
				break
			}
			h, _ := strconv.Atoi(r[6])
			head := -1
			if h > 0 {
				head = first + h - 1
			}
			rel, _, _ := strings.Cut(r[7], ":")
			ws = append(ws, rawWord{start: base + pos + i, end: base + pos + i + len(r[1]), upos: r[3], rel: rel, head: head})
			pos += i + len(r[1])
		}
		if ok {
			cur.text += sentText
			cur.words = append(cur.words, ws...)
			cur.sents = append(cur.sents, [2]int{base, base + len(sentText)})
		}
		rows, sentText = nil, ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flush()
			docs = append(docs, rawDoc{})
			cur = &docs[len(docs)-1]
		case strings.HasPrefix(line, "# newpar"):
			if cur != nil && cur.text != "" {
				cur.text += "\n\n"
			}
		case strings.HasPrefix(line, "# text = "):
			if cur != nil && cur.text != "" && !strings.HasSuffix(cur.text, "\n\n") {
				cur.text += " "
			}
			sentText = strings.TrimPrefix(line, "# text = ")
		case line == "":
			flush()
		case !strings.HasPrefix(line, "#"):
			f := strings.Split(line, "\t")
			if len(f) == 10 && !strings.ContainsAny(f[0], "-.") {
				rows = append(rows, f)
			}
		}
	}
	flush()
	return docs
}

// TestShippedModelOnEWTRawText scores the whole text layer on EWT dev
// read as running text: dossier's own tokenizer and sentence splitter,
// then the tagger and parser. A word is right when dossier has a token
// with the same bytes; its head is right when that token's head has the
// gold head's bytes (CoNLL 2018's alignment, without multi-word tokens).
// It reports F1 figures and fails below floors a little under them.
func TestShippedModelOnEWTRawText(t *testing.T) {
	docs := readRawEWT(t)
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.LoadModel(); err != nil {
		t.Fatal(err)
	}
	var gold, sys, tok, upos, uas, las, goldS, sysS, sents int
	for _, g := range docs {
		d := a.Analyze(g.text)
		type span struct{ s, e int }
		at := map[span]int{}
		for i, tk := range d.Tokens {
			at[span{tk.Start, tk.End}] = i
		}
		gs := map[span]bool{}
		for _, s := range g.sents {
			gs[span{s[0], s[1]}] = true
		}
		for _, s := range d.Sentences {
			if gs[span{s.Start, s.End}] {
				sents++
			}
		}
		goldS, sysS = goldS+len(g.sents), sysS+len(d.Sentences)
		gold, sys = gold+len(g.words), sys+len(d.Tokens)
		for _, w := range g.words {
			i, ok := at[span{w.start, w.end}]
			if !ok {
				continue
			}
			tok++
			tk := d.Tokens[i]
			if tk.UPOS == w.upos {
				upos++
			}
			headOK := w.head < 0 && tk.Head < 0
			if w.head >= 0 && tk.Head >= 0 {
				gh, sh := g.words[w.head], d.Tokens[tk.Head]
				headOK = gh.start == sh.Start && gh.end == sh.End
			}
			if headOK {
				uas++
				if rel, _, _ := strings.Cut(tk.Rel, ":"); rel == w.rel {
					las++
				}
			}
		}
	}
	f1 := func(k, a, b int) float64 { return 200 * float64(k) / float64(a+b) }
	fig := map[string]float64{"tokens": f1(tok, gold, sys), "sentences": f1(sents, goldS, sysS),
		"UPOS": f1(upos, gold, sys), "UAS": f1(uas, gold, sys), "LAS": f1(las, gold, sys)}
	t.Logf("EWT dev, raw text (F1): tokens %.2f, sentences %.2f, UPOS %.2f, UAS %.2f, LAS %.2f (%d gold words, %d tokens)",
		fig["tokens"], fig["sentences"], fig["UPOS"], fig["UAS"], fig["LAS"], gold, sys)
	if gold < 20000 {
		t.Fatalf("only %d words read from EWT dev", gold)
	}
	// the shipped model's figures, rounded down a little
	for _, c := range []struct {
		name  string
		floor float64
	}{{"tokens", 96.5}, {"sentences", 80.0}, {"UPOS", 92.3}, {"UAS", 80.0}, {"LAS", 77.2}} {
		if fig[c.name] < c.floor {
			t.Errorf("%s F1 %.2f, below the floor of %.2f", c.name, fig[c.name], c.floor)
		}
	}
}
