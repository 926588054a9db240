package store

import (
	"container/heap"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// Pages and watch state: what dossier add URL and dossier watch keep
// between runs, so that a page is fetched conditionally, a changed page
// becomes a new version, and a restarted watch resumes where it stopped.

// Page is what the store keeps of a URL fetched into the dossier: its
// newest version and the validators for the next conditional fetch.
type Page struct {
	// URL is the URL as asked for, normalised; FinalURL where it led.
	URL, FinalURL string
	// Doc is the newest version's document; "" when the URL gave several
	// documents (a feed).
	Doc string
	// Version counts the versions: 1 for the first.
	Version            int
	ETag, LastModified string
	// FetchedAt is when the newest version was fetched, CheckedAt when
	// the URL was last fetched, changed or not.
	FetchedAt, CheckedAt time.Time
}

// PageFetch is one fetch of a URL to record in one transaction: the
// page's new state; the documents it gave with their analyses (the new
// version when the page is new or its text changed, one per item for a
// feed; none when nothing changed); and the watch item the fetch was for,
// if any.
type PageFetch struct {
	Page Page
	Docs []*model.Document
	// Analyses is nil or has one analysis (possibly nil) per document.
	Analyses []*model.Analysis
	Item     *WatchItem
}

// WatchSource is a feed, list of URLs or page that dossier watch polls.
type WatchSource struct {
	// URL is the source's URL, or the path of a file listing URLs.
	URL string
	// Kind is "feed", "list" or "page"; "" until the source was read.
	Kind               string
	ETag, LastModified string
	// Status is "ok" or what is wrong ("down", "slow", "malformed", …);
	// Error says it in words, Failures counts the polls failed in a row.
	Status, Error string
	Failures      int
	// PolledAt is the last poll, OKAt the last successful one, ChangedAt
	// when Status last changed.
	PolledAt, OKAt, ChangedAt time.Time
}

// The states of a watch item.
const (
	ItemPending = "pending" // seen, not yet fetched
	ItemDone    = "done"    // fetched and stored
	ItemFailed  = "failed"  // given up after repeated failures
	ItemSkipped = "skipped" // not to be fetched (robots.txt, not a web URL)
)

// WatchItem is an item of a watched source: a page to fetch once.
type WatchItem struct {
	Source string
	// Key identifies the item in its source: its guid, else its link.
	Key   string
	URL   string
	Title string
	// Ord is the item's position in the source when first seen.
	Ord      int
	SeenAt   time.Time
	Status   string
	Doc      string
	Attempts int
	Error    string
}

// WatchState is the part of the store that keeps pages and watch state.
type WatchState interface {
	// Page returns what is known of url, or an error wrapping
	// ErrNotFound.
	Page(ctx context.Context, url string) (*Page, error)
	// RecordFetch stores f in one transaction: the documents (added[i]
	// is false for one stored already), the page, and the item. The
	// documents added count towards FetchProgress.
	RecordFetch(ctx context.Context, f *PageFetch) (added []bool, err error)
	// FetchProgress returns how many documents RecordFetch has added
	// since the store was made, and the count MarkAnalysed last noted:
	// when fetched > analysed, the cross-document results have not seen
	// every fetched document.
	FetchProgress(ctx context.Context) (fetched, analysed int64, err error)
	// MarkAnalysed notes that the cross-document results cover the
	// first fetched documents (a count FetchProgress returned).
	MarkAnalysed(ctx context.Context, fetched int64) error
	// LastFetched returns the ids of the n documents fetched last, newest
	// first (fewer when there are fewer): with FetchProgress, those
	// RecordFetch added since the count MarkAnalysed noted.
	LastFetched(ctx context.Context, n int) ([]string, error)
	// WatchSource returns the state of a source, or an error wrapping
	// ErrNotFound.
	WatchSource(ctx context.Context, url string) (*WatchSource, error)
	// SaveWatchSource stores the state of a source and, in the same
	// transaction, the items not seen before (as they are given; the
	// items already known keep their state). added[i] says whether
	// items[i] was new.
	SaveWatchSource(ctx context.Context, src *WatchSource, items []WatchItem) (added []bool, err error)
	// WatchItems returns the items of a source in the given states (all
	// when none are given), in the order they were first seen.
	WatchItems(ctx context.Context, source string, states ...string) ([]WatchItem, error)
	// SaveWatchItem updates the state, document, attempts and error of
	// an item.
	SaveWatchItem(ctx context.Context, it *WatchItem) error
}

// watchQueries are the statements of WatchState, rewritten for the
// dialect.
type watchQueries struct {
	page, upsertPage, source, upsertSource, insertItem, items, itemsIn, updateItem string
	countFetched, progress, markAnalysed                                           string
}

func (d dialect) watchQueries() watchQueries {
	r := d.rewrite
	return watchQueries{
		page: r(`SELECT url, final_url, doc, version, etag, last_modified, fetched_at, checked_at FROM pages WHERE url = ?`),
		upsertPage: r(`INSERT INTO pages (url, final_url, doc, version, etag, last_modified, fetched_at, checked_at)
	VALUES (?, ?, ?, ?, ?, ?, ?{time}, ?{time})
	ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, doc = excluded.doc, version = excluded.version,
	etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, checked_at = excluded.checked_at`),
		source: r(`SELECT url, kind, etag, last_modified, status, error, failures, polled_at, ok_at, changed_at
	FROM watch_sources WHERE url = ?`),
		upsertSource: r(`INSERT INTO watch_sources (url, kind, etag, last_modified, status, error, failures, polled_at, ok_at, changed_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?{time}, ?{time}, ?{time})
	ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, etag = excluded.etag, last_modified = excluded.last_modified,
	status = excluded.status, error = excluded.error, failures = excluded.failures,
	polled_at = excluded.polled_at, ok_at = excluded.ok_at, changed_at = excluded.changed_at`),
		insertItem: r(`INSERT INTO watch_items (source, key, url, title, ord, seen_at, status, doc, attempts, error)
	VALUES (?, ?, ?, ?, ?, ?{time}, ?, ?, ?, ?)
	ON CONFLICT (source, key) DO NOTHING`),
		items: r(`SELECT source, key, url, title, ord, seen_at, status, doc, attempts, error
	FROM watch_items WHERE source = ? ORDER BY seen_at, ord, key`),
		itemsIn: r(`SELECT source, key, url, title, ord, seen_at, status, doc, attempts, error
	FROM watch_items WHERE source = ? AND status = ? ORDER BY seen_at, ord, key`),
		updateItem:   r(`UPDATE watch_items SET status = ?, doc = ?, attempts = ?, error = ? WHERE source = ? AND key = ?`),
		countFetched: r(`UPDATE watch_progress SET fetched = fetched + ? WHERE id = 1`),
		progress:     `SELECT fetched, analysed FROM watch_progress WHERE id = 1`,
		markAnalysed: r(`UPDATE watch_progress SET analysed = ? WHERE id = 1`),
	}
}

// timeParam is a timestamp parameter: RFC 3339 in UTC, NULL when zero.
func timeParam(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// nullTime scans a timestamp column: a time from PostgreSQL, RFC 3339
// text from SQLite, NULL or ” for none.
type nullTime struct{ t *time.Time }

func (n nullTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*n.t = time.Time{}
	case time.Time:
		*n.t = x.UTC()
	case string:
		return n.parse(x)
	case []byte:
		return n.parse(string(x))
	default:
		return fmt.Errorf("timestamp of type %T", v)
	}
	return nil
}

func (n nullTime) parse(s string) error {
	if s == "" {
		*n.t = time.Time{}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("bad timestamp %q: %w", s, err)
	}
	*n.t = t.UTC()
	return nil
}

func (s *sqlStore) Page(ctx context.Context, url string) (*Page, error) {
	var p Page
	err := s.db.QueryRowContext(ctx, s.wq.page, url).Scan(&p.URL, &p.FinalURL, &p.Doc, &p.Version, &p.ETag, &p.LastModified,
		nullTime{&p.FetchedAt}, nullTime{&p.CheckedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("page %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", url, err)
	}
	return &p, nil
}

func (s *sqlStore) RecordFetch(ctx context.Context, f *PageFetch) ([]bool, error) {
	if f == nil || f.Page.URL == "" {
		return nil, errors.New("record fetch: no URL")
	}
	if f.Analyses != nil && len(f.Analyses) != len(f.Docs) {
		return nil, fmt.Errorf("record fetch of %s: %d documents but %d analyses", f.Page.URL, len(f.Docs), len(f.Analyses))
	}
	for i, d := range f.Docs {
		if d == nil || d.ID == "" {
			return nil, fmt.Errorf("record fetch of %s: document %d has no id", f.Page.URL, i)
		}
		if f.Analyses != nil && f.Analyses[i] != nil && f.Analyses[i].Doc != "" && f.Analyses[i].Doc != d.ID {
			return nil, fmt.Errorf("record fetch of %s: analysis is of document %s", f.Page.URL, f.Analyses[i].Doc)
		}
	}
	added := make([]bool, len(f.Docs))
	now := time.Now().UTC().Format(time.RFC3339Nano)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if len(f.Docs) > 0 {
			w, err := s.newWriter(ctx, tx)
			if err != nil {
				return err
			}
			defer w.close()
			n := 0
			for i, d := range f.Docs {
				ok, err := w.document(ctx, d, now)
				if err != nil {
					return fmt.Errorf("store document %s: %w", d.ID, err)
				}
				if ok && f.Analyses != nil && f.Analyses[i] != nil {
					if err := w.analysis(ctx, d.ID, f.Analyses[i]); err != nil {
						return fmt.Errorf("store analysis of %s: %w", d.ID, err)
					}
				}
				if ok {
					added[i] = true
					n++
				}
				if err := s.step(ctx, "document", i); err != nil {
					return err
				}
			}
			if n > 0 {
				if _, err := tx.ExecContext(ctx, s.wq.countFetched, n); err != nil {
					return fmt.Errorf("count fetched documents: %w", err)
				}
			}
		}
		p := &f.Page
		if _, err := tx.ExecContext(ctx, s.wq.upsertPage, p.URL, p.FinalURL, p.Doc, p.Version, p.ETag, p.LastModified,
			timeParam(p.FetchedAt), timeParam(p.CheckedAt)); err != nil {
			return fmt.Errorf("store page: %w", err)
		}
		if f.Item != nil {
			if err := s.updateItem(ctx, tx, f.Item); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("record fetch of %s: %w", f.Page.URL, err)
	}
	return added, nil
}

func (s *sqlStore) FetchProgress(ctx context.Context) (fetched, analysed int64, err error) {
	if err := s.db.QueryRowContext(ctx, s.wq.progress).Scan(&fetched, &analysed); err != nil {
		return 0, 0, fmt.Errorf("fetch progress: %w", err)
	}
	return fetched, analysed, nil
}

func (s *sqlStore) MarkAnalysed(ctx context.Context, fetched int64) error {
	if _, err := s.db.ExecContext(ctx, s.wq.markAnalysed, fetched); err != nil {
		return fmt.Errorf("mark analysed: %w", err)
	}
	return nil
}

func (s *sqlStore) LastFetched(ctx context.Context, n int) ([]string, error) {
	if n <= 0 {
		return nil, nil
	}
	// Every document fetched has a URL and a fetch time (in data). The
	// times are compared as times, not as text, and only the n latest
	// are kept.
	rows, err := s.db.QueryContext(ctx, `SELECT id, data FROM documents WHERE url <> ''`)
	if err != nil {
		return nil, fmt.Errorf("read fetched documents: %w", err)
	}
	defer rows.Close()
	var last fetchedHeap // the n latest so far, oldest on top
	for rows.Next() {
		var id string
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("read fetched documents: %w", err)
		}
		var d struct {
			FetchedAt time.Time `json:"fetched_at"`
		}
		if err := json.Unmarshal(data, &d); err != nil {
			return nil, fmt.Errorf("decode document %s: %w", id, err)
		}
		if d.FetchedAt.IsZero() {
			continue
		}
		f := fetchedDoc{id, d.FetchedAt}
		switch {
		case len(last) < n:
			heap.Push(&last, f)
		case last[0].before(f):
			last[0] = f
			heap.Fix(&last, 0)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read fetched documents: %w", err)
	}
	ids := make([]string, len(last))
	for i := len(ids) - 1; i >= 0; i-- {
		ids[i] = heap.Pop(&last).(fetchedDoc).id
	}
	return ids, nil
}

// fetchedDoc is a document and when it was fetched.
type fetchedDoc struct {
	id string
	at time.Time
}

// before orders documents by fetch time, then by id.
func (f fetchedDoc) before(g fetchedDoc) bool {
	return f.at.Before(g.at) || f.at.Equal(g.at) && f.id < g.id
}

// fetchedHeap is a min-heap of fetched documents, the earliest on top.
type fetchedHeap []fetchedDoc

func (h fetchedHeap) Len() int           { return len(h) }
func (h fetchedHeap) Less(i, j int) bool { return h[i].before(h[j]) }
func (h fetchedHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *fetchedHeap) Push(x any)        { *h = append(*h, x.(fetchedDoc)) }
func (h *fetchedHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (s *sqlStore) WatchSource(ctx context.Context, url string) (*WatchSource, error) {
	var w WatchSource
	err := s.db.QueryRowContext(ctx, s.wq.source, url).Scan(&w.URL, &w.Kind, &w.ETag, &w.LastModified, &w.Status, &w.Error, &w.Failures,
		nullTime{&w.PolledAt}, nullTime{&w.OKAt}, nullTime{&w.ChangedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("watched source %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("watched source %s: %w", url, err)
	}
	return &w, nil
}

func (s *sqlStore) SaveWatchSource(ctx context.Context, src *WatchSource, items []WatchItem) ([]bool, error) {
	if src == nil || src.URL == "" {
		return nil, errors.New("save watched source: no URL")
	}
	added := make([]bool, len(items))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.wq.upsertSource, src.URL, src.Kind, src.ETag, src.LastModified, src.Status, src.Error, src.Failures,
			timeParam(src.PolledAt), timeParam(src.OKAt), timeParam(src.ChangedAt)); err != nil {
			return fmt.Errorf("store source: %w", err)
		}
		if len(items) == 0 {
			return nil
		}
		st, err := tx.PrepareContext(ctx, s.wq.insertItem)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		defer st.Close()
		for i := range items {
			it := &items[i]
			if it.Key == "" {
				return fmt.Errorf("item %d has no key", i)
			}
			status := it.Status
			if status == "" {
				status = ItemPending
			}
			seen := it.SeenAt
			if seen.IsZero() {
				seen = time.Now()
			}
			res, err := st.ExecContext(ctx, src.URL, it.Key, it.URL, it.Title, it.Ord, timeParam(seen), status, it.Doc, it.Attempts, it.Error)
			if err != nil {
				return fmt.Errorf("store item %s: %w", it.Key, err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("store item %s: %w", it.Key, err)
			}
			added[i] = n > 0
			if err := s.step(ctx, "item", i); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("save watched source %s: %w", src.URL, err)
	}
	return added, nil
}

func (s *sqlStore) WatchItems(ctx context.Context, source string, states ...string) ([]WatchItem, error) {
	want := map[string]bool{}
	for _, st := range states {
		want[st] = true
	}
	// One state (the pending items of a poll) is read through the
	// index, so that a source's history does not slow its polls.
	q, args := s.wq.items, []any{source}
	if len(states) == 1 {
		q, args = s.wq.itemsIn, []any{source, states[0]}
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("items of %s: %w", source, err)
	}
	defer rows.Close()
	var out []WatchItem
	for rows.Next() {
		var it WatchItem
		if err := rows.Scan(&it.Source, &it.Key, &it.URL, &it.Title, &it.Ord, nullTime{&it.SeenAt}, &it.Status, &it.Doc, &it.Attempts, &it.Error); err != nil {
			return nil, fmt.Errorf("items of %s: %w", source, err)
		}
		if len(want) == 0 || want[it.Status] {
			out = append(out, it)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("items of %s: %w", source, err)
	}
	return out, nil
}

func (s *sqlStore) SaveWatchItem(ctx context.Context, it *WatchItem) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.updateItem(ctx, tx, it) })
}

func (s *sqlStore) updateItem(ctx context.Context, tx *sql.Tx, it *WatchItem) error {
	res, err := tx.ExecContext(ctx, s.wq.updateItem, it.Status, it.Doc, it.Attempts, it.Error, it.Source, it.Key)
	if err != nil {
		return fmt.Errorf("store item %s: %w", it.Key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store item %s: %w", it.Key, err)
	}
	if n == 0 {
		return fmt.Errorf("item %s of %s: %w", it.Key, it.Source, ErrNotFound)
	}
	return nil
}
