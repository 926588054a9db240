package evaluate

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestNorm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"  Hello,   World!  ", "hello world"},
		{"The mayor’s plan", "the mayor's plan"},    // curly apostrophe made straight
		{"‘quoted’ words", "'quoted' words"},        // both curly single quotes
		{"snake_case stays", "snake_case stays"},    // the underscore is a word character
		{"tab\there\nnewline", "tab here newline"},  // other white space is a separator
		{"e\u0301te", "éte"},                        // NFKC composes the accent
		{"x\u0308\u0323y", "ẍ y"},                   // a mark NFKC cannot compose is dropped
		{"ﬁnance Ⅻ ²", "finance xii 2"},             // compatibility forms
		{"İSTANBUL", "i stanbul"},                   // Python lower-cases İ to i + combining dot
		{"ΟΔΟΣ ΟΔΟΣ.", "οδος οδος"},                 // final sigma at a word's end
		{"ΣΑΣ", "σας"},                              // a sigma inside a word is not final
		{"Σ", "σ"},                                  // nor one with no letter before it
		{"«Non», a-t-il dit…", "non a t il dit"},    // punctuation of any script
		{"٣ children, 三 days", "٣ children 三 days"}, // digits and numerals are word characters
	} {
		if got := Norm(c.in); got != c.want {
			t.Errorf("Norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOverlap(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"the council will vote", "The council will vote on Monday.", 1}, // all of the smaller set
		{"the council will vote", "the mayor will speak", 0.5},           // the, will of four
		{"a a a b", "b c", 0.5},                       // sets, not counts
		{"", "anything", 0},                           // no words
		{"!!!", "anything", 0},                        // punctuation only: no words
		{"Ms Vasko’s report", "ms vasko's REPORT", 1}, // after normalisation
		{"one two three four five six", "one two three seven eight nine", 0.5},     // exactly half: a match
		{"one two three four five six seven", "one two three eight nine ten", 0.5}, // the smaller set decides
	} {
		if got := Overlap(c.a, c.b); got != c.want {
			t.Errorf("Overlap(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := Overlap(c.b, c.a); got != c.want {
			t.Errorf("Overlap(%q, %q) = %v, want %v (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestSpeakerRight(t *testing.T) {
	for _, c := range []struct {
		gold, ours      string
		right, judgable bool
	}{
		{"Councillor Teodor Vasko", "Teodor Vasko", true, true},
		{"Councillor Teodor Vasko", "Mirren Achebe", false, true},
		{"a spokesman for Harrowgate Council", `"" `, false, true},
		{"he", "Teodor Vasko", false, false}, // a pronoun cannot be judged
		{"They", "", false, false},           // pronouns in any case
		{"his aides", "", false, true},       // not only pronouns
		{"", "Teodor Vasko", false, false},   // no source marked
		{"Vasko", "Vaskova", true, true},     // the last word is looked for as a substring, as score.py does
		{"the councillor", `[{"start": 1, "end": 15, "text": "the councillor"}]`, true, true},
	} {
		right, ok := SpeakerRight(c.gold, c.ours)
		if right != c.right || ok != c.judgable {
			t.Errorf("SpeakerRight(%q, %q) = %v, %v; want %v, %v", c.gold, c.ours, right, ok, c.right, c.judgable)
		}
	}
}

func TestPyDumps(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`[{"start":1,"end":15,"text":"Ms Vasko"}]`, `[{"start": 1, "end": 15, "text": "Ms Vasko"}]`},
		{`[]`, `[]`},
		{`{}`, `{}`},
		{`{"b":1,"a":2}`, `{"b": 1, "a": 2}`}, // keys keep their order
		{`"café\u003c\n\"\\\t"`, `"caf\u00e9<\n\"\\\t"`},
		{`"\u007f\u0001😀"`, `"\u007f\u0001\ud83d\ude00"`},
		{`[1.5, 1e-7, 1e16, 12345678.0, 0.0001, 1E2, -0, null, true, false]`, `[1.5, 1e-07, 1e+16, 12345678.0, 0.0001, 100.0, 0, null, true, false]`},
	} {
		got, err := pyDumps([]byte(c.in))
		if err != nil || got != c.want {
			t.Errorf("pyDumps(%s) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := pyDumps([]byte(`[1,`)); err == nil {
		t.Error("pyDumps accepted broken JSON")
	}
}

func TestSourcesText(t *testing.T) {
	for in, want := range map[string]string{
		``:                                     `""`,
		`[]`:                                   `""`, // falsy: score.py dumps "" instead
		`null`:                                 `""`,
		`[{"start":3,"end":8,"text":"Vasko"}]`: `[{"start": 3, "end": 8, "text": "Vasko"}]`,
	} {
		if got := sourcesText(json.RawMessage(in)); got != want {
			t.Errorf("sourcesText(%q) = %q, want %q", in, got, want)
		}
	}
}

const invented = "T1\tSource 0 12\tTeodor Vasko\n" +
	"T2\tCue 13 17\tsaid\n" +
	"T3\tContent 18 60\tthe bridge will reopen in the spring\n" +
	"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n" +
	"E2\tAttribution:T9 Content:T5 Source:T1\n" + // T5 comes later: not yet known, as in score.py
	"T5\tContent 70 90\tthe budget is balanced\r\n" + // CRLF
	"T6\tContent 90 99\ttaxes will rise\r" + // a lone CR ends a line too
	"E3\tContent:T6\n" + // no source
	"E4\tContent:T7 Source:T1\n" + // no such span
	"T8\tContent 1 2\t\n" + // an empty span
	"E5\tContent:T8\n" +
	"# a note\tnot an attribution\n" +
	"E6\u00a0broken\n" // no tab: not an event line

func TestReadAnn(t *testing.T) {
	got, err := ReadAnn(strings.NewReader(invented))
	if err != nil {
		t.Fatal(err)
	}
	want := []Attribution{
		{Content: "the bridge will reopen in the spring", Source: "Teodor Vasko"},
		{Content: "taxes will rise", Source: ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadAnn = %+v, want %+v", got, want)
	}
	// Arguments are separated by any white space Python's split knows,
	// including U+001F, which Go's does not count.
	got, err = ReadAnn(strings.NewReader("T1\tContent 0 4\tsoon\nT2\tSource 0 1\tX\nE1\tContent:T1\x1fSource:T2\n"))
	if err != nil || len(got) != 1 || got[0].Source != "X" {
		t.Errorf("U+001F between arguments: got %+v, %v", got, err)
	}
	if _, err := ReadAnn(strings.NewReader("T1\tContent 0 4\tso\xffon\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("invalid UTF-8: err = %v, want one naming line 1", err)
	}
}

func TestAnnStem(t *testing.T) {
	for in, want := range map[string]string{
		"harrowgate-bridge_ab12.ann": "harrowgate-bridge",
		"harrowgate-bridge_AB12.ann": "harrowgate-bridge_AB12.ann", // upper-case hex is not the suffix
		"harrowgate-bridge_ab1.ann":  "harrowgate-bridge_ab1.ann",
		"harrowgate-bridge.ann":      "harrowgate-bridge.ann",
		"_0f0f.ann":                  "",
		"notes.txt":                  "notes.txt",
	} {
		if got := AnnStem(in); got != want {
			t.Errorf("AnnStem(%q) = %q, want %q", in, got, want)
		}
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadBratFirstAnnotator(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"attributions/bridge_ff00.ann": "T1\tContent 0 5\tsecond annotator\nE1\tContent:T1\n",
		"attributions/bridge_0a0b.ann": "T1\tContent 0 5\tfirst annotator\nE1\tContent:T1\n",
		"attributions/budget_1234.ann": "",
		"attributions/README":          "T1\tContent 0 5\tread all the same\nE1\tContent:T1\n",
	})
	if err := os.Mkdir(filepath.Join(dir, "attributions", "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	arts, warnings, err := ReadBrat(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		s := a.Stem + ":"
		for _, x := range a.Attributions {
			s += x.Content
		}
		got = append(got, s)
	}
	want := []string{"README:read all the same", "bridge:first annotator", "budget:"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles = %q, want %q", got, want)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "README") || !strings.Contains(warnings[1], "old") {
		t.Errorf("warnings = %q, want one for README and one for the folder old", warnings)
	}
	writeFiles(t, dir, map[string]string{"attributions/bad_0000.ann": "T1\tContent 0 5\t\xfe\n"})
	if _, _, err := ReadBrat(dir); err == nil || !strings.Contains(err.Error(), "bad_0000.ann") {
		t.Errorf("a file that is not UTF-8: err = %v, want one naming it", err)
	}
}

func TestScoreAttributions(t *testing.T) {
	gold := []Article{
		{Stem: "bridge", Attributions: []Attribution{
			{Content: "the bridge will reopen in the spring", Source: "Councillor Teodor Vasko"},
			{Content: "we cannot afford another delay", Source: "she"},
			{Content: "the contractor has been paid in full", Source: "a council spokesman"},
		}},
		{Stem: "budget", Attributions: []Attribution{
			{Content: "taxes will rise next year", Source: "Mirren Achebe"},
		}},
	}
	sources := json.RawMessage(`[{"start":0,"end":5,"text":"Achebe"}]`)
	quotes := []Quote{
		// Both match the first gold attribution equally well: the first
		// is the best, and its speaker is judged (wrong).
		{ID: "q1", Stem: "bridge", Text: "the bridge will reopen in the spring", Speaker: "Mirren Achebe"},
		{ID: "q2", Stem: "bridge", Text: "The bridge will reopen in the spring.", Speaker: "Teodor Vasko"},
		{ID: "q3", Stem: "bridge", Text: "we cannot afford another delay, she said", Speaker: "Lusine Harutyunyan"},
		{ID: "q4", Stem: "bridge", Text: "an unrelated remark about parking", Speaker: ""},
		// The speaker is found in the sources when the speaker is empty.
		{ID: "q5", Stem: "budget", Text: "taxes will rise", Speaker: "", Sources: sources},
		// An article without gold: not counted.
		{ID: "q6", Stem: "elsewhere", Text: "taxes will rise next year"},
	}
	s := ScoreAttributions(gold, quotes)
	if s.Articles != 2 || s.Gold != 4 || s.Ours != 5 {
		t.Errorf("articles, gold, ours = %d, %d, %d; want 2, 4, 5", s.Articles, s.Gold, s.Ours)
	}
	if s.GoldMatched != 3 || s.OursMatched != 4 {
		t.Errorf("gold matched %d, ours matched %d; want 3 and 4", s.GoldMatched, s.OursMatched)
	}
	// The pronoun source is not judgeable; q1 (first of the best) is wrong, q5 right.
	if s.SpeakerJudgeable != 2 || s.SpeakerRight != 1 {
		t.Errorf("speaker %d of %d, want 1 of 2", s.SpeakerRight, s.SpeakerJudgeable)
	}
	p, r := 4.0/5, 3.0/4
	if s.Precision != p || s.Recall != r || s.F1 != 2*p*r/(p+r) || s.Speaker != 0.5 {
		t.Errorf("P %v R %v F1 %v speaker %v", s.Precision, s.Recall, s.F1, s.Speaker)
	}
	if want := "polnear: 2 articles, 4 gold, 5 ours; content P 0.80 R 0.75 F1 0.77; speaker 0.50 of 2 judgeable"; s.Line() != want {
		t.Errorf("line = %q, want %q", s.Line(), want)
	}
	kinds := map[string][]string{}
	for _, e := range s.Errors {
		id := ""
		if e.Ours != nil {
			id = e.Ours.ID
		} else {
			id = e.Gold.Content
		}
		kinds[e.Kind] = append(kinds[e.Kind], id)
	}
	want := map[string][]string{"speaker": {"q1"}, "missed": {"the contractor has been paid in full"}, "extra": {"q4"}}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("errors = %v, want %v", kinds, want)
	}
	// Nothing at all: no division by zero.
	if z := ScoreAttributions(nil, nil); z.Line() != "polnear: 0 articles, 0 gold, 0 ours; content P 0.00 R 0.00 F1 0.00; speaker 0.00 of 0 judgeable" {
		t.Errorf("empty: %q", z.Line())
	}
}

func TestDocStem(t *testing.T) {
	for in, want := range map[string]string{
		"corpus/text/bridge.txt": "bridge",
		"bridge.txt":             "bridge",
		"text/é.txt":             "é", // characters, not bytes
		"text/a.md":              "",
		"text/":                  "",
	} {
		if got := DocStem(in); got != want {
			t.Errorf("DocStem(%q) = %q, want %q", in, got, want)
		}
	}
}

const goldJSONL = "\ufeff" + `{"id": "HG-1", "event": "DOCUMENT", "text": "Harrowgate Gazette, 3 March"}
{"id": "HG-2", "event": "DEMAND", "source": [{"actorText": "Vasko", "code": "HRGGOV"}], "target": {"actorText": "Oskovia", "code": "OSKMIL"}, "text": "Vasko demanded that Oskovia withdraw."}

{"id": 3, "date": "2024-05-01", "event": "FIGHT", "source": [{"code": "IGOUNO"}], "target": "", "text": "Peacekeepers clashed with rebels."}
{"id": "HG-4", "event": "AGREE", "source": [{"code": "HRG"}, {"code": "OSK"}], "target": [], "text": "Harrowgate and Oskovia agreed."}
{"id": "HG-5", "event": "ACCUSE", "source": [{"code": "OSK"}], "target": [{"code": "HRG"}], "text": "Oskovia accused Harrowgate."}
`

func TestReadPLOVER(t *testing.T) {
	recs, err := ReadPLOVER(strings.NewReader(goldJSONL))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("got %d records, want 4 (DOCUMENT and the blank line left out)", len(recs))
	}
	r := recs[0]
	if r.Line != 2 || idText(r.ID) != "HG-2" || r.Event != "DEMAND" || !reflect.DeepEqual(r.Source, []string{"HRG"}) || !reflect.DeepEqual(r.Target, []string{"OSK"}) {
		t.Errorf("first record = %+v", r)
	}
	if want := `{"id":"HG-2","date":"2000-01-01","text":"Vasko demanded that Oskovia withdraw."}` + "\n"; string(r.input) != want {
		t.Errorf("coder input %s, want %s", r.input, want)
	}
	if got := string(recs[1].input); !strings.Contains(got, `"date":"2024-05-01"`) || !strings.Contains(got, `"id":3`) {
		t.Errorf("coder input keeps the record's date and numeric id: %s", got)
	}
	if len(recs[1].Source) != 0 {
		t.Errorf("IGO is not judged: source %v", recs[1].Source)
	}
	for _, c := range []struct{ in, want string }{
		{"{\"id\": 1, \"text\": \"x\"}\n", `line 1: no "event"`},
		{"\n{\"event\": \"AGREE\", \"text\": \"x\"}\n", `line 2: no "id"`},
		{"{\"id\": 1, \"event\": \"AGREE\"}\n", `line 1: no "text"`},
		{"{\"id\": [1], \"event\": \"AGREE\", \"text\": \"x\"}\n", `line 1: "id": must be a text or a number`},
		{"{\"id\": 1, \"event\": \"AGREE\", \"text\": \"x\", \"source\": 7}\n", `line 1: "source"`},
		{"{\"id\": 1, \"event\": \"AGREE\", \"text\": \"x\", \"source\": [{\"code\": 7}]}\n", `line 1: "source": an actor's "code" is not a text`},
		{"[1, 2]\n", "line 1: not a JSON object"},
		{"{\"id\": 1,\r\"event\": \"AGREE\", \"text\": \"x\"}\n", "line 1: not a JSON object"}, // a lone CR ends a line, as in Python
	} {
		if _, err := ReadPLOVER(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadPLOVER(%q): err = %v, want %q", c.in, err, c.want)
		}
	}
}

func TestPyKey(t *testing.T) {
	key := func(s string) string {
		k, err := pyKey(json.RawMessage(s))
		if err != nil {
			t.Fatalf("pyKey(%s): %v", s, err)
		}
		return k
	}
	for _, same := range [][]string{{`1`, `1.0`, `true`, `1e0`}, {`0`, `-0`, `false`, `0.0`}, {`"1"`}, {`null`}, {`2.5`, `25e-1`}} {
		for _, s := range same[1:] {
			if key(s) != key(same[0]) {
				t.Errorf("%s and %s are one key in Python, got %q and %q", same[0], s, key(same[0]), key(s))
			}
		}
	}
	if key(`"1"`) == key(`1`) || key(`null`) == key(`"null"`) || key(`1.5`) == key(`1`) {
		t.Error("different keys collide")
	}
}

func TestReadCoded(t *testing.T) {
	out := "{\"id\": \"HG-2\", \"events\": [{\"event\": \"REQUEST\", \"source\": [{\"code\": \"HRGGOV\"}], \"target\": [{\"code\": \"OSKMIL\"}]}]}\n" +
		"{\"id\": 3, \"error\": \"line 3: no text\"}\n" +
		"{\"id\": \"HG-4\", \"events\": [{\"event\": \"AGREE\", \"source\": [{\"code\": \"HRG\", \"actorText\": \"Harrow\u0085gate\"}], \"target\": []}]}\n" + // U+0085 splits the line for str.splitlines
		"not JSON\n" +
		"{\"id\": \"HG-5\", \"events\": [{\"event\": \"ACCUSE\", \"source\": [], \"target\": []}]}\n" +
		"{\"id\": \"HG-5\", \"events\": [{\"event\": \"DISAPPROVE\", \"source\": [{\"code\": \"OSK\"}], \"target\": [{\"code\": \"HRGREB\"}]}]}\n" // a later line wins
	got, err := ReadCoded(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d ids, want 3 (HG-2, 3, HG-5): %+v", len(got), got)
	}
	if e := got[key(t, `"HG-2"`)]; len(e) != 1 || e[0].Event != "REQUEST" || !e[0].src["HRG"] || !e[0].tgt["OSK"] {
		t.Errorf("HG-2: %+v", e)
	}
	if e, ok := got[key(t, `3`)]; !ok || len(e) != 0 {
		t.Errorf("an error line is an id with no events: %+v, %v", e, ok)
	}
	if e := got[key(t, `"HG-5"`)]; len(e) != 1 || e[0].Event != "DISAPPROVE" {
		t.Errorf("HG-5: the later line should win: %+v", e)
	}
}

func key(t *testing.T, s string) string {
	t.Helper()
	k, err := pyKey(json.RawMessage(s))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestScorePLOVER(t *testing.T) {
	recs, err := ReadPLOVER(strings.NewReader(goldJSONL))
	if err != nil {
		t.Fatal(err)
	}
	out, err := ReadCoded(strings.NewReader(
		// HG-2: DEMAND is REQUEST; source and target right.
		`{"id": "HG-2", "events": [{"event": "REQUEST", "source": [{"code": "HRGGOV"}], "target": [{"code": "OSKMIL"}]}]}` + "\n" +
			// 3: FIGHT is ASSAULT; the source is IGO only, not judged; no target.
			`{"id": 3.0, "events": [{"event": "ASSAULT", "source": [{"code": "IGOUNO"}], "target": []}]}` + "\n" +
			// HG-4: the type is wrong, so every event is the pool: the source is right through the other event.
			`{"id": "HG-4", "events": [{"event": "SUPPORT", "source": [{"code": "HRG"}], "target": []}, {"event": "COOPERATE", "source": [{"code": "USA"}], "target": []}]}` + "\n" +
			// HG-5: the type is right; the pool is the events of that type only, so the source is wrong.
			`{"id": "HG-5", "events": [{"event": "ACCUSE", "source": [{"code": "USA"}], "target": [{"code": "HRG"}]}, {"event": "THREATEN", "source": [{"code": "OSK"}], "target": []}]}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := ScorePLOVER(recs, out)
	if s.Sentences != 4 || s.Coded != 4 || s.TypeRight != 3 {
		t.Errorf("sentences %d coded %d type right %d; want 4, 4, 3", s.Sentences, s.Coded, s.TypeRight)
	}
	if s.SourceJudged != 3 || s.SourceRight != 2 || s.TargetJudged != 2 || s.TargetRight != 2 {
		t.Errorf("source %d of %d, target %d of %d; want 2 of 3, 2 of 2", s.SourceRight, s.SourceJudged, s.TargetRight, s.TargetJudged)
	}
	if want := "plover: 4 sentences, 4 coded; event-type 0.75 (of coded 0.75); source-country 0.67; target-country 1.00"; s.Line() != want {
		t.Errorf("line = %q, want %q", s.Line(), want)
	}
	var wrong []string
	for _, e := range s.Errors {
		wrong = append(wrong, idText(e.Gold.ID)+":"+strings.Join(e.Wrong, ","))
	}
	if want := []string{"HG-4:type", "HG-5:source"}; !reflect.DeepEqual(wrong, want) {
		t.Errorf("errors = %v, want %v", wrong, want)
	}
	// Nothing coded.
	s = ScorePLOVER(recs, Output{})
	if s.Coded != 0 || s.EventType != 0 || len(s.Errors) != 4 || s.Errors[0].Wrong[0] != "not coded" {
		t.Errorf("nothing coded: %+v", s)
	}
}

func idText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func TestPyFloatRepr(t *testing.T) {
	for f, want := range map[float64]string{
		0.1: "0.1", 1.0 / 3: "0.3333333333333333", 100: "100.0", 1e16: "1e+16", 1.5e16: "1.5e+16",
		9999999999999998: "9999999999999998.0", 0.0001: "0.0001", 0.00001: "1e-05", -2.5e-10: "-2.5e-10",
		math.Inf(1): "Infinity", math.Copysign(0, -1): "-0.0",
	} {
		if got := pyFloatRepr(f); got != want {
			t.Errorf("pyFloatRepr(%v) = %q, want %q", f, got, want)
		}
	}
}
