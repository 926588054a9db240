package syntax

// SetTimeSpans gives the model the words of a span of time (spans:
// "days", "week") and the order words after them (orders: "before",
// "after") for the repair of "two days before X voted" (fixTimeSpans).
// Like SetRetag it is called once, before any use. Words are matched as
// the tagger normalises them (by hash, as the retag rules are).
func (m *Model) SetTimeSpans(spans, orders []string) {
	m.spanWords, m.orderWords = map[uint64]bool{}, map[uint64]bool{}
	var buf []byte
	for _, w := range spans {
		buf = normForm(w, buf)
		m.spanWords[hashBytes(buf)] = true
	}
	for _, w := range orders {
		buf = normForm(w, buf)
		m.orderWords[hashBytes(buf)] = true
	}
	p := m.parser
	m.spanRels = [5]int{p.label("nsubj"), p.label("nmod"), p.label("case"), p.label("mark"), p.label("obl:unmarked")}
}

// fixTimeSpans re-attaches a span of time that the parse made the
// subject of a clause with the clause's subject as its modifier ("two
// days before the committee voted" read as "[two days [before the
// committee]] voted"): as the treebank attaches it, the span is an
// oblique of the verb, the order word the verb's mark, and the noun
// after it the verb's subject. heads are 1-based (0 the root).
func (m *Model) fixTimeSpans(lex []lexical, heads, rels []int) {
	if len(m.spanWords) == 0 {
		return
	}
	nsubj, nmod, caseRel, mark, unmarked := m.spanRels[0], m.spanRels[1], m.spanRels[2], m.spanRels[3], m.spanRels[4]
	for u := range heads {
		v := heads[u] - 1
		if rels[u] != nsubj || v <= u || !m.spanWords[lex[u].w] {
			continue
		}
		c := u + 1
		if c >= v || rels[c] != caseRel || !m.orderWords[lex[c].w] {
			continue
		}
		x := heads[c] - 1
		if x <= c || x >= v || heads[x]-1 != u || rels[x] != nmod {
			continue
		}
		heads[x], rels[x] = v+1, nsubj
		heads[c], rels[c] = v+1, mark
		heads[u], rels[u] = v+1, unmarked
	}
}
