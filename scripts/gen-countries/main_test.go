package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const isoPath = "/usr/share/iso-codes/json/iso_3166-1.json"

// needPackage skips the test when the Debian package that installs path
// is missing, except under CI (CI set), where the test must run: .ci/run
// installs the package, so its absence is a failure.
func needPackage(t *testing.T, path, pkg string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing: the Debian package %s must be installed under CI (.ci/run installs it)", path, pkg)
		}
		t.Skipf("%s not installed: apt-get install -y %s", pkg, pkg)
	}
}

// TestCommittedFileIsFresh regenerates countries.yaml and compares it with
// the committed file. It needs iso-codes and wordnet-base installed.
func TestCommittedFileIsFresh(t *testing.T) {
	needPackage(t, isoPath, "iso-codes")
	needPackage(t, "/usr/share/wordnet/data.noun", "wordnet-base")
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
	needPackage(t, isoPath, "iso-codes")
	raw, err := os.ReadFile(isoPath)
	if err != nil {
		t.Fatal(err)
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
