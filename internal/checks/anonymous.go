package checks

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
)

// anonymousSources raises a finding for each sentence whose claim rests
// on unnamed sources.
func (c *Checker) anonymousSources(in *Input) []model.Finding {
	var out []model.Finding
	for _, st := range in.sentences() {
		cs, ce, ok := phraseAt(st.span.Text, c.vocab.Anonymity)
		if !ok {
			continue
		}
		who := ""
		var quotes []string
		if a := in.Analyses[st.doc.ID]; a != nil {
			for _, m := range a.Mentions {
				if m.Actor.Anonymous && st.span.Contains(m.Span) {
					who = clean(m.Text)
					break
				}
			}
			for _, q := range a.Quotes {
				for _, s := range q.Sources {
					if st.span.Contains(s) {
						quotes = append(quotes, q.ID)
						if who == "" && q.Anonymous {
							who = clean(s.Text)
						}
					}
				}
			}
		}
		if who == "" {
			// The phrase is there, but no unnamed source is: "the minister
			// said she was not authorised to speak" names its speaker.
			continue
		}
		out = append(out, model.Finding{
			Kind:     "anonymous-source",
			Severity: model.SeverityMedium,
			Summary:  fmt.Sprintf("A claim in %s rests on %s (“%s”), who are not named.", docName(st.doc), who, clean(st.span.Text[cs:ce])),
			Evidence: []model.Evidence{model.EvidenceOf(st.doc.ID, st.span), model.EvidenceOf(st.doc.ID, sub(st.span, cs, ce))},
			Quotes:   quotes,
		})
	}
	return out
}
