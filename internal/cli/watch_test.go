package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// newsSite serves a feed and its pages from memory; tests change them
// between runs.
type newsSite struct {
	srv   *httptest.Server
	mu    sync.Mutex
	pages map[string]string // path → body; the feed is /feed.xml
	hits  map[string]int
}

func newNewsSite(t *testing.T) *newsSite {
	s := &newsSite{pages: map[string]string{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		body, ok := s.pages[r.URL.Path]
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case !ok:
			http.NotFound(w, r)
		case strings.HasSuffix(r.URL.Path, ".xml"):
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, body)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *newsSite) set(path, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = body
}

func (s *newsSite) url(path string) string { return s.srv.URL + path }

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func newsPage(title string, paras ...string) string {
	return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><nav>Home | Port | Contact</nav><article><h1>" + title +
		"</h1><p>" + strings.Join(paras, "</p><p>") + "</p></article></body></html>"
}

func newsFeed(s *newsSite, paths ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Ostrava Bay Gazette</title><link>` + s.url("/") + `</link><description>Port news</description>`)
	for _, p := range paths {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid></item>", p, s.url(p), p)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// fast are the flags that keep the manners' delays tiny in tests.
var fast = []string{"--delay", "1ms"}

func TestAddURL(t *testing.T) {
	s := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "d.db")
	v1 := newsPage("Mooring fees", "The harbour board of Ostrava Bay approved higher mooring fees on Tuesday.",
		"The chair of the board, Ilse Varga, said the fees had not changed in ten years.")
	s.set("/fees", v1)
	code, _, stderr := run(t, db, append([]string{"add", s.url("/fees")}, fast...)...)
	if code != 0 || !strings.Contains(stderr, "added "+s.url("/fees")) {
		t.Fatalf("add URL exited %d: %s", code, stderr)
	}
	code, _, stderr = run(t, db, append([]string{"add", s.url("/fees")}, fast...)...)
	if code != 0 || !strings.Contains(stderr, "already stored: "+s.url("/fees")) || !strings.Contains(stderr, "0 added, 1 already stored") {
		t.Errorf("second add exited %d: %s", code, stderr)
	}
	_, out, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 1 {
		t.Fatalf("docs --json: %v, %s", err, out)
	}
	if docs[0].URL != s.url("/fees") || docs[0].FinalURL != s.url("/fees") || docs[0].FetchedAt == "" {
		t.Errorf("document: url %q, final %q, fetched %q", docs[0].URL, docs[0].FinalURL, docs[0].FetchedAt)
	}

	// The page changes: a new version, and the finding with the diff.
	s.set("/fees", strings.Replace(v1, "approved", "postponed", 1))
	code, stdout, stderr := run(t, db, append([]string{"add", s.url("/fees")}, fast...)...)
	if code != 0 || !strings.Contains(stderr, "a new version of "+docs[0].ID[:12]) {
		t.Fatalf("add of the changed page exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "record-changed") || !strings.Contains(stdout, "Ostrava Bay [-approved-] {+postponed+} higher") {
		t.Errorf("add printed no record-changed finding with the diff:\n%s", stdout)
	}
	_, out, _ = run(t, db, "docs", "--json")
	docs = nil
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 2 {
		t.Fatalf("docs after the change: %v, %s", err, out)
	}
	var prev string
	for _, d := range docs {
		prev += d.Previous
	}
	if prev == "" {
		t.Errorf("no version names the one before: %+v", docs)
	}
	// show URL shows the newest version.
	_, out, _ = run(t, db, "show", s.url("/fees"), "--json")
	if !strings.Contains(out, "postponed") || strings.Contains(out, "approved higher") {
		t.Errorf("show URL does not show the newest version:\n%.300s", out)
	}
	// The finding is part of the dossier's findings.
	_, out, _ = run(t, db, "findings", "--json")
	var fs []struct {
		Kind     string
		Evidence []evidence
	}
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, f := range fs {
		if f.Kind == "record-changed" {
			for _, e := range f.Evidence {
				changed = append(changed, e.Text)
			}
		}
	}
	if strings.Join(changed, ",") != "approved,postponed" {
		t.Errorf("record-changed evidence %v, want [approved postponed]", changed)
	}
}

func TestAddURLFailures(t *testing.T) {
	s := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "d.db")
	s.set("/private/memo", newsPage("Memo", "An internal memo of the harbour board about the dredging tender."))
	s.set("/ok", newsPage("Notice", "The harbour office is closed on public holidays, the harbour master said."))
	args := append([]string{"add", s.url("/private/memo"), "ftp://harbour.test/x", s.url("/missing"), s.url("/ok")}, fast...)
	code, _, stderr := run(t, db, args...)
	if code == 0 {
		t.Fatal("add with bad URLs exited 0")
	}
	for _, want := range []string{
		"error: " + s.url("/private/memo") + ": robots.txt",
		"error: ftp://harbour.test/x: only http and https",
		"error: " + s.url("/missing") + ": the server answered 404 Not Found",
		"1 added, 0 already stored, 3 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := s.count("/private/memo"); n != 0 {
		t.Errorf("the disallowed page was asked for %d times", n)
	}
}

func TestWatchOnce(t *testing.T) {
	s := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "d.db")
	s.set("/n/1", newsPage("Harbour board to raise mooring fees",
		"The harbour board of Ostrava Bay will meet on Monday 5 March 2024 to vote on higher mooring fees, according to a port official who asked not to be named.",
		"The chair of the board, Ilse Varga, said the fees had not changed in ten years."))
	s.set("/n/2", newsPage("Ferry timetable", "The winter ferry timetable of Ostrava Bay starts in November with two crossings a day."))
	s.set("/feed.xml", newsFeed(s, "/n/1", "/n/2"))
	watchArgs := append([]string{"watch", "--once", s.url("/feed.xml")}, fast...)
	code, stdout, stderr := run(t, db, watchArgs...)
	if code != 0 {
		t.Fatalf("watch --once exited %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "watching "+s.url("/feed.xml")+" (feed, 2 items)") || strings.Count(stderr, "added ") != 2 {
		t.Errorf("stderr:\n%s", stderr)
	}
	for _, want := range []string{"[medium] weekday-mismatch:", "[medium] anonymous-source:"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("watch printed no %q finding:\n%s", want, stdout)
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !strings.HasPrefix(l, "[") {
			t.Errorf("finding not on one line: %q", l)
		}
	}
	_, out, _ := run(t, db, "findings", "--json")
	if !strings.Contains(out, "weekday-mismatch") {
		t.Errorf("the watch did not store its results: %s", out)
	}

	// Nothing new: nothing printed, nothing fetched again but the feed.
	code, stdout, stderr = run(t, db, watchArgs...)
	if code != 0 || stdout != "" || strings.Contains(stderr, "added") {
		t.Errorf("second watch exited %d; stdout %q; stderr %q", code, stdout, stderr)
	}
	if s.count("/n/1") != 1 || s.count("/n/2") != 1 {
		t.Errorf("pages fetched %d and %d times, want once each", s.count("/n/1"), s.count("/n/2"))
	}

	// A new item, as JSON Lines: its findings only.
	s.set("/n/3", newsPage("Quay closed", "The east quay of Ostrava Bay will close on Friday 8 March 2024 for crane repairs, the harbour master said."))
	s.set("/feed.xml", newsFeed(s, "/n/3", "/n/1", "/n/2"))
	code, stdout, stderr = run(t, db, append(watchArgs, "--json")...)
	if code != 0 {
		t.Fatalf("watch --json exited %d: %s", code, stderr)
	}
	types := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(stdout))
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("not a JSON line: %q", sc.Text())
		}
		typ, _ := line["type"].(string)
		types[typ]++
		switch typ {
		case "finding":
			if line["kind"] == "weekday-mismatch" || line["kind"] == "anonymous-source" {
				t.Errorf("an old finding was printed again: %v", line)
			}
			if _, ok := line["evidence"].([]any); !ok {
				t.Errorf("finding without evidence list: %v", line)
			}
		case "document":
			if line["url"] != s.url("/n/3") || line["status"] != "added" || line["id"] == "" {
				t.Errorf("document line: %v", line)
			}
		}
	}
	if types["document"] != 1 {
		t.Errorf("JSON lines by type: %v, want one document", types)
	}
}

func TestWatchAnalysesWhatAddURLFetched(t *testing.T) {
	// Documents fetched but not yet analysed (here by add; after a crash,
	// by a watch) are analysed at the next watch, and their findings
	// printed, although the poll itself finds nothing new.
	s := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "d.db")
	s.set("/n/1", newsPage("Pilot boat", "The pilot boat of Ostrava Bay returns to service on Sunday 10 March 2025, a port official who asked not to be named said."))
	s.set("/feed.xml", newsFeed(s))
	if code, _, stderr := run(t, db, append([]string{"add", s.url("/n/1")}, fast...)...); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, db, append([]string{"watch", "--once", s.url("/feed.xml")}, fast...)...)
	if code != 0 || !strings.Contains(stdout, "weekday-mismatch") {
		t.Errorf("watch exited %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = run(t, db, append([]string{"watch", "--once", s.url("/feed.xml")}, fast...)...)
	if code != 0 || stdout != "" {
		t.Errorf("the findings were printed twice: %q", stdout)
	}
}

func TestWatchBadSources(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	for _, tc := range []struct{ arg, want string }{
		{"ftp://harbour.test/feed", "only http and https"},
		{filepath.Join(t.TempDir(), "missing.txt"), "no such file"},
	} {
		code, _, stderr := run(t, db, "watch", "--once", tc.arg)
		if code == 0 || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("watch %s: exit %d, stderr %q; want one line saying %q", tc.arg, code, stderr, tc.want)
		}
	}
}

// TestWatchLoopStopsCleanly polls on an interval until the context ends
// (as Ctrl-C or SIGTERM end it), then exits 0.
func TestWatchLoopStopsCleanly(t *testing.T) {
	s := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "d.db")
	s.set("/n/1", newsPage("Ferry timetable", "The winter ferry timetable of Ostrava Bay starts in November with two crossings a day."))
	s.set("/feed.xml", newsFeed(s, "/n/1"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var polls atomic.Int32
	inner := s.srv.Config.Handler
	s.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			if polls.Add(1) == 3 {
				cancel() // stop during the third poll
			}
		}
		inner.ServeHTTP(w, r)
	})
	var out, errb bytes.Buffer
	code := Main(ctx, []string{"--db", db, "watch", "--interval", "1ms", "--delay", "1ms", s.url("/feed.xml")}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("watch stopped with exit %d: %s", code, errb.String())
	}
	if polls.Load() < 3 || s.count("/n/1") != 1 {
		t.Errorf("%d polls, page fetched %d times; want 3 polls and one fetch", polls.Load(), s.count("/n/1"))
	}
}
