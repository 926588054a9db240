package timex

import (
	"fmt"
	"time"
)

// Parts of a year: quarters, halves and seasons, and the weekend.
const (
	partQuarter = "Q"
	partHalf    = "H"
	partSeason  = "S"
	partWeekend = "WE"
)

// Which instance of a part a phrase names.
const (
	pmNumbered = iota // "the third quarter", "summer": by number or name, year from context
	pmLatest          // "the quarter", "the latest quarter": the last one completed (a guess)
	pmCurrent         // "this quarter", "the current quarter", "this summer"
	pmLast            // "last quarter", "last fall": the one before the current
	pmNext            // "next quarter", "next spring"
)

// partSpec is what period reads: which part of which year.
type partSpec struct {
	kind    string // partQuarter, partHalf, partSeason, partWeekend
	n       int    // quarter or half number (1-based)
	season  string // SP, SU, FA, WI
	mode    int    // pmNumbered ...
	y       int    // explicit year, 0 when none
	yoff    int    // year relative to the one chosen ("year-earlier": -1)
	hasYoff bool
	fiscal  bool // a fiscal quarter or year: not a calendar period
	// endM, endD, endY: the date the part ended on, when the text says
	// it ("the quarter ended 30 September").
	endM, endD, endY int
	guess            bool // the words do not fix which one ("the quarter", "the summer")
}

