package report

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/dossier-project/dossier/internal/model"
)

// WriteText writes the report as plain text for a terminal.
func WriteText(w io.Writer, r *Report) error {
	return StreamText(context.Background(), w, r.Source())
}

// StreamText writes the report of src as plain text for a terminal,
// reading it as it goes.
func StreamText(ctx context.Context, w io.Writer, src Source) error {
	x, err := newWriter(ctx, src)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("DOCUMENTS (%d)\n\n", x.counts.Documents)
	err = src.Documents(ctx, func(d *model.Document) error {
		date := "date " + DocDate(d)
		title := d.Title
		if title == "" {
			title = "(untitled)"
		}
		p("  %s  %-10s %s\n", d.ShortID(), d.Kind, title)
		p("      %s; %s\n", date, d.Path)
		if d.DateReason != "" {
			p("      date: %s\n", d.DateReason)
		}
		if by := Byline(d); by != "" {
			p("      by %s\n", by)
		}
		for _, s := range d.Speakers {
			p("      speaker: %s\n", SpeakerLine(s))
		}
		return nil
	})
	if err != nil {
		return err
	}

	p("\nFINDINGS (%d)\n\n", x.counts.Findings)
	if x.counts.Findings == 0 {
		p("  none\n")
	}
	i := 0
	err = src.Findings(ctx, func(f model.Finding) error {
		i++
		p("  %d. [%s] %s\n     %s\n", i, f.Severity, f.Kind, f.Summary)
		for _, e := range f.Evidence {
			p("     - %s @%d-%d: %q\n", x.where(e), e.Start, e.End, clipLine(e.Text, 140))
		}
		return x.err()
	})
	if err != nil {
		return err
	}

	p("\nTIMELINE (%d)\n\n", x.counts.Timeline)
	if x.counts.Timeline == 0 {
		p("  none\n")
	}
	err = src.Timeline(ctx, func(e model.TimelineEntry) error {
		mark := ""
		if e.Future {
			mark = " [future]"
		}
		p("  %-28s %s%s\n", When(e), e.Summary, mark)
		p("  %-28s sources: %d document(s)\n", "", len(e.Docs))
		return nil
	})
	if err != nil {
		return err
	}

	p("\nQUOTES (%d)\n", x.counts.Quotes)
	if x.counts.Quotes == 0 {
		p("\n  none\n")
	}
	err = x.eachQuoteByGroup(func(q *model.Quote, b *bytes.Buffer) error {
		kind := "reported"
		if q.Direct {
			kind = "direct"
		}
		fmt.Fprintf(b, "    - %-20s %-8s %s %q\n", VerdictLabel(*q), kind, short(q.Doc), clipLine(q.Text(), 110))
		if q.Diff != "" && (q.Verdict == "altered" || OCRNoted(*q)) {
			fmt.Fprintf(b, "      diff: %s\n", model.Clip(q.Diff, 160))
		}
		if q.Primary != nil && q.Verdict != "primary" {
			fmt.Fprintf(b, "      record: %s @%d-%d\n", x.where(*q.Primary), q.Primary.Start, q.Primary.End)
		}
		return x.err()
	}, func(g *quoteGroup) error {
		code := ""
		if g.Code != "" {
			code = " (" + g.Code + ")"
		}
		p("\n  %s%s: %s\n", g.Speaker, code, g.Counts())
		return nil
	}, func(*quoteGroup) error { return nil }, func(b []byte) error {
		_, err := bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}

	p("\nEVENTS (%d)\n\n", x.counts.Events)
	if x.counts.Events == 0 {
		p("  none\n")
	}
	err = src.Events(ctx, func(e model.Event) error {
		p("  %s  %s\n      %q  (%s, pattern %s)\n", e.ID, EventLine(e), clipLine(e.Sentence.Text, 120), short(e.Doc), e.Pattern)
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
