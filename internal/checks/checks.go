package checks

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// Input is what the checks read: the dossier's documents with their
// sentences and analyses, the timeline, and the procedures that apply.
type Input struct {
	Docs     []*model.Document
	Analyses map[string]*model.Analysis
	// Sentences holds each document's sentence spans, by document id.
	Sentences map[string][]model.Span
	Timeline  []model.TimelineEntry

	// records are the primary records whose coverage of a meeting is
	// checked, and procs the procedures that apply; both default to what
	// Docs give when a Session does not set them.
	records []*model.Document
	procs   []*Procedure
	procsOK bool
	// recordDays, when set, holds the records by every prefix of their
	// day ("", "2", …, "2013-06", …, "2013-06-04"), so that a meeting is
	// checked against the records of its date only.
	recordDays map[string][]*model.Document
}

// indexRecordDays indexes dated records by every prefix of their day.
func indexRecordDays(records []*model.Document) map[string][]*model.Document {
	out := map[string][]*model.Document{}
	for _, d := range records {
		if d.Date.IsZero() {
			continue
		}
		day := d.Date.Format("2006-01-02")
		for l := 0; l <= len(day); l++ {
			out[day[:l]] = append(out[day[:l]], d)
		}
	}
	return out
}

// primaryRecords returns the primary records of the input.
func (in *Input) primaryRecords() []*model.Document {
	if in.records != nil {
		return in.records
	}
	var out []*model.Document
	for _, d := range in.Docs {
		if d.Kind.Primary() {
			out = append(out, d)
		}
	}
	return out
}

// Checker runs every check.
type Checker struct {
	vocab *Vocabulary
	procs []*Procedure
}

// New loads the vocabulary from fsys (data/checks/vocabulary.yaml) and
// returns a checker for the given procedures.
func New(fsys fs.FS, procs []*Procedure) (*Checker, error) {
	v, err := LoadVocabulary(fsys, "checks/vocabulary.yaml")
	if err != nil {
		return nil, err
	}
	ps := withShadows(procs)
	if err := withMatters(ps, v); err != nil {
		return nil, err
	}
	return &Checker{vocab: v, procs: ps}, nil
}

// check is one rule.
type check func(c *Checker, in *Input) []model.Finding

// all lists the checks in the order they run.
var all = []struct {
	name string
	run  check
}{
	{"announced-before-decision", (*Checker).announcedBeforeDecision},
	{"announced-before-decision-stated", (*Checker).announcedBeforeStated},
	{"decision-by-wrong-body", (*Checker).decisionByWrongBody},
	{"quotes", (*Checker).quoteFindings},
	{"meeting-without-record", (*Checker).meetingWithoutRecord},
	{"anonymous-source", (*Checker).anonymousSources},
	{"weekday-mismatch", (*Checker).weekdayMismatches},
	{"single-source", (*Checker).singleSource},
	{"record-changed", (*Checker).recordChanged},
}

// Run runs every check over a dossier held in memory and returns the
// findings, most serious first. Session does the same one document at a
// time.
func (c *Checker) Run(in *Input) []model.Finding {
	var out []model.Finding
	for _, ch := range all {
		out = append(out, named(ch.name, ch.run(c, in))...)
	}
	return sortFindings(out)
}

// named gives findings the name of the check that made them and empty
// lists where they have none.
func named(check string, fs []model.Finding) []model.Finding {
	for i := range fs {
		if fs[i].Check == "" {
			fs[i].Check = check
		}
		if fs[i].Events == nil {
			fs[i].Events = []string{}
		}
		if fs[i].Quotes == nil {
			fs[i].Quotes = []string{}
		}
	}
	return fs
}

// sortFindings orders findings most serious first, keeping the order of
// equals.
func sortFindings(fs []model.Finding) []model.Finding {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	return fs
}

// sentenceText pairs a sentence with its document.
type sentenceText struct {
	doc  *model.Document
	span model.Span
}

// sentences lists every sentence of every document, in document order.
func (in *Input) sentences() []sentenceText {
	var out []sentenceText
	for _, d := range in.Docs {
		for _, s := range in.Sentences[d.ID] {
			out = append(out, sentenceText{doc: d, span: s})
		}
	}
	return out
}

