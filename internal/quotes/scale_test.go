package quotes

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// TestRunOnText feeds pathological run-on text: every quote found must
// still round-trip and get a verdict. (Extraction used to be quadratic
// here; the log shows the time, which is not asserted.)
func TestRunOnText(t *testing.T) {
	x := newX(t)
	ix := NewIndex(ta(t))
	ix.Add(&model.Document{ID: "rec", Kind: model.KindStatement, Text: "We will act and soon. They said that nothing would change."})
	for _, unit := range []string{"He said that “we act” and she told ‘them two’ but said ", "Mr Doe, the Minister, said: “", "He said:\n\nWe act.\n\n", "according to Mr. X, ", "“a” “b” ", "said said said , , "} {
		s := strings.Repeat(unit, 2000)
		start := time.Now()
		d := &model.Document{ID: "f", Kind: model.KindArticle, Text: s}
		qs := extract(t, x, d, nil)
		checkSpans(t, d, qs)
		for i := range qs {
			ix.Verify(&qs[i], d)
			if qs[i].Verdict == "" {
				t.Errorf("%q: quote %d has no verdict", unit, i)
			}
		}
		t.Logf("%q ×2000: %v, %d quotes", unit, time.Since(start), len(qs))
	}
}

// A word in more passages than MaxPostings finds no candidates, not even
// as one of the quote's rarest: the work per quote stays bounded, and a
// quote made only of such words is not verified.
func TestMaxPostingsBoundsCandidates(t *testing.T) {
	x := newX(t)
	verdict := func(maxPostings int) string {
		th := DefaultThresholds()
		th.MaxPostings = maxPostings
		ix := NewIndexWith(th, ta(t))
		for _, id := range []string{"s1", "s2", "s3", "s4", "s5"} {
			ix.Add(&model.Document{ID: id, Kind: model.KindStatement, Text: "The harbour tariffs will double next spring."})
		}
		d := article("a", "Ines Varga spoke first. “The harbour tariffs will double next spring,” she said.")
		qs := extract(t, x, d, nil)
		q := find(t, qs, "tariffs")
		ix.Verify(q, d)
		return q.Verdict
	}
	if v := verdict(DefaultThresholds().MaxPostings); v == model.VerdictNoRecord {
		t.Errorf("with the default bound: %q, want the record found", v)
	}
	if v := verdict(3); v != model.VerdictNoRecord {
		t.Errorf("with words in more passages than the bound: %q, want %q", v, model.VerdictNoRecord)
	}
}
