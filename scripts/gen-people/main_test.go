package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/devcorpora"
)

// TestCommittedFileIsFresh regenerates people-phoenix.txt from
// PETRARCH2's Phoenix file ($DOSSIER_CORPORA/petrarch, or ../shared/corpora
// beside the repository) and compares it with the committed file.
func TestCommittedFileIsFresh(t *testing.T) {
	src := devcorpora.Path(t, "petrarch", Source)
	got, err := Generate(src, "../../data")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../data/actors/people-phoenix.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("data/actors/people-phoenix.txt is stale: run go run ./scripts/gen-people")
	}
}

// TestGenerate runs the generator on an invented Phoenix file: people of
// one country are kept, names of two countries, single words, groups and
// names dossier knows are left out.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	phoenix := filepath.Join(dir, Source)
	src := strings.Join([]string{
		"ARVO_TANNEN_  # CountryInfo.txt",
		"+ARVO_K._TANNEN_",
		"\t[NRVELI 600101-000101]",
		"\t[NRVGOV >950301]",
		"MIRA_SELK_  # CountryInfo.txt",
		"\t[SLVGOV 900101-941231]",
		"MIRA_SELK_  # a namesake in another country",
		"\t[NRVGOV 900101-941231]",
		"TANNEN_  # one word",
		"\t[NRVGOV 900101-941231]",
		"VARN_BRIGADE_ [NRVMIL]",
		"OLAF_REGNER_  # an IGO official",
		"\t[IGOVRN 900101-941231]",
		"NORVANIA_PRESIDENT_ODD_KELL_",
		"\t[NRVGOV 900101-941231]",
		"",
	}, "\n")
	if err := os.WriteFile(phoenix, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(filepath.Join(data, "actors"), 0o755); err != nil {
		t.Fatal(err)
	}
	ours := "countries:\n  - {code: NRV, name: Norvania}\n  - {code: SLV, name: Selvia}\npeople:\n  - name: Odd Kell\n    aliases: [Norvania President Odd Kell]\n    tenures: [{code: NRVGOV, from: 1990}]\n"
	for _, f := range []string{"countries.yaml", "igos.yaml", "agents.yaml", "roles.yaml", "institutions.yaml", "people.yaml"} {
		body := "{}\n"
		if f == "people.yaml" {
			body = ours
		}
		if err := os.WriteFile(filepath.Join(data, "actors", f), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Generate(phoenix, data)
	if err != nil {
		t.Fatal(err)
	}
	p, err := actors.ParsePeople(out, "out")
	if err != nil {
		t.Fatalf("the output does not load: %v\n%s", err, out)
	}
	body := string(out[bytes.LastIndex(out, []byte("# USE OR OTHER")):])
	for _, want := range []string{
		"arvo tannen\tNRV\tNRVELI 19600101-20000101,NRVGOV 19950301-\n",
		"arvo k tannen\tNRV\t",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("output lacks %q:\n%s", want, body)
		}
	}
	for _, absent := range []string{"mira selk", "\ntannen\t", "varn brigade", "olaf regner", "odd kell"} {
		if strings.Contains(body, absent) {
			t.Errorf("output has %q:\n%s", absent, body)
		}
	}
	if p.Len() != 2 {
		t.Errorf("%d names, want 2:\n%s", p.Len(), body)
	}
}
