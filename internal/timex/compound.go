package timex

import "strings"

// endpoint reads one end of an interval: an explicit date, a bare month,
// year or weekday (c permitting), or a bare day number ("3" in "3-5 June").
func (s *scanner) endpoint(i int, c ctx, parse func(string) (int, int, int, bool), dayOnly bool) (pdate, int, bool) {
	if i >= len(s.toks) {
		return pdate{}, 0, false
	}
	if p, j, ok := s.date(i, c, parse); ok && !p.decade {
		return p, j, true
	}
	if dayOnly {
		if d, _, ok := s.day(i); ok {
			p := newPdate()
			p.d = d
			return p, i + 1, true
		}
	}
	return pdate{}, 0, false
}

// level is the granularity class of a partial date: 3 day, 2 month, 1 year, 4 weekday.
func level(p pdate) int {
	switch {
	case p.rel == relWeekday:
		return 4
	case p.d != 0:
		return 3
	case p.m != 0:
		return 2
	default:
		return 1
	}
}

// interval reads "from March until October 2011", "between 3 and 5 June",
// "3-5 June", "June 3-5", "from 2009 to 2014", "March to October 2011".
func (s *scanner) interval(i int, parse func(string) (int, int, int, bool)) (spec, bool) {
	j := i
	w := s.low(i)
	opener := s.v.openers[w]
	between := s.v.between[w]
	if opener || between {
		j++
		if !s.same(i, j) {
			return spec{}, false
		}
	}
	c := s.ctxAt(i)
	if opener || between {
		c = ctx{month: true, year: true, weekday: true}
	}
	ca := c
	ca.month = true // checked below: a bare first month needs a cue or a year at the end
	a, k, ok := s.endpoint(j, ca, parse, true)
	if !ok || !s.same(i, k) {
		return spec{}, false
	}
	cw := s.low(k)
	if between {
		if !s.v.and[cw] {
			return spec{}, false
		}
	} else if !s.v.closers[cw] {
		return spec{}, false
	}
	dash := cw == "-" || cw == "–" || cw == "—"
	b, e, ok := s.endpoint(k+1, ctx{month: true, year: true, weekday: opener || between}, parse, a.d != 0 && a.m != 0)
	if !ok || !s.same(k, k+1) {
		return spec{}, false
	}
	la, lb := level(a), level(b)
	switch {
	case a.d != 0 && a.m == 0: // "3-5 June", "between 3 and 5 June"
		if b.d == 0 || b.m == 0 || b.rel != relAbs || a.d > b.d {
			return spec{}, false
		}
		a.m, a.y = b.m, b.y
	case b.d != 0 && b.m == 0: // "June 3-5"
		if a.d == 0 || !dash && !opener && !between || a.d > b.d {
			return spec{}, false
		}
		b.m, b.y = a.m, a.y
	case la != lb:
		return spec{}, false
	}
	if la == 4 && !(opener || between) {
		return spec{}, false
	}
	if a.rel != relAbs && a.rel != relWeekday || b.rel != a.rel {
		return spec{}, false
	}
	// A bare first month or year needs an opener or a preposition: "in
	// March to October", not "the March to the sea".
	if !(opener || between) && a.d == 0 && a.y == 0 && !c.month && !(a.m != 0 && b.y != 0) {
		return spec{}, false
	}
	if a.y == 0 && b.y != 0 {
		a.y = b.y
		if a.m > b.m || a.m == b.m && a.d > b.d {
			a.y--
		}
	}
	if a.y != 0 && b.y != 0 {
		if a.y > b.y || a.y == b.y && (a.m > b.m || a.m == b.m && a.d > b.d) {
			return spec{}, false
		}
	}
	if a.wd >= 0 && a.rel == relAbs && a.y != 0 && !validDay(a.y, a.m, a.d) || !validDay(a.y, a.m, a.d) {
		return spec{}, false
	}
	return spec{s: i, e: e, kind: KindInterval, a: a, b: b}, true
}

