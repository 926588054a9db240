package events

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// code finds the triggers of the sentence and appends their events.
func (s *sent) code(out []model.Event) []model.Event {
	n := len(s.low)
	for i := 0; i < n; i++ {
		if s.mAt[i] >= 0 {
			continue
		}
		t := s.tag(i)
		verbish := isVerbTag(t) || (s.title && (t == "NNP" || t == "NNPS")) || t == ""
		if verbish {
			if es, end, ok := s.verbTrigger(i); ok {
				out = append(out, es...)
				_ = end
				continue
			}
		}
		// A proper noun is a name, not an event noun ("March" the month),
		// except in title-case headlines.
		if (isNounTag(t) && (s.title || (t != "NNP" && t != "NNPS"))) || t == "VBG" || t == "JJ" || t == "" {
			out = append(out, s.nounTrigger(i)...)
		}
	}
	return out
}

// headline reports whether the sentence is written in title case (most
// words capitalised), where the tagger's NNP tags are unreliable.
func (s *sent) headline() bool {
	caps, words := 0, 0
	for _, t := range s.toks {
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
func (s *sent) matchRest(i int, rest []string) (int, bool) {
	j := i + 1
	for _, w := range rest {
		if j >= len(s.low) || !s.lx.wordMatches(w, s.low[j]) {
			return 0, false
		}
		j++
	}
	return j, true
}

func (s *sent) verbTrigger(i int) ([]model.Event, int, bool) {
	var cands []entry
	var ends []int
	lemma := ""
	for _, l := range s.lx.lemmas(s.low[i], s.buf[:0]) {
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
	if s.tag(i) == "NNP" || s.tag(i) == "NNPS" || s.tag(i) == "" {
		// Headline words: only a verb between two mentions.
		if i == 0 || s.mAt[i-1] < 0 {
			return nil, 0, false
		}
	}
	ctx := s.analyzeVerb(i, 0)
	// A threat codes itself: "X threatened to impose an embargo on Y" is
	// a threat (its rules read the infinitive), not a hypothetical embargo.
	stmt := s.lx.is("statement", lemma)
	if ctx.skip || !stmt && (s.governsTrigger(i+1) || s.governsTrigger(ends[0]-1) || s.governsTrigger(ends[0])) {
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
		if !ok {
			if rule != nil { // a rule that says "do not code"
				return nil, j, true
			}
			continue
		}
		var src, tgt int
		inf := -1
		if stmt {
			inf = s.infinitive(j)
		}
		var extra []string
		if ctx.passive {
			src = s.byAgent(j)
			if src < 0 {
				// No agent: we do not invent one.
				return nil, j, true
			}
			tgt = s.sourceLeft(ctx.anchor)
		} else {
			src = s.sourceLeft(ctx.anchor)
			// "talk to X": a phrase ending in a preposition takes its object.
			obj := e.p.Object || (len(e.rest) > 0 && s.lx.is("prepositions", e.rest[len(e.rest)-1]))
			switch {
			case inf >= 0:
				// "X threatened to impose an embargo on Y": the threatened
				// action's target is the threat's; with none, there is
				// none, and the threatened action is context.
				tgt, extra = s.governed(inf)
				tgtOpt = true
			case rule != nil && rule.Target == "beneficiary":
				tgt, tgtOpt = s.beneficiary(rule, j), false
			default:
				tgt = s.targetRight(j, obj, e.p.Preps)
			}
		}
		if src < 0 {
			return nil, j, true
		}
		ev := model.Event{
			Doc: s.doc.ID, Sentence: s.span,
			Trigger:      model.NewSpan(s.doc.Text, s.toks[i].Start, s.toks[j-1].End),
			Negated:      ctx.neg,
			Future:       ctx.fut || e.p.ExpressesIntent,
			Hypothetical: s.hypothetical(ctx, code) || s.unas[i],
			Pattern:      patternID(e.p, rule),
		}
		evs := s.emit(ev, code, src, tgt, tgtOpt, e.p.Reciprocal)
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

// infinitive returns the verb of a "to VERB" right at token j (adverbs
// may come between), or -1.
func (s *sent) infinitive(j int) int {
	n := len(s.low)
	if j >= n || s.low[j] != "to" {
		return -1
	}
	v := j + 1
	for v < n && isAdverbTag(s.tag(v)) && s.mAt[v] < 0 {
		v++
	}
	if v >= n || s.tag(v) != "VB" || s.mAt[v] >= 0 {
		return -1
	}
	return v
}

// governed reads the infinitive verb at v that a threat governs: the
// target its own pattern would take, and the PLOVER context of the code
// it would have.
func (s *sent) governed(v int) (tgt int, context []string) {
	for _, l := range s.lx.lemmas(s.low[v], s.buf[:0]) {
		for _, e := range s.lx.verbs[l] {
			end, ok := s.matchRest(v, e.rest)
			if !ok {
				continue
			}
			obj := e.p.Object || (len(e.rest) > 0 && s.lx.is("prepositions", e.rest[len(e.rest)-1]))
			tgt = s.targetRight(end, obj, e.p.Preps)
			if code, _, _, ok := s.chooseCode(e.p, v, end, false); ok {
				context = s.lx.codes[code].Context
			}
			return tgt, context
		}
	}
	return s.targetRight(v+1, true, nil), nil
}

// governsTrigger reports whether "to" + a trigger or light verb follows
// token j: "agreed to help", "agreed to hold talks". The governed action
// is coded (with its intent code) instead of the governor.
func (s *sent) governsTrigger(j int) bool {
	n := len(s.low)
	if j >= n || s.low[j] != "to" {
		return false
	}
	v := j + 1
	for v < n && isAdverbTag(s.tag(v)) {
		v++
	}
	if v >= n || !isVerbTag(s.tag(v)) {
		return false
	}
	for _, l := range s.lx.lemmas(s.low[v], s.buf[:0]) {
		if len(s.lx.verbs[l]) > 0 || s.lx.is("light", l) {
			return true
		}
	}
	return false
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
	if _, known := s.lx.codes[code]; !known {
		return "", nil, tgtOpt, false
	}
	return code, rule, tgtOpt, true
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
		f := strings.Fields(ph)
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
	end := j
	for end < len(s.low) && end < j+12 {
		w := s.low[end]
		if w == ";" || w == "." || (s.lx.is("clause", w) && w != "that") {
			break
		}
		end++
	}
	bestStart, bestEnd := -1, -1
	for _, ph := range r.After {
		if st, en := s.phraseAt(strings.Fields(ph), j, end); st >= 0 && (bestStart < 0 || st < bestStart) {
			bestStart, bestEnd = st, en
		}
	}
	return bestEnd
}

// beneficiary finds the target of a rule with target "beneficiary": the
// actor that the matched After phrase acts on, right after it ("help
// Kenya", "boost the capacity of the Kenyan army"). Determiners,
// adjectives and "of" may come between; anything else means no target.
func (s *sent) beneficiary(r *Rule, j int) int {
	k := s.afterPhrase(r, j)
	if k < 0 {
		return -1
	}
	for x := k; x < len(s.low) && x < k+4; x++ {
		if m := s.mAt[x]; m >= 0 {
			return s.gOf[m]
		}
		if !(isDetTag(s.tag(x)) || s.tag(x) == "JJ" || s.low[x] == "of") {
			return -1
		}
	}
	return -1
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
	src, ctx, ok := s.nounSource(i, j, p)
	if !ok || src < 0 {
		return nil
	}
	code, rule, tgtOpt, ok := s.chooseCode(p, i, j, ctx.intent || ctx.fut)
	if !ok {
		return nil
	}
	tgt := s.targetRight(j, false, p.Preps)
	if tgt < 0 {
		tgt = s.patientOf(i, src)
	}
	if tgt == src {
		tgt = -1
	}
	if p.ExpressesIntent && ctx.expr < 0 {
		ctx.expr, ctx.exprOpen = i, ctx.fut || ctx.hypo
	}
	ev := model.Event{
		Doc: s.doc.ID, Sentence: s.span,
		Trigger:      model.NewSpan(s.doc.Text, s.toks[i].Start, s.toks[j-1].End),
		Negated:      ctx.neg,
		Future:       ctx.fut || p.ExpressesIntent,
		Hypothetical: s.hypothetical(ctx, code) || s.unas[i],
		Pattern:      patternID(p, rule),
	}
	return s.emit(ev, code, src, tgt, tgtOpt, p.Reciprocal)
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

// nounSource finds the source of an event noun and the flags of its
// clause: possessor, modifier, source preposition or light verb subject.
func (s *sent) nounSource(i, j int, p *Pattern) (int, verbCtx, bool) {
	ctx := verbCtx{expr: -1}
	// Skip modifiers left of the noun ("military", "troop").
	k := i - 1
	for steps := 0; k >= 0 && steps < 3 && s.mAt[k] < 0 && isModTag(s.tag(k)) && !s.lx.is("negators", s.low[k]); steps++ {
		k--
	}
	// flags reads the negation, future and modality left of the noun. One
	// that belongs to another verb ("the council did not approve her
	// request") does not deny or defer the noun's event, which that verb
	// only refers to: foreign is then set, and the noun is not coded.
	foreign := false
	flags := func(from int) {
		verb := false
		for x := from; x >= 0 && x >= from-10; x-- {
			if s.boundary(x) {
				break
			}
			w := s.low[x]
			switch {
			case s.mAt[x] >= 0:
			case s.lx.is("negators", w):
				ctx.neg = true
				foreign = foreign || verb
			case s.lx.is("future", w):
				ctx.fut = true
				foreign = foreign || verb
			case s.lx.is("modal", w) && s.isModal(x):
				ctx.hypo = true
				foreign = foreign || verb
			case isVerbTag(s.tag(x)) && !s.auxOrLight(x, p):
				verb = true
			}
		}
	}
	// Possessor: "Kenya's attack", "the Secretary General's meeting".
	if k >= 0 && s.lx.is("possessive", s.low[k]) && k > 0 && s.mAt[k-1] >= 0 {
		flags(k - 1)
		return s.gOf[s.mAt[k-1]], ctx, !foreign
	}
	if k >= 0 && s.mAt[k] >= 0 {
		m := s.mAt[k]
		// Possessive inside the mention token ("General's") or a modifier
		// ("French military intervention").
		if s.mtok[m][1] == k+1 {
			flags(k)
			return s.gOf[m], ctx, !foreign
		}
	}
	// Source preposition after the noun: "an attack by X", "a request from X".
	n := len(s.low)
	for x := j; x < n && x < j+10; x++ {
		w := s.low[x]
		if s.boundary(x) || w == "," || isFinite(s.tag(x)) {
			break
		}
		if s.mAt[x] >= 0 {
			// skip over a mention that is not introduced by a source prep
			x = s.mtok[s.mAt[x]][1] - 1
			continue
		}
		if contains(p.SourcePreps, w) {
			for y := x + 1; y < n && y < x+5; y++ {
				if s.mAt[y] >= 0 {
					flags(i - 1)
					return s.gOf[s.mAt[y]], ctx, !foreign
				}
				if !(isDetTag(s.tag(y)) || s.tag(y) == "JJ") {
					break
				}
			}
		}
	}
	// Light verb: "X held talks with Y", "X launched an attack on Y".
	v := k
	for steps := 0; v >= 0 && steps < 4 && (isDetTag(s.tag(v)) || isModTag(s.tag(v))) && s.mAt[v] < 0 && !s.participleInGroup(v); steps++ {
		v--
	}
	if v >= 0 && isVerbTag(s.tag(v)) && s.mAt[v] < 0 {
		light := false
		for _, l := range s.lx.lemmas(s.low[v], s.buf[:0]) {
			for _, e := range s.lx.verbs[l] {
				if _, ok := s.matchRest(v, e.rest); ok {
					return -1, ctx, false // the verb codes the event itself
				}
			}
			if s.lx.is("light", l) || contains(p.Light, l) {
				light = true
			}
		}
		if !light {
			return -1, ctx, false
		}
		vc := s.analyzeVerb(v, 0)
		if vc.skip || vc.passive {
			return -1, ctx, false
		}
		return s.sourceLeft(vc.anchor), vc, true
	}
	return -1, ctx, false
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

// participleInGroup reports whether token v is a participle in a verb
// group ("had imposed an embargo"), not a modifier ("an agreed plan").
func (s *sent) participleInGroup(v int) bool {
	return s.tag(v) == "VBN" && v > 0 && (s.lx.is("have", s.low[v-1]) || s.lx.is("be", s.low[v-1]))
}

// emit builds the events of one trigger: one per source–target pair.
func (s *sent) emit(ev model.Event, code string, src, tgt int, tgtOpt, reciprocal bool) []model.Event {
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
	srcs := s.grp[src]
	var tgts []int
	if tgt >= 0 {
		tgts = s.grp[tgt]
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

// evKey identifies an event within a sentence.
type evKey struct {
	src, tgt      int
	code          string
	neg, fut, hyp bool
}

func participant(m model.Mention) model.Participant {
	return model.Participant{Span: m.Span, Code: m.Actor.Code, Name: m.Actor.Name}
}

func sameActor(a, b model.Mention) bool {
	return a.Actor.Code == b.Actor.Code && a.Actor.Name == b.Actor.Name
}

// patientOf finds the target of an event noun at token i that names what
// happened to the subject of a passive verb of displacement or defeat:
// in "militants, who were pushed out of Mali after French military
// intervention" (or "militants pushed out … after …") the militants. The
// noun phrase must follow "after" or "following", and the verb must be a
// patient verb (grammar.yaml) in the same clause; otherwise there is no
// target.
func (s *sent) patientOf(i, src int) int {
	if src < 0 {
		return -1
	}
	np := min(i, s.mtok[s.grp[src][0]][0])
	b := np - 1
	for b >= 0 && isDetTag(s.tag(b)) && s.mAt[b] < 0 {
		b--
	}
	if b < 0 || (s.low[b] != "after" && s.low[b] != "following") {
		return -1
	}
	v := -1
	for x := b - 1; x >= 0 && x >= b-8; x-- {
		if s.boundary(x) || s.low[x] == "," {
			break
		}
		if (s.tag(x) == "VBN" || s.tag(x) == "VBD") && s.mAt[x] < 0 {
			for _, l := range s.lx.lemmas(s.low[x], s.buf[:0]) {
				if s.lx.is("patient_verbs", l) {
					v = x
					break
				}
			}
			break
		}
	}
	if v < 0 {
		return -1
	}
	ctx := s.analyzeVerb(v, 0)
	if !ctx.passive && ctx.start == v && v > 0 && s.mAt[v-1] >= 0 && v+1 < len(s.low) && (s.tag(v+1) == "IN" || s.tag(v+1) == "RP") {
		// "fighters pushed out of …": a transitive verb with no object
		// right after a noun is a reduced passive, whatever its tag.
		ctx.passive = true
	}
	if !ctx.passive || ctx.neg || ctx.hypo {
		return -1
	}
	a := ctx.anchor
	if ctx.start == v && a > 0 && s.mAt[a-1] >= 0 {
		return s.gOf[s.mAt[a-1]] // "militants pushed out …"
	}
	if a >= 2 && s.lx.is("relative", s.low[a-1]) && s.low[a-2] == "," && a >= 3 && s.mAt[a-3] >= 0 {
		return s.gOf[s.mAt[a-3]] // "militants, who were pushed out …"
	}
	if a >= 1 && s.lx.is("relative", s.low[a-1]) && a >= 2 && s.mAt[a-2] >= 0 {
		return s.gOf[s.mAt[a-2]]
	}
	return s.sourceLeft(a)
}
