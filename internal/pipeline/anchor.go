package pipeline

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// anchorAll ties each event and quote of a to its time: the temporal
// expression governing its clause, else its sentence's, else the one that
// opens its paragraph, else the document date (at a lower precision when
// the date was inferred). What is said in a primary record happens at the
// record's date unless the sentence dates it otherwise.
func anchorAll(doc *model.Document, td *text.Doc, a *model.Analysis, breaks []clauseBreak) {
	usable := make([]model.Timex, 0, len(a.Timexes))
	for _, t := range a.Timexes {
		if t.Value == "" || strings.HasPrefix(t.Value, "X") || strings.HasPrefix(t.Value, "T") || t.Kind == "duration" {
			continue
		}
		usable = append(usable, t)
	}
	for i := range a.Events {
		e := &a.Events[i]
		e.When = anchor(doc, td, usable, e.Trigger.Start, breaks)
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
			q.When = anchor(doc, td, usable, at, breaks)
		}
	}
}

// anchor returns the anchor for something said at byte offset at.
func anchor(doc *model.Document, td *text.Doc, ts []model.Timex, at int, breaks []clauseBreak) *model.Anchor {
	si := td.SentenceAt(at)
	if si < 0 {
		return documentAnchor(doc)
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
			return fromTimex(finest(inClause, at), "clause")
		}
		if cs == s.Start {
			// No clause break before the event: an expression later in
			// the sentence may still date it.
			return fromTimex(finest(inSentence, at), "sentence")
		}
		return documentAnchor(doc)
	}
	// The expression that opens the paragraph sets the scene for it.
	p := td.Paragraphs[td.Sentences[si].Para]
	for _, t := range ts {
		if p.Contains(t.Span) && t.Start < s.Start {
			first := td.Sentences[p.FirstSentence].Span
			if first.Contains(t.Span) {
				return fromTimex(t, "paragraph")
			}
			break
		}
	}
	return documentAnchor(doc)
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
