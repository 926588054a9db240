package cli

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleDB analyses the bundled example into a fresh database.
func exampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "-q", "add", exampleDir(t)); code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	return db
}

// docTexts maps document ids to their text, read from the example files.
func docTexts(t *testing.T, db string) map[string]string {
	t.Helper()
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range docs {
		b, err := os.ReadFile(filepath.Join(exampleDir(t), filepath.Base(d.Path)))
		if err != nil {
			t.Fatal(err)
		}
		out[d.ID] = string(b)
	}
	return out
}

type evidence struct {
	Doc        string
	Start, End int
	Text       string
}

func checkSpans(t *testing.T, texts map[string]string, what string, evs []evidence) {
	t.Helper()
	for _, e := range evs {
		txt, ok := texts[e.Doc]
		if !ok {
			t.Errorf("%s: evidence in unknown document %s", what, e.Doc)
			continue
		}
		if e.Start < 0 || e.End > len(txt) || e.Start > e.End || txt[e.Start:e.End] != e.Text {
			t.Errorf("%s: evidence [%d,%d) %q does not round-trip", what, e.Start, e.End, e.Text)
		}
	}
}

func TestExampleFindings(t *testing.T) {
	db := exampleDB(t)
	code, stdout, stderr := run(t, db, "findings", "--json")
	if code != 0 {
		t.Fatalf("findings exited %d: %s", code, stderr)
	}
	var fs []struct {
		Kind, Severity, Summary string
		Evidence                []evidence
	}
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatal(err)
	}
	texts := docTexts(t, db)
	byKind := map[string][]string{}
	for _, f := range fs {
		byKind[f.Kind] = append(byKind[f.Kind], f.Summary)
		checkSpans(t, texts, f.Kind, f.Evidence)
	}
	want := map[string][]string{
		"announced-before-decision": {"North Atlantic Council", "morning of 4 June 2013", "afternoon of 4 June 2013"},
		"meeting-without-record":    {"Obama", "31 May 2013"},
		"anonymous-source":          {"US officials"},
		"weekday-mismatch":          {"Monday 4 June", "Tuesday"},
		"unverified-quote":          {"Hagel"},
	}
	for kind, words := range want {
		got := strings.Join(byKind[kind], "\n")
		if got == "" {
			t.Errorf("no %s finding; findings: %v", kind, byKind)
			continue
		}
		for _, w := range words {
			if !strings.Contains(got, w) {
				t.Errorf("%s findings do not mention %q:\n%s", kind, w, got)
			}
		}
	}
	if len(byKind["altered-quote"]) > 0 {
		t.Errorf("the quotes of the example are faithful, yet: %v", byKind["altered-quote"])
	}
	if fs[0].Severity != "high" {
		t.Errorf("the most serious finding should come first, got %s", fs[0].Severity)
	}
}

func TestExampleQuotes(t *testing.T) {
	db := exampleDB(t)
	_, stdout, _ := run(t, db, "quotes", "--json")
	var qs []quoteJSON
	if err := json.Unmarshal([]byte(stdout), &qs); err != nil {
		t.Fatal(err)
	}
	texts := docTexts(t, db)
	verdict := func(prefix string) *quoteJSON {
		for i := range qs {
			if strings.HasPrefix(qs[i].Text, prefix) {
				return &qs[i]
			}
		}
		t.Fatalf("no quote starting %q", prefix)
		return nil
	}
	for _, c := range []struct{ prefix, verdict, speaker string }{
		{"this request will be forwarded to the North Atlantic Council", "verbatim", "Anders Fogh Rasmussen"},
		{"this is not about deploying NATO troops to Libya", "verbatim", "Anders Fogh Rasmussen"},
		{"his country’s experience with NATO was very positive", "paraphrase-supported", "Ali Zeidan"},
		{"And part of where we think we can be helpful", "no-primary-record", "Barack Obama"},
		{"We will develop a plan", "no-primary-record", "Chuck Hagel"},
		{"NATO has expertise in the reform", "no-primary-record", "Anders Fogh Rasmussen"},
	} {
		q := verdict(c.prefix)
		if q.Verdict != c.verdict || q.Speaker != c.speaker {
			t.Errorf("%q: %s by %q, want %s by %q", c.prefix, q.Verdict, q.Speaker, c.verdict, c.speaker)
		}
		if c.verdict == "verbatim" {
			if q.Primary == nil {
				t.Errorf("%q: verbatim without the transcript span", c.prefix)
			} else {
				checkSpans(t, texts, "primary", []evidence{{q.Primary.Doc, q.Primary.Start, q.Primary.End, q.Primary.Text}})
			}
		}
	}
	anon := verdict("the United States had been talking")
	if !anon.Anonymous || strings.Contains(anon.Speaker, " ") && !strings.Contains(anon.Speaker, "officials") {
		t.Errorf("the US officials are anonymous, not a named person: %+v", anon)
	}
	speakers := map[string]bool{}
	for _, q := range qs {
		if q.Verdict == "primary" {
			speakers[q.Speaker] = true
		}
	}
	for _, s := range []string{"Ali Zeidan", "Anders Fogh Rasmussen", "Riad Walid"} {
		if !speakers[s] {
			t.Errorf("no primary turn attributed to %s: %v", s, speakers)
		}
	}
}

