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

// announcements finds sentences in which someone other than a deciding
// body announces or confirms a decision of the institution, with a date.
func (c *Checker) announcements(in *Input, p *Procedure) []act {
	var out []act
	for _, st := range in.sentences() {
		s := st.span.Text
		vs, ve, ok := phraseAt(s, c.vocab.Announce)
		if !ok {
			continue
		}
		if _, stated := c.statedBefore(in, st.doc.ID, st.span, p); stated {
			continue // the sentence says the order itself: announcedBeforeStated
		}
		// "The Secretary recorded that the vice-chancellor informed …": the
		// record states the act; its subject is after "that".
		from := c.recordedClause(s[:vs])
		subject, content := s[from:vs], s[ve:]
		if c.reportedOrHedged(subject) {
			continue // "denied that he had confirmed …": a claim, not the act
		}
		if c.negatedBefore(s, ve) {
			continue
		}
		// The content must say a decision was taken ("had decided",
		// "approved"), not that one is expected, would be taken, or is
		// proposed ("recommends a rise, which the committee approved").
		ds, _, ok := phraseAt(content, c.vocab.Decided)
		if !ok || c.hasModal(content[:ds]) || c.negatedBefore(content, ds) || hasWord(content[:ds], c.vocab.Proposal) {
			continue
		}
		r := c.rulingOn(p, content)
		if b, _, _ := bodyIn(p, subject, deciding); b != nil && (len(r.bodies) == 0 || r.has(b)) {
			continue // the deciding body announcing its own decision
		}
		var ms []model.Mention
		if a := in.Analyses[st.doc.ID]; a != nil {
			ms = a.Mentions
		}
		contentSpan := sub(st.span, ve, len(s))
		if !institutionIn(p, content, ms, contentSpan) && len(r.bodies) == 0 {
			continue
		}
		t, ok := c.dated(in, st.doc.ID, st.span, st.span.Start+vs)
		if !ok {
			continue
		}
		who := c.subjectSpan(st.span, vs, in.timexesIn(st.doc.ID, st.span))
		if who.Start < st.span.Start+from {
			who = sub(st.span, from, who.End-st.span.Start)
			who = trimSpan(who)
		}
		// Only a body or office that speaks for the institution (a
		// secretary general, a city manager, a governor) makes an
		// announcement of the institution's decision; others report one.
		spoke, _, _ := bodyIn(p, subject, speaks)
		if spoke == nil {
			continue
		}
		a := act{doc: st.doc, sentence: st.span, verb: sub(st.span, vs, ve), who: who, when: t, body: spoke, amount: r.amount}
		for _, b := range r.bodies {
			a.deciders = append(a.deciders, bodyIndex(p, b))
		}
		if r.cond != nil {
			a.cond = r.cond.entry
		}
		out = append(out, a)
	}
	return out
}

// recordedClause returns where the clause after "<record verb> that"
// begins in before, the words before an announcing verb ("The Secretary
// recorded that"), or 0.
func (c *Checker) recordedClause(before string) int {
	rs, re, ok := phraseAt(before, c.vocab.RecordVerbs)
	if !ok {
		return 0
	}
	rest := before[re:]
	t := strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(strings.ToLower(t), "that ") {
		return 0
	}
	if hasWord(before[:rs], c.vocab.Denial) || c.hasModal(before[:rs]) || c.negatedBefore(before, rs) {
		return 0
	}
	return re + (len(rest) - len(t)) + len("that ")
}

