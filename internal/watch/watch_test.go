package watch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/store"
)

func TestFeedNewItemsBetweenPolls(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	items := []feedItem{
		{"n1", s.url("/notice/1"), "Dredging starts"},
		{"n2", s.url("/notice/2"), "Ferry timetable"},
	}
	s.set("/feed.xml", "application/rss+xml", rss(items...))
	s.set("/notice/1", "text/html", article("Dredging starts", "Dredging of the north basin starts on Monday, the harbour master Ilse Varga said."))
	s.set("/notice/2", "text/html", article("Ferry timetable", "The winter ferry timetable starts on 1 November with two crossings a day."))
	feed := s.url("/feed.xml")

	if res := f.poll(feed); res.Added != 2 || res.Failing != 0 {
		t.Fatalf("first poll: %+v, want 2 added", res)
	}
	evs := f.evs.take()
	if src := of(evs, EventSource); len(src) != 1 || src[0].Status != StatusOK || src[0].Was != "" || src[0].Kind != KindFeed || src[0].Items != 2 {
		t.Errorf("first poll source events: %+v", src)
	}
	if docs := of(evs, EventDocument); len(docs) != 2 {
		t.Errorf("first poll: %d document events, want 2", len(docs))
	}
	docs := f.docs()
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	for _, d := range docs {
		if !strings.HasPrefix(d.URL, s.url("/notice/")) || d.Format != "html" || d.FetchedAt.IsZero() {
			t.Errorf("document %s: url %s, format %s, fetched %v", d.Path, d.URL, d.Format, d.FetchedAt)
		}
	}

	// Nothing new: the feed answers 304 and no page is fetched again.
	if res := f.poll(feed); res.Added != 0 {
		t.Errorf("second poll added %d", res.Added)
	}
	if evs := f.evs.take(); len(evs) != 0 {
		t.Errorf("a poll with nothing new reported %+v", evs)
	}
	if hits, full := s.count("/feed.xml"); hits != 2 || full != 1 {
		t.Errorf("feed: %d requests, %d with a body; want 2 and 1 (the second conditional)", hits, full)
	}

	// A new item appears.
	items = append([]feedItem{{"n3", s.url("/notice/3"), "Quay closed"}}, items...)
	s.set("/feed.xml", "application/rss+xml", rss(items...))
	s.set("/notice/3", "text/html", article("Quay closed", "The east quay is closed to traffic until repairs to its crane are finished."))
	if res := f.poll(feed); res.Added != 1 {
		t.Errorf("third poll added %d, want 1", res.Added)
	}
	if len(f.docs()) != 3 {
		t.Errorf("%d documents after the new item, want 3", len(f.docs()))
	}
	for _, p := range []string{"/notice/1", "/notice/2", "/notice/3"} {
		if hits, _ := s.count(p); hits != 1 {
			t.Errorf("%s fetched %d times, want once", p, hits)
		}
	}
	all, err := f.st.WatchItems(context.Background(), feed)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range all {
		if it.Status != store.ItemDone || it.Doc == "" || it.Attempts != 1 {
			t.Errorf("item %s: %s, doc %q, %d attempts", it.Key, it.Status, it.Doc, it.Attempts)
		}
	}
}

func TestJSONFeedAndRelativeLinks(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	s.set("/feed.json", "application/feed+json", `{"version": "https://jsonfeed.org/version/1.1", "title": "Harbour",
		"items": [{"id": "a", "url": "/notice/a", "title": "Buoys moved", "content_text": "x"}]}`)
	s.set("/notice/a", "text/html", article("Buoys moved", "The channel buoys were moved ten metres west after the survey of the harbour bed."))
	if res := f.poll(s.url("/feed.json")); res.Added != 1 {
		t.Fatalf("JSON Feed: %+v", res)
	}
	if d := f.docs(); len(d) != 1 || d[0].URL != s.url("/notice/a") {
		t.Errorf("documents: %+v", d)
	}
}

