package timex

import (
	"strings"
)

// relation says how a partial date is tied to the reference date.
type relation uint8

const (
	relAbs      relation = iota // explicit components; a missing year is chosen
	relWeekday                  // a weekday alone: mod -1 last, +1 next, 0 by tense
	relDay                      // ref + n days (yesterday, today, tomorrow)
	relUnit                     // the unit containing ref, shifted by n (last year)
	relAgo                      // ref - n units (two days ago)
	relAna                      // the previous expression + n units (a week earlier)
	relMonthMod                 // a month name with last/next/this (last June)
	relTime                     // a clock time; the date comes from the sentence
	relPart                     // a quarter, half, season or weekend (part)
)

// pdate is a partial date as read from the text, before resolution.
type pdate struct {
	rel     relation
	y, m, d int    // explicit components, 0 when absent
	wd      int    // stated weekday, -1 when none
	n       int    // offset or count for relative forms
	unit    string // unit designator (D, W, M, Y, F, X) for relative forms
	pod     string // part of day
	hh, mm  int    // clock time when hasTime
	hasTime bool
	decade  bool // "the 1990s"
	sub     int  // -1 "earlier this month", +1 "later this week"
	part    *partSpec
	yrel    int // year relative to the reference's ("June last year": -1)
	hasYrel bool
	nth     int // a holiday by rule: the nth weekday hwd of month m (-1: the last)
	hwd     int
}

func newPdate() pdate { return pdate{wd: -1} }

// Kinds of expression.
const (
	KindPoint    = "point"
	KindInterval = "interval"
	KindDeadline = "deadline"
	KindDuration = "duration"
)

// deadline modes.
const (
	dlPlain = iota // by 30 June
	dlEnd          // by the end of June
	dlMid          // by mid-July
)

// spec is a candidate expression over tokens [s, e).
type spec struct {
	s, e   int
	kind   string
	a, b   pdate // b is the end of an interval
	dl     int   // deadline mode
	dur    string
	openGr string // granularity of a duration's unit
	vague  bool   // a duration of no stated length ("in the coming weeks")
	refVal string // PRESENT_REF, PAST_REF or FUTURE_REF
}

// scanner holds one Find call's state.
type scanner struct {
	v    *vocab
	text string
	toks []token
	sent []int // sentence of each token
	para []int // paragraph of each sentence
}

func (s *scanner) low(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].low
}

func (s *scanner) is(i int, w string) bool { return s.low(i) == w }

func (s *scanner) isPunct(i int, p string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tPunct && s.toks[i].low == p
}

// phraseAt reports the end of phrase p when it starts at token i.
func (s *scanner) phraseAt(i int, p phrase) (int, bool) {
	if i+len(p) > len(s.toks) {
		return 0, false
	}
	for k, w := range p {
		if s.toks[i+k].low != w {
			return 0, false
		}
		if k > 0 && s.sent[i+k] != s.sent[i] {
			return 0, false
		}
	}
	return i + len(p), true
}

func (s *scanner) anyPhrase(i int, ps []phrase) (int, bool) {
	for _, p := range ps {
		if j, ok := s.phraseAt(i, p); ok {
			return j, true
		}
	}
	return 0, false
}

// same reports whether tokens i and j are in the same sentence.
func (s *scanner) same(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(s.toks) && j < len(s.toks) && s.sent[i] == s.sent[j]
}

// ctx tells which bare forms may stand at a position.
type ctx struct {
	month, year, weekday bool
}

// ctxAt returns the context given by the word before token i.
func (s *scanner) ctxAt(i int) ctx {
	if i <= 0 || !s.same(i-1, i) {
		return ctx{}
	}
	p := s.toks[i-1].low
	if s.toks[i-1].kind == tPunct && p == "-" && i >= 2 && s.toks[i].glued && s.toks[i-1].glued {
		p = s.toks[i-2].low // "mid-July"
	}
	return ctx{month: s.v.monthPreps[p], year: s.v.yearPreps[p], weekday: s.v.wdPreps[p]}
}

// month returns the month at token i and the index after it (eating the
// full stop of an abbreviation).
func (s *scanner) month(i int, needCap bool) (monthInfo, int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord {
		return monthInfo{}, 0, false
	}
	mi, ok := s.v.months[s.toks[i].low]
	if !ok {
		return monthInfo{}, 0, false
	}
	if (mi.ambiguous || mi.abbrev || needCap) && !s.toks[i].cap {
		return monthInfo{}, 0, false
	}
	j := i + 1
	if mi.abbrev && s.isPunct(j, ".") && s.toks[j].glued {
		j++
	}
	return mi, j, true
}

