package pipeline

import (
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/checks"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/people"
	"github.com/dossier-project/dossier/internal/quotes"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timeline"
)

// The stored pass. Pass runs the cross-document stages over the store and
// stores their results; read commands and the server then read them
// (store.ForEachFinding and the like) instead of recomputing them.
//
// It reads the dossier twice, one document at a time:
//
//  1. scan: index the primary records for quote verification, and note
//     which procedures apply (checks.Session.Scan);
//  2. check: for each document not checked before, verify its quotes
//     (noting verdicts on words read by OCR), run its checks (comparing
//     a new version of a page with the one before it, read from the
//     store), and store those results in batches; for every
//     document, gather what the stages across documents need (the
//     timeline's items, the announcements and acts of deciding bodies,
//     the people mentioned);
//
// then it builds the timeline, runs the checks across documents, and
// stores those with the new state in one transaction. Evidence in a
// document with pages (PDF) is stored with its pages.
//
// A document's own results depend on the document and on the context:
// the primary records (its quotes are verified against them) and the
// procedures that apply. While the context and the configuration stay
// the same, a pass checks only the documents added since the last one: a
// new article does not verify every other article again. A new primary
// record, a newly named institution, other dictionaries or another build
// of dossier change it, and every document is checked again.
//
// What stays in memory is the quote index, light copies of the primary
// records (their speakers, first turn and the actors they name, not
// their mentions), the people, a few bytes of every document (a
// docTable entry: whether it was checked and which procedures it names)
// and a batch of results: not the documents, their analyses or their
// findings. The single-source check reads the documents' kinds and
// sources from the store, through a small cache. The timeline's items, and the
// announcements and acts of deciding bodies, are written out in sorted
// runs as they are gathered and merged at the end: the timeline is
// stored an entry at a time as it is merged, with its single-source
// findings, and announcements are compared with the acts of the weeks
// around them.

// PassOptions configure a pass.
type PassOptions struct {
	// Reanalyse analyses every document again with this pipeline's
	// dictionaries instead of reading the analyses stored by add (the
	// user gave dictionaries or data to a command that reads).
	Reanalyse bool
	// Full checks every document again even when the context did not
	// change.
	Full bool
	// Progress, when set, is told how many documents of the second read
	// are done, of how many.
	Progress func(done, total int)
}

// PassStats say what a pass did.
type PassStats struct {
	// Documents were read; Checked of them were verified and checked
	// (the others' results were kept).
	Documents, Checked int
	// Full is true when every document was checked again because the
	// context or the configuration changed.
	Full bool
	// Took is the whole pass; Scan, Check and Across its three steps.
	Took, Scan, Check, Across time.Duration
}

// passBatch is how many documents' results are stored in one transaction.
const passBatch = 200

// timelineRun is how many timeline items are gathered before they are
// written out as a sorted run: a few megabytes.
const timelineRun = 8192

// actsRun is how many announcements and acts of deciding bodies are
// gathered before they are written out as sorted runs.
const actsRun = 8192

// Pass runs the cross-document stages over st and stores their results.
// It is the one entry point of the cross-document work, and it holds the
// store's "dossier" lock while it runs: one pass at a time per dossier,
// whatever the process or machine (the CLI, the workspace's uploads, a
// watch), since two would interleave their writes of the results.
// Adding documents goes on meanwhile.
func (p *Pipeline) Pass(ctx context.Context, st store.Store, opt PassOptions) (PassStats, error) {
	var stats PassStats
	err := st.Exclusive(ctx, "dossier", func() error {
		var err error
		stats, err = p.pass(ctx, st, opt)
		return err
	})
	return stats, err
}

