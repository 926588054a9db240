package checks

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
)

// Words that differ from a record read by OCR may be misread, not
// misquoted: the finding is a medium lead that says so (issue 14).
func TestAlteredQuoteReadByOCRIsMedium(t *testing.T) {
	ocrNote := " (" + quotes.OCRNote + ": the record came from a scanned page; check the words against the page image)"
	cases := []struct {
		name, verdict, diff string
		ocr                 bool
		severity            model.Severity
		summary             string
	}{
		{"altered, typed record", model.VerdictAltered, "we [-shall-] {+will+} act", false, model.SeverityHigh, "differ from the primary record:"},
		{"altered, scanned record", model.VerdictAltered, "we [-shall-] {+will+} act" + ocrNote, true, model.SeverityMedium, "read by OCR from a scanned page and may be misread"},
		{"wrong speaker, scanned record", model.VerdictWrongSpeaker, "someone else" + ocrNote, true, model.SeverityMedium, "check them against the page image"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			d := f.doc("a", model.KindArticle, "Ines Varga said “we will act”.")
			f.in.Analyses[d.ID].Quotes = []model.Quote{{ID: "q1", Speaker: "Ines Varga", Direct: true, Verdict: c.verdict,
				SpeakerVerified: true, OCR: c.ocr, Diff: c.diff, Contents: []model.Span{f.span(d, "we will act")}}}
			got := kinds(f.run(), "altered-quote")
			if len(got) != 1 || got[0].Severity != c.severity || !strings.Contains(got[0].Summary, c.summary) {
				t.Errorf("got %+v", got)
			}
		})
	}
}
