package anchor

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dossier-project/dossier/data"
)

// VocabularyFile is the anchoring stage's word list in the data files.
const VocabularyFile = "anchor/vocabulary.yaml"

// vocabulary mirrors data/anchor/vocabulary.yaml.
type vocabulary struct {
	ClauseBreaks []clauseBreak `yaml:"clause_breaks"`
	// TimeMarks are the subordinators of a clause of time ("when",
	// "while", "after"): such a clause is part of the clause it hangs on
	// for dating what is in either (clauseOf).
	TimeMarks []string `yaml:"time_marks"`
	// PastAux are the auxiliaries that put a participle in the past
	// ("has called", "was told"): told in the past, it cannot be dated
	// after the document (toldAsPast).
	PastAux []string `yaml:"past_auxiliaries"`
	// Order words state which of two events in a sentence came first.
	Order struct {
		After  []string `yaml:"after"`
		Before []string `yaml:"before"`
	} `yaml:"order"`
}

// clauseBreak is a word that ends a clause; with Comma, only after a
// comma.
type clauseBreak struct {
	Word  string `yaml:"word"`
	Comma bool   `yaml:"comma"`
}

// Anchorer ties the events and quotes of a document to their time and
// records the order a sentence states between two events. It holds only
// its word lists, which it never changes, so one Anchorer serves many
// goroutines.
type Anchorer struct {
	breaks    []clauseBreak
	timeMarks map[string]bool
	pastAux   map[string]bool
	after     []string
	before    []string
}

// New reads the word lists from fsys (VocabularyFile).
func New(fsys fs.FS) (*Anchorer, error) {
	var v vocabulary
	if err := data.ReadYAML(fsys, VocabularyFile, &v); err != nil {
		return nil, err
	}
	if len(v.ClauseBreaks) == 0 {
		return nil, fmt.Errorf("load %s: clause_breaks must not be empty", VocabularyFile)
	}
	if len(v.TimeMarks) == 0 || len(v.PastAux) == 0 {
		return nil, fmt.Errorf("load %s: time_marks and past_auxiliaries must not be empty", VocabularyFile)
	}
	if len(v.Order.After) == 0 || len(v.Order.Before) == 0 {
		return nil, fmt.Errorf("load %s: both order lists (after, before) must not be empty", VocabularyFile)
	}
	for i, b := range v.ClauseBreaks {
		if strings.TrimSpace(b.Word) == "" {
			return nil, fmt.Errorf("load %s: clause break %d has no word", VocabularyFile, i+1)
		}
		v.ClauseBreaks[i].Word = strings.ToLower(b.Word)
	}
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[strings.ToLower(w)] = true
		}
		return m
	}
	return &Anchorer{breaks: v.ClauseBreaks, timeMarks: set(v.TimeMarks), pastAux: set(v.PastAux),
		after: v.Order.After, before: v.Order.Before}, nil
}
