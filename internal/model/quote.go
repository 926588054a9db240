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
	// VerdictSpeakerNotVerified: the words are in a primary record, but
	// the record's speaker cannot be shown to be the quote's (one of them
	// is unnamed or unresolved). It never accuses anyone.
	VerdictSpeakerNotVerified = "speaker-not-verified"
	// VerdictTooShort: a fragment too short to be checked against a
	// record ("fear", "the gold standard" is a phrase anyone may say).
	VerdictTooShort = "too-short"
	// VerdictNotChecked: a thought or a finding, not speech, or a saying
	// the document reports as not made (Quote.Negated); only speech that
	// is reported as said is checked against records.
	VerdictNotChecked = "not-checked"
)

// How a quote's speaker was found (Quote.SpeakerBy).
const (
	SpeakerByName        = "name"
	SpeakerByRole        = "role"
	SpeakerByPronoun     = "pronoun"
	SpeakerByContext     = "context"
	SpeakerByPhrase      = "phrase"
	SpeakerByDescription = "description"
	// SpeakerByRecordRole: a description the dossier's primary records
	// resolve, naming the one holder of that role at the time (a
	// transcript's speaker list, an attendance line).
	SpeakerByRecordRole = "record-role"
)

// Kinds of attribution (Quote.Kind).
const (
	// KindSpeech is what someone said or wrote: only speech is checked
	// against primary records.
	KindSpeech = "speech"
	// KindThought is what someone thinks, believes, wants or fears.
	KindThought = "thought"
	// KindEvidence is what a poll, a study or a record shows.
	KindEvidence = "evidence"
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
	// SpeakerBy says how the speaker was found: "name" (the attribution
	// names them), "role" (a title the document ties to a name), "pronoun"
	// (a "he" or "she" read as the person named before), "context" (the
	// sentence's subject, where its structure could not be read), or ""
	// when the speaker is unknown. Two more values mark a Speaker that is
	// no person's name: "phrase" (a group or body that names itself: "the
	// White House", "critics") and "description" (a person the
	// attribution describes but does not name: "the Vermont senator"),
	// which is never verified against a record's speakers. Only a
	// speaker found by name can be accused of being the wrong one.
	SpeakerBy string `json:"speaker_by,omitempty"`
	// Direct is true for quoted words, false for reported speech.
	Direct bool `json:"direct"`
	// Kind is KindSpeech, KindThought or KindEvidence.
	Kind string `json:"kind"`
	// Question is true for a questioner's turn in a transcript.
	Question bool `json:"question,omitempty"`
	// Unclosed is true when a quotation mark was never closed.
	Unclosed bool   `json:"unclosed,omitempty"`
	Cue      *Span  `json:"cue"`
	Sources  []Span `json:"sources"`
	Contents []Span `json:"contents"`
	// Rule names the extraction rule that found the quote.
	Rule string `json:"rule"`
	// Act is true when the content is what the cue did to its object,
	// with no clause of its own ("endorsed the senator", "urged aides to
	// leave", "showing the gulf between them"): an act the source
	// performed, not a claim it made, so no claim rests on the source.
	Act bool `json:"act,omitempty"`
	// Negated is true when the document reports that the source did not
	// say it ("did not say whether …", "never mentioned …", "does not
	// believe …"): the content is what was not said, so it is never
	// checked against a record and no finding rests on it.
	Negated bool `json:"negated,omitempty"`
	// Hypothetical is true when the document supposes the saying or asks
	// whether it happened ("if X said …", "even if they thought …", "a
	// question about whether she thought …"): no one is reported to have
	// said it, so it is never checked against a record and no finding
	// rests on it.
	Hypothetical bool `json:"hypothetical,omitempty"`
	// Occasions are the kinds of occasion the quote's sentence names
	// outside its words ("said at a rally": "rally"): a record whose
	// title names only other kinds is not of it.
	Occasions []string `json:"occasions,omitempty"`

	Verdict string    `json:"verdict"`
	Score   float64   `json:"score"`
	Primary *Evidence `json:"primary"`
	Diff    string    `json:"diff"`
	// What verification established, for the checks to read (they never
	// parse Diff): the record's speaker is the quote's speaker
	// (SpeakerVerified); the record gives the words to a questioner
	// (QuestionerWords); a negation was added or dropped
	// (PolarityChanged); how many words of the record the quote adds,
	// drops and changes; some of the words were read by OCR.
	SpeakerVerified bool    `json:"speaker_verified"`
	QuestionerWords bool    `json:"questioner_words,omitempty"`
	PolarityChanged bool    `json:"polarity_changed,omitempty"`
	WordsAdded      int     `json:"words_added,omitempty"`
	WordsDropped    int     `json:"words_dropped,omitempty"`
	WordsChanged    int     `json:"words_changed,omitempty"`
	OCR             bool    `json:"ocr,omitempty"`
	When            *Anchor `json:"when,omitempty"`
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
