package people

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dossier-project/dossier/data"
)

// VocabularyFile is the people stage's word list in the data files.
const VocabularyFile = "people/vocabulary.yaml"

// vocabulary mirrors data/people/vocabulary.yaml.
type vocabulary struct {
	FirstPerson struct {
		Singular []string `yaml:"singular"`
		Plural   []string `yaml:"plural"`
	} `yaml:"first_person"`
	Reporting []string `yaml:"reporting"`
}

// FirstPersonWords are the first-person pronouns, lower-cased: inside
// direct speech, the speaker (singular) or the side the speaker speaks
// for (plural).
type FirstPersonWords struct{ singular, plural, reporting map[string]bool }

// LoadFirstPerson reads the first-person pronouns from fsys
// (VocabularyFile).
func LoadFirstPerson(fsys fs.FS) (*FirstPersonWords, error) {
	var v vocabulary
	if err := data.ReadYAML(fsys, VocabularyFile, &v); err != nil {
		return nil, err
	}
	if len(v.FirstPerson.Singular) == 0 || len(v.FirstPerson.Plural) == 0 {
		return nil, fmt.Errorf("load %s: both first_person lists must not be empty", VocabularyFile)
	}
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[strings.ToLower(w)] = true
		}
		return m
	}
	return &FirstPersonWords{singular: set(v.FirstPerson.Singular), plural: set(v.FirstPerson.Plural), reporting: set(v.Reporting)}, nil
}
