package syntax

// A parser transition's features are those of parseFeatures, and most of
// them do not change from one transition to the next: those of the
// buffer's first three words change only when a word is shifted, those
// of a word on the stack only when it gets a dependent. So at run time the
// features are read in groups, and the weights of a group are summed once
// and kept while the group stays the same:
//
//   - groupB: the words of b0, b1 and b2 (their forms, tags, clusters);
//   - groupB0: b0's left dependents and what they say of it;
//   - groupS0: s0, its dependents and what they say of it, kept for each
//     word while it has the same dependents (a word back on top of the
//     stack after a LEFT transition has not changed);
//   - groupS1: s1 and its dependents, kept in the same way;
//   - groupStack: s0 with s1 and s2, kept for each word on top of the
//     stack while it has the same dependents: the words under it do not
//     change while it is there, nor do their dependents (RIGHT gives s1
//     a dependent only by popping s0);
//   - groupCross: the rest, which pair s0 or s1 with b0, and change at
//     every transition.
//
// The scores are sums of 32-bit integers, whose order does not matter: a
// transition's scores are exactly those of all its features read at once
// (TestGroupsMatchFeatures checks that the groups hold the same features
// as parseFeatures, which training reads).
const (
	groupB = iota
	groupB0
	groupS0
	groupS1
	groupStack
	groupCross
	nGroups
)

// featView reads the words of a configuration for the features.
type featView struct {
	s *parseState
	// the words' values, from index 1 (0 for "no word", n+1 for the
	// root): what w, p, cl and wp return, looked up rather than chosen
	words []featWord
	n     int32
}

// featWord is what the features read of one word.
type featWord struct {
	w, p, wp uint64
	c        [3]uint64
}

// featWords fills s.words for the sentence, if it is not yet.
func (s *parseState) featWords(lex []lexical, tags []uint8) []featWord {
	n := s.n
	if len(s.words) == n+2 {
		return s.words
	}
	if cap(s.words) < n+2 {
		s.words = make([]featWord, n+2, 2*(n+2))
	}
	ws := s.words[:n+2]
	ws[0] = featWord{w: noWord, p: noTag, c: [3]uint64{noWord, noWord, noWord}}
	ws[n+1] = featWord{w: rootWord, p: rootTag, c: [3]uint64{rootWord, rootWord, rootWord}}
	for i := range n {
		ws[i+1] = featWord{w: lex[i].w, p: uint64(tags[i]), c: lex[i].c}
	}
	for i := range ws {
		ws[i].wp = f1(1, ws[i].w^ws[i].p<<56)
	}
	s.words = ws
	return ws
}

func (v *featView) w(i int32) uint64         { return v.words[i+1].w }
func (v *featView) p(i int32) uint64         { return v.words[i+1].p }
func (v *featView) cl(i int32, k int) uint64 { return v.words[i+1].c[k] }
func (v *featView) wp(i int32) uint64        { return v.words[i+1].wp }

func (v *featView) lab(i int32) uint64 {
	if i < 0 || i == v.n || v.s.head[i] < 0 {
		return noLabel
	}
	return uint64(v.s.label[i])
}

func (v *featView) child(i int32, of []int32) int32 {
	if i < 0 || i == v.n {
		return -1
	}
	return of[i]
}

