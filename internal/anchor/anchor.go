// Package anchor ties each event and quote of a document to the time it
// happened, and records the order a sentence states between two events.
//
// In: a document, its text layer (sentences, paragraphs, the tree) and
// its analysis: temporal expressions, events and quotes. Out: the When
// of every event and quote (a model.Anchor naming the expression it
// rests on, or the document date, or nothing when unknown), and, for
// events of one sentence whose order the text states, the events each
// came after.
//
// The words it reads (clause breaks, subordinators of time, auxiliaries
// of the past, order words) are data: anchor/vocabulary.yaml.
package anchor

import (
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Anchor ties each event and quote of a to its time: the temporal
// expression governing its clause, else its sentence's, else the one that
// opens its paragraph, else the document date (at a lower precision when
// the date was inferred). What is said in a primary record happens at the
// record's date unless the sentence dates it otherwise.
//
// Precision comes first:
//   - A sentence with a date of its own that cannot be resolved ("Monday
//     13 May" when the document date is unknown, "the next day" with
//     nothing before it) does not borrow another sentence's date: what it
//     governs is left unknown. So is what follows a paragraph opener that
//     cannot be resolved.
//   - An expression inside direct speech governs only what is inside the
//     same quotation: in `she promised that "we will act next year"` the
//     promise is not dated next year.
//   - A year-less day stated with its weekday ("Monday 13 May") takes the
//     year of the nearest resolved expression of the document when that
//     day fell on that weekday then, and no year otherwise.
func (an *Anchorer) Anchor(doc *model.Document, td *text.Doc, a *model.Analysis) {
	ts := datingExpressions(a.Timexes)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Start < ts[j].Start })
	var quoted []model.Span
	for _, q := range a.Quotes {
		if q.Direct {
			quoted = append(quoted, q.Contents...)
		}
	}
	sort.SliceStable(quoted, func(i, j int) bool { return quoted[i].Start < quoted[j].Start })
	x := &anchorer{doc: doc, td: td, all: ts, quoted: quoted, breaks: an.breaks, timeMarks: an.timeMarks, pastAux: an.pastAux, sents: map[int]*sentenceBreaks{}}
	for i := range a.Events {
		e := &a.Events[i]
		e.When = x.anchor(nil, e.Trigger.Start)
		if !e.Future && !e.Hypothetical && x.toldAsPast(e.Trigger.Start) && afterDocument(e.When, doc) {
			e.When = documentAnchor(doc)
		}
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		at := -1
		switch {
		case q.Cue != nil:
			at = q.Cue.Start
		case len(q.Contents) > 0:
			at = q.Contents[0].Start
		}
		if q.Rule == "transcript-turn" {
			q.When = documentAnchor(doc)
			continue
		}
		if at >= 0 {
			// What the speaker said is not when they said it: "he said
			// he had met the ambassador on Friday" was not said on Friday.
			q.When = x.anchor(q.Contents, at)
			if q.Cue != nil && x.toldAsPast(q.Cue.Start) && afterDocument(q.When, doc) {
				q.When = documentAnchor(doc)
			}
		}
	}
}

// toldAsPast reports whether the word at byte offset at is a verb told
// in the past: the simple past ("said", "tried"), a perfect or a past
// passive ("has called", "was told"), or a participle or infinitive
// clause of such a verb ("…, announcing on Wednesday that …", "tried to
// expand on …, saying"): what it tells happened before the text was
// written.
func (x *anchorer) toldAsPast(at int) bool {
	k := x.td.TokenAt(at)
	if k < 0 {
		return false
	}
	// up from a participle or an infinitive to the verb it depends on
	// ("tried to expand on …, saying")
	for steps := 0; steps < 4 && (x.td.Tokens[k].Tag == "VBG" || x.td.Tokens[k].Tag == "VB") && x.td.RelIs(k, "advcl", "xcomp", "conj"); steps++ {
		if k = x.td.Tokens[k].Head; k < 0 {
			return false
		}
	}
	switch x.td.Tokens[k].Tag {
	case "VBD":
		return true
	case "VBN":
		for _, d := range x.td.Dependents(k, nil) {
			if x.td.RelIs(d, "aux", "aux:pass") && x.pastAux[strings.ToLower(x.td.Tokens[d].Text)] {
				return true
			}
		}
	}
	return false
}

