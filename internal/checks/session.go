package checks

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// Session runs the checks over a dossier one document at a time, so that
// a large dossier need not be held in memory: Scan every document, then
// Check every document, then Finish. Only the primary records, the
// findings, and the few announcements and meetings of deciding bodies are
// kept between documents.
type Session struct {
	c        *Checker
	records  []*model.Document
	recordMs map[string]*model.Analysis
	procs    []*Procedure
	named    map[*Procedure]bool
	anns     map[*Procedure][]act
	acts     map[*Procedure][]act
	kinds    map[string]*model.Document
	findings []model.Finding
	versions *versionPairs
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
	if doc.Kind.Primary() {
		s.records = append(s.records, doc)
		s.recordMs[doc.ID] = &model.Analysis{Doc: doc.ID, Mentions: a.Mentions}
	}
}

// Check is the second pass: it runs the checks of one document, given its
// sentence spans, and keeps what the checks across documents need.
func (s *Session) Check(doc *model.Document, a *model.Analysis, sentences []model.Span) {
	if s.procs == nil {
		s.procs = []*Procedure{}
		for _, p := range s.c.procs {
			if s.named[p] {
				s.procs = append(s.procs, p)
			}
		}
	}
	// The records' mentions (who is on the record) and this document's
	// analysis; the map is the session's, with this document in it for
	// the length of the call.
	analyses := s.recordMs
	prev, had := analyses[doc.ID]
	analyses[doc.ID] = a
	defer func() {
		if had {
			analyses[doc.ID] = prev
		} else {
			delete(analyses, doc.ID)
		}
	}()
	in := &Input{
		Docs: []*model.Document{doc}, Analyses: analyses, Sentences: map[string][]model.Span{doc.ID: sentences},
		records: s.records, procs: s.procs, procsOK: true,
	}
	cp := textCopies{}
	for _, ch := range all {
		switch ch.name {
		case "announced-before-decision", "single-source":
			continue // across documents: see Finish
		case "record-changed":
			// Across versions of a page: a version is compared when the
			// other has been seen too.
			s.findings = append(s.findings, detach(named(ch.name, s.versions.check(doc)), cp)...)
			continue
		}
		s.findings = append(s.findings, detach(named(ch.name, ch.run(s.c, in)), cp)...)
	}
	for _, p := range s.procs {
		s.anns[p] = append(s.anns[p], detachActs(s.c.announcements(in, p), doc.ID, cp)...)
		s.acts[p] = append(s.acts[p], detachActs(s.c.bodyActs(in, p), doc.ID, cp)...)
	}
	s.kinds[doc.ID] = &model.Document{ID: doc.ID, Kind: doc.Kind, Title: doc.Title, Path: doc.Path, URL: doc.URL, FetchedAt: doc.FetchedAt}
}

// Finish runs the checks across documents and returns every finding,
// most serious first.
func (s *Session) Finish(timeline []model.TimelineEntry) []model.Finding {
	out := s.findings
	for _, p := range s.procs {
		out = append(out, named("announced-before-decision", s.c.announcedEarly(p, s.anns[p], s.acts[p]))...)
	}
	docs := make([]*model.Document, 0, len(s.kinds))
	for _, d := range s.kinds {
		docs = append(docs, d)
	}
	out = append(out, named("single-source", s.c.singleSource(&Input{Docs: docs, Timeline: timeline}))...)
	return sortFindings(out)
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

// detachActs keeps of the acts only a light copy of their document and
// copies of their words.
func detachActs(as []act, doc string, cp textCopies) []act {
	for i := range as {
		d := *as[i].doc
		d.Text, d.Turns = "", nil
		as[i].doc = &d
		for _, sp := range []*model.Span{&as[i].sentence, &as[i].verb, &as[i].who, &as[i].when.Span} {
			sp.Text = cp.of(doc, sp.Start, sp.End, sp.Text)
		}
	}
	return as
}
