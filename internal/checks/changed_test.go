package checks

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

const harbourV1 = "The harbour board approved the dredging contract on Monday.\n\nThe chair, Ines Mertola, said the work would start in spring and cost 4 million."

func versions(t *testing.T, kind model.Kind, v1, v2 string) (*model.Document, *model.Document) {
	t.Helper()
	old := &model.Document{ID: "v1", Kind: kind, Text: v1, Title: "Board minutes", URL: "https://harbour.example.test/minutes",
		FetchedAt: time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)}
	cur := &model.Document{ID: "v2", Kind: kind, Text: v2, Title: "Board minutes", URL: old.URL, Previous: "v1",
		FetchedAt: time.Date(2024, 3, 7, 8, 0, 0, 0, time.UTC)}
	return old, cur
}

func TestRecordChanged(t *testing.T) {
	v2 := strings.NewReplacer("approved", "rejected", "4 million", "6 million").Replace(harbourV1)
	old, cur := versions(t, model.KindStatement, harbourV1, v2)
	f, ok := RecordChanged(old, cur)
	if !ok {
		t.Fatal("no finding for a changed statement")
	}
	if f.Kind != "record-changed" || f.Check != "record-changed" || f.Severity != model.SeverityMedium {
		t.Errorf("kind %s, check %s, severity %s", f.Kind, f.Check, f.Severity)
	}
	for _, want := range []string{
		"“Board minutes” (https://harbour.example.test/minutes)",
		"2024-03-05 09:30:00 UTC", "2024-03-07 08:00:00 UTC",
		"harbour board [-approved-] {+rejected+} the dredging",
		"cost [-4-] {+6+} million.",
	} {
		if !strings.Contains(f.Summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, f.Summary)
		}
	}
	in := &Input{Docs: []*model.Document{old, cur}}
	checkEvidence(t, in, []model.Finding{f})
	var texts []string
	for _, e := range f.Evidence {
		texts = append(texts, e.Doc+":"+e.Text)
	}
	if got := strings.Join(texts, " | "); got != "v1:approved | v2:rejected | v1:4 | v2:6" {
		t.Errorf("evidence = %s", got)
	}
}

func TestRecordChangedSilence(t *testing.T) {
	// Only the white space between words changed.
	old, cur := versions(t, model.KindStatement, harbourV1, strings.ReplaceAll(harbourV1, " the ", "  the\n"))
	if f, ok := RecordChanged(old, cur); ok {
		t.Errorf("finding for the same words: %s", f.Summary)
	}
	// Run compares only a document with the version it names.
	other := &model.Document{ID: "other", Kind: model.KindStatement, Text: "Something else entirely."}
	c, err := New(data.Embedded(), nil)
	if err != nil {
		t.Fatal(err)
	}
	fs := c.Run(&Input{Docs: []*model.Document{old, other}, Analyses: map[string]*model.Analysis{}})
	if n := len(kinds(fs, "record-changed")); n != 0 {
		t.Errorf("%d record-changed findings for unrelated documents", n)
	}
}

func TestRecordChangedCoverageIsLow(t *testing.T) {
	old, cur := versions(t, model.KindArticle, harbourV1, harbourV1+" Updated: the chair declined to comment further.")
	f, ok := RecordChanged(old, cur)
	if !ok || f.Severity != model.SeverityLow {
		t.Fatalf("changed article: %v, severity %s", ok, f.Severity)
	}
	if !strings.Contains(f.Summary, "million. {+Updated: the chair declined to comment further.+}") {
		t.Errorf("summary: %s", f.Summary)
	}
	if len(f.Evidence) != 1 || f.Evidence[0].Doc != "v2" {
		t.Errorf("an addition has evidence only in the new version: %+v", f.Evidence)
	}
}

func TestRecordChangedManyChanges(t *testing.T) {
	var a, b []string
	for i := range 40 {
		a = append(a, fmt.Sprintf("Paragraph %d says the ferry runs hourly.", i))
		b = append(b, fmt.Sprintf("Paragraph %d says the ferry runs daily.", i))
	}
	old, cur := versions(t, model.KindStatement, strings.Join(a, "\n\n"), strings.Join(b, "\n\n"))
	f, ok := RecordChanged(old, cur)
	if !ok {
		t.Fatal("no finding")
	}
	if !strings.Contains(f.Summary, "(35 more changes)") || strings.Count(f.Summary, "[-hourly.-]") != changedShownHunks {
		t.Errorf("summary does not show %d changes and count the rest:\n%s", changedShownHunks, f.Summary)
	}
	if len(f.Evidence) != 2*changedEvidenceHunks {
		t.Errorf("%d evidence spans, want %d", len(f.Evidence), 2*changedEvidenceHunks)
	}
	checkEvidence(t, &Input{Docs: []*model.Document{old, cur}}, []model.Finding{f})
}

