package events

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// PrepareFunc turns one input line's text and date into what Code needs:
// the document, its text analysis and its actor mentions. The pipeline
// wires text analysis and mention finding in, so that this package does
// not depend on them. It must be safe for concurrent use. A nil document
// (with the text's sentences in the Doc) is a text in which nothing is to
// be coded: a Filter said so, and it was not analysed.
type PrepareFunc func(text string, date time.Time) (*model.Document, *text.Doc, []model.Mention)

// StreamOptions configures CodeStream.
type StreamOptions struct {
	// Format is "jsonl" (the default: one JSON object per input line) or
	// "gdelt" (tab-separated GDELT-style rows after a header line).
	Format string
	// Workers is the number of coding goroutines; 0 means runtime.NumCPU().
	Workers int
	// Window bounds the lines in flight (read but not yet written), and so
	// the memory used; 0 means 64 per worker.
	Window int
	// Prepare analyses one line; required.
	Prepare PrepareFunc
	// Stats, when set, is filled in as the stream runs.
	Stats *StreamStats
	// Countries are the country codes, for the GDELT country columns: a
	// code whose first three letters are not a country ("REB", "CVL",
	// "IGOUNO") has no country. Nil: every three-letter head that is not
	// IGO, NGO, MNC or UIS counts as a country.
	Countries map[string]bool
}

// StreamStats counts what CodeStream did. Fields are updated atomically;
// read them after CodeStream returns.
type StreamStats struct {
	Lines     int64
	BadLines  int64
	Events    int64
	Sentences int64

	mu sync.Mutex
	// firstBad are the numbers of the first bad lines (up to
	// maxBadLines), for formats that cannot carry an error line.
	firstBad []int64
}

// maxBadLines bounds the bad line numbers StreamStats keeps.
const maxBadLines = 20

func (s *StreamStats) bad(line int64) {
	atomic.AddInt64(&s.BadLines, 1)
	s.mu.Lock()
	if len(s.firstBad) < maxBadLines {
		s.firstBad = append(s.firstBad, line)
	}
	s.mu.Unlock()
}

// FirstBadLines returns the numbers of the first bad input lines, in
// order (at most 20).
func (s *StreamStats) FirstBadLines() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]int64(nil), s.firstBad...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// MaxLineBytes is the longest input line CodeStream accepts.
const MaxLineBytes = 16 << 20

// streamIn is one input line.
type streamIn struct {
	// ID is kept as written: a string or a number.
	ID   json.RawMessage `json:"id"`
	Date string          `json:"date"`
	Text *string         `json:"text"`
}

// idString is the input id as text: a JSON string unquoted, a number as
// written.
func idString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

type streamActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Name      string `json:"name,omitempty"`
}

type streamSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// streamEvent is an event with PLOVER's field names.
type streamEvent struct {
	ID           string        `json:"id"`
	Event        string        `json:"event"`
	Mode         string        `json:"mode"`
	Context      []string      `json:"context"`
	Source       []streamActor `json:"source"`
	Target       []streamActor `json:"target"`
	CAMEO        string        `json:"cameo"`
	Goldstein    float64       `json:"goldstein"`
	QuadClass    int           `json:"quad_class"`
	Negated      bool          `json:"negated"`
	Future       bool          `json:"future"`
	Hypothetical bool          `json:"hypothetical"`
	Trigger      streamSpan    `json:"trigger"`
	Pattern      string        `json:"pattern"`
}

type streamOut struct {
	ID     json.RawMessage `json:"id"`
	Events []streamEvent   `json:"events"`
}

type streamErr struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

type job struct {
	seq    int64 // order among non-blank lines, for writing in order
	lineNo int64 // physical line number, for messages
	line   []byte
}

type result struct {
	seq int64
	out []byte
}

// gdeltHeader is the header row of the gdelt format.
const gdeltHeader = "SQLDATE\tActor1Code\tActor1Name\tActor1CountryCode\tActor1Type1Code\tActor2Code\tActor2Name\tActor2CountryCode\tActor2Type1Code\tEventCode\tEventRootCode\tQuadClass\tGoldsteinScale\tSOURCEURL\n"

