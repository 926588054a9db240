package pipeline

import (
	"context"

	"github.com/dossier-project/dossier/internal/checks"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
	"github.com/dossier-project/dossier/internal/timeline"
)

// Results are what the cross-document stages produce.
type Results struct {
	// Quotes are every quote, with its verification verdict.
	Quotes []model.Quote
	// Events are every event, anchored to its time.
	Events   []model.Event
	Timeline []model.TimelineEntry
	Findings []model.Finding
}

// Dossier runs the cross-document stages over every document and its
// analysis (analyses[i] belongs to docs[i]): it verifies each quote
// against the primary records, builds the timeline and runs the checks.
// The analyses' quotes receive their verdicts.
func (p *Pipeline) Dossier(ctx context.Context, docs []*model.Document, analyses []*model.Analysis) (*Results, error) {
	ix := quotes.NewIndex()
	for _, d := range docs {
		if d.Kind.Primary() {
			ix.Add(d)
		}
	}
	res := &Results{Quotes: []model.Quote{}, Events: []model.Event{}}
	byID := map[string]*model.Analysis{}
	sentences := map[string][]model.Span{}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := analyses[i]
		byID[d.ID] = a
		for j := range a.Quotes {
			ix.Verify(&a.Quotes[j], d)
		}
		res.Quotes = append(res.Quotes, a.Quotes...)
		res.Events = append(res.Events, a.Events...)
		td := p.text.Analyze(d.Text)
		spans := make([]model.Span, len(td.Sentences))
		for k, s := range td.Sentences {
			spans[k] = s.Span
		}
		sentences[d.ID] = spans
	}
	res.Timeline = timeline.Build(timeline.Input{Docs: docs, Analyses: analyses})
	res.Findings = p.checker.Run(&checks.Input{Docs: docs, Analyses: byID, Sentences: sentences, Timeline: res.Timeline})
	return res, nil
}
