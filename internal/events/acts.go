package events

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Acts of the record: the announcements, decisions, votes, approvals,
// endorsements and meetings that the accountability checks reason over.
// Acts codes them as events with the act's kind (Event.Act), who acted
// (the subject, or the "by" agent of a passive, resolved to a mention
// where one names it, and otherwise the words of the noun phrase, for the
// checks to resolve to a body of a procedure), the flags (negated,
// future, hypothetical), and the matter: what was announced, decided,
// voted on or approved, the verb's object or clausal complement
// (Event.Matter). An announcement whose clause is itself an act ("the
// minister revealed that parliament had approved the budget") gives that
// act as its claim: the approval's ReportedBy is the announcement.
//
// The patterns are data (data/events/acts.yaml, the top-level key
// "acts"); the CAMEO coder does not read them, and Code does not code
// acts: `dossier code` and the PLOVER figures are the CAMEO coder's
// alone. Acts that CAMEO codes take its code (announce 010, endorse 051,
// meet 040); the others (decide, vote, approve) leave CAMEO and PLOVER
// empty, as no standard code fits a body's formal decision.

// ActPattern is one pattern of acts of the record.
type ActPattern struct {
	// Pattern holds the id, the trigger verbs and nouns, the CAMEO code
	// ("" for the acts CAMEO has no code for) and where it is defined.
	Pattern
	// Act is the kind: announce, decide, vote, approve, endorse, meet.
	Act string
	// Object says what the verb's direct object is: "matter" (what was
	// announced or approved), "addressee" (who was told) or "none".
	Object string
	// Collective acts are done by groups and bodies, not by one person:
	// "the council sat", not "he sat".
	Collective bool
	// NeedsMatter codes the act only when it has a matter; MatterFrom
	// lists where the matter may be read from (object, infinitive,
	// clause, preposition; all when empty): "agreed that …" is an
	// opinion, not a decision.
	NeedsMatter bool
	MatterFrom  []string
}

// actKinds are the kinds an act pattern may have.
var actKinds = map[string]bool{"announce": true, "decide": true, "vote": true, "approve": true, "endorse": true, "meet": true}

// ActKinds returns the kinds of acts of the record, sorted.
func ActKinds() []string {
	out := make([]string, 0, len(actKinds))
	for k := range actKinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Acts returns the act patterns, in load order. The slice is shared.
func (p *Patterns) Acts() []*ActPattern {
	if p == nil {
		return nil
	}
	return p.acts
}

var actKeys = map[string]bool{"id": true, "act": true, "verbs": true, "nouns": true, "cameo": true, "object": true, "collective": true, "matter": true, "matter_from": true}

type yamlAct struct {
	ID         string   `yaml:"id"`
	Act        string   `yaml:"act"`
	Verbs      []string `yaml:"verbs"`
	Nouns      []string `yaml:"nouns"`
	CAMEO      string   `yaml:"cameo"`
	Object     string   `yaml:"object"`
	Collective bool     `yaml:"collective"`
	Matter     string   `yaml:"matter"`
	MatterFrom []string `yaml:"matter_from"`
}

// yamlActs reads the "acts" list of a pattern file.
func (p *Patterns) yamlActs(name string, n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("load patterns %s: line %d: acts: want a list", name, n.Line)
	}
	for _, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			return fmt.Errorf("load patterns %s: line %d: acts: want a mapping for each act", name, item.Line)
		}
		for i := 0; i < len(item.Content); i += 2 {
			if k := item.Content[i]; !actKeys[k.Value] {
				return fmt.Errorf("load patterns %s: line %d: act: unknown field %q", name, k.Line, k.Value)
			}
		}
		var ya yamlAct
		if err := item.Decode(&ya); err != nil {
			return fmt.Errorf("load patterns %s: line %d: %w", name, item.Line, err)
		}
		switch {
		case ya.ID == "":
			return fmt.Errorf("load patterns %s: line %d: act without id", name, item.Line)
		case !actKinds[ya.Act]:
			return fmt.Errorf("load patterns %s: line %d: act %s: act must be one of %s, not %q", name, item.Line, ya.ID, strings.Join(ActKinds(), ", "), ya.Act)
		case len(ya.Verbs)+len(ya.Nouns) == 0:
			return fmt.Errorf("load patterns %s: line %d: act %s has no verbs or nouns", name, item.Line, ya.ID)
		case ya.CAMEO != "" && !codeRE.MatchString(ya.CAMEO):
			return fmt.Errorf("load patterns %s: line %d: act %s: bad CAMEO code %q", name, item.Line, ya.ID, ya.CAMEO)
		case ya.Matter != "" && ya.Matter != "required" && ya.Matter != "optional":
			return fmt.Errorf("load patterns %s: line %d: act %s: matter must be required or optional, not %q", name, item.Line, ya.ID, ya.Matter)
		}
		switch ya.Object {
		case "":
			ya.Object = "matter"
		case "matter", "addressee", "none":
		default:
			return fmt.Errorf("load patterns %s: line %d: act %s: object must be matter, addressee or none, not %q", name, item.Line, ya.ID, ya.Object)
		}
		for _, f := range ya.MatterFrom {
			switch f {
			case matterObject, matterInfinitive, matterClause, matterPreposition:
			default:
				return fmt.Errorf("load patterns %s: line %d: act %s: matter_from: %q is not object, infinitive, clause or preposition", name, item.Line, ya.ID, f)
			}
		}
		verbs := lowerAll(ya.Verbs)
		for _, v := range verbs {
			if strings.Contains(v, " ") {
				return fmt.Errorf("load patterns %s: line %d: act %s: verb %q: one word per verb", name, item.Line, ya.ID, v)
			}
		}
		a := &ActPattern{
			Pattern: Pattern{ID: ya.ID, Verbs: verbs, Nouns: lowerAll(ya.Nouns), CAMEO: ya.CAMEO,
				Source: fmt.Sprintf("%s:%d", name, item.Line)},
			Act: ya.Act, Object: ya.Object, Collective: ya.Collective, NeedsMatter: ya.Matter == "required", MatterFrom: ya.MatterFrom,
		}
		p.acts = mergeActs(p.acts, []*ActPattern{a})
	}
	return nil
}

