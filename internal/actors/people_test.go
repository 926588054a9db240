package actors

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-project/dossier/data"
)

// inventedPeople is a list of invented people, in the format of
// data/actors/people-phoenix.txt.
const inventedPeople = `# invented
arvo tannen	NRV	NRVELI 19600101-20000101,NRVGOV 19950301-,NRVELI
mira selk	SLV	SLVGOV 19900101-19941231
tomas vell ostrander	NRV	NRVMIL
`

func TestPeopleLookup(t *testing.T) {
	p, err := ParsePeople([]byte(inventedPeople), "people.txt")
	if err != nil {
		t.Fatal(err)
	}
	if p.Len() != 3 {
		t.Fatalf("Len = %d, want 3", p.Len())
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		name, date, want string
		ok               bool
	}{
		{"Arvo Tannen", "1980-05-01", "NRVELI", true},
		// two dated codes hold: the office taken last wins
		{"Arvo Tannen", "1998-05-01", "NRVGOV", true},
		{"Arvo Tannen", "2005-05-01", "NRVGOV", true},
		// in office, then no code holds: the country alone
		{"Mira Selk", "1992-01-01", "SLVGOV", true},
		{"Mira Selk", "2001-01-01", "SLV", true},
		// an undated code holds at any date; hyphens, dots and case do not matter
		{"Tomas Vell-Ostrander", "2001-01-01", "NRVMIL", true},
		{"TOMAS VELL. OSTRANDER", "2001-01-01", "NRVMIL", true},
		// not listed: neither a part of a name nor another name
		{"Tannen", "2001-01-01", "", false},
		{"Arvo Tannenbaum", "2001-01-01", "", false},
		{"", "2001-01-01", "", false},
	} {
		got, ok := p.Lookup(tc.name, day(tc.date))
		if got != tc.want || ok != tc.ok {
			t.Errorf("Lookup(%q, %s) = %q, %v; want %q, %v", tc.name, tc.date, got, ok, tc.want, tc.ok)
		}
	}
	// With no date, the most recent code.
	if got, _ := p.Lookup("arvo tannen", time.Time{}); got != "NRVGOV" {
		t.Errorf("Lookup with no date = %q, want NRVGOV", got)
	}
	// A nil list knows no one.
	var none *People
	if _, ok := none.Lookup("Arvo Tannen", day("2001-01-01")); ok || none.Len() != 0 {
		t.Error("a nil list found a name")
	}
}

func TestPeopleBadFile(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"arvo tannen\tNRV\n", "line 1: want a name, a country and codes"},
		{"arvo tannen\tNRVX\tNRV\n", `line 1: country "NRVX" is not a three-letter code`},
		{"arvo tannen\tNRV\tnrv\n", `line 1: code "nrv" is not a CAMEO code`},
		{"arvo tannen\tNRV\tNRV 1990\n", "line 1: dates \"1990\" of NRV: want FROM-TO"},
		{"arvo tannen\tNRV\tNRV 1990-\n", `"1990" is not a date YYYYMMDD`},
		{"# c\nmira selk\tSLV\tSLV\narvo tannen\tNRV\tNRV\n", `line 3: "arvo tannen" is out of order`},
	} {
		_, err := LoadPeople(fstest.MapFS{"p.txt": {Data: []byte(tc.src)}}, "p.txt")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "p.txt") {
			t.Errorf("%q: error %v, want one naming p.txt and %q", tc.src, err, tc.want)
		}
	}
	if _, err := LoadPeople(fstest.MapFS{}, "missing.txt"); err == nil {
		t.Error("a missing file loaded")
	}
}

// TestShippedPeople loads the shipped list: it is well-formed and sorted.
func TestShippedPeople(t *testing.T) {
	p, err := LoadPeople(dataFS(t), "actors/people-phoenix.txt")
	if err != nil {
		t.Fatal(err)
	}
	if p.Len() < 1000 {
		t.Errorf("the shipped list has %d names", p.Len())
	}
}

func BenchmarkLoadPeople(b *testing.B) {
	fsys := dataFS(b)
	for b.Loop() {
		if _, err := LoadPeople(fsys, "actors/people-phoenix.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

func dataFS(testing.TB) fs.FS { return data.Embedded() }

func TestSurnameCountry(t *testing.T) {
	const src = `countries:
  - {code: NRV, name: Norvania}
  - {code: SLV, name: Selvia}
igos:
  - {code: IGOVRN, name: Varn Council}
people:
  - name: Odd Kell
    tenures: [{code: NRVGOV, from: "1990"}]
  - name: Mira Kell
    tenures: [{code: NRVGOV, from: "2001"}]
  - name: Arvo Selk
    tenures: [{code: SLVGOV, from: "1990"}]
  - name: Tomas Selk
    tenures: [{code: NRVMIL, from: "1990"}]
  - name: Ivo Varg
    tenures: [{code: NRVGOV, from: "1990"}, {code: IGOVRN, from: "2000"}]
`
	d, err := Load(fstest.MapFS{"d.yaml": {Data: []byte(src)}}, "d.yaml")
	if err != nil {
		t.Fatal(err)
	}
	countries := map[string]bool{"NRV": true, "SLV": true}
	for name, want := range map[string]string{
		"Kell":  "NRV", // two people, one country
		"Selk":  "",    // two countries
		"Varg":  "",    // an organisation too
		"Olsen": "",    // no one
	} {
		if got := d.SurnameCountry(name, countries); got != want {
			t.Errorf("SurnameCountry(%q) = %q, want %q", name, got, want)
		}
	}
}
