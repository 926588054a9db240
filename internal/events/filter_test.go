package events

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
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

// TestConfirmProperNounOnlyInHeadline: once tagged, a proper noun is a
// trigger only in a headline in title case, as the coder reads it
// ("March" the month is no protest march), so a sentence whose only
// trigger word is one needs no parse; in a headline it still does.
func TestConfirmProperNounOnlyInHeadline(t *testing.T) {
	a, c := setup(t)
	f := c.Filter(a.Lemmas)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The vote is due in March.", false},
		{"Thousands March On Capital", true},
	} {
		td := a.Analyze(tc.text)
		if len(td.Sentences) != 1 {
			t.Fatalf("%q: %d sentences", tc.text, len(td.Sentences))
		}
		if !f.sentence(td, 0, false, &filterScratch{words: map[string]*starts{}}) {
			t.Fatalf("%q: its words could trigger nothing: the test checks nothing", tc.text)
		}
		if got := f.Confirm(td, 0); got != tc.want {
			t.Errorf("%q: Confirm %v, want %v (tags %v)", tc.text, got, tc.want, td.Tokens)
		}
		if evs := c.Code(&model.Document{ID: "0123456789abcdef0123", Text: tc.text}, td, nil); !tc.want && len(evs) > 0 {
			t.Errorf("%q: the coder coded %v where Confirm says it cannot", tc.text, evs)
		}
	}
}
