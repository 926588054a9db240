package quotes

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

// cueFile is the lexicon's path inside the data file system.
const cueFile = "quotes/cues.yaml"

// labelsFile holds the labels in capitals that name no speaker
// (not_speaker), shared with the transcript reader (internal/ingest).
const labelsFile = "ingest/labels.yaml"

// mentionsVocabularyFile holds the words before a role that say it is
// not held now (former), shared with the mention stage
// (internal/mentions: its VocabularyFile).
const mentionsVocabularyFile = "mentions/vocabulary.yaml"

// lexiconFile mirrors data/quotes/cues.yaml.
type lexiconFile struct {
	Anonymity           []string            `yaml:"anonymity"`
	AnonymousHeads      []string            `yaml:"anonymous_heads"`
	MemberMarkers       []string            `yaml:"member_markers"`
	PersonPronouns      []string            `yaml:"person_pronouns"`
	GroupPronouns       []string            `yaml:"group_pronouns"`
	SingularGroup       []string            `yaml:"singular_group_pronouns"`
	Complementizer      []string            `yaml:"complementizers"`
	AccordingTo         []string            `yaml:"according_to"`
	InSourcePrep        string              `yaml:"in_source_preposition"`
	InSources           []string            `yaml:"in_sources"`
	Possessives         []string            `yaml:"possessive_endings"`
	TitleComplement     []string            `yaml:"title_complements"`
	PlacePrepositions   []string            `yaml:"place_prepositions"`
	Definite            []string            `yaml:"definite_articles"`
	PluralGroup         []string            `yaml:"plural_group_pronouns"`
	Roles               []string            `yaml:"roles"`
	Honorifics          []string            `yaml:"honorifics"`
	TitleAbbreviations  map[string][]string `yaml:"title_abbreviations"`
	SpeakerWords        []string            `yaml:"speaker_words"`
	BodyWords           []string            `yaml:"body_words"`
	CompanySuffixes     []string            `yaml:"company_suffixes"`
	SourceNouns         []string            `yaml:"source_nouns"`
	NameTimes           []string            `yaml:"name_times"`
	TimeWords           []string            `yaml:"time_words"`
	Subordinators       []string            `yaml:"subordinators"`
	QuestionMarks       []string            `yaml:"question_marks"`
	BlameMarks          []string            `yaml:"blame_marks"`
	ResultMarks         []string            `yaml:"result_marks"`
	BylineDashes        []string            `yaml:"byline_dashes"`
	ObjectControl       []string            `yaml:"object_control"`
	GrantingVerbs       []string            `yaml:"granting_verbs"`
	AttributionMark     []string            `yaml:"attribution_marks"`
	Showing             []string            `yaml:"showing"`
	AsideAdverbs        []string            `yaml:"aside_adverbs"`
	AsideSettings       []string            `yaml:"aside_settings"`
	AsideAddressees     []string            `yaml:"aside_addressees"`
	Relatives           []string            `yaml:"relative_pronouns"`
	PersonRelatives     []string            `yaml:"person_relatives"`
	PossessiveRelatives []string            `yaml:"possessive_relatives"`
	Demonstratives      []string            `yaml:"demonstratives"`
	FirstPerson         []string            `yaml:"first_person"`
	SecondPerson        []string            `yaml:"second_person"`
	ProVerbs            []string            `yaml:"pro_verbs"`
	Comparisons         []string            `yaml:"comparison_marks"`
	Stopwords           []string            `yaml:"stopwords"`
	Negations           []string            `yaml:"negations"`
	SameWords           [][2]string         `yaml:"same_words"`
	SpokenForms         map[string][]string `yaml:"spoken_forms"`
	HyphenPrefixes      []string            `yaml:"hyphen_prefixes"`
	FillerPhrases       [][]string          `yaml:"filler_phrases"`
	LeadingConjunctions []string            `yaml:"leading_conjunctions"`
	Occasions           []string            `yaml:"occasions"`
	ReporterAsides      []string            `yaml:"reporter_asides"`
	Speech              []string            `yaml:"speech"`
	Thought             []string            `yaml:"thought"`
	Evidence            []string            `yaml:"evidence"`
	ObjectContent       []string            `yaml:"object_content"`
	Characterizing      []string            `yaml:"characterizing"`
	InvertedCues        []string            `yaml:"inverted_cues"`
	TopicCues           map[string][]string `yaml:"topic_cues"`
	DirectOnly          []string            `yaml:"direct_only"`
	ParticleCues        map[string]string   `yaml:"particle_cues"`
	SubjectOnly         []string            `yaml:"subject_only"`
	SpeakingVerbs       []string            `yaml:"speaking_verbs"`
	Indefinites         []string            `yaml:"indefinites"`
	CrowdNouns          []string            `yaml:"crowd_nouns"`
	QuotingVerbs        []string            `yaml:"quoting_verbs"`
	WorkNouns           []string            `yaml:"work_nouns"`
	TitleVerbs          []string            `yaml:"title_verbs"`
	PerfectAux          []string            `yaml:"perfect_aux"`
	UnsaidGovernors     []string            `yaml:"unsaid_governors"`
	RequestGovernors    []string            `yaml:"request_governors"`
	NamingVerbs         []string            `yaml:"naming_verbs"`
	ConvenedNouns       []string            `yaml:"convened_nouns"`
}

