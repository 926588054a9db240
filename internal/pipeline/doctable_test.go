package pipeline

import (
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
