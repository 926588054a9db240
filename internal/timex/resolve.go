package timex

import (
	"fmt"
	"strconv"
	"time"
)

// Granularities.
const (
	GranYear      = "year"
	GranMonth     = "month"
	GranWeek      = "week"
	GranDay       = "day"
	GranPartOfDay = "part-of-day"
	GranTime      = "time"
	GranQuarter   = "quarter"
	GranHalf      = "half"
	GranSeason    = "season"
	GranWeekend   = "weekend"
)

// Tense is the tense read from a clause, used to choose a year for a
// year-less date and a week for a bare weekday.
type Tense int

// Tenses.
const (
	TenseNone   Tense = 0
	TensePast   Tense = -1
	TenseFuture Tense = 1
)

// rctx is what resolution of one expression may use.
type rctx struct {
	ref      time.Time // date of the reference, midnight UTC
	hasRef   bool
	tense    Tense
	sentYear int       // the one explicit year of the sentence, or 0
	prev     *resolved // the previous expression with a known day
	sentDay  *resolved // a day-level expression of the same sentence (for clock times)
	// sentPeriod is the last expression before this one in its sentence
	// naming a period finer than a year ("a year earlier" repeats it).
	sentPeriod *resolved
}

// resolved is a normalised partial date.
type resolved struct {
	ok       bool
	t        time.Time // start of the period
	gran     string    // year, month, week, day (part of day and time are flags below)
	yearless bool      // month and day known, year unknown (no reference)
	pod      string
	hh, mm   int
	hasTime  bool
	noDate   bool   // a clock time with no date
	anchor   string // reference date used, YYYY-MM-DD
	weekday  string
	mismatch bool
	later    bool // "later this week": after the reference within its period
	part     *partSpec
	partY    int // year and 0-based index of a resolved part
	partIdx  int
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y == 0 || isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validDay reports whether the components can be a date; missing parts
// are not checked and a missing year admits 29 February.
func validDay(y, m, d int) bool {
	if m == 0 || d == 0 {
		return m >= 0 && m <= 12 && d >= 0
	}
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// chooseYear picks a year for a month (d == 0) or a month and day with no
// year: past tense gives the latest such date not after ref, future the
// earliest not before ref, no cue the nearest to ref (ties go to the past).
func chooseYear(m, d int, tense Tense, ref time.Time) int {
	if d == 0 {
		return pickYear(func(y int) (int, bool) {
			return (y*12 + m) - (ref.Year()*12 + int(ref.Month())), true
		}, tense, ref)
	}
	return pickYear(func(y int) (int, bool) {
		return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(ref).Hours() / 24), validDay(y, m, d)
	}, tense, ref)
}

// pickYear chooses among the years around ref's by tense, as chooseYear
// says; diff gives a year's distance from ref (days, or months), negative
// before it, and whether the year has the date at all (29 February; the
// fifth Monday of a month).
func pickYear(diff func(y int) (int, bool), tense Tense, ref time.Time) int {
	best, bestDiff, found := ref.Year(), 0, false
	for y := ref.Year() - 4; y <= ref.Year()+4; y++ {
		dy, ok := diff(y)
		if !ok {
			continue
		}
		var better bool
		switch tense {
		case TensePast:
			better = dy <= 0 && (!found || dy > bestDiff)
		case TenseFuture:
			better = dy >= 0 && (!found || dy < bestDiff)
		default:
			better = !found || abs(dy) < abs(bestDiff) || abs(dy) == abs(bestDiff) && dy < 0
		}
		if better {
			best, bestDiff, found = y, dy, true
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// nearDayWindow is how near before the reference date a day of the
// month without a year may lie although its clause looks forward: an
// article printed a day or two after the day it speaks of in the future
// means that day, not the same day a year on. (A past clause's day after
// the reference stays in the year before: the reference is the later.)
const nearDayWindow = 3

// weekdayWindow is how near the reference date a stated weekday may
// take a date against its tense.
const weekdayWindow = 14

// weekdayYear returns the year for a day stated with its weekday
// ("Saturday, April 25"): the year chosen by tense, unless the weekday
// does not fit it but fits the nearest reading, within two weeks of
// the reference (an editorial of Saturday 25 April, dated the 24th). A
// weekday that fits neither never moves the date: the mismatch is
// reported.
func weekdayYear(p pdate, y int, ref time.Time) int {
	fits := func(y int) bool {
		return validDay(y, p.m, p.d) && time.Date(y, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC).Weekday() == time.Weekday(p.wd)
	}
	if fits(y) {
		return y
	}
	n := chooseYear(p.m, p.d, TenseNone, ref)
	if n != y && fits(n) && abs(int(time.Date(n, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC).Sub(ref).Hours()/24)) <= weekdayWindow {
		return n
	}
	return y
}

// weekdayNear resolves a weekday: mod -1 the latest strictly before ref,
// +1 the earliest strictly after, 0 by tense (past: latest on or before
// ref; future: earliest on or after; none: nearest within three days).
func weekdayNear(wd time.Weekday, mod int, tense Tense, ref time.Time) time.Time {
	diff := int(wd) - int(ref.Weekday()) // -6..6
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	fwd := (diff + 7) % 7
	switch {
	case mod < 0:
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case mod > 0:
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd)
	case tense == TensePast:
		return ref.AddDate(0, 0, -back)
	case tense == TenseFuture:
		return ref.AddDate(0, 0, fwd)
	}
	if back <= fwd {
		return ref.AddDate(0, 0, -back)
	}
	return ref.AddDate(0, 0, fwd)
}

func unitGran(u string) string {
	switch u {
	case "D":
		return GranDay
	case "W", "F":
		return GranWeek
	case "M":
		return GranMonth
	}
	return GranYear
}

func isoDuration(n int, u string) string {
	switch u {
	case "F":
		return "P" + strconv.Itoa(2*n) + "W"
	case "X":
		return "P" + strconv.Itoa(10*n) + "Y"
	}
	return "P" + strconv.Itoa(n) + u
}

// shift moves t by n units.
func shift(t time.Time, n int, u string) time.Time {
	switch u {
	case "D":
		return t.AddDate(0, 0, n)
	case "W":
		return t.AddDate(0, 0, 7*n)
	case "F":
		return t.AddDate(0, 0, 14*n)
	case "M":
		return addMonths(t, n)
	case "Y":
		return addMonths(t, 12*n)
	case "X":
		return addMonths(t, 120*n)
	}
	return t
}

// addMonths moves by months, clamping the day to the target month.
func addMonths(t time.Time, n int) time.Time {
	y, m := t.Year(), int(t.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	d := t.Day()
	if dm := daysIn(y, m+1); d > dm {
		d = dm
	}
	return time.Date(y, time.Month(m+1), d, 0, 0, 0, 0, time.UTC)
}

// periodStart truncates t to the start of its period at gran.
func periodStart(t time.Time, gran string) time.Time {
	switch gran {
	case GranYear:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case GranMonth:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case GranWeek:
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		return dayOf(t).AddDate(0, 0, -wd)
	}
	return dayOf(t)
}

// periodEnd is the last day of the period of t at gran.
func periodEnd(t time.Time, gran string) time.Time {
	s := periodStart(t, gran)
	switch gran {
	case GranYear:
		return s.AddDate(1, 0, -1)
	case GranMonth:
		return s.AddDate(0, 1, -1)
	case GranWeek:
		return s.AddDate(0, 0, 6)
	}
	return s
}

var weekdayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func (r *rctx) anchor() string { return r.ref.Format("2006-01-02") }

// resolve normalises one partial date.
func resolve(p pdate, c *rctx) resolved {
	r := resolved{pod: p.pod, hh: p.hh, mm: p.mm, hasTime: p.hasTime}
	if p.wd >= 0 {
		r.weekday = weekdayNames[p.wd]
	}
	switch p.rel {
	case relAbs:
		y := p.y
		gran := GranYear
		if p.m != 0 {
			gran = GranMonth
		}
		if p.d != 0 || p.nth != 0 {
			gran = GranDay
		}
		if y == 0 && p.m == 0 {
			return r
		}
		if p.nth != 0 && y == 0 && !c.hasRef && c.sentYear == 0 {
			return r // a holiday by rule has no day without a year
		}
		if y == 0 && p.hasYrel && c.hasRef {
			y, r.anchor = c.ref.Year()+p.yrel, c.anchor()
		}
		if y == 0 {
			switch {
			case c.sentYear != 0:
				y = c.sentYear
			case c.hasRef && p.nth != 0:
				// a holiday by rule: its day moves from year to year
				y = pickYear(func(y int) (int, bool) {
					d := nthWeekday(y, p.m, p.nth, p.hwd)
					return int(time.Date(y, time.Month(p.m), max(d, 1), 0, 0, 0, 0, time.UTC).Sub(c.ref).Hours() / 24), d > 0
				}, c.tense, c.ref)
				r.anchor = c.anchor()
			case c.hasRef:
				y = chooseYear(p.m, p.d, c.tense, c.ref)
				if p.d != 0 && c.tense == TenseFuture {
					// "would get around the ruling to repatriate the
					// child by 14 January" in a paper of the 15th: a day
					// a few days past is not the same day a year on
					if n := chooseYear(p.m, p.d, TenseNone, c.ref); n != y && validDay(n, p.m, p.d) &&
						abs(int(time.Date(n, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC).Sub(c.ref).Hours()/24)) <= nearDayWindow {
						y = n
					}
				}
				r.anchor = c.anchor()
				if p.wd >= 0 && p.d != 0 {
					y = weekdayYear(p, y, c.ref)
				}
			default:
				r.yearless = true
				y = 2000 // a leap year, only to carry month and day
			}
		}
		if p.nth != 0 {
			p.d = nthWeekday(y, p.m, p.nth, p.hwd)
			if p.d == 0 {
				return r
			}
		}
		if !validDay(y, p.m, p.d) {
			return r
		}
		r.t = time.Date(y, time.Month(max(p.m, 1)), max(p.d, 1), 0, 0, 0, 0, time.UTC)
		r.gran, r.ok = gran, true
		if p.wd >= 0 && p.d != 0 && !r.yearless {
			r.mismatch = r.t.Weekday() != time.Weekday(p.wd)
		}
	case relWeekday:
		if !c.hasRef {
			return r
		}
		r.t = weekdayNear(time.Weekday(p.wd), p.n, c.tense, c.ref)
		r.gran, r.ok, r.anchor = GranDay, true, c.anchor()
	case relDay:
		if !c.hasRef {
			return r
		}
		r.t = c.ref.AddDate(0, 0, p.n)
		r.gran, r.ok, r.anchor = GranDay, true, c.anchor()
	case relUnit:
		if !c.hasRef {
			return r
		}
		r.gran = unitGran(p.unit)
		r.t = periodStart(shift(c.ref, p.n, p.unit), r.gran)
		r.ok, r.anchor = true, c.anchor()
		r.later = p.sub > 0
	case relAgo:
		if !c.hasRef {
			return r
		}
		r.gran = unitGran(p.unit)
		r.t = periodStart(shift(c.ref, -p.n, p.unit), r.gran)
		r.ok, r.anchor = true, c.anchor()
	case relAna:
		pv := c.prev
		if pv == nil || !pv.ok || pv.noDate {
			return r
		}
		g := unitGran(p.unit)
		switch g {
		case GranDay, GranWeek:
			if pv.gran != GranDay {
				return r
			}
			g = GranDay
		case GranMonth:
			if pv.gran == GranYear {
				return r
			}
		}
		r.t = periodStart(shift(pv.t, p.n, p.unit), g)
		r.gran, r.ok = g, true
		r.anchor = pv.t.Format("2006-01-02")
	case relMonthMod:
		if !c.hasRef {
			return r
		}
		refM := c.ref.Year()*12 + int(c.ref.Month()) - 1
		y := c.ref.Year()
		switch {
		case p.n < 0:
			if y*12+p.m-1 >= refM {
				y--
			}
		case p.n > 0:
			if y*12+p.m-1 <= refM {
				y++
			}
		}
		r.t = time.Date(y, time.Month(p.m), 1, 0, 0, 0, 0, time.UTC)
		r.gran, r.ok, r.anchor = GranMonth, true, c.anchor()
	case relPart:
		return resolvePart(p, c, r)
	case relTime:
		if d := c.sentDay; d != nil && d.ok && !d.yearless && d.gran == GranDay {
			r.t, r.gran, r.ok, r.anchor = d.t, GranDay, true, d.anchor
			return r
		}
		r.ok, r.noDate, r.gran = true, true, GranDay
	}
	return r
}

// value formats a resolved date as ISO 8601 at its granularity.
func (r resolved) value() string {
	if !r.ok {
		return ""
	}
	if r.noDate {
		return fmt.Sprintf("T%02d:%02d", r.hh, r.mm)
	}
	var v string
	switch r.gran {
	case GranYear:
		v = r.t.Format("2006")
	case GranMonth:
		v = r.t.Format("2006-01")
	case GranWeek:
		y, w := r.t.ISOWeek()
		v = fmt.Sprintf("%04d-W%02d", y, w)
	default:
		v = r.t.Format("2006-01-02")
		if r.hasTime {
			v += fmt.Sprintf("T%02d:%02d", r.hh, r.mm)
		}
	}
	if r.yearless && len(v) >= 4 {
		v = "XXXX" + v[4:]
	}
	return v
}

// granularity is the reported granularity.
func (r resolved) granularity() string {
	switch {
	case r.hasTime:
		return GranTime
	case r.pod != "" && r.gran == GranDay:
		return GranPartOfDay
	}
	return r.gran
}