func TestPageThatChanges(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	v1 := article("Tariffs", "The harbour board approved new mooring tariffs on Tuesday.")
	s.set("/tariffs", "text/html", v1)
	src := s.url("/tariffs")
	f.poll(src)
	evs := f.evs.take()
	if e := of(evs, EventSource); len(e) != 1 || e[0].Kind != KindPage {
		t.Errorf("an HTML source is watched as a page: %+v", e)
	}
	if e := of(evs, EventDocument); len(e) != 1 || e[0].Status != PageAdded {
		t.Fatalf("first poll document events: %+v", e)
	}
	// Unchanged: a conditional request, no new version, nothing said.
	f.poll(src)
	if evs := f.evs.take(); len(of(evs, EventSource)) != 0 || len(f.docs()) != 1 {
		t.Errorf("unchanged page: %d documents, events %+v", len(f.docs()), evs)
	}
	if _, full := s.count("/tariffs"); full != 1 {
		t.Errorf("the unchanged page was sent %d times, want once (then 304)", full)
	}
	// Changed.
	s.set("/tariffs", "text/html", strings.Replace(v1, "approved", "postponed", 1))
	if res := f.poll(src); res.Added != 1 {
		t.Fatalf("changed page: %+v", res)
	}
	e := of(f.evs.take(), EventDocument)
	if len(e) != 1 || e[0].Status != PageChanged || e[0].Page.Previous == nil {
		t.Fatalf("changed page events: %+v", e)
	}
	docs := f.docs()
	if len(docs) != 2 {
		t.Fatalf("%d documents, want both versions", len(docs))
	}
	cur := e[0].Page.Docs[0]
	if cur.Previous != e[0].Page.Previous.ID || cur.ID == cur.Previous {
		t.Errorf("new version %s names %q as previous, want %s", cur.ID, cur.Previous, e[0].Page.Previous.ID)
	}
	p, err := f.st.Page(context.Background(), src)
	if err != nil || p.Version != 2 || p.Doc != cur.ID {
		t.Errorf("page after the change: %+v, %v", p, err)
	}
	// Changed back: a third version, not the first again.
	s.set("/tariffs", "text/html", v1)
	f.poll(src)
	if p, _ := f.st.Page(context.Background(), src); p.Version != 3 || len(f.docs()) != 3 {
		t.Errorf("after the change back: version %d, %d documents; want 3 and 3", p.Version, len(f.docs()))
	}
}

func TestAddURLTwice(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	s.set("/minutes", "text/html", article("Minutes", "The board met on Thursday and approved the accounts."))
	s.handle("/old-minutes", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/minutes", http.StatusMovedPermanently)
	})
	ctx := context.Background()
	r1, err := f.w.AddURL(ctx, s.url("/old-minutes"))
	if err != nil {
		t.Fatal(err)
	}
	if r1.Outcome != PageAdded || !r1.Added[0] || r1.Docs[0].URL != s.url("/old-minutes") || r1.Docs[0].FinalURL != s.url("/minutes") {
		t.Fatalf("first add: %s, url %s, final %s", r1.Outcome, r1.Docs[0].URL, r1.Docs[0].FinalURL)
	}
	r2, err := f.w.AddURL(ctx, s.url("/old-minutes#section"))
	if err != nil {
		t.Fatal(err)
	}
	if r2.Outcome != PageNotModified || len(f.docs()) != 1 {
		t.Errorf("second add: %s, %d documents; want not-modified and 1", r2.Outcome, len(f.docs()))
	}
	// A server without validators: fetched in full, same text, one
	// document.
	s.handle("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, article("Plain", "The board will meet again on the first Monday of the month."))
	})
	for i, want := range []string{PageAdded, PageUnchanged} {
		r, err := f.w.AddURL(ctx, s.url("/plain"))
		if err != nil || r.Outcome != want {
			t.Errorf("add %d of a page without validators: %v, %v; want %s", i+1, r.Outcome, err, want)
		}
	}
	if len(f.docs()) != 2 {
		t.Errorf("%d documents, want 2", len(f.docs()))
	}
	if _, err := f.w.AddURL(ctx, "ftp://harbour.test/file"); fetch.KindOf(err) != fetch.BadURL {
		t.Errorf("ftp URL: %v", err)
	}
}

