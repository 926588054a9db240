package text

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/internal/syntax"
)

// The shipped model's floors on UD English EWT dev (gold words), in
// percent. They are the figures the committed model reached, rounded
// down (data/text/syntax.log has the exact ones): a change to the model
// or to the code that reads it must not make it worse. Issue 10 asks for
// UPOS 95.5, UAS 86.0 and LAS 83.0; the README says where the model
// stands against those.
const (
	floorUPOS = 95.4
	floorUAS  = 85.5
	floorLAS  = 82.4
)

// ewtDev reads the development split of UD English EWT from the shared
// corpora ($DOSSIER_CORPORA, or ../shared/corpora beside the repository).
// Without it the test is skipped, except under CI, where it must run.
func ewtDev(t *testing.T) []syntax.Sentence {
	t.Helper()
	dir := os.Getenv("DOSSIER_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	path := filepath.Join(dir, "ud", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("EWT dev not found (set DOSSIER_CORPORA): %v", err)
		}
		t.Skipf("EWT dev not found: %v", err)
	}
	defer f.Close()
	sents, err := syntax.ReadCoNLLU(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// TestShippedModelOnEWTDev scores the model embedded in the binary on EWT
// dev with gold words, and fails below the floors.
func TestShippedModelOnEWTDev(t *testing.T) {
	gold := ewtDev(t)
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.LoadModel(); err != nil {
		t.Fatal(err)
	}
	s := a.model.Evaluate(gold)
	t.Logf("EWT dev, gold words: %d words, UPOS %.2f, XPOS %.2f, lemma %.2f, UAS %.2f, LAS %.2f",
		s.Words, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS)
	if s.Words < 20000 {
		t.Fatalf("only %d words read from EWT dev", s.Words)
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"UPOS", s.UPOS, floorUPOS}, {"UAS", s.UAS, floorUAS}, {"LAS", s.LAS, floorLAS}} {
		if c.got < c.floor {
			t.Errorf("%s %.2f, below the floor of %.2f", c.name, c.got, c.floor)
		}
	}
}
