package report

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/spill"
)

// evidenceItem is one highlighted passage in the HTML report: the span
// in its paragraph, with an anchor that findings link to.
type evidenceItem struct {
	ID     string
	Doc    string
	Where  string // the document, and the page when it has pages
	Start  int
	End    int
	Before string
	Mark   string
	After  string
}

// evidenceID names the anchor of a span of a document.
func evidenceID(e model.Evidence) string {
	return fmt.Sprintf("ev-%s-%d-%d", short(e.Doc), e.Start, e.End)
}

// paragraphAround returns the text of the paragraph around [start, end)
// in text, split into before, the span, and after.
func paragraphAround(text string, start, end int) (string, string, string) {
	if start < 0 || end > len(text) || start > end {
		return "", "", ""
	}
	ps := strings.LastIndex(text[:start], "\n\n")
	if ps < 0 {
		ps = 0
	} else {
		ps += 2
	}
	pe := strings.Index(text[end:], "\n\n")
	if pe < 0 {
		pe = len(text)
	} else {
		pe += end
	}
	return text[ps:start], text[start:end], text[end:pe]
}

// The evidence section lists the distinct evidence of the findings (by
// anchor, the first seen), in document order. It is gathered while the
// findings are written and sorted through files twice: by anchor, to keep
// the first of each, then by document and offset; each document's text is
// then read once, for the paragraphs around its evidence.

// evidenceSort gathers the evidence of the findings.
type evidenceSort struct {
	byID spill.Sorter
	seq  uint64
}

// add notes the evidence of a finding.
func (s *evidenceSort) add(x *writer, e model.Evidence) error {
	it := evidenceItem{ID: evidenceID(e), Doc: e.Doc, Where: x.where(e), Start: e.Start, End: e.End, Mark: e.Text}
	v, err := json.Marshal(it)
	if err != nil {
		return err
	}
	key := binary.BigEndian.AppendUint64(append([]byte(it.ID), 0), s.seq)
	s.seq++
	return s.byID.Add(key, v)
}

// each gives the distinct evidence in document order, each with the
// paragraph around it.
func (s *evidenceSort) each(x *writer, fn func(*evidenceItem) error) error {
	var byDoc spill.Sorter
	defer byDoc.Close()
	var last []byte
	err := s.byID.Each(func(key, value []byte) error {
		id := key[:len(key)-9] // less the 0 and the order
		if last != nil && bytes.Equal(id, last) {
			return nil
		}
		last = append(last[:0], id...)
		var it evidenceItem
		if err := json.Unmarshal(value, &it); err != nil {
			return err
		}
		k := append([]byte(it.Doc), 0)
		k = binary.BigEndian.AppendUint64(k, uint64(it.Start)^1<<63) // a negative offset first
		k = append(k, key[len(key)-8:]...)                           // then in the order first seen
		return byDoc.Add(k, value)
	})
	if err != nil {
		return err
	}
	var doc *model.Document
	return byDoc.Each(func(_, value []byte) error {
		var it evidenceItem
		if err := json.Unmarshal(value, &it); err != nil {
			return err
		}
		if doc == nil || doc.ID != it.Doc {
			d, err := x.src.Document(x.ctx, it.Doc, true)
			if err != nil {
				return err
			}
			if d == nil {
				d = &model.Document{ID: it.Doc}
			}
			doc = d
		}
		if t := doc.Text; it.Start >= 0 && it.Start <= it.End && it.End <= len(t) && t[it.Start:it.End] == it.Mark {
			it.Before, it.Mark, it.After = paragraphAround(t, it.Start, it.End)
		}
		return fn(&it)
	})
}

