package cli

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/big"
	mrand "math/rand"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to inspect a PostgreSQL store
	_ "modernc.org/sqlite"             // the "sqlite" driver, to inspect a SQLite store
)

// child returns a command that runs dossier with args in a process of
// its own: this package's test binary, which runs Main instead of the
// tests when runMainEnv is set (see TestMain), and which the crash and
// concurrency tests can kill.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	return cmd
}

// writeDocuments writes n documents of a few kilobytes each into dir:
// paragraphs of the example and test texts, shuffled, with their digits
// changed, so that no two are the same.
func writeDocuments(t testing.TB, dir string, n int) {
	t.Helper()
	var paras []string
	for _, src := range corpusSources {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	rng := mrand.New(mrand.NewSource(int64(n)))
	for i := 0; i < n; i++ {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report number %d\n\n", i)
		for sb.Len() < 3000 {
			p := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return '0' + rune(rng.Intn(10))
				}
				return r
			}, paras[rng.Intn(len(paras))])
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%03d.txt", i)), []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rowCounts is what a store holds of each document: its rows in each
// table of the per-document analysis.
type rowCounts map[string][4]int

// storeCounts reads the rows of every stored document. A document
// without analysis rows counts as stored with zeros.
func storeCounts(t *testing.T, driver, dsn string) rowCounts {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := rowCounts{}
	rows, err := db.Query(`SELECT id FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out[id] = [4]int{}
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	for k, table := range []string{"mentions", "timexes", "quotes", "events"} {
		rows, err := db.Query(`SELECT doc, count(*) FROM ` + table + ` GROUP BY doc`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				t.Fatal(err)
			}
			c, ok := out[id]
			if !ok {
				t.Errorf("%s rows of document %s, which is not stored", table, id)
			}
			c[k] = n
			out[id] = c
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if driver == "sqlite" {
		var check string
		if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
			t.Errorf("integrity check: %q %v", check, err)
		}
		var docs, fts int
		if err := db.QueryRow(`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents_fts)`).Scan(&docs, &fts); err != nil || docs != fts {
			t.Errorf("%d documents but %d in the full-text index (%v)", docs, fts, err)
		}
	}
	return out
}

// checkWhole checks that every document stored is stored whole: with
// exactly the analysis rows the reference run stored for it.
func checkWhole(t *testing.T, got, want rowCounts, when string) {
	t.Helper()
	for id, c := range got {
		w, ok := want[id]
		if !ok {
			t.Errorf("%s: document %s is not one of the corpus", when, id[:12])
			continue
		}
		if c != w {
			t.Errorf("%s: document %s is stored with %v rows (mentions, timexes, quotes, events), want %v: a partial document", when, id[:12], c, w)
		}
	}
}

// crashTrial adds the corpus in dir to the store (driver, dsn) in a
// child process, kills it with SIGKILL at random points several times,
// checks the store after each kill, then adds to the end and again.
func crashTrial(t *testing.T, dir, driver, dsn, dbArg string, want rowCounts) {
	kills := 0
	prev := 0
	for round := 0; round < 6; round++ {
		cmd := child("--db", dbArg, "--quiet", "add", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it at a random point while it adds: once it has stored a
		// random number more documents, after a random fraction of a
		// second more.
		exited := make(chan struct{})
		go func() {
			_ = cmd.Wait() // killed: its status says so
			close(exited)
		}()
		more := 5 + randInt(40)
		deadline := time.Now().Add(60 * time.Second)
	wait:
		for time.Now().Before(deadline) && documentCount(t, driver, dsn) < prev+more {
			select {
			case <-exited:
				break wait
			case <-time.After(20 * time.Millisecond):
			}
		}
		time.Sleep(time.Duration(randInt(200)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			kills++
		}
		<-exited
		got := storeCounts(t, driver, dsn)
		checkWhole(t, got, want, fmt.Sprintf("after kill %d", round+1))
		if len(got) < prev {
			t.Errorf("after kill %d: %d documents, fewer than the %d before", round+1, len(got), prev)
		}
		prev = len(got)
		t.Logf("kill %d: %d of %d documents stored", round+1, len(got), len(want))
	}
	if kills < 3 {
		t.Fatalf("only %d of the runs were killed", kills)
	}
	var stderr bytes.Buffer
	cmd := child("--db", dbArg, "add", dir)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("adding to the end after the kills: %v\n%s", err, stderr.String())
	}
	got := storeCounts(t, driver, dsn)
	checkWhole(t, got, want, "after adding to the end")
	if len(got) != len(want) {
		t.Errorf("after adding to the end: %d documents, want %d", len(got), len(want))
	}
	stderr.Reset()
	cmd = child("--db", dbArg, "add", dir)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || !strings.Contains(stderr.String(), fmt.Sprintf("0 added, %d already stored, 0 failed", len(want))) {
		t.Errorf("re-adding: %v\n%s", err, stderr.String())
	}
}

func randInt(n int64) int {
	v, err := rand.Int(rand.Reader, big.NewInt(n))
	if err != nil {
		return 0
	}
	return int(v.Int64())
}

// documentCount counts the stored documents; 0 while there is no store.
func documentCount(t testing.TB, driver, dsn string) int {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil {
		return 0
	}
	return n
}

// crashCorpus writes the corpus and stores it once, in-process and
// undisturbed, for reference.
func crashCorpus(t *testing.T, n int) (string, rowCounts) {
	dir := t.TempDir()
	writeDocuments(t, dir, n)
	ref := filepath.Join(t.TempDir(), "ref.db")
	if code, _, errs := run(t, ref, "--quiet", "add", dir); code != 0 {
		t.Fatalf("reference add: %s", errs)
	}
	want := storeCounts(t, "sqlite", ref)
	if len(want) != n {
		t.Fatalf("reference store has %d documents, want %d", len(want), n)
	}
	return dir, want
}

// TestCrashSafetySQLite: dossier add killed with SIGKILL at random points
// leaves a SQLite store that passes its integrity check, holds only whole
// documents, and lets the add finish and be repeated.
func TestCrashSafetySQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills dossier add several times on 300 documents")
	}
	dir, want := crashCorpus(t, 300)
	db := filepath.Join(t.TempDir(), "crash.db")
	crashTrial(t, dir, "sqlite", db, db, want)
}

// TestCrashSafetyPostgres is TestCrashSafetySQLite on PostgreSQL.
func TestCrashSafetyPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("kills dossier add several times on 300 documents")
	}
	dsn := postgresSchema(t)
	dir, want := crashCorpus(t, 300)
	crashTrial(t, dir, "pgx", dsn, dsn, want)
}

// postgresSchema returns a DSN of DOSSIER_TEST_POSTGRES whose connections
// use a schema of the test's own, dropped when it ends. Without the
// variable the test skips, except under CI, where it fails.
func postgresSchema(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("DOSSIER_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("DOSSIER_TEST_POSTGRES is not set in CI: run eval \"$(bash scripts/postgres-test.sh)\" first")
		}
		t.Skip("DOSSIER_TEST_POSTGRES not set (see scripts/postgres-test.sh)")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	schema := "dossier_cli_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