// timexesIn returns the temporal expressions of doc inside span.
func (in *Input) timexesIn(doc string, span model.Span) []model.Timex {
	a := in.Analyses[doc]
	if a == nil {
		return nil
	}
	var out []model.Timex
	for _, t := range a.Timexes {
		if span.Contains(t.Span) {
			out = append(out, t)
		}
	}
	return out
}

// sub returns the span of the part [start, end) of sentence s, as offsets
// into the document.
func sub(s model.Span, start, end int) model.Span {
	return model.Span{Start: s.Start + start, End: s.Start + end, Text: s.Text[start:end]}
}

// moment is a point in time at some precision: a date (YYYY, YYYY-MM or
// YYYY-MM-DD) and optionally a part of day.
type moment struct {
	date string
	part string
}

func momentOf(t model.Timex) moment { return moment{date: t.Value, part: t.PartOfDay} }

// compare says whether a is before b (-1), after (1), the same (0), or
// that the text does not allow saying (ok false): different precisions
// that overlap, or a part of day on one side only.
func compare(a, b moment) (int, bool) {
	if a.date == "" || b.date == "" {
		return 0, false
	}
	if a.date != b.date {
		if len(a.date) == len(b.date) {
			if a.date < b.date {
				return -1, true
			}
			return 1, true
		}
		if strings.HasPrefix(a.date, b.date) || strings.HasPrefix(b.date, a.date) {
			return 0, false
		}
		n := min(len(a.date), len(b.date))
		if a.date[:n] < b.date[:n] {
			return -1, true
		}
		return 1, true
	}
	alo, ahi, aok := partRange(a.part)
	blo, bhi, bok := partRange(b.part)
	if !aok || !bok {
		if !aok && !bok {
			return 0, true
		}
		return 0, false
	}
	switch {
	case ahi < blo:
		return -1, true
	case alo > bhi:
		return 1, true
	case alo == ahi && blo == bhi && alo == blo:
		return 0, true
	}
	return 0, false
}

// describe writes a moment as people read it: "the morning of 4 June 2013".
func describe(m moment) string {
	d := humanDate(m.date)
	if strings.HasPrefix(m.part, afterPart) || strings.HasPrefix(m.part, beforePart) {
		return d + ", " + strings.Replace(m.part, " ", " the ", 1)
	}
	if m.part != "" {
		return "the " + m.part + " of " + d
	}
	return d
}

func humanDate(iso string) string {
	var y, mo, d int
	switch len(iso) {
	case 10:
		if _, err := fmt.Sscanf(iso, "%d-%d-%d", &y, &mo, &d); err == nil && mo >= 1 && mo <= 12 {
			return fmt.Sprintf("%d %s %d", d, time.Month(mo), y)
		}
	case 7:
		if _, err := fmt.Sscanf(iso, "%d-%d", &y, &mo); err == nil && mo >= 1 && mo <= 12 {
			return fmt.Sprintf("%s %d", time.Month(mo), y)
		}
	}
	return iso
}

// gap says how much earlier a is than b, at the precision both allow.
func gap(a, b moment) string {
	if a.date == b.date {
		return "earlier the same day"
	}
	if len(a.date) == 10 && len(b.date) == 10 {
		var ya, ma, da, yb, mb, db int
		fmt.Sscanf(a.date, "%d-%d-%d", &ya, &ma, &da)
		fmt.Sscanf(b.date, "%d-%d-%d", &yb, &mb, &db)
		days := daysBetween(ya, ma, da, yb, mb, db)
		if days == 1 {
			return "one day earlier"
		}
		return fmt.Sprintf("%d days earlier", days)
	}
	return "earlier"
}

func daysBetween(y1, m1, d1, y2, m2, d2 int) int {
	a := time.Date(y1, time.Month(m1), d1, 0, 0, 0, 0, time.UTC)
	b := time.Date(y2, time.Month(m2), d2, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// docName names a document for a summary: its title, else its path.
func docName(d *model.Document) string {
	if d.Title != "" {
		return "“" + d.Title + "”"
	}
	return d.Path
}

// clean collapses white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
