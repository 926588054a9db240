package model

// Analysis is everything dossier derives from one document on its own:
// the actor mentions, temporal expressions, quotes and events in it.
type Analysis struct {
	Doc      string    `json:"doc"`
	Mentions []Mention `json:"mentions"`
	Timexes  []Timex   `json:"timexes"`
	Quotes   []Quote   `json:"quotes"`
	Events   []Event   `json:"events"`
}

// TimelineEntry is one dated entry of the timeline across documents. It
// may rest on several events, quotes and documents.
type TimelineEntry struct {
	ID int `json:"id"`
	// Date and End are ISO 8601 at the entry's precision ("2013-06",
	// "2013-06-04").
	Date      string `json:"date"`
	End       string `json:"end"`
	Precision string `json:"precision"`
	PartOfDay string `json:"part_of_day"`
	// Kind is what the entry records: an event type, "deadline", ...
	Kind     string     `json:"kind"`
	Summary  string     `json:"summary"`
	Future   bool       `json:"future"`
	Events   []string   `json:"events"`
	Quotes   []string   `json:"quotes"`
	Docs     []string   `json:"docs"`
	Evidence []Evidence `json:"evidence"`
}

// When formats the entry's date as people read it: its span, and its
// part of day in parentheses ("2013-06-04 (afternoon)"; see Span).
func (e TimelineEntry) When() string {
	if p := e.ShownPartOfDay(); p != "" {
		return e.Span() + " (" + p + ")"
	}
	return e.Span()
}

// ShownPartOfDay is the part of day a date of the entry shows: its
// PartOfDay, except for a deadline, which is due by its day.
func (e TimelineEntry) ShownPartOfDay() string {
	if e.Kind == "deadline" {
		return ""
	}
	return e.PartOfDay
}

// Span formats the entry's dates at their precision: a date, a span
// ("1990 to 1999"), or for a deadline the day it falls due ("by
// 2013-06-30").
func (e TimelineEntry) Span() string {
	if e.Kind == "deadline" {
		if e.End != "" {
			return "by " + e.End
		}
		return "by " + e.Date
	}
	if e.End != "" && e.End != e.Date {
		return e.Date + " to " + e.End
	}
	return e.Date
}
