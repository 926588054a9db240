// Package pipeline runs dossier's stages in order; it holds no
// linguistics of its own.
//
// Per document (Document): text layer → actor mentions → document date
// (inferred when no metadata gives one) → temporal expressions → quotes →
// quote speakers coded and first-person mentions (people) → events →
// anchoring of events and quotes to their time (anchor). In: an ingested
// *model.Document. Out: its *model.Analysis; the document's date fields
// are filled in when inferred.
//
// Across documents (Pass, in pass.go): quote verification against the
// primary records, described sources resolved to role holders (people),
// the timeline, the accountability checks and the people records. In:
// the store's documents with their analyses. Out: the results, stored,
// one document's at a time and then those across documents; read
// commands and the server read them from the store.
//
// The pipeline holds the loaded models and dictionaries, which are
// immutable, so one Pipeline serves many goroutines.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/anchor"
	"github.com/dossier-project/dossier/internal/checks"
	"github.com/dossier-project/dossier/internal/docdate"
	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/mentions"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/people"
	"github.com/dossier-project/dossier/internal/quotes"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// Options configure the pipeline.
type Options struct {
	// DataDir, when set, is laid over the embedded data files.
	DataDir string
	// Actors are extra actor dictionaries (our YAML, PETRARCH/TABARI
	// actor or agents files); their entries win over the defaults.
	Actors []string
	// Verbs are extra event-pattern files (our YAML or PETRARCH verb
	// dictionaries).
	Verbs []string
	// Procedures are extra procedure models (YAML); they replace a
	// built-in model of the same institution.
	Procedures []string
	// Skipped, when set, is told about every line of a dictionary or
	// pattern file in the TABARI/PETRARCH formats that could not be read
	// and was left out: the file (as given), the line and the problem.
	Skipped func(file string, line int, problem string)
}

// Pipeline holds the loaded models of every stage.
type Pipeline struct {
	text        *text.Analyzer
	dict        *actors.Dictionary
	mentions    *mentions.Resolver
	timex       *timex.Tagger
	dates       *docdate.Inferrer
	quotes      *quotes.Extractor
	events      *events.Coder
	filter      *events.Filter // what the coder can code nothing in (PrepareToCode)
	checker     *checks.Checker
	anchor      *anchor.Anchorer
	firstPerson *people.FirstPersonWords
	// names reads the attendance lines of minutes and transcripts for
	// the people records (data/ingest).
	names *ingest.Vocab

	opts       Options
	configOnce [2]sync.Once // without and with re-analysis
	config     [2]string
	configErr  [2]error
}

// openUser opens a user's file as (filesystem, name) for loaders that
// read from an fs.FS.
func openUser(path string) (fs.FS, string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, "", err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, "", err
	}
	return os.DirFS(filepath.Dir(abs)), filepath.Base(abs), nil
}

// userPath makes an error about a user's file name the file as the user
// gave it, not its base name.
func userPath(err error, name, path string) error {
	if name == path {
		return err
	}
	msg := err.Error()
	for _, what := range []string{"load dictionary ", "load patterns "} {
		if strings.HasPrefix(msg, what+name+":") {
			return errors.New(what + path + msg[len(what)+len(name):])
		}
	}
	return err
}

