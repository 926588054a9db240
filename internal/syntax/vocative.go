package syntax

// fixVocatives relabels as a vocative a proper noun that the parse made a
// second subject of a verb, before the verb's other subject, a pronoun,
// with a comma between the two: "Secretary Varga, Mr. Okafor, I want to
// thank you both" is addressed to Varga, and it is I who want. Debates,
// interviews and quoted speech address people so; the parses of EWT's
// train and dev words hold no such second subject, so the treebank's
// figures do not move. heads are 1-based (0 the root); class holds the
// words' classes.
func (m *Model) fixVocatives(forms []string, heads, rels, class []int) {
	nsubj, vocative := m.vocRels[0], m.vocRels[1]
	if nsubj < 0 || vocative < 0 {
		return
	}
	for u := range heads {
		v := heads[u] - 1
		if rels[u] != nsubj || v <= u || m.tagger.classes[class[u]].UPOS != "PROPN" {
			continue
		}
		comma := false
		for k := u + 1; k < v; k++ {
			switch {
			case forms[k] == ",":
				comma = true
			case comma && heads[k]-1 == v && rels[k] == nsubj && m.tagger.classes[class[k]].UPOS == "PRON":
				rels[u] = vocative
			}
		}
	}
}
