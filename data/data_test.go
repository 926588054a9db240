package data

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestOverlayReplacesFilesAndMergesDirectories(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "procedures"), 0o755); err != nil {
		t.Fatal(err)
	}
	mine := []byte("institution: Millbrook\n")
	if err := os.WriteFile(filepath.Join(dir, "procedures", "millbrook.yaml"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "procedures", "nato.yaml"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := Open(dir)
	entries, err := fs.ReadDir(fsys, "procedures")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
	for _, want := range []string{"millbrook.yaml", "nato.yaml", "eu.yaml"} {
		if !names[want] {
			t.Errorf("procedures/ lists %v, want %s among them", names, want)
		}
	}
	b, err := fs.ReadFile(fsys, "procedures/nato.yaml")
	if err != nil || string(b) != string(mine) {
		t.Errorf("the user's nato.yaml should replace the built-in one, got %q (%v)", b, err)
	}
	if _, err := fs.ReadFile(fsys, "checks/vocabulary.yaml"); err != nil {
		t.Errorf("files the user did not replace still come from the built-in data: %v", err)
	}
	if _, err := fs.ReadDir(fsys, "no-such-dir"); err == nil {
		t.Errorf("a directory in neither layer should be an error")
	}
}
