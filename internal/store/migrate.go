package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// migrationsFS holds one directory of goose SQL migrations per dialect.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationsFS embed.FS

// migrate brings the schema of db up to the newest embedded migration of
// dialect (a directory under migrations/), applying any it lacks, even
// one numbered below its version. It refuses a database whose schema is
// newer than this build knows.
func migrate(ctx context.Context, db *sql.DB, dialect goose.Dialect, dir string, opts ...goose.ProviderOption) error {
	fsys, err := fs.Sub(migrationsFS, "migrations/"+dir)
	if err != nil {
		return fmt.Errorf("migrations %s: %w", dir, err)
	}
	// Migrations are numbered per feature and features are merged in any
	// order, so a store made by a build that had a later migration but not
	// an earlier one gets the earlier one applied too, rather than refused.
	opts = append([]goose.ProviderOption{goose.WithDisableGlobalRegistry(true), goose.WithAllowOutofOrder(true)}, opts...)
	p, err := goose.NewProvider(dialect, db, fsys, opts...)
	if err != nil {
		return fmt.Errorf("migrations %s: %w", dir, err)
	}
	// p.Close would close db, which is not the provider's to close.
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate schema: %w", err)
	}
	current, target, err := p.GetVersions(ctx)
	if err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	if current > target {
		return fmt.Errorf("schema version %d is newer than this dossier knows (%d): upgrade dossier", current, target)
	}
	return nil
}
