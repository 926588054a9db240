package pipeline

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A relative word the parse reads as a subject before another subject
// is that subject's object: "X, who many in the party had backed" is
// not X backing anyone. (The mention stage resolves "who" to X, so the
// coder must not take it for the source.)
func TestRelativeWordIsNoSourceBeforeAnotherSubject(t *testing.T) {
	dict := filepath.Join(t.TempDir(), "invented.yaml")
	if err := os.WriteFile(dict, []byte("countries:\n  - {code: NRV, name: Norvania}\npeople:\n  - name: Odd Kell\n    tenures: [{code: NRVLEG, role: Senator, from: 2010}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := New(Options{Actors: []string{dict}})
	if err != nil {
		t.Fatal(err)
	}
	src := "His victory deals a devastating blow to Florida Sen. Odd Kell, who many in the Republican establishment had backed in the hope of derailing Karl Brodin’s dash to the nomination."
	doc, td, ms := p.Prepare(src, time.Time{})
	for _, e := range p.Coder().Code(doc, td, ms) {
		if e.Source.Code == "NRVLEG" {
			t.Errorf("%s %s by %q: the relative word's antecedent is the source", e.CAMEO, e.Trigger.Text, e.Source.Text)
		}
	}
}
