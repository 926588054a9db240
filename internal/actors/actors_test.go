package actors

import (
	"os"

	"github.com/dossier-project/dossier/data"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func loadTest(t *testing.T, paths ...string) *Dictionary {
	t.Helper()
	d, err := Load(os.DirFS("testdata"), paths...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func words(s string) []string { return strings.Fields(s) }

func TestYAMLLoad(t *testing.T) {
	d := loadTest(t, "small.yaml")
	tests := []struct {
		text       string
		kind       EntryKind
		code, name string
		n          int
	}{
		{"Libya", Country, "LBY", "Libya", 1},
		{"State of Libya", Country, "LBY", "Libya", 3},
		{"the Libyans", Demonym, "LBY", "Libya", 2},
		{"Tripoli said", Capital, "LBYGOV", "Libya", 1},
		{"U.S.", Country, "USA", "United States", 1},
		{"United States of America", Country, "USA", "United States", 4},
		{"United States today", Country, "USA", "United States", 2},
		{"North Atlantic Council", Body, "IGOWSTNAT", "North Atlantic Council", 3},
		{"the Alliance", IGO, "IGOWSTNAT", "North Atlantic Treaty Organization", 2},
		{"NATO’s", IGO, "IGOWSTNAT", "North Atlantic Treaty Organization", 1},
		// an acronym of four letters also in title case (British style)
		{"Nato said", IGO, "IGOWSTNAT", "North Atlantic Treaty Organization", 1},
		{"Anna Example", Person, "IGOWSTNAT", "Anna Example", 2},
		{"A. Example", Person, "IGOWSTNAT", "Anna Example", 2},
	}
	for _, tc := range tests {
		e, n := d.Match(words(tc.text), 0)
		if e == nil {
			t.Errorf("Match(%q) = nil", tc.text)
			continue
		}
		if e.Kind != tc.kind || e.Code() != tc.code || e.Name != tc.name || n != tc.n {
			t.Errorf("Match(%q) = %v %s %q n=%d, want %v %s %q n=%d", tc.text, e.Kind, e.Code(), e.Name, n, tc.kind, tc.code, tc.name, tc.n)
		}
	}
	// (an acronym of two or three letters only in capitals: "Us" opening
	// a sentence is no country; the name of a country or a capital, or a
	// demonym, is no word in lower case: "male" is not "Malé")
	for _, s := range []string{"us", "Us", "the alliance", "North", "Atlantic", "the", "", "tripoli said", "the libyans", "libya"} {
		if e, n := d.Match(words(s), 0); e != nil {
			t.Errorf("Match(%q) = %q n=%d, want no match", s, e.Phrase, n)
		}
	}
	if a, ok := d.Agent("officials"); !ok || a != "GOV" {
		t.Errorf("Agent(officials) = %q %v", a, ok)
	}
	if a, ok := d.Agent("Ministries"); !ok || a != "GOV" {
		t.Errorf("Agent(Ministries) = %q %v", a, ok)
	}
	if a, ok := d.Agent("armed forces"); !ok || a != "MIL" {
		t.Errorf("Agent(armed forces) = %q %v", a, ok)
	}
}

func TestMatchLongestFirst(t *testing.T) {
	d := loadTest(t, "small.yaml")
	ws := words("the United States of America and the North Atlantic Council met")
	got := d.MatchAll(ws)
	var phrases []string
	for _, m := range got {
		phrases = append(phrases, strings.Join(ws[m.Start:m.End], " "))
	}
	want := []string{"the United States of America", "the North Atlantic Council"}
	if strings.Join(phrases, "|") != strings.Join(want, "|") {
		t.Errorf("MatchAll = %q, want %q", phrases, want)
	}
	if e, n := d.Match(ws, 3); e != nil {
		t.Errorf("Match in mid-phrase at %q = %q n=%d", ws[3], e.Phrase, n)
	}
	if e, _ := d.Match(ws, -1); e != nil {
		t.Error("Match(-1) matched")
	}
	if e, _ := d.Match(ws, len(ws)); e != nil {
		t.Error("Match(len) matched")
	}
}

func TestPetrarchDatedCodes(t *testing.T) {
	d := loadTest(t, "coder.actors.txt")
	e, n := d.Match(words("ANNA EXAMPLE said"), 0)
	if e == nil || n != 2 || e.Kind != Person || e.Name != "Anna Example" {
		t.Fatalf("Match = %+v n=%d", e, n)
	}
	tests := []struct {
		at   string
		want string
		ok   bool
	}{
		{"2005-06-01", "DNKGOV", true},
		{"2009-08-01", "DNKGOV", true}, // both bounds are inclusive; the first listed wins
		{"2009-08-02", "IGOWSTNAT", true},
		{"2013-06-04", "IGOWSTNAT", true},
		{"1990-01-01", "", false},
	}
	for _, tc := range tests {
		c, ok := e.CodeAt(day(tc.at))
		if c.Code != tc.want || ok != tc.ok {
			t.Errorf("CodeAt(%s) = %q %v, want %q %v", tc.at, c.Code, ok, tc.want, tc.ok)
		}
	}
	if c, _ := e.CodeAt(time.Time{}); c.Code != "IGOWSTNAT" {
		t.Errorf("CodeAt(zero) = %q, want the open-ended IGOWSTNAT", c.Code)
	}
	// Synonyms share the entry's codes.
	if s, _ := d.Match(words("Prime Minister Example"), 0); s == nil || s.Name != "Anna Example" {
		t.Errorf("synonym did not match: %+v", s)
	}
	dora, _ := d.Match(words("Dora Test"), 0)
	if c, _ := dora.CodeAt(day("2004-12-31")); c.Code != "FRAELI" {
		t.Errorf("Dora before 2005 = %q", c.Code)
	}
	if c, _ := dora.CodeAt(day("2005-01-01")); c.Code != "FRAELI" && c.Code != "FRAGOV" {
		t.Errorf("Dora on 2005-01-01 = %q", c.Code)
	}
	if c, _ := dora.CodeAt(day("2007-01-01")); c.Code != "FRAGOV" {
		t.Errorf("Dora in 2007 = %q", c.Code)
	}
	eric, _ := d.Match(words("Eric Sample"), 0)
	if c := eric.Codes[0]; !c.From.Equal(day("1999-01-01")) || !c.To.Equal(day("2004-12-31")) {
		t.Errorf("8-digit dates: %+v", c)
	}
	for phrase, kind := range map[string]EntryKind{"Atlantean": Country, "Middle Watch Group": Actor, "Unknown Figure": Actor} {
		e, _ := d.Match(words(phrase), 0)
		if e == nil || e.Kind != kind {
			t.Errorf("%s: %+v, want kind %v", phrase, e, kind)
		}
	}
	if e, _ := d.Match(words("Unknown Figure"), 0); e.Code() != NullCode {
		t.Errorf("null code = %q", e.Code())
	}
	if got := d.Tenures("anna example"); len(got) != 2 {
		t.Errorf("Tenures = %+v", got)
	}
}

// TestCoderDatePivot: two-digit years up to 30 are 20xx, as KEDS, TABARI
// and PETRARCH read them.
func TestCoderDatePivot(t *testing.T) {
	for in, want := range map[string]string{"011127": "2001-11-27", "290101": "2029-01-01", "300101": "2030-01-01", "310101": "1931-01-01", "970101": "1997-01-01", "19270101": "1927-01-01"} {
		got, err := parseCoderDate(in)
		if err != nil || !got.Equal(day(want)) {
			t.Errorf("parseCoderDate(%s) = %v %v, want %s", in, got, err, want)
		}
	}
}

func TestAgentsFile(t *testing.T) {
	d := loadTest(t, "coder.agents.txt")
	tests := map[string]string{
		"foreign minister": "GOV", "Foreign Ministers": "GOV", "foreign ministries": "GOV",
		"troopers": "MIL", "police": "COP", "chambers of commerce": "BUS", "insurgents": "REB",
	}
	for w, want := range tests {
		if got, ok := d.Agent(w); !ok || got != want {
			t.Errorf("Agent(%q) = %q %v, want %q", w, got, ok, want)
		}
	}
	if _, ok := d.Agent("polices"); ok {
		t.Error(`"{}" should suppress the plural`)
	}
	if _, ok := d.Agent("chamber of commerces"); ok {
		t.Error("explicit plural should replace the regular one")
	}
}

// TestSkippedLines: a line of a TABARI/PETRARCH file that cannot be read
// is left out and reported with its line and problem; the good lines
// around it are loaded.
func TestSkippedLines(t *testing.T) {
	tests := []struct {
		name, bad, want string
	}{
		{"my.actors.txt", "BAD_ [DEF", `unclosed "[" in code (the actor and its synonyms are left out)`},
		{"my.actors.txt", "BAD_ [DEF 010199-020202]", `code DEF: bad date "010199": no such day`},
		{"my.actors.txt", "BAD_ [DEF 2001-2002]", `code DEF: bad date "2001": want YYMMDD or YYYYMMDD`},
		{"my.actors.txt", "BAD_ [DEF ~010101]", `code DEF: date restriction "~010101": want >DATE, <DATE or DATE-DATE`},
		{"my.actors.txt", "BAD_ [DEF 010101]", `code DEF: date restriction "010101": want >DATE, <DATE or DATE-DATE`},
		{"my.actors.txt", "BAD_ [abc]", `code "abc": want upper-case letters A-Z and digits`},
		{"my.actors.txt", "BAD_ [ABCD]", `code "ABCD": want groups of three letters`},
		{"my.actors.txt", "BAD_ []", `empty code`},
		{"my.actors.txt", "BAD_ [DEF] junk", `unexpected text "junk" after code (the actor and its synonyms are left out)`},
		{"my.actors.txt", "BAD_ [DEF 020101-010101]", `code DEF: date range 020101-010101 ends before it starts`},
		{"my.actors.txt", "!!! [DEF]", `actor phrase "!!!" has no word (the actor and its synonyms are left out)`},
		{"my.actors.txt", "BAD_\xff [DEF]", `not UTF-8 text`},
		{"my.agents.txt", "MINISTER [~GOV", `unclosed "[" in code`},
		{"my.agents.txt", "MINISTER [~GOV}", `unclosed "[" in code`},
		{"my.agents.txt", "Y_!Z! [~GOV]", `unknown substitution set !Z!`},
		{"my.agents.txt", "MINISTER", `agent "MINISTER" has no code`},
		{"my.agents.txt", "MINISTER {MINISTERS [~GOV]", `unclosed "{" in plural`},
	}
	for _, tc := range tests {
		good := "GOOD_ [ABC]\n"
		if strings.Contains(tc.name, "agents") {
			good = "GOOD [~GOV]\n"
		}
		src := good + tc.bad + "\n" + good
		es, skipped, err := ParseReport(strings.NewReader(src), tc.name, FormatAuto)
		if err != nil {
			t.Errorf("%s %q: %v, want the line skipped", tc.name, tc.bad, err)
			continue
		}
		if len(es) == 0 {
			t.Errorf("%s %q: the good lines were not loaded", tc.name, tc.bad)
		}
		if len(skipped) != 1 || skipped[0].Line != 2 || skipped[0].Problem != tc.want || skipped[0].File != tc.name {
			t.Errorf("%s %q: skipped %v, want line 2: %s", tc.name, tc.bad, skipped, tc.want)
		}
		for _, e := range es {
			if strings.Contains(strings.ToUpper(e.Phrase), "BAD") {
				t.Errorf("%s %q: the bad line's phrase was loaded: %+v", tc.name, tc.bad, e)
			}
		}
	}
}

// TestSkippedActorTakesItsLines: the synonyms and codes of an actor whose
// phrase line cannot be read are not given to the actor before it.
func TestSkippedActorTakesItsLines(t *testing.T) {
	src := "FIRST_ [ABC]\nSECOND_ [DEF] junk\n+SECOND_SYNONYM_\n\t[GHI]\n"
	d, err := ParseDictionary(strings.NewReader(src), "x.actors.txt", FormatPetrarch)
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := d.Match([]string{"second", "synonym"}, 0); e != nil {
		t.Errorf("a synonym of a skipped actor was loaded: %+v", e)
	}
	e, _ := d.Match([]string{"first"}, 0)
	if e == nil || len(e.Codes) != 1 || e.Codes[0].Code != "ABC" {
		t.Errorf("the actor before a skipped one changed: %+v", e)
	}
}

// TestReleasedForms: the forms of date-restricted codes that the released
// Phoenix dictionaries use, read as PETRARCH reads them (invented
// names).
func TestReleasedForms(t *testing.T) {
	src := strings.Join([]string{
		"ALPHA_EXAMPLE_",
		"\t[XAAGOV > 140608]",       // a space after ">"
		"\t[XAAELI 9008223-911221]", // seven digits: PETRARCH reads the first six
		"BETA_EXAMPLE_",
		"\t[XBBGOV < 20140607]",
		"\t[XBBOPP 1920030320-20060520]", // eight and more digits: the first eight
		"GAMMA_GROUP_ [NGOXAACHRPRO214]", // digits in a code
		"<!-- an XML-style comment -->",
		"DELTA_EXAMPLE_ [XDDGOV >300101]", // 30 is 2030, as PETRARCH reads it
	}, "\n") + "\n"
	d, skipped, err := ParseReport(strings.NewReader(src), "released.actors.txt", FormatPetrarch)
	if err != nil || len(skipped) != 0 {
		t.Fatalf("err %v, skipped %v", err, skipped)
	}
	dict := newDictionary(d)
	check := func(name string, want ...string) {
		t.Helper()
		e, _ := dict.Match(strings.Fields(name), 0)
		if e == nil {
			t.Errorf("%s: not loaded", name)
			return
		}
		var got []string
		for _, c := range e.Codes {
			got = append(got, c.Code+" "+c.From.Format("2006-01-02")+" "+c.To.Format("2006-01-02"))
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s: codes %q, want %q", name, got, want)
		}
	}
	check("Alpha Example", "XAAGOV 2014-06-08 0001-01-01", "XAAELI 1990-08-22 1991-12-21")
	check("Beta Example", "XBBGOV 0001-01-01 2014-06-07", "XBBOPP 1920-03-03 2006-05-20")
	check("Gamma Group", "NGOXAACHRPRO214 0001-01-01 0001-01-01")
	check("Delta Example", "XDDGOV 2030-01-01 0001-01-01")
}

// TestNotADictionary: a file of which nothing can be read, a PETRARCH
// issues file and a discard list are refused with one line.
func TestNotADictionary(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"x.actors.txt", "!#00000000000000000\n+00[AAA >000101]\n", `load dictionary x.actors.txt: no entry can be read: line 1: actor phrase "!" has no word (the actor and its synonyms are left out)`},
		{"x.actors.txt", "A_ [abc]\nB_ [def]\n", `load dictionary x.actors.txt: no entry can be read: line 1: code "abc": want upper-case letters A-Z and digits (and 1 more lines that cannot be read)`},
		{"issues.txt", "<ISSUE CATEGORY=\"X\">\nn:school [SCHOOLS]\n</ISSUE>\n", `load dictionary issues.txt: a PETRARCH issues file (<ISSUE> sections), not an actor or agents dictionary`},
		{"discards.txt", "FEATHERWEIGHT\nBANTAMWEIGHT\n", `load dictionary discards.txt: no line has a code: not an actor dictionary (a PETRARCH discard list?)`},
		{"x.actors.txt", "A_ [ABC]\n\x00\n", `load dictionary x.actors.txt: line 2: binary data`},
	} {
		_, err := ParseDictionary(strings.NewReader(c.src), c.name, FormatAuto)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s %q:\n got %v\nwant %s", c.name, c.src, err, c.want)
		}
	}
}

