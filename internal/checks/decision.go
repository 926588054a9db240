package checks

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// maxDecisionGap bounds how long after an announcement a meeting of the
// deciding body is taken to be the one that decided it: a meeting months
// later is about something else.
const maxDecisionGap = 14

// act is something dated that a sentence says: an announcement of a
// decision, or a deciding body meeting or deciding.
type act struct {
	doc      *model.Document
	sentence model.Span
	verb     model.Span
	who      model.Span
	when     model.Timex
	body     *Body
	// kind is the act of the record ("meet", "vote", "approve"), or ""
	// for a meeting the CAMEO coder coded; event is the event's id.
	kind, event string
	// Of an announcement: the positions of the bodies that decide what
	// it announces (none: any deciding body), the condition under which
	// the first decides it, and the amount the text gives.
	deciders []int
	cond     string
	amount   string
}

// datedNear returns the point expression of the sentence nearest to the
// verb at byte offset verb (document offsets), preferring one with a day.
func (in *Input) datedNear(doc string, s model.Span, verb int) (model.Timex, bool) {
	var best model.Timex
	found := false
	dist := func(t model.Timex) int {
		if t.End <= verb {
			return verb - t.End
		}
		return t.Start - verb
	}
	for _, t := range in.timexesIn(doc, s) {
		if t.Kind != "point" || len(t.Value) < 10 || t.NoDate != "" {
			continue // the open end of a span ("since Monday") dates nothing
		}
		if !found || dist(t) < dist(best) {
			best, found = t, true
		}
	}
	return dayTimex(best), found
}

// announcements finds the announcements of decisions of p's institution
// made by someone who speaks for it but does not take the decision: the
// acts of the record coded "announce" that report a decision taken (an
// act of deciding, approving, voting or endorsing that happened), whose
// matter is a matter of the institution, dated.
func (c *Checker) announcements(in *Input, p *Procedure) []act {
	var out []act
	evs := in.docEvents()
	for _, d := range in.Docs {
		var ms []model.Mention
		if a := in.Analyses[d.ID]; a != nil {
			ms = a.Mentions
		}
		for _, e := range evs.of(d.ID) {
			if e.Act != "announce" || !happened(e) || e.ReportedBy != "" || e.Matter == nil {
				continue // not said, or someone else's claim that it was
			}
			if !reportsDecision(evs, e) {
				continue // no decision taken: a proposal, an expectation, a denial
			}
			if _, stated := c.statedBefore(in, evs, d.ID, e, p); stated {
				continue // the sentence says the order itself: announcedBeforeStated
			}
			r := c.rulingOn(p, e.Matter.Text)
			if b := bodyOf(p, e.Source, deciding); b != nil && (len(r.bodies) == 0 || r.has(b)) {
				continue // the deciding body announcing its own decision
			}
			if !institutionIn(p, e.Matter.Text, ms, *e.Matter) && len(r.bodies) == 0 {
				continue
			}
			// Only a body or office that speaks for the institution (a
			// secretary general, a city manager, a governor) makes an
			// announcement of the institution's decision; others report one.
			spoke := speakerOf(in, p, d.ID, e.Source)
			if spoke == nil {
				continue
			}
			t, ok := c.eventDated(in, d.ID, e)
			if !ok {
				continue
			}
			a := act{doc: d, sentence: e.Sentence, verb: e.Trigger, who: e.Source.Span, when: t, body: spoke, kind: e.Act, event: e.ID, amount: r.amount}
			for _, b := range r.bodies {
				a.deciders = append(a.deciders, bodyIndex(p, b))
			}
			if r.cond != nil {
				a.cond = r.cond.entry
			}
			out = append(out, a)
		}
	}
	return out
}

// reportsDecision reports whether the announcement e reports a decision
// taken: an act of deciding, approving, voting or endorsing that
// happened.
func reportsDecision(evs docEvents, e *model.Event) bool {
	for _, r := range evs.reports(e) {
		if decisionActs[r.Act] && happened(r) {
			return true
		}
	}
	return false
}

