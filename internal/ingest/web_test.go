package ingest

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func webFetched(t *testing.T, url, contentType string, body []byte) Fetched {
	t.Helper()
	return Fetched{URL: url, FinalURL: url + "?from=redirect", ContentType: contentType, Body: body,
		FetchedAt: time.Date(2024, 9, 17, 10, 0, 0, 0, time.FixedZone("CEST", 2*3600))}
}

func TestWebHTML(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	f := webFetched(t, "https://courier.example.test/news/1", "text/html; charset=utf-8", page)
	docs, err := Web(context.Background(), f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	file, err := File(context.Background(), "testdata/article.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	d := docs[0]
	// The same text and metadata as the file gives: the HTML path is the
	// same.
	if d.Text != file[0].Text || d.Title != file[0].Title || d.DateString() != file[0].DateString() {
		t.Errorf("web page differs from the same file: title %q/%q, date %s/%s", d.Title, file[0].Title, d.DateString(), file[0].DateString())
	}
	if d.Format != "html" || d.Path != f.URL || d.URL != f.URL || d.FinalURL != f.FinalURL {
		t.Errorf("format %s, path %s, url %s, final %s", d.Format, d.Path, d.URL, d.FinalURL)
	}
	if !d.FetchedAt.Equal(f.FetchedAt) || d.FetchedAt.Location() != time.UTC {
		t.Errorf("fetched at %v, want %v in UTC", d.FetchedAt, f.FetchedAt)
	}
	if d.ID != PageID(d.Text, f.URL, "") || d.ID == file[0].ID {
		t.Errorf("id %s is not the page id of the text and URL", d.ID)
	}
}

func TestPageID(t *testing.T) {
	a := PageID("text", "https://x.test/a", "")
	if a == PageID("text", "https://x.test/b", "") {
		t.Error("two URLs with one text have one id")
	}
	if a == PageID("text", "https://x.test/a", "prev") {
		t.Error("a later version with the text of the first has the first's id")
	}
	if a != PageID("text", "https://x.test/a", "") {
		t.Error("page id is not deterministic")
	}
}

func TestWebCharset(t *testing.T) {
	html := "<html><head><title>Café</title></head><body><article><p>Le conseil municipal s'est réuni à la mairie mardi soir pour voter le budget.</p>" +
		"<p>Le maire a présenté les dépenses prévues pour l'année prochaine.</p></article></body></html>"
	latin, err := charmap.ISO8859_1.NewEncoder().String(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, ct := range []string{"text/html; charset=iso-8859-1", "text/html"} {
		docs, err := Web(context.Background(), webFetched(t, "https://x.test/fr", ct, []byte(latin)), Options{})
		if err != nil {
			t.Fatalf("%s: %v", ct, err)
		}
		if !strings.Contains(docs[0].Text, "réuni à la mairie") {
			t.Errorf("%s: text %q lost its accents", ct, docs[0].Text)
		}
	}
}

func TestWebFormats(t *testing.T) {
	ctx := context.Background()
	txt := "The council met on Tuesday.\n\nIt approved the budget."
	docs, err := Web(ctx, webFetched(t, "https://x.test/note", "text/plain", []byte(txt)), Options{})
	if err != nil || len(docs) != 1 || docs[0].Format != "text" || docs[0].Text != txt {
		t.Fatalf("plain text: %v %+v", err, docs)
	}
	// An HTML page served without a Content-Type is recognised by its
	// content.
	docs, err = Web(ctx, webFetched(t, "https://x.test/page", "", []byte("<!DOCTYPE html><html><body><p>The council met on Tuesday and approved the budget for next year.</p></body></html>")), Options{})
	if err != nil || docs[0].Format != "html" {
		t.Fatalf("untyped HTML: %v %+v", err, docs)
	}
	rss, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	docs, err = Web(ctx, webFetched(t, "https://valley.example.com/feed", "application/rss+xml", rss), Options{})
	if err != nil || len(docs) != 3 {
		t.Fatalf("feed: %v, %d documents", err, len(docs))
	}
	for _, d := range docs {
		if d.Format != "feed-item" || !strings.HasPrefix(d.URL, "https://valley.example.com/") || d.URL == "https://valley.example.com/feed" || d.FinalURL != "" {
			t.Errorf("feed item keeps url %q, final %q (format %s)", d.URL, d.FinalURL, d.Format)
		}
	}
	jf := `{"version": "https://jsonfeed.org/version/1.1", "title": "Valley", "items": [
		{"id": "1", "url": "https://valley.example.com/a", "title": "Bridge closed", "content_text": "The bridge is closed for repairs until Friday."}]}`
	for _, ct := range []string{"application/feed+json", "application/json"} {
		docs, err = Web(ctx, webFetched(t, "https://valley.example.com/feed.json", ct, []byte(jf)), Options{})
		if err != nil || len(docs) != 1 || !strings.Contains(docs[0].Text, "closed for repairs") || docs[0].URL != "https://valley.example.com/a" {
			t.Fatalf("JSON Feed as %s: %v %+v", ct, err, docs)
		}
	}
}

func TestWebBadInput(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name, ct string
		body     string
		want     string
	}{
		{"pdf", "application/pdf", "%PDF-1.7 binary", "PDF"},
		{"empty html", "text/html", "<html><body><nav>Home</nav></body></html>", "no readable text"},
		{"empty", "text/plain", "", "empty"},
	} {
		_, err := Web(ctx, webFetched(t, "https://x.test/"+strings.ReplaceAll(tc.name, " ", "-"), tc.ct, []byte(tc.body)), Options{})
		var fe *FileError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "https://x.test/") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one naming the URL and saying %q", tc.name, err, tc.want)
		}
	}
}
