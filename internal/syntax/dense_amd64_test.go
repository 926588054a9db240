package syntax

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestScoreWithoutVectors checks that the Go code that stands in for the
// vector code where the processor has none (lookupGo, addDenseGo,
// addVecsGo) gives the scores of the stored table, as the vector code
// does.
func TestScoreWithoutVectors(t *testing.T) {
	if !haveAVX2 {
		t.Skip("no AVX2: the other tests run the Go code")
	}
	m := loadShipped(t)
	rng := rand.New(rand.NewPCG(11, 12))
	defer func(v bool) { haveAVX2 = v }(haveAVX2)
	for _, w := range []*weights{m.tagger.w, m.parser.w} {
		feats := probeFeatures(w, rng, 20000)
		var buf scoreBuf
		want := make([]int32, denseStride)
		for _, vec := range []bool{false, true} {
			haveAVX2 = vec
			for i := 0; i < len(feats); i += 100 {
				fs := feats[i:min(i+100, len(feats))]
				got := make([]int32, denseStride)
				clear(want)
				w.scoreRef(fs, want)
				w.score(fs, got, &buf)
				if !slices.Equal(got, want) {
					t.Fatalf("vector code %v: scores %v, want %v", vec, got, want)
				}
			}
		}
	}
}
