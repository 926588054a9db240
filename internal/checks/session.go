package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// Session runs the checks over a dossier one document at a time, so that
// a large dossier need not be held in memory: Scan every document, then
// Check every document, then Finish. Only the primary records, the
// findings, and the few announcements and meetings of deciding bodies are
// kept between documents.
type Session struct {
	// OffsetsOnly keeps of the sentences of announcements and acts their
	// offsets, not their words: the caller fills Evidence.Text of the
	// findings across documents from the documents.
	OffsetsOnly bool
	// Earlier, when set, returns the earlier version of a page by
	// document id (nil when it is not in the dossier): CheckDocument then
	// compares a new version with the one before it (record-changed)
	// itself. Without it, Check does, holding the versions Scan saw until
	// both are checked.
	Earlier func(id string) *model.Document
	// Runs, when set, bounds the announcements and acts of deciding
	// bodies held in memory: they are written out in sorted runs and
	// compared a few weeks at a time (see Runs). Close removes the runs.
	Runs *Runs
	// Docs, when set, returns a document's metadata by id (nil when the
	// dossier has none), for the single-source check of a timeline
	// entry: the session then keeps nothing of each document it checks.
	// Without it, the session keeps the kind, title and source of every
	// document.
	Docs func(id string) *model.Document

	c        *Checker
	records  []*model.Document
	recordMs map[string]*model.Analysis
	strs     map[string]string // the actors' codes and names of the records, interned
	procs    []*Procedure
	named    map[*Procedure]bool
	anns     map[*Procedure][]act
	acts     map[*Procedure][]act
	kinds    map[string]*model.Document
	findings []model.Finding
	// recordDays indexes the records by day once the scan is done.
	recordDays map[string][]*model.Document
	// versions are the versions of pages seen by Scan, compared by Check.
	versions *versionPairs
	// With Runs: the runs of each procedure, the order of the next act,
	// the acts not yet written out, the number of acts kept, and the
	// first error writing runs.
	runs     map[*Procedure]*procRuns
	seq      int
	buffered int
	kept     int
	runErr   error
}

// NewSession starts a session.
func (c *Checker) NewSession() *Session {
	return &Session{c: c, recordMs: map[string]*model.Analysis{}, named: map[*Procedure]bool{},
		anns: map[*Procedure][]act{}, acts: map[*Procedure][]act{}, kinds: map[string]*model.Document{},
		versions: newVersionPairs()}
}

// Scan is the first pass: it notes which procedures the document names
// and keeps primary records, which other documents' meetings are checked
// against.
func (s *Session) Scan(doc *model.Document, a *model.Analysis) {
	in := &Input{Docs: []*model.Document{doc}, Analyses: map[string]*model.Analysis{doc.ID: a}}
	for _, p := range s.c.procs {
		if !s.named[p] && s.c.named(in, p) {
			s.named[p] = true
		}
	}
	s.versions.scan(doc)
	s.Record(doc, a)
}

// Names returns the institutions whose procedures the document names,
// and notes them as Scan does: for a caller that stores them, so that a
// later session learns them from Name without reading the document.
func (s *Session) Names(doc *model.Document, a *model.Analysis) []string {
	in := &Input{Docs: []*model.Document{doc}, Analyses: map[string]*model.Analysis{doc.ID: a}}
	var out []string
	for _, p := range s.c.procs {
		if s.c.named(in, p) {
			s.named[p] = true
			out = append(out, p.Institution)
		}
	}
	return out
}

// Name notes institutions that documents name (as Names returned them).
func (s *Session) Name(institutions ...string) {
	for _, p := range s.c.procs {
		for _, inst := range institutions {
			if p.Institution == inst {
				s.named[p] = true
			}
		}
	}
}

// Record keeps a primary record, which other documents' meetings are
// checked against; other documents are ignored.
func (s *Session) Record(doc *model.Document, a *model.Analysis) {
	if doc.Kind.Primary() {
		// Meetings are checked against a record's date, speakers and
		// mentions, not its text.
		light := *doc
		light.Text, light.Turns = "", nil
		s.records = append(s.records, &light)
		s.recordMs[doc.ID] = &model.Analysis{Doc: doc.ID, Mentions: s.actorsOnly(a.Mentions)}
	}
}

// actorsOnly keeps one mention of each actor (code and name), with
// nothing but the actor, its strings shared by every record: all a
// meeting's record is checked for (Input.covered), without every
// mention's words, which would grow with every record of the dossier.
func (s *Session) actorsOnly(ms []model.Mention) []model.Mention {
	type key struct{ code, name string }
	seen := map[key]bool{}
	var out []model.Mention
	for _, m := range ms {
		k := key{m.Actor.Code, m.Actor.Name}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, model.Mention{Actor: model.Actor{Code: s.intern(m.Actor.Code), Name: s.intern(m.Actor.Name)}})
	}
	return slices.Clip(out)
}

