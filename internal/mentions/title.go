package mentions

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// ruleTitleName is the rule of a person named after a title that is no
// role phrase of the dictionary, or after a role with words the
// dictionary does not know before it: "EU Trade Commissioner Henrik
// Aalto", "Kartavian Economy Minister Dana Ostrova".
const ruleTitleName = "context:title-before-name"

// maxTitleWords bounds the words of a title before a name ("Deputy
// Trade Commissioner", "Senate Judiciary Committee Chairman").
const maxTitleWords = 5

// titled is a person named after a title: tokens [h+1, ne) of a
// sentence are the name and token h is the title's head noun.
type titled struct {
	h, ne int
	// role is the dictionary role the title ends in ("Economy Minister"
	// → Minister), nil for a noun for a person that is none
	// ("Commissioner").
	role *actors.Entry
}

// titleHead reports whether token k is a noun that, before a name, is a
// title: a role of the dictionary ("Minister", "spokesman") or a common
// noun for a person ("commissioner", "nominee"). It returns the role,
// nil for a noun that is no role.
//
// A capitalised noun that is no role must be a common word (written in
// lower case in the text layer's training data: "Commissioner", not
// "John" nor "Donna", which are nouns for persons too) or an acronym
// ("CEO"); one in lower case must be tagged a noun or an adjective ("the
// nominee", "veteran"; not "Trump accused").
func (a *analysis) titleHead(s *sent, k int) (*actors.Entry, bool) {
	if k < 0 || k >= len(s.toks) || text.PluralTag(s.toks[k].Tag) || !isWordy(s.toks[k].Text) {
		return nil, false
	}
	t := s.toks[k]
	upper := model.StartsUpper(t.Text)
	if upper && a.textNameEnd(s, k) <= k && (k+1 >= len(s.toks) || a.textNameEnd(s, k+1) <= k+1) {
		// (a capitalised word is a title only in a name the text layer
		// proposes or right before one: "Senator Ana Varga", the title
		// left out of the name)
		return nil, false
	}
	low := strings.TrimSuffix(s.low[k], ".")
	if r := a.dict.RoleEntry(low); r != nil {
		return r, true
	}
	if !a.v.personNouns[low] {
		return nil, false
	}
	if upper {
		if a.headline(s) {
			return nil, false // "Gold Star Mom Corners Obama": every word is capitalised
		}
		return nil, a.td.CommonWord(low) || strings.ToUpper(t.Text) == t.Text
	}
	return nil, t.Tag == "NN" || t.Tag == "JJ"
}

// titleWord reports whether token k may stand in a title before its
// head: a capitalised word of a name the text layer proposes
// ("Kartavian", "Trade", "Deputy"; never a calendar word) or a modifier
// in lower case ("economy", "foreign", "acting").
func (a *analysis) titleWord(s *sent, k int) bool {
	t := s.toks[k]
	if !isWordy(t.Text) || a.isHonorific(s, k) {
		return false
	}
	if _, ok := a.v.pronouns[s.low[k]]; ok {
		return false
	}
	if model.StartsUpper(t.Text) {
		return a.textNameEnd(s, k) > k
	}
	return t.Tag == "JJ" || t.Tag == "NN"
}

// titledName reads a person named after a title at token k: words of a
// title, the title's head noun, then a name the text layer proposes
// ("Kartavian Economy Minister Dana Ostrova", "EU Trade Commissioner
// Henrik Aalto" after the organisation, "economy minister Dana
// Ostrova"). The head is the last such noun before the name ("Deputy
// Trade Commissioner Henrik Aalto": commissioner). A noun for a person
// that is no role of the dictionary is a title after other words of
// the phrase (or after an organisation, when org is set); opening the
// phrase, only before a full name (see fullName). The name is one to
// four capitalised words, none an organisation word or a dictionary
// phrase.
func (a *analysis) titledName(s *sent, k int, org bool) (titled, bool) {
	var best titled
	found := false
	for h := k; h < len(s.toks) && h-k < maxTitleWords; h++ {
		if found && h >= best.ne {
			break
		}
		role, head := a.titleHead(s, h)
		if head {
			if ne := a.nameAfterTitle(s, h+1); ne > h+1 && (role != nil || h > k || org || a.fullName(s, h+1, ne)) {
				best, found = titled{h: h, ne: ne, role: a.roleEnding(s, k, h)}, true
				continue
			}
		}
		if !head && !a.titleWord(s, h) {
			break
		}
	}
	return best, found
}

// fullName reports whether tokens [k, ne) are a full name, a given name
// and a surname at least, the first no initial: after a noun for a
// person that opens a phrase, only a full name makes that noun a title
// ("Judge Ana Ruiz"), since it may be a given name ("Hunter Varga",
// "Hunter S. Varga").
func (a *analysis) fullName(s *sent, k, ne int) bool {
	if ne-k < 2 {
		return false
	}
	w := strings.TrimSuffix(s.toks[k].Text, ".")
	return utf8.RuneCountInString(w) > 1
}

