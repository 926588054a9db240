package syntax

// fixFlatCommas undoes a name the parser ran across a comma: in "Unlike
// Ben Adler, Ana Ruiz said" or "In a letter to Ben Adler, Ana Ruiz
// said", the words of both names hung as one flat name on "Ben". No name
// holds a comma, so a flat word with a comma between it and its head
// starts a phrase of its own: it takes the flat words after it, and
// hangs on the first name as its apposition, which is how the treebank
// attaches a phrase set off by commas after a noun. EWT's gold trees
// hold no such flat word, so the treebank's figures do not move. heads
// are 1-based (0 the root).
func (m *Model) fixFlatCommas(forms []string, heads, rels []int) {
	flat, appos := m.flatRels[0], m.flatRels[1]
	if flat < 0 || appos < 0 {
		return
	}
	for d := range heads {
		h := heads[d] - 1
		if rels[d] != flat || h < 0 || h >= d || !commaBetween(forms, h, d) {
			continue
		}
		for e := d + 1; e < len(heads); e++ {
			if heads[e]-1 == h && rels[e] == flat {
				heads[e] = d + 1
			}
		}
		rels[d] = appos
	}
}

// commaBetween reports whether a comma stands between words a and b.
func commaBetween(forms []string, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if forms[k] == "," {
			return true
		}
	}
	return false
}