// New loads every stage's models and dictionaries.
func New(opt Options) (*Pipeline, error) {
	fsys := data.Open(opt.DataDir)
	p := &Pipeline{opts: opt}
	var err error
	if p.firstPerson, err = people.LoadFirstPerson(fsys); err != nil {
		return nil, err
	}
	if p.anchor, err = anchor.New(fsys); err != nil {
		return nil, err
	}
	if p.names, err = ingest.LoadVocab(fsys); err != nil {
		return nil, err
	}
	if p.text, err = text.NewFromData(fsys); err != nil {
		return nil, fmt.Errorf("load text models: %w", err)
	}
	skipped := func(file string) func(actors.Skipped) {
		return func(s actors.Skipped) {
			if opt.Skipped != nil {
				if file == "" {
					file = s.File
				}
				opt.Skipped(file, s.Line, s.Problem)
			}
		}
	}
	if p.dict, err = (actors.Loader{Skip: skipped("")}).FromData(fsys); err != nil {
		return nil, fmt.Errorf("load actor dictionaries: %w", err)
	}
	for _, path := range opt.Actors {
		dir, name, err := openUser(path)
		if err != nil {
			return nil, fmt.Errorf("load dictionary %s: %w", path, err)
		}
		user, err := actors.Loader{Skip: skipped(path)}.Load(dir, name)
		if err != nil {
			return nil, userPath(err, name, path)
		}
		p.dict = p.dict.Merge(user)
	}
	places, err := actors.Load(fsys, "actors/places.yaml")
	if err != nil {
		return nil, fmt.Errorf("load places: %w", err)
	}
	if p.mentions, err = mentions.NewFromData(p.dict, fsys); err != nil {
		return nil, fmt.Errorf("load mention vocabulary: %w", err)
	}
	p.mentions = p.mentions.WithPlaces(places)
	if p.timex, err = timex.NewFS(fsys); err != nil {
		return nil, fmt.Errorf("load temporal vocabulary: %w", err)
	}
	if p.dates, err = docdate.New(p.dict, fsys); err != nil {
		return nil, err
	}
	if p.quotes, err = quotes.NewExtractorFS(fsys); err != nil {
		return nil, fmt.Errorf("load quote cues: %w", err)
	}
	pats, err := events.PatternsFromData(fsys)
	if err != nil {
		return nil, err
	}
	for _, path := range opt.Verbs {
		dir, name, err := openUser(path)
		if err != nil {
			return nil, fmt.Errorf("load patterns %s: %w", path, err)
		}
		user, err := events.LoadPatternsReport(dir, func(_ string, line int, problem string) {
			if opt.Skipped != nil {
				opt.Skipped(path, line, problem)
			}
		}, name)
		if err != nil {
			return nil, userPath(err, name, path)
		}
		pats = pats.Merge(user)
	}
	people, err := actors.LoadPeople(fsys, "actors/people-phoenix.txt")
	if err != nil {
		return nil, err
	}
	p.events = events.NewCoder(pats).WithActors(p.dict, places).WithPeople(people)
	p.filter = p.events.Filter(p.text.Lemmas)
	extra := map[string][]byte{}
	for _, path := range opt.Procedures {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("load procedure %s: %w", path, err)
		}
		extra[path] = b
	}
	procs, err := checks.LoadProcedures(fsys, "procedures", extra)
	if err != nil {
		return nil, err
	}
	if p.checker, err = checks.New(fsys, procs); err != nil {
		return nil, err
	}
	return p, nil
}

// Coder returns the event coder.
func (p *Pipeline) Coder() *events.Coder { return p.events }

// Countries returns the set of country codes of the actor dictionary,
// which tells a country code ("KEN") from an agent code ("REB") of the
// same length.
func (p *Pipeline) Countries() map[string]bool {
	out := map[string]bool{}
	for _, e := range p.dict.Entries() {
		if e.Kind != actors.Country {
			continue
		}
		for _, c := range e.Codes {
			if len(c.Code) >= 3 {
				out[c.Code[:3]] = true
			}
		}
	}
	return out
}