// mergeActs lays src over dst: an act of the same id replaces dst's.
func mergeActs(dst, src []*ActPattern) []*ActPattern {
	for _, a := range src {
		replaced := false
		for i, b := range dst {
			if b.ID == a.ID {
				dst[i], replaced = a, true
				break
			}
		}
		if !replaced {
			dst = append(dst, a)
		}
	}
	return dst
}

// actLexicon is the compiled form of the act patterns.
type actLexicon struct {
	verbs map[string][]*ActPattern // by verb lemma
	nouns map[string][]*ActPattern // by noun, singular
}

// compileActs indexes the act patterns and registers them with lx, so
// that Explain finds them by id.
func compileActs(acts []*ActPattern, lx *lexicon) *actLexicon {
	if len(acts) == 0 {
		return nil
	}
	ax := &actLexicon{verbs: map[string][]*ActPattern{}, nouns: map[string][]*ActPattern{}}
	for _, a := range acts {
		if _, taken := lx.byID[a.ID]; !taken {
			lx.byID[a.ID] = &a.Pattern
		}
		for _, v := range a.Verbs {
			ax.verbs[v] = append(ax.verbs[v], a)
		}
		for _, n := range a.Nouns {
			ax.nouns[singular(n)] = append(ax.nouns[singular(n)], a)
		}
	}
	return ax
}

// Acts codes the acts of the record of one document: td is its text
// analysis, ms its resolved actor mentions, ts its temporal expressions
// (the words of a date are never part of who acted) and coded the events
// Code gave it: a meeting that Code already coded is not coded again.
// The acts come in text order, with ids that continue coded's
// ("<short doc id>-e<n>").
func (c *Coder) Acts(doc *model.Document, td *text.Doc, ms []model.Mention, ts []model.Timex, coded []model.Event) []model.Event {
	ax := c.lx.acts
	if doc == nil || td == nil || ax == nil {
		return nil
	}
	bySent := mentionsBySentence(td, ms)
	// A meeting Code coded as happened is not coded again; one it coded
	// as negated is, since "did not meet before 6 May" says it met then.
	meetings := map[int]bool{}
	for _, e := range coded {
		if e.Root == "04" && !e.Negated {
			meetings[e.Trigger.Start] = true
		}
	}
	dates := newSpanSet(ts)
	var out []model.Event
	var reporter []int
	s := &sent{lx: c.lx, doc: doc, td: td}
	for si := range td.Sentences {
		s.reset(td, si, bySent[si])
		if s.ques {
			continue // a question asserts nothing
		}
		out, reporter = s.acts(ax, out, reporter, meetings, dates)
	}
	for i := range out {
		out[i].ID = doc.ShortID() + "-e" + strconv.Itoa(len(coded)+i+1)
	}
	for i, r := range reporter {
		if r >= 0 {
			out[i].ReportedBy = out[r].ID
		}
	}
	return out
}

// spanSet answers whether a byte range overlaps one of a set of spans.
type spanSet struct{ starts, ends []int }