// bodyIndex returns the position of b among p's bodies, or -1.
func bodyIndex(p *Procedure, b *Body) int {
	for i := range p.Bodies {
		if &p.Bodies[i] == b {
			return i
		}
	}
	return -1
}

// dated returns the date of the act at byte offset at of sentence s of
// doc: its nearest dated expression (datedNear), unless an expression
// that counts from an earlier date of the text ("later that day", "the
// following day") stands there or the sentence has no other, when that
// expression's reading (relativeNear) dates it.
func (c *Checker) dated(in *Input, doc string, s model.Span, at int) (model.Timex, bool) {
	t, ok := in.datedNear(doc, s, at)
	if r, rok := c.relativeNear(in, doc, s); rok && (!ok || r.Start < t.End && t.Start < r.End) {
		return r, true
	}
	return t, ok
}

// bodyActs finds the acts of p's deciding bodies that the text states,
// dated: their meetings, decisions, votes, approvals and endorsements,
// from the acts of the record and the CAMEO coder's meetings (040, 044),
// when they happened ("did not meet until X" counts as meeting at X:
// the coders clear its negation) and are not someone's claim that they
// did ("the minister said the council had approved it").
func (c *Checker) bodyActs(in *Input, p *Procedure) []act {
	var out []act
	evs := in.docEvents()
	for _, d := range in.Docs {
		for _, e := range evs.of(d.ID) {
			if !isBodyAct(e) || !happened(e) || evs.reported(d.ID, e) {
				continue
			}
			if e.Act == "" && e.Trigger.Start < e.Source.End {
				continue // the CAMEO coder's meeting: the body must be the subject before its verb
			}
			b := bodyOf(p, e.Source, deciding)
			if b == nil {
				continue
			}
			t, ok := c.eventDated(in, d.ID, e)
			if !ok {
				continue
			}
			out = append(out, act{doc: d, sentence: e.Sentence, verb: e.Trigger, who: e.Source.Span, when: t, body: b, kind: e.Act, event: e.ID})
		}
	}
	return out
}

// announcedBeforeDecision raises a finding when a decision was announced
// before the body that decides it had met or decided.
func (c *Checker) announcedBeforeDecision(in *Input) []model.Finding {
	var out []model.Finding
	for _, p := range c.relevant(in) {
		out = append(out, c.announcedEarly(p, c.announcements(in, p), c.bodyActs(in, p))...)
	}
	return out
}

// announcedEarly compares the announcements of decisions with the acts of
// the deciding bodies of procedure p.
func (c *Checker) announcedEarly(p *Procedure, anns, acts []act) []model.Finding {
	var out []model.Finding
	if len(acts) == 0 {
		return nil
	}
	sort.SliceStable(acts, func(i, j int) bool {
		o, _ := compare(momentOf(acts[i].when), momentOf(acts[j].when))
		return o < 0
	})
	// Only acts within maxDecisionGap days of an announcement count, so
	// across a large dossier they are looked up by day rather than
	// compared one by one with every announcement. Only the acts of the
	// bodies that decide what is announced count.
	type view struct {
		acts  []act
		byDay actDays
	}
	views := map[string]view{}
	for _, a := range anns {
		key := fmt.Sprint(a.deciders)
		v, ok := views[key]
		if !ok {
			v.acts = forDeciders(p, acts, a.deciders)
			v.byDay = indexActs(v.acts)
			views[key] = v
		}
		if len(v.acts) == 0 {
			continue
		}
		am := momentOf(a.when)
		early, later := false, -1
		if v.byDay != nil {
			early, later = v.byDay.lookup(v.acts, am)
		} else {
			early, later = scanActs(v.acts, am)
		}
		if early || later < 0 {
			continue // the body had met or decided before: nothing early
		}
		out = append(out, c.announcedFinding(p, a, v.acts[later]))
	}
	return out
}

