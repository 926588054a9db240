package mentions

import "strings"

// maxRoleWords bounds a stated role: a longer description is a clause
// about the person, not the office they hold.
const maxRoleWords = 12

// statedRole returns the role the text states for the person mention c:
// the words of its span before the name that are not a form of address
// or a determiner ("Kenyan President" of "Kenyan President Juma
// Otieno"), else a noun phrase in apposition right after the name,
// between commas or in brackets, as the tree gives it ("the police chief
// of Harrowgate"), without its determiner; "" when there is none. title
// is true for the words before the name.
func (a *analysis) statedRole(c *cand) (role string, title bool) {
	if a.td == nil || c.sent < 0 || c.sent >= len(a.sents) || c.sent >= len(a.td.Sentences) {
		return "", false
	}
	s := a.sents[c.sent]
	if c.ti < 0 || c.tj > len(s.toks) || c.ti >= c.tj {
		return "", false
	}
	// the name in the span: its last word's first place there
	nameWords := strings.Fields(c.actor.Name)
	if len(nameWords) == 0 {
		return "", false
	}
	ne := -1
	for k := c.ti; k < c.tj; k++ {
		if strings.EqualFold(s.toks[k].Text, nameWords[len(nameWords)-1]) {
			ne = k + 1
			break
		}
	}
	nf := ne - len(nameWords)
	if ne < 0 || nf < c.ti {
		nf, ne = -1, c.tj
	}
	for k := nf; k >= 0 && k < ne; k++ {
		if !strings.EqualFold(s.toks[k].Text, nameWords[k-nf]) {
			nf = -1 // the text writes the name otherwise ("Joseph R. Biden Jr."): no title is read
			break
		}
	}
	if ne < c.tj && (s.low[ne] == "," || s.low[ne] == "(") {
		// "Ana Ruiz, the governor": the apposition is in the span
		if r := a.roleWords(s, ne+1, c.tj); r != "" {
			return r, false
		}
	}
	if nf > c.ti {
		// a title is nouns and their modifiers: a span that took in a
		// word before them ("alongside Vice President …") starts after it
		f := c.ti
		for k := c.ti; k < nf; k++ {
			switch s.toks[k].UPOS {
			case "NOUN", "PROPN", "ADJ", "DET", "PUNCT", "NUM":
			default:
				if a.v.titleLinks[s.low[k]] && k > f && k+1 < nf && titleWord(s.toks[k-1].UPOS) && titleWord(s.toks[k+1].UPOS) {
					continue // "Secretary of State", "Minister of Defence"
				}
				f = k + 1
			}
		}
		if r := a.roleWords(s, f, nf); r != "" {
			return r, true
		}
	}
	// apposition: a noun hung from the name's head as "appos", set off
	// by a comma or a bracket right after the name
	end := ne
	if end >= len(s.toks) || s.low[end] != "," && s.low[end] != "(" {
		return "", false
	}
	// the tree is read: the sentence is parsed if its parse was deferred
	// (text.Doc.Parse)
	a.td.Parse(c.sent)
	first := a.td.Sentences[c.sent].FirstToken // the document's index of the sentence's first token
	for k := c.ti; k < ne; k++ {
		for j := end + 1; j < len(s.toks) && j <= end+maxRoleWords; j++ {
			t := s.toks[j]
			if t.Head != first+k || t.Rel != "appos" || t.UPOS != "NOUN" {
				continue
			}
			f, e := a.td.Subtree(first + j)
			f, e = f-first, e-first
			for f <= end && f < e && s.toks[f].UPOS == "PUNCT" {
				f++ // the comma before the apposition hangs from it
			}
			if f != end+1 || e > len(s.toks) {
				return "", false
			}
			return a.roleWords(s, f, e), false
		}
	}
	return "", false
}

// roleWords returns the words of tokens [f, e) of s without the
// determiners, forms of address and punctuation at their edges, or ""
// when none are left or more than maxRoleWords are.
func (a *analysis) roleWords(s *sent, f, e int) string {
	edge := func(k int) bool {
		u := s.toks[k].UPOS
		return u == "DET" || u == "PUNCT" || a.isHonorific(s, k)
	}
	for f < e && edge(f) {
		f++
	}
	for e > f && edge(e-1) {
		e--
	}
	if e <= f || e-f > maxRoleWords {
		return ""
	}
	// A role is a noun phrase of its own: not a phrase of another kind
	// ("under fire over his taxes", an age), nor one relative to someone
	// else ("her Republican opponent").
	switch s.toks[f].UPOS {
	case "NOUN", "PROPN", "ADJ", "NUM":
	default:
		return ""
	}
	noun := false
	for k := f; k < e; k++ {
		noun = noun || s.toks[k].UPOS == "NOUN" || s.toks[k].UPOS == "PROPN"
	}
	if !noun {
		return ""
	}
	return a.doc.Text[s.toks[f].Start:s.toks[e-1].End]
}

// titleWord reports whether a word of universal tag upos may be a word
// of a title ("Secretary", "State").
func titleWord(upos string) bool { return upos == "NOUN" || upos == "PROPN" }
