package server

import (
	"html/template"
	"net/url"
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

// segmentsHTML writes segments as the reader's spans. With the margin
// (marginHTML), it is where the server writes HTML itself rather than
// through a template (a document has hundreds of segments, and the
// template's reflection per segment was most of a page's cost), so every
// value in it is escaped here: the text, the classes and the quote id.
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

// margin is what the reader's margin lists, made ready by docPage.
type margin struct {
	Findings []marginFinding
	Turns    []marginTurn
	Quotes   []marginQuote
	Events   []marginSpan
	Timexes  []marginSpan
	People   []personCount
}

// htmlWriter writes HTML, escaping every value it is given.
type htmlWriter struct{ strings.Builder }

// raw writes markup of the page's own.
func (w *htmlWriter) raw(s string) { w.WriteString(s) }

// text writes a value as text or as an attribute value in quotes.
func (w *htmlWriter) text(s string) { w.WriteString(template.HTMLEscapeString(s)) }

// link writes <a href="u" class="class">text</a>; u is a path the
// server made (a document's or a quote's, its ids escaped), escaped
// again as an attribute value.
func (w *htmlWriter) link(u template.URL, class, text string) {
	w.raw(`<a href="`)
	w.text(string(u))
	w.raw(`"`)
	if class != "" {
		w.raw(` class="`)
		w.text(class)
		w.raw(`"`)
	}
	w.raw(`>`)
	w.text(text)
	w.raw(`</a>`)
}

func (w *htmlWriter) count(title string, n int) {
	w.raw(`<h2>`)
	w.text(title)
	w.raw(` <small>(`)
	w.raw(strconv.Itoa(n))
	w.raw(`)</small></h2>`)
}

// marginHTML writes the reader's margin: findings with links to their
// evidence, speaker turns, quotes, events, dates, people and
// organisations. Every value is escaped (document text is hostile).
func marginHTML(m margin) template.HTML {
	var w htmlWriter
	w.count("Findings", len(m.Findings))
	w.raw("\n")
	for _, f := range m.Findings {
		w.raw(`<div class="mfinding `)
		w.text(f.Severity)
		w.raw(`"><span class="sev `)
		w.text(f.Severity)
		w.raw(`">`)
		w.text(f.Severity)
		w.raw(`</span> <span class="kind">`)
		w.text(f.Kind)
		w.raw(`</span><br>`)
		w.text(f.Summary)
		w.raw("\n<ul>")
		for _, e := range f.Evidence {
			w.raw(`<li>`)
			class := ""
			if e.Here {
				class = "ev-link"
			}
			w.link(e.Link, class, e.Label)
			w.raw(`</li>`)
		}
		w.raw("</ul></div>\n")
	}
	if len(m.Findings) == 0 {
		w.raw("<p>None.</p>\n")
	}
	if len(m.Turns) > 0 {
		w.count("Speaker turns", len(m.Turns))
		w.raw(`<ol class="turns">`)
		for _, t := range m.Turns {
			w.raw(`<li>`)
			w.link(t.Link, "", t.Speaker)
			if t.Role != "" {
				w.raw(` <small>(`)
				w.text(t.Role)
				w.raw(`)</small>`)
			}
			w.raw(`</li>`)
		}
		w.raw("</ol>\n")
	}
	w.count("Quotes", len(m.Quotes))
	w.raw("\n<ul class=\"mquotes\">")
	for _, q := range m.Quotes {
		w.raw(`<li><span class="verdict `)
		w.text(q.Verdict)
		w.raw(`">`)
		if q.Verdict != "" {
			w.text(q.Verdict)
		} else {
			w.raw(`not checked`)
		}
		w.raw(`</span> `)
		if q.Speaker != "" {
			w.text(q.Speaker)
		} else {
			w.raw(`unknown speaker`)
		}
		if q.Anonymous {
			w.raw(` (unnamed)`)
		}
		w.raw(`: `)
		w.link(q.Link, "", "“"+q.Text+"”")
		w.raw(` `)
		w.link(q.Details, "", "details")
		w.raw(`</li>`)
	}
	if len(m.Quotes) == 0 {
		w.raw(`<li>None.</li>`)
	}
	w.raw("</ul>\n")
	w.count("Events", len(m.Events))
	w.raw("\n<ul class=\"mevents\">")
	for _, e := range m.Events {
		w.raw(`<li>`)
		w.link(e.Link, "", e.Label)
		w.raw(`</li>`)
	}
	if len(m.Events) == 0 {
		w.raw(`<li>None.</li>`)
	}
	w.raw("</ul>\n")
	w.count("Dates", len(m.Timexes))
	w.raw("\n<ul class=\"mdates\">")
	for _, t := range m.Timexes {
		w.raw(`<li>`)
		w.link(t.Link, "", t.Label)
		if t.Value != "" {
			w.raw(` → `)
			w.text(t.Value)
		}
		if t.Mismatch {
			w.raw(` <strong>weekday does not fit</strong>`)
		}
		w.raw(`</li>`)
	}
	if len(m.Timexes) == 0 {
		w.raw(`<li>None.</li>`)
	}
	w.raw("</ul>\n")
	w.count("People and organisations", len(m.People))
	w.raw("\n<ul class=\"mpeople\">")
	for _, p := range m.People {
		w.raw(`<li>`)
		w.link(p.Link, "", p.Name)
		w.raw(` ×`)
		w.raw(strconv.Itoa(p.Count))
		if p.Person {
			w.raw(` · `)
			w.link(template.URL("/findings?person="+url.QueryEscape(p.Name)), "", "findings")
		}
		w.raw(`</li>`)
	}
	if len(m.People) == 0 {
		w.raw(`<li>None.</li>`)
	}
	w.raw("</ul>")
	return template.HTML(w.String())
}
