package checks

import (
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// statedEarly is an announcement of which the sentence itself says that
// it came before the deciding body met or decided: "X announced the
// sanctions on Friday, three days before the Foreign Affairs Council
// met".
type statedEarly struct {
	ann   *model.Event // the announcement
	order model.Span   // "three days before the Foreign Affairs Council met"
	body  *Body
	when  *model.Timex
	act   *model.Event // the body's act the announcement came before
}

// statedBefore reads the announcement e of document doc: ok is true when
// the text says it came before a deciding body of p met or decided. The
// announcement must be made by someone who speaks for the institution and
// does not decide it, and announce a decision taken, or name what a
// decision produces or a matter of the institution ("announced the
// sanctions"); the body's act must follow it by the text's own order word
// (its time anchor lists e as before it: "four days before the council
// voted") and be stated as done. An unnamed meeting or vote ("before the
// vote") is the one of the only body that decides what e announces.
func (c *Checker) statedBefore(in *Input, evs docEvents, doc string, e *model.Event, p *Procedure) (statedEarly, bool) {
	if e.Act != "announce" || !happened(e) || e.ReportedBy != "" || e.Matter == nil {
		return statedEarly{}, false
	}
	r := c.rulingOn(p, e.Matter.Text)
	if b := bodyOf(p, e.Source, deciding); b != nil && (len(r.bodies) == 0 || r.has(b)) {
		return statedEarly{}, false // the deciding body announcing its own decision
	}
	if len(evs.reports(e)) > 0 {
		if !reportsDecision(evs, e) {
			return statedEarly{}, false // it reports no decision taken
		}
	} else if !c.outcomeIn(e.Matter.Text) && len(r.bodies) == 0 {
		return statedEarly{}, false // "announced his resignation"
	}
	if speakerOf(in, p, doc, e.Source) == nil {
		return statedEarly{}, false // only who speaks for the institution announces
	}
	var text string
	if a := in.docText(doc); a != "" {
		text = a
	}
	for _, x := range evs.after(e) {
		if x == e || x.When == nil || x.When.OrderCue == nil || x.Sentence.Start != e.Sentence.Start {
			continue // the order of one sentence, said by its order word
		}
		if !isBodyAct(x) || !happened(x) || x.ReportedBy != "" {
			continue // "before the council will meet", "before it had not even met"
		}
		b := bodyOf(p, x.Source, deciding)
		unnamed := false
		if b == nil {
			if x.Source.End > x.Source.Start || len(r.bodies) != 1 {
				continue // another body's ("the vote in parliament"), or whose is not known
			}
			b, unnamed = r.bodies[0], true
		}
		// The order phrase starts with what measures the gap ("four
		// days"), after the last comma between the announcement and the
		// order word.
		cue := *x.When.OrderCue
		from := cue.Start
		if text != "" && e.Trigger.End <= cue.Start {
			if g := strings.LastIndex(text[e.Trigger.End:cue.Start], ","); g >= 0 {
				from = e.Trigger.End + g + 1
			}
			for from < cue.Start && text[from] == ' ' {
				from++
			}
		}
		out := statedEarly{ann: e, body: b, act: x,
			order: model.Span{Start: from, End: x.Trigger.End}}
		if text != "" {
			out.order.Text = text[from:x.Trigger.End]
		}
		if t, ok := c.eventDated(in, doc, e); ok && t.Start < cue.Start {
			out.when = &t
		}
		if unnamed && out.when == nil {
			// "Minister reveals budget passed a day before the vote": a
			// headline's summing up, which the dated sentences tell.
			continue
		}
		return out, true
	}
	return statedEarly{}, false
}

// outcomeIn reports whether s names what a decision produces ("the
// sanctions", "a contract"), in any inflection.
func (c *Checker) outcomeIn(s string) bool {
	stems := stemsOf(s)
	for _, o := range c.vocab.Outcome {
		if stems[stem(o)] {
			return true
		}
	}
	return false
}

// docText returns the text of document doc of the input, or "".
func (in *Input) docText(doc string) string {
	for _, d := range in.Docs {
		if d.ID == doc {
			return d.Text
		}
	}
	return ""
}

// announcedBeforeStated raises announced-before-decision where a sentence
// itself says a decision was announced before the deciding body met ("…
// announced the sanctions on Friday, three days before the Council met").
// Such announcements are left out of the comparison of dates
// (announcements), so that one announcement gives one finding.
func (c *Checker) announcedBeforeStated(in *Input) []model.Finding {
	var out []model.Finding
	evs := in.docEvents()
	for _, p := range c.relevant(in) {
		for _, d := range in.Docs {
			for _, ev := range evs.of(d.ID) {
				e, ok := c.statedBefore(in, evs, d.ID, ev, p)
				if !ok {
					continue
				}
				who := clean(ev.Source.Text)
				if who == "" {
					who = "Someone"
				}
				what := strings.TrimRight(clean(ev.Matter.Text), " ,")
				if e.when != nil {
					// "the sanctions on Friday 19 April": the date is said below.
					if i := strings.Index(what, clean(e.when.Text)); i > 0 {
						what = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(what[:i]), " on"))
					}
				}
				on := ""
				if e.when != nil {
					on = " on " + describe(momentOf(*e.when))
				}
				by := ""
				if e.body.By != "" {
					by = " by " + e.body.By
				}
				summary := fmt.Sprintf("%s %s %s%s, before the %s, which takes such decisions%s under %s's procedure, had met: the text says “%s”.",
					who, clean(ev.Trigger.Text), what, on, e.body.Name, by, p.Institution, clean(e.order.Text))
				evd := []model.Evidence{model.EvidenceOf(d.ID, ev.Sentence), model.EvidenceOf(d.ID, e.order)}
				if e.when != nil {
					evd = append(evd, model.EvidenceOf(d.ID, e.when.Span))
				}
				out = append(out, model.Finding{Kind: "announced-before-decision", Check: "announced-before-decision",
					Severity: model.SeverityHigh, Summary: summary, Evidence: evd, Events: []string{ev.ID, e.act.ID}})
			}
		}
	}
	return out
}
