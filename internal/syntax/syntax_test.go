package syntax

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# sent_id = 1
# text = Ms. Ortega didn't resign.
1	Ms.	Ms.	PROPN	NNP	_	2	compound	_	_
2	Ortega	Ortega	PROPN	NNP	_	5	nsubj	_	_
3-4	didn't	_	_	_	_	_	_	_	_
3	did	do	AUX	VBD	_	5	aux	_	_
4	n't	not	PART	RB	_	5	advmod	_	_
5	resign	resign	VERB	VB	_	0	root	_	SpaceAfter=No
6	.	.	PUNCT	.	_	5	punct	_	_

`

func TestCoNLLURoundTrip(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Words) != 6 {
		t.Fatalf("read %d sentences, %v", len(sents), sents)
	}
	w := sents[0].Words
	if w[1].Head != 5 || w[4].Rel != "root" || w[4].SpaceAfter || !w[3].SpaceAfter {
		t.Errorf("fields read wrong: %+v", w)
	}
	if got := sents[0].Text(); got != "Ms. Ortega did n't resign." {
		t.Errorf("Text() = %q", got)
	}
	var b bytes.Buffer
	if err := WriteCoNLLU(&b, sents); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "3-4\tdidn't") || !strings.Contains(b.String(), "# text = Ms. Ortega didn't resign.") {
		t.Errorf("written without the multiword token or comments:\n%s", b.String())
	}
	again, err := ReadCoNLLU(&b, "again")
	if err != nil || len(again) != 1 || len(again[0].Words) != 6 || again[0].Words[1].Head != 5 {
		t.Errorf("round trip lost words: %v %v", err, again)
	}
}

func TestCoNLLUErrorsNameTheLine(t *testing.T) {
	for _, bad := range []string{
		"1\tA\ta\tX\tX\t_\t0\troot\t_\n",                                    // 9 fields
		"1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", // out of sequence
		"1\tA\ta\tX\tX\t_\tzero\troot\t_\t_\n",                              // bad head
		"1\tA\ta\tX\tX\t_\t7\troot\t_\t_\n",                                 // head past the end
	} {
		_, err := ReadCoNLLU(strings.NewReader(bad), "bad.conllu")
		if err == nil || !strings.Contains(err.Error(), "bad.conllu") {
			t.Errorf("%q: error %v, want one naming the file", bad, err)
		}
	}
}

func TestProjectivizeLiftsCrossingArcs(t *testing.T) {
	// 0 → 2, 1 → 3 cross; the root is word 2 (head 4 = n).
	head := []int32{2, 3, 4, 2}
	projectivize(head)
	for d, h := range head {
		if h == 4 {
			continue
		}
		lo, hi := min(int32(d), h), max(int32(d), h)
		for k := lo + 1; k < hi; k++ {
			if !dominates(head, h, k) {
				t.Fatalf("arc %d→%d still crosses at %d: %v", h, d, k, head)
			}
		}
	}
}

func TestFixPunct(t *testing.T) {
	// "The mayor , who resigned , spoke ." with the commas and the period
	// attached to the wrong words.
	forms := []string{"The", "mayor", ",", "who", "resigned", ",", "spoke", "."}
	punct := []bool{false, false, true, false, false, true, false, true}
	head := []int{1, 6, 0, 4, 1, 0, -1, 3}
	fixPunct(head, punct, forms)
	// The commas around the relative clause go to its head; the period
	// to the root.
	if head[2] != 4 || head[5] != 4 || head[7] != 6 {
		t.Errorf("punctuation heads %d %d %d, want 4 4 6 (%v)", head[2], head[5], head[7], head)
	}
	// Quotes go to the head of what they enclose.
	forms = []string{"She", "said", "\"", "no", "\""}
	punct = []bool{false, false, true, false, true}
	head = []int{1, -1, 1, 1, 0}
	fixPunct(head, punct, forms)
	if head[2] != 3 || head[4] != 3 {
		t.Errorf("quote heads %d %d, want 3 3 (%v)", head[2], head[4], head)
	}
}

func TestLemmaRules(t *testing.T) {
	for _, c := range []struct{ form, lemma string }{
		{"studies", "study"}, {"went", "go"}, {"Americans", "American"}, {"n't", "not"}, {"Running", "run"},
	} {
		r := ruleFor(c.form, c.lemma)
		if got := r.apply(c.form, nil); got != c.lemma {
			t.Errorf("rule for %s → %s gives %q (%+v)", c.form, c.lemma, got, r)
		}
	}
}

func TestTrainTiny(t *testing.T) {
	// A model trained on a handful of invented sentences must load and
	// reproduce its training data's simplest structures.
	src := strings.Repeat(`1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	ministers	minister	NOUN	NNS	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

