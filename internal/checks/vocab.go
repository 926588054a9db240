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
	Decided   []string `yaml:"decided"`
	Modal     []string `yaml:"modal"`
	Negation  []string `yaml:"negation"`
	// Subordinate words open a subordinate clause.
	Subordinate  []string `yaml:"subordinate"`
	MeetingWords []string `yaml:"meeting_words"`
}

// LoadVocabulary reads the checks' vocabulary from fsys.
func LoadVocabulary(fsys fs.FS, name string) (*Vocabulary, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load check vocabulary %s: %w", name, oneLine{err})
	}
	var v Vocabulary
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("load check vocabulary %s: %w", name, oneLine{err})
	}
	for field, list := range map[string][]string{"announce": v.Announce, "decision": v.Decision, "meeting": v.Meeting, "anonymity": v.Anonymity,
		"decided": v.Decided, "modal": v.Modal, "negation": v.Negation, "subordinate": v.Subordinate, "meeting_words": v.MeetingWords} {
		if len(list) == 0 {
			return nil, fmt.Errorf("load check vocabulary %s: %q is empty", name, field)
		}
	}
	return &v, nil
}

// phraseAt finds the first of phrases in s (case-insensitive, on word
// boundaries) and returns its byte range in s. Matching compares rune by
// rune under Unicode case folding on s itself, so the offsets are offsets
// of s even where lower-casing would change a rune's length.
func phraseAt(s string, phrases []string) (int, int, bool) {
	best, bestEnd := -1, -1
	for _, p := range phrases {
		if p == "" {
			continue
		}
		for from := 0; from < len(s); {
			i, end, ok := foldIndex(s, p, from)
			if !ok || (best >= 0 && i >= best) {
				break
			}
			if wordBoundary(s, i, end) {
				best, bestEnd = i, end
				break
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			from = i + size
		}
	}
	return best, bestEnd, best >= 0
}

// foldIndex returns the byte range of the first match of p in s at or
// after from, comparing runes under simple case folding.
func foldIndex(s, p string, from int) (int, int, bool) {
	first, _ := utf8.DecodeRuneInString(p)
	for i := from; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if equalFold(r, first) {
			if end, ok := foldPrefix(s[i:], p); ok {
				return i, i + end, true
			}
		}
		i += size
	}
	return 0, 0, false
}

// foldPrefix reports whether s starts with p under case folding, and the
// byte length of the match in s.
func foldPrefix(s, p string) (int, bool) {
	i := 0
	for _, pr := range p {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !equalFold(r, pr) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func equalFold(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
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