// deadline reads "by the end of June", "by mid-July", "no later than 30
// June", "by Friday", "within two weeks".
func (s *scanner) deadline(i int, parse func(string) (int, int, int, bool)) (spec, bool) {
	all := ctx{month: true, year: true, weekday: true}
	if j, ok := s.anyPhrase(i, s.v.periodEndOpeners); ok && s.same(i, j) {
		// "by year-end", "before month end": the end of the current
		// period (the longest name that matches)
		best := spec{}
		for _, pe := range s.v.periodEnds {
			if e, ok := s.phraseAt(j, pe.p); ok && e > best.e {
				p := newPdate()
				p.rel, p.unit = relUnit, pe.unit
				best = spec{s: i, e: e, kind: KindDeadline, a: p, dl: dlEnd}
			}
		}
		if best.e > 0 {
			return best, true
		}
	}
	if j, ok := s.anyPhrase(i, s.v.endPhrases); ok {
		if s.isPunct(j, "-") && s.toks[j].glued {
			j++ // "by end-2014"
		}
		if p, e, ok := s.date(j, ctx{month: true, year: true}, parse); ok && p.d == 0 && p.rel == relAbs && !p.decade {
			return spec{s: i, e: e, kind: KindDeadline, a: p, dl: dlEnd}, true
		}
		if p, e, ok := s.periodRef(j); ok {
			return spec{s: i, e: e, kind: KindDeadline, a: p, dl: dlEnd}, true
		}
		return spec{}, false
	}
	if j, ok := s.anyPhrase(i, s.v.middlePhrases); ok {
		if s.isPunct(j, "-") && s.toks[j].glued {
			j++
		}
		if p, e, ok := s.date(j, ctx{month: true, year: true}, parse); ok && p.d == 0 && p.rel == relAbs && !p.decade && s.same(i, j) {
			return spec{s: i, e: e, kind: KindDeadline, a: p, dl: dlMid}, true
		}
		return spec{}, false
	}
	if j, ok := s.anyPhrase(i, s.v.limitPhrases); ok && s.same(i, j) {
		best, e := pdate{}, 0
		if p, k, ok := s.date(j, all, parse); ok && !p.decade {
			best, e = p, k
		}
		if p, k, ok := s.relative(j); ok && k > e && p.rel != relAna && p.rel != relAgo {
			best, e = p, k
		}
		if h, m, k, ok := s.clock(j, true); ok && k > e {
			p := newPdate()
			p.rel, p.hh, p.mm, p.hasTime = relTime, h, m, true
			best, e = p, k
		}
		if e > 0 {
			// "by the morning of 4 June": let the part-of-day reading win.
			if sp, ok := s.point(j, parse); ok && sp.e > e && sp.kind == KindPoint {
				best, e = sp.a, sp.e
			}
			return spec{s: i, e: e, kind: KindDeadline, a: best, dl: dlPlain}, true
		}
		return spec{}, false
	}
	if s.v.within[s.low(i)] {
		j := i + 1
		if s.is(j, "the") && s.is(j+1, "next") {
			j += 2
		}
		if n, ok := s.count(j); ok && s.same(i, j+1) {
			if u, ok := s.unit(j + 1); ok && plural(s.low(j+1)) == (n != 1) {
				return spec{s: i, e: j + 2, kind: KindDuration, dur: isoDuration(n, u), openGr: unitGran(u)}, true
			}
		}
	}
	return spec{}, false
}

func plural(w string) bool { return strings.HasSuffix(w, "s") }

// periodRef reads "the month", "this year", "next week" after an end
// phrase.
func (s *scanner) periodRef(j int) (pdate, int, bool) {
	off := 0
	switch {
	case s.is(j, "the") || s.is(j, "this"):
	case s.is(j, "next"):
		off = 1
	default:
		return pdate{}, 0, false
	}
	u, ok := s.unit(j + 1)
	if !ok || plural(s.low(j+1)) || (u != "W" && u != "M" && u != "Y") || !s.same(j, j+1) {
		return pdate{}, 0, false
	}
	p := newPdate()
	p.rel, p.unit, p.n = relUnit, u, off
	return p, j + 2, true
}

// duration reads "for two weeks", "for the past three years".
func (s *scanner) duration(i int) (spec, bool) {
	j, ok := s.anyPhrase(i, s.v.durationOpeners)
	if !ok {
		return spec{}, false
	}
	n, ok := s.count(j)
	if !ok || !s.same(i, j+1) {
		return spec{}, false
	}
	u, ok := s.unit(j + 1)
	if !ok || plural(s.low(j+1)) != (n != 1) {
		return spec{}, false
	}
	return spec{s: i, e: j + 2, kind: KindDuration, dur: isoDuration(n, u), openGr: unitGran(u)}, true
}

// coming reads "in the coming days", "over the next few weeks".
func (s *scanner) coming(i int) (spec, bool) {
	j, ok := s.anyPhrase(i, s.v.coming)
	if !ok {
		return spec{}, false
	}
	u, ok := s.unit(j)
	if !ok || !plural(s.low(j)) || !s.same(i, j) {
		return spec{}, false
	}
	return spec{s: i, e: j + 1, kind: KindDuration, dur: "PX" + u, openGr: unitGran(u), vague: true}, true
}

// merge joins "March until the end of the operation in October": a
// year-less month or day, "until", a few words without punctuation, and a
// second point of the same granularity, into one interval.
func (s *scanner) merge(specs []spec) []spec {
	out := make([]spec, 0, len(specs))
	for k := 0; k < len(specs); k++ {
		a := specs[k]
		if k+1 < len(specs) && a.kind == KindPoint && a.a.rel == relAbs && a.a.m != 0 && !a.a.hasTime && a.a.pod == "" {
			b := specs[k+1]
			if b.kind == KindPoint && b.a.rel == relAbs && b.a.m != 0 && level(a.a) == level(b.a) && b.a.pod == "" &&
				s.v.longClosers[s.low(a.e)] && s.same(a.s, b.e-1) && b.s-a.e <= 10 && s.plainGap(a.e+1, b.s) {
				x, y := a.a, b.a
				if x.y == 0 && y.y != 0 {
					x.y = y.y
					if x.m > y.m || x.m == y.m && x.d > y.d {
						x.y--
					}
				}
				if x.y == 0 || y.y == 0 || x.y < y.y || x.y == y.y && (x.m < y.m || x.m == y.m && x.d < y.d) {
					out = append(out, spec{s: a.s, e: b.e, kind: KindInterval, a: x, b: y})
					k++
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// plainGap reports whether tokens [i, j) are words only.
func (s *scanner) plainGap(i, j int) bool {
	for k := i; k < j; k++ {
		if s.toks[k].kind != tWord {
			return false
		}
	}
	return true
}