// afterDocument reports whether anchor a, an expression's date, lies
// after the document's date (its latest, for a range) at a's precision:
// something told in the past tense cannot have happened then ("on
// Sunday, Mrs. X tried …" in an article of a Wednesday read as the
// Sunday after), so its anchor is a misreading and the document's date
// is used instead.
func afterDocument(a *model.Anchor, doc *model.Document) bool {
	if a == nil || a.By == "document" || doc.Date.IsZero() || len(a.Value) < 4 {
		return false
	}
	v := a.Value
	if len(v) > len("2006-01-02") {
		v = v[:len("2006-01-02")]
	}
	for _, r := range v {
		if r != '-' && (r < '0' || r > '9') {
			return false // a week, a quarter, a season: not compared
		}
	}
	last := doc.Date
	if !doc.DateEnd.IsZero() {
		last = doc.DateEnd
	}
	d := last.Format("2006-01-02")
	return v > d[:len(v)]
}

// datingExpressions returns the expressions that date something: not
// durations, not clock times without a date, and none that timex marks
// as no date of an event (NoDate: a duration, a decade, the open end of
// a span such as "since 2004", a vague "now"). Year-less days with a
// weekday get a year from the nearest resolved expression when the
// weekday fits it (see Anchor).
func datingExpressions(all []model.Timex) []model.Timex {
	out := make([]model.Timex, 0, len(all))
	for _, t := range all {
		if t.Kind == "duration" || t.NoDate != "" || strings.HasPrefix(t.Value, "T") {
			continue
		}
		out = append(out, t)
	}
	// The resolved expressions in text order, for a binary search of
	// the nearest: the cost is n·log n however many year-less days.
	var resolved []model.Timex
	for _, u := range out {
		if usable(u) {
			resolved = append(resolved, u)
		}
	}
	sort.SliceStable(resolved, func(i, j int) bool { return resolved[i].Start < resolved[j].Start })
	for i := range out {
		t := &out[i]
		if t.Weekday == "" || len(t.Value) != len("XXXX-01-02") || !strings.HasPrefix(t.Value, "XXXX-") {
			continue
		}
		k := sort.Search(len(resolved), func(j int) bool { return resolved[j].Start >= t.Start })
		near := -1
		if k > 0 {
			near = k - 1
		}
		if k < len(resolved) && (near < 0 || abs(resolved[k].Start-t.Start) < abs(resolved[near].Start-t.Start)) {
			near = k
		}
		if near < 0 {
			continue
		}
		y := resolved[near].Value[:4]
		d, err := time.Parse("2006-01-02", y+t.Value[4:])
		if err != nil || d.Weekday().String() != t.Weekday {
			continue
		}
		t.Value = y + t.Value[4:]
		if strings.HasPrefix(t.EndValue, "XXXX") {
			t.EndValue = y + t.EndValue[4:]
		}
	}
	return out
}

// usable reports whether t has a date to anchor to.
func usable(t model.Timex) bool {
	return t.Value != "" && !strings.HasPrefix(t.Value, "X")
}

// anchorWindow bounds the work of anchoring one event or quote: in its
// clause or sentence it weighs at most this many expressions on each
// side of it (the nearest), and looks at no more than anchorScan to find
// them. Ordinary clauses hold a few expressions; the bound matters only
// for pathological text (a megabyte in one sentence), where it keeps
// anchoring linear in the size of the document.
const (
	anchorWindow = 16
	anchorScan   = 4 * anchorWindow
)

// anchorer anchors the events and quotes of one document. all is the
// document's dating expressions in text order, quoted the contents of
// its direct quotes in text order; the clause breaks of each sentence
// are found once, on first use.
type anchorer struct {
	doc    *model.Document
	td     *text.Doc
	all    []model.Timex
	quoted []model.Span
	breaks []clauseBreak
	// timeMarks are the subordinators of a clause of time (vocabulary)
	timeMarks map[string]bool
	// pastAux are the auxiliaries of a perfect or a past passive
	pastAux map[string]bool
	sents   map[int]*sentenceBreaks
}

