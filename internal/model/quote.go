package model

// Quote verdicts.
const (
	VerdictPrimary      = "primary"
	VerdictVerbatim     = "verbatim"
	VerdictAltered      = "altered"
	VerdictParaphrase   = "paraphrase-supported"
	VerdictNoRecord     = "no-primary-record"
	VerdictWrongSpeaker = "wrong-speaker"
)

// Quote is something a document says someone said, directly or in
// reported speech, with its attribution and its verification verdict.
// Cue, Sources and Contents follow the citron annotation layout.
type Quote struct {
	ID  string `json:"id"`
	Doc string `json:"doc"`
	// Speaker is the resolved speaker's name ("" when unknown) and
	// SpeakerCode their actor code.
	Speaker     string `json:"speaker"`
	SpeakerCode string `json:"speaker_code"`
	// Anonymous is true when the source is unnamed.
	Anonymous bool `json:"anonymous,omitempty"`
	// Direct is true for quoted words, false for reported speech.
	Direct bool `json:"direct"`
	// Question is true for a questioner's turn in a transcript.
	Question bool `json:"question,omitempty"`
	// Unclosed is true when a quotation mark was never closed.
	Unclosed bool   `json:"unclosed,omitempty"`
	Cue      *Span  `json:"cue"`
	Sources  []Span `json:"sources"`
	Contents []Span `json:"contents"`
	// Rule names the extraction rule that found the quote.
	Rule string `json:"rule"`

	Verdict string    `json:"verdict"`
	Score   float64   `json:"score"`
	Primary *Evidence `json:"primary"`
	Diff    string    `json:"diff"`
	When    *Anchor   `json:"when,omitempty"`
}

// Text joins the quote's contents with " … " between split parts.
func (q *Quote) Text() string {
	s := ""
	for i, c := range q.Contents {
		if i > 0 {
			s += " … "
		}
		s += c.Text
	}
	return s
}
