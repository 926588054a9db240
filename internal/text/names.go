package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

// findNames finds candidate proper names (see Doc.Names):
//
//   - a speaker label opening a paragraph is a name;
//   - otherwise a name is a maximal run of name words, which may contain
//     connectors ("of", "bin", "van der", "of the") between name words,
//     and may start with a lead particle ("al", "de") before a name word;
//   - a name word is capitalised, is not a form of address, a calendar
//     word or another word of not-names.txt, and is tagged as a noun,
//     adjective or foreign word; all-capitals acronyms and initials
//     ("W.", "U.S.") count whatever their tag, unless they are function
//     words ("I", "A");
//   - at the start of a sentence, after an opening quote or after a colon,
//     where every word is capitalised, a name word must be tagged NNP or
//     NNPS (or be an acronym) and must not be a typical sentence opener;
//     a one-word name there must not be a word Punkt's data saw in lower
//     case mid-sentence ("Police said ...");
//   - in a title-case line (a headline) only words never seen in lower
//     case, acronyms and initials are name words;
//   - a form of address ("Mr.", "Gen", "Sir") before a name is kept out
//     of it and reported as the name's Honorific.
func (a *Analyzer) findNames(d *Doc, info []tinfo) []Name {
	var names []Name
	toks := d.Tokens
	for _, p := range d.Paragraphs {
		labelEnd := -1
		if p.Label.End > p.Label.Start && p.FirstSentence < p.EndSentence {
			names = append(names, Name{Span: p.Label, Sentence: p.FirstSentence, Label: true})
			labelEnd = p.Label.End
		}
		for si := p.FirstSentence; si < p.EndSentence; si++ {
			s := d.Sentences[si]
			initial := true
			headline := isHeadline(toks, info, s.FirstToken, s.EndToken)
			for i := s.FirstToken; i < s.EndToken; {
				t := toks[i]
				if t.Start < labelEnd {
					i++
					initial = true
					continue
				}
				switch info[i].kind {
				case tkOpen:
					if info[i].quote {
						initial = true
					}
					i++
					continue
				case tkPunct:
					if t.Text == ":" {
						initial = true
					}
					i++
					continue
				}
				start := i
				if !a.nameWord(toks, info, i, initial, headline) {
					if !a.leadParticle(toks, info, i, s.EndToken, headline) {
						initial = false
						i++
						continue
					}
				}
				last := start
				j := start + 1
				for j < s.EndToken {
					if a.nameWord(toks, info, j, false, headline) {
						last = j
						j++
						continue
					}
					if k := a.connectorRun(toks, info, j, s.EndToken, headline); k > j {
						last = k
						j = k + 1
						continue
					}
					break
				}
				if initial && last == start && info[start].kind == tkWord && !isAcronym(t.Text) && a.ortho(t.Text)&orthoMidLc != 0 {
					// A lone capitalised word opening the sentence
					// that is common in lower case ("Police said").
					initial = false
					i++
					continue
				}
				n := Name{Span: model.NewSpan(d.Text, toks[start].Start, toks[last].End), Sentence: si}
				if start > s.FirstToken && a.honorific(toks[start-1], info[start-1]) {
					n.Honorific = model.NewSpan(d.Text, toks[start-1].Start, toks[start-1].End)
				}
				names = append(names, n)
				initial = false
				i = last + 1
			}
		}
	}
	return names
}

// isHeadline reports whether the sentence toks[from:to] is a title-case
// line: at least three words, no final period, ellipsis, question or
// exclamation mark, and capitals on all words longer than three letters.
func isHeadline(toks []Token, info []tinfo, from, to int) bool {
	if to-from < 3 {
		return false
	}
	switch info[to-1].kind {
	case tkPeriod, tkEllipsis, tkEnd, tkAbbrev, tkClose:
		return false
	}
	words, caps := 0, 0
	for i := from; i < to; i++ {
		if info[i].kind != tkWord || len(toks[i].Text) <= 3 {
			continue
		}
		words++
		if model.StartsUpper(toks[i].Text) {
			caps++
		}
	}
	return words >= 3 && caps == words
}

