package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// The cross-document pass (internal/pipeline) stores its results here:
// each document's own results (its quotes with their verdicts, its
// findings) when it is first checked, and the results across documents
// (the timeline, the findings that compare documents, the people and
// organisations mentioned) at the end of every pass. Read commands and
// the server read them; nothing is recomputed per request.

// PassState says what the last cross-document pass ran on.
type PassState struct {
	// Config is a fingerprint of the program, its data files and the
	// options of the pass; results made under another are stale.
	Config string
	// Context is a key of what each document's own results depend on
	// besides the document: the primary records and the procedures that
	// apply. While it stays the same, a new document is checked alone.
	Context string
	// Complete is false while a pass runs, or when one stopped before
	// its end.
	Complete bool
	// Reanalysed is true when the pass coded the events again (with
	// other dictionaries than those of add); Events then reads them from
	// the pass's results.
	Reanalysed bool
	// Documents is the number of documents when the pass finished.
	Documents int
	Finished  time.Time
}

// PassStatus is the state of the last pass and what changed since.
type PassStatus struct {
	State PassState
	// Started is false when no pass ever ran on this store.
	Started bool
	// Documents is the number of documents now; Pending the number of
	// them whose own results are not stored.
	Documents, Pending int
}

// DocResults are one document's own cross-document results.
type DocResults struct {
	Doc string
	// Quotes are the document's quotes with their verdicts.
	Quotes []model.Quote
	// Events are stored only when the pass coded them again; nil
	// otherwise.
	Events   []model.Event
	Findings []FindingRow
	// Across is true when the document gives the checks across
	// documents something besides itself.
	Across bool
	// Procs are the institutions whose procedures the document names.
	Procs []string
}

// PassedDoc is what is stored of a document checked by a pass.
type PassedDoc struct {
	Across bool
	Procs  []string
}

// FindingRow is a finding as stored: with the names of the people it is
// about, which the findings can be filtered by.
type FindingRow struct {
	model.Finding
	People []string
}

// Across are the results of the whole dossier.
type Across struct {
	Timeline []model.TimelineEntry
	// Findings are the findings that compare documents, in the order the
	// checks made them.
	Findings []FindingRow
	Actors   []Actor
	// Stream, when set, gives the timeline instead of Timeline, an entry
	// at a time, so that it need not be held in memory: it is called in
	// FinishPass's transaction and calls put with each entry, in any
	// order (the entry's ID, from 1, gives its place), and the finding
	// made of that entry, if any, which is listed after Findings in the
	// order of the entries.
	Stream func(put func(e model.TimelineEntry, f *FindingRow) error) error
}

// Actor is a person or organisation the dossier mentions.
type Actor struct {
	// Key identifies the actor: a person's name, lower case, or an
	// organisation's actor code.
	Key    string `json:"key"`
	Name   string `json:"name"`
	Code   string `json:"code"`
	Person bool   `json:"person"`
	// Names are the forms the texts use ("Mr Doe", "the Mayor"), most
	// frequent first.
	Names []string `json:"names"`
	// Roles are the roles and organisations given to the person as a
	// speaker of a transcript or on an attendance line.
	Roles []string `json:"roles"`
	// Held are the roles with when they were held: those Roles, dated by
	// the documents that give them, and the actor dictionary's tenures
	// that overlap the dates of the documents the person is in.
	Held      []Held `json:"held"`
	Mentions  int    `json:"mentions"`
	Documents int    `json:"documents"`
	// Quotes are the quotes whose speaker is this person; Turns the
	// turns the person speaks in transcripts.
	Quotes int `json:"quotes"`
	Turns  int `json:"turns"`
	// Examples are the first mentions, as evidence.
	Examples []model.Evidence `json:"examples"`
}

// Held is a role a person holds, and when. From and To are dates
// (YYYY-MM-DD; "" when unknown): for a role a document gives, the first
// and last dates of the documents that give it (the role held as of
// those dates); for a dictionary tenure, its start and end ("" To: still
// held). By says where it comes from: "transcript" (a speaker list),
// "attendance" (an attendance line) or "dictionary".
type Held struct {
	Role string `json:"role"`
	Code string `json:"code,omitempty"`
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	By   string `json:"by"`
}

