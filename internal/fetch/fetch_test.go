package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// sleeps records what the client waits for, without waiting.
type sleeps struct {
	mu  sync.Mutex
	all []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.all = append(s.all, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) list() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.all...)
}

// fast are options with tiny delays and timeouts long enough never to
// fire by accident on a loaded machine.
func fast() Options {
	return Options{Delay: time.Microsecond, Backoff: time.Microsecond, StallTimeout: 10 * time.Second, Timeout: 30 * time.Second}
}

func newClient(t *testing.T, o Options) *Client {
	t.Helper()
	c := New(o)
	t.Cleanup(c.Close)
	return c
}

// site is a test server with a robots.txt and handlers by path.
func site(t *testing.T, robots string, routes map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, robots)
	})
	for p, h := range routes {
		mux.HandleFunc(p, h)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func text(s string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, s)
	}
}

func wantKind(t *testing.T, err error, kind Kind) *Error {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v, want a fetch error of kind %s", err, kind)
	}
	if fe.Kind != kind {
		t.Fatalf("error kind = %s (%v), want %s", fe.Kind, fe, kind)
	}
	if strings.Contains(fe.Error(), "\n") {
		t.Errorf("error message is not one line: %q", fe.Error())
	}
	return fe
}

func TestUserAgentAndAccept(t *testing.T) {
	var ua, robotsUA, accept string
	srv := site(t, "", map[string]http.HandlerFunc{
		"/page": func(w http.ResponseWriter, r *http.Request) {
			ua, accept = r.UserAgent(), r.Header.Get("Accept")
			fmt.Fprint(w, "hello")
		},
	})
	// The robots.txt request names dossier too.
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsUA = r.UserAgent()
			http.NotFound(w, r)
			return
		}
		ua, accept = r.UserAgent(), r.Header.Get("Accept")
		fmt.Fprint(w, "hello")
	})
	c := newClient(t, fast())
	resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/page"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "hello" || resp.Status != 200 || resp.FinalURL != srv.URL+"/page" {
		t.Errorf("response = %q %d %s", resp.Body, resp.Status, resp.FinalURL)
	}
	for _, got := range []string{ua, robotsUA} {
		if !strings.HasPrefix(got, Agent+"/") {
			t.Errorf("User-Agent %q does not name %s", got, Agent)
		}
	}
	if !strings.Contains(accept, "text/html") || !strings.Contains(accept, "application/rss+xml") {
		t.Errorf("Accept = %q", accept)
	}
	if resp.FetchedAt.IsZero() {
		t.Error("no fetch time")
	}
}

func TestRobotsDisallow(t *testing.T) {
	var hits atomic.Int32
	count := func(w http.ResponseWriter, r *http.Request) { hits.Add(1); fmt.Fprint(w, "ok") }
	srv := site(t, "User-agent: *\nDisallow: /\n\nUser-agent: dossier\nDisallow: /private/\nAllow: /private/open\n",
		map[string]http.HandlerFunc{"/": count})
	c := newClient(t, fast())
	ctx := context.Background()
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/public/a"}); err != nil {
		t.Errorf("public page: %v", err)
	}
	_, err := c.Get(ctx, Request{URL: srv.URL + "/private/secret"})
	fe := wantKind(t, err, Disallowed)
	if !strings.Contains(fe.Error(), "robots.txt") {
		t.Errorf("message %q does not say robots.txt", fe)
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/private/open/x"}); err != nil {
		t.Errorf("allowed by a longer Allow: %v", err)
	}
	if n := hits.Load(); n != 2 {
		t.Errorf("server saw %d page requests, want 2 (the disallowed page must not be asked for)", n)
	}
}

func TestRobotsRedirectToDisallowed(t *testing.T) {
	srv := site(t, "User-agent: *\nDisallow: /private\n", map[string]http.HandlerFunc{
		"/go":       func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/x", http.StatusFound) },
		"/private/": text("secret"),
	})
	_, err := newClient(t, fast()).Get(context.Background(), Request{URL: srv.URL + "/go"})
	wantKind(t, err, Disallowed)
}

func TestRobotsServerError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "page")
	}))
	t.Cleanup(srv.Close)
	// A passing state (down), not a rule: what waits for it is fetched
	// once robots.txt can be read.
	_, err := newClient(t, fast()).Get(context.Background(), Request{URL: srv.URL + "/page"})
	fe := wantKind(t, err, Down)
	if !strings.Contains(fe.Error(), "503") || !strings.Contains(fe.Error(), "robots.txt") {
		t.Errorf("message %q does not say why robots.txt could not be read", fe)
	}
}

