package timeline

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/model"
)

// entry gathers the items that report one real-world event.
type entry struct {
	items   []item
	records []*model.Document // primary records of a meeting
}

func newEntry(it item) *entry { return &entry{items: []item{it}} }

func (e *entry) add(it item) { e.items = append(e.items, it) }

// accepts reports whether it reports the same event as the entry.
func (e *entry) accepts(it item) bool {
	first := e.items[0]
	if !compatible(first.start, it.start) || first.end != it.end {
		return false
	}
	if first.part != "" && it.part != "" && first.part != it.part {
		return false
	}
	if first.future != it.future {
		return false
	}
	switch {
	case first.kind == "deadline" || it.kind == "deadline" || first.kind == "period" || it.kind == "period":
		// A deadline or period stated in the text's own words is the
		// same one when two documents give it the same dates and
		// mostly the same words ("The measures will be reviewed by …").
		return first.kind == it.kind && first.eventID == "" && it.eventID == "" &&
			first.sortKey() == it.sortKey() && sameWords(first.clause, it.clause)
	case first.kind == "statement" || it.kind == "statement":
		// The same speaker on the same day: in one document, one
		// occasion; across documents, only when they give mostly the
		// same words ("could decide to cut the rate if …" and "had
		// decided to cut the rate" are two statements, not one confirmed
		// twice).
		return first.kind == it.kind && first.src != "" && first.src == it.src &&
			(first.doc == it.doc || sameWords(first.clause, it.clause))
	}
	if first.kind != it.kind && (first.root == "" || first.root != it.root) {
		return false
	}
	if first.src == "" || it.src == "" {
		return false
	}
	if first.src == it.src && first.tgt == it.tgt {
		return true
	}
	return first.consult && it.consult && first.src == it.tgt && first.tgt == it.src
}

// sameWords reports whether two clauses say mostly the same thing: at
// least two thirds of the words of the shorter, counting words of four
// letters or more, are in the longer.
func sameWords(a, b string) bool {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return 3*n >= 2*len(wa)
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) >= 4 {
			out[w] = true
		}
	}
	return out
}

// actorKey identifies a participant: a named person by name, otherwise
// its actor code.
func actorKey(p *model.Participant) string {
	if p.Name != "" {
		return strings.ToLower(p.Name)
	}
	return p.Code
}

// attachRecords adds as sources the primary records of a meeting: records
// dated on the meeting's day in which both sides speak.
func (e *entry) attachRecords(docs []*model.Document) {
	first := e.items[0]
	if !first.consult || first.src == "" || first.tgt == "" || len(first.start) != 10 {
		return
	}
	for _, d := range docs {
		if !d.Kind.Primary() || d.Date.IsZero() || d.Date.Format("2006-01-02") != first.start {
			continue
		}
		if speaks(d, first.src) && speaks(d, first.tgt) {
			e.records = append(e.records, d)
		}
	}
}

// speaks reports whether the person with actor key k speaks in d.
func speaks(d *model.Document, k string) bool {
	for _, s := range d.Speakers {
		if s.Name != "" && model.SamePerson(s.Name, k) {
			return true
		}
	}
	return false
}

// result renders the entry. The most precise date among its items wins.
func (e *entry) result() model.TimelineEntry {
	best := e.items[0]
	for _, it := range e.items[1:] {
		if len(it.start) > len(best.start) || (best.part == "" && it.part != "") {
			best = it
		}
	}
	te := model.TimelineEntry{
		Date: best.start, End: best.end, Precision: best.precision, PartOfDay: best.part,
		Kind: best.kind, Future: best.future, Summary: best.summary,
		Events: []string{}, Quotes: []string{}, Docs: []string{}, Evidence: []model.Evidence{},
	}
	var notes []string
	docs := map[string]bool{}
	addDoc := func(id string) {
		if !docs[id] {
			docs[id] = true
			te.Docs = append(te.Docs, id)
		}
	}
	for _, it := range e.items {
		if it.eventID != "" {
			te.Events = append(te.Events, it.eventID)
		}
		if it.quoteID != "" {
			te.Quotes = append(te.Quotes, it.quoteID)
		}
		addDoc(it.doc)
		for _, ev := range it.evidence {
			if !hasEvidence(te.Evidence, ev) {
				te.Evidence = append(te.Evidence, ev)
			}
		}
		if it.note != "" && !contains(notes, it.note) {
			notes = append(notes, it.note)
		}
	}
	for _, d := range e.records {
		addDoc(d.ID)
		if len(d.Turns) > 0 {
			te.Evidence = append(te.Evidence, model.EvidenceOf(d.ID, d.Turns[0].Content))
		}
	}
	sort.Strings(te.Docs)
	if len(notes) > 0 {
		te.Summary += " (" + strings.Join(notes, "; ") + ")"
	}
	return te
}

// hasEvidence reports whether evs already cite the words of ev: two items
// coded from one sentence cite it once.
func hasEvidence(evs []model.Evidence, ev model.Evidence) bool {
	for _, x := range evs {
		if x.Doc == ev.Doc && x.Start == ev.Start && x.End == ev.End {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// eventSummary says who did what to whom, in the words of the evidence.
func eventSummary(ev *model.Event) string {
	s := fmt.Sprintf("%s %s", ev.Source.Label(), strings.ToLower(clean(ev.Trigger.Text)))
	if ev.Target != nil {
		s += " " + ev.Target.Label()
	}
	tag := ev.PLOVER
	if ev.CAMEO != "" {
		tag += " " + ev.CAMEO
	}
	if ev.Future {
		tag += ", planned"
	}
	return s + " [" + tag + "]"
}
