package ingest

import (
	"context"
	"errors"
	"github.com/dossier-project/dossier/data"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// checkSpans fails when a turn span does not round-trip to the text.
func checkSpans(t *testing.T, d *model.Document) {
	t.Helper()
	for i, tr := range d.Turns {
		for _, s := range []model.Span{tr.Label, tr.Content} {
			if err := s.Check(d.Text); err != nil {
				t.Errorf("%s turn %d: %v", d.Path, i, err)
			}
		}
		if tr.Content.Empty() {
			t.Errorf("%s turn %d: empty content", d.Path, i)
		}
		if tr.Speaker >= len(d.Speakers) {
			t.Errorf("%s turn %d: speaker %d out of range", d.Path, i, tr.Speaker)
		}
	}
}

func ingestOne(t *testing.T, path string, opt Options) *model.Document {
	t.Helper()
	docs, err := File(context.Background(), path, opt)
	if err != nil {
		t.Fatalf("File(%s): %v", path, err)
	}
	if len(docs) != 1 {
		t.Fatalf("File(%s): %d documents, want 1", path, len(docs))
	}
	checkSpans(t, docs[0])
	return docs[0]
}

func TestGoldenExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "nato-libya")

	d := ingestOne(t, filepath.Join(dir, "nato-libya-joint-press-conference.txt"), Options{})
	if d.Kind != model.KindTranscript {
		t.Errorf("kind = %q, want transcript", d.Kind)
	}
	if d.DateString() != "2013-05-27" || d.DateSource != model.DateFromSidecar {
		t.Errorf("date = %q from %q, want 2013-05-27 from sidecar", d.DateString(), d.DateSource)
	}
	if d.Publisher != "NATO" {
		t.Errorf("publisher = %q, want NATO", d.Publisher)
	}
	if d.Title != "Libya Asks NATO to Help Build Security Sector" {
		t.Errorf("title = %q", d.Title)
	}
	want := []model.Speaker{
		{Name: "Ali Zeidan", Role: "Prime Minister", Organization: "Libya"},
		{Name: "Riad Walid", Role: "journalist", Organization: "the Official Libyan Information", Questioner: true},
		{Name: "Anders Fogh Rasmussen", Role: "Secretary General", Organization: "NATO"},
	}
	if len(d.Speakers) != len(want) {
		t.Fatalf("speakers = %+v, want %d", d.Speakers, len(want))
	}
	for i, w := range want {
		g := d.Speakers[i]
		if g.Name != w.Name || g.Role != w.Role || g.Organization != w.Organization || g.Questioner != w.Questioner {
			t.Errorf("speaker %d = %+v, want %+v", i, g, w)
		}
	}
	if len(d.Turns) != 4 {
		t.Fatalf("turns = %d, want 4", len(d.Turns))
	}
	wantTurns := []struct {
		speaker  int
		label    string
		question bool
		starts   string
		ends     string
	}{
		{0, "From Ali Zeidan, NATO", false, "Thank you to NATO", "Mister Secretary General. . . ."},
		{1, "Q", true, "Riad Walid (sp?)", "given by NATO to Libya."},
		{0, "ALI ZEIDAN", false, "NATO will give us", "if we need to."},
		{2, "ANDERS FOGH RASMUSSEN (NATO Secretary General)", false, "May I just add", "of the Libyan Government."},
	}
	for i, w := range wantTurns {
		tr := d.Turns[i]
		if tr.Speaker != w.speaker || tr.Label.Text != w.label || tr.Question != w.question ||
			!strings.HasPrefix(tr.Content.Text, w.starts) || !strings.HasSuffix(tr.Content.Text, w.ends) {
			t.Errorf("turn %d = speaker %d label %q question %v content %.40q…%q", i, tr.Speaker, tr.Label.Text, tr.Question, tr.Content.Text, tail(tr.Content.Text, 30))
		}
	}
	// The caption and image credit after the last turn are not speech.
	if last := d.Turns[3].Content.Text; strings.Contains(last, "photo") || strings.Contains(last, "Image:") {
		t.Errorf("last turn includes the caption: %q", tail(last, 80))
	}

	a := ingestOne(t, filepath.Join(dir, "natowatch-nato-returns-to-libya.txt"), Options{})
	if a.Kind != model.KindArticle {
		t.Errorf("article kind = %q", a.Kind)
	}
	if a.Title != "NATO returns to Libya but not in a combat role" {
		t.Errorf("article title = %q", a.Title)
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Nigel Chamberlain" {
		t.Errorf("article authors = %q", a.Authors)
	}
	if a.Publisher != "NATO Watch" {
		t.Errorf("article publisher = %q", a.Publisher)
	}
	if !a.Date.IsZero() || a.DateSource != "" {
		t.Errorf("article date = %q from %q, want none", a.DateString(), a.DateSource)
	}
	if len(a.Turns) != 0 || len(a.Speakers) != 0 {
		t.Errorf("article has turns/speakers: %d/%d", len(a.Turns), len(a.Speakers))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

type wantSpeaker struct {
	name, role, org string
	questioner      bool
}

func TestTestdata(t *testing.T) {
	tests := []struct {
		file      string
		docs      int
		kind      model.Kind
		format    string
		title     string
		date      string
		source    string
		authors   []string
		publisher string
		url       string
		speakers  []wantSpeaker
		turns     int
	}{
		{
			file: "council-press-conference.txt", docs: 1, kind: model.KindTranscript, format: "text",
			title: "Riverton Council Briefing on the Flood Defence Plan",
			date:  "2025-02-04", source: model.DateFromHeader,
			speakers: []wantSpeaker{
				{"Jane Whitfield", "Mayor", "", false},
				{"Samuel Okafor", "Chair", "Transport Committee", false},
				{"Tom Baines", "journalist", "Riverton Radio", true},
				{"unidentified questioner", "journalist", "", true},
			},
			turns: 6,
		},
		{
			file: "au-summit-transcript.txt", docs: 1, kind: model.KindTranscript, format: "text",
			title: "Press Briefing on the Outcome of the Peace and Security Summit",
			date:  "2024-03-12", source: model.DateFromDateline,
			speakers: []wantSpeaker{
				{"Moderator", "moderator", "", false},
				{"Moussa Keita", "Chairperson", "Commission", false},
				{"Lina Haddad", "journalist", "Pan-African Wire", true},
				{"Grace Njeri", "Commissioner", "", false},
				{"unidentified questioner", "journalist", "", true},
			},
			turns: 6,
		},
		{
			file: "statement.txt", docs: 1, kind: model.KindStatement, format: "text",
			title: "Statement by the Spokesperson on the Elections in Westland",
			date:  "2024-10-03", source: model.DateFromDateline,
		},
		{
			file: "article.md", docs: 1, kind: model.KindArticle, format: "markdown",
			title: "Port authority delays the new container terminal",
			date:  "2024-07-18", source: model.DateFromHeader,
			authors: []string{"Maria Lopes", "Ken Ito"}, publisher: "Harbour Gazette",
		},
		{
			file: "article.html", docs: 1, kind: model.KindArticle, format: "html",
			title: "Water board raises tariffs for the first time in a decade",
			date:  "2024-09-17", source: model.DateFromMeta,
			authors: []string{"Priya Raman"}, publisher: "Lakeside Courier",
			url: "https://courier.example.com/news/water-tariffs",
		},
		{
			file: "feed.rss", docs: 3, kind: model.KindArticle, format: "feed-item",
			title: "Hospital opens new maternity wing",
			date:  "2024-05-06", source: model.DateFromMeta,
			authors: []string{"Ana Silva"}, publisher: "Valley Times",
			url: "https://valley.example.com/hospital-wing",
		},
		{
			file: "feed.atom", docs: 2, kind: model.KindArticle, format: "feed-item",
			title: "Ferry service resumes after storm",
			date:  "2024-06-01", source: model.DateFromMeta,
			authors: []string{"Joe Marsh"}, publisher: "Coastal Observer",
			url: "https://coast.example.org/ferry",
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			docs, err := File(context.Background(), filepath.Join("testdata", tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != tc.docs {
				t.Fatalf("%d documents, want %d", len(docs), tc.docs)
			}
			for _, d := range docs {
				checkSpans(t, d)
				if len(d.ID) != 64 {
					t.Errorf("id %q", d.ID)
				}
			}
			d := docs[0]
			if d.Kind != tc.kind || d.Format != tc.format || d.Title != tc.title {
				t.Errorf("kind/format/title = %q/%q/%q, want %q/%q/%q", d.Kind, d.Format, d.Title, tc.kind, tc.format, tc.title)
			}
			if d.DateString() != tc.date || d.DateSource != tc.source {
				t.Errorf("date = %q from %q, want %q from %q", d.DateString(), d.DateSource, tc.date, tc.source)
			}
			if strings.Join(d.Authors, "|") != strings.Join(tc.authors, "|") || d.Publisher != tc.publisher || d.URL != tc.url {
				t.Errorf("authors/publisher/url = %q/%q/%q, want %q/%q/%q", d.Authors, d.Publisher, d.URL, tc.authors, tc.publisher, tc.url)
			}
			if len(d.Speakers) != len(tc.speakers) {
				t.Fatalf("speakers = %+v, want %+v", d.Speakers, tc.speakers)
			}
			for i, w := range tc.speakers {
				g := d.Speakers[i]
				if g.Name != w.name || g.Role != w.role || g.Organization != w.org || g.Questioner != w.questioner {
					t.Errorf("speaker %d = %+v, want %+v", i, g, w)
				}
			}
			if len(d.Turns) != tc.turns {
				t.Errorf("turns = %d, want %d", len(d.Turns), tc.turns)
			}
		})
	}
}

func TestTranscriptDetails(t *testing.T) {
	d := ingestOne(t, filepath.Join("testdata", "council-press-conference.txt"), Options{})
	last := d.Turns[len(d.Turns)-1]
	if last.Content.Text != "By the end of next year." {
		t.Errorf("last turn = %q; captions after the last turn must be cut", last.Content.Text)
	}
	if !d.Turns[2].Question || d.Turns[2].Label.Text != "Q" {
		t.Errorf("turn 2 = %+v, want a question", d.Turns[2])
	}
	if got := d.Speakers[0].Labels; len(got) != 1 || got[0] != "MAYOR WHITFIELD" {
		t.Errorf("mayor labels = %q", got)
	}
}

func TestFeedDates(t *testing.T) {
	docs, err := File(context.Background(), filepath.Join("testdata", "feed.rss"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Item 2 has a pubDate gofeed cannot read; it is parsed from the raw
	// string. Item 3 has none: its date stays unknown.
	if docs[1].DateString() != "2024-05-09" || docs[1].DateSource != model.DateFromMeta {
		t.Errorf("item 2 date = %q from %q", docs[1].DateString(), docs[1].DateSource)
	}
	if !docs[2].Date.IsZero() || docs[2].DateSource != "" {
		t.Errorf("item 3 date = %q from %q, want none", docs[2].DateString(), docs[2].DateSource)
	}
	if docs[0].Text != "The district hospital opened its new maternity wing on Monday.\n\nThe wing has forty beds." {
		t.Errorf("item 1 text = %q", docs[0].Text)
	}
	atom, err := File(context.Background(), filepath.Join("testdata", "feed.atom"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !atom[1].Date.IsZero() {
		t.Errorf("atom item 2 date = %q, want none", atom[1].DateString())
	}
	// The same text with another link is another document.
	if docs[0].ID == hashID(docs[0].Text) {
		t.Error("feed item id must include the link")
	}
}

func TestHTMLText(t *testing.T) {
	d := ingestOne(t, filepath.Join("testdata", "article.html"), Options{})
	for _, boiler := range []string{"Home", "Privacy policy", "All rights reserved", "Contact us"} {
		if strings.Contains(d.Text, boiler) {
			t.Errorf("boilerplate %q in text:\n%s", boiler, d.Text)
		}
	}
	if !strings.Contains(d.Text, "\n\nThe board's chair said") {
		t.Errorf("paragraphs not separated by blank lines:\n%s", d.Text)
	}
	if !strings.Contains(d.Text, "the new rates in its annual report\nnext month.") {
		t.Errorf("white space or <br> not rendered:\n%s", d.Text)
	}
}

func TestMarkdownText(t *testing.T) {
	d := ingestOne(t, filepath.Join("testdata", "article.md"), Options{})
	for _, markup := range []string{"**", "](", "# ", "> ", "- The", "![", "---"} {
		if strings.Contains(d.Text, markup) {
			t.Errorf("markup %q left in text:\n%s", markup, d.Text)
		}
	}
	if !strings.Contains(d.Text, "The port authority said on Tuesday") {
		t.Errorf("text:\n%s", d.Text)
	}
}

func TestNormalisation(t *testing.T) {
	src := "\xef\xbb\xbfTitle line\r\n\r\nBody one.\rBody two.\r\n"
	docs, err := Parse(context.Background(), "x.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Title line\n\nBody one.\nBody two.\n"; docs[0].Text != want {
		t.Errorf("text = %q, want %q", docs[0].Text, want)
	}
	again, _ := Parse(context.Background(), "other-name.txt", []byte(src), Options{})
	if again[0].ID != docs[0].ID {
		t.Error("same content must give the same id")
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := append([]byte("Some text then a Latin-1 caf"), 0xE9, '\n')
	tests := []struct {
		name string
		path string
		opt  Options
		want string
	}{
		{"binary", write("blob.txt", append([]byte("hello wor"), 0, 1, 2, 3)), Options{}, "binary file (NUL byte at offset 9), not ingested"},
		{"pdf", write("doc.pdf", []byte("%PDF-1.7\nrest")), Options{}, "damaged PDF, not ingested"},
		{"pdf without reader", write("doc2.pdf", []byte("%PDF-1.7\nrest")), Options{Tools: &Tools{}}, "damaged PDF, not ingested"},
		{"pdf in name only", write("page.pdf", []byte("<html><body>Not found</body></html>")), Options{}, "not a PDF file"},
		{"png", write("pic.txt", []byte("\x89PNG\r\n\x1a\nxxxx")), Options{}, "PNG image"},
		{"zip", write("a.zip", []byte("PK\x03\x04xxxx")), Options{}, "ZIP archive"},
		{"broken docx", write("a.docx", []byte("PK\x03\x04xxxx")), Options{}, "damaged Word file"},
		{"docx in name only", write("b.docx", []byte("Plain words.")), Options{}, "not a Word (.docx) file"},
		{"old word", write("c.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")), Options{}, "legacy Microsoft Office file"},
		{"control", write("ctl.txt", []byte(strings.Repeat("\x01\x02\x03a", 40))), Options{}, "control bytes"},
		{"invalid utf8", write("latin1.txt", bad), Options{}, "not valid UTF-8 (first bad byte 0xE9 at offset 28); convert it to UTF-8 first"},
		{"utf16", write("u16.txt", []byte{0xFF, 0xFE, 'a', 0}), Options{}, "UTF-16"},
		{"empty", write("empty.txt", nil), Options{}, "empty file"},
		{"whitespace", write("blank.txt", []byte(" \n\t\n \u00a0\n")), Options{}, "only whitespace"},
		{"too big", write("big.txt", []byte(strings.Repeat("word ", 20))), Options{MaxSize: 10}, "over the size limit of 10 bytes"},
		{"directory", dir, Options{}, "is a directory"},
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, "no such file"},
		{"broken html", filepath.Join("testdata", "broken.html"), Options{}, "no readable text found in HTML"},
		{"not a feed", filepath.Join("testdata", "not-a-feed.rss"), Options{}, "not an XML feed"},
		{"feed parse", write("bad.rss", []byte("<rss><channel><item><title>x</item></rss")), Options{}, "feed does not parse"},
		{"empty feed", filepath.Join("testdata", "empty-feed.rss"), Options{}, "feed has no items"},
		{"bad flag kind", filepath.Join("testdata", "statement.txt"), Options{Flags: Meta{Kind: "memo"}}, `--kind: unknown kind "memo"`},
		{"bad flag date", filepath.Join("testdata", "statement.txt"), Options{Flags: Meta{Date: "12/03/2024"}}, `--date: invalid date "12/03/2024"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := File(context.Background(), tc.path, tc.opt)
			if err == nil {
				t.Fatalf("no error; got %d documents", len(docs))
			}
			if docs != nil {
				t.Errorf("documents returned with an error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FileError: %v", err, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.path+": ") && !strings.HasPrefix(msg, SidecarPath(tc.path)+": ") {
				t.Errorf("message %q does not start with the path", msg)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not contain %q", msg, tc.want)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("message has several lines: %q", msg)
			}
		})
	}
}

func TestPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads everything")
	}
	p := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(p, []byte("text"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := File(context.Background(), p, Options{})
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("err = %v", err)
	}
}

func TestSidecarAndFlags(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "speech.txt")
	os.WriteFile(doc, []byte("A Short Title\n\nSome words about things.\n"), 0o644)
	side := filepath.Join(dir, "speech.meta.yaml")

	os.WriteFile(side, []byte("title: Given Title\nkind: statement\ndate: 2020-02-03\npublisher: Some Office\nauthors: Jo Bloggs\nurl: https://example.org/s\n"), 0o644)
	d := ingestOne(t, doc, Options{})
	if d.Title != "Given Title" || d.Kind != model.KindStatement || d.DateString() != "2020-02-03" || d.DateSource != model.DateFromSidecar ||
		d.Publisher != "Some Office" || strings.Join(d.Authors, ",") != "Jo Bloggs" || d.URL != "https://example.org/s" {
		t.Errorf("sidecar not applied: %+v", d)
	}

	d = ingestOne(t, doc, Options{Flags: Meta{Date: "2021-05-06", Kind: "article", Publisher: "Flag Pub"}})
	if d.DateString() != "2021-05-06" || d.DateSource != model.DateFromFlag || d.Kind != model.KindArticle || d.Publisher != "Flag Pub" {
		t.Errorf("flags must win over the sidecar: %+v", d)
	}

	d = ingestOne(t, doc, Options{Flags: Meta{Date: "2019-07"}})
	if d.DateString() != "2019-07-01" || d.DateEnd.Format("2006-01-02") != "2019-07-31" {
		t.Errorf("month date = %s..%s", d.DateString(), d.DateEnd)
	}

	os.WriteFile(side, []byte("title: ok\ndate: [2020\n"), 0o644)
	_, err := File(context.Background(), doc, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), side+": malformed sidecar") || !strings.Contains(err.Error(), "line") {
		t.Errorf("malformed sidecar: err = %v", err)
	}

	os.WriteFile(side, []byte("title: ok\ndat: 2020-01-01\n"), 0o644)
	_, err = File(context.Background(), doc, Options{})
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("unknown field: err = %v", err)
	}

	os.WriteFile(side, []byte("kind: editorial\n"), 0o644)
	_, err = File(context.Background(), doc, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), side+": kind: unknown kind") {
		t.Errorf("bad kind: err = %v", err)
	}

	os.WriteFile(side, []byte("date: next tuesday\n"), 0o644)
	_, err = File(context.Background(), doc, Options{})
	if err == nil || !strings.Contains(err.Error(), "invalid date") {
		t.Errorf("bad date: err = %v", err)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.txt", "a.meta.yaml", "sub/b.html", "sub/.hidden.txt", ".git/config", "sub/deeper/c.md", "procedure.yaml", "sub/rows.CSV", "named.json", "dossier.db", "dossier.db-wal"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("x"), 0o644)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "sub", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "link.txt")); err != nil {
		t.Fatal(err)
	}
	got, errs := Expand([]string{dir, filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "*.html"), filepath.Join(dir, "named.json"), filepath.Join(dir, "missing.txt")})
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "broken.txt: broken symbolic link") && !strings.Contains(errs[1].Error(), "broken.txt: broken symbolic link") {
		t.Errorf("want the broken link and the missing file reported, got %v", errs)
	}
	// Data files are left out of a walk, but read when named.
	want := []string{
		filepath.Join(dir, "a.txt"),
		filepath.Join(dir, "named.json"),
		filepath.Join(dir, "sub", "b.html"),
		filepath.Join(dir, "sub", "deeper", "c.md"),
		filepath.Join(dir, "sub", "link.txt"),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Expand = %q, want %q", got, want)
	}
	if _, errs := Expand([]string{filepath.Join(dir, "missing.txt")}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.txt") {
		t.Errorf("missing path: errs = %v", errs)
	}
	if _, errs := Expand([]string{filepath.Join(dir, "*.pdf")}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "no files match") {
		t.Errorf("empty glob: errs = %v", errs)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := File(ctx, filepath.Join("testdata", "feed.rss"), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestAnswerTurns(t *testing.T) {
	src := "Briefing\n\nSPOKESPERSON ANA DIAS: Good morning.\n\nQ: Is the report ready?\n\nA: Not yet.\n"
	docs, err := Parse(context.Background(), "b.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkSpans(t, d)
	if d.Kind != model.KindTranscript || len(d.Turns) != 3 {
		t.Fatalf("kind %q, %d turns", d.Kind, len(d.Turns))
	}
	if d.Turns[2].Speaker != 0 || d.Speakers[0].Name != "Ana Dias" || d.Speakers[0].Role != "Spokesperson" {
		t.Errorf("answer turn speaker %d, speakers %+v", d.Turns[2].Speaker, d.Speakers)
	}
}

func TestNotTranscript(t *testing.T) {
	// Capitals with a colon that are not speakers, and a single label.
	src := "City News\n\nUPDATE: the road is open again.\n\nNOTE: times are local.\n\nJANE DOE: one line only.\n"
	docs, err := Parse(context.Background(), "n.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].Kind != model.KindArticle || len(docs[0].Turns) != 0 {
		t.Errorf("kind %q with %d turns, want an article", docs[0].Kind, len(docs[0].Turns))
	}
}

func TestHeaderDateNeedsAMonthWord(t *testing.T) {
	v, err := LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"12 March 2024", true},
		{"Sept. 3, 2021", true},
		{"2024-03-12", true},
		{"Market report 2020", false},
		{"Marched on 2020", false},
	} {
		if got := looksLikeDateOnly(c.line, v); got != c.want {
			t.Errorf("looksLikeDateOnly(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// Labels over lines of figures are a table in an article, not speaker
// turns; a transcript whose turns are short sentences stays one.
func TestFiguresTableIsNoTranscript(t *testing.T) {
	src := "ARLO (AP) _\n\nThe following are the latest figures for the dead and injured.\n\nNORTHLAND:\nTotal Dead: 192\nInjured: 4,877\nHospitalized: 542\n\nSOUTHLAND:\nTotal dead: 10\nInjured: 74\n"
	docs, err := Parse(context.Background(), "f.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := docs[0]; d.Kind != model.KindArticle || len(d.Turns) != 0 {
		t.Errorf("kind %q, %d turns; want an article with none", d.Kind, len(d.Turns))
	}
	src = "Briefing\n\nMAYOR ANA DIAS:\nGood morning.\n\nCOUNCILLOR IVO BRODIN:\nThank you.\n"
	docs, err = Parse(context.Background(), "g.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := docs[0]; d.Kind != model.KindTranscript || len(d.Turns) != 2 {
		t.Errorf("kind %q, %d turns; want a transcript with 2", d.Kind, len(d.Turns))
	}
}
