package ingest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/ingest/testdoc"
	"github.com/dossier-project/dossier/internal/model"
)

// needTools skips the test when a program is missing, except under CI,
// where .ci/run installs it and its absence is a failure.
func needTools(t *testing.T, progs ...string) {
	t.Helper()
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed (CI installs poppler-utils and tesseract-ocr)", p)
			}
			t.Skipf("%s is not installed", p)
		}
	}
}

// readers are the two ways of reading a PDF: pdftotext when installed
// (under CI it must be), and the built-in reader always.
func readers(t *testing.T) map[string]*Tools {
	t.Helper()
	out := map[string]*Tools{"built-in": {}}
	found := FindTools()
	if found.PDFToText != "" {
		out["pdftotext"] = &Tools{PDFToText: found.PDFToText}
	} else if os.Getenv("CI") != "" {
		t.Fatal("pdftotext is not installed (CI installs poppler-utils)")
	}
	return out
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// twoColumnPDF is an article laid out in two columns under a full-width
// title, as a newsletter prints it.
func twoColumnPDF() testdoc.PDF {
	left := []string{
		"The Harrowgate council met on",
		"Tuesday evening to discuss the",
		"new ferry contract with Pelling",
		"Marine. The chair opened the",
		"debate and called for a vote",
		"after an hour of questions.",
	}
	right := []string{
		"Residents of the north shore",
		"have waited a decade for a",
		"reliable crossing, and several",
		"of them spoke at the public",
		"forum before the meeting was",
		"called to order.",
	}
	var texts []testdoc.Text
	texts = append(texts, testdoc.Lines(60, 780, 16, 20, "Ferry contract goes to a vote")...)
	texts = append(texts, testdoc.Lines(60, 730, 11, 14, left...)...)
	texts = append(texts, testdoc.Lines(320, 730, 11, 14, right...)...)
	return testdoc.PDF{Pages: []testdoc.Page{{Texts: texts}}}
}

func TestPDFTwoColumns(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "ferry.pdf", twoColumnPDF().Bytes())
	for name, tools := range readers(t) {
		t.Run(name, func(t *testing.T) {
			d := ingestOne(t, path, Options{Tools: tools})
			if d.Format != "pdf" || len(d.Pages) != 1 || d.PageOf(len(d.Text)-1) != 1 {
				t.Errorf("format %q, pages %v", d.Format, d.Pages)
			}
			if d.Title != "Ferry contract goes to a vote" {
				t.Errorf("title = %q", d.Title)
			}
			// Each column reads in one piece, left before right.
			l := strings.Index(d.Text, "The Harrowgate council met on\nTuesday evening")
			lEnd := strings.Index(d.Text, "after an hour of questions.")
			r := strings.Index(d.Text, "Residents of the north shore\nhave waited")
			if l < 0 || r < 0 || lEnd < 0 || !(l < lEnd && lEnd < r) {
				t.Errorf("columns out of order or interleaved:\n%s", d.Text)
			}
			// The title is a paragraph of its own, not the start of the
			// first sentence.
			if !strings.HasPrefix(d.Text, "Ferry contract goes to a vote\n\n") {
				t.Errorf("title not separated from the text:\n%s", d.Text)
			}
			want := model.ExtractPdftotext
			if name == "built-in" {
				want = model.ExtractPDFReader
				if len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0], "reading order may be rougher") {
					t.Errorf("no note about the built-in reader: %q", d.Warnings)
				}
			}
			if d.Extraction != want {
				t.Errorf("extraction = %q, want %q", d.Extraction, want)
			}
		})
	}
}

// minutesPages are two pages of a council's verbatim minutes with a
// running header, a page number in the footer, a word broken at a line
// end and a turn that runs over the page break.
func minutesPages() []testdoc.Page {
	header := "Harrowgate Town Council — Minutes of the meeting of 4 March 2025"
	p1 := testdoc.Lines(60, 805, 9, 12, header)
	p1 = append(p1, testdoc.Lines(60, 760, 11, 14,
		"PRESENT: Chair Odile Brannock; Councillors Teodor Vasko, Mirren Achebe",
		"and Lusine Harutyunyan.",
		"APOLOGIES: Councillor Brendan Quayle.",
		"",
		"CHAIR BRANNOCK: Good evening. We turn to the ferry con-",
		"tract with Pelling Marine. Councillor Vasko?",
		"COUNCILLOR VASKO: Thank you, Chair. I have read the final",
		"terms and I cannot support them as they stand. The")...)
	p1 = append(p1, testdoc.Lines(290, 40, 9, 12, "Page 1 of 2")...)
	p2 := testdoc.Lines(60, 805, 9, 12, header)
	p2 = append(p2, testdoc.Lines(60, 760, 11, 14,
		"price has risen by a third since the tender closed.",
		"CHAIR BRANNOCK: Thank you. Councillor Achebe?",
		"COUNCILLOR ACHEBE: I move that the contract be approved.")...)
	p2 = append(p2, testdoc.Lines(290, 40, 9, 12, "Page 2 of 2")...)
	return []testdoc.Page{{Texts: p1}, {Texts: p2}}
}

