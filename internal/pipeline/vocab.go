package pipeline

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dossier-project/dossier/data"
)

// vocabulary is data/pipeline/vocabulary.yaml.
type vocabulary struct {
	FirstPerson struct {
		Singular []string `yaml:"singular"`
		Plural   []string `yaml:"plural"`
	} `yaml:"first_person"`
	firstPerson firstPersonWords
}

// firstPersonWords are the first-person pronouns, lower-cased.
type firstPersonWords struct{ singular, plural map[string]bool }

func loadVocabulary(fsys fs.FS) (vocabulary, error) {
	const name = "pipeline/vocabulary.yaml"
	var v vocabulary
	if err := data.ReadYAML(fsys, name, &v); err != nil {
		return v, err
	}
	if len(v.FirstPerson.Singular) == 0 || len(v.FirstPerson.Plural) == 0 {
		return v, fmt.Errorf("load %s: both first_person lists must not be empty", name)
	}
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[strings.ToLower(w)] = true
		}
		return m
	}
	v.firstPerson = firstPersonWords{singular: set(v.FirstPerson.Singular), plural: set(v.FirstPerson.Plural)}
	return v, nil
}
