package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/data"
)

func TestBuiltInProceduresLoad(t *testing.T) {
	procs, err := LoadProcedures(data.Embedded(), "procedures", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(procs) < 4 {
		t.Fatalf("got %d built-in procedures, want at least 4", len(procs))
	}
	for _, p := range procs {
		if len(p.Deciding("")) == 0 {
			t.Errorf("%s: no deciding body", p.Source)
		}
	}
}

const cityCouncil = `institution: Millbrook
bodies:
  - name: City Council
    aliases: [the council, councillors]
    decides: [budget, contract, ordinance, decision]
    by: majority vote
    publishes: [minutes]
  - name: Mayor
    aliases: [the mayor]
    speaks_for: true
`

func TestUserProcedureOverridesAndParses(t *testing.T) {
	procs, err := LoadProcedures(fstest.MapFS{}, "procedures", map[string][]byte{"city.yaml": []byte(cityCouncil)})
	if err != nil {
		t.Fatal(err)
	}
	if len(procs) != 1 || procs[0].Institution != "Millbrook" {
		t.Fatalf("got %+v", procs)
	}
	dec := procs[0].Deciding("contract")
	if len(dec) != 1 || dec[0].Name != "City Council" {
		t.Errorf("Deciding(contract) = %+v, want the City Council", dec)
	}
	if got := procs[0].Deciding("weather"); len(got) != 0 {
		t.Errorf("Deciding(weather) = %+v, want none", got)
	}
}

func TestBadProcedures(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"empty", "", "empty"},
		{"no institution", "bodies: [{name: A, decides: [x]}]", "institution"},
		{"no bodies", "institution: X", "bodies"},
		{"nobody decides", "institution: X\nbodies: [{name: A}]", "decides"},
		{"unknown field", "institution: X\nbodies: [{name: A, decide: [x]}]", "decide"},
		{"duplicate alias", "institution: X\nbodies: [{name: A, decides: [x], aliases: [B]}, {name: B}]", "names both"},
		{"not yaml", "institution: [unclosed", "procedure bad.yaml"},
	}
	for _, c := range cases {
		_, err := ParseProcedure("bad.yaml", []byte(c.yaml))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "bad.yaml") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q should be one line naming the file and %q", c.name, err, c.want)
		}
	}
}
