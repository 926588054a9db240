package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
)

// stageFlags are the knowledge files shared by the commands that run the
// pipeline.
type stageFlags struct {
	actors, verbs, procedures []string
}

func (f *stageFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringArrayVar(&f.actors, "actors", nil, "extra actor dictionary (YAML or PETRARCH/TABARI format); repeatable")
	fl.StringArrayVar(&f.verbs, "verbs", nil, "extra event patterns (YAML or PETRARCH verb dictionary); repeatable")
	fl.StringArrayVar(&f.procedures, "procedure", nil, "extra procedure model (YAML); repeatable")
}

// shownSkipped is how many skipped lines of one dictionary are named
// one by one (all of them with --verbose); the summary counts them all.
const shownSkipped = 5

// pipeline loads the pipeline's models. Lines of the users' dictionaries
// that cannot be read are named (the first few of each file) and counted
// in one summary line per file.
func (a *app) pipeline() (*pipeline.Pipeline, error) {
	start := time.Now()
	var files []string
	counts := map[string]int{}
	p, err := pipeline.New(pipeline.Options{
		DataDir: a.dataDir, Actors: a.stages.actors, Verbs: a.stages.verbs, Procedures: a.stages.procedures,
		Skipped: func(file string, line int, problem string) {
			if counts[file] == 0 {
				files = append(files, file)
			}
			counts[file]++
			if !a.quiet && (counts[file] <= shownSkipped || a.verbose) {
				fmt.Fprintf(a.stderr, "warning: %s: line %d: %s; line skipped\n", file, line, problem)
			}
		},
	})
	if !a.quiet {
		for _, f := range files {
			more := ""
			if n := counts[f]; n > shownSkipped && !a.verbose {
				more = fmt.Sprintf(" (%d named above, --verbose names all)", shownSkipped)
			}
			fmt.Fprintf(a.stderr, "%s: %d %s could not be read and %s skipped%s\n", f, counts[f], plural(counts[f], "line", "lines"), plural(counts[f], "was", "were"), more)
		}
	}
	if err == nil {
		a.log.Debug("loaded models and dictionaries", "took", time.Since(start))
	}
	return p, err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// reanalyse reports whether the stored documents are to be analysed
// again: the user gave dictionaries or data to a command that reads.
// The stored analyses were made with the dictionaries of the day the
// documents were added; given now, they apply to every document.
func (a *app) reanalyse() bool {
	return len(a.stages.actors) > 0 || len(a.stages.verbs) > 0 || a.dataDir != ""
}

func (a *app) pipelineOptions() pipeline.Options {
	return pipeline.Options{DataDir: a.dataDir, Actors: a.stages.actors, Verbs: a.stages.verbs, Procedures: a.stages.procedures}
}

// refresh brings the stored cross-document results up to date: when they
// are stale (documents were added, or the options differ from those of
// the last check) it runs the pass, loading the pipeline if p is nil.
// It returns the pipeline, nil when it was not needed.
func (a *app) refresh(ctx context.Context, st store.Store, p *pipeline.Pipeline, reanalyse bool) (*pipeline.Pipeline, error) {
	fresh, reason, err := pipeline.Fresh(ctx, st, a.pipelineOptions(), reanalyse)
	if err != nil || fresh {
		return p, err
	}
	if p == nil {
		if p, err = a.pipeline(); err != nil {
			return nil, err
		}
	}
	if reanalyse {
		a.log.Info("analysing the stored documents again with the given dictionaries and data")
	}
	a.log.Debug("checking the dossier", "why", reason)
	status, err := st.PassStatus(ctx)
	if err != nil {
		return p, err
	}
	bar := newProgress(a.stderr, a.quiet, status.Documents, "checking")
	last := 0
	defer limitPassMemory()()
	stats, err := p.Pass(ctx, st, pipeline.PassOptions{Reanalyse: reanalyse, Progress: func(done, _ int) {
		for ; last < done; last++ {
			bar.add()
		}
	}})
	bar.finish()
	if err != nil {
		return p, err
	}
	a.log.Debug("checked the dossier", "documents", stats.Documents, "checked", stats.Checked, "all", stats.Full, "took", stats.Took)
	return p, nil
}

// passMemoryLimit is the soft limit of the Go runtime's memory while the
// cross-document pass runs (for analyze and recheck), and for the whole
// run of serve, whose uploads run passes, unless GOMEMLIMIT sets one.
// The pass holds a
// few bytes of each document and the index of the primary records (see
// the README's Performance), so its live heap stays well below it; the
// limit only keeps the collector from letting the heap grow to twice the
// live heap between collections, as it does by default. A dossier whose
// live heap nears it is collected more often (the runtime gives the
// collector at most half the CPU), not stopped.
const passMemoryLimit = 224 << 20

// limitPassMemory sets passMemoryLimit, unless GOMEMLIMIT is set, and
// returns what restores the limit before.
func limitPassMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	before := debug.SetMemoryLimit(passMemoryLimit)
	return func() { debug.SetMemoryLimit(before) }
}

// withResults opens the store, brings its cross-document results up to
// date and runs fn, which reads them. p is the pipeline when loading it
// was needed, else nil.
func (a *app) withResults(ctx context.Context, fn func(st store.Store, p *pipeline.Pipeline) error) error {
	return a.withExistingStore(ctx, func(st store.Store) error {
		p, err := a.refresh(ctx, st, nil, a.reanalyse())
		if err != nil {
			return err
		}
		return fn(st, p)
	})
}

