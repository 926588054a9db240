package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
)

// pageSize is how many findings, entries or people a page lists.
const pageSize = 50

var pageNames = []string{"findings", "docs", "doc", "quote", "timeline", "people", "search", "add", "job", "error"}

func parseTemplates() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"short":    shortID,
		"oneline":  func(s string) string { return strings.Join(strings.Fields(s), " ") },
		"clip":     clip,
		"event":    report.EventLine,
		"when":     report.When,
		"docdate":  report.DocDate,
		"byline":   report.Byline,
		"evlink":   evidenceLink,
		"spanlink": func(doc string, s model.Span) string { return evidenceLink(model.EvidenceOf(doc, s)) },
		"add":      func(a, b int) int { return a + b },
		"query":    func(v url.Values) template.URL { return template.URL("?" + v.Encode()) },
		"pathesc":  url.PathEscape,
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("server: parse template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// clip shortens s, on one line, to n runes with an ellipsis, at a word
// (model.Clip).
func clip(n int, s string) string { return model.Clip(strings.Join(strings.Fields(s), " "), n) }

// evidenceLink is the address of a span of a document: the reader,
// scrolled to the span and highlighting it.
func evidenceLink(e model.Evidence) string {
	return fmt.Sprintf("/doc/%s#b=%d-%d", url.PathEscape(e.Doc), e.Start, e.End)
}

// page is what every page's layout needs.
type page struct {
	Title    string
	Nav      string
	Stale    string
	ReadOnly bool
	// Refresh reloads the page every two seconds (an upload's progress
	// without the script).
	Refresh bool
	Data    any
}

// render writes a page; errors after the first byte can only be logged.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, status int, p page) {
	p.ReadOnly = s.opt.ReadOnly
	if p.Nav == "" {
		p.Nav = name
	}
	msg, gen, ferr := s.freshness(r.Context())
	p.Stale = msg
	var buf bytes.Buffer
	if err := s.tmpl[name].Execute(&buf, p); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if ferr == nil && status == http.StatusOK && r.Method == http.MethodGet && name != "add" && name != "job" {
		s.cacheFor(name).put(r.URL.RequestURI(), gen, buf.Bytes())
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes()) // a client that went away: nothing to do
}

// fail shows an error page; not found and bad requests say what was
// wrong, other errors are logged and shown as internal.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	msg := err.Error()
	if status == http.StatusInternalServerError {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		msg = "Something went wrong reading the dossier; the server's log says what."
	}
	s.render(w, r, "error", status, page{Title: http.StatusText(status), Nav: "none", Data: msg})
}

func statusOf(err error) int {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrAmbiguous):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// freshness says, when the stored results are older than the documents,
// what the pages show, and names the generation of the results (it
// changes with every pass) for the cache of pages. It is read again at
// most every two seconds, and after an upload; while one request reads
// it, the others go on with the last value rather than wait.
func (s *Server) freshness(ctx context.Context) (msg, gen string, err error) {
	f := &s.fresh
	f.Lock()
	if f.at.IsZero() || (time.Since(f.at) > 2*time.Second && !f.reading) {
		first := f.at.IsZero()
		f.reading = true
		f.Unlock()
		msg, gen, err = s.readFreshness(ctx)
		f.Lock()
		f.reading = false
		if err == nil {
			f.msg, f.gen, f.at = msg, gen, time.Now()
		}
		f.Unlock()
		if err != nil && first {
			return "", "", err
		}
		return f.value()
	}
	f.Unlock()
	return f.value()
}

func (f *freshState) value() (string, string, error) {
	f.Lock()
	defer f.Unlock()
	if f.at.IsZero() {
		return "", "", errors.New("the state of the results could not be read")
	}
	return f.msg, f.gen, nil
}

func (s *Server) readFreshness(ctx context.Context) (msg, gen string, err error) {
	st, err := s.st.PassStatus(ctx)
	if err != nil {
		return "", "", err
	}
	switch {
	case !st.Started:
		msg = "The dossier has not been checked as a whole yet: run dossier analyze."
	case !st.State.Complete:
		msg = "The last check of the dossier did not finish; these results may be incomplete."
	case st.Pending > 0:
		msg = fmt.Sprintf("%d documents were added since the dossier was last checked; their findings are not shown yet.", st.Pending)
	}
	gen = fmt.Sprintf("%s %d %d %s", st.State.Finished.Format(time.RFC3339Nano), st.Documents, st.Pending, msg)
	return msg, gen, nil
}

// forgetFreshness makes the next page read the store's state again.
func (s *Server) forgetFreshness() {
	s.fresh.Lock()
	s.fresh.at = time.Time{}
	s.fresh.Unlock()
}

