// Package timeline merges the dated events, statements and deadlines of
// many documents into one ordered timeline.
//
// In: the documents and their analyses (events and quotes, each anchored
// to a time by the pipeline, and temporal expressions). Out:
// []model.TimelineEntry, ordered by date, then part of day (morning <
// afternoon < evening < night), then by the order the text states.
//
// What enters:
//   - Events whose time is stated: anchored by a temporal expression in
//     their clause, sentence or paragraph. In a primary record (a
//     transcript or statement) what is said happens at the record's date,
//     so its events enter at that date too. An event in coverage anchored
//     only to the article's date does not: the date an article appeared
//     is not the date of what it reports.
//   - Statements: quotes in coverage whose time is stated ("told
//     reporters on 3 May that …"), as kind "statement". Turns of a
//     transcript do not enter one by one; the transcript is a source of
//     the meeting it records (below).
//   - Deadlines ("by the end of June") as kind "deadline", marked future,
//     and periods ("from March until October 2011") as kind "period", in
//     the words of the text, unless an event is already anchored to them.
//   - Negated and hypothetical events do not enter: they did not happen.
//     An expression of intent (CAMEO root 03) did happen even when the
//     intended action is conditional, so it enters. Future events enter,
//     marked Future.
//
// Merging: two items are the same real-world event, and become one entry
// with all their sources, when their dates are compatible (one lies within
// the other at the coarser precision, and parts of day agree), their
// actors are the same or coreferent (same named people, else same actor
// codes; a meeting of A with B is a meeting of B with A), and their types
// are compatible (same PLOVER type or CAMEO root; statements by the same
// speaker). A primary record dated on the day of a meeting, in which both
// sides of the meeting speak, is a source of that meeting.
//
// Precision is kept: an entry known to the month is shown as "2013-06",
// never as the 1st of the month. Within a date and part of day, an event
// the text says came after another ("met after the attack", recorded by
// the pipeline in the anchor's After) follows it; otherwise the order of
// the text is kept.
package timeline

import (
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/spill"
)

// Input is what the timeline is built from.
type Input struct {
	Docs     []*model.Document
	Analyses []*model.Analysis
}

// item is one dated thing before merging.
type item struct {
	kind      string // PLOVER type, "statement" or "deadline"
	root      string // CAMEO root, for events
	eventID   string
	quoteID   string
	doc       string // document id
	start     string // ISO date at its precision
	end       string
	precision string
	part      string
	future    bool
	src, tgt  string // actor keys
	consult   bool
	summary   string
	clause    string // a deadline's, period's or statement's own words
	note      string // e.g. a weekday that does not fit the date
	evidence  []model.Evidence
	order     int
	after     []string // events the text says came before this one
}

// Build returns the timeline of in.
func Build(in Input) []model.TimelineEntry {
	docs := map[string]*model.Document{}
	for _, d := range in.Docs {
		docs[d.ID] = d
	}
	var c Collector
	for _, a := range in.Analyses {
		if d := docs[a.Doc]; d != nil {
			c.Add(d, a)
		}
	}
	return c.Build(in.Docs)
}

// Collector gathers the dated items of documents given one at a time,
// keeping only the items: a large dossier need not be held in memory to
// build its timeline.
type Collector struct {
	// OffsetsOnly keeps of each piece of evidence its document and
	// offsets, not its words: the caller fills Evidence.Text of the
	// entries from the documents, so that a large dossier's words are
	// not all held at once.
	OffsetsOnly bool
	// Spill, when set, bounds the items held in memory: they are written
	// out in sorted runs (see Spill), with the words of their evidence
	// read from the documents' texts, and merged by Each.
	Spill  *Spill
	items  []item
	n      int
	sorted *spill.Sorter // the items written out, once Spill bounds them
	err    error         // the first error writing a run
}