func TestRecordChangedRewritten(t *testing.T) {
	var a, b []string
	for i := range 3 * changedMaxEdits {
		a = append(a, fmt.Sprintf("alpha%d", i))
		b = append(b, fmt.Sprintf("beta%d", i))
	}
	head := "Notice of the harbour board. "
	old, cur := versions(t, model.KindStatement, head+strings.Join(a, " "), head+strings.Join(b, " "))
	f, ok := RecordChanged(old, cur)
	if !ok {
		t.Fatal("no finding for a rewritten page")
	}
	if !strings.Contains(f.Summary, "changed throughout") || !strings.Contains(f.Summary, "“beta0 beta1") {
		t.Errorf("summary: %s", f.Summary)
	}
	if len(f.Evidence) != 2 {
		t.Fatalf("evidence: %+v", f.Evidence)
	}
	for _, e := range f.Evidence {
		if len(e.Text) > changedBlockEvidence || !strings.HasPrefix(e.Text, "alpha0") && !strings.HasPrefix(e.Text, "beta0") {
			t.Errorf("block evidence of %d bytes: %.40q", len(e.Text), e.Text)
		}
	}
	checkEvidence(t, &Input{Docs: []*model.Document{old, cur}}, []model.Finding{f})
}

// TestMyersMinimal checks the edit script against the edit distance
// computed by dynamic programming, and that it turns a into b.
func TestMyersMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		a := make([]int32, r.IntN(12))
		b := make([]int32, r.IntN(12))
		for i := range a {
			a[i] = int32(r.IntN(4))
		}
		for i := range b {
			b[i] = int32(r.IntN(4))
		}
		ops, ok := myers(a, b, 100)
		if !ok {
			t.Fatalf("trial %d: gave up", trial)
		}
		var got []int32
		i, edits := 0, 0
		for _, op := range ops {
			switch op {
			case 0:
				got = append(got, a[i])
				i++
			case 1:
				i++
				edits++
			case 2:
				got = append(got, b[len(got)])
				edits++
			}
		}
		if i != len(a) || fmt.Sprint(got) != fmt.Sprint(b) {
			t.Fatalf("trial %d: script %v turns %v into %v, not %v", trial, ops, a, got, b)
		}
		if want := editDistance(a, b); edits != want {
			t.Fatalf("trial %d: %d edits, want %d", trial, edits, want)
		}
	}
	if _, ok := myers([]int32{1, 2, 3, 4}, []int32{5, 6, 7, 8}, 3); ok {
		t.Error("myers went past its limit")
	}
}

// editDistance counts insertions and deletions (no substitutions).
func editDistance(a, b []int32) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range b {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			d[i][j] = min(d[i-1][j], d[i][j-1]) + 1
			if a[i-1] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-1][j-1])
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestSessionRecordChanged: streamed one document at a time, in either
// order, the session finds what Run finds.
func TestSessionRecordChanged(t *testing.T) {
	v2 := strings.Replace(harbourV1, "approved", "rejected", 1)
	v3 := strings.Replace(v2, "rejected", "approved", 1) // edited back
	old, cur := versions(t, model.KindStatement, harbourV1, v2)
	back := &model.Document{ID: "v3", Kind: model.KindStatement, Text: v3, Title: "Board minutes", URL: old.URL, Previous: "v2",
		FetchedAt: time.Date(2024, 3, 9, 8, 0, 0, 0, time.UTC)}
	c, err := New(data.Embedded(), nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*model.Document{old, cur, back}
	want := summaries(kinds(c.Run(&Input{Docs: docs, Analyses: map[string]*model.Analysis{}}), "record-changed"))
	if len(want) != 2 {
		t.Fatalf("Run found %d changes, want 2 (the edit and its reversal): %v", len(want), want)
	}
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		s := c.NewSession()
		for _, i := range order {
			s.Scan(docs[i], &model.Analysis{Doc: docs[i].ID})
		}
		for _, i := range order {
			s.Check(docs[i], &model.Analysis{Doc: docs[i].ID}, nil)
		}
		fs, err := s.Finish(nil)
		if err != nil {
			t.Fatal(err)
		}
		got := summaries(kinds(fs, "record-changed"))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("order %v: session found\n%v\nwant\n%v", order, got, want)
		}
		if len(s.versions.held) != 0 {
			t.Errorf("order %v: %d documents still held after the session", order, len(s.versions.held))
		}
	}
}

