package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

// splitSentences calls emit with the token range [s, e) of each sentence
// of the paragraph whose tokens are toks[from:to].
//
// A sentence may end after ".", a run of "?"/"!", an ellipsis, or a word
// with an attached period (abbreviation, initialism, initial). Closing
// quotes and brackets right after the end belong to the sentence. Whether
// the sentence really ends depends on what follows:
//
//   - after "." "?" "!": it ends unless the next token starts with a
//     lower-case letter or is punctuation that continues a sentence
//     ("," ";" ":" a dash); a question mark in a short parenthesis
//     ("(sp?)") never ends one;
//   - after an ellipsis: it ends only when the next word is a typical
//     sentence opener ("And", "We", "The"), so "respecting… respecting"
//     and "… AU will" go on; ". . . ." (a period then an ellipsis) is
//     treated like "."; at the end of a paragraph every sentence ends;
//   - after an abbreviation: titles ("Mr.", "Gen.") never end one; other
//     abbreviations and initials end one only before a sentence opener
//     ("in the U.S. The talks...", but "U.S. officials", "U.S. Army"); a
//     capital initial after a name ("Paul R. Pillar") ends one only
//     before a word that opens sentences by itself ("Plan B. The").
//
// A sentence opener is a capitalised word that Punkt's English training
// data lists as a sentence starter, or whose orthographic context (seen
// lower case, never capitalised mid-sentence) marks it as one, or that the
// POS model's lexicon always tags as a closed-class word (determiner,
// pronoun, preposition, conjunction, modal, wh-word).
func (a *Analyzer) splitSentences(toks []Token, info []tinfo, from, to int, emit func(s, e int)) {
	start := from
	if e := datelineEnd(toks, from, to); e > from {
		emit(from, e)
		start = e
	}
	for k := start; k < to; k++ {
		switch info[k].kind {
		case tkPeriod, tkEnd, tkEllipsis, tkAbbrev:
		default:
			continue
		}
		e := k + 1
		for e < to && info[e].kind == tkClose {
			e++
		}
		if e >= to {
			break
		}
		if a.endsSentence(toks, info, from, to, k, e) {
			emit(start, e)
			start = e
		}
		k = e - 1
	}
	if start < to {
		emit(start, to)
	}
}

// headlineRun is how many capitalised words in a row end a line that is
// a headline of its own (headlineBreaks).
const headlineRun = 5

// headlineBreaks calls emit with the sentences of toks[s:e], a sentence
// as splitSentences found it, split after every line that ends in a
// headline: a line break with no end of sentence before it, after a run
// of at least headlineRun capitalised words, before a capitalised word
// ("… 8:38PM Rubio Thinks Biden Was A Really Effective Senator" / "Marco
// Rubio was asked …", a live blog's entries). A line wrapped inside a
// sentence rarely ends in five capitalised words.
func headlineBreaks(src string, toks []Token, info []tinfo, s, e int, emit func(s, e int)) {
	start, run := s, 0
	for k := s; k < e-1; k++ {
		if info[k].kind == tkWord && model.StartsUpper(toks[k].Text) {
			run++
		} else {
			run = 0
		}
		if run >= headlineRun && strings.IndexByte(src[toks[k].End:toks[k+1].Start], '\n') >= 0 &&
			info[k+1].kind == tkWord && model.StartsUpper(toks[k+1].Text) {
			emit(start, k+1)
			start, run = k+1, 0
		}
	}
	emit(start, e)
}

// datelineEnd returns the end of a dateline that opens a paragraph
// ("Harrowgate, 6 March 2025 – ", "NAIROBI (Reuters) - "), or from when
// there is none. A dateline is a sentence of its own: it dates and places
// the article, not the clause after it, and it is no subject of that
// clause's verb.
func datelineEnd(toks []Token, from, to int) int {
	const reach = 12
	if to-from < 4 || !model.StartsUpper(toks[from].Text) {
		return from
	}
	comma, digit, paren := false, false, false
	for j := from + 1; j < to-1 && j <= from+reach; j++ {
		switch t := toks[j].Text; t {
		case ",":
			comma = true
		case ")":
			paren = true
		case "–", "—", "-", "--":
			spaced := toks[j].Start > toks[j-1].End && toks[j+1].Start > toks[j].End
			if spaced && (comma && digit || paren && toks[j-1].Text == ")" || allCaps(toks[from:j]) && model.StartsUpper(toks[j+1].Text)) {
				return j + 1
			}
			return from
		case ".", "!", "?", ":", ";", "“", "\"":
			return from
		default:
			if t != "" && t[0] >= '0' && t[0] <= '9' {
				digit = true
			}
		}
	}
	return from
}

// allCaps reports whether the words are a place written in capitals
// ("WASHINGTON", "SAN JUAN"), as datelines without a date are.
func allCaps(toks []Token) bool {
	letters := 0
	for _, t := range toks {
		for _, r := range t.Text {
			switch {
			case unicode.IsLower(r):
				return false
			case unicode.IsLetter(r):
				letters++
			case r != '.' && r != '\'':
				return false
			}
		}
	}
	return letters >= 3
}

