package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/data"
)

// Vocab is the vocabulary ingest needs to read headers and transcripts:
// role words, statement markers, name particles, caption prefixes and
// turn labels. It lives in data/ingest/ so that it can be extended without
// touching code. A Vocab is read-only once loaded.
type Vocab struct {
	Roles            []string // longest first
	StatementMarkers []string
	Particles        map[string]bool
	CaptionPrefixes  []string
	CaptionEnds      []string
	OrgWords         map[string]bool
	Organizations    []string // longest first
	HTMLDateMeta     []string
	Months           map[string]bool // lower-case month names and abbreviations
	// PlaceholderTitles are titles that word processors put in a file's
	// properties by themselves; an entry ending in "*" is a prefix.
	PlaceholderTitles []string
	// SentenceOpeners are words a sentence often opens with and a
	// headline rarely does ("This is ...", "The council met ...").
	SentenceOpeners map[string]bool

	QuestionLabels  map[string]bool
	AnswerLabels    map[string]bool
	ModeratorLabels map[string]bool
	NotSpeaker      map[string]bool
	// AttendanceLabels open the attendance lines of minutes; they are
	// in NotSpeaker too.
	AttendanceLabels map[string]bool
	// RosterLabels open the lines of a transcript's header that list who
	// takes part; they are in NotSpeaker too, but for the moderator
	// labels, which also label turns.
	RosterLabels   map[string]bool
	HeaderDateKeys []string
	BylineRoles    map[string]bool
	Honorifics     map[string]bool

	rx roleRx
}

type labelsFile struct {
	Question   []string `yaml:"question"`
	Answer     []string `yaml:"answer"`
	Moderator  []string `yaml:"moderator"`
	NotSpeaker []string `yaml:"not_speaker"`
	HeaderDate []string `yaml:"header_date"`
	CaptionEnd []string `yaml:"caption_end"`
	BylineRole []string `yaml:"byline_role"`
	Honorific  []string `yaml:"honorific"`
	Attendance []string `yaml:"attendance"`
	Roster     []string `yaml:"roster"`
}

// LoadVocab reads the vocabulary from fsys (laid out like the data
// directory: ingest/roles.txt, ...).
func LoadVocab(fsys fs.FS) (*Vocab, error) {
	v := &Vocab{}
	var err error
	list := func(name string) []string {
		if err != nil {
			return nil
		}
		var l []string
		l, err = readList(fsys, "ingest/"+name)
		return l
	}
	v.Roles = byLength(list("roles.txt"))
	v.StatementMarkers = list("statement-markers.txt")
	v.Particles = lowerSet(list("name-particles.txt"))
	v.CaptionPrefixes = list("caption-prefixes.txt")
	v.OrgWords = lowerSet(list("organization-words.txt"))
	v.Organizations = byLength(list("organizations.txt"))
	v.HTMLDateMeta = list("html-date-meta.txt")
	v.Months = lowerSet(list("months.txt"))
	v.PlaceholderTitles = list("placeholder-titles.txt")
	v.SentenceOpeners = lowerSet(list("sentence-openers.txt"))
	if err != nil {
		return nil, err
	}
	raw, err := fs.ReadFile(fsys, "ingest/labels.yaml")
	if err != nil {
		return nil, fmt.Errorf("read vocabulary: %w", err)
	}
	var lf labelsFile
	if err := yaml.Unmarshal(raw, &lf); err != nil {
		return nil, fmt.Errorf("parse ingest/labels.yaml: %w", err)
	}
	v.QuestionLabels = upperSet(lf.Question)
	v.AnswerLabels = upperSet(lf.Answer)
	v.ModeratorLabels = upperSet(lf.Moderator)
	v.NotSpeaker = upperSet(append(lf.NotSpeaker, lf.Attendance...))
	v.AttendanceLabels = upperSet(lf.Attendance)
	v.RosterLabels = upperSet(lf.Roster)
	v.HeaderDateKeys = byLength(lf.HeaderDate)
	v.CaptionEnds = lf.CaptionEnd
	v.BylineRoles = lowerSet(lf.BylineRole)
	v.Honorifics = upperSet(lf.Honorific)
	titles, err := abbreviatedTitles(fsys)
	if err != nil {
		return nil, err
	}
	for _, t := range titles {
		// with its period only: bare, some are words names are made of
		// ("Maria del Carmen", a label "DEL TORO:")
		v.Honorifics[strings.ToUpper(t)+"."] = true
	}
	v.rx = buildRoleRx(v.Roles, v.Organizations)
	return v, nil
}

// abbreviatedTitles reads the titles of the text layer's abbreviations
// (text/abbreviations.txt, kind "title": Gen, Lt, Sen), so that the forms
// of address are listed once.
func abbreviatedTitles(fsys fs.FS) ([]string, error) {
	var out []string
	err := data.ReadList(fsys, "text/abbreviations.txt", func(f []string) error {
		if len(f) == 2 && f[1] == "title" {
			out = append(out, f[0])
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read vocabulary: %w", err)
	}
	return out, nil
}

// defaultVocab loads the embedded vocabulary once; the result is never
// modified afterwards.
var defaultVocab = sync.OnceValues(func() (*Vocab, error) {
	return LoadVocab(data.Embedded())
})

func readList(fsys fs.FS, name string) ([]string, error) {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read vocabulary: %w", err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out, sc.Err()
}

func byLength(l []string) []string {
	out := append([]string(nil), l...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

func lowerSet(l []string) map[string]bool {
	m := make(map[string]bool, len(l))
	for _, s := range l {
		m[strings.ToLower(s)] = true
	}
	return m
}

func upperSet(l []string) map[string]bool {
	m := make(map[string]bool, len(l))
	for _, s := range l {
		m[strings.ToUpper(s)] = true
	}
	return m
}
