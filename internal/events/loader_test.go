package events

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/internal/model"
)

// A verb dictionary in the PETRARCH/TABARI layout, written for this test.
const petrTest = `# test dictionary
&ENVOYS
+ENVOY
+EMISSARY

####### VERB PATTERNS #######

--- SUMMON [---] ---
SUMMON
SUMMONS {SUMMONSES}
- * &ENVOYS [1313]  # summon an envoy
- * (TO TALKS) [106]

--- SNUB [120] ---
SNUB {SNUBBED SNUBBING}
- * INVITATION [125]
~~FINISH
`

func TestLoadPetrarch(t *testing.T) {
	fs := fstest.MapFS{"verbs.txt": {Data: []byte(petrTest)}}
	p, err := LoadPatterns(fs, "verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.List()) != 2 {
		t.Fatalf("patterns: %d", len(p.List()))
	}
	s := p.List()[0]
	if s.ID != "petrarch.summon" || s.CAMEO != "" || len(s.Rules) != 2 || s.Rules[0].After[0] != "envoy" || s.Rules[0].After[1] != "emissary" || s.Rules[1].After[0] != "to talks" {
		t.Errorf("summon: %+v", s)
	}
	def, err := DefaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	c := NewCoder(def.Merge(p))
	an, _ := setup(t)
	src := "Kenya snubbed Uganda. Kenya summoned the envoy of Uganda."
	td := an.Analyze(src)
	_ = td
	evs := codeWith(t, c, src)
	got := strings.Join(briefs(evs), "; ")
	if got != "KEN 120 UGA REJECT; KEN 1313 UGA THREATEN" {
		t.Errorf("got %q", got)
	}
}

func codeWith(t *testing.T, c *Coder, src string) []model.Event {
	an, _ := setup(t)
	td := an.Analyze(src)
	return c.Code(&model.Document{ID: "feedfacefeedface", Text: src}, td, mentionsOf(td, world))
}

func TestLoadErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no id":      "patterns:\n- verbs: [meet]\n  cameo: \"040\"\n",
		"bad code":   "patterns:\n- id: x\n  verbs: [meet]\n  cameo: \"4x\"\n",
		"no trigger": "patterns:\n- id: x\n  cameo: \"040\"\n",
		"bad target": "patterns:\n- id: x\n  verbs: [meet]\n  target: maybe\n",
		"bad yaml":   "patterns: [\n",
		"goldstein":  "codes:\n  \"040\": [eleven, Consult]\n",
		"nothing":    "just: 3\n",
		"petr":       "--- [040] ---\nMEET\n- * MEETING [040]\n",
	} {
		_, err := LoadPatterns(fstest.MapFS{"f.yaml": {Data: []byte(src)}}, "f.yaml")
		if err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), "f.yaml") {
			t.Errorf("%s: error lacks file name: %v", name, err)
		}
	}
}

// TestPetrarchSkippedLines: a line of a verb dictionary that cannot be
// read is left out and reported with its line; the rest is loaded. A
// "*" written against its word ("*SCEPTICAL") still marks the verb, as
// PETRARCH reads it.
func TestPetrarchSkippedLines(t *testing.T) {
	src := "--- SNUB [120] ---\nSNUB {SNUBBED SNUBBING}\n- *INVITATION [125]\n- INVITATION [125]\n--- [040] ---\nMEET\n- * TALKS [040]\n\xff\n"
	var got []string
	p, err := LoadPatternsReport(fstest.MapFS{"v.txt": {Data: []byte(src)}}, func(file string, line int, problem string) {
		got = append(got, fmt.Sprintf("%s:%d: %s", file, line, problem))
	}, "v.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`v.txt:4: pattern "INVITATION [125]" has no verb marker *`,
		"v.txt:5: verb block without a name (the block is left out)",
		"v.txt:8: not UTF-8 text",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(p.List()) != 1 || len(p.List()[0].Rules) != 1 || p.List()[0].Rules[0].After[0] != "invitation" {
		t.Errorf("want the snub block with its glued-star rule, got %+v", p.List())
	}
}

func FuzzLoadPatterns(f *testing.F) {
	f.Add(petrTest)
	f.Add("patterns:\n- id: x\n  verbs: [meet]\n  cameo: \"040\"\n  rules:\n  - {id: a, after: [by phone], cameo: \"041\"}\n")
	f.Add("codes:\n  \"040\": [1.0, Consult, CONSULT, visit, a;b]\n")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := LoadPatterns(fstest.MapFS{"f": {Data: []byte(s)}}, "f")
		if err == nil {
			NewCoder(p)
		}
	})
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{"Kenya attacked Somalia.", "Chad asked the AU to help build its army.", "The Minister's meeting with the President.", "If Kenya, which  , by by to Uganda"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		evs := codeText(t, s, world...)
		for _, e := range evs {
			if e.Trigger.Text != s[e.Trigger.Start:e.Trigger.End] {
				t.Fatalf("bad trigger span %+v", e.Trigger)
			}
		}
	})
}

// TestPetrarchVerbOwnCode: a verb line with a code of its own
// ("COMPLAIN [114]" in a block coded 110) codes that verb with its own
// code when no pattern of the block matches, as PETRARCH reads it, and
// with the block's patterns otherwise.
func TestPetrarchVerbOwnCode(t *testing.T) {
	const dict = `--- QUARREL [110] ---
QUARREL
GRUMBLE {GRUMBLED GRUMBLING} [114]
SCOLD [---]
- * (OVER TALKS) [125]
`
	p, err := LoadPatterns(fstest.MapFS{"v.txt": {Data: []byte(dict)}}, "v.txt")
	if err != nil {
		t.Fatal(err)
	}
	byVerb := map[string]*Pattern{}
	for _, pt := range p.List() {
		for _, v := range pt.Verbs {
			byVerb[v] = pt
		}
	}
	for verb, want := range map[string]string{"quarrel": "110", "grumble": "114", "scold": ""} {
		pt := byVerb[verb]
		if pt == nil {
			t.Errorf("%s: no pattern (verbs read: %v)", verb, byVerb)
			continue
		}
		if pt.CAMEO != want || len(pt.Rules) != 1 || pt.Rules[0].CAMEO != "125" {
			t.Errorf("%s: code %q with %d rules, want %q with the block's rule", verb, pt.CAMEO, len(pt.Rules), want)
		}
	}
	if p.irregular["grumbled"] != "grumble" {
		t.Errorf("irregular forms of a verb with its own code: %v", p.irregular)
	}
}
