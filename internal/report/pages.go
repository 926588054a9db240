package report

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
)

// VerdictLabel is a quote's verdict for people, marked "(reported as not
// said)" when the document says the source did not say it
// (model.Quote.Negated), "(supposed, not reported as said)" when it only
// supposes the saying (model.Quote.Hypothetical), and "(OCR)" when the words compared were read
// by OCR from a scanned page: a verdict on them is not proof
// (quotes.NoteOCR).
func VerdictLabel(q model.Quote) string {
	switch {
	case q.Negated:
		// what the document says was not said: no one's reported words
		return q.Verdict + " (reported as not said)"
	case q.Hypothetical:
		// what the document supposes: "if X said …"
		return q.Verdict + " (supposed, not reported as said)"
	case OCRNoted(q):
		return q.Verdict + " (OCR)"
	}
	return q.Verdict
}

// OCRNoted reports whether a quote's verdict rests on words read by OCR.
func OCRNoted(q model.Quote) bool { return q.OCR }

// PageLabel says on which page evidence lies, for people: "page 3",
// "pages 3–4", or "" when its document has no pages.
func PageLabel(e model.Evidence) string {
	switch {
	case e.Page <= 0:
		return ""
	case e.PageEnd > e.Page:
		return fmt.Sprintf("pages %d–%d", e.Page, e.PageEnd)
	}
	return fmt.Sprintf("page %d", e.Page)
}

// paged returns e with its pages, taken from its document when the
// evidence does not carry them yet.
func (x *writer) paged(e model.Evidence) model.Evidence {
	if e.Page > 0 {
		return e
	}
	if d := x.docs.Get(e.Doc); d != nil {
		return e.WithPages(d.Pages)
	}
	return e
}

// where names the document of evidence with its page, if any:
// "Minutes [abc123def456], page 3".
func (x *writer) where(e model.Evidence) string {
	s := x.docLabel(e.Doc)
	if pg := PageLabel(x.paged(e)); pg != "" {
		s += ", " + pg
	}
	return s
}
