package server

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-project/dossier/internal/model"
)

// The workspace in a real browser: Debian's chromium, headless, driven
// through the DevTools protocol. Screenshots go to testdata/artifacts
// (ignored by git), or to $DOSSIER_ARTIFACTS.

// browser starts chromium for one test, or skips the test when it is not
// installed (and fails under CI, which installs it).
func browser(t *testing.T) context.Context {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed; .ci/run installs it")
		}
		t.Skip("chromium is not installed (apt-get install chromium)")
	}
	// Chromium keeps its singleton socket in a directory of its own under
	// TMPDIR, which it cannot remove when the test ends it: give it the
	// test's own temporary directory, which the test removes.
	tmp := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Env("TMPDIR=" + tmp),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Start the browser now, without a deadline (a deadline on the first
	// run would stop the browser with it).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs actions with a deadline.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		screenshot(t, ctx, "failed-"+what)
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// screenshot saves the page as a test artifact.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("DOSSIER_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(dir, t.Name()+"-"+name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowserFindingToEvidence opens the findings of the bundled
// example, follows the first finding to its evidence, and checks that
// the page highlights exactly the evidence's words; then does the same
// for every evidence link of the page.
func TestBrowserFindingToEvidence(t *testing.T) {
	ctx := browser(t)
	st := newStore(t, example(t))
	_, ts := newServer(t, st, true)
	want := firstFinding(t, ts.URL)

	step(t, ctx, "open findings", chromedp.Navigate(ts.URL+"/findings"), chromedp.WaitVisible(chromedp.CSS("article.finding")))
	screenshot(t, ctx, "findings")
	if got := eval[string](t, ctx, `document.querySelector("article.finding .summary").textContent`); got != want.Summary {
		t.Errorf("first finding on the page: %q, want %q", got, want.Summary)
	}
	step(t, ctx, "follow the evidence", chromedp.Click(chromedp.CSS("article.finding a.ev-link")), chromedp.WaitVisible(chromedp.CSS("#text .hl")))
	screenshot(t, ctx, "evidence")
	loc := eval[string](t, ctx, `location.pathname + location.hash`)
	ev := want.Evidence[0]
	if !strings.HasPrefix(loc, "/doc/"+ev.Doc) {
		t.Errorf("the evidence link went to %s", loc)
	}
	highlighted := `Array.from(document.querySelectorAll("#text .hl")).map(e => e.textContent).join("")`
	if got := eval[string](t, ctx, highlighted); got != ev.Text {
		t.Errorf("highlighted %q, want the evidence %q", got, ev.Text)
	}
	if eval[bool](t, ctx, `(() => { const r = document.querySelector("#text .hl").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`) != true {
		t.Errorf("the highlighted evidence is not scrolled into view")
	}
	// Every evidence of every finding, through the hash alone.
	var all []model.Finding
	_, body := get(t, http.DefaultClient, ts.URL+"/api/findings")
	if err := json.Unmarshal([]byte(body), &all); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range all {
		for _, e := range f.Evidence {
			step(t, ctx, "open evidence", chromedp.Navigate(ts.URL+evidenceLink(e)), chromedp.WaitVisible(chromedp.CSS("#text .hl")))
			if got := eval[string](t, ctx, highlighted); got != e.Text {
				t.Errorf("%s: highlighted %q, want %q", evidenceLink(e), got, e.Text)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d evidence spans checked", checked)
	}
}

// TestBrowserUpload adds a document through the add page and sees it
// appear.
func TestBrowserUpload(t *testing.T) {
	ctx := browser(t)
	st := newStore(t, example(t))
	_, ts := newServer(t, st, false)
	file := filepath.Join(t.TempDir(), "bridge.txt")
	if err := os.WriteFile(file, []byte("Harlow bridge deal approved\n\nBy Tova Renn\n\nOn 3 March 2024 the council approved the bridge contract, Mayor Ilse Varga said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "open the add page", chromedp.Navigate(ts.URL+"/add"), chromedp.WaitVisible(chromedp.ID("add-form")))
	step(t, ctx, "fill the form",
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}),
		chromedp.SendKeys(chromedp.ID("token"), testToken))
	screenshot(t, ctx, "form")
	step(t, ctx, "upload", chromedp.Click(chromedp.CSS(`#add-form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("#result ul.added a")))
	screenshot(t, ctx, "added")
	if got := eval[string](t, ctx, `document.querySelector("#result ul.added a").textContent`); got != "Harlow bridge deal approved" {
		t.Errorf("added: %q", got)
	}
	step(t, ctx, "open the document", chromedp.Click(chromedp.CSS("#result ul.added a")), chromedp.WaitVisible(chromedp.ID("text")))
	if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "Harlow bridge deal approved" {
		t.Errorf("the document's page: %q", got)
	}
	step(t, ctx, "list the documents", chromedp.Navigate(ts.URL+"/docs"), chromedp.WaitVisible(chromedp.CSS("table")))
	if !eval[bool](t, ctx, `document.body.textContent.includes("Harlow bridge deal approved")`) {
		t.Errorf("the document list does not show the new document")
	}
	// A wrong token is refused, and says so.
	step(t, ctx, "upload with a wrong token", chromedp.Navigate(ts.URL+"/add"), chromedp.WaitVisible(chromedp.ID("add-form")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}),
		chromedp.SendKeys(chromedp.ID("token"), "not-the-token"),
		chromedp.Click(chromedp.CSS(`#add-form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("#result ul.error")))
	if got := eval[string](t, ctx, `document.querySelector("#result ul.error").textContent`); !strings.Contains(got, "wrong token") {
		t.Errorf("wrong token: %q", got)
	}
}

// TestBrowserHostileDocument opens every page that shows a document whose
// title and quotes hold <script> and "><img onerror=…>, and checks that
// no script of the document ran and that its text is shown as text.
func TestBrowserHostileDocument(t *testing.T) {
	ctx := browser(t)
	st := newStore(t, map[string][]byte{"hostile.txt": []byte(hostile)})
	_, ts := newServer(t, st, true)
	docs, _, err := st.ListDocuments(context.Background(), 0, 0)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	id := docs[0].ID
	pages := []string{"/docs", "/doc/" + id, "/findings", "/timeline", "/people", "/search?q=script", "/search?q=onerror"}
	var quotes []model.Quote
	_, body := get(t, http.DefaultClient, ts.URL+"/api/quotes")
	if err := json.Unmarshal([]byte(body), &quotes); err != nil || len(quotes) == 0 {
		t.Fatalf("quotes: %v %s", err, body)
	}
	for _, q := range quotes {
		pages = append(pages, "/quote/"+q.ID)
	}
	for i, p := range pages {
		step(t, ctx, "open "+p, chromedp.Navigate(ts.URL+p), chromedp.WaitReady(chromedp.CSS("main")))
		// Give an image's error handler time to fire, had one been made.
		time.Sleep(200 * time.Millisecond)
		if ran := eval[bool](t, ctx, `window.__xss !== undefined`); ran {
			t.Errorf("%s: the document's script ran (window.__xss = %v)", p, eval[any](t, ctx, `window.__xss`))
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("main img, main script").length`); n != 0 {
			t.Errorf("%s: the document's text made %d elements", p, n)
		}
		if i == 1 {
			screenshot(t, ctx, "hostile-document")
			if !eval[bool](t, ctx, `document.getElementById("text").textContent.includes("<script>window.__xss=3</script>")`) {
				t.Errorf("the reader does not show the quote's tag as text")
			}
			if !strings.Contains(eval[string](t, ctx, `document.title`), "<script>") {
				t.Errorf("the page's title does not show the document's title as text")
			}
		}
	}
}
