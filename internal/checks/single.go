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
		if f, ok := singleSourceOf(kind, e); ok {
			out = append(out, f)
		}
	}
	return out
}

// singleSourceOf is the single-source finding of one timeline entry,
// given the entry's documents by id, if it rests on one secondary source.
func singleSourceOf(kind map[string]*model.Document, e model.TimelineEntry) (model.Finding, bool) {
	if len(e.Docs) == 0 {
		return model.Finding{}, false
	}
	// Versions of one page are one source, not a confirmation.
	for _, id := range e.Docs[1:] {
		if a, b := kind[id], kind[e.Docs[0]]; a == nil || b == nil || sourceOf(a) != sourceOf(b) {
			return model.Finding{}, false
		}
	}
	d := kind[e.Docs[0]]
	if d == nil || d.Kind.Primary() {
		return model.Finding{}, false
	}
	return model.Finding{
		Kind: "single-source", Severity: model.SeverityInfo,
		Summary:  fmt.Sprintf("Only %s reports that %s (%s); no other document in the dossier confirms it.", docName(d), e.Summary, when(e)),
		Evidence: e.Evidence, Events: e.Events, Timeline: []int{e.ID},
	}, true
}

// when is the entry's date as people read it, to stand in parentheses:
// "2013-06-04, afternoon", "by 2013-06-30", "1990 to 1999".
func when(e model.TimelineEntry) string {
	if p := e.ShownPartOfDay(); p != "" {
		return e.Span() + ", " + p
	}
	return e.Span()
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