func TestRobotsRules(t *testing.T) {
	robots := `# comment
User-agent: otherbot
Disallow: /

User-agent: Dossier/2.0
User-agent: somebot
Disallow: /*.pdf$
Disallow: /search
Allow: /search/about
Disallow: /a*b/c
Crawl-delay: 3

User-agent: *
Disallow: /everything
`
	r := parseRobots([]byte(robots), Agent)
	for path, want := range map[string]bool{
		"/":                true,
		"/everything":      true, // the * group does not apply when one names dossier
		"/doc.pdf":         false,
		"/doc.pdf?x=1":     true, // $ anchors the end
		"/search":          false,
		"/search?q=x":      false,
		"/search/about":    true,
		"/search/about/me": true,
		"/axxb/c/d":        false,
		"/ab/c":            false,
		"/ac":              true,
		"/robots.txt":      true,
	} {
		u, _ := parseURL("http://example.test" + path)
		if got := r.allowed(u); got != want {
			t.Errorf("allowed(%s) = %v, want %v", path, got, want)
		}
	}
	if r.crawlDelay != 3*time.Second {
		t.Errorf("crawl delay = %s, want 3s", r.crawlDelay)
	}
	star := parseRobots([]byte("User-agent: *\nDisallow: /x\nAllow: /x\n"), Agent)
	u, _ := parseURL("http://example.test/x/y")
	if !star.allowed(u) {
		t.Error("an Allow as long as the Disallow must win")
	}
	none := parseRobots([]byte("Disallow: /\n"), Agent)
	if !none.allowed(u) {
		t.Error("a rule before any user-agent line applies to no one")
	}
}

func TestOneRequestAtATimePerHost(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond) // widen the window in which a second request would overlap
		inFlight.Add(-1)
		fmt.Fprint(w, "ok")
	}})
	c := newClient(t, fast())
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), Request{URL: fmt.Sprintf("%s/p%d", srv.URL, i)}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if m := most.Load(); m != 1 {
		t.Errorf("%d requests to one host were in flight at once, want 1", m)
	}
}

func TestDifferentHostsInParallel(t *testing.T) {
	// Each server answers only once the other has been asked, so the
	// two requests must be in flight together.
	aIn, bIn := make(chan struct{}), make(chan struct{})
	wait := func(mine, other chan struct{}) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			close(mine)
			select {
			case <-other:
				fmt.Fprint(w, "ok")
			case <-time.After(20 * time.Second):
				http.Error(w, "the other host was never asked", http.StatusInternalServerError)
			}
		}
	}
	a := site(t, "", map[string]http.HandlerFunc{"/": wait(aIn, bIn)})
	b := site(t, "", map[string]http.HandlerFunc{"/": wait(bIn, aIn)})
	o := fast()
	o.MaxAttempts = 1
	c := newClient(t, o)
	var wg sync.WaitGroup
	for _, u := range []string{a.URL + "/x", b.URL + "/x"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), Request{URL: u}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestDelayBetweenRequests(t *testing.T) {
	srv := site(t, "User-agent: *\nCrawl-delay: 5\n", map[string]http.HandlerFunc{"/": text("ok")})
	var s sleeps
	o := fast()
	o.Delay = time.Hour
	o.MaxCrawlDelay = 2 * time.Hour
	o.Sleep = s.sleep
	c := newClient(t, o)
	for i := range 2 {
		if _, err := c.Get(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
			t.Fatal(err)
		}
	}
	// robots.txt, page 0, page 1: two waits for the host's turn.
	got := s.list()
	if len(got) != 2 {
		t.Fatalf("waits = %v, want two (before page 0 and before page 1)", got)
	}
	for _, d := range got {
		if d < 59*time.Minute || d > time.Hour {
			t.Errorf("waited %s, want about the 1h delay", d)
		}
	}

	// A Crawl-delay longer than the delay wins, up to the bound.
	var s2 sleeps
	o = fast()
	o.Delay = time.Second
	o.MaxCrawlDelay = time.Minute
	o.Sleep = s2.sleep
	c = newClient(t, o)
	for i := range 2 {
		if _, err := c.Get(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
			t.Fatal(err)
		}
	}
	got = s2.list()
	if len(got) == 0 || got[len(got)-1] < 4*time.Second || got[len(got)-1] > 5*time.Second {
		t.Errorf("waits = %v, want the last about the 5s Crawl-delay", got)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag = `"v1"`
	const lastMod = "Tue, 04 Jun 2024 10:00:00 GMT"
	var full atomic.Int32
	srv := site(t, "", map[string]http.HandlerFunc{"/feed": func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "<rss/>")
	}})
	c := newClient(t, fast())
	ctx := context.Background()
	first, err := c.Get(ctx, Request{URL: srv.URL + "/feed"})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.ETag != etag || first.LastModified != lastMod {
		t.Fatalf("first fetch: not modified %v, validators %q %q", first.NotModified, first.ETag, first.LastModified)
	}
	for _, req := range []Request{
		{URL: srv.URL + "/feed", ETag: first.ETag},
		{URL: srv.URL + "/feed", LastModified: first.LastModified},
	} {
		again, err := c.Get(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if !again.NotModified || len(again.Body) != 0 || again.Status != http.StatusNotModified {
			t.Errorf("conditional fetch %+v: not modified %v, status %d, %d bytes", req, again.NotModified, again.Status, len(again.Body))
		}
		if again.ETag != etag && again.LastModified != lastMod {
			t.Errorf("a 304 lost the validators: %q %q", again.ETag, again.LastModified)
		}
	}
	if n := full.Load(); n != 1 {
		t.Errorf("the server sent the body %d times, want 1", n)
	}
}