// intern returns the session's copy of str.
func (s *Session) intern(str string) string {
	if v, ok := s.strs[str]; ok {
		return v
	}
	if s.strs == nil {
		s.strs = map[string]string{}
	}
	v := strings.Clone(str)
	s.strs[v] = v
	return v
}

// Check is the second pass: it runs the checks of one document, given its
// sentence spans, and keeps what the checks across documents need.
func (s *Session) Check(doc *model.Document, a *model.Analysis, sentences []model.Span) {
	s.findings = append(s.findings, s.CheckDocument(doc, a, sentences)...)
	if s.Earlier == nil {
		// Across versions of a page: a version is compared when the
		// other has been seen too.
		s.findings = append(s.findings, detach(named("record-changed", s.versions.check(doc)), textCopies{})...)
	}
}

// CheckDocument is Check that returns the document's own findings, in the
// order of the checks, instead of keeping them: for a caller that stores
// them as it goes. What the checks across documents need is kept.
func (s *Session) CheckDocument(doc *model.Document, a *model.Analysis, sentences []model.Span) []model.Finding {
	in, done := s.input(doc, a, sentences)
	defer done()
	var out []model.Finding
	cp := textCopies{}
	for _, ch := range all {
		switch ch.name {
		case "announced-before-decision", "single-source":
			continue // across documents: see Finish
		case "record-changed":
			if s.Earlier != nil && doc.Previous != "" && doc.Previous != doc.ID {
				if old := s.Earlier(doc.Previous); old != nil {
					if f, ok := RecordChanged(old, doc); ok {
						out = append(out, detach(named(ch.name, []model.Finding{f}), cp)...)
					}
				}
			}
			continue // else Check compares the versions
		}
		out = append(out, detach(named(ch.name, ch.run(s.c, in)), cp)...)
	}
	s.gather(in, doc)
	return out
}

// Gather keeps only what the checks across documents need of a document
// whose own findings are already known: the second pass for a document
// checked before, when nothing it was checked against has changed.
func (s *Session) Gather(doc *model.Document, a *model.Analysis, sentences []model.Span) {
	in, done := s.input(doc, a, sentences)
	defer done()
	s.gather(in, doc)
}

// Note records a document that gives the checks across documents nothing
// but itself: one whose Gather kept no announcement and no act before,
// when nothing it was checked against has changed.
func (s *Session) Note(doc *model.Document) {
	if s.Docs != nil {
		return // looked up when needed
	}
	s.kinds[doc.ID] = &model.Document{ID: doc.ID, Kind: doc.Kind, Title: doc.Title, Path: doc.Path, URL: doc.URL, FetchedAt: doc.FetchedAt}
}

// Kept counts the announcements and acts of deciding bodies kept so far;
// a caller compares it before and after a document to know whether the
// document gave any.
func (s *Session) Kept() int { return s.kept }

// Procedures names the institutions whose procedures apply to the dossier
// scanned so far.
func (s *Session) Procedures() []string {
	var out []string
	for _, p := range s.c.procs {
		if s.named[p] {
			out = append(out, p.Institution)
		}
	}
	return out
}

// input is the checks' input for one document; done restores the
// session's map of analyses.
func (s *Session) input(doc *model.Document, a *model.Analysis, sentences []model.Span) (*Input, func()) {
	if s.procs == nil {
		s.procs = []*Procedure{}
		for _, p := range s.c.procs {
			if s.named[p] {
				s.procs = append(s.procs, p)
			}
		}
		s.recordDays = indexRecordDays(s.records)
	}
	// The records' mentions (who is on the record) and this document's
	// analysis; the map is the session's, with this document in it for
	// the length of the call.
	analyses := s.recordMs
	prev, had := analyses[doc.ID]
	analyses[doc.ID] = a
	done := func() {
		if had {
			analyses[doc.ID] = prev
		} else {
			delete(analyses, doc.ID)
		}
	}
	in := &Input{
		Docs: []*model.Document{doc}, Analyses: analyses, Sentences: map[string][]model.Span{doc.ID: sentences},
		records: s.records, procs: s.procs, procsOK: true, recordDays: s.recordDays,
	}
	return in, done
}

