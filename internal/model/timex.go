package model

// Timex is a temporal expression found in text and normalised against
// an anchor date.
type Timex struct {
	Span
	// Kind is point, interval, deadline or duration.
	Kind string `json:"kind"`
	// Value is the ISO 8601 value at the expression's granularity:
	// "2013-06-04", "2013-06", "2012", "2011-03/2011-10", "P2W".
	Value string `json:"value"`
	// EndValue is the end of an interval or the last day of a deadline,
	// ISO 8601, or "". (End, from Span, is the byte offset.)
	EndValue string `json:"end_value,omitempty"`
	// Granularity is year, month, day, part-of-day or time.
	Granularity string `json:"granularity"`
	// PartOfDay is morning, afternoon, evening, night or "".
	PartOfDay string `json:"part_of_day,omitempty"`
	// Anchor is the reference date the expression was resolved against
	// (YYYY-MM-DD), or "" when it needed none.
	Anchor string `json:"anchor,omitempty"`
	// Weekday is the weekday stated in the text ("Monday"), if any, and
	// WeekdayMismatch is true when it does not fit the date.
	Weekday         string `json:"weekday,omitempty"`
	WeekdayMismatch bool   `json:"weekday_mismatch,omitempty"`
	// Future is true when the expression points after the anchor.
	Future bool `json:"future,omitempty"`
	// Tense is the tense of the expression's clause as read from its
	// words: "past", "future" or "" when it is unclear.
	Tense string `json:"tense,omitempty"`
	// TimeML is the value in the conventions of TimeML's TIMEX3 (as in
	// TimeBank): "1998-Q1", "1998-W05", "1998-02-06TMO", "199" for the
	// 1990s, "PRESENT_REF", "P2W"; "" when there is none.
	TimeML string `json:"timeml,omitempty"`
	// NoDate, when set, says why the expression must not date what its
	// clause reports: "duration" ("for three years", "within 18
	// months"), "span" (the open end of a stretch of time: "since
	// 2004", "until Friday"), "decade" ("the 1980s"), "vague" ("now",
	// "recently", "in the coming weeks") or "guess" (a reading the words
	// do not fix: "the quarter"). Value may still hold what the words
	// mean.
	NoDate string `json:"no_date,omitempty"`
}

// The reasons of Timex.NoDate.
const (
	NoDateDuration = "duration"
	NoDateSpan     = "span"
	NoDateDecade   = "decade"
	NoDateVague    = "vague"
	NoDateGuess    = "guess"
)

// Anchor ties an event or a quote to a time, and says which expression
// (or the document date) was used.
type Anchor struct {
	// Kind is the kind of the expression used (point, interval,
	// deadline), or "point" for the document date.
	Kind        string `json:"kind"`
	Value       string `json:"value"`
	End         string `json:"end,omitempty"`
	Granularity string `json:"granularity"`
	PartOfDay   string `json:"part_of_day,omitempty"`
	// By is "clause", "sentence", "paragraph" or "document".
	By string `json:"by"`
	// Timex is the expression used, or nil for the document date.
	Timex *Span `json:"timex,omitempty"`
	// After lists events of the same document that the sentence says
	// came before this one ("Kenya met Uganda after Somalia attacked":
	// the attack), and OrderCue is the word that says so. Dates still
	// come first: the order only counts between things of the same time.
	After    []string `json:"after,omitempty"`
	OrderCue *Span    `json:"order_cue,omitempty"`
}
