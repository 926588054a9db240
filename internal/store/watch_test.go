package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

func TestSQLiteWatch(t *testing.T) { runWatchConformance(t, newSQLiteDSN) }

func TestPostgresWatch(t *testing.T) {
	runWatchConformance(t, func(t *testing.T) string { return newPostgresDSN(t) })
}

// runWatchConformance runs the tests of WatchState every backend must
// pass.
func runWatchConformance(t *testing.T, newDSN func(t *testing.T) string) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, dsn string)
	}{
		{"Pages", testPages},
		{"Sources", testSources},
		{"Items", testItems},
		{"FetchFault", testFetchFault},
		{"Reopen", testWatchReopen},
		{"LastFetched", testLastFetched},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, newDSN(t)) })
	}
}

// at is a time with a fractional second, as time.Now gives.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func webDoc(url, text string) *model.Document {
	d := newDoc(url, "Harbour board minutes", text, "2024-03-05")
	d.URL, d.Path, d.Format = url, url, "html"
	d.FinalURL = url + "/final"
	d.FetchedAt = at("2024-03-05T09:30:00.123456Z")
	return d
}

func testPages(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	const url = "https://harbour.example.test/minutes"
	if _, err := s.Page(ctx, url); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Page of an unknown URL: %v, want ErrNotFound", err)
	}
	v1 := webDoc(url, "The harbour board approved the dredging contract.")
	p1 := Page{URL: url, FinalURL: v1.FinalURL, Doc: v1.ID, Version: 1, ETag: `"a1"`, LastModified: "Tue, 05 Mar 2024 09:00:00 GMT",
		FetchedAt: v1.FetchedAt, CheckedAt: v1.FetchedAt}
	added, err := s.RecordFetch(ctx, &PageFetch{Page: p1, Docs: []*model.Document{v1}, Analyses: []*model.Analysis{{Doc: v1.ID}}})
	if err != nil || !reflect.DeepEqual(added, []bool{true}) {
		t.Fatalf("RecordFetch first version: added %v, %v", added, err)
	}
	got, err := s.Page(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, p1) {
		t.Errorf("Page = %+v\nwant %+v", *got, p1)
	}
	doc, err := s.Document(ctx, url)
	if err != nil {
		t.Fatalf("document by URL: %v", err)
	}
	if doc.FinalURL != v1.FinalURL || !doc.FetchedAt.Equal(v1.FetchedAt) || doc.Previous != "" {
		t.Errorf("stored document: final %q, fetched %v, previous %q", doc.FinalURL, doc.FetchedAt, doc.Previous)
	}

	// Unchanged: only the page's check time and validators move.
	p1b := p1
	p1b.CheckedAt, p1b.ETag = at("2024-03-06T09:30:00Z"), `"a2"`
	if added, err := s.RecordFetch(ctx, &PageFetch{Page: p1b}); err != nil || len(added) != 0 {
		t.Fatalf("RecordFetch unchanged: added %v, %v", added, err)
	}
	if got, _ := s.Page(ctx, url); got.CheckedAt != p1b.CheckedAt || got.ETag != `"a2"` || got.Doc != v1.ID {
		t.Errorf("after an unchanged fetch: %+v", got)
	}

	// Changed: a new version names the old one.
	v2 := webDoc(url, "The harbour board rejected the dredging contract.")
	v2.Previous = v1.ID
	p2 := Page{URL: url, FinalURL: v2.FinalURL, Doc: v2.ID, Version: 2, FetchedAt: at("2024-03-07T08:00:00Z"), CheckedAt: at("2024-03-07T08:00:00Z")}
	if added, err := s.RecordFetch(ctx, &PageFetch{Page: p2, Docs: []*model.Document{v2}}); err != nil || !reflect.DeepEqual(added, []bool{true}) {
		t.Fatalf("RecordFetch second version: added %v, %v", added, err)
	}
	got, _ = s.Page(ctx, url)
	if got.Doc != v2.ID || got.Version != 2 {
		t.Errorf("newest version: %+v", got)
	}
	stored, err := s.Document(ctx, v2.ID)
	if err != nil || stored.Previous != v1.ID {
		t.Errorf("second version: previous %q, %v; want %s", stored.Previous, err, v1.ID)
	}
	docs, _ := s.Documents(ctx)
	if len(docs) != 2 {
		t.Errorf("%d documents, want both versions", len(docs))
	}
	// Recording the same version again adds nothing.
	if added, err := s.RecordFetch(ctx, &PageFetch{Page: p2, Docs: []*model.Document{v2}}); err != nil || !reflect.DeepEqual(added, []bool{false}) {
		t.Errorf("RecordFetch again: added %v, %v", added, err)
	}
	bad := *v2
	bad.ID = ""
	if _, err := s.RecordFetch(ctx, &PageFetch{Page: p2, Docs: []*model.Document{&bad}}); err == nil {
		t.Error("a document without id was accepted")
	}
	// Two versions were added; nothing was analysed yet.
	fetched, analysed, err := s.FetchProgress(ctx)
	if err != nil || fetched != 2 || analysed != 0 {
		t.Errorf("FetchProgress = %d, %d, %v; want 2, 0", fetched, analysed, err)
	}
	if err := s.MarkAnalysed(ctx, fetched); err != nil {
		t.Fatal(err)
	}
	// A feed's items, all in one fetch.
	items := []*model.Document{webDoc(url+"/feed#1", "First item of the harbour feed."), webDoc(url+"/feed#2", "Second item of the harbour feed.")}
	added, err = s.RecordFetch(ctx, &PageFetch{Page: Page{URL: url + "/feed", FetchedAt: p2.FetchedAt, CheckedAt: p2.FetchedAt}, Docs: items, Analyses: []*model.Analysis{nil, nil}})
	if err != nil || !reflect.DeepEqual(added, []bool{true, true}) {
		t.Fatalf("feed fetch: %v, %v", added, err)
	}
	if fetched, analysed, _ := s.FetchProgress(ctx); fetched != 4 || analysed != 2 {
		t.Errorf("FetchProgress = %d, %d; want 4, 2", fetched, analysed)
	}
}