func TestExampleTimelineFormats(t *testing.T) {
	db := exampleDB(t)
	_, stdout, _ := run(t, db, "timeline", "--json")
	var tl []struct {
		Date, End, Precision, Kind, Summary string
		PartOfDay                           string `json:"part_of_day"`
		Future                              bool
		Docs                                []string
	}
	if err := json.Unmarshal([]byte(stdout), &tl); err != nil {
		t.Fatal(err)
	}
	find := func(pred func(i int) bool) int {
		for i := range tl {
			if pred(i) {
				return i
			}
		}
		return -1
	}
	operation := find(func(i int) bool { return tl[i].Date == "2011-03" && tl[i].End == "2011-10" })
	chicago := find(func(i int) bool { return tl[i].Date == "2012" })
	meeting := find(func(i int) bool {
		return tl[i].Date == "2013-05-27" && strings.Contains(tl[i].Summary, "Zeidan") && strings.Contains(tl[i].Summary, "Rasmussen")
	})
	obama := find(func(i int) bool { return tl[i].Date == "2013-05-31" && strings.Contains(tl[i].Summary, "Obama") })
	officials := find(func(i int) bool {
		return tl[i].Date == "2013-06-04" && strings.Contains(tl[i].Summary, "officials") && strings.Contains(tl[i].Summary, "Tuesday")
	})
	confirmed := find(func(i int) bool { return tl[i].Date == "2013-06-04" && tl[i].PartOfDay == "morning" })
	council := find(func(i int) bool {
		return tl[i].Date == "2013-06-04" && tl[i].PartOfDay == "afternoon" && strings.Contains(tl[i].Summary, "North Atlantic Council")
	})
	deadline := find(func(i int) bool { return tl[i].Kind == "deadline" && tl[i].End == "2013-06-30" && tl[i].Future })
	order := []int{operation, chicago, meeting, obama, officials, confirmed, council, deadline}
	for i, at := range order {
		if at < 0 {
			t.Errorf("timeline entry %d of the expected sequence is missing:\n%s", i, stdout)
			continue
		}
		if i > 0 && order[i-1] >= 0 && at < order[i-1] {
			t.Errorf("timeline entry %d comes before entry %d", i, i-1)
		}
	}
	if meeting >= 0 && len(tl[meeting].Docs) != 2 {
		t.Errorf("the 27 May meeting should rest on both documents, got %v", tl[meeting].Docs)
	}
	var meetings int
	for _, e := range tl {
		if e.Date == "2013-05-27" && e.Kind == "CONSULT" && strings.Contains(e.Summary, "Zeidan") && strings.Contains(e.Summary, "Rasmussen") {
			meetings++
		}
	}
	if meetings != 1 {
		t.Errorf("the 27 May meeting appears %d times, want once", meetings)
	}

	_, stdout, _ = run(t, db, "timeline", "--format", "timelinejs")
	var js struct {
		Events []struct {
			StartDate struct{ Year, Month, Day int } `json:"start_date"`
			Text      struct{ Headline string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &js); err != nil || len(js.Events) != len(tl) {
		t.Fatalf("timelinejs: %d events (%v), want %d", len(js.Events), err, len(tl))
	}
	if chicago >= 0 && (js.Events[chicago].StartDate.Year != 2012 || js.Events[chicago].StartDate.Month != 0) {
		t.Errorf("a year-precision entry must not be shown as a month or day: %+v", js.Events[chicago].StartDate)
	}
	_, stdout, _ = run(t, db, "timeline", "--format", "csv")
	if lines := strings.Count(stdout, "\n"); lines != len(tl)+1 {
		t.Errorf("csv has %d lines, want a header and %d rows", lines, len(tl))
	}
}

func TestExampleDateInferred(t *testing.T) {
	db := exampleDB(t)
	_, stdout, _ := run(t, db, "docs", "--json")
	var docs []docJSON
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Kind != "article" {
			continue
		}
		if d.DateSource != "inferred" || d.Date == nil || d.DateEnd == nil {
			t.Fatalf("article date: %v..%v (%s), want an inferred range", d.Date, d.DateEnd, d.DateSource)
		}
		if !strings.HasPrefix(*d.Date, "2013-06") || !strings.HasPrefix(*d.DateEnd, "2013-") {
			t.Errorf("inferred %s..%s, want June 2013 within 2013", *d.Date, *d.DateEnd)
		}
		for _, w := range []string{"Chicago summit", "Prime Minister"} {
			if !strings.Contains(d.DateReason, w) {
				t.Errorf("reason %q does not name %q", d.DateReason, w)
			}
		}
	}
}

func TestTimexCommand(t *testing.T) {
	in := "On the morning of 4 June the council met.\nNothing here.\nThey will report back by the end of June.\n"
	var out strings.Builder
	code := Main(t.Context(), []string{"timex", "--ref", "2013-06-05T12:00"}, strings.NewReader(in), &out, &strings.Builder{})
	if code != 0 {
		t.Fatalf("timex exited %d", code)
	}
	type expression struct {
		Text, Kind, Value, Granularity, Date string
		Start, End                           int
		PartOfDay                            string `json:"part_of_day"`
	}
	var lines []struct {
		Input       string
		Expressions []expression
	}
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		lines = append(lines, struct {
			Input       string
			Expressions []expression
		}{})
		if err := json.Unmarshal(sc.Bytes(), &lines[len(lines)-1]); err != nil {
			t.Fatal(err)
		}
	}
	if len(lines) != 3 {
		t.Fatalf("want one output line per input line, got %d", len(lines))
	}
	// value is TimeML's (the morning as TMO), date the ISO day.
	if e := lines[0].Expressions; len(e) != 1 || e[0].Value != "2013-06-04TMO" || e[0].Date != "2013-06-04" || e[0].PartOfDay != "morning" || lines[0].Input[e[0].Start:e[0].End] != e[0].Text {
		t.Errorf("line 1: %+v", e)
	}
	if len(lines[1].Expressions) != 0 {
		t.Errorf("line 2 has no expression, got %+v", lines[1].Expressions)
	}
	if e := lines[2].Expressions; len(e) != 1 || e[0].Kind != "deadline" || e[0].Value != "2013-06" {
		t.Errorf("line 3: %+v", e)
	}
}

