package quotes

import (
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// benchVocabulary is the words of the example texts and the test data.
func benchVocabulary(b *testing.B) []string {
	var all strings.Builder
	for _, f := range []string{"../../examples/nato-libya/nato-libya-joint-press-conference.txt", "../../examples/nato-libya/natowatch-nato-returns-to-libya.txt", "testdata/au-press-conference.txt", "testdata/au-statement.txt"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(raw)
		all.WriteByte(' ')
	}
	seen := map[string]bool{}
	var vocab []string
	for _, w := range strings.FieldsFunc(all.String(), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		if len(w) > 1 && !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return vocab
}

type benchQuote struct {
	q    model.Quote
	doc  *model.Document
	kind string
}

// benchSetup builds nTr transcripts of random speakers and sentences and
// nQ quotes drawn from them: exact excerpts, excerpts with one word
// changed, reported speech (shuffled content words of a sentence) and
// quotes of words nobody said.
func benchSetup(b *testing.B, nTr, nQ int) (*Index, []benchQuote) {
	r := rand.New(rand.NewSource(7))
	vocab := benchVocabulary(b)
	speakers := make([]model.Speaker, 60)
	for i := range speakers {
		speakers[i] = model.Speaker{Name: fmt.Sprintf("Speaker%c Person%c%c", 'A'+i%26, 'a'+i/26, 'a'+i%7)}
	}
	sentence := func() string {
		n := 8 + r.Intn(12)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[r.Intn(len(vocab))]
		}
		return strings.Join(ws, " ") + "."
	}
	type turnRef struct {
		text    string
		speaker string
	}
	var turns []turnRef
	ix := NewIndex(ta(b))
	for t := 0; t < nTr; t++ {
		var text strings.Builder
		doc := &model.Document{ID: fmt.Sprintf("tr%04d", t), Kind: model.KindTranscript}
		var who []int
		for k := 0; k < 4+r.Intn(3); k++ {
			who = append(who, r.Intn(len(speakers)))
		}
		doc.Speakers = speakers
		for _, w := range who {
			label := strings.ToUpper(speakers[w].Name)
			ls := text.Len()
			text.WriteString(label + ": ")
			cs := text.Len()
			var body []string
			for s := 0; s < 3+r.Intn(4); s++ {
				body = append(body, sentence())
			}
			text.WriteString(strings.Join(body, " "))
			ce := text.Len()
			text.WriteString("\n\n")
			doc.Turns = append(doc.Turns, model.Turn{Speaker: w, Label: model.Span{Start: ls, End: ls + len(label)}, Content: model.Span{Start: cs, End: ce}})
			turns = append(turns, turnRef{text: strings.Join(body, " "), speaker: speakers[w].Name})
		}
		doc.Text = text.String()
		for i := range doc.Turns {
			tn := &doc.Turns[i]
			tn.Label = model.NewSpan(doc.Text, tn.Label.Start, tn.Label.End)
			tn.Content = model.NewSpan(doc.Text, tn.Content.Start, tn.Content.End)
		}
		ix.Add(doc)
	}
	var qs []benchQuote
	for i := 0; i < nQ; i++ {
		tr := turns[r.Intn(len(turns))]
		ws := strings.Fields(tr.text)
		n := 8 + r.Intn(10)
		if n > len(ws) {
			n = len(ws)
		}
		s := r.Intn(len(ws) - n + 1)
		ex := append([]string(nil), ws[s:s+n]...)
		q := model.Quote{Direct: true, Speaker: tr.speaker}
		kind := [...]string{"exact", "altered", "paraphrase", "absent"}[i%4]
		switch kind {
		case "altered":
			ex[n/2] = vocab[r.Intn(len(vocab))]
		case "paraphrase":
			q.Direct = false
			r.Shuffle(len(ex), func(a, b int) { ex[a], ex[b] = ex[b], ex[a] })
		case "absent":
			for k := range ex {
				ex[k] = vocab[r.Intn(len(vocab))]
			}
		}
		text := "Someone said “" + strings.Join(ex, " ") + "”."
		q.Contents = []model.Span{model.NewSpan(text, len("Someone said “"), len(text)-len("”."))}
		qs = append(qs, benchQuote{q: q, doc: &model.Document{ID: "art", Kind: model.KindArticle, Text: text}, kind: kind})
	}
	return ix, qs
}

// BenchmarkVerify verifies quotes against 1,000 generated transcripts:
//
//	go test ./internal/quotes/ -run '^$' -bench BenchmarkVerify -benchtime 10000x -benchmem
func BenchmarkVerify(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix, qs := benchSetup(b, 1000, 10000)
	runtime.GC()
	runtime.ReadMemStats(&after)
	verdicts := map[string]map[string]int{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bq := qs[i%len(qs)]
		q := bq.q
		ix.Verify(&q, bq.doc)
		if verdicts[bq.kind] == nil {
			verdicts[bq.kind] = map[string]int{}
		}
		verdicts[bq.kind][q.Verdict]++
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "quotes/s")
	// ResetTimer drops metrics, so the setup's are reported here.
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-index+quotes")
	b.ReportMetric(float64(ix.Len()), "passages")
	if b.N >= 1000 {
		b.Logf("verdicts by sample kind: %v", verdicts)
	}
}
