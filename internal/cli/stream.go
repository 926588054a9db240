package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// maxLine bounds one input line of the streaming commands.
const maxLine = 16 << 20

func (a *app) timexCmd() *cobra.Command {
	var ref string
	cmd := &cobra.Command{
		Use:   "timex",
		Short: "Read lines on stdin and write the temporal expressions of each as a JSON line",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var rt time.Time
			if ref != "" {
				var err error
				rt, err = parseRef(ref)
				if err != nil {
					return err
				}
			}
			fsys := data.Open(a.dataDir)
			tg, err := timex.NewFS(fsys)
			if err != nil {
				return fmt.Errorf("load temporal vocabulary: %w", err)
			}
			// Tokens and sentences only: no tagging, so no model to load.
			ta, err := text.NewFromData(fsys)
			if err != nil {
				return fmt.Errorf("load text models: %w", err)
			}
			type expr struct {
				Text            string `json:"text"`
				Start           int    `json:"start"`
				End             int    `json:"end"`
				Kind            string `json:"kind"`
				Value           string `json:"value"`
				EndValue        string `json:"end_value,omitempty"`
				Granularity     string `json:"granularity"`
				PartOfDay       string `json:"part_of_day"`
				Weekday         string `json:"weekday,omitempty"`
				WeekdayMismatch bool   `json:"weekday_mismatch,omitempty"`
				Date            string `json:"date,omitempty"`
				NoDate          string `json:"no_date,omitempty"`
			}
			sc := bufio.NewScanner(a.stdin)
			sc.Buffer(make([]byte, 64<<10), maxLine)
			w := bufio.NewWriter(a.stdout)
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for sc.Scan() {
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				line := sc.Text()
				out := struct {
					Input       string `json:"input"`
					Expressions []expr `json:"expressions"`
				}{Input: line, Expressions: []expr{}}
				for _, x := range tg.Find(ta.Segment(line), rt) {
					// value is TimeML's (2013-06-04TMO, 2013-Q2, PRESENT_REF);
					// date is the ISO value dossier dates things with,
					// when it differs.
					e := expr{x.Text, x.Start, x.End, x.Kind, x.TimeML, x.EndValue, x.Granularity, x.PartOfDay, x.Weekday, x.WeekdayMismatch, "", x.NoDate}
					if x.Value != x.TimeML {
						e.Date = x.Value
					}
					out.Expressions = append(out.Expressions, e)
				}
				if err := enc.Encode(out); err != nil {
					return err
				}
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("read stdin: %w", err)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&ref, "ref", "", "reference time, e.g. 2013-06-05 or 2013-06-05T12:00 (default: none)")
	return cmd
}

func parseRef(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--ref %q: want YYYY-MM-DD or YYYY-MM-DDTHH:MM", s)
}

func (a *app) codeCmd() *cobra.Command {
	var format string
	var workers int
	cmd := &cobra.Command{
		Use:   "code [FILE]",
		Short: `Code events in JSON Lines {"id","date","text"} (stdin or FILE) to JSON Lines or GDELT-style rows`,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in := a.stdin
			if len(args) == 1 && args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("code: %w", err)
				}
				defer f.Close()
				in = f
			}
			p, err := a.pipeline()
			if err != nil {
				return err
			}
			var stats events.StreamStats
			w := bufio.NewWriterSize(a.stdout, 1<<16)
			err = p.Coder().CodeStream(cmd.Context(), in, w, events.StreamOptions{Format: format, Workers: workers, Prepare: p.PrepareToCode, Stats: &stats, Countries: p.Countries()})
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return fmt.Errorf("code: %w", err)
			}
			if format == "gdelt" {
				// GDELT rows cannot carry an error line: name the bad lines.
				if bad := stats.FirstBadLines(); len(bad) > 0 {
					fmt.Fprintf(a.stderr, "bad input lines (not JSON, or no text), first %d: %s\n", len(bad), joinInts(bad))
				}
			}
			if !a.quiet {
				fmt.Fprintf(a.stderr, "%s\n", statsLine(&stats))
			}
			if stats.BadLines > 0 {
				where := "their output lines carry an \"error\""
				if format == "gdelt" {
					where = "the first are named above"
				}
				return fmt.Errorf("%d of %d input %s could not be coded (not JSON, or no text); %s", stats.BadLines, stats.Lines, plural(int(stats.Lines), "line", "lines"), where)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "jsonl or gdelt")
	cmd.Flags().IntVar(&workers, "workers", 0, "coding goroutines (default: one per CPU)")
	a.stages.register(cmd)
	return cmd
}

func statsLine(s *events.StreamStats) string {
	return fmt.Sprintf("%d lines, %d sentences, %d events, %d bad lines", s.Lines, s.Sentences, s.Events, s.BadLines)
}

func joinInts(ns []int64) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.FormatInt(n, 10)
	}
	return strings.Join(parts, ", ")
}
