package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/model"
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

// dossier is the stored dossier's cross-document results, with the
// page starts of its documents that have pages.
type dossier struct {
	res   *pipeline.Results
	pages docPages
}

// loadDossier runs the cross-document stages over the store, reading it
// one document at a time, and keeps what keep asks for.
func (a *app) loadDossier(ctx context.Context, st store.Store, p *pipeline.Pipeline, keep pipeline.Keep) (*dossier, error) {
	start := time.Now()
	// The stored analyses were made with the dictionaries of the day the
	// documents were added. With user dictionaries or data given now,
	// the documents are analysed again with them, so that they apply to
	// every document, not only to new ones. Dossier reads the store
	// twice, so each document is then analysed twice: the price of not
	// holding the analyses in memory.
	reanalyse := len(a.stages.actors) > 0 || len(a.stages.verbs) > 0 || a.dataDir != ""
	if reanalyse {
		a.log.Info("analysing the stored documents again with the given dictionaries and data")
	}
	pages := docPages{}
	src := func(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error {
		return st.ForEachAnalysis(ctx, func(doc *model.Document, an *model.Analysis) error {
			pages.note(doc)
			if reanalyse {
				fresh, err := p.Document(ctx, doc)
				if err != nil {
					return fmt.Errorf("analyse %s again: %w", doc.Path, err)
				}
				an = fresh
			}
			if an == nil {
				an = &model.Analysis{Doc: doc.ID}
			}
			return fn(doc, an)
		})
	}
	res, err := p.Dossier(ctx, src, keep)
	if err != nil {
		return nil, fmt.Errorf("read the dossier: %w", err)
	}
	pages.apply(res)
	a.log.Debug("cross-document stages", "quotes", len(res.Quotes), "timeline", len(res.Timeline), "findings", len(res.Findings), "took", time.Since(start))
	return &dossier{res: res, pages: pages}, nil
}

// withDossier opens the store, loads the pipeline and the dossier's
// results (keeping what keep asks for), and runs fn.
func (a *app) withDossier(ctx context.Context, keep pipeline.Keep, fn func(store.Store, *pipeline.Pipeline, *dossier) error) error {
	return a.withExistingStore(ctx, func(st store.Store) error {
		p, err := a.pipeline()
		if err != nil {
			return err
		}
		d, err := a.loadDossier(ctx, st, p, keep)
		if err != nil {
			return err
		}
		return fn(st, p, d)
	})
}

func (d *dossier) report() *report.Report {
	return &report.Report{
		Documents: d.res.Documents,
		Findings:  d.res.Findings,
		Timeline:  d.res.Timeline,
		Quotes:    d.res.Quotes,
		Events:    d.res.Events,
	}
}

// reportJSON is the report as data.
type reportJSON struct {
	Documents []docJSON             `json:"documents"`
	Findings  []model.Finding       `json:"findings"`
	Timeline  []model.TimelineEntry `json:"timeline"`
	Quotes    []quoteJSON           `json:"quotes"`
	Events    []eventJSON           `json:"events"`
}

func (d *dossier) json() reportJSON {
	r := reportJSON{Documents: []docJSON{}, Findings: nonNil(d.res.Findings), Timeline: nonNil(d.res.Timeline), Quotes: []quoteJSON{}, Events: []eventJSON{}}
	for _, doc := range d.res.Documents {
		r.Documents = append(r.Documents, toDocJSON(doc))
	}
	for _, q := range d.res.Quotes {
		r.Quotes = append(r.Quotes, toQuoteJSON(q, d.pages))
	}
	for _, e := range d.res.Events {
		r.Events = append(r.Events, toEventJSON(e, d.pages))
	}
	return r
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
				p, err := a.pipeline()
				if err != nil {
					return err
				}
				var addErr error
				if len(args) > 0 {
					a.timeout = f.timeout
					_, addErr = a.add(ctx, st, p, args, f)
				}
				// One cross-document pass at a time per dossier, whatever
				// the process or machine: it reads every document and
				// replaces the stored results, and two of them would
				// interleave their writes. Adding documents goes on.
				var d *dossier
				err = st.Exclusive(ctx, "dossier", func() error {
					var err error
					if d, err = a.loadDossier(ctx, st, p, pipeline.KeepAll()); err != nil {
						return err
					}
					if err := st.ReplaceResults(ctx, &store.Results{Quotes: d.res.Quotes, Timeline: d.res.Timeline, Findings: d.res.Findings, Events: d.res.Events}); err != nil {
						return fmt.Errorf("store results: %w", err)
					}
					return nil
				})
				if err != nil {
					return err
				}
				if asJSON {
					err = writeJSON(a.stdout, d.json())
				} else {
					err = report.WriteText(a.stdout, d.report())
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
			return a.withDossier(cmd.Context(), pipeline.KeepAll(), func(st store.Store, _ *pipeline.Pipeline, d *dossier) error {
				r := d.report()
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