// period reads quarters, halves, seasons and weekends:
//
//	[the|its] [1988|this year's|year-earlier] [fiscal] third[-]quarter [of [fiscal] 1990]
//	the latest quarter, the current quarter, last quarter, the quarter
//	the first half [of 1989], first-half
//	last fall, this summer, the winter of 1994
//	over the weekend, this weekend
//	fiscal 1989
func (s *scanner) period(i int) (spec, bool) {
	v := s.v
	j := i
	ps := partSpec{mode: pmNumbered}
	the := false
	if _, _, ok := s.relYear(j); !ok {
		switch w := s.low(j); {
		case v.periodDeterminers[w]:
			the = w == "the"
			j++
		case w == "this":
			ps.mode = pmCurrent
			j++
		case v.relMods[w] < 0:
			ps.mode = pmLast
			j++
		case v.relMods[w] > 0:
			ps.mode = pmNext
			j++
		}
	}
	// Modifiers before the head, in any order: a year, a relative year,
	// "latest", "current", "fiscal", an ordinal.
	num, hasNum := 0, false
	for n := 0; n < 6 && s.same(i, j); n++ {
		w := s.low(j)
		if y, ok := s.year(j, bareYearLo, bareYearHi); ok && ps.y == 0 {
			ps.y = y
			j++
			continue
		}
		if k, off, ok := s.relYear(j); ok && !ps.hasYoff {
			ps.yoff, ps.hasYoff = off, true
			j = k
			continue
		}
		if m, ok := v.periodModes[w]; ok && s.toks[j].kind == tWord {
			ps.mode = m
			j++
			continue
		}
		if v.fiscal[w] {
			ps.fiscal = true
			j++
			if s.isPunct(j, "-") && s.toks[j].glued {
				j++
			}
			continue
		}
		if o, ok := s.ordinal(j); ok && !hasNum {
			num, hasNum = o, true
			j++
			if s.isPunct(j, "-") && s.toks[j].glued {
				j++ // "third-quarter"
			}
			continue
		}
		break
	}
	if !s.same(i, j) || j >= len(s.toks) {
		return s.fiscalYear(i)
	}
	head := s.low(j)
	unit, isUnit := v.partUnits[head]
	season, isSeason := v.seasons[head]
	switch {
	case head == v.weekend && !hasNum && ps.y == 0 && !ps.hasYoff && !ps.fiscal:
		ps.kind = partWeekend
		if ps.mode == pmNumbered {
			if !the {
				return spec{}, false
			}
			ps.guess = true // "over the weekend": by tense
		}
	case isUnit && unit.alias:
		// "the latest period", "the year-ago period", "the 1988
		// period": a quarter, in company results.
		if hasNum || !(ps.mode == pmLatest || ps.y != 0 || ps.hasYoff) {
			return s.fiscalYear(i)
		}
		ps.kind, ps.guess, ps.mode = unit.part, true, pmLatest
	case isUnit:
		ps.kind = unit.part
		switch {
		case hasNum && (num < 1 || num > unit.count):
			return spec{}, false
		case hasNum:
			ps.n, ps.mode = num, pmNumbered
		case ps.mode == pmNumbered && (the || ps.hasYoff || ps.y != 0):
			ps.mode, ps.guess = pmLatest, true // "the quarter", "the year-ago quarter"
		case ps.mode == pmNumbered:
			return spec{}, false // "quarter" alone
		}
	case isSeason && !hasNum:
		ps.kind, ps.season = partSeason, season
		if ps.mode == pmNumbered && ps.y == 0 && !ps.hasYoff {
			ps.guess = true // "the summer"
			if !the && !s.ctxAt(i).month {
				return spec{}, false // "summer camps"
			}
		}
	default:
		return s.fiscalYear(i)
	}
	e := j + 1
	ofYear := false
	// "of 1990", "of fiscal 1990", "of this year", "of last year".
	if s.is(e, "of") && s.same(i, e+1) && ps.y == 0 && !ps.hasYoff && ps.kind != partWeekend {
		k := e + 1
		if v.fiscal[s.low(k)] {
			ps.fiscal = true
			k++
		}
		if y, ok := s.year(k, yearLo, yearHi); ok {
			ps.y, e, ofYear = y, k+1, true
		} else if y, ye, ok := s.spelledYear(k); ok {
			ps.y, e, ofYear = y, ye, true // "the winter of nineteen ninety-four"
		} else if mod, ok := v.relMods[s.low(k)]; ok && s.is(k+1, "year") && s.same(k, k+1) {
			ps.yoff, ps.hasYoff, e = mod, true, k+2
		}
	}
	if (ps.kind == partQuarter || ps.kind == partHalf) && v.partEndWords[s.low(e)] && s.same(i, e+1) {
		// "the quarter ended Sept. 30": the date says which quarter.
		if dp, _, ok := s.date(e+1, ctx{}, func(string) (int, int, int, bool) { return 0, 0, 0, false }); ok && dp.rel == relAbs && dp.m != 0 && dp.d != 0 {
			ps.endM, ps.endD, ps.endY = dp.m, dp.d, dp.y
			if ps.y != 0 && ps.endY == 0 {
				ps.endY = ps.y
			}
			ps.mode, ps.guess = pmNumbered, false
		}
	}
	if ofYear && !hasNum && (ps.mode == pmLast || ps.mode == pmLatest) && ps.kind != partSeason {
		// "the last half of 1989", "the last quarter of 2012"
		ps.n, ps.mode, ps.guess = v.partCounts[ps.kind], pmNumbered, false
	}
	if ps.y != 0 && ps.kind == partSeason {
		ps.mode, ps.guess = pmNumbered, false
	}
	if ps.fiscal || ps.mode == pmLatest {
		ps.guess = true
	}
	if ps.endM != 0 && !ps.fiscal {
		ps.guess = false
	}
	p := newPdate()
	p.rel, p.part = relPart, &ps
	return spec{s: i, e: e, kind: KindPoint, a: p}, true
}

// fiscalYear reads "fiscal 1989" (a year, but not a calendar one).
func (s *scanner) fiscalYear(i int) (spec, bool) {
	if !s.v.fiscal[s.low(i)] {
		return spec{}, false
	}
	j := i + 1
	if s.isPunct(j, "-") && s.toks[j].glued {
		j++
	}
	y, ok := s.year(j, yearLo, yearHi)
	if !ok || !s.same(i, j) {
		return spec{}, false
	}
	p := newPdate()
	p.rel, p.part = relPart, &partSpec{kind: "Y", y: y, fiscal: true, guess: true}
	return spec{s: i, e: j + 1, kind: KindPoint, a: p}, true
}

