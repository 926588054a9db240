package events

// The sentence may state an event only to deny or doubt it: "Mali denies
// its army killed civilians", "There is no evidence that Rwanda attacked
// Burundi", "Rebels allegedly killed 12 soldiers". Such an event is not
// asserted: it is coded hypothetical, never as fact. The denial itself is
// still coded when a pattern covers it ("denied responsibility" → 016).
// The words come from grammar.yaml (denial, dismissal, claims, doubtful,
// evidence, hedges, hedge_modifiers, allegation, allegation_nouns).

// markUnasserted sets s.unas for the tokens of the sentence's denied or
// doubted clauses.
func (s *sent) markUnasserted() {
	n := len(s.low)
	s.unas = s.unas[:0]
	for range n {
		s.unas = append(s.unas, false)
	}
	for k := 0; k < n; k++ {
		if s.mAt[k] >= 0 {
			continue
		}
		w := s.low[k]
		from, whole := -1, false
		switch {
		case s.rel(k) == "amod" && s.lx.is("hedge_modifiers", w) && s.head(k) >= 0 && isNounTag(s.tag(s.head(k))):
			// "a possible attack on Y by X": the noun's phrase only,
			// not a clause hung on it ("a possible motive for the
			// bombing in which rebels killed 30 people")
			s.markPhrase(s.head(k))
		case s.lx.is("hedges", w):
			// "Rebels allegedly killed …", "the alleged attack on …".
			from = k
		case s.lx.is("doubtful", w):
			// "unconfirmed reports that …", "according to unverified
			// accounts, …".
			if c := s.claimNoun(k+1, 2); c >= 0 {
				if s.according(k) {
					from, whole = 0, true
				} else {
					from = s.claimComplement(c+1, true)
				}
			}
		case isNounTag(s.tag(k)) && s.lx.is("evidence", singular(w)) && s.negatedNoun(k):
			// "There is no evidence that …", "found no sign of …".
			from = s.claimComplement(k+1, false)
		case isNounTag(s.tag(k)) && s.lx.is("allegation_nouns", singular(w)) && k+1 < n &&
			(s.low[k+1] == "that" || (s.low[k+1] == "of" || s.low[k+1] == "about") && k+2 < n && s.tag(k+2) == "VBG"):
			// "faces allegations that it attacked …", "arrested on
			// suspicion of attacking …": what is alleged.
			from = k + 1
		case s.lx.is("claims", singular(w)) && k+1 < n && s.low[k+1] == "that":
			// "Reports that Uganda bombed villages were false."
			for x := k + 2; x < n && !s.hardBoundary(x); x++ {
				if s.lx.is("doubtful", s.low[x]) {
					from = k + 1
					break
				}
			}
		case isVerbTag(s.tag(k)) || isNounTag(s.tag(k)) || s.tag(k) == "JJ":
			s.buf = s.lx.lemmas(w, s.buf[:0])
			for _, l := range s.buf {
				if s.lx.is("allegation", l) && isVerbTag(s.tag(k)) {
					// "accused Uganda of attacking Somalia", "claimed
					// that …", "believes Uganda attacked …": what is
					// alleged or believed, in the clause the verb governs
					s.markComplements(k)
					break
				}
				if s.lx.is("denial", l) {
					// "denies army killed civilians", "denied that …",
					// "the army's denial that …".
					from = k + 1
					break
				}
				if s.lx.is("dismissal", l) && isVerbTag(s.tag(k)) {
					// "rejected claims that …", "disputed that …".
					if k+1 < n && s.low[k+1] == "that" {
						from = k + 1
					} else if c := s.claimNoun(k+1, 5); c >= 0 {
						from = s.claimComplement(c+1, false)
					}
					break
				}
			}
		}
		if from < 0 {
			continue
		}
		end := n
		if !whole {
			end = s.scopeEnd(from, k)
		}
		for x := from; x < end; x++ {
			s.unas[x] = true
		}
	}
}

// markComplements marks as unasserted the clauses the verb at k governs:
// its clausal complement ("that …", "claimed to have …"; also "believes
// Kenya attacked", which the parser may read as an object and an open
// complement) and a clause it introduces with "of",
// "with" or "for" ("accused Y of attacking Z", "charged Y with …", also
// when the parse hangs that clause on the object), each with its whole
// subtree, and nothing else of the sentence (", and withdrew its
// ambassador" stays asserted).
func (s *sent) markComplements(k int) {
	mark := s.markSubtree
	charged := func(d int) bool {
		m := s.marker(d)
		return s.relIs(d, "advcl", "acl", "obl") && isVerbTag(s.tag(d)) && (m == "of" || m == "with" || m == "for")
	}
	var a, b [16]int
	for _, d := range s.deps(k, a[:0]) {
		switch {
		case d < k:
		case s.relIs(d, "ccomp", "xcomp") || charged(d):
			mark(d)
		case s.rel(d) == "obj":
			for _, c := range s.deps(d, b[:0]) {
				if c > d && charged(c) {
					mark(c)
				}
			}
		}
	}
}

