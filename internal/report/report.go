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
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/lru"
	"github.com/dossier-project/dossier/internal/model"
)

// Report is everything a report shows, in memory (a Source reads it from
// a store instead).
type Report struct {
	Title     string
	Documents []*model.Document
	Findings  []model.Finding
	Timeline  []model.TimelineEntry
	Quotes    []model.Quote
	Events    []model.Event
}

// writer is what the writers of every format share: the source, the
// sizes of the sections, and the documents the evidence names.
type writer struct {
	ctx    context.Context
	src    Source
	counts Counts
	docs   *lru.Loader[string, *model.Document]
}

func newWriter(ctx context.Context, src Source) (*writer, error) {
	counts, err := src.Counts(ctx)
	if err != nil {
		return nil, err
	}
	return &writer{ctx: ctx, src: src, counts: counts, docs: newDocCache(ctx, src)}, nil
}

// err is the first failure to read a document the report names.
func (x *writer) err() error { return x.docs.Err() }

// docLabel names a document briefly: its title or path, and short id.
func (x *writer) docLabel(id string) string {
	d := x.docs.Get(id)
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

// When formats a timeline entry's date as people read it
// (model.TimelineEntry.When).
func When(e model.TimelineEntry) string { return e.When() }

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

// clipLine is model.Clip(oneLine(s), n) that reads only the start of s, so
// that printing many events of one megabyte-long sentence does not read
// the sentence once per event.
func clipLine(s string, n int) string {
	limit := 4*n + 64
	if len(s) <= limit {
		return model.Clip(oneLine(s), n)
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	out := model.Clip(oneLine(s[:limit]), n)
	if !strings.HasSuffix(out, "…") {
		out += " …"
	}
	return out
}
