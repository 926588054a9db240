package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// weekdayMismatches raises a finding for each date whose stated weekday
// does not fit it. The date is kept as written; the finding gives both
// readings.
func (c *Checker) weekdayMismatches(in *Input) []model.Finding {
	var out []model.Finding
	for _, d := range in.Docs {
		a := in.Analyses[d.ID]
		if a == nil {
			continue
		}
		for _, t := range a.Timexes {
			if !t.WeekdayMismatch || len(t.Value) < 10 {
				continue
			}
			day, err := time.Parse("2006-01-02", t.Value[:10])
			if err != nil {
				continue
			}
			summary := fmt.Sprintf("%s says “%s”, but %s was a %s, not a %s.", docName(d), clean(t.Text), humanDate(t.Value[:10]), day.Weekday(), t.Weekday)
			if years := yearsWithWeekday(day, t.Weekday); len(years) > 0 {
				summary += fmt.Sprintf(" %d %s fell on a %s in %s.", day.Day(), day.Month(), t.Weekday, joinYears(years))
			}
			out = append(out, model.Finding{
				Kind: "weekday-mismatch", Severity: model.SeverityMedium, Summary: summary,
				Evidence: []model.Evidence{model.EvidenceOf(d.ID, t.Span)},
			})
		}
	}
	return out
}

// yearsWithWeekday returns the years within three of day's year in
// which its day and month fell on the named weekday.
func yearsWithWeekday(day time.Time, weekday string) []int {
	var out []int
	for y := day.Year() - 3; y <= day.Year()+3; y++ {
		t := time.Date(y, day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
		if t.Month() == day.Month() && strings.EqualFold(t.Weekday().String(), weekday) {
			out = append(out, y)
		}
	}
	return out
}

func joinYears(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = fmt.Sprint(y)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
