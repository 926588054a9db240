package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// runMainEnv, set to 1, makes this package's test binary run dossier's
// Main with its arguments instead of the tests, so that the project's
// scorer can drive it as it drives a built dossier.
const runMainEnv = "DOSSIER_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// sharedDir is the project's shared folder beside the repository
// (scorer and development corpora). Without it, or without python3, the
// test is skipped, except under CI.
func sharedDir(t *testing.T) (python, shared string) {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	shared = filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	python, err := exec.LookPath("python3")
	missing := ""
	if err != nil {
		missing = "python3 is not installed"
	}
	for _, p := range []string{"eval/score.py", "corpora/plover/gsr-dev.jsonl", "corpora/polnear/dev/text", "corpora/polnear/dev/attributions"} {
		if _, err := os.Stat(filepath.Join(shared, p)); err != nil && missing == "" {
			missing = filepath.Join(shared, p) + " is missing"
		}
	}
	if missing != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (CI installs python3; the shared folder must be beside the repository)", missing)
		}
		t.Skip(missing)
	}
	return python, shared
}

// preciseScorer writes a copy of score.py whose figures print both as
// they are printed ("0.29") and exactly ("<0.2919254658385093>"), so that
// the test compares the printed line and the exact ratios behind it.
func preciseScorer(t *testing.T, shared string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(shared, "eval", "score.py"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`\{([^{}:]+):\.2f\}`)
	if len(re.FindAll(src, -1)) == 0 {
		t.Fatal("score.py prints no figure as {x:.2f}: update this test to its format")
	}
	out := "def _both(x):\n    return f\"{x:.2f}<{x!r}>\"\n\n" + re.ReplaceAllString(string(src), "{_both($1)}")
	p := filepath.Join(t.TempDir(), "score.py")
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runScorer runs the scorer's task on args with this test binary as
// dossier, and returns its last line as printed and its exact figures.
func runScorer(t *testing.T, python, script, task string, args ...string) (line string, exact []float64) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, append([]string{script, exe, task}, args...)...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("score.py %s: %v\n%s%s", task, err, stdout.String(), stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	last := lines[len(lines)-1]
	for _, m := range regexp.MustCompile(`<([^>]*)>`).FindAllStringSubmatch(last, -1) {
		f, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			t.Fatalf("score.py printed %q: %v", last, err)
		}
		exact = append(exact, f)
	}
	return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(last, ""), exact
}

// TestEvalAgreesWithScorer runs score.py and dossier eval on the
// development data and requires the same line and the same exact ratios.
// The brat comparison runs on every third article of the development set
// (DOSSIER_EVAL_FULL=1: all of them).
func TestEvalAgreesWithScorer(t *testing.T) {
	python, shared := sharedDir(t)
	script := preciseScorer(t, shared)

	t.Run("plover", func(t *testing.T) {
		file := filepath.Join(shared, "corpora", "plover", "gsr-dev.jsonl")
		want, exact := runScorer(t, python, script, "plover", file)
		code, stdout, stderr := run(t, filepath.Join(t.TempDir(), "unused.db"), "eval", "plover", file, "--json")
		if code != 0 {
			t.Fatalf("eval plover exited %d: %s", code, stderr)
		}
		var got struct {
			Summary                                                   string
			EventType, EventTypeOfCoded, SourceCountry, TargetCountry float64
		}
		decodeScore(t, stdout, &got)
		if got.Summary != want {
			t.Errorf("dossier eval plover:\n  %s\nscore.py:\n  %s", got.Summary, want)
		}
		if ours := []float64{got.EventType, got.EventTypeOfCoded, got.SourceCountry, got.TargetCountry}; !equalFloats(ours, exact) {
			t.Errorf("exact figures: dossier eval %v, score.py %v", ours, exact)
		}
	})

	t.Run("brat", func(t *testing.T) {
		dev := filepath.Join(shared, "corpora", "polnear", "dev")
		if os.Getenv("DOSSIER_EVAL_FULL") != "1" {
			dev = bratSubset(t, dev, 3)
		}
		want, exact := runScorer(t, python, script, "polnear", dev)
		code, stdout, stderr := run(t, filepath.Join(t.TempDir(), "unused.db"), "eval", "brat", dev, "--json")
		if code != 0 {
			t.Fatalf("eval brat exited %d: %s", code, stderr)
		}
		var got struct {
			Summary                        string
			Precision, Recall, F1, Speaker float64
		}
		decodeScore(t, stdout, &got)
		if got.Summary != want {
			t.Errorf("dossier eval brat:\n  %s\nscore.py:\n  %s", got.Summary, want)
		}
		if ours := []float64{got.Precision, got.Recall, got.F1, got.Speaker}; !equalFloats(ours, exact) {
			t.Errorf("exact figures: dossier eval %v, score.py %v", ours, exact)
		}
	})
}

