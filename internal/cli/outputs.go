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
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
)

func dirOf(path string) string { return filepath.Dir(path) }

// eventJSON is the documented shape of an event in --json output: the
// event with the date it is anchored to, and the page its sentence
// starts on in a document with pages.
type eventJSON struct {
	model.Event
	Date *string `json:"date"`
	Page int     `json:"page,omitempty"`
}

func toEventJSON(e model.Event, pages docPages) eventJSON {
	e.Context = nonNil(e.Context)
	j := eventJSON{Event: e, Page: pages.page(e.Doc, e.Sentence.Start)}
	if e.When != nil && e.When.Value != "" {
		v := e.When.Value
		j.Date = &v
	}
	return j
}

// quoteJSON is the documented shape of a quote in --json output.
type quoteJSON struct {
	ID          string          `json:"id"`
	Doc         string          `json:"doc"`
	Speaker     string          `json:"speaker"`
	SpeakerCode string          `json:"speaker_code"`
	Anonymous   bool            `json:"anonymous"`
	Text        string          `json:"text"`
	Start       int             `json:"start"`
	End         int             `json:"end"`
	Page        int             `json:"page,omitempty"`
	Direct      bool            `json:"direct"`
	Question    bool            `json:"question,omitempty"`
	Unclosed    bool            `json:"unclosed,omitempty"`
	Cue         *model.Span     `json:"cue"`
	Sources     []model.Span    `json:"sources"`
	Contents    []model.Span    `json:"contents"`
	Verdict     string          `json:"verdict"`
	Score       float64         `json:"score"`
	Primary     *model.Evidence `json:"primary"`
	Diff        string          `json:"diff"`
	Rule        string          `json:"rule"`
	When        *model.Anchor   `json:"when"`
}

func toQuoteJSON(q model.Quote, pages docPages) quoteJSON {
	j := quoteJSON{ID: q.ID, Doc: q.Doc, Speaker: q.Speaker, SpeakerCode: q.SpeakerCode, Anonymous: q.Anonymous,
		Text: q.Text(), Direct: q.Direct, Question: q.Question, Unclosed: q.Unclosed, Cue: q.Cue,
		Sources: nonNil(q.Sources), Contents: nonNil(q.Contents), Verdict: q.Verdict, Score: q.Score,
		Primary: q.Primary, Diff: q.Diff, Rule: q.Rule, When: q.When}
	if len(q.Contents) > 0 {
		j.Start, j.End = q.Contents[0].Start, q.Contents[len(q.Contents)-1].End
		j.Page = pages.page(q.Doc, j.Start)
	}
	return j
}

func (a *app) eventsCmd() *cobra.Command {
	var asJSON, explain bool
	var format, doc string
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List the coded events (CAMEO and PLOVER), with their evidence",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDossier(cmd.Context(), pipeline.Keep{Events: true}, func(_ store.Store, p *pipeline.Pipeline, d *dossier) error {
				var evs []model.Event
				for _, e := range d.res.Events {
					if doc == "" || strings.HasPrefix(e.Doc, doc) {
						evs = append(evs, e)
					}
				}
				switch {
				case asJSON || format == "json":
					out := make([]eventJSON, 0, len(evs))
					for _, e := range evs {
						out = append(out, toEventJSON(e, d.pages))
					}
					return writeJSON(a.stdout, out)
				case format == "csv":
					return writeEventsCSV(a.stdout, evs)
				case format != "" && format != "table":
					return fmt.Errorf("unknown format %q: use table, json or csv", format)
				}
				for _, e := range evs {
					fmt.Fprintf(a.stdout, "%s  %s  %s\n", e.ID, report.EventLine(e), clip(e.Sentence.Text, 100))
					if explain {
						for _, line := range strings.Split(strings.TrimRight(p.Coder().Explain(e), "\n"), "\n") {
							fmt.Fprintf(a.stdout, "    %s\n", line)
						}
					}
				}
				if len(evs) == 0 {
					fmt.Fprintln(a.stdout, "no events")
				}
				return nil
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

func writeEventsCSV(w io.Writer, evs []model.Event) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "doc", "date", "source_text", "source_code", "target_text", "target_code", "cameo", "root", "goldstein", "quad_class", "plover", "mode", "negated", "future", "hypothetical", "trigger", "trigger_start", "trigger_end", "sentence_start", "sentence_end", "pattern"})
	for _, e := range evs {
		tt, tc := "", ""
		if e.Target != nil {
			tt, tc = e.Target.Text, e.Target.Code
		}
		date := ""
		if e.When != nil {
			date = e.When.Value
		}
		_ = cw.Write([]string{e.ID, e.Doc, date, e.Source.Text, e.Source.Code, tt, tc, e.CAMEO, e.Root,
			strconv.FormatFloat(e.Goldstein, 'f', 1, 64), strconv.Itoa(e.QuadClass), e.PLOVER, e.Mode,
			strconv.FormatBool(e.Negated), strconv.FormatBool(e.Future), strconv.FormatBool(e.Hypothetical),
			e.Trigger.Text, strconv.Itoa(e.Trigger.Start), strconv.Itoa(e.Trigger.End),
			strconv.Itoa(e.Sentence.Start), strconv.Itoa(e.Sentence.End), e.Pattern})
	}
	cw.Flush()
	return cw.Error()
}

func (a *app) quotesCmd() *cobra.Command {
	var asJSON bool
	var doc, speaker, verdict string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List quotes with their speakers and verdicts against the primary records",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDossier(cmd.Context(), pipeline.Keep{Quotes: true}, func(_ store.Store, _ *pipeline.Pipeline, d *dossier) error {
				var qs []model.Quote
				for _, q := range d.res.Quotes {
					if doc != "" && !strings.HasPrefix(q.Doc, doc) {
						continue
					}
					if speaker != "" && !strings.Contains(strings.ToLower(q.Speaker), strings.ToLower(speaker)) {
						continue
					}
					if verdict != "" && q.Verdict != verdict {
						continue
					}
					qs = append(qs, q)
				}
				if asJSON {
					out := make([]quoteJSON, 0, len(qs))
					for _, q := range qs {
						out = append(out, toQuoteJSON(q, d.pages))
					}
					return writeJSON(a.stdout, out)
				}
				if len(qs) == 0 {
					fmt.Fprintln(a.stdout, "no quotes")
					return nil
				}
				t := newTable(a.stdout, "ID", "SPEAKER", "VERDICT", "SCORE", "KIND", "TEXT")
				for _, q := range qs {
					kind := "reported"
					if q.Direct {
						kind = "direct"
					}
					who := orDash(q.Speaker)
					if q.Anonymous {
						who += " (anonymous)"
					}
					t.row(q.ID, clip(who, 28), report.VerdictLabel(q), fmt.Sprintf("%.2f", q.Score), kind, clip(q.Text(), 80))
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
			return a.withDossier(cmd.Context(), pipeline.Keep{}, func(_ store.Store, _ *pipeline.Pipeline, d *dossier) error {
				if asJSON {
					return writeJSON(a.stdout, nonNil(d.res.Findings))
				}
				if len(d.res.Findings) == 0 {
					fmt.Fprintln(a.stdout, "no findings")
					return nil
				}
				for i, f := range d.res.Findings {
					fmt.Fprintf(a.stdout, "%d. [%s] %s\n   %s\n", i+1, f.Severity, f.Kind, f.Summary)
					for _, e := range f.Evidence {
						fmt.Fprintf(a.stdout, "   - %s: %q\n", where(e), clip(e.Text, 120))
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	a.stages.register(cmd)
	return cmd
}