func newSpanSet(ts []model.Timex) spanSet {
	sp := make([][2]int, 0, len(ts))
	for _, t := range ts {
		sp = append(sp, [2]int{t.Start, t.Span.End})
	}
	sort.Slice(sp, func(i, j int) bool { return sp[i][0] < sp[j][0] })
	var out spanSet
	hi := -1
	for _, x := range sp {
		// Overlapping spans are merged, so that the set is sorted by
		// both ends.
		if n := len(out.starts); n > 0 && x[0] < hi {
			if x[1] > hi {
				hi = x[1]
				out.ends[n-1] = hi
			}
			continue
		}
		out.starts, out.ends = append(out.starts, x[0]), append(out.ends, x[1])
		hi = x[1]
	}
	return out
}

func (ss spanSet) overlaps(start, end int) bool {
	i := sort.SearchInts(ss.ends, start+1) // the first span ending after start
	return i < len(ss.starts) && ss.starts[i] < end
}

// actCand is an act found in a sentence, before announcements are tied
// to what they report.
type actCand struct {
	ev       model.Event
	pat      *ActPattern
	tok      int  // the trigger
	comp     int  // of an announcement: the verb of the clause it reports, or -1
	src      bool // who acted is known
	matter   bool
	objMat   bool // of an announcement: its matter is its object
	noun     bool // a noun act ("before the vote")
	reporter int  // the announcement that reports it, or -1
}

// acts codes the acts of the sentence s; rep holds, for each act of out,
// the index in out of the announcement that reports it, or -1.
func (s *sent) acts(ax *actLexicon, out []model.Event, rep []int, meetings map[int]bool, dates spanSet) ([]model.Event, []int) {
	var cands []actCand
	at := map[int]int{}
	for k := range s.toks {
		if s.mAt[k] >= 0 {
			continue
		}
		t := s.tag(k)
		var c actCand
		ok := false
		switch {
		case isVerbTag(t):
			if pat := ax.verbAt(s, k); pat != nil && !(pat.Act == "meet" && meetings[s.toks[k].Start]) {
				c, ok = s.verbAct(pat, k, dates)
			}
		case t == "NN" || t == "NNS":
			if pat := ax.nounAt(s, k); pat != nil {
				c, ok = s.nounAct(pat, k, dates)
			}
		}
		if ok {
			at[k] = len(cands)
			cands = append(cands, c)
		}
	}
	// An announcement reports the act of its clause, and the acts
	// coordinated with it ("confirmed that the council met and approved").
	for i := range cands {
		c := &cands[i]
		if c.pat.Act != "announce" || c.comp < 0 {
			continue
		}
		var buf [16]int
		for _, v := range append(s.deps(c.comp, buf[:0]), c.comp) {
			if v != c.comp && !(s.rel(v) == "conj" && isVerbTag(s.tag(v))) {
				continue
			}
			if j, ok := at[v]; ok && j != i && cands[j].reporter < 0 {
				cands[j].reporter = i
			}
		}
	}
	// An announcement says something the checks can read when it names
	// what it announces and who does, or reports an act that is kept: a
	// decision, a vote, a meeting, or an announcement that itself says
	// something ("X said that Y told them what to say" says nothing).
	readable := make([]int8, len(cands)) // 0 not known yet, 1 yes, -1 no
	// the acts each announcement reports, in text order, gathered once so
	// that reading them costs what they are, not every act of the sentence
	reported := map[int][]int{}
	for j := range cands {
		if r := cands[j].reporter; r >= 0 {
			reported[r] = append(reported[r], j)
		}
	}
	var read func(i int) bool
	read = func(i int) bool {
		if readable[i] != 0 {
			return readable[i] > 0
		}
		readable[i] = -1
		ok := cands[i].objMat && cands[i].src
		for _, j := range reported[i] {
			if ok {
				break
			}
			d := &cands[j]
			ok = d.pat.Act == "announce" && read(j) || d.pat.Act != "announce" && (d.noun || !d.pat.NeedsMatter || d.matter)
		}
		if ok {
			readable[i] = 1
		}
		return ok
	}
	index := make([]int, len(cands))
	for i, c := range cands {
		index[i] = -1
		switch {
		case c.noun:
		case c.pat.Act == "announce":
			if !read(i) {
				continue // it announces nothing the checks could read
			}
			// One that reports an act is kept with no one named ("it was
			// announced that …"): what it reports stays a claim.
		case !c.src && c.reporter < 0:
			continue // no one acted: only a reported act may leave it open
		case c.pat.NeedsMatter && !c.matter:
			continue
		}
		index[i] = len(out)
		out = append(out, c.ev)
		rep = append(rep, -1)
	}
	for i, c := range cands {
		if index[i] >= 0 && c.reporter >= 0 {
			rep[index[i]] = index[c.reporter]
		}
	}
	// The candidates were found token by token, so the acts are in text
	// order.
	return out, rep
}

// verbAt returns the act pattern of the verb at token k, or nil.
func (ax *actLexicon) verbAt(s *sent, k int) *ActPattern {
	for _, l := range s.verbLemmas(k) {
		if ps := ax.verbs[l]; len(ps) > 0 {
			return ps[0]
		}
	}
	return nil
}

