package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

func TestNoteOCR(t *testing.T) {
	// Document "scan" was read by OCR from byte 100 on.
	ocr := func(doc string, start, end int) bool { return doc == "scan" && end > 100 }
	quote := func(doc string, verdict string, primary *model.Evidence) *model.Quote {
		return &model.Quote{Doc: doc, Verdict: verdict, Contents: []model.Span{{Start: 120, End: 160, Text: "x"}}, Primary: primary}
	}
	rec := &model.Evidence{Doc: "scan", Start: 150, End: 190}
	typed := &model.Evidence{Doc: "typed", Start: 150, End: 190}
	tests := []struct {
		name string
		q    *model.Quote
		want string // "" when no note
	}{
		{"verbatim against a scanned record", quote("article", model.VerdictVerbatim, rec), "read by OCR: the record came from a scanned page"},
		{"altered quote in a scanned article", quote("scan", model.VerdictAltered, typed), "read by OCR: the quote came from a scanned page"},
		{"both scanned", quote("scan", model.VerdictWrongSpeaker, rec), "read by OCR: the quote and the record came from"},
		{"typed on both sides", quote("article", model.VerdictVerbatim, typed), ""},
		{"no record compared", quote("scan", model.VerdictNoRecord, nil), ""},
		{"a primary record's own words", quote("scan", model.VerdictPrimary, rec), ""},
	}
	for _, tc := range tests {
		NoteOCR(tc.q, ocr)
		switch {
		case tc.want == "" && tc.q.Diff != "":
			t.Errorf("%s: note %q, want none", tc.name, tc.q.Diff)
		case tc.want != "" && !strings.Contains(tc.q.Diff, tc.want):
			t.Errorf("%s: diff %q, want %q", tc.name, tc.q.Diff, tc.want)
		}
	}
	// The note goes after an existing diff, once.
	q := quote("article", model.VerdictAltered, rec)
	q.Diff = "[-six-] {+seven+}"
	NoteOCR(q, ocr)
	NoteOCR(q, ocr)
	if !strings.HasPrefix(q.Diff, "[-six-] {+seven+} (read by OCR") || strings.Count(q.Diff, OCRNote) != 1 {
		t.Errorf("diff = %q", q.Diff)
	}
}
