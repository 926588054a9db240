package report

import (
	"bufio"
	"fmt"
	"io"
)

// WriteText writes the report as plain text for a terminal.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("DOCUMENTS (%d)\n\n", len(r.Documents))
	for _, d := range r.Documents {
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
	}

	p("\nFINDINGS (%d)\n\n", len(r.Findings))
	if len(r.Findings) == 0 {
		p("  none\n")
	}
	for i, f := range r.Findings {
		p("  %d. [%s] %s\n     %s\n", i+1, f.Severity, f.Kind, f.Summary)
		for _, e := range f.Evidence {
			p("     - %s @%d-%d: %q\n", r.where(e), e.Start, e.End, clipText(oneLine(e.Text), 140))
		}
	}

	p("\nTIMELINE (%d)\n\n", len(r.Timeline))
	if len(r.Timeline) == 0 {
		p("  none\n")
	}
	for _, e := range r.Timeline {
		mark := ""
		if e.Future {
			mark = " [future]"
		}
		p("  %-28s %s%s\n", When(e), e.Summary, mark)
		p("  %-28s sources: %d document(s)\n", "", len(e.Docs))
	}

	p("\nQUOTES (%d)\n", len(r.Quotes))
	if len(r.Quotes) == 0 {
		p("\n  none\n")
	}
	for _, g := range speakerGroups(r.Quotes) {
		code := ""
		if g.Code != "" {
			code = " (" + g.Code + ")"
		}
		p("\n  %s%s: %s\n", g.Speaker, code, verdictCounts(g.Quotes))
		for _, q := range g.Quotes {
			kind := "reported"
			if q.Direct {
				kind = "direct"
			}
			p("    - %-20s %-8s %s %q\n", VerdictLabel(q), kind, short(q.Doc), clipText(oneLine(q.Text()), 110))
			if q.Diff != "" && (q.Verdict == "altered" || OCRNoted(q)) {
				p("      diff: %s\n", clipText(q.Diff, 160))
			}
			if q.Primary != nil && q.Verdict != "primary" {
				p("      record: %s @%d-%d\n", r.where(*q.Primary), q.Primary.Start, q.Primary.End)
			}
		}
	}

	p("\nEVENTS (%d)\n\n", len(r.Events))
	if len(r.Events) == 0 {
		p("  none\n")
	}
	for _, e := range r.Events {
		p("  %s  %s\n      %q  (%s, pattern %s)\n", e.ID, EventLine(e), clipText(oneLine(e.Sentence.Text), 120), short(e.Doc), e.Pattern)
	}
	return bw.Flush()
}

// clipText shortens s to n runes with an ellipsis.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
