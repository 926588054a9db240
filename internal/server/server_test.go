package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func testPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// hostile is an article whose title and quotes try to run a script.
const hostile = `<script>window.__xss = 1</script> Mayor's "><img src=x onerror="window.__xss=2"> budget

By Tova Renn, Harlow Ledger

On 3 March 2024 Mayor Ilse Varga said: "<script>window.__xss=3</script> The budget is final." She added that "\"><img src=x onerror=window.__xss=4> nothing will change".

The council met on 4 March 2024, a clerk who asked not to be named said.
`

// example are the bundled example's files.
func example(t testing.TB) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	paths, _ := filepath.Glob("../../examples/nato-libya/*")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = b
	}
	return files
}

// newStore makes a store of the given files (name → bytes; sidecars
// apply) and checks it as a whole.
func newStore(t testing.TB, files map[string][]byte) store.Store {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := store.Open(ctx, filepath.Join(dir, "test.db"), store.WithHighlight(MarkStart, MarkEnd))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := testPipeline(t)
	paths, bad := ingest.Expand([]string{dir})
	if len(bad) > 0 {
		t.Fatal(bad)
	}
	for _, path := range paths {
		docs, err := ingest.File(ctx, path, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		as := make([]*model.Analysis, len(docs))
		for i, d := range docs {
			if as[i], err = p.Document(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.AddDocuments(ctx, docs, as); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.Pass(ctx, st, pipeline.PassOptions{}); err != nil {
		t.Fatal(err)
	}
	return st
}

const testToken = "token-for-tests"

func newServer(t testing.TB, st store.Store, readOnly bool) (*Server, *httptest.Server) {
	t.Helper()
	srv, err := New(Options{Store: st, Pipeline: testPipeline(t), ReadOnly: readOnly, Token: testToken, MaxUpload: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts
}

func get(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func firstFinding(t *testing.T, base string) model.Finding {
	t.Helper()
	_, body := get(t, http.DefaultClient, base+"/api/findings?limit=1")
	var fs []model.Finding
	if err := json.Unmarshal([]byte(body), &fs); err != nil || len(fs) != 1 {
		t.Fatalf("findings: %v %s", err, body)
	}
	return fs[0]
}

// TestPagesAndHeaders opens every page and checks that it answers, with
// the security headers, and that the example's findings are listed.
func TestPagesAndHeaders(t *testing.T) {
	st := newStore(t, example(t))
	_, ts := newServer(t, st, false)
	f := firstFinding(t, ts.URL)
	quoteID := ""
	_ = st.ForEachQuote(context.Background(), store.QuoteQuery{}, func(q model.Quote) error {
		if quoteID == "" && q.Primary != nil {
			quoteID = q.ID
		}
		return nil
	})
	if quoteID == "" {
		t.Fatal("the example has no verified quote")
	}
	for _, c := range []struct {
		path   string
		status int
		want   string
	}{
		{"/findings", 200, f.Summary[:40]},
		{"/findings?severity=high", 200, "announced-before-decision"},
		{"/findings?severity=dire", 400, "unknown severity"},
		{"/docs", 200, "transcript"},
		{"/doc/" + f.Evidence[0].Doc, 200, `data-s="0"`},
		{"/doc/" + f.Evidence[0].Doc[:8], 302, ""},
		{"/doc/ffffffffffff", 404, "not found"},
		{"/quote/" + url.PathEscape(quoteID), 200, "The record"},
		{"/quote/nope", 404, "no quote"},
		{"/timeline", 200, `class="timeline"`},
		{"/people", 200, "IGOWSTNAT"},
		{"/search?q=%22security+sector%22", 200, "<mark>"},
		{"/search?q=-", 200, "could not be run"},
		{"/add", 200, `name="csrf"`},
		{"/static/app.js", 200, "highlight"},
		{"/api/findings", 200, `"evidence"`},
		{"/api/docs", 200, `"speakers"`},
		{"/api/quotes", 200, `"verdict"`},
		{"/api/events", 200, `"cameo"`},
		{"/api/timeline", 200, `"precision"`},
		{"/api/people", 200, `"mentions"`},
		{"/api/search?q=Libya", 200, `"snippet"`},
		{"/api/search", 400, "no query"},
		{"/api/docs/nope", 404, "not found"},
		{"/api/status", 200, `"checked": true`},
	} {
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, body := get(t, client, ts.URL+c.path)
		if resp.StatusCode != c.status || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d, want %d and %q in:\n%.400s", c.path, resp.StatusCode, c.status, c.want, body)
		}
		h := resp.Header
		if h.Get("Content-Security-Policy") == "" || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("GET %s: security headers missing: %v", c.path, h)
		}
	}
}

// TestEscaping checks that a document's text reaches every page escaped:
// no tag of the document is in any page's HTML, whatever the CSP would
// have stopped.
func TestEscaping(t *testing.T) {
	st := newStore(t, map[string][]byte{"hostile.txt": []byte(hostile)})
	_, ts := newServer(t, st, false)
	docs, _, err := st.ListDocuments(context.Background(), 0, 0)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	id := docs[0].ID
	if !strings.Contains(docs[0].Title, "<script>") {
		t.Fatalf("the title lost its tag: %q", docs[0].Title)
	}
	var quotes []string
	_ = st.ForEachQuote(context.Background(), store.QuoteQuery{}, func(q model.Quote) error { quotes = append(quotes, q.ID); return nil })
	if len(quotes) == 0 {
		t.Fatal("no quotes found in the hostile document")
	}
	pages := []string{"/docs", "/doc/" + id, "/findings", "/timeline", "/people", "/search?q=script", "/search?q=onerror"}
	for _, q := range quotes {
		pages = append(pages, "/quote/"+url.PathEscape(q))
	}
	bad := regexp.MustCompile(`(?i)<script>window|<img src=x`)
	for _, p := range pages {
		resp, body := get(t, http.DefaultClient, ts.URL+p)
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, resp.StatusCode)
		}
		if m := bad.FindString(body); m != "" {
			t.Errorf("GET %s: the document's %q is in the page unescaped", p, m)
		}
		if strings.Contains(body, "<script>") && !strings.Contains(body, `<script src="/static/app.js" defer></script>`) {
			t.Errorf("GET %s: a script tag that is not ours", p)
		}
	}
	if _, body := get(t, http.DefaultClient, ts.URL+"/doc/"+id); !strings.Contains(body, "&lt;script&gt;window.__xss") {
		t.Errorf("the reader does not show the text's tag as text")
	}
}

func multipartBody(t *testing.T, fields map[string]string, files map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	for name, data := range files {
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write([]byte(data))
	}
	_ = w.Close()
	return &b, w.FormDataContentType()
}

func waitJob(t *testing.T, base, id string) job {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		_, body := get(t, http.DefaultClient, base+"/api/jobs/"+id)
		var j job
		if err := json.Unmarshal([]byte(body), &j); err != nil {
			t.Fatalf("job: %v %s", err, body)
		}
		if j.State == "done" || j.State == "failed" {
			return j
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the job did not finish")
	return job{}
}

// TestWrites checks what a write needs: the token, the CSRF token of a
// form, a request from this site, a size within the limit, a server
// that is not read-only; and that a good upload is added and checked.
func TestWrites(t *testing.T) {
	st := newStore(t, example(t))
	_, ts := newServer(t, st, false)
	article := "Harlow bridge deal\n\nBy Tova Renn\n\nOn 3 March 2024 the council approved the bridge contract, Mayor Ilse Varga said.\n"

	// A CSRF token and its cookie, as the add page gives them.
	jar := &cookieJar{}
	client := &http.Client{Jar: jar}
	_, page := get(t, client, ts.URL+"/add")
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the add page")
	}
	csrf := m[1]

	base := ts.URL
	post := func(c *http.Client, fields map[string]string, files map[string]string, header map[string]string) (*http.Response, string) {
		body, ctype := multipartBody(t, fields, files)
		req, _ := http.NewRequest("POST", base+"/api/add", body)
		req.Header.Set("Content-Type", ctype)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	files := map[string]string{"bridge.txt": article}
	for _, c := range []struct {
		name   string
		client *http.Client
		fields map[string]string
		header map[string]string
		files  map[string]string
		status int
		want   string
	}{
		{"no token", client, map[string]string{"csrf": csrf}, nil, files, 403, "wrong token"},
		{"wrong token", client, map[string]string{"csrf": csrf, "token": "guess-guess"}, nil, files, 403, "wrong token"},
		{"no CSRF token", client, map[string]string{"token": testToken}, nil, files, 403, "expired"},
		{"CSRF token without its cookie", http.DefaultClient, map[string]string{"token": testToken, "csrf": csrf}, nil, files, 403, "expired"},
		{"forged CSRF token", &http.Client{Jar: &cookieJar{cookies: []*http.Cookie{{Name: csrfCookie, Value: "00.00"}}}}, map[string]string{"token": testToken, "csrf": "00.00"}, nil, files, 403, "expired"},
		{"from another site", client, map[string]string{"csrf": csrf, "token": testToken}, map[string]string{"Sec-Fetch-Site": "cross-site"}, files, 403, "own pages"},
		{"bearer, wrong", http.DefaultClient, nil, map[string]string{"Authorization": "Bearer nope-nope"}, files, 403, "wrong token"},
		{"too large", client, map[string]string{"csrf": csrf, "token": testToken}, nil, map[string]string{"big.txt": strings.Repeat("word ", 300000)}, 400, "larger than the limit"},
		{"nothing", client, map[string]string{"csrf": csrf, "token": testToken}, nil, nil, 400, "nothing to add"},
	} {
		resp, body := post(c.client, c.fields, c.files, c.header)
		if resp.StatusCode != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s, want %d and %q", c.name, resp.StatusCode, body, c.status, c.want)
		}
	}
	if n, _, _ := st.ListDocuments(context.Background(), 0, 0); len(n) != 2 {
		t.Fatalf("a refused write added documents: %d", len(n))
	}

	resp, body := post(client, map[string]string{"csrf": csrf, "token": testToken}, files, nil)
	if resp.StatusCode != 202 {
		t.Fatalf("good upload: %d %s", resp.StatusCode, body)
	}
	var j job
	_ = json.Unmarshal([]byte(body), &j)
	j = waitJob(t, ts.URL, j.ID)
	if j.State != "done" || len(j.Added) != 1 || j.Added[0].Title != "Harlow bridge deal" || len(j.Errors) != 0 {
		t.Fatalf("job: %+v", j)
	}
	if ok, why, err := pipeline.Fresh(context.Background(), st, pipeline.Options{}, false); err != nil || !ok {
		t.Errorf("after an upload the dossier is not checked: %s %v", why, err)
	}
	// The same again, by API token: already stored.
	resp, body = post(http.DefaultClient, nil, files, map[string]string{"Authorization": "Bearer " + testToken})
	if resp.StatusCode != 202 {
		t.Fatalf("upload by API: %d %s", resp.StatusCode, body)
	}
	_ = json.Unmarshal([]byte(body), &j)
	if j = waitJob(t, ts.URL, j.ID); len(j.Unchanged) != 1 || len(j.Added) != 0 {
		t.Errorf("re-upload: %+v", j)
	}

	// Read-only: nothing writes, and the page offers no form.
	_, ro := newServer(t, st, true)
	base = ro.URL
	resp, body = post(http.DefaultClient, nil, files, map[string]string{"Authorization": "Bearer " + testToken})
	if resp.StatusCode != 403 || !strings.Contains(body, "read-only") {
		t.Errorf("read-only upload: %d %s", resp.StatusCode, body)
	}
	_, roPage := get(t, http.DefaultClient, ro.URL+"/add")
	if strings.Contains(roPage, `href="/add"`) {
		t.Errorf("a read-only workspace links to the add page")
	}
}

// cookieJar is a jar for one test server.
type cookieJar struct {
	mu      sync.Mutex
	cookies []*http.Cookie
}

func (j *cookieJar) SetCookies(_ *url.URL, cs []*http.Cookie) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.cookies = append(j.cookies, cs...)
}

func (j *cookieJar) Cookies(*url.URL) []*http.Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.cookies
}

func TestSegments(t *testing.T) {
	text := "Ann Ruiz said “yes” on 3 May."
	marks := []mark{
		{start: 0, end: 8, class: "pe"},
		{start: 14, end: 23, class: "q q-verbatim", quote: "q1"},
		{start: 18, end: 99, class: "bad"},   // out of range
		{start: 15, end: 17, class: "split"}, // inside “: not a character boundary
		{start: 27, end: 32, class: "tx"},
	}
	segs := segments(text, marks)
	var b strings.Builder
	for i, s := range segs {
		if i > 0 && s.Start != segs[i-1].Start+len(segs[i-1].Text) {
			t.Errorf("segment %d starts at %d", i, s.Start)
		}
		b.WriteString(s.Text)
		if strings.Contains(s.Class, "bad") || strings.Contains(s.Class, "split") {
			t.Errorf("a bad span was kept: %+v", s)
		}
	}
	if b.String() != text {
		t.Errorf("segments give %q", b.String())
	}
	classOf := func(sub string) segment {
		for _, s := range segs {
			if s.Text == sub {
				return s
			}
		}
		t.Fatalf("no segment %q in %+v", sub, segs)
		return segment{}
	}
	if s := classOf("Ann Ruiz"); s.Class != "pe" {
		t.Errorf("person: %+v", s)
	}
	if s := classOf("“yes”"); s.Class != "q q-verbatim" || s.Quote != "q1" {
		t.Errorf("quote: %+v", s)
	}
	if s := classOf("3 May"); s.Class != "tx" {
		t.Errorf("date: %+v", s)
	}
}

func TestDiffParts(t *testing.T) {
	got := diffParts("we [-will-] {+shall+} act [-now-] … {+today+}")
	want := []diffPart{{Text: "we "}, {Text: "will", Del: true}, {Text: " "}, {Text: "shall", Ins: true}, {Text: " act "}, {Text: "now", Del: true}, {Text: " … "}, {Text: "today", Ins: true}}
	if !equalParts(got, want) {
		t.Errorf("diffParts = %+v", got)
	}
	if got := diffParts("a [b] {c} [-x"); len(got) == 0 || got[len(got)-1].Del {
		t.Errorf("unclosed: %+v", got)
	}
}

func equalParts(a, b []diffPart) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "0.0.0.0:8080": false, ":8080": false, "192.0.2.1:80": false} {
		if IsLoopback(addr) != want {
			t.Errorf("IsLoopback(%q) = %v", addr, !want)
		}
	}
}

