package events

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// The roles of a trigger come from the dependency parse of its sentence:
// the subject (nsubj), object (obj, iobj), obliques with their
// preposition (obl + case), the passive subject (nsubj:pass) with its
// agent (obl:agent, "by"), open complements (xcomp: "asked X to help",
// "threatened to impose"), clausal complements (ccomp: reported speech),
// conjunctions (conj) of verbs and of arguments, and negation and
// modality from the verb's own dependents (advmod "not", aux "may").
// Token indexes here are local to the sentence (s.toks).

// head returns the local index of token k's head, or -1 for the root (or
// a head outside the sentence).
func (s *sent) head(k int) int {
	h := s.toks[k].Head
	if h < 0 {
		return -1
	}
	h -= s.off
	if h < 0 || h >= len(s.toks) {
		return -1
	}
	return h
}

// rel returns token k's relation to its head.
func (s *sent) rel(k int) string { return s.toks[k].Rel }

// relIs reports whether token k's relation is one of rels (a relation
// without subtype matches every subtype).
func (s *sent) relIs(k int, rels ...string) bool {
	return k >= 0 && k < len(s.toks) && s.td.RelIs(k+s.off, rels...)
}

// deps appends the local indexes of token k's dependents to buf.
func (s *sent) deps(k int, buf []int) []int {
	n := len(buf)
	buf = s.td.Dependents(k+s.off, buf)
	for x := n; x < len(buf); x++ {
		buf[x] -= s.off
	}
	return buf
}

// dep returns token k's first dependent with one of rels, or -1.
func (s *sent) dep(k int, rels ...string) int {
	d := s.td.Dependent(k+s.off, rels...)
	if d < 0 {
		return -1
	}
	return d - s.off
}

// lemma returns the lower-case lemma of token k (its text when the parse
// gave none).
func (s *sent) lemma(k int) string {
	if l := s.toks[k].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return s.low[k]
}

// marker returns the preposition or subordinator that introduces token k
// (its case or mark dependent, "according to" as two words), or "".
func (s *sent) marker(k int) string {
	var a [8]int
	ds := s.deps(k, a[:0])
	for _, d := range ds {
		if s.rel(d) == "case" || s.rel(d) == "mark" {
			if f := s.dep(d, "fixed"); f >= 0 {
				return s.low[d] + " " + s.low[f]
			}
			if s.low[d] == "to" && d > 0 && s.low[d-1] == "up" && d < k && s.tag(d+1) == "CD" {
				// "up to 4,000 troops": a quantity, not a preposition
				return ""
			}
			return s.low[d]
		}
	}
	// "to five officers" with the preposition hung on the number.
	if len(ds) > 0 && ds[0] < k && s.relIs(ds[0], "nummod", "det", "amod") {
		if c := s.dep(ds[0], "case", "mark"); c >= 0 && c < ds[0] {
			return s.low[c]
		}
	}
	return ""
}

// clauseBefore returns the verb of the clause that a gerund v after a
// comma continues when the parse hung both on the same head: the nearest
// verbal sibling before v with a subject of its own, or -1.
func (s *sent) clauseBefore(v int) int {
	h := s.head(v)
	if h < 0 || v == 0 || s.tag(v-1) != "," {
		return -1
	}
	for k := v - 1; k >= 0; k-- {
		if s.head(k) == h && s.isVerbal(k) && s.relIs(k, "ccomp", "parataxis", "conj") && s.dep(k, "nsubj") >= 0 {
			return k
		}
	}
	return -1
}

// ofNoun returns the noun before the gerund v that its "of" belongs to,
// where the parse hung the gerund on the verb pv instead: a noun oblique
// of pv between the two ("referring to her account in 2008 of coming …");
// -1 when v is not marked "of" or there is none. (With an object of pv
// before it, "accused Y of attacking", the caller has taken Y.)
func (s *sent) ofNoun(v, pv int) int {
	if pv < 0 || s.marker(v) != "of" {
		return -1
	}
	for k := v - 1; k > pv; k-- {
		if s.head(k) == pv && s.relIs(k, "obl") && (s.tag(k) == "NN" || s.tag(k) == "NNS") {
			return k
		}
	}
	return -1
}

// isVerbal reports whether token k heads a clause of its own: a verb, or
// a predicate with a subject or copula.
func (s *sent) isVerbal(k int) bool {
	if isVerbTag(s.tag(k)) || s.toks[k].UPOS == "VERB" {
		return true
	}
	return s.dep(k, "cop", "nsubj") >= 0
}

// actors returns the mentions that the nominal at token k names, with
// those of its conjuncts ("Chad and Niger"), or nil.
func (s *sent) actors(k int) []int {
	if k < 0 {
		return nil
	}
	out := s.actorOne(k, nil)
	var a [8]int
	for _, d := range s.deps(k, a[:0]) {
		if s.rel(d) == "conj" {
			out = s.actorOne(d, out)
		}
	}
	return out
}

// actorOne adds the mention that the nominal at token k names: the
// mention covering k itself; else one covering a modifier that says
// whose it is ("Swiss doctors", "Kenya's army"); else the complement of a
// head that only counts ("the presidents of Chad"). A possessor after "of"
// only owns the noun ("a meeting of Togo's neighbours") and is not taken.
func (s *sent) actorOne(k int, out []int) []int {
	n := len(out)
	out = s.actorOf(k, out)
	if len(out) > n {
		return out
	}
	// No mention: a modifier the actor dictionary knows ("Russian
	// aircraft"), the apposition that says who it is ("Kenzo Oshima, the
	// UN Emergency Relief Coordinator"), or a name the dictionary knows
	// that is no mention, as a place after a preposition is not ("in
	// Amman").
	if m := s.modified(k); m >= 0 {
		return appendMention(out, m)
	}
	var a [8]int
	for _, d := range s.deps(k, a[:0]) {
		if d > k && s.rel(d) == "appos" {
			if out = s.actorOf(d, out); len(out) > n {
				return out
			}
			if m := s.modified(d); m >= 0 {
				return appendMention(out, m)
			}
		}
	}
	if m := s.placeAt(k); m >= 0 {
		return appendMention(out, m)
	}
	if d := s.dep(k, "nsubj"); d >= 0 && d < k && isNounTag(s.tag(k)) && s.dep(k, "cop") < 0 && s.mAt[k] < 0 && !s.objectOfMisread(k) {
		// "The Nigerian Union of Teachers (NUT), the umbrella union for
		// …, announced": an apposition read as a predicate of the name
		// before it, with no copula; the name is who it is.
		if ms := s.actorOne(d, nil); len(ms) > 0 {
			return append(out, ms...)
		}
	}
	if m := s.agentWord(k); m >= 0 {
		// "Hundreds of thousands of people blocked streets in Hong
		// Kong": an agent word the mention stage left out.
		return appendMention(out, s.refine(k, m))
	}
	if m := s.unknownName(k); m >= 0 {
		// A name nobody knows may still say whose it is (its apposition,
		// the list of people).
		out = appendMention(out, s.refine(k, m))
	}
	return out
}

func (s *sent) actorOf(k int, out []int) []int {
	if m := s.mAt[k]; m >= 0 {
		if s.ms[m].Actor.Code == "" {
			// "King Hassan of Morocco": a name with no code is known by
			// what it is of; a pronoun that stands for it ("he") too.
			if x := s.ofActor(k, m); x >= 0 {
				return appendMention(out, x)
			}
			if s.tag(k) == "PRP" && s.ms[m].Actor.Name != "" {
				for o := range s.mtok {
					if o != m && s.ms[o].Actor.Name == s.ms[m].Actor.Name && s.ms[o].Actor.Code == "" && s.mtok[o][0] < k {
						if x := s.ofActor(s.mtok[o][1]-1, o); x >= 0 {
							return appendMention(out, x)
						}
					}
				}
			}
		}
		return appendMention(out, s.refined(k, m))
	}
	var a [8]int
	ds := s.deps(k, a[:0])
	kin := s.lx.is("kin", s.lemma(k)) // "her husband", "the son of X": not she, not X
	followers := s.lx.is("followers", s.lemma(k))
	other := s.lx.is("relations", s.lemma(k)) // "the United States' southern neighbor": not the United States
	for _, d := range ds {
		if m := s.mAt[d]; m >= 0 && s.relIs(d, "amod", "compound", "nmod:poss", "flat") {
			if (kin || other) && s.relIs(d, "nmod:poss") || followers && s.ms[m].Actor.Person {
				continue // ("Sen. X's Kentucky supporters": not X)
			}
			if s.ms[m].Actor.Person && s.ms[m].Actor.Code == "" {
				// "President Reagan's statement": the list of people or
				// an apposition codes the possessor, as a subject
				return appendMention(out, s.refined(d, m))
			}
			return appendMention(out, m)
		}
	}
	if kin || other {
		return out
	}
	for _, d := range ds {
		if s.rel(d) == "nmod" && s.marker(d) == "of" && s.mAt[d] >= 0 {
			// "supporters of former President X": X as the list of
			// people or an apposition codes X
			out = appendMention(out, s.refined(d, s.mAt[d]))
			var b [8]int
			for _, c := range s.deps(d, b[:0]) {
				if s.rel(c) == "conj" && s.mAt[c] >= 0 {
					out = appendMention(out, s.refined(c, s.mAt[c]))
				}
			}
			return out
		}
	}
	// "supporters of former President Ahmed Ben Bella": a name that is
	// no mention, when the list of people or its apposition gives it a
	// code.
	for _, d := range ds {
		if d > k && s.rel(d) == "nmod" && s.marker(d) == "of" && s.tag(d) == "NNP" {
			if m := s.nameMention(d); m >= 0 {
				if r := s.refine(d, m); s.ms[r].Actor.Code != "" {
					return appendMention(out, r)
				}
			}
		}
	}
	return out
}

