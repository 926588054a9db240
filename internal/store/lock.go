package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The dossier-wide lock: at most one holder of a named lock per store at
// a time, across processes and machines, released when its holder ends or
// dies. The cross-document pass of analyze holds it while it reads the
// whole store and replaces the results, so that two passes never
// interleave; adding documents does not take it and is never blocked by
// it.

func (s *sqlStore) Exclusive(ctx context.Context, name string, fn func() error) error {
	if s.lock == nil {
		return fn()
	}
	release, err := s.lock(ctx, name)
	if err != nil {
		return fmt.Errorf("lock %q: %w", name, err)
	}
	defer release()
	return fn()
}

// lockKey is the advisory lock id of name in the store's database and
// schema.
func lockKey(where, name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("dossier lock " + where + " " + name))
	return int64(h.Sum64())
}

// postgresLock takes a session-level advisory lock on a connection of its
// own, waiting until it is free or ctx ends. The server releases it when
// the connection closes, so a holder that dies leaves no stale lock.
func (s *sqlStore) postgresLock(ctx context.Context, name string) (func(), error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var where string
	if err := conn.QueryRowContext(ctx, `SELECT current_database() || '.' || coalesce(current_schema(), '')`).Scan(&where); err != nil {
		_ = conn.Close() // the query error is the one to report
		return nil, err
	}
	key := lockKey(where, name)
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		_ = conn.Close() // closing the session releases whatever it held
		return nil, err
	}
	return func() {
		// With a fresh context: the lock must be released even when the
		// caller's context has ended. Closing the connection would
		// release it too.
		uctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, _ = conn.ExecContext(uctx, `SELECT pg_advisory_unlock($1)`, key)
		_ = conn.Close()
	}, nil
}

// sqliteLock holds an exclusive transaction on a small SQLite file beside
// the database (NAME-lock), waiting until it is free or ctx ends. The
// operating system releases the file's lock when its holder dies.
func sqliteLock(file string) func(ctx context.Context, name string) (func(), error) {
	return func(ctx context.Context, name string) (func(), error) {
		path := file + "-lock"
		if name != "dossier" {
			path = file + "-" + name + "-lock"
		}
		esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
		db, err := sql.Open("sqlite", "file:"+esc+"?_pragma=busy_timeout(250)&_txlock=exclusive")
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		for {
			tx, err := db.BeginTx(ctx, nil)
			if err == nil {
				return func() {
					_ = tx.Rollback() // nothing was written: ending the transaction releases the lock
					_ = db.Close()
				}, nil
			}
			var se *sqlite.Error
			busy := errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED)
			if !busy || ctx.Err() != nil {
				_ = db.Close() // the lock error is the one to report
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				return nil, err
			}
		}
	}
}