// nounAt returns the act pattern of the noun at token k when an order
// word introduces it ("before the vote"), or nil.
func (ax *actLexicon) nounAt(s *sent, k int) *ActPattern {
	ps := ax.nouns[singular(s.low[k])]
	if len(ps) == 0 || !s.lx.is("act_order", s.marker(k)) {
		return nil
	}
	return ps[0]
}

// verbAct reads the act of the verb at v.
func (s *sent) verbAct(pat *ActPattern, v int, dates spanSet) (actCand, bool) {
	ctx := s.clause(v, 0)
	if ctx.skip {
		return actCand{}, false // "asked the council to approve": the request's
	}
	c := actCand{pat: pat, tok: v, comp: -1, reporter: -1}
	if ctx.passive && pat.Act == "meet" && s.dep(v, "aux:pass") < 0 {
		ctx.passive = false // "the board, assembled at 2 p.m.": meeting verbs take no object
	}
	if ctx.passive && s.lx.is("act_no_passive", s.lemma(v)) {
		return actCand{}, false // "must be met with a crackdown", "was met by the mayor": no sitting
	}
	who, matter := ctx.subj, -1
	if r, o := s.relativeObject(v); r >= 0 {
		// "a rise, which the committee approved": the committee approved
		// the rise, whatever the parse made subject.
		who, matter, ctx.passive = o, s.antecedentOf(v, r), false
	}
	if ctx.passive {
		who, matter = s.byAgent(v), ctx.subj
	}
	if who >= 0 && isVerbTag(s.tag(who)) {
		who = -1 // a clause is not who acted
	}
	if who >= 0 && s.relIs(who, "nmod") && s.marker(who) == "of" && s.relIs(v, "acl") {
		who = s.head(who) // "the Board of Directors, assembled …": the board
	}
	if who < 0 && !ctx.passive && (text.FiniteTag(s.tag(v)) || s.tag(v) == "VBN" && s.dep(v, "aux", "aux:pass") < 0) && !s.relIs(v, "acl", "xcomp", "conj") {
		who = s.subjectBefore(v, dates)
	}
	if who >= 0 && s.mAt[who] < 0 && (s.tag(who) == "WDT" || s.tag(who) == "WP") {
		who = -1 // an unresolved relative pronoun names no one
	}
	if pat.Collective && who >= 0 && !s.body(who, dates) {
		return actCand{}, false // "he sat down", "voters vote", "the trains passed": no body's act
	}
	if pat.Act == "meet" && !ctx.passive {
		if o := s.dep(v, "obj"); o >= 0 && (isNounTag(s.tag(o)) || s.tag(o) == "PRP") && !s.inDate(o, dates) {
			return actCand{}, false // "met the requirements", "meeting the demand": no sitting
		}
		var buf [16]int
		for _, d := range s.deps(v, buf[:0]) {
			if s.relIs(d, "obl") && s.lx.is("act_place_preps", s.marker(d)) {
				return actCand{}, false // "gathered around the candidate": where they stood
			}
		}
	}
	ev := model.Event{
		Doc: s.doc.ID, Sentence: s.span, Act: pat.Act, Pattern: pat.ID,
		Trigger:      model.NewSpan(s.doc.Text, s.toks[v].Start, s.toks[v].End),
		Negated:      ctx.neg && !s.actDelimited(v, dates),
		Future:       ctx.fut || ctx.intent,
		Hypothetical: s.hypothetical(ctx, "") || s.unas[v] || s.proposed(v),
	}
	if who >= 0 {
		ev.Source = s.actActor(who, dates)
		c.src = true
	}
	var mat model.Span
	switch {
	case pat.Act == "announce":
		if comp, from, linear := s.reportedClause(v); comp >= 0 {
			c.comp = comp
			mat, c.matter = s.clauseSpan(comp, from, linear), true
		} else if o := s.dep(v, "obj"); o >= 0 && pat.Object == "matter" && !ctx.passive {
			mat, c.matter, c.objMat = s.nominalSpan(s.antecedent(v, o), dates), true, true
		}
	case matter >= 0:
		mat, c.matter = s.nominalSpan(s.antecedent(v, matter), dates), true
	default:
		if d := s.matterOf(pat, v, dates); d >= 0 {
			mat, c.matter = s.nominalSpan(s.antecedent(v, d), dates), true
		}
	}
	if c.matter && mat.End > mat.Start {
		ev.Matter = &mat
	} else {
		c.matter = false
	}
	if pat.Object == "addressee" {
		if o := s.dep(v, "obj", "iobj"); o >= 0 {
			p := s.actActor(o, dates)
			ev.Target = &p
		}
	}
	s.actCode(&ev, pat.CAMEO)
	c.ev = ev
	return c, true
}

