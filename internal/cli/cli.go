// Package cli implements the dossier command line: cobra subcommands that
// ingest documents, run the pipeline, store the results and print them as
// tables, reports or JSON.
//
// In: command-line arguments and files. Out: text or JSON on stdout,
// one-line diagnostics on stderr, an exit status.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/store"
)

// DefaultDB is the database used when neither --db nor DOSSIER_DB is set.
const DefaultDB = "dossier.db"

// errReported marks an error whose details were already printed, so Main
// only sets the exit status.
var errReported = errors.New("errors reported above")

// app is the state one invocation of dossier shares between commands.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	db             string
	quiet          bool
	verbose        bool
	dataDir        string
	stages         stageFlags
	log            *slog.Logger
	// timeout bounds the analysis of one file by add and analyze.
	timeout time.Duration
}

// Main runs dossier with args and returns the exit status.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.root()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintf(stderr, "dossier: %v\n", err)
		}
		return 1
	}
	return 0
}

func (a *app) root() *cobra.Command {
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Turn documents into a sourced record: actors, events, quotes, timeline, findings",
		Long: `dossier reads documents (text, Markdown, HTML, RSS/Atom, transcripts) and
produces a sourced record: documents, actors, events, quotes, a timeline and
findings. Every output carries the document and byte offsets of its evidence.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if a.db == "" {
				a.db = os.Getenv("DOSSIER_DB")
			}
			if a.db == "" {
				a.db = DefaultDB
			}
			level := slog.LevelWarn
			switch {
			case a.quiet:
				level = slog.LevelError
			case a.verbose:
				level = slog.LevelDebug
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
			if a.dataDir != "" {
				if fi, err := os.Stat(a.dataDir); err != nil || !fi.IsDir() {
					return fmt.Errorf("--data %s: not a directory", a.dataDir)
				}
			}
			return nil
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.db, "db", "", "database: a SQLite file or a postgres:// URL (default $DOSSIER_DB or "+DefaultDB+")")
	pf.BoolVarP(&a.quiet, "quiet", "q", false, "print no progress or per-file messages")
	pf.BoolVarP(&a.verbose, "verbose", "v", false, "log what each stage does and how long it takes")
	pf.StringVar(&a.dataDir, "data", "", "directory of data files laid over the built-in ones")
	root.AddCommand(
		a.addCmd(),
		a.docsCmd(),
		a.showCmd(),
		a.searchCmd(),
		a.analyzeCmd(),
		a.eventsCmd(),
		a.quotesCmd(),
		a.timelineCmd(),
		a.findingsCmd(),
		a.peopleCmd(),
		a.reportCmd(),
		a.timexCmd(),
		a.codeCmd(),
		a.serveCmd(),
		a.recheckCmd(),
		a.parseCmd(),
		a.watchCmd(),
		a.evalCmd(),
	)
	return root
}

// openStore opens the configured store, creating it if needed.
func (a *app) openStore(ctx context.Context, opts ...store.Option) (store.Store, error) {
	st, err := store.Open(ctx, a.db, opts...)
	if errors.Is(err, store.ErrNoDossier) {
		return nil, fmt.Errorf("%w; add documents first (dossier add), or give the right --db", err)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", a.db, err)
	}
	return st, nil
}

// withStore opens the store (creating it), runs fn and closes the store.
func (a *app) withStore(ctx context.Context, fn func(store.Store) error) error {
	return a.withStoreOpts(ctx, fn)
}

// withExistingStore is withStore for commands that only read: a store
// that does not exist is an error, not created.
func (a *app) withExistingStore(ctx context.Context, fn func(store.Store) error) error {
	return a.withStoreOpts(ctx, fn, store.Existing())
}

func (a *app) withStoreOpts(ctx context.Context, fn func(store.Store) error, opts ...store.Option) error {
	st, err := a.openStore(ctx, opts...)
	if err != nil {
		return err
	}
	err = fn(st)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close store %s: %w", a.db, cerr)
	}
	return err
}