// nameTags are the tags a capitalised word may have inside a name.
var nameTags = map[string]bool{
	"NNP": true, "NNPS": true, "NN": true, "NNS": true, "JJ": true, "FW": true,
}

// nameWord reports whether token i can be part of a name.
func (a *Analyzer) nameWord(toks []Token, info []tinfo, i int, initial, headline bool) bool {
	t := toks[i]
	switch info[i].kind {
	case tkWord, tkAbbrev:
	default:
		return false
	}
	if a.honorific(t, info[i]) || a.lex.notNames[t.Text] {
		return false
	}
	if !model.StartsUpper(t.Text) {
		return a.particleHyphen(t.Text)
	}
	if closedClass[t.Tag] {
		return false
	}
	if info[i].kind == tkAbbrev {
		// Initials and initialisms ("W.", "U.S."), not other
		// abbreviations ("No.", "Feb.").
		body := t.Text[:len(t.Text)-1]
		return isInitialism(body) || utf8.RuneCountInString(body) == 1
	}
	if isAcronym(t.Text) {
		return true
	}
	if headline {
		// In a title-case line every word is capitalised: only words
		// never seen in lower case count.
		return a.neverLower(t.Text)
	}
	if initial {
		return (t.Tag == "NNP" || t.Tag == "NNPS") && !a.isOpener(t.Text) && !a.lowerWord(t.Text)
	}
	return nameTags[t.Tag] || a.neverLower(t.Text)
}

// lowerWord reports whether Punkt's training data saw the capitalised
// word w only in lower case.
func (a *Analyzer) lowerWord(w string) bool {
	o := a.ortho(w)
	return o&orthoLc != 0 && o&orthoUc == 0
}

// neverLower reports whether Punkt's training data never saw w in lower
// case: a proper noun whatever the tagger thinks ("Kenya"/VB).
func (a *Analyzer) neverLower(w string) bool {
	return a.ortho(w)&orthoLc == 0
}

// ortho returns the Punkt orthographic context of word w.
func (a *Analyzer) ortho(w string) int {
	if len(w) > 32 {
		return 0
	}
	var buf [128]byte
	return a.lex.ortho[string(appendLower(buf[:0], w))]
}

// isAcronym reports whether w has at least two letters, all capitals.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// particleHyphen reports whether w is a lead particle joined by a hyphen
// to a capitalised word: "al-Shabaab", "el-Amin".
func (a *Analyzer) particleHyphen(w string) bool {
	k := strings.IndexByte(w, '-')
	if k <= 0 || k+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[k+1:])
	return unicode.IsUpper(r) && a.lex.connectors[w[:k]] == connLead
}

// leadParticle reports whether token i is a particle that starts a name
// ("al Shabaab", "de Souza"): a lead connector followed by a name word.
func (a *Analyzer) leadParticle(toks []Token, info []tinfo, i, end int, headline bool) bool {
	if info[i].kind != tkWord || a.lex.connectors[toks[i].Text] != connLead {
		return false
	}
	return i+1 < end && a.nameWord(toks, info, i+1, false, headline)
}

// connectorRun returns the index of the name word that ends a run of
// one to three connectors starting at token j, or j when there is none.
func (a *Analyzer) connectorRun(toks []Token, info []tinfo, j, end int, headline bool) int {
	k := j
	for k < end && k-j < 3 && info[k].kind == tkWord {
		c := a.lex.connectors[toks[k].Text]
		if c == 0 || (c == connAfter && k == j) {
			break
		}
		k++
	}
	if k == j || k >= end || !a.nameWord(toks, info, k, false, headline) {
		return j
	}
	return k
}

// honorific reports whether t is a form of address written before names.
func (a *Analyzer) honorific(t Token, in tinfo) bool {
	if in.kind == tkAbbrev {
		return in.title
	}
	if in.kind != tkWord || !model.StartsUpper(t.Text) {
		return false
	}
	return a.lex.honorifics[t.Text] || a.lex.abbrev(t.Text) == abbrevTitle
}
