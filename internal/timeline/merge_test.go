package timeline

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// mergeNaive is the merge by trying every entry in turn: the reference
// that merge must agree with.
func mergeNaive(items []item) []*entry {
	var entries []*entry
	for _, it := range items {
		merged := false
		for _, e := range entries {
			if e.accepts(it) {
				e.add(it)
				merged = true
				break
			}
		}
		if !merged {
			entries = append(entries, newEntry(it))
		}
	}
	return entries
}

// mergeSorted runs the merger over items in date order and returns its
// entries in the order they were made.
func mergeSorted(t *testing.T, items []item) []*entry {
	t.Helper()
	var out []*entry
	done := map[int]bool{}
	m := newMerger(func(n int, e *entry) error {
		if done[n] {
			t.Fatalf("entry %d handed on twice", n)
		}
		done[n] = true
		for len(out) <= n {
			out = append(out, nil)
		}
		out[n] = e
		return nil
	})
	for _, it := range items {
		if err := m.add(it); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.finish(); err != nil {
		t.Fatal(err)
	}
	for n, e := range out {
		if e == nil {
			t.Fatalf("entry %d never handed on", n)
		}
	}
	return out
}

// TestMergeMatchesNaive checks, on random items, that merging them in
// date order, looking entries up by date and handing each on once no
// later item can join it, gives the same entries, with the same items in
// the same order, as trying every entry.
func TestMergeMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	starts := []string{"", "2013", "2013-06", "2013-06-04", "2013-06-05", "2013-07", "2013-07-01", "2014", "2013-W23"}
	ends := []string{"", "", "", "2013-06-30", "2013-07"}
	kinds := []string{"CONSULT", "CONSULT", "AGREE", "statement", "deadline", "period"}
	actors := []string{"", "ann ruiz", "KENGOV", "UGAGOV"}
	clauses := []string{"the review will be done", "the review will be done soon", "talks resume", ""}
	merges := 0
	for trial := 0; trial < 300; trial++ {
		items := make([]item, rng.IntN(40))
		for i := range items {
			items[i] = item{
				kind: kinds[rng.IntN(len(kinds))], root: []string{"", "04", "03"}[rng.IntN(3)],
				doc: []string{"d1", "d2"}[rng.IntN(2)], start: starts[rng.IntN(len(starts))], end: ends[rng.IntN(len(ends))],
				part: []string{"", "", "morning", "afternoon"}[rng.IntN(4)], future: rng.IntN(4) == 0,
				src: actors[rng.IntN(len(actors))], tgt: actors[rng.IntN(len(actors))], consult: rng.IntN(2) == 0,
				clause: clauses[rng.IntN(len(clauses))], order: i,
			}
			if rng.IntN(3) == 0 {
				items[i].eventID = "e"
			}
		}
		// The merger takes items in date order, as Each gives them.
		sortItems(items)
		want, got := mergeNaive(items), mergeSorted(t, items)
		if len(got) != len(want) {
			t.Fatalf("trial %d: %d entries, want %d", trial, len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i].items, want[i].items) {
				t.Fatalf("trial %d, entry %d: items differ", trial, i)
			}
		}
		merges += len(items) - len(want)
	}
	if merges == 0 {
		t.Error("no items were merged: the test tests nothing")
	}
}
