package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/evaluate"
	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
)

// evalFlags are the output options of the eval commands.
type evalFlags struct {
	asJSON, errors bool
}

func (f *evalFlags) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "print the figures (counts and ratios) as JSON")
	cmd.Flags().BoolVar(&f.errors, "errors", false, "also list what was wrong, one line each (in the JSON with --json)")
}

// jsonErrors is what the JSON output's "errors" holds: the errors with
// --errors (an empty list when there are none), nothing otherwise.
func (f *evalFlags) jsonErrors(errs any) any {
	if !f.errors {
		return nil
	}
	return errs
}

func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score dossier on gold data (PLOVER events, brat attributions) with the project's scorer's rules",
		Long: `eval scores dossier on your own gold data and prints the figures the
project's scorer (score.py) prints for the same data:

  dossier eval plover FILE   events: PLOVER gold records, one JSON object a line
  dossier eval brat DIR      quotes: DIR/text/*.txt and DIR/attributions/*.ann (brat)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("eval: say what to score: dossier eval plover FILE, or dossier eval brat DIR")
		},
	}
	cmd.AddCommand(a.evalPloverCmd(), a.evalBratCmd())
	return cmd
}

func (a *app) evalPloverCmd() *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "plover FILE",
		Short: "Code the sentences of PLOVER gold records and score event type, source and target",
		Long: `plover reads PLOVER gold records (one JSON object a line, with "id",
"text", "event", "source" and "target"; "date" optional), codes each text
with dossier's batch coder (as dossier code does) and prints:

  plover: N sentences, N coded; event-type X (of coded X); source-country X; target-country X

Event type: a record is right when one of its events has the gold type
(DEMAND counts as REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE, FIGHT as
ASSAULT). Source and target: when an event of the gold type (or, with
none, any event) has an actor whose code shares its first three letters
with a gold actor's; gold actors coded IGO are not judged.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.evalPlover(cmd.Context(), args[0], f)
		},
	}
	f.register(cmd)
	a.stages.register(cmd)
	return cmd
}

func (a *app) evalPlover(ctx context.Context, path string, f evalFlags) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval plover: %w", err)
	}
	recs, err := evaluate.ReadPLOVER(file)
	file.Close()
	if err != nil {
		return fmt.Errorf("eval plover: %s: %w", path, err)
	}
	if len(recs) == 0 {
		return fmt.Errorf("eval plover: %s: no gold records (want one JSON object a line, as PLOVER's)", path)
	}
	p, err := a.pipeline()
	if err != nil {
		return err
	}
	// The coder writes into a pipe that is read as it goes, so that its
	// output is never held whole.
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := p.Coder().CodeStream(ctx, evaluate.CoderInput(recs), pw, events.StreamOptions{Prepare: p.PrepareToCode, Countries: p.Countries()})
		pw.CloseWithError(err)
		done <- err
	}()
	out, rerr := evaluate.ReadCoded(pr)
	pr.CloseWithError(errors.New("eval stopped reading")) // unblocks the coder after a read error
	cerr := <-done
	if rerr != nil {
		return fmt.Errorf("eval plover: read the coder's output: %w", rerr)
	}
	if cerr != nil {
		return fmt.Errorf("eval plover: code: %w", cerr)
	}
	s := evaluate.ScorePLOVER(recs, out)
	if f.asJSON {
		return writeJSON(a.stdout, struct {
			Summary string `json:"summary"`
			evaluate.PLOVERScore
			Errors any `json:"errors,omitempty"`
		}{s.Line(), s, f.jsonErrors(nonNil(s.Errors))})
	}
	if f.errors {
		for _, e := range s.Errors {
			fmt.Fprintln(a.stdout, ploverErrorLine(e))
		}
	}
	fmt.Fprintln(a.stdout, s.Line())
	return nil
}

// ploverErrorLine is one wrong record: what was wrong, the gold, ours,
// and the start of its text.
func ploverErrorLine(e evaluate.PLOVERError) string {
	g := e.Gold
	gold := fmt.Sprintf("%s %s -> %s", orDash(g.Event), codeList(g.Source), codeList(g.Target))
	ours := make([]string, 0, len(e.Events))
	for _, ev := range e.Events {
		ours = append(ours, fmt.Sprintf("%s %s -> %s", orDash(ev.Event), codeList(ev.Source), codeList(ev.Target)))
	}
	o := "none"
	if len(ours) > 0 {
		o = strings.Join(ours, "; ")
	}
	what := "wrong " + strings.Join(e.Wrong, ", ")
	if len(e.Events) == 0 {
		what = "not coded"
	}
	return fmt.Sprintf("line %d %s: %s; gold %s; ours %s; %q", g.Line, idText(g.ID), what, gold, o, clip(g.Text, 100))
}

func codeList(cs []string) string {
	if len(cs) == 0 {
		return "-"
	}
	return strings.Join(cs, ",")
}

