package checks

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
)

// Words altered against a record that does not name its speaker are a
// lead, not an established misquotation: medium, and the summary says so.
func TestAlteredQuoteOfUnnamedRecordIsMedium(t *testing.T) {
	cases := []struct {
		name     string
		diff     string
		severity model.Severity
		summary  string
	}{
		{"speaker confirmed", "we [-shall-] {+will+} act", model.SeverityHigh, "differ from the primary record"},
		{"speaker not confirmed", "we [-shall-] {+will+} act (" + quotes.SpeakerNotVerified + ": the record does not name its speaker)", model.SeverityMedium, "could not be confirmed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			d := f.doc("a", model.KindArticle, "Ines Varga said “we will act”.")
			f.in.Analyses[d.ID].Quotes = []model.Quote{{ID: "q1", Speaker: "Ines Varga", Direct: true, Verdict: model.VerdictAltered,
				Diff: c.diff, Contents: []model.Span{f.span(d, "we will act")}}}
			got := kinds(f.run(), "altered-quote")
			if len(got) != 1 || got[0].Severity != c.severity || !strings.Contains(got[0].Summary, c.summary) {
				t.Errorf("got %+v", got)
			}
		})
	}
}

// Words a record gives to a questioner: the finding says so; a quote of
// nobody made of them is a medium lead, not a low unverified quote.
func TestQuestionerWordsFindings(t *testing.T) {
	cases := []struct {
		name, speaker, verdict, diff, kind string
		severity                           model.Severity
		summary                            string
	}{
		{"known speaker", "Ines Varga", model.VerdictWrongSpeaker, quotes.QuestionerWords + ` ("unidentified questioner")`, "altered-quote", model.SeverityHigh, "gives to a questioner"},
		{"unknown speaker", "", model.VerdictNoRecord, quotes.QuestionerWords + ` ("unidentified questioner")`, "unverified-quote", model.SeverityMedium, "gives these words to a questioner"},
		{"plain unverified", "", model.VerdictNoRecord, "", "unverified-quote", model.SeverityLow, "no primary record"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			d := f.doc("a", model.KindArticle, "She accused the port of “starving the district”.")
			f.in.Analyses[d.ID].Quotes = []model.Quote{{ID: "q1", Speaker: c.speaker, Direct: true, Verdict: c.verdict,
				Diff: c.diff, Contents: []model.Span{f.span(d, "starving the district")}}}
			got := kinds(f.run(), c.kind)
			if len(got) != 1 || got[0].Severity != c.severity || !strings.Contains(got[0].Summary, c.summary) {
				t.Errorf("got %+v", got)
			}
		})
	}
}