func TestRobotsDisallowItem(t *testing.T) {
	s := newSite(t)
	s.robots = "User-agent: dossier\nDisallow: /private/\n"
	f := newFixture(t, clientOptions())
	s.set("/feed.xml", "application/rss+xml", rss(feedItem{"p", s.url("/private/x"), "Private"}, feedItem{"o", s.url("/open/y"), "Open"}))
	s.set("/private/x", "text/html", article("Private", "Not for robots: the harbour staff rota for the coming month."))
	s.set("/open/y", "text/html", article("Open", "The harbour office is open from eight until six on weekdays."))
	if res := f.poll(s.url("/feed.xml")); res.Added != 1 {
		t.Errorf("added %d, want only the allowed page", res.Added)
	}
	if hits, _ := s.count("/private/x"); hits != 0 {
		t.Errorf("the disallowed page was asked for %d times", hits)
	}
	items := of(f.evs.take(), EventItem)
	if len(items) != 1 || items[0].Status != store.ItemSkipped || !strings.Contains(items[0].Error, "robots.txt") {
		t.Errorf("item events: %+v", items)
	}
	f.poll(s.url("/feed.xml"))
	if evs := f.evs.take(); len(evs) != 0 {
		t.Errorf("the skipped item was reported again: %+v", evs)
	}
}

func TestRetryAfterItemStaysPending(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	s.set("/feed.xml", "application/rss+xml", rss(feedItem{"b", s.url("/busy"), "Busy"}))
	busy := true
	s.handle("/busy", func(w http.ResponseWriter, r *http.Request) {
		if busy {
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "later", http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, article("Busy", "The harbour crane inspection report was published on Wednesday."))
	})
	f.poll(s.url("/feed.xml"))
	items := of(f.evs.take(), EventItem)
	if len(items) != 1 || items[0].Status != store.ItemPending || !strings.Contains(items[0].Error, "retry after 1h0m0s") {
		t.Fatalf("item events: %+v", items)
	}
	if hits, _ := s.count("/busy"); hits != 1 {
		t.Errorf("asked %d times although the server asked to wait an hour", hits)
	}
	f.poll(s.url("/feed.xml"))
	if evs := f.evs.take(); len(evs) != 0 {
		t.Errorf("a second failure of the same item was reported: %+v", evs)
	}
	s.mu.Lock()
	busy = false
	s.mu.Unlock()
	if res := f.poll(s.url("/feed.xml")); res.Added != 1 {
		t.Errorf("once the server answers: %+v", res)
	}
	its, _ := f.st.WatchItems(context.Background(), s.url("/feed.xml"))
	if len(its) != 1 || its[0].Status != store.ItemDone || its[0].Attempts != 3 {
		t.Errorf("item: %+v", its)
	}
}

func TestItemGivenUp(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	f.w.o.MaxAttempts = 2
	s.set("/feed.xml", "application/rss+xml", rss(feedItem{"g", s.url("/gone"), "Gone"}, feedItem{"big", s.url("/big"), "Big"}))
	s.handle("/big", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("<p>word</p>"), 8<<10)
		for n := 0; n < 50<<20; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	f.poll(s.url("/feed.xml"))
	items := of(f.evs.take(), EventItem)
	byURL := map[string]Event{}
	for _, e := range items {
		byURL[e.URL] = e
	}
	if e := byURL[s.url("/big")]; e.Status != store.ItemFailed || !strings.Contains(e.Error, "size limit") {
		t.Errorf("50 MB page: %+v", e)
	}
	if e := byURL[s.url("/gone")]; e.Status != store.ItemPending || !strings.Contains(e.Error, "404") {
		t.Errorf("404 page, first try: %+v", e)
	}
	f.poll(s.url("/feed.xml"))
	items = of(f.evs.take(), EventItem)
	if len(items) != 1 || items[0].URL != s.url("/gone") || items[0].Status != store.ItemFailed {
		t.Errorf("second poll: %+v, want the 404 item given up", items)
	}
	f.poll(s.url("/feed.xml"))
	if hits, _ := s.count("/gone"); hits != 2 {
		t.Errorf("the given-up page was asked for %d times, want 2", hits)
	}
	if hits, _ := s.count("/big"); hits != 1 {
		t.Errorf("the too-large page was asked for %d times, want 1", hits)
	}
}

