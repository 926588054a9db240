package checks

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
)

// quoteFindings turns quote verdicts into findings: altered and
// misattributed quotes, and quotes no primary record in the dossier
// covers.
func (c *Checker) quoteFindings(in *Input) []model.Finding {
	var out []model.Finding
	for _, d := range in.Docs {
		a := in.Analyses[d.ID]
		if a == nil {
			continue
		}
		for _, q := range a.Quotes {
			if len(q.Contents) == 0 {
				continue
			}
			speaker := q.SpeakerText()
			if speaker == "" {
				speaker = "an unidentified speaker"
			}
			what := "quotes"
			if !q.Direct {
				what = "reports"
			}
			ev := []model.Evidence{}
			for _, s := range q.Contents {
				ev = append(ev, model.EvidenceOf(d.ID, s))
			}
			f := model.Finding{Quotes: []string{q.ID}, Evidence: ev}
			switch q.Verdict {
			case model.VerdictAltered:
				if !q.SpeakerVerified {
					// Verification never calls words altered unless the
					// record's speaker is the quote's: nothing to report.
					continue
				}
				f.Kind, f.Severity = "altered-quote", model.SeverityHigh
				f.Summary = fmt.Sprintf("%s %s %s in words that differ from the primary record: %s", docName(d), what, speaker, q.Diff)
				if q.OCR {
					// Words read from a scanned page may differ because
					// OCR misread them: a lead, not a misquotation.
					f.Severity = model.SeverityMedium
					f.Summary = fmt.Sprintf("%s %s %s in words that differ from the primary record, but the words were read by OCR from a scanned page and may be misread: %s", docName(d), what, speaker, q.Diff)
				}
			case model.VerdictWrongSpeaker:
				f.Kind, f.Severity = "altered-quote", model.SeverityHigh
				f.Summary = fmt.Sprintf("%s attributes to %s words that the primary record gives to someone else.", docName(d), speaker)
				if q.QuestionerWords {
					f.Summary = fmt.Sprintf("%s attributes to %s words that the primary record gives to a questioner (“%s”).", docName(d), speaker, model.Clip(clean(q.Text()), 90))
				}
				if q.OCR {
					f.Severity = model.SeverityMedium
					f.Summary += " The words were read by OCR from a scanned page: check them against the page image."
				}
			case model.VerdictNoRecord:
				if q.QuestionerWords {
					// The words are in the record, but as a question put to
					// the speaker, not as the speaker's answer.
					f.Kind, f.Severity = "unverified-quote", model.SeverityMedium
					f.Summary = fmt.Sprintf("%s %s %s (“%s”), but the primary record gives these words to a questioner, not to whoever answered.", docName(d), what, speaker, model.Clip(clean(q.Text()), 90))
					break
				}
				f.Kind, f.Severity = "unverified-quote", model.SeverityLow
				f.Summary = fmt.Sprintf("%s %s %s (“%s”), but no primary record in this dossier covers it.", docName(d), what, speaker, model.Clip(clean(q.Text()), 90))
			default:
				continue
			}
			if q.Primary != nil {
				f.Evidence = append(f.Evidence, *q.Primary)
			}
			out = append(out, f)
		}
	}
	return out
}
