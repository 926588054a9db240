package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// runConformance runs the tests every Store must pass. newDSN returns the
// DSN of a new, empty store each time it is called; tests open it (and
// reopen it) themselves.
func runConformance(t *testing.T, newDSN func(t *testing.T) string) {
	tests := []struct {
		name string
		fn   func(t *testing.T, dsn string)
	}{
		{"RoundTrip", testRoundTrip},
		{"Readd", testReadd},
		{"Lookup", testLookup},
		{"Order", testOrder},
		{"Search", testSearch},
		{"SearchHighlight", testSearchHighlight},
		{"FaultMarshal", testFaultMarshal},
		{"FaultCancel", testFaultCancel},
		{"SetDocumentDate", testSetDocumentDate},
		{"PassResults", testPassResults},
		{"PageStarts", testPageStarts},
		{"AnalysisParts", testAnalysisParts},
		{"PassStream", testPassStream},
		{"MigrationOutOfOrder", testMigrationOutOfOrder},
		{"ForEachAnalysis", testForEachAnalysis},
		{"PagedOrder", testPagedOrder},
		{"Concurrent", testConcurrent},
		{"Reopen", testReopen},
		{"Exclusive", testExclusive},
		{"LongSentence", testLongSentence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, newDSN(t))
		})
	}
}

func mustOpen(t *testing.T, dsn string, opts ...Option) Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func mustAdd(t *testing.T, s Store, doc *model.Document, a *model.Analysis) {
	t.Helper()
	added, err := s.AddDocument(context.Background(), doc, a)
	if err != nil {
		t.Fatalf("AddDocument %s: %v", doc.Path, err)
	}
	if !added {
		t.Fatalf("AddDocument %s: added=false for a new document", doc.Path)
	}
}

// counts returns the number of rows of every table, and of FTS hits for
// a word all fixtures contain.
func counts(t *testing.T, s Store) map[string]int {
	t.Helper()
	ctx := context.Background()
	db := s.(*sqlStore).db
	c := map[string]int{}
	for _, table := range []string{"documents", "mentions", "timexes", "quotes", "events",
		"results_quotes", "results_events", "timeline", "findings"} {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		c[table] = n
	}
	hits, err := s.Search(ctx, "the", 1000)
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	c["hits"] = len(hits)
	return c
}

