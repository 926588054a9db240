package text

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"sort"

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
	// feats maps a feature string to its index f; the feature's weights
	// are cls[off[f]:off[f+1]] (class indexes) and wts[...] (weights).
	feats map[string]int32
	off   []uint32
	cls   []uint8
	wts   []float64
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
		feats:   make(map[string]int32, len(weights)),
		off:     make([]uint32, 1, len(weights)+1),
	}
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
			t.cls = append(t.cls, c)
			t.wts = append(t.wts, ws[l])
		}
		t.feats[f] = int32(len(t.off) - 1)
		t.off = append(t.off, uint32(len(t.cls)))
	}
	return t, nil
}

// tagScratch is per-call working memory for the tagger.
type tagScratch struct {
	key   []byte
	arena []byte  // normalised context words
	norm  []int32 // token i's normalised word is arena[norm[2i]:norm[2i+1]]
}

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
	p1, p2 := ctxStart, ctxStart2
	var scores [maxClasses]float64
	nc := len(t.classes)
	for i, w := range words {
		if fixed != nil && fixed[i] != "" {
			out[i] = fixed[i]
			p2, p1 = p1, fixed[i]
			continue
		}
		var c uint8
		if k, ok := t.known[w]; ok {
			c = k
		} else {
			for j := range scores[:nc] {
				scores[j] = 0
			}
			add := func(key []byte) {
				f, ok := t.feats[string(key)]
				if !ok {
					return
				}
				for x := t.off[f]; x < t.off[f+1]; x++ {
					scores[t.cls[x]] += t.wts[x]
				}
			}
			cur, prev, next := ctx(i), ctx(i-1), ctx(i+1)
			k := s.key
			add(append(k[:0], "bias"...))
			add(append(append(k[:0], "i suffix "...), suffix3(w)...))
			if w != "" {
				add(append(append(k[:0], "i pref1 "...), w[0]))
			} else {
				add(append(k[:0], "i pref1 "...))
			}
			add(append(append(k[:0], "i-1 tag "...), p1...))
			add(append(append(k[:0], "i-2 tag "...), p2...))
			add(append(append(append(append(k[:0], "i tag+i-2 tag "...), p1...), ' '), p2...))
			add(append(append(k[:0], "i word "...), cur...))
			add(append(append(append(append(k[:0], "i-1 tag+i word "...), p1...), ' '), cur...))
			add(append(append(k[:0], "i-1 word "...), prev...))
			add(append(append(k[:0], "i-1 suffix "...), suffix3b(prev)...))
			add(append(append(k[:0], "i-2 word "...), ctx(i-2)...))
			add(append(append(k[:0], "i+1 word "...), next...))
			add(append(append(k[:0], "i+1 suffix "...), suffix3b(next)...))
			k = append(append(k[:0], "i+2 word "...), ctx(i+2)...)
			add(k)
			s.key = k
			best := math.Inf(-1)
			for j, v := range scores[:nc] {
				if v > best {
					best, c = v, uint8(j)
				}
			}
		}
		out[i] = t.classes[c]
		p2, p1 = p1, out[i]
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