// TestCheckDocumentReadsTheEarlierVersion: a caller that checks only the
// new documents (the stored pass) gives the session a way to read the
// version before, and each new version is compared with it as it is
// checked, whatever else the session saw: the same changes Run finds.
func TestCheckDocumentReadsTheEarlierVersion(t *testing.T) {
	v2 := strings.Replace(harbourV1, "approved", "rejected", 1)
	v3 := strings.Replace(v2, "rejected", "approved", 1)
	old, cur := versions(t, model.KindStatement, harbourV1, v2)
	back := &model.Document{ID: "v3", Kind: model.KindStatement, Text: v3, Title: "Board minutes", URL: old.URL, Previous: "v2",
		FetchedAt: time.Date(2024, 3, 9, 8, 0, 0, 0, time.UTC)}
	c, err := New(data.Embedded(), nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*model.Document{old, cur, back}
	want := summaries(kinds(c.Run(&Input{Docs: docs, Analyses: map[string]*model.Analysis{}}), "record-changed"))
	byID := map[string]*model.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	s := c.NewSession()
	var asked []string
	s.Earlier = func(id string) *model.Document {
		asked = append(asked, id)
		return byID[id]
	}
	// Only the two later versions are checked; the first is not even
	// scanned.
	var got []model.Finding
	for _, d := range []*model.Document{back, cur} {
		got = append(got, s.CheckDocument(d, &model.Analysis{Doc: d.ID}, nil)...)
	}
	if g := summaries(kinds(got, "record-changed")); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("found\n%v\nwant\n%v", g, want)
	}
	if strings.Join(asked, " ") != "v2 "+old.ID {
		t.Errorf("asked for the versions %v, want v2 then the first", asked)
	}
	// With Earlier set, Check compares through it and not also through
	// the versions the scan saw: each change once.
	s = c.NewSession()
	s.Earlier = func(id string) *model.Document { return byID[id] }
	for _, d := range docs {
		s.Scan(d, &model.Analysis{Doc: d.ID})
	}
	for _, d := range docs {
		s.Check(d, &model.Analysis{Doc: d.ID}, nil)
	}
	fs, err := s.Finish(nil)
	if err != nil {
		t.Fatal(err)
	}
	if g := summaries(kinds(fs, "record-changed")); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check with Earlier set found\n%v\nwant\n%v", g, want)
	}
}

func summaries(fs []model.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Summary)
	}
	// Sessions emit in stream order; compare as sets.
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// BenchmarkRecordChanged diffs two versions of a 5,000-word page that
// differ in 20 places.
func BenchmarkRecordChanged(b *testing.B) {
	var a, c []string
	for i := range 500 {
		s := fmt.Sprintf("Item %d: the ferry to the island runs every hour from the harbour.", i)
		a = append(a, s)
		if i%25 == 0 {
			s = strings.Replace(s, "every hour", "twice a day", 1)
		}
		c = append(c, s)
	}
	old := &model.Document{ID: "v1", Text: strings.Join(a, "\n\n")}
	cur := &model.Document{ID: "v2", Text: strings.Join(c, "\n\n"), Previous: "v1"}
	b.SetBytes(int64(len(old.Text) + len(cur.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := RecordChanged(old, cur); !ok {
			b.Fatal("no change found")
		}
	}
}

// TestVersionsAreOneSource: two versions of a page reporting the same
// thing do not confirm each other.
func TestVersionsAreOneSource(t *testing.T) {
	old, cur := versions(t, model.KindArticle, harbourV1, strings.Replace(harbourV1, "Monday", "Monday morning", 1))
	other := &model.Document{ID: "other", Kind: model.KindArticle, Text: harbourV1, Title: "Other paper"}
	c, err := New(data.Embedded(), nil)
	if err != nil {
		t.Fatal(err)
	}
	entry := func(docs ...string) []model.TimelineEntry {
		return []model.TimelineEntry{{ID: 1, Date: "2024-03-04", Summary: "the board approved the contract", Docs: docs}}
	}
	in := &Input{Docs: []*model.Document{old, cur, other}, Analyses: map[string]*model.Analysis{}, Timeline: entry("v1", "v2")}
	if got := kinds(c.Run(in), "single-source"); len(got) != 1 {
		t.Errorf("two versions of one page: %d single-source findings, want 1", len(got))
	}
	in.Timeline = entry("v1", "other")
	if got := kinds(c.Run(in), "single-source"); len(got) != 0 {
		t.Errorf("two different documents: %d single-source findings, want 0", len(got))
	}
}
