package people

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
	"github.com/dossier-project/dossier/internal/text"
)

// CodeSpeakers gives a quote whose speaker was named but not coded the
// code of a mention of the same person in the document.
func CodeSpeakers(qs []model.Quote, ms []model.Mention) {
	codes := map[string]string{}
	for _, m := range ms {
		if m.Actor.Person && m.Actor.Name != "" && m.Actor.Code != "" {
			if _, ok := codes[m.Actor.Name]; !ok {
				codes[m.Actor.Name] = m.Actor.Code
			}
		}
	}
	for i := range qs {
		if qs[i].SpeakerCode == "" && !qs[i].Anonymous {
			qs[i].SpeakerCode = codes[qs[i].Speaker]
		}
	}
}

// Mentions returns ms and the mentions that first-person pronouns make inside
// direct speech: "I" and "me" are the speaker, "we" and "us" the actor the
// speaker speaks for (the speaker's code). Only quotes whose speaker is
// known and coded, and not anonymous, take part, and the turns of a
// transcript, whose speaker is known though no code is ("I" of the
// turns of a candidate or a moderator); pronouns already resolved by the
// mentions stage are left alone.
func (fp *FirstPersonWords) Mentions(doc *model.Document, td *text.Doc, qs []model.Quote, ms []model.Mention) []model.Mention {
	taken := map[int]bool{}
	for _, m := range ms {
		taken[m.Start] = true
	}
	var out []model.Mention
	var labels mentionsAt // the mention of each label
	for _, q := range qs {
		turn := doc != nil && doc.Kind == model.KindTranscript && q.Rule == quotes.RuleTranscriptTurn
		if !q.Direct || q.Question || q.Anonymous || q.Speaker == "" || q.SpeakerCode == "" && !turn {
			continue
		}
		speaker := model.Actor{Code: q.SpeakerCode, Name: q.Speaker, Person: true}
		if turn && len(q.Sources) > 0 {
			// the person the turn's label resolves to, named as the
			// rest of the document names them ("TRUMP", the header's
			// "Donald J. Trump", is the dictionary's "Donald Trump")
			if m, ok := labels.find(ms, q.Sources[0]); ok && m.Actor.Person && m.Actor.Name != "" && !m.Actor.Anonymous {
				speaker = m.Actor
			}
		}
		for _, c := range q.Contents {
			first := td.TokenAt(c.Start)
			if first < 0 {
				continue
			}
			for i := first; i < len(td.Tokens) && td.Tokens[i].Start < c.End; i++ {
				tok := td.Tokens[i]
				if taken[tok.Start] {
					continue
				}
				var actor model.Actor
				rule := ""
				switch w := strings.ToLower(tok.Text); {
				case fp.singular[w]:
					actor, rule = speaker, model.RuleFirstPersonSingular
				case fp.plural[w]:
					actor, rule = model.Actor{Code: speaker.Code, Name: speaksFor(doc, q.Speaker, speaker.Name)}, model.RuleFirstPersonPlural
				default:
					continue
				}
				if turn && fp.reported(td, i) {
					continue // someone else's words inside the turn
				}
				taken[tok.Start] = true
				out = append(out, model.Mention{
					Span:     model.Span{Start: tok.Start, End: tok.End, Text: tok.Text},
					Actor:    actor,
					Sentence: td.SentenceAt(tok.Start),
					Rule:     rule + " (quote " + q.ID + ")",
				})
			}
		}
	}
	if len(out) == 0 {
		return ms
	}
	all := append(append([]model.Mention{}, ms...), out...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	return all
}

// reported reports whether token i of a transcript's turn is someone
// else's words: inside quotation marks within the turn ("Police Chief
// David Brown said, quote, “We're asking cops to do too much”"), or in
// a clause a verb of reporting reports whose subject is no first person
// ("he said, no, we're building a wall"). The verb's own participants
// are the speaker's words ("Okafor told me", "my opponent says").
func (fp *FirstPersonWords) reported(td *text.Doc, i int) bool {
	at := td.Tokens[i].Start
	// the last quotation opened before the token (they are in text order)
	if k := sort.Search(len(td.Quotations), func(k int) bool { return td.Quotations[k].OpenEnd > at }) - 1; k >= 0 {
		q := td.Quotations[k]
		end := q.Close
		if end < 0 {
			end = q.CloseEnd // open to the paragraph's end
		}
		if at < end {
			return true
		}
	}
	for c, v, steps := i, td.Tokens[i].Head, 0; v >= 0 && steps < 32; c, v, steps = v, td.Tokens[v].Head, steps+1 {
		if !fp.reporting[strings.ToLower(td.Tokens[v].Lemma)] {
			continue
		}
		s := td.Dependent(v, "nsubj")
		if s < 0 {
			continue
		}
		if w := strings.ToLower(td.Tokens[s].Text); fp.singular[w] || fp.plural[w] {
			return false // the speaker reports their own words
		}
		if !participant(td.Tokens[c].Rel) {
			return true
		}
		// the token is of the verb's own clause ("Okafor told me"): the
		// verbs above it decide
	}
	return false
}

// participant reports whether a dependent with relation rel is one of a
// verb's own participants (its subject, object, indirect object or
// oblique), not the clause it reports; any other relation, a misparse
// included, counts as the reported clause.
func participant(rel string) bool {
	switch base, _, _ := strings.Cut(rel, ":"); base {
	case "nsubj", "obj", "iobj", "obl", "expl":
		return true
	}
	return false
}

// speaksFor names who "we" are for a speaker, whom the rest of the
// document names name: the organisation a transcript gives for them,
// else "the speaker's side".
func speaksFor(doc *model.Document, speaker, name string) string {
	for _, s := range doc.Speakers {
		if s.Name == speaker && s.Organization != "" {
			return s.Organization
		}
	}
	return name + "'s side"
}