// nounAct reads the act of the noun at k ("before the vote in
// parliament"): who acted is its possessor or the phrase after it that
// says whose it is; there may be none.
func (s *sent) nounAct(pat *ActPattern, k int, dates spanSet) (actCand, bool) {
	c := actCand{pat: pat, tok: k, comp: -1, reporter: -1, noun: true}
	ev := model.Event{
		Doc: s.doc.ID, Sentence: s.span, Act: pat.Act, Pattern: pat.ID,
		Trigger: model.NewSpan(s.doc.Text, s.toks[k].Start, s.toks[k].End),
	}
	var buf [16]int
	for _, d := range s.deps(k, buf[:0]) {
		if s.rel(d) == "nmod:poss" || s.relIs(d, "nmod") && s.lx.is("act_noun_source", s.marker(d)) {
			if pat.Collective && s.onePerson(d) {
				return actCand{}, false // "after her meeting with X": one person's, no body's
			}
			ev.Source = s.actActor(d, dates)
			c.src = true
			break
		}
	}
	s.actCode(&ev, pat.CAMEO)
	c.ev = ev
	return c, true
}

// actCode gives an act its CAMEO code, when it has one, with what the code
// table says of it.
func (s *sent) actCode(ev *model.Event, code string) {
	ci, ok := s.lx.codes[code]
	if code == "" || !ok {
		return
	}
	ev.CAMEO, ev.Root = code, code[:2]
	ev.Goldstein, ev.QuadClass, ev.PLOVER, ev.Mode = ci.Goldstein, ci.QuadClass, ci.PLOVER, ci.Mode
	ev.Context = append([]string(nil), ci.Context...)
}

// relativeObject reports, for the relative clause of verb v, a relative
// pronoun and another subject the parse both hang on v as subjects ("a
// rise, which the committee approved"): the pronoun is the object. It
// returns the pronoun and the subject, or -1, -1.
func (s *sent) relativeObject(v int) (int, int) {
	if !s.relIs(v, "acl") {
		return -1, -1
	}
	r, o := -1, -1
	var buf [16]int
	for _, d := range s.deps(v, buf[:0]) {
		if !s.relIs(d, "nsubj", "obj") {
			continue
		}
		switch {
		case (s.tag(d) == "WDT" || s.tag(d) == "WP") && s.lx.is("relative", s.low[d]):
			r = d
		case s.relIs(d, "nsubj") && o < 0:
			o = d
		}
	}
	if r < 0 || o < 0 || r > o {
		return -1, -1
	}
	return r, o
}

// subjectBefore returns the head of the noun phrase right before the
// finite verb v, when the parse gave v no subject: "On 3 February the
// Chairperson of the Commission, Amara Ndiaye, declared …" with the
// phrase hung on the date. -1 when a noun does not stand there.
func (s *sent) subjectBefore(v int, dates spanSet) int {
	k := v - 1
	for k >= 0 && (s.punct(k) || s.head(k) == v && s.relIs(k, "aux", "advmod")) {
		k--
	}
	if k < 0 || !isNounTag(s.tag(k)) && s.tag(k) != "PRP" || s.inDate(k, dates) {
		return -1
	}
	for steps := 0; steps < 6; steps++ {
		h := s.head(k)
		if h < 0 || h >= v || !s.relIs(k, "flat", "compound", "appos", "nmod") || !isNounTag(s.tag(h)) || s.inDate(h, dates) {
			break
		}
		k = h
	}
	return k
}

func (s *sent) inDate(k int, dates spanSet) bool {
	return dates.overlaps(s.toks[k].Start, s.toks[k].End)
}

// byAgent returns the "by" phrase of the passive verb v, or -1.
func (s *sent) byAgent(v int) int {
	var buf [16]int
	for _, d := range s.deps(v, buf[:0]) {
		if s.relIs(d, "obl", "nmod") && s.marker(d) == "by" {
			return d
		}
	}
	return -1
}

// onePerson reports whether the nominal at k names one person: a
// person's name ("Ada Lind", resolved to a person), or "he", "she", "I".
// A common noun ("the council") is a body even when coreference took it
// for a person.
func (s *sent) onePerson(k int) bool {
	if s.tag(k) == "PRP" || s.tag(k) == "PRP$" {
		return s.lx.is("act_persons", s.low[k]) // "he", "her meeting"
	}
	m := s.mAt[k]
	return m >= 0 && s.ms[m].Actor.Person && s.ms[m].Actor.Name != "" && (s.tag(k) == "NNP" || s.tag(k) == "NNPS")
}

