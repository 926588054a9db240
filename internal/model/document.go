package model

import "time"

// Kind is what a document is: a primary record (transcript, statement) or
// coverage (article).
type Kind string

// The document kinds.
const (
	KindTranscript Kind = "transcript"
	KindArticle    Kind = "article"
	KindStatement  Kind = "statement"
)

// ParseKind returns the kind named s, or false.
func ParseKind(s string) (Kind, bool) {
	switch k := Kind(s); k {
	case KindTranscript, KindArticle, KindStatement:
		return k, true
	}
	return "", false
}

// Primary reports whether documents of this kind are primary records,
// against which quotes in coverage are verified.
func (k Kind) Primary() bool { return k == KindTranscript || k == KindStatement }

// Where a document's date came from.
const (
	DateFromFlag     = "flag"     // --date on the command line
	DateFromSidecar  = "sidecar"  // NAME.meta.yaml
	DateFromMeta     = "metadata" // HTML metadata or feed item date
	DateFromHeader   = "header"   // a date line in the document's header
	DateFromDateline = "dateline" // "Addis Ababa, 12 March 2024"
	DateFromInferred = "inferred" // inferred from the text (see DateReason)
)

// Speaker is a person who speaks in a transcript.
type Speaker struct {
	Name         string `json:"name"`
	Role         string `json:"role"`
	Organization string `json:"organization"`
	// Labels are the turn labels used for this speaker ("MAYOR WHITFIELD",
	// "Q"), as written.
	Labels []string `json:"labels,omitempty"`
	// Questioner is true for journalists asking questions.
	Questioner bool `json:"questioner,omitempty"`
}

// Turn is one speaker turn in a transcript.
type Turn struct {
	// Speaker indexes Document.Speakers, or is -1 when unknown.
	Speaker int `json:"speaker"`
	// Label is the turn label as written ("MAYOR WHITFIELD", "Q").
	Label Span `json:"label"`
	// Content is what the speaker said.
	Content Span `json:"content"`
	// Question is true for a questioner's turn.
	Question bool `json:"question,omitempty"`
}

// Document is one ingested document: its text and its metadata.
type Document struct {
	// ID identifies the document by a hash of its content (hex SHA-256).
	ID     string `json:"id"`
	Path   string `json:"path"`
	URL    string `json:"url,omitempty"`
	Format string `json:"format"` // text, markdown, html, feed-item, pdf, docx
	Title  string `json:"title"`
	Kind   Kind   `json:"kind"`
	// Date is the document's date; zero when unknown. DateEnd is set
	// when the date is only known to lie in a range [Date, DateEnd].
	Date       time.Time `json:"-"`
	DateEnd    time.Time `json:"-"`
	DateSource string    `json:"date_source"`
	// DateReason says, in words, why the date is what it is.
	DateReason string    `json:"date_reason,omitempty"`
	Authors    []string  `json:"authors"`
	Publisher  string    `json:"publisher"`
	Site       string    `json:"site,omitempty"`
	Speakers   []Speaker `json:"speakers"`
	Turns      []Turn    `json:"turns,omitempty"`
	// Text is the document's text, normalised to valid UTF-8 with \n line
	// ends. Every span of every output is an offset into it.
	Text string `json:"-"`
	// Warnings are problems found while ingesting that did not stop it.
	Warnings []string `json:"warnings,omitempty"`

	// For a document fetched from the web: FinalURL is where URL led
	// after redirects, FetchedAt when it was fetched, and Previous the id
	// of the earlier version of the same URL when the page changed.
	FinalURL  string    `json:"final_url,omitempty"`
	FetchedAt time.Time `json:"fetched_at,omitzero"`
	Previous  string    `json:"previous,omitempty"`
	// Pages are the byte offsets in Text at which the document's pages
	// start, for documents that have pages (PDF): Pages[0] is 0 and page
	// n (from 1) starts at Pages[n-1]. Empty for other documents. See
	// PageOf.
	Pages []int `json:"pages,omitempty"`
	// OCRPages are the pages (from 1) whose text was read by optical
	// character recognition from an image of the page: words there may
	// be misread. See OCRAt.
	OCRPages []int `json:"ocr_pages,omitempty"`
	// Extraction says how the text was obtained from a binary format
	// (ExtractPdftotext, ExtractPDFReader, ExtractDOCX); "" for text read
	// as it is.
	Extraction string `json:"extraction,omitempty"`
}

// ShortID is the abbreviated document id shown to people.
func (d *Document) ShortID() string {
	if len(d.ID) > 12 {
		return d.ID[:12]
	}
	return d.ID
}

// DateString formats the date as YYYY-MM-DD, or "" when unknown.
func (d *Document) DateString() string {
	if d.Date.IsZero() {
		return ""
	}
	return d.Date.Format("2006-01-02")
}
