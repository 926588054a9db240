package text

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/data"
	punktdata "github.com/neurosnap/sentences/data"
)

// Punkt orthographic-context flags, as stored in the English training
// data of github.com/neurosnap/sentences: where a word type was seen in its
// training corpus and with which case.
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoUc    = orthoBegUc | orthoMidUc | orthoUnkUc
	orthoLc    = orthoBegLc | orthoMidLc | orthoUnkLc
)

type abbrevKind uint8

const (
	abbrevOther abbrevKind = iota + 1
	abbrevTitle
	// abbrevState is a state's abbreviation ("Wis", "Ill"), one only
	// after a party's letter and a hyphen ("R-Wis."): alone, most are
	// words that may end a sentence ("ill.", "wash.").
	abbrevState
)

type connectorKind uint8

const (
	connInner connectorKind = iota + 1 // only between name words
	connLead                           // may also start a name
	connAfter                          // only after another connector
)

// lexicon is the read-only word knowledge the analyzer uses.
type lexicon struct {
	// abbrevs maps a lower-cased abbreviation without its final period.
	abbrevs    map[string]abbrevKind
	honorifics map[string]bool
	connectors map[string]connectorKind
	notNames   map[string]bool
	// functionWords are determiners, pronouns, prepositions and the like:
	// capitalised after a period, they open a sentence.
	functionWords map[string]bool
	// ortho and starters come from Punkt's English training data, keyed
	// by lower-cased word type.
	ortho    map[string]int
	starters map[string]bool
	// genders gives the gender ('m', 'f') of pronouns, titles, given
	// names and nouns for persons (data/text/genders.txt), by kind and
	// lower-cased word.
	genders [numGenderKinds]map[string]byte
	// irregular maps an irregular verb form to its base form
	// (data/text/irregular-verbs.txt: "shot" → "shoot").
	irregular map[string]string
	// timeSpans and timeOrders are the words of "two days before X
	// voted" (data/text/time-spans.txt), for syntax.Model.SetTimeSpans.
	timeSpans, timeOrders []string
	// frameVerbs are the verbs of a frame after a quotation closed by
	// "?" or "!" ("“Why?” Adler asked."), frameClause the words that
	// open a clause of its own after such a verb
	// (data/text/frame-verbs.txt).
	frameVerbs, frameClause map[string]bool
}

// GenderKind is the kind of word whose gender Doc.Gender gives.
type GenderKind int

const (
	GenderPronoun GenderKind = iota // "she"
	GenderTitle                     // "Mrs", "Congressman"
	GenderName                      // a given name: "Hillary"
	GenderNoun                      // a common noun for a person of one sex: "wife", "son"
	numGenderKinds
)

var genderKinds = map[string]GenderKind{"pronoun": GenderPronoun, "title": GenderTitle, "name": GenderName, "noun": GenderNoun}

// Data files read by loadLexicon, relative to the data file system.
const (
	abbrevFile        = "text/abbreviations.txt"
	honorificFile     = "text/honorifics.txt"
	connectorFile     = "text/name-connectors.txt"
	notNamesFile      = "text/not-names.txt"
	functionWordsFile = "text/function-words.txt"
	gendersFile       = "text/genders.txt"
	timeSpansFile     = "text/time-spans.txt"
	frameVerbsFile    = "text/frame-verbs.txt"
	punktAssetName    = "data/english.json"
)

// IrregularVerbsFile is the data file of irregular verb forms, read by
// IrregularVerbs.
const IrregularVerbsFile = "text/irregular-verbs.txt"

