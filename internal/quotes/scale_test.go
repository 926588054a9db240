package quotes

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// TestRunOnText feeds pathological run-on text: extraction must stay
// about linear (it was quadratic before the sentence and content caps).
func TestRunOnText(t *testing.T) {
	x := newX(t)
	ix := NewIndex()
	ix.Add(&model.Document{ID: "rec", Kind: model.KindStatement, Text: "We will act and soon. They said that nothing would change."})
	for _, unit := range []string{"He said that “we act” and she told ‘them two’ but said ", "Mr Doe, the Minister, said: “", "He said:\n\nWe act.\n\n", "according to Mr. X, ", "“a” “b” ", "said said said , , "} {
		s := strings.Repeat(unit, 2000)
		start := time.Now()
		d := &model.Document{ID: "f", Kind: model.KindArticle, Text: s}
		qs := x.Extract(d, nil)
		for i := range qs {
			ix.Verify(&qs[i], d)
		}
		t.Logf("%q ×2000: %v, %d quotes", unit, time.Since(start), len(qs))
	}
}