func TestGzip(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday. ", 200)
	srv := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("request does not accept gzip: %q", r.Header.Get("Accept-Encoding"))
			fmt.Fprint(w, body)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, body)
		zw.Close()
	}})
	resp, err := newClient(t, fast()).Get(context.Background(), Request{URL: srv.URL + "/page"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != body {
		t.Errorf("body is %d bytes, want the %d decompressed bytes", len(resp.Body), len(body))
	}
}

func TestStallMidBody(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv := site(t, "", map[string]http.HandlerFunc{"/slow": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000")
		w.Write(bytes.Repeat([]byte("x"), 5000))
		w.(http.Flusher).Flush()
		select { // and then nothing
		case <-release:
		case <-r.Context().Done():
		}
	}})
	o := fast()
	o.StallTimeout = 50 * time.Millisecond
	o.MaxAttempts = 1
	_, err := newClient(t, o).Get(context.Background(), Request{URL: srv.URL + "/slow"})
	fe := wantKind(t, err, Slow)
	if !strings.Contains(fe.Error(), "stopped") {
		t.Errorf("message %q does not say the body stopped", fe)
	}
}

func TestNoAnswer(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv := site(t, "", map[string]http.HandlerFunc{"/mute": func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}})
	o := fast()
	o.StallTimeout = 50 * time.Millisecond
	_, err := newClient(t, o).Get(context.Background(), Request{URL: srv.URL + "/mute"})
	wantKind(t, err, Slow)
}

func TestTooLarge(t *testing.T) {
	const fifty = 50 << 20
	var sent atomic.Int64
	chunk := bytes.Repeat([]byte("word "), 64<<10/5)
	stream := func(w http.ResponseWriter, r *http.Request) {
		for n := 0; n < fifty; n += len(chunk) {
			m, err := w.Write(chunk)
			sent.Add(int64(m))
			if err != nil {
				return
			}
		}
	}
	srv := site(t, "", map[string]http.HandlerFunc{
		"/chunked": stream,
		"/announced": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(fifty))
			stream(w, r)
		},
		"/bomb": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			for n := 0; n < fifty; n += len(chunk) {
				if _, err := zw.Write(chunk); err != nil {
					return
				}
			}
			zw.Close()
		},
	})
	o := fast()
	o.MaxSize = 20 << 20
	c := newClient(t, o)
	for _, path := range []string{"/chunked", "/announced", "/bomb"} {
		sent.Store(0)
		resp, err := c.Get(context.Background(), Request{URL: srv.URL + path})
		if resp != nil {
			t.Errorf("%s: got a %d-byte body", path, len(resp.Body))
		}
		fe := wantKind(t, err, TooLarge)
		if !strings.Contains(fe.Error(), "20.0 MB") {
			t.Errorf("%s: message %q does not give the limit", path, fe)
		}
	}
}

func TestRedirects(t *testing.T) {
	srv := site(t, "", map[string]http.HandlerFunc{
		"/a":     func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) },
		"/b":     func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a", http.StatusMovedPermanently) },
		"/start": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/end", http.StatusSeeOther) },
		"/end":   text("arrived"),
		"/chain/": func(w http.ResponseWriter, r *http.Request) {
			var n int
			fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/chain/"), "%d", &n)
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
		},
		"/ftp": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "ftp://example.test/file", http.StatusFound)
		},
	})
	c := newClient(t, fast())
	ctx := context.Background()
	resp, err := c.Get(ctx, Request{URL: srv.URL + "/start"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/start" || resp.FinalURL != srv.URL+"/end" || string(resp.Body) != "arrived" {
		t.Errorf("URL %s, final URL %s, body %q", resp.URL, resp.FinalURL, resp.Body)
	}
	_, err = c.Get(ctx, Request{URL: srv.URL + "/a"})
	fe := wantKind(t, err, RedirectLoop)
	if !strings.Contains(fe.Error(), "loop") {
		t.Errorf("message %q does not say loop", fe)
	}
	_, err = c.Get(ctx, Request{URL: srv.URL + "/chain/0"})
	fe = wantKind(t, err, RedirectLoop)
	if !strings.Contains(fe.Error(), "more than 5 redirects") {
		t.Errorf("message %q does not give the limit", fe)
	}
	_, err = c.Get(ctx, Request{URL: srv.URL + "/ftp"})
	wantKind(t, err, BadURL)
}