// ofActor returns the mention of what the name at token k (mention m)
// is "of" ("King Hassan of Morocco"), when it has a code, or -1.
func (s *sent) ofActor(k, m int) int {
	var a [8]int
	for _, d := range s.deps(k, a[:0]) {
		if s.rel(d) == "nmod" && s.marker(d) == "of" && s.mAt[d] >= 0 && s.mAt[d] != m && s.ms[s.mAt[d]].Actor.Code != "" {
			return s.mAt[d]
		}
	}
	return -1
}

func appendMention(out []int, m int) []int {
	for _, x := range out {
		if x == m {
			return out
		}
	}
	return append(out, m)
}

// verbCtx is what the tree says about the clause of a verb.
type verbCtx struct {
	verb    int // the verb (or predicate) whose clause this is
	subj    int // the token in subject position, or -1
	passive bool
	neg     bool
	fut     bool
	hypo    bool
	intent  bool
	skip    bool
	// expr is the token that expresses the intention (an intent governor
	// or an intent trigger), or -1; exprOpen says that expression is
	// itself future, modal or conditional-bound ("will declare").
	expr     int
	exprOpen bool
	// dated: "not … until X" cleared the negation.
	dated bool
	// stmt: the trigger is a threat or warning; a condition after it
	// governs what is threatened, not the threat.
	stmt bool
	// purpose: the verb is a purpose clause that performs its act
	// ("… to protest"): coded with the grammar's purpose_acts code.
	purpose bool
	// modal: a modal auxiliary of the verb itself ("may", "could")
	// makes it hypothetical.
	modal bool
	// refuser is the word of refusal that governs the verb ("refused
	// to meet"), or -1: the event is then a rejection (see refused).
	refuser int
}

