package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

func newSQLiteDSN(t *testing.T) string {
	return filepath.Join(t.TempDir(), "dossier.db")
}

func TestSQLite(t *testing.T) {
	runConformance(t, newSQLiteDSN)
}

func TestSQLitePragmas(t *testing.T) {
	s := mustOpen(t, newSQLiteDSN(t))
	db := s.(*sqlStore).db
	var mode string
	var fk, busy int
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
	if err := db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
	if err := db.QueryRow(`PRAGMA busy_timeout`).Scan(&busy); err != nil || busy < 1000 {
		t.Errorf("busy_timeout = %d, %v", busy, err)
	}
	// Foreign keys are enforced: no analysis rows for a missing document.
	if _, err := db.Exec(`INSERT INTO events (doc, ord, id, cameo, root, plover, source_code, target_code, negated, future, hypothetical,
		sentence_start, sentence_end, pattern, data) VALUES ('nope', 0, 'e', '', '', '', '', '', 0, 0, 0, 0, 0, '', '{}')`); err == nil {
		t.Error("event of a missing document accepted")
	}
}

func TestSQLiteNotADatabase(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("dossier.db", []byte(strings.Repeat("this is a text file, not a database\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), "dossier.db")
	if err == nil {
		t.Fatal("Open of a text file: no error")
	}
	if want := "dossier.db: not a dossier database (file is not a database)"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if !errors.Is(err, ErrNotDossier) {
		t.Errorf("error %v is not ErrNotDossier", err)
	}
	b, _ := os.ReadFile("dossier.db")
	if !strings.HasPrefix(string(b), "this is a text file") {
		t.Error("Open changed the file")
	}
}

func TestSQLiteForeignDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(context.Background(), path)
	if !errors.Is(err, ErrNotDossier) || !strings.Contains(err.Error(), path) {
		t.Errorf("Open of another application's database: %v", err)
	}
}

func TestSQLiteOddFileName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my dossier?#%20.db")
	s := mustOpen(t, path)
	mustAdd(t, s, threeDocs()[0], nil)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %q: %v", path, err)
	}
}

func TestSQLiteNewerSchema(t *testing.T) {
	path := newSQLiteDSN(t)
	s := mustOpen(t, path)
	if _, err := s.(*sqlStore).db.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (9999, 1)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(context.Background(), path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema: %v", err)
	}
}

// TestSQLiteCrash kills a process in the middle of a batch and checks
// that what it had committed before is there and the batch is not.
func TestSQLiteCrash(t *testing.T) {
	if os.Getenv("DOSSIER_STORE_CRASH") != "" {
		crashChild()
		return
	}
	path := newSQLiteDSN(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSQLiteCrash$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DOSSIER_STORE_CRASH="+path)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child did not die by SIGKILL: %v\n%s", err, out)
	}

	s := mustOpen(t, path)
	docs := threeDocs()
	got, err := s.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != docs[0].ID {
		t.Fatalf("after the crash: %d documents, want only the committed one", len(got))
	}
	a, err := s.Analysis(context.Background(), docs[0].ID)
	if err != nil || !analysisEqual(a, natoAnalysis(docs[0])) {
		t.Errorf("analysis of the committed document after the crash: %v", err)
	}
	checkFTS(t, s)
	var ok string
	if err := s.(*sqlStore).db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q %v", ok, err)
	}
	// The batch can be added now.
	res, err := s.AddDocuments(context.Background(), docs[1:], nil)
	if err != nil || !res[0] || !res[1] {
		t.Errorf("adding the lost batch: %v %v", res, err)
	}
}

func analysisEqual(a, b *model.Analysis) bool {
	return len(a.Events) == len(b.Events) && len(a.Quotes) == len(b.Quotes) &&
		len(a.Mentions) == len(b.Mentions) && a.Events[0].ID == b.Events[0].ID
}

// crashChild commits one document, then dies by SIGKILL half-way through
// a batch of two.
func crashChild() {
	ctx := context.Background()
	s, err := Open(ctx, os.Getenv("DOSSIER_STORE_CRASH"))
	if err != nil {
		panic(err)
	}
	docs := threeDocs()
	if _, err := s.AddDocument(ctx, docs[0], natoAnalysis(docs[0])); err != nil {
		panic(err)
	}
	s.(*sqlStore).hook = func(_ context.Context, step string, i int) error {
		if step == "analysis" && i == 1 {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
		return nil
	}
	_, _ = s.AddDocuments(ctx, docs[1:], nil)
	panic("not killed")
}
