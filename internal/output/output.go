// Package output holds the JSON shapes of dossier's results, shared by
// the command line's --json output and the server's /api/, so that both
// say the same thing the same way.
//
// In: model values (documents, quotes, events). Out: the documented JSON
// objects, and writers for indented JSON and for arrays streamed one
// element at a time.
package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// Document is the documented shape of a document.
type Document struct {
	ID         string     `json:"id"`
	Path       string     `json:"path"`
	URL        string     `json:"url,omitempty"`
	Title      string     `json:"title"`
	Kind       model.Kind `json:"kind"`
	Date       *string    `json:"date"`
	DateEnd    *string    `json:"date_end,omitempty"`
	DateSource string     `json:"date_source"`
	DateReason string     `json:"date_reason,omitempty"`
	Authors    []string   `json:"authors"`
	Publisher  string     `json:"publisher"`
	Site       string     `json:"site,omitempty"`
	Speakers   []Speaker  `json:"speakers"`
	// For a page fetched from the web: where the URL led, when it was
	// fetched, and the id of the version before when the page changed.
	FinalURL  string `json:"final_url,omitempty"`
	FetchedAt string `json:"fetched_at,omitempty"`
	Previous  string `json:"previous,omitempty"`
	// For PDF and Word files: the number of pages (PDF only), how the
	// text was obtained, and the pages read by OCR.
	Format     string `json:"format,omitempty"`
	Pages      int    `json:"pages,omitempty"`
	Extraction string `json:"extraction,omitempty"`
	OCRPages   []int  `json:"ocr_pages,omitempty"`
}

// Speaker is a transcript's speaker.
type Speaker struct {
	Name         string `json:"name"`
	Role         string `json:"role"`
	Organization string `json:"organization"`
	Questioner   bool   `json:"questioner,omitempty"`
}

// DocumentOf gives d its documented shape.
func DocumentOf(d *model.Document) Document {
	j := Document{
		ID: d.ID, Path: d.Path, URL: d.URL, Title: d.Title, Kind: d.Kind,
		DateSource: d.DateSource, DateReason: d.DateReason,
		Authors: NonNil(d.Authors), Publisher: d.Publisher, Site: d.Site,
		Speakers: []Speaker{},
		FinalURL: d.FinalURL, Previous: d.Previous,
		Format: d.Format, Pages: d.PageCount(), Extraction: d.Extraction, OCRPages: d.OCRPages,
	}
	if !d.FetchedAt.IsZero() {
		j.FetchedAt = d.FetchedAt.UTC().Format(time.RFC3339)
	}
	if !d.Date.IsZero() {
		s := d.Date.Format("2006-01-02")
		j.Date = &s
	}
	if !d.DateEnd.IsZero() {
		s := d.DateEnd.Format("2006-01-02")
		j.DateEnd = &s
	}
	for _, s := range d.Speakers {
		j.Speakers = append(j.Speakers, Speaker{Name: s.Name, Role: s.Role, Organization: s.Organization, Questioner: s.Questioner})
	}
	return j
}

// Pages are the page starts of the dossier's documents that have pages
// (PDF), by document id (model.Document.Pages): one int per page, so
// that a quote or an event can say its page without its document's text.
type Pages map[string][]int

// Note keeps the page starts of d, if it has pages.
func (p Pages) Note(d *model.Document) {
	if len(d.Pages) > 0 {
		p[d.ID] = d.Pages
	}
}

// Page is the page of byte offset off in document doc, 0 when the
// document has no pages.
func (p Pages) Page(doc string, off int) int { return model.PageAt(p[doc], off) }

// Event is the documented shape of an event: the event with the date it
// is anchored to, and the page its sentence starts on in a document with
// pages.
type Event struct {
	model.Event
	Date *string `json:"date"`
	Page int     `json:"page,omitempty"`
}

// EventOf gives e its documented shape; pages may be nil.
func EventOf(e model.Event, pages Pages) Event {
	e.Context = NonNil(e.Context)
	j := Event{Event: e, Page: pages.Page(e.Doc, e.Sentence.Start)}
	if e.When != nil && e.When.Value != "" {
		v := e.When.Value
		j.Date = &v
	}
	return j
}

