package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/ingest/testdoc"
)

// FuzzBinary checks that damaged PDF and Word files never panic or hang
// the built-in readers, that errors are one line, and that page starts
// are in order and inside the text. Run it with
//
//	go test -run XXX -fuzz=FuzzBinary -fuzztime=60s ./internal/ingest/
func FuzzBinary(f *testing.F) {
	page := testdoc.Page{Texts: testdoc.Lines(60, 760, 11, 14, "CHAIR ROE: The ferry is late.", "COUNCILLOR POE: It is.")}
	for _, p := range []testdoc.PDF{
		{Pages: []testdoc.Page{page, page}},
		{Pages: []testdoc.Page{page}, Compress: true, Info: map[string]string{"Title": "Ferry", "CreationDate": "D:20250304"}},
		{Pages: []testdoc.Page{page}, BrokenXref: true},
		{Pages: []testdoc.Page{page}, OwnerPassword: "x"},
		{},
	} {
		f.Add(true, p.Bytes())
	}
	f.Add(false, testdoc.DOCX{Body: []any{testdoc.Paragraph{Style: "Title", Text: "Ferry"}, testdoc.Table{Rows: [][]string{{"a", "b"}}}}, Title: "Ferry"}.Bytes())
	f.Fuzz(func(t *testing.T, pdf bool, data []byte) {
		name := "f.docx"
		if pdf {
			name = "f.pdf"
		}
		docs, err := Parse(context.Background(), name, data, Options{MaxSize: 1 << 20, Tools: &Tools{}})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "internal error") {
				t.Fatalf("bad error: %v", err)
			}
			return
		}
		for _, d := range docs {
			if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) == "" {
				t.Fatalf("bad text %q", d.Text)
			}
			for i, s := range d.Pages {
				if s < 0 || s > len(d.Text) || (i > 0 && s < d.Pages[i-1]) || (i == 0 && s != 0) {
					t.Fatalf("page starts %v for %d bytes of text", d.Pages, len(d.Text))
				}
			}
			for i, tr := range d.Turns {
				if err := tr.Content.Check(d.Text); err != nil {
					t.Fatalf("turn %d: %v", i, err)
				}
			}
		}
	})
}
