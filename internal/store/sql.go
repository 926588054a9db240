package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// dialect is what differs between the SQL backends.
type dialect struct {
	name string
	// dollar is true when placeholders are $1, $2, ... rather than ?.
	dollar bool
	// castDate, castJSON and castTime follow a placeholder for a date
	// (YYYY-MM-DD text), JSON text and RFC 3339 timestamp parameter.
	castDate, castJSON, castTime string
	// selDate selects a date column as YYYY-MM-DD text.
	selDate func(col string) string
	// jsonField selects the text of a top-level field of a JSON column
	// (NULL when it has none).
	jsonField func(col, field string) string
}

// sqlStore is the Store over database/sql shared by both backends; the
// backend-specific parts are its dialect and its search function.
type sqlStore struct {
	db   *sql.DB
	d    dialect
	opts options
	// search runs a full-text query, limit > 0.
	search func(ctx context.Context, query string, limit int) ([]Hit, error)
	// lock takes the named dossier-wide lock and returns its release;
	// nil where there is nothing to share (an in-memory database).
	lock func(ctx context.Context, name string) (func(), error)
	// close runs after db is closed (e.g. to drop a test schema); may be nil.
	onClose func() error
	// hook, when set (only by tests), is called during writes after each
	// step ("document", "analysis", "results") so that tests can inject
	// faults such as a cancellation between inserts.
	hook func(ctx context.Context, step string, i int) error
	// idPage, when set (only by tests), replaces the number of document
	// ids read at a time (idPage).
	idPage int

	q  queries
	wq watchQueries
}

// queries are the statements, rewritten for the dialect once at open.
type queries struct {
	insertDoc                                            string
	insertMention, insertTimex, insertQuote, insertEvent rowsInsert
	docByID, docsByPath, idsByRange, allDocs, docExists  string
	infoByID, allInfos                                   string
	analysis, setDate                                    string
	insertTimeline                                       string
}

const docCols = `id, path, url, format, title, kind, {date:date}, {date:date_end}, date_source, date_reason,
	publisher, site, authors, speakers, turns, warnings, data, text`

// infoCols are docCols without the text and the turns.
var infoCols = strings.NewReplacer(", turns,", ", 'null',", ", text", ", ''").Replace(docCols)

const docOrder = ` ORDER BY date IS NULL, date, path, id`

