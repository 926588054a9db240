package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/watch"
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
			return a.withExistingStore(cmd.Context(), func(st store.Store) error {
				// The documents are read without their texts, and the
				// JSON written as they are read.
				if asJSON {
					arr := output.NewArray(a.stdout)
					if err := st.ForEachDocument(cmd.Context(), func(d *model.Document) error { return arr.Add(toDocJSON(d)) }); err != nil {
						return err
					}
					return arr.Close()
				}
				// The table aligns its columns: it holds the rows' words
				// until the last one, not the documents.
				t := newTable(a.stdout, "ID", "KIND", "DATE", "TITLE", "BY", "PATH")
				if err := st.ForEachDocument(cmd.Context(), func(d *model.Document) error { docRow(t, d); return nil }); err != nil {
					return err
				}
				return t.flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// docRow is a document's row of the table of documents.
func docRow(t *table, d *model.Document) {
	t.row(d.ShortID(), string(d.Kind), report.DocDate(d), clip(orDash(d.Title), 48), clip(orDash(byline(d)), 40), d.Path)
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
			return a.withExistingStore(cmd.Context(), func(st store.Store) error {
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
	Page  int    `json:"page,omitempty"`
}

type showJSON struct {
	docJSON
	Turns    []model.Turn `json:"turns"`
	Warnings []string     `json:"warnings,omitempty"`
	// PageStarts are the byte offsets at which the pages start, for
	// documents with pages: page n (from 1) starts at PageStarts[n-1].
	PageStarts []int          `json:"page_starts,omitempty"`
	Sentences  []sentenceJSON `json:"sentences"`
}

func (a *app) show(ctx context.Context, st store.Store, ref string, asJSON bool) error {
	// A URL fetched into the dossier names its newest version.
	if watch.IsURL(ref) {
		if u, err := fetch.Normalize(ref); err == nil {
			if p, err := st.Page(ctx, u); err == nil && p.Doc != "" {
				ref = p.Doc
			}
		}
	}
	d, err := st.Document(ctx, ref)
	if err != nil {
		return fmt.Errorf("show %s: %w", ref, err)
	}
	ta, err := text.NewFromData(data.Open(a.dataDir))
	if err != nil {
		return fmt.Errorf("load text models: %w", err)
	}
	sentences := ta.Sentences(d.Text, text.TurnLabels(d))
	if asJSON {
		out := showJSON{docJSON: toDocJSON(d), Turns: nonNil(d.Turns), Warnings: d.Warnings, PageStarts: d.Pages, Sentences: []sentenceJSON{}}
		for _, s := range sentences {
			out.Sentences = append(out.Sentences, sentenceJSON{s.Start, s.End, s.Text, d.PageOf(s.Start)})
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
	if from := textSource(d); from != "" {
		fmt.Fprintf(w, "  text:      %s\n", from)
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
			fmt.Fprintf(w, "  %s[%d-%d] %s: %s\n", pageMark(d, t.Content.Start), t.Content.Start, t.Content.End, who, clip(t.Content.Text, 100))
		}
	}
	fmt.Fprintf(w, "\nSentences (%d)\n", len(sentences))
	for i, s := range sentences {
		fmt.Fprintf(w, "  %3d %s[%d-%d] %s\n", i+1, pageMark(d, s.Start), s.Start, s.End, clip(s.Text, 110))
	}
	return nil
}

// textSource says where a document's text came from when it was not
// read as it stands: "PDF, 3 pages, read by pdftotext".
func textSource(d *model.Document) string {
	var parts []string
	switch d.Format {
	case "pdf":
		parts = append(parts, "PDF")
	case "docx":
		parts = append(parts, "Word file")
	}
	if n := d.PageCount(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d page%s", n, map[bool]string{true: "", false: "s"}[n == 1]))
	}
	switch d.Extraction {
	case model.ExtractPdftotext:
		parts = append(parts, "read by pdftotext")
	case model.ExtractPDFReader:
		parts = append(parts, "read by the built-in PDF reader (poppler-utils not installed): the layout may be rougher")
	case model.ExtractOCR:
		parts = append(parts, "read by OCR (tesseract): words may be misread")
	}
	if len(d.OCRPages) > 0 && d.Extraction != model.ExtractOCR {
		parts = append(parts, fmt.Sprintf("OCR on page(s) %s", joinPages(d.OCRPages)))
	}
	return strings.Join(parts, ", ")
}

// pageMark is "p.3 " before offsets in a document with pages.
func pageMark(d *model.Document, off int) string {
	if p := d.PageOf(off); p > 0 {
		return fmt.Sprintf("p.%d ", p)
	}
	return ""
}

func joinPages(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
