package model

import "fmt"

// Span is a half-open byte range [Start, End) of a document's text,
// with the text it covers.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// NewSpan returns the span of src between start and end. It clamps the
// range to src so that it never panics on bad offsets.
func NewSpan(src string, start, end int) Span {
	if start < 0 {
		start = 0
	}
	if start > len(src) {
		start = len(src)
	}
	if end > len(src) {
		end = len(src)
	}
	if end < start {
		end = start
	}
	return Span{Start: start, End: end, Text: src[start:end]}
}

// Len is the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no text.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Check reports an error when the span does not round-trip to src.
func (s Span) Check(src string) error {
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		return fmt.Errorf("span [%d,%d) out of range (text has %d bytes)", s.Start, s.End, len(src))
	}
	if src[s.Start:s.End] != s.Text {
		return fmt.Errorf("span [%d,%d) text %q does not match document text %q", s.Start, s.End, s.Text, src[s.Start:s.End])
	}
	return nil
}

// Evidence points at the words an output rests on: a document and a span
// of its text, and, for documents with pages (PDF), the page the span
// starts on and, when it runs over a page break, the page it ends on.
// The pages are set where evidence is shown (WithPages); 0 means the
// document has no pages or they were not asked for.
type Evidence struct {
	Doc     string `json:"doc"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Page    int    `json:"page,omitempty"`
	PageEnd int    `json:"page_end,omitempty"`
}

// EvidenceOf returns the evidence for span s in document doc.
func EvidenceOf(doc string, s Span) Evidence {
	return Evidence{Doc: doc, Start: s.Start, End: s.End, Text: s.Text}
}
