package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
	"github.com/dossier-project/dossier/internal/store"
)

// A quote checked by the stored pass against a transcript whose pages
// were read by OCR keeps its verdict, with a note that the words came from
// a scanned page.
func TestQuoteAgainstOCRRecordIsNoted(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	read := func(name, text string) *model.Document {
		docs, err := ingest.Parse(ctx, name, []byte(text), ingest.Options{Tools: &ingest.Tools{}})
		if err != nil {
			t.Fatal(err)
		}
		return docs[0]
	}
	record := read("briefing.txt", "Ferry briefing\n\nHarrowgate, 5 March 2025\n\n"+
		"MAYOR TEODOR VASKO: The ferry will run every hour from the first of May.\n\n"+
		"Q: And at weekends?\n\n"+
		"MAYOR TEODOR VASKO: At weekends too.\n")
	article := read("article.txt", "Ferry to run hourly\n\nHarrowgate, 6 March 2025 – Mayor Teodor Vasko said: “The ferry will run every hour from the first of May.”\n")
	for _, ocr := range []bool{false, true} {
		rec := *record
		if ocr {
			rec.Pages, rec.OCRPages = []int{0}, []int{1}
		}
		st, err := store.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for _, d := range []*model.Document{&rec, article} {
			a, err := p.Document(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.AddDocument(ctx, d, a); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := p.Pass(ctx, st, PassOptions{}); err != nil {
			t.Fatal(err)
		}
		var res struct{ Quotes []model.Quote }
		if err := st.ForEachQuote(ctx, store.QuoteQuery{}, func(q model.Quote) error {
			res.Quotes = append(res.Quotes, q)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		var q *model.Quote
		for i := range res.Quotes {
			if res.Quotes[i].Doc == article.ID && res.Quotes[i].Direct {
				q = &res.Quotes[i]
			}
		}
		if q == nil || q.Verdict != model.VerdictVerbatim {
			t.Fatalf("ocr=%v: quote %+v, want verbatim", ocr, q)
		}
		if noted := strings.Contains(q.Diff, quotes.OCRNote); noted != ocr {
			t.Errorf("ocr=%v: diff %q", ocr, q.Diff)
		}
	}
}
