// Package store keeps dossier's record: documents with their text and
// metadata, the per-document analysis (mentions, temporal expressions,
// quotes, events) and the cross-document results (verified quotes,
// anchored events, timeline, findings).
//
// There are two backends behind one interface: SQLite (the default, a
// file such as dossier.db, through the pure-Go modernc.org/sqlite driver)
// and PostgreSQL (selected by a postgres:// or postgresql:// DSN, through
// pgx). Both keep the main fields of every record in real columns, for
// people who query the database with SQL, and the full record as JSON in a
// data column, so that nothing is lost when the model types gain fields.
// The schema is created and migrated forward by embedded goose migrations
// whenever a store is opened.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// Store is dossier's record. All methods are safe for concurrent use.
type Store interface {
	// AddDocument stores doc and its per-document analysis in ONE
	// transaction. If a document with the same ID is already stored it
	// changes nothing and returns added=false. a may be nil.
	AddDocument(ctx context.Context, doc *model.Document, a *model.Analysis) (added bool, err error)
	// AddDocuments stores several documents (e.g. all items of one feed
	// file) in one transaction: all or none. as is either nil or has one
	// analysis (possibly nil) per document.
	AddDocuments(ctx context.Context, docs []*model.Document, as []*model.Analysis) (added []bool, err error)
	// Has reports whether a document with this full id is stored.
	Has(ctx context.Context, id string) (bool, error)
	// Documents returns all documents, metadata and text, ordered by date
	// (undated last) then path.
	Documents(ctx context.Context) ([]*model.Document, error)
	// ListDocuments returns a page of the documents in the order of
	// Documents, without their text, and how many there are; limit <= 0
	// means no limit.
	ListDocuments(ctx context.Context, offset, limit int) ([]*model.Document, int, error)
	// ForEachDocument streams the documents in the order of Documents,
	// without their text and turns: to list a dossier of any size.
	ForEachDocument(ctx context.Context, fn func(*model.Document) error) error
	// DocumentInfo is the document with this full id without its text
	// and turns, or an error wrapping ErrNotFound.
	DocumentInfo(ctx context.Context, id string) (*model.Document, error)
	// Document finds a document by full id, unique id prefix (at least
	// four hex digits) or exact path. It returns an error wrapping
	// ErrNotFound or ErrAmbiguous when there is no single match.
	Document(ctx context.Context, idOrPrefix string) (*model.Document, error)
	// Search runs a full-text query over titles and texts. The query
	// takes words (all must match), "quoted phrases", OR between
	// alternatives and -word to exclude; anything else is treated as
	// words, never as a syntax error. limit <= 0 means DefaultSearchLimit.
	// Hits come best first; Rank is higher for better hits and is only
	// comparable within one backend.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Analysis returns the stored analysis of a document (empty when none
	// was stored), or an error wrapping ErrNotFound.
	Analysis(ctx context.Context, docID string) (*model.Analysis, error)
	// AnalysisParts is Analysis with only the parts asked for read; the
	// other lists are empty.
	AnalysisParts(ctx context.Context, docID string, parts AnalysisPart) (*model.Analysis, error)
	// ForEachAnalysis streams stored documents with their analyses, in
	// document order, without loading all into memory. It stops at the
	// first error fn returns and returns it.
	ForEachAnalysis(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error
	// SetDocumentDate updates a document's inferred date (Date, DateEnd,
	// DateSource, DateReason) — used when a later stage infers it.
	SetDocumentDate(ctx context.Context, doc *model.Document) error
	// PassStatus says what the last cross-document pass ran on and how
	// many documents were added since.
	PassStatus(ctx context.Context) (PassStatus, error)
	// StartPass records that a pass begins with state st (stored as not
	// complete). With reset, every document is to be checked again (the
	// context changed); the stored results stay readable until the pass
	// replaces them.
	StartPass(ctx context.Context, st PassState, reset bool) error
	// ForEachPassedDocument streams the documents whose own results
	// are stored, with what is stored of their check, in no particular
	// order.
	ForEachPassedDocument(ctx context.Context, fn func(id string, pd PassedDoc) error) error
	// ForEachAnalysisOf is ForEachAnalysis over the documents of the
	// given kinds and those whose own results are not stored.
	ForEachAnalysisOf(ctx context.Context, kinds []model.Kind, fn func(*model.Document, *model.Analysis) error) error
	// PutDocResults stores documents' own results, replacing what was
	// stored for them, in one transaction.
	PutDocResults(ctx context.Context, rs []DocResults) error
	// FinishPass replaces the results across documents, puts every
	// finding in its place in the list and records st as the complete
	// state, in one transaction.
	FinishPass(ctx context.Context, a *Across, st PassState) error

	// ForEachFinding streams the findings q selects, most serious first.
	ForEachFinding(ctx context.Context, q FindingQuery, fn func(model.Finding) error) error
	// CountFindings counts the findings q selects (ignoring its offset
	// and limit).
	CountFindings(ctx context.Context, q FindingQuery) (int, error)
	// FindingKinds counts the findings by kind and by severity.
	FindingKinds(ctx context.Context) (kinds, severities map[string]int, err error)
	// ForEachQuote streams the quotes with their verdicts, in document
	// order.
	ForEachQuote(ctx context.Context, q QuoteQuery, fn func(model.Quote) error) error
	// ForEachEvent streams the events, anchored, in document order; doc,
	// when set, is the full id of the one document to read.
	ForEachEvent(ctx context.Context, doc string, fn func(model.Event) error) error
	// Acts says which of the events with these ids are acts of the
	// record (model.Event.Act): those present in the map.
	Acts(ctx context.Context, ids []string) (map[string]bool, error)
	// ForEachTimelineEntry streams the timeline in order; limit <= 0
	// means no limit.
	ForEachTimelineEntry(ctx context.Context, offset, limit int, fn func(model.TimelineEntry) error) error
	// CountResults counts the documents and the stored results, as the
	// ForEach methods give them.
	CountResults(ctx context.Context) (Counts, error)
	// CountTimeline counts the timeline's entries.
	CountTimeline(ctx context.Context) (int, error)
	// ForEachActor streams the people and organisations, most mentioned
	// first; limit <= 0 means no limit.
	ForEachActor(ctx context.Context, offset, limit int, fn func(Actor) error) error
	// Actor returns one person or organisation by key, or an error
	// wrapping ErrNotFound.
	Actor(ctx context.Context, key string) (*Actor, error)
	// PageStarts returns the page starts (model.Document.Pages) of the
	// documents that have pages, by id, without their texts: so that
	// output can say on which page a span lies.
	PageStarts(ctx context.Context) (map[string][]int, error)
	// Exclusive runs fn while holding the store's lock called name: no
	// other holder of it, in this process or any other on any machine,
	// runs at the same time. It waits for the lock until ctx ends. A
	// holder that dies releases it (PostgreSQL: an advisory lock of its
	// session; SQLite: a lock on the file NAME-lock beside the
	// database). Writers that do not ask for it (AddDocuments) are not
	// blocked.
	Exclusive(ctx context.Context, name string, fn func() error) error
	// WatchState keeps fetched pages and the state of watched sources.
	WatchState
	Close() error
}

// AnalysisPart names parts of a document's analysis, to read only those
// (AnalysisParts).
type AnalysisPart int

// The parts of an analysis.
const (
	MentionsPart AnalysisPart = 1 << iota
	TimexesPart
	QuotesPart
	EventsPart
	AllParts = MentionsPart | TimexesPart | QuotesPart | EventsPart
)

// Hit is one search result.
type Hit struct {
	Doc   string `json:"doc"`
	Title string `json:"title"`
	Path  string `json:"path"`
	// Snippet is an excerpt of the text around the matches, with matches
	// marked (by default as [match]).
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}

// Errors returned (wrapped) by the store.
var (
	ErrNotFound  = errors.New("not found")
	ErrAmbiguous = errors.New("ambiguous")
	// ErrNotDossier is returned by Open for a file that is not a dossier
	// database.
	ErrNotDossier = errors.New("not a dossier database")
	// ErrNoDossier is returned by Open with Existing when there is no
	// dossier yet: no such SQLite file, or no dossier tables in the
	// PostgreSQL database.
	ErrNoDossier = errors.New("no dossier here yet")
)

// DefaultSearchLimit is the number of hits Search returns when asked for
// limit <= 0.
const DefaultSearchLimit = 20

// MinPrefix is the shortest id prefix Document accepts.
const MinPrefix = 4

// Option configures Open.
type Option func(*options)

type options struct {
	markStart, markEnd string
	existing           bool
}

func defaultOptions() options {
	return options{markStart: "[", markEnd: "]"}
}

// WithHighlight sets the markers put around matches in search snippets
// (default "[" and "]"). With PostgreSQL the markers may not contain a
// double quote.
func WithHighlight(start, end string) Option {
	return func(o *options) { o.markStart, o.markEnd = start, end }
}

// Existing makes Open refuse, with an error wrapping ErrNoDossier, a
// SQLite file that does not exist or a PostgreSQL database that holds no
// dossier, instead of creating one: for commands that only read.
func Existing() Option {
	return func(o *options) { o.existing = true }
}

// IsPostgres reports whether dsn selects the PostgreSQL backend.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the store named by dsn, creating it if needed and migrating
// its schema forward: PostgreSQL for a postgres:// or postgresql:// DSN,
// otherwise SQLite with dsn as the file name (or a file: URI).
func Open(ctx context.Context, dsn string, opts ...Option) (Store, error) {
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	if IsPostgres(dsn) {
		if strings.Contains(o.markStart+o.markEnd, `"`) {
			return nil, fmt.Errorf("open store: highlight markers %q %q: a double quote is not allowed", o.markStart, o.markEnd)
		}
		return openPostgres(ctx, dsn, o)
	}
	return openSQLite(ctx, dsn, o)
}
