package watch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/store"
)

// PollResult counts what a poll did.
type PollResult struct {
	// Added is the number of documents stored.
	Added int
	// Failing is the number of sources not ok after the poll.
	Failing int
}

// Poll reads each source once and fetches the pages of its items not
// yet stored (new ones, and those an earlier poll could not fetch or did
// not finish). Sources are keys from SourceKey. A source's or an item's
// failure is reported and stored, and the others go on; the error
// returned is the store's, or ctx's when it ends.
func (w *Watcher) Poll(ctx context.Context, sources []string) (PollResult, error) {
	var (
		mu    sync.Mutex
		res   PollResult
		first error
		wg    sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, w.o.Parallel)
	for _, src := range sources {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			added, ok, err := w.pollSource(ctx, src)
			mu.Lock()
			defer mu.Unlock()
			res.Added += added
			if !ok {
				res.Failing++
			}
			if err != nil && first == nil {
				first = err
				cancel() // the store failed: stop
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return res, first
	}
	return res, nil
}

// pollSource reads one source, stores its state and new items, then
// fetches its pending items. ok is false when the source is failing.
func (w *Watcher) pollSource(ctx context.Context, key string) (added int, ok bool, err error) {
	st := w.o.Store
	src, err := st.WatchSource(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		src, err = &store.WatchSource{URL: key}, nil
	}
	if err != nil {
		return 0, false, storeErr(err)
	}
	was := src.Status
	t := now()
	src.PolledAt = t
	var (
		items []store.WatchItem
		page  *PageResult
		rerr  error
	)
	switch {
	case !looksLikeURL(key):
		items, rerr = w.readListFile(key)
		if rerr == nil {
			src.Kind = KindList
		}
	case src.Kind == KindPage:
		page, rerr = w.fetchPage(ctx, key, nil)
	default:
		var resp *fetch.Response
		resp, rerr = w.o.Client.Get(ctx, fetch.Request{URL: key, ETag: src.ETag, LastModified: src.LastModified, Accept: feedAccept})
		if rerr == nil && !resp.NotModified {
			switch kind := classify(resp); {
			case kind == KindPage && src.Kind == "":
				src.Kind = KindPage
				var prev *store.Page
				if prev, rerr = w.page(ctx, key); rerr == nil {
					page, rerr = w.storePage(ctx, key, prev, resp, nil)
				}
			case kind == KindPage:
				rerr = malformed("%s: serves an HTML page, not a %s", key, src.Kind)
			case kind == "":
				rerr = malformed("%s: neither a feed, a list of URLs nor a readable page (%s)", key, orElse(resp.ContentType, "no Content-Type"))
			default:
				items, rerr = parseItems(kind, resp)
				if rerr == nil {
					src.Kind, src.ETag, src.LastModified = kind, resp.ETag, resp.LastModified
				}
			}
		}
	}
	if cerr := ctx.Err(); cerr != nil {
		return 0, false, cerr // stopped: the source's state is what it was
	}
	if IsStoreError(rerr) {
		return 0, false, rerr
	}
	if rerr != nil {
		src.Status, src.Error = statusOf(rerr), oneLine(rerr.Error())
		src.Failures++
	} else {
		src.Status, src.Error, src.Failures, src.OKAt = StatusOK, "", 0, t
	}
	if src.Status != was {
		src.ChangedAt = t
	}
	for i := range items {
		items[i].SeenAt = t
	}
	news, err := st.SaveWatchSource(ctx, src, items)
	if err != nil {
		return 0, false, storeErr(err)
	}
	if src.Status != was {
		w.report(Event{Type: EventSource, Source: key, URL: key, Kind: src.Kind, Status: src.Status, Was: was, Error: src.Error, Items: len(items)})
	}
	if page != nil {
		added += countAdded(page)
		w.reportPage(key, page)
	}
	for i, it := range items {
		if news[i] && it.Status == store.ItemSkipped {
			w.report(Event{Type: EventItem, Source: key, URL: it.URL, Title: it.Title, Status: it.Status, Error: it.Error})
		}
	}
	pending, err := st.WatchItems(ctx, key, store.ItemPending)
	if err != nil {
		return added, src.Status == StatusOK, storeErr(err)
	}
	// A host that is down or slow for one item is not asked for the
	// others in this poll: they wait, untried, for the next.
	failing := map[string]bool{}
	for _, it := range pending {
		host := hostOf(it.URL)
		if failing[host] {
			continue
		}
		n, ferr, err := w.fetchItem(ctx, key, it)
		added += n
		if err != nil {
			return added, src.Status == StatusOK, err
		}
		if hostTrouble(ferr) {
			failing[host] = true
		}
	}
	return added, src.Status == StatusOK, nil
}

// hostTrouble reports whether a fetch failed because of its host rather
// than its page: no connection, no answer, a server error, or a request
// to wait.
func hostTrouble(err error) bool {
	var fe *fetch.Error
	if !errors.As(err, &fe) {
		return false
	}
	switch fe.Kind {
	case fetch.Slow, fetch.RateLimited:
		return true
	case fetch.Down:
		return fe.Status == 0 || fe.Status >= 500
	}
	return false
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Host
}

// feedAccept asks a source for a feed first.
const feedAccept = "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9," +
	"text/plain;q=0.8,text/html;q=0.7,*/*;q=0.5"

func countAdded(p *PageResult) int {
	n := 0
	for _, a := range p.Added {
		if a {
			n++
		}
	}
	return n
}

func (w *Watcher) reportPage(source string, p *PageResult) {
	w.report(Event{Type: EventDocument, Source: source, URL: p.URL, Status: p.Outcome, Page: p})
}

// fetchItem fetches an item's page. A failure stays pending, to be tried
// at the next poll, until MaxAttempts; a page that is not allowed or not
// a web page is skipped, and one that cannot be read is given up.
//
// It returns the documents added and the page's failure, if any; err is
// the store's or ctx's.
func (w *Watcher) fetchItem(ctx context.Context, source string, it store.WatchItem) (added int, failure, err error) {
	it.Attempts++
	done := it
	page, ferr := w.fetchPage(ctx, it.URL, &done)
	if cerr := ctx.Err(); cerr != nil {
		return 0, nil, cerr
	}
	if ferr == nil {
		w.reportPage(source, page)
		return countAdded(page), nil, nil
	}
	if IsStoreError(ferr) {
		return 0, nil, ferr
	}
	firstFailure := it.Error == ""
	status := store.ItemPending
	var fe *fetch.Error
	switch statusOf(ferr) {
	case string(fetch.Disallowed), string(fetch.BadURL):
		status = store.ItemSkipped
	case StatusMalformed, string(fetch.TooLarge):
		status = store.ItemFailed
	default:
		if it.Attempts >= w.o.MaxAttempts || errors.As(ferr, &fe) && fe.Status == http.StatusGone {
			status = store.ItemFailed
		}
	}
	it.Status, it.Error = status, oneLine(ferr.Error())
	if err := w.o.Store.SaveWatchItem(ctx, &it); err != nil {
		return 0, ferr, storeErr(err)
	}
	if firstFailure || status != store.ItemPending {
		w.report(Event{Type: EventItem, Source: source, URL: it.URL, Title: it.Title, Status: status, Error: it.Error})
	}
	return 0, ferr, nil
}

// classify says what a source's answer is: a feed, a list of URLs, a
// page, or "" for none of these.
func classify(resp *fetch.Response) string {
	switch gofeed.DetectFeedType(bytes.NewReader(resp.Body)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return KindFeed
	case gofeed.FeedTypeJSON:
		if bytes.Contains(resp.Body, []byte("jsonfeed.org/version")) {
			return KindFeed
		}
		return ""
	}
	mt, _, _ := mime.ParseMediaType(resp.ContentType)
	head := strings.ToLower(strings.TrimSpace(string(resp.Body[:min(len(resp.Body), 1024)])))
	if mt == "text/html" || mt == "application/xhtml+xml" || strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return KindPage
	}
	if _, ok := urlList(resp.Body); ok {
		return KindList
	}
	if mt == "text/plain" || mt == "text/markdown" {
		return KindPage
	}
	return ""
}