// Role bys.
const (
	HeldByTranscript = "transcript"
	HeldByAttendance = "attendance"
	HeldByDictionary = "dictionary"
	HeldByArticle    = "article" // a title or an apposition where the text names the person
)

// FindingQuery selects findings. Zero fields select everything.
type FindingQuery struct {
	Kind string
	// Severity is "high", "medium", "low" or "info".
	Severity string
	// Doc is a full document id: findings with evidence in it.
	Doc string
	// Person is part of a name: findings about that person.
	Person        string
	Offset, Limit int
}

// QuoteQuery selects quotes. Zero fields select everything.
type QuoteQuery struct {
	Doc string // full document id
	ID  string // quote id
}

func (s *sqlStore) PassStatus(ctx context.Context) (PassStatus, error) {
	var ps PassStatus
	var complete, reanalysed bool
	var finished string
	var ts time.Time
	dest := []any{&ps.State.Config, &ps.State.Context, &complete, &reanalysed, &ps.State.Documents}
	if s.d.dollar {
		dest = append(dest, &ts)
	} else {
		dest = append(dest, &finished)
	}
	err := s.db.QueryRowContext(ctx, `SELECT config, context, complete, reanalysed, documents, finished FROM pass_state WHERE id = 1`).Scan(dest...)
	switch {
	case err == sql.ErrNoRows:
	case err != nil:
		return ps, fmt.Errorf("read pass state: %w", err)
	default:
		ps.Started = true
		ps.State.Complete, ps.State.Reanalysed = complete, reanalysed
		if s.d.dollar {
			ps.State.Finished = ts.UTC()
		} else if ps.State.Finished, err = time.Parse(time.RFC3339Nano, finished); err != nil {
			return ps, fmt.Errorf("read pass state: bad time %q", finished)
		}
	}
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents),
		(SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM pass_docs p WHERE p.doc = d.id))`).Scan(&ps.Documents, &ps.Pending)
	if err != nil {
		return ps, fmt.Errorf("count documents to check: %w", err)
	}
	return ps, nil
}

func (s *sqlStore) saveState(ctx context.Context, tx *sql.Tx, st PassState) error {
	if st.Finished.IsZero() {
		st.Finished = time.Now()
	}
	_, err := tx.ExecContext(ctx, s.d.rewrite(`INSERT INTO pass_state (id, config, context, complete, reanalysed, documents, finished)
		VALUES (1, ?, ?, ?, ?, ?, ?{time})
		ON CONFLICT (id) DO UPDATE SET config = excluded.config, context = excluded.context, complete = excluded.complete,
			reanalysed = excluded.reanalysed, documents = excluded.documents, finished = excluded.finished`),
		st.Config, st.Context, st.Complete, st.Reanalysed, st.Documents, st.Finished.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return fmt.Errorf("save pass state: %w", err)
	}
	return nil
}

func (s *sqlStore) StartPass(ctx context.Context, st PassState, reset bool) error {
	st.Complete = false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if reset {
			// Every document is to be checked again. Its old results
			// stay readable until the pass replaces them, document by
			// document, and the results across documents at its end.
			if _, err := tx.ExecContext(ctx, "DELETE FROM pass_docs"); err != nil {
				return fmt.Errorf("clear pass_docs: %w", err)
			}
		}
		return s.saveState(ctx, tx, st)
	})
	if err != nil {
		return fmt.Errorf("start pass: %w", err)
	}
	return nil
}

func (s *sqlStore) ForEachPassedDocument(ctx context.Context, fn func(id string, pd PassedDoc) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT doc, across, procs FROM pass_docs`)
	if err != nil {
		return fmt.Errorf("read checked documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, procs string
		var pd PassedDoc
		if err := rows.Scan(&id, &pd.Across, &procs); err != nil {
			return fmt.Errorf("read checked documents: %w", err)
		}
		if procs != "" {
			pd.Procs = strings.Split(procs, "\n")
		}
		if err := fn(id, pd); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read checked documents: %w", err)
	}
	return nil
}

