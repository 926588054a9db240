package lru

import "testing"

func TestCacheForgetsTheLeastRecentlyUsed(t *testing.T) {
	c := New[string, int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	if v, ok := c.Get("a"); !ok || v != 1 { // a is now the most recent
		t.Fatalf("a: %d %v", v, ok)
	}
	c.Put("c", 3) // forgets b
	if _, ok := c.Get("b"); ok {
		t.Errorf("b kept after two newer keys")
	}
	for k, want := range map[string]int{"a": 1, "c": 3} {
		if v, ok := c.Get(k); !ok || v != want {
			t.Errorf("%s: %d %v, want %d", k, v, ok, want)
		}
	}
	c.Put("a", 10) // a new value for a kept key takes no room
	if v, _ := c.Get("a"); v != 10 || c.Len() != 2 {
		t.Errorf("a = %d, len %d", v, c.Len())
	}
	// a nil value is a value: "the store has no such document"
	p := New[string, *int](1)
	p.Put("x", nil)
	if v, ok := p.Get("x"); !ok || v != nil {
		t.Errorf("nil value not kept")
	}
}