var hrefRE = regexp.MustCompile(`href="#([^"]+)"`)

func TestReportHTML(t *testing.T) {
	db := exampleDB(t)
	out := filepath.Join(t.TempDir(), "report.html")
	if code, _, stderr := run(t, db, "report", "--format", "html", "-o", out); code != 0 {
		t.Fatalf("report exited %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm()&0o044 != 0o044 {
		t.Errorf("a report is for sharing and should be readable by others: %v %v", fi.Mode(), err)
	}
	page := string(b)
	links := hrefRE.FindAllStringSubmatch(page, -1)
	if len(links) < 5 {
		t.Fatalf("the report links only %d pieces of evidence", len(links))
	}
	for _, m := range links {
		if !strings.Contains(page, `id="`+m[1]+`"`) {
			t.Errorf("link #%s has no target", m[1])
		}
	}
	if !strings.Contains(page, "announced-before-decision") || !strings.Contains(page, "<svg") {
		t.Errorf("the report lacks the finding or the timeline drawing")
	}
	md := filepath.Join(t.TempDir(), "report.md")
	if code, _, stderr := run(t, db, "report", "--format", "md", "-o", md); code != 0 {
		t.Fatalf("report md exited %d: %s", code, stderr)
	}
	if code, _, _ := run(t, db, "report", "--format", "pdf"); code == 0 {
		t.Errorf("an unknown format should fail")
	}
}

func TestCodeWithUserDictionary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	dict := filepath.Join("testdata", "code", "ministers.actors.txt")
	code, stdout, stderr := run(t, db, "code", "--actors", dict, filepath.Join("testdata", "code", "lines.jsonl"))
	// One input line is not JSON: the exit status and the last line say so.
	if code == 0 || !strings.Contains(stderr, "dossier: 1 of 4 input lines could not be coded (not JSON, or no text)") {
		t.Fatalf("code exited %d, want non-zero and the bad line counted: %s", code, stderr)
	}
	type line struct {
		ID     string
		Error  string
		Events []struct {
			Event  string
			Cameo  string
			Source []struct {
				ActorText, Code string
			}
		}
	}
	var lines []line
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var one line
		if err := json.Unmarshal([]byte(l), &one); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		lines = append(lines, one)
	}
	if len(lines) != 4 {
		t.Fatalf("want one output line per input line (4), got %d:\n%s", len(lines), stdout)
	}
	source := func(i int) string {
		for _, e := range lines[i].Events {
			for _, s := range e.Source {
				if strings.Contains(s.ActorText, "Vellinga") {
					return s.Code
				}
			}
		}
		return ""
	}
	if got := source(0); got != "NLDGOV" {
		t.Errorf("in 2018 the user's dictionary codes him NLDGOV, got %q: %+v", got, lines[0])
	}
	if got := source(1); got != "IGOUNO" {
		t.Errorf("in 2021 the user's dictionary codes him IGOUNO, got %q: %+v", got, lines[1])
	}
	if lines[2].Error == "" {
		t.Errorf("a line that is not JSON should give an error line, got %+v", lines[2])
	}
	if len(lines[3].Events) == 0 || lines[3].Events[0].Event != "REQUEST" {
		t.Errorf("the request should be coded REQUEST: %+v", lines[3])
	}
}

