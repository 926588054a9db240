package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// site is a local web server whose pages tests change between polls. It
// counts the requests for each path and answers conditional requests.
type site struct {
	srv *httptest.Server

	mu       sync.Mutex
	pages    map[string]page
	hits     map[string]int
	full     map[string]int // answers with a body
	robots   string
	handlers map[string]http.HandlerFunc
}

type page struct {
	contentType, body string
}

func newSite(t testing.TB) *site {
	s := &site{pages: map[string]page{}, hits: map[string]int{}, full: map[string]int{}, handlers: map[string]http.HandlerFunc{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) set(path, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = page{contentType, body}
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

func (s *site) count(path string) (hits, full int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path], s.full[path]
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	h := s.handlers[r.URL.Path]
	p, ok := s.pages[r.URL.Path]
	robots := s.robots
	s.mu.Unlock()
	if h != nil {
		h(w, r)
		return
	}
	if r.URL.Path == "/robots.txt" {
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, robots)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"%x"`, hash(p.body))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.mu.Lock()
	s.full[r.URL.Path]++
	s.mu.Unlock()
	w.Header().Set("Content-Type", p.contentType)
	fmt.Fprint(w, p.body)
}

func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// article is an HTML page with enough text for main-text extraction.
func article(title, text string) string {
	return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><nav>Home | News</nav><article><h1>" + title + "</h1><p>" +
		text + "</p><p>The harbour office publishes its notices on this site every weekday morning.</p></article></body></html>"
}

type feedItem struct{ guid, link, title string }

func rss(items ...feedItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour notices</title><link>http://harbour.test/</link><description>Notices</description>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link>", it.title, it.link)
		if it.guid != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it.guid)
		}
		b.WriteString("<description>Short notice.</description></item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// events collects what a watcher reports.
type events struct {
	mu  sync.Mutex
	all []Event
}

func (e *events) add(ev Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.all = append(e.all, ev)
}

// take returns the events since the last call.
func (e *events) take() []Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := e.all
	e.all = nil
	return out
}

func of(evs []Event, typ EventType) []Event {
	var out []Event
	for _, e := range evs {
		if e.Type == typ {
			out = append(out, e)
		}
	}
	return out
}

type fixture struct {
	t   *testing.T
	st  store.Store
	w   *Watcher
	evs *events
	dsn string
}

func clientOptions() fetch.Options {
	return fetch.Options{Delay: time.Microsecond, Backoff: time.Microsecond, MaxAttempts: 2, StallTimeout: 10 * time.Second, Timeout: 30 * time.Second}
}

func newFixture(t *testing.T, o fetch.Options) *fixture {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "watch.db")
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := fetch.New(o)
	t.Cleanup(c.Close)
	f := &fixture{t: t, st: st, evs: &events{}, dsn: dsn}
	f.w = New(Options{Client: c, Store: st, Report: f.evs.add,
		Analyse: func(ctx context.Context, d *model.Document) (*model.Analysis, error) {
			return &model.Analysis{Doc: d.ID}, nil
		}})
	return f
}

func (f *fixture) poll(sources ...string) PollResult {
	f.t.Helper()
	res, err := f.w.Poll(context.Background(), sources)
	if err != nil {
		f.t.Fatalf("poll: %v", err)
	}
	return res
}

func (f *fixture) docs() []*model.Document {
	f.t.Helper()
	docs, err := f.st.Documents(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return docs
}

func (f *fixture) source(key string) *store.WatchSource {
	f.t.Helper()
	src, err := f.st.WatchSource(context.Background(), key)
	if err != nil {
		f.t.Fatal(err)
	}
	return src
}
