package pipeline

import (
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// anchorAll ties each event and quote of a to its time: the temporal
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
func anchorAll(doc *model.Document, td *text.Doc, a *model.Analysis, breaks []clauseBreak) {
	ts := datingExpressions(a.Timexes)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Start < ts[j].Start })
	var quoted []model.Span
	for _, q := range a.Quotes {
		if q.Direct {
			quoted = append(quoted, q.Contents...)
		}
	}
	sort.SliceStable(quoted, func(i, j int) bool { return quoted[i].Start < quoted[j].Start })
	for i := range a.Events {
		e := &a.Events[i]
		e.When = anchor(doc, td, ts, quoted, nil, e.Trigger.Start, breaks)
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
			q.When = anchor(doc, td, ts, quoted, q.Contents, at, breaks)
		}
	}
}

// datingExpressions returns the expressions that date something: not
// durations, not clock times without a date, and none that timex marks
// as no date of an event (NoDate: a duration, a decade, the open end of
// a span such as "since 2004", a vague "now"). Year-less days with a
// weekday get a year from the nearest resolved expression when the
// weekday fits it (see anchorAll).
func datingExpressions(all []model.Timex) []model.Timex {
	out := make([]model.Timex, 0, len(all))
	for _, t := range all {
		if t.Kind == "duration" || t.NoDate != "" || strings.HasPrefix(t.Value, "T") {
			continue
		}
		out = append(out, t)
	}
	for i := range out {
		t := &out[i]
		if t.Weekday == "" || len(t.Value) != len("XXXX-01-02") || !strings.HasPrefix(t.Value, "XXXX-") {
			continue
		}
		near := -1
		for j, u := range out {
			if usable(u) && (near < 0 || abs(u.Start-t.Start) < abs(out[near].Start-t.Start)) {
				near = j
			}
		}
		if near < 0 {
			continue
		}
		y := out[near].Value[:4]
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

// anchor returns the anchor for something said at byte offset at.
// Expressions inside own (a quote's own contents) are left out.
func anchor(doc *model.Document, td *text.Doc, all []model.Timex, quoted, own []model.Span, at int, breaks []clauseBreak) *model.Anchor {
	si := td.SentenceAt(at)
	if si < 0 {
		return documentAnchor(doc)
	}
	// Only the expressions of the paragraph can date what is said here
	// (all is in text order); an expression in a quotation dates only
	// what is in it.
	para := td.Paragraphs[td.Sentences[si].Para]
	lo := sort.Search(len(all), func(i int) bool { return all[i].Start >= para.Start })
	var ts []model.Timex
	for _, t := range all[lo:] {
		if t.Start >= para.End {
			break
		}
		if inOtherQuote(quoted, t.Span, at) || inAny(own, t.Span) {
			continue
		}
		ts = append(ts, t)
	}
	s := td.Sentences[si].Span
	var inSentence []model.Timex
	for _, t := range ts {
		if s.Contains(t.Span) {
			inSentence = append(inSentence, t)
		}
	}
	if len(inSentence) > 0 {
		// The clause is the stretch of the sentence between clause breaks
		// around at; an expression in it governs.
		cs, ce := clause(doc.Text, s, at, breaks)
		var inClause []model.Timex
		for _, t := range inSentence {
			if t.Start >= cs && t.End <= ce {
				inClause = append(inClause, t)
			}
		}
		if len(inClause) > 0 {
			return finestUsable(inClause, at, "clause")
		}
		if cs == s.Start {
			// No clause break before the event: an expression later in
			// the sentence may still date it, unless it is inside a
			// clause hung on the sentence with a comma ("…, where
			// militants killed eleven soldiers last Sunday").
			var later []model.Timex
			for _, t := range inSentence {
				if !behindCommaClause(doc.Text, at, t.Start, breaks) {
					later = append(later, t)
				}
			}
			if len(later) > 0 {
				return finestUsable(later, at, "sentence")
			}
		}
		return documentAnchor(doc)
	}
	// The expression that opens the paragraph sets the scene for it.
	p := td.Paragraphs[td.Sentences[si].Para]
	for _, t := range ts {
		if p.Contains(t.Span) && t.Start < s.Start {
			first := td.Sentences[p.FirstSentence].Span
			if first.Contains(t.Span) {
				if !usable(t) {
					return nil // the scene is set at a date we do not know
				}
				return fromTimex(t, "paragraph")
			}
			break
		}
	}
	return documentAnchor(doc)
}

// behindCommaClause reports whether a clause break that counts only after
// a comma (", where", ", which") stands between byte offsets from and to.
func behindCommaClause(src string, from, to int, breaks []clauseBreak) bool {
	if to <= from {
		return false
	}
	between := strings.ToLower(src[from:to])
	for _, b := range breaks {
		if !b.Comma {
			continue
		}
		lead := ", " + b.Word
		for i := strings.Index(between, lead); i >= 0; {
			after := i + len(lead)
			if after == len(between) || between[after] == ' ' || between[after] == ',' {
				return true
			}
			j := strings.Index(between[after:], lead)
			if j < 0 {
				break
			}
			i = after + j
		}
	}
	return false
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

// clause returns the byte range of the clause of sentence s around at.
func clause(src string, s model.Span, at int, breaks []clauseBreak) (int, int) {
	start, end := s.Start, s.End
	lower := strings.ToLower(src[s.Start:s.End])
	mark := func(pos int) {
		if pos < at && pos > start {
			start = pos
		}
		if pos >= at && pos < end {
			end = pos
		}
	}
	for i := strings.IndexByte(lower, ';'); i >= 0; {
		mark(s.Start + i)
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
			if after < len(lower) && lower[after] != ' ' && lower[after] != ',' {
				continue
			}
			mark(s.Start + i)
		}
	}
	return start, end
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
