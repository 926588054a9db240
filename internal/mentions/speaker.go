package mentions

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Speaker resolves a span that names a speaker (a name, role phrase,
// pronoun or anonymous-source phrase, such as a quote's attribution) using
// the document's mentions ms (as returned by Find; with ms nil, Find is
// run). It returns the speaker's name, actor code and whether the source
// is unnamed; "" and "" when the span cannot be resolved.
//
// In order: the mention that overlaps the span most (a person preferred);
// for a pronoun, the only person (or, for "they", group) mentioned before
// it in its sentence, else in the previous one; a name matching the full
// name or surname of a person mentioned in the document; a person in the
// dictionary, coded at the document date.
func (r *Resolver) Speaker(doc *model.Document, td *text.Doc, ms []model.Mention, span model.Span) (name, code string, anonymous bool) {
	if r == nil || doc == nil {
		return "", "", false
	}
	defer func() {
		if p := recover(); p != nil {
			name, code, anonymous = "", "", false
		}
	}()
	if ms == nil {
		ms = r.Find(doc, td)
	}
	best, bestOverlap := -1, 0
	for i, m := range ms {
		if !m.Overlaps(span) {
			continue
		}
		ov := min(m.End, span.End) - max(m.Start, span.Start)
		better := ov > bestOverlap
		if best >= 0 && ov == bestOverlap {
			better = m.Actor.Person && !ms[best].Actor.Person
		}
		if better {
			best, bestOverlap = i, ov
		}
	}
	if best >= 0 {
		a := ms[best].Actor
		return a.Name, a.Code, a.Anonymous
	}
	txt := span.Text
	if span.Start >= 0 && span.End <= len(doc.Text) && span.Start < span.End {
		txt = doc.Text[span.Start:span.End]
	}
	low := lowerWord(strings.TrimSpace(txt))
	if pk, ok := r.v.pronouns[low]; ok {
		if a, ok := pronounSpeaker(pk, ms, td, span); ok {
			return a.Name, a.Code, a.Anonymous
		}
		return "", "", false
	}
	n := normName(stripHonorific(r.v, txt))
	if n == "" {
		return "", "", false
	}
	ws := strings.Fields(n)
	var found *model.Actor
	for i := range ms {
		a := &ms[i].Actor
		if !a.Person || a.Name == "" {
			continue
		}
		full := normName(a.Name)
		if full == n || (len(ws) == 1 && strings.HasSuffix(full, " "+n)) {
			if found != nil && found.Name != a.Name {
				found = nil
				break
			}
			found = a
		}
	}
	if found != nil {
		return found.Name, found.Code, found.Anonymous
	}
	if pe := r.dict.Person(n); pe != nil {
		dc, _ := pe.CodeAt(doc.Date)
		return pe.Name, dc.Code, false
	}
	return "", "", false
}

// pronounSpeaker finds the antecedent of a pronoun span among mentions.
func pronounSpeaker(pk pronounKind, ms []model.Mention, td *text.Doc, span model.Span) (model.Actor, bool) {
	si := -1
	if td != nil {
		si = td.SentenceAt(span.Start)
	}
	agrees := func(m model.Mention) bool {
		if pk.plural {
			return !m.Actor.Person && m.Actor.Code != ""
		}
		return m.Actor.Person && m.Actor.Name != ""
	}
	try := func(sent int, before bool) (model.Actor, bool, bool) {
		var got *model.Actor
		n := 0
		for i := range ms {
			m := ms[i]
			if m.Sentence != sent || (before && m.End > span.Start) || !agrees(m) {
				continue
			}
			n++
			if got != nil && (got.Name != m.Actor.Name || got.Code != m.Actor.Code) {
				return model.Actor{}, false, true
			}
			got = &ms[i].Actor
		}
		if got == nil {
			return model.Actor{}, false, n > 0
		}
		return *got, true, true
	}
	if si < 0 {
		return model.Actor{}, false
	}
	if a, ok, seen := try(si, true); seen {
		return a, ok
	}
	if a, ok, _ := try(si-1, false); ok {
		return a, true
	}
	return model.Actor{}, false
}