// clause reads the clause of the verb (or predicate) at v: its subject,
// voice, negation, future and modality, and for a verb that another
// governs (an infinitive, a participle, a coordinated verb) what the
// governor passes down.
func (s *sent) clause(v, depth int) verbCtx {
	ctx := verbCtx{verb: v, subj: -1, expr: -1, refuser: -1}
	notNeg, past, own := false, s.tag(v) == "VBD", false
	var a [16]int
	ds := s.deps(v, a[:0])
	for _, d := range ds {
		w := s.low[d]
		switch s.rel(d) {
		case "nsubj", "csubj", "expl":
			if s.rel(d) != "expl" && (ctx.subj < 0 || s.lx.is("time_nouns", s.low[ctx.subj]) ||
				s.lx.is("relative", s.low[ctx.subj]) && strings.HasPrefix(s.tag(ctx.subj), "W") && !s.lx.is("relative", s.low[d]) && d > ctx.subj ||
				ctx.subj == 0 && d > 1 && s.low[1] == ",") {
				// "Tuesday the Serbian parliament approved": a time
				// word read as a second subject is none; nor is a
				// relative word before another subject, which it is
				// the object of ("X, who many in the party had
				// backed"), nor a word set off by a comma at the
				// sentence's start ("Disillusioned, Mr. X resigned").
				ctx.subj = d
			}
			own = true
		case "nsubj:pass", "csubj:pass":
			ctx.subj, ctx.passive, own = d, true, true
		case "aux:pass":
			ctx.passive = true
			past = past || w == "was" || w == "were"
		case "aux", "cop":
			own = true
			switch {
			case s.lx.is("future", w):
				ctx.fut = true
			case w == "would" && s.reported(v):
				// "X said it would allow …": the future of reported
				// speech, not a condition.
				ctx.fut = true
			case s.lx.is("modal", w) && s.isModal(d):
				ctx.hypo, ctx.modal = true, true
				if w == "cannot" {
					ctx.neg = true
				}
			case w == "did" || w == "had" || w == "was" || w == "were":
				past = true
			}
		case "advmod", "neg", "det":
			if s.lx.is("negators", w) && w != "no" && w != "without" {
				ctx.neg = true
				notNeg = notNeg || w == "not" || w == "n't"
			}
		}
	}
	if !ctx.passive && s.tag(v) == "VBN" && s.dep(v, "obj") < 0 {
		// A participle with a by-agent is passive ("… and killed by a
		// police officer").
		for _, d := range ds {
			if s.rel(d) == "obl:agent" {
				ctx.passive = true
				break
			}
		}
	}
	if ctx.subj >= 0 && s.dep(ctx.subj, "case") >= 0 && s.dep(ctx.subj, "case") < ctx.subj {
		// "After talks with Somalia, Kenya attacked": a phrase with a
		// preposition is no subject.
		ctx.subj, ctx.passive = -1, false
	}
	if ctx.subj >= 0 && s.neitherBefore(v, ctx.subj) {
		// "neither the nominee nor her campaign helped": no one did
		ctx.neg = true
	}
	if o := s.dep(v, "obj"); o >= 0 {
		if d := s.dep(o, "det"); s.lx.is("object_negators", s.low[o]) || d >= 0 && s.lx.is("object_negators", s.low[d]) {
			// "offered no proof", "harmed nobody": the act did not
			// happen
			ctx.neg = true
		}
	}
	if ctx.subj >= 0 && ctx.subj < v {
		// "Nairobi, 2 May 2018 - Tomas Vellinga met …": a dateline read
		// as the subject, with the real one as its apposition after a
		// dash.
		var b [8]int
		for _, d := range s.deps(ctx.subj, b[:0]) {
			if s.rel(d) == "appos" && d < v && s.dashBefore(d) {
				ctx.subj = d
				break
			}
		}
	}
	if ctx.subj >= 0 && s.lx.is("relative", s.low[ctx.subj]) && s.relIs(v, "acl") {
		// "Kenya, which borders Somalia": the relative pronoun stands for
		// the noun the clause modifies.
		r := ctx.subj
		ctx.subj = s.head(v)
		if a := ctx.subj; s.lx.is("person_relatives", s.low[r]) && (s.tag(a) == "NNP" || s.tag(a) == "NNPS") && s.relIs(a, "nmod") && s.head(a) >= 0 && s.head(a) < a {
			// "a nun from Miami who oppose his return": "who" is the
			// person, not the place (a name after a preposition of
			// place) the parse hung the clause on
			if c := s.dep(a, "case"); c >= 0 && s.lx.is("locative_prepositions", s.low[c]) {
				ctx.subj = s.head(a)
			}
		}
	}
	if notNeg && !ctx.hypo && s.delimited(ds) {
		// "did not meet until June": it met, in June; "will not attack
		// until Y withdraws": a condition.
		ctx.neg, ctx.dated = false, true
		if !past {
			ctx.hypo = true
		}
	}
	if ctx.subj < 0 && text.FiniteTag(s.tag(v)) && s.rel(v) != "acl" {
		// A finite verb has a subject; when the parse gave it none, a name
		// right before its verb group is it ("Before Somalia had attacked
		// Togo, Kenya praised Uganda" with "Kenya" hung elsewhere; "Just
		// after X carried out his attack …, Y was calling for change").
		// Not a verb the parse hung from a noun as its participle,
		// whatever its tag ("X, a businessman arrested in Y in October,
		// was …"): the participle's own rule below reads it.
		if h := s.head(v); s.rel(v) == "xcomp" && h >= 0 && s.rel(h) == "acl:relcl" && s.head(h) >= 0 && s.head(h) < h {
			// "The leader … who criticized Sweden resigned", read with
			// "resigned" as what Sweden was made to do: a finite verb is
			// no open complement, and the relative clause ends before
			// it; its subject is the noun the clause modifies, not the
			// object before it
			ctx.subj = s.head(h)
		} else {
			ctx.subj = s.adjacentSubject(v)
		}
	}
	if ctx.subj < 0 && s.relIs(v, "advcl", "conj", "parataxis") && s.finiteAux(v) {
		// "Just after X carried out his attack …, Y was calling for
		// change", with the clause hung on the first: a name that opens
		// the clause after a comma, right before its finite auxiliary,
		// is its subject (not the first clause's)
		if k := s.adjacentSubject(v); k >= 0 && s.mAt[k] >= 0 {
			if f := s.mtok[s.mAt[k]][0]; f > 0 && s.low[f-1] == "," {
				ctx.subj = k
			}
		}
	}
	if depth > 4 {
		return ctx
	}
	h := s.head(v)
	switch {
	case h < 0 || ctx.subj >= 0 && text.FiniteTag(s.tag(v)) && s.relIs(v, "xcomp", "conj", "appos", "amod"):
	case ctx.subj < 0 && s.marker(v) == "for" && s.tag(v) == "VBG" && s.relIs(v, "acl") && !s.isVerbal(h) && s.lx.is("intent", s.lemma(h)):
		// "Trump's proposal for banning Muslim immigration": a gerund
		// after "for" under a noun of intention is intended, not done
		s.governor(&ctx, h, depth)
	case ctx.subj < 0 && s.marker(v) != "to" && s.marker(v) != "from" && (s.relIs(v, "acl") && s.rel(v) != "acl:relcl" ||
		s.relIs(v, "amod") && h < v && isVerbTag(s.tag(v)) && s.dep(v, "obj") >= 0):
		// A participle after its noun: "leaders meeting in Dakar" (the
		// leaders meet; not "stopped teachers from sending …", where the
		// gerund is what they are kept from), "sanctions imposed on Niger" (the sanctions are
		// imposed: passive). A gerund after a determiner is a noun. A
		// participle with a direct object is active whatever its tag:
		// "rebels shelled the capital, officials said" read as a noun
		// and its modifier is the rebels shelling it.
		ctx.subj = h
		if (s.tag(v) == "VBN" || s.tag(v) == "VBD") && s.dep(v, "obj") < 0 {
			ctx.passive = true
		}
		if d := s.dep(h, "det"); d >= 0 && s.lx.is("object_negators", s.low[d]) {
			// "there are no troops attacking Y": none do
			ctx.neg = true
		}
		if s.relIs(h, "root", "ccomp", "parataxis", "advcl", "xcomp") && !s.isVerbal(h) && s.dep(v, "aux:pass") < 0 &&
			(text.FiniteTag(s.tag(v)) || s.dep(v, "obj", "xcomp", "advcl", "ccomp") >= 0) {
			// A noun in the place of a clause (the root, a reported
			// clause) with a participle that takes complements is a
			// clause misread: "Swiss doctors handed over medicine to …",
			// "ministers agreed … to provide".
			ctx.passive = false
		}
		if s.dep(h, "cop") >= 0 {
			// "This is not about Kenya deploying troops": the predicate's
			// negation or modality is the participle's.
			g := s.clause(h, depth+1)
			ctx.neg, ctx.hypo = ctx.neg || g.neg, ctx.hypo || g.hypo
		}
	case ctx.subj < 0 && s.relIs(v, "advcl") && (s.tag(v) == "VBD" || s.tag(v) == "VBN") && s.hasObject(v) &&
		s.relIs(h, "acl") && s.tag(h) == "VBG" && s.dep(h, "nsubj") < 0 && s.head(h) >= 0 && s.head(h) < h &&
		!s.isVerbal(s.head(h)) && s.relIs(s.head(h), "root", "ccomp", "parataxis"):
		// "British aircraft using guided missiles killed 4 Iraqis" read
		// as a noun with a participle, and the verb as the participle's
		// adverbial clause: the noun is the verb's subject.
		ctx.subj = s.head(h)
	case ctx.subj < 0 && s.misreadModifier(v):
		// A verb read as an adjective of its own object ("A Russian
		// official offered concessions", "agents sexually abused
		// immigrants"): the noun phrase before it is its subject.
		ctx.subj = s.misreadSubject(v)
	case s.rel(v) == "acl:relcl" && ctx.subj < 0 && text.FiniteTag(s.tag(v)) && h < v && !s.relativeIn(ds):
		// A finite verb read as a relative clause with neither subject
		// nor relative word is a main clause misread ("Russian aircraft
		// including helicopter gunships killed …"): the noun it hangs
		// on is its subject.
		ctx.subj = h
	case s.rel(v) == "conj" && ctx.subj < 0 && s.coordinated(v):
		// Coordinated verbs share the first verb's subject ("X accused Y
		// of … and demanded …": never the first verb's object) and, with
		// no auxiliary of their own, its negation and modality.
		g := s.clause(h, depth+1)
		if g.skip {
			ctx.skip = true
		}
		ctx.subj = g.subj
		if s.isVerbal(h) && g.passive && !ctx.passive && g.verb == h && s.dep(v, "obj") < 0 &&
			(s.tag(v) == "VBN" || s.tag(v) == "VBD" && s.dep(v, "aux", "obl:agent") < 0 && s.lx.is("object_required", s.lemma(v))) {
			// "X was charged in Y and extradited to Z": the conjunct of
			// a passive is passive too, tagged as a participle, or as a
			// past tense of a verb that cannot go without its object.
			ctx.passive = true
		}
		if !ctx.passive && s.dep(v, "obj") < 0 && (s.tag(v) == "VBN" || s.tag(v) == "VBD") && s.passiveAdjective(h) {
			// "He was tased and then shot": the conjunct of a passive
			// read as an adjective after "was" is passive too.
			ctx.passive = true
		}
		if !own {
			ctx.neg = ctx.neg || g.neg
			ctx.fut = ctx.fut || g.fut
			ctx.hypo = ctx.hypo || g.hypo
			if g.intent {
				ctx.intent, ctx.expr, ctx.exprOpen = true, g.expr, g.exprOpen
			}
		}
	case ctx.subj < 0 && s.rel(v) == "xcomp" && s.marker(v) != "to" && s.auxLike(h):
		// "have discussed" read as a verb and its complement: the
		// auxiliary's clause is the verb's.
		g := s.clause(h, depth+1)
		ctx.subj = g.subj
		ctx.neg, ctx.fut, ctx.hypo = ctx.neg || g.neg, ctx.fut || g.fut, ctx.hypo || g.hypo
	case ctx.subj < 0 && s.marker(v) == "to" && s.relIs(v, "xcomp", "advcl", "acl", "ccomp"),
		ctx.subj < 0 && s.rel(v) == "xcomp",
		// "Rubio refrained from attacking his rivals": what a negative
		// governor keeps its own subject from
		ctx.subj < 0 && s.marker(v) == "from" && s.relIs(v, "advcl") && s.lx.is("negative", s.lemma(h)):
		s.governor(&ctx, h, depth)
	case ctx.subj < 0 && s.tag(v) == "VBG" && s.relIs(v, "ccomp", "parataxis") && s.marker(v) == "" && s.clauseBefore(v) >= 0:
		// "X shelled Y, killing Z, officials said" read with the gerund
		// as a second clause of the verb of saying: its subject is that
		// of the clause before it.
		g := s.clause(s.clauseBefore(v), depth+1)
		ctx.subj = g.subj
		ctx.neg, ctx.hypo = ctx.neg || g.neg, ctx.hypo || g.hypo
	case ctx.subj < 0 && s.relIs(v, "advcl", "acl", "obl", "nmod") && (s.tag(v) == "VBG" || strings.HasSuffix(s.low[v], "ing")):
		// "helping Togo by sending food": the gerund's subject is the
		// governing verb's; "without sending" negates it; "about
		// deploying", "for helping": a topic, not an act.
		pv := s.predicate(h)
		g := s.clause(pv, depth+1)
		ctx.subj = g.subj
		if s.inQuotation(v) && !s.inQuotation(pv) {
			// "“Being pro-choice, supporting partial birth abortion …,”
			// said X": the speaker's words describe someone else; the
			// verb that frames them is no governor of theirs
			ctx.subj = -1
		}
		if mk := s.marker(v); (mk == "for" || mk == "of" || mk == "against" || mk == "from" ||
			mk == "with" && pv >= 0 && s.lx.is("allegation", s.lemma(pv))) && pv >= 0 && s.dep(pv, "obj") >= 0 && s.dep(pv, "obj") < v {
			// "criticized Y for shooting Z", "accused Y of attacking Z",
			// "charged Y with violating the truce": Y is who shot,
			// attacked or violated, not the critic; "warned Y against
			// attacking Z", "stopped Y from attacking Z": Y is who would
			// attack.
			ctx.subj = s.dep(pv, "obj")
		} else if n := s.ofNoun(v, pv); n >= 0 {
			// "referring to Mrs. Clinton's account in 2008 of coming
			// under fire" parsed with "of coming" on the verb: the clause
			// is the noun's, whose possessor acts (or no one known)
			ctx.subj = s.dep(n, "nmod:poss")
		}
		ctx.neg = ctx.neg || g.neg
		ctx.fut = ctx.fut || g.fut || g.intent
		ctx.hypo = ctx.hypo || g.hypo
		if g.intent {
			ctx.intent, ctx.expr, ctx.exprOpen = true, g.expr, g.exprOpen
		}
		if g.skip || g.passive {
			ctx.skip = true
		}
		switch p := s.marker(v); p {
		case "", "by", "through", "via", "after", "while", "in", "when", "before", "upon", "on":
		case "without":
			ctx.neg = true
		default:
			ctx.hypo = true
		}
	}
	if !ctx.passive && ctx.subj >= 0 && s.reducedRelative(v, ctx.subj, ds) {
		// "the children killed at Sandy Hook": the noun is what the
		// participle acts on
		ctx.passive = true
	}
	if s.lx.is("showing_verbs", s.lemma(v)) && s.dep(v, "ccomp") > v {
		// "demonstrates that X is …": it shows, it does not act
		ctx.skip = true
	}
	if s.marker(v) == "without" {
		ctx.neg = true
	}
	if own && ctx.subj >= 0 && s.tag(v) == "VB" && s.forTo(ds) {
		// "pushing for the US to support the plan": the support is
		// wanted, not stated.
		ctx.hypo = true
	}
	if own && ctx.subj >= 0 && s.demandedClause(v) {
		// "demanded that Y withdraw its troops": the withdrawal is
		// wanted, not stated.
		ctx.hypo = true
	}
	return ctx
}

