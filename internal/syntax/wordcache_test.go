package syntax

import (
	"strconv"
	"testing"
)

// TestWordCache checks that a wordCache gives back what was put, holds at
// most twice its bound, and keeps a word used all along while rarer ones
// come and go.
func TestWordCache(t *testing.T) {
	c := newWordCache[string, int](100)
	for i := range 10_000 {
		k := "w" + strconv.Itoa(i)
		c.put(k, i)
		if v, ok := c.get(k); !ok || v != i {
			t.Fatalf("%s: %d %v just after it was put", k, v, ok)
		}
		if i%50 == 0 {
			// a frequent word: asked every fifty rare ones
			if v, ok := c.get("frequent"); ok {
				if v != -1 {
					t.Fatalf("frequent: %d", v)
				}
			} else if i > 0 {
				t.Fatalf("the frequent word was dropped after %d words", i)
			} else {
				c.put("frequent", -1)
			}
		}
		if n := len(c.cur) + len(c.old); n > 200 {
			t.Fatalf("%d words kept, bound 2×100", n)
		}
	}
	if _, ok := c.get("w0"); ok {
		t.Error("a word used once, ten thousand words ago, is still kept")
	}
}
