// Package docdate infers a document's date when no metadata gives one.
//
// In: the document, the people it names (actor mentions of persons), its
// temporal expressions found without a reference date, the actor
// dictionary (tenures of office) and a table of named, dated events
// (data/docdate/known-events.yaml). Out: a date range [From, To] and a
// reason a person can check, or nothing when the text does not tell.
//
// The evidence, in the order it is applied:
//  1. Office-holders named with their office ("Prime Minister X",
//     "Secretary of Defense Y"): the document was written while each
//     held that office, so the range is the intersection of their
//     tenures. Conflicting tenures are dropped, not forced.
//  2. Named events with a relative year ("the Cannes summit last year"):
//     the document's year is the event's year plus one.
//  3. Explicit years in what the text reports as past ("in 2011"): the
//     document is no earlier.
//  4. Dates without a year ("4 June") that fall in the range so far in
//     exactly one year: the latest one reported as past is a lower bound,
//     and the earliest deadline still to come ("by the end of June") an
//     upper bound.
//
// Explicit metadata always wins; the pipeline only asks when the date is
// unknown.
package docdate

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// KnownEvent is a named event with the year it took place.
type KnownEvent struct {
	Name    string   `yaml:"name"`
	Year    int      `yaml:"year"`
	Phrases []string `yaml:"phrases"`
}

// Inferrer infers document dates.
type Inferrer struct {
	dict   *actors.Dictionary
	events []KnownEvent
	vocab  vocabulary
}

// vocabulary is data/docdate/vocabulary.yaml.
type vocabulary struct {
	Future        []string       `yaml:"future"`
	RelativeYears map[string]int `yaml:"relative_years"`
}

// New loads the known events from fsys (docdate/known-events.yaml).
func New(dict *actors.Dictionary, fsys fs.FS) (*Inferrer, error) {
	const name = "docdate/known-events.yaml"
	var evs []KnownEvent
	if err := data.ReadYAML(fsys, name, &evs); err != nil {
		return nil, err
	}
	for i, e := range evs {
		if e.Year < 1000 || len(e.Phrases) == 0 {
			return nil, fmt.Errorf("load known events %s: entry %d (%q) needs a year and phrases", name, i+1, e.Name)
		}
	}
	inf := &Inferrer{dict: dict, events: evs}
	const vname = "docdate/vocabulary.yaml"
	if err := data.ReadYAML(fsys, vname, &inf.vocab); err != nil {
		return nil, err
	}
	if len(inf.vocab.Future) == 0 || len(inf.vocab.RelativeYears) == 0 {
		return nil, fmt.Errorf("load %s: future and relative_years must not be empty", vname)
	}
	return inf, nil
}

// Result is an inferred date range and why.
type Result struct {
	From, To time.Time
	Reason   string
	Evidence []model.Span
}

// Input is what inference reads.
type Input struct {
	Text string
	// Sentences are the document's sentence spans.
	Sentences []model.Span
	// People are the mentions of persons.
	People []model.Mention
	// Timexes are the temporal expressions found without a reference
	// date: yearless dates have values like "XXXX-06-04".
	Timexes []model.Timex
}

// bound is a range under construction, with the reasons for it.
type bound struct {
	lo, hi   time.Time
	reasons  []string
	evidence []model.Span
}

func (b *bound) narrow(lo, hi time.Time, reason string, ev ...model.Span) bool {
	nlo, nhi := b.lo, b.hi
	if !lo.IsZero() && (nlo.IsZero() || lo.After(nlo)) {
		nlo = lo
	}
	if !hi.IsZero() && (nhi.IsZero() || hi.Before(nhi)) {
		nhi = hi
	}
	if !nlo.IsZero() && !nhi.IsZero() && nlo.After(nhi) {
		return false // contradicts what is known: leave it out
	}
	b.lo, b.hi = nlo, nhi
	b.reasons = append(b.reasons, reason)
	b.evidence = append(b.evidence, ev...)
	return true
}

// Infer returns the document's date range, or false when the text does
// not bound it on both sides.
func (inf *Inferrer) Infer(in Input) (Result, bool) {
	if !sort.SliceIsSorted(in.Sentences, func(i, j int) bool { return in.Sentences[i].Start < in.Sentences[j].Start }) {
		in.Sentences = append([]model.Span(nil), in.Sentences...)
		sort.SliceStable(in.Sentences, func(i, j int) bool { return in.Sentences[i].Start < in.Sentences[j].Start })
	}
	var b bound
	inf.tenures(in, &b)
	inf.namedEvents(in, &b)
	inf.explicitYears(in, &b)
	inf.yearless(in, &b)
	if b.lo.IsZero() || b.hi.IsZero() {
		return Result{}, false
	}
	return Result{From: b.lo, To: b.hi, Reason: describe(b), Evidence: b.evidence}, true
}

