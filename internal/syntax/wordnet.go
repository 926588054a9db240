package syntax

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// WordNet (Princeton, Debian's wordnet-base) tells which parts of speech
// an English word can have, for about 150,000 words. The tagger reads it as
// a lexicon for the words the treebank never saw: the word's entry, or the
// entry its inflection points to ("resurfacing" → the verb "resurface"),
// the way WordNet's own morphy finds it.

// The bits of a word's WordNet signature.
const (
	wnNoun      = 1 << iota // a noun lemma
	wnNounPl                // a plural of a noun lemma
	wnVerb                  // a verb lemma
	wnVerbS                 // verb + -s
	wnVerbEd                // verb + -ed
	wnVerbIng               // verb + -ing
	wnAdj                   // an adjective lemma
	wnAdjCmp                // adjective + -er or -est
	wnAdv                   // an adverb
	wnIrregNoun             // an irregular noun form (WordNet's exception lists)
	wnIrregVerb             // an irregular verb form
	wnIrregAdj              // an irregular adjective form
)

// wnLemma bits, stored in the model for lemmas (and exception forms).
const (
	wnLemmaNoun = 1 << iota
	wnLemmaVerb
	wnLemmaAdj
	wnLemmaAdv
	wnExcNoun
	wnExcVerb
	wnExcAdj
)

// ReadWordNet reads the lemmas and exception lists of a WordNet database
// directory (index.noun, …, noun.exc, …) into the table the model keeps:
// the hash of each one-word lemma or irregular form with its parts of
// speech.
func ReadWordNet(dir string) (map[uint64]uint64, error) {
	out := map[uint64]uint64{}
	add := func(file string, bit uint64) error {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			return fmt.Errorf("wordnet: %w", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == ' ' {
				continue // the licence header
			}
			w, _, _ := strings.Cut(line, " ")
			if strings.Contains(w, "_") {
				continue
			}
			out[hashString(strings.ToLower(w))] |= bit
		}
		return sc.Err()
	}
	for _, x := range []struct {
		file string
		bit  uint64
	}{
		{"index.noun", wnLemmaNoun}, {"index.verb", wnLemmaVerb}, {"index.adj", wnLemmaAdj}, {"index.adv", wnLemmaAdv},
		{"noun.exc", wnExcNoun}, {"verb.exc", wnExcVerb}, {"adj.exc", wnExcAdj},
	} {
		if err := add(x.file, x.bit); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// inflection is an ending WordNet's morphy strips: suf, replaced by add,
// leaves a lemma of kind need (wnLemmaNoun, …); bit is the signature bit
// a word so inflected gets (wnNounPl, …), 0 for an ending read only to
// lemmatize.
type inflection struct {
	suf, add  string
	need, bit uint64
}

// doubles reports whether the ending may follow a doubled consonant that
// the lemma has once ("stopped", "bigger").
func (r inflection) doubles() bool {
	return r.add == "" && (r.bit == wnVerbEd || r.bit == wnVerbIng || r.bit == wnAdjCmp)
}

// wnInflections are the endings of English inflection, for the tagger's
// WordNet signatures (wnSignature) and, in this order, for the lemmas of
// words the treebank never saw (lemmatizer.morphy).
var wnInflections = [...]inflection{
	{"s", "", wnLemmaNoun, wnNounPl}, {"ses", "s", wnLemmaNoun, wnNounPl}, {"xes", "x", wnLemmaNoun, wnNounPl},
	{"zes", "z", wnLemmaNoun, wnNounPl}, {"ches", "ch", wnLemmaNoun, wnNounPl}, {"shes", "sh", wnLemmaNoun, wnNounPl},
	{"men", "man", wnLemmaNoun, wnNounPl}, {"ies", "y", wnLemmaNoun, wnNounPl},
	{"s", "", wnLemmaVerb, wnVerbS}, {"ies", "y", wnLemmaVerb, wnVerbS}, {"es", "e", wnLemmaVerb, wnVerbS}, {"es", "", wnLemmaVerb, wnVerbS},
	{"ed", "e", wnLemmaVerb, wnVerbEd}, {"ed", "", wnLemmaVerb, wnVerbEd}, {"ied", "y", wnLemmaVerb, 0},
	{"ing", "e", wnLemmaVerb, wnVerbIng}, {"ing", "", wnLemmaVerb, wnVerbIng},
	{"er", "", wnLemmaAdj, wnAdjCmp}, {"est", "", wnLemmaAdj, wnAdjCmp}, {"er", "e", wnLemmaAdj, wnAdjCmp}, {"est", "e", wnLemmaAdj, wnAdjCmp},
}

// wnSignature returns the WordNet signature of a lower-case word.
func wnSignature(t *u64map, w []byte) uint64 {
	if t == nil || len(t.keys) == 0 || len(w) == 0 {
		return 0
	}
	var sig uint64
	look := func(stem []byte, add string) uint64 {
		if len(add) == 0 {
			v, _ := t.get(hashBytes(stem))
			return v
		}
		var b [64]byte
		if len(stem)+len(add) > len(b) {
			return 0
		}
		x := append(append(b[:0], stem...), add...)
		v, _ := t.get(hashBytes(x))
		return v
	}
	self := look(w, "")
	if self&wnLemmaNoun != 0 {
		sig |= wnNoun
	}
	if self&wnLemmaVerb != 0 {
		sig |= wnVerb
	}
	if self&wnLemmaAdj != 0 {
		sig |= wnAdj
	}
	if self&wnLemmaAdv != 0 {
		sig |= wnAdv
	}
	if self&wnExcNoun != 0 {
		sig |= wnIrregNoun
	}
	if self&wnExcVerb != 0 {
		sig |= wnIrregVerb
	}
	if self&wnExcAdj != 0 {
		sig |= wnIrregAdj
	}
	for _, r := range wnInflections {
		if r.bit == 0 || len(w) <= len(r.suf)+1 || string(w[len(w)-len(r.suf):]) != r.suf {
			continue
		}
		stem := w[:len(w)-len(r.suf)]
		if look(stem, r.add)&r.need != 0 {
			sig |= r.bit
		}
		// doubled consonants: "stopped", "bigger"
		if r.doubles() && len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] && look(stem[:len(stem)-1], "")&r.need != 0 {
			sig |= r.bit
		}
	}
	return sig
}

// wordnetNeeds gives, for each Penn tag of xpos (by its index), the kind
// of WordNet lemma a word of that tag inflects: a verb for the verb
// forms, an adjective for comparatives and superlatives; 0 for every
// other tag. Plural nouns are not checked: the treebank keeps the plural
// as the lemma of some ("regards", "supplies"), which WordNet would undo.
func wordnetNeeds(xpos []string) []uint64 {
	out := make([]uint64, len(xpos))
	for i, x := range xpos {
		switch x {
		case "VBD", "VBN", "VBG", "VBZ":
			out[i] = wnLemmaVerb
		case "JJR", "JJS":
			out[i] = wnLemmaAdj
		}
	}
	return out
}
