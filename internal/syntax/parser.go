package syntax

import (
	"math/rand/v2"
)

// parser is the compiled arc-hybrid dependency parser. Its classes are
// SHIFT (0), LEFT with relation l (1+l) and RIGHT with relation l
// (1+L+l), L = len(labels): a transition and the relation of the arc it
// makes are chosen together.
type parser struct {
	labels []string
	root   int // the index of "root" in labels
	share  *shared
	w      *weights
	// sameGroups: the LEFT classes share one group, and the RIGHT
	// classes one (see best); set by setGroups.
	sameGroups bool
}

// setGroups sets sameGroups from the sharing of the classes.
func (p *parser) setGroups() {
	L := len(p.labels)
	p.sameGroups = true
	for c := 2; c < 1+2*L; c++ {
		if c != 1+L && p.share.one[c] != p.share.one[c-1] {
			p.sameGroups = false
		}
	}
}

func (p *parser) nClasses() int { return 1 + 2*len(p.labels) }

// moveShare groups the parser's classes by transition (share: true), or
// not.
func moveShare(labels []string, share bool) *shared {
	n := 1 + 2*len(labels)
	if !share {
		return noShare(n)
	}
	return groupShare(n, func(c int) string {
		switch {
		case c == 0:
			return "shift"
		case c <= len(labels):
			return "left"
		}
		return "right"
	})
}

// parseState is a configuration of the arc-hybrid system over n words.
// The buffer is the words from b on, then the root (index n). Stack words
// have no head yet; a word leaves the stack when it gets one.
type parseState struct {
	n     int
	stack []int32
	b     int32
	head  []int32 // -1 while unattached; n for the root
	label []uint8
	// the two leftmost and two rightmost dependents of each word (-1 when
	// none), how many it has on each side, and the set of their relations
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	lset, rset         []uint64
	// words holds what the features read of each word (featWords), or
	// nothing yet
	words []featWord
}

func (s *parseState) reset(n int) {
	s.n = n
	s.words = s.words[:0]
	s.stack = s.stack[:0]
	s.b = 0
	grow := func(x []int32) []int32 {
		if cap(x) < n {
			return make([]int32, n)
		}
		return x[:n]
	}
	s.head, s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.head), grow(s.lc1), grow(s.lc2), grow(s.rc1), grow(s.rc2)
	if cap(s.label) < n {
		s.label, s.nl, s.nr = make([]uint8, n), make([]uint8, n), make([]uint8, n)
		s.lset, s.rset = make([]uint64, n), make([]uint64, n)
	}
	s.label, s.nl, s.nr, s.lset, s.rset = s.label[:n], s.nl[:n], s.nr[:n], s.lset[:n], s.rset[:n]
	for i := range n {
		s.head[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1, -1
		s.label[i], s.nl[i], s.nr[i], s.lset[i], s.rset[i] = 0, 0, 0, 0, 0
	}
}

func (s *parseState) terminal() bool { return len(s.stack) == 0 && int(s.b) == s.n }

// st returns the i-th word from the top of the stack, or -1.
func (s *parseState) st(i int) int32 {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return -1
}

// bu returns the i-th word of the buffer (n for the root), or -1.
func (s *parseState) bu(i int) int32 {
	if j := int(s.b) + i; j <= s.n {
		return int32(j)
	}
	return -1
}

func (p *parser) valid(s *parseState, c int) bool {
	L := len(p.labels)
	switch {
	case c == 0:
		return int(s.b) < s.n
	case c <= L:
		if len(s.stack) == 0 {
			return false
		}
		if int(s.b) == s.n {
			return len(s.stack) == 1 && c-1 == p.root
		}
		return c-1 != p.root
	default:
		return len(s.stack) >= 2 && c-1-L != p.root
	}
}

func (p *parser) apply(s *parseState, c int) {
	L := len(p.labels)
	switch {
	case c == 0:
		s.stack = append(s.stack, s.b)
		s.b++
	case c <= L:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.b, d, uint8(c-1))
	default:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.stack[len(s.stack)-1], d, uint8(c-1-L))
	}
}