// demandedClause reports whether the clause at c is what a demand asks
// for: the that-clause of a verb or noun of demanding (the grammar's
// mandative list: "demanded that Y withdraw", "the demand that Y
// resign") in the mandative subjunctive (mandative).
func (s *sent) demandedClause(c int) bool {
	h := s.head(c)
	if h < 0 || !(s.rel(c) == "ccomp" || s.rel(c) == "acl" && isNounTag(s.tag(h))) {
		return false
	}
	return s.demandedBy(c, h)
}

// demandedBy reports whether the that-clause at c is what the word at h
// demands: h is a mandative word and c is in the mandative subjunctive.
func (s *sent) demandedBy(c, h int) bool {
	return s.lx.is("mandative", s.lemma(h)) && s.mandative(c, h)
}

// mandative reports whether the clause at c, the that-clause of the
// word at h, is in the mandative subjunctive: what someone wants done,
// not what they say is so. Its verb group opens with a base form
// ("demanded that Y withdraw", "urged that Y be released"), or with
// "should" or "must"; after a verb in the past, a present form counts too
// ("demanded that they leave"), where a statement would be in the past
// ("insisted that they were innocent").
func (s *sent) mandative(c, h int) bool {
	if m := s.marker(c); m != "" && m != "that" {
		return false
	}
	first := c // the first word of the clause's verb group
	var a [16]int
	for _, d := range s.deps(c, a[:0]) {
		if d < first && s.relIs(d, "aux", "aux:pass", "cop") {
			first = d
		}
	}
	switch {
	case s.lx.is("mandative_modals", s.low[first]):
		return true
	case s.tag(first) == "VB":
		return true
	case s.tag(first) == "VBP":
		return s.tag(h) == "VBD" || s.tag(h) == "VBN"
	}
	return false
}

// neitherBefore reports whether a word that negates a subject (the
// grammar's subject_negators: "neither") opens the subject subj of the
// verb v, hung on the subject or (as the parser may) on the verb.
func (s *sent) neitherBefore(v, subj int) bool {
	var a [16]int
	for _, h := range [2]int{subj, v} {
		for _, d := range s.deps(h, a[:0]) {
			if d < subj && s.lx.is("subject_negators", s.low[d]) {
				return true
			}
		}
	}
	return false
}

// forTo reports whether the dependents ds of a verb hold both "for" and
// "to" as markers: an infinitive with a subject of its own ("for the US
// to support").
func (s *sent) forTo(ds []int) bool {
	f, t := false, false
	for _, d := range ds {
		if s.relIs(d, "mark") {
			f = f || s.low[d] == "for"
			t = t || s.low[d] == "to"
		}
	}
	return f && t
}

// misreadModifier reports whether the verb at v is a finite verb or
// participle the parse made a modifier (amod) of the noun after it, its
// object in the sentence: the noun has no determiner, number, possessor
// or other modifier before the verb, and a noun phrase that is the
// verb's subject stands before it (misreadSubject). "the banned
// Movement", "precision guided missiles" are adjectives.
func (s *sent) misreadModifier(v int) bool {
	if s.rel(v) != "amod" || s.tag(v) != "VBD" && s.tag(v) != "VBN" {
		return false
	}
	h := s.head(v)
	if h <= v || !isNounTag(s.tag(h)) || s.lx.is("time_nouns", s.low[h]) && s.misreadSubject(v) < 0 {
		return false
	}
	var a [16]int
	for _, d := range s.deps(h, a[:0]) {
		if d < v && !s.relIs(d, "nsubj", "punct") {
			return false
		}
	}
	return s.misreadSubject(v) >= 0
}

// objectOfMisread reports whether the noun k is the object of a verb
// read as its modifier ("official offered concessions").
func (s *sent) objectOfMisread(k int) bool {
	var a [16]int
	for _, d := range s.deps(k, a[:0]) {
		if d < k && s.misreadModifier(d) {
			return true
		}
	}
	return false
}

// misreadSubject returns the subject of the verb at v that misread
// modifier reads before it: a subject of the noun the verb modifies
// ("official" in "official offered concessions", read as a clause of
// "concessions"), a noun the verb governs before it ("A French minister
// threatened today …"), or the noun right before the verb's words whose
// conjunct or dependent the modified noun is ("agents sexually abused
// immigrants"); -1 if none.
func (s *sent) misreadSubject(v int) int {
	h := s.head(v)
	if h < 0 {
		return -1
	}
	noun := func(x int) bool {
		return x >= 0 && (isNounTag(s.tag(x)) || s.tag(x) == "PRP") && !s.lx.is("time_nouns", s.low[x])
	}
	if d := s.dep(h, "nsubj"); d >= 0 && d < v && noun(d) {
		return d
	}
	var a [8]int
	for _, d := range s.deps(v, a[:0]) {
		if d < v && noun(d) && !s.relIs(d, "det", "advmod", "aux", "mark", "case", "punct", "cc", "compound", "amod", "nmod:poss") {
			return d
		}
	}
	first, _ := s.subtree(v)
	if p := first - 1; noun(p) && s.head(h) == p {
		return p
	}
	// "The United Nations on Tuesday reduced food supplies": a time
	// phrase between the noun and the verb.
	if p := s.head(h); noun(p) && p < v {
		for x := p + 1; x < first; x++ {
			t := x
			for t >= 0 && s.relIs(t, "case", "det", "amod", "nummod") {
				t = s.head(t)
			}
			if t < 0 || !s.calendarWord(t) {
				return -1
			}
		}
		if first > p+1 {
			return p
		}
	}
	return -1
}

// passiveAdjective reports whether token h is a participle read as an
// adjective after a form of "be" ("was tased"): a predicate with a
// copula, ending in -ed.
func (s *sent) passiveAdjective(h int) bool {
	if h < 0 || s.tag(h) != "JJ" || !strings.HasSuffix(s.low[h], "ed") {
		return false
	}
	c := s.dep(h, "cop")
	return c >= 0 && s.lx.is("be", s.low[c])
}

// hasObject reports whether the verb at v has a direct object other than
// a time word misread as one ("were converging Thursday").
func (s *sent) hasObject(v int) bool {
	o := s.dep(v, "obj")
	return o >= 0 && !s.lx.is("time_nouns", s.low[o])
}

// relativeIn reports whether one of the dependents ds is a relative
// word ("which", "who", "that").
func (s *sent) relativeIn(ds []int) bool {
	for _, d := range ds {
		if s.lx.is("relative", s.low[d]) || s.low[d] == "that" || strings.HasPrefix(s.tag(d), "W") {
			return true
		}
	}
	return false
}

// coordinated reports whether the conjunct v is joined by a conjunction
// or a comma (a conj without either is a misread subordinate clause:
// "praised Uganda after the committee attacked Somalia").
func (s *sent) coordinated(v int) bool {
	var a [8]int
	for _, d := range s.deps(v, a[:0]) {
		if d < v && (s.rel(d) == "cc" || s.rel(d) == "punct" && s.low[d] == ",") {
			return true
		}
	}
	return false
}

// auxLike reports whether token g is an auxiliary verb ("have", "be",
// "do", "will").
func (s *sent) auxLike(g int) bool {
	w := s.low[g]
	return s.lx.is("have", w) || s.lx.is("be", w) || s.lx.is("do", w) || s.lx.is("future", w) || s.lx.is("modal", w)
}

