package mentions

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/data"
)

// VocabularyFile is the vocabulary's path in the data file system.
const VocabularyFile = "mentions/vocabulary.yaml"

// PersonNounsFile is the path, in the data file system, of the common
// nouns for persons (WordNet's noun.person, one a line, "#" comments),
// which the quotes stage reads too: before a name they are a title
// ("Trade Commissioner Henrik Aalto"), not part of it.
const PersonNounsFile = "quotes/person-nouns.txt"

// vocabFile is the YAML layout of VocabularyFile.
type vocabFile struct {
	Pronouns struct {
		SingularSubject    []string `yaml:"singular_subject"`
		SingularPossessive []string `yaml:"singular_possessive"`
		PluralSubject      []string `yaml:"plural_subject"`
		PluralPossessive   []string `yaml:"plural_possessive"`
		SecondPerson       []string `yaml:"second_person"`
	} `yaml:"pronouns"`
	Honorifics  []string `yaml:"honorifics"`
	Determiners struct {
		Definite   []string `yaml:"definite"`
		Indefinite []string `yaml:"indefinite"`
	} `yaml:"determiners"`
	Former            []string          `yaml:"former"`
	OfficeMarkers     []string          `yaml:"office_markers"`
	HolderMarkers     []string          `yaml:"office_holder_markers"`
	AnonymityMarkers  []string          `yaml:"anonymity_markers"`
	Attribution       []string          `yaml:"attribution"`
	SourceNouns       []string          `yaml:"source_nouns"`
	AnonymousHeads    []string          `yaml:"anonymous_heads"`
	GenericHeads      []string          `yaml:"generic_heads"`
	Locative          []string          `yaml:"locative"`
	LinkSuffixes      []string          `yaml:"link_suffixes"`
	RoleAliases       map[string]string `yaml:"role_aliases"`
	DefiniteHeads     map[string]string `yaml:"definite_heads"`
	OrganisationWords []string          `yaml:"organisation_words"`
	NonPersonWords    []string          `yaml:"non_person_words"`
	SayingVerbs       []string          `yaml:"saying_verbs"`
	NamingPhrases     []string          `yaml:"naming_phrases"`
	PersonRelatives   []string          `yaml:"person_relatives"`
	TitleLinks        []string          `yaml:"title_links"`
	QuestionerAgent   string            `yaml:"questioner_agent"`
}

// pronounKind describes a pronoun.
type pronounKind struct {
	plural     bool
	possessive bool
}

// vocab is the loaded vocabulary, with every word lower-cased.
type vocab struct {
	pronouns map[string]pronounKind
	// secondPerson are the pronouns of the addressee ("you", "your")
	secondPerson map[string]bool
	honorifics   map[string]bool
	definite     map[string]bool
	indefinite   map[string]bool
	former       map[string]bool
	// officeMarkers before a role with no article make it the office
	officeMarkers map[string]bool
	// holderMarkers of those make a name after the office its holder
	holderMarkers map[string]bool
	markers       [][]string
	attribution   [][]string // "according to": a source follows
	sourceNouns   map[string]bool
	anonHeads     map[string]bool
	generic       map[string]bool
	locative      map[string]bool
	linkSuffixes  map[string]bool
	// roleAliases maps an alias phrase's words to the canonical role.
	roleAliases []roleAlias
	// aliasFirst holds the first word of every role alias.
	aliasFirst map[string]bool
	heads      map[string]string
	orgWords   map[string]bool
	// nonPerson holds the words that make an unknown name no person's
	// (non_person_words)
	nonPerson map[string]bool
	// saying are the verbs of saying (saying_verbs), lower-cased
	saying map[string]bool
	// naming are the phrases that give a thing its name ("a group known
	// as …"), as words
	naming [][]string
	// personRelatives are the relative pronouns of persons ("who")
	personRelatives map[string]bool
	// titleLinks join the nouns of a title ("of" of "Secretary of
	// State"; title_links)
	titleLinks map[string]bool
	questioner string
	// personNouns are the common nouns for persons (PersonNounsFile),
	// lower-cased.
	personNouns map[string]bool
}

type roleAlias struct {
	words []string
	role  string
}

