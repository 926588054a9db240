package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed data/text/retag.tsv is what the script makes from the
// treebank's train split: nobody edited it by hand, and a change to the
// learning is regenerated.
func TestRetagFileIsCurrent(t *testing.T) {
	dir := os.Getenv("DOSSIER_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	train := filepath.Join(dir, "ud", "en_ewt-ud-train.conllu")
	if _, err := os.Stat(train); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("EWT train not found (set DOSSIER_CORPORA): %v", err)
		}
		t.Skipf("EWT train not found: %v", err)
	}
	got, err := build(train)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "data", "text", "retag.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/text/retag.tsv is stale: run go run ./scripts/gen-retag %s", filepath.Dir(train))
	}
}
