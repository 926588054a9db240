package cli

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/report"
)

// docPages are the page starts of the dossier's documents that have
// pages (PDF), by document id (store.PageStarts): the page of a quote or
// an event is set from them when it is printed. The evidence of stored
// results carries its pages already: the pass sets them.
type docPages = output.Pages

// where says where evidence lies for a terminal: the short document id,
// the page when the document has pages, and the byte offsets.
func where(e model.Evidence) string {
	s := shortID(e.Doc)
	if pg := report.PageLabel(e); pg != "" {
		s += " " + pg
	}
	return fmt.Sprintf("%s @%d-%d", s, e.Start, e.End)
}
