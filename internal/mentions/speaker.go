package mentions

import (
	"sort"
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
// In order: the mention that overlaps the span most (a person preferred),
// which for a pronoun is its antecedent as the resolver found it (a
// pronoun it left unresolved is no one); a name matching the full
// name or surname of a person mentioned in the document; a person in the
// dictionary, coded at the document date.
func (r *Resolver) Speaker(doc *model.Document, td *text.Doc, ms []model.Mention, span model.Span) (name, code string, anonymous bool) {
	if r == nil || doc == nil {
		return "", "", false
	}
	defer func() {
		if p := recover(); p != nil {
			r.trip(doc.ID, p)
			name, code, anonymous = "", "", false
		}
	}()
	if ms == nil {
		ms = r.Find(doc, td)
	}
	return r.Speakers(doc, td, ms).Speaker(span)
}

// Speakers prepares the mentions ms of a document for many Speaker
// questions: each answer then costs about log n, not n, so that a long
// document with many quotes is not read once per quote.
func (r *Resolver) Speakers(doc *model.Document, td *text.Doc, ms []model.Mention) *SpeakerIndex {
	x := &SpeakerIndex{r: r, doc: doc, td: td, ms: ms}
	x.byStart = make([]int, len(ms))
	for i := range ms {
		x.byStart[i] = i
		if n := ms[i].End - ms[i].Start; n > longMention {
			x.long = append(x.long, i)
		}
	}
	sort.SliceStable(x.byStart, func(a, b int) bool { return ms[x.byStart[a]].Start < ms[x.byStart[b]].Start })
	return x
}

// longMention is the length (bytes) above which a mention is checked
// for overlap with every span; shorter ones only near the span.
const longMention = 256

// SpeakerIndex answers Speaker for the spans of one document. It is not
// safe for concurrent use.
type SpeakerIndex struct {
	r       *Resolver
	doc     *model.Document
	td      *text.Doc
	ms      []model.Mention
	byStart []int // mention indexes by start offset
	long    []int // mentions longer than longMention
	// names maps a person's normalised full name, and (with a "\x00"
	// prefix) the last word of a name of several words, to the
	// mentions that bear it, in order; built on first use.
	names map[string][]int
}

// Speaker is Resolver.Speaker for the prepared document.
func (x *SpeakerIndex) Speaker(span model.Span) (name, code string, anonymous bool) {
	if x == nil || x.r == nil || x.doc == nil {
		return "", "", false
	}
	defer func() {
		if p := recover(); p != nil {
			x.r.trip(x.doc.ID, p)
			name, code, anonymous = "", "", false
		}
	}()
	r, doc, ms := x.r, x.doc, x.ms
	best, bestOverlap := -1, 0
	for _, i := range x.overlapping(span) {
		m := ms[i]
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
	if _, ok := r.v.pronouns[low]; ok {
		// (a pronoun the resolver gave an antecedent is a mention, found
		// above; one it left without is nobody: its rules are the only
		// ones about whom a pronoun means)
		return "", "", false
	}
	n := normName(stripHonorific(r.v, txt))
	if n == "" {
		return "", "", false
	}
	var found *model.Actor
	named := x.named(n)
	for _, i := range named {
		a := &ms[i].Actor
		if found != nil && found.Name != a.Name {
			found = nil
			break
		}
		found = a
	}
	if found != nil {
		return found.Name, found.Code, found.Anonymous
	}
	// (a name the document gives two people is neither of them, nor a
	// person of the dictionary it does not name)
	if pe := r.dict.Person(n); pe != nil && len(named) == 0 && (!r.dict.BySurname(n) || pe.HeldAt(doc.Date)) {
		dc, _ := pe.CodeAt(doc.Date)
		return pe.Name, dc.Code, false
	}
	return "", "", false
}

// overlapping returns the mentions that overlap span, in their order.
func (x *SpeakerIndex) overlapping(span model.Span) []int {
	ms := x.ms
	from := sort.Search(len(x.byStart), func(k int) bool { return ms[x.byStart[k]].Start > span.Start-longMention })
	var out []int
	for k := from; k < len(x.byStart) && ms[x.byStart[k]].Start < span.End; k++ {
		if i := x.byStart[k]; ms[i].Overlaps(span) && ms[i].End-ms[i].Start <= longMention {
			out = append(out, i)
		}
	}
	for _, i := range x.long {
		if ms[i].Overlaps(span) {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// named returns, in order, the person mentions whose full name is n or,
// when n is one word, ends in it.
func (x *SpeakerIndex) named(n string) []int {
	if x.names == nil {
		x.names = map[string][]int{}
		for i := range x.ms {
			a := &x.ms[i].Actor
			if !a.Person || a.Name == "" {
				continue
			}
			full := normName(a.Name)
			x.names[full] = append(x.names[full], i)
			if k := strings.LastIndexByte(full, ' '); k >= 0 {
				last := "\x00" + full[k+1:]
				x.names[last] = append(x.names[last], i)
			}
		}
	}
	exact := x.names[n]
	if strings.Contains(n, " ") {
		return exact
	}
	bySurname := x.names["\x00"+n]
	if len(bySurname) == 0 {
		return exact
	}
	out := append(append([]int(nil), exact...), bySurname...)
	sort.Ints(out)
	// A mention both named n and ending in n (a name of several words
	// whose normalised form is n itself cannot end in " n") is counted
	// once.
	return slicesCompact(out)
}

func slicesCompact(s []int) []int {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}
