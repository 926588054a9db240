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

// TestProcedureErrorsSpeakYAML: a mistake in a procedure model is named by
// its line and field, with the form expected and the nearest known field.
func TestProcedureErrorsSpeakYAML(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"institution: X\nbodies:\n  - name: Council\n    decide: [budget]\n", `procedure my.yaml: line 4: unknown field "decide" in a body (did you mean "decides"? known fields: advises, aliases, by, decides, name, proposes, publishes, speaks_for)`},
		{"institution: X\nbodies:\n  - name: Council\n    decides: budget\n", `procedure my.yaml: line 4: "decides" should be a list of words or phrases ([a, b], or lines starting with "- "), not the text "budget"`},
		{"institution: X\nbody:\n  - name: Council\n", `procedure my.yaml: line 2: unknown field "body" in a procedure (did you mean "bodies"? known fields: bodies, code, generic, institution)`},
	} {
		_, err := ParseProcedure("my.yaml", []byte(c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
}

// FuzzProcedure: any YAML gives a procedure that validates, or one error
// line in the file's terms; a procedure that loads can be used to check.
func FuzzProcedure(f *testing.F) {
	f.Add([]byte(cityCouncil))
	f.Add([]byte("institution: X\nbodies:\n  - name: A\n    decides: b\n    colour: [c]\n"))
	f.Add([]byte("institution: X\nbodies: {a: b}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParseProcedure("f.yaml", b)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "\n") || strings.Contains(msg, "in type checks.") || strings.Contains(msg, "cannot unmarshal") || strings.Contains(msg, " into []") {
				t.Fatalf("procedure error is not one line in the file's terms: %q", msg)
			}
			return
		}
		if len(p.Deciding("")) == 0 || strings.TrimSpace(p.Institution) == "" {
			t.Fatalf("an invalid procedure loaded: %+v", p)
		}
		if _, err := New(data.Embedded(), []*Procedure{p}); err != nil {
			t.Fatalf("a procedure that loads cannot be used: %v", err)
		}
	})
}