// trimSpan drops the spaces around a span's words.
func trimSpan(sp model.Span) model.Span {
	l := len(sp.Text)
	t := strings.TrimLeft(sp.Text, " ,;:\n\t")
	sp.Start += l - len(t)
	t = strings.TrimRight(t, " ,;:\n\t")
	sp.End = sp.Start + len(t)
	sp.Text = t
	return sp
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

// subjectSpan returns the words before the verb at vs that name who
// acted, without a leading temporal expression, preposition or
// connective ("But", "However").
func (c *Checker) subjectSpan(s model.Span, vs int, timexes []model.Timex) model.Span {
	start := 0
	for _, t := range timexes {
		if e := t.End - s.Start; e <= vs && e > start {
			start = e
		}
	}
	text := s.Text[start:vs]
	for {
		trimmed := strings.TrimLeft(text, " ,;:\n\t")
		start += len(text) - len(trimmed)
		text = trimmed
		f := strings.Fields(text)
		if len(f) < 2 || !containsFold(c.vocab.Connectives, strings.Trim(f[0], ",;:")) {
			break
		}
		i := strings.Index(text, f[0]) + len(f[0])
		start += i
		text = text[i:]
	}
	text = strings.TrimRight(text, " ,;:\n\t")
	return sub(s, start, start+len(text))
}

// bodyActs finds sentences in which a deciding body meets or decides, with
// a date: from the sentence's events where one records it
// (eventBodyActs), else by searching the sentence for a meeting or
// decision phrase after the body's name. "Did not meet until X" counts as meeting at X; any other
// negated meeting does not count.
func (c *Checker) bodyActs(in *Input, p *Procedure) []act {
	var out []act
	evs := in.docEvents()
	for _, st := range in.sentences() {
		if acts, covered := c.eventBodyActs(in, p, st, evs.in(st.doc.ID, st.span)); covered {
			out = append(out, acts...)
			continue // the events say what the body did; no phrase search
		}
		s := st.span.Text
		b, bs, be := bodyIn(p, s, deciding)
		if b == nil {
			continue
		}
		if hasWord(s[:bs], c.vocab.Announce) {
			continue // someone reports that the body acted: that is a claim to check, not the act
		}
		rest := s[be:]
		ms, me, ok := phraseAt(rest, c.vocab.Meeting)
		if !ok {
			ms, me, ok = phraseAt(rest, c.vocab.Decision)
		}
		if !ok {
			continue
		}
		vs, ve := be+ms, be+me
		if hasWord(s[be:vs], c.vocab.Announce) {
			continue // "the manager announced that it had awarded …": a report
		}
		// "Did not meet until X", "did not meet before X": it met at X at
		// the earliest.
		if c.negatedBefore(s[bs:], vs-bs) && !hasWord(s[ve:], c.vocab.Until) && !hasWord(s[ve:], c.vocab.Before) {
			continue
		}
		if c.hasModal(s[:vs]) {
			continue // a meeting still to come decided nothing yet
		}
		t, ok := c.dated(in, st.doc.ID, st.span, st.span.Start+ve)
		if !ok {
			continue
		}
		out = append(out, act{doc: st.doc, sentence: st.span, verb: sub(st.span, vs, ve), who: sub(st.span, bs, be), when: t, body: b})
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
		who, clean(a.verb.Text), p.Institution, describe(am), b.body.Name, takes, pastOf(clean(b.verb.Text)), describe(bm), gap(am, bm))
	ev := []model.Evidence{
		model.EvidenceOf(a.doc.ID, a.sentence),
		model.EvidenceOf(a.doc.ID, a.when.Span),
		model.EvidenceOf(b.doc.ID, b.sentence),
		model.EvidenceOf(b.doc.ID, b.when.Span),
	}
	return model.Finding{Kind: "announced-before-decision", Severity: model.SeverityHigh, Summary: summary, Evidence: ev}
}

// pastOf puts a meeting verb in the past tense for a summary, and says
// "met" for a meeting noun ("session").
func pastOf(v string) string {
	switch strings.ToLower(v) {
	case "meet", "meets", "meeting", "session", "sitting":
		return "met"
	case "sit", "sits":
		return "sat"
	case "vote", "votes":
		return "voted"
	case "convenes":
		return "convened"
	case "decides":
		return "decided"
	case "reconvene", "reconvenes":
		return "reconvened"
	case "assemble", "assembles":
		return "assembled"
	case "deliberate", "deliberates":
		return "deliberated"
	}
	return v
}

// decisionByWrongBody raises a finding when a body that the procedure
// says does not decide is reported as having decided.
func (c *Checker) decisionByWrongBody(in *Input) []model.Finding {
	var out []model.Finding
	for _, p := range c.relevant(in) {
		for _, st := range in.sentences() {
			s := st.span.Text
			b, bs, be := bodyIn(p, s, nonDeciding)
			if b == nil {
				continue
			}
			rest := s[be:]
			vs, ve, ok := phraseAt(rest, c.vocab.Decide)
			if !ok || vs > 60 {
				continue // the verb must follow the body closely to be its verb
			}
			vs, ve = vs+be, ve+be
			if c.negatedBefore(s[bs:], vs-bs) || hasWord(s[be:vs], c.vocab.Subordinate) || c.hasModal(s[be:vs]) {
				continue
			}
			if b2, _, _ := bodyIn(p, s[be:vs], deciding); b2 != nil {
				continue // "the Secretary General said the Council approved"
			}
			if hasWord(s[:bs], c.vocab.Announce) {
				continue // reported: someone else is the subject
			}
			if !c.matterIn(p, s[ve:]) {
				continue // "decided to freeze hiring": not a matter the procedure gives another body
			}
			dec := p.Deciding("")
			names := make([]string, 0, len(dec))
			for _, d := range dec {
				names = append(names, d.Name)
			}
			summary := fmt.Sprintf("The text reports that the %s %s, but under %s's procedure such decisions are taken by the %s.",
				b.Name, clean(s[vs:ve]), p.Institution, strings.Join(names, " or the "))
			out = append(out, model.Finding{
				Kind: "decision-by-wrong-body", Severity: model.SeverityHigh, Summary: summary,
				Evidence: []model.Evidence{model.EvidenceOf(st.doc.ID, st.span), model.EvidenceOf(st.doc.ID, sub(st.span, bs, ve))},
			})
		}
	}
	return out
}
