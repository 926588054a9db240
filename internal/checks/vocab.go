package checks

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
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
}

// LoadVocabulary reads the checks' vocabulary from fsys.
func LoadVocabulary(fsys fs.FS, name string) (*Vocabulary, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load check vocabulary %s: %w", name, err)
	}
	var v Vocabulary
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("load check vocabulary %s: %s", name, strings.Join(strings.Fields(err.Error()), " "))
	}
	for field, list := range map[string][]string{"announce": v.Announce, "decision": v.Decision, "meeting": v.Meeting, "anonymity": v.Anonymity} {
		if len(list) == 0 {
			return nil, fmt.Errorf("load check vocabulary %s: %q is empty", name, field)
		}
	}
	return &v, nil
}

// phraseAt finds the first of phrases in s (case-insensitive, on word
// boundaries) and returns its byte range in s.
func phraseAt(s string, phrases []string) (int, int, bool) {
	lower := strings.ToLower(s)
	best, bestEnd := -1, -1
	for _, p := range phrases {
		p = strings.ToLower(p)
		from := 0
		for {
			i := strings.Index(lower[from:], p)
			if i < 0 {
				break
			}
			i += from
			end := i + len(p)
			if wordBoundary(lower, i, end) && (best < 0 || i < best) {
				best, bestEnd = i, end
				break
			}
			from = i + 1
		}
	}
	return best, bestEnd, best >= 0
}

// hasWord reports whether s contains one of words as a whole word.
func hasWord(s string, words []string) bool {
	_, _, ok := phraseAt(s, words)
	return ok
}

func wordBoundary(s string, start, end int) bool {
	isWord := func(r rune) bool { return r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWord(r) {
			return false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); isWord(r) {
			return false
		}
	}
	return true
}