// day reads a day of the month (1-31, optionally ordinal) at token i.
func (s *scanner) day(i int) (int, bool, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false, false
	}
	t := s.toks[i]
	if t.kind != tNum || t.ndigits > 2 || t.num < 1 || t.num > 31 {
		return 0, false, false
	}
	switch t.suffix {
	case "":
	case "st", "nd", "rd", "th":
		return t.num, true, true
	default:
		return 0, false, false
	}
	// Reject quantities and decimals: "4,000", "4.5", "4:30", "4%".
	if i+1 < len(s.toks) {
		n := s.toks[i+1]
		if n.glued && n.kind == tPunct && (n.low == "," || n.low == "." || n.low == ":" || n.low == "%") &&
			i+2 < len(s.toks) && s.toks[i+2].glued && s.toks[i+2].kind == tNum {
			return 0, false, false
		}
		if n.glued && n.low == "%" {
			return 0, false, false
		}
	}
	if i > 0 && t.glued && s.toks[i-1].kind == tPunct {
		switch s.toks[i-1].low {
		case "$", "£", "€", "#", ".", ",", "/", ":":
			return 0, false, false
		}
	}
	return t.num, false, true
}

// year reads a four-digit year at token i within [lo, hi].
func (s *scanner) year(i, lo, hi int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.toks[i]
	if t.kind != tNum || t.ndigits != 4 || t.suffix != "" || t.num < lo || t.num > hi {
		return 0, false
	}
	if i+2 < len(s.toks) {
		n := s.toks[i+1]
		if n.glued && n.kind == tPunct && (n.low == "," || n.low == "." || n.low == "%") && s.toks[i+2].glued && s.toks[i+2].kind == tNum {
			return 0, false
		}
	}
	if i+1 < len(s.toks) && s.toks[i+1].glued && s.toks[i+1].low == "%" {
		return 0, false
	}
	if i > 0 && t.glued && s.toks[i-1].kind == tPunct {
		switch s.toks[i-1].low {
		case "$", "£", "€", "#", ".", ",", "/", ":":
			return 0, false
		}
	}
	return t.num, true
}

const (
	yearLo, yearHi         = 1000, 2999 // inside a full date
	bareYearLo, bareYearHi = 1900, 2099 // a year standing alone
)

// optYear reads an optional ", 2013" or "2013" after a date.
func (s *scanner) optYear(j int) (int, int) {
	k := j
	if s.isPunct(k, ",") {
		k++
	}
	if y, ok := s.year(k, yearLo, yearHi); ok && s.same(j-1, k) {
		return y, k + 1
	}
	return 0, j
}

// weekday reads a weekday name at token i.
func (s *scanner) weekday(i int, allowAbbrev bool) (int, int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord || !s.toks[i].cap {
		return 0, 0, false
	}
	wi, ok := s.v.weekdays[s.toks[i].low]
	if !ok || (wi.abbrev && !allowAbbrev) {
		return 0, 0, false
	}
	if i > 0 && s.v.wdPreceders[s.toks[i-1].low] && s.toks[i-1].cap {
		return 0, 0, false // "Good Friday"
	}
	if i+1 < len(s.toks) && s.toks[i+1].cap && s.v.wdFollowers[s.toks[i+1].low] {
		return 0, 0, false // "the Sunday Times"
	}
	j := i + 1
	if wi.abbrev && s.isPunct(j, ".") && s.toks[j].glued {
		j++
	}
	return wi.n, j, true
}

// dayMonth reads "[the] 4[th] [of] June [2013]".
func (s *scanner) dayMonth(i int) (pdate, int, bool) {
	j := i
	the := s.is(j, "the")
	if the {
		j++
	}
	d, ord, ok := s.day(j)
	if !ok || !s.same(i, j) {
		return pdate{}, 0, false
	}
	j++
	if s.is(j, "of") && (ord || the) {
		j++
	}
	mi, k, ok := s.month(j, false)
	if !ok || !s.same(i, j) {
		return pdate{}, 0, false
	}
	p := newPdate()
	p.m, p.d = mi.n, d
	p.y, k = s.optYear(k)
	if !validDay(p.y, p.m, p.d) {
		return pdate{}, 0, false
	}
	return p, k, true
}

