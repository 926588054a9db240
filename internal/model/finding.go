package model

// Severity orders findings, most serious first.
type Severity int

// The severities.
const (
	SeverityInfo Severity = iota
	SeverityLow
	SeverityMedium
	SeverityHigh
)

func (s Severity) String() string {
	switch s {
	case SeverityHigh:
		return "high"
	case SeverityMedium:
		return "medium"
	case SeverityLow:
		return "low"
	}
	return "info"
}

// Finding is the result of an accountability check, with the evidence it
// rests on.
type Finding struct {
	Kind     string     `json:"kind"`
	Severity Severity   `json:"-"`
	Summary  string     `json:"summary"`
	Evidence []Evidence `json:"evidence"`
	Events   []string   `json:"events"`
	Quotes   []string   `json:"quotes"`
	Timeline []int      `json:"timeline,omitempty"`
	// Check names the rule that produced the finding.
	Check string `json:"check"`
}
