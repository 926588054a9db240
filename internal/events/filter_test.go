package events

import (
	"reflect"
	"strconv"
	"testing"
)

// TestFilterKeepsFrequentWords feeds one goroutine's filter three times
// more distinct words than it keeps, asking now and then for a trigger
// word: its starts must be those of a fresh filter, learned once (the
// same pointer all along), and the words kept must stay within the bound.
func TestFilterKeepsFrequentWords(t *testing.T) {
	a, c := setup(t)
	f := c.Filter(a.Lemmas)
	sc := &filterScratch{words: map[string]*starts{}}
	first := f.starts("attacked", sc)
	if first == nil {
		t.Fatal(`"attacked" could trigger nothing: the test checks nothing`)
	}
	if want := f.starts("attacked", &filterScratch{words: map[string]*starts{}}); !reflect.DeepEqual(first, want) {
		t.Fatalf("kept starts %+v, fresh %+v", first, want)
	}
	for i := range 3 * maxKept {
		f.starts("zq"+strconv.Itoa(i), sc)
		if i%100 == 0 && f.starts("attacked", sc) != first {
			t.Fatalf("after %d other words, the frequent word was learned again", i)
		}
		if n := len(sc.words) + len(sc.old); n > 2*maxKept {
			t.Fatalf("%d words kept, bound 2×%d", n, maxKept)
		}
	}
	if _, ok := sc.words["zq0"]; ok {
		t.Error("a word seen once, long ago, is still kept")
	}
}
