package events

import (
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// Explain renders how an event was produced: the pattern and rule that
// fired with where they are defined, the words that filled each slot, the
// code's meaning and the flags with what they mean.
func (c *Coder) Explain(ev model.Event) string {
	var b strings.Builder
	tgt := "(none)"
	if ev.Target != nil {
		tgt = fmt.Sprintf("%s %q", ev.Target.Code, ev.Target.Text)
	}
	fmt.Fprintf(&b, "event %s: %s %s %s\n", ev.ID, ev.Source.Code, ev.CAMEO, tgtCode(ev.Target))
	if ev.Act != "" {
		explainAct(&b, ev) // an act of the record (acts.go)
	}
	ci := c.lx.codes[ev.CAMEO]
	fmt.Fprintf(&b, "  code      CAMEO %s %q (root %s, Goldstein %+.1f, quad class %d); PLOVER %s", orNone(ev.CAMEO), ci.Name, orNone(ev.Root), ev.Goldstein, ev.QuadClass, orNone(ev.PLOVER))
	if ev.Mode != "" {
		fmt.Fprintf(&b, " mode %s", ev.Mode)
	}
	if len(ev.Context) > 0 {
		fmt.Fprintf(&b, " context %s", strings.Join(ev.Context, ", "))
	}
	b.WriteString("\n")
	p, r := c.lookup(ev.Pattern)
	if p != nil {
		fmt.Fprintf(&b, "  pattern   %s, defined at %s", ev.Pattern, p.Source)
		words := append(append([]string{}, p.Verbs...), p.Nouns...)
		fmt.Fprintf(&b, " (triggers: %s; default code %s)\n", strings.Join(words, ", "), orNone(p.CAMEO))
		if r != nil {
			fmt.Fprintf(&b, "  rule      %s at %s: code %s when followed by [%s]", r.ID, r.Source, orNone(r.CAMEO), strings.Join(r.After, " | "))
			if len(r.Before) > 0 {
				fmt.Fprintf(&b, " or preceded by [%s]", strings.Join(r.Before, " | "))
			}
			b.WriteString("\n")
		}
	} else {
		fmt.Fprintf(&b, "  pattern   %s (not in this coder's patterns)\n", ev.Pattern)
	}
	fmt.Fprintf(&b, "  trigger   %q at [%d,%d)\n", ev.Trigger.Text, ev.Trigger.Start, ev.Trigger.End)
	fmt.Fprintf(&b, "  source    %s %q at [%d,%d)", ev.Source.Code, ev.Source.Text, ev.Source.Start, ev.Source.End)
	if ev.Source.Name != "" {
		fmt.Fprintf(&b, " = %s", ev.Source.Name)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "  target    %s", tgt)
	if ev.Target != nil {
		fmt.Fprintf(&b, " at [%d,%d)", ev.Target.Start, ev.Target.End)
		if ev.Target.Name != "" {
			fmt.Fprintf(&b, " = %s", ev.Target.Name)
		}
	}
	b.WriteString("\n")
	var flags []string
	if ev.Negated {
		flags = append(flags, "negated (the text says it did not or will not happen)")
	}
	if ev.Future {
		flags = append(flags, "future (intended or announced, not yet done)")
	}
	if ev.Hypothetical {
		flags = append(flags, "hypothetical (conditional, possible, asked about, denied or doubted)")
	}
	if len(flags) > 0 {
		fmt.Fprintf(&b, "  flags     %s\n", strings.Join(flags, "; "))
	}
	fmt.Fprintf(&b, "  sentence  %q\n", ev.Sentence.Text)
	return b.String()
}

func tgtCode(p *model.Participant) string {
	if p == nil {
		return "-"
	}
	return p.Code
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// lookup finds the pattern and rule of an Event.Pattern id.
func (c *Coder) lookup(id string) (*Pattern, *Rule) {
	if p := c.lx.byID[id]; p != nil {
		return p, nil
	}
	for i := len(id) - 1; i > 0; i-- {
		if id[i] != '.' {
			continue
		}
		if p := c.lx.byID[id[:i]]; p != nil {
			for ri := range p.Rules {
				if p.Rules[ri].ID == id[i+1:] {
					return p, &p.Rules[ri]
				}
			}
			return p, nil
		}
	}
	return nil, nil
}
