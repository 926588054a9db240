package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
)

func dirOf(path string) string { return filepath.Dir(path) }

func toEventJSON(e model.Event, pages docPages) eventJSON { return output.EventOf(e, pages) }

func toQuoteJSON(q model.Quote, pages docPages) quoteJSON { return output.QuoteOf(q, pages) }

func (a *app) eventsCmd() *cobra.Command {
	var asJSON, explain bool
	var format, doc string
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List the coded events (CAMEO and PLOVER), with their evidence",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case asJSON || format == "json", format == "csv", format == "" || format == "table":
			default:
				return fmt.Errorf("unknown format %q: use table, json or csv", format)
			}
			ctx := cmd.Context()
			return a.withResults(ctx, func(st store.Store, p *pipeline.Pipeline) error {
				var each func(model.Event) error
				var end func(n int) error
				switch {
				case asJSON || format == "json":
					pages, err := st.PageStarts(ctx)
					if err != nil {
						return err
					}
					arr := output.NewArray(a.stdout)
					each = func(e model.Event) error { return arr.Add(toEventJSON(e, pages)) }
					end = func(int) error { return arr.Close() }
				case format == "csv":
					w := newEventsCSV(a.stdout)
					each = func(e model.Event) error {
						if e.Act != "" {
							return nil // an act of the record is for the checks, not event data
						}
						return w.write(e)
					}
					end = func(int) error { return w.flush() }
				default:
					if explain && p == nil {
						var err error
						if p, err = a.pipeline(); err != nil {
							return err
						}
					}
					each = func(e model.Event) error {
						fmt.Fprintf(a.stdout, "%s  %s  %s\n", e.ID, report.EventLine(e), clip(e.Sentence.Text, 100))
						if explain {
							for _, line := range strings.Split(strings.TrimRight(p.Coder().Explain(e), "\n"), "\n") {
								fmt.Fprintf(a.stdout, "    %s\n", line)
							}
						}
						return nil
					}
					end = func(n int) error {
						if n == 0 {
							fmt.Fprintln(a.stdout, "no events")
						}
						return nil
					}
				}
				n := 0
				err := st.ForEachEvent(ctx, "", func(e model.Event) error {
					if doc != "" && !strings.HasPrefix(e.Doc, doc) {
						return nil
					}
					n++
					return each(e)
				})
				if err != nil {
					return err
				}
				return end(n)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&format, "format", "", "table, json or csv")
	cmd.Flags().BoolVar(&explain, "explain", false, "say which pattern matched which words")
	cmd.Flags().StringVar(&doc, "doc", "", "only events of this document (id prefix)")
	a.stages.register(cmd)
	return cmd
}

// eventsCSV writes events as CSV rows, one at a time.
type eventsCSV struct{ cw *csv.Writer }

func newEventsCSV(w io.Writer) *eventsCSV {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "doc", "date", "source_text", "source_code", "target_text", "target_code", "cameo", "root", "goldstein", "quad_class", "plover", "mode", "negated", "future", "hypothetical", "trigger", "trigger_start", "trigger_end", "sentence_start", "sentence_end", "pattern"})
	return &eventsCSV{cw: cw}
}

func (w *eventsCSV) write(e model.Event) error {
	tt, tc := "", ""
	if e.Target != nil {
		tt, tc = e.Target.Text, e.Target.Code
	}
	date := ""
	if e.When != nil {
		date = e.When.Value
	}
	return w.cw.Write([]string{e.ID, e.Doc, date, e.Source.Text, e.Source.Code, tt, tc, e.CAMEO, e.Root,
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64), strconv.Itoa(e.QuadClass), e.PLOVER, e.Mode,
		strconv.FormatBool(e.Negated), strconv.FormatBool(e.Future), strconv.FormatBool(e.Hypothetical),
		e.Trigger.Text, strconv.Itoa(e.Trigger.Start), strconv.Itoa(e.Trigger.End),
		strconv.Itoa(e.Sentence.Start), strconv.Itoa(e.Sentence.End), e.Pattern})
}

func (w *eventsCSV) flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

func (a *app) quotesCmd() *cobra.Command {
	var asJSON bool
	var doc, speaker, verdict string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List quotes with their speakers and verdicts against the primary records",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withResults(ctx, func(st store.Store, _ *pipeline.Pipeline) error {
				// The table aligns its columns: it holds its rows' words
				// until the last one, not the quotes.
				var t *table
				var arr *output.Array
				var pages docPages
				if asJSON {
					var err error
					if pages, err = st.PageStarts(ctx); err != nil {
						return err
					}
					arr = output.NewArray(a.stdout)
				}
				err := st.ForEachQuote(ctx, store.QuoteQuery{}, func(q model.Quote) error {
					if doc != "" && !strings.HasPrefix(q.Doc, doc) {
						return nil
					}
					if speaker != "" && !strings.Contains(strings.ToLower(q.Speaker), strings.ToLower(speaker)) {
						return nil
					}
					if verdict != "" && q.Verdict != verdict {
						return nil
					}
					if arr != nil {
						return arr.Add(toQuoteJSON(q, pages))
					}
					if t == nil {
						t = newTable(a.stdout, "ID", "SPEAKER", "VERDICT", "SCORE", "KIND", "TEXT")
					}
					kind := "reported"
					if q.Direct {
						kind = "direct"
					}
					who := orDash(q.Speaker)
					if q.Anonymous {
						who += " (anonymous)"
					}
					t.row(q.ID, clip(who, 28), report.VerdictLabel(q), fmt.Sprintf("%.2f", q.Score), kind, clip(q.Text(), 80))
					return nil
				})
				if err != nil {
					return err
				}
				if arr != nil {
					return arr.Close()
				}
				if t == nil {
					fmt.Fprintln(a.stdout, "no quotes")
					return nil
				}
				return t.flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&doc, "doc", "", "only quotes in this document (id prefix)")
	cmd.Flags().StringVar(&speaker, "speaker", "", "only quotes of this speaker (part of the name)")
	cmd.Flags().StringVar(&verdict, "verdict", "", "only quotes with this verdict (verbatim, altered, paraphrase-supported, no-primary-record, wrong-speaker, primary)")
	a.stages.register(cmd)
	return cmd
}

func (a *app) findingsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "findings",
		Aliases: []string{"check"},
		Short:   "List the accountability findings, most serious first",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withResults(ctx, func(st store.Store, _ *pipeline.Pipeline) error {
				if asJSON {
					arr := output.NewArray(a.stdout)
					if err := st.ForEachFinding(ctx, store.FindingQuery{}, func(f model.Finding) error { return arr.Add(f) }); err != nil {
						return err
					}
					return arr.Close()
				}
				n := 0
				err := st.ForEachFinding(ctx, store.FindingQuery{}, func(f model.Finding) error {
					n++
					fmt.Fprintf(a.stdout, "%d. [%s] %s\n   %s\n", n, f.Severity, f.Kind, f.Summary)
					for _, e := range f.Evidence {
						fmt.Fprintf(a.stdout, "   - %s: %q\n", where(e), clip(e.Text, 120))
					}
					return nil
				})
				if err != nil {
					return err
				}
				if n == 0 {
					fmt.Fprintln(a.stdout, "no findings")
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	a.stages.register(cmd)
	return cmd
}