// finiteAux reports whether the verb at v has a finite auxiliary of its
// own and is active ("was calling", "has called"; not "was asked"): its
// verb group is finite, and its subject is who acts.
func (s *sent) finiteAux(v int) bool {
	finite := false
	var a [8]int
	for _, d := range s.deps(v, a[:0]) {
		switch {
		case s.rel(d) == "aux:pass" || s.rel(d) == "nsubj:pass":
			return false
		case d < v && s.rel(d) == "aux" && text.FiniteTag(s.tag(d)):
			finite = true
		}
	}
	return finite
}

// adjacentSubject returns the mention token right before the verb group
// of the finite verb v (its auxiliaries, negation and adverbs), or -1.
func (s *sent) adjacentSubject(v int) int {
	k := v - 1
	for k >= 0 && s.mAt[k] < 0 && s.head(k) == v && s.relIs(k, "aux", "advmod", "neg") {
		k--
	}
	if k >= 0 && s.low[k] == "," {
		// "Kenya, which denied that …, attacked Somalia" with the main
		// verb swallowed by the relative clause: the clause's antecedent
		// is the subject.
		x := v
		for steps := 0; x >= 0 && steps < 6 && s.relIs(x, "parataxis", "conj", "advcl", "xcomp"); steps++ {
			x = s.head(x)
			if x >= 0 && s.rel(x) == "acl:relcl" {
				if a := s.head(x); a >= 0 && a < x && s.mAt[a] >= 0 {
					return a
				}
				return -1
			}
		}
		return -1
	}
	if k < 0 || s.mAt[k] < 0 || s.head(k) == v && !s.relIs(k, "nsubj", "vocative", "appos", "dep", "obl") {
		return -1
	}
	if c := s.dep(k, "case"); c >= 0 && c < k && s.lx.is("locative_prepositions", s.low[c]) {
		// "Iraqi troops massed nearby in Kuwait threatened …": a place,
		// not who (the preposition right before the name's phrase: not
		// "Across the Atlantic, climate negotiators completed …", with
		// the parse hanging both on one noun)
		f := s.mtok[s.mAt[k]][0]
		for f > c+1 && isDetTag(s.tag(f-1)) {
			f--
		}
		if f == c+1 {
			return -1
		}
	}
	return k
}

// predicate returns the clause head for token k: k itself when it heads
// a clause, else the nearest ancestor that does.
func (s *sent) predicate(k int) int {
	for steps := 0; k >= 0 && steps < 8; steps++ {
		if s.isVerbal(k) || s.head(k) < 0 {
			return k
		}
		k = s.head(k)
	}
	return k
}

// delimited reports whether one of the dependents ds is introduced by a
// delimiter ("until", "till").
func (s *sent) delimited(ds []int) bool {
	for _, d := range ds {
		if s.relIs(d, "obl", "advcl", "advmod", "nmod") {
			if m := s.marker(d); s.lx.is("delimiters", m) || s.lx.is("delimiters", s.low[d]) {
				return true
			}
		}
	}
	return false
}

// governor handles a verb that the word g governs ("agreed to help",
// "ready to send", "its readiness to send"): the governor's kind sets the
// flags, and its clause gives the subject.
func (s *sent) governor(ctx *verbCtx, g, depth int) {
	kind := ""
	w := s.low[g]
	for _, l := range append(s.lx.lemmas(w, s.buf[:0]), s.lemma(g)) {
		switch {
		case s.lx.is("intent", l):
			kind = "intent"
		case s.lx.is("negative", l):
			kind = "negative"
		case s.lx.is("hypothetical", l):
			kind = "hypo"
		case l == "going" || l == "due" || l == "about":
			kind = "future"
		}
		if kind != "" {
			break
		}
	}
	if kind == "" && s.lx.is("be", w) {
		kind = "future" // "X is to visit Y"
	}
	if kind == "" && s.lx.is("aspectual", s.lemma(g)) && s.dep(g, "obj") < 0 {
		kind = "aspect" // "X continued to send", not "began a strike to …"
	}
	expr := g
	if kind == "" {
		// "declared its readiness to send", with the infinitive hung on
		// the verb: the object states the intention.
		if o := s.dep(g, "obj"); o >= 0 && s.lx.is("intent", s.lemma(o)) {
			kind, expr = "intent", o
		}
	}
	if kind == "" && s.lx.purposeCode(s.lemma(ctx.verb)) != "" &&
		(s.relIs(ctx.verb, "advcl") && (s.isLight(g) || !s.hasObject(g)) ||
			s.relIs(ctx.verb, "acl") && s.relIs(g, "obj") && s.head(g) >= 0 && s.isLight(s.head(g))) {
		// "gathered to protest", "began a hunger strike to protest": the
		// purpose is the act, done by the act before it, which must be
		// one that can be the protest itself (no object, or a light verb
		// and its event noun): in "police prevented the demonstration
		// … to protest", those who prevented did not protest.
		ctx.purpose = true
	}
	if kind == "" && !ctx.purpose {
		// "asked the AU to help": the action belongs to the request, which
		// its own pattern codes; "the capacity to control": not an act.
		ctx.skip = true
		return
	}
	if kind == "intent" && s.isVerbal(g) && s.lx.is("wanted_of", s.lemma(g)) {
		if o := s.dep(g, "obj", "iobj"); o >= 0 && o > g && o < ctx.verb && (strings.HasPrefix(s.tag(o), "NNP") || s.tag(o) == "PRP" || len(s.actorOne(o, nil)) > 0) {
			// "Russia wants Turkey to close its borders", "wants Trump
			// banned": the act is wanted of another, not intended by the
			// one who wants it (not "wants nuclear weapons to …": no
			// one).
			ctx.skip = true
			return
		}
	}
	// The governor's clause: its own (a verb, or a predicate adjective
	// with its subject: "Ghana is ready"), or the clause of the verb a
	// noun or adjective governor depends on ("declared its readiness",
	// "stand ready").
	gv := g
	if !s.isVerbal(g) || s.tag(g) == "VBN" && kind != "intent" && s.dep(g, "nsubj", "aux") < 0 {
		gv = s.head(g)
		if p := s.dep(g, "nmod:poss", "compound"); p >= 0 && p < g && s.mAt[p] >= 0 && !s.isVerbal(g) {
			// "Kenya's plan to visit Uganda": whose the plan is.
			gv, ctx.subj = -1, p
		}
	}
	exprOpen := false
	if gv >= 0 {
		gc := s.clause(gv, depth+1)
		if gc.skip || gc.passive && gv != g {
			ctx.skip = true
			return
		}
		ctx.subj = gc.subj
		if kind == "negative" && !gc.neg && !gc.hypo && !gc.fut && s.isRefusal(g) {
			ctx.refuser = g
		}
		ctx.neg = ctx.neg || gc.neg
		ctx.hypo = ctx.hypo || gc.hypo
		ctx.fut = ctx.fut || gc.fut || gc.intent
		if gc.intent {
			ctx.intent = true
			ctx.expr, ctx.exprOpen = gc.expr, gc.exprOpen
		}
		exprOpen = gc.fut || gc.hypo
	}
	switch kind {
	case "intent":
		ctx.intent, ctx.fut = true, true
		if ctx.expr < 0 {
			// The outermost expression of intent counts.
			ctx.expr, ctx.exprOpen = expr, exprOpen
		}
	case "negative":
		ctx.neg = true
	case "hypo":
		ctx.hypo = true
	case "future":
		ctx.fut = true
	}
}

// subjects returns the mentions in the subject position of the clause
// ctx. A pronoun subject of reported speech ("Uganda said it had paid")
// is the speaker when the text names no one else, unless the pronoun is
// in the quoted words and the speaker is not (where a speaker's "we" may
// be the speaker's, and "he", "she", "it" or "they" is someone else).
func (s *sent) subjects(ctx verbCtx) []int {
	if g, ok := s.reportingSubject(ctx); ok {
		// "some of the same candidates have said they oppose boots on
		// the ground": "they" are the candidates, whoever the mention
		// stage took the nearest plural for ("troops")
		return s.actors(g)
	}
	ms := s.actors(ctx.subj)
	if len(ms) > 0 || ctx.subj < 0 || s.tag(ctx.subj) != "PRP" {
		return ms
	}
	switch s.low[ctx.subj] {
	case "it", "he", "she", "they", "we":
	default:
		return nil
	}
	// Up from the verb through coordination and complements to the
	// reported clause.
	c := ctx.verb
	for steps := 0; c >= 0 && steps < 6 && s.relIs(c, "conj", "xcomp"); steps++ {
		c = s.head(c)
	}
	if c < 0 {
		return nil
	}
	h := s.reporter(c)
	if h < 0 {
		return nil
	}
	// the pronoun opens the reported clause ("said it had paid", "said
	// that they would"): not one deep inside what the parse made the
	// complement ("say that forcing workers to support unions they have
	// declined to join violates …")
	if !s.opensClause(ctx.subj, ctx.verb) {
		return nil
	}
	g := s.clause(h, 3)
	if g.subj < 0 || g.passive || s.tag(g.subj) == "PRP" {
		return nil
	}
	if s.low[ctx.subj] != "we" && s.inQuotation(ctx.subj) && !s.inQuotation(g.subj) {
		// "“He is attacking me,” X said": in a speaker's own words a
		// third person is someone else (X would say "I")
		return nil
	}
	ms = s.actors(g.subj)
	if len(ms) == 1 && !s.lx.pronounAgrees(s.low[ctx.subj], s.ms[ms[0]].Actor, s.tag(g.subj)) {
		return nil
	}
	return ms
}