// Quote is the documented shape of a quote.
type Quote struct {
	ID          string `json:"id"`
	Doc         string `json:"doc"`
	Speaker     string `json:"speaker"`
	SpeakerCode string `json:"speaker_code"`
	// SpeakerBy says how the speaker was found (model.Quote.SpeakerBy):
	// "name", "role", "pronoun", "context"; "phrase" and "description"
	// mark a speaker that is no person's name.
	SpeakerBy string `json:"speaker_by"`
	Anonymous bool   `json:"anonymous"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Page      int    `json:"page,omitempty"`
	Direct    bool   `json:"direct"`
	Question  bool   `json:"question,omitempty"`
	Unclosed  bool   `json:"unclosed,omitempty"`
	// Act: the content is what the source did to an object ("endorsed
	// the senator"), not a claim it made (model.Quote.Act).
	Act bool `json:"act,omitempty"`
	// Negated: the document reports that the source did not say it
	// (model.Quote.Negated); never checked against a record.
	Negated bool `json:"negated,omitempty"`
	// Hypothetical: the document supposes the saying ("if X said …",
	// model.Quote.Hypothetical); never checked against a record.
	Hypothetical bool `json:"hypothetical,omitempty"`
	// Occasions: the kinds of occasion the quote's sentence names
	// (model.Quote.Occasions).
	Occasions []string        `json:"occasions,omitempty"`
	Cue       *model.Span     `json:"cue"`
	Sources   []model.Span    `json:"sources"`
	Contents  []model.Span    `json:"contents"`
	Verdict   string          `json:"verdict"`
	Score     float64         `json:"score"`
	Primary   *model.Evidence `json:"primary"`
	Diff      string          `json:"diff"`
	Rule      string          `json:"rule"`
	When      *model.Anchor   `json:"when"`
}

// QuoteOf gives q its documented shape; pages may be nil.
func QuoteOf(q model.Quote, pages Pages) Quote {
	j := Quote{ID: q.ID, Doc: q.Doc, Speaker: q.Speaker, SpeakerCode: q.SpeakerCode, SpeakerBy: q.SpeakerBy, Anonymous: q.Anonymous,
		Text: q.Text(), Direct: q.Direct, Question: q.Question, Unclosed: q.Unclosed, Act: q.Act, Negated: q.Negated, Hypothetical: q.Hypothetical, Occasions: q.Occasions, Cue: q.Cue,
		Sources: NonNil(q.Sources), Contents: NonNil(q.Contents), Verdict: q.Verdict, Score: q.Score,
		Primary: q.Primary, Diff: q.Diff, Rule: q.Rule, When: q.When}
	if len(q.Contents) > 0 {
		j.Start, j.End = q.Contents[0].Start, q.Contents[len(q.Contents)-1].End
		j.Page = pages.Page(q.Doc, j.Start)
	}
	return j
}

// NonNil returns s, or an empty slice for nil, so that JSON says [] and
// not null.
func NonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WriteJSON writes v as JSON indented by two spaces, with a final new
// line, without escaping <, > and &.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// Array writes a JSON array one element at a time, byte for byte as
// WriteJSON writes the whole slice, so that a long list need not be held
// in memory.
type Array struct {
	w io.Writer
	// indent is the indentation of the array's own line: "" at the top,
	// "  " for an array in an Object.
	indent string
	n      int
	buf    bytes.Buffer
	err    error
}

// NewArray starts an array on w.
func NewArray(w io.Writer) *Array { return &Array{w: w} }

// Add writes one element.
func (a *Array) Add(v any) error {
	if a.err != nil {
		return a.err
	}
	a.buf.Reset()
	if a.n == 0 {
		a.buf.WriteString("[\n  " + a.indent)
	} else {
		a.buf.WriteString(",\n  " + a.indent)
	}
	enc := json.NewEncoder(&a.buf)
	enc.SetIndent("  "+a.indent, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		a.err = fmt.Errorf("write JSON: %w", err)
		return a.err
	}
	a.buf.Truncate(a.buf.Len() - 1) // Encode's new line
	a.n++
	if _, err := a.w.Write(a.buf.Bytes()); err != nil {
		a.err = fmt.Errorf("write JSON: %w", err)
	}
	return a.err
}

// Close ends the array.
func (a *Array) Close() error {
	if a.err != nil {
		return a.err
	}
	end := "\n" + a.indent + "]"
	if a.n == 0 {
		end = "[]"
	}
	if a.indent == "" {
		end += "\n"
	}
	if _, err := io.WriteString(a.w, end); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// Object writes a JSON object whose fields are arrays, an element at a
// time, byte for byte as WriteJSON writes a struct of slices.
type Object struct {
	w   io.Writer
	n   int
	err error
}

// NewObject starts an object on w.
func NewObject(w io.Writer) *Object { return &Object{w: w} }

// Array starts the field name, an array whose elements the caller adds
// and closes before the next field.
func (o *Object) Array(name string) *Array {
	sep := "{\n  "
	if o.n > 0 {
		sep = ",\n  "
	}
	o.n++
	key, _ := json.Marshal(name)
	if _, err := io.WriteString(o.w, sep+string(key)+": "); err != nil && o.err == nil {
		o.err = fmt.Errorf("write JSON: %w", err)
	}
	return &Array{w: o.w, indent: "  ", err: o.err}
}

// Close ends the object.
func (o *Object) Close() error {
	if o.err != nil {
		return o.err
	}
	end := "\n}\n"
	if o.n == 0 {
		end = "{}\n"
	}
	if _, err := io.WriteString(o.w, end); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}
