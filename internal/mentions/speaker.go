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
	// bySent are the mentions of each sentence, for pronouns; built on
	// first use (mentionsIn).
	bySent map[int][]int
}

// Speaker is Resolver.Speaker for the prepared document.
func (x *SpeakerIndex) Speaker(span model.Span) (name, code string, anonymous bool) {
	if x == nil || x.r == nil || x.doc == nil {
		return "", "", false
	}
	defer func() {
		if p := recover(); p != nil {
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
	if pk, ok := r.v.pronouns[low]; ok {
		if a, ok := x.pronounSpeaker(pk, span); ok {
			return a.Name, a.Code, a.Anonymous
		}
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

// mentionsIn returns the indexes of the mentions of sentence si, in
// order; the index of every sentence's is built on first use.
func (x *SpeakerIndex) mentionsIn(si int) []int {
	if x.bySent == nil {
		x.bySent = map[int][]int{}
		for i := range x.ms {
			x.bySent[x.ms[i].Sentence] = append(x.bySent[x.ms[i].Sentence], i)
		}
	}
	return x.bySent[si]
}

// mainSubject reports whether the mention at span is the subject of its
// sentence's main clause or of what it reports (the root, a verb
// coordinated with it, its complement clauses), not of an adverbial or
// relative clause: the previous sentence's one actor stands for a
// pronoun opening the next only when it is, somewhere, what that sentence
// is about ("… they said" after "The statement noted they had warned …
// if North Korea conducted another test" is not North Korea). A sentence
// without a tree does not say, and the mention is taken.
func (x *SpeakerIndex) mainSubject(span model.Span) bool {
	td := x.td
	k := td.TokenAt(span.Start)
	if k < 0 || td.Tokens[k].Head < 0 && td.Tokens[k].Rel == "" {
		return true
	}
	// the mention's head: the token of the span whose head is outside it
	for k >= 0 && k < len(td.Tokens) {
		h := td.Tokens[k].Head
		if h < 0 || td.Tokens[h].Start < span.Start || td.Tokens[h].End > span.End {
			break
		}
		k = h
	}
	if !td.RelIs(k, "nsubj") {
		return false
	}
	for v := td.Tokens[k].Head; v >= 0; v = td.Tokens[v].Head {
		switch {
		case td.RelIs(v, "root"):
			return true
		case !td.RelIs(v, "conj", "ccomp", "parataxis", "xcomp"):
			return false
		}
	}
	return false
}

// lastOutside is the same-sentence choice of pronounSpeaker for a
// pronoun at offset at: the latest agreeing mention ending before it,
// outside the quotations closed before it and not the agent of a passive
// with no subject, when all such mentions are of one actor. any reports
// whether there was one.
func (x *SpeakerIndex) lastOutside(si int, plural bool, at int, quoted [][2]int) (a model.Actor, ok, any bool) {
	last := -1
	for _, i := range x.mentionsIn(si) {
		m := x.ms[i]
		if m.End > at || !agreesPronoun(plural, m) || inClosed(quoted, m.Start, at) {
			continue
		}
		if k, e := x.td.TokenAt(m.Start), x.td.TokenAt(m.End-1); k >= 0 && !x.td.Deferred(si) && agentOfSubjectless(x.td, k, e+1) {
			continue
		}
		if last >= 0 && !sameActor(x.ms[last].Actor, m.Actor) {
			return model.Actor{}, false, true
		}
		last = max(last, i)
	}
	if last < 0 {
		return model.Actor{}, false, false
	}
	return x.ms[last].Actor, true, true
}

// inClosed reports whether offset off is inside one of the quotations
// (offset ranges) that close before offset at.
func inClosed(quoted [][2]int, off, at int) bool {
	for _, q := range quoted {
		if q[0] <= off && off < q[1] && q[1] <= at {
			return true
		}
	}
	return false
}

func sameActor(a, b model.Actor) bool { return a.Name == b.Name && a.Code == b.Code }

func agreesPronoun(plural bool, m model.Mention) bool {
	if plural {
		return !m.Actor.Person && m.Actor.Code != ""
	}
	return m.Actor.Person && m.Actor.Name != ""
}

// pronounSpeaker finds the antecedent of a pronoun span among the
// mentions: the only actor mentioned before it in its sentence, else in
// the previous sentence.
func (x *SpeakerIndex) pronounSpeaker(pk pronounKind, span model.Span) (model.Actor, bool) {
	si := -1
	if x.td != nil {
		si = x.td.SentenceAt(span.Start)
	}
	if si < 0 {
		return model.Actor{}, false
	}
	// (the words of a quotation closed before the pronoun are what was
	// said, not who says it, and the agent of a passive with no subject
	// is not who its sentence is about: see pronounScope.advance)
	quoted := closedQuotations(x.td, si)
	if a, ok, any := x.lastOutside(si, pk.plural, span.Start, quoted); any {
		return a, ok
	}
	// The sentence before: its one actor outside its quotations, when
	// it is somewhere the subject of that sentence (mainSubject); what a
	// quotation there names is what was said ("“Odhiambo is lying.” After
	// all, he says" is not Odhiambo's "he").
	if si == 0 {
		return model.Actor{}, false
	}
	closes := quotationCloses(x.td, si-1)
	first := x.td.Sentences[si-1].FirstToken
	last, subject := -1, false
	for _, i := range x.mentionsIn(si - 1) {
		m := x.ms[i]
		if !agreesPronoun(pk.plural, m) {
			continue
		}
		if k := x.td.TokenAt(m.Start) - first; k >= 0 && k < len(closes) && closes[k] >= 0 {
			continue
		}
		if last >= 0 && !sameActor(x.ms[last].Actor, m.Actor) {
			return model.Actor{}, false
		}
		last = max(last, i)
		subject = subject || x.mainSubject(m.Span)
	}
	if last >= 0 && subject {
		return x.ms[last].Actor, true
	}
	return model.Actor{}, false
}
