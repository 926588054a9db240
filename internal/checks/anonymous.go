package checks

import (
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// anonymousSources raises a finding for each sentence whose claim rests
// on unnamed sources.
func (c *Checker) anonymousSources(in *Input) []model.Finding {
	var out []model.Finding
	for _, st := range in.sentences() {
		cs, ce, ok := phraseAt(st.span.Text, c.vocab.Anonymity)
		if !ok {
			if f, ok := c.unnamedSpeaker(in, st); ok {
				out = append(out, f)
			}
			continue
		}
		// The speaker of an anonymous quote names the source best
		// ("Economists at two banks"); else an anonymous mention.
		who := ""
		var quotes []string
		if a := in.Analyses[st.doc.ID]; a != nil {
			for _, q := range a.Quotes {
				for _, s := range q.Sources {
					if st.span.Contains(s) {
						quotes = append(quotes, q.ID)
						if who == "" && q.Anonymous {
							// the speaker's name for the group ("US
							// officials"), without the phrase around it
							who = clean(q.Speaker)
							if who == "" {
								// the source's words without the
								// relative clause that says why it is
								// unnamed
								who = c.sourceWords(clean(s.Text))
							}
						}
					}
				}
			}
			for _, m := range a.Mentions {
				if who == "" && m.Actor.Anonymous && st.span.Contains(m.Span) {
					who = clean(m.Text)
				}
			}
		}
		if who == "" {
			who = c.unnamedAttribution(st.span.Text[:cs])
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

// unnamedAttribution returns the source of an attribution that ends
// where the anonymity phrase starts, when it names no one: in "…,
// according to a city hall employee who asked not to be named", before
// "asked not to be named", it is "a city hall employee"; in "A clerk who
// asked not to be named said …", "A clerk".
func (c *Checker) unnamedAttribution(before string) string {
	lower := strings.ToLower(before)
	at := -1
	for _, a := range c.vocab.Attribution {
		if i := strings.LastIndex(lower, strings.ToLower(a)+" "); i >= 0 && i+len(a)+1 > at {
			at = i + len(a) + 1
		}
	}
	if at < 0 {
		// No attribution phrase: the source is the phrase that opens
		// the sentence or follows its last comma ("A clerk who asked
		// not to be named said …").
		at = strings.LastIndex(before, ",") + 1
	}
	words := strings.Fields(before[at:])
	for len(words) > 0 {
		last := strings.ToLower(strings.Trim(words[len(words)-1], ",;:"))
		if last != "" && !containsFold(c.vocab.SourceEnders, last) {
			break
		}
		words = words[:len(words)-1]
	}
	if len(words) < 2 || len(words) > 8 || !containsFold(c.vocab.Unnamed, words[0]) {
		return ""
	}
	return strings.Trim(strings.Join(words, " "), ",;: ")
}

// sourceWords returns an unnamed source's own words, up to the first of
// the vocabulary's source_enders ("one of two witnesses who relayed the
// story but did not want to speak on the record": "one of two
// witnesses").
func (c *Checker) sourceWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if i > 0 && containsFold(c.vocab.SourceEnders, strings.Trim(w, ",;:")) {
			return strings.TrimRight(strings.Join(ws[:i], " "), ",;: ")
		}
	}
	return s
}

// unnamedSpeaker raises anonymous-source for a sentence with no anonymity
// phrase in which a quote's speaker is an unnamed source ("a senior
// official said", "diplomats said").
func (c *Checker) unnamedSpeaker(in *Input, st sentenceText) (model.Finding, bool) {
	a := in.Analyses[st.doc.ID]
	if a == nil {
		return model.Finding{}, false
	}
	for _, q := range a.Quotes {
		if !q.Anonymous || q.Act || q.Negated || q.Hypothetical || len(q.Sources) == 0 || len(q.Contents) == 0 || !st.span.Contains(q.Sources[0]) {
			// an act ("two aides endorsed the senator") is no claim
			// that rests on them
			continue
		}
		src := q.Sources[0]
		// The source's words up to the name the quote stage gave it ("a
		// well-connected source", without "who told him …"), or that
		// name where the words are a pronoun (the "insiders" a "they"
		// stands for).
		desc := clean(src.Text)
		if q.Speaker != "" {
			if i := strings.Index(desc, q.Speaker); i >= 0 {
				desc = desc[:i+len(q.Speaker)]
			} else if !strings.Contains(desc, " ") {
				desc = q.Speaker
			}
		}
		return model.Finding{
			Kind:     "anonymous-source",
			Severity: model.SeverityMedium,
			Summary:  fmt.Sprintf("A claim in %s rests on an unnamed source: “%s”.", docName(st.doc), desc),
			Evidence: []model.Evidence{model.EvidenceOf(st.doc.ID, st.span), model.EvidenceOf(st.doc.ID, src)},
			Quotes:   []string{q.ID},
		}, true
	}
	return model.Finding{}, false
}
