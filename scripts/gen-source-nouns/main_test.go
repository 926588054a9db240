package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const dataNoun = "/usr/share/wordnet/data.noun"

// TestCommittedFileIsFresh regenerates source-nouns.txt from WordNet and
// compares it with the committed file. It needs wordnet-base, which .ci/run
// installs: under CI (CI set) its absence is a failure.
func TestCommittedFileIsFresh(t *testing.T) {
	f, err := os.Open(dataNoun)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing: wordnet-base must be installed under CI", dataNoun)
		}
		t.Skip("wordnet-base not installed")
	}
	defer f.Close()
	l, err := Generate(f)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"quotes/source-nouns.txt": l.Sources, "quotes/person-nouns.txt": l.Persons, "events/nouns/abstract.txt": l.Abstract} {
		want, err := os.ReadFile("../../data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s is stale: run go run ./scripts/gen-source-nouns", name)
		}
	}
}

// TestGenerate reads synsets in data.noun's format into each list: single
// words, lower case, sorted, each once.
func TestGenerate(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		list     func(Lists) []byte
		want     string
	}{
		// the sources: only persons, groups and communications
		{"sources", "  1 This software and database is being provided\n" +
			"00000001 18 n 02 Spokesperson 0 interpreter 0 000 | one who speaks\n" +
			"00000002 06 n 01 dress 0 000 | an artifact\n" +
			"00000003 14 n 02 court 0 royal_court 0 000 | a group\n" +
			"00000004 10 n 01 report 0 000 | a communication\n" +
			"00000005 18 n 01 court 0 000 | the same word again\n",
			func(l Lists) []byte { return l.Sources }, "court interpreter report spokesperson"},
		// the persons: noun.person words WordNet writes in lower case, a
		// title, not a name
		{"persons", "00000001 18 n 02 Spokesperson 0 interpreter 0 000 | one who speaks\n" +
			"00000002 18 n 01 Aaron 0 000 | a person named\n" +
			"00000003 14 n 01 court 0 000 | a group\n" +
			"00000004 18 n 01 widow 0 000 | a person\n",
			func(l Lists) []byte { return l.Persons }, "interpreter widow"},
		// the abstract nouns: every synset of the noun is of an abstract
		// file; names, phrases and quantities are not listed
		{"abstract", "  1 licence header\n" +
			"00000001 11 n 02 surge 0 rush 0 000 | a sudden forceful flow\n" +
			"00000002 04 n 01 rush 0 000 | the act of rushing\n" +
			"00000003 20 n 01 rush 1 000 | a plant\n" +
			"00000004 26 n 02 poverty 0 Poverty_Bay 0 000 | the state of being poor\n" +
			"00000005 23 n 01 dozen 0 000 | twelve\n" +
			"00000006 15 n 01 Paris 0 000 | a city\n",
			func(l Lists) []byte { return l.Abstract }, "poverty surge"},
	} {
		l, err := Generate(strings.NewReader(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := listed(tc.list(l)); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// listed returns the words of a generated file, without its header,
// joined by spaces.
func listed(b []byte) string {
	var words []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !strings.HasPrefix(l, "#") {
			words = append(words, l)
		}
	}
	return strings.Join(words, " ")
}
