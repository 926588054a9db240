package devcorpora

import (
	"os"
	"path/filepath"
	"testing"
)

// DOSSIER_CORPORA names the corpora; a file in it is found, and the
// folder of this repository's module is found from a package directory.
func TestPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOSSIER_CORPORA", dir)
	if got := Path(t, "a.txt"); got != filepath.Join(dir, "a.txt") {
		t.Errorf("Path = %q", got)
	}
	t.Setenv("DOSSIER_CORPORA", "")
	if got, want := root(), filepath.Join("..", "..", "..", "shared", "corpora"); !sameDir(t, got, want) {
		t.Errorf("root = %q, want %q", got, want)
	}
}

func sameDir(t *testing.T, a, b string) bool {
	t.Helper()
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}
