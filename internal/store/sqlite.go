package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteParams configure every SQLite connection: WAL so that readers do
// not block the writer and a killed process loses no committed
// transaction; a busy timeout so that writers wait for each other;
// foreign keys on; and BEGIN IMMEDIATE so that a write transaction takes
// the write lock up front instead of failing to upgrade later.
// synchronous=NORMAL is durable against process crashes in WAL mode
// (a power loss may lose the last transactions, never consistency).
const sqliteParams = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
	"&_pragma=synchronous(NORMAL)&_txlock=immediate"

var sqliteDialect = dialect{
	name:    "sqlite",
	selDate: func(col string) string { return col },
	jsonField: func(col, field string) string {
		return "json_extract(" + col + ", '$." + field + "')"
	},
}

// sqliteDSN turns a file name (or a file: URI) into the driver's DSN.
func sqliteDSN(name string) string {
	if strings.HasPrefix(name, "file:") {
		if strings.Contains(name, "?") {
			return name + "&" + sqliteParams
		}
		return name + "?" + sqliteParams
	}
	// As a URI, so that a file name with ? or # in it stays one.
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(name)
	return "file:" + esc + "?" + sqliteParams
}

// sqliteFile returns the file a SQLite name opens, or "" for an
// in-memory database.
func sqliteFile(name string) string {
	if strings.HasPrefix(name, "file:") {
		name = strings.TrimPrefix(name, "file:")
		if i := strings.IndexByte(name, '?'); i >= 0 {
			if strings.Contains(name[i:], "mode=memory") {
				return ""
			}
			name = name[:i]
		}
		if u, err := url.PathUnescape(name); err == nil {
			name = u
		}
	}
	if name == ":memory:" || name == "" {
		return ""
	}
	return name
}

func openSQLite(ctx context.Context, name string, o options) (Store, error) {
	if name == "" {
		return nil, errors.New("open store: no database file name")
	}
	if o.existing {
		if file := sqliteFile(name); file != "" {
			if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: %w (the file does not exist)", name, ErrNoDossier)
			}
		}
	}
	db, err := sql.Open("sqlite", sqliteDSN(name))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	fail := func(err error) (Store, error) {
		_ = db.Close() // the open error is the one to report
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_NOTADB {
			return nil, fmt.Errorf("%s: %w (file is not a database)", name, ErrNotDossier)
		}
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	// Opening a connection costs (the file, the pragmas): keep enough
	// idle for a server's concurrent readers, and bound the open ones so
	// that they do not thrash.
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	if err := db.PingContext(ctx); err != nil {
		return fail(err)
	}
	if err := checkSQLiteSchema(ctx, db); err != nil {
		if errors.Is(err, ErrNotDossier) {
			_ = db.Close()
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return fail(err)
	}
	if err := migrate(ctx, db, goose.DialectSQLite3, "sqlite"); err != nil {
		return fail(err)
	}
	s := newSQLStore(db, sqliteDialect, o)
	s.search = s.searchSQLite
	if file := sqliteFile(name); file != "" {
		s.lock = sqliteLock(file)
	}
	return s, nil
}

// checkSQLiteSchema refuses an SQLite database that holds tables but not
// dossier's, rather than adding dossier's tables to someone else's
// database.
func checkSQLiteSchema(ctx context.Context, db *sql.DB) error {
	var tables, goose int
	err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(name = 'goose_db_version'), 0)
		FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&tables, &goose)
	if err != nil {
		return err
	}
	if tables > 0 && goose == 0 {
		return fmt.Errorf("%w (it has tables, but not dossier's)", ErrNotDossier)
	}
	return nil
}

func (s *sqlStore) searchSQLite(ctx context.Context, query string, limit int) ([]Hit, error) {
	p, err := parseQuery(query)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.title, d.path,
		snippet(documents_fts, 1, ?, ?, '…', 24), bm25(documents_fts, 5.0, 1.0) AS score
		FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
		WHERE documents_fts MATCH ?
		ORDER BY score, d.id LIMIT ?`, s.opts.markStart, s.opts.markEnd, p.fts5(), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.Doc, &h.Title, &h.Path, &h.Snippet, &h.Rank); err != nil {
			return nil, err
		}
		h.Rank = -h.Rank // bm25 is lower for better matches
		hits = append(hits, h)
	}
	return hits, rows.Err()
}
