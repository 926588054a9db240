package checks

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
)

// singleSource raises a finding for each timeline entry that rests on one
// secondary source only.
func (c *Checker) singleSource(in *Input) []model.Finding {
	kind := map[string]*model.Document{}
	for _, d := range in.Docs {
		kind[d.ID] = d
	}
	var out []model.Finding
	for _, e := range in.Timeline {
		if len(e.Docs) == 0 {
			continue
		}
		// Versions of one page are one source, not a confirmation.
		one := true
		for _, id := range e.Docs[1:] {
			if a, b := kind[id], kind[e.Docs[0]]; a == nil || b == nil || sourceOf(a) != sourceOf(b) {
				one = false
				break
			}
		}
		if !one {
			continue
		}
		d := kind[e.Docs[0]]
		if d == nil || d.Kind.Primary() {
			continue
		}
		out = append(out, model.Finding{
			Kind: "single-source", Severity: model.SeverityInfo,
			Summary:  fmt.Sprintf("Only %s reports that %s (%s); no other document in the dossier confirms it.", docName(d), e.Summary, e.Date),
			Evidence: e.Evidence, Events: e.Events, Timeline: []int{e.ID},
		})
	}
	return out
}

// sourceOf identifies where a document comes from: a page fetched from
// the web by its URL, so that its versions are one source; any other
// document by itself.
func sourceOf(d *model.Document) string {
	if !d.FetchedAt.IsZero() && d.URL != "" {
		return "url " + d.URL
	}
	return "doc " + d.ID
}
