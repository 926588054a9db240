// Package report renders the sourced record of a dossier for people: as
// plain text for the terminal, as Markdown, and as a self-contained HTML
// page with a timeline drawing in which every finding links to its
// highlighted evidence.
//
// In: a Report (documents, findings, timeline, quotes, events). Out:
// bytes on an io.Writer. The sections always come in the same order:
// documents, findings, timeline, quotes, events.
package report

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

// Report is everything a report shows.
type Report struct {
	Title     string
	Documents []*model.Document
	Findings  []model.Finding
	Timeline  []model.TimelineEntry
	Quotes    []model.Quote
	Events    []model.Event
}

// doc returns the document with id, or nil.
func (r *Report) doc(id string) *model.Document {
	for _, d := range r.Documents {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// docLabel names a document briefly: its title or path, and short id.
func (r *Report) docLabel(id string) string {
	d := r.doc(id)
	if d == nil {
		return short(id)
	}
	name := d.Title
	if name == "" {
		name = d.Path
	}
	return fmt.Sprintf("%s [%s]", name, d.ShortID())
}

// DocDate formats a document's date (a range when only a range is known)
// with where it came from, or "unknown".
func DocDate(d *model.Document) string {
	if d.Date.IsZero() {
		return "unknown"
	}
	s := d.Date.Format("2006-01-02")
	if !d.DateEnd.IsZero() && !d.DateEnd.Equal(d.Date) {
		s += ".." + d.DateEnd.Format("2006-01-02")
	}
	return s + " (" + d.DateSource + ")"
}

// Byline names who a document is by: its authors and publisher.
func Byline(d *model.Document) string {
	parts := append([]string{}, d.Authors...)
	if d.Publisher != "" {
		parts = append(parts, d.Publisher)
	}
	return strings.Join(parts, ", ")
}

// SpeakerLine names a transcript speaker with role, organisation and
// whether they asked questions: "Jane Doe (Mayor, Millbrook)".
func SpeakerLine(s model.Speaker) string {
	var extra []string
	for _, x := range []string{s.Role, s.Organization} {
		if x != "" {
			extra = append(extra, x)
		}
	}
	if s.Questioner {
		extra = append(extra, "questioner")
	}
	if len(extra) == 0 {
		return s.Name
	}
	return s.Name + " (" + strings.Join(extra, ", ") + ")"
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// speakerGroups groups quotes by speaker, the most quoted first; quotes
// with no known speaker come last under "unknown speaker".
func speakerGroups(qs []model.Quote) []quoteGroup {
	idx := map[string]int{}
	var groups []quoteGroup
	for _, q := range qs {
		name := q.SpeakerText()
		if name == "" {
			name = "unknown speaker"
		}
		if q.Anonymous {
			name += " (anonymous)"
		}
		i, ok := idx[name]
		if !ok {
			i = len(groups)
			idx[name] = i
			groups = append(groups, quoteGroup{Speaker: name, Code: q.SpeakerCode})
		}
		groups[i].Quotes = append(groups[i].Quotes, q)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		ui, uj := strings.HasPrefix(groups[i].Speaker, "unknown"), strings.HasPrefix(groups[j].Speaker, "unknown")
		if ui != uj {
			return uj
		}
		return len(groups[i].Quotes) > len(groups[j].Quotes)
	})
	return groups
}

type quoteGroup struct {
	Speaker string
	Code    string
	Quotes  []model.Quote
}

// verdictCounts summarises the verdicts of a group of quotes.
func verdictCounts(qs []model.Quote) string {
	counts := map[string]int{}
	var order []string
	for _, q := range qs {
		v := q.Verdict
		if v == "" {
			v = "unverified"
		}
		if counts[v] == 0 {
			order = append(order, v)
		}
		counts[v]++
	}
	parts := make([]string, 0, len(order))
	for _, v := range order {
		parts = append(parts, fmt.Sprintf("%d %s", counts[v], v))
	}
	return strings.Join(parts, ", ")
}

// When formats a timeline entry's date as people read it: at its
// precision, with its end and part of day; a deadline as "by" the day it
// falls due.
func When(e model.TimelineEntry) string {
	if e.Kind == "deadline" {
		if e.End != "" {
			return "by " + e.End
		}
		return "by " + e.Date
	}
	s := e.Date
	if e.End != "" && e.End != e.Date {
		s += " to " + e.End
	}
	if e.PartOfDay != "" {
		s += " (" + e.PartOfDay + ")"
	}
	return s
}

// EventLine says who did what to whom in one line: source, PLOVER type
// and CAMEO code, target, and the flags and date of the event.
func EventLine(e model.Event) string {
	code := e.PLOVER + "/" + e.CAMEO
	switch {
	case e.Act != "" && e.CAMEO == "":
		code = e.Act // an act of the record that no CAMEO code fits
	case e.Act != "":
		code += " " + e.Act
	}
	who := e.Source.Label()
	if who == "" {
		who = "(unnamed)"
	}
	s := fmt.Sprintf("%s —%s→ ", who, code)
	if e.Target != nil {
		s += e.Target.Label()
	} else {
		s += "(no target)"
	}
	var flags []string
	if e.Negated {
		flags = append(flags, "negated")
	}
	if e.Future {
		flags = append(flags, "future")
	}
	if e.Hypothetical {
		flags = append(flags, "hypothetical")
	}
	if e.When != nil && e.When.Value != "" {
		flags = append(flags, e.When.Value)
	}
	if len(flags) > 0 {
		s += " [" + strings.Join(flags, ", ") + "]"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clipLine is clipText(oneLine(s), n) that reads only the start of s, so
// that printing many events of one megabyte-long sentence does not read
// the sentence once per event.
func clipLine(s string, n int) string {
	limit := 4*n + 64
	if len(s) <= limit {
		return clipText(oneLine(s), n)
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	out := clipText(oneLine(s[:limit]), n)
	if !strings.HasSuffix(out, "…") {
		out += " …"
	}
	return out
}