func (s *sqlStore) ForEachAnalysisOf(ctx context.Context, kinds []model.Kind, fn func(*model.Document, *model.Analysis) error) error {
	marks := make([]string, len(kinds))
	args := make([]any, len(kinds))
	for i, k := range kinds {
		marks[i], args[i] = "?", string(k)
	}
	cond := "NOT EXISTS (SELECT 1 FROM pass_docs p WHERE p.doc = documents.id)"
	if len(kinds) > 0 {
		cond = "kind IN (" + strings.Join(marks, ", ") + ") OR " + cond
	}
	return s.forEachOf(ctx, cond, args, fn)
}

// resultWriter holds the statements of one transaction that writes
// results.
type resultWriter struct {
	quote, event, finding, findingDoc *sql.Stmt
}

func (s *sqlStore) newResultWriter(ctx context.Context, tx *sql.Tx) (*resultWriter, error) {
	w := &resultWriter{}
	for _, p := range []struct {
		st **sql.Stmt
		q  string
	}{
		{&w.quote, `INSERT INTO results_quotes (doc, ord, id, speaker, speaker_code, direct, start, "end", verdict, score, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{json})`},
		{&w.event, `INSERT INTO results_events (doc, ord, id, cameo, root, plover, source_code, target_code, when_value, when_end, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{json})`},
		// A new finding is listed last until the end of the pass puts
		// it in its place.
		{&w.finding, `INSERT INTO findings (doc, grp, ord, rank, kind, check_name, severity, summary, people, data)
			VALUES (?, ?, ?, 1073741824, ?, ?, ?, ?, ?, ?{json}) RETURNING id`},
		{&w.findingDoc, `INSERT INTO finding_docs (finding, doc) VALUES (?, ?) ON CONFLICT DO NOTHING`},
	} {
		st, err := tx.PrepareContext(ctx, s.d.rewrite(p.q))
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.st = st
	}
	return w, nil
}

func (w *resultWriter) close() {
	for _, st := range []*sql.Stmt{w.quote, w.event, w.finding, w.findingDoc} {
		if st != nil {
			_ = st.Close() // a statement of a finished transaction: nothing to lose
		}
	}
}

// findings writes findings of one group, the first in place ord; doc is
// nil for findings across documents.
func (w *resultWriter) findings(ctx context.Context, doc any, grp, ord int, fs []FindingRow) error {
	for i := range fs {
		f := &fs[i]
		data, err := marshal("finding", i, &f.Finding)
		if err != nil {
			return err
		}
		people := strings.ToLower(strings.Join(f.People, "\n"))
		var id int64
		if err := w.finding.QueryRowContext(ctx, doc, grp, ord+i, f.Kind, f.Check, int(f.Severity), f.Summary, people, data).Scan(&id); err != nil {
			return fmt.Errorf("finding %d: %w", i, err)
		}
		seen := map[string]bool{}
		for _, e := range f.Evidence {
			if e.Doc == "" || seen[e.Doc] {
				continue
			}
			seen[e.Doc] = true
			if _, err := w.findingDoc.ExecContext(ctx, id, e.Doc); err != nil {
				return fmt.Errorf("finding %d: %w", i, err)
			}
		}
	}
	return nil
}

