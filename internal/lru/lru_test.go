package lru

import (
	"errors"
	"testing"
)

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

// A Loader loads a key once while it is kept, keeps no failed load, and
// keeps the first failure.
func TestLoaderLoadsOnceAndKeepsTheFirstError(t *testing.T) {
	loads := map[string]int{}
	fail := map[string]error{"bad": errors.New("unreadable"), "worse": errors.New("gone")}
	l := NewLoader(2, func(k string) (int, error) {
		loads[k]++
		if err := fail[k]; err != nil {
			return 0, err
		}
		return len(k), nil
	})
	for _, k := range []string{"a", "bb", "a", "bb"} {
		if v := l.Get(k); v != len(k) {
			t.Fatalf("%s: %d, want %d", k, v, len(k))
		}
	}
	if loads["a"] != 1 || loads["bb"] != 1 {
		t.Errorf("loads %v, want one each", loads)
	}
	if l.Err() != nil {
		t.Fatalf("error %v before any failure", l.Err())
	}
	if v := l.Get("bad"); v != 0 {
		t.Errorf("a failed load gave %d", v)
	}
	l.Get("worse")
	l.Get("bad")
	if loads["bad"] != 2 || l.Err() != fail["bad"] {
		t.Errorf("bad loaded %d times (a failure is not kept), error %v, want the first", loads["bad"], l.Err())
	}
	l.Get("ccc") // forgets a, the least recently used of a and bb
	l.Get("bb")
	l.Get("a")
	if loads["bb"] != 1 || loads["a"] != 2 {
		t.Errorf("loads %v: a kept key was loaded again or a forgotten one was not", loads)
	}
}
