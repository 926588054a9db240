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