func TestPDFTranscriptAcrossPages(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "minutes.pdf", testdoc.PDF{Pages: minutesPages()}.Bytes())
	for name, tools := range readers(t) {
		t.Run(name, func(t *testing.T) {
			d := ingestOne(t, path, Options{Tools: tools})
			if d.Kind != model.KindTranscript {
				t.Fatalf("kind = %q, want transcript:\n%s", d.Kind, d.Text)
			}
			for _, gone := range []string{"Harrowgate Town Council — Minutes", "Page 1", "Page 2", "con-"} {
				if strings.Contains(d.Text, gone) {
					t.Errorf("text still has %q:\n%s", gone, d.Text)
				}
			}
			for _, kept := range []string{"PRESENT: Chair Odile Brannock;", "APOLOGIES: Councillor Brendan Quayle.", "ferry contract\nwith Pelling Marine"} {
				if !strings.Contains(d.Text, kept) {
					t.Errorf("text lost %q:\n%s", kept, d.Text)
				}
			}
			var names []string
			for _, s := range d.Speakers {
				names = append(names, s.Name)
			}
			got := strings.Join(names, ", ")
			// Full names come from the attendance lines.
			for _, want := range []string{"Odile Brannock", "Teodor Vasko", "Mirren Achebe"} {
				if !strings.Contains(got, want) {
					t.Errorf("speakers %q lack %s", got, want)
				}
			}
			if strings.Contains(strings.ToLower(got), "present") || strings.Contains(strings.ToLower(got), "apologies") {
				t.Errorf("an attendance line was taken for a speaker: %q", got)
			}
			// Vasko's turn runs over the page break, in one piece.
			var vasko *model.Turn
			for i, tr := range d.Turns {
				if strings.Contains(tr.Label.Text, "VASKO") {
					vasko = &d.Turns[i]
				}
			}
			if vasko == nil || !strings.Contains(vasko.Content.Text, "The\nprice has risen") {
				t.Fatalf("Vasko's turn does not run over the page break: %+v", vasko)
			}
			if len(d.Pages) != 2 {
				t.Fatalf("pages = %v, want 2", d.Pages)
			}
			if p := d.PageOf(strings.Index(d.Text, "final")); p != 1 {
				t.Errorf("'final' on page %d, want 1", p)
			}
			if p := d.PageOf(strings.Index(d.Text, "price has risen")); p != 2 {
				t.Errorf("'price has risen' on page %d, want 2", p)
			}
			ev := model.EvidenceOf(d.ID, vasko.Content).WithPages(d.Pages)
			if ev.Page != 1 || ev.PageEnd != 2 {
				t.Errorf("turn evidence on pages %d–%d, want 1–2", ev.Page, ev.PageEnd)
			}
		})
	}
}