func checkFTS(t *testing.T, s Store) {
	t.Helper()
	st := s.(*sqlStore)
	if st.d.name != "sqlite" {
		return
	}
	if _, err := st.db.Exec(`INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("FTS integrity check: %v", err)
	}
}

func threeDocs() []*model.Document {
	return []*model.Document{
		newDoc("b/statement.txt", "NATO statement on Libya", natoText, "2011-03-25"),
		newDoc("a/later.txt", "Ceasefire talks", "The ceasefire talks in Addis Ababa ended without agreement. The rebels walked out.", "2011-04-10"),
		newDoc("c/undated.txt", "Undated note", "A note without a date about the Security Council and the no-fly zone.", ""),
	}
}

func testRoundTrip(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	doc := threeDocs()[0]
	doc.DateEnd = day("2011-03-26")
	doc.DateReason = "header line"
	doc.Speakers = []model.Speaker{{Name: "Anders Fogh Rasmussen", Role: "Secretary General", Organization: "NATO", Labels: []string{"RASMUSSEN"}}}
	doc.Turns = []model.Turn{{Speaker: 0, Label: span(doc.Text, "NATO", 0), Content: span(doc.Text, "We will protect civilians in Libya.", 0)}}
	doc.Warnings = []string{"odd encoding"}
	a := natoAnalysis(doc)
	mustAdd(t, s, doc, a)

	got, err := s.Document(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, doc) {
		t.Errorf("Document round trip:\n got %+v\nwant %+v", got, doc)
	}
	ga, err := s.Analysis(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ga, a) {
		t.Errorf("Analysis round trip:\n got %+v\nwant %+v", ga, a)
	}
	for _, sp := range []model.Span{ga.Quotes[0].Contents[0], ga.Events[0].Trigger, ga.Mentions[1].Span} {
		if err := sp.Check(got.Text); err != nil {
			t.Errorf("stored span: %v", err)
		}
	}

	// A document without analysis has an empty one.
	bare := threeDocs()[1]
	mustAdd(t, s, bare, nil)
	ba, err := s.Analysis(ctx, bare.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ba.Doc != bare.ID || len(ba.Mentions)+len(ba.Timexes)+len(ba.Quotes)+len(ba.Events) != 0 || ba.Events == nil {
		t.Errorf("analysis of a bare document: %+v", ba)
	}
	if _, err := s.Analysis(ctx, strings.Repeat("0", 64)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Analysis of unknown document: %v, want ErrNotFound", err)
	}

	// SQL users get real columns.
	db := s.(*sqlStore).db
	var cameo, src, tgt string
	var future bool
	if err := db.QueryRow(s.(*sqlStore).d.rewrite(`SELECT cameo, source_code, target_code, future FROM events WHERE doc = ?`), doc.ID).Scan(&cameo, &src, &tgt, &future); err != nil {
		t.Fatal(err)
	}
	if cameo != "057" || src != "IGOWSTNAT" || tgt != "LBY" || !future {
		t.Errorf("event columns: %s %s %s %v", cameo, src, tgt, future)
	}
	checkFTS(t, s)
}

func testReadd(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	mustAdd(t, s, docs[0], natoAnalysis(docs[0]))
	before := counts(t, s)

	again := *docs[0]
	again.Title = "changed title, same content"
	added, err := s.AddDocument(ctx, &again, natoAnalysis(&again))
	if err != nil || added {
		t.Fatalf("re-add: added=%v err=%v, want false, nil", added, err)
	}
	if after := counts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("re-add changed the store: %v -> %v", before, after)
	}
	if d, _ := s.Document(ctx, docs[0].ID); d.Title != docs[0].Title {
		t.Errorf("re-add changed the title to %q", d.Title)
	}

	// In a batch: a new one, a stored one, the new one again.
	as := []*model.Analysis{nil, natoAnalysis(docs[0]), nil}
	res, err := s.AddDocuments(ctx, []*model.Document{docs[1], docs[0], docs[1]}, as)
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, false, false}; !reflect.DeepEqual(res, want) {
		t.Errorf("AddDocuments = %v, want %v", res, want)
	}
	hits, err := s.Search(ctx, `"North Atlantic Council"`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Errorf("after re-adds, %d hits for a phrase in one document", len(hits))
	}
	if c := counts(t, s); c["documents"] != 2 || c["events"] != 1 {
		t.Errorf("counts after batch: %v", c)
	}
	checkFTS(t, s)

	if _, err := s.AddDocuments(ctx, docs, []*model.Analysis{nil}); err == nil {
		t.Error("AddDocuments with mismatched analyses: no error")
	}
	if _, err := s.AddDocument(ctx, &model.Document{Path: "x"}, nil); err == nil {
		t.Error("AddDocument without id: no error")
	}
}

func testLookup(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	for _, d := range docs {
		mustAdd(t, s, d, nil)
	}
	// Two documents whose ids share a prefix.
	twin1 := newDoc("t/1.txt", "Twin 1", "twin one", "")
	twin2 := newDoc("t/2.txt", "Twin 2", "twin two", "")
	twin1.ID = "abcdef01" + twin1.ID[8:]
	twin2.ID = "abcdef02" + twin2.ID[8:]
	mustAdd(t, s, twin1, nil)
	mustAdd(t, s, twin2, nil)

	d := docs[0]
	for _, ref := range []string{d.ID, d.ID[:4], d.ID[:12], strings.ToUpper(d.ID[:12]), d.Path, twin1.ID[:8]} {
		got, err := s.Document(ctx, ref)
		if err != nil {
			t.Errorf("Document(%q): %v", ref, err)
			continue
		}
		want := d
		if ref == twin1.ID[:8] {
			want = twin1
		}
		if got.ID != want.ID {
			t.Errorf("Document(%q) = %s, want %s", ref, got.ID, want.ID)
		}
	}
	for _, ref := range []string{"", d.ID[:3], "zzzz", "0000000000", "no/such/path.txt", d.ID + "0"} {
		if _, err := s.Document(ctx, ref); !errors.Is(err, ErrNotFound) {
			t.Errorf("Document(%q) error %v, want ErrNotFound", ref, err)
		}
	}
	if _, err := s.Document(ctx, "abcdef0"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("Document(ambiguous prefix) error %v, want ErrAmbiguous", err)
	}
	// The same path for two contents (the file changed) is ambiguous too.
	changed := newDoc(d.Path, d.Title, d.Text+" Updated.", "")
	mustAdd(t, s, changed, nil)
	if _, err := s.Document(ctx, d.Path); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("Document(path of two documents) error %v, want ErrAmbiguous", err)
	}
}

func testOrder(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	same := newDoc("a/same-day.txt", "Same day", "Another report from the same day.", "2011-03-25")
	if _, err := s.AddDocuments(ctx, append(docs, same), nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range got {
		paths = append(paths, d.Path)
	}
	want := []string{"a/same-day.txt", "b/statement.txt", "a/later.txt", "c/undated.txt"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("Documents order %v, want %v", paths, want)
	}
	if got[1].Text != natoText || !got[3].Date.IsZero() {
		t.Errorf("Documents lost text or invented a date")
	}
}

func testSearch(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	if _, err := s.AddDocuments(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	nato, talks, note := docs[0].ID, docs[1].ID, docs[2].ID
	cases := []struct {
		q    string
		want []string // in any order
	}{
		{`"North Atlantic Council"`, []string{nato}},
		{`"Atlantic North Council"`, nil},
		{`Brussels civilians`, []string{nato}},
		{`civilians Brussels Addis`, nil},
		{`ceasefire OR civilians`, []string{nato, talks}},
		{`the -ceasefire`, []string{nato, note}},
		{`-"no-fly zone" the`, []string{nato, talks}},
		{`Libya`, []string{nato}},      // title and text
		{`ceasefire`, []string{talks}}, // title and text
		{`protecting`, []string{nato}}, // stemmed
		{`Security Council`, []string{note}},
		{`no-fly`, []string{note}},
		// Things FTS5 would reject as syntax are searched as words.
		{`Libya's`, []string{nato}},
		{`"unclosed phrase Brussels`, nil},
		{`NEAR(Brussels`, nil}, // the phrase "near brussels"
		{`(Brussels)`, []string{nato}},
		{`title:Brussels`, nil},
		{`Brussels (`, []string{nato}},
		{`U.S. ^ * + Brussels`, nil},
		{`Brussels OR`, []string{nato}},
		{`OR Brussels`, []string{nato}},
	}
	for _, c := range cases {
		hits, err := s.Search(ctx, c.q, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", c.q, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Doc)
		}
		if !sameSet(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.q, short(got), short(c.want))
		}
	}
	for _, q := range []string{"", "   ", `""`, "-Brussels", "* ^ -"} {
		if _, err := s.Search(ctx, q, 10); err == nil {
			t.Errorf("Search(%q): no error for a query without words", q)
		}
	}

	hits, err := s.Search(ctx, `"North Atlantic Council" Brussels`, 0)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search: %v %v", hits, err)
	}
	h := hits[0]
	if h.Title != docs[0].Title || h.Path != docs[0].Path || h.Rank <= 0 {
		t.Errorf("hit fields: %+v", h)
	}
	if !strings.Contains(h.Snippet, "[Brussels]") || !strings.Contains(h.Snippet, "Council]") {
		t.Errorf("snippet %q does not mark the matches", h.Snippet)
	}

	// The better match ranks first; limit cuts.
	more := newDoc("d/brussels.txt", "Brussels, Brussels", "Brussels. In Brussels the Brussels summit opened in Brussels.", "")
	mustAdd(t, s, more, nil)
	hits, err = s.Search(ctx, "Brussels", 1)
	if err != nil || len(hits) != 1 || hits[0].Doc != more.ID {
		t.Errorf("Search limit 1: %+v %v", hits, err)
	}
	if s.(*sqlStore).d.name == "sqlite" {
		hits, err = s.Search(ctx, "Bruss*", 10)
		if err != nil || len(hits) != 2 {
			t.Errorf("prefix search: %d hits, %v", len(hits), err)
		}
	}
}

