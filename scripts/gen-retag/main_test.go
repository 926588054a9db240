package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/internal/devcorpora"
)

// The committed data/text/retag.tsv is what the script makes from the
// treebank's train split: nobody edited it by hand, and a change to the
// learning is regenerated.
func TestRetagFileIsCurrent(t *testing.T) {
	train := devcorpora.Path(t, "ud", "en_ewt-ud-train.conllu")
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