func describe(b bound) string {
	span := fmt.Sprintf("between %s and %s", b.lo.Format("2 January 2006"), b.hi.Format("2 January 2006"))
	if b.lo.Year() == b.hi.Year() && b.lo.Month() == b.hi.Month() {
		span = fmt.Sprintf("in %s (%s to %s)", b.lo.Format("January 2006"), b.lo.Format("2"), b.hi.Format("2 January"))
	}
	return "written " + span + ": " + strings.Join(b.reasons, "; ")
}

// tenures narrows the range to the terms of office of the people the text
// names together with their office.
func (inf *Inferrer) tenures(in Input, b *bound) {
	seen := map[string]bool{}
	type term struct {
		name string
		tc   actors.DatedCode
		at   model.Span
	}
	var terms []term
	for _, m := range in.People {
		if !m.Actor.Person || m.Actor.Name == "" || seen[m.Actor.Name] {
			continue
		}
		around := strings.ToLower(context(in, m.Span))
		for _, tc := range inf.dict.Tenures(m.Actor.Name) {
			if tc.Role == "" || !tc.Dated() || tc.From.IsZero() || tc.To.IsZero() {
				continue
			}
			if !strings.Contains(around, strings.ToLower(tc.Role)) {
				continue
			}
			seen[m.Actor.Name] = true
			terms = append(terms, term{m.Actor.Name, tc, m.Span})
			break
		}
	}
	sort.SliceStable(terms, func(i, j int) bool { return terms[i].tc.To.Before(terms[j].tc.To) })
	for _, t := range terms {
		reason := fmt.Sprintf("%s is named as %s (%s), an office held from %s to %s",
			t.name, t.tc.Role, t.tc.Code, t.tc.From.Format("2006-01-02"), t.tc.To.Format("2006-01-02"))
		b.narrow(t.tc.From, t.tc.To, reason, t.at)
	}
}

// context returns the words before and including a mention in its
// sentence: where its office is stated ("Secretary of Defense X",
// "the Prime Minister of Y, Mr. X").
func context(in Input, s model.Span) string {
	if i := in.sentenceIndex(s); i >= 0 {
		st := in.Sentences[i]
		from := s.Start - 80
		if from < st.Start {
			from = st.Start
		}
		return in.Text[from:s.End]
	}
	return s.Text
}

// relativeYear reads a relative year expression ("last year").
func (inf *Inferrer) relativeYear(text string) (int, bool) {
	off, ok := inf.vocab.RelativeYears[strings.ToLower(strings.Join(strings.Fields(text), " "))]
	return off, ok
}

// eventReach is how far (in bytes) a relative year may stand from the
// name of the event it dates: "the Cannes summit last year".
const eventReach = 24

// namedEvents dates the document from named events with a relative year
// right beside them.
func (inf *Inferrer) namedEvents(in Input, b *bound) {
	// The relative years of each sentence, found once: a sentence's
	// events then look only at its own expressions.
	relative := map[int][]model.Timex{}
	for _, t := range in.Timexes {
		if _, ok := inf.relativeYear(t.Text); !ok {
			continue
		}
		if k := in.sentenceIndex(t.Span); k >= 0 {
			relative[k] = append(relative[k], t)
		}
	}
	if len(relative) == 0 {
		return
	}
	for k, st := range in.Sentences {
		if len(relative[k]) == 0 {
			continue
		}
		for _, ev := range inf.events {
			i, j, ok := text.FindPhrase(st.Text, ev.Phrases)
			if !ok {
				continue
			}
			at := model.NewSpan(in.Text, st.Start+i, st.Start+j)
			for _, t := range relative[k] {
				off, _ := inf.relativeYear(t.Text)
				if t.Start-at.End > eventReach || at.Start-t.End > eventReach || t.Start < at.Start && t.End > at.End {
					continue // a relative year elsewhere in the sentence dates something else
				}
				year := ev.Year - off
				lo := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
				hi := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
				reason := fmt.Sprintf("it calls the %s (%d) “%s”", ev.Name, ev.Year, strings.Join(strings.Fields(t.Text), " "))
				b.narrow(lo, hi, reason, at, t.Span)
			}
		}
	}
}

// isFuture reports whether a sentence speaks of what is still to come.
func (inf *Inferrer) isFuture(sentence string) bool {
	_, _, ok := text.FindPhrase(sentence, inf.vocab.Future)
	return ok
}

// sentenceIndex returns the index of the sentence that contains s, or
// -1. Infer puts the sentences in text order, so a binary search finds
// it: a document with many expressions, in one long sentence or in many,
// costs n·log n, not n².
func (in Input) sentenceIndex(s model.Span) int {
	i := sort.Search(len(in.Sentences), func(i int) bool { return in.Sentences[i].End >= s.End })
	if i < len(in.Sentences) && in.Sentences[i].Contains(s) {
		return i
	}
	return -1
}

