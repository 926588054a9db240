package cli

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/server"
	"github.com/dossier-project/dossier/internal/store"
)

// readOutputs runs every read command with JSON output.
func readOutputs(t *testing.T, db string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, args := range [][]string{{"findings", "--json"}, {"timeline", "--json"}, {"quotes", "--json"}, {"events", "--json"}, {"docs", "--json"}, {"people", "--json"}, {"findings"}, {"timeline", "--format", "csv"}} {
		code, stdout, stderr := run(t, db, args...)
		if code != 0 {
			t.Fatalf("%v exited %d: %s", args, code, stderr)
		}
		out[strings.Join(args, " ")] = stdout
	}
	return out
}

// TestIncrementalPassMatchesFullPass adds documents one at a time (each
// add checks the dossier, incrementally when it can) and compares every
// read command's output with that of a dossier made in one add, and of
// one checked again from scratch.
func TestIncrementalPassMatchesFullPass(t *testing.T) {
	files := []string{
		filepath.Join("testdata", "council", "before.txt"),
		filepath.Join("testdata", "au", "sahel-article.txt"),
		filepath.Join(exampleDir(t), "natowatch-nato-returns-to-libya.txt"),
		filepath.Join(exampleDir(t), "nato-libya-joint-press-conference.txt"), // a primary record: the context changes
		filepath.Join("testdata", "council", "after.txt"),
		filepath.Join("testdata", "eu", "eu-article.txt"),
		filepath.Join("testdata", "au", "psc-press-briefing.txt"),
	}
	dir := t.TempDir()
	one := filepath.Join(dir, "one.db")
	if code, _, stderr := run(t, one, append([]string{"-q", "add"}, files...)...); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	steps := filepath.Join(dir, "steps.db")
	incremental := 0
	for _, f := range files {
		code, _, stderr := run(t, steps, "-v", "add", f)
		if code != 0 {
			t.Fatalf("add %s: %s", f, stderr)
		}
		if strings.Contains(stderr, "checked the dossier") && strings.Contains(stderr, "all=false") {
			incremental++
		}
	}
	if incremental == 0 {
		t.Error("no add checked the new document alone: the test tests no incremental pass")
	}
	want := readOutputs(t, one)
	got := readOutputs(t, steps)
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("%s: added one at a time differs from added at once:\n%s\nwant\n%s", k, clipDiff(got[k]), clipDiff(want[k]))
		}
	}
	if !strings.Contains(want["findings --json"], "announced-before-decision") {
		t.Errorf("the test dossier has no finding across documents: it tests little")
	}
	// Checked again from scratch (recheck), the same.
	if code, _, stderr := run(t, steps, "-q", "recheck"); code != 0 {
		t.Fatalf("recheck: %s", stderr)
	}
	again := readOutputs(t, steps)
	for k := range want {
		if again[k] != want[k] {
			t.Errorf("%s: after recheck differs", k)
		}
	}
}

func clipDiff(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// TestReadCommandsReadTheStore checks that read commands read the stored
// results rather than recomputing them: results planted in the store are
// what findings prints.
func TestReadCommandsReadTheStore(t *testing.T) {
	db := exampleDB(t)
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	status, err := st.PassStatus(ctx)
	if err != nil || !status.State.Complete || status.Pending != 0 {
		t.Fatalf("after add, the pass did not run: %+v %v", status, err)
	}
	st.Close()
	// Plant a marker in the stored finding listed first.
	execSQL(t, db, `UPDATE findings SET data = json_set(data, '$.summary', 'PLANTED') WHERE rank = 1`)
	_, stdout, _ := run(t, db, "findings")
	if !strings.Contains(stdout, "PLANTED") {
		t.Errorf("findings did not read the stored results:\n%s", stdout)
	}
	// A new document makes the results stale: the next read checks the
	// dossier again and the planted finding is gone (the context, a new
	// primary record, changed).
	rec := filepath.Join(t.TempDir(), "record.txt")
	if err := os.WriteFile(rec, []byte("Press conference\n\n5 June 2013\n\nJANE ROE: We met today.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, db, "-q", "add", rec); code != 0 {
		t.Fatal(stderr)
	}
	_, stdout, _ = run(t, db, "findings")
	if strings.Contains(stdout, "PLANTED") {
		t.Errorf("a new primary record did not check the dossier again")
	}
}

// TestAPIMatchesCLI checks that the server's API gives what the command
// line's --json gives, byte for byte.
func TestAPIMatchesCLI(t *testing.T) {
	db := exampleDB(t)
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.WithHighlight(server.MarkStart, server.MarkEnd))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Options{Store: st, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for api, args := range map[string][]string{
		"/api/findings":                {"findings", "--json"},
		"/api/timeline":                {"timeline", "--json"},
		"/api/quotes":                  {"quotes", "--json"},
		"/api/quotes?verdict=verbatim": {"quotes", "--json", "--verdict", "verbatim"},
		"/api/events":                  {"events", "--json"},
		"/api/docs":                    {"docs", "--json"},
		"/api/search?q=Libya":          {"search", "--json", "Libya"},
		"/api/people":                  {"people", "--json"},
	} {
		_, want, stderr := run(t, db, args...)
		if want == "" {
			t.Fatalf("%v: %s", args, stderr)
		}
		resp, err := http.Get(ts.URL + api)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) != want {
			t.Errorf("GET %s differs from dossier %s:\n%s\nwant\n%s", api, strings.Join(args, " "), clipDiff(string(b)), clipDiff(want))
		}
	}
}

func execSQL(t *testing.T, db, q string) {
	t.Helper()
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(q); err != nil {
		t.Fatal(err)
	}
}