func loadLexicon(fsys fs.FS) (*lexicon, error) {
	lx := &lexicon{
		abbrevs:    map[string]abbrevKind{},
		honorifics: map[string]bool{},
		connectors: map[string]connectorKind{},
		notNames:   map[string]bool{},
	}
	err := readList(fsys, abbrevFile, func(f []string) error {
		k := abbrevOther
		if len(f) > 1 {
			switch f[1] {
			case "title":
				k = abbrevTitle
			case "state":
				k = abbrevState
			default:
				return fmt.Errorf("unknown kind %q", f[1])
			}
		}
		lx.abbrevs[strings.ToLower(strings.TrimSuffix(f[0], "."))] = k
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readList(fsys, honorificFile, func(f []string) error {
		lx.honorifics[f[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readList(fsys, connectorFile, func(f []string) error {
		k := connInner
		if len(f) > 1 {
			switch f[1] {
			case "lead":
				k = connLead
			case "after":
				k = connAfter
			default:
				return fmt.Errorf("unknown kind %q", f[1])
			}
		}
		lx.connectors[f[0]] = k
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readList(fsys, notNamesFile, func(f []string) error {
		lx.notNames[f[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	lx.functionWords = map[string]bool{}
	err = readList(fsys, functionWordsFile, func(f []string) error {
		lx.functionWords[strings.ToLower(f[0])] = true
		return nil
	})
	if err != nil {
		return nil, err
	}

	for k := range lx.genders {
		lx.genders[k] = map[string]byte{}
	}
	err = readList(fsys, gendersFile, func(f []string) error {
		if len(f) != 3 || f[1] != "m" && f[1] != "f" {
			return fmt.Errorf("want a word, m or f, and its kind, not %q", strings.Join(f, " "))
		}
		k, ok := genderKinds[f[2]]
		if !ok {
			return fmt.Errorf("unknown kind %q (pronoun, title, name or noun)", f[2])
		}
		w := strings.ToLower(f[0])
		if _, dup := lx.genders[k][w]; dup {
			return fmt.Errorf("%q is listed twice", f[0])
		}
		lx.genders[k][w] = f[1][0]
		return nil
	})
	if err != nil {
		return nil, err
	}

	if lx.irregular, err = IrregularVerbs(fsys); err != nil {
		return nil, err
	}

	err = readList(fsys, timeSpansFile, func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want a word and its kind, not %q", strings.Join(f, " "))
		}
		switch f[1] {
		case "span":
			lx.timeSpans = append(lx.timeSpans, f[0])
		case "order":
			lx.timeOrders = append(lx.timeOrders, f[0])
		default:
			return fmt.Errorf("unknown kind %q (span or order)", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	lx.frameVerbs, lx.frameClause = map[string]bool{}, map[string]bool{}
	err = readList(fsys, frameVerbsFile, func(f []string) error {
		switch {
		case len(f) == 1:
			lx.frameVerbs[strings.ToLower(f[0])] = true
		case len(f) == 2 && f[1] == "clause":
			lx.frameClause[strings.ToLower(f[0])] = true
		default:
			return fmt.Errorf("want a verb, or a word and the kind clause, not %q", strings.Join(f, " "))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	raw, err := punktdata.Asset(punktAssetName)
	if err != nil {
		return nil, fmt.Errorf("punkt english training data: %w", err)
	}
	punkt, err := readPunkt(raw)
	if err != nil {
		return nil, err
	}
	lx.ortho = punkt.OrthoContext
	lx.starters = make(map[string]bool, len(punkt.SentStarters))
	for w, v := range punkt.SentStarters {
		if v != 0 {
			lx.starters[w] = true
		}
	}
	return lx, nil
}

// IrregularVerbs reads the irregular verb forms of the data file system
// (text/irregular-verbs.txt: a base form, then its irregular forms, a
// verb a line) and returns each form's base ("shot" → "shoot"); the
// first base listed for a form wins. The text layer gives a past form
// its base with it, and the event coder reads its verbs with the same.
func IrregularVerbs(fsys fs.FS) (map[string]string, error) {
	out := map[string]string{}
	err := readList(fsys, IrregularVerbsFile, func(f []string) error {
		for _, w := range f[1:] {
			if _, ok := out[w]; !ok {
				out[w] = f[0]
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readList reads a list file of the text layer (data.ReadList), its
// errors those of the text lexicon.
func readList(fsys fs.FS, name string, fn func([]string) error) error {
	if err := data.ReadList(fsys, name, fn); err != nil {
		return fmt.Errorf("text lexicon: %w", err)
	}
	return nil
}

// abbrev returns the kind of the abbreviation w (without its period), or 0.
func (lx *lexicon) abbrev(w string) abbrevKind {
	if k := lx.anyAbbrev(w); k != abbrevState {
		return k
	}
	return 0
}

// anyAbbrev is abbrev with the abbreviations of states too.
func (lx *lexicon) anyAbbrev(w string) abbrevKind {
	if len(w) > 12 {
		return 0
	}
	var buf [48]byte
	return lx.abbrevs[string(appendLower(buf[:0], w))]
}

// orthoStarter applies Punkt's orthographic heuristic to a capitalised
// word: true when the training data saw it lower-case but never
// capitalised in mid-sentence, so a capital here signals a new sentence.
func (lx *lexicon) orthoStarter(lower string) bool {
	o := lx.ortho[lower]
	return o&orthoLc != 0 && o&orthoMidUc == 0
}

// appendLower appends the lower-case form of s to b.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			b = append(b, s[i])
		} else {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		i += w
	}
	return b
}