// lexicon is the read-only, lower-cased form of the cue file.
type lexicon struct {
	anonymity      [][]string
	anonymousHeads map[string]bool
	// memberMarkers are the words that name some members of a source
	// ("including").
	memberMarkers  map[string]bool
	personPronouns map[string]bool
	groupPronouns  map[string]bool
	// singularGroup and pluralGroup are "it" and "they": a body or group
	// named as the subject before them in the sentence
	singularGroup, pluralGroup map[string]bool
	// complementizers ("that"), possessive endings ("'s"), the words
	// joining a title to its complement ("of") and definite articles
	// ("the")
	complementizers, possessives, titleComplements, definite map[string]bool
	// placePreps open a person's place after the name (placeRest)
	placePreps map[string]bool
	// accordingTo is the two-word cue ("according", "to"), lower case
	accordingTo [2]string
	// inSourcePrep and inSources are the preposition and the nouns
	// (lemmas) of "in a poll, C", lower case
	inSourcePrep string
	inSources    map[string]bool
	roles        [][]string // longest first
	// titleAbbrevs are the abbreviations of a role word before a name
	// ("senator": "sen"), and notCurrent the words that say a role is
	// not held now ("former"; the mention stage's list)
	titleAbbrevs map[string][]string
	notCurrent   map[string]bool
	honorifics   map[string]bool
	speakerWords map[string]bool
	bodyWords    map[string]bool // heads of the names of bodies: "ministry"
	// companySuffixes end a company's name ("Inc.", "Corp."), lower
	// case, without the period
	companySuffixes map[string]bool
	stopwords       map[string]bool
	negations       map[string]bool
	// sameWords: words that compare equal with a record's (both ways);
	// spokenForms: words written out before comparing
	sameWords   map[string][]string
	spokenForms map[string][]string
	// hyphenPrefixes: first parts of words written hyphenated or joined
	hyphenPrefixes map[string]bool
	// fillerPhrases: a transcript's fillers a quote may leave out
	fillerPhrases [][]string
	// leadingConjunctions: a record sentence's first word a quote may
	// leave out where it starts its own sentence
	leadingConjunctions []string
	// occasions: kinds of occasion a sentence or a record's title names
	occasions      [][]string
	reporterAsides [][]string
	// kind maps a cue lemma to the kind of attribution it reports.
	kind          map[string]string
	objectContent map[string]bool
	// characterizing are the object_content cues whose object with what
	// follows it is a claim about it ("called the plan a disaster")
	characterizing map[string]bool
	// invertedCues may follow their quotation with the speaker after
	// them: "“…,” said a spokesman" (see invertedSource)
	invertedCues map[string]bool
	// topic maps a preposition to the cues whose phrase with it is what
	// they report: "warned against hackers", "called for sanctions"
	topic      map[string]map[string]bool
	directOnly map[string]bool
	// particleCues: verbs (lemmas) that are direct-only cues with their
	// particle right after them, and no cues without it
	particleCues map[string]string
	// subjectOnly cues attribute only to a subject of their own
	subjectOnly map[string]bool
	// speakingVerbs report someone speaking without what they said
	// ("Rihanna spoke about …"): their subject is a new speaker
	speakingVerbs map[string]bool
	// indefinites are the determiners of someone the text does not
	// identify ("another Muslim said he …")
	indefinites map[string]bool
	// crowdNouns are groups that may be a subjectOnly cue's subject
	crowdNouns map[string]bool
	// quotingVerbs quote their object "as saying"
	quotingVerbs map[string]bool
	// workNouns are nouns for works whose titles stand in apposition
	workNouns map[string]bool
	// titleVerbs name a work after its noun ("a book called …")
	titleVerbs map[string]bool
	// perfectAux are the auxiliaries of the perfect ("have"): with a
	// modal, a cue in it reports what was not said ("would have said")
	perfectAux map[string]bool
	// unsaidGovernors govern a cue that reports what was not said
	// ("refused to say whether …")
	unsaidGovernors map[string]bool
	// requestGovernors ask someone to act ("called on X to attack …"):
	// a cue they govern with an object between is what was asked
	requestGovernors map[string]bool
	// namingVerbs, as a participle after a noun, name it ("a group
	// called X"): no cue
	namingVerbs map[string]bool
	// convenedNouns are what a naming verb with one object calls into
	// being or to come ("called a meeting", "called the police")
	convenedNouns map[string]bool
	// sourceNouns are the common nouns that can name a source: persons,
	// groups and institutions, communications (source-nouns.txt, from
	// WordNet, and source_nouns in the cue file).
	sourceNouns map[string]bool
	// personNouns are the common nouns for persons ("leader", "widow"):
	// before a name, a title (person-nouns.txt, from WordNet).
	personNouns map[string]bool
	// timeWords head phrases of time, never a source ("said Wednesday
	// night that …" parsed with the time as the subject): time_words
	// and name_times.
	timeWords map[string]bool
	// nameTimes are the time words that may also be a surname ("May")
	nameTimes map[string]bool
	// subordinators open a clause of time, cause or condition: a cue
	// after a quotation in such a clause ("“…,” when X blasted him") is
	// not the quotation's.
	subordinators map[string]bool
	// questionMarks open an indirect question ("whether")
	questionMarks map[string]bool
	// blameMarks introduce what someone is blamed for ("for", "of")
	blameMarks map[string]bool
	// resultMarks before a "that" after the cue make it a clause of
	// result ("tells so many lies that …"), not what was said.
	resultMarks map[string]bool
	// bylineDashes sign a quotation with the name after them: “…” ― X
	bylineDashes map[string]bool
	// notSpeakerLabels are labels in capitals that name no speaker
	// ("VIDEO:"), upper-cased
	notSpeakerLabels map[string]bool
	// objectControl are the verbs whose object does what their open
	// complement says ("allowed X to think")
	objectControl map[string]bool
	// grantingVerbs give their indirect object the means to do what
	// their infinitive says ("give the chair authority to call …")
	grantingVerbs map[string]bool
	// attributionMarks before a noun phrase and a cue make it an
	// attribution: "…,” as X put it"
	attributionMarks map[string]bool
	// showing joins a recording to whom it shows saying something:
	// "footage of X saying"
	showing map[string]bool
	// asideAdverbs and asideSettings are what may follow the cue of an
	// attribution set off by commas ("…, he said later", "…, the group
	// said in a statement")
	asideAdverbs, asideSettings map[string]bool
	// asideAddressees are the cues whose object, in an aside, is whom
	// they spoke to ("…, Ana Ruiz told reporters on Monday")
	asideAddressees map[string]bool
	// closed-class words the tree rules read: relative pronouns ("the
	// mayor, who said"), demonstratives ("this would suggest"), first and
	// second person (the voice of the one reported), pro-verbs and the
	// marks of a reporter's comparison ("…, as he did again")
	relatives, demonstratives, firstPerson, secondPerson, proVerbs, comparisons map[string]bool
	// personRelatives are the relative pronouns that stand only for a
	// person ("who"); possessiveRelatives open a clause about what the
	// noun before them has ("whose")
	personRelatives, possessiveRelatives map[string]bool
	// dashes are the byline dashes, also the marks of an aside
	dashes []string
}

