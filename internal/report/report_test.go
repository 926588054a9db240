package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

const councilText = "Mayor Ruiz said on the morning of 3 March that the council had approved the bridge contract.\n\nThe council voted on the contract that afternoon."

func sample() *Report {
	doc := &model.Document{ID: "abcdef0123456789", Path: "council.txt", Title: "Bridge <contract>", Kind: model.KindArticle,
		Date: time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC), DateSource: model.DateFromFlag, Text: councilText}
	span := func(sub string) model.Evidence {
		i := strings.Index(councilText, sub)
		return model.Evidence{Doc: doc.ID, Start: i, End: i + len(sub), Text: sub}
	}
	return &Report{
		Documents: []*model.Document{doc},
		Findings: []model.Finding{{
			Kind: "announced-before-decision", Severity: model.SeverityHigh,
			Summary:  "The mayor announced the contract on the morning of 3 March; the council voted that afternoon.",
			Evidence: []model.Evidence{span("on the morning of 3 March"), span("that afternoon")},
		}},
		Timeline: []model.TimelineEntry{{Date: "2021-03-03", PartOfDay: "morning", Summary: "Mayor announces", Docs: []string{doc.ID}}},
		Quotes:   []model.Quote{{Doc: doc.ID, Speaker: "Ruiz", Verdict: "no-primary-record", Contents: []model.Span{{Text: "the council had approved"}}}},
		Events:   []model.Event{{ID: "e1", Doc: doc.ID, PLOVER: "CONSULT", CAMEO: "040", Source: model.Participant{Span: model.Span{Text: "The council"}}}},
	}
}

func TestSectionsInOrder(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer, *Report) error{
		"text":     func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) },
		"markdown": func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) },
		"html":     func(b *bytes.Buffer, r *Report) error { return WriteHTML(b, r) },
	} {
		var b bytes.Buffer
		if err := write(&b, sample()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out := strings.ToLower(b.String())
		last := -1
		for _, sec := range []string{"documents", "findings", "timeline", "quotes", "events"} {
			i := strings.Index(out, sec+" (")
			if i < 0 {
				t.Errorf("%s: no %s section", name, sec)
				continue
			}
			if i < last {
				t.Errorf("%s: section %s out of order", name, sec)
			}
			last = i
		}
		if !strings.Contains(out, "announced-before-decision") {
			t.Errorf("%s: the finding is missing", name)
		}
	}
}

var hrefRE = regexp.MustCompile(`href="#([^"]+)"`)

func TestHTMLIsSelfContainedAndLinksResolve(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, sample()); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, external := range []string{"<script src", "<link ", "http://", "https://", "@import"} {
		if strings.Contains(page, external) {
			t.Errorf("HTML report is not self-contained: contains %q", external)
		}
	}
	if strings.Contains(page, "<contract>") {
		t.Errorf("title was not escaped")
	}
	checkLinks(t, page)
	if !strings.Contains(page, "<mark>on the morning of 3 March</mark>") {
		t.Errorf("evidence is not highlighted in the page")
	}
}

// checkLinks asserts that every in-page link has a target.
func checkLinks(t *testing.T, page string) {
	t.Helper()
	links := hrefRE.FindAllStringSubmatch(page, -1)
	if len(links) == 0 {
		t.Fatalf("no evidence links in the page")
	}
	for _, m := range links {
		if !strings.Contains(page, `id="`+m[1]+`"`) {
			t.Errorf("link #%s has no target", m[1])
		}
	}
}

// TestHTMLInChromium renders the report in headless Chromium and checks
// the DOM the browser built: the findings, the highlighted evidence and
// the link targets survive parsing.
func TestHTMLInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed; .ci/run installs it")
		}
		t.Skip("chromium not installed")
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteHTML(&b, sample()); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-`) {
		t.Fatalf("the page carries no strict Content-Security-Policy")
	}
	render := func(name, page string) (string, string) {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		// With console logging on, Chromium writes every Content Security
		// Policy violation to stderr.
		cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--enable-logging=stderr", "--v=0",
			"--user-data-dir="+filepath.Join(dir, "profile-"+name), "--dump-dom", "file://"+file)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, stderr.String())
		}
		return string(out), stderr.String()
	}
	// The check can fail: a page whose style sheet no longer matches the
	// listed hash is reported as a violation.
	_, logs := render("tampered.html", strings.Replace(page, "mark{background:#ffe066", "mark{background:#ffe067", 1))
	if !strings.Contains(logs, "Content Security Policy") {
		t.Fatalf("a style sheet that does not match the policy's hash was not reported; the check cannot see violations:\n%s", logs)
	}
	dom, logs := render("report.html", page)
	if strings.Contains(logs, "Content Security Policy") {
		t.Errorf("the report violates its own Content-Security-Policy:\n%s", logs)
	}
	if !strings.Contains(dom, "announced-before-decision") || !strings.Contains(dom, "<mark>on the morning of 3 March</mark>") {
		t.Fatalf("the rendered DOM lacks the finding or its highlighted evidence:\n%s", dom)
	}
	if !strings.Contains(dom, "<svg") || !strings.Contains(dom, "<circle") {
		t.Errorf("the rendered DOM has no timeline drawing")
	}
	checkLinks(t, dom)
}