func testSources(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	const feed = "https://courier.example.test/feed.xml"
	if _, err := s.WatchSource(ctx, feed); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown source: %v", err)
	}
	src := WatchSource{URL: feed, Kind: "feed", ETag: `"e1"`, LastModified: "Wed, 06 Mar 2024 10:00:00 GMT", Status: "ok",
		PolledAt: at("2024-03-06T10:00:01.5Z"), OKAt: at("2024-03-06T10:00:01.5Z"), ChangedAt: at("2024-03-06T10:00:01.5Z")}
	if _, err := s.SaveWatchSource(ctx, &src, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.WatchSource(ctx, feed)
	if err != nil || !reflect.DeepEqual(*got, src) {
		t.Fatalf("WatchSource = %+v, %v\nwant %+v", got, err, src)
	}
	down := src
	down.Status, down.Error, down.Failures = "down", "connection refused", 2
	down.PolledAt, down.ChangedAt = at("2024-03-06T11:00:00Z"), at("2024-03-06T11:00:00Z")
	if _, err := s.SaveWatchSource(ctx, &down, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = s.WatchSource(ctx, feed)
	if !reflect.DeepEqual(*got, down) {
		t.Errorf("after update: %+v\nwant %+v", *got, down)
	}
	// A source never polled successfully has no times.
	list := WatchSource{URL: "/home/someone/urls.txt", Status: "malformed", Error: "line 3: not a URL", Failures: 1}
	if _, err := s.SaveWatchSource(ctx, &list, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = s.WatchSource(ctx, list.URL)
	if !reflect.DeepEqual(*got, list) {
		t.Errorf("list source: %+v\nwant %+v", *got, list)
	}
}

func testItems(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	src := &WatchSource{URL: "https://courier.example.test/feed.xml", Kind: "feed", Status: "ok"}
	seen := at("2024-03-06T10:00:00Z")
	items := []WatchItem{
		{Key: "guid-2", URL: "https://courier.example.test/2", Title: "Second", Ord: 0, SeenAt: seen},
		{Key: "guid-1", URL: "https://courier.example.test/1", Title: "First", Ord: 1, SeenAt: seen},
	}
	n, err := s.SaveWatchSource(ctx, src, items)
	if err != nil || !reflect.DeepEqual(n, []bool{true, true}) {
		t.Fatalf("SaveWatchSource: new %v, %v", n, err)
	}
	// The next poll sees one more item and the two known ones, whose
	// state is kept.
	done := WatchItem{Source: src.URL, Key: "guid-2", Status: ItemDone, Doc: "d2", Attempts: 1}
	if err := s.SaveWatchItem(ctx, &done); err != nil {
		t.Fatal(err)
	}
	later := at("2024-03-06T11:00:00Z")
	next := append([]WatchItem{{Key: "guid-3", URL: "https://courier.example.test/3", Title: "Third", SeenAt: later}},
		WatchItem{Key: "guid-2", URL: "https://courier.example.test/2", SeenAt: later},
		WatchItem{Key: "guid-1", URL: "https://courier.example.test/1", SeenAt: later})
	n, err = s.SaveWatchSource(ctx, src, next)
	if err != nil || !reflect.DeepEqual(n, []bool{true, false, false}) {
		t.Fatalf("second poll: new %v, %v; want only the first", n, err)
	}
	all, err := s.WatchItems(ctx, src.URL)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, it := range all {
		keys = append(keys, it.Key+":"+it.Status)
	}
	if want := []string{"guid-2:done", "guid-1:pending", "guid-3:pending"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("items = %v, want %v (first seen first, state kept)", keys, want)
	}
	if !all[0].SeenAt.Equal(seen) || all[0].Doc != "d2" || all[0].Title != "Second" {
		t.Errorf("item kept %+v", all[0])
	}
	pending, err := s.WatchItems(ctx, src.URL, ItemPending)
	if err != nil || len(pending) != 2 {
		t.Errorf("pending items: %d, %v; want 2", len(pending), err)
	}
	// Storing a page and marking its item done is one transaction.
	doc := webDoc("https://courier.example.test/1", "The mayor opened the new ferry terminal on Friday.")
	it := pending[0]
	it.Status, it.Doc, it.Attempts = ItemDone, doc.ID, 1
	if _, err := s.RecordFetch(ctx, &PageFetch{Page: Page{URL: doc.URL, Doc: doc.ID, Version: 1, FetchedAt: doc.FetchedAt, CheckedAt: doc.FetchedAt}, Docs: []*model.Document{doc}, Item: &it}); err != nil {
		t.Fatal(err)
	}
	pending, _ = s.WatchItems(ctx, src.URL, ItemPending)
	if len(pending) != 1 || pending[0].Key != "guid-3" {
		t.Errorf("pending after fetch: %+v", pending)
	}
	missing := WatchItem{Source: src.URL, Key: "nope", Status: ItemDone}
	if err := s.SaveWatchItem(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("saving an unknown item: %v, want ErrNotFound", err)
	}
	if _, err := s.SaveWatchSource(ctx, src, []WatchItem{{URL: "x"}}); err == nil {
		t.Error("an item without key was accepted")
	}
}

// testFetchFault: a fetch record or a poll cut short leaves the store as
// it was: no document without its page and item, no items without the
// source's new validators.
func testFetchFault(t *testing.T, dsn string) {
	s := mustOpen(t, dsn)
	ctx := context.Background()
	src := &WatchSource{URL: "https://courier.example.test/feed.xml", Kind: "feed", Status: "ok", ETag: `"old"`}
	if _, err := s.SaveWatchSource(ctx, src, []WatchItem{{Key: "k1", URL: "https://courier.example.test/1"}}); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	doc := webDoc("https://courier.example.test/1", "The ferry timetable changes on Monday.")
	item := WatchItem{Source: src.URL, Key: "k1", Status: ItemDone, Doc: doc.ID, Attempts: 1}
	s.(*sqlStore).hook = func(_ context.Context, step string, i int) error {
		if step == "document" || step == "item" && i == 1 {
			return errors.New("injected fault")
		}
		return nil
	}
	defer func() { s.(*sqlStore).hook = nil }()
	if _, err := s.RecordFetch(ctx, &PageFetch{Page: Page{URL: doc.URL, Doc: doc.ID, Version: 1}, Docs: []*model.Document{doc}, Item: &item}); err == nil {
		t.Fatal("fault not reported")
	}
	if after := counts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("failed fetch record changed the store: %v -> %v", before, after)
	}
	if fetched, _, _ := s.FetchProgress(ctx); fetched != 0 {
		t.Errorf("a failed fetch record counted %d documents", fetched)
	}
	if _, err := s.Page(ctx, doc.URL); !errors.Is(err, ErrNotFound) {
		t.Errorf("page stored by a failed record: %v", err)
	}
	if its, _ := s.WatchItems(ctx, src.URL, ItemPending); len(its) != 1 {
		t.Errorf("item no longer pending after a failed record")
	}
	newer := *src
	newer.ETag = `"new"`
	if _, err := s.SaveWatchSource(ctx, &newer, []WatchItem{{Key: "k2", URL: "u2"}, {Key: "k3", URL: "u3"}}); err == nil {
		t.Fatal("fault not reported")
	}
	got, _ := s.WatchSource(ctx, src.URL)
	if got.ETag != `"old"` {
		t.Errorf("the source's validators moved on although its items were not stored: %q", got.ETag)
	}
	if its, _ := s.WatchItems(ctx, src.URL); len(its) != 1 {
		t.Errorf("%d items after a failed poll, want 1", len(its))
	}
}

func testWatchReopen(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	src := &WatchSource{URL: "https://courier.example.test/feed.xml", Kind: "feed", Status: "ok", ETag: `"e"`}
	if _, err := s.SaveWatchSource(ctx, src, []WatchItem{{Key: "k", URL: "https://courier.example.test/k"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := mustOpen(t, dsn)
	got, err := s2.WatchSource(ctx, src.URL)
	if err != nil || got.ETag != `"e"` {
		t.Fatalf("after reopening: %+v, %v", got, err)
	}
	if its, _ := s2.WatchItems(ctx, src.URL, ItemPending); len(its) != 1 {
		t.Errorf("pending items lost on reopening")
	}
}

// testLastFetched: the documents fetched last are found by their fetch
// times, compared as times (".1" is later than ".09", though not as
// text), and documents added from files are not among them.
func testLastFetched(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	file := newDoc("notes.txt", "Notes", "Notes taken at the harbour board.", "2024-03-05")
	if _, err := s.AddDocument(ctx, file, nil); err != nil {
		t.Fatal(err)
	}
	const url = "https://harbour.example.test/n/"
	var ids []string
	for i, when := range []string{"2024-03-05T09:30:00.09Z", "2024-03-05T09:30:00.1Z", "2024-03-05T09:30:00.0999Z"} {
		d := webDoc(url+string(rune('a'+i)), "Notice "+string(rune('A'+i))+" of the harbour board.")
		d.FetchedAt = at(when)
		if _, err := s.RecordFetch(ctx, &PageFetch{Page: Page{URL: d.URL, Doc: d.ID, FetchedAt: d.FetchedAt, CheckedAt: d.FetchedAt}, Docs: []*model.Document{d}}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	for n, want := range map[int][]string{0: nil, 1: {ids[1]}, 2: {ids[1], ids[2]}, 10: {ids[1], ids[2], ids[0]}} {
		got, err := s.LastFetched(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("LastFetched(%d) = %v, want %v", n, got, want)
		}
	}
}
