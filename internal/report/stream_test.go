package report

import (
	"bytes"
	"fmt"
	"regexp"
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