// maxCounted bounds the cache of counts.
const maxCounted = 1024

// counted returns the findings by kind and severity and the number q
// selects, counted once per generation of the results: every findings
// page shows them, and counting a large dossier's findings costs more
// than listing a page of them.
func (s *Server) counted(ctx context.Context, q store.FindingQuery) (kinds, sevs map[string]int, total int, err error) {
	_, gen, err := s.freshness(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	q.Offset, q.Limit = 0, 0
	c := &s.counts
	read := func() (map[string]int, map[string]int, int, bool) {
		c.Lock()
		defer c.Unlock()
		if c.gen != gen || len(c.totals) > maxCounted {
			c.gen, c.kinds, c.sevs, c.totals = gen, nil, nil, map[store.FindingQuery]int{}
		}
		total, ok := c.totals[q]
		return c.kinds, c.sevs, total, ok && c.kinds != nil
	}
	if kinds, sevs, total, ok := read(); ok {
		return kinds, sevs, total, nil
	}
	// One request counts; the others wait for its numbers.
	c.compute.Lock()
	defer c.compute.Unlock()
	kinds, sevs, total, ok := read()
	if ok {
		return kinds, sevs, total, nil
	}
	if kinds == nil {
		if kinds, sevs, err = s.st.FindingKinds(ctx); err != nil {
			return nil, nil, 0, err
		}
	}
	if total, err = s.st.CountFindings(ctx, q); err != nil {
		return nil, nil, 0, err
	}
	c.Lock()
	if c.gen == gen {
		c.kinds, c.sevs, c.totals[q] = kinds, sevs, total
	}
	c.Unlock()
	return kinds, sevs, total, nil
}

func intParam(r *http.Request, name string, def int) int {
	n, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil || n < 0 {
		return def
	}
	return n
}

// pager says where a list is.
type pager struct {
	Page, Pages, Total int
	Prev, Next         url.Values
}

func newPager(r *http.Request, total, size int) pager {
	p := pager{Page: max(1, intParam(r, "page", 1)), Total: total, Pages: max(1, (total+size-1)/size)}
	p.Page = min(p.Page, p.Pages)
	q := r.URL.Query()
	if p.Page > 1 {
		p.Prev = cloneWith(q, "page", strconv.Itoa(p.Page-1))
	}
	if p.Page < p.Pages {
		p.Next = cloneWith(q, "page", strconv.Itoa(p.Page+1))
	}
	return p
}

func (p pager) offset(size int) int { return (p.Page - 1) * size }

func cloneWith(q url.Values, k, v string) url.Values {
	out := url.Values{}
	for key, vs := range q {
		out[key] = append([]string(nil), vs...)
	}
	out.Set(k, v)
	return out
}

// option is a choice in a filter.
type option struct {
	Value    string
	Count    int
	Selected bool
}

func options(counts map[string]int, selected string, order []string) []option {
	var keys []string
	if order != nil {
		keys = order
	} else {
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
	}
	var out []option
	for _, k := range keys {
		if counts[k] == 0 && k != selected {
			continue
		}
		out = append(out, option{Value: k, Count: counts[k], Selected: k == selected})
	}
	return out
}

// severityNames are the severities a filter takes ("" for any).
var severityNames = map[string]bool{"": true, "high": true, "medium": true, "low": true, "info": true}

type findingView struct {
	N int
	model.Finding
}

func (s *Server) findingsPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	qv := r.URL.Query()
	q := store.FindingQuery{Kind: qv.Get("kind"), Severity: qv.Get("severity"), Doc: qv.Get("doc"), Person: qv.Get("person")}
	if q.Doc != "" {
		if d, err := s.st.Document(ctx, q.Doc); err == nil {
			q.Doc = d.ID
		}
	}
	if !severityNames[q.Severity] {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("unknown severity %q: use high, medium, low or info", q.Severity))
		return
	}
	kinds, sevs, total, err := s.counted(ctx, q)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	pg := newPager(r, total, pageSize)
	q.Offset, q.Limit = pg.offset(pageSize), pageSize
	var list []findingView
	err = s.st.ForEachFinding(ctx, q, func(f model.Finding) error {
		list = append(list, findingView{N: q.Offset + len(list) + 1, Finding: f})
		return nil
	})
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	s.render(w, r, "findings", http.StatusOK, page{Title: "Findings", Data: map[string]any{
		"Findings": list, "Pager": pg, "Query": q,
		"Kinds":      options(kinds, q.Kind, nil),
		"Severities": options(sevs, q.Severity, []string{"high", "medium", "low", "info"}),
		"Filtered":   q.Kind != "" || q.Severity != "" || q.Doc != "" || q.Person != "",
	}})
}

