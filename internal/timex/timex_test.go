package timex

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

var (
	segOnce sync.Once
	seg     *text.Analyzer
	segErr  error
)

// segment splits s with the text layer, as callers of Find do.
func segment(tb testing.TB, s string) *text.Doc {
	tb.Helper()
	segOnce.Do(func() { seg, segErr = text.New() })
	if segErr != nil {
		tb.Fatalf("text.New: %v", segErr)
	}
	return seg.Segment(s)
}

// find segments s and finds its expressions.
func find(tb testing.TB, tg *Tagger, s string, ref time.Time) []model.Timex {
	tb.Helper()
	return tg.Find(segment(tb, s), ref)
}

func newTagger(tb testing.TB) *Tagger {
	tb.Helper()
	tg, err := New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return tg
}

func mustDate(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		tb.Fatalf("bad date %q: %v", s, err)
	}
	return t
}

type row struct {
	line                                       int
	ref                                        time.Time
	text, kind, value, end, gran, pod, mm, fut string
	sentence                                   string
}

func readTable(t *testing.T) []row {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "expressions.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 10 {
			t.Fatalf("expressions.tsv:%d: %d columns, want 10", n, len(c))
		}
		rows = append(rows, row{line: n, ref: mustDate(t, c[0]), text: c[1], kind: c[2], value: c[3], end: c[4],
			gran: c[5], pod: c[6], mm: c[7], fut: c[8], sentence: c[9]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func dump(xs []model.Timex) string {
	var b strings.Builder
	for _, x := range xs {
		fmt.Fprintf(&b, "\n\t%q %s %s/%s %s %s anchor=%s wd=%s mm=%v fut=%v", x.Text, x.Kind, x.Value, x.EndValue, x.Granularity, x.PartOfDay, x.Anchor, x.Weekday, x.WeekdayMismatch, x.Future)
	}
	return b.String()
}

func TestExpressionTable(t *testing.T) {
	tg := newTagger(t)
	rows := readTable(t)
	if len(rows) < 200 {
		t.Errorf("table has %d expressions, want at least 200", len(rows))
	}
	for _, r := range rows {
		got := find(t, tg, r.sentence, r.ref)
		var x *model.Timex
		for k := range got {
			if got[k].Text == r.text {
				x = &got[k]
				break
			}
		}
		where := fmt.Sprintf("expressions.tsv:%d %q (ref %s)", r.line, r.sentence, r.ref.Format("2006-01-02"))
		if x == nil {
			t.Errorf("%s: no expression %q; got:%s", where, r.text, dump(got))
			continue
		}
		check := func(field, got, want string) {
			if want != "*" && got != want {
				t.Errorf("%s: %q %s = %q, want %q", where, r.text, field, got, want)
			}
		}
		yn := func(b bool) string {
			if b {
				return "y"
			}
			return "n"
		}
		check("kind", x.Kind, r.kind)
		check("value", x.Value, r.value)
		check("end", x.EndValue, r.end)
		check("granularity", x.Granularity, r.gran)
		check("part of day", x.PartOfDay, r.pod)
		check("weekday mismatch", yn(x.WeekdayMismatch), r.mm)
		check("future", yn(x.Future), r.fut)
	}
}

// TestTimeMLTable checks the TimeML value and the no-date reason of
// expressions (testdata/timeml.tsv).
func TestTimeMLTable(t *testing.T) {
	tg := newTagger(t)
	f, err := os.Open(filepath.Join("testdata", "timeml.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, rows := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 {
			t.Fatalf("timeml.tsv:%d: %d columns, want 5", n, len(c))
		}
		rows++
		ref := mustDate(t, c[0])
		got := find(t, tg, c[4], ref)
		where := fmt.Sprintf("timeml.tsv:%d %q (ref %s)", n, c[4], c[0])
		var x *model.Timex
		for k := range got {
			if got[k].Text == c[1] {
				x = &got[k]
			}
		}
		if c[2] == "none" {
			if x != nil {
				t.Errorf("%s: %q found, want none", where, c[1])
			}
			continue
		}
		if x == nil {
			t.Errorf("%s: no expression %q; got:%s", where, c[1], dump(got))
			continue
		}
		nd := x.NoDate
		if nd == "" {
			nd = "-"
		}
		if x.TimeML != c[2] || nd != c[3] {
			t.Errorf("%s: %q timeml %q no_date %q, want %q %q", where, c[1], x.TimeML, nd, c[2], c[3])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows == 0 {
		t.Fatal("timeml.tsv has no rows")
	}
}

func TestNegatives(t *testing.T) {
	tg := newTagger(t)
	ref := mustDate(t, "2013-06-10")
	for _, s := range []string{
		"May I add a few words to what the minister said?",
		"It may be too late for a settlement.",
		"Thousands joined a protest march through the capital.",
		"The March of the Volunteers was played at the ceremony.",
		"They march on the capital at dawn.",
		"The army deployed 1,500 troops to the border.",
		"About 2011 soldiers were wounded in the fighting.",
		"The Sunday Times reported the story first.",
		"She reads the Sunday Times every week.",
		"The Good Friday Agreement remains the basis of the settlement.",
		"The results may vary from region to region.",
		"Room 2013 is at the end of the corridor.",
		"The vote was 31-5 in favour of the motion.",
		"Version 2.1.3 of the software was installed.",
		"The ministry has 2,000 employees and 400 vehicles.",
		"June Smith, the spokeswoman, declined to comment.",
		"The mission will continue in due time.",
		"Inflation was 4.5% and unemployment 12%.",
		"The committee has 12 members and 3 observers.",
		"He will march to the parliament with the veterans.",
		"The decision may, however, be appealed.",
		"In the morning session the delegates argued.",
		"Soon the talks will resume.",
		"A USA Today poll found wide support.",
		"The deal was signed by 2012 delegates.",
		"The register lists 2010 people in the district.",
		"The minister met the committee every Monday.",
		"From 1 to 3 percent of the vote went to minor parties.",
		"The score was 2-1 after 90 minutes.",
		"The minister resigned the day before the vote.",
		"Christmas shopping began early in the capital.",
		"Thanksgiving dinner was served to the delegates.",
		"The christmas day market was closed.",
	} {
		if got := find(t, tg, s, ref); len(got) != 0 {
			t.Errorf("%q: want no expression, got:%s", s, dump(got))
		}
	}
}

// TestRoundTrip checks every span of every table sentence and of the
// bundled examples.
func TestRoundTrip(t *testing.T) {
	tg := newTagger(t)
	texts := []string{}
	for _, r := range readTable(t) {
		texts = append(texts, r.sentence)
	}
	for _, name := range exampleFiles(t) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, "é 4 June\x00\xff 2013-06-04 ", "Monday 4 June\r\nby the end of June…")
	for _, s := range texts {
		last := -1
		for _, x := range find(t, tg, s, mustDate(t, "2013-06-10")) {
			if err := x.Span.Check(s); err != nil {
				t.Errorf("%q: %v", s, err)
			}
			if _, _, ok := Bounds(x); !ok && x.Kind != KindDuration && x.Value != "" &&
				!strings.HasPrefix(x.Value, "XXXX") && !strings.HasPrefix(x.Value, "T") {
				t.Errorf("%q: Bounds cannot read %q/%q", x.Text, x.Value, x.EndValue)
			}
			if x.Start < last {
				t.Errorf("%q: spans out of order or overlapping at %q", s, x.Text)
			}
			last = x.End
		}
	}
}

func exampleFiles(t *testing.T) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

type want struct {
	text, kind, value, end, gran, pod string
	mismatch                          bool
}

func findIn(t *testing.T, got []model.Timex, w want) {
	t.Helper()
	for _, x := range got {
		if x.Text != w.text {
			continue
		}
		if x.Kind != w.kind || x.Value != w.value || x.EndValue != w.end || x.Granularity != w.gran || x.PartOfDay != w.pod || x.WeekdayMismatch != w.mismatch {
			t.Errorf("%q: got %s %s/%s %s %s mm=%v, want %s %s/%s %s %s mm=%v", w.text,
				x.Kind, x.Value, x.EndValue, x.Granularity, x.PartOfDay, x.WeekdayMismatch,
				w.kind, w.value, w.end, w.gran, w.pod, w.mismatch)
		}
		return
	}
	t.Errorf("no expression %q; got:%s", w.text, dump(got))
}

func TestExampleArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "nato-libya", "natowatch-nato-returns-to-libya.txt"))
	if err != nil {
		t.Skip("example not present:", err)
	}
	got := find(t, newTagger(t), string(b), mustDate(t, "2013-06-10"))
	for _, w := range []want{
		{"the morning of the 4 June", KindPoint, "2013-06-04", "", GranPartOfDay, "morning", false},
		{"27 May", KindPoint, "2013-05-27", "", GranDay, "", false},
		{"by the end of June", KindDeadline, "2013-06", "2013-06-30", GranMonth, "", false},
		{"last year", KindPoint, "2012", "", GranYear, "", false},
		{"31 May", KindPoint, "2013-05-31", "", GranDay, "", false},
		{"the afternoon of 4 June", KindPoint, "2013-06-04", "", GranPartOfDay, "afternoon", false},
		{"Monday 4 June", KindPoint, "2013-06-04", "", GranDay, "", true},
	} {
		findIn(t, got, w)
	}
	for _, x := range got {
		if x.Text == "Monday 4 June" && x.Weekday != "Monday" {
			t.Errorf("Monday 4 June: weekday %q", x.Weekday)
		}
	}
	if len(got) != 8 {
		t.Errorf("got %d expressions, want 8:%s", len(got), dump(got))
	}
}