// monthDay reads "June [the] 4[th][, 2013]".
func (s *scanner) monthDay(i int) (pdate, int, bool) {
	mi, j, ok := s.month(i, false)
	if !ok {
		return pdate{}, 0, false
	}
	if s.is(j, "the") {
		j++
	}
	d, _, ok := s.day(j)
	if !ok || !s.same(i, j) {
		return pdate{}, 0, false
	}
	// "June 4 people": a day number followed by a count noun is a count,
	// unless a determiner makes the date a modifier ("the Aug. 7
	// bombings").
	if s.toks[j].suffix == "" && s.countNoun(j+1) && !s.v.determiners[s.low(i-1)] {
		return pdate{}, 0, false
	}
	p := newPdate()
	p.m, p.d = mi.n, d
	p.y, j = s.optYear(j + 1)
	if !validDay(p.y, p.m, p.d) {
		return pdate{}, 0, false
	}
	return p, j, true
}

// countNoun reports whether token i, in the sentence of token i-1, is a
// lower-case noun that makes the number before it a count.
func (s *scanner) countNoun(i int) bool {
	if i <= 0 || i >= len(s.toks) || !s.same(i-1, i) || s.toks[i].kind != tWord || s.toks[i].cap {
		return false
	}
	w := s.toks[i].low
	if s.v.countNouns[w] {
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !s.v.yearNouns[w]
}

// monthYear reads "March 2011" (and a bare month when c allows it).
func (s *scanner) monthYear(i int, c ctx) (pdate, int, bool) {
	mi, j, ok := s.month(i, true)
	if !ok || mi.abbrev && !s.isDigitNext(j) {
		return pdate{}, 0, false
	}
	p := newPdate()
	p.m = mi.n
	k := j
	if s.isPunct(k, ",") {
		k++
	}
	if y, ok := s.year(k, yearLo, yearHi); ok && s.same(i, k) {
		p.y = y
		return p, k + 1, true
	}
	if y, e, ok := s.spelledYear(j); ok && s.same(i, j) {
		p.y = y // "January nineteen ninety-seven"
		return p, e, true
	}
	if c.month && !mi.abbrev {
		return p, j, true
	}
	return pdate{}, 0, false
}

// spelledYear reads a year said in words: "nineteen ninety-six",
// "nineteen eighty", "two thousand", "two thousand and one".
func (s *scanner) spelledYear(i int) (int, int, bool) {
	n := func(k int) (int, bool) {
		if k >= len(s.toks) || s.toks[k].kind != tWord || !s.same(i, k) {
			return 0, false
		}
		v, ok := s.v.numbers[s.toks[k].low]
		return v, ok && s.toks[k].low != "a" && s.toks[k].low != "an"
	}
	c, ok := n(i)
	if !ok {
		return 0, 0, false
	}
	if c == 2 && s.is(i+1, s.v.thousand) && s.same(i, i+1) {
		j := i + 2
		if s.is(j, "and") {
			j++
		}
		if u, ok := n(j); ok && u < 20 {
			return 2000 + u, j + 1, true
		}
		return 2000, i + 2, true
	}
	if c < 10 || c > 20 {
		return 0, 0, false
	}
	t, ok := n(i + 1)
	if !ok || t < 10 || t >= 100 {
		return 0, 0, false
	}
	j := i + 2
	if t >= 20 && t%10 == 0 && s.isPunct(j, "-") && s.toks[j].glued {
		if u, ok := n(j + 1); ok && u < 10 && s.toks[j+1].glued {
			t += u
			j += 2
		}
	}
	return c*100 + t, j, true
}

func (s *scanner) isDigitNext(j int) bool {
	k := j
	if s.isPunct(k, ",") {
		k++
	}
	return k < len(s.toks) && s.toks[k].kind == tNum
}

// numeric reads 2013-05-31, 31/05/2013, 31.05.2013 and 05/31/2013.
func (s *scanner) numeric(i int, parse func(string) (int, int, int, bool)) (pdate, int, bool) {
	if i+4 >= len(s.toks) {
		return pdate{}, 0, false
	}
	a, sep1, b, sep2, c := s.toks[i], s.toks[i+1], s.toks[i+2], s.toks[i+3], s.toks[i+4]
	if a.kind != tNum || b.kind != tNum || c.kind != tNum || sep1.kind != tPunct || sep2.kind != tPunct ||
		sep1.low != sep2.low || !sep1.glued || !b.glued || !sep2.glued || !c.glued ||
		a.suffix != "" || b.suffix != "" || c.suffix != "" {
		return pdate{}, 0, false
	}
	switch sep1.low {
	case "-":
		if a.ndigits != 4 || b.ndigits > 2 || c.ndigits > 2 {
			return pdate{}, 0, false
		}
	case "/", ".":
		if a.ndigits > 2 || b.ndigits > 2 || (c.ndigits != 4 && c.ndigits != 2) {
			return pdate{}, 0, false
		}
	default:
		return pdate{}, 0, false
	}
	// Part of a longer dotted or slashed run (versions, addresses, phone numbers).
	if i+5 < len(s.toks) && s.toks[i+5].glued && (s.toks[i+5].kind == tNum ||
		(s.toks[i+5].kind == tPunct && s.toks[i+5].low == sep1.low && i+6 < len(s.toks) && s.toks[i+6].glued && s.toks[i+6].kind == tNum)) {
		return pdate{}, 0, false
	}
	if i > 0 && a.glued && (s.toks[i-1].kind != tPunct || s.toks[i-1].low == sep1.low || s.toks[i-1].low == ".") {
		return pdate{}, 0, false
	}
	y, m, d, ok := parse(s.text[a.start:c.end])
	if !ok {
		return pdate{}, 0, false
	}
	p := newPdate()
	p.y, p.m, p.d = y, m, d
	return p, i + 5, true
}

// decadeMark reports whether an apostrophe at i begins a decade ("'80s").
func (s *scanner) decadeMark(i int) bool {
	return (s.isPunct(i, "'") || s.isPunct(i, "’")) && i+1 < len(s.toks) && s.toks[i+1].glued && s.toks[i+1].kind == tNum &&
		s.toks[i+1].ndigits == 2 && s.toks[i+1].suffix == "s" && s.toks[i+1].num%10 == 0
}

// yearSuffix reads "last year", "this year" or "next year" after a date
// without a year ("4 June last year", "October this year").
func (s *scanner) yearSuffix(p pdate, j int) (pdate, int) {
	if p.y != 0 || p.rel != relAbs || !s.same(j-1, j+1) || !s.is(j+1, "year") {
		return p, j
	}
	mod, ok := s.v.relMods[s.low(j)]
	if !ok {
		return p, j
	}
	p.yrel, p.hasYrel = mod, true
	return p, j + 2
}

// date reads an explicit calendar date or, where c allows, a bare month,
// year or weekday. A weekday may lead a date ("Monday, 4 June").
func (s *scanner) date(i int, c ctx, parse func(string) (int, int, int, bool)) (pdate, int, bool) {
	if p, j, ok := s.numeric(i, parse); ok {
		return p, j, true
	}
	if p, j, ok := s.holiday(i); ok {
		p, j = s.yearSuffix(p, j)
		return p, j, true
	}
	if wd, j, ok := s.weekday(i, true); ok {
		k := j
		if s.isPunct(k, ",") {
			k++
		}
		if s.same(i, k) {
			if p, e, ok := s.dayMonth(k); ok {
				p.wd = wd
				return p, e, true
			}
			if p, e, ok := s.monthDay(k); ok {
				p.wd = wd
				return p, e, true
			}
		}
		if s.v.weekdays[s.toks[i].low].abbrev {
			return pdate{}, 0, false
		}
		// A capitalised weekday outside a name is a date ("said
		// Friday"), unless it recurs ("every Monday").
		if !(s.same(i-1, i) && s.v.setWords[s.low(i-1)]) {
			p := newPdate()
			p.rel, p.wd = relWeekday, wd
			return p, j, true
		}
		return pdate{}, 0, false
	}
	if p, j, ok := s.dayMonth(i); ok {
		p, j = s.yearSuffix(p, j)
		return p, j, true
	}
	if p, j, ok := s.monthDay(i); ok {
		p, j = s.yearSuffix(p, j)
		return p, j, true
	}
	if p, j, ok := s.monthYear(i, c); ok {
		p, j = s.yearSuffix(p, j)
		return p, j, true
	}
	if p, j, ok := s.monthYear(i, ctx{month: true}); ok {
		// "July last year": the year said after it makes a bare month a date.
		if q, k := s.yearSuffix(p, j); k > j {
			return q, k, true
		}
	}
	if i < len(s.toks) && s.toks[i].kind == tNum && s.toks[i].suffix == "s" && s.toks[i].ndigits == 4 &&
		s.toks[i].num%10 == 0 && s.toks[i].num >= bareYearLo && s.toks[i].num <= bareYearHi {
		p := newPdate()
		p.y, p.decade = s.toks[i].num, true
		return p, i + 1, true
	}
	// "the '80s", "the nineties".
	if s.decadeMark(i) {
		p := newPdate()
		p.y, p.decade = 1900+s.toks[i+1].num, true
		if s.toks[i+1].num < 20 {
			p.y += 100
		}
		return p, i + 2, true
	}
	if d, ok := s.v.decades[s.low(i)]; ok && s.is(i-1, "the") {
		p := newPdate()
		p.y, p.decade = d, true
		return p, i + 1, true
	}
	if y, ok := s.year(i, bareYearLo, bareYearHi); ok && !s.countNoun(i+1) {
		if c.year || s.toks[i].first && s.toks[i].last && s.bareYear(i) {
			p := newPdate()
			p.y = y
			return p, i + 1, true
		}
	}
	if c.year || s.is(i-1, "year") && s.is(i-2, "the") {
		if y, e, ok := s.spelledYear(i); ok && y >= bareYearLo && y <= bareYearHi {
			p := newPdate()
			p.y = y
			return p, e, true
		}
	}
	return pdate{}, 0, false
}

// bareYear reports whether the four-digit number at i, with no
// preposition before it, is a year: not a quantity ("about 2000", "than
// 1990"), a number in a name ("Room 2013", "Resolution 1973") or a price.
func (s *scanner) bareYear(i int) bool {
	if i == 0 || !s.same(i-1, i) {
		return true
	}
	p := s.toks[i-1]
	if s.v.notYearAfter[p.low] {
		return false
	}
	if p.kind == tWord && p.cap && !(i-2 < 0 || !s.same(i-2, i-1)) && !s.v.monthPreps[p.low] {
		return false // "Room 2013", "Resolution 1973"
	}
	return p.kind != tPunct || p.low == "," || p.low == "(" || p.low == "'" || p.low == "’" || p.low == "\"" || p.low == "“" || p.low == "-" || p.low == "–"
}

// count reads a count ("two", "a", "3") at token i.
func (s *scanner) count(i int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.toks[i]
	if t.kind == tNum {
		if t.suffix != "" || t.ndigits > 3 || t.num < 1 {
			return 0, false
		}
		return t.num, true
	}
	n, ok := s.v.numbers[t.low]
	return n, ok
}

// unit reads a calendar unit at token i.
func (s *scanner) unit(i int) (string, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord {
		return "", false
	}
	u, ok := s.v.units[s.toks[i].low]
	return u, ok
}

// relative reads expressions tied to the reference date or to the
// previous expression.
func (s *scanner) relative(i int) (pdate, int, bool) {
	t := s.toks[i]
	if t.kind != tWord {
		if n, ok := s.count(i); ok {
			return s.countRel(i, n)
		}
		return pdate{}, 0, false
	}
	// Days relative to the reference date said in several words ("the
	// day before yesterday").
	for _, a := range s.v.relDayPhrases {
		if j, ok := s.phraseAt(i, a.p); ok {
			p := newPdate()
			p.rel, p.n = relDay, a.offset
			if pod, ok := s.v.pod[s.low(j)]; ok && s.same(i, j) && s.low(j) != "tonight" {
				p.pod = pod
				j++
			}
			return p, j, true
		}
	}
	// Anaphoric phrases ("the next day", "that evening"). "The day
	// before" counts from the previous expression only at a clause end:
	// "the day before the vote" counts from the vote.
	for _, a := range s.v.anaDays {
		if j, ok := s.phraseAt(i, a.p); ok {
			if last := a.p[len(a.p)-1]; (s.v.before[last] || s.v.after[last]) && !s.clauseEnd(j) {
				continue
			}
			p := newPdate()
			p.rel, p.unit, p.n = relAna, "D", a.offset
			if pod, ok := s.v.pod[s.low(j)]; ok && s.same(i, j) && s.low(j) != "tonight" {
				p.pod = pod
				j++
			}
			return p, j, true
		}
	}
	for _, ph := range s.v.anaPOD {
		if j, ok := s.phraseAt(i, ph); ok {
			if pod, ok := s.v.pod[s.low(j)]; ok && s.same(i, j) && s.low(j) != "tonight" && s.low(j) != "overnight" {
				p := newPdate()
				p.rel, p.unit, p.pod = relAna, "D", pod
				return p, j + 1, true
			}
		}
	}
	if off, ok := s.v.relDays[t.low]; ok {
		// "the Today programme", "USA Today": a capitalised relative day
		// word inside a name.
		if i > 0 && s.same(i-1, i) && (s.is(i-1, "the") || (t.cap && s.toks[i-1].cap && s.toks[i-1].kind == tWord)) {
			return pdate{}, 0, false
		}
		p := newPdate()
		p.rel, p.n = relDay, off
		j := i + 1
		if pod, ok := s.v.pod[t.low]; ok {
			p.pod = pod
		} else if pod, ok := s.v.pod[s.low(j)]; ok && s.same(i, j) && s.low(j) != "tonight" {
			p.pod = pod
			j++
		}
		return p, j, true
	}
	if mod, ok := s.v.relMods[t.low]; ok {
		if i > 0 && s.same(i-1, i) && (s.is(i-1, "the") || s.is(i-1, "a")) {
			return pdate{}, 0, false
		}
		j := i + 1
		if !s.same(i, j) {
			return pdate{}, 0, false
		}
		if u, ok := s.unit(j); ok && (u == "W" || u == "M" || u == "Y") && !strings.HasSuffix(s.low(j), "s") {
			p := newPdate()
			p.rel, p.unit, p.n = relUnit, u, mod
			return p, j + 1, true
		}
		if wd, k, ok := s.weekday(j, false); ok {
			p := newPdate()
			p.rel, p.wd, p.n = relWeekday, wd, mod
			if mod == 0 {
				p.n = 0
			}
			if pod, ok := s.v.pod[s.low(k)]; ok && s.same(j, k) && s.low(k) != "tonight" {
				p.pod = pod
				k++
			}
			return p, k, true
		}
		if mi, k, ok := s.month(j, true); ok && !mi.abbrev {
			p := newPdate()
			p.rel, p.m, p.n = relMonthMod, mi.n, mod
			return p, k, true
		}
		if pod, ok := s.v.pod[s.low(j)]; ok && s.low(j) != "tonight" && s.low(j) != "overnight" {
			p := newPdate()
			p.rel, p.pod = relDay, pod
			if mod < 0 {
				if pod != "night" && pod != "evening" {
					return pdate{}, 0, false // "last morning" is not an expression
				}
				p.n = -1
			} else if mod > 0 {
				return pdate{}, 0, false
			}
			return p, j + 1, true
		}
		return pdate{}, 0, false
	}
	if s.v.subPeriod[t.low] && s.is(i+1, "this") && s.same(i, i+2) {
		if u, ok := s.unit(i + 2); ok && (u == "W" || u == "M" || u == "Y") && !strings.HasSuffix(s.low(i+2), "s") {
			p := newPdate()
			p.rel, p.unit, p.sub = relUnit, u, -1
			if s.v.after[t.low] {
				p.sub = 1
			}
			return p, i + 3, true
		}
	}
	if n, ok := s.count(i); ok {
		return s.countRel(i, n)
	}
	return pdate{}, 0, false
}

// countRel reads "two days ago" and "a week earlier".
func (s *scanner) countRel(i, n int) (pdate, int, bool) {
	u, ok := s.unit(i + 1)
	if !ok || !s.same(i, i+2) {
		return pdate{}, 0, false
	}
	if n == 1 && strings.HasSuffix(s.low(i+1), "s") || n > 1 && !strings.HasSuffix(s.low(i+1), "s") {
		return pdate{}, 0, false
	}
	w := s.low(i + 2)
	p := newPdate()
	p.unit = u
	switch {
	case s.v.ago[w]:
		p.rel, p.n = relAgo, n
	case s.v.before[w] || s.v.after[w]:
		// "a week before the vote" counts from the vote, not from the
		// previous expression: only take before/after at a clause end.
		if (w == "before" || w == "after") && !s.clauseEnd(i+3) {
			return pdate{}, 0, false
		}
		p.rel, p.n = relAna, n
		if s.v.before[w] {
			p.n = -n
		}
	default:
		return pdate{}, 0, false
	}
	return p, i + 3, true
}

func (s *scanner) clauseEnd(i int) bool {
	if i >= len(s.toks) || !s.same(i-1, i) {
		return true
	}
	t := s.toks[i]
	return t.kind == tPunct && strings.ContainsAny(t.low, ",.;:!?)")
}

// clock reads "3 pm", "3.30 p.m.", "15:30", "noon"; needAt says whether a
// bare "15:30" is acceptable (only after "at" and the like).
func (s *scanner) clock(i int, prep bool) (int, int, int, bool) {
	if i >= len(s.toks) {
		return 0, 0, 0, false
	}
	t := s.toks[i]
	if t.kind == tWord {
		if hm, ok := s.v.clock[t.low]; ok && prep {
			return hm[0], hm[1], i + 1, true
		}
		return 0, 0, 0, false
	}
	if t.kind != tNum || t.ndigits > 2 || t.num > 24 {
		return 0, 0, 0, false
	}
	h, m := t.num, 0
	j := i + 1
	hasMin := false
	if t.suffix == "" && j+1 < len(s.toks) && (s.isPunct(j, ":") || s.isPunct(j, ".")) && s.toks[j].glued &&
		s.toks[j+1].glued && s.toks[j+1].kind == tNum && s.toks[j+1].ndigits == 2 {
		m = s.toks[j+1].num
		hasMin = true
		j += 2
		if s.toks[j-1].suffix != "" {
			if ap := s.toks[j-1].suffix; s.v.am[ap] || s.v.pm[ap] {
				return adjustAMPM(h, m, ap, s.v, j)
			}
			return 0, 0, 0, false
		}
	}
	if t.suffix != "" {
		if s.v.am[t.suffix] || s.v.pm[t.suffix] {
			return adjustAMPM(h, m, t.suffix, s.v, j)
		}
		return 0, 0, 0, false
	}
	if ap, k, ok := s.ampm(j); ok && s.same(i, j) {
		return adjustAMPM(h, m, ap, s.v, k)
	}
	if hasMin && prep && h <= 23 && m <= 59 && s.toks[i+1].low == ":" {
		return h, m, j, true
	}
	if hasMin && prep && h <= 23 && m <= 59 && s.is(j, "hours") {
		return h, m, j + 1, true
	}
	return 0, 0, 0, false
}

// ampm reads "am", "pm", "a.m." or "p.m." at token j.
func (s *scanner) ampm(j int) (string, int, bool) {
	if j >= len(s.toks) || s.toks[j].kind != tWord {
		return "", 0, false
	}
	w := s.toks[j].low
	if s.v.am[w] || s.v.pm[w] {
		return w, j + 1, true
	}
	// a.m. / p.m.
	if (w == "a" || w == "p") && s.isPunct(j+1, ".") && s.toks[j+1].glued && s.is(j+2, "m") && s.toks[j+2].glued {
		k := j + 3
		if s.isPunct(k, ".") && s.toks[k].glued {
			k++
		}
		return w + "m", k, true
	}
	return "", 0, false
}

func adjustAMPM(h, m int, ap string, v *vocab, j int) (int, int, int, bool) {
	if h < 1 || h > 12 || m > 59 {
		return 0, 0, 0, false
	}
	if v.pm[ap] && h != 12 {
		h += 12
	}
	if v.am[ap] && h == 12 {
		h = 0
	}
	return h, m, j, true
}

var clockPreps = map[string]bool{"at": true, "by": true, "until": true, "till": true, "before": true, "after": true, "around": true, "from": true, "to": true, "since": true}

// point reads one point expression at token i.
func (s *scanner) point(i int, parse func(string) (int, int, int, bool)) (spec, bool) {
	c := s.ctxAt(i)
	best := spec{}
	found := false
	try := func(p pdate, j int, ok bool) {
		if ok && j > i && (!found || j > best.e) {
			best = spec{s: i, e: j, kind: KindPoint, a: p}
			found = true
		}
	}
	// "early June", "mid-2011", "late 2011": the modifier joins the span.
	if _, ok := s.v.periodMods[s.low(i)]; ok && s.toks[i].kind == tWord {
		k := i + 1
		if s.isPunct(k, "-") && s.toks[k].glued {
			k++
		}
		if s.same(i, k) && !s.is(k, "on") {
			if p, j, ok := s.date(k, ctx{month: true, year: true}, parse); ok && p.d == 0 && p.rel == relAbs && !p.decade {
				try(p, j, true)
			}
		}
	}
	// "late on Monday", "early on 4 June", "late Monday".
	if pod, ok := s.v.podMod[s.low(i)]; ok {
		k := i + 1
		if s.is(k, "on") {
			k++
		}
		if s.same(i, k) {
			if p, j, ok := s.date(k, ctx{weekday: true}, parse); ok && (p.d != 0 || p.rel == relWeekday) {
				p.pod = pod
				try(p, j, true)
			}
		}
	}
	// "the morning of 4 June", "the afternoon of Monday".
	{
		k := i
		if s.is(k, "the") {
			k++
		}
		if pod, ok := s.v.pod[s.low(k)]; ok && s.low(k) != "tonight" && s.low(k) != "overnight" && s.is(k+1, "of") && s.same(i, k+2) {
			if p, j, ok := s.date(k+2, ctx{weekday: true}, parse); ok && (p.d != 0 || p.rel == relWeekday) {
				p.pod = pod
				try(p, j, true)
			}
		}
	}
	// "the early hours of Tuesday".
	for _, pp := range s.v.podPhrases {
		if k, ok := s.phraseAt(i, pp.p); ok && s.same(i, k) {
			if p, j, ok := s.date(k, ctx{weekday: true}, parse); ok && (p.d != 0 || p.rel == relWeekday) {
				p.pod = pp.pod
				try(p, j, true)
			}
		}
	}
	p, j, ok := s.date(i, c, parse)
	if ok && (p.d != 0 || p.rel == relWeekday) {
		// "Tuesday afternoon", "Monday 4 June morning".
		if pod, ok2 := s.v.pod[s.low(j)]; ok2 && s.same(i, j) && s.low(j) != "tonight" && s.low(j) != "overnight" {
			p.pod = pod
			j++
		}
	}
	if !ok && s.toks[i].kind == tWord {
		// A bare weekday followed by a part of day needs no preposition.
		if wd, k, ok2 := s.weekday(i, false); ok2 {
			if pod, ok3 := s.v.pod[s.low(k)]; ok3 && s.same(i, k) && s.low(k) != "tonight" && s.low(k) != "overnight" {
				p = newPdate()
				p.rel, p.wd, p.pod = relWeekday, wd, pod
				j, ok = k+1, true
			}
		}
	}
	if ok && p.decade {
		// "the 1990s": take the article into the span.
		if i > 0 && s.is(i-1, "the") && s.same(i-1, i) {
			best = spec{s: i - 1, e: j, kind: KindInterval, a: p}
			return best, true
		}
	}
	try(p, j, ok)
	rp, rj, rok := s.relative(i)
	try(rp, rj, rok)
	// Clock times.
	prep := i > 0 && s.same(i-1, i) && clockPreps[s.toks[i-1].low]
	if h, m, k, ok := s.clock(i, prep); ok {
		cp := newPdate()
		cp.rel, cp.hh, cp.mm, cp.hasTime = relTime, h, m, true
		try(cp, k, true)
	}
	// "5 p.m. EST Nov. 9", "noon Thursday", "9 a.m. tomorrow": a time
	// and the day it falls on, one expression.
	if h, m, k, ok := s.clock(i, true); ok {
		if s.v.timeZones[s.low(k)] && s.same(i, k) {
			k++
		}
		if s.isPunct(k, ",") {
			k++
		}
		if s.same(i, k) && k < len(s.toks) {
			var dp pdate
			var e int
			var ok2 bool
			if dp, e, ok2 = s.date(k, ctx{weekday: true}, parse); !ok2 || dp.d == 0 && dp.rel != relWeekday {
				dp, e, ok2 = s.relative(k)
				ok2 = ok2 && dp.rel == relDay && dp.pod == ""
			}
			if ok2 {
				dp.hh, dp.mm, dp.hasTime = h, m, true
				try(dp, e, true)
			}
		}
	}
	return best, found
}

// reference reads a word that points at the present, past or future
// without a date ("now", "recently", "the future").
func (s *scanner) reference(i int) (spec, bool) {
	for _, r := range s.v.references {
		j, ok := s.phraseAt(i, r.p)
		if !ok {
			continue
		}
		if s.same(i, j) && j < len(s.toks) {
			if s.v.refNotBefore[s.low(j)] || s.toks[j].kind == tNum {
				return spec{}, false
			}
			if _, ok := s.unit(j); ok {
				return spec{}, false
			}
			if _, ok := s.count(j); ok && s.toks[j].kind == tWord && !s.is(j, "a") && !s.is(j, "an") {
				return spec{}, false
			}
		}
		return spec{s: i, e: j, kind: KindPoint, refVal: r.value}, true
	}
	return spec{}, false
}

// holiday reads a named day at i ("Christmas Day", "Thanksgiving"),
// capitalised; a bare name that is also a season ("Christmas") only after
// one of the holiday prepositions ("at Christmas", "on Thanksgiving").
func (s *scanner) holiday(i int) (pdate, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != tWord || !s.toks[i].cap {
		return pdate{}, 0, false
	}
	best, end := -1, 0
	for _, k := range s.v.holidayAt[s.toks[i].low] {
		h := s.v.holidays[k]
		j, ok := s.phraseAt(i, h.p)
		if !ok || j <= end {
			continue
		}
		if h.bare && !(s.same(i-1, i) && s.v.holidayPreps[s.low(i-1)]) {
			continue
		}
		best, end = k, j
	}
	if best < 0 {
		return pdate{}, 0, false
	}
	h := s.v.holidays[best]
	p := newPdate()
	p.m, p.d, p.nth, p.hwd = h.m, h.d, h.nth, h.wd
	k := end
	if s.isPunct(k, ",") {
		k++
	}
	if y, ok := s.year(k, bareYearLo, bareYearHi); ok && s.same(i, k) && !s.countNoun(k+1) {
		p.y, end = y, k+1 // "Christmas Day 1999", "New Year's Day, 2001"
	}
	return p, end, true
}