func (d dialect) rewrite(q string) string {
	q = strings.NewReplacer(
		"{date:date}", d.selDate("date"),
		"{date:date_end}", d.selDate("date_end"),
		"{date}", d.castDate,
		"{json}", d.castJSON,
		"{time}", d.castTime,
	).Replace(q)
	if !d.dollar {
		return q
	}
	q = strings.ReplaceAll(q, "LIMIT -1 OFFSET", "OFFSET") // PostgreSQL has no "no limit" number
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func newSQLStore(db *sql.DB, d dialect, o options) *sqlStore {
	s := &sqlStore{db: db, d: d, opts: o, wq: d.watchQueries()}
	r := d.rewrite
	s.q = queries{
		insertDoc: r(`INSERT INTO documents (id, path, url, format, title, kind, date, date_end, date_source, date_reason,
	publisher, site, authors, speakers, turns, warnings, data, text, added_at)
	VALUES (?, ?, ?, ?, ?, ?, ?{date}, ?{date}, ?, ?, ?, ?, ?{json}, ?{json}, ?{json}, ?{json}, ?{json}, ?, ?{time})
	ON CONFLICT (id) DO NOTHING`),
		insertMention: rowsInsert{`INSERT INTO mentions (doc, ord, start, "end", code, data) VALUES `, `(?, ?, ?, ?, ?, ?{json})`},
		insertTimex:   rowsInsert{`INSERT INTO timexes (doc, ord, start, "end", kind, value, data) VALUES `, `(?, ?, ?, ?, ?, ?, ?{json})`},
		insertQuote: rowsInsert{`INSERT INTO quotes (doc, ord, id, speaker, speaker_code, direct, start, "end", verdict, data) VALUES `,
			`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?{json})`},
		insertEvent: rowsInsert{`INSERT INTO events (doc, ord, id, cameo, root, plover, source_code, target_code,
	negated, future, hypothetical, sentence_start, sentence_end, pattern, data) VALUES `, `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{json})`},
		docByID:    r(`SELECT ` + docCols + ` FROM documents WHERE id = ?`),
		infoByID:   r(`SELECT ` + infoCols + ` FROM documents WHERE id = ?`),
		allInfos:   r(`SELECT ` + infoCols + ` FROM documents` + docOrder),
		docsByPath: r(`SELECT id FROM documents WHERE path = ? ORDER BY id LIMIT 2`),
		idsByRange: r(`SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`),
		allDocs:    r(`SELECT ` + docCols + ` FROM documents` + docOrder),
		docExists:  r(`SELECT 1 FROM documents WHERE id = ?`),
		analysis: r(`SELECT 0, ord, data, 0 FROM mentions WHERE doc = ?
	UNION ALL SELECT 1, ord, data, "end" FROM timexes WHERE doc = ?
	UNION ALL SELECT 2, ord, data, 0 FROM quotes WHERE doc = ?
	UNION ALL SELECT 3, ord, data, 0 FROM events WHERE doc = ?
	ORDER BY 1, 2`),
		setDate: r(`UPDATE documents SET date = ?{date}, date_end = ?{date}, date_source = ?, date_reason = ? WHERE id = ?`),
		insertTimeline: r(`INSERT INTO timeline (ord, id, date, end_date, precision, kind, summary, future, data)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?{json})`),
	}
	return s
}

func (s *sqlStore) Close() error {
	err := s.db.Close()
	if s.onClose != nil {
		if cerr := s.onClose(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

func (s *sqlStore) step(ctx context.Context, step string, i int) error {
	if s.hook == nil {
		return nil
	}
	return s.hook(ctx, step, i)
}

// inTx runs fn in a transaction and commits it, or rolls it back when fn
// fails or ctx is cancelled.
func (s *sqlStore) inTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the error that made us roll back is the one to report
			// When the caller gave up, say so, whatever the failed
			// statement reported (often "transaction has already been
			// rolled back").
			if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
				err = fmt.Errorf("%w (%v)", cerr, err)
			}
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	// A cancellation after the last write must still undo the whole
	// transaction rather than commit part of what the caller gave up on.
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func (s *sqlStore) AddDocument(ctx context.Context, doc *model.Document, a *model.Analysis) (bool, error) {
	added, err := s.AddDocuments(ctx, []*model.Document{doc}, []*model.Analysis{a})
	if err != nil {
		return false, err
	}
	return added[0], nil
}

func (s *sqlStore) AddDocuments(ctx context.Context, docs []*model.Document, as []*model.Analysis) ([]bool, error) {
	if as != nil && len(as) != len(docs) {
		return nil, fmt.Errorf("store documents: %d documents but %d analyses", len(docs), len(as))
	}
	for i, doc := range docs {
		if doc == nil || doc.ID == "" {
			return nil, fmt.Errorf("store documents: document %d has no id", i)
		}
		if as != nil && as[i] != nil && as[i].Doc != "" && as[i].Doc != doc.ID {
			return nil, fmt.Errorf("store document %s: analysis is of document %s", doc.ID, as[i].Doc)
		}
	}
	added := make([]bool, len(docs))
	now := time.Now().UTC().Format(time.RFC3339Nano)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		// In the order of their ids: two writers that add overlapping
		// sets of documents (the same feed) then take the documents'
		// row locks in the same order, and cannot deadlock.
		order := make([]int, len(docs))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(x, y int) bool { return docs[order[x]].ID < docs[order[y]].ID })
		for _, i := range order {
			doc := docs[i]
			ok, err := w.document(ctx, doc, now)
			if err != nil {
				return fmt.Errorf("store document %s: %w", doc.ID, err)
			}
			if err := s.step(ctx, "document", i); err != nil {
				return fmt.Errorf("store document %s: %w", doc.ID, err)
			}
			if !ok {
				continue // already stored: change nothing
			}
			added[i] = true
			if as != nil && as[i] != nil {
				if err := w.analysis(ctx, doc.ID, as[i]); err != nil {
					return fmt.Errorf("store analysis of %s: %w", doc.ID, err)
				}
			}
			if err := s.step(ctx, "analysis", i); err != nil {
				return fmt.Errorf("store analysis of %s: %w", doc.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return added, nil
}

// rowsInsert is an INSERT of one or more rows: head ends in "VALUES ",
// row is the placeholders of one row, before the dialect's rewriting.
type rowsInsert struct{ head, row string }

// batchRows is the most rows one INSERT writes: the analysis of a
// document goes in a few statements, not one per row, which matters most
// when the database is across a network.
const batchRows = 100

// writer holds the statements prepared for one transaction.
type writer struct {
	tx  *sql.Tx
	d   dialect
	qs  *queries
	doc *sql.Stmt
	// batches are the multi-row INSERTs written so far, rewritten for
	// the dialect, by table and number of rows.
	batches map[string]string
}

func (s *sqlStore) newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	st, err := tx.PrepareContext(ctx, s.q.insertDoc)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return &writer{tx: tx, d: s.d, qs: &s.q, doc: st, batches: map[string]string{}}, nil
}

func (w *writer) close() {
	_ = w.doc.Close() // closing a prepared statement of a finished transaction cannot lose data
}

// insert writes rows (each the arguments of one row) with as few
// statements as batchRows allows.
func (w *writer) insert(ctx context.Context, ins rowsInsert, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), batchRows)
		key := ins.head + strconv.Itoa(n)
		q, ok := w.batches[key]
		if !ok {
			q = w.d.rewrite(ins.head + strings.TrimSuffix(strings.Repeat(ins.row+", ", n), ", "))
			w.batches[key] = q
		}
		var args []any
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		// Not prepared here: the drivers keep their own statement
		// caches, across transactions.
		if _, err := w.tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// docJSON is what the JSON columns of a document row hold.
type docJSON struct {
	authors, speakers, turns, warnings, data string
}

func encodeDoc(doc *model.Document) (docJSON, error) {
	var j docJSON
	var err error
	enc := func(v any) string {
		if err != nil {
			return ""
		}
		var b []byte
		b, err = json.Marshal(v)
		return string(b)
	}
	j.authors = enc(doc.Authors)
	j.speakers = enc(doc.Speakers)
	j.turns = enc(doc.Turns)
	j.warnings = enc(doc.Warnings)
	// data keeps the fields that have no column of their own, so that
	// fields added to model.Document later survive a round trip.
	rest := *doc
	rest.ID, rest.Path, rest.URL, rest.Format, rest.Title, rest.Kind = "", "", "", "", "", ""
	rest.Date, rest.DateEnd, rest.DateSource, rest.DateReason = time.Time{}, time.Time{}, "", ""
	rest.Publisher, rest.Site, rest.Text = "", "", ""
	rest.Authors, rest.Speakers, rest.Turns, rest.Warnings = nil, nil, nil, nil
	j.data = enc(rest)
	if err != nil {
		return docJSON{}, fmt.Errorf("encode: %w", err)
	}
	return j, nil
}

func dateParam(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02")
}

func (w *writer) document(ctx context.Context, doc *model.Document, now string) (bool, error) {
	j, err := encodeDoc(doc)
	if err != nil {
		return false, err
	}
	res, err := w.doc.ExecContext(ctx, doc.ID, doc.Path, doc.URL, doc.Format, doc.Title, string(doc.Kind),
		dateParam(doc.Date), dateParam(doc.DateEnd), doc.DateSource, doc.DateReason,
		doc.Publisher, doc.Site, j.authors, j.speakers, j.turns, j.warnings, j.data, doc.Text, now)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	return n > 0, nil
}

func marshal(what string, i int, v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode %s %d: %w", what, i, err)
	}
	return string(b), nil
}

// quoteRange is the byte range a quote's contents cover.
func quoteRange(q *model.Quote) (start, end int) {
	if len(q.Contents) == 0 {
		if q.Cue != nil {
			return q.Cue.Start, q.Cue.End
		}
		return 0, 0
	}
	start, end = q.Contents[0].Start, q.Contents[0].End
	for _, c := range q.Contents[1:] {
		start, end = min(start, c.Start), max(end, c.End)
	}
	return start, end
}

func targetCode(e *model.Event) string {
	if e.Target == nil {
		return ""
	}
	return e.Target.Code
}

func (w *writer) analysis(ctx context.Context, docID string, a *model.Analysis) error {
	var rows [][]any
	for i := range a.Mentions {
		m := &a.Mentions[i]
		data, err := marshal("mention", i, m)
		if err != nil {
			return err
		}
		rows = append(rows, []any{docID, i, m.Start, m.End, m.Actor.Code, data})
	}
	if err := w.insert(ctx, w.qs.insertMention, rows); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	rows = rows[:0]
	for i := range a.Timexes {
		t := &a.Timexes[i]
		data, err := marshal("timex", i, t)
		if err != nil {
			return err
		}
		rows = append(rows, []any{docID, i, t.Start, t.End, t.Kind, t.Value, data})
	}
	if err := w.insert(ctx, w.qs.insertTimex, rows); err != nil {
		return fmt.Errorf("temporal expressions: %w", err)
	}
	rows = rows[:0]
	for i := range a.Quotes {
		q := &a.Quotes[i]
		data, err := marshal("quote", i, q)
		if err != nil {
			return err
		}
		start, end := quoteRange(q)
		rows = append(rows, []any{docID, i, q.ID, q.Speaker, q.SpeakerCode, q.Direct, start, end, q.Verdict, data})
	}
	if err := w.insert(ctx, w.qs.insertQuote, rows); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	rows = rows[:0]
	for i := range a.Events {
		e := &a.Events[i]
		data, err := marshal("event", i, compactEvent(e))
		if err != nil {
			return err
		}
		rows = append(rows, []any{docID, i, e.ID, e.CAMEO, e.Root, e.PLOVER, e.Source.Code, targetCode(e),
			e.Negated, e.Future, e.Hypothetical, e.Sentence.Start, e.Sentence.End, e.Pattern, data})
	}
	if err := w.insert(ctx, w.qs.insertEvent, rows); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// longSentence is the length (bytes) above which an event's sentence
// text is not stored with the event but read back from the document's
// text: a megabyte-long sentence with thousands of events would
// otherwise be stored once per event, and storage would grow with the
// square of the sentence.
const longSentence = 4096

// compactEvent returns e, or a copy without its sentence text when the
// sentence is long (see longSentence).
func compactEvent(e *model.Event) *model.Event {
	if len(e.Sentence.Text) <= longSentence {
		return e
	}
	c := *e
	c.Sentence.Text = ""
	return &c
}

// restoreSentences puts back the sentence texts compactEvent left out,
// from the document's text; text is fetched only when needed.
func restoreSentences(a *model.Analysis, text func() (string, error)) error {
	var src string
	loaded := false
	for i := range a.Events {
		sp := &a.Events[i].Sentence
		if sp.Text != "" || sp.End <= sp.Start {
			continue
		}
		if !loaded {
			t, err := text()
			if err != nil {
				return err
			}
			src, loaded = t, true
		}
		if sp.Start < 0 || sp.End > len(src) {
			return fmt.Errorf("event %s: sentence [%d,%d) lies outside the document's text", a.Events[i].ID, sp.Start, sp.End)
		}
		sp.Text = src[sp.Start:sp.End]
	}
	return nil
}

// scanDoc reads a document selected as docCols through scan, the Scan
// method of a *sql.Row or *sql.Rows.
func scanDoc(scan func(dest ...any) error) (*model.Document, error) {
	var (
		doc                                     model.Document
		kind                                    string
		date, dateEnd                           sql.NullString
		authors, speakers, turns, warnings, raw []byte
	)
	err := scan(&doc.ID, &doc.Path, &doc.URL, &doc.Format, &doc.Title, &kind, &date, &dateEnd,
		&doc.DateSource, &doc.DateReason, &doc.Publisher, &doc.Site,
		&authors, &speakers, &turns, &warnings, &raw, &doc.Text)
	if err != nil {
		return nil, err
	}
	// data first, so that the columns win over anything in it.
	var rest model.Document
	if err := json.Unmarshal(raw, &rest); err != nil {
		return nil, fmt.Errorf("decode document %s: %w", doc.ID, err)
	}
	cols := doc
	doc = rest
	doc.ID, doc.Path, doc.URL, doc.Format, doc.Title = cols.ID, cols.Path, cols.URL, cols.Format, cols.Title
	doc.DateSource, doc.DateReason, doc.Publisher, doc.Site, doc.Text = cols.DateSource, cols.DateReason, cols.Publisher, cols.Site, cols.Text
	doc.Kind = model.Kind(kind)
	for _, f := range []struct {
		b []byte
		v any
	}{{authors, &doc.Authors}, {speakers, &doc.Speakers}, {turns, &doc.Turns}, {warnings, &doc.Warnings}} {
		if err := json.Unmarshal(f.b, f.v); err != nil {
			return nil, fmt.Errorf("decode document %s: %w", doc.ID, err)
		}
	}
	if doc.Date, err = parseDate(date); err != nil {
		return nil, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	if doc.DateEnd, err = parseDate(dateEnd); err != nil {
		return nil, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	return &doc, nil
}

func parseDate(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: %w", s.String, err)
	}
	return t, nil
}

func (s *sqlStore) Documents(ctx context.Context) ([]*model.Document, error) {
	var docs []*model.Document
	err := s.eachDoc(ctx, s.q.allDocs, nil, func(d *model.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

func (s *sqlStore) ListDocuments(ctx context.Context, offset, limit int) ([]*model.Document, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count documents: %w", err)
	}
	cols := strings.Replace(docCols, ", text", ", ''", 1)
	q, args := limitOffset(`SELECT `+cols+` FROM documents`+docOrder, nil, offset, limit)
	docs := []*model.Document{}
	err := s.eachDoc(ctx, s.d.rewrite(q), args, func(d *model.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return docs, total, nil
}

func (s *sqlStore) ForEachDocument(ctx context.Context, fn func(*model.Document) error) error {
	return s.eachDoc(ctx, s.q.allInfos, nil, fn)
}

// eachDoc runs the query q, whose rows are documents' columns (docCols,
// the text perhaps left out), and calls fn with each document in turn; an
// error of fn stops it and is returned as it is.
func (s *sqlStore) eachDoc(ctx context.Context, q string, args []any, fn func(*model.Document) error) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		doc, err := scanDoc(rows.Scan)
		if err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	return nil
}

func (s *sqlStore) DocumentInfo(ctx context.Context, id string) (*model.Document, error) {
	doc, err := scanDoc(s.db.QueryRowContext(ctx, s.q.infoByID, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	return doc, nil
}

func (s *sqlStore) docByID(ctx context.Context, id string) (*model.Document, error) {
	doc, err := scanDoc(s.db.QueryRowContext(ctx, s.q.docByID, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	return doc, nil
}

func (s *sqlStore) ids(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}

func (s *sqlStore) Document(ctx context.Context, ref string) (*model.Document, error) {
	if ref == "" {
		return nil, fmt.Errorf("document %q: %w", ref, ErrNotFound)
	}
	doc, err := s.docByID(ctx, ref)
	if !errors.Is(err, ErrNotFound) {
		return doc, err
	}
	ids, err := s.ids(ctx, s.q.docsByPath, ref)
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", ref, err)
	}
	if len(ids) == 0 {
		prefix := strings.ToLower(ref)
		if len(prefix) < MinPrefix || !isHex(prefix) {
			return nil, fmt.Errorf("document %q: %w", ref, ErrNotFound)
		}
		// Ids are lowercase hex, so those starting with prefix are
		// exactly those in [prefix, prefix+"g").
		if ids, err = s.ids(ctx, s.q.idsByRange, prefix, prefix+"g"); err != nil {
			return nil, fmt.Errorf("document %q: %w", ref, err)
		}
	}
	switch len(ids) {
	case 0:
		return nil, fmt.Errorf("document %q: %w", ref, ErrNotFound)
	case 1:
		return s.docByID(ctx, ids[0])
	}
	return nil, fmt.Errorf("document %q: %w: matches %s, %s and maybe more", ref, ErrAmbiguous, ids[0], ids[1])
}

func (s *sqlStore) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	if strings.TrimSpace(query) == "" {
		return nil, fmt.Errorf("search: empty query")
	}
	hits, err := s.search(ctx, query, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

func (s *sqlStore) Has(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, s.q.docExists, id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("look up %s: %w", id, err)
	}
	return true, nil
}

func (s *sqlStore) Analysis(ctx context.Context, docID string) (*model.Analysis, error) {
	var one int
	err := s.db.QueryRowContext(ctx, s.q.docExists, docID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("analysis of %q: %w", docID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("analysis of %s: %w", docID, err)
	}
	a, err := s.loadAnalysis(ctx, docID)
	if err == nil {
		err = restoreSentences(a, func() (string, error) {
			doc, err := s.docByID(ctx, docID)
			if err != nil {
				return "", err
			}
			return doc.Text, nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("analysis of %s: %w", docID, err)
	}
	return a, nil
}

func (s *sqlStore) AnalysisParts(ctx context.Context, docID string, parts AnalysisPart) (*model.Analysis, error) {
	var one int
	err := s.db.QueryRowContext(ctx, s.q.docExists, docID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("analysis of %q: %w", docID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("analysis of %s: %w", docID, err)
	}
	a, err := s.loadParts(ctx, docID, parts)
	if err != nil {
		return nil, fmt.Errorf("analysis of %s: %w", docID, err)
	}
	return a, nil
}

// loadAnalysis reads the analysis of a document in one query. Its lists
// are empty rather than nil when nothing was stored.
func (s *sqlStore) loadAnalysis(ctx context.Context, docID string) (*model.Analysis, error) {
	return s.loadParts(ctx, docID, AllParts)
}

// loadParts is loadAnalysis of the parts asked for; the other lists stay
// empty.
func (s *sqlStore) loadParts(ctx context.Context, docID string, parts AnalysisPart) (*model.Analysis, error) {
	a := &model.Analysis{
		Doc:      docID,
		Mentions: []model.Mention{},
		Timexes:  []model.Timex{},
		Quotes:   []model.Quote{},
		Events:   []model.Event{},
	}
	// A part not asked for is looked up under no document: the query
	// skips its table.
	args := make([]any, 4)
	for i, part := range []AnalysisPart{MentionsPart, TimexesPart, QuotesPart, EventsPart} {
		args[i] = ""
		if parts&part != 0 {
			args[i] = docID
		}
	}
	rows, err := s.db.QueryContext(ctx, s.q.analysis, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			table, ord, end int
			data            []byte
		)
		if err := rows.Scan(&table, &ord, &data, &end); err != nil {
			return nil, err
		}
		switch table {
		case 0:
			var m model.Mention
			err = json.Unmarshal(data, &m)
			a.Mentions = append(a.Mentions, m)
		case 1:
			var t model.Timex
			err = json.Unmarshal(data, &t)
			// In JSON, Timex.End (the interval's end) hides the
			// embedded Span.End: the column keeps the offset.
			t.Span.End = end
			a.Timexes = append(a.Timexes, t)
		case 2:
			var q model.Quote
			err = json.Unmarshal(data, &q)
			a.Quotes = append(a.Quotes, q)
		case 3:
			var e model.Event
			err = json.Unmarshal(data, &e)
			a.Events = append(a.Events, e)
		}
		if err != nil {
			return nil, fmt.Errorf("decode row %d of table %d: %w", ord, table, err)
		}
	}
	return a, rows.Err()
}

func (s *sqlStore) ForEachAnalysis(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error {
	return s.forEachOf(ctx, "", nil, fn)
}

// idPage is how many document ids are read at a time.
const idPage = 1000

// forEachID calls fn with the ids of the documents that meet cond (an
// SQL condition on documents, with its arguments; "" for all), in
// document order (docOrder), read a page at a time after the last id
// given: neither the ids of the whole dossier nor a read transaction are
// held while fn runs. (An open read transaction would keep SQLite's
// write-ahead log from being checkpointed while a long pass writes its
// results.) A document added meanwhile is given if it comes after the
// page being read.
func (s *sqlStore) forEachID(ctx context.Context, cond string, args []any, fn func(id string) error) error {
	if cond == "" {
		cond = "1 = 1"
	}
	pageSize := idPage
	if s.idPage > 0 {
		pageSize = s.idPage
	}
	// Dated documents first, by date, path and id, then the undated by
	// path and id: the order of docOrder, which an index can follow.
	for _, part := range []struct{ where, cols, after, order string }{
		{"date IS NOT NULL", "{date:date}, path", "(date, path, id) > (?{date}, ?, ?)", "date, path, id"},
		{"date IS NULL", "path", "(path, id) > (?, ?)", "path, id"},
	} {
		var last []any
		for {
			q := `SELECT id, ` + part.cols + ` FROM documents WHERE ` + part.where + ` AND (` + cond + `)`
			qargs := append([]any{}, args...)
			if last != nil {
				q += ` AND ` + part.after
				qargs = append(qargs, last...)
			}
			q += ` ORDER BY ` + part.order + ` LIMIT ` + strconv.Itoa(pageSize)
			rows, err := s.db.QueryContext(ctx, s.d.rewrite(q), qargs...)
			if err != nil {
				return fmt.Errorf("read the documents in order: %w", err)
			}
			var page [][]string
			for rows.Next() {
				r := make([]string, 1+strings.Count(part.cols, ",")+1)
				dest := make([]any, len(r))
				for i := range r {
					dest[i] = &r[i]
				}
				if err := rows.Scan(dest...); err != nil {
					rows.Close()
					return fmt.Errorf("read the documents in order: %w", err)
				}
				page = append(page, r)
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				return fmt.Errorf("read the documents in order: %w", err)
			}
			for _, r := range page {
				if err := fn(r[0]); err != nil {
					return err
				}
			}
			if len(page) < pageSize {
				break
			}
			// After the last: by its date (if any), path and id.
			r := page[len(page)-1]
			last = last[:0]
			for _, v := range r[1:] {
				last = append(last, v)
			}
			last = append(last, r[0])
		}
	}
	return nil
}

// forEachOf streams the documents that meet cond (see forEachID), with
// their analyses. A document removed meanwhile is skipped.
func (s *sqlStore) forEachOf(ctx context.Context, cond string, args []any, fn func(*model.Document, *model.Analysis) error) error {
	return s.forEachID(ctx, cond, args, func(id string) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("read analyses: %w", err)
		}
		doc, err := s.docByID(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read analyses: %w", err)
		}
		a, err := s.loadAnalysis(ctx, doc.ID)
		if err == nil {
			err = restoreSentences(a, func() (string, error) { return doc.Text, nil })
		}
		if err != nil {
			return fmt.Errorf("read analysis of %s: %w", doc.ID, err)
		}
		return fn(doc, a)
	})
}

func (s *sqlStore) SetDocumentDate(ctx context.Context, doc *model.Document) error {
	res, err := s.db.ExecContext(ctx, s.q.setDate, dateParam(doc.Date), dateParam(doc.DateEnd), doc.DateSource, doc.DateReason, doc.ID)
	if err != nil {
		return fmt.Errorf("set date of %s: %w", doc.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("set date of %s: %w", doc.ID, err)
	}
	if n == 0 {
		return fmt.Errorf("set date of %q: %w", doc.ID, ErrNotFound)
	}
	return nil
}