func testSearchHighlight(t *testing.T, dsn string) {
	s := mustOpen(t, dsn, WithHighlight("<b>", "</b>"))
	mustAdd(t, s, threeDocs()[0], nil)
	hits, err := s.Search(context.Background(), "civilians", 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search: %v %v", hits, err)
	}
	if !strings.Contains(hits[0].Snippet, "<b>civilians</b>") {
		t.Errorf("snippet %q", hits[0].Snippet)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func short(ids []string) []string {
	var out []string
	for _, id := range ids {
		out = append(out, id[:8])
	}
	return out
}

func testFaultMarshal(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	mustAdd(t, s, docs[2], nil)
	before := counts(t, s)

	// The second document's analysis cannot be encoded (NaN is not JSON):
	// the first one, already inserted in the transaction, must go too.
	bad := natoAnalysis(docs[0])
	bad.Events[0].Goldstein = math.NaN()
	_, err := s.AddDocuments(ctx, []*model.Document{docs[1], docs[0]}, []*model.Analysis{nil, bad})
	if err == nil {
		t.Fatal("AddDocuments with an unencodable analysis: no error")
	}
	if !strings.Contains(err.Error(), docs[0].ID) {
		t.Errorf("error %q does not name the document", err)
	}
	if after := counts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("failed batch changed the store: %v -> %v", before, after)
	}
	if _, err := s.Document(ctx, docs[1].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("document of the failed batch is there: %v", err)
	}
	if _, err := s.AddDocument(ctx, docs[0], bad); err == nil {
		t.Error("AddDocument with an unencodable analysis: no error")
	}
	if after := counts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("failed add changed the store: %v -> %v", before, after)
	}
	checkFTS(t, s)

	// The store still works, and the documents can be added properly.
	res, err := s.AddDocuments(ctx, []*model.Document{docs[1], docs[0]}, []*model.Analysis{nil, natoAnalysis(docs[0])})
	if err != nil || !reflect.DeepEqual(res, []bool{true, true}) {
		t.Fatalf("AddDocuments after a failure: %v %v", res, err)
	}
}

func testFaultCancel(t *testing.T, dsn string) {
	s := mustOpen(t, dsn)
	docs := threeDocs()
	mustAdd(t, s, docs[2], nil)
	before := counts(t, s)

	for _, step := range []string{"document", "analysis"} {
		for _, at := range []int{0, 1} {
			t.Run(fmt.Sprintf("%s%d", step, at), func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				s.(*sqlStore).hook = func(_ context.Context, st string, i int) error {
					if st == step && i == at {
						cancel()
					}
					return nil
				}
				defer func() { s.(*sqlStore).hook = nil }()
				_, err := s.AddDocuments(ctx, []*model.Document{docs[0], docs[1]}, []*model.Analysis{natoAnalysis(docs[0]), nil})
				if !errors.Is(err, context.Canceled) {
					t.Errorf("cancelled AddDocuments: %v, want context.Canceled", err)
				}
				if after := counts(t, s); !reflect.DeepEqual(after, before) {
					t.Errorf("cancelled batch changed the store: %v -> %v", before, after)
				}
			})
		}
	}
	// A hook error (a fault between inserts) rolls back too.
	s.(*sqlStore).hook = func(_ context.Context, st string, i int) error {
		if st == "analysis" {
			return errors.New("injected fault")
		}
		return nil
	}
	if _, err := s.AddDocument(context.Background(), docs[0], natoAnalysis(docs[0])); err == nil || !strings.Contains(err.Error(), "injected fault") {
		t.Errorf("AddDocument with a fault: %v", err)
	}
	s.(*sqlStore).hook = nil
	if after := counts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("failed add changed the store: %v -> %v", before, after)
	}
	checkFTS(t, s)
	mustAdd(t, s, docs[0], natoAnalysis(docs[0]))
}

