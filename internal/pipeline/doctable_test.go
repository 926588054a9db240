package pipeline

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestDocTable(t *testing.T) {
	hexID := strings.Repeat("0123456789abcdef", 4)
	upper := strings.ToUpper(hexID)
	tab := newDocTable()
	tab.set(hexID, 1)
	tab.set(upper, 2) // another id, not the same digest
	tab.set("council.txt", 3)
	tab.set(hexID[:63]+"g", 4)
	for id, want := range map[string]uint32{hexID: 1, upper: 2, "council.txt": 3, hexID[:63] + "g": 4} {
		if v, ok := tab.get(id); !ok || v != want {
			t.Errorf("get(%q) = %d, %v; want %d", id, v, ok, want)
		}
	}
	if _, ok := tab.get(hexID[:62] + "ff"); ok {
		t.Errorf("an id never set is found")
	}
	if len(tab.bin) != 1 || tab.len() != 4 {
		t.Errorf("%d ids kept as bytes, %d in all; want 1 and 4", len(tab.bin), tab.len())
	}
	tab.update(func(v uint32) uint32 { return v * 10 })
	if v, _ := tab.get("council.txt"); v != 30 {
		t.Errorf("after update: %d, want 30", v)
	}
}

func TestProcLists(t *testing.T) {
	p := newProcLists()
	if p.id(nil) != 0 || p.id([]string{}) != 0 {
		t.Error("no procedures is not list 0")
	}
	a, b := p.id([]string{"Harlow", "Millbrook"}), p.id([]string{"Harlow"})
	if a == b || p.id([]string{"Harlow", "Millbrook"}) != a {
		t.Errorf("lists not interned: %d %d", a, b)
	}
	if got := strings.Join(p.list(a), ","); got != "Harlow,Millbrook" {
		t.Errorf("list %d = %q", a, got)
	}
}

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