// TestFailingSourcesReportedOncePerChange: a feed that is down, slow,
// redirects in a loop or serves HTML is reported when its state changes,
// and the good feed goes on.
func TestFailingSourcesReportedOncePerChange(t *testing.T) {
	s := newSite(t)
	o := clientOptions()
	o.StallTimeout = 100 * time.Millisecond
	f := newFixture(t, o)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	good := s.url("/good.xml")
	n := 0
	setGood := func() {
		n++
		s.set("/good.xml", "application/rss+xml", rss(feedItem{fmt.Sprint(n), s.url(fmt.Sprintf("/n/%d", n)), "Notice"}))
		s.set(fmt.Sprintf("/n/%d", n), "text/html", article("Notice", fmt.Sprintf("Notice number %d of the harbour office about berth allocations.", n)))
	}
	setGood()
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	s.handle("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.handle("/stall.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>`)
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	s.set("/turned.xml", "application/rss+xml", rss(feedItem{"t1", s.url("/t/1"), "T"}))
	s.set("/t/1", "text/html", article("T", "The tug service changes hands on the first of the month, the harbour office said."))
	s.set("/broken.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</ite`)
	down := "http://127.0.0.1:1/feed.xml" // nothing listens on port 1
	sources := []string{good, s.url("/loop"), s.url("/stall.xml"), s.url("/turned.xml"), s.url("/broken.xml"), down}

	res := f.poll(sources...)
	if res.Added != 2 || res.Failing != 4 {
		t.Errorf("first poll: %+v, want 2 added (good and turned), 4 failing", res)
	}
	want := map[string]string{
		good: StatusOK, s.url("/loop"): string(fetch.RedirectLoop), s.url("/stall.xml"): string(fetch.Slow),
		s.url("/turned.xml"): StatusOK, s.url("/broken.xml"): StatusMalformed, down: string(fetch.Down),
	}
	got := map[string]string{}
	for _, e := range of(f.evs.take(), EventSource) {
		got[e.Source] = e.Status
		if e.Status != StatusOK && (e.Error == "" || strings.Contains(e.Error, "\n")) {
			t.Errorf("%s: error %q is not one line", e.Source, e.Error)
		}
	}
	for src, st := range want {
		if got[src] != st {
			t.Errorf("%s: reported %q, want %q", src, got[src], st)
		}
	}
	if st := f.source(s.url("/loop")); st.Failures != 1 || !strings.Contains(st.Error, "loop") {
		t.Errorf("stored state of the loop: %+v", st)
	}

	// Second poll: the same failures are not reported again; the good
	// feed has a new item; the feed that was fine now serves HTML.
	setGood()
	s.set("/turned.xml", "text/html", article("Sign in", "Please sign in to read the notices of the harbour office."))
	res = f.poll(sources...)
	if res.Added != 1 {
		t.Errorf("second poll added %d, want 1", res.Added)
	}
	evs := of(f.evs.take(), EventSource)
	if len(evs) != 1 || evs[0].Source != s.url("/turned.xml") || evs[0].Status != StatusMalformed || evs[0].Was != StatusOK ||
		!strings.Contains(evs[0].Error, "HTML page, not a feed") {
		t.Errorf("second poll source events: %+v, want only the feed that turned into HTML", evs)
	}
	if st := f.source(s.url("/loop")); st.Failures != 2 {
		t.Errorf("failures in a row: %d, want 2", st.Failures)
	}

	// Third poll: it is a feed again, and is said to be ok again.
	s.set("/turned.xml", "application/rss+xml", rss(feedItem{"t1", s.url("/t/1"), "T"}))
	f.poll(sources...)
	evs = of(f.evs.take(), EventSource)
	if len(evs) != 1 || evs[0].Status != StatusOK || evs[0].Was != StatusMalformed {
		t.Errorf("third poll source events: %+v", evs)
	}
}

