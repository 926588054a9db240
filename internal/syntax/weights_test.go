package syntax

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestWeightsTable trains a perceptron on random updates and checks that
// the compiled table gives every feature its averaged weights, and
// features it never saw none.
func TestWeightsTable(t *testing.T) {
	const classes = 20
	rng := rand.New(rand.NewPCG(1, 2))
	tr := newTrainer(noShare(classes))
	var feats []uint64
	for range 20000 {
		feats = append(feats, rng.Uint64()|1)
	}
	for step := range 200000 {
		tr.tick()
		f := feats[rng.IntN(len(feats)):][:1]
		// some features get many classes, to fill rows outside the table
		good, bad := rng.IntN(classes), rng.IntN(classes)
		if step%3 == 0 {
			good, bad = rng.IntN(2), 2+rng.IntN(2)
		}
		if good != bad {
			tr.update(f, good, bad)
		}
	}
	m := tr.compile(0)
	if m.features() < len(feats)*9/10 {
		t.Fatalf("compiled table holds %d features of %d", m.features(), len(feats))
	}
	want := make([]int32, classes)
	got := make([]int32, denseStride)
	var buf scoreBuf
	inRows := 0
	for _, f := range feats {
		clear(want)
		clear(got)
		r := tr.find(f)
		if r < 0 {
			continue
		}
		for i, e := range tr.rows[r] {
			a := float64(tr.avg[r][i].tot+(tr.now-tr.avg[r][i].ts)*int64(e.w)) / float64(tr.now)
			want[e.c] = int32(math.Round(a / float64(m.scale)))
		}
		m.score([]uint64{f}, got, &buf)
		for c := range classes {
			if d := got[c] - want[c]; d < -1 || d > 1 { // rounding
				t.Fatalf("feature %x class %d: weight %d, want %d", f, c, got[c], want[c])
			}
		}
		if m.lookup(f)>>16&3 == slotRow {
			inRows++
		}
	}
	if inRows == 0 {
		t.Error("no feature had its weights in rows: the test does not cover them")
	}
	// Features never seen get no weight, but for the rare fingerprint
	// that matches another feature in the same bucket.
	wrong := 0
	for range 20000 {
		clear(got)
		m.score([]uint64{rng.Uint64() | 1}, got, &buf)
		for _, v := range got {
			if v != 0 {
				wrong++
				break
			}
		}
	}
	if wrong > 20 {
		t.Errorf("%d of 20000 unknown features got weights", wrong)
	}
}