// markSubtree marks the tokens of d's subtree as unasserted.
func (s *sent) markSubtree(d int) {
	from, end := s.subtree(d)
	for x := max(from, 0); x < end && x < len(s.unas); x++ {
		s.unas[x] = true
	}
}

// markPhrase marks as unasserted the noun phrase headed by n, but for the
// clauses in it (acl, relative clauses, with their subtrees).
func (s *sent) markPhrase(n int) {
	from, end := s.subtree(n)
	from = max(from, 0)
	keep := make([]bool, max(end-from, 0))
	var a [16]int
	clause := func(k int) {
		for _, d := range s.deps(k, a[:0]) {
			if s.relIs(d, "acl") {
				f, e := s.subtree(d)
				for x := max(f, from); x < e && x < end; x++ {
					keep[x-from] = true
				}
			}
		}
	}
	clause(n)
	for _, d := range s.deps(n, make([]int, 0, 8)) {
		clause(d) // "the bombing in which …" hangs on the noun's complement
	}
	for x := from; x < end && x < len(s.unas); x++ {
		if !keep[x-from] {
			s.unas[x] = true
		}
	}
}

// claimNoun returns the claim noun ("claims", "reports") within max
// tokens after k, with only determiners, adjectives, possessors and
// actors before it ("Uganda's accusation"), or -1.
func (s *sent) claimNoun(k, max int) int {
	for x := k; x < len(s.low) && x < k+max; x++ {
		w := s.low[x]
		if s.mAt[x] < 0 && s.lx.is("claims", singular(w)) {
			return x
		}
		if !(s.mAt[x] >= 0 || isDetTag(s.tag(x)) || s.tag(x) == "JJ" || s.lx.is("possessive", w) || s.lx.is("doubtful", w) || w == "as") {
			return -1
		}
	}
	return -1
}

// claimComplement returns where the content of a claim or evidence noun
// ending before k starts: its "that" or "of" phrase or, when loose, a
// verb of saying ("unconfirmed reports said …"); -1 when it has none
// ("Kenya rejected the report and left": nothing is denied).
func (s *sent) claimComplement(k int, loose bool) int {
	for x := k; x < len(s.low) && x < k+4; x++ {
		w := s.low[x]
		switch {
		case w == "that" || w == "of" || w == "about":
			return x
		case loose && isVerbTag(s.tag(x)) && s.mAt[x] < 0:
			return x
		case s.boundary(x) || w == "," || w == ".":
			return -1
		}
	}
	return -1
}

// negatedNoun reports whether a negator stands right before the noun at k
// ("no evidence", "not any proof", "little evidence").
func (s *sent) negatedNoun(k int) bool {
	for x := k - 1; x >= 0 && x >= k-3; x-- {
		w := s.low[x]
		if s.lx.is("negators", w) || s.lx.is("scant", w) {
			return true
		}
		if !(s.lx.is("evidence_modifiers", w) || s.tag(x) == "JJ") {
			return false
		}
	}
	return false
}

// according reports whether an attribution phrase ("according to") ends
// just before the phrase that the doubtful word at k opens: the whole
// sentence rests on it.
func (s *sent) according(k int) bool {
	for x := k - 1; x >= 1 && x >= k-3; x-- {
		if s.lx.is("attribution", s.low[x-1]+" "+s.low[x]) {
			return true
		}
	}
	return false
}

// scopeEnd returns where the denied or doubted clause that starts at from
// (governed by token gov) ends: at a clause-ending punctuation mark, at a
// "but" or a comma before a coordinated clause (", and said …"), and, when
// the governor stands in a relative clause (", which denied that …,"), at
// the comma that closes it.
func (s *sent) scopeEnd(from, gov int) int {
	rel := false
	for x := gov - 1; x >= 0 && !s.hardBoundary(x); x-- {
		if s.low[x] == "," {
			rel = x+1 < len(s.low) && s.lx.is("relative", s.low[x+1])
			break
		}
	}
	n := len(s.low)
	for x := from; x < n; x++ {
		w := s.low[x]
		if s.hardBoundary(x) || w == "but" {
			return x
		}
		if w == "," && (rel || x+1 < n && (s.lx.is("verb_coordination", s.low[x+1]) || s.low[x+1] == "but")) {
			return x
		}
	}
	return n
}