func TestPDFMetadata(t *testing.T) {
	dir := t.TempDir()
	body := testdoc.Lines(60, 760, 11, 14, "Residents welcomed the new timetable, which starts in May.")
	info := map[string]string{"Title": "Ferry timetable — notice", "Author": "Odile Brannock", "CreationDate": "D:20250304190000+01'00'"}
	plain := writeFile(t, dir, "notice.pdf", testdoc.PDF{Pages: []testdoc.Page{{Texts: body}}, Info: info}.Bytes())
	dated := writeFile(t, dir, "dated.pdf", testdoc.PDF{Pages: []testdoc.Page{{Texts: append(
		testdoc.Lines(60, 790, 11, 14, "Harrowgate, 2 March 2025 – The ferry will run hourly."), body...)}}, Info: info}.Bytes())
	placeholder := writeFile(t, dir, "placeholder.pdf", testdoc.PDF{Pages: []testdoc.Page{{Texts: append(
		testdoc.Lines(60, 790, 16, 20, "Timetable Notice"), body...)}},
		Info: map[string]string{"Title": "Microsoft Word - notice_final.docx", "Author": "jbloggs"}}.Bytes())
	sided := writeFile(t, dir, "sided.pdf", testdoc.PDF{Pages: []testdoc.Page{{Texts: body}}, Info: info}.Bytes())
	writeFile(t, dir, "sided.meta.yaml", []byte("date: 2025-03-01\ntitle: Given title\n"))

	for name, tools := range readers(t) {
		t.Run(name, func(t *testing.T) {
			d := ingestOne(t, plain, Options{Tools: tools})
			if d.Title != "Ferry timetable — notice" || strings.Join(d.Authors, ",") != "Odile Brannock" {
				t.Errorf("title %q, authors %q", d.Title, d.Authors)
			}
			if d.DateString() != "2025-03-04" || d.DateSource != model.DateFromMeta || !strings.Contains(d.DateReason, "creation date") {
				t.Errorf("date %q from %q (%s)", d.DateString(), d.DateSource, d.DateReason)
			}
			// The text's own dateline wins over the creation date.
			d = ingestOne(t, dated, Options{Tools: tools})
			if d.DateString() != "2025-03-02" || d.DateSource != model.DateFromDateline {
				t.Errorf("dated: date %q from %q", d.DateString(), d.DateSource)
			}
			// A word processor's placeholder is no title; a user name is
			// no author.
			d = ingestOne(t, placeholder, Options{Tools: tools})
			if d.Title != "Timetable Notice" || len(d.Authors) != 0 {
				t.Errorf("placeholder: title %q, authors %q", d.Title, d.Authors)
			}
			// Explicit metadata wins over everything.
			d = ingestOne(t, sided, Options{Tools: tools})
			if d.DateString() != "2025-03-01" || d.DateSource != model.DateFromSidecar || d.Title != "Given title" {
				t.Errorf("sidecar: date %q from %q, title %q", d.DateString(), d.DateSource, d.Title)
			}
		})
	}
}

// badPDFs are PDFs that are refused, or read despite their damage.
func TestPDFBadFiles(t *testing.T) {
	dir := t.TempDir()
	text := testdoc.Lines(60, 760, 11, 14, "The ferry will run hourly from May.", "Tickets go on sale in April.")
	page := []testdoc.Page{{Texts: text}}
	many := make([]testdoc.Page, 60)
	for i := range many {
		many[i] = testdoc.Page{Texts: testdoc.Lines(60, 760, 11, 14, strings.Split(strings.Repeat("The ferry will run hourly from May, weather permitting.\n", 40), "\n")...)}
	}
	files := map[string]string{
		"broken":    writeFile(t, dir, "broken.pdf", testdoc.PDF{Pages: page, BrokenXref: true}.Bytes()),
		"password":  writeFile(t, dir, "password.pdf", testdoc.PDF{Pages: page, UserPassword: "harrow"}.Bytes()),
		"ownerOnly": writeFile(t, dir, "owner.pdf", testdoc.PDF{Pages: page, OwnerPassword: "harrow", Permissions: -60}.Bytes()),
		"zero":      writeFile(t, dir, "zero.pdf", testdoc.PDF{}.Bytes()),
		"truncated": writeFile(t, dir, "truncated.pdf", testdoc.PDF{Pages: page}.Bytes()[:300]),
		"textHuge":  writeFile(t, dir, "long.pdf", testdoc.PDF{Pages: many, Compress: true}.Bytes()),
		"fileHuge":  writeFile(t, dir, "huge.pdf", testdoc.PDF{Pages: many}.Bytes()),
	}
	type want struct {
		read bool   // read correctly
		msg  string // else refused with this
	}
	cases := map[string]map[string]want{
		"pdftotext": {
			"broken":    {read: true},
			"password":  {msg: "encrypted PDF: it needs a password to open; not ingested"},
			"ownerOnly": {read: true},
			"zero":      {msg: "PDF with no pages, not ingested"},
			"truncated": {msg: "damaged PDF, not ingested"},
			"textHuge":  {msg: "its text is over the size limit of 50 KB; not ingested"},
			"fileHuge":  {msg: "over the size limit of 50 KB (--max-size); not ingested"},
		},
		"built-in": {
			"broken":    {msg: "damaged PDF, not ingested"},
			"password":  {msg: "encrypted PDF: it needs a password to open; not ingested"},
			"ownerOnly": {read: true},
			"zero":      {msg: "PDF with no pages, not ingested"},
			"truncated": {msg: "damaged PDF, not ingested"},
			"textHuge":  {msg: "its text is over the size limit of 50 KB; not ingested"},
			"fileHuge":  {msg: "over the size limit of 50 KB (--max-size); not ingested"},
		},
	}
	for reader, tools := range readers(t) {
		for name, w := range cases[reader] {
			t.Run(reader+"/"+name, func(t *testing.T) {
				path := files[name]
				opt := Options{Tools: tools, MaxSize: 50_000}
				docs, err := File(context.Background(), path, opt)
				if w.read {
					if err != nil {
						t.Fatalf("not read: %v", err)
					}
					if !strings.Contains(docs[0].Text, "The ferry will run hourly from May.\nTickets go on sale in April.") {
						t.Errorf("text = %q", docs[0].Text)
					}
					return
				}
				if err == nil {
					t.Fatalf("read, want refused with %q:\n%s", w.msg, docs[0].Text)
				}
				var fe *FileError
				msg := err.Error()
				if !errors.As(err, &fe) || !strings.HasPrefix(msg, path+": ") || strings.Contains(msg, "\n") || !strings.Contains(msg, w.msg) {
					t.Errorf("error %q, want one line naming the file with %q", msg, w.msg)
				}
			})
		}
	}
}

