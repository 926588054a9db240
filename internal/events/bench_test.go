package events_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/mentions"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// benchInput builds JSON Lines from the paragraphs of the bundled example
// and our test sentences, repeated until they hold about nSent sentences.
func benchInput(b *testing.B, an *text.Analyzer, nSent int) []byte {
	var paras []string
	files, _ := filepath.Glob("../../examples/nato-libya/*.txt")
	files = append(files, "testdata/sentences.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(raw), "\n") {
			if p = strings.TrimSpace(p); len(p) > 20 {
				paras = append(paras, p)
			}
		}
	}
	per := 0
	for _, p := range paras {
		per += len(an.Analyze(p).Sentences)
	}
	var buf bytes.Buffer
	n := 0
	for i := 0; n < nSent; i++ {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("d%d", i), "date": "2013-06-05", "text": paras[i%len(paras)]})
		buf.Write(line)
		buf.WriteByte('\n')
		n += per / len(paras)
	}
	return buf.Bytes()
}

// BenchmarkCodeStream codes ~100k sentences of real text through the
// whole per-line pipeline: tokenizing, tagging, mention finding and event
// coding, on all cores. It reports sentences/s per core and the largest
// HeapInuse seen while running (sampled every 20 ms).
//
//	go test ./internal/events/ -run XXX -bench CodeStream -benchtime 1x
func BenchmarkCodeStream(b *testing.B) {
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
	places, err := actors.Load(data.Embedded(), "actors/places.yaml")
	if err != nil {
		b.Fatal(err)
	}
	people, err := actors.LoadPeople(data.Embedded(), "actors/people-phoenix.txt")
	if err != nil {
		b.Fatal(err)
	}
	// As the pipeline codes: with the actor dictionary, the places and
	// the list of people.
	c := events.NewCoder(p).WithActors(dict, places).WithPeople(people)
	input := benchInput(b, an, 100_000)
	prepare := func(src string, date time.Time) (*model.Document, *text.Doc, []model.Mention) {
		doc := &model.Document{ID: "0000000000000000", Text: src, Date: date, Kind: model.KindArticle}
		td := an.Analyze(src)
		return doc, td, res.Find(doc, td)
	}
	var maxHeap atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > maxHeap.Load() {
					maxHeap.Store(ms.HeapInuse)
				}
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	var sents, evs int64
	start := time.Now()
	for range b.N {
		var st events.StreamStats
		err := c.CodeStream(context.Background(), bytes.NewReader(input), io.Discard, events.StreamOptions{Prepare: prepare, Stats: &st})
		if err != nil {
			b.Fatal(err)
		}
		sents += st.Sentences
		evs += st.Events
	}
	el := time.Since(start).Seconds()
	b.StopTimer()
	close(stop)
	cores := float64(runtime.NumCPU())
	b.ReportMetric(float64(sents)/el/cores, "sentences/s/core")
	b.ReportMetric(float64(sents)/float64(b.N), "sentences/op")
	b.ReportMetric(float64(evs)/float64(b.N), "events/op")
	b.ReportMetric(float64(maxHeap.Load())/(1<<20), "maxHeapInuseMB")
}

// BenchmarkCode measures the event coder alone: documents are analysed
// (tagged, parsed) and their mentions found before the timer starts, so
// that the figure is what Code itself costs. It reports sentences per
// CPU-second (one goroutine).
//
//	go test ./internal/events/ -run XXX -bench 'Code$' -benchtime 20x
func BenchmarkCode(b *testing.B) {
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
	places, err := actors.Load(data.Embedded(), "actors/places.yaml")
	if err != nil {
		b.Fatal(err)
	}
	people, err := actors.LoadPeople(data.Embedded(), "actors/people-phoenix.txt")
	if err != nil {
		b.Fatal(err)
	}
	// As the pipeline codes: with the actor dictionary, the places and
	// the list of people.
	c := events.NewCoder(p).WithActors(dict, places).WithPeople(people)
	type prepared struct {
		doc *model.Document
		td  *text.Doc
		ms  []model.Mention
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
		docs = append(docs, prepared{doc, td, res.Find(doc, td)})
		sents += len(td.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	evs := 0
	for range b.N {
		for _, d := range docs {
			evs += len(c.Code(d.doc, d.td, d.ms))
		}
	}
	el := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents*b.N)/el, "sentences/CPU-s")
	b.ReportMetric(float64(evs)/float64(b.N), "events/op")
}
