package text

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/jdkato/prose/v2"
)

// The averaged-perceptron part-of-speech model shipped inside prose v2
// (a port of TextBlob's tagger, trained on the Penn Treebank). prose only
// tags the output of its own tokenizer, which has no offsets, so we read
// its weights and run the inference ourselves on our own tokens.
const (
	modelClasses = "model/AveragedPerceptron/classes.gob"
	modelTags    = "model/AveragedPerceptron/tags.gob"
	modelWeights = "model/AveragedPerceptron/weights.gob"
)

// maxClasses bounds the tag set; the shipped model has 45-odd tags.
const maxClasses = 64

// tagger is a compiled, read-only averaged perceptron.
type tagger struct {
	classes []string
	// known holds words the training data always tagged the same way.
	known map[string]uint8
	// Feature f's weights are wts[off[f]:off[f+1]], each with its class
	// index: kept side by side, one cache miss reads both.
	off []uint32
	wts []classWeight

	// The model names features by strings ("i-1 word the"); inference
	// looks them up by ids instead, so that a word's forms are looked up
	// once per token rather than once per feature. A feature string is a
	// template's prefix followed by one value (a word, suffix or tag) or
	// two values joined by a space.
	//
	// vals maps every value string to its id.
	vals map[string]int32
	// single gives, per value id, the feature of each one-value template
	// with that value, or -1.
	single [][nSingle]int32
	// tagTag and tagWord map the ids of two values to the feature of the
	// two-value templates "i tag+i-2 tag" and "i-1 tag+i word".
	tagTag, tagWord map[uint64]int32
	// pairStr holds the two-value features that cannot be split into two
	// values without spaces, by their full name.
	pairStr map[string]int32
	// bias is the bias feature, or -1.
	bias int32
	// sufVal is, per value id, the value id of the value's suffix3, or -1.
	sufVal []int32
	// classVal is each class's value id, or -1.
	classVal []int32
	// byteVal is the value id of each one-byte string, or -1.
	byteVal [256]int32
}

// classWeight is a feature's weight for one class.
type classWeight struct {
	w float64
	c uint8
}

// The model's feature templates, in the order inference adds them.
const (
	ftBias       = "bias"
	ftSuffix     = "i suffix "
	ftPref1      = "i pref1 "
	ftPrevTag    = "i-1 tag "
	ftPrev2Tag   = "i-2 tag "
	ftTagTag     = "i tag+i-2 tag "
	ftWord       = "i word "
	ftTagWord    = "i-1 tag+i word "
	ftPrevWord   = "i-1 word "
	ftPrevSuffix = "i-1 suffix "
	ftPrev2Word  = "i-2 word "
	ftNextWord   = "i+1 word "
	ftNextSuffix = "i+1 suffix "
	ftNext2Word  = "i+2 word "
)

// Indexes of the one-value templates in tagger.single.
const (
	tSuffix = iota
	tPref1
	tPrevTag
	tPrev2Tag
	tWord
	tPrevWord
	tPrevSuffix
	tPrev2Word
	tNextWord
	tNextSuffix
	tNext2Word
	nSingle
)

// singlePrefixes returns the prefixes of the one-value templates, by
// index.
func singlePrefixes() [nSingle]string {
	return [nSingle]string{
		tSuffix: ftSuffix, tPref1: ftPref1, tPrevTag: ftPrevTag, tPrev2Tag: ftPrev2Tag,
		tWord: ftWord, tPrevWord: ftPrevWord, tPrevSuffix: ftPrevSuffix, tPrev2Word: ftPrev2Word,
		tNextWord: ftNextWord, tNextSuffix: ftNextSuffix, tNext2Word: ftNext2Word,
	}
}

// pairKey is the key of tagTag and tagWord.
func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// valID returns the id of a value string, or -1 when no feature has it.
func (t *tagger) valID(v []byte) int32 {
	if id, ok := t.vals[string(v)]; ok {
		return id
	}
	return -1
}

// valIDString is valID for a string.
func (t *tagger) valIDString(v string) int32 {
	if id, ok := t.vals[v]; ok {
		return id
	}
	return -1
}