// decodeScore reads eval's JSON, whose fields are snake_case.
func decodeScore(t *testing.T, stdout string, v any) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, stdout)
	}
	camel := map[string]any{}
	for k, x := range m {
		camel[strings.ReplaceAll(k, "_", "")] = x
	}
	b, _ := json.Marshal(camel)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// bratSubset copies every nth article of a brat folder (its text and all
// its annotators' files) to a temporary folder.
func bratSubset(t *testing.T, dir string, n int) string {
	t.Helper()
	out := t.TempDir()
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Fatalf("no texts in %s: %v", dir, err)
	}
	sort.Strings(texts)
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", "*"))
	for _, sub := range []string{"text", "attributions"} {
		if err := os.Mkdir(filepath.Join(out, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < len(texts); i += n {
		stem := strings.TrimSuffix(filepath.Base(texts[i]), ".txt")
		copyFile(t, texts[i], filepath.Join(out, "text", filepath.Base(texts[i])))
		for _, a := range anns {
			if name := filepath.Base(a); strings.HasPrefix(name, stem+"_") && len(name) == len(stem)+len("_0000.ann") {
				copyFile(t, a, filepath.Join(out, "attributions", name))
			}
		}
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeTree writes files (path: text) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
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

// inventedBrat is a brat folder about an invented town: one article with
// gold attributions by two annotators, and one without gold.
func inventedBrat(t *testing.T) string {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"text/harrowgate-bridge.txt": "Harrowgate bridge to reopen in spring\n\n" +
			"HARROWGATE — The Harrowgate bridge will reopen in the spring, Councillor Teodor Vasko said on Tuesday.\n\n" +
			"\"We cannot afford another delay,\" Vasko told reporters outside the town hall.\n\n" +
			"Residents have complained for months about the closure, according to Mirren Achebe, who chairs the residents' association.\n",
		"text/harrowgate-budget.txt": "Budget vote delayed\n\n\"The budget is balanced,\" the treasurer, Lusine Harutyunyan, said on Monday.\n",
		"attributions/harrowgate-bridge_ab12.ann": "T1\tSource 0 1\tCouncillor Teodor Vasko\nT2\tContent 0 1\tThe Harrowgate bridge will reopen in the spring\nE1\tSource:T1 Content:T2\n" +
			"T3\tSource 0 1\the\nT4\tContent 0 1\tWe cannot afford another delay\nE2\tSource:T3 Content:T4\n" +
			"T5\tSource 0 1\tthe town clerk\nT6\tContent 0 1\tthe minutes were lost in a flood\nE3\tSource:T5 Content:T6\n",
		// A second annotator's file: not the gold.
		"attributions/harrowgate-bridge_ff00.ann": "T1\tContent 0 1\tsomething else entirely\nE1\tContent:T1\n",
	})
	return dir
}

type bratJSON struct {
	Summary     string `json:"summary"`
	Articles    int    `json:"articles"`
	Gold        int    `json:"gold"`
	Ours        int    `json:"ours"`
	GoldMatched int    `json:"gold_matched"`
	OursMatched int    `json:"ours_matched"`
	Errors      []struct {
		Kind    string
		Article string
		Gold    *struct{ Content, Source string }
		Ours    *struct{ ID, Text string }
	} `json:"errors"`
}

// TestEvalBratCountsTheQuotesOfQuotesCommand checks eval brat against
// what dossier add and dossier quotes give for the same articles, so that
// it holds whatever the extractor finds.
func TestEvalBratCountsTheQuotesOfQuotesCommand(t *testing.T) {
	dir := inventedBrat(t)
	untouched := filepath.Join(t.TempDir(), "untouched.db")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	code, stdout, stderr := run(t, untouched, "eval", "brat", dir, "--json", "--errors")
	if code != 0 {
		t.Fatalf("eval brat exited %d: %s", code, stderr)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("eval brat left %s in the temporary folder", left[0].Name())
	}
	var s bratJSON
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if s.Articles != 1 || s.Gold != 3 {
		t.Errorf("articles %d, gold %d; want 1 and 3 (the first annotator's file only)", s.Articles, s.Gold)
	}
	// Our quotes of the article with gold, as dossier quotes gives them.
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "add", filepath.Join(dir, "text")); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	_, docsOut, _ := run(t, db, "docs", "--json")
	_, quotesOut, _ := run(t, db, "quotes", "--json")
	var docs []docJSON
	var quotes []quoteJSON
	if err := json.Unmarshal([]byte(docsOut), &docs); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(quotesOut), &quotes); err != nil {
		t.Fatal(err)
	}
	bridge := ""
	for _, d := range docs {
		if filepath.Base(d.Path) == "harrowgate-bridge.txt" {
			bridge = d.ID
		}
	}
	ours := map[string]string{}
	for _, q := range quotes {
		if q.Doc == bridge {
			ours[q.ID] = q.Text
		}
	}
	if s.Ours != len(ours) {
		t.Errorf("ours = %d, dossier quotes gives %d quotes for the article", s.Ours, len(ours))
	}
	missed, extra := 0, 0
	for _, e := range s.Errors {
		switch e.Kind {
		case "missed":
			missed++
		case "extra":
			extra++
			if e.Ours == nil || ours[e.Ours.ID] != e.Ours.Text {
				t.Errorf("extra %+v is not one of dossier quotes' quotes of the article", e.Ours)
			}
		}
		if e.Article != "harrowgate-bridge" {
			t.Errorf("an error in article %q", e.Article)
		}
	}
	if missed != s.Gold-s.GoldMatched || extra != s.Ours-s.OursMatched {
		t.Errorf("%d missed and %d extra listed; the counts say %d and %d", missed, extra, s.Gold-s.GoldMatched, s.Ours-s.OursMatched)
	}
	if _, err := os.Stat(untouched); err == nil {
		t.Error("eval brat created the --db store; it works in a temporary one")
	}

	// The plain output: the error lines, then the summary line last.
	code, stdout, stderr = run(t, untouched, "eval", "brat", dir, "--errors")
	lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
	if code != 0 || lines[len(lines)-1] != s.Summary || len(lines) != len(s.Errors)+1 {
		t.Errorf("plain output (exit %d, %s):\n%s\nwant %d error lines and then %q", code, stderr, stdout, len(s.Errors), s.Summary)
	}
	if !strings.HasPrefix(s.Summary, "polnear: 1 articles, 3 gold, ") {
		t.Errorf("summary %q", s.Summary)
	}
}