// relYear reads a year relative to the one in question before a part:
// "this year's", "last year's", "year-earlier", "year-ago".
func (s *scanner) relYear(j int) (int, int, bool) {
	for _, r := range s.v.relYears {
		if k, ok := s.phraseAt(j, r.p); ok {
			return k, r.offset, true
		}
	}
	return 0, 0, false
}

// ordinal reads "first", "third", "3rd" at token j.
func (s *scanner) ordinal(j int) (int, bool) {
	if j >= len(s.toks) {
		return 0, false
	}
	t := s.toks[j]
	if t.kind == tNum {
		switch t.suffix {
		case "st", "nd", "rd", "th":
			return t.num, t.ndigits <= 2
		}
		return 0, false
	}
	n, ok := s.v.ordinals[t.low]
	return n, ok
}

// seasonMonths gives the first month of each season and its TimeML code
// order (northern hemisphere; winter Y runs from December of Y-1).
var seasonMonths = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// resolvePart resolves a quarter, half, season or weekend.
func resolvePart(p pdate, c *rctx, r resolved) resolved {
	ps := *p.part
	r.part = &ps
	if ps.kind == "Y" { // fiscal year
		r.t, r.gran, r.ok = time.Date(ps.y, 1, 1, 0, 0, 0, 0, time.UTC), GranYear, true
		return r
	}
	if ps.kind == partWeekend {
		if !c.hasRef {
			return r
		}
		ref := c.ref
		back := (int(ref.Weekday()) - int(time.Saturday) + 7) % 7 // days since the last Saturday
		sat := ref.AddDate(0, 0, -back)
		switch {
		case ps.mode == pmNext:
			sat = sat.AddDate(0, 0, 7)
			if back >= 6 || back == 0 {
				sat = sat.AddDate(0, 0, 7)
			}
		case ps.mode == pmLast:
			if back <= 1 {
				sat = sat.AddDate(0, 0, -7)
			}
		case ps.mode == pmCurrent || c.tense == TenseFuture:
			if back > 1 {
				sat = sat.AddDate(0, 0, 7)
			}
		}
		r.t, r.gran, r.ok, r.anchor = sat, GranWeekend, true, c.anchor()
		return r
	}
	size, count := 3, 4 // months in a part, parts in a year
	if ps.kind == partHalf {
		size, count = 6, 2
	}
	// index of the part within its year, 0-based, and the year.
	idx := ps.n - 1
	if ps.kind == partSeason {
		idx = seasonMonths[ps.season]/3 - 1 // SP 0, SU 1, FA 2, WI 3
	}
	start := func(y, k int) time.Time { // first day of part k of year y
		if ps.kind == partSeason {
			m := 3 + 3*k
			if m == 12 {
				return time.Date(y-1, 12, 1, 0, 0, 0, 0, time.UTC)
			}
			return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		}
		return time.Date(y, time.Month(1+size*k), 1, 0, 0, 0, 0, time.UTC)
	}
	end := func(y, k int) time.Time { return start(y, k).AddDate(0, size, -1) }
	// The part containing a day.
	partOf := func(d time.Time) (int, int) {
		if ps.kind == partSeason {
			m := int(d.Month())
			if m == 12 {
				return d.Year() + 1, 3
			}
			if m <= 2 {
				return d.Year(), 3
			}
			return d.Year(), (m - 3) / 3
		}
		return d.Year(), (int(d.Month()) - 1) / size
	}
	y := ps.y
	if ps.endM != 0 {
		y = ps.endY
		if y == 0 && c.hasRef {
			y = chooseYear(ps.endM, ps.endD, c.tense, c.ref)
		}
		// The calendar part that holds most of the months up to the end
		// (a quarter ended 31 July mostly lies in the second quarter).
		mid := ps.endM - size/2
		if mid < 1 {
			mid += 12
			y--
		}
		idx = (mid - 1) / size
		if ps.endM%size != 0 || ps.endD != daysIn(y, ps.endM) {
			ps.guess = true // not a calendar part: a fiscal one
			r.part.guess = true
		}
	}
	switch {
	case ps.endM != 0:
	case y != 0 && ps.mode == pmNumbered:
	case !c.hasRef:
		return r
	case ps.mode == pmNumbered:
		// The part of the reference year, unless the clause speaks of
		// the past and it has not begun. Results of a quarter that is
		// over may still be to come: no move forward for quarters and
		// halves.
		y = c.ref.Year()
		switch {
		case ps.hasYoff:
		case c.tense == TensePast && start(y, idx).After(c.ref):
			y--
		case ps.kind == partSeason && c.tense == TenseFuture && end(y, idx).Before(c.ref):
			y++
		case ps.kind == partSeason && c.tense == TenseNone && start(y, idx).After(c.ref):
			y-- // "the summer", with no tense: the last one begun
		}
	case ps.kind == partSeason:
		switch ps.mode {
		case pmCurrent: // "this summer": the one of this year
			y = c.ref.Year()
			if idx == 3 && c.ref.Month() == 12 {
				y++
			}
		case pmNext: // the first one to begin
			for y = c.ref.Year() - 1; !start(y, idx).After(c.ref); y++ {
			}
		default: // "last fall": the latest one that is over
			for y = c.ref.Year() + 1; !end(y, idx).Before(c.ref); y-- {
			}
		}
	default:
		cy, k := partOf(c.ref)
		switch ps.mode {
		case pmLatest, pmLast:
			k--
		case pmNext:
			k++
		}
		for k < 0 {
			k += count
			cy--
		}
		for k >= count {
			k -= count
			cy++
		}
		y, idx = cy, k
		if ps.y != 0 {
			y = ps.y // "the 1988 quarter": the same quarter of 1988
		}
	}
	if ps.hasYoff {
		y += ps.yoff
	}
	if y == 0 {
		return r
	}
	r.t = start(y, idx)
	r.partY, r.partIdx = y, idx
	r.gran, r.ok = partGran(ps.kind), true
	if ps.mode != pmNumbered || ps.y == 0 {
		r.anchor = c.anchor()
	}
	return r
}

