package events

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// code finds the triggers of the sentence and appends their events.
// Batch coding skips the texts that Filter (filter.go) says have no
// trigger: a new way to find one must be known to Filter too.
func (s *sent) code(out []model.Event) []model.Event {
	first := len(out)
	n := len(s.low)
	for i := 0; i < n; i++ {
		if s.mAt[i] >= 0 {
			continue
		}
		verb, noun := triggerTags(s.tag(i), s.title)
		if verb {
			if es, _, ok := s.verbTrigger(i); ok && (len(es) > 0 || !noun || s.tag(i) != "VBG") {
				out = append(out, es...)
				continue
			}
			// a gerund that codes nothing as a verb may as a noun:
			// "Fighting between Azerbaijan and Armenia continued"
		}
		if noun {
			out = append(out, s.nounTrigger(i)...)
		}
	}
	out = s.obligations(out)
	out = append(out[:first], untargetedTwins(out[first:])...)
	// Text order: a reported obligation is found after the rest.
	evs := out[first:]
	sort.SliceStable(evs, func(a, b int) bool { return evs[a].Trigger.Start < evs[b].Trigger.Start })
	return out
}

// triggerTags reports whether a word tagged tag (Penn; "" for none) may
// trigger as a verb and as a noun, in a headline in title case or not: a
// verb is a verb, or in a headline a proper noun; a noun is a common
// noun, a gerund or an adjective, or in a headline a proper noun too (else
// a proper noun is a name, not an event noun: "March" the month).
func triggerTags(tag string, title bool) (verb, noun bool) {
	proper := tag == "NNP" || tag == "NNPS"
	verb = isVerbTag(tag) || title && proper || tag == ""
	noun = isNounTag(tag) && (title || !proper) || tag == "VBG" || tag == "JJ" || tag == ""
	return verb, noun
}

// questionEnd reports whether the word w at k of a sentence of n words
// makes it a question: a question mark among its last two words. The
// coder codes no question.
func questionEnd(w string, k, n int) bool { return w == "?" && k >= n-2 }

// misreadAux reports whether the trigger verb at i was read as an
// auxiliary of the next verb although it is none ("Zambia extradited
// suspected …"): a finite content verb.
func (s *sent) misreadAux(i int) bool {
	return s.relIs(i, "aux") && text.FiniteTag(s.tag(i)) && s.tag(i) != "MD" && !s.auxLike(i) && s.head(i) > i
}

// mentionAfter returns the mention that starts at token j or after only
// determiners, numbers, adjectives and participles, or -1.
func (s *sent) mentionAfter(j int) int {
	for k := j; k < len(s.toks) && k < j+4; k++ {
		if m := s.mAt[k]; m >= 0 {
			return m
		}
		switch s.tag(k) {
		case "DT", "CD", "JJ", "VBN", "PRP$":
		default:
			return -1
		}
	}
	return -1
}

// prepMentionAfter returns the mention right after one of preps in the
// clause after token j (up to a comma or a clause word), or -1.
func (s *sent) prepMentionAfter(j int, preps []string) int {
	for k := j; k+1 < len(s.toks) && k < j+12; k++ {
		if s.low[k] == "," || s.boundary(k) {
			return -1
		}
		if contains(preps, s.low[k]) {
			if m := s.mentionAfter(k + 1); m >= 0 {
				return m
			}
		}
	}
	return -1
}

