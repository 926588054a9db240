package ingest

import (
	"context"
	"mime"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/dossier-project/dossier/internal/model"
)

// Fetched is a page as fetched from the web.
type Fetched struct {
	// URL is the URL asked for, FinalURL the one that answered after
	// redirects.
	URL, FinalURL string
	// ContentType is the Content-Type header of the answer.
	ContentType string
	Body        []byte
	FetchedAt   time.Time
}

// Web ingests a fetched page as File ingests a file of its type: an HTML
// page through go-trafilatura, plain text and Markdown likewise, and a
// feed (RSS, Atom, JSON Feed) into one document per item, whose linked
// pages are not fetched. The format comes from the Content-Type, and from
// the URL's extension and the content when that does not say. A page in
// another character set than UTF-8 (as its Content-Type or its
// <meta charset> says, else Windows-1252) is converted to UTF-8.
//
// The documents' Path is the URL; a page (not a feed item) keeps URL,
// FinalURL and FetchedAt, and its ID is PageID(text, URL, ""). Errors are
// *FileError naming the URL.
func Web(ctx context.Context, f Fetched, opt Options) ([]*model.Document, error) {
	body := f.Body
	if !utf8.Valid(body) {
		if enc, name, _ := charset.DetermineEncoding(body, f.ContentType); name != "utf-8" {
			if dec, err := enc.NewDecoder().Bytes(body); err == nil {
				body = dec
			}
		}
	}
	want := webFormat(f.URL, f.ContentType, body)
	docs, err := parse(ctx, f.URL, "", body, opt, nil, want)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if !f.FetchedAt.IsZero() {
			d.FetchedAt = f.FetchedAt.UTC()
		}
		if d.Format == "feed-item" {
			continue // the item's URL is its link, not the feed's
		}
		d.Path, d.URL, d.FinalURL = f.URL, f.URL, f.FinalURL
		d.ID = PageID(d.Text, f.URL, "")
	}
	return docs, nil
}

// PageID is the id of a document fetched from url: a hash of its text and
// the URL and, for a later version of the page, of the id of the version
// before it, so that a page edited and then edited back is three
// versions, not two.
func PageID(text, url, previous string) string {
	if previous == "" {
		return hashID(text, url)
	}
	return hashID(text, url, previous)
}

// webFormat decides the format of a fetched body from its Content-Type,
// or leaves it to detection by the URL's path and the content.
func webFormat(rawURL, contentType string, body []byte) format {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return formatHTML
	case "text/markdown", "text/x-markdown":
		return formatMarkdown
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return formatFeed
	case "application/json":
		if isJSONFeed(strings.TrimSpace(firstN(string(body), 512))) {
			return formatFeed
		}
	}
	return formatAutoFor(rawURL)
}

// formatAutoFor returns formatAuto, unless the URL's path has an
// extension detectFormat would read differently from the whole URL
// (a query string after it).
func formatAutoFor(rawURL string) format {
	u, err := url.Parse(rawURL)
	if err != nil {
		return formatAuto
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".txt", ".text":
		return formatText
	case ".md", ".markdown":
		return formatMarkdown
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".rss", ".atom":
		return formatFeed
	}
	return formatAuto
}