// body reports whether the nominal at k names a body or a group that
// meets, votes or agrees as one: a noun for a body ("the council", "a
// House panel", act_bodies), the plural of a noun for its members
// ("lawmakers", "European leaders", act_members), an actor the mention
// resolver coded that is not the public (act_public_agents: "black
// voters", "demonstrators"), or actors joined by "and". One person, an
// unresolved pronoun ("we vote", "you're sitting there") and a thing
// ("the trains passed") are none.
func (s *sent) body(k int, dates spanSet) bool {
	if s.bodyAt(k, dates) {
		return true
	}
	var buf [16]int
	for _, d := range s.deps(k, buf[:0]) {
		if d > k && s.relIs(d, "nmod", "obl") && s.lx.is("act_order", s.marker(d)) {
			// "two days before the committee voted", parsed with the
			// days as subject: who voted is the noun after the order word.
			return s.bodyAt(d, dates)
		}
	}
	return false
}

// bodyAt is body for the nominal at k itself.
func (s *sent) bodyAt(k int, dates spanSet) bool {
	var buf [16]int
	for _, d := range s.deps(k, buf[:0]) {
		if s.rel(d) == "conj" && (isNounTag(s.tag(d)) || s.tag(d) == "PRP") {
			return true // "France and Germany met"
		}
	}
	if s.onePerson(k) {
		return false
	}
	m := s.mAt[k]
	if m < 0 && s.tag(k) != "PRP" {
		a, b := s.nominal(k, dates)
		for x := a; x < b && m < 0; x++ {
			m = s.mAt[x] // "dozens of local elected officials"
		}
	}
	if m >= 0 {
		switch act := s.ms[m].Actor; {
		case act.Person && s.tag(k) == "PRP":
			return false // "she", resolved to a person
		case act.Person:
			// a common noun the resolver took for a role's holder ("the
			// council", "the nominee"): the noun says
		case act.Code != "":
			return !s.public(act.Code)
		}
	}
	if s.tag(k) == "PRP" {
		return false
	}
	w := singular(s.low[k])
	return s.lx.is("act_bodies", s.low[k]) || s.lx.is("act_bodies", w) || text.PluralTag(s.tag(k)) && s.lx.is("act_members", w)
}

// public reports whether an actor code is the public's, not a body's:
// its agent is one of act_public_agents ("USACVL", "REF").
func (s *sent) public(code string) bool {
	if len(code) < 3 {
		return false
	}
	return s.lx.is("act_public_agents", strings.ToLower(code[len(code)-3:]))
}

// actDelimited reports whether the negated verb v is delimited in time:
// "did not meet until 4 June", "did not meet before 6 May". It met then.
// The delimiter must govern a phrase: "had not met before" is no date.
func (s *sent) actDelimited(v int, dates spanSet) bool {
	var buf, b2 [16]int
	for _, d := range s.deps(v, buf[:0]) {
		if s.relIs(d, "obl", "advcl", "nmod") && s.lx.is("act_delimiters", s.marker(d)) {
			return true
		}
		if s.lx.is("act_delimiters", s.low[d]) && (len(s.deps(d, b2[:0])) > 0 || d+1 < len(s.toks) && s.inDate(d+1, dates)) {
			return true // "until" read as a word, with its phrase under it or a date after it
		}
	}
	return false
}

// proposed reports whether the verb v is what someone proposes rather
// than what was done: the clause of a verb of proposing ("recommended
// that the Council authorize a mission").
func (s *sent) proposed(v int) bool {
	x := v
	for steps := 0; x >= 0 && steps < 4 && s.relIs(x, "conj"); steps++ {
		x = s.head(x)
	}
	if x < 0 || !s.relIs(x, "ccomp", "xcomp") {
		return false
	}
	h := s.head(x)
	if h < 0 {
		return false
	}
	for _, l := range s.verbLemmas(h) {
		if s.lx.is("act_proposal", l) {
			return true
		}
	}
	return false
}

// reportedClause returns the verb of the clause that the announcing verb
// v reports, and the token its words start from: its clausal complement
// in the parse, else (linear) the first verb after a "that" that follows
// v with no other verb between, the clause then running from the "that"
// to the end of the sentence. verb is -1 when there is none.
func (s *sent) reportedClause(v int) (verb, from int, linear bool) {
	if d := s.dep(v, "ccomp"); d >= 0 {
		f, _ := s.subtree(d)
		m := s.dep(d, "mark")
		if m >= 0 && s.lx.is("act_order", s.low[m]) {
			// "announced the cut on 4 May, two days before the
			// committee voted", the clause of time parsed as a
			// complement: when, not what was announced
			return -1, -1, false
		}
		if m >= 0 && m > f {
			f = m // the clause starts at its "that", whatever the parse hangs before it
		}
		return d, f, false
	}
	n := len(s.toks)
	for x := v + 1; x < n; x++ {
		if s.hardBoundary(x) {
			return -1, -1, false
		}
		if s.low[x] == "that" && s.tag(x) != "DT" && s.tag(x) != "WDT" {
			for y := x + 1; y < n; y++ {
				if s.hardBoundary(y) {
					return -1, -1, false
				}
				if s.mainVerb(y) {
					return y, x, true
				}
			}
			return -1, -1, false
		}
		if s.mainVerb(x) {
			return -1, -1, false // another verb's clause first
		}
	}
	return -1, -1, false
}