// untargetedTwins drops from the events of one sentence an event with no
// target when another has the same source, code and flags and a target:
// in "did not praise or thank Uganda" the object hangs on "thank" alone,
// and praising without one is the same act.
func untargetedTwins(evs []model.Event) []model.Event {
	out := evs[:0]
	for i, e := range evs {
		if e.Target == nil && hasTargetedTwin(evs, i) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func hasTargetedTwin(evs []model.Event, i int) bool {
	e := evs[i]
	for j, o := range evs {
		if j != i && o.Target != nil && o.Source.Span == e.Source.Span && o.CAMEO == e.CAMEO &&
			o.Negated == e.Negated && o.Future == e.Future && o.Hypothetical == e.Hypothetical {
			return true
		}
	}
	return false
}

// headline reports whether the sentence is written in title case (most
// words capitalised), where the tagger's NNP tags are unreliable.
func (s *sent) headline() bool { return titleCase(s.toks) }

// titleCase reports whether most words of toks are capitalised: a
// headline in title case (see headline; Filter asks it too).
func titleCase(toks []text.Token) bool {
	caps, words := 0, 0
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		c := t.Text[0]
		if c >= 'a' && c <= 'z' {
			words++
		} else if c >= 'A' && c <= 'Z' {
			words++
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// matchRest reports whether the words rest follow token i, and where the
// phrase ends.
// One adverb may stand between the verb and the phrase's next word
// ("pushing hard for", "called again for"), not one of direction
// ("looking off into the distance": grammar directional_adverbs).
func (s *sent) matchRest(i int, rest []string) (int, bool) {
	j := i + 1
	for n, w := range rest {
		if n == 0 && j+1 < len(s.low) && (s.tag(j) == "RB" || s.relIs(j, "advmod") && s.head(j) == i) && !s.lx.wordMatches(w, s.low[j]) && s.lx.wordMatches(w, s.low[j+1]) && !s.lx.is("negators", s.low[j]) && !s.lx.is("directional_adverbs", s.low[j]) {
			j++
		}
		if j >= len(s.low) || !s.lx.wordMatches(w, s.low[j]) {
			return 0, false
		}
		j++
	}
	return j, true
}

func (s *sent) verbTrigger(i int) ([]model.Event, int, bool) {
	if s.tag(i) == "VBN" && i > 0 && s.lx.is("grading_adverbs", s.low[i-1]) && i+1 < len(s.toks) && isNounTag(s.tag(i+1)) &&
		s.dep(i, "aux", "aux:pass") < 0 {
		// a participle graded by an adverb of degree before a noun,
		// "Britain's emotionally charged uprising": an adjective of
		// quality, no act, however the parse hangs it (not "recently
		// imposed sanctions")
		return nil, 0, false
	}
	var cands []entry
	var ends []int
	lemma := ""
	for _, l := range s.verbLemmas(i) {
		for _, e := range s.lx.verbs[l] {
			if j, ok := s.matchRest(i, e.rest); ok {
				cands = append(cands, e)
				ends = append(ends, j)
			}
		}
		if len(cands) > 0 {
			lemma = l
			break
		}
	}
	if len(cands) == 0 {
		return nil, 0, false
	}
	// Longest phrase first ("call on" before "call").
	for a := 1; a < len(cands); a++ {
		for b := a; b > 0 && ends[b] > ends[b-1]; b-- {
			cands[b], cands[b-1] = cands[b-1], cands[b]
			ends[b], ends[b-1] = ends[b-1], ends[b]
		}
	}
	s.nearestRuleFirst(cands, ends, i)
	if s.tag(i) == "NNP" || s.tag(i) == "NNPS" || s.tag(i) == "" {
		// Headline words: only a verb between two mentions.
		if i == 0 || s.mAt[i-1] < 0 {
			return nil, 0, false
		}
	}
	// The clause is the verb's; a copula's is its predicate's ("will be
	// helpful to Togo").
	r := i
	if s.relIs(i, "cop", "aux") && s.head(i) >= 0 {
		r = s.head(i)
	}
	ctx := s.clause(r, 0)
	if r != i && r < ends[0] {
		// "is opposed to", "be helpful to": the phrase is a predicate,
		// not a passive.
		ctx.passive = false
	}
	// A threat codes itself: "X threatened to impose an embargo on Y" is
	// a threat (its rules read the infinitive), not a hypothetical embargo.
	stmt := s.lx.is("statement", lemma)
	if ctx.skip || !stmt && s.governsTrigger(i, ends[0]) {
		return nil, ends[0], true
	}
	if s.lx.is("mandative_only", lemma) {
		// "X insisted that it was innocent": a statement, no demand; so
		// is one with neither a that-clause nor what is insisted on
		// ("Though they insist they aren't trying to …", with the parse
		// hanging "insist" on "trying")
		if c := s.dep(r, "ccomp"); c >= 0 && !s.demandedClause(c) || c < 0 && !s.insistedOn(r) {
			return nil, ends[0], true
		}
	}
	if s.relIs(r, "xcomp", "obj") && s.received(r) {
		// "Mr. Sanders has backing from 33 percent": received
		return nil, ends[0], true
	}
	if c := s.dep(r, "ccomp"); c >= 0 && s.lx.is("view_verbs", lemma) && s.dep(r, "xcomp") < 0 && !s.saysAct(c) {
		// "Most Democrats agree that a president should not …": a view
		// shared, no agreement to act
		return nil, ends[0], true
	}
	if s.lx.is("warning_verbs", lemma) && s.warnsOf(r) {
		// "warned us about those …", "warned of a ferocious battle
		// ahead": a warning of a danger, no threat
		return nil, ends[0], true
	}
	if s.lx.is("quantity_verbs", lemma) && ends[0] < len(s.low) && s.low[ends[0]] == "to" && ends[0]+1 < len(s.low) && (s.tag(ends[0]+1) == "CD" || s.tag(ends[0]+1) == "$") {
		// "fees declined to $281 million": a fall, no refusal.
		return nil, ends[0], true
	}
	if s.lx.is("question_verbs", lemma) && s.asksQuestion(r) {
		// "a reporter asked if …", "Paul asked how …": a question, no
		// appeal.
		return nil, ends[0], true
	}
	if s.lx.is("no_object", lemma) && s.dep(r, "obj") >= 0 {
		// "rallying their base", "demonstrated an ambition": no protest.
		return nil, ends[0], true
	}
	for ci, e := range cands {
		j := ends[ci]
		ctx := ctx
		if (e.p.ExpressesIntent || stmt) && ctx.expr < 0 {
			// "Kenya offered …", "we will develop a plan …", "Kenya
			// threatened …": the trigger itself states the intention.
			ctx.expr, ctx.exprOpen = i, ctx.fut || ctx.hypo
		}
		ctx.stmt = stmt
		code, rule, tgtOpt, ok := s.chooseCode(e.p, i, j, ctx.intent || ctx.fut)
		if ctx.purpose {
			code, rule, tgtOpt, ok = s.lx.purposeCode(s.lemma(r)), nil, true, true
		}
		if !ok {
			if rule != nil { // a rule that says "do not code"
				return nil, j, true
			}
			continue
		}
		if s.phraseCodesItself(r, rule, j) {
			// "announced that it will impose a curfew": the reported act
			// is coded by its own verb, not again by the announcement.
			return nil, j, true
		}
		var src, tgt []int
		inf := -1
		if stmt {
			inf = s.infinitive(r)
		}
		var extra []string
		if ctx.passive {
			src = s.agent(r)
			if len(src) == 0 {
				// No agent: we do not invent one.
				return nil, j, true
			}
			tgt = s.subjects(ctx)
		} else {
			src = s.subjects(ctx)
			switch {
			case stmt && inf < 0 && s.dep(r, "ccomp") >= 0:
				// "X warned that Y will no longer tolerate …": a warning
				// about what Y will do is addressed to Y, if Y is an actor.
				tgt = s.actors(s.clause(s.dep(r, "ccomp"), 1).subj)
				tgtOpt = true
				if len(tgt) == 0 && s.dep(r, "obj", "iobj") < 0 {
					// "Obama warned that the museum would not be a
					// panacea": a warning addressed to no one, about no
					// actor, threatens nothing
					return nil, j, true
				}
			case inf >= 0:
				// "X threatened to impose an embargo on Y": the threatened
				// action's target is the threat's; with none, there is
				// none, and the threatened action is context.
				tgt, extra = s.governed(inf)
				tgtOpt = true
			case rule != nil && rule.Target == "beneficiary":
				tgt, tgtOpt = s.beneficiary(rule, j), false
			case ctx.purpose:
				// "to protest against Y", "to protest Y's decision"
				tgt = s.targets(r, i, j, true, []string{"against", "at", "over"})
			default:
				tgt = s.targets(r, i, j, e.p.Object, s.phrasePreps(e))
				if c := s.thatClause(r); len(tgt) == 0 && c >= 0 && s.demandedBy(c, r) {
					// "X demanded that Y withdraw": the demand is made on Y.
					if g := s.clause(c, 1); !g.passive {
						tgt = s.actors(g.subj)
					}
				}
				if len(tgt) == 0 && s.misreadAux(i) {
					// "Zambia extradited suspected British militant X to
					// Britain": the verb read as an auxiliary has its
					// object right after it and its prepositions' objects
					// in its clause.
					if m := s.mentionAfter(j); m >= 0 && e.p.Object {
						tgt = []int{m}
					} else if m := s.prepMentionAfter(j, s.phrasePreps(e)); m >= 0 {
						tgt = []int{m}
					}
				}
				if len(tgt) == 0 && e.p.Object && !e.p.TargetRequired && materialAct(code) && s.objectNamesNoActor(r) {
					// "killed 23 people", "blocked a road": the object of a
					// material act is there and is no actor; the act is
					// still the source's, with no target.
					tgtOpt = true
				}
			}
		}
		if len(src) == 0 {
			return nil, j, true
		}
		src = s.localSources(src, code, r)
		ev := model.Event{
			Doc: s.doc.ID, Sentence: s.span,
			Trigger:      model.NewSpan(s.doc.Text, s.toks[i].Start, s.toks[j-1].End),
			Negated:      ctx.neg,
			Future:       ctx.fut || e.p.ExpressesIntent,
			Hypothetical: s.hypothetical(ctx, code) || s.unas[i],
			Pattern:      patternID(e.p, rule),
		}
		if ctx.purpose {
			ev.Pattern += ".purpose"
		}
		base := code // the code of the act itself, not of its intent
		if ctx.intent || ctx.fut {
			if bc, _, _, ok := s.chooseCode(e.p, i, j, false); ok {
				base = bc
			}
		}
		rc := s.lx.refusedCode(base)
		switch {
		case ctx.refuser >= 0 && ctx.refuser < i && rc != "":
			// "X refused to meet Y": X rejected a meeting with Y. The
			// trigger runs from the refusal to the refused verb.
			code = rc
			ev.Negated, ev.Future = false, false
			ev.Trigger = model.NewSpan(s.doc.Text, s.toks[ctx.refuser].Start, s.toks[j-1].End)
			ev.Pattern += ".refused"
			tgtOpt = true
		case ctx.neg && ctx.fut && !ctx.dated && !ctx.hypo && rc != "" && !ev.Hypothetical:
			// "X will not lift the curfew": a refusal stated now.
			code = rc
			ev.Negated, ev.Future = false, false
			ev.Pattern += ".refused"
			tgtOpt = true
		case !ctx.neg && !ctx.dated && !stmt && code == base && !s.unas[i] && (ctx.fut || ctx.modal && s.hypo && !s.lx.is("conditional", s.marker(r)) || s.announcedIntent(r, rule, j)):
			// "X will impose a curfew", "X is prepared to impose martial
			// law", "X may halt mediation if …", "X announced that it will
			// extend the curfew": an announced act of force or coercion
			// is a threat.
			if tc := s.lx.prefixCode("intended", code); tc != "" {
				code = tc
				ev.Pattern += ".intended"
				tgtOpt = true
			}
		}
		if vc := s.verbalAttack(e.p, base, i, src, tgt); vc != "" && (code == base || code == s.lx.prefixCode("intended", base)) {
			// "Christie attacked Rubio for not answering": words, not
			// force (a threat of words is none)
			code = vc
			ev.Pattern += ".verbal"
		}
		if len(tgt) == 0 && !ctx.passive {
			pv := r
			if inf >= 0 {
				pv = inf
			}
			if pm := s.placeTarget(code, pv, src); pm >= 0 {
				tgt = []int{pm}
				ev.Pattern += ".place"
			}
		}
		if len(tgt) == 0 && force(base) && !strings.HasSuffix(ev.Pattern, ".verbal") && (rule == nil || len(rule.After) == 0) && s.abstractObject(r, i, j) {
			// (not when the pattern's rule names the object: "violating
			// the ceasefire agreement")
			// "Germany targets a surge of vitriol", "we will fight the
			// tide of violence": force against what no one can strike is
			// a figure of speech
			return nil, j, true
		}
		// "X and Y met", "X and Y are fighting": each the other's
		// target, unless the verb has one the dictionary does not know
		// ("Syria and Russia are fighting ISIS"; by the pattern's own
		// prepositions, not the phrase's: "Hillary and I agree on that"
		// agree with each other)
		reciprocal := e.p.Reciprocal && !(len(tgt) == 0 && !ctx.passive && s.targetSlot(r, i, j, e.p.Object, e.p.Preps))
		if e.p.TargetParty && len(tgt) == 0 && !(reciprocal && len(src) > 1) && (rule == nil || rule.Target != "optional") &&
			!ctx.passive && !s.targetSlot(r, i, j, false, s.phrasePreps(e)) && !s.nounAfterPhrase(i, j) {
			// "Cruz was discussing his immigration plan": a topic, and
			// no one it was discussed with (by the phrase's own
			// preposition too: "spoke to NBC's Hallie Jackson"; a
			// direct object is what is offered or discussed, no
			// party: "La Guardia does offer a marketing perk"). A
			// passive names what was done, not with whom: "the support
			// offered by NATO" stays an offer.
			tgtOpt = false
		}
		evs := s.emit(ev, code, src, tgt, tgtOpt, reciprocal)
		for k := range evs {
			for _, c := range extra {
				if !contains(evs[k].Context, c) {
					evs[k].Context = append(evs[k].Context, c)
				}
			}
		}
		return evs, j, true
	}
	return nil, 0, false
}

// verbLemmas returns the candidate lemmas of the verb at i: the parser's,
// then the forms the pattern lemmatiser proposes.
func (s *sent) verbLemmas(i int) []string {
	s.buf = s.lx.lemmas(s.low[i], s.buf[:0])
	if l := s.lemma(i); l != s.low[i] && !contains(s.buf, l) {
		s.buf = append(s.buf, l)
	}
	return s.buf
}

// nounAfterPhrase reports whether the trigger phrase [i, j) ends with a
// preposition that a noun phrase follows ("spoke with POLITICO senior
// writer X", which the parse may hang elsewhere): the text names the
// other party.
func (s *sent) nounAfterPhrase(i, j int) bool {
	if j-1 <= i || j >= len(s.low) || !s.lx.is("prepositions", s.low[j-1]) {
		return false
	}
	for k := j; k < len(s.low) && k < j+6; k++ {
		switch t := s.tag(k); {
		case t == "PRP":
			return true
		case strings.HasPrefix(t, "NN"):
			// (not a manner: "speaks with difficulty")
			return !s.lx.is(abstractNouns, s.lemma(k))
		case t == "DT", t == "CD", t == "JJ", t == "PRP$":
		default:
			return false
		}
	}
	return false
}

// phrasePreps returns the prepositions that may introduce the target of
// trigger e: the pattern's, and the last word of a phrase that ends in a
// preposition ("talk to X").
func (s *sent) phrasePreps(e entry) []string {
	if n := len(e.rest); n > 0 && s.lx.is("prepositions", e.rest[n-1]) && !contains(e.p.Preps, e.rest[n-1]) {
		return append(append([]string(nil), e.p.Preps...), e.rest[n-1])
	}
	return e.p.Preps
}

// governed reads the infinitive verb at v that a threat governs: the
// target its own pattern would take, and the PLOVER context of the code
// it would have.
func (s *sent) governed(v int) (tgt []int, context []string) {
	for _, l := range s.verbLemmas(v) {
		for _, e := range s.lx.verbs[l] {
			end, ok := s.matchRest(v, e.rest)
			if !ok {
				continue
			}
			tgt = s.targets(v, v, end, e.p.Object, s.phrasePreps(e))
			if code, _, _, ok := s.chooseCode(e.p, v, end, false); ok {
				context = s.lx.codes[code].Context
			}
			return tgt, context
		}
	}
	return s.targets(v, v, v+1, true, nil), nil
}

// chooseCode picks the code of pattern p for the trigger [i, j): the first
// matching rule's, else the pattern's; the intent code when intended.
// ok is false when the pattern does not code this use; rule is then set
// when a rule explicitly said "no code".
func (s *sent) chooseCode(p *Pattern, i, j int, intended bool) (code string, rule *Rule, tgtOpt, ok bool) {
	code, intent := p.CAMEO, p.Intent
	tgtOpt = p.TargetOptional
	for ri := range p.Rules {
		r := &p.Rules[ri]
		if s.ruleMatches(r, i, j) {
			rule = r
			code = r.CAMEO
			if r.Intent != "" {
				intent = r.Intent
			}
			switch r.Target {
			case "optional":
				tgtOpt = true
			case "required":
				tgtOpt = false
			}
			break
		}
	}
	if code == "" {
		return "", rule, tgtOpt, false
	}
	if intended && intent != "" {
		code = intent
	}
	ci, known := s.lx.codes[code]
	if !known {
		return "", nil, tgtOpt, false
	}
	if !tgtOpt && !p.TargetRequired && (rule == nil || rule.Target != "required") && ci.PLOVER != "" && !s.lx.is("recipient_required", strings.ToLower(ci.PLOVER)) {
		// PLOVER needs no recipient for this type (grammar.yaml).
		tgtOpt = true
	}
	return code, rule, tgtOpt, true
}

// saysAct reports whether the clause of verb c says what will be done:
// an auxiliary of view_acts ("talks would resume").
func (s *sent) saysAct(c int) bool {
	var a [8]int
	for _, d := range s.deps(c, a[:0]) {
		if s.relIs(d, "aux") && s.lx.is("view_acts", s.low[d]) {
			return true
		}
	}
	return false
}

func patternID(p *Pattern, r *Rule) string {
	if r == nil {
		return p.ID
	}
	return p.ID + "." + r.ID
}

func (s *sent) ruleMatches(r *Rule, i, j int) bool {
	if len(r.After) == 0 && len(r.Before) == 0 {
		return true
	}
	if s.afterPhrase(r, j) >= 0 {
		return true
	}
	for _, ph := range r.Before {
		f := s.lx.fields(ph)
		if s.phraseIn(f, max(0, i-len(f)-2), i) {
			return true
		}
	}
	return false
}

// afterPhrase returns the end (the token after its last word) of the
// first of r's After phrases found in the clause after token j, or -1:
// of several, the one that starts first in the text.
func (s *sent) afterPhrase(r *Rule, j int) int {
	_, e := s.firstAfter(r, j)
	return e
}

// firstAfter returns where the first of r's After phrases found in the
// clause after token j starts and ends (the token after its last word),
// or (-1, -1): of several, the one that starts first in the text.
func (s *sent) firstAfter(r *Rule, j int) (int, int) {
	end, commas := j, 0
	for end < len(s.low) && end < j+12 {
		w := s.low[end]
		if w == ";" || w == "." || (s.lx.is("clause", w) && w != "that") {
			break
		}
		if w == "," {
			if commas == 0 && end > j && end+1 < len(s.low) && s.tag(end+1) == "IN" {
				// a phrase the first comma sets off is an aside ("sent a
				// letter, against the advice of …"); a second comma may
				// close an apposition ("forced the agency, UNHCR, out of")
				break
			}
			commas++
		}
		end++
	}
	bestStart, bestEnd := -1, -1
	for _, ph := range r.After {
		if st, en := s.phraseAt(s.lx.fields(ph), j, end); st >= 0 && (bestStart < 0 || st < bestStart) {
			bestStart, bestEnd = st, en
		}
	}
	return bestStart, bestEnd
}

// nearestRuleFirst reorders candidate triggers of equal length whose
// codes both come from an after-phrase of a rule so that the one whose
// phrase starts nearer the trigger comes first: in "cancelled a planned
// visit to Y after a state of siege was declared" the visit is what was
// cancelled, not the state of siege.
func (s *sent) nearestRuleFirst(cands []entry, ends []int, i int) {
	tie := false
	for k := 1; k < len(cands); k++ {
		tie = tie || ends[k] == ends[k-1] && cands[k].p != cands[k-1].p
	}
	if !tie {
		return
	}
	start := make([]int, len(cands))
	for k, e := range cands {
		start[k] = -1
		for ri := range e.p.Rules {
			r := &e.p.Rules[ri]
			if !s.ruleMatches(r, i, ends[k]) {
				continue
			}
			if r.CAMEO != "" && len(r.After) > 0 {
				start[k] = s.afterStart(r, ends[k])
			}
			break
		}
	}
	for a := 1; a < len(cands); a++ {
		for b := a; b > 0 && ends[b] == ends[b-1] && start[b] >= 0 && start[b-1] >= 0 && start[b] < start[b-1]; b-- {
			cands[b], cands[b-1] = cands[b-1], cands[b]
			ends[b], ends[b-1] = ends[b-1], ends[b]
			start[b], start[b-1] = start[b-1], start[b]
		}
	}
}

// afterStart returns where the first of r's After phrases found after
// token j starts (as afterPhrase finds it), or -1.
func (s *sent) afterStart(r *Rule, j int) int {
	st, _ := s.firstAfter(r, j)
	return st
}

// beneficiary finds the target of a rule with target "beneficiary": the
// actor that the matched After phrase acts on, its object or complement
// ("help Kenya", "boost the capacity of the Kenyan army"); nil when the
// phrase acts on no actor.
func (s *sent) beneficiary(r *Rule, j int) []int {
	k := s.afterPhrase(r, j)
	if k < 1 {
		return nil
	}
	if s.relIs(k-1, "case", "mark") {
		// "the capacity of X": the phrase ends with X's preposition.
		return s.actors(s.head(k - 1))
	}
	var a [16]int
	for _, d := range s.deps(k-1, a[:0]) {
		if d >= k && s.relIs(d, "obj", "iobj", "obl", "nmod") {
			if ms := s.actors(d); len(ms) > 0 {
				return ms
			}
		}
	}
	return nil
}

func (s *sent) phraseIn(ph []string, a, b int) bool {
	st, _ := s.phraseAt(ph, a, b)
	return st >= 0
}

// phraseAt finds the words of ph in tokens [a, b), in order, the first
// anywhere and each next one within two tokens of the previous. It
// returns where the match starts and ends, or -1, -1.
func (s *sent) phraseAt(ph []string, a, b int) (int, int) {
	if len(ph) == 0 {
		return -1, -1
	}
	for k := a; k < b; k++ {
		if !s.lx.wordMatches(ph[0], s.low[k]) {
			continue
		}
		pos, ok := k, true
		for _, w := range ph[1:] {
			found := false
			for x := pos + 1; x < b && x <= pos+3; x++ {
				if s.lx.wordMatches(w, s.low[x]) {
					pos, found = x, true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return k, pos + 1
		}
	}
	return -1, -1
}

// nounTrigger codes an event noun at token i.
func (s *sent) nounTrigger(i int) []model.Event {
	w := s.low[i]
	var cands []entry
	var ends []int
	for _, key := range []string{w, singular(w)} {
		for _, e := range s.lx.nouns[key] {
			if len(e.rest) == 0 && !(isNounTag(s.tag(i)) || s.tag(i) == "VBG" || s.tag(i) == "") {
				continue
			}
			if j, ok := s.matchRest(i, e.rest); ok {
				cands = append(cands, e)
				ends = append(ends, j)
			}
		}
		if len(cands) > 0 || key == singular(w) {
			break
		}
	}
	if len(cands) == 0 {
		return nil
	}
	for a := 1; a < len(cands); a++ {
		for b := a; b > 0 && ends[b] > ends[b-1]; b-- {
			cands[b], cands[b-1] = cands[b-1], cands[b]
			ends[b], ends[b-1] = ends[b-1], ends[b]
		}
	}
	e, j := cands[0], ends[0]
	p := e.p
	n := s.phraseHead(i, j)
	if s.lx.is("verbal_attack_patterns", p.ID) && s.modifiedBy(n, "figurative_attack_modifiers") {
		return nil // "a charm offensive", "a media blitz"
	}
	src, ctx, ok := s.nounSource(n, p)
	if !ok || len(src) == 0 {
		return nil
	}
	if s.lx.is("campaign_events", s.lemma(n)) && s.allPeople(src) && !s.protestsSomething(n) {
		// "Mr. Trump's rally": a campaign's, no protest (but "the
		// opposition leader's rally against the results" is one).
		return nil
	}
	code, rule, tgtOpt, ok := s.chooseCode(p, i, j, ctx.intent || ctx.fut)
	if !ok {
		return nil
	}
	tgt := s.nounTarget(n, p)
	if len(tgt) == 0 {
		tgt = s.patientOf(n)
	}
	if p.ExpressesIntent && ctx.expr < 0 {
		ctx.expr, ctx.exprOpen = i, ctx.fut || ctx.hypo
	}
	suffix := ""
	if ctx.fut && !ctx.neg && !ctx.dated && !p.ExpressesIntent {
		// "would tighten the blockade": an announced act of force or
		// coercion is a threat, as for verbs.
		if bc, _, _, ok := s.chooseCode(p, i, j, false); ok && bc == code {
			if tc := s.lx.prefixCode("intended", code); tc != "" {
				code, tgtOpt, suffix = tc, true, ".intended"
			}
		}
	}
	if vc := s.verbalAttack(p, code, i, src, tgt); vc != "" {
		// "Trump's attacks on a former Miss Universe": words
		code, suffix = vc, ".verbal"
	}
	if len(tgt) == 0 && force(code) && s.underAbstract(n) {
		// "Our freedom is under assault from an out-of-control federal
		// government": force against what no one can strike
		return nil
	}
	if len(tgt) == 0 {
		if pm := s.placeTarget(code, n, src); pm >= 0 {
			tgt = []int{pm}
			suffix += ".place"
		}
	}
	ev := model.Event{
		Doc: s.doc.ID, Sentence: s.span,
		Trigger:      model.NewSpan(s.doc.Text, s.toks[i].Start, s.toks[j-1].End),
		Negated:      ctx.neg,
		Future:       ctx.fut || p.ExpressesIntent,
		Hypothetical: s.hypothetical(ctx, code) || s.unas[i],
		Pattern:      patternID(p, rule) + suffix,
	}
	return s.emit(ev, code, src, tgt, tgtOpt, p.Reciprocal)
}

// asksQuestion reports whether the verb at v asks a question: a clause
// it governs opens with "if", "whether" or a question word ("asked how it
// is conservative"), or ends with a question mark, or it is asked "about"
// something, or its object is "the question".
func (s *sent) asksQuestion(v int) bool {
	for k := 1; k < v; k++ {
		if s.low[k-1] == "?" && quoteTag(s.tag(k)) {
			return true // “Would you meet them?” she asked.
		}
	}
	if o := s.off; v < 5 && o >= 2 && quoteTag(s.td.Tokens[o-1].Tag) && s.td.Tokens[o-2].Text == "?" &&
		s.dep(v, "xcomp", "ccomp") < 0 && s.sameParagraph(o-2, o) {
		return true // the quoted question split off as a sentence of its own
	}
	var a [16]int
	for _, d := range s.deps(v, a[:0]) {
		switch {
		case s.relIs(d, "ccomp", "advcl", "xcomp", "parataxis"):
			if s.lx.is("question_marks", s.marker(d)) {
				return true
			}
			f, e := s.subtree(d)
			if f >= 0 && f < len(s.toks) && strings.HasPrefix(s.tag(f), "W") && d > v {
				return true
			}
			for e > f+1 && e-1 < len(s.low) && quoteTag(s.tag(e-1)) {
				e-- // the closing quotation mark of a quoted question
			}
			if e < len(s.low) && s.low[e] == "?" || e > 0 && e-1 < len(s.low) && s.low[e-1] == "?" {
				return true
			}
		case s.relIs(d, "obl") && s.lx.is("topic_marks", s.marker(d)):
			return true
		case s.relIs(d, "obj") && s.lx.is("question_nouns", singular(s.low[d])):
			return true // "asked the question"
		}
	}
	r := v
	if s.relIs(r, "xcomp") && s.head(r) >= 0 {
		r = s.head(r) // "a question Democrats are beginning to ask"
	}
	if h := s.head(r); h >= 0 && s.relIs(r, "acl", "acl:relcl") {
		// "the question nobody asked", however the parse hangs the
		// relative clause: on the noun, or after it
		if f, _ := s.subtree(r); s.lx.is("question_nouns", singular(s.low[h])) || f > 0 && s.lx.is("question_nouns", singular(s.low[f-1])) {
			return true
		}
	}
	// right after whom it asks: "about" or a question word ("asked Trump
	// about statements he had made", "asked Obama what he thought"),
	// however the parse hangs them
	after := v + 1
	if o := s.dep(v, "iobj", "obj"); o > v {
		_, after = s.subtree(o)
		var b [8]int
		for _, d := range s.deps(o, b[:0]) {
			if d > o && s.relIs(d, "nmod") && s.lx.is("topic_marks", s.marker(d)) {
				return true // ("about …" hung on whom it asks)
			}
		}
	}
	if after < len(s.low) && (s.lx.is("topic_marks", s.low[after]) || strings.HasPrefix(s.tag(after), "W")) {
		return true
	}
	return false
}

// modifiedBy reports whether the noun n has, before it, a modifier
// (amod, compound) of the grammar list ("a verbal assault", "a charm
// offensive").
func (s *sent) modifiedBy(n int, list string) bool {
	var a [8]int
	for _, d := range s.deps(n, a[:0]) {
		if d < n && s.relIs(d, "amod", "compound") && s.lx.is(list, s.low[d]) {
			return true
		}
	}
	return false
}

// quoteTag reports whether a Penn tag is a quotation mark's. After a
// "?" either tag is a closing mark: the tagger, trained on straight
// quotes, gives a curly closing one the opening tag about one time in
// ten ("“… members?” Trump asked").
func quoteTag(tag string) bool { return tag == "''" || tag == "``" }

// sameParagraph reports whether document tokens a and b are in one
// paragraph.
func (s *sent) sameParagraph(a, b int) bool {
	td := s.td
	sa, sb := td.SentenceAt(td.Tokens[a].Start), td.SentenceAt(td.Tokens[b].Start)
	return sa >= 0 && sb >= 0 && td.Sentences[sa].Para == td.Sentences[sb].Para
}

// protestsSomething reports whether the event noun at n says what it is
// against: a phrase with "against" or "over", or a purpose of protest
// (the grammar's protest_purposes: "to protest …", "demanding …", not "to
// drum up support") hung on it or on its verb.
func (s *sent) protestsSomething(n int) bool {
	var a [16]int
	for _, h := range [2]int{n, s.head(n)} {
		if h < 0 {
			continue
		}
		for _, d := range s.deps(h, a[:0]) {
			if d <= n {
				continue
			}
			if m := s.marker(d); m == "against" || m == "over" || s.relIs(d, "advcl", "acl", "xcomp") && s.lx.is("protest_purposes", s.lemma(d)) {
				return true
			}
		}
	}
	return false
}

// allPeople reports whether every mention of ms is a person or a body
// that holds campaign events (the grammar's campaign_roles: a party).
func (s *sent) allPeople(ms []int) bool {
	for _, m := range ms {
		a := s.ms[m].Actor
		if !a.Person && !s.lx.is("campaign_roles", codeRole(a.Code)) {
			return false
		}
	}
	return len(ms) > 0
}

// codeRole returns the role part of an actor code, lower-cased: its last
// three letters ("gov" of "KENGOV"), or "" for a shorter code.
func codeRole(c string) string {
	if len(c) < 3 {
		return ""
	}
	return strings.ToLower(c[len(c)-3:])
}

// quotes reports whether the sentence quotes someone: a quotation of the
// text layer opens or closes in it.
func (s *sent) quotes() bool {
	for _, q := range s.paraQuotations() {
		if s.span.Contains(model.Span{Start: q.Open, End: q.OpenEnd}) || q.Close >= 0 && s.span.Contains(model.Span{Start: q.Close, End: q.CloseEnd}) {
			return true
		}
	}
	return false
}

// inQuotation reports whether word k of the sentence stands inside a
// quotation of the text layer (between its marks).
func (s *sent) inQuotation(k int) bool {
	if k < 0 || s.off+k >= len(s.td.Tokens) {
		return false
	}
	at := s.td.Tokens[s.off+k].Start
	for _, q := range s.paraQuotations() {
		if at >= q.OpenEnd && at < q.End() {
			return true
		}
	}
	return false
}

// paraQuotations returns the quotations of the sentence's paragraph.
func (s *sent) paraQuotations() []text.Quotation {
	si := s.td.SentenceAt(s.span.Start)
	if si < 0 {
		return nil
	}
	return s.td.ParagraphQuotations(s.td.Sentences[si].Para)
}

// maxReasonGap bounds the words between an attack verb and the "for" of
// the reason given for it ("assailed the Velgradi government for …").
const maxReasonGap = 6

// insistedOn reports whether the verb at v has what it insists on: an
// oblique or a clause with "on" ("insisted on talks", "insisted on
// building a wall").
func (s *sent) insistedOn(v int) bool {
	if v+1 < len(s.low) && s.low[v+1] == "on" {
		return true // (whatever the parse hangs "on" on)
	}
	var b [16]int
	for _, d := range s.deps(v, b[:0]) {
		if d > v && s.relIs(d, "obl", "advcl") && s.marker(d) == "on" {
			return true
		}
	}
	return false
}

// verbalAttack returns the code of a verbal attack (the grammar's
// verbal_attack_code) when the attack at trigger word i, coded code by
// pattern p with sources src and targets tgt, is words, not force: p is
// one of the grammar's verbal_attack_patterns and the trigger one of its
// verbal_attack words ("attacked", "the attacks", "hit", "shot back"; not
// "invasion" or "stormed"); code is the pattern's own (no rule of weapons
// matched: "hit X with missiles" stays an air strike); every source is a
// person, a body that speaks rather than fights (verbal_attack_roles: a
// party, the media, a legislature), one that attacks people who speak
// (verbal_targets: "attacking critics") and neither fights nor holds
// office, a source with no code that gives a reason ("hitting Trump
// for using eminent domain"), or a proper name no dictionary knows
// ("Sanders has attacked Clinton", of no country and no armed group),
// which attacks only targets that speak or are such names themselves;
// no target is a country or an armed group
// (armed_roles), and a source holding office of state (state_roles) or
// taken for its reason attacks only targets that speak; what is attacked
// is no place, building or gathering (physical_targets: "attacked a
// nightclub"); and no word of the sentence is one of force (force_words).
// "Christie attacked Rubio for not answering", "Trump's attacks on a
// former Miss Universe": criticism, not assault; "Putin attacked
// Ukraine" stays force. "" when the attack stays one.
func (s *sent) verbalAttack(p *Pattern, code string, i int, src, tgt []int) string {
	vc := s.lx.grammar["verbal_attack_code"]
	if len(vc) == 0 || len(src) == 0 || code != p.CAMEO || !s.lx.is("verbal_attack_patterns", p.ID) {
		return ""
	}
	if s.modifiedBy(i, "force_attack_modifiers") {
		return "" // "his murderous attack on club goers"
	}
	if _, ok := s.lx.codes[vc[0]]; ok && s.modifiedBy(i, "verbal_attack_modifiers") {
		return vc[0] // "his verbal assault on the nominee"
	}
	word, back := false, false
	for _, l := range s.verbLemmas(i) { // the parser's lemma, and the patterns' ("shot" → "shoot")
		word = word || s.lx.is("verbal_attack", l)
		back = back || s.lx.is("verbal_attack_back", l)
	}
	if !word || back && (i+1 >= len(s.low) || s.low[i+1] != "back") {
		return "" // "shot back" may be words; "shot" is not
	}
	// "“Let me talk,” Trump shot back": a retort in a sentence that
	// quotes it is words, by whoever says it (a surname no one resolves
	// is no known person)
	retort := back && s.attacked(i) < 0 && s.quotes()
	role, country, onSpeakers := codeRole, s.lx.countryCode, s.attacksSpeakers(i)
	speaks := func(a model.Actor) bool {
		return a.Person || s.lx.is("verbal_attack_roles", role(a.Code)) ||
			onSpeakers && !country(a.Code) && !s.lx.is("armed_roles", role(a.Code)) && !s.lx.is("state_roles", role(a.Code))
	}
	// "hitting Trump for using eminent domain": a reason given for the
	// attack is one for criticism, whoever names it (an unresolved
	// surname is no known person)
	reason := false
	var b [16]int
	for _, d := range s.deps(i, b[:0]) {
		reason = reason || d > i && s.relIs(d, "advcl", "obl") && s.marker(d) == "for" && s.tag(d) == "VBG"
	}
	for j := i + 1; !reason && j+1 < len(s.low) && j <= i+maxReasonGap; j++ {
		// (the parse may hang "for holding" elsewhere: the words right
		// after the object)
		if s.tag(j) == "." || s.tag(j) == "," {
			break
		}
		reason = s.low[j] == "for" && s.tag(j+1) == "VBG"
	}
	if reason && s.lx.is("verbal_attack_for_reason", s.lemma(i)) {
		return vc[0] // "assailed Ukraine for holding exercises": criticism
	}
	if s.lx.is("verbal_attack_needs_target", p.ID) {
		// "clash with Megyn Kelly, a star anchor": words only against
		// someone who speaks ("resolved to fight ISIS", "fighting
		// climate change" are not)
		if len(tgt) == 0 {
			return ""
		}
		for _, m := range tgt {
			if !speaks(s.ms[m].Actor) {
				return ""
			}
		}
	}
	state, byReason, byName := false, false, false
	for _, m := range src {
		a := s.ms[m].Actor
		switch {
		case speaks(a):
		case (reason || retort) && a.Code == "":
			byReason = true // taken only for the reason given or the retort
		case s.unknownMention(m):
			// "Sanders has attacked Clinton as too cozy with Wall
			// Street": a name no dictionary knows, of no country and no
			// armed group, attacks in words unless a word of force, a
			// place or a country says otherwise
			byName = true
		default:
			return ""
		}
		state = state || country(a.Code) || s.lx.is("state_roles", role(a.Code))
	}
	for _, m := range tgt {
		a := s.ms[m].Actor
		if !a.Person && (country(a.Code) || s.lx.is("armed_roles", role(a.Code))) {
			return "" // a country or an armed group is attacked with force
		}
		if (state || byReason) && !speaks(a) || byName && !speaks(a) && !s.unknownMention(m) {
			return ""
		}
	}
	if o := s.attacked(i); o >= 0 && s.lx.is("physical_targets", singular(s.low[o])) {
		// "Omar Mateen attacked a nightclub", "attacked the crowd": a
		// place, a building or people gathered are attacked with force
		return ""
	}
	for k := range s.low {
		if s.lx.is("force_words", s.low[k]) {
			return ""
		}
	}
	if _, ok := s.lx.codes[vc[0]]; !ok {
		return ""
	}
	return vc[0]
}

// thatClause returns the clause verb v reports: its clausal complement,
// or one the parse hung on a day right after the verb ("demanded
// Friday that the United States match …", with the clause under
// "Friday"); -1 for none.
func (s *sent) thatClause(v int) int {
	if c := s.dep(v, "ccomp"); c >= 0 {
		return c
	}
	var a, b [16]int
	for _, d := range s.deps(v, a[:0]) {
		if d != v+1 || !s.lx.is("time_nouns", s.low[d]) {
			continue
		}
		for _, c := range s.deps(d, b[:0]) {
			if c > d && s.relIs(c, "acl") && s.marker(c) == "that" {
				return c
			}
		}
	}
	return -1
}

// unknownMention reports whether mention m is a proper name that no
// dictionary knows: no code, not known as a person, every word of it
// tagged a proper noun (or an initial's full stop).
func (s *sent) unknownMention(m int) bool {
	if s.ms[m].Actor.Code != "" || s.ms[m].Actor.Person || s.ms[m].Pronominal() {
		return false
	}
	r := s.mtok[m]
	if r[0] < 0 || r[1] <= r[0] {
		return false
	}
	for k := r[0]; k < r[1]; k++ {
		if t := s.tag(k); t != "NNP" && t != "NNPS" && !(t == "." && k > r[0]) {
			return false
		}
	}
	return true
}

// warnsOf reports whether the verb at v has an "about" or "of" phrase
// after it, on it or (as the parser may hang it) on its object, of
// something that is no act of force (the grammar's threat_nouns: "warned
// of more attacks" is a threat).
func (s *sent) warnsOf(v int) bool {
	var a, b [16]int
	for _, d := range s.deps(v, a[:0]) {
		if d < v {
			continue
		}
		if m := s.marker(d); s.relIs(d, "obl") && (m == "about" || m == "of") {
			return !s.lx.is("threat_nouns", singular(s.low[d]))
		}
		if s.relIs(d, "obj") {
			for _, x := range s.deps(d, b[:0]) {
				if m := s.marker(x); x > d && s.relIs(x, "nmod") && (m == "about" || m == "of") {
					return !s.lx.is("threat_nouns", singular(s.low[x]))
				}
			}
		}
	}
	return false
}

// attacked returns the word the attack at trigger i is on: the verb's
// object, or the noun's "on" or "against" phrase; -1 for none.
func (s *sent) attacked(i int) int {
	if o := s.dep(i, "obj"); o >= 0 {
		return o
	}
	var a [16]int
	for _, d := range s.deps(i, a[:0]) {
		if m := s.marker(d); d > i && s.relIs(d, "nmod", "obl") && (m == "on" || m == "against") {
			return d
		}
	}
	return -1
}

// attacksSpeakers reports whether the attack at trigger i is on people
// who speak rather than fight (the grammar's verbal_targets: "attacking
// critics", "attacked the media"): words, whoever attacks.
func (s *sent) attacksSpeakers(i int) bool {
	o := s.dep(i, "obj")
	return o >= 0 && s.lx.is("verbal_targets", singular(s.low[o]))
}

// phraseHead returns the syntactic head of the phrase [i, j): the word
// whose head lies outside it ("phone call" → "call").
func (s *sent) phraseHead(i, j int) int {
	for k := i; k < j; k++ {
		if h := s.head(k); h < i || h >= j {
			return k
		}
	}
	return j - 1
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// nounSource finds the source of the event noun at n and the flags of its
// clause: its possessor ("Kenya's attack"), a modifier naming an actor
// ("French military intervention"), a source preposition ("an attack by
// X", "a request from X"), or the subject of the light verb it is the
// object of ("X launched an attack").
func (s *sent) nounSource(n int, p *Pattern) ([]int, verbCtx, bool) {
	ctx := verbCtx{verb: -1, subj: -1, expr: -1}
	var a [16]int
	ds := s.deps(n, a[:0])
	neg := false
	for _, d := range ds {
		if s.relIs(d, "det", "advmod") && s.lx.is("negators", s.low[d]) {
			neg = true // "no attack", "never an attack"
		}
	}
	// The object of a verb that codes an event itself ("gave Selvia
	// military aid", "sent Kenyan troops") names its owner only by a
	// possessive: a modifier there is more often the recipient.
	h := s.head(n)
	underTrigger := h >= 0 && s.relIs(n, "obj") && s.codesItself(h)
	var src []int
	for _, d := range ds {
		if p.PossessorIsTarget && s.relIs(d, "nmod:poss") && len(s.prepComplement(n, p.Preps)) == 0 {
			continue // "Sinn Fein's expulsion": whom it is done to (not "Kenya's arrest of X")
		}
		if m := s.mAt[d]; m >= 0 && s.relIs(d, "amod") && s.tag(d) == "JJ" && s.ai.agentOnly(s.ms[m].Actor.Code) {
			continue // "an official visit", "a military intervention": what kind, not whose ("French military" is France's)
		}
		if m := s.mAt[d]; m >= 0 && d < n && (s.relIs(d, "nmod:poss") || !underTrigger && s.relIs(d, "amod", "compound", "flat") && s.ms[m].Rule != "dict:"+actors.Capital.String()) {
			// (a capital before the noun says where, not who: "the Paris
			// attacks", "the Paris agreement")
			src = s.actors(d)
			break
		}
	}
	if len(src) == 0 {
		src = s.sourcePrep(n, p, 0)
	}
	if len(src) == 0 && p.Reciprocal {
		// "fighting between Azerbaijan and Armenia", "talks between
		// Kenya and Uganda": each party acts on the other
		for _, d := range ds {
			if d > n && s.relIs(d, "nmod", "obl") && s.marker(d) == "between" {
				if ms := s.actors(d); len(ms) >= 2 {
					src = ms
				}
				break
			}
		}
	}
	if len(src) > 0 {
		// The flags of the clause the noun stands in. One that belongs to
		// another verb ("the council did not approve her request") does
		// not deny or defer the noun's event, which that verb only refers
		// to: the noun is then not coded.
		ctx.neg = neg
		if pv := s.predicate(h); pv >= 0 {
			g := s.clause(pv, 1)
			if g.neg || g.fut || g.hypo {
				if !s.auxOrLight(pv, p) {
					return nil, ctx, false
				}
				ctx.neg = ctx.neg || g.neg
				ctx.fut = ctx.fut || g.fut || g.intent
				ctx.hypo = ctx.hypo || g.hypo
			}
		}
		return src, ctx, true
	}
	// Light verb: "X held talks with Y", "X launched an attack on Y",
	// also through a noun the event noun modifies ("undertook a
	// mediation mission").
	if h >= 0 && s.rel(n) == "compound" && s.relIs(h, "obj") && s.head(h) >= 0 {
		n, h = h, s.head(h)
	}
	if h < 0 || !s.relIs(n, "obj", "nsubj", "obl") || !isVerbTag(s.tag(h)) || s.mAt[h] >= 0 {
		return nil, ctx, false
	}
	if underTrigger {
		return nil, ctx, false // the verb codes the event itself
	}
	if s.received(n) {
		// "Clinton has support from 52 percent of voters": she receives
		// it; who gives it is after "from"
		return nil, ctx, false
	}
	light, oblique := false, false
	for _, l := range s.verbLemmas(h) {
		if s.lx.is("light", l) || contains(p.Light, l) {
			light = true
		}
		if s.relIs(n, "obl") && s.lx.is("light_obliques", l+" "+s.marker(n)) {
			// "Serb forces were engaged in ethnic cleansing"
			light, oblique = true, true
		}
	}
	if !light || !s.relIs(n, "obj") && !oblique {
		return nil, ctx, false
	}
	vc := s.clause(h, 0)
	if vc.skip || vc.passive && !oblique {
		return nil, ctx, false
	}
	vc.neg = vc.neg || neg
	return s.subjects(vc), vc, true
}

// received reports whether the act at n (a noun or a gerund) is one its
// governing verb's subject receives: the verb is one of receiving (the
// grammar's receiving: "has", "won") and n has a "from" or "by" phrase.
func (s *sent) received(n int) bool {
	h := s.head(n)
	if h < 0 || !s.hasPrep(n, "from", "by") {
		return false
	}
	for _, l := range s.verbLemmas(h) {
		if s.lx.is("receiving", l) {
			return true
		}
	}
	return false
}

// hasPrep reports whether the noun at n has a dependent introduced by
// one of preps after it ("support from 52 percent").
func (s *sent) hasPrep(n int, preps ...string) bool {
	var a [8]int
	for _, d := range s.deps(n, a[:0]) {
		if d > n && s.relIs(d, "nmod", "obl", "acl") && contains(preps, s.marker(d)) {
			return true
		}
	}
	return false
}

// sourcePrep returns the actor of a source preposition after the noun
// at n ("an attack by X", "a request from X"), also in the noun's own
// complement ("a request for training from X").
func (s *sent) sourcePrep(n int, p *Pattern, depth int) []int {
	var a [8]int
	for _, d := range s.deps(n, a[:0]) {
		if d < n || !s.relIs(d, "nmod", "acl", "obl") {
			continue
		}
		if contains(p.SourcePreps, s.marker(d)) {
			if ms := s.actors(d); len(ms) > 0 {
				return ms
			}
		}
		if depth == 0 && s.mAt[d] < 0 && !contains(p.Preps, s.marker(d)) && !(s.relIs(d, "acl") && s.tag(d) == "VBN" && !s.isLight(d)) {
			// (nor through a participle other than a light verb's: in
			// "talks with Iran brokered by Oman" Oman brokered, it did
			// not talk; "the demonstration staged by students" is theirs)
			// Not through the noun's target: in "demonstrations against
			// violations by the army" the army did not demonstrate.
			if ms := s.sourcePrep(d, p, 1); len(ms) > 0 {
				return ms
			}
		}
	}
	return nil
}

// codesItself reports whether the verb at v is a trigger of some pattern.
func (s *sent) codesItself(v int) bool {
	if !isVerbTag(s.tag(v)) || s.mAt[v] >= 0 {
		return false
	}
	for _, l := range s.verbLemmas(v) {
		for _, e := range s.lx.verbs[l] {
			if _, ok := s.matchRest(v, e.rest); ok {
				return true
			}
		}
	}
	return false
}

// nounTarget returns the target of the event noun at n: a complement
// introduced by one of the pattern's prepositions ("an attack on Y"), on
// the noun or on its light verb ("held talks with Y").
func (s *sent) nounTarget(n int, p *Pattern) []int {
	if ms := s.prepComplement(n, p.Preps); len(ms) > 0 {
		return ms
	}
	if p.PossessorIsTarget {
		if d := s.dep(n, "nmod:poss"); d >= 0 && d < n {
			if ms := s.actors(d); len(ms) > 0 {
				return ms // "Sinn Fein's expulsion", "his arrest"
			}
		}
	}
	if h := s.head(n); h >= 0 && s.relIs(n, "obj") && isVerbTag(s.tag(h)) {
		var a [16]int
		for _, d := range s.deps(h, a[:0]) {
			if d > n && s.relIs(d, "obl") && contains(p.Preps, s.marker(d)) {
				if ms := s.actors(d); len(ms) > 0 {
					return ms
				}
			}
		}
	}
	return nil
}

// auxOrLight reports whether the verb at x is an auxiliary ("be", "have",
// "do") or a light verb of the noun pattern p: the noun's own verb group,
// whose flags are the noun's.
func (s *sent) auxOrLight(x int, p *Pattern) bool {
	w := s.low[x]
	if s.lx.is("be", w) || s.lx.is("have", w) || s.lx.is("do", w) {
		return true
	}
	for _, l := range s.lx.lemmas(w, s.buf[:0]) {
		if s.lx.is("light", l) || contains(p.Light, l) {
			return true
		}
	}
	return false
}

// emit builds the events of one trigger: one per source–target pair.
func (s *sent) emit(ev model.Event, code string, srcs, tgts []int, tgtOpt, reciprocal bool) []model.Event {
	ci := s.lx.codes[code]
	ev.CAMEO = code
	ev.Root = code[:2]
	ev.Goldstein = ci.Goldstein
	ev.QuadClass = ci.QuadClass
	ev.PLOVER = ci.PLOVER
	ev.Mode = ci.Mode
	ev.Context = append([]string(nil), ci.Context...)
	if ev.Future {
		ev.Context = append(ev.Context, "future")
	}
	if ev.Hypothetical {
		ev.Context = append(ev.Context, "hypothetical")
	}
	if ev.Negated {
		ev.Context = append(ev.Context, "negation")
	}
	if force(code) {
		srcs = s.notFacilities(srcs)
	}
	var out []model.Event
	add := func(a, b int) {
		key := [2]int{s.ms[a].Start, -1}
		if b >= 0 {
			key[1] = s.ms[b].Start
		}
		key[0] = key[0]*1_000_003 + ev.Trigger.Start
		if s.done[key] {
			return
		}
		s.done[key] = true
		// Two triggers of one event ("imposed an arms embargo on",
		// "did not praise or thank"): one event per source, target, code
		// and flags in a sentence.
		k := evKey{src: s.ms[a].Start, tgt: -1, code: code, neg: ev.Negated, fut: ev.Future, hyp: ev.Hypothetical}
		if b >= 0 {
			k.tgt = s.ms[b].Start
		}
		if s.seen[k] {
			return
		}
		s.seen[k] = true
		e := ev
		e.Context = append([]string(nil), ev.Context...)
		e.Source = participant(s.ms[a])
		if b >= 0 {
			tp := participant(s.ms[b])
			e.Target = &tp
		}
		out = append(out, e)
	}
	switch {
	case len(tgts) > 0:
		for _, a := range srcs {
			for _, b := range tgts {
				if a == b || sameActor(s.ms[a], s.ms[b]) {
					continue
				}
				add(a, b)
			}
		}
	case reciprocal && len(srcs) > 1:
		for _, a := range srcs {
			for _, b := range srcs {
				if a != b && !sameActor(s.ms[a], s.ms[b]) {
					add(a, b)
				}
			}
		}
	case tgtOpt:
		for _, a := range srcs {
			add(a, -1)
		}
	}
	return out
}

// notFacilities returns the sources of srcs that are not a building or a
// site (facility_nouns: "the U.S. Embassy", "U.S. embassies"): force is
// done to or at such a place, never by it.
func (s *sent) notFacilities(srcs []int) []int {
	var out []int
	for _, a := range srcs {
		ws := strings.Fields(s.ms[a].Text)
		if len(ws) > 0 && s.lx.is("facility_nouns", singular(strings.ToLower(ws[len(ws)-1]))) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// evKey identifies an event within a sentence.
type evKey struct {
	src, tgt      int
	code          string
	neg, fut, hyp bool
}

func participant(m model.Mention) model.Participant {
	return model.Participant{Span: m.Span, Code: m.Actor.Code, Name: m.Actor.Name}
}

// placeTarget returns the target of an act coded code with sources src
// and no target named, done at word v (a verb or an event noun) in a
// place: the mention placeIn makes for the place's country, when the
// code's PLOVER type is of acts done to a place and its people
// (grammar.yaml place_targets: "Serbia lifted a night curfew in
// Montenegro", "reimposed blockades in the West Bank", "rallies in the
// Gaza Strip") and the place is none of the sources; -1 otherwise.
func (s *sent) placeTarget(code string, v int, src []int) int {
	if !s.lx.is("place_targets", strings.ToLower(s.lx.codes[code].PLOVER)) {
		return -1
	}
	if pm := s.placeIn(v); pm >= 0 && !s.sameAsAny(pm, src) {
		return pm
	}
	return -1
}

// sameAsAny reports whether mention m is the same actor as one of ms. (A
// source whose country localSources took from the place of the act, "the
// military government declared a state of siege in X", has its own code
// and so is not the same actor as X: the act is done to X's people.)
func (s *sent) sameAsAny(m int, ms []int) bool {
	for _, x := range ms {
		if x == m || sameActor(s.ms[x], s.ms[m]) {
			return true
		}
	}
	return false
}

func sameActor(a, b model.Mention) bool {
	if a.Actor.Code == b.Actor.Code && a.Actor.Name == b.Actor.Name {
		return true
	}
	// a pronoun standing for the phrase of the other, whose actor this
	// stage read further ("Clinton campaign officials defend their
	// strategy": "their" is the officials, read as Clinton's)
	return b.Pronominal() && b.Actor.Name != "" && b.Actor.Name == a.Text ||
		a.Pronominal() && a.Actor.Name != "" && a.Actor.Name == b.Text
}

// patientOf finds the target of an event noun at n that names what
// happened to the subject of a passive verb of displacement or defeat:
// in "militants, who were pushed out of Mali after French military
// intervention" (or "militants pushed out … after …") the militants. The
// noun must be introduced by "after" or "following" and depend on a
// patient verb (grammar.yaml) in the passive; otherwise there is no
// target.
func (s *sent) patientOf(n int) []int {
	v := s.head(n)
	if m := s.marker(n); m != "after" && m != "following" {
		if !(v >= 0 && s.rel(n) == "obj" && s.low[v] == "following" && s.head(v) >= 0) {
			return nil
		}
		v = s.head(v) // "following" read as a verb
	}
	if v < 0 || s.mAt[v] >= 0 {
		return nil
	}
	patient := false
	for _, l := range s.verbLemmas(v) {
		if s.lx.is("patient_verbs", l) {
			patient = true
			break
		}
	}
	if !patient {
		return nil
	}
	ctx := s.clause(v, 0)
	if !ctx.passive && s.dep(v, "obj") < 0 {
		// "fighters pushed out of …": a verb of displacement with no
		// object is a reduced passive, whatever its tag or attachment.
		ctx.passive = true
		if s.relIs(v, "acl") {
			ctx.subj = s.head(v)
		}
	}
	if !ctx.passive || ctx.neg || ctx.hypo {
		return nil
	}
	return s.actors(ctx.subj)
}

// force reports whether a CAMEO code is of force: assault, fight or mass
// violence (roots 18–20).
func force(code string) bool {
	return len(code) >= 2 && code[:2] >= "18" && code[:2] <= "20"
}

// abstractObject reports whether the verb at v has a direct object,
// outside the trigger phrase [i, j), that is a common noun naming no
// actor, every sense of which is abstract (AbstractNounsFile: "a surge",
// "poverty", "the tide"; not "a road", "the convoy", "shots").
//
// A counted object is no figure ("killed 81 percent of the victims",
// "wounded dozens").
func (s *sent) abstractObject(v, i, j int) bool {
	o := s.dep(v, "obj")
	if o < 0 || o >= i && o < j || s.mAt[o] >= 0 || s.tag(o) != "NN" && s.tag(o) != "NNS" {
		return false
	}
	if s.dep(o, "nummod") >= 0 {
		return false
	}
	var a [8]int
	for _, d := range s.deps(o, a[:0]) {
		if d > o && s.relIs(d, "nmod") && s.marker(d) == "of" && s.lx.is("share_nouns", s.lemma(o)) && !s.lx.is(abstractNouns, s.lemma(d)) {
			return false // "a share of the victims"
		}
	}
	return s.lx.is(abstractNouns, s.lemma(o)) && s.modified(o) < 0
}

// underAbstract reports whether the event noun at n is what its clause's
// subject is "under", and that subject an abstract noun no actor names
// ("our freedom is under assault", "our values are under attack").
func (s *sent) underAbstract(n int) bool {
	if s.marker(n) != "under" {
		return false
	}
	subj := s.dep(n, "nsubj")
	return subj >= 0 && s.mAt[subj] < 0 && (s.tag(subj) == "NN" || s.tag(subj) == "NNS") && (s.lx.is(abstractNouns, s.lemma(subj)) || s.lx.is(abstractNouns, s.low[subj]))
}

// materialAct reports whether a CAMEO code is a material act whose object
// need not be an actor: aid, investigation, protest, force, coercion and
// sanctions (roots 07, 09, 14–20), as opposed to statements and meetings,
// which are addressed to someone.
func materialAct(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch r := code[:2]; r {
	case "07", "09":
		return true
	default:
		return r >= "14" && r <= "20"
	}
}

// announcedIntent reports whether the rule that picked the code of the
// trigger at r found its phrase in a clause below the trigger that is
// intended or future ("announced that he will extend the curfew").
func (s *sent) announcedIntent(r int, rule *Rule, j int) bool {
	if rule == nil {
		return false
	}
	end := s.afterPhrase(rule, j)
	if end < 1 {
		return false
	}
	c, ok := s.phraseClause(r, end-1)
	return ok && (c.fut || c.intent) && !c.neg
}

// phraseCodesItself reports whether the phrase of the rule that picked
// the code of the trigger at r lies in a clause the trigger reports
// (ccomp) whose verb is a trigger itself.
func (s *sent) phraseCodesItself(r int, rule *Rule, j int) bool {
	if rule == nil {
		return false
	}
	end := s.afterPhrase(rule, j)
	if end < 1 || s.head(end-1) < 0 {
		return false
	}
	v := s.predicate(s.head(end - 1))
	if v == r || !s.codesItself(v) || !s.codesSome(v) {
		return false
	}
	// Only a reported clause ("announced that …"): the child of the
	// trigger on the way up is a ccomp.
	for x, steps := v, 0; x >= 0 && steps < 8; x, steps = s.head(x), steps+1 {
		if s.head(x) == r {
			return s.rel(x) == "ccomp"
		}
	}
	return false
}
