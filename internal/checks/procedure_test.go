package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
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

// A body's name inside the longer name of another institution's body is
// not a name of the first: "Security Council" in "Peace and Security
// Council".
func TestNameInsideAnotherInstitutionsName(t *testing.T) {
	const regional = `institution: Southern Union
bodies:
  - name: Peace and Security Council
    decides: [mission]
`
	const world = `institution: World Assembly
bodies:
  - name: Security Council
    aliases: [the Council]
    decides: [mission]
`
	var ps []*Procedure
	for _, y := range []string{regional, world} {
		p, err := ParseProcedure("p.yaml", []byte(y))
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	c, err := New(data.Embedded(), ps)
	if err != nil {
		t.Fatal(err)
	}
	var wa *Procedure
	for _, p := range c.procs {
		if p.Institution == "World Assembly" {
			wa = p
		}
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"The Peace and Security Council met on Friday.", false},
		{"The peace and security council met on Friday.", false},
		{"The Security Council met on Friday.", true},
		{"The Peace and Security Council met, and the Security Council voted.", true},
	} {
		b, _, _ := bodyIn(wa, tc.s, deciding)
		if (b != nil) != tc.want {
			t.Errorf("bodyIn(%q) found %v, want %v", tc.s, b != nil, tc.want)
		}
		if got := c.named(&Input{Docs: []*model.Document{{ID: "d", Text: tc.s}}}, wa); got != tc.want {
			t.Errorf("named(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
	if ps[1].shadows != nil {
		t.Error("New must not change the procedures it is given")
	}
}