// TestSegmentsHTMLEscapes checks the one piece of HTML the server writes
// without a template.
func TestSegmentsHTMLEscapes(t *testing.T) {
	got := string(segmentsHTML([]segment{{Start: 3, Text: `<b>"&'`, Class: `q" onclick="x`, Quote: `"><i>`}}))
	want := `<span data-s="3" class="q&#34; onclick=&#34;x" data-q="&#34;&gt;&lt;i&gt;">&lt;b&gt;&#34;&amp;&#39;</span>`
	if got != want {
		t.Errorf("segmentsHTML:\n got %s\nwant %s", got, want)
	}
}

func TestPageCache(t *testing.T) {
	c := newPageCache(100)
	c.put("a", "g1", []byte("0123456789"))
	if b, ok := c.get("a", "g1"); !ok || string(b) != "0123456789" {
		t.Errorf("get a: %q %v", b, ok)
	}
	if _, ok := c.get("a", "g2"); ok {
		t.Error("a page of another generation was served")
	}
	if _, ok := c.get("a", "g1"); ok {
		t.Error("a page of an old generation was kept")
	}
	for i := 0; i < 30; i++ {
		c.put(strconv.Itoa(i), "g", []byte("0123456789"))
		if c.size > c.max {
			t.Fatalf("cache holds %d bytes, more than %d", c.size, c.max)
		}
	}
	if _, ok := c.get("29", "g"); !ok {
		t.Error("the newest page was dropped")
	}
	if _, ok := c.get("0", "g"); ok {
		t.Error("the oldest page was kept past the limit")
	}
	c.put("big", "g", make([]byte, 60))
	if _, ok := c.get("big", "g"); ok {
		t.Error("a page larger than an eighth of the cache was kept")
	}
}