// TestBuiltInProcedureOnAnotherInstitution runs the checks on an
// invented EU story with the built-in EU procedure and no flags.
func TestBuiltInProcedureOnAnotherInstitution(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "-q", "add", filepath.Join("testdata", "eu")); code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	_, stdout, _ := run(t, db, "findings", "--json")
	var fs []struct{ Kind, Summary string }
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range fs {
		got[f.Kind] += f.Summary + "\n"
	}
	for kind, words := range map[string][]string{
		"announced-before-decision": {"Kaja Ilves", "Council of the European Union", "morning of 12 March 2020", "afternoon of 12 March 2020"},
		"meeting-without-record":    {"Ousmane Diallo", "10 March 2020"},
		"anonymous-source":          {"asked not to be named"},
	} {
		for _, w := range words {
			if !strings.Contains(got[kind], w) {
				t.Errorf("%s findings lack %q: %q", kind, w, got[kind])
			}
		}
	}
	for _, silent := range []string{"weekday-mismatch", "altered-quote", "decision-by-wrong-body"} {
		if got[silent] != "" {
			t.Errorf("unexpected %s: %s", silent, got[silent])
		}
	}
}

// TestQuotesAgainstAnotherTranscript checks verdicts on an invented AU
// briefing and an article quoting it: one quote faithful, one with two
// words changed, one paraphrase.
func TestQuotesAgainstAnotherTranscript(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, db, "-q", "add", filepath.Join("testdata", "au")); code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	_, stdout, _ := run(t, db, "quotes", "--json")
	var qs []quoteJSON
	if err := json.Unmarshal([]byte(stdout), &qs); err != nil {
		t.Fatal(err)
	}
	verdicts := map[string]quoteJSON{}
	for _, q := range qs {
		verdicts[q.Text] = q
	}
	if q := verdicts["We will not send a new force before the elections."]; q.Verdict != "verbatim" || q.Primary == nil {
		t.Errorf("faithful quote: %+v", q)
	}
	if q := verdicts["sanctions are off the table today. We want to give the talks a chance."]; q.Verdict != "altered" || !strings.Contains(q.Diff, "[-not-]") || !strings.Contains(q.Diff, "{+off+}") {
		t.Errorf("altered quote: %q with diff %q", q.Verdict, q.Diff)
	}
	if q := verdicts["the Council would not send a new force to the Sahel before the elections"]; q.Verdict != "paraphrase-supported" {
		t.Errorf("paraphrase: %q", q.Verdict)
	}
	_, stdout, _ = run(t, db, "findings", "--json")
	if !strings.Contains(stdout, `"altered-quote"`) {
		t.Errorf("no altered-quote finding:\n%s", stdout)
	}
}

