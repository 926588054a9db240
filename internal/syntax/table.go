package syntax

import "slices"

// u64map is a read-only open-addressing map from non-zero uint64 keys to
// uint64 values, stored as it is in the model file.
type u64map struct {
	keys []uint64
	vals []uint64
}

func newU64Map(m map[uint64]uint64) *u64map {
	size := 0
	if len(m) > 0 {
		size = len(m)*100/80 + 1
	}
	t := &u64map{keys: make([]uint64, size), vals: make([]uint64, size)}
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Inserting in key order makes the table the same on every run.
	slices.Sort(keys)
	for _, k := range keys {
		v := m[k]
		if k == 0 {
			continue
		}
		i := home(k, size)
		for t.keys[i] != 0 {
			if i++; i == size {
				i = 0
			}
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *u64map) get(k uint64) (uint64, bool) {
	if t == nil || len(t.keys) == 0 {
		return 0, false
	}
	n := len(t.keys)
	for i := home(k, n); ; {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
		if i++; i == n {
			i = 0
		}
	}
}

// scratch holds the buffers of one goroutine's tagging and parsing, so
// that a sentence costs no allocation once they have grown.
type scratch struct {
	buf    []byte
	feats  []uint64
	sb     scoreBuf
	score  []int32
	lex    []lexical
	class  []int
	xpos   []uint8
	tags   []uint8 // the tagger's classes, as the parser reads them
	state  parseState
	groups groupSums
	// words keeps the lexical features of the words seen (lexicalizeKept)
	words *wordCache[string, lexical]
	// lemmas keeps the lemmas of the words seen, by tag (LemmaOf)
	lemmas *wordCache[lemmaKey, string]
	// tagWords keeps the tagger's sums of the word features of words seen
	tagWords []keptWord
	// groupWords keeps the parser's sums of the groups of words without
	// dependents (groupkept.go)
	groupWords []keptGroup
	relBuf     []int
	forms      []string
	heads      []int
	head0      []int
	punct      []bool
}

// scores returns the score buffer of n classes, at least denseStride
// long, as weights.score needs.
func (s *scratch) scores(n int) []int32 {
	n = max(n, denseStride)
	if cap(s.score) < n {
		s.score = make([]int32, n)
	}
	return s.score[:n]
}
