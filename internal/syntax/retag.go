package syntax

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
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

// retagClasses are the classes the rules may change, and change to: the
// closed classes, and VERB for the verbs that are auxiliaries too ("have",
// "be"; LearnRetag keeps a VERB rule only for a word the treebank also
// tags AUX); never a noun, an adjective or a name.
var retagClasses = map[string]bool{"ADP": true, "SCONJ": true, "PART": true, "ADV": true, "PRON": true, "DET": true, "AUX": true, "VERB": true}

// retagRel is the relation a rule is keyed by.
func retagRel(label string) string {
	if label == "compound:prt" {
		return label
	}
	base, _, _ := strings.Cut(label, ":")
	return base
}

// LearnRetag learns the rules from gold sentences: a word (as the
// tagger normalises it: lower case, straight apostrophes) in a relation, seen at least minCount times with a function word's
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
			low := string(normForm(w.Form, nil))
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
		if n < minCount || float64(bestN) < minShare*float64(n) || best == "VERB" && !classes[k.word]["AUX"] {
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

// retagKey is a word's normalised form (its hash, lexical.w) and a
// parser label.
type retagKey struct {
	w     uint64
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
	m.retagWords = map[uint64]bool{}
	kept := 0
	var buf []byte
	for _, r := range rules {
		c, ok := cls[[2]string{r.UPOS, r.XPOS}]
		if !ok || len(byRel[r.Rel]) == 0 || !retagClasses[r.UPOS] || r.Word == "" {
			continue
		}
		kept++
		buf = normForm(r.Word, buf)
		w := hashBytes(buf)
		m.retagWords[w] = true
		for _, li := range byRel[r.Rel] {
			m.retag[retagKey{w, li}] = uint16(c)
		}
	}
	return kept
}

// MayRetag reports whether parsing may change the class Tag gave a word
// written form and tagged upos (universal tag): whether it is a function
// word that some rule (SetRetag) is for. Only such words' tags differ
// between Tag and Analyze.
func (m *Model) MayRetag(form, upos string) bool {
	if len(m.retagWords) == 0 || !retagClasses[upos] {
		return false
	}
	var b [32]byte
	return m.retagWords[hashBytes(normForm(form, b[:0]))]
}

// applyRetag changes the class of the words whose relation fixes it.
func (m *Model) applyRetag(lex []lexical, rels []int, class []int) {
	if len(m.retag) == 0 {
		return
	}
	for i := range lex {
		if !m.retagFrom[class[i]] {
			continue
		}
		// a word already of the rule's class keeps its fine tag
		if c, ok := m.retag[retagKey{lex[i].w, uint8(rels[i])}]; ok && m.tagger.classes[c].UPOS != m.tagger.classes[class[i]].UPOS {
			class[i] = int(c)
		}
	}
}
