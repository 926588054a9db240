package text

import (
	"bytes"
	"encoding/gob"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// referenceTag is a plain, slow implementation of the averaged-perceptron
// inference on the raw model maps, written for checking the compiled one.
func referenceTag(t *testing.T, words []string) []string {
	t.Helper()
	var weights map[string]map[string]float64
	var known map[string]string
	for name, into := range map[string]any{modelWeights: &weights, modelTags: &known} {
		raw, err := prose.Asset(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(into); err != nil {
			t.Fatal(err)
		}
	}
	norm := func(w string) string {
		switch {
		case strings.Contains(w, "-") && w[0] != '-':
			return "!HYPHEN"
		case len(w) == 4 && func() bool { _, err := strconv.Atoi(w); return err == nil }():
			return "!YEAR"
		case w[0] >= '0' && w[0] <= '9':
			return "!DIGITS"
		}
		return strings.ToLower(w)
	}
	suf := func(s string) string { return s[len(s)-min(3, len(s)):] }
	ctx := []string{"-START-", "-START2-"}
	for _, w := range words {
		ctx = append(ctx, norm(w))
	}
	ctx = append(ctx, "-END-", "-END2-")
	p1, p2 := "-START-", "-START2-"
	out := make([]string, len(words))
	for i, w := range words {
		tag, ok := known[w]
		if !ok {
			c := i + 2
			feats := []string{
				"bias", "i suffix " + suf(w), "i pref1 " + w[:1], "i-1 tag " + p1, "i-2 tag " + p2,
				"i tag+i-2 tag " + p1 + " " + p2, "i word " + ctx[c], "i-1 tag+i word " + p1 + " " + ctx[c],
				"i-1 word " + ctx[c-1], "i-1 suffix " + suf(ctx[c-1]), "i-2 word " + ctx[c-2],
				"i+1 word " + ctx[c+1], "i+1 suffix " + suf(ctx[c+1]), "i+2 word " + ctx[c+2],
			}
			scores := map[string]float64{}
			for _, f := range feats {
				for l, v := range weights[f] {
					scores[l] += v
				}
			}
			best := math.Inf(-1)
			for l, v := range scores {
				if v > best || v == best && l < tag {
					best, tag = v, l
				}
			}
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	return out
}

// TestTaggerMatchesReference checks the compiled tagger against the
// reference inference on the model's raw weights, and against prose's
// own tagger on prose's tokens (which it should mostly match; prose
// differs on a few tokens we could not trace).
func TestTaggerMatchesReference(t *testing.T) {
	a := analyzer(t)
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	pd, err := prose.NewDocument(string(b), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	ptoks := pd.Tokens()
	words := make([]string, len(ptoks))
	for i, tk := range ptoks {
		words[i] = tk.Text
	}
	tags := make([]string, len(words))
	var s tagScratch
	a.tagger.tag(words, nil, tags, &s)
	ref := referenceTag(t, words)
	sameProse := 0
	for i, tk := range ptoks {
		if tags[i] != ref[i] {
			t.Errorf("%q: compiled %s, reference %s", tk.Text, tags[i], ref[i])
		}
		if tk.Tag == tags[i] {
			sameProse++
		}
	}
	if len(ptoks) < 100 || sameProse < len(ptoks)*97/100 {
		t.Errorf("agreement with prose %d/%d", sameProse, len(ptoks))
	}
}
