package report

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
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

// context returns the text of the paragraph around [start, end) in text,
// split into before, the span, and after.
func context(text string, start, end int) (string, string, string) {
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

// evidenceItems collects the distinct evidence of the findings, in
// document order.
func (r *Report) evidenceItems() []evidenceItem {
	seen := map[string]bool{}
	var items []evidenceItem
	for _, f := range r.Findings {
		for _, e := range f.Evidence {
			id := evidenceID(e)
			if seen[id] {
				continue
			}
			seen[id] = true
			it := evidenceItem{ID: id, Doc: e.Doc, Where: r.where(e), Start: e.Start, End: e.End, Mark: e.Text}
			if d := r.doc(e.Doc); d != nil && e.End <= len(d.Text) && d.Text[e.Start:e.End] == e.Text {
				it.Before, it.Mark, it.After = context(d.Text, e.Start, e.End)
			}
			items = append(items, it)
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Doc != items[j].Doc {
			return items[i].Doc < items[j].Doc
		}
		return items[i].Start < items[j].Start
	})
	return items
}

// timelineDot is one entry of the timeline drawing.
type timelineDot struct {
	Y       int
	When    string
	Summary string
	Future  bool
	Docs    int
}

func (r *Report) drawing() ([]timelineDot, int) {
	dots := make([]timelineDot, 0, len(r.Timeline))
	for i, e := range r.Timeline {
		dots = append(dots, timelineDot{Y: 30 + i*44, When: When(e), Summary: clipText(e.Summary, 90), Future: e.Future, Docs: len(e.Docs)})
	}
	return dots, 40 + len(r.Timeline)*44
}

// WriteHTML writes the report as one self-contained HTML page: no
// external scripts, styles, fonts or images.
func WriteHTML(w io.Writer, r *Report) error {
	dots, height := r.drawing()
	title := r.Title
	if title == "" {
		title = "Dossier report"
	}
	data := struct {
		R        *Report
		Title    string
		Evidence []evidenceItem
		Dots     []timelineDot
		Height   int
		Groups   []quoteGroup
	}{r, title, r.evidenceItems(), dots, height, speakerGroups(r.Quotes)}
	funcs := template.FuncMap{
		"evid":     evidenceID,
		"doclabel": r.docLabel,
		"where":    r.where,
		"verdict":  VerdictLabel,
		"oneline":  oneLine,
		"event":    EventLine,
		"when":     When,
		"counts":   verdictCounts,
		"date":     DocDate,
		"byline":   Byline,
	}
	t, err := template.New("report").Funcs(funcs).Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("parse report template: %w", err)
	}
	if err := t.Execute(w, data); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return nil
}

const htmlTemplate = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
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
</style></head><body>
<h1>{{.Title}}</h1>

<h2 id="documents">Documents ({{len .R.Documents}})</h2>
<table><tr><th>id</th><th>kind</th><th>date</th><th>title</th><th>by</th></tr>
{{range .R.Documents}}<tr><td><code>{{.ShortID}}</code></td><td>{{.Kind}}</td><td>{{date .}}</td><td>{{.Title}}</td><td>{{byline .}}</td></tr>
{{end}}</table>

<h2 id="findings">Findings ({{len .R.Findings}})</h2>
{{range $i, $f := .R.Findings}}<div class="finding {{$f.Severity}}" id="finding-{{$i}}">
<p><span class="kind">{{$f.Kind}}</span> ({{$f.Severity}}): {{$f.Summary}}</p>
<ul>{{range $f.Evidence}}<li><a href="#{{evid .}}">{{where .}}, bytes {{.Start}}–{{.End}}</a>: “{{oneline .Text}}”</li>{{end}}</ul>
</div>
{{else}}<p>No findings.</p>{{end}}

<h2 id="timeline">Timeline ({{len .R.Timeline}})</h2>
{{if .Dots}}<svg width="100%" height="{{.Height}}" viewBox="0 0 900 {{.Height}}" role="img" aria-label="timeline">
<line x1="200" y1="10" x2="200" y2="{{.Height}}" stroke="#888" stroke-width="2"/>
{{range .Dots}}<circle cx="200" cy="{{.Y}}" r="7" fill="{{if .Future}}#fff{{else}}#357{{end}}" stroke="#357" stroke-width="2"/>
<text x="188" y="{{.Y}}" dy="4" text-anchor="end">{{.When}}</text>
<text x="215" y="{{.Y}}" dy="4">{{.Summary}}{{if .Future}} (future){{end}} · {{.Docs}} source(s)</text>
{{end}}</svg>{{else}}<p>No dated entries.</p>{{end}}

<h2 id="quotes">Quotes ({{len .R.Quotes}})</h2>
{{range .Groups}}<h3>{{.Speaker}}{{if .Code}} <small>({{.Code}})</small>{{end}}</h3><p>{{counts .Quotes}}</p><ul>
{{range .Quotes}}<li><span class="verdict {{.Verdict}}">{{verdict .}}</span> “{{oneline .Text}}”{{if .Diff}}<br><code>{{.Diff}}</code>{{end}}</li>
{{end}}</ul>{{end}}

<h2 id="events">Events ({{len .R.Events}})</h2>
<table><tr><th>id</th><th>event</th><th>sentence</th><th>pattern</th></tr>
{{range .R.Events}}<tr><td><code>{{.ID}}</code></td><td>{{event .}}</td><td>{{oneline .Sentence.Text}}</td><td><code>{{.Pattern}}</code></td></tr>
{{end}}</table>

<h2 id="evidence">Evidence</h2>
{{range .Evidence}}<div class="evidence" id="{{.ID}}"><small>{{.Where}}, bytes {{.Start}}–{{.End}}</small>
{{.Before}}<mark>{{.Mark}}</mark>{{.After}}</div>
{{end}}
</body></html>
`
