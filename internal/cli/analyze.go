package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
)

// pipeline loads the pipeline's models.
func (a *app) pipeline() (*pipeline.Pipeline, error) {
	return pipeline.New(pipeline.Options{DataDir: a.dataDir})
}

func (a *app) analyzeCmd() *cobra.Command {
	var f addFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "analyze [PATH...]",
		Short: "Add PATHs (if any), analyse the whole dossier and print the report",
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withStore(ctx, func(st store.Store) error {
				p, err := a.pipeline()
				if err != nil {
					return err
				}
				var addErr error
				if len(args) > 0 {
					_, addErr = a.add(ctx, st, p, args, f.options())
				}
				r, err := a.analyze(ctx, st)
				if err != nil {
					return err
				}
				if asJSON {
					err = writeJSON(a.stdout, r)
				} else {
					err = writeReport(a.stdout, r)
				}
				if err != nil {
					return err
				}
				return addErr
			})
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

// report is everything dossier knows about the stored documents.
type report struct {
	Documents []docJSON `json:"documents"`
}

// analyze runs the cross-document stages over the store and returns the
// report.
func (a *app) analyze(ctx context.Context, st store.Store) (*report, error) {
	docs, err := st.Documents(ctx)
	if err != nil {
		return nil, err
	}
	r := &report{Documents: []docJSON{}}
	for _, d := range docs {
		r.Documents = append(r.Documents, toDocJSON(d))
	}
	return r, nil
}

func writeReport(w io.Writer, r *report) error {
	fmt.Fprintf(w, "DOCUMENTS (%d)\n\n", len(r.Documents))
	for _, d := range r.Documents {
		date := "date unknown"
		if d.Date != nil {
			date = *d.Date + " (" + d.DateSource + ")"
		}
		fmt.Fprintf(w, "  %s  %-10s %s\n", shortID(d.ID), d.Kind, orDash(d.Title))
		fmt.Fprintf(w, "      %s; %s\n", date, d.Path)
		if len(d.Authors) > 0 || d.Publisher != "" {
			fmt.Fprintf(w, "      by %s\n", byline(&model.Document{Authors: d.Authors, Publisher: d.Publisher}))
		}
		for _, s := range d.Speakers {
			fmt.Fprintf(w, "      speaker: %s\n", speakerLine(model.Speaker{Name: s.Name, Role: s.Role, Organization: s.Organization, Questioner: s.Questioner}))
		}
	}
	fmt.Fprintln(w)
	return nil
}