func (s *Server) docsPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	const size = 100
	pg := newPager(r, 0, size)
	docs, total, err := s.st.ListDocuments(ctx, pg.offset(size), size)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	pg = newPager(r, total, size)
	s.render(w, r, "docs", http.StatusOK, page{Title: "Documents", Data: map[string]any{"Docs": docs, "Pager": pg}})
}

// The reader's margin, made ready in Go so that the template only puts
// strings in their places: a function called from a template costs a
// reflective call for every line of the margin.

// marginQuote is a quote in the reader's margin.
type marginQuote struct {
	Verdict, Speaker, Text string
	Anonymous              bool
	Link, Details          template.URL
}

type personCount struct {
	Name   string
	Key    string
	Person bool
	Count  int
	Link   template.URL
}

// marginFinding is a finding in the reader's margin, with links to its
// evidence: in this document by bytes, in another by its id.
type marginFinding struct {
	Severity, Kind, Summary string
	Evidence                []marginLink
}

type marginLink struct {
	Link  template.URL
	Label string
	Here  bool
}

// marginSpan is an event or a date in the reader's margin.
type marginSpan struct {
	Link     template.URL
	Label    string
	Value    string
	Mismatch bool
}

// marginTurn is a speaker turn in the reader's margin.
type marginTurn struct {
	Speaker, Role string
	Link          template.URL
}

// spanURL is evidenceLink as a URL the page made itself: a document id,
// path-escaped, and offsets.
func spanURL(e model.Evidence) template.URL { return template.URL(evidenceLink(e)) }

func (s *Server) docPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ref := r.PathValue("id")
	doc, err := s.st.Document(ctx, ref)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	if doc.ID != ref {
		http.Redirect(w, r, "/doc/"+url.PathEscape(doc.ID), http.StatusFound)
		return
	}
	// The page shows the mentions and dates of the analysis; its quotes
	// and events are read with their results below.
	a, err := s.st.AnalysisParts(ctx, doc.ID, store.MentionsPart|store.TimexesPart)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	var quotes []model.Quote
	if err := s.st.ForEachQuote(ctx, store.QuoteQuery{Doc: doc.ID}, func(q model.Quote) error { quotes = append(quotes, q); return nil }); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	if len(quotes) == 0 {
		// Not checked yet: the quotes without their verdicts.
		qa, err := s.st.AnalysisParts(ctx, doc.ID, store.QuotesPart)
		if err != nil {
			s.fail(w, r, statusOf(err), err)
			return
		}
		quotes = qa.Quotes
	}
	var events []model.Event
	if err := s.st.ForEachEvent(ctx, doc.ID, func(e model.Event) error { events = append(events, e); return nil }); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	var findings []marginFinding
	if err := s.st.ForEachFinding(ctx, store.FindingQuery{Doc: doc.ID, Limit: 200}, func(f model.Finding) error {
		mf := marginFinding{Severity: f.Severity.String(), Kind: f.Kind, Summary: clip(200, f.Summary)}
		for _, e := range f.Evidence {
			l := marginLink{Link: spanURL(e), Here: e.Doc == doc.ID, Label: "in " + shortID(e.Doc)}
			if l.Here {
				l.Label = fmt.Sprintf("bytes %d–%d", e.Start, e.End)
			}
			mf.Evidence = append(mf.Evidence, l)
		}
		findings = append(findings, mf)
		return nil
	}); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	people := map[string]*personCount{}
	var order []string
	for _, m := range a.Mentions {
		if m.Actor.Anonymous {
			continue
		}
		name := m.Actor.Name
		if name == "" {
			name = m.Actor.Code
		}
		if name == "" {
			continue
		}
		p := people[name]
		if p == nil {
			p = &personCount{Name: name, Person: m.Actor.Person, Link: spanURL(model.EvidenceOf(doc.ID, m.Span))}
			people[name] = p
			order = append(order, name)
		}
		p.Count++
	}
	ppl := make([]personCount, 0, len(order))
	for _, n := range order {
		ppl = append(ppl, *people[n])
	}
	sort.SliceStable(ppl, func(i, j int) bool { return ppl[i].Count > ppl[j].Count })
	mq := make([]marginQuote, len(quotes))
	for i, q := range quotes {
		mq[i] = marginQuote{Details: template.URL("/quote/" + url.PathEscape(q.ID)), Verdict: q.Verdict, Speaker: q.Speaker, Anonymous: q.Anonymous, Text: clip(80, q.Text())}
		if len(q.Contents) > 0 {
			mq[i].Link = spanURL(model.EvidenceOf(doc.ID, model.Span{Start: q.Contents[0].Start, End: q.Contents[len(q.Contents)-1].End}))
		}
	}
	mev := make([]marginSpan, len(events))
	for i, e := range events {
		mev[i] = marginSpan{Link: spanURL(model.EvidenceOf(doc.ID, e.Sentence)), Label: report.EventLine(e)}
	}
	mtx := make([]marginSpan, len(a.Timexes))
	for i, t := range a.Timexes {
		mtx[i] = marginSpan{Link: spanURL(model.EvidenceOf(doc.ID, t.Span)), Label: strings.Join(strings.Fields(t.Text), " "), Value: t.Value, Mismatch: t.WeekdayMismatch}
	}
	var turns []marginTurn
	for _, t := range doc.Turns {
		tv := marginTurn{Speaker: "unknown speaker", Link: spanURL(model.EvidenceOf(doc.ID, model.Span{Start: t.Label.Start, End: t.Content.End}))}
		if t.Speaker >= 0 && t.Speaker < len(doc.Speakers) {
			sp := doc.Speakers[t.Speaker]
			tv.Speaker, tv.Role = sp.Name, strings.Join(nonEmpty(sp.Role, sp.Organization), ", ")
		}
		turns = append(turns, tv)
	}
	s.render(w, r, "doc", http.StatusOK, page{Title: docTitle(doc), Nav: "docs", Data: map[string]any{
		"Doc": doc, "Segments": segmentsHTML(segments(doc.Text, docMarks(doc, a, quotes, events))),
		"Margin": marginHTML(margin{Findings: findings, Turns: turns, Quotes: mq, Events: mev, Timexes: mtx, People: ppl}),
	}})
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func docTitle(d *model.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.Path
}

