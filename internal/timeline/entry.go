package timeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// entry gathers the items that report one real-world event.
type entry struct {
	items []item
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
	if first.ev.Future != it.ev.Future {
		return false
	}
	if !sameType(first.ev, it.ev) {
		return false
	}
	return sameActors(first.ev, it.ev)
}

func sameType(a, b *model.Event) bool {
	if a.PLOVER != "" && a.PLOVER == b.PLOVER {
		return true
	}
	return a.Root != "" && a.Root == b.Root
}

// sameActors reports whether two events have the same or coreferent
// participants, in either direction (a meeting of A with B is a meeting
// of B with A).
func sameActors(a, b *model.Event) bool {
	as, at := actorKey(&a.Source), targetKey(a)
	bs, bt := actorKey(&b.Source), targetKey(b)
	if as == "" || bs == "" {
		return false
	}
	if as == bs && at == bt {
		return true
	}
	return a.PLOVER == "CONSULT" && b.PLOVER == "CONSULT" && as == bt && at == bs
}

func targetKey(e *model.Event) string {
	if e.Target == nil {
		return ""
	}
	return actorKey(e.Target)
}

// actorKey identifies a participant: a named person by name, otherwise
// its actor code.
func actorKey(p *model.Participant) string {
	if p.Name != "" {
		return strings.ToLower(p.Name)
	}
	return p.Code
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
		Date:      best.start,
		End:       best.end,
		Precision: best.precision,
		PartOfDay: best.part,
		Kind:      best.ev.PLOVER,
		Future:    best.ev.Future,
		Summary:   summary(best.ev),
		Events:    []string{},
		Quotes:    []string{},
		Docs:      []string{},
		Evidence:  []model.Evidence{},
	}
	if best.ev.When != nil && best.ev.When.Kind == "deadline" {
		te.Kind = "deadline"
		te.Future = true
	}
	docs := map[string]bool{}
	for _, it := range e.items {
		te.Events = append(te.Events, it.ev.ID)
		if !docs[it.doc.ID] {
			docs[it.doc.ID] = true
			te.Docs = append(te.Docs, it.doc.ID)
		}
		te.Evidence = append(te.Evidence, model.EvidenceOf(it.doc.ID, it.ev.Sentence))
		if it.ev.When != nil && it.ev.When.Timex != nil {
			te.Evidence = append(te.Evidence, model.EvidenceOf(it.doc.ID, *it.ev.When.Timex))
		}
	}
	sort.Strings(te.Docs)
	return te
}

// summary says who did what to whom, in the words of the evidence.
func summary(ev *model.Event) string {
	src := participantName(&ev.Source)
	s := fmt.Sprintf("%s %s", src, strings.ToLower(strings.Join(strings.Fields(ev.Trigger.Text), " ")))
	if ev.Target != nil {
		s += " " + participantName(ev.Target)
	}
	var flags []string
	if ev.Future {
		flags = append(flags, "planned")
	}
	tag := ev.PLOVER
	if ev.CAMEO != "" {
		tag += " " + ev.CAMEO
	}
	flags = append([]string{tag}, flags...)
	return s + " [" + strings.Join(flags, ", ") + "]"
}

func participantName(p *model.Participant) string {
	name := p.Name
	if name == "" {
		name = p.Text
	}
	if p.Code != "" {
		return fmt.Sprintf("%s (%s)", name, p.Code)
	}
	return name
}
