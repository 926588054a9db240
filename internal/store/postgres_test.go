package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// The PostgreSQL tests need a server: the DSN of a database in which the
// role may create schemas, in DOSSIER_TEST_POSTGRES. scripts/postgres-test.sh
// starts one and prints the line to export. Without it the tests skip,
// except in CI (CI set), where they fail: CI must exercise PostgreSQL.

// newPostgresDSN creates a schema of its own for the test, dropped when
// the test ends, and returns a DSN whose connections use it.
func newPostgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("DOSSIER_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("DOSSIER_TEST_POSTGRES is not set in CI: run eval \"$(bash scripts/postgres-test.sh)\" first")
		}
		t.Skip("DOSSIER_TEST_POSTGRES not set (see scripts/postgres-test.sh)")
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatalf("DOSSIER_TEST_POSTGRES: %v", err)
	}
	admin := stdlib.OpenDB(*cfg)
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	schema := "dossier_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(context.Background(), `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	// Registered first, so it runs after the stores' own cleanups close them.
	t.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("DOSSIER_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestPostgres(t *testing.T) {
	runConformance(t, func(t *testing.T) string { return newPostgresDSN(t) })
}

func TestPostgresSchemaIsolation(t *testing.T) {
	dsn := newPostgresDSN(t)
	s := mustOpen(t, dsn)
	var schema string
	if err := s.(*sqlStore).db.QueryRow(`SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(dsn)
	if schema != u.Query().Get("search_path") {
		t.Errorf("store works in schema %q, want the test's own", schema)
	}
}

func TestPostgresBadDSN(t *testing.T) {
	_, err := Open(context.Background(), "postgres://dossier:secret@127.0.0.1:1/nope?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("Open of an unreachable server: no error")
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error shows the password: %v", err)
	}
}