// Add gathers the dated items of one document.
func (c *Collector) Add(d *model.Document, a *model.Analysis) {
	from := len(c.items)
	used := map[int]bool{} // timex starts that anchor an event
	// Only the expressions whose weekday does not fit their date give an
	// item a note: found once, not once per event.
	ts := map[int]model.Timex{}
	for _, t := range a.Timexes {
		if _, seen := ts[t.Start]; t.WeekdayMismatch && !seen {
			ts[t.Start] = t
		}
	}
	for i := range a.Events {
		c.n++
		if it, ok := eventItem(&a.Events[i], d, ts, c.n); ok {
			c.items = append(c.items, it)
			if t := a.Events[i].When.Timex; t != nil {
				used[t.Start] = true
			}
		}
	}
	for i := range a.Quotes {
		c.n++
		if it, ok := quoteItem(&a.Quotes[i], d, ts, c.n); ok {
			c.items = append(c.items, it)
		}
	}
	for _, t := range a.Timexes {
		c.n++
		if used[t.Start] {
			continue
		}
		if it, ok := deadlineItem(t, d, c.n); ok {
			c.items = append(c.items, it)
		}
		if it, ok := periodItem(t, d, c.n); ok {
			c.items = append(c.items, it)
		}
	}
	// Keep copies of the words, not slices of the document's text: one
	// copy of each span, however many items cite it (the events of one
	// long sentence all cite the sentence).
	type key struct {
		doc        string
		start, end int
	}
	copies := map[key]string{}
	for i := range c.items[from:] {
		it := &c.items[from+i]
		it.summary = strings.Clone(it.summary)
		for j := range it.evidence {
			e := &it.evidence[j]
			switch {
			case c.Spill != nil:
				// Written out: the words go with the item, as they
				// stand in the document.
				e.Text = ""
				if e.End > e.Start && e.Start >= 0 && e.End <= len(d.Text) {
					e.Text = d.Text[e.Start:e.End]
				}
			case c.OffsetsOnly:
				e.Text = ""
			default:
				k := key{e.Doc, e.Start, e.End}
				v, ok := copies[k]
				if !ok || len(v) != len(e.Text) { // the same span of the same document: the same words
					v = strings.Clone(e.Text)
					copies[k] = v
				}
				e.Text = v
			}
		}
	}
	if c.Spill != nil && c.err == nil && len(c.items) >= max(c.Spill.Items, 1) {
		c.err = c.spill()
	}
}

