package syntax

// Of the parser's feature groups (groups.go), three read only a word
// itself when it has no dependents yet: groupS0 of s0 and groupS1 of s1
// with none on either side, and groupB0 of b0 with none on its left (all
// their other features read "no word" for the missing dependents, 0 for
// their counts and sets). About a fifth of a parse's feature lookups are
// such groups, and most are of frequent words ("the", "said", a comma).
// So a goroutine keeps the summed weights of these groups for the words
// it has seen, in a table of keptGroups entries indexed by the group and
// what it reads of the word, as the tagger keeps its word sums
// (tagkept.go). The key holds everything the group's features read: an
// entry found has exactly the sums the features would give
// (TestKeptGroupsMatchFeatures).

// keptGroups is the size of the table of kept group sums: a power of two.
const keptGroups = 512

// groupKey is what a group of a word without dependents reads of it: its
// form, tag and clusters (c1 and c2 are 0 for a group that reads neither).
type groupKey struct {
	g            uint8
	used         bool
	w, p, c1, c2 uint64
}

type keptGroup struct {
	key  groupKey
	sums [denseStride]int32
}

// freeKey returns the key of group g of the configuration when it reads
// nothing but a word without dependents, or false.
func freeKey(g int, s *parseState, lex []lexical, tags []uint8) (groupKey, bool) {
	var i int32
	switch g {
	case groupS0:
		i = s.st(0)
	case groupS1:
		i = s.st(1)
	case groupB0:
		i = s.bu(0)
	default:
		return groupKey{}, false
	}
	if i < 0 || int(i) >= s.n || s.nl[i] != 0 || g != groupB0 && s.nr[i] != 0 {
		return groupKey{}, false
	}
	k := groupKey{g: uint8(g), used: true, w: lex[i].w, p: uint64(tags[i])}
	switch g {
	case groupS0:
		k.c1, k.c2 = lex[i].c[1], lex[i].c[2]
	case groupS1:
		k.c1 = lex[i].c[1]
	}
	return k, true
}

// keptSum returns the kept sums of the group of key k, computing and
// keeping them first if the table does not hold them: those of group
// k.g of the configuration s.
func (p *parser) keptSum(k groupKey, s *parseState, lex []lexical, tags []uint8, sc *scratch) []int32 {
	e := keptSlot(k, sc)
	if e.key != k {
		clear(e.sums[:])
		sc.feats = groupFeatures(int(k.g), s, lex, tags, sc.feats)
		p.w.score(sc.feats, e.sums[:], &sc.sb)
		e.key = k
	}
	return e.sums[:]
}

// keptSlot is the entry of sc's table of kept group sums where key k is
// kept, if it is.
func keptSlot(k groupKey, sc *scratch) *keptGroup {
	if sc.groupWords == nil {
		sc.groupWords = make([]keptGroup, keptGroups)
	}
	h := (k.w*mulA ^ k.p ^ uint64(k.g)<<56) * mulB
	return &sc.groupWords[fmix(h^k.c1^k.c2<<1)&(keptGroups-1)]
}
