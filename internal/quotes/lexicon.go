package quotes

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/internal/model"
)

// cueFile is the lexicon's path inside the data file system.
const cueFile = "quotes/cues.yaml"

// lexiconFile mirrors data/quotes/cues.yaml.
type lexiconFile struct {
	Verbs          []string `yaml:"verbs"`
	ClauseVerbs    []string `yaml:"clause_verbs"`
	SpeakerAfter   []string `yaml:"speaker_after"`
	Participles    []string `yaml:"participles"`
	Anonymity      []string `yaml:"anonymity"`
	AnonymousHeads []string `yaml:"anonymous_heads"`
	PersonPronouns []string `yaml:"person_pronouns"`
	GroupPronouns  []string `yaml:"group_pronouns"`
	Roles          []string `yaml:"roles"`
	Honorifics     []string `yaml:"honorifics"`
	Between        []string `yaml:"between"`
	SpeakerWords   []string `yaml:"speaker_words"`
	BodyWords      []string `yaml:"body_words"`
	Stopwords      []string `yaml:"stopwords"`
	NotNames       []string `yaml:"not_names"`
	Negations      []string `yaml:"negations"`
	ClauseMarkers  []string `yaml:"clause_markers"`
	ReporterAsides []string `yaml:"reporter_asides"`
	Speech         []string `yaml:"speech"`
	Thought        []string `yaml:"thought"`
	Evidence       []string `yaml:"evidence"`
	ObjectContent  []string `yaml:"object_content"`
	DirectOnly     []string `yaml:"direct_only"`
}

// lexicon is the read-only, lower-cased form of the cue file.
type lexicon struct {
	verbs          map[string]bool
	clauseVerbs    map[string]bool
	speakerAfter   [][]string // multi-word phrases, lower-cased words
	participles    [][]string
	anonymity      [][]string
	anonymousHeads map[string]bool
	personPronouns map[string]bool
	groupPronouns  map[string]bool
	roles          [][]string // longest first
	honorifics     map[string]bool
	between        map[string]bool
	speakerWords   map[string]bool
	bodyWords      map[string]bool // heads of the names of bodies: "ministry"
	stopwords      map[string]bool
	notNames       map[string]bool
	negations      map[string]bool
	clauseMarkers  map[string]bool
	reporterAsides [][]string
	// kind maps a cue lemma to the kind of attribution it reports.
	kind          map[string]string
	objectContent map[string]bool
	directOnly    map[string]bool
}

func loadLexicon(fsys fs.FS) (*lexicon, error) {
	raw, err := fs.ReadFile(fsys, cueFile)
	if err != nil {
		return nil, fmt.Errorf("quotes: reading cue lexicon: %w", err)
	}
	var f lexiconFile
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("quotes: parsing %s: %w", cueFile, err)
	}
	if len(f.Verbs) == 0 {
		return nil, fmt.Errorf("quotes: %s lists no reporting verbs", cueFile)
	}
	lx := &lexicon{
		verbs:          set(f.Verbs),
		clauseVerbs:    set(f.ClauseVerbs),
		speakerAfter:   phrases(f.SpeakerAfter),
		participles:    phrases(f.Participles),
		anonymity:      phrases(f.Anonymity),
		anonymousHeads: set(f.AnonymousHeads),
		personPronouns: set(f.PersonPronouns),
		groupPronouns:  set(f.GroupPronouns),
		roles:          phrases(f.Roles),
		honorifics:     set(f.Honorifics),
		between:        set(f.Between),
		speakerWords:   set(f.SpeakerWords),
		bodyWords:      set(f.BodyWords),
		stopwords:      set(f.Stopwords),
		notNames:       set(f.NotNames),
		negations:      set(f.Negations),
		clauseMarkers:  set(f.ClauseMarkers),
		reporterAsides: phrases(f.ReporterAsides),
		kind:           map[string]string{},
		objectContent:  set(f.ObjectContent),
		directOnly:     set(f.DirectOnly),
	}
	for _, l := range []struct {
		words []string
		kind  string
	}{{f.Evidence, model.KindEvidence}, {f.Thought, model.KindThought}, {f.Speech, model.KindSpeech}, {f.DirectOnly, model.KindSpeech}} {
		for w := range set(l.words) {
			lx.kind[w] = l.kind
		}
	}
	for _, r := range lx.roles {
		for _, w := range r {
			lx.speakerWords[w] = true
		}
	}
	for h := range lx.honorifics {
		lx.speakerWords[strings.TrimSuffix(h, ".")] = true
	}
	return lx, nil
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			m[w] = true
		}
	}
	return m
}

// phrases splits each entry into lower-cased words (hyphens split too, so
// "Secretary-General" is the two words the tokenizer produces), longest
// phrase first so that matching is greedy.
func phrases(list []string) [][]string {
	out := make([][]string, 0, len(list))
	for _, p := range list {
		ws := strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return r == ' ' || r == '-' })
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// isPronoun reports whether w (lower-cased) is a subject pronoun.
func (lx *lexicon) isPronoun(w string) bool { return lx.personPronouns[w] || lx.groupPronouns[w] }

// isNegation reports whether a folded word negates: one of the lexicon's
// negations or a contraction ending in "n't".
func isNegation(neg map[string]bool, w string) bool {
	return neg[w] || strings.HasSuffix(w, "n't")
}
