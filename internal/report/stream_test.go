package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// The quotes are listed by speaker, the most quoted first and those with
// no known speaker last, each speaker's in the order read; the writers
// sort them through files, which must not change that order.
func TestQuotesGroupedBySpeaker(t *testing.T) {
	r := &Report{}
	add := func(speaker, verdict string, n int) {
		for i := 0; i < n; i++ {
			r.Quotes = append(r.Quotes, model.Quote{Doc: "d", Speaker: speaker, Verdict: verdict,
				Contents: []model.Span{{Text: fmt.Sprintf("%s says %d", speaker, len(r.Quotes))}}})
		}
	}
	add("Ann Roe", "verbatim", 1)
	add("", "no-primary-record", 3)
	add("Bo Diaz", "altered", 2)
	add("Ann Roe", "", 2)
	add("Cy Lam", "verbatim", 1)
	var b bytes.Buffer
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	heads := regexp.MustCompile(`(?m)^  (\S.*): (.*)$`).FindAllStringSubmatch(out[strings.Index(out, "QUOTES"):strings.Index(out, "EVENTS")], -1)
	var got []string
	for _, h := range heads {
		got = append(got, h[1]+" = "+h[2])
	}
	want := []string{"Ann Roe = 1 verbatim, 2 unverified", "Bo Diaz = 2 altered", "Cy Lam = 1 verbatim", "unknown speaker = 3 no-primary-record"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Within a group, the quotes in the order read.
	if i, j := strings.Index(out, "Ann Roe says 0"), strings.Index(out, "Ann Roe says 6"); i < 0 || j < 0 || i > j {
		t.Errorf("Ann Roe's quotes out of order:\n%s", out)
	}
}

// The evidence section of the HTML report lists each span once, the
// first finding's version of it, by document and offset.
func TestHTMLEvidenceOncePerSpanInDocumentOrder(t *testing.T) {
	text := "First paragraph here.\n\nSecond paragraph, with words."
	docA := &model.Document{ID: "bbbb0000000000001", Path: "b.txt", Title: "B", Text: text}
	docB := &model.Document{ID: "aaaa0000000000002", Path: "a.txt", Title: "A", Text: text}
	ev := func(d *model.Document, sub string) model.Evidence {
		i := strings.Index(text, sub)
		return model.Evidence{Doc: d.ID, Start: i, End: i + len(sub), Text: sub}
	}
	r := &Report{Documents: []*model.Document{docA, docB}, Findings: []model.Finding{
		{Kind: "k1", Evidence: []model.Evidence{ev(docA, "with words"), ev(docA, "First")}},
		{Kind: "k2", Evidence: []model.Evidence{ev(docA, "First"), ev(docB, "Second")}},
		{Kind: "k3", Evidence: []model.Evidence{ev(docB, "Second paragraph")}},
	}}
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	page = page[strings.Index(page, `<h2 id="evidence">`):]
	ids := regexp.MustCompile(`<div class="evidence" id="([^"]+)">`).FindAllStringSubmatch(page, -1)
	var got []string
	for _, m := range ids {
		got = append(got, m[1])
	}
	want := []string{"ev-aaaa00000000-23-29", "ev-aaaa00000000-23-39", "ev-bbbb00000000-0-5", "ev-bbbb00000000-41-51"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("evidence anchors %v, want %v", got, want)
	}
	if !strings.Contains(page, "<mark>Second</mark> paragraph, with words.</div>") {
		t.Errorf("the evidence is not shown in its paragraph:\n%s", page)
	}
	checkLinks(t, b.String())
}

// synthetic is a Source that makes its items as they are read: n
// findings, quotes, events and timeline entries over docs documents,
// so that a test can measure what the writers hold.
type synthetic struct {
	n, docs int
	// read counts the items given; every sampleEvery, sample is called.
	read   int
	sample func()
}

const sampleEvery = 20000

// syntheticText is the text of every synthetic document.
var syntheticText = strings.Repeat("A paragraph of a document, with some words in it.\n\n", 40)

func (s *synthetic) tick() {
	s.read++
	if s.read%sampleEvery == 0 && s.sample != nil {
		s.sample()
	}
}

func (s *synthetic) docID(i int) string { return fmt.Sprintf("%016x%048d", i%s.docs*7919, 0) }

func (s *synthetic) Counts(context.Context) (Counts, error) {
	return Counts{s.docs, s.n, s.n, s.n, s.n}, nil
}

func (s *synthetic) doc(i int, text bool) *model.Document {
	d := &model.Document{ID: s.docID(i), Path: fmt.Sprintf("doc-%d.txt", i%s.docs), Title: fmt.Sprintf("Document %d", i%s.docs), Kind: model.KindArticle}
	if text {
		d.Text = syntheticText
	}
	return d
}

func (s *synthetic) Documents(_ context.Context, fn func(*model.Document) error) error {
	for i := 0; i < s.docs; i++ {
		if err := fn(s.doc(i, false)); err != nil {
			return err
		}
	}
	return nil
}

func (s *synthetic) Findings(_ context.Context, fn func(model.Finding) error) error {
	for i := 0; i < s.n; i++ {
		s.tick()
		d := s.doc(i, true)
		f := model.Finding{Kind: "unverified-quote", Severity: model.SeverityLow, Summary: fmt.Sprintf("Finding %d of a long list of findings about things.", i)}
		for j := 0; j < 2; j++ {
			start := (i*3 + j*50) % 1500
			f.Evidence = append(f.Evidence, model.Evidence{Doc: d.ID, Start: start, End: start + 40, Text: d.Text[start : start+40]})
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

func (s *synthetic) Timeline(_ context.Context, fn func(model.TimelineEntry) error) error {
	for i := 0; i < s.n; i++ {
		s.tick()
		if err := fn(model.TimelineEntry{ID: i + 1, Date: "2013-06-04", Summary: fmt.Sprintf("Entry %d of the timeline", i), Docs: []string{s.docID(i)}}); err != nil {
			return err
		}
	}
	return nil
}

func (s *synthetic) Quotes(_ context.Context, fn func(model.Quote) error) error {
	for i := 0; i < s.n; i++ {
		s.tick()
		q := model.Quote{Doc: s.docID(i), Speaker: fmt.Sprintf("Speaker %d", i%97), Verdict: "altered",
			Contents: []model.Span{{Text: fmt.Sprintf("quote number %d, which says something at some length about the matter", i)}},
			Diff:     fmt.Sprintf("quote number %d, which [-says-] {+said+} something at some length about the matter, as the record has it in full", i),
			Primary:  &model.Evidence{Doc: s.docID(i + 1), Start: 10, End: 60}}
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

func (s *synthetic) Events(_ context.Context, fn func(model.Event) error) error {
	for i := 0; i < s.n; i++ {
		s.tick()
		e := model.Event{ID: fmt.Sprintf("e%d", i), Doc: s.docID(i), PLOVER: "CONSULT", CAMEO: "040",
			Sentence: model.Span{Text: "The council met the minister on Tuesday."}}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (s *synthetic) Document(_ context.Context, id string, text bool) (*model.Document, error) {
	var i int
	if _, err := fmt.Sscanf(id[:16], "%x", &i); err != nil {
		return nil, nil
	}
	return s.doc(i/7919, text), nil
}

// TestReportMemoryFlat writes the reports of 25,000 and of 100,000
// findings, quotes, events and timeline entries (over 2,000 documents),
// and checks that the live heap at its peak grows by less than 16 MB
// between the two: the writers hold a bounded part of what they write
// (held whole, the larger report's findings and quotes alone would take
// some 60 MB more).
func TestReportMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes reports of 500,000 items")
	}
	for _, format := range []string{"text", "html"} {
		peak := func(n int) uint64 {
			var max uint64
			var ms runtime.MemStats
			src := &synthetic{n: n, docs: 2000}
			src.sample = func() {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > max {
					max = ms.HeapAlloc
				}
			}
			runtime.GC()
			var err error
			switch format {
			case "text":
				err = StreamText(context.Background(), io.Discard, src)
			default:
				err = StreamHTML(context.Background(), io.Discard, src, "")
			}
			if err != nil {
				t.Fatal(err)
			}
			if src.read < 4*n {
				t.Fatalf("%s: read %d items of %d", format, src.read, 4*n)
			}
			return max
		}
		small, large := peak(20_000), peak(80_000)
		t.Logf("%s: peak live heap %.1f MB for 20,000 items of each kind, %.1f MB for 80,000", format, float64(small)/(1<<20), float64(large)/(1<<20))
		if large > small+16<<20 {
			t.Errorf("%s: the live heap grew from %d to %d bytes with four times the items", format, small, large)
		}
	}
}