// roleEnding returns the longest role phrase of the dictionary that
// ends at token h and starts at k or after ("Foreign Minister",
// "Minister"), nil when there is none.
func (a *analysis) roleEnding(s *sent, k, h int) *actors.Entry {
	for x := k; x <= h; x++ {
		if r := a.dict.RoleEntry(strings.Join(s.words[x:h+1], " ")); r != nil {
			return r
		}
	}
	return nil
}

// nameAfterTitle returns the end of the name that starts at token k: the
// rest of the text layer's candidate name that holds token k, when it is
// one to four capitalised proper nouns with no organisation word and no
// dictionary phrase (but a person's), the last no common word (see
// text.Doc.CommonWord: the name of a body or a law ends in one, "…
// Education Association", "… Registration Act"; a surname that is a
// common word, "Young", is left to the other rules); k when there is
// none.
func (a *analysis) nameAfterTitle(s *sent, k int) int {
	if k >= len(s.toks) || !model.StartsUpper(s.toks[k].Text) {
		return k
	}
	end := a.textNameEnd(s, k)
	if end <= k || end-k > 4 || a.td.CommonWord(s.toks[end-1].Text) {
		return k
	}
	for x := k; x < end; x++ {
		t := s.toks[x]
		if !model.StartsUpper(t.Text) || (t.Tag != "NNP" && t.Tag != "NNPS") || a.isHonorific(s, x) || a.v.orgWords[s.low[x]] || a.v.nonPerson[s.low[x]] {
			return k
		}
		if e, n := a.match(s, x); e != nil && (e.Kind != actors.Person || x+n > end) {
			return k
		}
	}
	return end
}

// textNameEnd returns the end token of the text layer's candidate name
// that holds token k, or k when no name holds it. Names are read from
// their sorted starts.
func (a *analysis) textNameEnd(s *sent, k int) int {
	if a.td == nil {
		return k
	}
	names := a.td.Names()
	off := s.toks[k].Start
	i := sort.Search(len(names), func(i int) bool { return names[i].Start > off }) - 1
	if i < 0 || names[i].Label || names[i].End < s.toks[k].End {
		return k
	}
	end := k
	for end < len(s.toks) && s.toks[end].End <= names[i].End {
		end++
	}
	return end
}

// headline reports whether the sentence is a line in title case: three
// words or more, every word longer than three letters capitalised, and
// no final stop unless the sentence is a paragraph of its own ("One
// Tweet Sums Up The Absurd Double Standard Clinton And Trump Face.").
// There a capital says nothing of a title.
func (a *analysis) headline(s *sent) bool {
	n := len(s.toks)
	if n < 3 {
		return false
	}
	switch s.toks[n-1].Text {
	case ".", "?", "!", "…":
		para := a.td.Paragraphs[a.td.Sentences[s.idx].Para]
		if para.EndSentence-para.FirstSentence != 1 {
			return false
		}
	}
	words := 0
	for _, t := range s.toks {
		if !isWordy(t.Text) || utf8.RuneCountInString(t.Text) <= 3 {
			continue
		}
		if !model.StartsUpper(t.Text) {
			return false
		}
		words++
	}
	return words >= 3
}

// ofOrg reports whether a title whose head is no role belongs to the
// organisation p before it: an organisation's own ("EU Trade
// Commissioner"), a demonym's ("the Latvian journalist"), a possessive
// ("Kenya's trade envoy"), or an agent word's ("Kenya trade official").
// A country's name before a title that is none of these may say what
// the title is about, not whose it is ("Iraq War veteran").
func (a *analysis) ofOrg(p *orgPiece, head string) bool {
	switch p.e.Kind {
	case actors.Country, actors.Capital:
		if p.poss {
			return true
		}
		_, agent := a.dict.Agent(head)
		return agent
	}
	return true
}

// titledPerson adds the person read by titledName, with the phrase
// starting at token i and the organisation the title belongs to (none
// when orgCode is empty). A word such as "former" in the title makes it
// an office no longer held.
func (a *analysis) titledPerson(s *sent, i int, t titled, orgCode string) int {
	former := false
	for k := i; k < t.h; k++ {
		if a.v.former[s.low[k]] {
			former = true
		}
	}
	rule := ruleTitleName
	if t.role != nil {
		rule = ruleRoleName
	} else if orgCode != "" {
		// "Kenyan trade official Ana Ruiz": an agent word as the title
		// gives the organisation's agent; another noun ("Commissioner")
		// leaves the organisation alone.
		if ag, ok := a.dict.Agent(s.words[t.h]); ok && ag != "" {
			orgCode = a.dict.Compose(orgCode, ag)
		}
	}
	c := &cand{
		kind: cPerson, span: a.span(s.toks[i].Start, s.toks[t.ne-1].End), sent: s.idx, ti: i, tj: t.ne,
		role: t.role, roleOrg: orgCode, former: former,
		name: a.doc.Text[s.toks[t.h+1].Start:s.toks[t.ne-1].End], rule: rule, subject: isSubject(s, t.ne),
	}
	c.subjectByTree(t.h+1, t.ne) // ("Congressman Ana Varga, a supporter, said")
	a.add(c)
	return t.ne - i
}