func TestMalformedYAML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"my.yaml", "countries:\n  - code: LBY\n    nmae: Libya\n", `load dictionary my.yaml: line 3: unknown key "nmae" in country (want capitals, code, demonyms, government, name, names, note)`},
		{"my.yaml", "people:\n  - name: X\n    tenures:\n      - {code: ABC, from: 2001-13-01}\n", `load dictionary my.yaml: line 4: person "X": from: bad date "2001-13-01" (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{"my.yaml", "people:\n  - name: X\n    tenures:\n      - {code: ABC, from: 2005, to: 2001}\n", `load dictionary my.yaml: line 4: person "X": tenure ABC ends (2001) before it starts (2005)`},
		{"my.yaml", "igos:\n  - code: igo\n    name: X\n", `load dictionary my.yaml: line 2: igo "X": code "igo": want upper-case letters A-Z`},
		{"my.yaml", "countries: [\n", `load dictionary my.yaml: line 1: did not find expected node content`},
		{"my.yaml", "people:\n  - name: Wen Haodong\n    surname: Wang\n    tenures: [{code: ABC}]\n", `load dictionary my.yaml: line 2: person "Wen Haodong": surname "Wang" is not a word of the name`},
		{"my.yaml", "stuff: []\n", `load dictionary my.yaml: line 1: unknown key "stuff" (want actors, agents, countries, honorifics, igos, people, roles)`},
	}
	for _, tc := range tests {
		_, err := Parse(strings.NewReader(tc.src), tc.name, FormatAuto)
		if err == nil {
			t.Errorf("%s %q: no error, want %q", tc.name, tc.src, tc.want)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.name, tc.src, err.Error(), tc.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("error is not one line: %q", err)
		}
	}
	if _, err := Load(os.DirFS("testdata"), "missing.txt"); err == nil || !strings.HasPrefix(err.Error(), "load dictionary missing.txt: ") {
		t.Errorf("missing file: %v", err)
	}
}

func TestComposition(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	at := day("2013-06-04")
	tests := []struct {
		text, code, rule string
		person           bool
		n                int
	}{
		{"the Libyan government", "LBYGOV", "actors:demonym+agent", false, 3},
		{"the Libyan Government", "LBYGOV", "actors:demonym+agent", false, 3},
		{"US officials", "USAGOV", "actors:country+agent", false, 2},
		{"French military intervention", "FRAMIL", "actors:demonym+agent", false, 2},
		{"Libyan people", "LBYCVL", "actors:demonym+agent", false, 2},
		{"British troops", "GBRMIL", "actors:demonym+agent", false, 2},
		{"Russian police", "RUSCOP", "actors:demonym+agent", false, 2},
		{"Libya's National Congress", "LBYLEG", "actors:country+agent", false, 3},
		{"NATO troops", "IGOWSTNATMIL", "actors:igo+agent", false, 2},
		{"NATO officials", "IGOWSTNAT", "actors:igo+agent", false, 2},
		{"Washington", "USAGOV", "actors:capital", false, 1},
		{"Tripoli", "LBYGOV", "actors:capital", false, 1},
		{"Paris", "FRAGOV", "actors:capital", false, 1},
		{"Moscow", "RUSGOV", "actors:capital", false, 1},
		{"Beijing", "CHNGOV", "actors:capital", false, 1},
		{"the Kremlin", "RUSGOV", "actors:capital", false, 2},
		{"the government of Libya", "LBYGOV", "actors:agent+of+country", false, 4},
		{"the Prime Minister of Libya", "LBYGOV", "actors:role+of+country", false, 5},
		{"Secretary General of NATO", "IGOWSTNAT", "actors:role+of+igo", false, 4},
		{"NATO Secretary General Anders Fogh Rasmussen", "IGOWSTNAT", "actors:body+person", true, 6},
		{"Prime Minister Ali Zeidan", "LBYGOV", "actors:role+person", true, 4},
		{"US Secretary of Defense Chuck Hagel", "USAGOVMIL", "actors:country+role+person", true, 6},
		{"President Obama", "USAGOV", "actors:person", true, 2},
		{"Mr Rasmussen", "IGOWSTNAT", "actors:surname", true, 2},
		{"Rasmussen", "IGOWSTNAT", "actors:surname", true, 1},
		{"militants", "REB", "actors:agent", false, 1},
		{"North Atlantic Council", "IGOWSTNAT", "actors:body", false, 3},
		{"the EU", "IGOEUREEC", "actors:igo", false, 2},
		{"African Union", "IGOAFRAFU", "actors:igo", false, 2},
		{"Arab League", "IGOMEAARL", "actors:igo", false, 2},
		{"UN Security Council", "IGOUNO", "actors:body", false, 3},
	}
	for _, tc := range tests {
		r, n, ok := d.Resolve(words(tc.text), 0, at)
		if !ok || r.Code != tc.code || r.Rule != tc.rule || r.Person != tc.person || n != tc.n {
			t.Errorf("Resolve(%q) = %q %q person=%v n=%d ok=%v, want %q %q person=%v n=%d", tc.text, r.Code, r.Rule, r.Person, n, ok, tc.code, tc.rule, tc.person, tc.n)
		}
	}
	if r, _, _ := d.Resolve(words("the Prime Minister of Libya"), 0, at); r.Holder == nil || r.Holder.Name != "Ali Zeidan" {
		t.Errorf("holder of Libya's PM in 2013 = %+v", r.Holder)
	}
	// A person's code depends on the date.
	if r, _, _ := d.Resolve(words("Anders Fogh Rasmussen"), 0, day("2005-01-01")); r.Code != "DNKGOV" {
		t.Errorf("Rasmussen in 2005 = %q, want DNKGOV", r.Code)
	}
	// In 2017 "Rasmussen" alone is the Danish prime minister of the day.
	if r, _, _ := d.Resolve(words("Rasmussen"), 0, day("2017-01-01")); r.Name != "Lars Løkke Rasmussen" {
		t.Errorf("Rasmussen in 2017 = %q", r.Name)
	}
	for _, s := range []string{"us", "who", "Who", "rasmussen", "the"} {
		if r, n, ok := d.Resolve(words(s), 0, at); ok {
			t.Errorf("Resolve(%q) = %q n=%d, want none", s, r.Code, n)
		}
	}
	for _, tc := range [][3]string{{"LBY", "GOV", "LBYGOV"}, {"LBYGOV", "GOV", "LBYGOV"}, {"USA", "~MIL", "USAMIL"}, {"IGOWSTNAT", "GOV", "IGOWSTNAT"}, {"IGOWSTNAT", "MIL", "IGOWSTNATMIL"}, {"FRA", "", "FRA"}} {
		if got := d.Compose(tc[0], tc[1]); got != tc[2] {
			t.Errorf("Compose(%q,%q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

func TestHolder(t *testing.T) {
	d := loadTest(t, "small.yaml")
	tests := []struct {
		role, org, at, want string
	}{
		{"Secretary General", "IGOWSTNAT", "2013-06-01", "Anna Example"},
		{"Secretary-General", "IGOWSTNAT", "2015-01-01", "Bert Sample"},
		{"Secretary General", "IGOWSTNAT", "", "Bert Sample"},
		{"Prime Minister", "DNK", "2005-01-01", "Anna Example"},
		{"Premier", "LBY", "2013-06-01", "Carl Sample"},
		{"Prime Minister", "LBY", "2014-03-31", "Carl Sample"}, // "to: 2014-03" covers the whole month
		{"Prime Minister", "LBY", "2014-04-01", ""},
		{"Prime Minister", "DNK", "2010-01-01", ""},
	}
	for _, tc := range tests {
		var at time.Time
		if tc.at != "" {
			at = day(tc.at)
		}
		got := d.Holder(tc.role, tc.org, at)
		name := ""
		if got != nil {
			name = got.Name
		}
		if name != tc.want {
			t.Errorf("Holder(%q,%q,%s) = %q, want %q", tc.role, tc.org, tc.at, name, tc.want)
		}
	}
	if p := d.Person("Sample"); p != nil {
		t.Errorf("ambiguous surname resolved to %q", p.Name)
	}
	if p := d.Person("Example"); p == nil || p.Name != "Anna Example" {
		t.Errorf("unique surname: %+v", p)
	}
	if p := d.PersonAt("Sample", day("2013-01-01")); p == nil || p.Name != "Carl Sample" {
		t.Errorf("PersonAt(Sample, 2013): %+v", p)
	}
}

func TestDefaultHolders(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	at := day("2013-06-01")
	tests := []struct{ role, org, want string }{
		{"Secretary General", "IGOWSTNAT", "Anders Fogh Rasmussen"},
		{"Prime Minister", "LBY", "Ali Zeidan"},
		{"President", "USA", "Barack Obama"},
		{"Secretary of Defense", "USA", "Chuck Hagel"},
		{"Secretary-General", "IGOUNO", "Ban Ki-moon"},
		{"Chancellor", "DEU", "Angela Merkel"},
	}
	for _, tc := range tests {
		if p := d.Holder(tc.role, tc.org, at); p == nil || p.Name != tc.want {
			t.Errorf("Holder(%q,%q,2013) = %+v, want %s", tc.role, tc.org, p, tc.want)
		}
	}
}

func TestUserOverride(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	user := loadTest(t, "override.actors.txt")
	at := day("2013-06-04")
	if r, _, _ := def.Resolve(words("NATO"), 0, at); r.Code != "IGOWSTNAT" {
		t.Fatalf("default NATO = %q", r.Code)
	}
	d := def.Merge(user)
	if r, _, _ := d.Resolve(words("NATO"), 0, at); r.Code != "IGOXXXNAT" {
		t.Errorf("overridden NATO = %q, want IGOXXXNAT", r.Code)
	}
	// The user's person replaces the default's, aliases and all.
	if r, _, _ := d.Resolve(words("Anders Fogh Rasmussen"), 0, at); r.Code != "DNKELI" {
		t.Errorf("overridden Rasmussen = %q, want DNKELI", r.Code)
	}
	if r, _, _ := d.Resolve(words("Fogh Rasmussen"), 0, at); r.Code == "IGOWSTNAT" {
		t.Errorf("default alias survived the override: %q", r.Code)
	}
	// The rest of the default is untouched, and so is the default itself.
	if r, _, _ := d.Resolve(words("Libyan government"), 0, at); r.Code != "LBYGOV" {
		t.Errorf("Libyan government = %q", r.Code)
	}
	if r, _, _ := def.Resolve(words("NATO"), 0, at); r.Code != "IGOWSTNAT" {
		t.Errorf("Merge changed its receiver: NATO = %q", r.Code)
	}
}

func TestFromDataOverlay(t *testing.T) {
	// A user directory laid over the data tree: actors/user/* files load
	// after the defaults and win.
	// Its countries.yaml replaces the shipped one (it knows only Libya).
	d, err := FromData(data.Open("testdata/datatree"))
	if err != nil {
		t.Fatal(err)
	}
	if r, _, _ := d.Resolve(words("Atlantis"), 0, time.Time{}); r.Code != "ATL" {
		t.Errorf("Atlantis = %q", r.Code)
	}
	if r, _, _ := d.Resolve(words("Libya"), 0, time.Time{}); r.Code != "LBY" {
		t.Errorf("Libya = %q", r.Code)
	}
	if _, _, ok := d.Resolve(words("France"), 0, time.Time{}); ok {
		t.Error("the user's countries.yaml did not replace the shipped one")
	}
	if r, _, _ := d.Resolve(words("NATO"), 0, time.Time{}); r.Code != "IGOWSTNAT" {
		t.Errorf("NATO from the shipped igos.yaml = %q", r.Code)
	}
}

func TestDefaultData(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[EntryKind]int{}
	for _, e := range d.Entries() {
		counts[e.Kind]++
	}
	if counts[Country] < 400 || counts[Demonym] < 250 || counts[Capital] < 150 || counts[IGO] < 50 || counts[Agent] < 300 || len(d.People()) < 300 {
		t.Errorf("default dictionary too small: %v, %d people", counts, len(d.People()))
	}
	for _, p := range d.People() {
		for _, c := range p.Codes {
			if c.Role == "" || c.From.IsZero() {
				t.Errorf("%s: tenure %+v lacks a role or start", p.Name, c)
			}
			if d.RoleEntry(c.Role) == nil {
				t.Errorf("%s: role %q is not in roles.yaml", p.Name, c.Role)
			}
		}
	}
}

func TestNoPanicOnGarbage(t *testing.T) {
	inputs := []string{"", "\x00\x01", "[", "]", "+", "!A! =", "A {", "A }", "A [~]", "{}", "- - -", ":", "countries: 5", "people: [{}]",
		"people:\n - name: x\n   tenures: [3]", "igos:\n - code: IGO\n   name: x\n   bodies: [5]", "!A! = !A!\nX!A! [~GOV]"}
	for _, in := range inputs {
		for _, f := range []Format{FormatYAML, FormatPetrarch, FormatAgents} {
			es, err := Parse(strings.NewReader(in), "x", f)
			empty := in == "" || in == "{}" && f == FormatYAML
			switch {
			case empty && (err != nil || len(es) != 0):
				t.Errorf("format %d, %q: want nothing, got %d entries, %v", f, in, len(es), err)
			case !empty && err == nil:
				t.Errorf("format %d, %q: garbage loaded without an error (%d entries)", f, in, len(es))
			case !empty && (len(es) != 0 || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "load dictionary x: ")):
				t.Errorf("format %d, %q: want one line naming the file and no entries, got %q and %d entries", f, in, err, len(es))
			}
		}
	}
}

// FuzzParsers: every format loads any input without panicking, to a
// dictionary that can be matched and merged, or to one error line; the
// lines it skips are real lines of the input.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{
		"A_ [ABC 010101-020202]\n+B_\n\t[DEF >030303]", "!X! = A, B\nC_!X! {D} [~GOV]", "countries:\n  - code: ABC\n    name: x\n",
		"!#00000000000000000\n+00[AAA >000101]\n", "X_ [EGYGOV > 140608]\n\t[ARMUNR 9008223-911221]\n<!-- c\n-->\nY [~ENV}\n",
		"people:\n  - name: P\n    tenures:\n      - {code: ABC, role: R, from: 2001, to: 2002}\n",
	} {
		f.Add(s)
	}
	base, err := ParseDictionary(strings.NewReader("A_ [ABC]\n"), "base.txt", FormatPetrarch)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Count(s, "\n") + 1
		for _, fm := range []Format{FormatYAML, FormatPetrarch, FormatAgents} {
			es, skipped, err := ParseReport(strings.NewReader(s), "fuzz", fm)
			if err != nil {
				if strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "internal error") {
					t.Fatalf("format %d: %q", fm, err)
				}
				continue
			}
			for _, k := range skipped {
				if k.Line < 1 || k.Line > lines || strings.Contains(k.Problem, "\n") {
					t.Fatalf("format %d: skipped %+v of %d lines", fm, k, lines)
				}
			}
			d := newDictionary(es)
			words := strings.Fields(s)
			for i := range words {
				d.Match(words, i)
			}
			m := base.Merge(d)
			for _, p := range d.People() {
				m.Person(p.Name)
				m.Tenures(p.Name)
			}
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	d, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile("../../examples/nato-libya/natowatch-nato-returns-to-libya.txt")
	if err != nil {
		b.Skip(err)
	}
	ws := strings.Fields(string(src))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i := range ws {
			d.Match(ws, i)
		}
		n += len(ws)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "words/s")
}

// TestHonorificsAreData: a form of address in the data lets a surname
// after it resolve to the person; without it the surname alone is not
// tried when no date is given.
func TestHonorificsAreData(t *testing.T) {
	const people = `people:
  - name: Tomas Vellinga
    tenures:
      - {code: NLDGOV, role: Foreign Minister, from: 2015-01-01, to: 2019-12-31}
`
	for _, c := range []struct {
		extra string
		want  bool
	}{{"", false}, {"honorifics: [Herr]\n", true}} {
		d, err := ParseDictionary(strings.NewReader(people+c.extra), "p.yaml", FormatYAML)
		if err != nil {
			t.Fatal(err)
		}
		r, n, ok := d.Resolve([]string{"Herr", "Vellinga", "said"}, 0, time.Time{})
		got := ok && n == 2 && r.Name == "Tomas Vellinga"
		if got != c.want {
			t.Errorf("with %q: resolved %v (%+v, %d words), want %v", c.extra, got, r, n, c.want)
		}
		if e, _ := d.Match([]string{"Herr"}, 0); e != nil {
			t.Errorf("an honorific is not an actor, but Match found %+v", e)
		}
	}
}

// normName's fast path for one plain lower-case word gives what the
// general path gives.
func TestNormNameFastPath(t *testing.T) {
	for _, w := range []string{"president", "co-chair", "g7", "-", "a", "minister", "2016", "x-ray-"} {
		if got, want := normName(w), normPhrase(w); got != want {
			t.Errorf("normName(%q) = %q, want %q", w, got, want)
		}
	}
	for _, w := range []string{"President", "prime minister", "prime_minister", "Nato’s", "café", "U.S."} {
		if got, want := normName(w), normPhrase(w); got != want {
			t.Errorf("normName(%q) = %q, want %q", w, got, want)
		}
	}
}

// A person's surname, where it is not the last word of the name, is
// kept on every entry of the person (name and aliases).
func TestPersonSurname(t *testing.T) {
	d, err := Load(fstest.MapFS{"p.yaml": {Data: []byte("people:\n  - name: Wen Haodong\n    surname: Wen\n    aliases: [Wen Hao-dong]\n    tenures: [{code: ABCGOV}]\n  - name: Ana Ruiz\n    tenures: [{code: ABCGOV}]\n")}}, "p.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Wen Haodong", "Wen Hao-dong"} {
		if e := d.Person(n); e == nil || e.Surname != "Wen" {
			t.Errorf("%s: %+v, want surname Wen", n, e)
		}
	}
	if e := d.Person("Ana Ruiz"); e == nil || e.Surname != "" {
		t.Errorf("Ana Ruiz: %+v, want no surname of its own", e)
	}
}

// A title written before a surname opens a phrase of a role: "Secretary"
// of "Secretary of State", one of the foreign minister's phrases, but of
// no phrase of the president's.
func TestTitled(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		title, role string
		want        bool
	}{
		{"Secretary", "Foreign Minister", true},
		{"secretary", "foreign minister", true},
		{"President", "President", true},
		{"Secretary", "President", false},
		{"Minister", "President", false},
	} {
		if got := d.Titled(tc.title, tc.role); got != tc.want {
			t.Errorf("Titled(%q, %q) = %v, want %v", tc.title, tc.role, got, tc.want)
		}
	}
}

// An actor's name written with "=" is matched in its capitals only and
// shown without the mark: the shipped news organisations are newspapers
// when capitalised, nothing in lower case.
func TestExactActorName(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, code, name string }{
		{"The Guardian reported", "GBRMED", "The Guardian"},
		{"The Washington Post's", "USAMED", "Washington Post"},
	} {
		e, _ := d.Match(words(tc.text), 0)
		if e == nil || e.Code() != tc.code || e.Name != tc.name {
			t.Errorf("Match(%q) = %+v, want %s %q", tc.text, e, tc.code, tc.name)
		}
	}
	for _, s := range []string{"the guardian of the fund", "the economist said", "on the hill"} {
		if e, _ := d.Match(words(s), 0); e != nil && strings.HasSuffix(e.Code(), "MED") {
			t.Errorf("Match(%q) = %q %s, want no newspaper", s, e.Phrase, e.Code())
		}
	}
}
