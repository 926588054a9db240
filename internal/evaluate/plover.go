package evaluate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"sort"
	"strconv"
	"unicode/utf8"
)

// same are the PLOVER event types score.py counts as one.
var same = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

func sameType(t string) string {
	if s, ok := same[t]; ok {
		return s
	}
	return t
}

// Record is one PLOVER gold record: its line in the file, its id (as
// written, and as the key score.py looks it up by), its event type, the
// country heads (first three letters of the codes, IGO left out) of its
// source and target actors, and its text.
type Record struct {
	Line   int             `json:"line"`
	ID     json.RawMessage `json:"id"`
	Event  string          `json:"event"`
	Source []string        `json:"source"`
	Target []string        `json:"target"`
	Text   string          `json:"text"`

	key   string
	input []byte // the line given to the coder
	// unmatchable: the gold event is not a text (null, a number), so no
	// event of ours has its type.
	unmatchable bool
}

// ReadPLOVER reads PLOVER gold records, one JSON object a line, as
// score.py does: blank lines and records whose event is "DOCUMENT" are
// left out; every other record needs an id and an event. Errors name the
// line.
func ReadPLOVER(r io.Reader) ([]Record, error) {
	var recs []Record
	sc := newFileLines(r)
	for n := 1; sc.Scan(); n++ {
		b := sc.Bytes()
		if n == 1 {
			b = trimBOM(b)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("line %d: not UTF-8 text", n)
		}
		if pyStrip(string(b)) == "" {
			continue
		}
		rec, skip, err := readRecord(b)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if !skip {
			rec.Line = n
			recs = append(recs, rec)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return recs, nil
}

func readRecord(line []byte) (rec Record, skip bool, err error) {
	var f map[string]json.RawMessage
	if err := json.Unmarshal(line, &f); err != nil {
		return rec, false, fmt.Errorf("not a JSON object: %v", jsonProblem(err))
	}
	ev, ok := f["event"]
	if !ok {
		return rec, false, errors.New(`no "event"`)
	}
	var event string
	matchable := json.Unmarshal(ev, &event) == nil && string(bytes.TrimSpace(ev)) != "null"
	if matchable && event == "DOCUMENT" {
		return rec, true, nil
	}
	if !matchable {
		// null, a number or true/false: a type no event has, as in
		// score.py; a list or an object cannot be looked up there.
		if _, err := pyKey(ev); err != nil {
			return rec, false, errors.New(`"event" is not a text`)
		}
		event = ""
	}
	id, ok := f["id"]
	if !ok {
		return rec, false, errors.New(`no "id"`)
	}
	key, err := pyKey(id)
	if err != nil {
		return rec, false, fmt.Errorf(`"id": %w`, err)
	}
	text, ok := f["text"]
	if !ok {
		return rec, false, errors.New(`no "text"`)
	}
	date, ok := f["date"]
	if !ok {
		date = json.RawMessage(`"2000-01-01"`)
	}
	src, err := codes(f["source"])
	if err != nil {
		return rec, false, fmt.Errorf(`"source": %w`, err)
	}
	tgt, err := codes(f["target"])
	if err != nil {
		return rec, false, fmt.Errorf(`"target": %w`, err)
	}
	var input bytes.Buffer
	input.WriteString(`{"id":`)
	_ = json.Compact(&input, id)
	input.WriteString(`,"date":`)
	_ = json.Compact(&input, date)
	input.WriteString(`,"text":`)
	_ = json.Compact(&input, text)
	input.WriteString("}\n")
	rec = Record{ID: id, Event: event, Source: judged(src), Target: judged(tgt), key: key, input: input.Bytes(), unmatchable: !matchable}
	_ = json.Unmarshal(text, &rec.Text)
	return rec, false, nil
}

// judged are the country heads score.py judges: the codes' heads without
// IGO, sorted.
func judged(set map[string]bool) []string {
	out := []string{}
	for c := range set {
		if c != "IGO" && c != "" {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at character %d", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "a JSON " + te.Value
	}
	return err.Error()
}

// codes is score.py's codes: the first three characters of the "code" of
// each actor (an object or a list of objects; anything false is none).
func codes(raw json.RawMessage) (map[string]bool, error) {
	set := map[string]bool{}
	if len(raw) == 0 {
		return set, nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	if falsy(v) {
		return set, nil
	}
	var items []any
	switch x := v.(type) {
	case map[string]any:
		items = []any{x}
	case []any:
		items = x
	case string:
		return set, nil // Python iterates its characters: none is an actor
	default:
		return nil, errors.New("not an actor or a list of actors")
	}
	for _, it := range items {
		a, ok := it.(map[string]any)
		if !ok || falsy(a["code"]) {
			continue
		}
		c, ok := a["code"].(string)
		if !ok {
			return nil, errors.New(`an actor's "code" is not a text`)
		}
		set[pyHead(c, 3)] = true
	}
	return set, nil
}

// pyKey is a key under which two JSON values are the same dict key in
// Python: strings by their text; numbers and booleans by their value
// (1, 1.0 and true are one key); null. Arrays and objects cannot be keys.
func pyKey(raw json.RawMessage) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	switch x := v.(type) {
	case nil:
		return "null", nil
	case string:
		return "s" + x, nil
	case bool:
		if x {
			return "n1", nil
		}
		return "n0", nil
	case json.Number:
		return numberKey(string(x))
	}
	return "", errors.New("must be a text or a number")
}

func numberKey(lit string) (string, error) {
	if n, ok := new(big.Int).SetString(lit, 10); ok {
		return "n" + n.String(), nil
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return "", fmt.Errorf("bad number %q", lit)
	}
	if !math.IsInf(f, 0) && f == math.Trunc(f) {
		n, _ := big.NewFloat(f).Int(nil)
		return "n" + n.String(), nil
	}
	return "f" + strconv.FormatFloat(f, 'g', -1, 64), nil
}

// CoderInput is what score.py gives `dossier code`: one line
// {"id", "date", "text"} per record, the date "2000-01-01" when the
// record has none.
func CoderInput(recs []Record) io.Reader {
	var b bytes.Buffer
	for _, r := range recs {
		b.Write(r.input)
	}
	return &b
}

// Coded is one event of the coder's output: its PLOVER type and the
// heads of its source and target codes.
type Coded struct {
	Event  string   `json:"event"`
	Source []string `json:"source"`
	Target []string `json:"target"`

	src, tgt map[string]bool
}

// Output is the coder's output, by record key.
type Output map[string][]Coded

// ReadCoded reads the output of `dossier code` as score.py does: lines
// split as Python's str.splitlines splits them; a line that is not a
// JSON object with an "id" is left out; a later line with the same id
// replaces an earlier one.
func ReadCoded(r io.Reader) (Output, error) {
	out := Output{}
	sc := newSplitLines(r)
	for sc.Scan() {
		var o struct {
			ID     json.RawMessage `json:"id"`
			Events []struct {
				Event  string          `json:"event"`
				Source json.RawMessage `json:"source"`
				Target json.RawMessage `json:"target"`
			} `json:"events"`
		}
		if json.Unmarshal(sc.Bytes(), &o) != nil || o.ID == nil {
			continue
		}
		key, err := pyKey(o.ID)
		if err != nil {
			continue
		}
		evs := make([]Coded, 0, len(o.Events))
		for _, e := range o.Events {
			src, err1 := codes(e.Source)
			tgt, err2 := codes(e.Target)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("coder output for id %s: an actor without a code", o.ID)
			}
			evs = append(evs, Coded{Event: e.Event, Source: heads(src), Target: heads(tgt), src: src, tgt: tgt})
		}
		out[key] = evs
	}
	return out, sc.Err()
}

func heads(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// PLOVERScore is the score of dossier's coder against PLOVER gold
// records (score.py's plover).
type PLOVERScore struct {
	Sentences int `json:"sentences"`
	Coded     int `json:"coded"`
	// TypeRight are the records with an event of the gold type (the
	// types in score.py's SAME counted as one).
	TypeRight        int     `json:"event_type_right"`
	EventType        float64 `json:"event_type"`
	EventTypeOfCoded float64 `json:"event_type_of_coded"`
	// SourceJudged are the records whose source has a code other than
	// IGO; SourceRight, those where an event of the gold type (or, with
	// none, any event) shares a code head with it. Target likewise.
	SourceJudged  int           `json:"source_judged"`
	SourceRight   int           `json:"source_right"`
	SourceCountry float64       `json:"source_country"`
	TargetJudged  int           `json:"target_judged"`
	TargetRight   int           `json:"target_right"`
	TargetCountry float64       `json:"target_country"`
	Errors        []PLOVERError `json:"-"`
}

// PLOVERError is a record the coder got wrong: which parts (the event
// type, the source, the target, or nothing coded at all), the gold
// record and our events.
type PLOVERError struct {
	Wrong  []string `json:"wrong"`
	Gold   *Record  `json:"gold"`
	Events []Coded  `json:"ours"`
}

// Line is the line score.py prints.
func (s *PLOVERScore) Line() string {
	return fmt.Sprintf("plover: %d sentences, %d coded; event-type %.2f (of coded %.2f); source-country %.2f; target-country %.2f",
		s.Sentences, s.Coded, s.EventType, s.EventTypeOfCoded, s.SourceCountry, s.TargetCountry)
}

// ScorePLOVER scores the coder's output against the gold records as
// score.py does. recs must not be empty.
func ScorePLOVER(recs []Record, out Output) PLOVERScore {
	s := PLOVERScore{Sentences: len(recs)}
	for i := range recs {
		r := &recs[i]
		want := sameType(r.Event)
		evs := out[r.key]
		if len(evs) > 0 {
			s.Coded++
		}
		var match []Coded
		for _, e := range evs {
			if !r.unmatchable && sameType(e.Event) == want {
				match = append(match, e)
			}
		}
		var wrong []string
		if len(evs) == 0 {
			wrong = append(wrong, "not coded")
		} else if len(match) > 0 {
			s.TypeRight++
		} else {
			wrong = append(wrong, "type")
		}
		pool := match
		if len(pool) == 0 {
			pool = evs
		}
		if len(r.Source) > 0 {
			s.SourceJudged++
			if shares(pool, r.Source, func(c Coded) map[string]bool { return c.src }) {
				s.SourceRight++
			} else if len(evs) > 0 {
				wrong = append(wrong, "source")
			}
		}
		if len(r.Target) > 0 {
			s.TargetJudged++
			if shares(pool, r.Target, func(c Coded) map[string]bool { return c.tgt }) {
				s.TargetRight++
			} else if len(evs) > 0 {
				wrong = append(wrong, "target")
			}
		}
		if len(wrong) > 0 {
			s.Errors = append(s.Errors, PLOVERError{Wrong: wrong, Gold: r, Events: evs})
		}
	}
	n := float64(s.Sentences)
	s.EventType = float64(s.TypeRight) / n
	s.EventTypeOfCoded = float64(s.TypeRight) / float64(max(s.Coded, 1))
	s.SourceCountry = float64(s.SourceRight) / float64(max(s.SourceJudged, 1))
	s.TargetCountry = float64(s.TargetRight) / float64(max(s.TargetJudged, 1))
	return s
}

// shares is whether any event's codes (side) share a head with gold.
func shares(pool []Coded, gold []string, side func(Coded) map[string]bool) bool {
	for _, e := range pool {
		set := side(e)
		for _, g := range gold {
			if set[g] {
				return true
			}
		}
	}
	return false
}
