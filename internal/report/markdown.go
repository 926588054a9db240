package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as Markdown, to share or to paste.
func WriteMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	title := r.Title
	if title == "" {
		title = "Dossier report"
	}
	p("# %s\n\n", mdEscape(title))

	p("## Documents (%d)\n\n| id | kind | date | title | by |\n| --- | --- | --- | --- | --- |\n", len(r.Documents))
	for _, d := range r.Documents {
		p("| `%s` | %s | %s | %s | %s |\n", d.ShortID(), d.Kind, DocDate(d), mdEscape(d.Title), mdEscape(Byline(d)))
	}

	p("\n## Findings (%d)\n\n", len(r.Findings))
	for i, f := range r.Findings {
		p("%d. **%s** (%s): %s\n", i+1, f.Kind, f.Severity, mdEscape(f.Summary))
		for _, e := range f.Evidence {
			p("   - %s, bytes %d–%d: > %s\n", mdEscape(r.where(e)), e.Start, e.End, mdEscape(oneLine(e.Text)))
		}
	}

	p("\n## Timeline (%d)\n\n| when | what | sources |\n| --- | --- | --- |\n", len(r.Timeline))
	for _, e := range r.Timeline {
		what := e.Summary
		if e.Future {
			what += " *(future)*"
		}
		p("| %s | %s | %d |\n", When(e), mdEscape(what), len(e.Docs))
	}

	p("\n## Quotes (%d)\n", len(r.Quotes))
	for _, g := range speakerGroups(r.Quotes) {
		p("\n### %s\n\n%s\n\n", mdEscape(g.Speaker), verdictCounts(g.Quotes))
		for _, q := range g.Quotes {
			p("- **%s**: “%s”", VerdictLabel(q), mdEscape(oneLine(q.Text())))
			if q.Diff != "" && (q.Verdict == "altered" || OCRNoted(q)) {
				p(" — diff: `%s`", strings.ReplaceAll(q.Diff, "`", "'"))
			}
			p("\n")
		}
	}

	p("\n## Events (%d)\n\n| id | event | sentence | pattern |\n| --- | --- | --- | --- |\n", len(r.Events))
	for _, e := range r.Events {
		p("| `%s` | %s | %s | `%s` |\n", e.ID, mdEscape(EventLine(e)), mdEscape(clipText(oneLine(e.Sentence.Text), 160)), e.Pattern)
	}
	return bw.Flush()
}

// mdEscape keeps text from breaking Markdown tables and emphasis.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "'", "<", "&lt;", "\n", " ")
	return r.Replace(s)
}
