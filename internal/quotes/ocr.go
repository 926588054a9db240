package quotes

// This file is the one place where quotes learn that words may have been
// read by OCR. It was added with PDF ingestion (issue 14) and does not
// change how verdicts are reached: it only notes, next to a verdict, that
// the words it rests on came from an image of a page.

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// OCRNote opens the note NoteOCR adds to a quote's Diff when the words
// that were compared were read by optical character recognition from a
// scanned page. A verdict on such words is not proof: "verbatim" may hide
// a misread word that matched by chance, and "altered" or
// "wrong-speaker" may come from a misread word rather than from the
// writer. The checks treat an altered quote with this note as a lead to
// check against the page image, not as an established misquotation.
const OCRNote = "read by OCR"

// NoteOCR adds OCRNote to q.Diff when q was compared with a primary
// record (verbatim, altered, paraphrase-supported, wrong-speaker) and the
// quote's words or the record's words were read by OCR. ocr reports
// whether bytes [start, end) of document doc were read by OCR
// (model.Document.OCRAt). Calling it twice adds the note once.
func NoteOCR(q *model.Quote, ocr func(doc string, start, end int) bool) {
	if q == nil || ocr == nil || strings.Contains(q.Diff, OCRNote) {
		return
	}
	switch q.Verdict {
	case model.VerdictVerbatim, model.VerdictAltered, model.VerdictParaphrase, model.VerdictWrongSpeaker, model.VerdictSpeakerNotVerified:
	default:
		return
	}
	var which []string
	if n := len(q.Contents); n > 0 && ocr(q.Doc, q.Contents[0].Start, q.Contents[n-1].End) {
		which = append(which, "the quote")
	}
	if p := q.Primary; p != nil && ocr(p.Doc, p.Start, p.End) {
		which = append(which, "the record")
	}
	if len(which) == 0 {
		return
	}
	q.OCR = true
	q.Diff = joinNote(q.Diff, OCRNote+": "+strings.Join(which, " and ")+" came from a scanned page; check the words against the page image")
}
