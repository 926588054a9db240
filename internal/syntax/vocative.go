package syntax

// fixVocatives relabels as a vocative a proper noun that the parse made a
// second subject of a verb, before the verb's other subject, a personal
// pronoun, with a comma between the two: "Secretary Varga, Mr. Okafor, I
// want to thank you both" is addressed to Varga, and it is I who want.
// Debates, interviews and quoted speech address people so. A relative
// pronoun is no such subject ("that Okafor, who led the council, is now
// cooperating" is Okafor's cooperating, misparsed), and a name after a
// word of the verb's own clause ("that", "and") is not addressed. The
// parses of EWT's train and dev words hold no such second subject, so the
// treebank's figures do not move. heads are 1-based (0 the root); class
// holds the words' classes.
func (m *Model) fixVocatives(forms []string, heads, rels, class []int) {
	nsubj, vocative, punct := m.vocRels[0], m.vocRels[1], m.vocRels[2]
	if nsubj < 0 || vocative < 0 {
		return
	}
	for u := range heads {
		v := heads[u] - 1
		if rels[u] != nsubj || v <= u || m.tagger.classes[class[u]].UPOS != "PROPN" || m.clauseBefore(heads, rels, u, v, punct, vocative) {
			continue
		}
		comma := false
		for k := u + 1; k < v; k++ {
			switch {
			case forms[k] == ",":
				comma = true
			case comma && heads[k]-1 == v && rels[k] == nsubj && m.tagger.classes[class[k]].XPOS == "PRP":
				rels[u] = vocative
				k = v // (relabelled: no more to ask of u)
			}
		}
	}
}

// clauseBefore reports whether a word before u, other than punctuation
// or another name addressed, hangs on the verb v: the name is then inside
// v's clause, not before it.
func (m *Model) clauseBefore(heads, rels []int, u, v, punct, vocative int) bool {
	for k := 0; k < u; k++ {
		if heads[k]-1 == v && rels[k] != punct && rels[k] != vocative {
			return true
		}
	}
	return false
}