// scannedPDF is a page with no text layer: an image of text.
func scannedPDF(t *testing.T) []byte {
	t.Helper()
	needTools(t, "pdftoppm")
	texts := testdoc.Lines(60, 770, 20, 30,
		"Harrowgate Town Council",
		"CHAIR BRANNOCK: The ferry contract",
		"is approved by six votes to two.",
		"COUNCILLOR VASKO: I ask that my",
		"objection be recorded.")
	data, err := testdoc.Scanned(testdoc.PDF{Pages: []testdoc.Page{{Texts: texts}}}, 150)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestScannedPDFWithoutOCR(t *testing.T) {
	dir := t.TempDir()
	// A page that is only an image: noise will do, nothing reads it.
	pix := make([]byte, 64*64)
	for i := range pix {
		pix[i] = byte(i * 7)
	}
	img := testdoc.Image{W: 64, H: 64, Pix: pix, X: 50, Y: 50, DW: 400, DH: 400}
	path := writeFile(t, dir, "scan.pdf", testdoc.PDF{Pages: []testdoc.Page{{Images: []testdoc.Image{img}}}}.Bytes())
	found := FindTools()
	const tc0 = "no text layer: scanned? install poppler-utils and tesseract-ocr for OCR"
	for _, tc := range []struct {
		tools Tools
		want  string
	}{
		{Tools{}, tc0},
		{Tools{PDFToText: found.PDFToText, PDFToPPM: found.PDFToPPM}, "no text layer: scanned? install tesseract-ocr for OCR"},
	} {
		if tc.want != tc0 && found.PDFToText == "" {
			continue // poppler-utils not installed here
		}
		_, err := File(context.Background(), path, Options{Tools: &tc.tools})
		if err == nil || err.Error() != path+": "+tc.want {
			t.Errorf("tools %+v: err = %v, want %q", tc.tools, err, tc.want)
		}
	}
	// A PDF with text on one page and none on another is read, with a
	// warning naming the page.
	mixed := writeFile(t, dir, "mixed.pdf", testdoc.PDF{Pages: []testdoc.Page{
		{Texts: testdoc.Lines(60, 760, 11, 14, "The ferry will run hourly from May.")},
		{Images: []testdoc.Image{img}},
	}}.Bytes())
	d := ingestOne(t, mixed, Options{Tools: &Tools{}})
	if len(d.Warnings) < 2 || !strings.Contains(strings.Join(d.Warnings, "\n"), "page 2 has no text (blank, or scanned: install tesseract-ocr") {
		t.Errorf("warnings = %q", d.Warnings)
	}
}

func TestScannedPDFWithOCR(t *testing.T) {
	needTools(t, "pdftotext", "pdftoppm", "tesseract")
	dir := t.TempDir()
	path := writeFile(t, dir, "scan.pdf", scannedPDF(t))
	d := ingestOne(t, path, Options{})
	if d.Extraction != model.ExtractOCR || len(d.OCRPages) != 1 || d.OCRPages[0] != 1 {
		t.Errorf("extraction %q, OCR pages %v", d.Extraction, d.OCRPages)
	}
	if !d.OCRAt(0, 10) {
		t.Error("OCRAt(0, 10) = false for a page read by OCR")
	}
	for _, w := range []string{"ferry contract", "approved by six votes", "objection be recorded"} {
		if !strings.Contains(d.Text, w) {
			t.Errorf("OCR text lacks %q:\n%s", w, d.Text)
		}
	}
	if !strings.Contains(strings.Join(d.Warnings, "\n"), "page 1 was read by OCR (tesseract)") {
		t.Errorf("no OCR warning: %q", d.Warnings)
	}
	if d.Kind != model.KindTranscript {
		t.Errorf("kind = %q, want transcript (turn labels read by OCR):\n%s", d.Kind, d.Text)
	}
}

func TestPDFFromBytes(t *testing.T) {
	// Parse has no file on disk: pdftotext reads a temporary copy.
	data := twoColumnPDF().Bytes()
	for name, tools := range readers(t) {
		docs, err := Parse(context.Background(), "ferry.pdf", data, Options{Tools: tools})
		if err != nil || !strings.Contains(docs[0].Text, "Pelling\nMarine") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Content decides, not the name.
	docs, err := Parse(context.Background(), "download", data, Options{Tools: &Tools{}})
	if err != nil || docs[0].Format != "pdf" {
		t.Errorf("PDF without .pdf name: %v", err)
	}
}

func TestPDFIdempotent(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "minutes.pdf", testdoc.PDF{Pages: minutesPages()}.Bytes())
	for name, tools := range readers(t) {
		a := ingestOne(t, path, Options{Tools: tools})
		b := ingestOne(t, path, Options{Tools: tools})
		if a.ID != b.ID || a.Text != b.Text {
			t.Errorf("%s: two reads of one PDF differ", name)
		}
	}
}

// A small file whose page content inflates to far more than its size is
// refused by the built-in reader before it holds the content in memory.
func TestPDFInflationBomb(t *testing.T) {
	line := "BT /F1 11 Tf 60 700 Td (x) Tj ET\n"
	data := testdoc.RawContentPDF([]byte(strings.Repeat(line, (maxPageContent+1<<20)/len(line))))
	if len(data) > maxPageContent/20 {
		t.Fatalf("the test file is %d bytes: not a bomb", len(data))
	}
	_, err := Parse(context.Background(), "bomb.pdf", data, Options{Tools: &Tools{}})
	if err == nil || !strings.Contains(err.Error(), "page 1 holds more content than the built-in reader handles") {
		t.Errorf("err = %v", err)
	}
}

// A reader that takes too long is stopped, and the file refused in one
// line; the batch goes on.
func TestPDFTimeout(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "slow.pdf", twoColumnPDF().Bytes())
	for name, tools := range readers(t) {
		slow := *tools
		slow.Timeout = time.Nanosecond
		_, err := File(context.Background(), path, Options{Tools: &slow})
		if err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), "took longer than 1ns") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// A PDF of typed pages with one scanned page among them: only that page
