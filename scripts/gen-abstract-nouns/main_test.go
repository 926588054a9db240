package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const dataNoun = "/usr/share/wordnet/data.noun"

// TestCommittedFileIsFresh regenerates abstract.txt from WordNet and
// compares it with the committed file. It needs wordnet-base, which
// .ci/run installs: under CI (CI set) its absence is a failure.
func TestCommittedFileIsFresh(t *testing.T) {
	f, err := os.Open(dataNoun)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing: wordnet-base must be installed under CI", dataNoun)
		}
		t.Skip("wordnet-base not installed")
	}
	defer f.Close()
	got, err := Generate(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../data/events/nouns/abstract.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("data/events/nouns/abstract.txt is stale: run go run ./scripts/gen-abstract-nouns")
	}
}

// TestGenerate reads synsets in data.noun's format: a noun is listed when
// every synset it is in is of an abstract file; names, phrases and
// quantities are not.
func TestGenerate(t *testing.T) {
	const src = "  1 licence header\n" +
		"00000001 11 n 02 surge 0 rush 0 000 | a sudden forceful flow\n" +
		"00000002 04 n 01 rush 0 000 | the act of rushing\n" +
		"00000003 06 n 01 rush 1 000 | a plant\n" +
		"00000004 26 n 02 poverty 0 Poverty_Bay 0 000 | the state of being poor\n" +
		"00000005 23 n 01 dozen 0 000 | twelve\n" +
		"00000006 15 n 01 Paris 0 000 | a city\n"
	got, err := Generate(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, l := range strings.Split(string(got), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			words = append(words, l)
		}
	}
	if strings.Join(words, " ") != "poverty surge" {
		t.Errorf("words %q, want [poverty surge]", words)
	}
}