// Build returns the timeline of the items gathered, in order. records are
// the primary records of the dossier (documents of other kinds are
// ignored): a record of the day of a meeting becomes a source of it. It
// is Each with every entry kept; an error writing or reading runs gives
// the entries made so far.
func (c *Collector) Build(records []*model.Document) []model.TimelineEntry {
	out := []model.TimelineEntry{}
	_ = c.Each(records, func(e model.TimelineEntry) error {
		out = append(out, e)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// precisionOf names how precisely an anchor dates something.
func precisionOf(a *model.Anchor) string {
	switch {
	case a.PartOfDay != "":
		return "part-of-day"
	case a.Granularity != "":
		return a.Granularity
	}
	switch len(a.Value) {
	case 4:
		return "year"
	case 7:
		return "month"
	}
	return "day"
}

// stated reports whether an anchor dates an item of document d: a
// temporal expression does, and so does a primary record's own date.
func stated(a *model.Anchor, d *model.Document) bool {
	if a == nil || a.Value == "" {
		return false
	}
	return a.By != "document" || d.Kind.Primary()
}

// weekdayNote says when the expression an anchor rests on states a
// weekday that does not fit its date.
func weekdayNote(a *model.Anchor, mismatches map[int]model.Timex) string {
	if a == nil || a.Timex == nil {
		return ""
	}
	t, ok := mismatches[a.Timex.Start]
	if !ok {
		return ""
	}
	note := "the text says “" + clean(t.Text) + "”"
	if d, err := time.Parse("2006-01-02", t.Value); err == nil {
		return note + ", but " + d.Format("2 January 2006") + " was a " + d.Weekday().String()
	}
	return note + ", but that date was not a " + t.Weekday
}

func eventItem(ev *model.Event, d *model.Document, ts map[int]model.Timex, order int) (item, bool) {
	intent := ev.Root == "03"
	// The acts of the record (ev.Act) are for the checks; the timeline
	// is the CAMEO coder's events.
	if ev.Act != "" || ev.Negated || (ev.Hypothetical && !intent) || !stated(ev.When, d) {
		return item{}, false
	}
	it := item{
		kind: ev.PLOVER, root: ev.Root, eventID: ev.ID, doc: d.ID,
		start: ev.When.Value, end: ev.When.End, precision: precisionOf(ev.When), part: ev.When.PartOfDay,
		future: ev.When.Kind == "deadline" || (ev.Future && after(ev.When.Value, d)),
		src:    actorKey(&ev.Source), consult: ev.PLOVER == "CONSULT",
		summary: eventSummary(ev), note: weekdayNote(ev.When, ts), order: order,
		evidence: []model.Evidence{model.EvidenceOf(d.ID, ev.Sentence)},
	}
	if ev.Target != nil {
		it.tgt = actorKey(ev.Target)
	}
	if ev.When.Kind == "deadline" {
		it.kind = "deadline"
	}
	if ev.When.Timex != nil {
		it.evidence = append(it.evidence, model.EvidenceOf(d.ID, *ev.When.Timex))
	}
	if len(ev.When.After) > 0 {
		it.after = append([]string(nil), ev.When.After...)
		if ev.When.OrderCue != nil {
			it.evidence = append(it.evidence, model.EvidenceOf(d.ID, *ev.When.OrderCue))
		}
	}
	return it, true
}

func quoteItem(q *model.Quote, d *model.Document, ts map[int]model.Timex, order int) (item, bool) {
	if d.Kind.Primary() || q.Question || len(q.Contents) == 0 || q.When == nil || q.When.By == "document" || !stated(q.When, d) {
		return item{}, false
	}
	who := q.SpeakerText()
	if who == "" {
		who = "someone"
	}
	if q.Anonymous && !strings.Contains(who, "(") {
		who += " (unnamed)"
	}
	cue := "said"
	if q.Cue != nil {
		// A single finite cue verb ("told", "confirmed") reads well in a
		// summary; participles and phrases ("speaking to") do not.
		if c := strings.ToLower(clean(q.Cue.Text)); !strings.Contains(c, " ") && !strings.HasSuffix(c, "ing") || strings.HasPrefix(c, "according") {
			cue = c
		}
	}
	summary := who + " " + cue + ": “" + model.Clip(clean(q.Text()), 100) + "”"
	if strings.HasPrefix(cue, "according") {
		summary = "according to " + who + ", “" + model.Clip(clean(q.Text()), 100) + "”"
	}
	it := item{
		kind: "statement", quoteID: q.ID, doc: d.ID,
		start: q.When.Value, end: q.When.End, precision: precisionOf(q.When), part: q.When.PartOfDay,
		src: strings.ToLower(q.Speaker), note: weekdayNote(q.When, ts), order: order,
		summary: summary, clause: clean(q.Text()),
	}
	if q.Cue != nil {
		it.evidence = append(it.evidence, model.EvidenceOf(d.ID, *q.Cue))
	}
	for _, c := range q.Contents {
		it.evidence = append(it.evidence, model.EvidenceOf(d.ID, c))
	}
	if q.When.Timex != nil {
		it.evidence = append(it.evidence, model.EvidenceOf(d.ID, *q.When.Timex))
	}
	return it, true
}

// deadlineItem makes an entry of a deadline the text states: "will report
// back by the end of June".
func deadlineItem(t model.Timex, d *model.Document, order int) (item, bool) {
	if t.Kind != "deadline" || t.Value == "" || strings.HasPrefix(t.Value, "X") {
		return item{}, false
	}
	clause := clauseBefore(d.Text, t.Span)
	if clause == "" {
		return item{}, false
	}
	// Due after the document's date, or, with no date to tell, in a clause
	// not told in the past ("by 1991" of a fall that happened is no
	// future deadline).
	future := t.Future || t.Anchor == "" && t.Tense != "past"
	return item{
		kind: "deadline", doc: d.ID, start: t.Value, end: t.EndValue, precision: t.Granularity,
		future: future, order: order, clause: clause,
		summary:  clause + " " + clean(t.Text),
		evidence: []model.Evidence{model.EvidenceOf(d.ID, t.Span)},
	}, true
}

// periodItem makes an entry of a period the text states ("from March
// until October 2011", "in the 1990s") that no event is anchored to: the
// words around it say what it was the period of. A decade that only
// begins or ends a span ("the worst since the 1930s") is none.
func periodItem(t model.Timex, d *model.Document, order int) (item, bool) {
	if t.Kind != "interval" || t.Value == "" || t.EndValue == "" || strings.HasPrefix(t.Value, "X") || strings.HasPrefix(t.EndValue, "X") || t.NoDate == model.NoDateSpan {
		return item{}, false
	}
	before := clauseBefore(d.Text, t.Span)
	before = model.ClipStart(before, 90)
	return item{
		kind: "period", doc: d.ID, start: t.Value, end: t.EndValue, precision: t.Granularity, order: order, clause: before,
		summary:  "“" + strings.TrimSpace(before+" "+clean(t.Text)) + "”",
		evidence: []model.Evidence{model.EvidenceOf(d.ID, t.Span)},
	}, true
}

// clauseBefore returns the words of the sentence before span s: what is
// due by the deadline. A full stop ends a sentence only before a space
// and a word that does not begin in lower case ("$1.8 billion" is one
// number, "from U.S. power plants" one phrase).
func clauseBefore(src string, s model.Span) string {
	start := s.Start
	for start > 0 {
		c := src[start-1]
		if c == '\n' || c == '!' || c == '?' || c == ';' {
			break
		}
		if c == '.' && start < s.Start && (src[start] == ' ' || src[start] == '\t') {
			next := strings.TrimLeft(src[start:s.Start], " \t")
			if next == "" || next[0] < 'a' || next[0] > 'z' {
				break
			}
		}
		start--
	}
	return clean(dropLabel(src[start:s.Start]))
}

// dropLabel drops a transcript speaker label ("MAYOR WHITFIELD:") from the
// start of a clause.
func dropLabel(clause string) string {
	i := strings.Index(clause, ":")
	if i <= 0 {
		return clause
	}
	label := clause[:i]
	if p := strings.Index(label, "("); p > 0 {
		label = label[:p]
	}
	label = strings.TrimSpace(label)
	if label == "" || strings.ToUpper(label) != label || strings.ToLower(label) == label {
		return clause
	}
	return clause[i+1:]
}

// sortKey is the date an item sorts by: its start, or for a deadline the
// day it falls due.
func (it item) sortKey() string {
	if it.kind == "deadline" && it.end != "" {
		return it.end
	}
	return it.start
}

// before orders items by date, then by part of day, then by the order
// they were stated in. A coarser date sorts before the finer dates it
// contains ("2013-06" before "2013-06-04"); otherwise lexical ISO order is
// date order.
func before(a, b item) bool {
	if ka, kb := a.sortKey(), b.sortKey(); ka != kb {
		return ka < kb
	}
	if ra, rb := model.PartOfDayRank(a.part), model.PartOfDayRank(b.part); ra != rb {
		return ra < rb
	}
	return a.order < b.order
}

// topoOrder puts run in an order where each item comes after the items
// it names in after, taking the earliest available item in the present
// order at each step.
func topoOrder(run []item) {
	at := map[string]int{}
	for i, it := range run {
		if it.eventID != "" {
			at[it.eventID] = i
		}
	}
	waits := make([]map[int]bool, len(run))
	constrained := false
	for i, it := range run {
		for _, id := range it.after {
			if k, ok := at[id]; ok && k != i {
				if waits[i] == nil {
					waits[i] = map[int]bool{}
				}
				waits[i][k] = true
				constrained = true
			}
		}
	}
	if !constrained {
		return
	}
	done := make([]bool, len(run))
	order := make([]int, 0, len(run))
	for len(order) < len(run) {
		next := -1
		for i := range run {
			if done[i] {
				continue
			}
			ready := true
			for k := range waits[i] {
				if !done[k] {
					ready = false
					break
				}
			}
			if ready {
				next = i
				break
			}
		}
		if next < 0 {
			return // a cycle: keep the order of the text
		}
		done[next] = true
		order = append(order, next)
	}
	out := make([]item, len(run))
	for i, k := range order {
		out[i] = run[k]
	}
	copy(run, out)
}

// compatible reports whether two ISO dates at their precisions can name
// the same time: one is a prefix of the other.
func compatible(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// after reports whether the ISO date v lies after document d's date (the
// end of its range when the date is a range): whether, for its author,
// it was still to come.
func after(v string, d *model.Document) bool {
	ref := d.Date
	if !d.DateEnd.IsZero() {
		ref = d.DateEnd
	}
	if ref.IsZero() {
		return true
	}
	r := ref.Format("2006-01-02")
	if len(v) < len(r) {
		r = r[:len(v)]
	}
	return v > r
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
