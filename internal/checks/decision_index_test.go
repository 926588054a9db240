package checks

import (
	"math/rand/v2"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// TestActIndexMatchesScan checks that looking acts up by day gives the
// same answer as comparing the announcement with every act, on random
// dates at day, month and year precision with and without parts of day.
func TestActIndexMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"", "", "morning", "afternoon", "evening"}
	date := func() string {
		d := []string{"2013-05-28", "2013-05-31", "2013-06-01", "2013-06-03", "2013-06-04", "2013-06-10", "2013-06-17", "2013-06-18", "2013-06-19", "2013-07-02", "2013-06", "2013"}
		return d[rng.IntN(len(d))]
	}
	moments := 0
	for trial := 0; trial < 3000; trial++ {
		acts := make([]act, rng.IntN(6))
		for i := range acts {
			acts[i].when = model.Timex{Value: date(), PartOfDay: parts[rng.IntN(len(parts))]}
		}
		ix := indexActs(acts)
		if ix == nil {
			t.Fatal("no index for valid dates")
		}
		am := moment{date: date(), part: parts[rng.IntN(len(parts))]}
		e1, l1 := scanActs(acts, am)
		e2, l2 := ix.lookup(acts, am)
		if e1 != e2 || l1 != l2 {
			t.Fatalf("announcement %+v, acts %+v: scan (%v, %d), index (%v, %d)", am, acts, e1, l1, e2, l2)
		}
		if !e1 && l1 >= 0 {
			moments++
		}
	}
	if moments == 0 {
		t.Error("no trial found a later act: the test tests nothing")
	}
	if indexActs([]act{{when: model.Timex{Value: "2013-02-30"}}}) != nil {
		t.Error("an impossible date was indexed")
	}
}