// anchor returns the anchor for something said at byte offset at.
// Expressions inside own (a quote's own contents) are left out.
func (x *anchorer) anchor(own []model.Span, at int) *model.Anchor {
	doc, td := x.doc, x.td
	si := td.SentenceAt(at)
	if si < 0 {
		return documentAnchor(doc)
	}
	// Only the expressions of the paragraph can date what is said here;
	// an expression in a quotation dates only what is in it.
	keep := func(t model.Timex) bool {
		return !inOtherQuote(x.quoted, t.Span, at) && !inAny(own, t.Span) && x.sameClause(si, at, t.Start)
	}
	s := td.Sentences[si].Span
	p := td.Paragraphs[td.Sentences[si].Para]
	lo, hi := x.between(s.Start, s.End)
	inSentence := x.around(lo, hi, at, func(t model.Timex) bool { return t.End <= s.End && keep(t) })
	if len(inSentence) > 0 {
		// The clause is the stretch of the sentence between clause breaks
		// around at; an expression in it governs.
		sb := x.sentence(si)
		cs, ce := sb.clause(s, at)
		clo, chi := x.between(cs, ce)
		inClause := x.around(clo, chi, at, func(t model.Timex) bool { return t.End <= ce && keep(t) })
		if len(inClause) > 0 {
			return finestUsable(inClause, at, "clause")
		}
		if cs == s.Start {
			// No clause break before the event: an expression later in
			// the sentence may still date it, unless it is inside a
			// clause hung on the sentence with a comma ("…, where
			// militants killed eleven soldiers last Sunday").
			later := x.around(lo, hi, at, func(t model.Timex) bool {
				return t.End <= s.End && keep(t) && !sb.behindComma(at, t.Start)
			})
			if len(later) > 0 {
				return finestUsable(later, at, "sentence")
			}
		}
		return documentAnchor(doc)
	}
	// The expression that opens the paragraph sets the scene for it: the
	// first one of the paragraph, when it lies before this sentence.
	plo, _ := x.between(p.Start, p.End)
	for i, n := plo, 0; i < len(x.all) && n < anchorScan; i, n = i+1, n+1 {
		t := x.all[i]
		if t.Start >= s.Start || t.Start >= p.End {
			break
		}
		if !p.Contains(t.Span) || !keep(t) {
			continue
		}
		first := td.Sentences[p.FirstSentence].Span
		if first.Contains(t.Span) {
			if !usable(t) {
				return nil // the scene is set at a date we do not know
			}
			return fromTimex(t, "paragraph")
		}
		break
	}
	return documentAnchor(doc)
}

// sameClause reports whether the expression starting at offset t, in
// sentence si, may date what is said or done at offset at, as the tree
// reads the sentence: the expression's clause (see clauseOf) is the
// clause of what it dates or one that clause hangs in, so that "he urged
// North Korea to resume talks it abandoned in 2009" is not dated 2009 nor
// "she said he would act on Tuesday" said on Tuesday, while "In a panel
// this weekend, X told a woman who suggested …" dates the suggestion. An
// expression in another sentence, or a sentence with no tree, is left to
// the clause breaks.
func (x *anchorer) sameClause(si, at, t int) bool {
	td := x.td
	if td == nil || si < 0 || si >= len(td.Sentences) {
		return true
	}
	s := td.Sentences[si]
	if t < s.Start || t >= s.End {
		return true
	}
	td.Parse(si)
	k, e := td.TokenAt(at), td.TokenAt(t)
	if k < 0 || e < 0 || td.Tokens[k].Rel == "" {
		return true // no tree: every word of a parsed sentence has a relation
	}
	ct := x.clauseOf(e)
	for c, n := x.clauseOf(k), 0; n < 16; n++ {
		if c == ct {
			return true
		}
		h := td.Tokens[c].Head
		if h < 0 {
			return false
		}
		c = x.clauseOf(h)
	}
	return false
}