// TestDataDirReplacesPatterns: a file in --data DIR replaces the built-in
// file of the same path, event patterns included.
func TestDataDirReplacesPatterns(t *testing.T) {
	root := filepath.Join("..", "..", "data", "events")
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "events"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The user's verbs.yaml knows no verbs: meetings are no longer coded.
	if err := os.WriteFile(filepath.Join(dir, "events", "verbs.yaml"), []byte("patterns: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "verbs.yaml")); err != nil {
		t.Fatalf("the built-in file this test replaces is gone: %v", err)
	}
	in := `{"id": "a", "date": "2021-05-02", "text": "Kenya met Uganda in Nairobi on Tuesday."}` + "\n"
	count := func(args ...string) int {
		var out, errb strings.Builder
		if code := Main(t.Context(), append(args, "code"), strings.NewReader(in), &out, &errb); code != 0 {
			t.Fatalf("code exited %d: %s", code, errb.String())
		}
		return strings.Count(out.String(), `"event"`)
	}
	if n := count(); n == 0 {
		t.Fatalf("the built-in patterns code no event here; the test needs one")
	}
	if n := count("--data", dir); n != 0 {
		t.Errorf("with the user's empty verbs.yaml, %d events were coded", n)
	}
}

// TestDataDirReachesIngest: ingest's word lists come from --data too.
func TestDataDirReachesIngest(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "s.txt")
	if err := os.WriteFile(doc, []byte("Proclamation of the Council\n\nThe council declares the road open.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	kind := func(args ...string) string {
		db := filepath.Join(t.TempDir(), "d.db")
		if code, _, stderr := run(t, db, append(args, "-q", "add", doc)...); code != 0 {
			t.Fatalf("add exited %d: %s", code, stderr)
		}
		_, stdout, _ := run(t, db, "docs", "--json")
		var docs []docJSON
		if err := json.Unmarshal([]byte(stdout), &docs); err != nil || len(docs) != 1 {
			t.Fatalf("docs: %v %s", err, stdout)
		}
		return string(docs[0].Kind)
	}
	if k := kind(); k != "article" {
		t.Fatalf("without the user's marker the document is %s, want article", k)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "ingest"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ingest", "statement-markers.txt"), []byte("Proclamation\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if k := kind("--data", dir); k != "statement" {
		t.Errorf("with the user's statement marker the document is %s, want statement", k)
	}
}

// TestDictionaryAppliesToStoredDocuments: a user dictionary given to
// analyze applies to documents added before, without it.
func TestDictionaryAppliesToStoredDocuments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	doc := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(doc, []byte("Talks\n\nNairobi, 2 May 2018 - Tomas Vellinga met Kenyan officials in Nairobi on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, db, "add", "-q", doc); code != 0 {
		t.Fatalf("add exited %d: %s", code, stderr)
	}
	codes := func(args ...string) string {
		code, stdout, stderr := run(t, db, append([]string{"events", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("events exited %d: %s", code, stderr)
		}
		var evs []struct {
			Source struct{ Code string } `json:"source"`
		}
		if err := json.Unmarshal([]byte(stdout), &evs); err != nil {
			t.Fatalf("events --json: %v\n%s", err, stdout)
		}
		var out []string
		for _, e := range evs {
			out = append(out, e.Source.Code)
		}
		return strings.Join(out, ",")
	}
	if got := codes(); strings.Contains(got, "NLDGOV") {
		t.Fatalf("without the dictionary he is not NLDGOV: %s", got)
	}
	if got := codes("--actors", filepath.Join("testdata", "code", "ministers.actors.txt")); !strings.Contains(got, "NLDGOV") {
		t.Errorf("with the dictionary the stored document's event should be NLDGOV, got %q", got)
	}
}