func TestExampleTranscript(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "nato-libya", "nato-libya-joint-press-conference.txt"))
	if err != nil {
		t.Skip("example not present:", err)
	}
	got := find(t, newTagger(t), string(b), mustDate(t, "2013-05-27"))
	findIn(t, got, want{"2011", KindPoint, "2011", "", GranYear, "", false})
	findIn(t, got, want{"March until the end of the operation in October", KindInterval, "2011-03", "2011-10", GranMonth, "", false})
	findIn(t, got, want{"today", KindPoint, "2013-05-27", "", GranDay, "", false})
	for _, x := range got {
		if strings.HasPrefix(x.Text, "May") {
			t.Errorf("modal May tagged: %q", x.Text)
		}
	}
}

func TestYearForWeekday(t *testing.T) {
	tg := newTagger(t)
	got := tg.YearForWeekday(4, time.June, time.Monday, 2013)
	if !reflect.DeepEqual(got, []int{2007, 2012, 2018}) {
		t.Errorf("4 June on a Monday near 2013: %v", got)
	}
	if got := tg.YearForWeekday(29, time.February, time.Monday, 2013); !reflect.DeepEqual(got, []int{2016}) {
		t.Errorf("29 February on a Monday near 2013: %v", got)
	}
	if got := tg.YearForWeekday(31, time.June, time.Monday, 2013); got != nil {
		t.Errorf("31 June: %v", got)
	}
	if got := tg.YearForWeekday(1, 13, time.Monday, 2013); got != nil {
		t.Errorf("month 13: %v", got)
	}
}

