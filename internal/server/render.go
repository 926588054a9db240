package server

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

// A document is shown as a run of segments: pieces of its text between
// the boundaries of what was found in it, each with the classes of the
// spans that cover it. Every segment carries its byte offset, so that the
// page's script can highlight any byte range (/doc/ID#b=START-END)
// exactly, and the text is escaped by the template like any other.

// mark is one span to show.
type mark struct {
	start, end int
	class      string
	quote      string // the quote's id, for quote spans
}

// segment is a piece of text and what covers it.
type segment struct {
	Start int
	Text  string
	Class string
	Quote string
}

// verdictClass names the colour of a quote by its verdict.
func verdictClass(v string) string {
	switch v {
	case model.VerdictVerbatim, model.VerdictAltered, model.VerdictParaphrase, model.VerdictNoRecord,
		model.VerdictWrongSpeaker, model.VerdictPrimary:
		return "q q-" + v
	}
	return "q q-unverified"
}

// validSpan reports whether [start, end) is a non-empty range of text on
// character boundaries.
func validSpan(text string, start, end int) bool {
	return start >= 0 && end <= len(text) && start < end &&
		(start == len(text) || utf8.RuneStart(text[start])) && (end == len(text) || utf8.RuneStart(text[end]))
}

// segments cuts text at the boundaries of marks. Marks out of range or
// not on character boundaries are left out.
func segments(text string, marks []mark) []segment {
	bounds := []int{0, len(text)}
	var ms []mark
	for _, m := range marks {
		if validSpan(text, m.start, m.end) {
			ms = append(ms, m)
			bounds = append(bounds, m.start, m.end)
		}
	}
	sort.Ints(bounds)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	var out []segment
	var active []mark
	next := 0
	for i := 0; i+1 < len(bounds); i++ {
		a, b := bounds[i], bounds[i+1]
		if a == b {
			continue
		}
		// Drop the marks that ended, take in those that start here.
		kept := active[:0]
		for _, m := range active {
			if m.end > a {
				kept = append(kept, m)
			}
		}
		active = kept
		for next < len(ms) && ms[next].start <= a {
			if ms[next].end > a {
				active = append(active, ms[next])
			}
			next++
		}
		seg := segment{Start: a, Text: text[a:b]}
		var classes []string
		seen := map[string]bool{}
		for _, m := range active {
			for _, c := range strings.Fields(m.class) {
				if !seen[c] {
					seen[c] = true
					classes = append(classes, c)
				}
			}
			if m.quote != "" && seg.Quote == "" {
				seg.Quote = m.quote
			}
		}
		sort.Strings(classes)
		seg.Class = strings.Join(classes, " ")
		out = append(out, seg)
	}
	return out
}

// segmentsHTML writes segments as the reader's spans. It is the one
// place where the server writes HTML itself rather than through a
// template (a document has hundreds of segments, and the template's
// reflection per segment was most of a page's cost), so every value in
// it is escaped here: the text, the classes and the quote id.
func segmentsHTML(segs []segment) template.HTML {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(`<span data-s="`)
		b.WriteString(strconv.Itoa(s.Start))
		b.WriteByte('"')
		if s.Class != "" {
			b.WriteString(` class="`)
			b.WriteString(template.HTMLEscapeString(s.Class))
			b.WriteByte('"')
		}
		if s.Quote != "" {
			b.WriteString(` data-q="`)
			b.WriteString(template.HTMLEscapeString(s.Quote))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		b.WriteString(template.HTMLEscapeString(s.Text))
		b.WriteString(`</span>`)
	}
	return template.HTML(b.String())
}

// docMarks collects what to show in a document: quotes coloured by
// verdict, event triggers, dates, people and organisations, and the
// labels of speaker turns.
func docMarks(doc *model.Document, a *model.Analysis, quotes []model.Quote, events []model.Event) []mark {
	var ms []mark
	for _, t := range doc.Turns {
		ms = append(ms, mark{start: t.Label.Start, end: t.Label.End, class: "turn"})
	}
	for _, m := range a.Mentions {
		class := "org"
		if m.Actor.Person {
			class = "pe"
		}
		ms = append(ms, mark{start: m.Start, end: m.End, class: class})
	}
	for _, t := range a.Timexes {
		ms = append(ms, mark{start: t.Start, end: t.End, class: "tx"})
	}
	for _, e := range events {
		ms = append(ms, mark{start: e.Trigger.Start, end: e.Trigger.End, class: "ev"})
	}
	for _, q := range quotes {
		for _, c := range q.Contents {
			ms = append(ms, mark{start: c.Start, end: c.End, class: verdictClass(q.Verdict), quote: q.ID})
		}
	}
	return ms
}

// snippetPart is a piece of a search snippet, marked when it matched.
type snippetPart struct {
	Text string
	Mark bool
}

// MarkStart and MarkEnd are the markers the server's store must put
// around matches in search snippets (store.WithHighlight): characters of
// Unicode's private use area, which documents do not use. The pages make
// them <mark>; the API turns them into the command line's [ and ].
const (
	MarkStart = "\ue000"
	MarkEnd   = "\ue001"
	markStart = MarkStart
	markEnd   = MarkEnd
)

func snippetParts(s string) []snippetPart {
	var out []snippetPart
	for s != "" {
		i := strings.Index(s, markStart)
		if i < 0 {
			out = append(out, snippetPart{Text: s})
			break
		}
		if i > 0 {
			out = append(out, snippetPart{Text: s[:i]})
		}
		s = s[i+len(markStart):]
		j := strings.Index(s, markEnd)
		if j < 0 {
			j = len(s)
		}
		out = append(out, snippetPart{Text: s[:j], Mark: true})
		s = strings.TrimPrefix(s[j:], markEnd)
	}
	return out
}

// diffPart is a piece of a word diff: words of both, of the record only
// (Del) or of the quote only (Ins).
type diffPart struct {
	Text     string
	Del, Ins bool
}

// diffParts reads the quote verifier's word diff: [-record words-] and
// {+quote words+}.
func diffParts(d string) []diffPart {
	var out []diffPart
	for d != "" {
		i := strings.IndexAny(d, "[{")
		if i < 0 {
			out = append(out, diffPart{Text: d})
			break
		}
		open, close, del := "[-", "-]", true
		if d[i] == '{' {
			open, close, del = "{+", "+}", false
		}
		if !strings.HasPrefix(d[i:], open) {
			out = append(out, diffPart{Text: d[:i+1]})
			d = d[i+1:]
			continue
		}
		j := strings.Index(d[i+2:], close)
		if j < 0 {
			out = append(out, diffPart{Text: d})
			break
		}
		if i > 0 {
			out = append(out, diffPart{Text: d[:i]})
		}
		out = append(out, diffPart{Text: d[i+2 : i+2+j], Del: del, Ins: !del})
		d = d[i+2+j+2:]
	}
	return out
}