func (s *sqlStore) PutDocResults(ctx context.Context, rs []DocResults) error {
	if len(rs) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := s.newResultWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, r := range rs {
			for _, q := range []string{
				`DELETE FROM findings WHERE doc = ?`, `DELETE FROM results_quotes WHERE doc = ?`,
				`DELETE FROM results_events WHERE doc = ?`, `DELETE FROM pass_docs WHERE doc = ?`,
			} {
				if _, err := tx.ExecContext(ctx, s.d.rewrite(q), r.Doc); err != nil {
					return fmt.Errorf("results of %s: %w", r.Doc, err)
				}
			}
			for i := range r.Quotes {
				q := &r.Quotes[i]
				data, err := marshal("quote", i, q)
				if err != nil {
					return err
				}
				start, end := quoteRange(q)
				if _, err := w.quote.ExecContext(ctx, r.Doc, i, q.ID, q.Speaker, q.SpeakerCode, q.Direct, start, end, q.Verdict, q.Score, data); err != nil {
					return fmt.Errorf("quote %s: %w", q.ID, err)
				}
			}
			for i := range r.Events {
				e := &r.Events[i]
				data, err := marshal("event", i, e)
				if err != nil {
					return err
				}
				var when, whenEnd string
				if e.When != nil {
					when, whenEnd = e.When.Value, e.When.End
				}
				if _, err := w.event.ExecContext(ctx, r.Doc, i, e.ID, e.CAMEO, e.Root, e.PLOVER, e.Source.Code, targetCode(e), when, whenEnd, data); err != nil {
					return fmt.Errorf("event %s: %w", e.ID, err)
				}
			}
			if err := w.findings(ctx, r.Doc, 0, 0, r.Findings); err != nil {
				return fmt.Errorf("findings of %s: %w", r.Doc, err)
			}
			if _, err := tx.ExecContext(ctx, s.d.rewrite(`INSERT INTO pass_docs (doc, across, procs) VALUES (?, ?, ?)`), r.Doc, r.Across, strings.Join(r.Procs, "\n")); err != nil {
				return fmt.Errorf("results of %s: %w", r.Doc, err)
			}
			if err := s.step(ctx, "doc results", 0); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store document results: %w", err)
	}
	return nil
}

// rankFindings numbers the findings in the order they are listed: most
// serious first; among equals, those of single documents in document
// order, then those across documents, each in the order the checks made
// them.
const rankFindings = `UPDATE findings SET rank = r.n FROM (
	SELECT f.id AS id, row_number() OVER (
		ORDER BY f.severity DESC, f.grp, d.date IS NULL, d.date, d.path, d.id, f.ord) AS n
	FROM findings f LEFT JOIN documents d ON d.id = f.doc) AS r
	WHERE findings.id = r.id AND findings.rank <> r.n`

