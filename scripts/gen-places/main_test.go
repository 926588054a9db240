package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/dossier-project/dossier/internal/devcorpora"
)

// need skips the test when path is missing (the shared corpora, a Debian
// package), except under CI, where it must run.
func need(t *testing.T, path, what string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing under CI: %v", what, err)
		}
		t.Skipf("%s not found: %v", what, err)
	}
}

// TestCommittedFileIsFresh regenerates places.yaml from PETRARCH2's
// Phoenix file ($DOSSIER_CORPORA/petrarch, or ../shared/corpora beside
// the repository) and compares it with the committed file.
func TestCommittedFileIsFresh(t *testing.T) {
	src := devcorpora.Path(t, "petrarch", Source)
	need(t, "/usr/share/wordnet/data.noun", "wordnet-base")
	got, err := Generate(src, "../../data/actors/countries.yaml", "../../data/actors/countries-extra.yaml", "/usr/share/wordnet")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../data/actors/places.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("data/actors/places.yaml is stale: run go run ./scripts/gen-places")
	}
	// The overlay's drops stay out: Brussels stands for the EU.
	if bytes.Contains(want, []byte(`"Brussels"`)) {
		t.Error("places.yaml lists Brussels, which countries-extra.yaml drops")
	}
}

func TestKeep(t *testing.T) {
	common := map[string]bool{"nice": true, "reading": true}
	for key, want := range map[string]bool{
		"darfur":             true,
		"ivory coast":        true,
		"nice":               false, // a common word
		"reading":            false,
		"13th brigade":       false, // digits
		"al":                 false, // too short
		"cote d\ufffdivoire": false,
	} {
		if got := keep(key, common); got != want {
			t.Errorf("keep(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{"MAZAR-I-SHARIF": "Mazar-I-Sharif", "IVORY COAST": "Ivory Coast"} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}