func TestRetryAfter(t *testing.T) {
	var calls atomic.Int32
	srv := site(t, "", map[string]http.HandlerFunc{
		"/busy": func(w http.ResponseWriter, r *http.Request) {
			if calls.Add(1) == 1 {
				w.Header().Set("Retry-After", "7")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			fmt.Fprint(w, "at last")
		},
		"/later": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "come back in an hour", http.StatusTooManyRequests)
		},
		"/date": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", time.Now().Add(2*time.Hour).UTC().Format(http.TimeFormat))
			http.Error(w, "come back later", http.StatusServiceUnavailable)
		},
	})
	var s sleeps
	o := fast()
	o.Sleep = s.sleep
	o.Delay = time.Nanosecond
	c := newClient(t, o)
	ctx := context.Background()
	resp, err := c.Get(ctx, Request{URL: srv.URL + "/busy"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "at last" || calls.Load() != 2 {
		t.Errorf("body %q after %d calls", resp.Body, calls.Load())
	}
	if !containsDuration(s.list(), 7*time.Second) {
		t.Errorf("waits %v do not include the 7s Retry-After", s.list())
	}

	for _, path := range []string{"/later", "/date"} {
		_, err = c.Get(ctx, Request{URL: srv.URL + path})
		fe := wantKind(t, err, RateLimited)
		if fe.RetryAfter < time.Hour {
			t.Errorf("%s: RetryAfter = %s", path, fe.RetryAfter)
		}
		if !strings.Contains(fe.Error(), "longer than dossier waits") {
			t.Errorf("%s: message %q", path, fe)
		}
	}
}

func containsDuration(ds []time.Duration, d time.Duration) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

func TestRetryBackoff(t *testing.T) {
	var calls atomic.Int32
	srv := site(t, "", map[string]http.HandlerFunc{
		"/down": func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			http.Error(w, "oops", http.StatusBadGateway)
		},
		"/gone": func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			http.NotFound(w, r)
		},
	})
	var s sleeps
	o := fast()
	o.Sleep = s.sleep
	o.Delay = time.Nanosecond
	o.Backoff = time.Second
	o.MaxAttempts = 4
	c := newClient(t, o)
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/down"})
	fe := wantKind(t, err, Down)
	if fe.Status != http.StatusBadGateway || calls.Load() != 4 {
		t.Errorf("status %d after %d calls, want 502 after 4", fe.Status, calls.Load())
	}
	var backoff []time.Duration
	for _, d := range s.list() {
		if d >= time.Second/2 {
			backoff = append(backoff, d)
		}
	}
	if fmt.Sprint(backoff) != "[1s 2s 4s]" {
		t.Errorf("backoff waits = %v, want [1s 2s 4s]", backoff)
	}
	calls.Store(0)
	_, err = c.Get(context.Background(), Request{URL: srv.URL + "/gone"})
	fe = wantKind(t, err, Down)
	if fe.Status != http.StatusNotFound || calls.Load() != 1 {
		t.Errorf("404: status %d after %d calls, want one call", fe.Status, calls.Load())
	}
}

func TestBadURLs(t *testing.T) {
	c := newClient(t, fast())
	for _, u := range []string{"ftp://example.test/x", "file:///etc/passwd", "javascript:alert(1)", "/relative/path", "http://", "http://a b/"} {
		_, err := c.Get(context.Background(), Request{URL: u})
		wantKind(t, err, BadURL)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"HTTP://Example.TEST:80/a#frag":   "http://example.test/a",
		"https://example.test:443":        "https://example.test/",
		"https://example.test:8443/x?y=1": "https://example.test:8443/x?y=1",
	} {
		got, err := Normalize(in)
		if err != nil || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestDown(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL
	srv.Close() // nothing listens there any more
	_, err := newClient(t, fast()).Get(context.Background(), Request{URL: u + "/x"})
	wantKind(t, err, Down)
	if !strings.Contains(err.Error(), "refused") {
		t.Errorf("message %q does not say the connection was refused", err)
	}
}

func TestCancel(t *testing.T) {
	srv := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := newClient(t, fast()).Get(ctx, Request{URL: srv.URL + "/x"})
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want the context's", err)
	}
}
