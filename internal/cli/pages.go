package cli

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/report"
)

// docPages are the page starts of the dossier's documents that have
// pages (PDF), by document id: one int per page, so that evidence can
// say its page without the documents' texts in memory.
type docPages map[string][]int

func (p docPages) note(d *model.Document) {
	if len(d.Pages) > 0 {
		p[d.ID] = d.Pages
	}
}

// page is the page of offset off in document doc, 0 when it has none.
func (p docPages) page(doc string, off int) int { return model.PageAt(p[doc], off) }

// apply sets the pages of every piece of evidence in the results.
func (p docPages) apply(res *pipeline.Results) {
	if len(p) == 0 {
		return
	}
	set := func(evs []model.Evidence) {
		for i := range evs {
			evs[i] = evs[i].WithPages(p[evs[i].Doc])
		}
	}
	for i := range res.Findings {
		set(res.Findings[i].Evidence)
	}
	for i := range res.Timeline {
		set(res.Timeline[i].Evidence)
	}
	for i := range res.Quotes {
		if q := res.Quotes[i].Primary; q != nil {
			*q = q.WithPages(p[q.Doc])
		}
	}
}

// where says where evidence lies for a terminal: the short document id,
// the page when the document has pages, and the byte offsets.
func where(e model.Evidence) string {
	s := shortID(e.Doc)
	if pg := report.PageLabel(e); pg != "" {
		s += " " + pg
	}
	return fmt.Sprintf("%s @%d-%d", s, e.Start, e.End)
}
