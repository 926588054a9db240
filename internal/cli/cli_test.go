package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// run runs dossier in-process against db and returns its exit status and
// output.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func exampleDir(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "examples", "nato-libya")
}

func TestAddExampleThenDocs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	code, _, stderr := run(t, db, "add", exampleDir(t))
	if code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "2 added") {
		t.Errorf("add did not report 2 added documents: %s", stderr)
	}
	code, stdout, stderr := run(t, db, "docs", "--json")
	if code != 0 {
		t.Fatalf("docs exited %d: %s", code, stderr)
	}
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatalf("docs --json: %v\n%s", err, stdout)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	var transcript, article *docJSON
	for i := range docs {
		switch docs[i].Kind {
		case "transcript":
			transcript = &docs[i]
		case "article":
			article = &docs[i]
		}
	}
	if transcript == nil || article == nil {
		t.Fatalf("want one transcript and one article, got %+v", docs)
	}
	speakers := map[string]speakerJSON{}
	for _, s := range transcript.Speakers {
		speakers[s.Name] = s
	}
	for _, name := range []string{"Ali Zeidan", "Anders Fogh Rasmussen", "Riad Walid"} {
		if _, ok := speakers[name]; !ok {
			t.Errorf("transcript speakers %+v lack %q", transcript.Speakers, name)
		}
	}
	if r := speakers["Anders Fogh Rasmussen"].Role; r == "" {
		t.Errorf("Rasmussen has no role")
	}
	if !speakers["Riad Walid"].Questioner {
		t.Errorf("Riad Walid is not marked as a questioner")
	}
	if transcript.Date == nil || *transcript.Date != "2013-05-27" || transcript.DateSource != "sidecar" {
		t.Errorf("transcript date = %v (%s), want 2013-05-27 from the sidecar", transcript.Date, transcript.DateSource)
	}
	if len(article.Authors) != 1 || article.Authors[0] != "Nigel Chamberlain" || article.Publisher != "NATO Watch" {
		t.Errorf("article byline = %v / %q, want Nigel Chamberlain / NATO Watch", article.Authors, article.Publisher)
	}
}

func TestAddAgainChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "add", exampleDir(t)); code != 0 {
		t.Fatalf("first add exited %d: %s", code, stderr)
	}
	code, _, stderr := run(t, db, "add", exampleDir(t))
	if code != 0 {
		t.Fatalf("second add exited %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "0 added, 2 already stored") {
		t.Errorf("second add did not say that nothing changed: %s", stderr)
	}
	if strings.Count(stderr, "already stored:") != 2 {
		t.Errorf("second add should name each unchanged document: %s", stderr)
	}
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil || len(docs) != 2 {
		t.Fatalf("after re-adding: %d documents (%v), want 2", len(docs), err)
	}
}

func TestSearchFindsBothDocuments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "add", exampleDir(t)); code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	code, stdout, stderr := run(t, db, "search", "--json", `"North Atlantic Council"`)
	if code != 0 {
		t.Fatalf("search exited %d: %s", code, stderr)
	}
	var hits []struct {
		Doc, Snippet string
	}
	if err := json.Unmarshal([]byte(stdout), &hits); err != nil {
		t.Fatalf("search --json: %v\n%s", err, stdout)
	}
	if !strings.Contains(stdout, `"doc":`) || !strings.Contains(stdout, `"snippet":`) {
		t.Errorf("search --json keys should be lower case like every other JSON output: %s", stdout)
	}
	if len(hits) != 2 {
		t.Fatalf("search found %d documents, want 2: %s", len(hits), stdout)
	}
	for _, h := range hits {
		if !strings.Contains(h.Snippet, "North Atlantic Council") {
			t.Errorf("snippet %q does not show the match", h.Snippet)
		}
	}
	code, stdout, _ = run(t, db, "search", "North", "Atlantic", "Council")
	if code != 0 || strings.Count(stdout, "\n    ") != 2 {
		t.Errorf("plain search output should list two snippets:\n%s", stdout)
	}
}

func TestAddBadFilesReportsEachAndExitsNonZero(t *testing.T) {
	dir := t.TempDir()
	good := "A Council Votes\n\nThe city council voted on Tuesday to repair the bridge.\n"
	files := map[string][]byte{
		"good.txt":   []byte(good),
		"binary.dat": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0},
		"empty.txt":  {},
		"latin1.txt": []byte("Caf\xe9 society met in the town hall.\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "d.db")
	// A missing path among the arguments is one more bad file, not the
	// end of the run.
	code, _, stderr := run(t, db, "add", dir, filepath.Join(dir, "missing.txt"))
	if code == 0 {
		t.Fatalf("add of a folder with bad files exited 0: %s", stderr)
	}
	var errLines []string
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "error: ") {
			errLines = append(errLines, line)
		}
	}
	if len(errLines) != 4 {
		t.Errorf("want one error line per bad file (4), got %d:\n%s", len(errLines), stderr)
	}
	for _, bad := range []string{"binary.dat", "empty.txt", "latin1.txt", "missing.txt"} {
		n := 0
		for _, line := range errLines {
			if strings.Contains(line, bad) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is named on %d error lines, want 1:\n%s", bad, n, stderr)
		}
	}
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil || len(docs) != 1 {
		t.Fatalf("want the good file stored, got %d documents (%v)", len(docs), err)
	}
}