func (s *parseState) attach(h, d int32, l uint8) {
	s.head[d], s.label[d] = h, l
	if int(h) == s.n {
		return
	}
	if d < h {
		s.nl[h]++
		s.lset[h] |= 1 << (l & 63)
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
		return
	}
	s.nr[h]++
	s.rset[h] |= 1 << (l & 63)
	if s.rc1[h] < 0 || d > s.rc1[h] {
		s.rc2[h], s.rc1[h] = s.rc1[h], d
	} else if s.rc2[h] < 0 || d > s.rc2[h] {
		s.rc2[h] = d
	}
}

// Parser feature templates.
const (
	ptS0w = iota + 0x100
	ptS0p
	ptS0wp
	ptS1w
	ptS1p
	ptS1wp
	ptS2p
	ptB0w
	ptB0p
	ptB0wp
	ptB1w
	ptB1p
	ptB1wp
	ptB2w
	ptB2p
	ptB2wp
	ptS0wpB0wp
	ptS0wpB0w
	ptS0wB0wp
	ptS0wpB0p
	ptS0pB0wp
	ptS0wB0w
	ptS0pB0p
	ptB0pB1p
	ptS1wpS0wp
	ptS1wpS0w
	ptS1wS0wp
	ptS1wpS0p
	ptS1pS0wp
	ptS1wS0w
	ptS1pS0p
	ptS1wB0w
	ptS1pB0p
	ptB0pB1pB2p
	ptS0pB0pB1p
	ptS1pS0pB0p
	ptS2pS1pS0p
	ptS0pS0l1pB0p
	ptS0pS0r1pB0p
	ptS0pB0pB0l1p
	ptS1pS1r1pS0p
	ptS1pS1l1pS0p
	ptS1pS0pS0l1p
	ptS1pS0pS0r1p
	ptS0wD
	ptS0pD
	ptB0wD
	ptB0pD
	ptS0wB0wD
	ptS0pB0pD
	ptS1wS0wD2
	ptS1pS0pD2
	ptS0wVr
	ptS0pVr
	ptS0wVl
	ptS0pVl
	ptB0wVl
	ptB0pVl
	ptS1wVr
	ptS1pVr
	ptS1pVl
	ptS0l1w
	ptS0l1p
	ptS0l1l
	ptS0r1w
	ptS0r1p
	ptS0r1l
	ptB0l1w
	ptB0l1p
	ptB0l1l
	ptS1r1w
	ptS1r1p
	ptS1r1l
	ptS1l1p
	ptS1l1l
	ptS0l2w
	ptS0l2p
	ptS0l2l
	ptS0r2w
	ptS0r2p
	ptS0r2l
	ptB0l2w
	ptB0l2p
	ptB0l2l
	ptS1r2p
	ptS1r2l
	ptS0pS0l1pS0l2p
	ptS0pS0r1pS0r2p
	ptB0pB0l1pB0l2p
	ptS1pS1r1pS1r2p
	ptS0wSr
	ptS0pSr
	ptS0wSl
	ptS0pSl
	ptB0wBl
	ptB0pBl
	ptS1pSr
	ptS1pSl
	ptS0pS0r1lB0p
	ptS0pS0l1lB0p
	ptS1pS1r1lS0p
	ptS0c1
	ptB0c1
	ptS1c1
	ptB1c1
	ptS0c2
	ptB0c2
	ptS0c1B0c1
	ptS0c1B0p
	ptS0pB0c1
	ptS1c1S0c1
	ptS1c1S0p
	ptS1pS0c1
	ptS0c0B0c0B1c0
	ptS1c0S0c0B0c0
	ptS0wB0c1
	ptS0c1B0w
)

const (
	rootWord = 0x5eed0002
	rootTag  = 254
	noLabel  = 255
)

