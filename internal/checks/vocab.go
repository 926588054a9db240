package checks

import (
	"fmt"
	"io/fs"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/text"
)

// Vocabulary is the words and phrases the checks look for, from
// data/checks/vocabulary.yaml.
type Vocabulary struct {
	NoRecord  []string `yaml:"no_record"`
	Anonymity []string `yaml:"anonymity"`
	// MeetingWords show that a sentence speaks of a meeting.
	MeetingWords []string `yaml:"meeting_words"`
	// Outcome nouns name what a decision produces ("sanctions",
	// "extension").
	Outcome []string `yaml:"outcome"`
	// Attribution phrases introduce a source ("according to"); Unnamed
	// words open a phrase that does not name it ("a", "two").
	Attribution []string `yaml:"attribution"`
	Unnamed     []string `yaml:"unnamed"`
	// SourceEnders end an unnamed source's own words ("who", "speaking").
	SourceEnders []string `yaml:"source_enders"`
	// Above and UpTo open the amount threshold of a decides entry;
	// Currencies maps a currency's code to its words and signs, Scales a
	// scale word to its factor.
	Above      []string             `yaml:"above"`
	UpTo       []string             `yaml:"up_to"`
	Currencies map[string][]string  `yaml:"currencies"`
	Scales     map[string]float64   `yaml:"scales"`
	Relative   []relativeExpression `yaml:"relative"`
	// Past gives the past tense of the verbs and nouns of a body's acts
	// that English does not form with -ed ("meet": "met"; a meeting noun:
	// "met"), for the summaries.
	Past map[string]string `yaml:"past"`
}

// relativeExpression dates something from an earlier date of the text:
// "the following day" (days 1), "later that day" (order later), "that
// evening" (part evening).
type relativeExpression struct {
	Phrase string `yaml:"phrase"`
	Days   int    `yaml:"days"`
	Part   string `yaml:"part"`
	// Order is "later" or "earlier": than the earlier date's part of day.
	Order string `yaml:"order"`
}

// LoadVocabulary reads the checks' vocabulary from fsys.
func LoadVocabulary(fsys fs.FS, name string) (*Vocabulary, error) {
	var v Vocabulary
	if err := data.ReadYAML(fsys, name, &v); err != nil {
		return nil, err
	}
	for field, list := range map[string][]string{"no_record": v.NoRecord, "anonymity": v.Anonymity, "meeting_words": v.MeetingWords,
		"outcome": v.Outcome, "attribution": v.Attribution, "unnamed": v.Unnamed, "source_enders": v.SourceEnders, "above": v.Above, "up_to": v.UpTo} {
		if len(list) == 0 {
			return nil, fmt.Errorf("load %s: %q is empty", name, field)
		}
	}
	if len(v.Currencies) == 0 || len(v.Scales) == 0 || len(v.Relative) == 0 || len(v.Past) == 0 {
		return nil, fmt.Errorf("load %s: \"currencies\", \"scales\", \"relative\" and \"past\" must not be empty", name)
	}
	for _, r := range v.Relative {
		if r.Order != "" && r.Order != "later" && r.Order != "earlier" {
			return nil, fmt.Errorf("load %s: relative %q: order must be \"later\" or \"earlier\", not %q", name, r.Phrase, r.Order)
		}
	}
	return &v, nil
}

// phraseAt finds the first of phrases in s, case-insensitively and on
// word boundaries, and returns its byte range in s.
func phraseAt(s string, phrases []string) (int, int, bool) { return text.FindPhrase(s, phrases) }

// hasWord reports whether s contains one of words as a whole word.
func hasWord(s string, words []string) bool {
	_, _, ok := text.FindPhrase(s, words)
	return ok
}