// TestEvalPloverCodesAsCodeCommand checks eval plover against dossier
// code on the same sentences, whatever the coder finds.
func TestEvalPloverCodesAsCodeCommand(t *testing.T) {
	dir := t.TempDir()
	recs := []string{
		`{"id": "HG-0", "event": "DOCUMENT", "text": "Harrowgate Gazette"}`,
		`{"id": "HG-1", "event": "ASSAULT", "source": [{"code": "OSKMIL"}], "target": [{"code": "HRG"}], "text": "Oskovian troops attacked Harrowgate on Monday."}`,
		``,
		`{"id": 2, "event": "REQUEST", "source": [{"code": "HRGGOV"}], "target": [{"code": "IGOUNO"}], "text": "The government of Harrowgate asked the United Nations to send observers."}`,
		`{"id": "HG-3", "event": "AGREE", "source": [], "target": "", "text": "Nothing of note happened."}`,
	}
	file := filepath.Join(dir, "gold.jsonl")
	writeTree(t, dir, map[string]string{"gold.jsonl": strings.Join(recs, "\n") + "\n"})
	code, stdout, stderr := run(t, filepath.Join(dir, "unused.db"), "eval", "plover", file, "--json", "--errors")
	if code != 0 {
		t.Fatalf("eval plover exited %d: %s", code, stderr)
	}
	var s struct {
		Summary   string `json:"summary"`
		Sentences int    `json:"sentences"`
		Coded     int    `json:"coded"`
		Errors    []struct {
			Wrong []string
			Gold  struct{ Line int }
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if s.Sentences != 3 {
		t.Errorf("sentences = %d, want 3 (the DOCUMENT record and the blank line left out)", s.Sentences)
	}
	// What dossier code says about the same three texts.
	in := strings.Join([]string{recs[1], recs[3], recs[4]}, "\n")
	var out bytes.Buffer
	var errb bytes.Buffer
	if code := Main(context.Background(), []string{"code", "--quiet"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("code: %s", errb.String())
	}
	coded := 0
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var o struct{ Events []json.RawMessage }
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		if len(o.Events) > 0 {
			coded++
		}
	}
	if s.Coded != coded {
		t.Errorf("coded = %d, dossier code codes %d of the texts", s.Coded, coded)
	}
	for _, e := range s.Errors {
		if e.Gold.Line != 2 && e.Gold.Line != 4 && e.Gold.Line != 5 {
			t.Errorf("an error on line %d, which holds no scored record", e.Gold.Line)
		}
	}
	// HG-3's text has no event: it is wrong, as not coded, unless the coder invents one.
	if coded < 3 {
		found := false
		for _, e := range s.Errors {
			found = found || e.Gold.Line == 5 && len(e.Wrong) == 1 && e.Wrong[0] == "not coded"
		}
		if !found {
			t.Errorf("line 5 (nothing coded) is not listed as not coded: %+v", s.Errors)
		}
	}
	code, stdout, _ = run(t, filepath.Join(dir, "unused.db"), "eval", "plover", file)
	if code != 0 || strings.TrimRight(stdout, "\n") != s.Summary || !strings.HasPrefix(s.Summary, "plover: 3 sentences, ") {
		t.Errorf("plain output %q, want the summary %q", stdout, s.Summary)
	}
}

func TestEvalBadInput(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"bad.jsonl":                       "{\"id\": 1, \"event\": \"AGREE\", \"text\": \"Fine.\"}\n{\"id\": 2, \"event\": \"AGREE\", \"text\": \"Broken.\"\n",
		"empty.jsonl":                     "\n\n",
		"half/text/a.txt":                 "Nothing here.\n",
		"notutf8/text/a.txt":              "Nothing here.\n",
		"notutf8/attributions/a_0000.ann": "T1\tContent 0 1\t\xff\xfe\n",
	})
	db := filepath.Join(dir, "unused.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "plover", filepath.Join(dir, "missing.jsonl")}, "missing.jsonl"},
		{[]string{"eval", "plover", filepath.Join(dir, "bad.jsonl")}, "bad.jsonl: line 2: not a JSON object"},
		{[]string{"eval", "plover", filepath.Join(dir, "empty.jsonl")}, "empty.jsonl: no gold records"},
		{[]string{"eval", "brat", filepath.Join(dir, "half")}, filepath.Join(dir, "half", "attributions") + ": no such folder"},
		{[]string{"eval", "brat", filepath.Join(dir, "notutf8")}, "a_0000.ann: line 1: not UTF-8 text"},
		{[]string{"eval"}, "say what to score"},
	} {
		code, stdout, stderr := run(t, db, c.args...)
		if code == 0 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a failure with one line saying %q", c.args, code, stdout, stderr, c.want)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("eval created the --db store")
	}
}