// parseFeatures writes the features of the configuration into feats.
func parseFeatures(s *parseState, lex []lexical, tags []uint8, feats []uint64) []uint64 {
	n := int32(s.n)
	w := func(i int32) uint64 {
		switch {
		case i < 0:
			return noWord
		case i == n:
			return rootWord
		}
		return lex[i].w
	}
	p := func(i int32) uint64 {
		switch {
		case i < 0:
			return noTag
		case i == n:
			return rootTag
		}
		return uint64(tags[i])
	}
	cl := func(i int32, k int) uint64 {
		switch {
		case i < 0:
			return noWord
		case i == n:
			return rootWord
		}
		return lex[i].c[k]
	}
	lab := func(i int32) uint64 {
		if i < 0 || i == n || s.head[i] < 0 {
			return noLabel
		}
		return uint64(s.label[i])
	}
	child := func(i int32, of []int32) int32 {
		if i < 0 || i == n {
			return -1
		}
		return of[i]
	}
	s0, s1, s2 := s.st(0), s.st(1), s.st(2)
	b0, b1, b2 := s.bu(0), s.bu(1), s.bu(2)
	s0l1, s0l2, s0r1, s0r2 := child(s0, s.lc1), child(s0, s.lc2), child(s0, s.rc1), child(s0, s.rc2)
	s1l1, s1r1, s1r2 := child(s1, s.lc1), child(s1, s.rc1), child(s1, s.rc2)
	b0l1, b0l2 := child(b0, s.lc1), child(b0, s.lc2)

	s0w, s0p, s1w, s1p, s2p := w(s0), p(s0), w(s1), p(s1), p(s2)
	b0w, b0p, b1w, b1p, b2w, b2p := w(b0), p(b0), w(b1), p(b1), w(b2), p(b2)
	s0wp, s1wp, b0wp, b1wp, b2wp := f1(1, s0w^s0p<<56), f1(1, s1w^s1p<<56), f1(1, b0w^b0p<<56), f1(1, b1w^b1p<<56), f1(1, b2w^b2p<<56)

	var d, d2 uint64 = 0, 0
	if s0 >= 0 && b0 >= 0 {
		d = uint64(min(b0-s0, 10))
		if b0 == n {
			d = 15
		}
	}
	if s1 >= 0 {
		d2 = uint64(min(s0-s1, 10))
	}
	var s0vl, s0vr, b0vl, s1vl, s1vr uint64 = 99, 99, 99, 99, 99
	var s0sl, s0sr, b0sl, s1sl, s1sr uint64 = 1 << 63, 1 << 63, 1 << 63, 1 << 63, 1 << 63
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = uint64(s.nl[s0]), uint64(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	if s1 >= 0 {
		s1vl, s1vr, s1sl, s1sr = uint64(s.nl[s1]), uint64(s.nr[s1]), s.lset[s1], s.rset[s1]
	}
	if b0 >= 0 && b0 < n {
		b0vl, b0sl = uint64(s.nl[b0]), s.lset[b0]
	}

	feats = feats[:0]
	feats = append(feats,
		f1(ptS0w, s0w), f1(ptS0p, s0p), f1(ptS0wp, s0wp),
		f1(ptS1w, s1w), f1(ptS1p, s1p), f1(ptS1wp, s1wp), f1(ptS2p, s2p),
		f1(ptB0w, b0w), f1(ptB0p, b0p), f1(ptB0wp, b0wp),
		f1(ptB1w, b1w), f1(ptB1p, b1p), f1(ptB1wp, b1wp),
		f1(ptB2w, b2w), f1(ptB2p, b2p), f1(ptB2wp, b2wp),

		f2(ptS0wpB0wp, s0wp, b0wp), f2(ptS0wpB0w, s0wp, b0w), f2(ptS0wB0wp, s0w, b0wp),
		f2(ptS0wpB0p, s0wp, b0p), f2(ptS0pB0wp, s0p, b0wp), f2(ptS0wB0w, s0w, b0w),
		f2(ptS0pB0p, s0p, b0p), f2(ptB0pB1p, b0p, b1p),
		f2(ptS1wpS0wp, s1wp, s0wp), f2(ptS1wpS0w, s1wp, s0w), f2(ptS1wS0wp, s1w, s0wp),
		f2(ptS1wpS0p, s1wp, s0p), f2(ptS1pS0wp, s1p, s0wp), f2(ptS1wS0w, s1w, s0w),
		f2(ptS1pS0p, s1p, s0p), f2(ptS1wB0w, s1w, b0w), f2(ptS1pB0p, s1p, b0p),

		f3(ptB0pB1pB2p, b0p, b1p, b2p), f3(ptS0pB0pB1p, s0p, b0p, b1p),
		f3(ptS1pS0pB0p, s1p, s0p, b0p), f3(ptS2pS1pS0p, s2p, s1p, s0p),
		f3(ptS0pS0l1pB0p, s0p, p(s0l1), b0p), f3(ptS0pS0r1pB0p, s0p, p(s0r1), b0p),
		f3(ptS0pB0pB0l1p, s0p, b0p, p(b0l1)), f3(ptS1pS1r1pS0p, s1p, p(s1r1), s0p),
		f3(ptS1pS1l1pS0p, s1p, p(s1l1), s0p), f3(ptS1pS0pS0l1p, s1p, s0p, p(s0l1)),
		f3(ptS1pS0pS0r1p, s1p, s0p, p(s0r1)),

		f2(ptS0wD, s0w, d), f2(ptS0pD, s0p, d), f2(ptB0wD, b0w, d), f2(ptB0pD, b0p, d),
		f3(ptS0wB0wD, s0w, b0w, d), f3(ptS0pB0pD, s0p, b0p, d),
		f3(ptS1wS0wD2, s1w, s0w, d2), f3(ptS1pS0pD2, s1p, s0p, d2),

		f2(ptS0wVr, s0w, s0vr), f2(ptS0pVr, s0p, s0vr), f2(ptS0wVl, s0w, s0vl), f2(ptS0pVl, s0p, s0vl),
		f2(ptB0wVl, b0w, b0vl), f2(ptB0pVl, b0p, b0vl),
		f2(ptS1wVr, s1w, s1vr), f2(ptS1pVr, s1p, s1vr), f2(ptS1pVl, s1p, s1vl),

		f1(ptS0l1w, w(s0l1)), f1(ptS0l1p, p(s0l1)), f1(ptS0l1l, lab(s0l1)),
		f1(ptS0r1w, w(s0r1)), f1(ptS0r1p, p(s0r1)), f1(ptS0r1l, lab(s0r1)),
		f1(ptB0l1w, w(b0l1)), f1(ptB0l1p, p(b0l1)), f1(ptB0l1l, lab(b0l1)),
		f1(ptS1r1w, w(s1r1)), f1(ptS1r1p, p(s1r1)), f1(ptS1r1l, lab(s1r1)),
		f1(ptS1l1p, p(s1l1)), f1(ptS1l1l, lab(s1l1)),

		f1(ptS0l2w, w(s0l2)), f1(ptS0l2p, p(s0l2)), f1(ptS0l2l, lab(s0l2)),
		f1(ptS0r2w, w(s0r2)), f1(ptS0r2p, p(s0r2)), f1(ptS0r2l, lab(s0r2)),
		f1(ptB0l2w, w(b0l2)), f1(ptB0l2p, p(b0l2)), f1(ptB0l2l, lab(b0l2)),
		f1(ptS1r2p, p(s1r2)), f1(ptS1r2l, lab(s1r2)),
		f3(ptS0pS0l1pS0l2p, s0p, p(s0l1), p(s0l2)), f3(ptS0pS0r1pS0r2p, s0p, p(s0r1), p(s0r2)),
		f3(ptB0pB0l1pB0l2p, b0p, p(b0l1), p(b0l2)), f3(ptS1pS1r1pS1r2p, s1p, p(s1r1), p(s1r2)),

		f2(ptS0wSr, s0w, s0sr), f2(ptS0pSr, s0p, s0sr), f2(ptS0wSl, s0w, s0sl), f2(ptS0pSl, s0p, s0sl),
		f2(ptB0wBl, b0w, b0sl), f2(ptB0pBl, b0p, b0sl),
		f2(ptS1pSr, s1p, s1sr), f2(ptS1pSl, s1p, s1sl),
		f3(ptS0pS0r1lB0p, s0p, lab(s0r1), b0p), f3(ptS0pS0l1lB0p, s0p, lab(s0l1), b0p),
		f3(ptS1pS1r1lS0p, s1p, lab(s1r1), s0p),
		f1(ptS0c1, cl(s0, 1)), f1(ptB0c1, cl(b0, 1)), f1(ptS1c1, cl(s1, 1)), f1(ptB1c1, cl(b1, 1)),
		f1(ptS0c2, cl(s0, 2)), f1(ptB0c2, cl(b0, 2)),
		f2(ptS0c1B0c1, cl(s0, 1), cl(b0, 1)), f2(ptS0c1B0p, cl(s0, 1), b0p), f2(ptS0pB0c1, s0p, cl(b0, 1)),
		f2(ptS1c1S0c1, cl(s1, 1), cl(s0, 1)), f2(ptS1c1S0p, cl(s1, 1), s0p), f2(ptS1pS0c1, s1p, cl(s0, 1)),
		f3(ptS0c0B0c0B1c0, cl(s0, 0), cl(b0, 0), cl(b1, 0)), f3(ptS1c0S0c0B0c0, cl(s1, 0), cl(s0, 0), cl(b0, 0)),
		f2(ptS0wB0c1, s0w, cl(b0, 1)), f2(ptS0c1B0w, cl(s0, 1), b0w),
	)
	return feats
}

// parse fills heads (1-based, 0 for the root) and relation indexes.
func (p *parser) parse(lex []lexical, tags []uint8, heads []int, rels []int, sc *scratch) {
	s := &sc.state
	s.reset(len(lex))
	scores := sc.scores(p.share.total)
	gs := &sc.groups
	gs.reset(len(lex))
	for !s.terminal() {
		// With an empty stack only SHIFT is valid, and with the buffer at
		// the root and one word on the stack only LEFT with the root's
		// relation (about one transition in eight): the scores could not
		// choose otherwise, so they are not computed.
		if len(s.stack) == 0 {
			p.applyKept(s, gs, 0)
			continue
		}
		if int(s.b) == s.n && len(s.stack) == 1 {
			p.applyKept(s, gs, 1+p.root)
			continue
		}
		clear(scores)
		sc.feats = groupFeatures(groupCross, s, lex, tags, sc.feats)
		p.w.score(sc.feats, scores, &sc.sb)
		s0, s1 := int(s.st(0)), int(s.st(1))
		if s1 < 0 {
			s1 = s.n // the kept sums of "no s1"
		}
		addVecs(scores[:denseStride],
			p.groupSum(gs, 0, groupB, s, lex, tags, sc),
			p.groupSum(gs, 1, groupB0, s, lex, tags, sc),
			p.groupSum(gs, 2+3*s0, groupS0, s, lex, tags, sc),
			p.groupSum(gs, 3+3*s1, groupS1, s, lex, tags, sc),
			p.groupSum(gs, 4+3*s0, groupStack, s, lex, tags, sc))
		c := p.best(s, scores)
		if c < 0 {
			break // cannot happen: some transition is always valid
		}
		p.applyKept(s, gs, c)
	}
	for i := range lex {
		h := int(s.head[i])
		switch {
		case h < 0 || h == s.n:
			heads[i], rels[i] = 0, p.root
		default:
			heads[i], rels[i] = h+1, int(s.label[i])
		}
	}
}

// best returns the valid transition with the highest score (each class's
// with its group's), the lower class of two with the same: the transition
// that combine, validMask and the first highest score choose, without
// their passes over every class. The valid transitions are SHIFT, then
// LEFT and RIGHT with each relation but the root's (LEFT with the root's
// alone at the end); when the classes of LEFT share one group and those
// of RIGHT another (moveShare, or no groups), the highest of each is found
// before its group's score is added.
func (p *parser) best(s *parseState, scores []int32) int {
	scores = scores[:denseStride]
	one := p.share.one
	L, root := len(p.labels), p.root
	best, top := -1, int32(0)
	if int(s.b) < s.n {
		best, top = 0, scores[0]+scores[one[0]&(denseStride-1)]
	}
	atRoot := int(s.b) == s.n
	if len(s.stack) > 0 && atRoot && len(s.stack) == 1 {
		c := 1 + root
		if v := scores[c&(denseStride-1)] + scores[one[c]&(denseStride-1)]; best < 0 || v > top {
			best, top = c, v
		}
	}
	segment := func(first int) {
		if !p.sameGroups {
			for c := first; c < first+L; c++ {
				if v := scores[c&(denseStride-1)] + scores[one[c]&(denseStride-1)]; c-first != root && (best < 0 || v > top) {
					best, top = c, v
				}
			}
			return
		}
		// the highest of the relations before the root's and of those
		// after it: the first of them, if the two are equal
		bc, bv := -1, int32(0)
		if root > 0 {
			bc, bv = maxFirst(scores[first : first+root])
		}
		if root+1 < L {
			if i, v := maxFirst(scores[first+root+1 : first+L]); bc < 0 || v > bv {
				bc, bv = root+1+i, v
			}
		}
		if bc < 0 {
			return
		}
		c := first + bc
		if v := bv + scores[one[c]&(denseStride-1)]; best < 0 || v > top {
			best, top = c, v
		}
	}
	if len(s.stack) > 0 && !atRoot {
		segment(1)
	}
	if len(s.stack) >= 2 {
		segment(1 + L)
	}
	return best
}

// groupSums keeps the summed weights of the feature groups of one
// sentence's parse (see groups.go): slot 0 for groupB, 1 for groupB0,
// 2+3i, 3+3i and 4+3i for groupS0, groupS1 and groupStack of word i
// (word n standing for "none"), denseStride sums each.
type groupSums struct {
	sums []int32
	kept []bool
}

func (g *groupSums) reset(n int) {
	slots := 5 + 3*n
	if cap(g.kept) < slots {
		g.sums = make([]int32, (slots+slots/2)*denseStride)
		g.kept = make([]bool, slots+slots/2)
	}
	g.kept = g.kept[:slots]
	clear(g.kept)
}

// groupSum returns the summed weights of group g of the configuration,
// kept in slot.
func (p *parser) groupSum(gs *groupSums, slot, g int, s *parseState, lex []lexical, tags []uint8, sc *scratch) []int32 {
	sum := gs.sums[slot*denseStride : (slot+1)*denseStride]
	if !gs.kept[slot] {
		if k, ok := freeKey(g, s, lex, tags); ok {
			// a word without dependents: its sums from the goroutine's
			// table (groupkept.go), copied, as the entry may be replaced
			copy(sum, p.keptSum(k, s, lex, tags, sc))
		} else {
			clear(sum)
			sc.feats = groupFeatures(g, s, lex, tags, sc.feats)
			p.w.score(sc.feats, sum, &sc.sb)
		}
		gs.kept[slot] = true
	}
	return sum
}

// applyKept applies transition c and forgets the sums of the groups it
// changes: SHIFT moves the buffer; LEFT gives b0 a dependent; RIGHT gives
// the new s0 one. A word's other changes (being pushed, or popped for
// good) need nothing forgotten: it is s0 or s1 again only as it was.
func (p *parser) applyKept(s *parseState, gs *groupSums, c int) {
	p.apply(s, c)
	switch {
	case c == 0:
		gs.kept[0], gs.kept[1] = false, false
	case c <= len(p.labels):
		gs.kept[1] = false
	default:
		h := int(s.st(0))
		gs.kept[2+3*h], gs.kept[3+3*h], gs.kept[4+3*h] = false, false, false
	}
}

// oracle holds a training sentence's gold tree: heads (n for the root),
// relations and each word's dependents, in order.
type oracle struct {
	head  []int32
	label []uint8
	deps  [][]int32
}

func (o *oracle) depsIn(h int32, from, to int32, s *parseState, onStack bool) int {
	c := 0
	for _, d := range o.deps[h] {
		if d >= from && d < to && (!onStack || s.head[d] < 0) {
			c++
		}
	}
	return c
}

// costs writes, for every valid class, the number of gold arcs the
// transition would make unreachable (Goldberg and Nivre 2013), and -1 for
// invalid classes.
func (p *parser) costs(s *parseState, o *oracle, costs []int) {
	L := len(p.labels)
	n := int32(s.n)
	for c := range costs {
		costs[c] = -1
	}
	s0, s1, b0 := s.st(0), s.st(1), s.b
	if p.valid(s, 0) {
		c := 0
		g := o.head[b0]
		if g < b0 && s.head[g] < 0 && g != s0 {
			c++
		}
		c += o.depsIn(b0, 0, b0, s, true)
		costs[0] = c
	}
	if s0 >= 0 {
		base := o.depsIn(s0, b0, n, s, false)
		g := o.head[s0]
		// LEFT: s0's head becomes b0.
		left := base
		if g != b0 && (g == s1 && s1 >= 0 || g >= b0) {
			left++
		}
		// RIGHT: s0's head becomes s1.
		right := base
		if g != s1 && g >= b0 {
			right++
		}
		for l := range L {
			if p.valid(s, 1+l) {
				costs[1+l] = left
				if g == b0 && uint8(l) != o.label[s0] {
					costs[1+l]++
				}
			}
			if p.valid(s, 1+L+l) {
				costs[1+L+l] = right
				if g == s1 && uint8(l) != o.label[s0] {
					costs[1+L+l]++
				}
			}
		}
	}
}

// parserOptions control trainParser.
type parserOptions struct {
	iters int
	// seeds: one parser is trained per seed (its order of the sentences
	// and its exploration), and their averaged weights are mixed.
	seeds    []uint64
	minAvg   float64
	minCount int
	// explore is the probability that a pass from exploreFrom on follows
	// the parser's own prediction rather than the oracle's best.
	explore     float64
	exploreFrom int
	sweep       []float64
}

// trainParser learns the parser from sentences whose words carry gold
// heads and relations and the tags the parser will see (tags[i][j] for
// word j of sentence i). Weights whose average is below minAvg are
// dropped.
func trainParser(sents []Sentence, tags [][]uint8, labels []string, labelID map[string]uint8, share *shared, lx *lexTables, po parserOptions, log func(string, ...any), dev func(*parser)) *parser {
	p := &parser{labels: labels, root: int(labelID["root"]), share: share}
	oracles := make([]oracle, len(sents))
	for i := range sents {
		oracles[i] = goldOracle(&sents[i], labelID)
	}
	lexOf := func(si int, lex []lexical, buf []byte, forms []string) ([]lexical, []byte, []string) {
		n := len(sents[si].Words)
		forms = forms[:0]
		for _, w := range sents[si].Words {
			forms = append(forms, w.Form)
		}
		if cap(lex) < n {
			lex = make([]lexical, n)
		}
		lex = lex[:n]
		buf = lexicalize(forms, lx, lex, buf)
		return lex, buf, forms
	}
	var allow map[uint64]bool
	if po.minCount > 1 {
		// Count the features along the gold paths; rarer ones get no weight.
		var lex []lexical
		var buf []byte
		var feats []uint64
		var forms []string
		var s parseState
		costs := make([]int, p.nClasses())
		counts := map[uint64]int32{}
		for si := range sents {
			lex, buf, forms = lexOf(si, lex, buf, forms)
			s.reset(len(lex))
			for !s.terminal() {
				feats = parseFeatures(&s, lex, tags[si], feats)
				for _, f := range feats {
					counts[f]++
				}
				p.costs(&s, &oracles[si], costs)
				best := -1
				for c, v := range costs {
					if v >= 0 && (best < 0 || v < costs[best]) {
						best = c
					}
				}
				p.apply(&s, best)
			}
		}
		allow = make(map[uint64]bool, len(counts)/4)
		for f, c := range counts {
			if c >= int32(po.minCount) {
				allow[f] = true
			}
		}
		if log != nil {
			log("parser features", "seen", len(counts), "seen at least min-count times", len(allow))
		}
	}
	seeds := po.seeds
	if len(seeds) == 0 {
		seeds = []uint64{1}
	}
	// trainOne learns one parser; dev, when set, scores it every third pass.
	trainOne := func(seed uint64, dev func(*parser)) []avgRow {
		tr := newTrainer(share)
		tr.allow = allow
		rng := rand.New(rand.NewPCG(seed, seed^0x9a75e))
		order := make([]int, len(sents))
		for i := range order {
			order[i] = i
		}
		nc := p.nClasses()
		scores := make([]int32, share.total)
		costs := make([]int, nc)
		var lex []lexical
		var buf []byte
		var feats []uint64
		var forms []string
		var s parseState
		for it := range po.iters {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			right, total := 0, 0
			for _, si := range order {
				lex, buf, forms = lexOf(si, lex, buf, forms)
				o := &oracles[si]
				s.reset(len(lex))
				for !s.terminal() {
					feats = parseFeatures(&s, lex, tags[si], feats)
					clear(scores)
					tr.score(feats, scores)
					share.combine(scores)
					p.costs(&s, o, costs)
					pred, gold, minCost := -1, -1, -1
					for _, c := range costs {
						if c >= 0 && (minCost < 0 || c < minCost) {
							minCost = c
						}
					}
					for c, v := range scores[:nc] {
						if costs[c] < 0 {
							continue
						}
						if pred < 0 || v > scores[pred] {
							pred = c
						}
						if costs[c] == minCost && (gold < 0 || v > scores[gold]) {
							gold = c
						}
					}
					tr.tick()
					if costs[pred] > minCost {
						tr.update(feats, gold, pred)
					} else {
						right++
					}
					total++
					next := gold
					if it >= po.exploreFrom && rng.Float64() < po.explore {
						next = pred
					}
					p.apply(&s, next)
				}
			}
			if log != nil {
				args := []any{"n", it + 1, "transitions right", float64(right) / float64(total), "features", tr.features()}
				if len(seeds) > 1 {
					args = append([]any{"seed", seed}, args...)
				}
				log("parser iteration", args...)
			}
			if dev != nil && (it+1)%3 == 0 {
				dev(&parser{labels: labels, root: p.root, share: share, w: tr.compile(po.minAvg)})
			}
		}
		return tr.averaged()
	}
	parts := make([][]avgRow, len(seeds))
	if len(seeds) == 1 {
		parts[0] = trainOne(seeds[0], dev)
	} else {
		// two at a time: each is independent of the others, so the result
		// does not depend on the order they finish in
		sem := make(chan struct{}, 2)
		done := make(chan struct{})
		for i, seed := range seeds {
			go func() {
				sem <- struct{}{}
				parts[i] = trainOne(seed, nil)
				<-sem
				done <- struct{}{}
			}()
		}
		for range seeds {
			<-done
		}
		if dev != nil {
			for i, part := range parts {
				if log != nil {
					log("parser alone", "seed", seeds[i])
				}
				dev(&parser{labels: labels, root: p.root, share: share, w: pack(part, po.minAvg)})
			}
		}
	}
	avg := mixAverages(parts)
	for _, a := range po.sweep {
		w := pack(avg, a)
		if log != nil {
			log("pruning sweep", "min weight", a, "slots", len(w.slots), "overflow", len(w.rows)/3)
		}
		if dev != nil {
			dev(&parser{labels: labels, root: p.root, share: share, w: w})
		}
	}
	p.w = pack(avg, po.minAvg)
	return p
}

// goldOracle returns a sentence's tree, made projective by lifting: while
// some arc crosses another, the shortest crossing arc is attached to its
// head's head.
func goldOracle(s *Sentence, labelID map[string]uint8) oracle {
	n := len(s.Words)
	o := oracle{head: make([]int32, n), label: make([]uint8, n), deps: make([][]int32, n+1)}
	for i, w := range s.Words {
		h := int32(w.Head - 1)
		if w.Head <= 0 {
			h = int32(n)
		}
		o.head[i] = h
		o.label[i] = labelID[w.Rel]
	}
	projectivize(o.head)
	for i := range n {
		o.deps[o.head[i]] = append(o.deps[o.head[i]], int32(i))
	}
	return o
}

// projectivize lifts non-projective arcs of the tree (head[i] == n for the
// root) until none is left.
func projectivize(head []int32) {
	n := int32(len(head))
	for guard := 0; guard < len(head)*len(head); guard++ {
		best, bestLen := int32(-1), int32(1<<30)
		for d := range n {
			h := head[d]
			if h == n || h < 0 {
				continue
			}
			lo, hi := min(h, d), max(h, d)
			ln := hi - lo
			if ln >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(head, h, k) {
					best, bestLen = d, ln
					break
				}
			}
		}
		if best < 0 {
			return
		}
		head[best] = head[head[best]]
	}
}

// dominates reports whether h is an ancestor of k.
func dominates(head []int32, h, k int32) bool {
	n := int32(len(head))
	for steps := 0; k != n && k >= 0 && steps <= len(head); steps++ {
		k = head[k]
		if k == h {
			return true
		}
	}
	return false
}
