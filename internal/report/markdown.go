package report

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// WriteMarkdown writes the report as Markdown, to share or to paste.
func WriteMarkdown(w io.Writer, r *Report) error {
	return StreamMarkdown(context.Background(), w, r.Source(), r.Title)
}

// StreamMarkdown writes the report of src as Markdown, reading it as it
// goes.
func StreamMarkdown(ctx context.Context, w io.Writer, src Source, title string) error {
	x, err := newWriter(ctx, src)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	if title == "" {
		title = "Dossier report"
	}
	p("# %s\n\n", mdEscape(title))

	p("## Documents (%d)\n\n| id | kind | date | title | by |\n| --- | --- | --- | --- | --- |\n", x.counts.Documents)
	err = src.Documents(ctx, func(d *model.Document) error {
		p("| `%s` | %s | %s | %s | %s |\n", d.ShortID(), d.Kind, DocDate(d), mdEscape(d.Title), mdEscape(Byline(d)))
		return nil
	})
	if err != nil {
		return err
	}

	p("\n## Findings (%d)\n\n", x.counts.Findings)
	i := 0
	err = src.Findings(ctx, func(f model.Finding) error {
		i++
		p("%d. **%s** (%s): %s\n", i, f.Kind, f.Severity, mdEscape(f.Summary))
		for _, e := range f.Evidence {
			p("   - %s, bytes %d–%d: > %s\n", mdEscape(x.where(e)), e.Start, e.End, mdEscape(oneLine(e.Text)))
		}
		return x.err()
	})
	if err != nil {
		return err
	}

	p("\n## Timeline (%d)\n\n| when | what | sources |\n| --- | --- | --- |\n", x.counts.Timeline)
	err = src.Timeline(ctx, func(e model.TimelineEntry) error {
		what := e.Summary
		if e.Future {
			what += " *(future)*"
		}
		p("| %s | %s | %d |\n", When(e), mdEscape(what), len(e.Docs))
		return nil
	})
	if err != nil {
		return err
	}

	p("\n## Quotes (%d)\n", x.counts.Quotes)
	err = x.eachQuoteByGroup(func(q *model.Quote, b *bytes.Buffer) error {
		fmt.Fprintf(b, "- **%s**: “%s”", VerdictLabel(*q), mdEscape(oneLine(q.Text())))
		if q.Diff != "" && (q.Verdict == "altered" || OCRNoted(*q)) {
			fmt.Fprintf(b, " — diff: `%s`", strings.ReplaceAll(q.Diff, "`", "'"))
		}
		b.WriteString("\n")
		return nil
	}, func(g *quoteGroup) error {
		p("\n### %s\n\n%s\n\n", mdEscape(g.Speaker), g.Counts())
		return nil
	}, func(*quoteGroup) error { return nil }, func(b []byte) error {
		_, err := bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}

	p("\n## Events (%d)\n\n| id | event | sentence | pattern |\n| --- | --- | --- | --- |\n", x.counts.Events)
	err = src.Events(ctx, func(e model.Event) error {
		p("| `%s` | %s | %s | `%s` |\n", e.ID, mdEscape(EventLine(e)), mdEscape(clipLine(e.Sentence.Text, 160)), e.Pattern)
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// mdEscape keeps text from breaking Markdown tables and emphasis.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

var mdEscaper = strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "'", "<", "&lt;", "\n", " ")