func (s *sqlStore) FinishPass(ctx context.Context, a *Across, st PassState) error {
	if a == nil {
		a = &Across{}
	}
	st.Complete = true
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM findings WHERE doc IS NULL`, `DELETE FROM timeline`, `DELETE FROM results_actors`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("clear: %w", err)
			}
		}
		w, err := s.newResultWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if err := w.findings(ctx, nil, 1, 0, a.Findings); err != nil {
			return fmt.Errorf("findings across documents: %w", err)
		}
		tl, err := tx.PrepareContext(ctx, s.q.insertTimeline)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		defer tl.Close()
		entry := func(ord int, t *model.TimelineEntry) error {
			data, err := marshal("timeline entry", ord, t)
			if err != nil {
				return err
			}
			if _, err := tl.ExecContext(ctx, ord, t.ID, t.Date, t.End, t.Precision, t.Kind, t.Summary, t.Future, data); err != nil {
				return fmt.Errorf("timeline entry %d: %w", t.ID, err)
			}
			return nil
		}
		for i := range a.Timeline {
			if err := entry(i, &a.Timeline[i]); err != nil {
				return err
			}
		}
		if a.Stream != nil {
			n := 0
			err := a.Stream(func(e model.TimelineEntry, f *FindingRow) error {
				if e.ID < 1 {
					return fmt.Errorf("timeline entry without an id: %q", e.Summary)
				}
				if err := entry(len(a.Timeline)+e.ID-1, &e); err != nil {
					return err
				}
				if f != nil {
					if err := w.findings(ctx, nil, 1, len(a.Findings)+e.ID-1, []FindingRow{*f}); err != nil {
						return fmt.Errorf("findings across documents: %w", err)
					}
				}
				n++
				return s.step(ctx, "timeline", n)
			})
			if err != nil {
				return err
			}
		}
		ac, err := tx.PrepareContext(ctx, s.d.rewrite(`INSERT INTO results_actors (ord, key, name, code, person, mentions, documents, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?{json})`))
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		defer ac.Close()
		for i := range a.Actors {
			x := &a.Actors[i]
			data, err := marshal("actor", i, x)
			if err != nil {
				return err
			}
			if _, err := ac.ExecContext(ctx, i, x.Key, x.Name, x.Code, x.Person, x.Mentions, x.Documents, data); err != nil {
				return fmt.Errorf("actor %s: %w", x.Key, err)
			}
		}
		if _, err := tx.ExecContext(ctx, rankFindings); err != nil {
			return fmt.Errorf("order findings: %w", err)
		}
		if err := s.step(ctx, "results", 0); err != nil {
			return err
		}
		return s.saveState(ctx, tx, st)
	})
	if err != nil {
		return fmt.Errorf("store results: %w", err)
	}
	return nil
}

// severityLevel reads a severity's name.
func severityLevel(name string) (int, bool) {
	for _, s := range []model.Severity{model.SeverityInfo, model.SeverityLow, model.SeverityMedium, model.SeverityHigh} {
		if s.String() == name {
			return int(s), true
		}
	}
	return 0, false
}

// findingWhere builds the WHERE clause of a finding query.
func (s *sqlStore) findingWhere(q FindingQuery) (string, []any, error) {
	var conds []string
	var args []any
	if q.Kind != "" {
		conds = append(conds, "f.kind = ?")
		args = append(args, q.Kind)
	}
	if q.Severity != "" {
		n, ok := severityLevel(q.Severity)
		if !ok {
			return "", nil, fmt.Errorf("unknown severity %q: use high, medium, low or info", q.Severity)
		}
		conds = append(conds, "f.severity = ?")
		args = append(args, n)
	}
	if q.Doc != "" {
		conds = append(conds, "f.id IN (SELECT fd.finding FROM finding_docs fd WHERE fd.doc = ?)")
		args = append(args, q.Doc)
	}
	if p := strings.ToLower(strings.TrimSpace(q.Person)); p != "" {
		pat := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(p) + "%"
		conds = append(conds, `(f.people LIKE ? ESCAPE '\' OR lower(f.summary) LIKE ? ESCAPE '\')`)
		args = append(args, pat, pat)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// ForEachFinding streams the findings q selects, most serious first.
func (s *sqlStore) ForEachFinding(ctx context.Context, q FindingQuery, fn func(model.Finding) error) error {
	where, args, err := s.findingWhere(q)
	if err != nil {
		return err
	}
	query := `SELECT f.severity, f.data FROM findings f` + where + ` ORDER BY f.rank, f.id`
	if where == "" && q.Offset > 0 {
		// The ranks are 1, 2, 3, …: a page of the whole list starts
		// at a rank, found in the index, rather than after stepping
		// over every finding before it.
		query = `SELECT f.severity, f.data FROM findings f WHERE f.rank > ? ORDER BY f.rank, f.id`
		args = []any{q.Offset}
		q.Offset = 0
	}
	query, args = limitOffset(query, args, q.Offset, q.Limit)
	rows, err := s.db.QueryContext(ctx, s.d.rewrite(query), args...)
	if err != nil {
		return fmt.Errorf("read findings: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var (
			sev  int
			data []byte
			f    model.Finding
		)
		if err := rows.Scan(&sev, &data); err != nil {
			return fmt.Errorf("read findings: %w", err)
		}
		if err := json.Unmarshal(data, &f); err != nil {
			return fmt.Errorf("decode finding %d: %w", n, err)
		}
		f.Severity = model.Severity(sev)
		n++
		if err := fn(f); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read findings: %w", err)
	}
	return nil
}

func limitOffset(query string, args []any, offset, limit int) (string, []any) {
	if limit > 0 {
		query += " LIMIT ?"
		args = append(args, limit)
		if offset > 0 {
			query += " OFFSET ?"
			args = append(args, offset)
		}
	} else if offset > 0 {
		query += " LIMIT -1 OFFSET ?" // SQLite's "no limit"; see rewrite for PostgreSQL
		args = append(args, offset)
	}
	return query, args
}

func (s *sqlStore) CountFindings(ctx context.Context, q FindingQuery) (int, error) {
	where, args, err := s.findingWhere(q)
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, s.d.rewrite(`SELECT count(*) FROM findings f`+where), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count findings: %w", err)
	}
	return n, nil
}

// FindingKinds counts the stored findings by kind and by severity.
func (s *sqlStore) FindingKinds(ctx context.Context) (map[string]int, map[string]int, error) {
	kinds, sevs := map[string]int{}, map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, severity, count(*) FROM findings GROUP BY kind, severity`)
	if err != nil {
		return nil, nil, fmt.Errorf("count findings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var sev, n int
		if err := rows.Scan(&k, &sev, &n); err != nil {
			return nil, nil, fmt.Errorf("count findings: %w", err)
		}
		kinds[k] += n
		sevs[model.Severity(sev).String()] += n
	}
	return kinds, sevs, rows.Err()
}

// docOrderJoin orders rows of a per-document table t by document order,
// then by their order in the document.
const docOrderBy = ` ORDER BY d.date IS NULL, d.date, d.path, d.id, t.ord`

func (s *sqlStore) ForEachQuote(ctx context.Context, q QuoteQuery, fn func(model.Quote) error) error {
	var conds []string
	var args []any
	if q.Doc != "" {
		conds = append(conds, "t.doc = ?")
		args = append(args, q.Doc)
	}
	if q.ID != "" {
		conds = append(conds, "t.id = ?")
		args = append(args, q.ID)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return forEachJSON(ctx, s, `SELECT t.data FROM results_quotes t JOIN documents d ON d.id = t.doc`+where+docOrderBy, args, "quotes", fn)
}

func (s *sqlStore) ForEachEvent(ctx context.Context, doc string, fn func(model.Event) error) error {
	table, err := s.eventsTable(ctx)
	if err != nil {
		return err
	}
	where, args := "", []any(nil)
	if doc != "" {
		where, args = " WHERE t.doc = ?", []any{doc}
	}
	return forEachJSON(ctx, s, `SELECT t.data FROM `+table+` t JOIN documents d ON d.id = t.doc`+where+docOrderBy, args, "events", fn)
}

// eventsTable is the table the events are read from: the documents'
// own, or those of the last pass when it analysed them again.
func (s *sqlStore) eventsTable(ctx context.Context) (string, error) {
	var reanalysed bool
	err := s.db.QueryRowContext(ctx, `SELECT reanalysed FROM pass_state WHERE id = 1`).Scan(&reanalysed)
	if err != nil && err != sql.ErrNoRows {
		return "", fmt.Errorf("read pass state: %w", err)
	}
	if reanalysed {
		return "results_events", nil
	}
	return "events", nil
}

// isAct is the SQL condition that the event of row t is an act of the
// record (model.Event.Act, stored only in the row's data).
func (s *sqlStore) isAct() string {
	act := "COALESCE(" + s.d.jsonField("t.data", "act") + ", '') <> ''"
	if s.d.name == "sqlite" {
		// The data is JSON as Go writes it, where the field can only
		// appear as "act": — a match of the text, cheaper than
		// reading the JSON, leaves out most events first.
		act = `t.data LIKE '%"act":%' AND ` + act
	}
	return act
}

func (s *sqlStore) Acts(ctx context.Context, ids []string) (map[string]bool, error) {
	acts := map[string]bool{}
	if len(ids) == 0 {
		return acts, nil
	}
	table, err := s.eventsTable(ctx)
	if err != nil {
		return nil, err
	}
	// A few hundred ids at a time, well below either backend's limit
	// of parameters.
	const chunk = 500
	for len(ids) > 0 {
		n := min(len(ids), chunk)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		q := `SELECT DISTINCT t.id FROM ` + table + ` t WHERE t.id IN (?` + strings.Repeat(", ?", n-1) + `) AND ` + s.isAct()
		if err := s.readIDs(ctx, q, args, acts); err != nil {
			return nil, err
		}
	}
	return acts, nil
}

// readIDs adds the ids query q selects to set.
func (s *sqlStore) readIDs(ctx context.Context, q string, args []any, set map[string]bool) error {
	rows, err := s.db.QueryContext(ctx, s.d.rewrite(q), args...)
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		set[id] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	return nil
}

func (s *sqlStore) ForEachTimelineEntry(ctx context.Context, offset, limit int, fn func(model.TimelineEntry) error) error {
	q, args := limitOffset(`SELECT data FROM timeline ORDER BY ord`, nil, offset, limit)
	return forEachJSON(ctx, s, q, args, "timeline", fn)
}

// Counts are the numbers of documents and of stored results. Acts are
// the events among Events that are acts of the record
// (model.Event.Act).
type Counts struct {
	Documents, Findings, Timeline, Quotes, Events, Acts int
}

func (s *sqlStore) CountResults(ctx context.Context) (Counts, error) {
	var c Counts
	events, err := s.eventsTable(ctx)
	if err != nil {
		return c, err
	}
	// Quotes and events are counted as ForEachQuote and ForEachEvent
	// give them: those of stored documents.
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM findings),
		(SELECT count(*) FROM timeline),
		(SELECT count(*) FROM results_quotes t WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc))`).
		Scan(&c.Documents, &c.Findings, &c.Timeline, &c.Quotes)
	if err == nil {
		// The events and the acts among them in one scan.
		var acts sql.NullInt64
		err = s.db.QueryRowContext(ctx, `SELECT count(*), sum(CASE WHEN `+s.isAct()+` THEN 1 ELSE 0 END) FROM `+events+
			` t WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc)`).Scan(&c.Events, &acts)
		c.Acts = int(acts.Int64)
	}
	if err != nil {
		return c, fmt.Errorf("count results: %w", err)
	}
	return c, nil
}