// mainVerb reports whether token k is a verb that is not an auxiliary.
func (s *sent) mainVerb(k int) bool {
	if !isVerbTag(s.tag(k)) || s.tag(k) == "MD" || s.relIs(k, "aux", "cop") {
		return false
	}
	if s.auxLike(k) {
		for y := k + 1; y < len(s.toks) && y <= k+3; y++ {
			if isVerbTag(s.tag(y)) {
				return false // "had decided", "has been awarded"
			}
		}
	}
	return true
}

// matterOf returns the token whose phrase is the matter of the act at
// v: its open or clausal complement ("decided to deploy", "resolved
// that …"), its object, or a phrase introduced by a preposition of
// matter ("voted on the contract"). -1 when there is none.
func (s *sent) matterOf(pat *ActPattern, v int, dates spanSet) int {
	if pat.from(matterInfinitive) {
		if d := s.dep(v, "xcomp"); d >= 0 {
			return d
		}
		var b0 [16]int
		for _, d := range s.deps(v, b0[:0]) {
			if d > v && s.relIs(d, "advcl") && s.marker(d) == "to" {
				return d // "decided on Tuesday to close …" with the infinitive hung as an adverbial
			}
		}
	}
	if pat.from(matterClause) {
		if d := s.dep(v, "ccomp"); d >= 0 {
			return d
		}
	}
	if pat.Object == "matter" && pat.from(matterObject) {
		if d := s.dep(v, "obj"); d >= 0 && !s.inDate(d, dates) {
			return d
		}
	}
	if pat.from(matterPreposition) {
		var buf [16]int
		for _, d := range s.deps(v, buf[:0]) {
			if d > v && s.relIs(d, "obl") && s.rel(d) != "obl:tmod" && s.lx.is("act_matter_preps", s.marker(d)) && !s.inDate(d, dates) {
				return d
			}
		}
	}
	return -1
}

// The places a matter is read from (ActPattern.MatterFrom).
const (
	matterObject      = "object"      // "approved the budget"
	matterInfinitive  = "infinitive"  // "decided to close the library"
	matterClause      = "clause"      // "resolved that …"
	matterPreposition = "preposition" // "voted on the contract"
)

// from reports whether a matter of the pattern may be read from place.
func (a *ActPattern) from(place string) bool {
	if len(a.MatterFrom) == 0 {
		return true
	}
	for _, p := range a.MatterFrom {
		if p == place {
			return true
		}
	}
	return false
}

// antecedent returns, for a relative pronoun d that is the object of the
// relative clause of v, the noun the clause modifies ("a rise, which the
// committee approved"); otherwise d.
func (s *sent) antecedent(v, d int) int {
	if s.lx.is("relative", s.low[d]) && s.relIs(v, "acl") {
		return s.antecedentOf(v, d)
	}
	return d
}

// antecedentOf returns the noun that the relative clause of v, opened by
// the pronoun r, modifies: the clause's head when it is a noun, else the
// phrase right before the pronoun ("a rise in the rate, which …" hung
// on the verb before it), or r when there is none.
func (s *sent) antecedentOf(v, r int) int {
	if h := s.head(v); h >= 0 && isNounTag(s.tag(h)) {
		return h
	}
	k := r - 1
	for k >= 0 && s.punct(k) {
		k--
	}
	if k < 0 || !isNounTag(s.tag(k)) {
		return r
	}
	for steps := 0; steps < 6; steps++ {
		h := s.head(k)
		if h < 0 || h > k || !s.relIs(k, "nmod", "compound", "flat") || !isNounTag(s.tag(h)) {
			break
		}
		k = h
	}
	return k
}

// actActor returns who the nominal at k names: the words of its phrase
// (with a title set off before it: "The Chief Executive, Tomas Reyes,"),
// and the actor of the mention it is or holds, if any.
func (s *sent) actActor(k int, dates spanSet) model.Participant {
	a, b := s.nominal(k, dates)
	a = s.titleBefore(a, b, dates)
	p := model.Participant{Span: model.NewSpan(s.doc.Text, s.toks[a].Start, s.toks[b-1].End)}
	m := s.mAt[k]
	if m < 0 {
		for x := a; x < b; x++ {
			if s.mAt[x] >= 0 {
				m = s.mAt[x]
				break
			}
		}
	}
	if m >= 0 {
		p.Code, p.Name = s.ms[m].Actor.Code, s.ms[m].Actor.Name
	}
	return p
}

