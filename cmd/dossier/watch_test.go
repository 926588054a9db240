package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestWatchKilledAndRestarted runs the real binary against a local feed,
// kills it with SIGKILL while it fetches a page — once just after the
// feed was read, once midway through the items — and restarts it. In the
// end every item is stored exactly once, nothing stored is fetched
// again, and the findings of the pages stored before the kill are
// printed by the run that finishes.
func TestWatchKilledAndRestarted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "dossier")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	const items = 6
	var (
		mu      sync.Mutex
		stallAt string
		hits    = map[string]int{}
		bodies  = map[string]int{}
	)
	reached := make(chan string, 16)
	release := make(chan struct{})
	defer close(release)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		stall := r.URL.Path == stallAt
		mu.Unlock()
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/feed.xml":
			const etag = `"feed-v1"`
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			mu.Lock()
			bodies[r.URL.Path]++
			mu.Unlock()
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour notices</title><link>http://harbour.test/</link><description>n</description>`)
			for i := 1; i <= items; i++ {
				fmt.Fprintf(w, "<item><title>Notice %d</title><link>http://%s/n/%d</link><guid>n%d</guid></item>", i, r.Host, i, i)
			}
			fmt.Fprint(w, "</channel></rss>")
		case strings.HasPrefix(r.URL.Path, "/n/"):
			if stall {
				reached <- r.URL.Path
				select { // until the client is killed
				case <-r.Context().Done():
				case <-release:
				}
				return
			}
			n := strings.TrimPrefix(r.URL.Path, "/n/")
			w.Header().Set("Content-Type", "text/html")
			// Every page gives a finding: 5 March 2024 was a Tuesday.
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Notice %s</title></head><body><article><h1>Notice %s</h1>
<p>Berth %s of the harbour of Ostrava Bay closes on Monday 5 March 2024 for repairs, the harbour master Ilse Varga said.</p>
<p>Notice number %s was published by the harbour office.</p></article></body></html>`, n, n, n, n)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	db := filepath.Join(tmp, "watch.db")
	args := []string{"--db", db, "watch", "--once", "--delay", "1ms", srv.URL + "/feed.xml"}
	start := func(stall string) (*exec.Cmd, *bytes.Buffer) {
		mu.Lock()
		stallAt = stall
		mu.Unlock()
		cmd := exec.Command(bin, args...)
		var out bytes.Buffer
		cmd.Stdout = &out
		cmd.Stderr = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &out
	}
	killAt := func(stall string) {
		cmd, out := start(stall)
		select {
		case p := <-reached:
			if p != stall {
				t.Fatalf("stalled at %s, want %s", p, stall)
			}
		case <-time.After(2 * time.Minute): // a safety net, not a timed assertion
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the watch never asked for %s:\n%s", stall, out)
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		cmd.Wait()
	}

	killAt("/n/1") // just after the feed was read
	killAt("/n/4") // after three pages were stored
	cmd, out := start("")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the restarted watch failed: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "weekday-mismatch") {
		t.Errorf("the finishing run printed no findings:\n%s", out)
	}

	docsCmd := exec.Command(bin, "--db", db, "docs", "--json")
	raw, err := docsCmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var docs []struct {
		ID, URL string
	}
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, d := range docs {
		urls = append(urls, strings.TrimPrefix(d.URL, srv.URL))
	}
	sort.Strings(urls)
	if want := "[/n/1 /n/2 /n/3 /n/4 /n/5 /n/6]"; fmt.Sprint(urls) != want {
		t.Errorf("stored pages %v, want each of %s once", urls, want)
	}
	mu.Lock()
	seen, sent := map[string]int{}, bodies["/feed.xml"]
	for k, v := range hits {
		seen[k] = v
	}
	mu.Unlock()
	// Stored pages are not fetched again: the two stalled pages twice,
	// the others once.
	for i := 1; i <= items; i++ {
		p := fmt.Sprintf("/n/%d", i)
		want := 1
		if i == 1 || i == 4 {
			want = 2
		}
		if seen[p] != want {
			t.Errorf("%s asked for %d times, want %d", p, seen[p], want)
		}
	}
	// The feed's items were stored with its ETag: after the first run it
	// is not sent again.
	if seen["/feed.xml"] != 3 || sent != 1 {
		t.Errorf("feed asked for %d times, sent %d times; want 3 and 1", seen["/feed.xml"], sent)
	}

	// And a run after all that has nothing to do.
	again := exec.Command(bin, args...)
	o, err := again.Output()
	if err != nil || len(o) != 0 {
		t.Errorf("a further run: %v, printed %q", err, o)
	}
}