// endsSentence decides whether the candidate end at token k, followed by
// token e (after any closing quotes and brackets), ends a sentence.
func (a *Analyzer) endsSentence(toks []Token, info []tinfo, from, to, k, e int) bool {
	// The first word after any opening quotes and brackets.
	w := e
	for w < to && info[w].kind == tkOpen {
		w++
	}
	kind := info[k].kind
	if kind == tkEllipsis && info[k].dots >= 4 {
		kind = tkPeriod
	}
	switch kind {
	case tkPeriod, tkEnd:
		if kind == tkEnd && parenQuery(toks, from, k, to) {
			return false
		}
		if kind == tkEnd && e > k+1 && info[e-1].quote && a.frameAfter(toks, info, e, to) {
			return false
		}
		switch info[e].kind {
		case tkWord, tkAbbrev:
			return !startsLower(toks[e].Text)
		case tkOpen, tkURL:
			return w >= to || !startsLower(toks[w].Text)
		case tkPunct:
			r, _ := utf8.DecodeRuneInString(toks[e].Text)
			// Currency, numbers' signs and bullets start sentences;
			// ",", ";", ":" continue them.
			return !(r == ',' || r == ';' || r == ':' || r == '%')
		}
		return false
	case tkEllipsis, tkAbbrev:
		if info[k].title {
			return false
		}
		if w >= to || info[w].kind != tkWord {
			return false
		}
		if kind == tkAbbrev && w == e && middleInitial(toks, from, k) && !a.strongOpener(toks[w].Text) {
			// "Paul R. Pillar": an initial between two names
			return false
		}
		if kind == tkAbbrev && w == e && capitalInitialism(toks[k].Text) {
			// "U.N. Ambassador John Bolton", "U.S. Senate": after an
			// initialism only a word that opens sentences by itself ends
			// one ("in the U.S. The talks"), not a title seen in lower
			// case elsewhere
			return a.strongOpener(toks[w].Text)
		}
		return a.isOpener(toks[w].Text)
	}
	return false
}

// maxFrameName bounds the capitalised words of a name in a frame after
// a quotation ("Sen. Ana Maria Varga asked").
const maxFrameName = 4

// frameAfter reports whether the tokens from e, after a quotation closed
// by "?" or "!", are its frame: a name (one to maxFrameName capitalised
// words or titles, none a function word: "He said" is a new sentence)
// and a verb of data/text/frame-verbs.txt, not followed by a word that
// opens a clause of its own ("“Why not?” Adler asked.", "“Now!” Sen.
// Varga shouted on Friday.").
func (a *Analyzer) frameAfter(toks []Token, info []tinfo, e, to int) bool {
	j := e
	for j < to && j-e < maxFrameName && (info[j].kind == tkWord || info[j].kind == tkAbbrev) && model.StartsUpper(toks[j].Text) {
		if info[j].kind == tkWord && a.lex.functionWords[strings.ToLower(toks[j].Text)] {
			return false
		}
		j++
	}
	if j == e || j >= to || info[j].kind != tkWord || !a.lex.frameVerbs[toks[j].Text] {
		return false
	}
	return j+1 >= to || !a.lex.frameClause[strings.ToLower(toks[j+1].Text)]
}

// parenQuery reports whether the "?" or "!" at k closes a short
// parenthesis such as "(sp?)" or "(!)".
func parenQuery(toks []Token, from, k, to int) bool {
	if k+1 >= to || toks[k+1].Text != ")" {
		return false
	}
	for j := k - 1; j >= from && j >= k-3; j-- {
		if toks[j].Text == "(" {
			return true
		}
	}
	return false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// closedClass holds the Penn tags of function words, which open
// sentences far more often than they start names.
var closedClass = map[string]bool{
	"DT": true, "PDT": true, "PRP": true, "PRP$": true, "CC": true, "IN": true,
	"MD": true, "WDT": true, "WP": true, "WP$": true, "WRB": true, "EX": true, "TO": true,
}

// middleInitial reports whether token k is a capital initial ("R.")
// straight after a capitalised word, as a middle initial is.
func middleInitial(toks []Token, from, k int) bool {
	t := toks[k].Text
	if len(t) != 2 || t[1] != '.' || t[0] < 'A' || t[0] > 'Z' || k == from {
		return false
	}
	p := toks[k-1]
	return p.End == toks[k].Start-1 && model.StartsUpper(p.Text) && len(p.Text) > 1
}

// isOpener reports whether the capitalised word w typically opens a
// sentence (see splitSentences).
func (a *Analyzer) isOpener(w string) bool { return a.opener(w, true) }

// strongOpener reports whether the capitalised word w is one of the
// words that open sentences by themselves (Punkt's sentence starters and
// function words), not one only seen in lower case elsewhere: after a
// middle initial, "Pillar" is a surname, "The" a new sentence.
func (a *Analyzer) strongOpener(w string) bool { return a.opener(w, false) }

// opener is isOpener, with the orthographic evidence (a word seen in
// lower case, never capitalised inside a sentence) or without it.
func (a *Analyzer) opener(w string, ortho bool) bool {
	if !model.StartsUpper(w) || len(w) > 32 {
		return false
	}
	var buf [128]byte
	lower := appendLower(buf[:0], w)
	// (a byte slice converted in a map index allocates nothing)
	return a.lex.starters[string(lower)] || a.lex.functionWords[string(lower)] || ortho && a.lex.orthoStarter(string(lower))
}
