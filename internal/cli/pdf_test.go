package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest/testdoc"
	"github.com/dossier-project/dossier/internal/store"
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

// councilMinutes are the verbatim minutes of an invented town council:
// two pages with a running header and page numbers, an attendance list,
// and a councillor's turn that runs over the page break.
func councilMinutes() testdoc.PDF {
	header := "Harrowgate Town Council — Minutes of the meeting of 4 March 2025"
	p1 := testdoc.Lines(60, 805, 9, 12, header)
	p1 = append(p1, testdoc.Lines(60, 770, 11, 14,
		"HARROWGATE TOWN COUNCIL",
		"Tuesday, 4 March 2025, 7 p.m., Council Chamber",
		"",
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
	p2 = append(p2, testdoc.Lines(60, 770, 11, 14,
		"price has risen by a third since the tender closed, and the",
		"operator has not said how it will staff the night sailings.",
		"CHAIR BRANNOCK: Thank you. Councillor Achebe?",
		"COUNCILLOR ACHEBE: I move that the contract be approved without further delay.",
		"CHAIR BRANNOCK: The motion is carried by three votes to one.")...)
	p2 = append(p2, testdoc.Lines(290, 40, 9, 12, "Page 2 of 2")...)
	return testdoc.PDF{Pages: []testdoc.Page{{Texts: p1}, {Texts: p2}},
		Info: map[string]string{"Title": "Minutes of the meeting of 4 March 2025", "Author": "Harrowgate Town Council"}}
}

// councilArticle quotes two councillors, each with one word changed:
// the first quote's words run over the minutes' page break, the second's
// are on page 2.
const councilArticle = `Ferry deal approved despite objections

Harrowgate, 5 March 2025 – The town council approved the ferry contract with Pelling Marine on Tuesday evening.

Councillor Teodor Vasko said: “The price has risen by half since the tender closed.”

Councillor Mirren Achebe told the meeting: “I move that the contract be signed without further delay.”
`

type pagedEvidence struct {
	Doc        string `json:"doc"`
	Start, End int
	Text       string
	Page       int `json:"page"`
	PageEnd    int `json:"page_end"`
}

func TestAddMinutesPDF(t *testing.T) {
	dir := t.TempDir()
	minutes := filepath.Join(dir, "minutes.pdf")
	if err := os.WriteFile(minutes, councilMinutes().Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte(councilArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "d.db")
	code, _, stderr := run(t, db, "add", minutes)
	if code != 0 || !strings.Contains(stderr, "minutes.pdf") || !strings.Contains(stderr, "transcript") {
		t.Fatalf("add minutes.pdf exited %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, db, "add", filepath.Join(dir, "article.txt")); code != 0 {
		t.Fatalf("add article exited %d: %s", code, stderr)
	}

	// The minutes are a transcript with their speakers, two pages, and
	// the date of their own header.
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatal(err)
	}
	var m *docJSON
	for i := range docs {
		if strings.HasSuffix(docs[i].Path, "minutes.pdf") {
			m = &docs[i]
		}
	}
	if m == nil {
		t.Fatalf("minutes not stored: %s", stdout)
	}
	if m.Kind != "transcript" || m.Pages != 2 || m.Format != "pdf" || m.Date == nil || *m.Date != "2025-03-04" || m.DateSource != "header" {
		t.Errorf("minutes: kind %q, format %q, %d pages, date %v from %q", m.Kind, m.Format, m.Pages, m.Date, m.DateSource)
	}
	var names []string
	for _, s := range m.Speakers {
		names = append(names, s.Name)
	}
	for _, want := range []string{"Odile Brannock", "Vasko", "Achebe"} {
		if !strings.Contains(strings.Join(names, "; "), want) {
			t.Errorf("speakers %q lack %s", names, want)
		}
	}

	// The attendance line names a councillor nothing else mentions: a
	// person record with the line's role, its evidence on page 1.
	_, stdout, _ = run(t, db, "people", "--json")
	var ppl []store.Actor
	if err := json.Unmarshal([]byte(stdout), &ppl); err != nil {
		t.Fatal(err)
	}
	attendee := false
	for _, a := range ppl {
		if a.Key != "lusine harutyunyan" {
			continue
		}
		attendee = true
		if len(a.Roles) == 0 || a.Roles[0] != "Councillor" || len(a.Examples) == 0 || a.Examples[0].Page != 1 || a.Examples[0].Text != "Lusine Harutyunyan" {
			t.Errorf("the attendee of the PDF's attendance line: %+v", a)
		}
	}
	if !attendee {
		t.Errorf("no record of the attendee of the PDF's attendance line:\n%s", stdout)
	}

	// The altered quote is a finding whose evidence in the minutes says
	// the page: the councillor's words are on page 2.
	code, stdout, stderr = run(t, db, "findings", "--json")
	if code != 0 {
		t.Fatalf("findings exited %d: %s", code, stderr)
	}
	var fs []struct {
		Kind     string
		Summary  string
		Evidence []pagedEvidence
	}
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatal(err)
	}
	pages := map[string][2]int{} // first words of the record's span → its pages
	for _, f := range fs {
		for _, e := range f.Evidence {
			if f.Kind == "altered-quote" && e.Doc == m.ID {
				pages[strings.Join(strings.Fields(e.Text)[:4], " ")] = [2]int{e.Page, e.PageEnd}
			}
			if e.Doc != m.ID && (e.Page != 0 || e.PageEnd != 0) {
				t.Errorf("evidence in a document without pages has a page: %+v", e)
			}
		}
	}
	if got := pages["The price has risen"]; got != [2]int{1, 2} {
		t.Errorf("evidence over the page break: pages %v, want 1–2 (all: %v)", got, pages)
	}
	if got := pages["I move that the"]; got != [2]int{2, 0} {
		t.Errorf("evidence on page 2: pages %v, want 2 (all: %v)", got, pages)
	}

	// The page is shown wherever evidence is: the findings table, the
	// quotes' records, the report.
	_, stdout, _ = run(t, db, "findings")
	if !strings.Contains(stdout, m.ID[:12]+" page 2 @") || !strings.Contains(stdout, m.ID[:12]+" pages 1–2 @") {
		t.Errorf("findings table does not give the page:\n%s", stdout)
	}
	_, stdout, _ = run(t, db, "quotes", "--json")
	var qs []quoteJSON
	if err := json.Unmarshal([]byte(stdout), &qs); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range qs {
		if q.Primary != nil && q.Primary.Doc == m.ID && q.Verdict == "altered" && strings.Contains(q.Text, "signed") {
			found = q.Primary.Page == 2
		}
		if q.Doc == m.ID && strings.Contains(q.Text, "move that the contract") && q.Page != 2 {
			t.Errorf("quote on page 2 says page %d", q.Page)
		}
	}
	if !found {
		t.Errorf("the altered quote's record does not say page 2:\n%s", stdout)
	}
	report := filepath.Join(t.TempDir(), "r.md")
	if code, _, stderr := run(t, db, "-q", "report", "--format", "md", "-o", report); code != 0 {
		t.Fatalf("report exited %d: %s", code, stderr)
	}
	md, _ := os.ReadFile(report)
	if !strings.Contains(string(md), "["+m.ID[:12]+"], page 2, bytes") {
		t.Errorf("report does not give the page:\n%s", md)
	}

	// show says how the text was read and the page of each sentence.
	_, stdout, _ = run(t, db, "show", m.ID[:12])
	if !strings.Contains(stdout, "text:      PDF, 2 pages, read by") || !strings.Contains(stdout, "p.2 [") {
		t.Errorf("show:\n%s", stdout)
	}
}

func TestAddBadPDFsDoesNotStopTheBatch(t *testing.T) {
	dir := t.TempDir()
	page := []testdoc.Page{{Texts: testdoc.Lines(60, 760, 11, 14, "The ferry will run hourly from May.")}}
	noise := make([]byte, 32*32)
	for i := range noise {
		noise[i] = byte(i * 13)
	}
	files := map[string][]byte{
		"good.pdf":     testdoc.PDF{Pages: page}.Bytes(),
		"good.docx":    testdoc.DOCX{Body: []any{testdoc.Paragraph{Text: "Tickets go on sale in April."}}}.Bytes(),
		"password.pdf": testdoc.PDF{Pages: page, UserPassword: "harrow"}.Bytes(),
		"zero.pdf":     testdoc.PDF{}.Bytes(),
		"cut.pdf":      testdoc.PDF{Pages: page}.Bytes()[:200],
		"scan.pdf":     testdoc.PDF{Pages: []testdoc.Page{{Images: []testdoc.Image{{W: 32, H: 32, Pix: noise, X: 50, Y: 50, DW: 300, DH: 300}}}}}.Bytes(),
		"huge.pdf":     append(testdoc.PDF{Pages: page}.Bytes(), make([]byte, 2_100_000)...),
		"broken.docx":  []byte("PK\x03\x04 not really"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "d.db")
	code, _, stderr := run(t, db, "add", "--max-size", "2", dir)
	if code == 0 {
		t.Fatalf("add exited 0 with bad files: %s", stderr)
	}
	bad := []string{"password.pdf", "zero.pdf", "cut.pdf", "scan.pdf", "huge.pdf", "broken.docx"}
	var errLines []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "error: ") {
			errLines = append(errLines, l)
		}
	}
	if len(errLines) != len(bad) {
		t.Errorf("want one error line per bad file (%d), got %d:\n%s", len(bad), len(errLines), stderr)
	}
	for _, b := range bad {
		n := 0
		for _, l := range errLines {
			if strings.Contains(l, b+": ") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s named on %d error lines:\n%s", b, n, stderr)
		}
	}
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil || len(docs) != 2 {
		t.Errorf("want the two good files stored, got %d (%v)", len(docs), err)
	}
}

// A quote checked against minutes that were scanned: whatever the
// verdict, it says the record was read by OCR, and no high finding rests
// on OCR text.
func TestQuoteAgainstScannedMinutes(t *testing.T) {
	needTools(t, "pdftoppm", "tesseract")
	dir := t.TempDir()
	scan, err := testdoc.Scanned(councilMinutes(), 200)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "minutes.pdf"), scan, 0o644); err != nil {
		t.Fatal(err)
	}
	article := strings.Replace(councilArticle, "by half", "by a third", 1)
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "add", dir); code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if strings.HasSuffix(d.Path, "minutes.pdf") && (d.Extraction != "ocr" || len(d.OCRPages) != 2 || d.Kind != "transcript") {
			t.Errorf("scanned minutes: extraction %q, OCR pages %v, kind %q", d.Extraction, d.OCRPages, d.Kind)
		}
	}
	_, stdout, _ = run(t, db, "quotes", "--json")
	var qs []quoteJSON
	if err := json.Unmarshal([]byte(stdout), &qs); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, q := range qs {
		if q.Primary != nil && q.Verdict != "primary" {
			checked++
			if !strings.Contains(q.Diff, "read by OCR") {
				t.Errorf("verdict %q on OCR text without a note: %q", q.Verdict, q.Diff)
			}
		}
	}
	if checked == 0 {
		t.Errorf("the article's quote was not checked against the scanned minutes:\n%s", stdout)
	}
	_, stdout, _ = run(t, db, "findings", "--json")
	var fs []struct{ Kind, Severity string }
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Kind == "altered-quote" && f.Severity == "high" {
			t.Errorf("a high altered-quote finding rests on OCR text:\n%s", stdout)
		}
	}
}
