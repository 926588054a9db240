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

// MarshalText writes the severity by name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "high":
		*s = SeverityHigh
	case "medium":
		*s = SeverityMedium
	case "low":
		*s = SeverityLow
	default:
		*s = SeverityInfo
	}
	return nil
}

// Finding is the result of an accountability check, with the evidence it
// rests on.
type Finding struct {
	Kind     string     `json:"kind"`
	Severity Severity   `json:"severity"`
	Summary  string     `json:"summary"`
	Evidence []Evidence `json:"evidence"`
	Events   []string   `json:"events"`
	Quotes   []string   `json:"quotes"`
	Timeline []int      `json:"timeline,omitempty"`
	// Check names the rule that produced the finding.
	Check string `json:"check"`
}
