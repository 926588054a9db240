package people

import (
	"math/rand/v2"
	"testing"
)

// A docSet counts the same documents as a plain set, whether it stays a
// list or becomes a bitmap, and after unions of either with either.
func TestDocSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	make1 := func(density float64, n int) (*docSet, map[int32]bool) {
		s, want := &docSet{}, map[int32]bool{}
		for d := int32(0); d < int32(n); d++ {
			if rng.Float64() < density {
				if !s.add(d) {
					t.Fatalf("add(%d) new said false", d)
				}
				if s.add(d) {
					t.Fatalf("add(%d) again said true", d)
				}
				want[d] = true
			}
		}
		return s, want
	}
	for _, dens := range [][2]float64{{0.01, 0.01}, {0.5, 0.01}, {0.01, 0.5}, {0.6, 0.9}} {
		a, wa := make1(dens[0], 5000)
		b, wb := make1(dens[1], 7000)
		if a.len() != len(wa) || b.len() != len(wb) {
			t.Errorf("densities %v: len %d and %d, want %d and %d", dens, a.len(), b.len(), len(wa), len(wb))
		}
		if dens[0] >= 0.5 && a.bits == nil {
			t.Errorf("a set of half the documents is still a list")
		}
		if dens[0] < 0.02 && a.bits != nil {
			t.Errorf("a set of 1%% of the documents became a bitmap")
		}
		for d := range wb {
			wa[d] = true
		}
		a.union(b)
		if a.len() != len(wa) {
			t.Errorf("densities %v: union has %d, want %d", dens, a.len(), len(wa))
		}
	}
}