// futureCache remembers which sentences speak of what is still to come,
// so that each sentence is read once however many expressions it holds.
type futureCache struct {
	inf  *Inferrer
	in   Input
	seen map[int]bool
}

func (inf *Inferrer) futureCache(in Input) *futureCache {
	return &futureCache{inf: inf, in: in, seen: map[int]bool{}}
}

// of reports whether the sentence of span s speaks of the future.
func (c *futureCache) of(s model.Span) bool {
	i := c.in.sentenceIndex(s)
	if i < 0 {
		return c.inf.isFuture(s.Text)
	}
	f, ok := c.seen[i]
	if !ok {
		f = c.inf.isFuture(c.in.Sentences[i].Text)
		c.seen[i] = f
	}
	return f
}

// explicitYears: a year the text reports as past is a lower bound.
func (inf *Inferrer) explicitYears(in Input, b *bound) {
	latest := 0
	var at model.Span
	future := inf.futureCache(in)
	for _, t := range in.Timexes {
		if len(t.Value) < 4 || t.Value[0] == 'X' || t.Kind == "deadline" || future.of(t.Span) {
			continue
		}
		var y int
		if _, err := fmt.Sscanf(t.Value[:4], "%d", &y); err != nil {
			continue
		}
		if y > latest {
			latest, at = y, t.Span
		}
	}
	if latest > 0 {
		b.narrow(time.Date(latest, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{}, fmt.Sprintf("it reports %d as past (“%s”)", latest, strings.Join(strings.Fields(at.Text), " ")), at)
	}
}

// yearless uses dates without a year once the range allows only one
// year for them.
func (inf *Inferrer) yearless(in Input, b *bound) {
	if b.lo.IsZero() || b.hi.IsZero() {
		return
	}
	var past, future []model.Timex
	var pastDay, futureDay []time.Time
	isFuture := inf.futureCache(in)
	for _, t := range in.Timexes {
		if !strings.HasPrefix(t.Value, "XXXX-") {
			continue
		}
		var d time.Time
		ok := false
		deadline := t.Kind == "deadline"
		val := t.Value
		if deadline && strings.HasPrefix(t.EndValue, "XXXX-") {
			val = t.EndValue
		}
		for y := b.lo.Year(); y <= b.hi.Year(); y++ {
			c, err := parseYearless(val, y)
			if err != nil {
				continue
			}
			inRange := !c.Before(b.lo.AddDate(0, 0, -366)) && !c.After(b.hi)
			if deadline {
				inRange = !c.Before(b.lo) && !c.After(b.hi.AddDate(0, 0, 366))
			}
			if inRange {
				if ok {
					ok = false // two years fit: ambiguous
					break
				}
				d, ok = c, true
			}
		}
		if !ok {
			continue
		}
		if deadline || isFuture.of(t.Span) {
			future, futureDay = append(future, t), append(futureDay, d)
		} else {
			past, pastDay = append(past, t), append(pastDay, d)
		}
	}
	if i := latestIndex(pastDay); i >= 0 {
		d := pastDay[i]
		b.narrow(d, time.Time{}, fmt.Sprintf("it reports “%s” (%s) as past", strings.Join(strings.Fields(past[i].Text), " "), d.Format("2 January 2006")), past[i].Span)
	}
	if i := earliestIndex(futureDay); i >= 0 {
		d := futureDay[i]
		b.narrow(time.Time{}, d, fmt.Sprintf("it reports “%s” (%s) as still to come", strings.Join(strings.Fields(future[i].Text), " "), d.Format("2 January 2006")), future[i].Span)
	}
}

// parseYearless reads "XXXX-06-04" or "XXXX-06" in year y; a month is
// read as its last day.
func parseYearless(v string, y int) (time.Time, error) {
	rest := strings.TrimPrefix(v, "XXXX")
	switch len(rest) {
	case 6:
		return time.Parse("2006-01-02", fmt.Sprintf("%04d%s", y, rest))
	case 3:
		m, err := time.Parse("2006-01", fmt.Sprintf("%04d%s", y, rest))
		if err != nil {
			return m, err
		}
		return m.AddDate(0, 1, -1), nil
	}
	return time.Time{}, fmt.Errorf("not a yearless date: %q", v)
}

func latestIndex(ds []time.Time) int {
	best := -1
	for i, d := range ds {
		if best < 0 || d.After(ds[best]) {
			best = i
		}
	}
	return best
}

func earliestIndex(ds []time.Time) int {
	best := -1
	for i, d := range ds {
		if best < 0 || d.Before(ds[best]) {
			best = i
		}
	}
	return best
}
