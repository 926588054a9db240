package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/dossier-project/dossier/internal/model"
)

// parseFeed turns each item of an RSS, Atom or JSON Feed into a document. The
// item's content (or description) is HTML and goes through the same
// block-to-paragraph conversion as web pages; linked pages are not
// fetched.
func parseFeed(ctx context.Context, name, src string, v *Vocab) ([]*model.Document, error) {
	head := strings.TrimSpace(firstN(src, 512))
	if !strings.HasPrefix(head, "<") && !isJSONFeed(head) {
		return nil, errors.New("not an XML feed (it does not start with '<')")
	}
	feed, err := gofeed.NewParser().ParseString(src)
	if err != nil {
		return nil, fmt.Errorf("feed does not parse: %s", oneLine(err.Error()))
	}
	if len(feed.Items) == 0 {
		return nil, errors.New("feed has no items")
	}
	var docs []*model.Document
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if it == nil {
			continue
		}
		d := feedItem(name, i, feed, it, v)
		if d != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil, errors.New("feed has no item with text")
	}
	return docs, nil
}

func feedItem(name string, i int, feed *gofeed.Feed, it *gofeed.Item, v *Vocab) *model.Document {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	text := htmlFragmentText(body)
	title := oneSpace(htmlFragmentText(it.Title))
	var warns []string
	if strings.TrimSpace(text) == "" {
		if title == "" {
			return nil
		}
		text = title
		warns = append(warns, "feed item has no content or description; its text is its title")
	}
	d := &model.Document{
		Path:      fmt.Sprintf("%s#item%d", name, i+1),
		Format:    "feed-item",
		Text:      text,
		Title:     title,
		URL:       strings.TrimSpace(it.Link),
		Publisher: oneSpace(feed.Title),
		Warnings:  warns,
	}
	if d.URL == "" && len(it.Links) > 0 {
		d.URL = strings.TrimSpace(it.Links[0])
	}
	d.ID = hashID(d.Text, d.URL)
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			d.Authors = append(d.Authors, oneSpace(p.Name))
		}
	}
	if it.PublishedParsed != nil && !it.PublishedParsed.IsZero() {
		y, m, dd := it.PublishedParsed.Date()
		d.Date = dateOnly(y, int(m), dd)
		d.DateSource, d.DateReason = model.DateFromMeta, "the feed item's publication date"
	} else if it.Published != "" {
		if t, ok := parseMetaTimestamp(it.Published); ok {
			d.Date, d.DateSource = t, model.DateFromMeta
			d.DateReason = fmt.Sprintf("the feed item's publication date %q", it.Published)
		} else {
			d.Warnings = append(d.Warnings, fmt.Sprintf("feed item date %q is not a full date; not used", it.Published))
		}
	}
	readText(d, v)
	return d
}

// isJSONFeed reports whether the start of a text is that of a JSON Feed
// (jsonfeed.org): an object whose "version" names the format.
func isJSONFeed(head string) bool {
	return strings.HasPrefix(head, "{") && strings.Contains(head, "jsonfeed.org/version")
}