// idText is a record id as the user wrote it, a text unquoted.
func idText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func (a *app) evalBratCmd() *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "brat DIR",
		Short: "Extract the quotes of DIR/text and score them against the attributions in DIR/attributions (brat)",
		Long: `brat reads the articles in DIR/text (*.txt) into a temporary store, as
dossier add would (your --db is not touched), extracts their quotes as
dossier quotes does, and scores them against the brat attributions in
DIR/attributions (ARTICLE_xxxx.ann: the first file in name order is the
article's gold). It prints:

  polnear: N articles, N gold, N ours; content P X R X F1 X; speaker X of N judgeable

A quote matches a gold attribution's Content when the words they share
(after lower-casing and dropping punctuation) are at least half of the
smaller set of words. Speaker: for each matched gold attribution, whether
the last word of its Source occurs in our quote's speaker or sources; a
Source made only of pronouns is not judgeable.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.evalBrat(cmd.Context(), args[0], f)
		},
	}
	f.register(cmd)
	a.stages.register(cmd)
	return cmd
}

func (a *app) evalBrat(ctx context.Context, dir string, f evalFlags) error {
	textDir := filepath.Join(dir, "text")
	for _, sub := range []string{textDir, filepath.Join(dir, "attributions")} {
		if fi, err := os.Stat(sub); err != nil || !fi.IsDir() {
			return fmt.Errorf("eval brat: %s: no such folder (want %s/text/*.txt, the articles, and %s/attributions/*.ann, their attributions in brat format)", sub, dir, dir)
		}
	}
	gold, warnings, err := evaluate.ReadBrat(dir)
	if !a.quiet {
		for _, w := range warnings {
			fmt.Fprintf(a.stderr, "warning: %s\n", w)
		}
	}
	if err != nil {
		return fmt.Errorf("eval brat: %w", err)
	}
	quotes, err := a.extractQuotes(ctx, textDir)
	if err != nil {
		return fmt.Errorf("eval brat: %w", err)
	}
	s := evaluate.ScoreAttributions(gold, quotes)
	if f.asJSON {
		return writeJSON(a.stdout, struct {
			Summary string `json:"summary"`
			evaluate.AttributionScore
			Errors any `json:"errors,omitempty"`
		}{s.Line(), s, f.jsonErrors(nonNil(s.Errors))})
	}
	if f.errors {
		for _, e := range s.Errors {
			fmt.Fprintln(a.stdout, attributionErrorLine(e))
		}
	}
	fmt.Fprintln(a.stdout, s.Line())
	return nil
}

// extractQuotes adds the files of textDir to a temporary store, as add
// does (a file that cannot be read is reported and left out), and returns
// the dossier's quotes as quotes --json gives them, with the stem of each
// one's document. The store is gone when it returns, before anything is
// printed (a reader that stops reading, as head does, ends dossier).
func (a *app) extractQuotes(ctx context.Context, textDir string) (quotes []evaluate.Quote, err error) {
	tmp, err := os.MkdirTemp("", "dossier-eval-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if rerr := os.RemoveAll(tmp); err == nil && rerr != nil {
			err = fmt.Errorf("remove the temporary store: %w", rerr)
		}
	}()
	st, err := store.Open(ctx, filepath.Join(tmp, "eval.db"))
	if err != nil {
		return nil, fmt.Errorf("open a temporary store: %w", err)
	}
	defer st.Close()
	p, err := a.pipeline()
	if err != nil {
		return nil, err
	}
	var af addFlags
	af.register(&cobra.Command{}) // the defaults of add
	opt, err := a.ingestOptions(af)
	if err != nil {
		return nil, err
	}
	files, bad := ingest.Expand([]string{textDir})
	for _, err := range bad {
		fmt.Fprintf(a.stderr, "error: %s\n", oneLine(err))
	}
	bar := newProgress(a.stderr, a.quiet, len(files), "reading articles")
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			bar.finish()
			return nil, err
		}
		if _, err := a.addFile(ctx, st, p, path, opt); err != nil {
			if ctx.Err() != nil {
				bar.finish()
				return nil, ctx.Err()
			}
			bar.printf(a.stderr, "error: %s (its quotes are not scored)\n", oneLine(fileError(path, err)))
		}
		bar.add()
	}
	bar.finish()
	// The documents were just analysed with this run's dictionaries and
	// data: the pass reads their stored analyses rather than making them
	// again.
	if _, err := p.Pass(ctx, st, pipeline.PassOptions{}); err != nil {
		return nil, err
	}
	docs, _, err := st.ListDocuments(ctx, 0, 0)
	if err != nil {
		return nil, err
	}
	stems := make(map[string]string, len(docs))
	pages := docPages{}
	for _, doc := range docs {
		stems[doc.ID] = evaluate.DocStem(doc.Path)
		pages.Note(doc)
	}
	var qs []model.Quote
	if err := st.ForEachQuote(ctx, store.QuoteQuery{}, func(q model.Quote) error { qs = append(qs, q); return nil }); err != nil {
		return nil, err
	}
	out := make([]evaluate.Quote, 0, len(qs))
	for _, q := range qs {
		j := toQuoteJSON(q, pages)
		var src bytes.Buffer
		enc := json.NewEncoder(&src)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(j.Sources); err != nil {
			return nil, fmt.Errorf("quote %s: %w", q.ID, err)
		}
		texts := make([]string, 0, len(j.Sources))
		for _, sp := range j.Sources {
			texts = append(texts, sp.Text)
		}
		out = append(out, evaluate.Quote{ID: j.ID, Stem: stems[j.Doc], Text: j.Text, Speaker: j.Speaker, SourceTexts: texts, Sources: src.Bytes()})
	}
	return out, nil
}

// attributionErrorLine is one error of the brat scoring.
func attributionErrorLine(e evaluate.AttributionError) string {
	switch e.Kind {
	case "missed":
		return fmt.Sprintf("missed  %s: gold %q (source %q); best overlap %.2f", e.Article, clip(e.Gold.Content, 100), e.Gold.Source, e.Overlap)
	case "speaker":
		return fmt.Sprintf("speaker %s: gold source %q, ours %q (sources %q), for %q", e.Article, e.Gold.Source, orDash(e.Ours.Speaker), e.Ours.SourceTexts, clip(e.Gold.Content, 80))
	default:
		return fmt.Sprintf("extra   %s: ours %q (speaker %q, %s); best overlap %.2f", e.Article, clip(e.Ours.Text, 100), orDash(e.Ours.Speaker), e.Ours.ID, e.Overlap)
	}
}