// is read by OCR, and only words on it are marked as OCR'd.
func TestMixedPDFWithOCR(t *testing.T) {
	needTools(t, "pdftotext", "pdftoppm", "tesseract")
	scanned, err := testdoc.ScannedPages(testdoc.PDF{Pages: []testdoc.Page{{Texts: testdoc.Lines(60, 770, 20, 30,
		"The ferry contract is approved",
		"by six votes to two.")}}}, 150)
	if err != nil {
		t.Fatal(err)
	}
	typed := testdoc.Page{Texts: testdoc.Lines(60, 760, 11, 14, "Residents asked for an hourly service.")}
	dir := t.TempDir()
	path := writeFile(t, dir, "mixed.pdf", testdoc.PDF{Pages: []testdoc.Page{typed, scanned[0], typed}}.Bytes())
	d := ingestOne(t, path, Options{})
	if d.Extraction != model.ExtractPdftotext || len(d.OCRPages) != 1 || d.OCRPages[0] != 2 {
		t.Fatalf("extraction %q, OCR pages %v", d.Extraction, d.OCRPages)
	}
	i := strings.Index(d.Text, "six votes")
	j := strings.Index(d.Text, "hourly service")
	if i < 0 || j < 0 || d.PageOf(i) != 2 || d.PageOf(j) != 1 {
		t.Fatalf("pages of the words: %d, %d in\n%s", d.PageOf(i), d.PageOf(j), d.Text)
	}
	if !d.OCRAt(i, i+9) || d.OCRAt(j, j+14) {
		t.Errorf("OCRAt: scanned words %v, typed words %v", d.OCRAt(i, i+9), d.OCRAt(j, j+14))
	}
}
