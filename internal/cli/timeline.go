package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
)

func (a *app) timelineCmd() *cobra.Command {
	var asJSON bool
	var format string
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Print the timeline across documents (table, --json, --format timelinejs|csv)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case asJSON || format == "json", format == "timelinejs", format == "csv", format == "" || format == "table":
			default:
				return fmt.Errorf("unknown format %q: use table, json, timelinejs or csv", format)
			}
			ctx := cmd.Context()
			return a.withResults(ctx, func(st store.Store, _ *pipeline.Pipeline) error {
				each := func(fn func(model.TimelineEntry) error) error { return st.ForEachTimelineEntry(ctx, 0, 0, fn) }
				switch {
				case asJSON || format == "json":
					arr := output.NewArray(a.stdout)
					if err := each(func(e model.TimelineEntry) error { return arr.Add(e) }); err != nil {
						return err
					}
					return arr.Close()
				case format == "timelinejs":
					tl := []model.TimelineEntry{}
					if err := each(func(e model.TimelineEntry) error { tl = append(tl, e); return nil }); err != nil {
						return err
					}
					return writeJSON(a.stdout, timelineJS(tl))
				case format == "csv":
					w := newTimelineCSV(a.stdout)
					if err := each(w.write); err != nil {
						return err
					}
					return w.flush()
				}
				var t *table
				err := each(func(e model.TimelineEntry) error {
					if t == nil {
						t = newTable(a.stdout, "WHEN", "PRECISION", "WHAT", "SOURCES")
					}
					what := e.Summary
					if e.Future {
						what += " (future)"
					}
					t.row(report.When(e), e.Precision, clip(what, 90), strconv.Itoa(len(e.Docs)))
					return nil
				})
				if err != nil {
					return err
				}
				if t == nil {
					fmt.Fprintln(a.stdout, "no dated entries")
					return nil
				}
				return t.flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&format, "format", "", "table, json, timelinejs or csv")
	a.stages.register(cmd)
	return cmd
}

// TimelineJS3 JSON: https://timeline.knightlab.com/docs/json-format.html
type tljsDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tljsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type tljsEvent struct {
	StartDate tljsDate  `json:"start_date"`
	EndDate   *tljsDate `json:"end_date,omitempty"`
	Text      tljsText  `json:"text"`
	Group     string    `json:"group,omitempty"`
}

type tljs struct {
	Title  tljsEvent   `json:"title"`
	Events []tljsEvent `json:"events"`
}

// isoDate reads "2013", "2013-06" or "2013-06-04" at its precision.
func isoDate(s string) (tljsDate, bool) {
	var d tljsDate
	// An ISO week ("2024-W27") starts on its Monday; the entry's display
	// date still says it is a week.
	var y, w int
	if n, err := fmt.Sscanf(s, "%4d-W%2d", &y, &w); err == nil && n == 2 && len(s) == len("2024-W27") && w >= 1 && w <= 53 {
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		d.Year, d.Month, d.Day = monday.Year(), int(monday.Month()), monday.Day()
		return d, true
	}
	parts := strings.Split(s, "-")
	if len(parts) == 0 || len(parts[0]) != 4 {
		return d, false
	}
	var err error
	if d.Year, err = strconv.Atoi(parts[0]); err != nil {
		return d, false
	}
	if len(parts) > 1 {
		if d.Month, err = strconv.Atoi(parts[1]); err != nil {
			return d, false
		}
	}
	if len(parts) > 2 {
		if d.Day, err = strconv.Atoi(parts[2]); err != nil {
			return d, false
		}
	}
	return d, true
}

func timelineJS(tl []model.TimelineEntry) tljs {
	out := tljs{Title: tljsEvent{Text: tljsText{Headline: "Dossier timeline"}}, Events: []tljsEvent{}}
	for _, e := range tl {
		start, ok := isoDate(e.Date)
		if !ok {
			continue
		}
		start.DisplayDate = report.When(e)
		ev := tljsEvent{StartDate: start, Text: tljsText{Headline: e.Summary, Text: evidenceText(e)}, Group: e.Kind}
		if end, ok := isoDate(e.End); ok && e.End != e.Date {
			ev.EndDate = &end
		}
		out.Events = append(out.Events, ev)
	}
	return out
}

func evidenceText(e model.TimelineEntry) string {
	var parts []string
	for _, ev := range e.Evidence {
		pg := report.PageLabel(ev)
		if pg != "" {
			pg += ", "
		}
		parts = append(parts, fmt.Sprintf("“%s” (%s, %sbytes %d–%d)", strings.Join(strings.Fields(ev.Text), " "), shortID(ev.Doc), pg, ev.Start, ev.End))
	}
	return strings.Join(parts, "<br>")
}

// timelineCSV writes timeline entries as CSV rows, one at a time.
type timelineCSV struct{ cw *csv.Writer }

func newTimelineCSV(w io.Writer) *timelineCSV {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "date", "end", "precision", "part_of_day", "kind", "future", "summary", "events", "quotes", "docs"})
	return &timelineCSV{cw: cw}
}

func (w *timelineCSV) write(e model.TimelineEntry) error {
	return w.cw.Write([]string{strconv.Itoa(e.ID), e.Date, e.End, e.Precision, e.PartOfDay, e.Kind, strconv.FormatBool(e.Future), e.Summary,
		strings.Join(e.Events, " "), strings.Join(e.Quotes, " "), strings.Join(e.Docs, " ")})
}

func (w *timelineCSV) flush() error {
	w.cw.Flush()
	return w.cw.Error()
}
