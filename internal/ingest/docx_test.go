package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest/testdoc"
	"github.com/dossier-project/dossier/internal/model"
)

func TestDOCX(t *testing.T) {
	dir := t.TempDir()
	doc := testdoc.DOCX{
		Title: "Ferry timetable consultation", Creator: "Mirren Achebe", Created: "2025-02-20T09:30:00Z",
		Body: []any{
			testdoc.Paragraph{Style: "Title", Text: "Ferry timetable consultation"},
			testdoc.Paragraph{Style: "Heading1", Text: "What residents told us"},
			testdoc.Paragraph{Text: "Most residents asked for an hourly service.", Deleted: " Nobody objected.", Hidden: " DRAFT ONLY"},
			testdoc.Paragraph{Text: "Late sailings\twere the second request.\nWeekend sailings the third."},
			testdoc.Table{Rows: [][]string{{"Sailing", "Votes"}, {"Hourly", "212"}, {"", ""}, {"Half-hourly", "48"}}},
			testdoc.Paragraph{Text: "The council will decide in April."},
		},
	}
	path := writeFile(t, dir, "consultation.docx", doc.Bytes())
	d := ingestOne(t, path, Options{})
	want := "Ferry timetable consultation\n\nWhat residents told us\n\nMost residents asked for an hourly service.\n\n" +
		"Late sailings\twere the second request.\nWeekend sailings the third.\n\n" +
		"Sailing\tVotes\nHourly\t212\nHalf-hourly\t48\n\nThe council will decide in April."
	if d.Text != want {
		t.Errorf("text =\n%q\nwant\n%q", d.Text, want)
	}
	if d.Format != "docx" || d.Extraction != model.ExtractDOCX || len(d.Pages) != 0 {
		t.Errorf("format %q, extraction %q, pages %v", d.Format, d.Extraction, d.Pages)
	}
	if d.Title != "Ferry timetable consultation" || strings.Join(d.Authors, ",") != "Mirren Achebe" {
		t.Errorf("title %q, authors %q", d.Title, d.Authors)
	}
	if d.DateString() != "2025-02-20" || d.DateSource != model.DateFromMeta || !strings.Contains(d.DateReason, "Word file") {
		t.Errorf("date %q from %q (%s)", d.DateString(), d.DateSource, d.DateReason)
	}
	// The same file read twice is the same document.
	again := ingestOne(t, path, Options{})
	if again.ID != d.ID {
		t.Error("two reads of one Word file differ")
	}
}

func TestDOCXTranscript(t *testing.T) {
	dir := t.TempDir()
	doc := testdoc.DOCX{Body: []any{
		testdoc.Paragraph{Text: "Press briefing on the ferry contract"},
		testdoc.Paragraph{Text: "Harrowgate, 5 March 2025"},
		testdoc.Paragraph{Text: "CHAIR BRANNOCK:\tThe council approved the contract last night."},
		testdoc.Paragraph{Text: "Q: When will the first sailing be?"},
		testdoc.Paragraph{Text: "CHAIR BRANNOCK: In May, if the weather allows."},
	}}
	path := writeFile(t, dir, "briefing.docx", doc.Bytes())
	d := ingestOne(t, path, Options{})
	if d.Kind != model.KindTranscript || len(d.Turns) != 3 {
		t.Fatalf("kind %q with %d turns:\n%s", d.Kind, len(d.Turns), d.Text)
	}
	if d.DateString() != "2025-03-05" || d.DateSource != model.DateFromDateline {
		t.Errorf("date %q from %q", d.DateString(), d.DateSource)
	}
	if !strings.Contains(d.Turns[0].Content.Text, "approved the contract last night") {
		t.Errorf("first turn = %q", d.Turns[0].Content.Text)
	}
}

func TestDOCXBad(t *testing.T) {
	dir := t.TempDir()
	body := []any{testdoc.Paragraph{Text: "Words."}}
	tests := []struct {
		name string
		data []byte
		opt  Options
		want string
	}{
		{"nomain.docx", testdoc.DOCX{Body: body, NoMainPart: true}.Bytes(), Options{}, "not a Word document: the archive has no word/document.xml"},
		{"empty.docx", testdoc.DOCX{Body: []any{testdoc.Paragraph{Text: " "}}}.Bytes(), Options{}, "no text found in this Word file"},
		{"big.docx", testdoc.DOCX{Body: []any{testdoc.Paragraph{Text: strings.Repeat("Many words. ", 5000)}}}.Bytes(), Options{MaxSize: 20_000}, "its text is over the size limit"},
	}
	for _, tc := range tests {
		path := writeFile(t, dir, tc.name, tc.data)
		_, err := File(context.Background(), path, tc.opt)
		if err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err = %v, want one line with %q", tc.name, err, tc.want)
		}
	}
	// Without its relationships part, the main part is still found by
	// its usual name.
	path := writeFile(t, dir, "norels.docx", testdoc.DOCX{Body: body, OnlyDocument: true}.Bytes())
	if d := ingestOne(t, path, Options{}); d.Text != "Words." {
		t.Errorf("text = %q", d.Text)
	}
}
