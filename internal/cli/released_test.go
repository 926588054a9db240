package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// releasedDictionaries returns the directory of PETRARCH's released
// dictionaries (shared/corpora/petrarch in a directory above this one),
// skipping the test when there is none, except under CI, where it must
// be there.
func releasedDictionaries(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "corpora", "petrarch")
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if os.Getenv("CI") != "" {
		t.Fatal("shared/corpora/petrarch (PETRARCH's released dictionaries) not found above the module: CI must load them")
	}
	t.Skip("no shared/corpora/petrarch above the module")
	return ""
}

// TestReleasedDictionariesLoad loads PETRARCH's released actor, agents
// and verb dictionaries as they are: every line that cannot be read is
// a warning naming the file and line, each file with such lines gets a
// one-line summary, and coding goes on with the rest.
func TestReleasedDictionariesLoad(t *testing.T) {
	dir := releasedDictionaries(t)
	var args []string
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"} {
		args = append(args, "--actors", filepath.Join(dir, f))
	}
	args = append(args, "--verbs", filepath.Join(dir, "CAMEO.2.0.txt"))
	in := `{"id":"a1","date":"2014-06-10","text":"Egyptian police arrested dozens of protesters in Cairo on Monday."}` + "\n"
	code, out, errs := runStdin(t, filepath.Join(t.TempDir(), "d.db"), in, append([]string{"code"}, args...)...)
	if code != 0 {
		t.Fatalf("code with the released dictionaries exited %d:\n%s", code, errs)
	}
	if !strings.Contains(out, `"code":"EGYCOP"`) {
		t.Errorf("the released dictionaries did not code the Egyptian police as EGYCOP:\n%s", out)
	}
	warning := regexp.MustCompile(`^warning: .*/(Phoenix\.[A-Za-z]+\.(actors|agents)\.txt|Phoenix\.agents\.txt|CAMEO\.2\.0\.txt): line [0-9]+: .+; line skipped$`)
	summary := regexp.MustCompile(`^.*/([A-Za-z.0-9]+): ([0-9]+) lines? could not be read and (was|were) skipped`)
	warned, summed := 0, map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		switch {
		case strings.HasPrefix(l, "warning: "):
			if !warning.MatchString(l) {
				t.Errorf("warning does not name the file and line: %q", l)
			}
			warned++
		case summary.MatchString(l):
			summed[summary.FindStringSubmatch(l)[1]] = true
		}
	}
	if warned == 0 || len(summed) == 0 {
		t.Errorf("want the lines the released files hold that cannot be read named and summed up, got:\n%s", errs)
	}
	for _, f := range []string{"Phoenix.MilNonState.actors.txt", "CAMEO.2.0.txt"} {
		if summed[f] {
			t.Errorf("%s is read whole by PETRARCH, but lines were skipped:\n%s", f, errs)
		}
	}
}

// runStdin is run with stdin.
func runStdin(t *testing.T, db, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), append([]string{"--db", db}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}
