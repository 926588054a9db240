package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/store"
)

func (a *app) searchCmd() *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: `Full-text search of the stored documents ("quoted phrase" or words)`,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			query := strings.Join(args, " ")
			return a.withExistingStore(cmd.Context(), func(st store.Store) error {
				hits, err := st.Search(cmd.Context(), query, limit)
				if err != nil {
					return fmt.Errorf("search %q: %w", query, err)
				}
				if asJSON {
					return writeJSON(a.stdout, nonNil(hits))
				}
				if len(hits) == 0 {
					fmt.Fprintf(a.stdout, "no documents match %q\n", query)
					return nil
				}
				for _, h := range hits {
					fmt.Fprintf(a.stdout, "%s  %s  (%s)\n    %s\n", shortID(h.Doc), orDash(h.Title), h.Path, clip(h.Snippet, 200))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&limit, "limit", 20, "most results to show")
	return cmd
}

func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
