// Package watch follows sources on the web. AddURL fetches one page into
// the dossier; Poll reads watched sources — RSS, Atom and JSON feeds,
// lists of URLs (in a file or at a URL), and pages watched for changes —
// and fetches the pages their new items link to.
//
// In: URLs and file paths, a fetch.Client (which keeps the manners), a
// store and the per-document analysis. Out: documents stored with their
// analysis (a page whose text changed becomes a new version naming the
// one before it), the watch state in the store, and Events: a document
// stored, a source whose state changed, an item that could not be
// fetched.
//
// Everything a poll learns is stored before it is reported: a poll's new
// items in one transaction with the source's validators, and each page
// in one transaction with its item's state. A watch killed at any point
// therefore resumes without losing an item (an item seen is pending until
// its page is stored) and without storing one twice (a stored page marks
// its item done in the same transaction). A failing source is a state,
// reported when it changes, not at every poll; the other sources go on.
package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// The kinds of watched source.
const (
	KindFeed = "feed" // RSS, Atom or JSON Feed: its items' links are fetched
	KindList = "list" // a list of URLs, one a line: each is fetched
	KindPage = "page" // a page fetched again at every poll; a change is a new version
)

// The states of a source besides the fetch.Kind values (down, slow,
// rate-limited, redirect-loop, too-large, disallowed, bad-url).
const (
	StatusOK = "ok"
	// StatusMalformed: the source answered, but not with a feed, a list
	// of URLs or a readable page (a feed serving an HTML page, a feed
	// that does not parse, a page with no text).
	StatusMalformed = "malformed"
	// StatusUnreadable: a list file that cannot be read.
	StatusUnreadable = "unreadable"
)

// Options configure a Watcher.
type Options struct {
	Client *fetch.Client
	Store  store.Store
	// Ingest are the ingest options for every page (flags, size limit).
	Ingest ingest.Options
	// Analyse returns a document's analysis before it is stored; nil
	// stores none.
	Analyse func(ctx context.Context, d *model.Document) (*model.Analysis, error)
	// Report receives the events of a poll, one at a time; nil drops
	// them.
	Report func(Event)
	// Parallel is how many sources are polled at once (4). Requests to
	// one host wait for each other whatever this is.
	Parallel int
	// MaxAttempts is how often an item's page is tried, one try a poll,
	// before the item is given up (5).
	MaxAttempts int
}

// Watcher adds pages and polls sources.
type Watcher struct {
	o  Options
	mu sync.Mutex // serialises Report
}

// New returns a watcher.
func New(o Options) *Watcher {
	if o.Parallel <= 0 {
		o.Parallel = 4
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	return &Watcher{o: o}
}

// EventType says what an Event is about.
type EventType string

// The event types.
const (
	// EventDocument: a page was fetched (Status says how: added,
	// changed, unchanged, not-modified); Docs holds what was stored.
	EventDocument EventType = "document"
	// EventSource: a source's state changed (Status, Was).
	EventSource EventType = "source"
	// EventItem: an item's page could not be fetched (Status pending
	// when it will be tried again, failed or skipped when not).
	EventItem EventType = "item"
)

// Event is something a poll reports.
type Event struct {
	Type EventType
	// Source is the watched source; "" for AddURL.
	Source string
	// URL is the page (or, for a source event, the source); Title the
	// item's title in its source, for item events.
	URL, Title string
	// Kind is the source's kind, for source events.
	Kind string
	// Status is the new state; Was the one before (source events; ""
	// for a source polled for the first time).
	Status, Was string
	// Error says what is wrong, in one line.
	Error string
	// Items is how many items a source listed at this poll (source
	// events).
	Items int
	// Page is the fetch of a document event.
	Page *PageResult
}

func (w *Watcher) report(e Event) {
	if w.o.Report == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.o.Report(e)
}

// storeError marks an error of the store, which stops a poll: the other
// errors are a source's or an item's.
type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }
func (e *storeError) Unwrap() error { return e.err }

func storeErr(err error) error {
	if err == nil {
		return nil
	}
	return &storeError{err}
}

// IsStoreError reports whether err came from the store rather than from
// a source.
func IsStoreError(err error) bool {
	var se *storeError
	return errors.As(err, &se)
}

// SourceKey returns the key under which a source given on the command
// line is kept: a normalised URL, or the absolute path of a file listing
// URLs. isFile tells which.
func SourceKey(arg string) (key string, isFile bool, err error) {
	if looksLikeURL(arg) {
		u, err := fetch.Normalize(arg)
		return u, false, err
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		return "", true, fmt.Errorf("%s: %w", arg, err)
	}
	return abs, true, nil
}

// looksLikeURL reports whether s starts with a URL scheme ("https:",
// "ftp:"), so that it is read as a URL rather than as a file path.
func looksLikeURL(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return strings.HasPrefix(strings.ToLower(s), "javascript:") || strings.HasPrefix(strings.ToLower(s), "mailto:")
	}
	for j, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

// IsURL reports whether a command-line argument names a URL rather than a
// file.
func IsURL(arg string) bool { return looksLikeURL(arg) }

// statusOf classifies the error of a source or item.
func statusOf(err error) string {
	if k := fetch.KindOf(err); k != "" {
		return string(k)
	}
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		return StatusMalformed
	}
	var me *malformedError
	if errors.As(err, &me) {
		return StatusMalformed
	}
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
		return StatusUnreadable
	}
	var ue *unreadableError
	if errors.As(err, &ue) {
		return StatusUnreadable
	}
	return StatusMalformed
}

type malformedError struct{ msg string }

func (e *malformedError) Error() string { return e.msg }

func malformed(format string, args ...any) error {
	return &malformedError{fmt.Sprintf(format, args...)}
}

type unreadableError struct{ msg string }

func (e *unreadableError) Error() string { return e.msg }

// now is the time of a poll, in UTC.
func now() time.Time { return time.Now().UTC() }