func TestShowDocument(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "add", exampleDir(t)); code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		code, out, stderr := run(t, db, "show", "--json", d.ID[:8])
		if code != 0 {
			t.Fatalf("show %s exited %d: %s", d.ID[:8], code, stderr)
		}
		var sh struct {
			Sentences []sentenceJSON `json:"sentences"`
			Turns     []struct{}     `json:"turns"`
		}
		if err := json.Unmarshal([]byte(out), &sh); err != nil {
			t.Fatal(err)
		}
		if len(sh.Sentences) < 5 {
			t.Errorf("%s: %d sentences", d.Path, len(sh.Sentences))
		}
		if d.Kind == "transcript" && len(sh.Turns) < 3 {
			t.Errorf("transcript shows %d turns, want at least 3", len(sh.Turns))
		}
	}
	if code, _, stderr := run(t, db, "show", "ffffffffffff"); code == 0 || !strings.Contains(stderr, "ffffffffffff") {
		t.Errorf("show of an unknown id should fail naming it: %d %s", code, stderr)
	}
}

// councilFindings analyses one council article with the user's procedure
// file and returns the kinds of findings.
func councilFindings(t *testing.T, file string) []string {
	t.Helper()
	dir := filepath.Join("testdata", "council")
	db := filepath.Join(t.TempDir(), "d.db")
	code, _, stderr := run(t, db, "add", filepath.Join(dir, file))
	if code != 0 {
		t.Fatalf("add %s exited %d: %s", file, code, stderr)
	}
	code, stdout, stderr := run(t, db, "findings", "--json", "--procedure", filepath.Join(dir, "millbrook.yaml"))
	if code != 0 {
		t.Fatalf("findings exited %d: %s", code, stderr)
	}
	var fs []struct {
		Kind     string `json:"kind"`
		Summary  string `json:"summary"`
		Evidence []struct {
			Doc        string `json:"doc"`
			Start, End int
			Text       string
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatalf("findings --json: %v\n%s", err, stdout)
	}
	text, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, f := range fs {
		kinds = append(kinds, f.Kind)
		for _, e := range f.Evidence {
			if e.End > len(text) || string(text[e.Start:e.End]) != e.Text {
				t.Errorf("%s: evidence [%d,%d) %q does not round-trip", f.Kind, e.Start, e.End, e.Text)
			}
		}
		if f.Kind == "announced-before-decision" {
			for _, want := range []string{"Mayor Ann Whitfield", "morning of 3 March 2021", "City Council", "afternoon of 3 March 2021"} {
				if !strings.Contains(f.Summary, want) {
					t.Errorf("summary %q lacks %q", f.Summary, want)
				}
			}
		}
	}
	return kinds
}

func has(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestUserProcedureCityCouncil(t *testing.T) {
	if got := councilFindings(t, "before.txt"); !has(got, "announced-before-decision") {
		t.Errorf("announcement on the morning, vote in the afternoon: want announced-before-decision, got %v", got)
	}
	if got := councilFindings(t, "after.txt"); has(got, "announced-before-decision") {
		t.Errorf("announcement after the vote: want no announced-before-decision, got %v", got)
	}
}

func TestTimelineJSDates(t *testing.T) {
	for _, c := range []struct {
		in      string
		y, m, d int
	}{
		{"2024-W27", 2024, 7, 1},
		{"2021-W01", 2021, 1, 4},
		{"2013-06", 2013, 6, 0},
		{"2013-06-04", 2013, 6, 4},
	} {
		got, ok := isoDate(c.in)
		if !ok || got.Year != c.y || got.Month != c.m || got.Day != c.d {
			t.Errorf("isoDate(%q) = %+v, %v; want %d-%d-%d", c.in, got, ok, c.y, c.m, c.d)
		}
	}
}

func TestDataDirMustExist(t *testing.T) {
	code, _, stderr := run(t, filepath.Join(t.TempDir(), "d.db"), "--data", filepath.Join(t.TempDir(), "nowhere"), "docs")
	if code == 0 || !strings.Contains(stderr, "nowhere: not a directory") {
		t.Errorf("a missing --data directory must be an error naming it; exit %d, stderr %q", code, stderr)
	}
}
