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
		if len(e.Docs) != 1 {
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
