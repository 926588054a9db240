package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"net/url"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

var postgresDialect = dialect{
	name:     "postgres",
	dollar:   true,
	castDate: "::date",
	castJSON: "::jsonb",
	castTime: "::timestamptz",
	selDate:  func(col string) string { return "to_char(" + col + ", 'YYYY-MM-DD')" },
	jsonField: func(col, field string) string {
		return "(" + col + " ->> '" + field + "')"
	},
}

// redactDSN drops the password from a DSN for error messages.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres database"
	}
	return u.Redacted()
}

func openPostgres(ctx context.Context, dsn string, o options) (Store, error) {
	name := redactDSN(dsn)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(4)
	fail := func(err error) (Store, error) {
		_ = db.Close() // the open error is the one to report
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	if err := db.PingContext(ctx); err != nil {
		return fail(err)
	}
	if o.existing {
		var table sql.NullString
		if err := db.QueryRowContext(ctx, `SELECT to_regclass('documents')::text`).Scan(&table); err != nil {
			return fail(err)
		}
		if !table.Valid {
			_ = db.Close()
			return nil, fmt.Errorf("%s: %w (the database has no dossier tables)", name, ErrNoDossier)
		}
	}
	// Migrations of one schema are serialised by an advisory lock whose
	// id is derived from the database and schema, so that stores in other
	// schemas (such as parallel test runs) do not wait for each other.
	var where string
	if err := db.QueryRowContext(ctx, `SELECT current_database() || '.' || coalesce(current_schema(), '')`).Scan(&where); err != nil {
		return fail(err)
	}
	h := fnv.New64a()
	h.Write([]byte("dossier migrations " + where))
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(int64(h.Sum64())), lock.WithLockTimeout(1, 600))
	if err != nil {
		return fail(err)
	}
	if err := migrate(ctx, db, goose.DialectPostgres, "postgres", goose.WithSessionLocker(locker)); err != nil {
		return fail(err)
	}
	s := newSQLStore(db, postgresDialect, o)
	s.search = s.searchPostgres
	s.lock = s.postgresLock
	return s, nil
}

func (s *sqlStore) searchPostgres(ctx context.Context, query string, limit int) ([]Hit, error) {
	// Only to refuse the queries SQLite refuses; PostgreSQL parses the
	// same syntax itself with websearch_to_tsquery.
	if _, err := parseQuery(query); err != nil {
		return nil, err
	}
	headline := fmt.Sprintf(`StartSel="%s", StopSel="%s", MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`,
		s.opts.markStart, s.opts.markEnd)
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, path, ts_headline('english', text, q, $1), rank
		FROM (
			SELECT id, title, path, text, q, ts_rank_cd(tsv, q) AS rank
			FROM documents, websearch_to_tsquery('english', $2) AS q
			WHERE tsv @@ q
			ORDER BY rank DESC, id
			LIMIT $3
		) AS top
		ORDER BY rank DESC, id`, headline, query, limit)
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
		hits = append(hits, h)
	}
	return hits, rows.Err()
}
