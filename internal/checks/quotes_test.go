package checks

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
)

// An altered quote is an accusation only when verification confirmed that
// the record's speaker is the quote's (Quote.SpeakerVerified): otherwise
// the check reports nothing, whatever the verdict says.
func TestAlteredQuoteNeedsVerifiedSpeaker(t *testing.T) {
	cases := []struct {
		name     string
		verified bool
		findings int
	}{
		{"speaker confirmed", true, 1},
		{"speaker not confirmed", false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			d := f.doc("a", model.KindArticle, "Ines Varga said “we will act”.")
			f.in.Analyses[d.ID].Quotes = []model.Quote{{ID: "q1", Speaker: "Ines Varga", Direct: true, Verdict: model.VerdictAltered,
				SpeakerVerified: c.verified, Diff: "we [-shall-] {+will+} act", Contents: []model.Span{f.span(d, "we will act")}}}
			got := kinds(f.run(), "altered-quote")
			if len(got) != c.findings {
				t.Fatalf("got %+v, want %d findings", got, c.findings)
			}
			if c.findings > 0 && (got[0].Severity != model.SeverityHigh || !strings.Contains(got[0].Summary, "differ from the primary record")) {
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
		questioner                         bool
		severity                           model.Severity
		summary                            string
	}{
		{"known speaker", "Ines Varga", model.VerdictWrongSpeaker, quotes.QuestionerWords + ` ("unidentified questioner")`, "altered-quote", true, model.SeverityHigh, "gives to a questioner"},
		{"unknown speaker", "", model.VerdictNoRecord, quotes.QuestionerWords + ` ("unidentified questioner")`, "unverified-quote", true, model.SeverityMedium, "gives these words to a questioner"},
		{"plain unverified", "", model.VerdictNoRecord, "", "unverified-quote", false, model.SeverityLow, "no primary record"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			d := f.doc("a", model.KindArticle, "She accused the port of “starving the district”.")
			f.in.Analyses[d.ID].Quotes = []model.Quote{{ID: "q1", Speaker: c.speaker, Direct: true, Verdict: c.verdict,
				QuestionerWords: c.questioner, Diff: c.diff, Contents: []model.Span{f.span(d, "starving the district")}}}
			got := kinds(f.run(), c.kind)
			if len(got) != 1 || got[0].Severity != c.severity || !strings.Contains(got[0].Summary, c.summary) {
				t.Errorf("got %+v", got)
			}
		})
	}
}