// clauseOf returns the word that heads the clause word k belongs to: k
// itself or the nearest word above it that is the root of its sentence,
// or hangs on another by a clausal relation and has a subject of its own.
// A clause with no subject (an infinitive, a participle) is part of the
// clause it hangs on, and so is one of time ("when", "while", "after"):
// "Speaking to journalists on 27 May, X referred to …" refers on 27 May,
// "declared last year its readiness to welcome Y" states last year what
// it intends, and "Back when it signed on … more than 20 years ago, the
// United States pledged" pledged then.
func (x *anchorer) clauseOf(k int) int {
	td := x.td
	for n := 0; n < 64 && k >= 0; n++ {
		t := td.Tokens[k]
		if t.Head < 0 || td.RelIs(k, "root") {
			return k
		}
		if td.RelIs(k, "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "conj") &&
			(!td.RelIs(k, "conj") || t.UPOS == "VERB" || t.UPOS == "AUX") && hasSubject(td, k) && !(td.RelIs(k, "advcl") && x.timeClause(k)) {
			return k
		}
		k = t.Head
	}
	return k
}

// timeClause reports whether the clause at k opens with a subordinator of
// time (vocabulary time_marks: "when", "while", "after"), as its marker
// or, for "when", an adverb.
func (x *anchorer) timeClause(k int) bool {
	td := x.td
	var buf [16]int
	for _, d := range td.Dependents(k, buf[:0]) {
		if d > k {
			break
		}
		if td.RelIs(d, "mark", "advmod") && x.timeMarks[strings.ToLower(td.Tokens[d].Text)] {
			return true
		}
	}
	return false
}

// hasSubject reports whether word k has a subject among its dependents.
func hasSubject(td *text.Doc, k int) bool {
	return td.Dependent(k, "nsubj", "csubj", "expl") >= 0
}

// between returns the index range of the expressions that start in
// [from, to).
func (x *anchorer) between(from, to int) (int, int) {
	lo := sort.Search(len(x.all), func(i int) bool { return x.all[i].Start >= from })
	hi := lo + sort.Search(len(x.all)-lo, func(i int) bool { return x.all[lo+i].Start >= to })
	return lo, hi
}

// around returns, in text order, the expressions of x.all[lo:hi] that
// ok accepts and that are nearest to at: at most anchorWindow on each
// side, found among at most anchorScan on each side.
func (x *anchorer) around(lo, hi, at int, ok func(model.Timex) bool) []model.Timex {
	if lo >= hi {
		return nil
	}
	k := lo + sort.Search(hi-lo, func(i int) bool { return x.all[lo+i].Start >= at })
	var before, after []model.Timex
	for i, n := k-1, 0; i >= lo && n < anchorScan && len(before) < anchorWindow; i, n = i-1, n+1 {
		if ok(x.all[i]) {
			before = append(before, x.all[i])
		}
	}
	for i, n := k, 0; i < hi && n < anchorScan && len(after) < anchorWindow; i, n = i+1, n+1 {
		if ok(x.all[i]) {
			after = append(after, x.all[i])
		}
	}
	out := make([]model.Timex, 0, len(before)+len(after))
	for i := len(before) - 1; i >= 0; i-- {
		out = append(out, before[i])
	}
	return append(out, after...)
}

// sentence returns the clause breaks of sentence si, found on first use.
func (x *anchorer) sentence(si int) *sentenceBreaks {
	if sb, ok := x.sents[si]; ok {
		return sb
	}
	sb := findBreaks(x.doc.Text, x.td.Sentences[si].Span, x.breaks)
	x.sents[si] = sb
	return sb
}

// sentenceBreaks are the clause breaks of one sentence, as byte offsets
// of the document.
type sentenceBreaks struct {
	// at are the offsets where a clause ends ("; ", " and ", ", where "),
	// sorted.
	at []int
	// comma are the breaks that count only after a comma (", where"),
	// sorted by offset; commaEnd[i] is the smallest end of comma[i:]
	// among those followed by a space, a comma or the sentence end.
	comma    []commaBreak
	commaEnd []int
	// bareEnd holds, by end offset, the smallest start of a comma break
	// followed by anything else (which counts only when an expression
	// starts right there).
	bareEnd map[int]int
}

type commaBreak struct {
	start, end int
	followed   bool // by a space, a comma or the end of the sentence
}

// findBreaks finds the clause breaks of sentence s of src in one pass
// per break word.
func findBreaks(src string, s model.Span, breaks []clauseBreak) *sentenceBreaks {
	lower := asciiLower(src[s.Start:s.End])
	sb := &sentenceBreaks{bareEnd: map[int]int{}}
	for i := strings.IndexByte(lower, ';'); i >= 0; {
		sb.at = append(sb.at, s.Start+i)
		j := strings.IndexByte(lower[i+1:], ';')
		if j < 0 {
			break
		}
		i += j + 1
	}
	for _, b := range breaks {
		lead := " " + b.Word
		if b.Comma {
			lead = "," + lead
		}
		for from := 0; ; {
			i := strings.Index(lower[from:], lead)
			if i < 0 {
				break
			}
			i += from
			after := i + len(lead)
			from = after
			followed := after == len(lower) || lower[after] == ' ' || lower[after] == ','
			if b.Comma {
				sb.comma = append(sb.comma, commaBreak{start: s.Start + i, end: s.Start + after, followed: followed})
			}
			if followed {
				sb.at = append(sb.at, s.Start+i)
			}
		}
	}
	sort.Ints(sb.at)
	sort.SliceStable(sb.comma, func(i, j int) bool { return sb.comma[i].start < sb.comma[j].start })
	sb.commaEnd = make([]int, len(sb.comma))
	minEnd := -1
	for i := len(sb.comma) - 1; i >= 0; i-- {
		c := sb.comma[i]
		if c.followed && (minEnd < 0 || c.end < minEnd) {
			minEnd = c.end
		}
		sb.commaEnd[i] = minEnd
		if !c.followed {
			if st, ok := sb.bareEnd[c.end]; !ok || c.start < st {
				sb.bareEnd[c.end] = c.start
			}
		}
	}
	return sb
}

// asciiLower lower-cases the ASCII letters of s and keeps every other
// byte, so that offsets into the result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// clause returns the byte range of the clause of sentence s around at:
// from the last break before at (not at the sentence start) to the
// first break at or after it.
func (sb *sentenceBreaks) clause(s model.Span, at int) (int, int) {
	start, end := s.Start, s.End
	k := sort.SearchInts(sb.at, at)
	if k > 0 && sb.at[k-1] > s.Start {
		start = sb.at[k-1]
	}
	if k < len(sb.at) && sb.at[k] < s.End {
		end = sb.at[k]
	}
	return start, end
}

// behindComma reports whether a clause break that counts only after a
// comma (", where", ", which") stands between byte offsets from and to.
func (sb *sentenceBreaks) behindComma(from, to int) bool {
	if to <= from {
		return false
	}
	k := sort.Search(len(sb.comma), func(i int) bool { return sb.comma[i].start >= from })
	if k < len(sb.comma) && sb.commaEnd[k] >= 0 && sb.commaEnd[k] <= to {
		return true
	}
	st, ok := sb.bareEnd[to]
	return ok && st >= from
}

// inAny reports whether one of spans contains s.
func inAny(spans []model.Span, s model.Span) bool {
	for _, x := range spans {
		if x.Contains(s) {
			return true
		}
	}
	return false
}

// inOtherQuote reports whether span lies in a quotation that does not
// hold at. quoted is in text order; only the few quotations that start
// last before span can hold it (more than one only when nested).
func inOtherQuote(quoted []model.Span, span model.Span, at int) bool {
	k := sort.Search(len(quoted), func(i int) bool { return quoted[i].Start > span.Start }) - 1
	for n := 0; k >= 0 && n < 4; k, n = k-1, n+1 {
		q := quoted[k]
		if q.Contains(span) && (at < q.Start || at >= q.End) {
			return true
		}
	}
	return false
}

// finestUsable anchors to the finest resolved expression of ts, or to
// nothing when none is resolved: a date of its own that cannot be
// resolved is not replaced by another's.
func finestUsable(ts []model.Timex, at int, by string) *model.Anchor {
	var ok []model.Timex
	for _, t := range ts {
		if usable(t) {
			ok = append(ok, t)
		}
	}
	if len(ok) == 0 {
		return nil
	}
	return fromTimex(finest(ok, at), by)
}

// finest returns the most precise expression of ts, the nearest to at
// among equals: "March until October" dates an operation better than the
// "2011" beside it.
func finest(ts []model.Timex, at int) model.Timex {
	best := ts[0]
	for _, t := range ts[1:] {
		rt, rb := granRank[t.Granularity], granRank[best.Granularity]
		if rt > rb || (rt == rb && abs(t.Start-at) < abs(best.Start-at)) {
			best = t
		}
	}
	return best
}

var granRank = map[string]int{"year": 1, "month": 2, "week": 3, "day": 4, "part-of-day": 5, "time": 6}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func fromTimex(t model.Timex, by string) *model.Anchor {
	span := t.Span
	return &model.Anchor{
		Kind: t.Kind, Value: t.Value, End: t.EndValue,
		Granularity: t.Granularity, PartOfDay: t.PartOfDay,
		By: by, Timex: &span,
	}
}

// documentAnchor anchors to the document date: at day precision when the
// date is given, at month (or year) precision when it was inferred as a
// range, and not at all when it is unknown.
func documentAnchor(doc *model.Document) *model.Anchor {
	if doc.Date.IsZero() {
		return nil
	}
	a := &model.Anchor{Kind: "point", Value: doc.Date.Format("2006-01-02"), Granularity: "day", By: "document"}
	if !doc.DateEnd.IsZero() && !doc.DateEnd.Equal(doc.Date) {
		switch {
		case doc.Date.Year() == doc.DateEnd.Year() && doc.Date.Month() == doc.DateEnd.Month():
			a.Value, a.Granularity = doc.Date.Format("2006-01"), "month"
		case doc.Date.Year() == doc.DateEnd.Year():
			a.Value, a.Granularity = doc.Date.Format("2006"), "year"
		default:
			a.Value, a.End, a.Granularity, a.Kind = doc.Date.Format("2006-01-02"), doc.DateEnd.Format("2006-01-02"), "day", "interval"
		}
	}
	return a
}
