package checks

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Parts of day are written "morning", "afternoon" … or, for an
// expression that says only that something came later or earlier than an
// earlier date's part of day ("later that day" after a morning), "after
// morning" or "before afternoon".
const (
	afterPart  = "after "
	beforePart = "before "
)

// partRange returns the part of day as a range of ranks, doubled so that
// "after morning" (ranks 3 up) lies between "morning" (2) and
// "afternoon" (4). known is false when the part is not given.
func partRange(part string) (lo, hi int, known bool) {
	switch {
	case strings.HasPrefix(part, afterPart):
		if r := model.PartOfDayRank(strings.TrimPrefix(part, afterPart)); r > 0 {
			return 2*r + 1, 9, true
		}
	case strings.HasPrefix(part, beforePart):
		if r := model.PartOfDayRank(strings.TrimPrefix(part, beforePart)); r > 0 {
			return 1, 2*r - 1, true
		}
	default:
		if r := model.PartOfDayRank(part); r > 0 {
			return 2 * r, 2 * r, true
		}
	}
	return 0, 0, false
}

// dayTimex returns t with a time of day ("2025-09-30T14:00") read as its
// day and part of day, so that it compares with other days.
func dayTimex(t model.Timex) model.Timex {
	if len(t.Value) < 13 || t.Value[10] != 'T' {
		return t
	}
	h, ok := parseHour(t.Value[11:])
	if !ok && t.PartOfDay == "" {
		return t // "TMO" and the like: PartOfDay says the part
	}
	if ok && t.PartOfDay == "" {
		switch {
		case h >= 5 && h < 12:
			t.PartOfDay = "morning"
		case h >= 12 && h < 17:
			t.PartOfDay = "afternoon"
		case h >= 17 && h < 21:
			t.PartOfDay = "evening"
		default:
			t.PartOfDay = "night"
		}
	}
	t.Value = t.Value[:10]
	return t
}

// parseHour reads the hour of "14:00".
func parseHour(s string) (int, bool) {
	if len(s) < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// relativeNear dates sentence s of doc by an expression that counts from
// an earlier date of the text ("the following day", "later that day",
// "that evening"): the expression's date is the last dated expression
// before it, moved as the expression says. ok is false when the sentence
// has none, or nothing before it is dated.
func (c *Checker) relativeNear(in *Input, doc string, s model.Span) (model.Timex, bool) {
	best, bs, be := -1, 0, 0
	for i, r := range c.vocab.Relative {
		st, en, ok := text.FindPhrase(s.Text, []string{r.Phrase})
		if !ok {
			continue
		}
		if best < 0 || st < bs || st == bs && en > be {
			best, bs, be = i, st, en
		}
	}
	if best < 0 {
		return model.Timex{}, false
	}
	a := in.Analyses[doc]
	if a == nil {
		return model.Timex{}, false
	}
	at := s.Start + bs
	var ref model.Timex
	found := false
	for _, t := range a.Timexes {
		if t.Kind != "point" || len(t.Value) < 10 || t.NoDate != "" || t.End > at {
			continue
		}
		if !found || t.End > ref.End {
			ref, found = t, true
		}
	}
	if !found {
		return model.Timex{}, false
	}
	ref = dayTimex(ref)
	day, ok := parseDay(ref.Value[:10])
	if !ok {
		return model.Timex{}, false
	}
	r := c.vocab.Relative[best]
	out := model.Timex{Span: sub(s, bs, be), Kind: "point", Granularity: "day", Value: day.AddDate(0, 0, r.Days).Format("2006-01-02"), Anchor: ref.Value[:10]}
	switch {
	case r.Part != "":
		out.PartOfDay, out.Granularity = r.Part, "part-of-day"
	case r.Days == 0 && ref.PartOfDay != "" && !strings.Contains(ref.PartOfDay, " "):
		if r.Order == "later" {
			out.PartOfDay = afterPart + ref.PartOfDay
		} else if r.Order == "earlier" {
			out.PartOfDay = beforePart + ref.PartOfDay
		}
	}
	return out, true
}
