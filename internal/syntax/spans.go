package syntax

import "strings"

// SetTimeSpans gives the model the words of a span of time (spans:
// "days", "week") and the order words after them (orders: "before",
// "after") for the repair of "two days before X voted" (fixTimeSpans).
// Like SetRetag it is called once, before any use.
func (m *Model) SetTimeSpans(spans, orders []string) {
	m.spanWords, m.orderWords = map[string]bool{}, map[string]bool{}
	for _, w := range spans {
		m.spanWords[strings.ToLower(w)] = true
	}
	for _, w := range orders {
		m.orderWords[strings.ToLower(w)] = true
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
func (m *Model) fixTimeSpans(forms []string, heads, rels []int) {
	if len(m.spanWords) == 0 {
		return
	}
	nsubj, nmod, caseRel, mark, unmarked := m.spanRels[0], m.spanRels[1], m.spanRels[2], m.spanRels[3], m.spanRels[4]
	n := len(heads)
	for u := 0; u < n; u++ {
		v := heads[u] - 1
		if rels[u] != nsubj || v <= u || !m.spanWords[strings.ToLower(forms[u])] {
			continue
		}
		c := u + 1
		if c >= v || rels[c] != caseRel || !m.orderWords[strings.ToLower(forms[c])] {
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
