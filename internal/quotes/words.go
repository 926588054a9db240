package quotes

import (
	"strings"
)

// normWord folds a word for comparison: lower case, curly apostrophes
// straight, no apostrophe at either end.
func normWord(lower string) string {
	w := strings.ReplaceAll(lower, "’", "'")
	w = strings.ReplaceAll(w, "ʼ", "'")
	return strings.Trim(w, "'")
}

// stem strips common English inflections so that "deploying",
// "deployment" and "deploy", or "troops" and "troop", compare equal when
// scoring paraphrases. It is deliberately crude: it only has to map a
// word's forms together more often than it maps different words
// together.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied"):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ments") && len(w) > 7:
		w = w[:len(w)-5]
	case strings.HasSuffix(w, "ment") && len(w) > 6:
		w = w[:len(w)-4]
	case strings.HasSuffix(w, "ings") && len(w) > 6:
		w = w[:len(w)-4]
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		w = w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "es") && len(w) > 4 && !strings.HasSuffix(w, "ses"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ly") && len(w) > 5:
		w = w[:len(w)-2]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	// "planned" → "plann" → "plan"
	if n := len(w); n > 4 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiousl", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// wordToks are the comparable words of a text, with their offsets.
type wordTok struct {
	start, end int
	norm       string
	raw        string
	gapBefore  bool // an ellipsis (or a break between quote parts) precedes it
	sentStart  bool // the word opens a sentence
}

// compareWords splits text[s:e] into comparable words. Ellipses mark a
// gap before the next word; terminal punctuation marks a sentence start.
func compareWords(text string, s, e int) []wordTok {
	var out []wordTok
	gap, sent := false, true
	for _, t := range tokenize(text, s, e) {
		if !t.word {
			switch t.lower {
			case "…":
				gap = true
			case ".", "!", "?":
				sent = true
			}
			continue
		}
		n := normWord(t.lower)
		if n == "" {
			continue
		}
		out = append(out, wordTok{start: t.start, end: t.end, norm: n, raw: text[t.start:t.end], gapBefore: gap, sentStart: sent})
		gap, sent = false, false
	}
	return out
}
