package checks

import (
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// statedEarly is an announcement of which the sentence itself says that
// it came before the deciding body met: "X announced the sanctions on
// Friday, three days before the Foreign Affairs Council met".
type statedEarly struct {
	verb   model.Span // "announced"
	object model.Span // what was announced, up to the order word
	order  model.Span // "three days before the Foreign Affairs Council met"
	body   *Body
	when   *model.Timex
}

// statedBefore finds, in sentence s (a span of document doc), an
// announcement of a decision or an outcome of p that the sentence says
// came before a deciding body of p met or decided. ok is false when the
// sentence says no such thing.
func (c *Checker) statedBefore(in *Input, doc string, st model.Span, p *Procedure) (statedEarly, bool) {
	s := st.Text
	vs, ve, ok := phraseAt(s, c.vocab.Announce)
	if !ok || c.negatedBefore(s, ve) || c.reportedOrHedged(s[:vs]) {
		return statedEarly{}, false
	}
	if b, _, _ := bodyIn(p, s[:vs], deciding); b != nil {
		if r := c.rulingOn(p, s[ve:]); len(r.bodies) == 0 || r.has(b) {
			return statedEarly{}, false // the deciding body announcing its own decision
		}
	}
	if b, _, _ := bodyIn(p, s[:vs], speaks); b == nil {
		return statedEarly{}, false // only who speaks for the institution announces
	}
	ords, orde, ok := phraseAt(s[ve:], c.vocab.Before)
	if !ok {
		return statedEarly{}, false
	}
	ords, orde = ords+ve, orde+ve
	object := s[ve:ords]
	if c.hasModal(object) || hasWord(object, c.vocab.Subordinate) {
		return statedEarly{}, false
	}
	if !hasWord(object, c.vocab.Outcome) && !hasWord(object, c.vocab.Decision) && !c.matterIn(p, object) {
		return statedEarly{}, false
	}
	// The order word must govern the body: "before the Council met", not
	// "before the summit, where the Council met". Or it governs the
	// body's meeting or vote, unnamed ("before the vote"), when one body
	// alone decides what is announced.
	rest := s[orde:]
	var end int // the end of the order phrase in rest
	unnamed := false
	b, bs, be := bodyIn(p, rest, deciding)
	if b != nil && c.onlyArticles(rest[:bs]) {
		ms, me, ok := phraseAt(rest[be:], c.vocab.Meeting)
		if !ok {
			ms, me, ok = phraseAt(rest[be:], c.vocab.Decision)
		}
		if !ok || ms > 30 || c.hasModal(rest[be:be+ms]) || c.negatedBefore(rest[be:], ms) {
			return statedEarly{}, false
		}
		end = be + me
	} else {
		b, end, ok = c.unnamedMeeting(p, rest, object)
		if !ok {
			return statedEarly{}, false
		}
		unnamed = true
	}
	// The order phrase starts with what measures the gap ("three days").
	from := ords
	if g := strings.LastIndex(s[ve:ords], ","); g >= 0 {
		from = ve + g + 1
	}
	for from < ords && s[from] == ' ' {
		from++
	}
	out := statedEarly{
		verb:   sub(st, vs, ve),
		object: sub(st, ve, ords),
		order:  sub(st, from, orde+end),
		body:   b,
	}
	if t, ok := in.datedNear(doc, st, st.Start+vs); ok && t.Start < st.Start+ords {
		out.when = &t
	}
	if unnamed && out.when == nil {
		// "Minister reveals budget passed a day before the vote": a
		// headline's summing up, which the dated sentences tell.
		return statedEarly{}, false
	}
	return out, true
}

// unnamedMeeting reads the words after an order word as a deciding
// body's meeting or vote that the text does not name the body of: "the
// vote", "the meeting". It is the meeting of the one body that decides
// what object announces; "the vote in parliament" of another body is not.
// end is where the noun ends in rest.
func (c *Checker) unnamedMeeting(p *Procedure, rest, object string) (*Body, int, bool) {
	ns, ne, ok := phraseAt(rest, c.vocab.MeetingNouns)
	if !ok || strings.TrimSpace(rest[:ns]) == "" || !c.onlyArticles(rest[:ns]) {
		return nil, 0, false
	}
	r := c.rulingOn(p, object)
	if len(r.bodies) != 1 {
		return nil, 0, false
	}
	// "the vote in the Senate": whose meeting the words after it say.
	after := strings.Fields(rest[ne:])
	if len(after) > 0 && containsFold(c.vocab.MeetingOf, after[0]) {
		if b, _, _ := bodyIn(p, rest[ne:], deciding); b != r.bodies[0] {
			return nil, 0, false
		}
	}
	return r.bodies[0], ne, true
}

// reportedOrHedged reports whether the words before an announcing verb
// make the announcement a claim rather than a fact: it sits in a
// subordinate clause ("denied that he had announced", "claimed that the
// minister would have announced"), or under a modal or a denial.
func (c *Checker) reportedOrHedged(before string) bool {
	return hasWord(before, c.vocab.Subordinate) || c.hasModal(before) || hasWord(before, c.vocab.Denial)
}

// onlyArticles reports whether s holds nothing but spaces and articles.
func (c *Checker) onlyArticles(s string) bool {
	for _, w := range strings.Fields(s) {
		if !containsFold(c.vocab.Articles, w) {
			return false
		}
	}
	return true
}

// announcedBeforeStated raises announced-before-decision where a sentence
// itself says a decision was announced before the deciding body met ("…
// announced the sanctions on Friday, three days before the Council met").
// Such sentences are left out of the comparison of dates
// (announcements), so that one announcement gives one finding.
func (c *Checker) announcedBeforeStated(in *Input) []model.Finding {
	var out []model.Finding
	for _, p := range c.relevant(in) {
		for _, st := range in.sentences() {
			e, ok := c.statedBefore(in, st.doc.ID, st.span, p)
			if !ok {
				continue
			}
			who := clean(c.subjectSpan(st.span, e.verb.Start-st.span.Start, in.timexesIn(st.doc.ID, st.span)).Text)
			if who == "" {
				who = "Someone"
			}
			what := strings.TrimRight(clean(e.object.Text), " ,")
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
				who, clean(e.verb.Text), what, on, e.body.Name, by, p.Institution, clean(e.order.Text))
			ev := []model.Evidence{model.EvidenceOf(st.doc.ID, st.span), model.EvidenceOf(st.doc.ID, e.order)}
			if e.when != nil {
				ev = append(ev, model.EvidenceOf(st.doc.ID, e.when.Span))
			}
			out = append(out, model.Finding{Kind: "announced-before-decision", Check: "announced-before-decision",
				Severity: model.SeverityHigh, Summary: summary, Evidence: ev})
		}
	}
	return out
}