// CodeStream codes a stream of JSON Lines documents ({"id", "date",
// "text"}) and writes one output per input line, in input order: a JSON
// line {"id", "events": […]} (format jsonl) or GDELT-style rows (format
// gdelt). Lines that are not valid JSON give an error line {"id",
// "error"} (jsonl; gdelt skips them) and are counted; the stream goes on.
//
// Memory stays bounded whatever the input length: lines are read one at a
// time, at most Window lines are in flight, and the writer's reorder
// buffer holds at most Window results. Work is spread over Workers
// goroutines.
//
// In the gdelt format, negated and hypothetical events are left out, as
// are future events other than expressed intents (CAMEO 03x): GDELT rows
// have no columns to carry these flags.
func (c *Coder) CodeStream(ctx context.Context, r io.Reader, w io.Writer, opt StreamOptions) error {
	if opt.Prepare == nil {
		return errors.New("code stream: StreamOptions.Prepare is required")
	}
	gdelt := false
	switch opt.Format {
	case "", "jsonl":
	case "gdelt":
		gdelt = true
	default:
		return fmt.Errorf("code stream: unknown format %q (want jsonl or gdelt)", opt.Format)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	window := opt.Window
	if window <= 0 {
		window = 64 * workers
	}
	stats := opt.Stats
	if stats == nil {
		stats = &StreamStats{}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	bw := bufio.NewWriterSize(w, 256<<10)
	if gdelt {
		if _, err := bw.WriteString(gdeltHeader); err != nil {
			return fmt.Errorf("code stream: write: %w", err)
		}
	}

	jobs := make(chan job, workers*2)
	results := make(chan result, workers*2)
	slots := make(chan struct{}, window) // lines in flight
	var readErr error

	// Reader.
	go func() {
		defer close(jobs)
		br := bufio.NewReaderSize(r, 1<<20)
		var seq, lineNo int64
		for {
			line, err := readLine(br)
			if len(line) > 0 || (err == nil) {
				lineNo++
				trimmed := bytes.TrimSpace(line)
				if len(trimmed) > 0 {
					select {
					case slots <- struct{}{}:
					case <-ctx.Done():
						return
					}
					seq++
					select {
					case jobs <- job{seq: seq, lineNo: lineNo, line: trimmed}:
					case <-ctx.Done():
						return
					}
				}
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = fmt.Errorf("code stream: read line %d: %w", lineNo+1, err)
				}
				return
			}
		}
	}()

	// Workers.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for j := range jobs {
				out := c.codeLine(j, gdelt, opt, stats, &buf)
				select {
				case results <- result{seq: j.seq, out: out}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Ordered writer.
	pending := make(map[int64][]byte, window)
	next := int64(1)
	var werr error
	for res := range results {
		pending[res.seq] = res.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if werr == nil && len(out) > 0 {
				if _, err := bw.Write(out); err != nil {
					werr = fmt.Errorf("code stream: write: %w", err)
					cancel()
				}
			}
		}
	}
	if werr != nil {
		return werr
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("code stream: write: %w", err)
	}
	if readErr != nil {
		return readErr
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("code stream: %w", err)
	}
	if len(pending) > 0 {
		return fmt.Errorf("code stream: %d lines were not written", len(pending))
	}
	return nil
}

// readLine reads one line of at most MaxLineBytes; a longer line is
// returned cut, and the rest discarded.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) <= MaxLineBytes {
			line = append(line, frag...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, err
	}
}

// codeLine codes one input line and renders its output.
func (c *Coder) codeLine(j job, gdelt bool, opt StreamOptions, stats *StreamStats, buf *bytes.Buffer) []byte {
	atomic.AddInt64(&stats.Lines, 1)
	var in streamIn
	var id json.RawMessage = []byte(`null`)
	if err := json.Unmarshal(j.line, &in); err != nil {
		stats.bad(int64(j.lineNo))
		if sid := salvageID(j.line); sid != nil {
			id = sid
		}
		if gdelt {
			return nil
		}
		b, _ := json.Marshal(streamErr{ID: id, Error: fmt.Sprintf("line %d: invalid JSON: %v", j.lineNo, err)})
		return append(b, '\n')
	}
	if len(in.ID) > 0 {
		id = in.ID
	}
	sid := idString(id)
	if in.Text == nil {
		stats.bad(int64(j.lineNo))
		if gdelt {
			return nil
		}
		b, _ := json.Marshal(streamErr{ID: id, Error: fmt.Sprintf("line %d: no \"text\" field", j.lineNo)})
		return append(b, '\n')
	}
	date, _ := parseDate(in.Date)
	evs, nsent := c.codeText(*in.Text, date, opt.Prepare)
	for i := range evs {
		evs[i].ID = sid + "-e" + strconv.Itoa(i+1)
	}
	atomic.AddInt64(&stats.Events, int64(len(evs)))
	atomic.AddInt64(&stats.Sentences, int64(nsent))
	if gdelt {
		return gdeltRows(buf, sid, date, evs, opt.Countries)
	}
	out := streamOut{ID: id, Events: make([]streamEvent, 0, len(evs))}
	for _, e := range evs {
		out.Events = append(out.Events, toStream(e))
	}
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		b, _ := json.Marshal(streamErr{ID: id, Error: fmt.Sprintf("line %d: %v", j.lineNo, err)})
		return append(b, '\n')
	}
	return append([]byte(nil), buf.Bytes()...)
}

