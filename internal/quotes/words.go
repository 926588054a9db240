package quotes

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/text"
)

// normWord folds a word for comparison: lower case, curly apostrophes
// straight, no apostrophe at either end, and a contraction's second part
// written out ("'re" is "are", "n't" is "not"), so that "we're" and "we
// are" compare equal. "'s" stays: it may be "is", "has" or a possessive.
func normWord(lower string) string {
	w := strings.ReplaceAll(lower, "’", "'")
	w = strings.ReplaceAll(w, "ʼ", "'")
	switch w {
	case "n't":
		return "not"
	case "'re":
		return "are"
	case "'m":
		return "am"
	case "'ll":
		return "will"
	case "'ve":
		return "have"
	case "'d":
		return "would"
	}
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

// figure reports whether w is a number written with thousands
// separators ("1,000", "25,000,000").
func figure(w string) bool {
	if !strings.Contains(w, ",") {
		return false
	}
	for _, r := range w {
		if r != ',' && (r < '0' || r > '9') {
			return false
		}
	}
	return w[0] != ',' && w[len(w)-1] != ','
}

// occasionsIn returns the kinds of occasion (kinds, phrases in lower
// case) that the tokens toks[from:to] name, in the order of kinds, leaving
// out the tokens skip reports (nil: none). A kind's last word may be in
// the plural ("debates", "rallies", "speeches": its lemma is the kind's).
func occasionsIn(toks []text.Token, from, to int, skip func(int) bool, kinds [][]string) []string {
	var out []string
	for _, kind := range kinds {
		n := len(kind)
	scan:
		for k := from; k+n <= to; k++ {
			for j, w := range kind {
				tk := toks[k+j].Text
				if skip != nil && skip(k+j) || !strings.EqualFold(tk, w) && !(j == n-1 && strings.EqualFold(toks[k+j].Lemma, w)) {
					continue scan
				}
			}
			out = append(out, strings.Join(kind, " "))
			break
		}
	}
	return out
}

// wordToks are the comparable words of a text, with their offsets.
type wordTok struct {
	start, end int
	norm       string
	raw        string
	gapBefore  bool // an ellipsis (or a break between quote parts) precedes it
	sentStart  bool // the word opens a sentence
	bracket    bool // the word is inside square brackets: the writer's, not the speaker's
}

// compareWords returns the comparable words of the text layer's tokens
// in text[s:e]. Ellipses mark a gap before the next word; terminal
// punctuation marks a sentence start. A hyphenated token gives one word
// per part, so that "commander-in-chief" compares with "commander- in
// chief".
func compareWords(td *text.Doc, s, e int, prefixes map[string]bool) []wordTok {
	var out []wordTok
	gap, sent, bracket := false, true, false
	emit := func(start, end int, norm, raw string) {
		out = append(out, wordTok{start: start, end: end, norm: norm, raw: raw, gapBefore: gap, sentStart: sent, bracket: bracket})
		gap, sent = false, false
	}
	first := sort.Search(len(td.Tokens), func(i int) bool { return td.Tokens[i].End > s })
	for _, t := range td.Tokens[first:] {
		if t.Start >= e {
			break
		}
		if t.Start < s || t.End > e {
			continue
		}
		if !hasWord(t.Text) {
			switch {
			case t.Text == "%":
				// a sign read as a word (Index.words writes it out)
				emit(t.Start, t.End, "%", t.Text)
			case t.Text == "[":
				bracket = true
			case t.Text == "]":
				bracket = false
			case t.Text == "…" || strings.Count(t.Text, ".") >= 3:
				gap = true
			case t.Text == "." || t.Text == "!" || t.Text == "?" || strings.Trim(t.Text, "!?") == "":
				sent = true
			}
			continue
		}
		if figure(t.Text) {
			// "1,000" is "1000": a figure's separators are no words
			emit(t.Start, t.End, strings.ReplaceAll(t.Text, ",", ""), t.Text)
			continue
		}
		if pre, rest, ok := strings.Cut(t.Text, "-"); ok && prefixes[strings.ToLower(pre)] && hasWord(rest) && !strings.Contains(rest, "-") {
			// "re-election", "e-mail", "co-operation": one word however
			// a style writes it ("reelection", "email")
			emit(t.Start, t.End, normWord(strings.ToLower(pre+rest)), t.Text)
			continue
		}
		at := t.Start
		for _, part := range strings.Split(t.Text, "-") {
			ps, pe := at, at+len(part)
			at = pe + 1
			n := normWord(strings.ToLower(part))
			if n == "" || !hasWord(n) {
				continue
			}
			emit(ps, pe, n, td.Text[ps:pe])
		}
	}
	return out
}
