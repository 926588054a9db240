package syntax

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tagClass is one class of the tagger: a universal tag with the Penn tag
// it goes with in the training data.
type tagClass struct {
	UPOS, XPOS string
	xpos       uint8 // index in Model.xpos
}

// FiniteTag reports whether a Penn tag is a finite verb's or a modal's
// (VBD, VBZ, VBP, MD).
func FiniteTag(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" }

// tagger is the compiled part-of-speech tagger.
type tagger struct {
	classes []tagClass
	share   *shared
	w       *weights
	lx      *lexTables
	// propn and propns are one more than the classes PROPN|NNP and
	// PROPN|NNPS; 0 when not known (see Model.nameRuns).
	propn, propns int
	// vbd is one more than the class VERB|VBD; 0 when not known (see
	// Model.finiteVerb); vbn the same for VERB|VBN (Model.participles).
	vbd, vbn int
}

// findNames sets propn and propns from the classes.
func (t *tagger) findNames() {
	t.propn, t.propns, t.vbd, t.vbn = 0, 0, 0, 0
	for i, c := range t.classes {
		switch {
		case c.UPOS == "VERB" && c.XPOS == "VBD":
			t.vbd = i + 1
		case c.UPOS == "VERB" && c.XPOS == "VBN":
			t.vbn = i + 1
		case c.UPOS == "PROPN" && c.XPOS == "NNP":
			t.propn = i + 1
		case c.UPOS == "PROPN" && c.XPOS == "NNPS":
			t.propns = i + 1
		}
	}
}

// uposShare groups the classes by universal tag (share: true), or not.
func uposShare(classes []tagClass, share bool) *shared {
	if !share {
		return noShare(len(classes))
	}
	return groupShare(len(classes), func(c int) string { return classes[c].UPOS })
}

// lexTables are the word tables the models read: amb maps a word's hash to
// the set of Penn tags the training data gave it (bit i: Model.xpos[i]);
// clusters to its word clusters.
type lexTables struct {
	amb, clusters, wordnet *u64map
	// sure maps the frequent words that the training data always gives
	// the same class to that class: they are not classified at all.
	sure *u64map
}

// lexical is what the models read of one word, computed once per word.
type lexical struct {
	w      uint64 // the normalised form
	shape  uint64
	pre    [3]uint64
	suf    [4]uint64
	amb    uint64    // the word's ambiguity class, 0 when unseen
	c      [3]uint64 // its word clusters, coarse to fine
	wn     uint64    // its WordNet signature
	cased  uint64    // the form as written (case kept, digits as 0)
	sure   uint64    // one more than the class the word always has (lexTables.sure), or 0
	cap    bool      // first rune upper case
	hyphen bool
	digit  bool
	title  bool // the sentence is written in title case (a headline)
}

// lexicalize fills lex for the forms.
func lexicalize(forms []string, lx *lexTables, lex []lexical, buf []byte) []byte {
	return lexicalizeKept(forms, lx, lex, buf, nil)
}

// maxKeptWords bounds the words whose lexical features (lexicalizeKept)
// and lemmas (LemmaOf) a goroutine keeps, twice over (wordCache), so that
// memory does not grow with the input.
const maxKeptWords = 1 << 13

// lexicalizeKept is lexicalize that keeps each word's features in kept
// (when not nil), by form, and reads them there the next time: a word's
// features depend on its form alone (but title, which is the sentence's).
func lexicalizeKept(forms []string, lx *lexTables, lex []lexical, buf []byte, kept *wordCache[string, lexical]) []byte {
	for i, f := range forms {
		l := &lex[i]
		if kept != nil {
			if k, ok := kept.get(f); ok {
				*l = k
				continue
			}
		}
		buf = normForm(f, buf)
		l.w = hashBytes(buf)
		l.shape = shape(f)
		l.pre, l.suf = affixes(buf)
		l.amb, _ = lx.amb.get(l.w)
		l.sure = 0
		if c, ok := lx.sure.get(l.w); ok {
			l.sure = c + 1
		}
		for k := range l.c {
			l.c[k] = clusterOf(lx.clusters, l.w, k)
		}
		l.wn = wnSignature(lx.wordnet, buf)
		r, _ := utf8.DecodeRuneInString(f)
		l.cap = unicode.IsUpper(r)
		l.cased = casedHash(f)
		l.hyphen, l.digit = false, false
		for _, c := range buf {
			switch {
			case c == '-':
				l.hyphen = true
			case c == '0':
				l.digit = true
			}
		}
		l.title = false
		if kept != nil {
			// a copy: the form may hold a whole document in memory
			kept.put(strings.Clone(f), *l)
		}
	}
	titled := 0
	for i := range forms {
		if lex[i].cap {
			titled++
		}
	}
	title := len(forms) >= 4 && titled*3 >= len(forms)*2
	for i := range forms {
		lex[i].title = title
	}
	return buf
}

// Tagger feature templates.
const (
	ttBias = iota + 1
	ttW
	ttWm1
	ttWm2
	ttWp1
	ttWp2
	ttPre1
	ttPre2
	ttPre3
	ttSuf1
	ttSuf2
	ttSuf3
	ttSuf4
	ttShape
	ttShapeFirst
	ttFlags
	ttT1
	ttT2
	ttT12
	ttT1W
	ttWm1W
	ttWWp1
	ttSufm1
	ttSufp1
	ttAmbW
	ttAmbP1
	ttAmbP2
	ttAmbP1P2
	ttAmbM1W
	ttT1AmbP1
	ttShapeM1
	ttShapeP1
	ttCased
	ttCapCtx
	ttTitleSent
	ttWm1Wp1
	ttT1Wp1
	ttC0
	ttC1
	ttC2
	ttC1m1
	ttC1p1
	ttC2p1
	ttC1p2
	ttT1C1
	ttC1m1C1
	ttC1C1p1
	ttC2Suf2
	ttWN
	ttWNSuf2
	ttWNFlags
	ttWNp1
	ttWNm1
	ttT1WN
)

// casedHash hashes the form as written, digits as 0.
func casedHash(f string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c >= '0' && c <= '9' {
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return fmix(h)
}

const (
	noWord = 0x5eed0001 // the value of a word slot before or after the sentence
	noTag  = 255
)

// tagFeatures writes the features of word i into feats, given the classes
// already chosen for the words before it.
func tagFeatures(lex []lexical, i int, prev []int, feats []uint64) []uint64 {
	feats = feats[:0]
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
	l := &lex[i]
	w := l.w
	t1, t2 := tag(i-1), tag(i-2)
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
	if i == 0 {
		flags |= 8
	}
	feats = append(feats,
		f1(ttBias, 0),
		f1(ttW, w),
		f1(ttWm1, word(i-1)),
		f1(ttWm2, word(i-2)),
		f1(ttWp1, word(i+1)),
		f1(ttWp2, word(i+2)),
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
		f1(ttT1, t1),
		f1(ttT2, t2),
		f2(ttT12, t1, t2),
		f2(ttT1W, t1, w),
		f2(ttWm1W, word(i-1), w),
		f2(ttWWp1, w, word(i+1)),
		f2(ttAmbW, ambOf(i), w),
		f1(ttAmbP1, ambOf(i+1)),
		f1(ttAmbP2, ambOf(i+2)),
		f2(ttAmbP1P2, ambOf(i+1), ambOf(i+2)),
		f2(ttAmbM1W, ambOf(i-1), w),
		f2(ttT1AmbP1, t1, ambOf(i+1)),
	)
	capAt := func(j int) uint64 {
		if j < 0 || j >= len(lex) {
			return 2
		}
		if lex[j].cap {
			return 1
		}
		return 0
	}
	title := uint64(0)
	if l.title {
		title = 1
	}
	feats = append(feats,
		f1(ttCased, l.cased),
		f3(ttCapCtx, capAt(i-1), capAt(i), capAt(i+1)),
		f3(ttTitleSent, title, l.shape, flags&8),
		f2(ttWm1Wp1, word(i-1), word(i+1)),
		f2(ttT1Wp1, t1, word(i+1)),
		f1(ttC0, l.c[0]),
		f1(ttC1, l.c[1]),
		f1(ttC2, l.c[2]),
		f1(ttC1m1, clus(i-1, 1)),
		f1(ttC1p1, clus(i+1, 1)),
		f1(ttC2p1, clus(i+1, 2)),
		f1(ttC1p2, clus(i+2, 1)),
		f2(ttT1C1, t1, l.c[1]),
		f2(ttC1m1C1, clus(i-1, 1), l.c[1]),
		f2(ttC1C1p1, l.c[1], clus(i+1, 1)),
		f2(ttC2Suf2, l.c[2], l.suf[1]),
		f1(ttWN, l.wn),
		f2(ttWNSuf2, l.wn, l.suf[1]),
		f2(ttWNFlags, l.wn, flags),
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

// tag chooses a class for every word, left to right. names marks the
// words known to be names (see asName); first is the sentence's first
// word that is not a mark, and forms are the words (needed with names).
func (t *tagger) tag(lex []lexical, out []int, names []bool, forms []string, first int, sc *scratch) {
	scores := sc.scores(t.share.total)
	for i := range lex {
		if c := lex[i].sure; c != 0 {
			out[i] = int(c - 1)
		} else {
			copy(scores, t.wordSums(&lex[i], i == 0, sc))
			sc.feats = tagContextFeatures(lex, i, out, sc.feats[:0])
			t.w.score(sc.feats, scores, &sc.sb)
			out[i] = t.share.best(scores)
			if i < len(names) && names[i] && (i <= first || startsLower(forms[i-1])) {
				// (inside a sentence, after a word in lower case: a
				// capitalised word after a mark may open a sentence the
				// splitter missed, "… on Friday) See the list")
				out[i] = t.asName(out[i], i <= first)
			}
		}
	}
}

// asName returns the proper-noun class for a word known to be a name
// that was tagged a common noun or a verb opening its sentence ("Trump
// said"), or a verb inside it ("a loss to Trump in his home state",
// where a capital does not keep "to trump" from being read as a verb),
// else c.
func (t *tagger) asName(c int, opening bool) int {
	switch x := t.classes[c].XPOS; {
	case t.propn == 0:
	case strings.HasPrefix(x, "VB"):
		return t.propn - 1
	case !opening:
	case x == "NNS" && t.propns > 0:
		return t.propns - 1
	case x == "NN" || x == "NNS":
		return t.propn - 1
	}
	return c
}

// trainTagger learns a tagger from sents. classes maps "UPOS|XPOS" to
// a class number; amb is the ambiguity-class table.
func trainTagger(sents []Sentence, classes []tagClass, share *shared, classOf map[string]int, lx *lexTables, iters int, seed uint64, minAvg float64, log func(string, ...any), dev func(*tagger)) *tagger {
	avg := trainTaggerAvg(sents, classes, share, classOf, lx, iters, seed, minAvg, log, dev)
	return &tagger{classes: classes, share: share, w: pack(avg, minAvg), lx: lx}
}

// trainTaggerAvg is trainTagger that returns the averaged weights, for
// mixing.
func trainTaggerAvg(sents []Sentence, classes []tagClass, share *shared, classOf map[string]int, lx *lexTables, iters int, seed uint64, minAvg float64, log func(string, ...any), dev func(*tagger)) []avgRow {
	tr := newTrainer(share)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x7a66))
	var lex []lexical
	var buf []byte
	var feats []uint64
	scores := make([]int32, share.total)
	var forms []string
	var gold, pred []int
	for it := range iters {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			s := &sents[si]
			n := len(s.Words)
			forms, gold, pred = forms[:0], gold[:0], pred[:0]
			for _, w := range s.Words {
				forms = append(forms, w.Form)
				gold = append(gold, classOf[w.UPOS+"|"+w.XPOS])
				pred = append(pred, 0)
			}
			if cap(lex) < n {
				lex = make([]lexical, n)
			}
			lex = lex[:n]
			buf = lexicalize(forms, lx, lex, buf)
			for i := range n {
				if c, ok := lx.sure.get(lex[i].w); ok {
					pred[i] = int(c)
					continue
				}
				feats = tagFeatures(lex, i, pred, feats)
				clear(scores)
				tr.score(feats, scores)
				share.combine(scores)
				p := argmax(scores[:len(classes)], nil)
				tr.tick()
				if p != gold[i] {
					tr.update(feats, gold[i], p)
				} else {
					right++
				}
				total++
				pred[i] = p
			}
		}
		if log != nil {
			log("tagger iteration", "n", it+1, "train accuracy", float64(right)/float64(total), "features", tr.features())
		}
		if dev != nil {
			dev(&tagger{classes: classes, share: share, w: tr.compile(minAvg), lx: lx})
		}
	}
	return tr.averaged()
}
