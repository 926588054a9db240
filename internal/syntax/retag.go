package syntax

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// A RetagRule gives the class a function word takes in a relation: in
// the treebank, "that" as a clause's marker (mark) is a subordinating
// conjunction, as a subject or object a pronoun; "to" as a marker is the
// infinitive particle, as a case marker a preposition. The tagger picks
// a word's class before the parse; the parse then shows its function,
// and where the training data fixes the class for that function, the
// rule applies it (SetRetag). Rel is a relation without its subtype,
// except compound:prt.
type RetagRule struct {
	Word, Rel, UPOS, XPOS string
}

// retagClasses are the classes of the function words whose class the
// rules may change, and change to: never a noun, a verb's content word
// or a name.
var retagClasses = map[string]bool{"ADP": true, "SCONJ": true, "PART": true, "ADV": true, "PRON": true, "DET": true, "AUX": true, "VERB": true}

// retagRel is the relation a rule is keyed by.
func retagRel(label string) string {
	if label == "compound:prt" {
		return label
	}
	base, _, _ := strings.Cut(label, ":")
	return base
}

// LearnRetag learns the rules from gold sentences: a word (in lower case)
// in a relation, seen at least minCount times with a function word's
// class, that has one class in at least minShare of them, where the word
// has some other class elsewhere in the data (so that the tagger may
// mistake it). XPOS is the commonest fine tag of that class. The rules
// come sorted by word and relation.
func LearnRetag(sents []Sentence, minCount int, minShare float64) []RetagRule {
	type key struct{ word, rel string }
	type tag struct{ upos, xpos string }
	byKey := map[key]map[tag]int{}
	classes := map[string]map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			low := strings.ToLower(w.Form)
			if classes[low] == nil {
				classes[low] = map[string]bool{}
			}
			classes[low][w.UPOS] = true
			if !retagClasses[w.UPOS] {
				continue
			}
			k := key{low, retagRel(w.Rel)}
			if byKey[k] == nil {
				byKey[k] = map[tag]int{}
			}
			byKey[k][tag{w.UPOS, w.XPOS}]++
		}
	}
	var out []RetagRule
	for k, tags := range byKey {
		if len(classes[k.word]) < 2 {
			continue
		}
		n := 0
		perUPOS := map[string]int{}
		for t, c := range tags {
			n += c
			perUPOS[t.upos] += c
		}
		best, bestN := "", 0
		for u, c := range perUPOS {
			if c > bestN || c == bestN && u < best {
				best, bestN = u, c
			}
		}
		if n < minCount || float64(bestN) < minShare*float64(n) {
			continue
		}
		xpos, xn := "", 0
		for t, c := range tags {
			if t.upos == best && (c > xn || c == xn && t.xpos < xpos) {
				xpos, xn = t.xpos, c
			}
		}
		out = append(out, RetagRule{Word: k.word, Rel: k.rel, UPOS: best, XPOS: xpos})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Word != out[j].Word {
			return out[i].Word < out[j].Word
		}
		return out[i].Rel < out[j].Rel
	})
	return out
}

// WriteRetag writes rules as tab-separated lines: word, relation, UPOS,
// XPOS.
func WriteRetag(w io.Writer, rules []RetagRule) error {
	bw := bufio.NewWriter(w)
	for _, r := range rules {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", r.Word, r.Rel, r.UPOS, r.XPOS)
	}
	return bw.Flush()
}

// ReadRetag reads what WriteRetag wrote; lines starting with # are
// comments.
func ReadRetag(r io.Reader) ([]RetagRule, error) {
	var out []RetagRule
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want word, relation, UPOS and XPOS separated by tabs", n)
		}
		out = append(out, RetagRule{Word: f[0], Rel: f[1], UPOS: f[2], XPOS: f[3]})
	}
	return out, sc.Err()
}

// retagKey is a written form and a parser label.
type retagKey struct {
	form  string
	label uint8
}

// SetRetag makes the model apply rules after parsing (see RetagRule). A
// rule whose class the tagger does not have, or whose relation the
// parser does not, is left out; SetRetag returns how many were kept. It
// must be called before the model is used.
func (m *Model) SetRetag(rules []RetagRule) int {
	cls := map[[2]string]int{}
	m.retagFrom = make([]bool, len(m.tagger.classes))
	for i, c := range m.tagger.classes {
		cls[[2]string{c.UPOS, c.XPOS}] = i
		m.retagFrom[i] = retagClasses[c.UPOS]
	}
	byRel := map[string][]uint8{}
	for li, l := range m.parser.labels {
		byRel[retagRel(l)] = append(byRel[retagRel(l)], uint8(li))
	}
	m.retag = map[retagKey]uint16{}
	m.retagLabels = m.retagLabels[:0]
	for li := range m.parser.labels {
		m.retagLabels = append(m.retagLabels, uint8(li))
	}
	kept := 0
	for _, r := range rules {
		c, ok := cls[[2]string{r.UPOS, r.XPOS}]
		if !ok || len(byRel[r.Rel]) == 0 || !retagClasses[r.UPOS] {
			continue
		}
		if r.Word == "" {
			continue
		}
		kept++
		// the forms a text writes the word in: as is, capitalised, in
		// capitals (the lookup is on the form, with no allocation)
		rs := []rune(r.Word)
		rs[0] = unicode.ToUpper(rs[0])
		forms := []string{r.Word, string(rs), strings.ToUpper(r.Word)}
		for _, f := range forms {
			for _, li := range byRel[r.Rel] {
				m.retag[retagKey{f, li}] = uint16(c)
			}
		}
	}
	return kept
}

// applyRetag changes the class of the words whose relation fixes it.
func (m *Model) applyRetag(forms []string, rels []int, class []int) {
	if len(m.retag) == 0 {
		return
	}
	for i, f := range forms {
		if !m.retagFrom[class[i]] || len(f) > 12 {
			continue
		}
		// a word already of the rule's class keeps its fine tag
		if c, ok := m.retag[retagKey{f, uint8(rels[i])}]; ok && m.tagger.classes[c].UPOS != m.tagger.classes[class[i]].UPOS {
			class[i] = int(c)
		}
	}
}

// Retags reports whether a rule may change the class of a word written
// form once its relation is known: Tag leaves such a word the tagger's
// class, which Analyze may change.
func (m *Model) Retags(form string) bool {
	if len(m.retag) == 0 {
		return false
	}
	for _, l := range m.retagLabels {
		if _, ok := m.retag[retagKey{form, l}]; ok {
			return true
		}
	}
	return false
}