func (s *Server) quotePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("id")
	var q *model.Quote
	if err := s.st.ForEachQuote(ctx, store.QuoteQuery{ID: id}, func(x model.Quote) error {
		if q == nil {
			q = &x
		}
		return nil
	}); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	if q == nil {
		s.fail(w, r, http.StatusNotFound, fmt.Errorf("no quote %q in this dossier (or the dossier has not been checked since it was added)", id))
		return
	}
	doc, err := s.st.Document(ctx, q.Doc)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	var record *model.Document
	if q.Primary != nil && q.Primary.Doc != "" {
		if record, err = s.st.Document(ctx, q.Primary.Doc); err != nil && !errors.Is(err, store.ErrNotFound) {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
	}
	span := model.Span{}
	if len(q.Contents) > 0 {
		span = model.Span{Start: q.Contents[0].Start, End: q.Contents[len(q.Contents)-1].End}
	}
	s.render(w, r, "quote", http.StatusOK, page{Title: "Quote " + q.ID, Nav: "docs", Data: map[string]any{
		"Q": q, "Doc": doc, "Record": record, "Link": evidenceLink(model.EvidenceOf(doc.ID, span)),
		"Diff": diffParts(q.Diff), "Class": verdictClass(q.Verdict),
	}})
}

func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	const size = 100
	total, err := s.st.CountTimeline(ctx)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	pg := newPager(r, total, size)
	var entries []model.TimelineEntry
	if err := s.st.ForEachTimelineEntry(ctx, pg.offset(size), size, func(e model.TimelineEntry) error {
		entries = append(entries, e)
		return nil
	}); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	s.render(w, r, "timeline", http.StatusOK, page{Title: "Timeline", Data: map[string]any{"Entries": entries, "Pager": pg}})
}

func (s *Server) peoplePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	const size = 100
	pg := newPager(r, 1<<30, size)
	var people []store.Actor
	if err := s.st.ForEachActor(ctx, pg.offset(size), size+1, func(a store.Actor) error {
		people = append(people, a)
		return nil
	}); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	more := len(people) > size
	if more {
		people = people[:size]
	}
	next := url.Values(nil)
	if more {
		next = cloneWith(r.URL.Query(), "page", strconv.Itoa(pg.Page+1))
	}
	s.render(w, r, "people", http.StatusOK, page{Title: "People and organisations", Data: map[string]any{
		"People": people, "Page": pg.Page, "Prev": pg.Prev, "Next": next,
	}})
}

type hitView struct {
	store.Hit
	Parts []snippetPart
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	data := map[string]any{"Q": q}
	if q != "" {
		hits, err := s.st.Search(r.Context(), q, 50)
		if err != nil {
			data["Error"] = "The search could not be run: " + err.Error()
		}
		var views []hitView
		for _, h := range hits {
			views = append(views, hitView{Hit: h, Parts: snippetParts(h.Snippet)})
		}
		data["Hits"] = views
		data["Searched"] = true
	}
	s.render(w, r, "search", http.StatusOK, page{Title: "Search", Data: data})
}