func TestChooseYearRule(t *testing.T) {
	ref := mustDate(t, "2013-06-10")
	for _, c := range []struct {
		m, d  int
		tense Tense
		want  int
	}{
		{6, 4, TensePast, 2013}, {6, 11, TensePast, 2012}, {6, 10, TensePast, 2013},
		{6, 4, TenseFuture, 2014}, {6, 10, TenseFuture, 2013}, {12, 1, TenseNone, 2013}, {1, 1, TenseNone, 2013},
		{12, 9, TenseNone, 2013}, {6, 0, TensePast, 2013}, {5, 0, TenseFuture, 2014}, {12, 0, TenseNone, 2012},
	} {
		if got := chooseYear(c.m, c.d, c.tense, ref); got != c.want {
			t.Errorf("chooseYear(%d, %d, %d) = %d, want %d", c.m, c.d, c.tense, got, c.want)
		}
	}
}

func TestParseNumericAgreesWithDateparser(t *testing.T) {
	tg := newTagger(t)
	for _, s := range []string{"31/05/2013", "05/31/2013", "04/06/2013", "2013-05-31", "12.03.2014", "29/02/2012", "1/2/2013"} {
		y, m, d, ok := tg.parseNumeric(s)
		y2, m2, d2, ok2 := tg.parseNumericDP(s)
		if ok != ok2 || y != y2 || m != m2 || d != d2 {
			t.Errorf("%s: own %d-%d-%d %v, dateparser %d-%d-%d %v", s, y, m, d, ok, y2, m2, d2, ok2)
		}
	}
	for _, s := range []string{"31/31/2013", "29/02/2013", "2013-13-01"} {
		if _, _, _, ok := tg.parseNumeric(s); ok {
			t.Errorf("%s: parsed an impossible date", s)
		}
	}
	if y, m, d, ok := tg.parseNumeric("31/05/13"); !ok || y != 2013 || m != 5 || d != 31 {
		t.Errorf("31/05/13 (via dateparser): %d-%d-%d %v", y, m, d, ok)
	}
}