// hasDash reports whether s holds one of the dashes.
func (lx *lexicon) hasDash(s string) bool {
	for _, d := range lx.dashes {
		if strings.Contains(s, d) {
			return true
		}
	}
	return false
}

// sourceNounFile lists the common nouns that can name a source
// (generated by scripts/gen-source-nouns).
const sourceNounFile = "quotes/source-nouns.txt"

// personNounFile lists the common nouns for persons, titles when they
// stand before a name (generated by scripts/gen-source-nouns).
const personNounFile = "quotes/person-nouns.txt"

func loadLexicon(fsys fs.FS) (*lexicon, error) {
	raw, err := fs.ReadFile(fsys, cueFile)
	if err != nil {
		return nil, fmt.Errorf("quotes: reading cue lexicon: %w", err)
	}
	var f lexiconFile
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("quotes: parsing %s: %w", cueFile, err)
	}
	if len(f.AccordingTo) != 2 {
		return nil, fmt.Errorf("quotes: %s: according_to must be two words", cueFile)
	}
	if len(f.Speech) == 0 {
		return nil, fmt.Errorf("quotes: %s lists no speech cues", cueFile)
	}
	if err := f.check(); err != nil {
		return nil, fmt.Errorf("quotes: %s: %w", cueFile, err)
	}
	// labels in capitals that name no speaker: the transcript reader's
	// list; the words that say a role is not held now: the mention
	// stage's (each read alone from its file, whose other keys are the
	// other stage's)
	var labels struct {
		NotSpeaker []string `yaml:"not_speaker"`
	}
	var vocab struct {
		Former []string `yaml:"former"`
	}
	for _, o := range []struct {
		file, key string
		v         any
		n         func() int
	}{
		{labelsFile, "not_speaker", &labels, func() int { return len(labels.NotSpeaker) }},
		{mentionsVocabularyFile, "former", &vocab, func() int { return len(vocab.Former) }},
	} {
		raw, err := fs.ReadFile(fsys, o.file)
		if err == nil {
			err = yaml.Unmarshal(raw, o.v)
		}
		if err != nil {
			return nil, fmt.Errorf("quotes: reading %s: %w", o.file, err)
		}
		if o.n() == 0 {
			return nil, fmt.Errorf("quotes: %s lists no %s words", o.file, o.key)
		}
	}
	lx := &lexicon{
		anonymity:           phrases(f.Anonymity),
		anonymousHeads:      set(f.AnonymousHeads),
		memberMarkers:       set(f.MemberMarkers),
		personPronouns:      set(f.PersonPronouns),
		groupPronouns:       set(f.GroupPronouns),
		singularGroup:       set(f.SingularGroup),
		pluralGroup:         set(f.PluralGroup),
		complementizers:     set(f.Complementizer),
		possessives:         set(f.Possessives),
		titleComplements:    set(f.TitleComplement),
		placePreps:          set(f.PlacePrepositions),
		definite:            set(f.Definite),
		roles:               phrases(f.Roles),
		titleAbbrevs:        lowerForms(f.TitleAbbreviations),
		notCurrent:          set(vocab.Former),
		honorifics:          set(f.Honorifics),
		speakerWords:        set(f.SpeakerWords),
		bodyWords:           set(f.BodyWords),
		companySuffixes:     set(f.CompanySuffixes),
		stopwords:           set(f.Stopwords),
		negations:           set(f.Negations),
		sameWords:           samePairs(f.SameWords),
		spokenForms:         lowerForms(f.SpokenForms),
		hyphenPrefixes:      set(f.HyphenPrefixes),
		fillerPhrases:       f.FillerPhrases,
		leadingConjunctions: f.LeadingConjunctions,
		occasions:           phrases(f.Occasions),
		reporterAsides:      phrases(f.ReporterAsides),
		kind:                map[string]string{},
		objectContent:       set(f.ObjectContent),
		characterizing:      set(f.Characterizing),
		invertedCues:        set(f.InvertedCues),
		topic:               topicSets(f.TopicCues),
		directOnly:          set(f.DirectOnly),
		particleCues:        map[string]string{},
		subjectOnly:         set(f.SubjectOnly),
		speakingVerbs:       set(f.SpeakingVerbs),
		indefinites:         set(f.Indefinites),
		crowdNouns:          set(f.CrowdNouns),
		quotingVerbs:        set(f.QuotingVerbs),
		workNouns:           set(f.WorkNouns),
		titleVerbs:          set(f.TitleVerbs),
		perfectAux:          set(f.PerfectAux),
		unsaidGovernors:     set(f.UnsaidGovernors),
		requestGovernors:    set(f.RequestGovernors),
		namingVerbs:         set(f.NamingVerbs),
		convenedNouns:       set(f.ConvenedNouns),
		sourceNouns:         set(f.SourceNouns),
		timeWords:           set(slices.Concat(f.TimeWords, f.NameTimes)),
		nameTimes:           set(f.NameTimes),
		subordinators:       set(f.Subordinators),
		questionMarks:       set(f.QuestionMarks),
		blameMarks:          set(f.BlameMarks),
		resultMarks:         set(f.ResultMarks),
		bylineDashes:        set(f.BylineDashes),
		notSpeakerLabels:    upperSet(labels.NotSpeaker),
		objectControl:       set(f.ObjectControl),
		grantingVerbs:       set(f.GrantingVerbs),
		attributionMarks:    set(f.AttributionMark),
		showing:             set(f.Showing),
		asideAdverbs:        set(f.AsideAdverbs),
		asideSettings:       set(f.AsideSettings),
		asideAddressees:     set(f.AsideAddressees),
		relatives:           set(f.Relatives),
		personRelatives:     set(f.PersonRelatives),
		possessiveRelatives: set(f.PossessiveRelatives),
		dashes:              f.BylineDashes,
		demonstratives:      set(f.Demonstratives),
		firstPerson:         set(f.FirstPerson),
		secondPerson:        set(f.SecondPerson),
		proVerbs:            set(f.ProVerbs),
		comparisons:         set(f.Comparisons),
	}
	if err := data.AddWords(fsys, sourceNounFile, lx.sourceNouns); err != nil {
		return nil, fmt.Errorf("quotes: reading source nouns: %w", err)
	}
	lx.accordingTo = [2]string{strings.ToLower(f.AccordingTo[0]), strings.ToLower(f.AccordingTo[1])}
	lx.inSourcePrep, lx.inSources = strings.ToLower(f.InSourcePrep), set(f.InSources)
	lx.personNouns = map[string]bool{}
	if err := data.AddWords(fsys, personNounFile, lx.personNouns); err != nil {
		return nil, fmt.Errorf("quotes: reading person nouns: %w", err)
	}
	for _, l := range []struct {
		words []string
		kind  string
	}{{f.Evidence, model.KindEvidence}, {f.Thought, model.KindThought}, {f.Speech, model.KindSpeech}, {f.DirectOnly, model.KindSpeech}} {
		for w := range set(l.words) {
			lx.kind[w] = l.kind
		}
	}
	for v, p := range f.ParticleCues {
		v = strings.ToLower(v)
		lx.particleCues[v] = strings.ToLower(p)
		lx.directOnly[v] = true
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

// isNegation reports whether a folded word negates: one of the lexicon's
// negations or a contraction ending in "n't".
func isNegation(neg map[string]bool, w string) bool {
	return neg[w] || strings.HasSuffix(w, "n't")
}

// maxSame is how many other spellings a word of same_words may have: a
// quote's word keeps that many (quoteWords.alt).
const maxSame = 2

// check reports the cue file's entries that the code could not honour
// as written: a word of same_words with more other spellings than a
// quote's word keeps, and a cue of subject_only that is not also of
// direct_only (a subject-only cue reports only a quotation).
func (f *lexiconFile) check() error {
	others := samePairs(f.SameWords)
	words := make([]string, 0, len(others))
	for w := range others {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		if len(others[w]) > maxSame {
			return fmt.Errorf("same_words gives %q %d other spellings (%s); at most %d are kept", w, len(others[w]), strings.Join(others[w], ", "), maxSame)
		}
	}
	direct := set(f.DirectOnly)
	for _, c := range f.SubjectOnly {
		if !direct[c] {
			return fmt.Errorf("subject_only lists %q, which direct_only does not", c)
		}
	}
	return nil
}

// lowerForms lower-cases spoken forms and their written words, as the
// words they are compared with are.
func lowerForms(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, ws := range m {
		low := make([]string, len(ws))
		for i, w := range ws {
			low[i] = strings.ToLower(w)
		}
		out[strings.ToLower(k)] = low
	}
	return out
}

// samePairs maps each word of the pairs to the words it equals.
func samePairs(pairs [][2]string) map[string][]string {
	m := map[string][]string{}
	for _, p := range pairs {
		a, b := strings.ToLower(p[0]), strings.ToLower(p[1])
		m[a] = append(m[a], b)
		m[b] = append(m[b], a)
	}
	return m
}

// topicSets lower-cases a map of prepositions to cue lemmas.
func topicSets(m map[string][]string) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(m))
	for p, ls := range m {
		out[strings.ToLower(p)] = set(ls)
	}
	return out
}

// upperSet is a set of the words, upper-cased, with single spaces.
func upperSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.Join(strings.Fields(strings.ToUpper(w)), " ")] = true
	}
	return m
}
