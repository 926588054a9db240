package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/text"
)

// The documented JSON shapes (see internal/output).
type (
	docJSON     = output.Document
	speakerJSON = output.Speaker
	quoteJSON   = output.Quote
	eventJSON   = output.Event
)

func toDocJSON(d *model.Document) docJSON { return output.DocumentOf(d) }

func nonNil[T any](s []T) []T { return output.NonNil(s) }

func (a *app) docsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List the stored documents",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st store.Store) error {
				docs, err := st.Documents(cmd.Context())
				if err != nil {
					return err
				}
				if asJSON {
					out := make([]docJSON, 0, len(docs))
					for _, d := range docs {
						out = append(out, toDocJSON(d))
					}
					return writeJSON(a.stdout, out)
				}
				return writeDocsTable(a.stdout, docs)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func writeDocsTable(w io.Writer, docs []*model.Document) error {
	t := newTable(w, "ID", "KIND", "DATE", "TITLE", "BY", "PATH")
	for _, d := range docs {
		t.row(d.ShortID(), string(d.Kind), report.DocDate(d), clip(orDash(d.Title), 48), clip(orDash(byline(d)), 40), d.Path)
	}
	return t.flush()
}

// byline names who the document is by: authors and publisher, or the
// speakers of a transcript.
func byline(d *model.Document) string {
	if by := report.Byline(d); by != "" {
		return by
	}
	names := make([]string, 0, len(d.Speakers))
	for _, s := range d.Speakers {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}

func (a *app) showCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show DOC",
		Short: "Show a document: metadata, speaker turns and sentences (DOC is an id, id prefix or path)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st store.Store) error {
				return a.show(cmd.Context(), st, args[0], asJSON)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type sentenceJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type showJSON struct {
	docJSON
	Turns     []model.Turn   `json:"turns"`
	Warnings  []string       `json:"warnings,omitempty"`
	Sentences []sentenceJSON `json:"sentences"`
}

func (a *app) show(ctx context.Context, st store.Store, ref string, asJSON bool) error {
	d, err := st.Document(ctx, ref)
	if err != nil {
		return fmt.Errorf("show %s: %w", ref, err)
	}
	ta, err := text.NewFromData(data.Open(a.dataDir))
	if err != nil {
		return fmt.Errorf("load text models: %w", err)
	}
	sentences := ta.Sentences(d.Text)
	if asJSON {
		out := showJSON{docJSON: toDocJSON(d), Turns: nonNil(d.Turns), Warnings: d.Warnings, Sentences: []sentenceJSON{}}
		for _, s := range sentences {
			out.Sentences = append(out.Sentences, sentenceJSON{s.Start, s.End, s.Text})
		}
		return writeJSON(a.stdout, out)
	}
	w := a.stdout
	fmt.Fprintf(w, "%s\n", orDash(d.Title))
	fmt.Fprintf(w, "  id:        %s\n  path:      %s\n  kind:      %s\n  date:      %s\n", d.ID, d.Path, d.Kind, report.DocDate(d))
	if d.DateReason != "" {
		fmt.Fprintf(w, "             %s\n", d.DateReason)
	}
	if len(d.Authors) > 0 {
		fmt.Fprintf(w, "  authors:   %s\n", strings.Join(d.Authors, ", "))
	}
	if d.Publisher != "" {
		fmt.Fprintf(w, "  publisher: %s\n", d.Publisher)
	}
	if d.URL != "" {
		fmt.Fprintf(w, "  url:       %s\n", d.URL)
	}
	for _, warn := range d.Warnings {
		fmt.Fprintf(w, "  warning:   %s\n", warn)
	}
	if len(d.Speakers) > 0 {
		fmt.Fprintf(w, "\nSpeakers\n")
		for _, s := range d.Speakers {
			fmt.Fprintf(w, "  %s\n", report.SpeakerLine(s))
		}
	}
	if len(d.Turns) > 0 {
		fmt.Fprintf(w, "\nTurns\n")
		for _, t := range d.Turns {
			who := t.Label.Text
			if t.Speaker >= 0 && t.Speaker < len(d.Speakers) {
				who = d.Speakers[t.Speaker].Name
			}
			fmt.Fprintf(w, "  [%d-%d] %s: %s\n", t.Content.Start, t.Content.End, who, clip(t.Content.Text, 100))
		}
	}
	fmt.Fprintf(w, "\nSentences (%d)\n", len(sentences))
	for i, s := range sentences {
		fmt.Fprintf(w, "  %3d [%d-%d] %s\n", i+1, s.Start, s.End, clip(s.Text, 110))
	}
	return nil
}
