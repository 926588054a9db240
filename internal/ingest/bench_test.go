package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest/testdoc"
)

// benchPDF lays the example transcript out as pages of 11-point text, 60
// lines of at most 90 characters a page, with a running header and page
// numbers, repeated to the given number of pages.
func benchPDF(b *testing.B, pages int) (testdoc.PDF, int) {
	b.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "nato-libya", "nato-libya-joint-press-conference.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var lines []string
	for _, para := range strings.Split(string(raw), "\n") {
		var cur string
		for _, w := range strings.Fields(para) {
			if len(cur)+len(w)+1 > 90 {
				lines = append(lines, cur)
				cur = ""
			}
			if cur != "" {
				cur += " "
			}
			cur += w
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		lines = append(lines, "")
	}
	var p testdoc.PDF
	size, k := 0, 0
	for n := 0; n < pages; n++ {
		var pg []string
		for len(pg) < 60 {
			pg = append(pg, lines[k%len(lines)])
			size += len(lines[k%len(lines)]) + 1
			k++
		}
		texts := testdoc.Lines(50, 815, 8, 10, "Joint press conference — transcript")
		texts = append(texts, testdoc.Lines(50, 780, 10, 12, pg...)...)
		texts = append(texts, testdoc.Lines(290, 30, 8, 10, "Page "+itoaB(n+1))...)
		p.Pages = append(p.Pages, testdoc.Page{Texts: texts})
	}
	p.Compress = true
	return p, size
}

func itoaB(n int) string {
	s := ""
	for n > 0 || s == "" {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// BenchmarkPDF reads a 100-page PDF with pdftotext and with the built-in
// reader: page assembly, transcript reading and metadata included.
//
//	go test -run XXX -bench PDF -benchtime 5x ./internal/ingest
func BenchmarkPDF(b *testing.B) {
	const pages = 100
	p, size := benchPDF(b, pages)
	path := filepath.Join(b.TempDir(), "bench.pdf")
	if err := os.WriteFile(path, p.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	found := FindTools()
	for _, tc := range []struct {
		name  string
		tools Tools
	}{{"pdftotext", Tools{PDFToText: found.PDFToText}}, {"built-in", Tools{}}} {
		b.Run(tc.name, func(b *testing.B) {
			if tc.name == "pdftotext" && tc.tools.PDFToText == "" {
				b.Skip("pdftotext is not installed")
			}
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				docs, err := File(context.Background(), path, Options{Tools: &tc.tools})
				if err != nil || len(docs[0].Pages) != pages {
					b.Fatalf("%v", err)
				}
			}
			b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkOCRPage reads one scanned page (rendered at 150 dpi) by OCR:
// pdftoppm at 300 dpi, then tesseract.
//
//	go test -run XXX -bench OCRPage -benchtime 3x ./internal/ingest
func BenchmarkOCRPage(b *testing.B) {
	found := FindTools()
	if !found.CanOCR() || found.PDFToText == "" {
		b.Skip("poppler-utils and tesseract-ocr are needed")
	}
	p, _ := benchPDF(b, 1)
	scan, err := testdoc.Scanned(p, 150)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "scan.pdf")
	if err := os.WriteFile(path, scan, 0o644); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		docs, err := File(context.Background(), path, Options{Tools: &found})
		if err != nil || len(docs[0].OCRPages) != 1 {
			b.Fatalf("%v", err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/page")
}

// BenchmarkDOCX reads a Word file of the same text as 100 PDF pages.
//
//	go test -run XXX -bench DOCX -benchtime 5x ./internal/ingest
func BenchmarkDOCX(b *testing.B) {
	p, size := benchPDF(b, 100)
	var body []any
	for _, pg := range p.Pages {
		for _, t := range pg.Texts {
			body = append(body, testdoc.Paragraph{Text: t.S})
		}
	}
	path := filepath.Join(b.TempDir(), "bench.docx")
	if err := os.WriteFile(path, testdoc.DOCX{Body: body}.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	for i := 0; i < b.N; i++ {
		if _, err := File(context.Background(), path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