1	Farmers	farmer	NOUN	NNS	_	2	nsubj	_	_
2	blocked	block	VERB	VBD	_	0	root	_	_
3	roads	road	NOUN	NNS	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

`, 5)
	sents, err := ReadCoNLLU(strings.NewReader(src), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(sents, TrainOptions{TaggerIters: 5, ParserIters: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Encode(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// a trained model repairs its parses as the loaded one does
	if m.vocRels != m2.vocRels {
		t.Errorf("repair labels trained %v, loaded %v", m.vocRels, m2.vocRels)
	}
	ws := []Word{{Form: "Farmers"}, {Form: "met"}, {Form: "ministers"}, {Form: "."}}
	var sc Scratch
	m2.Annotate(ws, &sc)
	want := []struct {
		upos string
		head int
		rel  string
	}{{"NOUN", 2, "nsubj"}, {"VERB", 0, "root"}, {"NOUN", 2, "obj"}, {"PUNCT", 2, "punct"}}
	for i, w := range want {
		if ws[i].UPOS != w.upos || ws[i].Head != w.head || ws[i].Rel != w.rel {
			t.Errorf("word %d %q: %s %d %s, want %s %d %s", i, ws[i].Form, ws[i].UPOS, ws[i].Head, ws[i].Rel, w.upos, w.head, w.rel)
		}
	}
	if ws[1].Lemma != "meet" {
		t.Errorf("lemma of met = %q", ws[1].Lemma)
	}
	// Training is deterministic for a seed.
	m3, _ := Train(sents, TrainOptions{TaggerIters: 5, ParserIters: 5, Seed: 1})
	var b3 bytes.Buffer
	m3.Encode(&b3)
	if !bytes.Equal(b.Bytes(), b3.Bytes()) {
		t.Error("two trainings with the same seed wrote different models")
	}
	// Several taggers and parsers, trained at the same time and mixed:
	// the result does not depend on which finishes first, and still reads
	// the sentence.
	mixed := TrainOptions{TaggerIters: 5, ParserIters: 5, Seed: 1, TaggerSeeds: 3, ParserSeeds: 3}
	var first []byte
	for range 3 {
		m4, err := Train(sents, mixed)
		if err != nil {
			t.Fatal(err)
		}
		var b4 bytes.Buffer
		if err := m4.Encode(&b4); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b4.Bytes()
			if bytes.Equal(first, b.Bytes()) {
				t.Error("mixing three seeds wrote the model of one")
			}
			ws := []Word{{Form: "Farmers"}, {Form: "met"}, {Form: "ministers"}, {Form: "."}}
			m4.Annotate(ws, &sc)
			for i, w := range want {
				if ws[i].UPOS != w.upos || ws[i].Head != w.head || ws[i].Rel != w.rel {
					t.Errorf("mixed: word %d %q: %s %d %s, want %s %d %s", i, ws[i].Form, ws[i].UPOS, ws[i].Head, ws[i].Rel, w.upos, w.head, w.rel)
				}
			}
		} else if !bytes.Equal(first, b4.Bytes()) {
			t.Error("two mixed trainings with the same seeds wrote different models")
		}
	}
}

func TestLoadRefusesDamagedModels(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "data", "text", "syntax.model"))
	if err != nil {
		t.Skip("no shipped model yet")
	}
	for _, cut := range []int{0, 10, len(raw) / 2, len(raw) - 1} {
		if _, err := Load(raw[:cut]); err == nil {
			t.Errorf("a model cut at %d bytes loaded", cut)
		}
	}
	if _, err := Load(append([]byte("not a model"), raw...)); err == nil {
		t.Error("a file with a wrong header loaded")
	}
}

// Sentences given to the parser alone (TrainOptions.ExtraParser) teach it
// structures the treebank lacks; one with a relation the treebank does
// not have is left out, not an error.
func TestTrainExtraParser(t *testing.T) {
	src := strings.Repeat(`1	officials	official	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	ministers	minister	NOUN	NNS	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