// Document runs the per-document stages on doc. When doc has no date, it
// infers one from the text and records it on doc with the reason.
func (p *Pipeline) Document(ctx context.Context, doc *model.Document) (*model.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Between stages the context is asked whether to go on, so that a
	// deadline stops a document that takes too long within one stage.
	td := p.text.Analyze(doc.Text, text.TurnLabels(doc))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ms := p.mentions.Find(doc, td)
	if doc.Date.IsZero() {
		if p.inferDate(doc, td, ms) {
			ms = p.mentions.Find(doc, td) // tenures now resolve at the date
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &model.Analysis{Doc: doc.ID, Mentions: ms}
	a.Timexes = p.timexes(doc, td)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	speakers := p.mentions.Speakers(doc, td, ms)
	a.Quotes = p.quotes.Extract(doc, td, func(d *model.Document, s model.Span) (string, string, bool) {
		if d != doc {
			return p.mentions.Speaker(d, td, ms, s)
		}
		return speakers.Speaker(s)
	})
	for i := range a.Quotes {
		a.Quotes[i].Doc = doc.ID
		if a.Quotes[i].ID == "" {
			a.Quotes[i].ID = fmt.Sprintf("%s-q%d", doc.ShortID(), i+1)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	people.CodeSpeakers(a.Quotes, ms)
	// Inside direct speech, "I" and "we" are the speaker: events said in
	// the first person get their source.
	a.Mentions = p.firstPerson.Mentions(doc, td, a.Quotes, ms)
	a.Events = p.events.Code(doc, td, a.Mentions)
	// The acts of the record (announcements, decisions, votes, meetings)
	// that the checks read follow the coded events; each set is ordered
	// within itself, so that the acts leave the order of the coded
	// events as it was.
	coded := len(a.Events)
	a.Events = append(a.Events, p.events.Acts(doc, td, a.Mentions, a.Timexes, a.Events)...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.anchor.Anchor(doc, td, a)
	p.anchor.Order(doc, td, a.Events[:coded])
	p.anchor.Order(doc, td, a.Events[coded:])
	return a, nil
}

// timexes finds the temporal expressions of doc against its date. When
// the date is only known as a range, each expression is resolved against
// both ends and keeps what they agree on: "yesterday" in a text written
// between 4 and 30 June is June, not the 3rd.
func (p *Pipeline) timexes(doc *model.Document, td *text.Doc) []model.Timex {
	ts := p.timex.Find(td, doc.Date)
	if doc.DateEnd.IsZero() || doc.DateEnd.Equal(doc.Date) {
		return ts
	}
	late := map[int]model.Timex{}
	for _, t := range p.timex.Find(td, doc.DateEnd) {
		late[t.Start] = t
	}
	for i := range ts {
		t := &ts[i]
		l, ok := late[t.Start]
		if !ok {
			l = model.Timex{}
		}
		if l.Value == t.Value && l.EndValue == t.EndValue {
			continue
		}
		t.Value = commonPrefix(t.Value, l.Value)
		t.EndValue = commonPrefix(t.EndValue, l.EndValue)
		t.PartOfDay, t.Weekday, t.WeekdayMismatch = "", "", false
		switch len(t.Value) {
		case 7:
			t.Granularity = "month"
		case 4:
			t.Granularity = "year"
		default:
			t.Value, t.Granularity = "", ""
		}
		t.Anchor = doc.Date.Format("2006-01-02") + "/" + doc.DateEnd.Format("2006-01-02")
	}
	return ts
}

// commonPrefix returns what two ISO dates agree on: the same day, month
// or year, or "".
func commonPrefix(a, b string) string {
	switch {
	case a == b:
		return a
	case len(a) >= 7 && len(b) >= 7 && a[:7] == b[:7]:
		return a[:7]
	case len(a) >= 4 && len(b) >= 4 && a[:4] == b[:4]:
		return a[:4]
	}
	return ""
}

// inferDate infers doc's date from its text and records it; when it
// cannot, it records why.
func (p *Pipeline) inferDate(doc *model.Document, td *text.Doc, ms []model.Mention) bool {
	in := docdate.Input{Doc: td, Timexes: p.timex.Find(td, time.Time{})}
	for _, m := range ms {
		if m.Actor.Person {
			in.People = append(in.People, m)
		}
	}
	res, ok := p.dates.Infer(in)
	if !ok {
		doc.DateReason = res.Reason
		return false
	}
	doc.Date, doc.DateEnd = res.From, res.To
	doc.DateSource = model.DateFromInferred
	doc.DateReason = res.Reason
	return true
}

// PrepareToCode is Prepare for batch event coding (its signature is
// events.PrepareFunc's): a text in which the event coder can code nothing,
// as its sentences and words alone show (events.Filter), is not tagged,
// parsed or searched for actors, which is most of the cost, and comes
// back with no document, its split only. In the other texts, a sentence
// in which the coder can code nothing, as its words or, once tagged, their
// tags show (events.Filter.Confirm), is tagged, and searched for actors
// (which a later sentence may refer back to), but its parse is deferred
// (text.Analyzer.AnalyzeSome): the coder skips it, and the mention finder
// parses it only if it reads its tree. The events coded are those of
// Prepare's analysis, and so are the mentions (TestFilterSkipsNoCodedText).
func (p *Pipeline) PrepareToCode(txt string, date time.Time) (*model.Document, *text.Doc, []model.Mention) {
	td, ok := p.text.AnalyzeSome(txt, p.filter.Mark, p.filter.Confirm)
	if !ok {
		return nil, td, nil
	}
	doc := &model.Document{Text: txt, Kind: model.KindArticle, Date: date}
	return doc, td, p.mentions.Find(doc, td)
}

// Prepare analyses a bare piece of text dated date, as batch event coding
// needs it: a transient document, its text layer and its mentions.
func (p *Pipeline) Prepare(txt string, date time.Time) (*model.Document, *text.Doc, []model.Mention) {
	doc := &model.Document{Text: txt, Kind: model.KindArticle, Date: date}
	// A bare text has no turns, so it has no speaker labels either.
	td := p.text.Analyze(txt)
	return doc, td, p.mentions.Find(doc, td)
}