// parseItems reads the items of a feed or a list of URLs.
func parseItems(kind string, resp *fetch.Response) ([]store.WatchItem, error) {
	if kind == KindList {
		lines, _ := urlList(resp.Body)
		return listItems(lines), nil
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return nil, malformed("%s: the feed does not parse: %s", resp.URL, oneLine(err.Error()))
	}
	base, _ := url.Parse(resp.FinalURL)
	var items []store.WatchItem
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		key := strings.TrimSpace(it.GUID)
		if key == "" {
			key = link
		}
		title := strings.Join(strings.Fields(it.Title), " ")
		if key == "" {
			if title == "" {
				continue // nothing to know the item by
			}
			key = "title:" + title
		}
		item := store.WatchItem{Key: key, Title: title, Ord: i, Status: store.ItemPending}
		switch {
		case link == "":
			item.Status, item.Error = store.ItemSkipped, "the item has no link to fetch"
		default:
			u := link
			if base != nil {
				if ref, err := base.Parse(link); err == nil {
					u = ref.String()
				}
			}
			norm, err := fetch.Normalize(u)
			if err != nil {
				item.URL, item.Status, item.Error = link, store.ItemSkipped, oneLine(err.Error())
			} else {
				item.URL = norm
			}
		}
		items = append(items, item)
	}
	return items, nil
}