func TestFindWithTense(t *testing.T) {
	tg := newTagger(t)
	got := tg.FindWithTense(segment(t, "The council meets on 4 June."), mustDate(t, "2013-06-10"), TenseFuture)
	if len(got) != 1 || got[0].Value != "2014-06-04" {
		t.Errorf("forced future: %s", dump(got))
	}
}

func TestConcurrent(t *testing.T) {
	tg := newTagger(t)
	ref := mustDate(t, "2013-06-10")
	doc := segment(t, benchText)
	want := dump(tg.Find(doc, ref))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				if got := dump(tg.Find(doc, ref)); got != want {
					t.Errorf("concurrent result differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On the morning of the 4 June the council met.",
		"from March until October 2011", "between 3 and 5 June", "3-5 June", "31/05/2013", "2013-05-31",
		"by the end of June", "by mid-July", "within two weeks", "at 10.30pm", "at 12 a.m.", "May I add",
		"Monday, June 4, 2013", "the 1990s", "a week earlier", "in the coming days", "1,500 troops",
		"29 February", "31 February", "99/99/9999", "0/0/0000", "by", "from", "between 31 and 1 June",
		"\xff\xfe 4 June", "June 4th,", "the afternoon of", "late on", "from November to February 2012",
		"on Thanksgiving", "New Year's Day, 1998", "Christmas", "by year-end", "by end-", "midnight Friday",
		"around Wednesday's", "as previously planned Saturday",
	} {
		f.Add(s, int64(1370822400))
	}
	tg, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		ref := time.Time{}
		if sec%5 != 0 {
			ref = time.Unix(sec%(200*365*86400), 0).UTC()
		}
		for _, x := range find(t, tg, s, ref) {
			if err := x.Span.Check(s); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// benchText is a news-like paragraph with about three expressions per
// hundred words.
const benchText = `The regional assembly met on the afternoon of 4 June to debate the budget, although the finance minister had announced the cuts on the morning of the same day. Opposition members said the timetable left them no time to read the proposal, which runs to more than 300 pages and covers spending from 2014 to 2016. The speaker rejected a motion to delay the vote and said the assembly would decide by the end of June. Unions, which organised a protest in the capital last month, warned that teachers and nurses could strike in the coming weeks if the cuts to salaries went ahead. The governor, who took office in March 2011, told reporters on Monday that the province could not afford to borrow more. He said talks with the central bank would continue next week. A spokesman for the bank declined to comment. Analysts noted that the province's debt had doubled since 2009 and that its credit rating was cut two months ago. The agency will review the rating again before the end of September, a person familiar with the matter said. Local newspapers reported that several ministers had argued for smaller cuts at a meeting on 31 May, but the governor overruled them. `

func BenchmarkFind(b *testing.B) {
	tg := newTagger(b)
	ref := mustDate(b, "2013-06-10")
	doc := segment(b, benchText)
	n := len(tg.Find(doc, ref))
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for b.Loop() {
		tg.Find(doc, ref)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "expr/s")
}

// BenchmarkParseNumeric measures the go-dateparser call used for numeric
// dates (the MDY fallback is the slow path).
func BenchmarkParseNumeric(b *testing.B) {
	tg := newTagger(b)
	for _, s := range []string{"31/05/2013", "05/31/2013", "2013-05-31", "31/05/13"} {
		b.Run("dateparser/"+strings.ReplaceAll(s, "/", "."), func(b *testing.B) {
			for b.Loop() {
				if _, _, _, ok := tg.parseNumericDP(s); !ok {
					b.Fatal("no parse")
				}
			}
		})
		b.Run("used/"+strings.ReplaceAll(s, "/", "."), func(b *testing.B) {
			for b.Loop() {
				if _, _, _, ok := tg.parseNumeric(s); !ok {
					b.Fatal("no parse")
				}
			}
		})
	}
}

// TestNthWeekday checks the days of the holidays by rule against a
// calendar: the fourth Thursday of November, the last Monday of May.
func TestNthWeekday(t *testing.T) {
	for _, c := range []struct{ y, m, nth, wd, want int }{
		{1999, 11, 4, 4, 25},
		{2024, 11, 4, 4, 28},
		{2025, 5, -1, 1, 26},
		{2021, 5, -1, 1, 31},
		{2026, 1, 3, 1, 19},
		{2025, 2, 5, 1, 0}, // February 2025 has four Mondays
	} {
		if got := nthWeekday(c.y, c.m, c.nth, c.wd); got != c.want {
			t.Errorf("nthWeekday(%d, %d, %d, %d) = %d, want %d", c.y, c.m, c.nth, c.wd, got, c.want)
		}
	}
}

// TestBadHoliday checks that a holiday entry that cannot be read is
// refused with its name and the problem.
func TestBadHoliday(t *testing.T) {
	wd := map[string]monthInfo{"thursday": {n: 4}}
	mo := map[string]monthInfo{"november": {n: 11}}
	for _, c := range []struct{ date, rule, want string }{
		{"13-45", "", "is not MM-DD"},
		{"", "fourth thursday november", "is not N WEEKDAY MONTH"},
		{"", "4 thursday", "is not N WEEKDAY MONTH"},
		{"11-25", "4 thursday november", "give a date or a rule"},
	} {
		_, err := readHoliday([]string{"Founders Day"}, c.date, c.rule, false, wd, mo)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("date %q rule %q: error %v, want %q", c.date, c.rule, err, c.want)
		}
	}
}

// TestPeriodEndOpenerOfItsOwn checks that an opener of "year-end" that
// no other list holds starts an expression: the scanner looks only at
// words it knows can begin one.
func TestPeriodEndOpenerOfItsOwn(t *testing.T) {
	raw, err := fs.ReadFile(data.Embedded(), vocabFile)
	if err != nil {
		t.Fatal(err)
	}
	const from = `period_end_openers: [by, before,`
	if !bytes.Contains(raw, []byte(from)) {
		t.Fatalf("%s no longer lists %q; update the test", vocabFile, from)
	}
	raw = bytes.Replace(raw, []byte(from), []byte(`period_end_openers: ["ahead of", by, before,`), 1)
	tg, err := NewFS(fstest.MapFS{vocabFile: &fstest.MapFile{Data: raw}})
	if err != nil {
		t.Fatal(err)
	}
	got := find(t, tg, "The bank will sell the unit ahead of year-end.", mustDate(t, "2015-03-10"))
	if len(got) != 1 || got[0].Text != "ahead of year-end" || got[0].EndValue != "2015-12-31" {
		t.Errorf("got %s, want \"ahead of year-end\" ending 2015-12-31", dump(got))
	}
}