// index builds the id-based lookup tables from the features by name.
func (t *tagger) index(feats map[string]int32) {
	t.vals = make(map[string]int32)
	t.tagTag = make(map[uint64]int32)
	t.tagWord = make(map[uint64]int32)
	t.pairStr = make(map[string]int32)
	t.bias = -1
	id := func(v string) int32 {
		if x, ok := t.vals[v]; ok {
			return x
		}
		x := int32(len(t.single))
		t.vals[v] = x
		var row [nSingle]int32
		for k := range row {
			row[k] = -1
		}
		t.single = append(t.single, row)
		return x
	}
	prefixes := singlePrefixes()
	// Go through the features in a fixed order, so that ids do not depend
	// on map order.
	names := make([]string, 0, len(feats))
	for f := range feats {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		fi := feats[f]
		if f == ftBias {
			t.bias = fi
			continue
		}
		if pair, m := pairTemplate(f, t.tagTag, t.tagWord); pair != "" {
			rest := f[len(pair):]
			sp := strings.IndexByte(rest, ' ')
			if sp < 0 || strings.IndexByte(rest[sp+1:], ' ') >= 0 {
				t.pairStr[f] = fi
				continue
			}
			m[pairKey(id(rest[:sp]), id(rest[sp+1:]))] = fi
			continue
		}
		for k, p := range prefixes {
			if strings.HasPrefix(f, p) {
				t.single[id(f[len(p):])][k] = fi
				break
			}
		}
	}
	t.sufVal = make([]int32, len(t.single))
	for v, x := range t.vals {
		t.sufVal[x] = t.valIDString(suffix3(v))
	}
	t.classVal = make([]int32, len(t.classes))
	for i, c := range t.classes {
		t.classVal[i] = t.valID([]byte(c))
	}
	for b := range t.byteVal {
		t.byteVal[b] = t.valID([]byte{byte(b)})
	}
}

// pairTemplate returns the prefix of f's two-value template and the map
// its features go in, or "" when f has one value.
func pairTemplate(f string, tagTag, tagWord map[uint64]int32) (string, map[uint64]int32) {
	switch {
	case strings.HasPrefix(f, ftTagTag):
		return ftTagTag, tagTag
	case strings.HasPrefix(f, ftTagWord):
		return ftTagWord, tagWord
	}
	return "", nil
}