// writeReportJSON writes the report of the dossier in st as JSON, read
// from the store as it is written: documents, findings, timeline,
// quotes and events (the CAMEO coder's, as every report lists them;
// report.Source).
func writeReportJSON(ctx context.Context, w io.Writer, st store.Store) error {
	pages, err := st.PageStarts(ctx)
	if err != nil {
		return err
	}
	src := report.Stored(st)
	bw := bufio.NewWriterSize(w, 1<<16)
	o := output.NewObject(bw)
	section := func(name string, each func(add func(v any) error) error) error {
		arr := o.Array(name)
		if err := each(arr.Add); err != nil {
			return err
		}
		return arr.Close()
	}
	err = section("documents", func(add func(any) error) error {
		return src.Documents(ctx, func(d *model.Document) error { return add(toDocJSON(d)) })
	})
	if err == nil {
		err = section("findings", func(add func(any) error) error {
			return src.Findings(ctx, func(f model.Finding) error { return add(f) })
		})
	}
	if err == nil {
		err = section("timeline", func(add func(any) error) error {
			return src.Timeline(ctx, func(e model.TimelineEntry) error { return add(e) })
		})
	}
	if err == nil {
		err = section("quotes", func(add func(any) error) error {
			return src.Quotes(ctx, func(q model.Quote) error { return add(output.QuoteOf(q, pages)) })
		})
	}
	if err == nil {
		err = section("events", func(add func(any) error) error {
			return src.Events(ctx, func(e model.Event) error { return add(output.EventOf(e, pages)) })
		})
	}
	if err == nil {
		err = o.Close()
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func (a *app) analyzeCmd() *cobra.Command {
	var f addFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "analyze [PATH...]",
		Short: "Add PATHs (if any), analyse the whole dossier and print the report",
		Long: `analyze adds the given files, runs every stage over the whole dossier,
stores the cross-document results and prints the report: documents,
findings, timeline, quotes, events.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			with := a.withStore
			if len(args) == 0 {
				with = a.withExistingStore // nothing to add: only the dossier there is
			}
			return with(ctx, func(st store.Store) error {
				var p *pipeline.Pipeline
				var addErr error
				if len(args) > 0 {
					var err error
					if p, err = a.pipeline(); err != nil {
						return err
					}
					a.timeout = f.timeout
					_, addErr = a.add(ctx, st, p, args, f)
				}
				if _, err := a.refresh(ctx, st, p, a.reanalyse()); err != nil {
					return err
				}
				var err error
				if asJSON {
					err = writeReportJSON(ctx, a.stdout, st)
				} else {
					err = report.StreamText(ctx, a.stdout, report.Stored(st))
				}
				if err != nil {
					return err
				}
				return addErr
			})
		},
	}
	f.register(cmd)
	f.fetch.register(cmd)
	a.stages.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

func (a *app) recheckCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "recheck",
		Short: "Check the whole dossier again, every document, and store the results",
		Long: `recheck runs the cross-document stages (quote verification, timeline,
findings, people) over every stored document again and stores their
results. add does this by itself, for the new documents; recheck is for
when you want every document checked again from scratch.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withStore(ctx, func(st store.Store) error {
				p, err := a.pipeline()
				if err != nil {
					return err
				}
				status, err := st.PassStatus(ctx)
				if err != nil {
					return err
				}
				bar := newProgress(a.stderr, a.quiet, status.Documents, "checking")
				last := 0
				defer limitPassMemory()()
				stats, err := p.Pass(ctx, st, pipeline.PassOptions{Full: true, Reanalyse: a.reanalyse(), Progress: func(done, _ int) {
					for ; last < done; last++ {
						bar.add()
					}
				}})
				bar.finish()
				if err != nil {
					return err
				}
				if !a.quiet {
					fmt.Fprintf(a.stderr, "checked %d documents in %s\n", stats.Documents, stats.Took.Round(time.Millisecond))
				}
				return nil
			})
		},
	}
	a.stages.register(cmd)
	return cmd
}

func (a *app) reportCmd() *cobra.Command {
	var format, out, title string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the report as a file to share: --format md or html",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var write func(context.Context, io.Writer, report.Source, string) error
			switch format {
			case "md", "markdown":
				write = report.StreamMarkdown
			case "html":
				write = report.StreamHTML
			default:
				return fmt.Errorf("unknown report format %q: use md or html", format)
			}
			if out == "" {
				out = "dossier-report." + map[bool]string{true: "md", false: "html"}[format != "html"]
			}
			return a.withResults(cmd.Context(), func(st store.Store, _ *pipeline.Pipeline) error {
				// The report is read from the store as it is written.
				return writeFileAtomic(out, func(f *os.File) error {
					return write(cmd.Context(), f, report.Stored(st), title)
				}, a.quiet, a.stderr)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "html", "md or html")
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default dossier-report.html or .md)")
	cmd.Flags().StringVar(&title, "title", "", "report title")
	a.stages.register(cmd)
	return cmd
}

// writeFileAtomic writes a file through a temporary file in the same
// directory, so a failure never leaves half a report.
func writeFileAtomic(path string, write func(*os.File) error, quiet bool, log interface{ Write([]byte) (int, error) }) error {
	tmp, err := os.CreateTemp(dirOf(path), ".dossier-report-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// A report is for sharing: readable by others, like any file the
	// user writes (CreateTemp makes it private).
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !quiet {
		fmt.Fprintf(log, "wrote %s\n", path)
	}
	return nil
}