func loadVocab(fsys fs.FS, name string) (*vocab, error) {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("mentions vocabulary: %w", err)
	}
	var f vocabFile
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("mentions vocabulary %s: %w", name, err)
	}
	v := &vocab{
		pronouns:        map[string]pronounKind{},
		secondPerson:    lowerSet(f.Pronouns.SecondPerson),
		honorifics:      lowerSet(f.Honorifics),
		definite:        lowerSet(f.Determiners.Definite),
		indefinite:      lowerSet(f.Determiners.Indefinite),
		former:          lowerSet(f.Former),
		officeMarkers:   lowerSet(f.OfficeMarkers),
		holderMarkers:   lowerSet(f.HolderMarkers),
		sourceNouns:     lowerSet(f.SourceNouns),
		anonHeads:       lowerSet(f.AnonymousHeads),
		generic:         lowerSet(f.GenericHeads),
		locative:        lowerSet(f.Locative),
		linkSuffixes:    lowerSet(f.LinkSuffixes),
		heads:           map[string]string{},
		orgWords:        lowerSet(f.OrganisationWords),
		nonPerson:       lowerSet(f.NonPersonWords),
		saying:          lowerSet(f.SayingVerbs),
		personRelatives: lowerSet(f.PersonRelatives),
		titleLinks:      lowerSet(f.TitleLinks),
		questioner:      strings.TrimSpace(f.QuestionerAgent),
	}
	add := func(words []string, k pronounKind) {
		for _, w := range words {
			v.pronouns[strings.ToLower(w)] = k
		}
	}
	add(f.Pronouns.SingularSubject, pronounKind{})
	add(f.Pronouns.SingularPossessive, pronounKind{possessive: true})
	add(f.Pronouns.PluralSubject, pronounKind{plural: true})
	add(f.Pronouns.PluralPossessive, pronounKind{plural: true, possessive: true})
	for _, m := range f.NamingPhrases {
		if ws := phraseWords(m); len(ws) > 0 {
			v.naming = append(v.naming, ws)
		}
	}
	for _, m := range f.AnonymityMarkers {
		if ws := phraseWords(m); len(ws) > 0 {
			v.markers = append(v.markers, ws)
		}
	}
	for _, m := range f.Attribution {
		if ws := phraseWords(m); len(ws) > 0 {
			v.attribution = append(v.attribution, ws)
		}
	}
	for alias, role := range f.RoleAliases {
		ws := phraseWords(alias)
		if len(ws) == 0 || strings.TrimSpace(role) == "" {
			return nil, fmt.Errorf("mentions vocabulary %s: bad role alias %q: %q", name, alias, role)
		}
		v.roleAliases = append(v.roleAliases, roleAlias{words: ws, role: strings.TrimSpace(role)})
	}
	// Longest alias first, then alphabetical, so matching is deterministic.
	sortAliases(v.roleAliases)
	v.aliasFirst = map[string]bool{}
	for _, al := range v.roleAliases {
		v.aliasFirst[al.words[0]] = true
	}
	for head, kind := range f.DefiniteHeads {
		switch kind {
		case "igo", "body":
		default:
			return nil, fmt.Errorf("mentions vocabulary %s: definite head %q: unknown kind %q (want igo or body)", name, head, kind)
		}
		v.heads[strings.ToLower(strings.TrimSpace(head))] = kind
	}
	return v, nil
}

// loadPersonNouns reads the list of nouns for persons, one a line.
func loadPersonNouns(fsys fs.FS, name string) (map[string]bool, error) {
	out := map[string]bool{}
	if err := data.AddWords(fsys, name, out); err != nil {
		return nil, fmt.Errorf("nouns for persons: %w", err)
	}
	return out, nil
}

func lowerSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			m[w] = true
		}
	}
	return m
}

// phraseWords splits a phrase into lower-case words, hyphens as spaces.
func phraseWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '\t' })
}

// sortAliases orders aliases longest first, then alphabetically.
func sortAliases(l []roleAlias) {
	sort.Slice(l, func(i, j int) bool {
		if len(l[i].words) != len(l[j].words) {
			return len(l[i].words) > len(l[j].words)
		}
		return strings.Join(l[i].words, " ") < strings.Join(l[j].words, " ")
	})
}