// reportCSS is the report's only style sheet. The page carries a strict
// Content-Security-Policy: nothing may be loaded from anywhere, no script
// runs, and the one style element applies only because its hash is
// listed (see reportCSP).
const reportCSS = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.finding{border-left:4px solid #b33;padding:.3em .8em;margin:.8em 0;background:#fdf6f6}
.finding.medium{border-color:#d80;background:#fffaf0}.finding.low,.finding.info{border-color:#68a;background:#f5f8fb}
.kind{font-family:monospace;font-weight:bold}
mark{background:#ffe066;padding:0 .1em}
.evidence{margin:.8em 0;padding:.5em .8em;border:1px solid #ddd;white-space:pre-wrap}
.evidence:target{outline:3px solid #d80}
.verdict{font-family:monospace}.verdict.altered,.verdict.wrong-speaker{color:#b33;font-weight:bold}
.verdict.verbatim,.verdict.primary{color:#282}
svg text{font:12px system-ui,sans-serif}
`

// reportCSP is the page's Content-Security-Policy.
var reportCSP = func() string {
	sum := sha256.Sum256([]byte(reportCSS))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
}()

// WriteHTML writes the report as one self-contained HTML page: no
// external scripts, styles, fonts or images.
func WriteHTML(w io.Writer, r *Report) error {
	return StreamHTML(context.Background(), w, r.Source(), r.Title)
}

// timelineDot is one entry of the timeline drawing.
type timelineDot struct {
	Y       int
	When    string
	Summary string
	Future  bool
	Docs    int
}

// StreamHTML writes the report of src as one self-contained HTML page,
// reading it as it goes.
func StreamHTML(ctx context.Context, w io.Writer, src Source, title string) error {
	x, err := newWriter(ctx, src)
	if err != nil {
		return err
	}
	if title == "" {
		title = "Dossier report"
	}
	funcs := template.FuncMap{
		"evid":    evidenceID,
		"where":   x.where,
		"verdict": VerdictLabel,
		"oneline": oneLine,
		"clip":    clipLine,
		"event":   EventLine,
		"date":    DocDate,
		"byline":  Byline,
	}
	t, err := template.New("report").Funcs(funcs).Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("parse report template: %w", err)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	exec := func(w io.Writer, name string, data any) error {
		if err := t.ExecuteTemplate(w, name, data); err != nil {
			return fmt.Errorf("write HTML report: %w", err)
		}
		return x.err()
	}
	height := 40 + x.counts.Timeline*44
	head := struct {
		CSP, Title string
		Counts     Counts
		Height     int
	}{reportCSP, title, x.counts, height}
	if err := exec(bw, "head", head); err != nil {
		return err
	}
	if err := src.Documents(ctx, func(d *model.Document) error { return exec(bw, "document", d) }); err != nil {
		return err
	}
	if err := exec(bw, "findings", head); err != nil {
		return err
	}
	var evidence evidenceSort
	defer evidence.byID.Close()
	i := 0
	err = src.Findings(ctx, func(f model.Finding) error {
		for _, e := range f.Evidence {
			if err := evidence.add(x, e); err != nil {
				return err
			}
		}
		err := exec(bw, "finding", struct {
			I int
			F model.Finding
		}{i, f})
		i++
		return err
	})
	if err != nil {
		return err
	}
	if err := exec(bw, "timeline", head); err != nil {
		return err
	}
	if x.counts.Timeline > 0 {
		i := 0
		err = src.Timeline(ctx, func(e model.TimelineEntry) error {
			dot := timelineDot{Y: 30 + i*44, When: When(e), Summary: model.Clip(e.Summary, 90), Future: e.Future, Docs: len(e.Docs)}
			i++
			return exec(bw, "dot", dot)
		})
		if err != nil {
			return err
		}
		if err := exec(bw, "timelineEnd", head); err != nil {
			return err
		}
	}
	if err := exec(bw, "quotes", head); err != nil {
		return err
	}
	err = x.eachQuoteByGroup(func(q *model.Quote, b *bytes.Buffer) error {
		return exec(b, "quote", q)
	}, func(g *quoteGroup) error {
		return exec(bw, "group", g)
	}, func(*quoteGroup) error {
		_, err := bw.WriteString("</ul>")
		return err
	}, func(b []byte) error {
		_, err := bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if err := exec(bw, "events", head); err != nil {
		return err
	}
	if err := src.Events(ctx, func(e model.Event) error { return exec(bw, "event", e) }); err != nil {
		return err
	}
	if err := exec(bw, "evidence", head); err != nil {
		return err
	}
	if err := evidence.each(x, func(it *evidenceItem) error { return exec(bw, "item", it) }); err != nil {
		return err
	}
	if _, err := bw.WriteString("\n</body></html>\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// htmlTemplate is the page in pieces, each written as the items of its
// section are read.
const htmlTemplate = `{{define "head"}}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<title>{{.Title}}</title>
<style>` + reportCSS + `</style></head><body>
<h1>{{.Title}}</h1>

<h2 id="documents">Documents ({{.Counts.Documents}})</h2>
<table><tr><th>id</th><th>kind</th><th>date</th><th>title</th><th>by</th></tr>
{{end}}{{define "document"}}<tr><td><code>{{.ShortID}}</code></td><td>{{.Kind}}</td><td>{{date .}}</td><td>{{.Title}}</td><td>{{byline .}}</td></tr>
{{end}}{{define "findings"}}</table>

<h2 id="findings">Findings ({{.Counts.Findings}})</h2>
{{if not .Counts.Findings}}<p>No findings.</p>{{end}}{{end}}{{define "finding"}}<div class="finding {{.F.Severity}}" id="finding-{{.I}}">
<p><span class="kind">{{.F.Kind}}</span> ({{.F.Severity}}): {{.F.Summary}}</p>
<ul>{{range .F.Evidence}}<li><a href="#{{evid .}}">{{where .}}, bytes {{.Start}}–{{.End}}</a>: “{{oneline .Text}}”</li>{{end}}</ul>
</div>
{{end}}{{define "timeline"}}

<h2 id="timeline">Timeline ({{.Counts.Timeline}})</h2>
{{if .Counts.Timeline}}<svg width="100%" height="{{.Height}}" viewBox="0 0 900 {{.Height}}" role="img" aria-label="timeline">
<line x1="200" y1="10" x2="200" y2="{{.Height}}" stroke="#888" stroke-width="2"/>
{{else}}<p>No dated entries.</p>{{end}}{{end}}{{define "dot"}}<circle cx="200" cy="{{.Y}}" r="7" fill="{{if .Future}}#fff{{else}}#357{{end}}" stroke="#357" stroke-width="2"/>
<text x="188" y="{{.Y}}" dy="4" text-anchor="end">{{.When}}</text>
<text x="215" y="{{.Y}}" dy="4">{{.Summary}}{{if .Future}} (future){{end}} · {{.Docs}} source(s)</text>
{{end}}{{define "timelineEnd"}}</svg>{{end}}{{define "quotes"}}

<h2 id="quotes">Quotes ({{.Counts.Quotes}})</h2>
{{end}}{{define "group"}}<h3>{{.Speaker}}{{if .Code}} <small>({{.Code}})</small>{{end}}</h3><p>{{.Counts}}</p><ul>
{{end}}{{define "quote"}}<li><span class="verdict {{.Verdict}}">{{verdict .}}</span> “{{oneline .Text}}”{{if .Diff}}<br><code>{{.Diff}}</code>{{end}}</li>
{{end}}{{define "events"}}

<h2 id="events">Events ({{.Counts.Events}})</h2>
<table><tr><th>id</th><th>event</th><th>sentence</th><th>pattern</th></tr>
{{end}}{{define "event"}}<tr><td><code>{{.ID}}</code></td><td>{{event .}}</td><td>{{clip .Sentence.Text 400}}</td><td><code>{{.Pattern}}</code></td></tr>
{{end}}{{define "evidence"}}</table>

<h2 id="evidence">Evidence</h2>
{{end}}{{define "item"}}<div class="evidence" id="{{.ID}}"><small>{{.Where}}, bytes {{.Start}}–{{.End}}</small>
{{.Before}}<mark>{{.Mark}}</mark>{{.After}}</div>
{{end}}`