// forDeciders returns the acts of the bodies at positions deciders of
// p's bodies, in order; all of them when deciders is empty.
func forDeciders(p *Procedure, acts []act, deciders []int) []act {
	if len(deciders) == 0 {
		return acts
	}
	var out []act
	for _, b := range acts {
		for _, d := range deciders {
			if d >= 0 && d < len(p.Bodies) && b.body == &p.Bodies[d] {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// scanActs compares the moment of an announcement with every act: early
// is true when the deciding body met or decided before it (see
// decidedEarlier); otherwise later is the first act within
// maxDecisionGap days after it, or -1.
func scanActs(acts []act, am moment) (early bool, later int) {
	if decidedEarlier(acts, am) {
		return true, -1
	}
	for i, b := range acts {
		bm := momentOf(b.when)
		order, ok := compare(am, bm)
		if !ok || order >= 0 || !within(am, bm, maxDecisionGap) {
			continue
		}
		return false, i
	}
	return false, -1
}

// actDays indexes acts by the day they are dated to: the positions of
// the acts of each day, in order.
type actDays map[string][]int

// indexActs returns the acts' index, or nil when an act's date is neither
// coarser than a day nor a valid YYYY-MM-DD (scanActs then decides).
func indexActs(acts []act) actDays {
	ix := actDays{}
	for i, b := range acts {
		d := b.when.Value
		if len(d) < 10 {
			continue // within is false for it: it never counts
		}
		if _, ok := parseDay(d); !ok {
			return nil
		}
		ix[d] = append(ix[d], i)
	}
	return ix
}

func parseDay(d string) (time.Time, bool) {
	if len(d) != 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", d)
	return t, err == nil
}

// lookup is scanActs through the index: the same answer, from the acts of
// the days around am.
func (ix actDays) lookup(acts []act, am moment) (early bool, later int) {
	if len(am.date) < 10 {
		return false, -1 // within is false for it
	}
	day, ok := parseDay(am.date)
	if !ok {
		return scanActs(acts, am)
	}
	// The body met or decided the same day, not after the announcement
	// by the part of day, or on one of the maxDecisionGap days before.
	for _, i := range ix[am.date] {
		if order, ok := compare(momentOf(acts[i].when), am); !ok || order <= 0 {
			return true, -1
		}
	}
	for k := 1; k <= maxDecisionGap; k++ {
		if len(ix[day.AddDate(0, 0, -k).Format("2006-01-02")]) > 0 {
			return true, -1
		}
	}
	// The first act, in the acts' order, later the same day or on one of
	// the maxDecisionGap days after.
	later = -1
	consider := func(i int) {
		if later < 0 || i < later {
			later = i
		}
	}
	for _, i := range ix[am.date] {
		if order, ok := compare(am, momentOf(acts[i].when)); ok && order < 0 {
			consider(i)
		}
	}
	for k := 1; k <= maxDecisionGap; k++ {
		if is := ix[day.AddDate(0, 0, k).Format("2006-01-02")]; len(is) > 0 {
			consider(is[0])
		}
	}
	return false, later
}

// decidedEarlier reports whether the deciding body met or decided on or
// before the moment of the announcement (within maxDecisionGap days), or
// at a time the text does not let us order against it.
func decidedEarlier(acts []act, am moment) bool {
	for _, b := range acts {
		bm := momentOf(b.when)
		order, ok := compare(bm, am)
		if ok && order > 0 {
			continue
		}
		if within(bm, am, maxDecisionGap) || !ok && within(am, bm, maxDecisionGap) {
			return true
		}
	}
	return false
}

func within(a, b moment, days int) bool {
	if len(a.date) < 10 || len(b.date) < 10 {
		return false
	}
	if ta, ok := parseDay(a.date); ok {
		if tb, ok := parseDay(b.date); ok {
			return int(tb.Sub(ta).Hours()/24) <= days
		}
	}
	var ya, ma, da, yb, mb, db int
	fmt.Sscanf(a.date, "%d-%d-%d", &ya, &ma, &da)
	fmt.Sscanf(b.date, "%d-%d-%d", &yb, &mb, &db)
	return daysBetween(ya, ma, da, yb, mb, db) <= days
}

func (c *Checker) announcedFinding(p *Procedure, a, b act) model.Finding {
	am, bm := momentOf(a.when), momentOf(b.when)
	who := clean(a.who.Text)
	if who == "" {
		who = "Someone"
	}
	by := ""
	if b.body.By != "" {
		by = " by " + b.body.By
	}
	takes := "takes such decisions" + by + " under " + p.Institution + "'s procedure"
	if a.cond != "" {
		// "decides contracts above 500,000 euros …, and the text gives 3
		// million euro" or "… gives no amount".
		amount := "gives no amount"
		if a.amount != "" {
			amount = "gives " + a.amount
		}
		takes = "decides " + a.cond + by + " under " + p.Institution + "'s procedure (the text " + amount + ")"
	}
	summary := fmt.Sprintf("%s %s a decision of %s on %s, but the %s, which %s, %s only on %s: the announcement came %s.",
		who, clean(a.verb.Text), p.Institution, describe(am), b.body.Name, takes, c.pastOf(clean(b.verb.Text)), describe(bm), gap(am, bm))
	ev := []model.Evidence{
		model.EvidenceOf(a.doc.ID, a.sentence),
		model.EvidenceOf(a.doc.ID, a.when.Span),
		model.EvidenceOf(b.doc.ID, b.sentence),
		model.EvidenceOf(b.doc.ID, b.when.Span),
	}
	var evs []string
	for _, id := range []string{a.event, b.event} {
		if id != "" {
			evs = append(evs, id)
		}
	}
	return model.Finding{Kind: "announced-before-decision", Severity: model.SeverityHigh, Summary: summary, Evidence: ev, Events: evs}
}

// pastOf puts the verb or noun of a body's act in the past tense for a
// summary: the vocabulary's irregular forms ("met", "sat"; a meeting
// noun says "met"), else English's regular ending.
func (c *Checker) pastOf(v string) string {
	w := strings.ToLower(v)
	if p, ok := c.vocab.Past[w]; ok {
		return p
	}
	switch {
	case strings.HasSuffix(w, "ed"):
		return v
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "ied"
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

// decisionByWrongBody raises a finding when a body that the procedure
// says does not decide is reported as having decided: an act of deciding
// or approving that happened, by a body of p with no decides entry, on a
// matter that the procedure gives another body.
func (c *Checker) decisionByWrongBody(in *Input) []model.Finding {
	var out []model.Finding
	evs := in.docEvents()
	for _, p := range c.relevant(in) {
		for _, d := range in.Docs {
			for _, e := range evs.of(d.ID) {
				if e.Act != "decide" && e.Act != "approve" || !happened(e) || evs.reported(d.ID, e) || e.Matter == nil {
					continue
				}
				b := bodyOf(p, e.Source, nonDeciding)
				if b == nil || bodyOf(p, e.Source, deciding) != nil {
					continue
				}
				if !c.matterIn(p, e.Matter.Text) {
					continue // "decided to freeze hiring": not a matter the procedure gives another body
				}
				dec := p.Deciding("")
				names := make([]string, 0, len(dec))
				for _, x := range dec {
					names = append(names, x.Name)
				}
				summary := fmt.Sprintf("The text reports that the %s %s, but under %s's procedure such decisions are taken by the %s.",
					b.Name, clean(e.Trigger.Text), p.Institution, strings.Join(names, " or the "))
				from, to := min(e.Source.Start, e.Trigger.Start), max(e.Source.End, e.Trigger.End)
				if e.Source.End <= e.Source.Start {
					from = e.Trigger.Start
				}
				out = append(out, model.Finding{
					Kind: "decision-by-wrong-body", Severity: model.SeverityHigh, Summary: summary, Events: []string{e.ID},
					Evidence: []model.Evidence{model.EvidenceOf(d.ID, e.Sentence), model.EvidenceOf(d.ID, model.NewSpan(d.Text, from, to))},
				})
			}
		}
	}
	return out
}