func (s *sqlStore) CountTimeline(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM timeline`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count timeline: %w", err)
	}
	return n, nil
}

func (s *sqlStore) ForEachActor(ctx context.Context, offset, limit int, fn func(Actor) error) error {
	q, args := limitOffset(`SELECT data FROM results_actors ORDER BY ord`, nil, offset, limit)
	return forEachJSON(ctx, s, q, args, "people", fn)
}

func (s *sqlStore) Actor(ctx context.Context, key string) (*Actor, error) {
	var a *Actor
	err := forEachJSON(ctx, s, `SELECT data FROM results_actors WHERE key = ? ORDER BY ord LIMIT 1`, []any{key}, "people", func(x Actor) error {
		a = &x
		return nil
	})
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, fmt.Errorf("person or organisation %q: %w", key, ErrNotFound)
	}
	return a, nil
}

func (s *sqlStore) PageStarts(ctx context.Context) (map[string][]int, error) {
	// Only PDF documents have pages (internal/ingest).
	rows, err := s.db.QueryContext(ctx, `SELECT id, data FROM documents WHERE format = 'pdf'`)
	if err != nil {
		return nil, fmt.Errorf("read page starts: %w", err)
	}
	defer rows.Close()
	out := map[string][]int{}
	for rows.Next() {
		var id string
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("read page starts: %w", err)
		}
		var d struct {
			Pages []int `json:"pages"`
		}
		if err := json.Unmarshal(data, &d); err != nil {
			return nil, fmt.Errorf("decode document %s: %w", id, err)
		}
		if len(d.Pages) > 0 {
			out[id] = d.Pages
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read page starts: %w", err)
	}
	return out, nil
}

func forEachJSON[T any](ctx context.Context, s *sqlStore, q string, args []any, what string, fn func(T) error) error {
	rows, err := s.db.QueryContext(ctx, s.d.rewrite(q), args...)
	if err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return fmt.Errorf("read %s: %w", what, err)
		}
		var v T
		if err := json.Unmarshal(data, &v); err != nil {
			return fmt.Errorf("decode %s row %d: %w", what, n, err)
		}
		n++
		if err := fn(v); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	return nil
}
