package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const isoPath = "/usr/share/iso-codes/json/iso_3166-1.json"

// TestCommittedFileIsFresh regenerates countries.yaml and compares it with
// the committed file. It needs iso-codes and wordnet-base installed.
func TestCommittedFileIsFresh(t *testing.T) {
	if _, err := os.Stat(isoPath); err != nil {
		t.Skip("iso-codes not installed: apt-get install -y iso-codes wordnet-base")
	}
	if _, err := os.Stat("/usr/share/wordnet/data.noun"); err != nil {
		t.Skip("wordnet-base not installed: apt-get install -y iso-codes wordnet-base")
	}
	got, err := Generate(isoPath, "/usr/share/wordnet", "../../data/actors/countries-extra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../data/actors/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("data/actors/countries.yaml is stale: run go run ./scripts/gen-countries")
	}
}

// TestEveryISOCountryPresent checks the committed file against ISO 3166-1.
func TestEveryISOCountryPresent(t *testing.T) {
	raw, err := os.ReadFile(isoPath)
	if err != nil {
		t.Skip("iso-codes not installed")
	}
	var iso isoFile
	if err := json.Unmarshal(raw, &iso); err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile("../../data/actors/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range iso.Entries {
		if !strings.Contains(string(file), "  - code: "+e.Alpha3+"\n") {
			t.Errorf("%s (%s) missing from countries.yaml", e.Alpha3, e.Name)
		}
	}
}

func TestUninvert(t *testing.T) {
	for in, want := range map[string]string{
		"Korea, Republic of":                    "Republic of Korea",
		"Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
		"Virgin Islands, British":               "British Virgin Islands",
		"Bonaire, Sint Eustatius and Saba":      "Bonaire, Sint Eustatius and Saba",
		"France":                                "France",
	} {
		if got := uninvert(in); got != want {
			t.Errorf("uninvert(%q) = %q, want %q", in, got, want)
		}
	}
}
