package events_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/mentions"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// BenchmarkActs codes the acts of the record of the texts BenchmarkCode
// codes, after their CAMEO events, as the pipeline does: it reports
// sentences per CPU-second of Acts alone.
func BenchmarkActs(b *testing.B) {
	an, err := text.New()
	if err != nil {
		b.Fatal(err)
	}
	dict, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	res := mentions.New(dict)
	p, err := events.DefaultPatterns()
	if err != nil {
		b.Fatal(err)
	}
	c := events.NewCoder(p)
	type prepared struct {
		doc   *model.Document
		td    *text.Doc
		ms    []model.Mention
		coded []model.Event
	}
	var docs []prepared
	sents := 0
	for _, line := range bytes.Split(benchInput(b, an, 5_000), []byte("\n")) {
		var r struct{ Text string }
		if json.Unmarshal(line, &r) != nil || r.Text == "" {
			continue
		}
		doc := &model.Document{ID: "0000000000000000", Text: r.Text, Kind: model.KindArticle}
		td := an.Analyze(r.Text)
		ms := res.Find(doc, td)
		docs = append(docs, prepared{doc, td, ms, c.Code(doc, td, ms)})
		sents += len(td.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	acts := 0
	for range b.N {
		for _, d := range docs {
			acts += len(c.Acts(d.doc, d.td, d.ms, nil, d.coded))
		}
	}
	el := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents*b.N)/el, "sentences/CPU-s")
	b.ReportMetric(float64(acts)/float64(b.N), "acts/op")
}

// A sentence of hundreds of approvals is coded whole, every act found;
// a phrase nested a thousand deep is read within its bound.
func TestActsLongSentences(t *testing.T) {
	an, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := events.DefaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	c := events.NewCoder(p)
	acts := func(src string) []model.Event {
		return c.Acts(&model.Document{ID: "0000000000000000", Text: src}, an.Analyze(src), nil, nil, nil)
	}
	if evs := acts("The mayor said that " + strings.Repeat("the council approved the plan of the board which approved the plan ", 400) + "."); len(evs) < 400 {
		t.Errorf("want at least one act per repetition, got %d", len(evs))
	}
	evs := acts("The council approved the plan of " + strings.Repeat("the board of ", 600) + "the city.")
	if len(evs) != 1 || evs[0].Matter == nil {
		t.Fatalf("want one approval with its matter, got %d", len(evs))
	}
	if n := len(strings.Fields(evs[0].Matter.Text)); n > 2*64+1 {
		t.Errorf("the matter has %d words, past the phrase bound", n)
	}
}