func TestListFile(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	s.set("/a", "text/html", article("A", "The pilot boat will be out of service for two weeks from Monday."))
	s.set("/b", "text/html", article("B", "The harbour office reminds skippers that the speed limit is five knots."))
	list := filepath.Join(t.TempDir(), "urls.txt")
	write := func(lines ...string) {
		if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# pages to follow", s.url("/a"), "", "not a url", "ftp://harbour.test/x")
	key, isFile, err := SourceKey(list)
	if err != nil || !isFile {
		t.Fatalf("SourceKey(%s) = %s, %v, %v", list, key, isFile, err)
	}
	if res := f.poll(key); res.Added != 1 {
		t.Errorf("first poll: %+v", res)
	}
	evs := f.evs.take()
	skipped := of(evs, EventItem)
	if len(skipped) != 2 || !strings.Contains(skipped[0].Error+skipped[1].Error, "line 4") {
		t.Errorf("bad lines: %+v", skipped)
	}
	write("# pages to follow", s.url("/a"), s.url("/b"), "not a url", "ftp://harbour.test/x")
	if res := f.poll(key); res.Added != 1 {
		t.Errorf("after a line was added: %+v", res)
	}
	if evs := of(f.evs.take(), EventItem); len(evs) != 0 {
		t.Errorf("bad lines reported again: %+v", evs)
	}
	os.Remove(list)
	f.poll(key)
	evs = of(f.evs.take(), EventSource)
	if len(evs) != 1 || evs[0].Status != StatusUnreadable || !strings.Contains(evs[0].Error, "no such file") {
		t.Errorf("a list that went away: %+v", evs)
	}
}

func TestRemoteList(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	s.set("/a", "text/html", article("A", "The pilot boat will be out of service for two weeks from Monday."))
	s.set("/urls.txt", "text/plain", s.url("/a")+"\n")
	if res := f.poll(s.url("/urls.txt")); res.Added != 1 {
		t.Errorf("remote list: %+v", res)
	}
	if src := f.source(s.url("/urls.txt")); src.Kind != KindList {
		t.Errorf("kind %q, want list", src.Kind)
	}
}

func TestSourceKey(t *testing.T) {
	for in, want := range map[string]bool{
		"https://x.test/feed": true, "HTTP://x.test": true, "ftp://x.test/f": true, "feeds.txt": false,
		"./dir/urls.txt": false, "c:/x": false, "javascript:alert(1)": true,
	} {
		if got := IsURL(in); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", in, got, want)
		}
	}
	if _, _, err := SourceKey("ftp://x.test/f"); fetch.KindOf(err) != fetch.BadURL {
		t.Errorf("ftp source: %v", err)
	}
}

func TestCancelledPollKeepsState(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	entered := make(chan struct{})
	s.set("/feed.xml", "application/rss+xml", rss(feedItem{"1", s.url("/slow"), "Slow"}))
	s.handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := f.w.Poll(ctx, []string{s.url("/feed.xml")})
		done <- err
	}()
	<-entered
	cancel()
	if err := <-done; err != context.Canceled {
		t.Errorf("cancelled poll: %v", err)
	}
	its, _ := f.st.WatchItems(context.Background(), s.url("/feed.xml"))
	if len(its) != 1 || its[0].Status != store.ItemPending || its[0].Attempts != 0 {
		t.Errorf("item after a cancelled poll: %+v, want pending, untried", its)
	}
	if evs := of(f.evs.take(), EventItem); len(evs) != 0 {
		t.Errorf("a cancelled fetch was reported as a failure: %+v", evs)
	}
}

func TestDownHostAskedOncePerPoll(t *testing.T) {
	s := newSite(t)
	f := newFixture(t, clientOptions())
	down := "http://127.0.0.1:1" // nothing listens on port 1
	s.set("/feed.xml", "application/rss+xml", rss(
		feedItem{"a", down + "/a", "A"}, feedItem{"b", down + "/b", "B"},
		feedItem{"ok", s.url("/ok"), "OK"}, feedItem{"c", down + "/c", "C"}))
	s.set("/ok", "text/html", article("OK", "The lighthouse keeper retires at the end of the month after thirty years."))
	if res := f.poll(s.url("/feed.xml")); res.Added != 1 {
		t.Errorf("poll: %+v, want the page of the live host", res)
	}
	its, err := f.st.WatchItems(context.Background(), s.url("/feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	tried := map[string]int{}
	for _, it := range its {
		tried[it.Key] = it.Attempts
	}
	if tried["a"] != 1 || tried["b"] != 0 || tried["c"] != 0 || tried["ok"] != 1 {
		t.Errorf("attempts %v: the down host must be tried once a poll", tried)
	}
	if evs := of(f.evs.take(), EventItem); len(evs) != 1 || evs[0].URL != down+"/a" || evs[0].Status != store.ItemPending {
		t.Errorf("item events: %+v", evs)
	}
}
