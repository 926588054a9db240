package watch

import (
	"context"
	"errors"
	"fmt"

	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// How a fetch of a page turned out.
const (
	PageAdded       = "added"        // the URL is new to the dossier
	PageChanged     = "changed"      // its text changed: a new version
	PageUnchanged   = "unchanged"    // fetched again, same text
	PageNotModified = "not-modified" // the server said it had not changed
)

// PageResult is what a fetch of a page did.
type PageResult struct {
	// URL is the page's URL, normalised.
	URL     string
	Outcome string
	// Docs are the documents the page gave (one; a feed gives one per
	// item), Added says which of them were new to the store. For an
	// unchanged page, Docs holds the stored version and Added is false.
	Docs  []*model.Document
	Added []bool
	// Previous is, for a changed page, the version before.
	Previous *model.Document
	Page     store.Page
}

// AddURL fetches a page into the dossier: conditionally when the URL was
// fetched before; as a new version naming the old one when its text
// changed. Errors are the fetch's (*fetch.Error), the page's
// (*ingest.FileError) or the store's.
func (w *Watcher) AddURL(ctx context.Context, raw string) (*PageResult, error) {
	norm, err := fetch.Normalize(raw)
	if err != nil {
		return nil, err
	}
	return w.fetchPage(ctx, norm, nil)
}

// fetchPage fetches the page at norm and stores what it gives, with item
// (when not nil) marked done in the same transaction.
func (w *Watcher) fetchPage(ctx context.Context, norm string, item *store.WatchItem) (*PageResult, error) {
	prev, err := w.page(ctx, norm)
	if err != nil {
		return nil, err
	}
	req := fetch.Request{URL: norm}
	if prev != nil {
		req.ETag, req.LastModified = prev.ETag, prev.LastModified
	}
	resp, err := w.o.Client.Get(ctx, req)
	if err != nil {
		return nil, err
	}
	return w.storePage(ctx, norm, prev, resp, item)
}

// page returns what the store knows of a URL, nil when nothing.
func (w *Watcher) page(ctx context.Context, norm string) (*store.Page, error) {
	p, err := w.o.Store.Page(ctx, norm)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	return p, storeErr(err)
}

// storePage ingests a fetched page and stores it: a new document when
// the URL is new or its text changed, else only the page's new
// validators and check time.
func (w *Watcher) storePage(ctx context.Context, norm string, prev *store.Page, resp *fetch.Response, item *store.WatchItem) (*PageResult, error) {
	page := store.Page{URL: norm, FinalURL: resp.FinalURL, ETag: resp.ETag, LastModified: resp.LastModified,
		FetchedAt: resp.FetchedAt, CheckedAt: resp.FetchedAt}
	res := &PageResult{URL: norm}
	var old *model.Document
	if prev != nil {
		page.Doc, page.Version, page.FetchedAt = prev.Doc, prev.Version, prev.FetchedAt
		if prev.Doc != "" {
			d, err := w.o.Store.Document(ctx, prev.Doc)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return nil, storeErr(err)
			}
			old = d
		}
	}
	if resp.NotModified {
		if prev == nil {
			return nil, malformed("%s: the server answered 304 Not Modified to a request that was not conditional", norm)
		}
		res.Outcome = PageNotModified
		if old != nil {
			res.Docs, res.Added = []*model.Document{old}, []bool{false}
		}
		page.FinalURL = orElse(prev.FinalURL, page.FinalURL)
		return res, w.record(ctx, res, &store.PageFetch{Page: page, Item: doneItem(item, prev.Doc)})
	}
	docs, err := ingest.Web(ctx, ingest.Fetched{URL: norm, FinalURL: resp.FinalURL, ContentType: resp.ContentType,
		Body: resp.Body, FetchedAt: resp.FetchedAt}, w.o.Ingest)
	if err != nil {
		return nil, err
	}
	if len(docs) == 1 && docs[0].Format != "feed-item" {
		d := docs[0]
		switch {
		case old != nil && old.Text == d.Text:
			res.Outcome, res.Docs, res.Added = PageUnchanged, []*model.Document{old}, []bool{false}
			return res, w.record(ctx, res, &store.PageFetch{Page: page, Item: doneItem(item, old.ID)})
		case old != nil:
			d.Previous = old.ID
			d.ID = ingest.PageID(d.Text, norm, old.ID)
			res.Outcome, res.Previous = PageChanged, old
			page.Version = prev.Version + 1
		default:
			res.Outcome = PageAdded
			page.Version = 1
			if prev != nil {
				page.Version = prev.Version + 1
			}
		}
		page.Doc, page.FetchedAt = d.ID, resp.FetchedAt
	} else {
		// A feed added as a URL: its items are the documents.
		res.Outcome = PageAdded
		page.Doc, page.Version, page.FetchedAt = "", 0, resp.FetchedAt
	}
	analyses := make([]*model.Analysis, len(docs))
	if w.o.Analyse != nil {
		for i, d := range docs {
			a, err := w.o.Analyse(ctx, d)
			if err != nil {
				return nil, fmt.Errorf("analyse %s: %w", norm, err)
			}
			analyses[i] = a
		}
	}
	res.Docs, res.Page = docs, page
	f := &store.PageFetch{Page: page, Docs: docs, Analyses: analyses, Item: doneItem(item, docs[0].ID)}
	added, err := w.o.Store.RecordFetch(ctx, f)
	if err != nil {
		return nil, storeErr(err)
	}
	res.Added = added
	if res.Outcome == PageChanged && !added[0] {
		res.Outcome = PageUnchanged // stored already, by a run that stopped before saying so
	}
	return res, nil
}

func (w *Watcher) record(ctx context.Context, res *PageResult, f *store.PageFetch) error {
	res.Page = f.Page
	_, err := w.o.Store.RecordFetch(ctx, f)
	return storeErr(err)
}

// doneItem returns item marked done with doc, or nil.
func doneItem(item *store.WatchItem, doc string) *store.WatchItem {
	if item == nil {
		return nil
	}
	item.Status, item.Doc, item.Error = store.ItemDone, doc, ""
	return item
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