func testSetDocumentDate(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	if _, err := s.AddDocuments(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	u := *docs[2]
	u.Date, u.DateEnd = day("2011-03-01"), day("2011-03-31")
	u.DateSource, u.DateReason = model.DateFromInferred, "latest date mentioned in the text"
	if err := s.SetDocumentDate(ctx, &u); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &u) {
		t.Errorf("after SetDocumentDate:\n got %+v\nwant %+v", got, &u)
	}
	all, _ := s.Documents(ctx)
	page, total, err := s.ListDocuments(ctx, 1, 1)
	if err != nil || total != 3 || len(page) != 1 || page[0].ID != all[1].ID || page[0].Text != "" || page[0].Title != all[1].Title {
		t.Errorf("ListDocuments(1, 1) = %+v, %d, %v", page, total, err)
	}
	if all[0].ID != u.ID {
		t.Errorf("newly dated document not first: %s", all[0].Path)
	}
	// And back to unknown.
	u.Date, u.DateEnd, u.DateSource, u.DateReason = time0, time0, "", ""
	if err := s.SetDocumentDate(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Document(ctx, u.ID); !got.Date.IsZero() || !got.DateEnd.IsZero() {
		t.Errorf("date not cleared: %v", got.Date)
	}
	if err := s.SetDocumentDate(ctx, &model.Document{ID: "nope"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetDocumentDate of unknown: %v", err)
	}
}

var time0 = model.Document{}.Date

// passFixture is a pass's results over threeDocs: one quote of the first
// document verified, findings of the first two documents and across
// them, a timeline entry and an actor. The names are invented.
type passFixture struct {
	state  PassState
	docRes []DocResults
	across *Across
}

func samplePass(docs []*model.Document) passFixture {
	a := natoAnalysis(docs[0])
	q := a.Quotes[0]
	q.Verdict, q.Score, q.Diff = model.VerdictVerbatim, 0.97, ""
	q.Primary = &model.Evidence{Doc: docs[1].ID, Start: 4, End: 13, Text: docs[1].Text[4:13]}
	e := a.Events[0]
	ev := func(d *model.Document, start, end int) []model.Evidence {
		return []model.Evidence{{Doc: d.ID, Start: start, End: end, Text: d.Text[start:end]}}
	}
	finding := func(kind string, sev model.Severity, summary string, evidence []model.Evidence) model.Finding {
		return model.Finding{Kind: kind, Severity: sev, Summary: summary, Evidence: evidence, Events: []string{}, Quotes: []string{}, Check: kind}
	}
	return passFixture{
		state: PassState{Config: "config-1", Context: "context-1"},
		docRes: []DocResults{
			{Doc: docs[0].ID, Quotes: []model.Quote{q}, Findings: []FindingRow{
				{Finding: finding("altered-quote", model.SeverityHigh, "Tova Renn was misquoted", ev(docs[0], 0, 4)), People: []string{"Tova Renn"}},
				{Finding: finding("unverified-quote", model.SeverityLow, "a quote no record covers", ev(docs[0], 4, 9))},
			}},
			{Doc: docs[1].ID, Across: true, Procs: []string{"Harlow", "Millbrook"}, Findings: []FindingRow{
				{Finding: finding("anonymous-source", model.SeverityMedium, "an unnamed official", ev(docs[1], 0, 3))},
				{Finding: finding("altered-quote", model.SeverityHigh, "Ilse Varga was misquoted", ev(docs[1], 4, 9)), People: []string{"Ilse Varga"}},
			}},
		},
		across: &Across{
			Timeline: []model.TimelineEntry{
				{ID: 1, Date: "2011-03", Precision: "month", Kind: "057", Summary: "a promise to protect civilians", Future: true,
					Events: []string{e.ID}, Quotes: []string{q.ID}, Docs: []string{docs[0].ID},
					Evidence: []model.Evidence{model.EvidenceOf(docs[0].ID, e.Trigger)}},
			},
			Findings: []FindingRow{
				{Finding: finding("announced-before-decision", model.SeverityHigh, "Oren Malk announced it first", append(ev(docs[1], 0, 3), ev(docs[0], 0, 4)...))},
				{Finding: finding("single-source", model.SeverityInfo, "only one document says so", ev(docs[0], 0, 4))},
			},
			Actors: []Actor{{Key: "tova renn", Name: "Tova Renn", Code: "XYZGOV", Person: true, Names: []string{"Ms Renn"}, Roles: []string{"Mayor"},
				Mentions: 3, Documents: 2, Examples: ev(docs[0], 0, 4)}},
		},
	}
}

func findingSummaries(t *testing.T, s Store, q FindingQuery) []string {
	t.Helper()
	var out []string
	if err := s.ForEachFinding(context.Background(), q, func(f model.Finding) error {
		out = append(out, f.Summary)
		return nil
	}); err != nil {
		t.Fatalf("ForEachFinding(%+v): %v", q, err)
	}
	return out
}

func testPassResults(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	docs[0].Kind = model.KindStatement
	if _, err := s.AddDocuments(ctx, docs, []*model.Analysis{natoAnalysis(docs[0]), nil, nil}); err != nil {
		t.Fatal(err)
	}
	st, err := s.PassStatus(ctx)
	if err != nil || st.Started || st.Documents != 3 || st.Pending != 3 {
		t.Fatalf("PassStatus of a new store: %+v %v", st, err)
	}
	if got := findingSummaries(t, s, FindingQuery{}); len(got) != 0 {
		t.Errorf("findings of a new store: %v", got)
	}
	fx := samplePass(docs)
	if err := s.StartPass(ctx, fx.state, true); err != nil {
		t.Fatal(err)
	}
	if err := s.PutDocResults(ctx, fx.docRes); err != nil {
		t.Fatal(err)
	}
	st, _ = s.PassStatus(ctx)
	if !st.Started || st.State.Complete || st.State.Config != "config-1" || st.Pending != 1 {
		t.Errorf("PassStatus during a pass: %+v", st)
	}
	done := map[string]PassedDoc{}
	err = s.ForEachPassedDocument(ctx, func(id string, pd PassedDoc) error {
		done[id] = pd
		return nil
	})
	_, has2 := done[docs[2].ID]
	if err != nil || len(done) != 2 || !done[docs[1].ID].Across || done[docs[0].ID].Across || has2 ||
		!reflect.DeepEqual(done[docs[1].ID].Procs, []string{"Harlow", "Millbrook"}) || done[docs[0].ID].Procs != nil {
		t.Errorf("ForEachPassedDocument: %v %v", done, err)
	}
	// The primary records and the documents not checked: docs[0] is the
	// only statement.
	var of []string
	if err := s.ForEachAnalysisOf(ctx, []model.Kind{model.KindStatement, model.KindTranscript}, func(d *model.Document, _ *model.Analysis) error {
		of = append(of, d.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(of, []string{docs[0].ID, docs[2].ID}) {
		t.Errorf("ForEachAnalysisOf: %v, want %v", short(of), short([]string{docs[0].ID, docs[2].ID}))
	}
	// A failing batch changes nothing.
	bad := samplePass(docs).docRes
	bad[1].Quotes = []model.Quote{{ID: "bad", Score: math.Inf(1)}}
	bad = append(bad, DocResults{Doc: docs[2].ID})
	if err := s.PutDocResults(ctx, bad); err == nil {
		t.Error("PutDocResults with an unencodable quote: no error")
	}
	if st, _ := s.PassStatus(ctx); st.Pending != 1 {
		t.Errorf("a failed batch stored part of its results: %d pending", st.Pending)
	}
	fx.state.Documents = 3
	if err := s.FinishPass(ctx, fx.across, fx.state); err != nil {
		t.Fatal(err)
	}
	st, _ = s.PassStatus(ctx)
	if !st.State.Complete || st.State.Documents != 3 || st.State.Finished.IsZero() {
		t.Errorf("PassStatus after a pass: %+v", st)
	}

	// Most serious first; among equals, single documents in document
	// order (docs[0] is dated before docs[1]), then those across.
	want := []string{"Tova Renn was misquoted", "Ilse Varga was misquoted", "Oren Malk announced it first",
		"an unnamed official", "a quote no record covers", "only one document says so"}
	if got := findingSummaries(t, s, FindingQuery{}); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	for _, c := range []struct {
		q    FindingQuery
		want []string
	}{
		{FindingQuery{Kind: "altered-quote"}, []string{"Tova Renn was misquoted", "Ilse Varga was misquoted"}},
		{FindingQuery{Severity: "medium"}, []string{"an unnamed official"}},
		{FindingQuery{Doc: docs[1].ID}, []string{"Ilse Varga was misquoted", "Oren Malk announced it first", "an unnamed official"}},
		{FindingQuery{Person: "renn"}, []string{"Tova Renn was misquoted"}},
		{FindingQuery{Person: "oren malk"}, []string{"Oren Malk announced it first"}}, // by its summary
		{FindingQuery{Person: "100%_"}, nil},
		{FindingQuery{Offset: 2, Limit: 2}, want[2:4]},
		{FindingQuery{Offset: 4}, want[4:]},
		{FindingQuery{Kind: "altered-quote", Severity: "high", Doc: docs[0].ID}, []string{"Tova Renn was misquoted"}},
	} {
		if got := findingSummaries(t, s, c.q); !reflect.DeepEqual(got, c.want) {
			t.Errorf("findings %+v:\n got %q\nwant %q", c.q, got, c.want)
		}
		if c.q.Offset == 0 && c.q.Limit == 0 {
			if n, err := s.CountFindings(ctx, c.q); err != nil || n != len(c.want) {
				t.Errorf("CountFindings(%+v) = %d, %v; want %d", c.q, n, err, len(c.want))
			}
		}
	}
	if _, err := s.CountFindings(ctx, FindingQuery{Severity: "dire"}); err == nil {
		t.Error("unknown severity: no error")
	}
	kinds, sevs, err := s.FindingKinds(ctx)
	if err != nil || kinds["altered-quote"] != 2 || sevs["high"] != 3 || sevs["info"] != 1 {
		t.Errorf("FindingKinds: %v %v %v", kinds, sevs, err)
	}
	var f0 model.Finding
	_ = s.ForEachFinding(ctx, FindingQuery{Limit: 1}, func(f model.Finding) error { f0 = f; return nil })
	if !reflect.DeepEqual(f0, fx.docRes[0].Findings[0].Finding) {
		t.Errorf("finding round trip:\n got %+v\nwant %+v", f0, fx.docRes[0].Findings[0].Finding)
	}

	var qs []model.Quote
	if err := s.ForEachQuote(ctx, QuoteQuery{}, func(q model.Quote) error { qs = append(qs, q); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(qs, fx.docRes[0].Quotes) {
		t.Errorf("quotes:\n got %+v\nwant %+v", qs, fx.docRes[0].Quotes)
	}
	qs = nil
	_ = s.ForEachQuote(ctx, QuoteQuery{Doc: docs[1].ID}, func(q model.Quote) error { qs = append(qs, q); return nil })
	_ = s.ForEachQuote(ctx, QuoteQuery{ID: "nope"}, func(q model.Quote) error { qs = append(qs, q); return nil })
	if len(qs) != 0 {
		t.Errorf("quotes of a document without any: %v", qs)
	}
	// Without re-analysis, the events are those add stored.
	var evs []model.Event
	if err := s.ForEachEvent(ctx, "", func(e model.Event) error { evs = append(evs, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(evs, natoAnalysis(docs[0]).Events) {
		t.Errorf("events:\n got %+v\nwant %+v", evs, natoAnalysis(docs[0]).Events)
	}
	if c, err := s.CountResults(ctx); err != nil || c.Events != len(evs) || c.Acts != 0 {
		t.Errorf("CountResults of events without acts: %+v, %v; want %d events, no act", c, err, len(evs))
	}
	if acts, err := s.Acts(ctx, []string{evs[0].ID}); err != nil || len(acts) != 0 {
		t.Errorf("Acts of a coded event: %v, %v", acts, err)
	}
	var tl []model.TimelineEntry
	if err := s.ForEachTimelineEntry(ctx, 0, 0, func(e model.TimelineEntry) error { tl = append(tl, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountTimeline(ctx); !reflect.DeepEqual(tl, fx.across.Timeline) || n != 1 {
		t.Errorf("timeline (%d):\n got %+v\nwant %+v", n, tl, fx.across.Timeline)
	}
	var actors []Actor
	if err := s.ForEachActor(ctx, 0, 0, func(a Actor) error { actors = append(actors, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(actors, fx.across.Actors) {
		t.Errorf("actors:\n got %+v\nwant %+v", actors, fx.across.Actors)
	}
	if a, err := s.Actor(ctx, "tova renn"); err != nil || a.Name != "Tova Renn" {
		t.Errorf("Actor: %+v %v", a, err)
	}
	if _, err := s.Actor(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Actor of nobody: %v", err)
	}

	// An incremental pass: docs[2] alone, and docs[0] again (replacing its
	// results, not adding to them), with events coded again.
	fx.state.Reanalysed = true
	if err := s.StartPass(ctx, fx.state, false); err != nil {
		t.Fatal(err)
	}
	recoded := natoAnalysis(docs[0]).Events
	recoded[0].CAMEO = "051"
	// and an act of the record after it, which the reports leave out
	act := recoded[0]
	act.ID, act.CAMEO, act.Act = act.ID+"-act", "", "announce"
	recoded = append(recoded, act)
	again := fx.docRes[0]
	again.Events = recoded
	if err := s.PutDocResults(ctx, []DocResults{again, {Doc: docs[2].ID}}); err != nil {
		t.Fatal(err)
	}
	fx.across.Findings = fx.across.Findings[:1]
	if err := s.FinishPass(ctx, fx.across, fx.state); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.PassStatus(ctx); st.Pending != 0 {
		t.Errorf("pending after an incremental pass: %d", st.Pending)
	}
	if got := findingSummaries(t, s, FindingQuery{}); !reflect.DeepEqual(got, want[:5]) {
		t.Errorf("findings after an incremental pass:\n got %q\nwant %q", got, want[:5])
	}
	evs = nil
	_ = s.ForEachEvent(ctx, docs[0].ID, func(e model.Event) error { evs = append(evs, e); return nil })
	if len(evs) != 2 || evs[0].CAMEO != "051" || evs[1].Act != "announce" {
		t.Errorf("events coded again: %+v", evs)
	}
	all := 0
	_ = s.ForEachEvent(ctx, "", func(model.Event) error { all++; return nil })
	if c, err := s.CountResults(ctx); err != nil || c.Events != all || c.Acts != 1 {
		t.Errorf("CountResults with one act: %+v, %v; want %d events, one act", c, err, all)
	}
	if acts, err := s.Acts(ctx, []string{evs[0].ID, act.ID, "nope"}); err != nil || !reflect.DeepEqual(acts, map[string]bool{act.ID: true}) {
		t.Errorf("Acts: %v, %v; want only %s", acts, err, act.ID)
	}
	if acts, err := s.Acts(ctx, nil); err != nil || len(acts) != 0 {
		t.Errorf("Acts of no ids: %v, %v", acts, err)
	}
	if c := counts(t, s); c["results_quotes"] != 1 || c["findings"] != 5 {
		t.Errorf("counts after replacing a document's results: %v", c)
	}

	// A reset makes every document pending; the old results stay
	// readable until replaced, and a replaced document's new findings
	// are listed last until the pass ends.
	if err := s.StartPass(ctx, PassState{Config: "config-2"}, true); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.PassStatus(ctx); st.Pending != 3 || st.State.Complete {
		t.Errorf("after a reset: %+v", st)
	}
	if got := findingSummaries(t, s, FindingQuery{}); !reflect.DeepEqual(got, want[:5]) {
		t.Errorf("findings after a reset:\n got %q\nwant %q", got, want[:5])
	}
	fresh := samplePass(docs).docRes[0]
	fresh.Findings = fresh.Findings[:1]
	fresh.Findings[0].Summary = "a new finding"
	if err := s.PutDocResults(ctx, []DocResults{fresh}); err != nil {
		t.Fatal(err)
	}
	wantMid := []string{"Ilse Varga was misquoted", "Oren Malk announced it first", "an unnamed official", "a new finding"}
	if got := findingSummaries(t, s, FindingQuery{}); !reflect.DeepEqual(got, wantMid) {
		t.Errorf("findings during a pass:\n got %q\nwant %q", got, wantMid)
	}
}

func testForEachAnalysis(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	docs := threeDocs()
	as := []*model.Analysis{natoAnalysis(docs[0]), nil, nil}
	if _, err := s.AddDocuments(ctx, docs, as); err != nil {
		t.Fatal(err)
	}
	var seen []string
	err := s.ForEachAnalysis(ctx, func(d *model.Document, a *model.Analysis) error {
		seen = append(seen, d.Path)
		if a.Doc != d.ID {
			t.Errorf("analysis of %s for %s", a.Doc, d.ID)
		}
		if d.ID == docs[0].ID && !reflect.DeepEqual(a, as[0]) {
			t.Errorf("analysis differs: %+v", a)
		}
		// The store can be used from inside the callback.
		if _, err := s.Document(ctx, d.ID); err != nil {
			t.Errorf("Document inside ForEachAnalysis: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"b/statement.txt", "a/later.txt", "c/undated.txt"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("ForEachAnalysis order %v, want %v", seen, want)
	}
	stop := errors.New("stop")
	n := 0
	err = s.ForEachAnalysis(ctx, func(*model.Document, *model.Analysis) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("ForEachAnalysis with failing fn: n=%d err=%v", n, err)
	}
	cctx, cancel := context.WithCancel(ctx)
	n = 0
	err = s.ForEachAnalysis(cctx, func(*model.Document, *model.Analysis) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("ForEachAnalysis cancelled: n=%d err=%v", n, err)
	}
}

func testConcurrent(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	mustAdd(t, s, threeDocs()[0], nil)
	const writers, perWriter, readers = 2, 10, 4
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				doc, a := bigDoc(w*1000+i, 2000, 5, 2, 5)
				if _, err := s.AddDocument(ctx, doc, a); err != nil {
					errs <- fmt.Errorf("writer: %w", err)
					return
				}
			}
		}()
	}
	for r := 0; r < readers; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				if _, err := s.Search(ctx, "Brussels", 5); err != nil {
					errs <- fmt.Errorf("reader search: %w", err)
					return
				}
				if _, err := s.Documents(ctx); err != nil {
					errs <- fmt.Errorf("reader documents: %w", err)
					return
				}
				if err := s.ForEachAnalysis(ctx, func(*model.Document, *model.Analysis) error { return nil }); err != nil {
					errs <- fmt.Errorf("reader analyses: %w", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if c := counts(t, s); c["documents"] != 1+writers*perWriter || c["events"] != writers*perWriter*5 {
		t.Errorf("counts after concurrent writes: %v", c)
	}
	checkFTS(t, s)
}

func testReopen(t *testing.T, dsn string) {
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	docs := threeDocs()
	if _, err := s.AddDocuments(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	fx := samplePass(docs)
	if err := s.StartPass(ctx, fx.state, true); err != nil {
		t.Fatal(err)
	}
	if err := s.PutDocResults(ctx, fx.docRes); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishPass(ctx, fx.across, fx.state); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := mustOpen(t, dsn)
	got, err := s2.Documents(ctx)
	if err != nil || len(got) != 3 {
		t.Fatalf("after reopen: %d documents, %v", len(got), err)
	}
	if n, err := s2.CountFindings(ctx, FindingQuery{}); err != nil || n != 6 {
		t.Fatalf("after reopen: %d findings, %v", n, err)
	}
	// A second store on the same database at the same time.
	s3 := mustOpen(t, dsn)
	mustAdd(t, s3, newDoc("x.txt", "x", "another document", ""), nil)
	if got, _ := s2.Documents(ctx); len(got) != 4 {
		t.Errorf("second store's document not seen by the first: %d", len(got))
	}
}

// testPageStarts: the page starts of the PDF documents, and of no other.
func testPageStarts(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	pdf := newDoc("minutes.pdf", "Minutes", "Page one of the minutes.\fPage two of the minutes.", "2024-03-05")
	pdf.Format, pdf.Pages, pdf.OCRPages = "pdf", []int{0, 25}, []int{2}
	text := newDoc("notes.txt", "Notes", "Notes of the harbour board.", "2024-03-05")
	for _, d := range []*model.Document{pdf, text} {
		if _, err := s.AddDocument(ctx, d, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.PageStarts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string][]int{pdf.ID: {0, 25}}; !reflect.DeepEqual(got, want) {
		t.Errorf("PageStarts = %v, want %v", got, want)
	}
}

// testMigrationOutOfOrder: a store made by a build that had a later
// migration but not an earlier one (features are merged in any order) is
// opened, and the earlier migration applied.
func testMigrationOutOfOrder(t *testing.T, dsn string) {
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	db := s.(*sqlStore).db
	// As if migration 30 (watch state) had never been applied, and 40
	// (the stored pass) had.
	for _, q := range []string{`DROP TABLE watch_progress`, `DROP TABLE watch_items`, `DROP TABLE watch_sources`, `DROP TABLE pages`,
		`DELETE FROM goose_db_version WHERE version_id = 30`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, _, err := s.FetchProgress(ctx); err == nil {
		t.Fatal("the watch tables are still there: the test tests nothing")
	}
	s.Close()
	s = mustOpen(t, dsn)
	if fetched, analysed, err := s.FetchProgress(ctx); err != nil || fetched != 0 || analysed != 0 {
		t.Errorf("after reopening: FetchProgress = %d, %d, %v", fetched, analysed, err)
	}
}

// testPassStream: a timeline given an entry at a time, out of order, with
// the findings made of some entries, is stored as the same timeline and
// findings given whole.
func testPassStream(t *testing.T, dsn string) {
	ctx := context.Background()
	docs := threeDocs()
	entry := func(id int, summary string) model.TimelineEntry {
		return model.TimelineEntry{ID: id, Date: fmt.Sprintf("2011-03-%02d", id), Precision: "day", Kind: "CONSULT", Summary: summary,
			Events: []string{}, Quotes: []string{}, Docs: []string{docs[id%3].ID},
			Evidence: []model.Evidence{{Doc: docs[id%3].ID, Start: 0, End: 4, Text: docs[id%3].Text[:4]}}}
	}
	single := func(e model.TimelineEntry) FindingRow {
		return FindingRow{Finding: model.Finding{Kind: "single-source", Check: "single-source", Severity: model.SeverityInfo,
			Summary: "only one says " + e.Summary, Evidence: e.Evidence, Events: []string{}, Quotes: []string{}, Timeline: []int{e.ID}}}
	}
	announced := FindingRow{Finding: model.Finding{Kind: "announced-before-decision", Check: "announced-before-decision", Severity: model.SeverityInfo,
		Summary: "announced first", Evidence: []model.Evidence{}, Events: []string{}, Quotes: []string{}}}
	var entries []model.TimelineEntry
	var whole []FindingRow
	whole = append(whole, announced)
	for id := 1; id <= 5; id++ {
		e := entry(id, fmt.Sprint("meeting ", id))
		entries = append(entries, e)
		if id%2 == 1 {
			whole = append(whole, single(e))
		}
	}
	read := func(s Store) (tl []model.TimelineEntry, fs []string) {
		if err := s.ForEachTimelineEntry(ctx, 0, 0, func(e model.TimelineEntry) error { tl = append(tl, e); return nil }); err != nil {
			t.Fatal(err)
		}
		return tl, findingSummaries(t, s, FindingQuery{})
	}
	s := mustOpen(t, dsn)
	if _, err := s.AddDocuments(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	// Each pass replaces the results across documents of the one before.
	stored := func(a *Across) Store {
		if err := s.StartPass(ctx, PassState{Config: "c", Context: "x"}, true); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishPass(ctx, a, PassState{Config: "c", Context: "x"}); err != nil {
			t.Fatal(err)
		}
		return s
	}
	wantTL, wantFs := read(stored(&Across{Timeline: entries, Findings: whole}))
	gotTL, gotFs := read(stored(&Across{Findings: whole[:1], Stream: func(put func(model.TimelineEntry, *FindingRow) error) error {
		for _, i := range []int{3, 0, 4, 2, 1} { // out of order
			e := entries[i]
			var f *FindingRow
			if e.ID%2 == 1 {
				row := single(e)
				f = &row
			}
			if err := put(e, f); err != nil {
				return err
			}
		}
		return nil
	}}))
	if len(wantTL) != 5 || len(wantFs) != 4 {
		t.Fatalf("given whole: %d entries, %d findings", len(wantTL), len(wantFs))
	}
	if !reflect.DeepEqual(gotTL, wantTL) {
		t.Errorf("streamed timeline:\n%+v\nwant\n%+v", gotTL, wantTL)
	}
	if !reflect.DeepEqual(gotFs, wantFs) {
		t.Errorf("streamed findings: %q, want %q", gotFs, wantFs)
	}
}

// testAnalysisParts: the parts asked for are those of the whole
// analysis; the others are empty.
func testAnalysisParts(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	doc := threeDocs()[0]
	a := natoAnalysis(doc)
	mustAdd(t, s, doc, a)
	whole, err := s.Analysis(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Mentions) == 0 || len(whole.Timexes) == 0 || len(whole.Quotes) == 0 || len(whole.Events) == 0 {
		t.Fatalf("the fixture lacks a part: %d mentions, %d timexes, %d quotes, %d events",
			len(whole.Mentions), len(whole.Timexes), len(whole.Quotes), len(whole.Events))
	}
	part, err := s.AnalysisParts(ctx, doc.ID, MentionsPart|TimexesPart)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(part.Mentions, whole.Mentions) || !reflect.DeepEqual(part.Timexes, whole.Timexes) ||
		len(part.Quotes) != 0 || len(part.Events) != 0 {
		t.Errorf("mentions and timexes: got %d, %d, %d, %d", len(part.Mentions), len(part.Timexes), len(part.Quotes), len(part.Events))
	}
	part, err = s.AnalysisParts(ctx, doc.ID, QuotesPart|EventsPart)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(part.Quotes, whole.Quotes) || !reflect.DeepEqual(part.Events, whole.Events) || len(part.Mentions) != 0 {
		t.Errorf("quotes and events: got %d mentions, %d quotes, %d events", len(part.Mentions), len(part.Quotes), len(part.Events))
	}
	if _, err := s.AnalysisParts(ctx, "0000000000", AllParts); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown document: %v, want ErrNotFound", err)
	}
}

// testPagedOrder reads the documents' ids a few at a time, over dated
// and undated documents that share dates and paths, and checks that the
// pages give every document once, in the order of Documents.
func testPagedOrder(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustOpen(t, dsn)
	s.(*sqlStore).idPage = 3
	var docs []*model.Document
	for i := 0; i < 17; i++ {
		date := []string{"2013-06-04", "2013-06-04", "2012-01-31", ""}[i%4]
		path := fmt.Sprintf("dir/%d.txt", i%5)
		docs = append(docs, newDoc(path, "T", fmt.Sprintf("Text number %d.", i), date))
	}
	if _, err := s.AddDocuments(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	all, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range all {
		want = append(want, d.ID)
	}
	var got, of, infos []string
	if err := s.ForEachAnalysis(ctx, func(d *model.Document, _ *model.Analysis) error { got = append(got, d.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.ForEachAnalysisOf(ctx, nil, func(d *model.Document, _ *model.Analysis) error { of = append(of, d.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.ForEachDocument(ctx, func(d *model.Document) error {
		if d.Text != "" {
			t.Errorf("ForEachDocument gave the text of %s", d.Path)
		}
		infos = append(infos, d.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for name, ids := range map[string][]string{"ForEachAnalysis": got, "ForEachAnalysisOf": of, "ForEachDocument": infos} {
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("%s order:\n%v\nwant\n%v", name, ids, want)
		}
	}
}
