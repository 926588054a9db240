package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
)

// pagedSample is the sample report with its document given pages: the
// second paragraph, which the second piece of evidence cites, is on page 2.
func pagedSample() *Report {
	r := sample()
	r.Documents[0].Pages = []int{0, strings.Index(councilText, "The council voted")}
	r.Quotes[0].Verdict = model.VerdictVerbatim
	r.Quotes[0].Diff = quotes.OCRNote + ": the record came from a scanned page; check the words against the page image"
	r.Quotes[0].OCR = true
	return r
}

func TestEvidenceShowsPages(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer, *Report) error{
		"text":     func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) },
		"markdown": func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) },
		"html":     func(b *bytes.Buffer, r *Report) error { return WriteHTML(b, r) },
	} {
		var plain, paged bytes.Buffer
		if err := write(&plain, sample()); err != nil {
			t.Fatal(err)
		}
		if err := write(&paged, pagedSample()); err != nil {
			t.Fatal(err)
		}
		// Pages come from the document when the evidence does not carry
		// them, and are said only for documents that have pages.
		for _, want := range []string{"[abcdef012345], page 1", "[abcdef012345], page 2", "verbatim (OCR)", quotes.OCRNote + ": the record"} {
			if !strings.Contains(paged.String(), want) {
				t.Errorf("%s: no %q in\n%s", name, want, paged.String())
			}
		}
		if strings.Contains(plain.String(), "page 1") || strings.Contains(plain.String(), "(OCR)") {
			t.Errorf("%s: pages or OCR mark for a document without them", name)
		}
	}
}

func TestPageLabel(t *testing.T) {
	for _, tc := range []struct {
		e    model.Evidence
		want string
	}{
		{model.Evidence{}, ""},
		{model.Evidence{Page: 3}, "page 3"},
		{model.Evidence{Page: 3, PageEnd: 4}, "pages 3–4"},
		{model.Evidence{Page: 3, PageEnd: 3}, "page 3"},
	} {
		if got := PageLabel(tc.e); got != tc.want {
			t.Errorf("PageLabel(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

// A verdict's label says what a reader must know to read it: words read
// by OCR, and a saying the document reports as not made.
func TestVerdictLabel(t *testing.T) {
	for _, c := range []struct {
		q    model.Quote
		want string
	}{
		{model.Quote{Verdict: "verbatim"}, "verbatim"},
		{model.Quote{Verdict: "verbatim", OCR: true}, "verbatim (OCR)"},
		{model.Quote{Verdict: "not-checked", Negated: true}, "not-checked (reported as not said)"},
		{model.Quote{Verdict: "not-checked", Hypothetical: true}, "not-checked (supposed, not reported as said)"},
	} {
		if got := VerdictLabel(c.q); got != c.want {
			t.Errorf("%+v: %q, want %q", c.q, got, c.want)
		}
	}
}
