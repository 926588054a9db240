// Package devcorpora finds the project's development corpora for tests:
// $DOSSIER_CORPORA, or the folder shared/corpora beside the repository.
// Tests that read them skip when they are absent, except under CI (CI
// set), where they must run and fail instead.
package devcorpora

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the file or folder rel (path elements) of the development
// corpora, or the corpora's folder itself with no rel. When it is not
// there the test is skipped, or fails under CI.
func Path(tb testing.TB, rel ...string) string {
	tb.Helper()
	p, ok := find(rel...)
	if !ok {
		if os.Getenv("CI") != "" {
			tb.Fatalf("development corpora: no %s (set DOSSIER_CORPORA)", p)
		}
		tb.Skipf("development corpora: no %s", p)
	}
	return p
}

// find returns the file or folder rel of the development corpora and
// whether it is there.
func find(rel ...string) (string, bool) {
	p := filepath.Join(append([]string{root()}, rel...)...)
	_, err := os.Stat(p)
	return p, err == nil
}

// root is $DOSSIER_CORPORA, else shared/corpora beside the module's root
// (the first folder above the working directory with a go.mod).
func root() string {
	if dir := os.Getenv("DOSSIER_CORPORA"); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared", "corpora")
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "corpora")
		}
		up := filepath.Dir(d)
		if up == d {
			return filepath.Join("..", "shared", "corpora")
		}
		d = up
	}
}
