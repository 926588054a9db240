package pipeline

import (
	"context"
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
	"github.com/dossier-project/dossier/internal/timeline"
)

// Results are what the cross-document stages produce.
type Results struct {
	// Documents are the dossier's documents: primary records whole, the
	// others without their text (Keep.Documents).
	Documents []*model.Document
	// Quotes are every quote, with its verification verdict
	// (Keep.Quotes).
	Quotes []model.Quote
	// Events are every event, anchored to its time (Keep.Events).
	Events   []model.Event
	Timeline []model.TimelineEntry
	Findings []model.Finding
}

// Keep says which per-document results Dossier returns besides the
// timeline and the findings; what is not kept is not held in memory.
type Keep struct {
	Documents, Quotes, Events bool
}

// KeepAll keeps every result.
func KeepAll() Keep { return Keep{Documents: true, Quotes: true, Events: true} }

// Source streams the documents of a dossier with their analyses, in the
// same order each time it is called; Dossier calls it twice.
type Source func(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error

// Dossier runs the cross-document stages: it verifies each quote against
// the primary records, builds the timeline and runs the checks.
//
// It reads the dossier twice, one document at a time. The first pass
// indexes the primary records and notes which procedures apply; the
// second verifies, checks and gathers each document and lets it go. What
// stays in memory is the primary records, the timeline's items, the
// findings, and what keep asks for, not every document and analysis.
func (p *Pipeline) Dossier(ctx context.Context, src Source, keep Keep) (*Results, error) {
	ix := quotes.NewIndex(p.text)
	session := p.checker.NewSession()
	var records []*model.Document
	// Documents with pages read by OCR: a verdict on their words gets a
	// note (quotes.NoteOCR). Only their page lists are kept.
	ocr := map[string]*model.Document{}
	err := src(ctx, func(d *model.Document, a *model.Analysis) error {
		if len(d.OCRPages) > 0 {
			ocr[d.ID] = &model.Document{Pages: d.Pages, OCRPages: d.OCRPages}
		}
		session.Scan(d, a)
		if d.Kind.Primary() {
			ix.Add(d)
			records = append(records, d)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("index primary records: %w", err)
	}
	res := &Results{Documents: []*model.Document{}, Quotes: []model.Quote{}, Events: []model.Event{}}
	var tl timeline.Collector
	err = src(ctx, func(d *model.Document, a *model.Analysis) error {
		for j := range a.Quotes {
			ix.Verify(&a.Quotes[j], d)
			if len(ocr) > 0 {
				quotes.NoteOCR(&a.Quotes[j], func(doc string, start, end int) bool {
					o := ocr[doc]
					return o != nil && o.OCRAt(start, end)
				})
			}
		}
		session.Check(d, a, p.text.Sentences(d.Text))
		tl.Add(d, a)
		if keep.Quotes {
			res.Quotes = append(res.Quotes, a.Quotes...)
		}
		if keep.Events {
			res.Events = append(res.Events, a.Events...)
		}
		if keep.Documents {
			if d.Kind.Primary() {
				res.Documents = append(res.Documents, d)
			} else {
				light := *d
				light.Text, light.Turns = "", nil
				res.Documents = append(res.Documents, &light)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("check the dossier: %w", err)
	}
	res.Timeline = tl.Build(records)
	res.Findings = session.Finish(res.Timeline)
	return res, nil
}