// salvageID reads the tokens of a broken JSON line up to the error and
// returns the top-level "id" value if it came before it.
func salvageID(line []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(line))
	depth := 0
	wantID := false
	for range 64 {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
			wantID = false
		default:
			if wantID {
				b, err := json.Marshal(v)
				if err != nil {
					return nil
				}
				return b
			}
			if k, ok := v.(string); ok && depth == 1 && k == "id" {
				wantID = true
			}
		}
	}
	return nil
}

// codeText prepares and codes one text, recovering from a panic in the
// prepare function so that one bad line cannot stop the stream.
func (c *Coder) codeText(src string, date time.Time, prepare PrepareFunc) (evs []model.Event, nsent int) {
	defer func() {
		if r := recover(); r != nil {
			evs, nsent = nil, 0
		}
	}()
	doc, td, ms := prepare(src, date)
	if td != nil {
		nsent = len(td.Sentences)
	}
	return c.Code(doc, td, ms), nsent
}

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "20060102", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}

func toStream(e model.Event) streamEvent {
	se := streamEvent{
		ID: e.ID, Event: e.PLOVER, Mode: e.Mode, Context: e.Context,
		Source: []streamActor{{ActorText: e.Source.Text, Code: e.Source.Code, Name: e.Source.Name}},
		Target: []streamActor{},
		CAMEO:  e.CAMEO, Goldstein: e.Goldstein, QuadClass: e.QuadClass,
		Negated: e.Negated, Future: e.Future, Hypothetical: e.Hypothetical,
		Trigger: streamSpan{Start: e.Trigger.Start, End: e.Trigger.End, Text: e.Trigger.Text},
		Pattern: e.Pattern,
	}
	if se.Context == nil {
		se.Context = []string{}
	}
	if e.Target != nil {
		se.Target = append(se.Target, streamActor{ActorText: e.Target.Text, Code: e.Target.Code, Name: e.Target.Name})
	}
	return se
}

// gdeltRows renders the events of one line as GDELT-style rows.
func gdeltRows(buf *bytes.Buffer, id string, date time.Time, evs []model.Event, countries map[string]bool) []byte {
	buf.Reset()
	day := ""
	if !date.IsZero() {
		day = date.Format("20060102")
	}
	for _, e := range evs {
		if e.Negated || e.Hypothetical || (e.Future && e.Root != "03") {
			continue
		}
		buf.WriteString(day)
		gdeltActor(buf, &e.Source, countries)
		gdeltActor(buf, e.Target, countries)
		buf.WriteByte('\t')
		buf.WriteString(e.CAMEO)
		buf.WriteByte('\t')
		buf.WriteString(e.Root)
		buf.WriteByte('\t')
		buf.WriteString(strconv.Itoa(e.QuadClass))
		buf.WriteByte('\t')
		buf.WriteString(strconv.FormatFloat(e.Goldstein, 'f', 1, 64))
		buf.WriteByte('\t')
		buf.WriteString(clean(id))
		buf.WriteByte('\n')
	}
	return append([]byte(nil), buf.Bytes()...)
}

func gdeltActor(buf *bytes.Buffer, p *model.Participant, countries map[string]bool) {
	code, name, country, typ := "", "", "", ""
	if p != nil {
		code = p.Code
		name = p.Name
		if name == "" {
			name = p.Text
		}
		country, typ = splitCode(code, countries)
	}
	for _, f := range []string{code, name, country, typ} {
		buf.WriteByte('\t')
		buf.WriteString(clean(f))
	}
}

// splitCode splits a CAMEO actor code into its country and first type
// code: "LBYGOV" → LBY, GOV; IGO and NGO codes have no country, and an
// agent code alone ("REB") is a type without a country.
func splitCode(code string, countries map[string]bool) (country, typ string) {
	if len(code) < 3 {
		return "", ""
	}
	head := code[:3]
	switch head {
	case "IGO", "NGO", "MNC", "UIS":
		return "", head
	}
	if countries != nil && !countries[head] {
		return "", head
	}
	if len(code) >= 6 {
		typ = code[3:6]
	}
	return head, typ
}

func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