1	ministers	minister	NOUN	NNS	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

1	officials	official	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`, 5)
	// the extra sentences put the object first (an order the treebank
	// above never shows), and one has a relation it lacks
	extra := strings.Repeat(`1	ministers	minister	NOUN	NNS	_	3	obj	_	_
2	officials	official	NOUN	NNS	_	3	nsubj	_	_
3	met	meet	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

`, 8) + `1	ministers	minister	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	today	today	NOUN	NN	_	2	obl:tmod	_	_

`
	sents, err := ReadCoNLLU(strings.NewReader(src), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	more, err := ReadCoNLLU(strings.NewReader(extra), "extra")
	if err != nil {
		t.Fatal(err)
	}
	var logged []any
	opt := TrainOptions{TaggerIters: 5, ParserIters: 8, Seed: 1, Log: func(msg string, args ...any) {
		if msg == "extra parser sentences" {
			logged = args
		}
	}}
	parse := func(m *Model) []Word {
		ws := []Word{{Form: "ministers"}, {Form: "officials"}, {Form: "met"}, {Form: "."}}
		var sc Scratch
		m.Annotate(ws, &sc)
		return ws
	}
	base, err := Train(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if ws := parse(base); ws[0].Head == 3 && ws[0].Rel == "obj" {
		t.Fatalf("without the extra sentences the parser already reads the object first: the test checks nothing")
	}
	opt.ExtraParser = more
	m, err := Train(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	ws := parse(m)
	if ws[0].Head != 3 || ws[0].Rel != "obj" || ws[1].Head != 3 || ws[1].Rel != "nsubj" {
		t.Errorf("with the extra sentences: %+v", ws)
	}
	if fmt.Sprint(logged) != "[given 9 kept 8]" {
		t.Errorf("logged %v, want 9 given and 8 kept", logged)
	}
}

// A word the treebank never saw, whose suffix rule gives no word WordNet
// knows, takes the lemma WordNet's inflections explain; a rule whose
// lemma WordNet knows, or a tag not checked, is left alone.
func TestLemmaOfUnseenWordsFromWordNet(t *testing.T) {
	wn := map[uint64]uint64{}
	for w, kind := range map[string]uint64{"extradite": wnLemmaVerb, "ban": wnLemmaVerb, "try": wnLemmaVerb,
		"visit": wnLemmaVerb, "rude": wnLemmaAdj, "supply": wnLemmaNoun} {
		wn[hashString(w)] = kind
	}
	xpos := []string{"VBD", "VBG", "JJR", "NNS"}
	// the suffix rules: strip "ed", "ing", "er" and "s" whatever comes before
	rules := []lemmaRule{{Strip: 2}, {Strip: 3}, {Strip: 2}, {Strip: 1}}
	suf := map[uint64]uint64{}
	for id, s := range []string{"ed", "ing", "er", "s"} {
		suf[f2(lemmaSuf+uint64(len(s)), hashString(s), uint64(id))] = uint64(id)
	}
	l := &lemmatizer{rules: rules, exc: newU64Map(map[uint64]uint64{}), suf: newU64Map(suf), wn: newU64Map(wn), need: wordnetNeeds(xpos)}
	for _, c := range []struct {
		form string
		tag  uint8
		want string
	}{
		{"extradited", 0, "extradite"}, // "-ed" gives no verb; "-ed" → "-e" does
		{"visited", 0, "visit"},        // the rule's own lemma is a verb
		{"banned", 0, "ban"},           // a doubled consonant
		{"tried", 0, "try"},
		{"Extraditing", 1, "extradite"},
		{"ruder", 2, "rude"},
		{"regards", 3, "regard"}, // plural nouns are not checked: the rule's lemma stays
		{"zorbled", 0, "zorbl"},  // nothing WordNet knows: the rule's lemma stays
	} {
		if got := l.lemma(c.form, c.tag, nil); got != c.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", c.form, xpos[c.tag], got, c.want)
		}
	}
}