// listLine is a line of a list of URLs.
type listLine struct {
	n    int
	text string
}

// urlList reads a list of URLs, one a line, with blank lines and lines
// starting with # left out. ok is true when it is text, has a URL and
// every line is an http or https URL.
func urlList(body []byte) ([]listLine, bool) {
	if !utf8.Valid(body) {
		return nil, false
	}
	var lines []listLine
	ok := true
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if _, err := fetch.Normalize(l); err != nil || !looksLikeURL(l) {
			ok = false
		}
		lines = append(lines, listLine{n, l})
	}
	if sc.Err() != nil {
		return nil, false
	}
	return lines, ok && len(lines) > 0
}

// listItems turns the lines of a list into items; a line that is not an
// http or https URL is an item skipped with the reason.
func listItems(lines []listLine) []store.WatchItem {
	var items []store.WatchItem
	for i, l := range lines {
		norm, err := fetch.Normalize(l.text)
		if err == nil && !looksLikeURL(l.text) {
			err = fmt.Errorf("not an http or https URL")
		}
		if err != nil {
			msg := err.Error()
			var fe *fetch.Error
			if errors.As(err, &fe) {
				msg = fe.Err.Error()
			}
			items = append(items, store.WatchItem{Key: "line:" + l.text, URL: l.text, Ord: i, Status: store.ItemSkipped,
				Error: fmt.Sprintf("line %d: %q: %s", l.n, l.text, msg)})
			continue
		}
		items = append(items, store.WatchItem{Key: norm, URL: norm, Ord: i, Status: store.ItemPending})
	}
	return items
}

// readListFile reads a file listing URLs.
func (w *Watcher) readListFile(path string) ([]store.WatchItem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &unreadableError{fmt.Sprintf("%s: cannot read: %s", path, describeOSError(err))}
	}
	defer f.Close()
	max := w.o.Ingest.MaxSize
	if max <= 0 {
		max = ingest.DefaultMaxSize
	}
	body, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &unreadableError{fmt.Sprintf("%s: cannot read: %s", path, describeOSError(err))}
	}
	if int64(len(body)) > max {
		return nil, malformed("%s: the list is over the size limit", path)
	}
	if !utf8.Valid(body) {
		return nil, malformed("%s: not UTF-8 text; a list of URLs is one URL a line", path)
	}
	lines, _ := urlList(body)
	return listItems(lines), nil
}

func describeOSError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
