// Package timeline merges the dated events and quotes of many documents
// into one ordered timeline.
//
// In: the per-document analyses (events and quotes, each anchored to a
// time by the pipeline) and the documents. Out: []model.TimelineEntry,
// ordered by date, then part of day (morning < afternoon < evening <
// night), then by the order the text states.
//
// Decisions:
//   - An item enters the timeline when its time is stated: anchored by a
//     temporal expression in its clause, sentence or paragraph. In a
//     primary record (a transcript or statement) what is said happens at
//     the record's date, so its events enter at that date too. An event in
//     coverage that is anchored only to the article's date does not: the
//     date an article appeared is not the date of what it reports.
//   - Two items are the same real-world event, and become one entry with
//     all their sources, when their dates are compatible (one lies within
//     the other at the coarser precision), their actors are the same or
//     coreferent (same actor codes, or the same named people), and their
//     event types are compatible (same PLOVER type, or same CAMEO root).
//   - Precision is kept: an entry known to the month is shown as
//     "2013-06", never as the 1st of the month.
//   - Negated and hypothetical events do not enter: they did not happen.
//     Future events enter, marked Future.
package timeline

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// Input is what the timeline is built from.
type Input struct {
	Docs     []*model.Document
	Analyses []*model.Analysis
}

// item is one dated event before merging.
type item struct {
	ev        *model.Event
	doc       *model.Document
	start     string // ISO date at its precision
	end       string
	precision string
	part      string
	order     int // position in the input, for stated order
}

// Build returns the timeline of in.
func Build(in Input) []model.TimelineEntry {
	docs := map[string]*model.Document{}
	for _, d := range in.Docs {
		docs[d.ID] = d
	}
	var items []item
	n := 0
	for _, a := range in.Analyses {
		d := docs[a.Doc]
		if d == nil {
			continue
		}
		for i := range a.Events {
			ev := &a.Events[i]
			n++
			it, ok := dated(ev, d, n)
			if ok {
				items = append(items, it)
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return before(items[i], items[j]) })

	var entries []*entry
	for _, it := range items {
		merged := false
		for _, e := range entries {
			if e.accepts(it) {
				e.add(it)
				merged = true
				break
			}
		}
		if !merged {
			entries = append(entries, newEntry(it))
		}
	}
	out := make([]model.TimelineEntry, 0, len(entries))
	for i, e := range entries {
		te := e.result()
		te.ID = i + 1
		out = append(out, te)
	}
	return out
}

// dated turns an event into a timeline item, or reports false when its
// time is not stated or it did not happen.
func dated(ev *model.Event, d *model.Document, order int) (item, bool) {
	if ev.Negated || ev.Hypothetical || ev.When == nil || ev.When.Value == "" {
		return item{}, false
	}
	if ev.When.By == "document" && !d.Kind.Primary() {
		return item{}, false
	}
	return item{
		ev: ev, doc: d,
		start:     ev.When.Value,
		end:       ev.When.End,
		precision: precisionOf(ev.When),
		part:      ev.When.PartOfDay,
		order:     order,
	}, true
}

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

var partRank = map[string]int{"": 0, "morning": 1, "afternoon": 2, "evening": 3, "night": 4}

// before orders items by start date, then by part of day, then by the
// order they were stated in.
func before(a, b item) bool {
	if a.start != b.start {
		// A coarser date sorts before the finer dates it contains
		// ("2013-06" before "2013-06-04"), which is the order of a
		// reader's timeline; otherwise lexical ISO order is date order.
		return a.start < b.start
	}
	if partRank[a.part] != partRank[b.part] {
		return partRank[a.part] < partRank[b.part]
	}
	return a.order < b.order
}

// compatible reports whether two ISO dates at their precisions can name
// the same time: one is a prefix of the other.
func compatible(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}
