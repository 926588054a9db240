package syntax

import (
	"math"
	"math/rand/v2"
	"slices"
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
	// Laid out in slot order, the table scores every feature as before.
	before := make([][]int32, len(feats))
	for i, f := range feats {
		before[i] = make([]int32, denseStride)
		m.score([]uint64{f}, before[i], &buf)
	}
	rows := append([]byte(nil), m.rows...)
	if err := m.inOrder(); err != nil {
		t.Fatal(err)
	}
	if slices.Equal(rows, m.rows) {
		t.Error("inOrder left the rows as they were: the test does not tell")
	}
	for i, f := range feats {
		clear(got)
		m.score([]uint64{f}, got, &buf)
		if !slices.Equal(got, before[i]) {
			t.Fatalf("feature %x: %v after inOrder, %v before", f, got[:classes], before[i][:classes])
		}
	}
	if err := m.check(classes); err != nil {
		t.Error(err)
	}
}

// TestMixAverages checks that mixing two perceptrons gives every feature
// the mean of their averaged weights, a feature one of them lacks half the
// other's, and that the packed table scores the mean.
func TestMixAverages(t *testing.T) {
	const classes = 6
	rng := rand.New(rand.NewPCG(3, 4))
	train := func(feats []uint64) *trainer {
		tr := newTrainer(noShare(classes))
		for range 5000 {
			tr.tick()
			good, bad := rng.IntN(classes), rng.IntN(classes)
			if good != bad {
				tr.update(feats[rng.IntN(len(feats)):][:1], good, bad)
			}
		}
		return tr
	}
	var both, onlyA []uint64
	for range 200 {
		both = append(both, rng.Uint64()|1)
		onlyA = append(onlyA, rng.Uint64()|1)
	}
	a, b := train(append(append([]uint64(nil), both...), onlyA...)), train(both)
	avgA, avgB := a.averaged(), b.averaged()
	weight := func(rows []avgRow, f uint64, c uint8) float64 {
		for _, r := range rows {
			if r.key == f {
				for _, e := range r.w {
					if e.c == c {
						return e.a
					}
				}
			}
		}
		return 0
	}
	mix := mixAverages([][]avgRow{avgA, avgB})
	m := pack(mix, 0)
	got := make([]int32, denseStride)
	var buf scoreBuf
	checked := 0
	for _, f := range append(append([]uint64(nil), both...), onlyA...) {
		clear(got)
		m.score([]uint64{f}, got, &buf)
		for c := range uint8(classes) {
			want := (weight(avgA, f, c) + weight(avgB, f, c)) / 2
			if d := weight(mix, f, c) - want; math.Abs(d) > 1e-9 {
				t.Fatalf("feature %x class %d: mixed %v, want %v", f, c, weight(mix, f, c), want)
			}
			if d := float64(got[c]) - want/float64(m.scale); d < -1 || d > 1 {
				t.Fatalf("feature %x class %d: packed %d, want %v", f, c, got[c], want/float64(m.scale))
			}
			if want != 0 {
				checked++
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d weights checked", checked)
	}
}
