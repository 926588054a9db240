package model

import "strings"

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

// SpeakerText names the speaker for people to read: the resolved name;
// else the words of the text that name the speaker, when they are more
// than a pronoun ("the Norwegian foreign minister"); else "". It is for
// display only: it does not say who the speaker is.
func (q *Quote) SpeakerText() string {
	if q.Speaker != "" {
		return q.Speaker
	}
	for _, s := range q.Sources {
		if t := strings.Join(strings.Fields(s.Text), " "); strings.Contains(t, " ") {
			// A sentence-initial article reads wrong mid-sentence.
			for _, a := range []string{"The ", "A ", "An "} {
				if strings.HasPrefix(t, a) {
					return strings.ToLower(a) + t[len(a):]
				}
			}
			return t
		}
	}
	return ""
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