// gather keeps the announcements and acts of deciding bodies of the
// document of in, and a light copy of the document.
func (s *Session) gather(in *Input, doc *model.Document) {
	light := &model.Document{ID: doc.ID, Kind: doc.Kind, Title: doc.Title, Path: doc.Path,
		Date: doc.Date, DateEnd: doc.DateEnd, DateSource: doc.DateSource}
	for _, p := range s.procs {
		anns := detachActs(s.c.announcements(in, p), light, s.OffsetsOnly)
		acts := detachActs(s.c.bodyActs(in, p), light, s.OffsetsOnly)
		s.kept += len(anns) + len(acts)
		if s.Runs != nil {
			if s.runErr == nil {
				s.runErr = s.gatherRuns(p, anns, acts)
			}
			continue
		}
		s.anns[p] = append(s.anns[p], anns...)
		s.acts[p] = append(s.acts[p], acts...)
	}
	s.Note(doc)
}

// Finish runs the checks across documents and returns every finding,
// most serious first.
func (s *Session) Finish(timeline []model.TimelineEntry) ([]model.Finding, error) {
	across, err := s.Across(timeline)
	if err != nil {
		return nil, err
	}
	return sortFindings(append(s.findings, across...)), nil
}

// Across runs the checks across documents and returns their findings in
// the order the checks made them, not sorted: Finish without the
// findings of single documents. It is Announced, then SingleSource of
// each entry of the timeline in turn.
func (s *Session) Across(timeline []model.TimelineEntry) ([]model.Finding, error) {
	out, err := s.Announced()
	if err != nil {
		return nil, err
	}
	for _, e := range timeline {
		if f, ok := s.SingleSource(e); ok {
			out = append(out, f)
		}
	}
	return out, nil
}

// Announced runs the checks across documents that do not need the
// timeline (announced-before-decision), over what Check, CheckDocument
// and Gather kept. With Runs, it reads them back from the runs, and
// fails when writing or reading them failed.
func (s *Session) Announced() ([]model.Finding, error) {
	if s.runErr != nil {
		return nil, fmt.Errorf("announcements and acts: %w", s.runErr)
	}
	var out []model.Finding
	for _, p := range s.procs {
		if s.Runs != nil {
			r := s.runs[p]
			if r == nil {
				continue
			}
			fs, err := s.c.announcedWindow(p, r)
			if err != nil {
				return nil, fmt.Errorf("announcements and acts: %w", err)
			}
			out = append(out, named("announced-before-decision", fs)...)
			continue
		}
		out = append(out, named("announced-before-decision", s.c.announcedEarly(p, s.anns[p], s.acts[p]))...)
	}
	return out, nil
}

// SingleSource is the single-source check of one timeline entry: for a
// caller that builds the timeline an entry at a time. The documents the
// entry cites must have been checked, gathered or noted.
func (s *Session) SingleSource(e model.TimelineEntry) (model.Finding, bool) {
	kinds := s.kinds
	if s.Docs != nil {
		kinds = map[string]*model.Document{}
		for _, id := range e.Docs {
			if d := s.Docs(id); d != nil {
				kinds[id] = d
			}
		}
	}
	f, ok := singleSourceOf(kinds, e)
	if ok {
		f = named("single-source", []model.Finding{f})[0]
	}
	return f, ok
}

// textCopies copies the text of each span once: many findings or acts
// of one document cite the same sentence, and a copy each would grow
// with their number times the sentence's length.
type textCopies map[spanKey]string

type spanKey struct {
	doc        string
	start, end int
}

func (c textCopies) of(doc string, start, end int, text string) string {
	k := spanKey{doc, start, end}
	if v, ok := c[k]; ok && len(v) == len(text) { // the same span of the same document: the same words
		return v
	}
	v := strings.Clone(text)
	c[k] = v
	return v
}

// detach copies the evidence texts of findings, so that they do not keep
// a whole document's text alive after the document is done with.
func detach(fs []model.Finding, cp textCopies) []model.Finding {
	for i := range fs {
		for j := range fs[i].Evidence {
			e := &fs[i].Evidence[j]
			e.Text = cp.of(e.Doc, e.Start, e.End, e.Text)
		}
	}
	return fs
}

// detachActs keeps of the acts only light, a light copy of their
// document shared by all of them, and copies of their words.
func detachActs(as []act, light *model.Document, offsetsOnly bool) []act {
	cp := textCopies{}
	for i := range as {
		as[i].doc = light
		for _, sp := range []*model.Span{&as[i].sentence, &as[i].verb, &as[i].who, &as[i].when.Span} {
			sp.Text = cp.of(light.ID, sp.Start, sp.End, sp.Text)
		}
		if offsetsOnly {
			as[i].sentence.Text = "" // only ever evidence
		}
	}
	return as
}
