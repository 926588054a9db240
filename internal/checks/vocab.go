package checks

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/text"
)

// Vocabulary is the words and phrases the checks look for, from
// data/checks/vocabulary.yaml.
type Vocabulary struct {
	Announce  []string `yaml:"announce"`
	Decision  []string `yaml:"decision"`
	Meeting   []string `yaml:"meeting"`
	Decide    []string `yaml:"decide"`
	NoRecord  []string `yaml:"no_record"`
	Anonymity []string `yaml:"anonymity"`
	Until     []string `yaml:"until"`
	Decided   []string `yaml:"decided"`
	Modal     []string `yaml:"modal"`
	Negation  []string `yaml:"negation"`
	// Subordinate words open a subordinate clause.
	Subordinate  []string `yaml:"subordinate"`
	MeetingWords []string `yaml:"meeting_words"`
	// Before words state that one thing came before another.
	Before []string `yaml:"before"`
	// Outcome nouns name what a decision produces ("sanctions",
	// "extension").
	Outcome []string `yaml:"outcome"`
	// Attribution phrases introduce a source ("according to"); Unnamed
	// words open a phrase that does not name it ("a", "two").
	Attribution []string `yaml:"attribution"`
	Unnamed     []string `yaml:"unnamed"`
	// Connectives open a sentence without being part of its subject.
	Connectives []string `yaml:"connectives"`
	// Denial words make what follows a claim someone disputes.
	Denial []string `yaml:"denial"`
	// Articles may stand between an order word and a body's name.
	Articles []string `yaml:"articles"`
	// Proposal words make what follows a proposal, not a decision.
	Proposal []string `yaml:"proposal"`
	// RecordVerbs state a fact a record did not make ("recorded that").
	RecordVerbs []string `yaml:"record_verbs"`
	// Above and UpTo open the amount threshold of a decides entry;
	// Currencies maps a currency's code to its words and signs, Scales a
	// scale word to its factor.
	Above      []string             `yaml:"above"`
	UpTo       []string             `yaml:"up_to"`
	Currencies map[string][]string  `yaml:"currencies"`
	Scales     map[string]float64   `yaml:"scales"`
	Relative   []relativeExpression `yaml:"relative"`
	// MeetingNouns name a body's meeting or vote without the body ("the
	// vote").
	MeetingNouns []string `yaml:"meeting_nouns"`
	// MeetingOf words after a meeting noun say whose it is ("the vote
	// in parliament").
	MeetingOf []string `yaml:"meeting_of"`
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
	for field, list := range map[string][]string{"announce": v.Announce, "decision": v.Decision, "meeting": v.Meeting, "anonymity": v.Anonymity,
		"decided": v.Decided, "modal": v.Modal, "negation": v.Negation, "subordinate": v.Subordinate, "meeting_words": v.MeetingWords,
		"before": v.Before, "outcome": v.Outcome, "attribution": v.Attribution, "unnamed": v.Unnamed,
		"connectives": v.Connectives, "denial": v.Denial, "articles": v.Articles, "proposal": v.Proposal,
		"record_verbs": v.RecordVerbs, "above": v.Above, "up_to": v.UpTo, "meeting_nouns": v.MeetingNouns, "meeting_of": v.MeetingOf} {
		if len(list) == 0 {
			return nil, fmt.Errorf("load %s: %q is empty", name, field)
		}
	}
	if len(v.Currencies) == 0 || len(v.Scales) == 0 || len(v.Relative) == 0 {
		return nil, fmt.Errorf("load %s: \"currencies\", \"scales\" and \"relative\" must not be empty", name)
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

// hasModal reports whether s holds a modal word. A capitalised one
// inside the text is a name, not a modal: "3 May", "Will Smith".
func (c *Checker) hasModal(s string) bool {
	for from := 0; from < len(s); {
		st, en, ok := text.FindPhrase(s[from:], c.vocab.Modal)
		if !ok {
			return false
		}
		st, en = st+from, en+from
		if r, _ := utf8.DecodeRuneInString(s[st:]); !unicode.IsUpper(r) || strings.TrimSpace(s[:st]) == "" {
			return true
		}
		from = en
	}
	return false
}

// hasWord reports whether s contains one of words as a whole word.
func hasWord(s string, words []string) bool {
	_, _, ok := text.FindPhrase(s, words)
	return ok
}
