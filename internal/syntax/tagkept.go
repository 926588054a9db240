package syntax

// Of a word's tagger features (tagFeatures), 22 read only the word itself
// (its form, and whether it opens the sentence and the sentence is a
// headline): the same word has the same. A goroutine keeps the summed
// weights of these for the words it has seen, in a table of keptWords
// entries indexed by the word, and reads only the other features of a
// word it finds there. The key is the word's lexical features themselves,
// which are all these features read: a word found in the table has
// exactly the weights kept (TestTagMatchesReference; TestTagFeatureSplit
// checks that the two lists are tagFeatures).

// keptWords is the size of the table of kept words: a power of two.
const keptWords = 512

type tagKey struct {
	lex   lexical
	first bool // the word opens its sentence
	used  bool
}

type keptWord struct {
	key  tagKey
	sums [denseStride]int32
}

// tagFlags returns the flags features of word l.
func tagFlags(l *lexical, first bool) uint64 {
	var flags uint64
	if l.cap {
		flags |= 1
	}
	if l.hyphen {
		flags |= 2
	}
	if l.digit {
		flags |= 4
	}
	if first {
		flags |= 8
	}
	return flags
}

// tagWordFeatures appends the features of word l that read only the word.
func tagWordFeatures(l *lexical, first bool, feats []uint64) []uint64 {
	flags := tagFlags(l, first)
	title := uint64(0)
	if l.title {
		title = 1
	}
	w := l.w
	return append(feats,
		f1(ttBias, 0),
		f1(ttW, w),
		f1(ttPre1, l.pre[0]),
		f1(ttPre2, l.pre[1]),
		f1(ttPre3, l.pre[2]),
		f1(ttSuf1, l.suf[0]),
		f1(ttSuf2, l.suf[1]),
		f1(ttSuf3, l.suf[2]),
		f1(ttSuf4, l.suf[3]),
		f1(ttShape, l.shape),
		f2(ttShapeFirst, l.shape, flags&8),
		f1(ttFlags, flags),
		f2(ttAmbW, l.amb, w),
		f1(ttCased, l.cased),
		f3(ttTitleSent, title, l.shape, flags&8),
		f1(ttC0, l.c[0]),
		f1(ttC1, l.c[1]),
		f1(ttC2, l.c[2]),
		f2(ttC2Suf2, l.c[2], l.suf[1]),
		f1(ttWN, l.wn),
		f2(ttWNSuf2, l.wn, l.suf[1]),
		f2(ttWNFlags, l.wn, flags),
	)
}

// tagContextFeatures appends the other features of word i: those that read
// the words around it and the classes chosen before it.
func tagContextFeatures(lex []lexical, i int, prev []int, feats []uint64) []uint64 {
	word := func(j int) uint64 {
		if j < 0 || j >= len(lex) {
			return noWord
		}
		return lex[j].w
	}
	ambOf := func(j int) uint64 {
		if j < 0 || j >= len(lex) {
			return noWord
		}
		return lex[j].amb
	}
	wnOf := func(j int) uint64 {
		if j < 0 || j >= len(lex) {
			return noWord
		}
		return lex[j].wn
	}
	clus := func(j, k int) uint64 {
		if j < 0 || j >= len(lex) {
			return noWord
		}
		return lex[j].c[k]
	}
	tag := func(j int) uint64 {
		if j < 0 {
			return noTag
		}
		return uint64(prev[j])
	}
	capAt := func(j int) uint64 {
		if j < 0 || j >= len(lex) {
			return 2
		}
		if lex[j].cap {
			return 1
		}
		return 0
	}
	l := &lex[i]
	w := l.w
	t1, t2 := tag(i-1), tag(i-2)
	feats = append(feats,
		f1(ttWm1, word(i-1)),
		f1(ttWm2, word(i-2)),
		f1(ttWp1, word(i+1)),
		f1(ttWp2, word(i+2)),
		f1(ttT1, t1),
		f1(ttT2, t2),
		f2(ttT12, t1, t2),
		f2(ttT1W, t1, w),
		f2(ttWm1W, word(i-1), w),
		f2(ttWWp1, w, word(i+1)),
		f1(ttAmbP1, ambOf(i+1)),
		f1(ttAmbP2, ambOf(i+2)),
		f2(ttAmbP1P2, ambOf(i+1), ambOf(i+2)),
		f2(ttAmbM1W, ambOf(i-1), w),
		f2(ttT1AmbP1, t1, ambOf(i+1)),
		f3(ttCapCtx, capAt(i-1), capAt(i), capAt(i+1)),
		f2(ttWm1Wp1, word(i-1), word(i+1)),
		f2(ttT1Wp1, t1, word(i+1)),
		f1(ttC1m1, clus(i-1, 1)),
		f1(ttC1p1, clus(i+1, 1)),
		f1(ttC2p1, clus(i+1, 2)),
		f1(ttC1p2, clus(i+2, 1)),
		f2(ttT1C1, t1, l.c[1]),
		f2(ttC1m1C1, clus(i-1, 1), l.c[1]),
		f2(ttC1C1p1, l.c[1], clus(i+1, 1)),
		f1(ttWNp1, wnOf(i+1)),
		f1(ttWNm1, wnOf(i-1)),
		f2(ttT1WN, t1, l.wn),
	)
	if i > 0 {
		feats = append(feats, f1(ttSufm1, lex[i-1].suf[2]), f1(ttShapeM1, lex[i-1].shape))
	}
	if i+1 < len(lex) {
		feats = append(feats, f1(ttSufp1, lex[i+1].suf[2]), f1(ttShapeP1, lex[i+1].shape))
	}
	return feats
}

// wordSums returns the summed weights of the word features of l (first:
// it opens its sentence), from the goroutine's table or computed and
// kept there.
func (t *tagger) wordSums(l *lexical, first bool, sc *scratch) []int32 {
	if sc.tagWords == nil {
		sc.tagWords = make([]keptWord, keptWords)
	}
	h := l.cased ^ l.w*mulA
	if first {
		h ^= mulB
	}
	e := &sc.tagWords[fmix(h)&(keptWords-1)]
	k := tagKey{lex: *l, first: first, used: true}
	if e.key != k {
		clear(e.sums[:])
		sc.feats = tagWordFeatures(l, first, sc.feats[:0])
		t.w.score(sc.feats, e.sums[:], &sc.sb)
		e.key = k
	}
	return e.sums[:]
}
