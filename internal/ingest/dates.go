package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

var (
	rxYear       = regexp.MustCompile(`(^|[^0-9])(1[6-9]|20)[0-9][0-9]([^0-9]|$)`)
	rxNumericDMY = regexp.MustCompile(`^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})$`)
	rxISODate    = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}`)
)

// parseDate reads a date stated in full: day, month and year. A date
// without a year, a relative date ("yesterday") or a numeric date that
// reads differently day-first and month-first (03/04/2024) is not a date
// here: later stages may infer one, ingest does not guess.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ".,;:–—-"))
	if s == "" || len(s) > 64 || !rxYear.MatchString(s) {
		return time.Time{}, false
	}
	if m := rxISODate.FindString(s); m != "" {
		if t, err := time.Parse("2006-01-02", m); err == nil {
			return t, true
		}
		return time.Time{}, false
	}
	if m := rxNumericDMY.FindStringSubmatch(s); m != nil && m[1] != m[2] {
		dmy, ok1 := parseWith(s, dateparser.DMY)
		mdy, ok2 := parseWith(s, dateparser.MDY)
		switch {
		case ok1 && ok2 && !dmy.Equal(mdy):
			return time.Time{}, false
		case ok1:
			return dmy, true
		case ok2:
			return mdy, true
		}
		return time.Time{}, false
	}
	if t, ok := parseWith(s, dateparser.DMY); ok {
		return t, true
	}
	return parseWith(s, dateparser.MDY)
}

func parseWith(s string, order dateparser.DateOrder) (t time.Time, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	cfg := &dateparser.Configuration{
		Languages:       []string{"en"},
		DateOrder:       order,
		StrictParsing:   true,
		DefaultTimezone: time.UTC,
		CurrentTime:     time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	d, err := dateparser.Parse(cfg, s)
	if err != nil || d.IsZero() {
		return time.Time{}, false
	}
	switch d.Period {
	case date.Day, date.Hour, date.Minute, date.Second:
	default:
		return time.Time{}, false
	}
	y, m, dd := d.Time.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), true
}

// parseMetaTimestamp reads a machine-written date from HTML metadata or a
// feed: RFC 3339 and friends first, then the strict text parser.
func parseMetaTimestamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822} {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return parseDate(s)
}

func dateOnly(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
