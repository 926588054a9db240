package pipeline

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dossier-project/dossier/data"
)

// vocabulary is data/pipeline/vocabulary.yaml.
type vocabulary struct {
	ClauseBreaks []clauseBreak `yaml:"clause_breaks"`
	FirstPerson  struct {
		Singular []string `yaml:"singular"`
		Plural   []string `yaml:"plural"`
	} `yaml:"first_person"`
	firstPerson firstPersonWords
	// TimeMarks are the subordinators of a clause of time ("when",
	// "while", "after"): such a clause is part of the clause it hangs on
	// for dating what is in either (anchor.go, clauseOf).
	TimeMarks []string `yaml:"time_marks"`
	timeMarks map[string]bool
	// PastAux are the auxiliaries that put a participle in the past
	// ("has called", "was told"): told in the past, it cannot be dated
	// after the document (anchor.go, toldAsPast).
	PastAux []string `yaml:"past_auxiliaries"`
	pastAux map[string]bool
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

// firstPersonWords are the first-person pronouns, lower-cased.
type firstPersonWords struct{ singular, plural map[string]bool }

func loadVocabulary(fsys fs.FS) (vocabulary, error) {
	const name = "pipeline/vocabulary.yaml"
	var v vocabulary
	if err := data.ReadYAML(fsys, name, &v); err != nil {
		return v, err
	}
	if len(v.ClauseBreaks) == 0 || len(v.FirstPerson.Singular) == 0 || len(v.FirstPerson.Plural) == 0 {
		return v, fmt.Errorf("load %s: clause_breaks and both first_person lists must not be empty", name)
	}
	if len(v.TimeMarks) == 0 || len(v.PastAux) == 0 {
		return v, fmt.Errorf("load %s: time_marks and past_auxiliaries must not be empty", name)
	}
	if len(v.Order.After) == 0 || len(v.Order.Before) == 0 {
		return v, fmt.Errorf("load %s: both order lists (after, before) must not be empty", name)
	}
	for i, b := range v.ClauseBreaks {
		if strings.TrimSpace(b.Word) == "" {
			return v, fmt.Errorf("load %s: clause break %d has no word", name, i+1)
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
	v.firstPerson = firstPersonWords{singular: set(v.FirstPerson.Singular), plural: set(v.FirstPerson.Plural)}
	v.timeMarks = set(v.TimeMarks)
	v.pastAux = set(v.PastAux)
	return v, nil
}