// reportingSubject returns the subject of the verb whose clausal
// complement the pronoun "they", subject of ctx, opens ("the candidates
// said they oppose …"), when that subject is a plural common noun (or a
// share "of" one) before the verb; ok is false otherwise.
func (s *sent) reportingSubject(ctx verbCtx) (int, bool) {
	if ctx.subj < 0 || s.low[ctx.subj] != "they" || !s.relIs(ctx.verb, "ccomp") || !s.opensClause(ctx.subj, ctx.verb) {
		return -1, false
	}
	h := s.head(ctx.verb)
	if h < 0 {
		return -1, false
	}
	g := s.dep(h, "nsubj")
	if g >= 0 && s.tag(g) != "NNS" {
		// "some of the same candidates": the noun the share is of
		if x := s.dep(g, "nmod"); x > g && s.marker(x) == "of" {
			g = x
		}
	}
	if g < 0 || g > h || s.tag(g) != "NNS" {
		return -1, false
	}
	return g, true
}

// opensClause reports whether word k opens the clause of verb c: only
// its marks, punctuation and the phrases set before its subject stand
// before k ("that they would", "“We call on …", "if elected president
// he could"; not "that forcing workers to support unions they have
// declined …").
func (s *sent) opensClause(k, c int) bool {
	f, _ := s.subtree(c)
	var a [16]int
	for j := f; j < k; {
		covered := false
		for _, d := range s.deps(c, a[:0]) {
			if df, de := s.subtree(d); df == j && de <= k && s.setBefore(d, df, de) {
				j, covered = de, true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// setBefore reports whether dependent d, over words [df, de), is one a
// clause may open with before its subject: a mark, punctuation, an
// adverb or oblique, or an adverbial clause that is a condition or a
// time (with a mark of its own, after a conditional mark the parse hung
// elsewhere, or closed by a comma), not a clause of its own.
func (s *sent) setBefore(d, df, de int) bool {
	if !s.relIs(d, "mark", "punct", "advcl", "advmod", "obl", "cc", "discourse") {
		return false
	}
	if !s.relIs(d, "advcl") || s.dep(d, "mark") >= 0 {
		return true
	}
	if df > 0 && s.relIs(df-1, "mark") && s.lx.is("conditional", s.low[df-1]) {
		return true // "if elected president he could": "if" hung on the verb
	}
	return de < len(s.low) && s.low[de] == ","
}

// pronounAgrees is a weak agreement check of a pronoun with the speaker
// whose subject is tagged tag: "it" and "they" stand for a state or group,
// "he" and "she" for a person; an actor code says which only loosely, so
// only what is plainly the other is refused: a person for "it" and
// "they", and for "he" and "she" a plural ("Police say he posed a
// threat": he is not the police) or a country ("Kenya said he …"); a
// speaker with no code agrees with "he" and "she" only.
func (lx *lexicon) pronounAgrees(p string, a model.Actor, tag string) bool {
	switch p {
	case "he", "she":
		return a.Person || !text.PluralTag(tag) && !lx.countryCode(a.Code)
	case "it", "they":
		return !a.Person && a.Code != ""
	}
	return a.Code != ""
}

// agent returns the by-agent mentions of the passive verb v.
func (s *sent) agent(v int) []int {
	var a [16]int
	ds := s.deps(v, a[:0])
	for _, d := range ds {
		if s.relIs(d, "obl", "nmod") && s.marker(d) == "by" {
			if ms := s.actors(d); len(ms) > 0 {
				return ms
			}
		}
	}
	// "attacked until March by Kenya": the by-phrase hung on the oblique
	// before it.
	for _, d := range ds {
		if d > v && s.relIs(d, "obl") && !s.eventNoun(d) {
			var b [8]int
			for _, x := range s.deps(d, b[:0]) {
				if s.relIs(x, "nmod") && s.marker(x) == "by" {
					if ms := s.actors(x); len(ms) > 0 {
						return ms
					}
				}
			}
		}
	}
	// "was accused of misusing funds, much of it embezzled, by Haitian
	// officials": the by-phrase after a parenthetical between commas,
	// hung on the parenthetical's verb.
	for _, d := range ds {
		if d <= v || !s.relIs(d, "conj", "parataxis") {
			continue
		}
		var b [8]int
		for _, x := range s.deps(d, b[:0]) {
			if x > d && s.relIs(x, "obl") && s.marker(x) == "by" {
				if c := s.dep(x, "case"); c > 0 && c < x && s.low[c-1] == "," {
					if ms := s.actors(x); len(ms) > 0 {
						return ms
					}
				}
			}
		}
	}
	return nil
}

// eventNoun reports whether token k is an event noun of some pattern
// ("mediation", "attack"): a "by" phrase under it is its own agent.
func (s *sent) eventNoun(k int) bool {
	if t := s.tag(k); t != "NN" && t != "NNS" {
		return false // "until March by Kenya": a name, not the event noun
	}
	return len(s.lx.nouns[s.low[k]]) > 0 || len(s.lx.nouns[singular(s.low[k])]) > 0
}

// targets returns the target of the verb (or predicate) at v whose
// trigger phrase is [i, end): the first, in text order, of its direct or indirect object
// (when object is true) and its obliques introduced by one of preps. An
// object that names no actor may carry the target as its own complement
// ("imposed an embargo on Chile").
func (s *sent) targets(v, i, end int, object bool, preps []string) []int {
	var a [16]int
	ds := s.deps(v, a[:0])
	for k := i; k < end; k++ {
		if k != v {
			ds = s.deps(k, ds) // the phrase's own words ("call on X")
		}
	}
	if s.misreadModifier(v) {
		// The noun the verb was read as modifying is its object.
		if ms := s.actors(s.head(v)); object && len(ms) > 0 {
			return ms
		}
		if ms := s.prepComplement(s.head(v), preps); len(ms) > 0 {
			return ms
		}
	}
	for _, d := range ds {
		switch {
		case s.relIs(d, "obj", "iobj"):
			if object {
				if ms := s.actors(d); len(ms) > 0 {
					return ms
				}
			}
			if ms := s.prepComplement(d, preps); len(ms) > 0 {
				return ms
			}
		case s.relIs(d, "obl", "nmod") && s.rel(d) != "obl:agent" && s.rel(d) != "obl:tmod" && s.rel(d) != "obl:unmarked":
			if s.capacity(d) {
				continue
			}
			if m := s.marker(d); m != "" && contains(preps, m) {
				if ms := s.actors(d); len(ms) > 0 {
					return ms
				}
				if pm := s.placeOf(d); pm >= 0 && (s.tag(d) == "NN" || s.tag(d) == "NNS") {
					// "to a peace-keeping force in Liberia": the country
					// the recipient is in.
					return []int{pm}
				}
				if d > end-1 && end-1 > i && s.low[end-1] == m && s.mAt[d] < 0 {
					// "called for sanctions against Nigeria": what the
					// phrase's preposition governs carries the target.
					if ms := s.prepComplement(d, preps); len(ms) > 0 {
						return ms
					}
				}
			} else if s.mAt[d] >= 0 {
				// "complained to the Council over Selvian raids", with
				// the "over" phrase hung on the name.
				if ms := s.prepComplement(d, preps); len(ms) > 0 {
					return ms
				}
			}
		case s.rel(d) == "compound:prt" || s.rel(d) == "xcomp" && !s.isVerbal(d):
			// "hand over X to Y" parsed with the particle heading: look
			// one level down.
			if ms := s.prepComplement(d, preps); len(ms) > 0 {
				return ms
			}
		}
	}
	return nil
}

// targetSlot reports whether the verb at v (trigger phrase [i, end))
// has a dependent where targets finds a target, whether or not it names
// an actor: an indirect object, a direct one (when object is true), or an
// oblique introduced by one of preps ("fighting ISIS", "met with local
// elders", or one under the object: "discussed the plan with X"); not
// one that says the subjects act on each other (reciprocal_objects:
// "fighting each other").
func (s *sent) targetSlot(v, i, end int, object bool, preps []string) bool {
	var a [16]int
	ds := s.deps(v, a[:0])
	for k := i; k < end; k++ {
		if k != v {
			ds = s.deps(k, ds)
		}
	}
	for _, d := range ds {
		switch {
		case d >= i && d < end:
			// a word of the trigger phrase ("signed an agreement")
		case s.relIs(d, "obj", "iobj") && s.calendarWord(d):
			// "vowed Tuesday to remain", with the day read as the object
		case s.relIs(d, "iobj") && !s.reciprocalObject(d):
			return true // whom it is done for ("offered Selvia a deal")
		case s.relIs(d, "obj"):
			if (object || s.secondObject(v, d)) && !s.reciprocalObject(d) {
				return true // (the first of two objects is whom it is for: "offered the man a job")
			}
			// "discussed the controversy with X", with the phrase hung
			// on the object
			var b [8]int
			for _, n := range s.deps(d, b[:0]) {
				if m := s.marker(n); s.relIs(n, "nmod", "obl") && m != "" && contains(preps, m) && !s.capacity(n) && !s.reciprocalObject(n) {
					return true
				}
			}
		case s.relIs(d, "obl", "nmod") && s.rel(d) != "obl:agent" && s.rel(d) != "obl:tmod" && s.rel(d) != "obl:unmarked":
			// (not a manner: "speaks with difficulty")
			if m := s.marker(d); m != "" && contains(preps, m) && !s.capacity(d) && !s.reciprocalObject(d) && !s.lx.is(abstractNouns, s.lemma(d)) {
				return true
			}
		}
	}
	return false
}

// calendarWord reports whether the word at k is a weekday, another time
// noun or a month (grammar time_nouns, months).
func (s *sent) calendarWord(k int) bool {
	return s.lx.is("time_nouns", s.low[k]) || s.lx.is("months", s.low[k])
}

// secondObject reports whether verb v has another direct object after
// its object d (the parse's reading of "offered Kasich the second spot").
func (s *sent) secondObject(v, d int) bool {
	var a [16]int
	for _, o := range s.deps(v, a[:0]) {
		if o > d && s.relIs(o, "obj") {
			return true
		}
	}
	return false
}

// reciprocalObject reports whether the word at d is a word of a phrase of
// reciprocal_objects ("each other").
func (s *sent) reciprocalObject(d int) bool {
	for _, ph := range s.lx.grammar["reciprocal_objects"] {
		ws := s.lx.fields(ph)
		for k := range ws {
			if f := d - k; f >= 0 && f+len(ws) <= len(s.low) && slices.Equal(s.low[f:f+len(ws)], ws) {
				return true
			}
		}
	}
	return false
}

// capacity reports whether nominal k opens with a preposition that says
// in what capacity the source acts ("as a senator", grammar's capacity),
// whatever other preposition the parse also hangs on it.
func (s *sent) capacity(k int) bool {
	var a [8]int
	for _, d := range s.deps(k, a[:0]) {
		if d < k && s.rel(d) == "case" && s.lx.is("capacity", s.low[d]) {
			return true
		}
	}
	return false
}

// prepComplement returns the mentions of the first complement of the
// nominal n introduced by one of preps.
func (s *sent) prepComplement(n int, preps []string) []int {
	var a [8]int
	ds := s.deps(n, a[:0])
	for _, d := range ds {
		if s.relIs(d, "nmod", "obl") && !s.capacity(d) {
			if m := s.marker(d); m != "" && contains(preps, m) {
				if ms := s.actors(d); len(ms) > 0 {
					return ms
				}
				if pm := s.placeOf(d); pm >= 0 && (s.tag(d) == "NN" || s.tag(d) == "NNS") {
					return []int{pm} // "aid to a camp in Y"
				}
			}
		}
	}
	// "70 million dollars of aid for Romania": through the "of" phrase
	// that says what the quantity is.
	for _, d := range ds {
		if s.relIs(d, "nmod") && s.marker(d) == "of" && s.mAt[d] < 0 {
			var b [8]int
			for _, x := range s.deps(d, b[:0]) {
				if s.relIs(x, "nmod") && contains(preps, s.marker(x)) {
					if ms := s.actors(x); len(ms) > 0 {
						return ms
					}
				}
			}
		}
	}
	// "an attack by Peru on Chile" with "on Chile" hung on the name
	// before it: a name does not take a prepositional complement of its
	// own.
	for _, d := range ds {
		if s.relIs(d, "nmod") && s.mAt[d] >= 0 {
			var b [8]int
			for _, x := range s.deps(d, b[:0]) {
				if s.relIs(x, "nmod") && s.mAt[x] >= 0 && contains(preps, s.marker(x)) {
					return s.actors(x)
				}
			}
		}
	}
	return nil
}

// infinitive returns the verb of a "to VERB" complement of token i
// ("threatened to impose"), or -1.
func (s *sent) infinitive(i int) int {
	var a [16]int
	for _, d := range s.deps(i, a[:0]) {
		if s.rel(d) == "xcomp" || s.relIs(d, "advcl", "ccomp") && s.marker(d) == "to" {
			if isVerbTag(s.tag(d)) || s.toks[d].UPOS == "VERB" {
				return d
			}
		}
	}
	return -1
}

// governsTrigger reports whether a word of the trigger phrase [i, end)
// governs a "to" complement that is itself a trigger or a light verb:
// "agreed to help", "agreed to hold talks". The governed action is coded
// (with its intent code) instead of the governor.
func (s *sent) governsTrigger(i, end int) bool {
	var a [16]int
	for k := i; k < end; k++ {
		for _, d := range s.deps(k, a[:0]) {
			if !s.relIs(d, "xcomp", "advcl", "acl", "ccomp") || s.marker(d) != "to" {
				continue
			}
			if s.dep(k, "obj", "iobj") >= 0 || s.dep(d, "aux:pass") >= 0 || s.phraseOblique(k, i, end, d) {
				// "asked the alliance to help": the request codes itself; "offered
				// its troops to help": a purpose, not what was offered;
				// "rejected a call for X to be deployed".
				continue
			}
			if !isVerbTag(s.tag(d)) {
				continue
			}
			for _, l := range append(s.lx.lemmas(s.low[d], s.buf[:0]), s.lemma(d)) {
				if s.verbCodes(d, l) || s.lx.is("light", l) && s.eventObject(d) {
					return true
				}
			}
		}
	}
	return false
}

// phraseOblique reports whether the trigger phrase [i, end) ends in a
// preposition that governs an oblique of k before the complement d:
// "pushing for Chile to support the plan" is a demand on Chile, which
// codes itself, as "asked the alliance to help" does.
func (s *sent) phraseOblique(k, i, end, d int) bool {
	if end-1 <= i || !s.lx.is("prepositions", s.low[end-1]) {
		return false
	}
	var a [16]int
	for _, o := range s.deps(k, a[:0]) {
		if o < d && o >= end && s.relIs(o, "obl") && s.marker(o) == s.low[end-1] {
			return true
		}
	}
	return false
}

// objectNamesNoActor reports whether the verb at v has a direct object
// that is a noun phrase naming no actor ("killed 23 people", "blocked a
// road"), rather than none at all or a pronoun.
func (s *sent) objectNamesNoActor(v int) bool {
	o := s.dep(v, "obj")
	if o < 0 || s.mAt[o] >= 0 || !isNounTag(s.tag(o)) && s.tag(o) != "CD" {
		return false
	}
	return len(s.actors(o)) == 0
}

// isRefusal reports whether the word at g refuses ("refused", "declined").
func (s *sent) isRefusal(g int) bool {
	for _, l := range append(s.lx.lemmas(s.low[g], s.buf[:0]), s.lemma(g)) {
		if s.lx.is("refusal", l) {
			return true
		}
	}
	return false
}

// refusedCode returns the rejection code for refusing an action coded
// code (the grammar's refused table), or "".
func (lx *lexicon) refusedCode(code string) string { return lx.prefixCode("refused", code) }

// prefixCode looks code up in the grammar table list ("FROM TO" entries):
// the TO of the entry whose FROM is the longest prefix of code, or "".
func (lx *lexicon) prefixCode(list, code string) string {
	best, out := 0, ""
	for _, e := range lx.grammar[list] {
		f := lx.fields(e)
		if len(f) == 2 && strings.HasPrefix(code, f[0]) && len(f[0]) > best {
			if _, ok := lx.codes[f[1]]; ok {
				best, out = len(f[0]), f[1]
			}
		}
	}
	return out
}

// perfectAfter reports whether the verb v has a perfect auxiliary
// ("have") after its modal m: "must have written".
func (s *sent) perfectAfter(v, m int) bool {
	var a [16]int
	for _, d := range s.deps(v, a[:0]) {
		if d > m && s.rel(d) == "aux" && s.lx.is("have", s.lemma(d)) {
			return true
		}
	}
	return false
}

// obligations codes reported obligations: a clause with "must" that a
// verb of saying reports ("X said that Y must withdraw") is the
// speaker's demand on the clause's subject.
func (s *sent) obligations(out []model.Event) []model.Event {
	codes := s.lx.grammar["obligation_code"]
	if len(codes) == 0 {
		return out
	}
	code := codes[0]
	if _, ok := s.lx.codes[code]; !ok {
		return out
	}
	for v := range s.toks {
		if s.mAt[v] >= 0 {
			continue
		}
		h := s.reporter(v)
		if h < 0 {
			continue
		}
		must := -1
		var a [16]int
		for _, d := range s.deps(v, a[:0]) {
			if s.rel(d) == "aux" && s.lx.is("obligation", s.low[d]) {
				must = d
			}
		}
		if must < 0 || h < 0 || !s.lx.is("obligation_speech", s.lemma(h)) && !s.speechObject(h) {
			continue
		}
		if s.tag(v) == "VBN" && s.perfectAfter(v, must) {
			continue // "X must not have written the letter": an inference about the past, no obligation
		}
		g := s.clause(h, 0)
		if g.passive || g.hypo || g.fut || g.skip {
			continue
		}
		src := s.subjects(g)
		subj := s.clause(v, 0).subj
		if subj >= 0 {
			if d := s.dep(subj, "det"); d >= 0 && s.lx.is("generic_determiners", s.low[d]) {
				continue // "a president must be ready": anyone, no one in particular
			}
		}
		tgt := s.actors(subj)
		if s.speechObject(h) && (len(tgt) == 0 || s.tag(subj) == "PRP") {
			// "a reminder to Iraq that it must …": the one reminded,
			// named after "to" between the verb and the clause (the
			// parser may hang it on a time word: "a reminder Saturday to
			// Iraq")
			for k := h + 1; k+1 < v; k++ {
				if s.low[k] == "to" && s.mAt[k+1] >= 0 {
					tgt = []int{s.mAt[k+1]}
					break
				}
			}
		}
		if len(src) == 0 || len(tgt) == 0 {
			continue
		}
		ev := model.Event{
			Doc: s.doc.ID, Sentence: s.span,
			Trigger:      model.NewSpan(s.doc.Text, s.toks[h].Start, s.toks[h].End),
			Negated:      g.neg,
			Hypothetical: s.unas[h],
			Pattern:      "reported-obligation",
		}
		out = append(out, s.emit(ev, code, src, tgt, false, false)...)
	}
	return out
}

// speechObject reports whether the verb at h has for its object a noun
// of speech (the grammar's obligation_speech_nouns): "issued a stern
// reminder to Iraq that it must cooperate" reports as "said" does.
func (s *sent) speechObject(h int) bool {
	o := s.dep(h, "obj")
	return o >= 0 && s.lx.is("obligation_speech_nouns", singular(s.low[o]))
}

// dashBefore reports whether a dash stands right before token k.
func (s *sent) dashBefore(k int) bool {
	if k < 1 {
		return false
	}
	switch s.low[k-1] {
	case "-", "--", "–", "—":
		return true
	}
	return false
}

// reported reports whether the verb at v heads a reported clause (a
// ccomp, through coordination and open complements).
func (s *sent) reported(v int) bool {
	for steps := 0; v >= 0 && steps < 6; steps++ {
		switch {
		case s.reporter(v) >= 0:
			return true
		case s.relIs(v, "conj", "xcomp"):
			v = s.head(v)
		default:
			return false
		}
	}
	return false
}

// reporter returns the verb whose reported clause the clause of v is,
// or -1: the head of a clausal complement (ccomp), or the verb of a time
// word the clause was misparsed as modifying ("X said Wednesday that Y
// must …", "X said on Sunday it had paid …", read as a clause of
// "Wednesday" or "Sunday").
func (s *sent) reporter(v int) int {
	h := s.head(v)
	if h < 0 {
		return -1
	}
	if s.relIs(v, "ccomp") {
		return h
	}
	if !s.relIs(v, "acl") || !s.lx.is("time_nouns", s.low[h]) || s.dep(v, "nsubj", "nsubj:pass") < 0 {
		return -1
	}
	if g := s.head(h); g >= 0 && g < h && isVerbTag(s.tag(g)) && s.relIs(h, "obl", "nmod") {
		return g
	}
	return -1
}

// phraseClause returns the clause of the verb that governs token p (for
// a rule's phrase found after the trigger, inside a reported clause or an
// open complement: "announced that he will extend the curfew").
func (s *sent) phraseClause(trigger, p int) (verbCtx, bool) {
	v := s.predicate(s.head(p))
	if v < 0 || v == trigger {
		return verbCtx{}, false
	}
	for x, steps := v, 0; x >= 0 && steps < 8; x, steps = s.head(x), steps+1 {
		if x == trigger {
			return s.clause(v, 1), true
		}
	}
	return verbCtx{}, false
}

// eventObject reports whether the object of the verb at v is an event
// noun of some pattern ("hold talks", not "undertake exercises").
func (s *sent) eventObject(v int) bool {
	o := s.dep(v, "obj")
	if o < 0 {
		return false
	}
	first, _ := s.subtree(o)
	for x := first; x <= o; x++ {
		for _, key := range []string{s.low[x], singular(s.low[x])} {
			for _, e := range s.lx.nouns[key] {
				if end, ok := s.matchRest(x, e.rest); ok && end > o {
					return true
				}
			}
		}
	}
	return false
}

// reducedRelative reports whether the verb at v, with dependents ds and
// subject subj, is a passive participle read as a past tense: a verb of
// the grammar's object_required with no object, no auxiliary, no
// complement and no agent, straight after its noun subject (a comma or
// adverbs between).
func (s *sent) reducedRelative(v, subj int, ds []int) bool {
	if t := s.tag(v); t != "VBD" && t != "VBN" || subj >= v || !isNounTag(s.tag(subj)) || !s.lx.is("object_required", s.lemma(v)) {
		return false
	}
	for _, d := range ds {
		if s.relIs(d, "obj", "iobj", "ccomp", "xcomp", "aux", "expl", "obl:agent") {
			return false
		}
	}
	// (the subject, or a second one the parse gave the verb: "Pfizer
	// deal's tax strategy assailed" with "Pfizer" and "strategy")
	adjacent := func(n int) bool {
		_, k := s.subtree(n)
		for k < v && (s.low[k] == "," || strings.HasPrefix(s.tag(k), "RB")) {
			k++
		}
		return k == v
	}
	next := adjacent(subj)
	for _, d := range ds {
		next = next || d != subj && d < v && s.relIs(d, "nsubj") && isNounTag(s.tag(d)) && adjacent(d)
	}
	if !next {
		return false
	}
	// a noun phrase straight after the verb is its object, wherever the
	// parse hung it ("bombers killed 23 people as well as themselves");
	// a span of time is not ("killed 12 years ago")
	if n := v + 1; n < len(s.low) {
		switch t := s.tag(n); {
		case t == "CD" && n+1 < len(s.low) && s.lx.is("durations", s.low[n+1]):
		case t == "DT" || t == "CD" || t == "PRP" || t == "PRP$" || t == "JJ" || isNounTag(t):
			return false
		}
	}
	return true
}

// subtree returns the local token range [first, end) that token k heads.
func (s *sent) subtree(k int) (int, int) {
	a, b := s.td.Subtree(k + s.off)
	return a - s.off, b - s.off
}

// purposeCode returns the code of the act a purpose clause with verb
// lemma l performs (the grammar's purpose_acts), or "".
func (lx *lexicon) purposeCode(l string) string {
	for _, e := range lx.grammar["purpose_acts"] {
		if f := lx.fields(e); len(f) == 2 && f[0] == l {
			if _, ok := lx.codes[f[1]]; ok {
				return f[1]
			}
		}
	}
	return ""
}

// isLight reports whether the verb at v is a light verb ("began",
// "staged", "held").
func (s *sent) isLight(v int) bool {
	for _, l := range append(s.lx.lemmas(s.low[v], s.buf[:0]), s.lemma(v)) {
		if s.lx.is("light", l) {
			return true
		}
	}
	return false
}

// verbCodes reports whether the verb at v, read as lemma l, codes an
// event: a pattern of l matches and has a code for this use ("refused to
// allow planes to land" is not coded by allow, whose rules want
// inspectors, so the refusal is).
func (s *sent) verbCodes(v int, l string) bool {
	for _, e := range s.lx.verbs[l] {
		if end, ok := s.matchRest(v, e.rest); ok {
			if _, _, _, ok := s.chooseCode(e.p, v, end, false); ok {
				return true
			}
		}
	}
	return false
}