func partGran(kind string) string {
	switch kind {
	case partQuarter:
		return GranQuarter
	case partHalf:
		return GranHalf
	case partSeason:
		return GranSeason
	case partWeekend:
		return GranWeekend
	}
	return GranYear
}

// partValues returns the ISO value and end the pipeline dates with, and
// the TimeML value, of a resolved part.
func partValues(r resolved) (value, end, timeml string) {
	ps := r.part
	switch ps.kind {
	case "Y":
		v := fmt.Sprintf("%04d", r.t.Year())
		return v, "", v
	case partWeekend:
		y, w := r.t.ISOWeek()
		return r.t.Format("2006-01-02"), r.t.AddDate(0, 0, 1).Format("2006-01-02"), fmt.Sprintf("%04d-W%02d-WE", y, w)
	case partSeason:
		code := []string{"SP", "SU", "FA", "WI"}[r.partIdx]
		return fmt.Sprintf("%04d", r.partY), "", fmt.Sprintf("%04d-%s", r.partY, code)
	case partHalf:
		return r.t.Format("2006-01"), r.t.AddDate(0, 6, -1).Format("2006-01"), fmt.Sprintf("%04d-H%d", r.partY, r.partIdx+1)
	}
	return r.t.Format("2006-01"), r.t.AddDate(0, 3, -1).Format("2006-01"), fmt.Sprintf("%04d-Q%d", r.partY, r.partIdx+1)
}