// groupFeatures writes the features of group g of the configuration into
// feats.
func groupFeatures(g int, s *parseState, lex []lexical, tags []uint8, feats []uint64) []uint64 {
	v := featView{s: s, words: s.featWords(lex, tags), n: int32(s.n)}
	feats = feats[:0]
	switch g {
	case groupB:
		b0, b1, b2 := s.bu(0), s.bu(1), s.bu(2)
		b0p, b1p, b2p := v.p(b0), v.p(b1), v.p(b2)
		return append(feats,
			f1(ptB0w, v.w(b0)), f1(ptB0p, b0p), f1(ptB0wp, v.wp(b0)),
			f1(ptB1w, v.w(b1)), f1(ptB1p, b1p), f1(ptB1wp, v.wp(b1)),
			f1(ptB2w, v.w(b2)), f1(ptB2p, b2p), f1(ptB2wp, v.wp(b2)),
			f2(ptB0pB1p, b0p, b1p), f3(ptB0pB1pB2p, b0p, b1p, b2p),
			f1(ptB0c1, v.cl(b0, 1)), f1(ptB1c1, v.cl(b1, 1)), f1(ptB0c2, v.cl(b0, 2)),
		)
	case groupB0:
		n := v.n
		b0 := s.bu(0)
		b0w, b0p := v.w(b0), v.p(b0)
		b0l1, b0l2 := v.child(b0, s.lc1), v.child(b0, s.lc2)
		var b0vl uint64 = 99
		var b0sl uint64 = 1 << 63
		if b0 >= 0 && b0 < n {
			b0vl, b0sl = uint64(s.nl[b0]), s.lset[b0]
		}
		return append(feats,
			f1(ptB0l1w, v.w(b0l1)), f1(ptB0l1p, v.p(b0l1)), f1(ptB0l1l, v.lab(b0l1)),
			f1(ptB0l2w, v.w(b0l2)), f1(ptB0l2p, v.p(b0l2)), f1(ptB0l2l, v.lab(b0l2)),
			f3(ptB0pB0l1pB0l2p, b0p, v.p(b0l1), v.p(b0l2)),
			f2(ptB0wVl, b0w, b0vl), f2(ptB0pVl, b0p, b0vl),
			f2(ptB0wBl, b0w, b0sl), f2(ptB0pBl, b0p, b0sl),
		)
	case groupS0:
		s0 := s.st(0)
		s0w, s0p := v.w(s0), v.p(s0)
		s0l1, s0l2, s0r1, s0r2 := v.child(s0, s.lc1), v.child(s0, s.lc2), v.child(s0, s.rc1), v.child(s0, s.rc2)
		var s0vl, s0vr uint64 = 99, 99
		var s0sl, s0sr uint64 = 1 << 63, 1 << 63
		if s0 >= 0 {
			s0vl, s0vr, s0sl, s0sr = uint64(s.nl[s0]), uint64(s.nr[s0]), s.lset[s0], s.rset[s0]
		}
		return append(feats,
			f1(ptS0w, s0w), f1(ptS0p, s0p), f1(ptS0wp, v.wp(s0)),
			f1(ptS0l1w, v.w(s0l1)), f1(ptS0l1p, v.p(s0l1)), f1(ptS0l1l, v.lab(s0l1)),
			f1(ptS0r1w, v.w(s0r1)), f1(ptS0r1p, v.p(s0r1)), f1(ptS0r1l, v.lab(s0r1)),
			f1(ptS0l2w, v.w(s0l2)), f1(ptS0l2p, v.p(s0l2)), f1(ptS0l2l, v.lab(s0l2)),
			f1(ptS0r2w, v.w(s0r2)), f1(ptS0r2p, v.p(s0r2)), f1(ptS0r2l, v.lab(s0r2)),
			f3(ptS0pS0l1pS0l2p, s0p, v.p(s0l1), v.p(s0l2)), f3(ptS0pS0r1pS0r2p, s0p, v.p(s0r1), v.p(s0r2)),
			f2(ptS0wVr, s0w, s0vr), f2(ptS0pVr, s0p, s0vr), f2(ptS0wVl, s0w, s0vl), f2(ptS0pVl, s0p, s0vl),
			f2(ptS0wSr, s0w, s0sr), f2(ptS0pSr, s0p, s0sr), f2(ptS0wSl, s0w, s0sl), f2(ptS0pSl, s0p, s0sl),
			f1(ptS0c1, v.cl(s0, 1)), f1(ptS0c2, v.cl(s0, 2)),
		)
	case groupS1:
		s1 := s.st(1)
		s1w, s1p := v.w(s1), v.p(s1)
		s1l1, s1r1, s1r2 := v.child(s1, s.lc1), v.child(s1, s.rc1), v.child(s1, s.rc2)
		var s1vl, s1vr uint64 = 99, 99
		var s1sl, s1sr uint64 = 1 << 63, 1 << 63
		if s1 >= 0 {
			s1vl, s1vr, s1sl, s1sr = uint64(s.nl[s1]), uint64(s.nr[s1]), s.lset[s1], s.rset[s1]
		}
		return append(feats,
			f1(ptS1w, s1w), f1(ptS1p, s1p), f1(ptS1wp, v.wp(s1)),
			f1(ptS1r1w, v.w(s1r1)), f1(ptS1r1p, v.p(s1r1)), f1(ptS1r1l, v.lab(s1r1)),
			f1(ptS1l1p, v.p(s1l1)), f1(ptS1l1l, v.lab(s1l1)),
			f1(ptS1r2p, v.p(s1r2)), f1(ptS1r2l, v.lab(s1r2)),
			f3(ptS1pS1r1pS1r2p, s1p, v.p(s1r1), v.p(s1r2)),
			f2(ptS1wVr, s1w, s1vr), f2(ptS1pVr, s1p, s1vr), f2(ptS1pVl, s1p, s1vl),
			f2(ptS1pSr, s1p, s1sr), f2(ptS1pSl, s1p, s1sl),
			f1(ptS1c1, v.cl(s1, 1)),
		)
	}
	n := v.n
	s0, s1, s2 := s.st(0), s.st(1), s.st(2)
	s0l1, s0r1 := v.child(s0, s.lc1), v.child(s0, s.rc1)
	s0w, s0p, s1w, s1p := v.w(s0), v.p(s0), v.w(s1), v.p(s1)
	s0wp := v.wp(s0)
	if g == groupStack {
		s1l1, s1r1 := v.child(s1, s.lc1), v.child(s1, s.rc1)
		s2p, s1wp := v.p(s2), v.wp(s1)
		var d2 uint64
		if s1 >= 0 {
			d2 = uint64(min(s0-s1, 10))
		}
		return append(feats,
			f1(ptS2p, s2p),
			f2(ptS1wpS0wp, s1wp, s0wp), f2(ptS1wpS0w, s1wp, s0w), f2(ptS1wS0wp, s1w, s0wp),
			f2(ptS1wpS0p, s1wp, s0p), f2(ptS1pS0wp, s1p, s0wp), f2(ptS1wS0w, s1w, s0w),
			f2(ptS1pS0p, s1p, s0p),
			f3(ptS2pS1pS0p, s2p, s1p, s0p),
			f3(ptS1pS1r1pS0p, s1p, v.p(s1r1), s0p),
			f3(ptS1pS1l1pS0p, s1p, v.p(s1l1), s0p), f3(ptS1pS0pS0l1p, s1p, s0p, v.p(s0l1)),
			f3(ptS1pS0pS0r1p, s1p, s0p, v.p(s0r1)),
			f3(ptS1wS0wD2, s1w, s0w, d2), f3(ptS1pS0pD2, s1p, s0p, d2),
			f3(ptS1pS1r1lS0p, s1p, v.lab(s1r1), s0p),
			f2(ptS1c1S0c1, v.cl(s1, 1), v.cl(s0, 1)), f2(ptS1c1S0p, v.cl(s1, 1), s0p), f2(ptS1pS0c1, s1p, v.cl(s0, 1)),
		)
	}
	b0, b1 := s.bu(0), s.bu(1)
	b0l1 := v.child(b0, s.lc1)
	b0w, b0p, b1p := v.w(b0), v.p(b0), v.p(b1)
	b0wp := v.wp(b0)
	var d uint64
	if s0 >= 0 && b0 >= 0 {
		d = uint64(min(b0-s0, 10))
		if b0 == n {
			d = 15
		}
	}
	return append(feats,
		f2(ptS0wpB0wp, s0wp, b0wp), f2(ptS0wpB0w, s0wp, b0w), f2(ptS0wB0wp, s0w, b0wp),
		f2(ptS0wpB0p, s0wp, b0p), f2(ptS0pB0wp, s0p, b0wp), f2(ptS0wB0w, s0w, b0w),
		f2(ptS0pB0p, s0p, b0p), f2(ptS1wB0w, s1w, b0w), f2(ptS1pB0p, s1p, b0p),
		f3(ptS0pB0pB1p, s0p, b0p, b1p), f3(ptS1pS0pB0p, s1p, s0p, b0p),
		f3(ptS0pS0l1pB0p, s0p, v.p(s0l1), b0p), f3(ptS0pS0r1pB0p, s0p, v.p(s0r1), b0p),
		f3(ptS0pB0pB0l1p, s0p, b0p, v.p(b0l1)),
		f2(ptS0wD, s0w, d), f2(ptS0pD, s0p, d), f2(ptB0wD, b0w, d), f2(ptB0pD, b0p, d),
		f3(ptS0wB0wD, s0w, b0w, d), f3(ptS0pB0pD, s0p, b0p, d),
		f3(ptS0pS0r1lB0p, s0p, v.lab(s0r1), b0p), f3(ptS0pS0l1lB0p, s0p, v.lab(s0l1), b0p),
		f2(ptS0c1B0c1, v.cl(s0, 1), v.cl(b0, 1)), f2(ptS0c1B0p, v.cl(s0, 1), b0p), f2(ptS0pB0c1, s0p, v.cl(b0, 1)),
		f3(ptS0c0B0c0B1c0, v.cl(s0, 0), v.cl(b0, 0), v.cl(b1, 0)), f3(ptS1c0S0c0B0c0, v.cl(s1, 0), v.cl(s0, 0), v.cl(b0, 0)),
		f2(ptS0wB0c1, s0w, v.cl(b0, 1)), f2(ptS0c1B0w, v.cl(s0, 1), b0w),
	)
}
