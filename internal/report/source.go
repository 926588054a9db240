package report

import (
	"context"
	"errors"

	"github.com/dossier-project/dossier/internal/lru"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// Source gives what a report shows one item at a time, in the report's
// order, so that the report of a dossier of any size is written without
// holding the dossier in memory: the writers keep a few documents'
// metadata, the speakers' groups of quotes, and sort what they must
// reorder (the quotes by speaker, the evidence by document) through
// files (internal/spill).
type Source interface {
	// Counts are the numbers of items of each section.
	Counts(ctx context.Context) (Counts, error)
	// Documents gives the documents; their texts are not needed.
	Documents(ctx context.Context, fn func(*model.Document) error) error
	// Findings gives the findings, each naming only events that Events
	// gives.
	Findings(ctx context.Context, fn func(model.Finding) error) error
	Timeline(ctx context.Context, fn func(model.TimelineEntry) error) error
	Quotes(ctx context.Context, fn func(model.Quote) error) error
	// Events gives the events a report lists: the CAMEO coder's, not the
	// acts of the record (which the checks read, and dossier events
	// lists).
	Events(ctx context.Context, fn func(model.Event) error) error
	// Document returns the document with this full id, with its text
	// when text is set; nil when the dossier has no such document.
	Document(ctx context.Context, id string, text bool) (*model.Document, error)
}

// Counts are the sizes of a report's sections.
type Counts struct {
	Documents, Findings, Timeline, Quotes, Events int
}

// Source gives the report in memory as a Source.
func (r *Report) Source() Source { return memSource{r} }

type memSource struct{ r *Report }

func (m memSource) Counts(context.Context) (Counts, error) {
	events := 0
	for _, e := range m.r.Events {
		if e.Act == "" {
			events++
		}
	}
	return Counts{len(m.r.Documents), len(m.r.Findings), len(m.r.Timeline), len(m.r.Quotes), events}, nil
}

func (m memSource) Documents(_ context.Context, fn func(*model.Document) error) error {
	return each(m.r.Documents, fn)
}
func (m memSource) Findings(_ context.Context, fn func(model.Finding) error) error {
	acts := map[string]bool{}
	for _, e := range m.r.Events {
		if e.Act != "" {
			acts[e.ID] = true
		}
	}
	return each(m.r.Findings, func(f model.Finding) error {
		if len(f.Events) > 0 {
			f.Events = withoutActs(f.Events, acts)
		}
		return fn(f)
	})
}
func (m memSource) Timeline(_ context.Context, fn func(model.TimelineEntry) error) error {
	return each(m.r.Timeline, fn)
}
func (m memSource) Quotes(_ context.Context, fn func(model.Quote) error) error {
	return each(m.r.Quotes, fn)
}
func (m memSource) Events(_ context.Context, fn func(model.Event) error) error {
	return each(m.r.Events, func(e model.Event) error {
		if e.Act != "" {
			return nil
		}
		return fn(e)
	})
}
func (m memSource) Document(_ context.Context, id string, _ bool) (*model.Document, error) {
	for _, d := range m.r.Documents {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, nil
}

func each[T any](xs []T, fn func(T) error) error {
	for _, x := range xs {
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// Stored is the report of the dossier in st, read from its stored
// results as it is written.
func Stored(st store.Store) Source { return storeSource{st} }

type storeSource struct{ st store.Store }

func (s storeSource) Counts(ctx context.Context) (Counts, error) {
	c, err := s.st.CountResults(ctx)
	return Counts{Documents: c.Documents, Findings: c.Findings, Timeline: c.Timeline, Quotes: c.Quotes, Events: c.Events - c.Acts}, err
}

func (s storeSource) Documents(ctx context.Context, fn func(*model.Document) error) error {
	return s.st.ForEachDocument(ctx, fn)
}
func (s storeSource) Findings(ctx context.Context, fn func(model.Finding) error) error {
	// The acts among the events the findings name are looked up for a
	// batch of findings at a time.
	var batch []model.Finding
	var ids []string
	flush := func() error {
		acts, err := s.st.Acts(ctx, ids)
		if err != nil {
			return err
		}
		for _, f := range batch {
			if len(f.Events) > 0 {
				f.Events = withoutActs(f.Events, acts)
			}
			if err := fn(f); err != nil {
				return err
			}
		}
		clear(batch)
		batch, ids = batch[:0], ids[:0]
		return nil
	}
	err := s.st.ForEachFinding(ctx, store.FindingQuery{}, func(f model.Finding) error {
		batch = append(batch, f)
		ids = append(ids, f.Events...)
		if len(batch) >= findingBatch || len(ids) >= findingBatch {
			return flush()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	return err
}

// findingBatch is how many findings, or events they name, are read
// before the acts among those events are looked up.
const findingBatch = 256

// withoutActs returns the ids that are not acts, in their order.
func withoutActs(ids []string, acts map[string]bool) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !acts[id] {
			out = append(out, id)
		}
	}
	return out
}
func (s storeSource) Timeline(ctx context.Context, fn func(model.TimelineEntry) error) error {
	return s.st.ForEachTimelineEntry(ctx, 0, 0, fn)
}
func (s storeSource) Quotes(ctx context.Context, fn func(model.Quote) error) error {
	return s.st.ForEachQuote(ctx, store.QuoteQuery{}, fn)
}
func (s storeSource) Events(ctx context.Context, fn func(model.Event) error) error {
	return s.st.ForEachEvent(ctx, "", func(e model.Event) error {
		if e.Act != "" {
			return nil
		}
		return fn(e)
	})
}
func (s storeSource) Document(ctx context.Context, id string, text bool) (*model.Document, error) {
	var d *model.Document
	var err error
	if text {
		d, err = s.st.Document(ctx, id)
		if err == nil && d.ID != id {
			return nil, nil // a path or a prefix that happened to match: not this id
		}
	} else {
		d, err = s.st.DocumentInfo(ctx, id)
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrAmbiguous) {
		return nil, nil
	}
	return d, err
}

// docCacheSize is how many documents' metadata a report keeps to name
// the documents its evidence cites: findings come in document order, so
// the documents they cite are mostly those just seen.
const docCacheSize = 1024

// newDocCache returns a cache of the metadata (no text) of the documents
// of src, the most recently asked for kept; the first failure to read
// one is kept (Err).
func newDocCache(ctx context.Context, src Source) *lru.Loader[string, *model.Document] {
	return lru.NewLoader(docCacheSize, func(id string) (*model.Document, error) {
		d, err := src.Document(ctx, id, false)
		if err != nil || d == nil || d.Text == "" {
			return d, err
		}
		light := *d
		light.Text, light.Turns = "", nil
		return &light, nil
	})
}