func loadTagger() (*tagger, error) {
	var classes []string
	var tags map[string]string
	var weights map[string]map[string]float64
	for _, a := range []struct {
		name string
		into any
	}{{modelClasses, &classes}, {modelTags, &tags}, {modelWeights, &weights}} {
		raw, err := prose.Asset(a.name)
		if err != nil {
			return nil, fmt.Errorf("pos model %s: %w", a.name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("pos model %s: %w", a.name, err)
		}
	}
	if len(classes) == 0 || len(classes) > maxClasses {
		return nil, fmt.Errorf("pos model: %d classes, want 1..%d", len(classes), maxClasses)
	}
	t := &tagger{
		classes: classes,
		known:   make(map[string]uint8, len(tags)),
		off:     make([]uint32, 1, len(weights)+1),
	}
	feats := make(map[string]int32, len(weights))
	index := make(map[string]uint8, len(classes))
	for i, c := range classes {
		index[c] = uint8(i)
	}
	for w, tag := range tags {
		c, ok := index[tag]
		if !ok {
			return nil, fmt.Errorf("pos model: word %q has unknown tag %q", w, tag)
		}
		t.known[w] = c
	}
	// Sort the features so that the compiled layout does not depend on
	// map order.
	names := make([]string, 0, len(weights))
	for f := range weights {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		ws := weights[f]
		labels := make([]string, 0, len(ws))
		for l, v := range ws {
			if v != 0 {
				labels = append(labels, l)
			}
		}
		if len(labels) == 0 {
			continue
		}
		sort.Slice(labels, func(i, j int) bool { return index[labels[i]] < index[labels[j]] })
		for _, l := range labels {
			c, ok := index[l]
			if !ok {
				return nil, fmt.Errorf("pos model: feature %q has unknown class %q", f, l)
			}
			t.wts = append(t.wts, classWeight{w: ws[l], c: c})
		}
		feats[f] = int32(len(t.off) - 1)
		t.off = append(t.off, uint32(len(t.wts)))
	}
	t.index(feats)
	return t, nil
}

// tagScratch is per-call working memory for the tagger.
type tagScratch struct {
	key   []byte
	arena []byte  // normalised context words
	norm  []int32 // token i's normalised word is arena[norm[2i]:norm[2i+1]]
	// wid and sid are the value ids of context word i's normalised form
	// and of its suffix, at index i+2 (idUnset until looked up).
	wid, sid []int32
}

// idUnset marks a value id not looked up yet.
const idUnset = -2

const (
	ctxStart  = "-START-"
	ctxStart2 = "-START2-"
	ctxEnd    = "-END-"
	ctxEnd2   = "-END2-"
)

// tag assigns a class index to each word of one sentence, given in the
// form the model was trained on (Penn quotes, "--", "..."). fixed[i],
// when not empty, is a tag decided by rule; it still feeds the context.
// The tags are written to out.
func (t *tagger) tag(words, fixed, out []string, s *tagScratch) {
	n := len(words)
	// The arena starts with the four sentinels, then each word's form.
	s.arena = append(append(append(append(s.arena[:0], ctxStart...), ctxStart2...), ctxEnd...), ctxEnd2...)
	const (
		s1 = len(ctxStart)
		s2 = s1 + len(ctxStart2)
		e1 = s2 + len(ctxEnd)
		e2 = e1 + len(ctxEnd2)
	)
	if cap(s.norm) < 2*n {
		s.norm = make([]int32, 2*n)
	}
	s.norm = s.norm[:2*n]
	for i, w := range words {
		s.norm[2*i] = int32(len(s.arena))
		s.arena = appendNorm(s.arena, w)
		s.norm[2*i+1] = int32(len(s.arena))
	}
	if cap(s.wid) < n+4 {
		s.wid = make([]int32, n+4)
		s.sid = make([]int32, n+4)
	}
	s.wid, s.sid = s.wid[:n+4], s.sid[:n+4]
	for i := range s.wid {
		s.wid[i], s.sid[i] = idUnset, idUnset
	}
	ctx := func(i int) []byte {
		switch {
		case i == -2:
			return s.arena[:s1]
		case i == -1:
			return s.arena[s1:s2]
		case i == n:
			return s.arena[s2:e1]
		case i > n:
			return s.arena[e1:e2]
		}
		return s.arena[s.norm[2*i]:s.norm[2*i+1]]
	}
	// word and suffix return the value ids of context word i (-2 ≤ i ≤
	// n+1) and of its suffix.
	word := func(i int) int32 {
		if s.wid[i+2] == idUnset {
			s.wid[i+2] = t.valID(ctx(i))
		}
		return s.wid[i+2]
	}
	suffix := func(i int) int32 {
		if s.sid[i+2] == idUnset {
			if w := word(i); w >= 0 {
				s.sid[i+2] = t.sufVal[w]
			} else {
				s.sid[i+2] = t.valID(suffix3b(ctx(i)))
			}
		}
		return s.sid[i+2]
	}
	// The previous two tags, their value ids and whether they have spaces.
	p1, p2 := ctxStart, ctxStart2
	p1id, p2id := t.valID(s.arena[:s1]), t.valID(s.arena[s1:s2])
	p1sp, p2sp := false, false
	var scores [maxClasses]float64
	nc := len(t.classes)
	for i, w := range words {
		if fixed != nil && fixed[i] != "" {
			out[i] = fixed[i]
			p2, p1 = p1, fixed[i]
			p2id, p1id = p1id, t.valIDString(fixed[i])
			p2sp, p1sp = p1sp, strings.IndexByte(fixed[i], ' ') >= 0
			continue
		}
		var c uint8
		if k, ok := t.known[w]; ok {
			c = k
		} else {
			for j := range scores[:nc] {
				scores[j] = 0
			}
			// The features are added in the model's order, so that the
			// sums are the same to the last bit.
			t.add(&scores, t.bias)
			t.addSingle(&scores, tSuffix, t.valIDString(suffix3(w)))
			if w != "" {
				t.addSingle(&scores, tPref1, t.byteVal[w[0]])
			} else {
				t.addSingle(&scores, tPref1, t.valID(nil))
			}
			t.addSingle(&scores, tPrevTag, p1id)
			t.addSingle(&scores, tPrev2Tag, p2id)
			if p1sp || p2sp {
				s.key = append(append(append(append(s.key[:0], ftTagTag...), p1...), ' '), p2...)
				t.addStr(&scores, s.key)
			} else {
				t.addPair(&scores, t.tagTag, p1id, p2id)
			}
			t.addSingle(&scores, tWord, word(i))
			if cur := ctx(i); p1sp || bytes.IndexByte(cur, ' ') >= 0 {
				s.key = append(append(append(append(s.key[:0], ftTagWord...), p1...), ' '), cur...)
				t.addStr(&scores, s.key)
			} else {
				t.addPair(&scores, t.tagWord, p1id, word(i))
			}
			t.addSingle(&scores, tPrevWord, word(i-1))
			t.addSingle(&scores, tPrevSuffix, suffix(i-1))
			t.addSingle(&scores, tPrev2Word, word(i-2))
			t.addSingle(&scores, tNextWord, word(i+1))
			t.addSingle(&scores, tNextSuffix, suffix(i+1))
			t.addSingle(&scores, tNext2Word, word(i+2))
			best := math.Inf(-1)
			for j, v := range scores[:nc] {
				if v > best {
					best, c = v, uint8(j)
				}
			}
		}
		out[i] = t.classes[c]
		p2, p1 = p1, out[i]
		p2id, p1id = p1id, t.classVal[c]
		p2sp, p1sp = p1sp, false
	}
}

// add adds feature f's weights to the scores; f < 0 is no feature.
func (t *tagger) add(scores *[maxClasses]float64, f int32) {
	if f < 0 {
		return
	}
	for _, cw := range t.wts[t.off[f]:t.off[f+1]] {
		scores[cw.c&(maxClasses-1)] += cw.w
	}
}

// addSingle adds the feature of one-value template k with value v.
func (t *tagger) addSingle(scores *[maxClasses]float64, k int, v int32) {
	if v >= 0 {
		t.add(scores, t.single[v][k])
	}
}

// addPair adds the two-value feature of m with values a and b.
func (t *tagger) addPair(scores *[maxClasses]float64, m map[uint64]int32, a, b int32) {
	if a < 0 || b < 0 {
		return
	}
	if f, ok := m[pairKey(a, b)]; ok {
		t.add(scores, f)
	}
}

// addStr adds the two-value feature named key, for values with spaces.
func (t *tagger) addStr(scores *[maxClasses]float64, key []byte) {
	if f, ok := t.pairStr[string(key)]; ok {
		t.add(scores, f)
	}
}

func suffix3(w string) string {
	if len(w) > 3 {
		return w[len(w)-3:]
	}
	return w
}

func suffix3b(w []byte) []byte {
	if len(w) > 3 {
		return w[len(w)-3:]
	}
	return w
}

// appendNorm appends the model's normalised form of a context word:
// "!HYPHEN" for hyphenated words, "!YEAR" for four-character integers,
// "!DIGITS" for anything else starting with a digit, else lower case.
func appendNorm(b []byte, w string) []byte {
	if w == "" {
		return b
	}
	if w[0] != '-' && containsByte(w, '-') {
		return append(b, "!HYPHEN"...)
	}
	if len(w) == 4 && isInteger(w) {
		return append(b, "!YEAR"...)
	}
	if '0' <= w[0] && w[0] <= '9' {
		return append(b, "!DIGITS"...)
	}
	return appendLower(b, w)
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// isInteger reports whether s is an optionally signed run of ASCII digits.
func isInteger(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
