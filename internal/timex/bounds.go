package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// Bounds returns the first and last day an expression covers: the period
// of Value, extended to EndValue for intervals and deadlines ("by the end
// of June": 1 June to 30 June; the deadline is the last day). ok is false
// for durations, empty or year-less values and clock times with no date.
func Bounds(x model.Timex) (first, last time.Time, ok bool) {
	if x.Kind == KindDuration {
		return time.Time{}, time.Time{}, false
	}
	first, last, ok = periodOf(x.Value)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	if x.EndValue != "" {
		if _, l, ok2 := periodOf(x.EndValue); ok2 && !l.Before(first) {
			last = l
		}
	}
	return first, last, true
}

// periodOf parses an ISO 8601 value as produced by Find into its first and
// last day.
func periodOf(v string) (time.Time, time.Time, bool) {
	if t, _, ok := strings.Cut(v, "T"); ok {
		v = t
	}
	switch {
	case len(v) == 4:
		y, err := strconv.Atoi(v)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return t, periodEnd(t, GranYear), true
	case len(v) == 7:
		t, err := time.Parse("2006-01", v)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		return t, periodEnd(t, GranMonth), true
	case len(v) == 8 && v[5] == 'W':
		y, err1 := strconv.Atoi(v[:4])
		w, err2 := strconv.Atoi(v[6:])
		if err1 != nil || err2 != nil || w < 1 || w > 53 {
			return time.Time{}, time.Time{}, false
		}
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return mon, mon.AddDate(0, 0, 6), true
	case len(v) == 10:
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		return t, t, true
	}
	return time.Time{}, time.Time{}, false
}