func (p *Pipeline) pass(ctx context.Context, st store.Store, opt PassOptions) (PassStats, error) {
	start := time.Now()
	var stats PassStats
	config, err := p.Config(opt.Reanalyse)
	if err != nil {
		return stats, err
	}
	status, err := st.PassStatus(ctx)
	if err != nil {
		return stats, err
	}
	src := p.source(st, opt.Reanalyse)

	// 1. Scan: index the primary records, and learn which procedures
	// apply. Under the configuration of the last pass, a document checked
	// before is not read for this: what it names was stored with it.
	ix := p.quotes.NewIndex(p.text)
	roles := people.NewHolders(p.text.FunctionWord)
	session := p.checker.NewSession()
	session.OffsetsOnly = true // the words of the evidence are filled at the end
	// The announcements and acts of deciding bodies are written out in
	// sorted runs and compared a few weeks at a time (checks.Runs).
	session.Runs = &checks.Runs{Acts: actsRun}
	defer session.Close()
	// The single-source check of the timeline reads the documents'
	// kinds and sources from the store, a few at a time.
	infos := newDocInfos(ctx, st)
	session.Docs = infos.Get
	// A new version of a page is compared with the version before it,
	// read from the store when it is checked.
	var earlierErr error
	session.Earlier = func(id string) *model.Document {
		d, err := st.Document(ctx, id)
		if err != nil {
			if !errors.Is(err, store.ErrNotFound) && earlierErr == nil {
				earlierErr = fmt.Errorf("read the earlier version %s: %w", id, err)
			}
			return nil
		}
		return d
	}
	// The page starts of the documents with pages (PDF): the evidence
	// stored says its page.
	pages, err := st.PageStarts(ctx)
	if err != nil {
		return stats, err
	}
	// Primary records with pages read by OCR: a verdict on their words
	// gets a note (quotes.NoteOCR). Only their page lists are kept.
	ocr := map[string]*model.Document{}
	var records []*model.Document
	recordKey := sha256.New()
	sameConfig := !opt.Full && status.Started && status.State.Config == config
	// Every document known when the pass starts: whether it was checked
	// before, whether it gave the checks across documents anything, and
	// the institutions it names (known from its check, or scanned now).
	known, lists := newDocTable(), newProcLists()
	if sameConfig {
		err := st.ForEachPassedDocument(ctx, func(id string, pd store.PassedDoc) error {
			session.Name(pd.Procs...)
			v := docChecked | lists.id(pd.Procs)<<docFlags
			if pd.Across {
				v |= docAcross
			}
			known.set(id, v)
			return nil
		})
		if err != nil {
			return stats, err
		}
	}
	scan := func(d *model.Document, a *model.Analysis) error {
		if _, ok := known.get(d.ID); !ok {
			known.set(d.ID, lists.id(session.Names(d, a))<<docFlags)
		}
		session.Record(d, a)
		if d.Kind.Primary() {
			if len(d.OCRPages) > 0 {
				ocr[d.ID] = &model.Document{Pages: d.Pages, OCRPages: d.OCRPages}
			}
			ix.AddAnalysed(d, a.Quotes)
			roles.AddRecord(d, p.names)
			records = append(records, lightRecord(d))
			fmt.Fprintf(recordKey, "%s %s %s\n", d.ID, d.DateString(), d.DateEnd.Format("2006-01-02"))
		}
		return nil
	}
	if sameConfig {
		err = p.sourceOf(st, opt.Reanalyse, primaryKinds())(ctx, scan)
	} else {
		err = src(ctx, scan)
	}
	if err != nil {
		return stats, fmt.Errorf("index primary records: %w", err)
	}
	procs := session.Procedures()
	sort.Strings(procs)
	fmt.Fprintf(recordKey, "procedures: %s\n", strings.Join(procs, "\n"))
	stats.Scan = time.Since(start)
	state := store.PassState{Config: config, Context: hex.EncodeToString(recordKey.Sum(nil)), Reanalysed: opt.Reanalyse}
	stats.Full = !sameConfig || status.State.Context != state.Context
	if err := st.StartPass(ctx, state, stats.Full); err != nil {
		return stats, err
	}
	// The documents that need no check are those checked before under
	// the same context.
	if stats.Full {
		known.update(func(v uint32) uint32 { return v &^ (docChecked | docAcross) })
	}
	total := known.len()

	// 2. Check.
	var (
		// The timeline's items are written out in sorted runs, with
		// their words, and merged at the end (timeline.Spill).
		tl    = timeline.Collector{Spill: &timeline.Spill{Items: timelineRun}}
		ppl   = people.NewCollector(p.names, p.dict.Tenures)
		batch []store.DocResults
	)
	ppl.Sector = p.dict.SectorOnly
	flush := func() error {
		if err := st.PutDocResults(ctx, batch); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	err = src(ctx, func(d *model.Document, a *model.Analysis) error {
		v, ok := known.get(d.ID)
		if !ok {
			return nil // added during this pass: the next pass checks it
		}
		checked := v&docChecked != 0
		switch {
		case checked && v&docAcross == 0:
			session.Note(d)
		case checked:
			session.Gather(d, a, p.text.Sentences(d.Text, text.TurnLabels(d)))
		default:
			for j := range a.Quotes {
				roles.Resolve(&a.Quotes[j], d)
				ix.Verify(&a.Quotes[j], d)
				if len(ocr) > 0 {
					quotes.NoteOCR(&a.Quotes[j], func(doc string, start, end int) bool {
						o := ocr[doc]
						return o != nil && o.OCRAt(start, end)
					})
				}
				if pr := a.Quotes[j].Primary; pr != nil {
					*pr = pr.WithPages(pages[pr.Doc])
				}
			}
			kept := session.Kept()
			fs := session.CheckDocument(d, a, p.text.Sentences(d.Text, text.TurnLabels(d)))
			if earlierErr != nil {
				return earlierErr
			}
			for i := range fs {
				withPages(pages, fs[i].Evidence)
			}
			r := store.DocResults{Doc: d.ID, Quotes: a.Quotes, Findings: findingRows(fs, a), Across: session.Kept() > kept, Procs: lists.list(v >> docFlags)}
			if opt.Reanalyse {
				r.Events = a.Events
			}
			batch = append(batch, r)
			stats.Checked++
			if len(batch) >= passBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		tl.Add(d, a)
		ppl.Add(d, a)
		stats.Documents++
		if opt.Progress != nil {
			opt.Progress(stats.Documents, total)
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		tl.Close()
		return stats, fmt.Errorf("check the dossier: %w", err)
	}

	stats.Check = time.Since(start) - stats.Scan

	// 3. Across documents: the checks that compare announcements with
	// the deciding bodies' acts, the people, then the timeline, an entry
	// at a time as it is merged, each with its single-source check,
	// stored as they come.
	across, err := session.Announced()
	if err != nil {
		tl.Close()
		return stats, err
	}
	if err := fillEvidence(ctx, st, nil, across); err != nil {
		tl.Close()
		return stats, err
	}
	for i := range across {
		withPages(pages, across[i].Evidence)
	}
	actors := ppl.List()
	for i := range actors {
		withPages(pages, actors[i].Examples)
	}
	state.Documents = stats.Documents
	stream := func(put func(model.TimelineEntry, *store.FindingRow) error) error {
		return tl.Each(records, func(e model.TimelineEntry) error {
			withPages(pages, e.Evidence)
			var row *store.FindingRow
			if f, ok := session.SingleSource(e); ok {
				row = &findingRows([]model.Finding{f}, nil)[0]
			}
			if err := infos.Err(); err != nil {
				return fmt.Errorf("read the documents of the timeline: %w", err)
			}
			return put(e, row)
		})
	}
	if err := st.FinishPass(ctx, &store.Across{Findings: findingRows(across, nil), Actors: actors, Stream: stream}, state); err != nil {
		tl.Close() // when the store failed before the timeline was read
		return stats, err
	}
	stats.Took = time.Since(start)
	stats.Across = stats.Took - stats.Scan - stats.Check
	return stats, nil
}

// fillEvidence gives the evidence of the timeline and of the findings
// across documents its words, read from the documents one at a time: the
// stages across documents kept only offsets.
func fillEvidence(ctx context.Context, st store.Store, entries []model.TimelineEntry, findings []model.Finding) error {
	byDoc := map[string][]*model.Evidence{}
	add := func(evs []model.Evidence) {
		for i := range evs {
			if e := &evs[i]; e.Text == "" && e.End > e.Start {
				byDoc[e.Doc] = append(byDoc[e.Doc], e)
			}
		}
	}
	for i := range entries {
		add(entries[i].Evidence)
	}
	for i := range findings {
		add(findings[i].Evidence)
	}
	ids := make([]string, 0, len(byDoc))
	for id := range byDoc {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		d, err := st.Document(ctx, id)
		if err != nil {
			return fmt.Errorf("read the evidence in %s: %w", id, err)
		}
		for _, e := range byDoc[id] {
			if e.Start >= 0 && e.End <= len(d.Text) && e.Start <= e.End {
				e.Text = strings.Clone(d.Text[e.Start:e.End]) // not the whole document
			}
		}
	}
	return nil
}

// withPages sets the pages of evidence in documents with pages, from
// their page starts by document id: the pages are stored with the
// evidence, so that whoever reads it can say the page.
func withPages(pages map[string][]int, evs []model.Evidence) {
	if len(pages) == 0 {
		return
	}
	for i := range evs {
		evs[i] = evs[i].WithPages(pages[evs[i].Doc])
	}
}

// Fresh reports whether the results stored in st are those a pass of a
// pipeline with opt would store now; when not, reason says why. It does
// not need the pipeline's models loaded.
func Fresh(ctx context.Context, st store.Store, opt Options, reanalyse bool) (ok bool, reason string, err error) {
	status, err := st.PassStatus(ctx)
	if err != nil {
		return false, "", err
	}
	config, err := Config(opt, reanalyse)
	if err != nil {
		return false, "", err
	}
	switch {
	case !status.Started:
		return false, "the dossier was never checked as a whole", nil
	case !status.State.Complete:
		return false, "the last check of the dossier did not finish", nil
	case status.State.Config != config:
		return false, "dossier, its data or its options changed since the last check", nil
	case status.Pending > 0:
		return false, fmt.Sprintf("%d documents were added since the last check", status.Pending), nil
	case status.Documents != status.State.Documents:
		return false, "documents were removed since the last check", nil
	}
	return true, "", nil
}

// Source streams the documents of a dossier with their analyses, in the
// same order each time it is called; a pass calls it twice.
type Source func(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error

// primaryKinds are the kinds of the primary records.
func primaryKinds() []model.Kind {
	var out []model.Kind
	for _, k := range []model.Kind{model.KindTranscript, model.KindStatement, model.KindArticle} {
		if k.Primary() {
			out = append(out, k)
		}
	}
	return out
}

// sourceOf is source over the documents of the given kinds and those not
// checked yet.
func (p *Pipeline) sourceOf(st store.Store, reanalyse bool, kinds []model.Kind) Source {
	return func(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error {
		return st.ForEachAnalysisOf(ctx, kinds, p.reanalysed(ctx, reanalyse, fn))
	}
}

// source streams the stored documents with their analyses, analysed
// again with this pipeline when reanalyse is set.
func (p *Pipeline) source(st store.Store, reanalyse bool) Source {
	return func(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error {
		return st.ForEachAnalysis(ctx, p.reanalysed(ctx, reanalyse, fn))
	}
}

// reanalysed passes fn each document with its analysis, made again when
// reanalyse is set.
func (p *Pipeline) reanalysed(ctx context.Context, reanalyse bool, fn func(*model.Document, *model.Analysis) error) func(*model.Document, *model.Analysis) error {
	return func(doc *model.Document, an *model.Analysis) error {
		if reanalyse {
			fresh, err := p.Document(ctx, doc)
			if err != nil {
				return fmt.Errorf("analyse %s again: %w", doc.Path, err)
			}
			an = fresh
		}
		if an == nil {
			an = &model.Analysis{Doc: doc.ID}
		}
		return fn(doc, an)
	}
}

// lightRecord is what the timeline keeps of a primary record to make it
// a source of a meeting of its day (timeline.Collector.Each): its id,
// kind, date and speakers, and its first turn, which it cites; not its
// text, its other turns or its other metadata, which would grow with
// every record of the dossier.
func lightRecord(d *model.Document) *model.Document {
	light := &model.Document{ID: d.ID, Kind: d.Kind, Date: d.Date, DateEnd: d.DateEnd, Speakers: d.Speakers}
	if len(d.Turns) > 0 {
		light.Turns = []model.Turn{d.Turns[0]}
	}
	return light
}

// findingRows gives each finding the names of the people its quotes and
// events are about, looked up in a (the analysis of the finding's
// document; nil for findings across documents).
func findingRows(fs []model.Finding, a *model.Analysis) []store.FindingRow {
	out := make([]store.FindingRow, len(fs))
	var quoteBy map[string]*model.Quote
	var eventBy map[string]*model.Event
	if a != nil && len(fs) > 0 {
		quoteBy, eventBy = map[string]*model.Quote{}, map[string]*model.Event{}
		for i := range a.Quotes {
			quoteBy[a.Quotes[i].ID] = &a.Quotes[i]
		}
		for i := range a.Events {
			eventBy[a.Events[i].ID] = &a.Events[i]
		}
	}
	for i, f := range fs {
		names := map[string]bool{}
		for _, id := range f.Quotes {
			if q := quoteBy[id]; q != nil && q.Speaker != "" {
				names[q.Speaker] = true
			}
		}
		for _, id := range f.Events {
			if e := eventBy[id]; e != nil {
				names[e.Source.Name] = true
				if e.Target != nil {
					names[e.Target.Name] = true
				}
			}
		}
		delete(names, "")
		people := make([]string, 0, len(names))
		for n := range names {
			people = append(people, n)
		}
		sort.Strings(people)
		out[i] = store.FindingRow{Finding: f, People: people}
	}
	return out
}

// Config is a fingerprint of what the results of a pass depend on besides
// the documents: this build of dossier, the data files, the user's
// dictionaries and procedure models (opt), and whether the documents are
// analysed again.
func Config(opt Options, reanalyse bool) (string, error) {
	h := sha256.New()
	if err := hashProgram(h); err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	if opt.DataDir != "" {
		err := filepath.WalkDir(opt.DataDir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(opt.DataDir, path)
			fmt.Fprintf(h, "data %s\n", filepath.ToSlash(rel))
			return hashFile(h, path)
		})
		if err != nil {
			return "", fmt.Errorf("fingerprint: %w", err)
		}
	}
	groups := []struct {
		name  string
		paths []string
	}{{"procedure", opt.Procedures}}
	if reanalyse {
		// Dictionaries matter to a pass only when it analyses the
		// documents again; otherwise the stored analyses say what they
		// were made with.
		groups = append(groups, struct {
			name  string
			paths []string
		}{"actors", opt.Actors}, struct {
			name  string
			paths []string
		}{"verbs", opt.Verbs})
	}
	for _, group := range groups {
		for _, path := range group.paths {
			fmt.Fprintf(h, "%s %s\n", group.name, path)
			if err := hashFile(h, path); err != nil {
				return "", fmt.Errorf("fingerprint: %w", err)
			}
		}
	}
	fmt.Fprintf(h, "reanalyse %v\n", reanalyse)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Config is the fingerprint of this pipeline's configuration, computed
// once.
func (p *Pipeline) Config(reanalyse bool) (string, error) {
	i := 0
	if reanalyse {
		i = 1
	}
	p.configOnce[i].Do(func() { p.config[i], p.configErr[i] = Config(p.opts, reanalyse) })
	return p.config[i], p.configErr[i]
}

// hashProgram writes what identifies this build of dossier: the Go build
// id of the executable (a hash of everything it was built from), or,
// where the executable has none that can be read, its bytes.
func hashProgram(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find this program: %w", err)
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if sec := f.Section(".note.go.buildid"); sec != nil {
			if b, err := sec.Data(); err == nil && len(b) > 0 {
				_, err := w.Write(b)
				return err
			}
		}
	}
	return hashFile(w, exe)
}

func hashFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
