package cli

import (
	"context"
	"fmt"
	"os"
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

// readReport reads everything a report shows from the store: the
// documents (primary records whole, the others without their text) and
// every stored result.
func readReport(ctx context.Context, st store.Store) (*report.Report, error) {
	docs, err := st.Documents(ctx)
	if err != nil {
		return nil, err
	}
	for i, d := range docs {
		if !d.Kind.Primary() {
			light := *d
			light.Text, light.Turns = "", nil
			docs[i] = &light
		}
	}
	res, err := store.Results(ctx, st)
	if err != nil {
		return nil, err
	}
	events, findings := reportEvents(res.Events, res.Findings)
	return &report.Report{Documents: docs, Findings: findings, Timeline: res.Timeline, Quotes: res.Quotes, Events: events}, nil
}

// reportEvents returns the events a report lists, the CAMEO coder's (the
// acts of the record are what the checks read; dossier events lists
// them), and the findings with the events they rest on among those, so
// that every event a report's finding names is in the report.
func reportEvents(all []model.Event, fs []model.Finding) ([]model.Event, []model.Finding) {
	var events []model.Event
	shown := make(map[string]bool, len(all))
	for _, e := range all {
		if e.Act == "" {
			events = append(events, e)
			shown[e.ID] = true
		}
	}
	out := make([]model.Finding, len(fs))
	for i, f := range fs {
		if len(f.Events) > 0 {
			ids := make([]string, 0, len(f.Events))
			for _, id := range f.Events {
				if shown[id] {
					ids = append(ids, id)
				}
			}
			f.Events = ids
		}
		out[i] = f
	}
	return events, out
}

// reportJSON is the report as data.
type reportJSON struct {
	Documents []docJSON             `json:"documents"`
	Findings  []model.Finding       `json:"findings"`
	Timeline  []model.TimelineEntry `json:"timeline"`
	Quotes    []quoteJSON           `json:"quotes"`
	Events    []eventJSON           `json:"events"`
}

func toReportJSON(r *report.Report) reportJSON {
	j := reportJSON{Documents: []docJSON{}, Findings: nonNil(r.Findings), Timeline: nonNil(r.Timeline), Quotes: []quoteJSON{}, Events: []eventJSON{}}
	for _, doc := range r.Documents {
		j.Documents = append(j.Documents, toDocJSON(doc))
	}
	pages := output.Pages{}
	for _, doc := range r.Documents {
		pages.Note(doc)
	}
	for _, q := range r.Quotes {
		j.Quotes = append(j.Quotes, output.QuoteOf(q, pages))
	}
	for _, e := range r.Events {
		j.Events = append(j.Events, output.EventOf(e, pages))
	}
	return j
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
				r, err := readReport(ctx, st)
				if err != nil {
					return err
				}
				if asJSON {
					err = writeJSON(a.stdout, toReportJSON(r))
				} else {
					err = report.WriteText(a.stdout, r)
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
			var write func(*os.File, *report.Report) error
			switch format {
			case "md", "markdown":
				write = func(f *os.File, r *report.Report) error { return report.WriteMarkdown(f, r) }
			case "html":
				write = func(f *os.File, r *report.Report) error { return report.WriteHTML(f, r) }
			default:
				return fmt.Errorf("unknown report format %q: use md or html", format)
			}
			if out == "" {
				out = "dossier-report." + map[bool]string{true: "md", false: "html"}[format != "html"]
			}
			return a.withResults(cmd.Context(), func(st store.Store, _ *pipeline.Pipeline) error {
				r, err := readReport(cmd.Context(), st)
				if err != nil {
					return err
				}
				r.Title = title
				if err := withEvidenceTexts(cmd.Context(), st, r); err != nil {
					return err
				}
				return writeFileAtomic(out, func(f *os.File) error { return write(f, r) }, a.quiet, a.stderr)
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

// withEvidenceTexts gives the report the texts of the documents its
// findings cite, which the HTML page shows around the evidence; the
// dossier's results carry only the primary records' texts.
func withEvidenceTexts(ctx context.Context, st store.Store, r *report.Report) error {
	need := map[string]bool{}
	for _, f := range r.Findings {
		for _, e := range f.Evidence {
			need[e.Doc] = true
		}
	}
	for i, d := range r.Documents {
		if d.Text != "" || !need[d.ID] {
			continue
		}
		full, err := st.Document(ctx, d.ID)
		if err != nil {
			return fmt.Errorf("read document %s: %w", d.ShortID(), err)
		}
		r.Documents[i] = full
	}
	return nil
}