// titleBefore returns where a name's phrase [a, b) begins when a title
// stands before it set off by commas, "The Chief Executive, Tomas Reyes,
// disclosed …" (the parse may make the name the subject and hang the
// title elsewhere): the start of the title, else a.
func (s *sent) titleBefore(a, b int, dates spanSet) int {
	if a < 2 || b >= len(s.toks) || s.low[a-1] != "," || s.low[b] != "," {
		return a
	}
	c := a - 1
	for c > 0 {
		switch s.tag(c - 1) {
		case "DT", "JJ", "NN", "NNS", "NNP", "NNPS":
			if !s.inDate(c-1, dates) && s.mAt[c-1] < 0 || s.mAt[c-1] >= 0 && !s.ms[s.mAt[c-1]].Actor.Person {
				c--
				continue
			}
		}
		break
	}
	if c == a-1 || c > 0 && !s.punct(c-1) {
		return a // nothing there, or a phrase after a preposition ("After the vote, …")
	}
	return c
}

// maxPhrase bounds, in tokens on either side of its head, the phrase of
// an actor or a matter.
const maxPhrase = 64

// nominalSpan returns the words of the phrase that token k heads (see
// nominal).
func (s *sent) nominalSpan(k int, dates spanSet) model.Span {
	a, b := s.nominal(k, dates)
	return model.NewSpan(s.doc.Text, s.toks[a].Start, s.toks[b-1].End)
}

// nominal returns the tokens [a, b) of the phrase that token k heads,
// with the mention it is part of, without the clauses inside it
// (relative, adverbial), its phrases of time, the words of a date or a
// preposition before it, and punctuation at either end.
func (s *sent) nominal(k int, dates spanSet) (int, int) {
	a, b := s.subtree(k)
	// A phrase is read within maxPhrase tokens of its head, so that the
	// acts of a sentence cost its length, not its length squared, however
	// deeply its phrases nest.
	a, b = max(a, k-maxPhrase), min(b, k+maxPhrase+1)
	cut := func(x int) {
		xa, xb := s.subtree(x)
		if x > k && xa < b {
			b = max(xa, k+1)
		}
		if x < k && xb > a {
			a = min(xb, k)
		}
	}
	// Its clauses first, then its phrases of time among what is left.
	for x := a; x < b; x++ {
		if h := s.head(x); x != k && h >= a && h < b && s.relIs(x, "acl", "parataxis", "advcl", "dep") && !(s.rel(x) == "acl" && s.marker(x) == "to") {
			cut(x)
		}
	}
	for x := k + 1; x < b; x++ {
		if h := s.head(x); h >= a && h < b && s.relIs(x, "nmod", "obl") && s.inDate(x, dates) {
			cut(x)
		}
	}
	if m := s.mAt[k]; m >= 0 {
		a, b = min(a, s.mtok[m][0]), max(b, s.mtok[m][1])
	}
	noun := !isVerbTag(s.tag(k))
	for a < k && (s.punct(a) || noun && (s.tag(a) == "IN" || s.relIs(a, "case", "mark", "cc")) || s.inDate(a, dates)) {
		a++ // "including George Roe", "On 3 February the Chair …"
	}
	for b-1 > k && s.punct(b-1) {
		b--
	}
	return a, b
}

// clauseSpan returns the words of the clause of verb v from token from
// (its "that"): to the end of v's phrase, or, read linearly, to the end
// of the sentence.
func (s *sent) clauseSpan(v, from int, linear bool) model.Span {
	_, b := s.subtree(v)
	a := from
	if linear {
		b = len(s.toks)
	}
	for a < b-1 && s.punct(a) {
		a++
	}
	for b-1 > a && s.punct(b-1) {
		b--
	}
	return model.NewSpan(s.doc.Text, s.toks[a].Start, s.toks[b-1].End)
}

// punct reports whether token k is punctuation.
func (s *sent) punct(k int) bool {
	if s.toks[k].UPOS == "PUNCT" {
		return true
	}
	switch s.tag(k) {
	case ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP":
		return true
	}
	return false
}

// explainAct writes what Explain says of an act of the record: its kind,
// its matter, and the announcement that reports it.
func explainAct(b *strings.Builder, ev model.Event) {
	fmt.Fprintf(b, "  act       %s", ev.Act)
	if ev.CAMEO == "" {
		b.WriteString(" (dossier's own act: CAMEO and PLOVER have no code for it)")
	}
	b.WriteString("\n")
	if ev.Matter != nil {
		fmt.Fprintf(b, "  matter    %q at [%d,%d)\n", ev.Matter.Text, ev.Matter.Start, ev.Matter.End)
	}
	if ev.ReportedBy != "" {
		fmt.Fprintf(b, "  reported  by %s: the act is that announcement's claim\n", ev.ReportedBy)
	}
}
