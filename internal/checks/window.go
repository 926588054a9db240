package checks

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/spill"
)

// The announcements and acts of deciding bodies of a large dossier are
// compared in date order, a few weeks at a time, so that they need not
// all be held at once. An announcement is only ever compared with acts
// within maxDecisionGap days of it (decidedEarlier, scanActs, lookup), so
// with both sorted by day, the acts of the days around each announcement
// are all it needs. Both are written out in sorted runs as they are
// gathered and merged when the checks across documents run.

// Runs bounds the announcements and acts a Session holds in memory.
type Runs struct {
	// Dir is where the runs are written, in files removed by Close (the
	// system's temporary directory when empty).
	Dir string
	// Acts is the number of announcements and acts gathered before they
	// are sorted and written out.
	Acts int
}

// actRec is an announcement or act as written in a run.
type actRec struct {
	Seq      int         `json:"q"` // the order it was gathered in
	Day      string      `json:"y"` // the first ten bytes of its date
	Doc      string      `json:"d"`
	Sentence model.Span  `json:"s"`
	Verb     model.Span  `json:"v"`
	Who      model.Span  `json:"w"`
	When     model.Timex `json:"t"`
	Body     int         `json:"b"` // index in the procedure's bodies, -1 for none
	Deciders []int       `json:"k,omitempty"`
	Cond     string      `json:"c,omitempty"`
	Amount   string      `json:"a,omitempty"`
	Kind     string      `json:"n,omitempty"`
	Event    string      `json:"e,omitempty"`
}

func dayOf(t model.Timex) string {
	if len(t.Value) > 10 {
		return t.Value[:10]
	}
	return t.Value
}

func recOf(p *Procedure, a act, seq int) actRec {
	r := actRec{Seq: seq, Day: dayOf(a.when), Doc: a.doc.ID, Sentence: a.sentence, Verb: a.verb, Who: a.who, When: a.when, Body: -1,
		Deciders: a.deciders, Cond: a.cond, Amount: a.amount, Kind: a.kind, Event: a.event}
	for i := range p.Bodies {
		if a.body == &p.Bodies[i] {
			r.Body = i
		}
	}
	return r
}

func (r *actRec) act(p *Procedure) act {
	a := act{doc: &model.Document{ID: r.Doc}, sentence: r.Sentence, verb: r.Verb, who: r.Who, when: r.When,
		deciders: r.Deciders, cond: r.Cond, amount: r.Amount, kind: r.Kind, event: r.Event}
	if r.Body >= 0 && r.Body < len(p.Bodies) {
		a.body = &p.Bodies[r.Body]
	}
	return a
}

func recBefore(a, b *actRec) bool {
	if a.Day != b.Day {
		return a.Day < b.Day
	}
	return a.Seq < b.Seq
}

// recSorter gathers records and gives them back sorted by day, then in
// the order they were gathered, from runs written out by spill (through
// internal/spill).
type recSorter struct {
	buf    []actRec
	sorted *spill.Sorter
}

// recKey appends to b a key whose byte order is recBefore's: the day (a
// date, which holds no zero byte), a zero byte, the sequence number.
func recKey(b []byte, r *actRec) []byte {
	b = append(append(b, r.Day...), 0)
	return binary.BigEndian.AppendUint64(b, uint64(r.Seq)^1<<63)
}

// hand moves the records gathered into the sorter.
func (s *recSorter) hand(dir string) error {
	if len(s.buf) == 0 {
		return nil
	}
	if s.sorted == nil {
		s.sorted = &spill.Sorter{Dir: dir}
	}
	var key []byte
	for i := range s.buf {
		value, err := json.Marshal(&s.buf[i])
		if err != nil {
			return err
		}
		key = recKey(key[:0], &s.buf[i])
		if err := s.sorted.Add(key, value); err != nil {
			return err
		}
	}
	clear(s.buf)
	s.buf = s.buf[:0]
	return nil
}

// spill writes the records gathered as one sorted run.
func (s *recSorter) spill(dir string) error {
	if err := s.hand(dir); err != nil {
		return err
	}
	if s.sorted == nil {
		return nil
	}
	return s.sorted.Flush()
}

// cursor returns the records in order, one at a time; the recSorter is
// spent.
func (s *recSorter) cursor() (*recCursor, error) {
	if s.sorted == nil {
		sort.Slice(s.buf, func(i, j int) bool { return recBefore(&s.buf[i], &s.buf[j]) })
		return &recCursor{mem: s.buf}, nil
	}
	if err := s.hand(""); err != nil { // the sorter is made: no folder needed
		return nil, err
	}
	c, err := s.sorted.Cursor()
	s.sorted = nil
	if err != nil {
		return nil, err
	}
	return &recCursor{runs: c}, nil
}

// recCursor reads the records of a recSorter in order: from its runs, or
// from memory when it wrote none.
type recCursor struct {
	runs *spill.Cursor
	mem  []actRec
}

// next returns the next record; ok is false at the end.
func (c *recCursor) next() (r actRec, ok bool, err error) {
	if c.runs == nil {
		if len(c.mem) == 0 {
			return r, false, nil
		}
		r = c.mem[0]
		c.mem = c.mem[1:]
		return r, true, nil
	}
	_, value, ok, err := c.runs.Next()
	if err != nil || !ok {
		return r, false, errors.Join(err, c.close())
	}
	if err := json.Unmarshal(value, &r); err != nil {
		return r, false, errors.Join(fmt.Errorf("read a run: %w", err), c.close())
	}
	return r, true, nil
}

// close removes the runs read.
func (c *recCursor) close() error {
	if c.runs == nil {
		return nil
	}
	err := c.runs.Close()
	c.runs = nil
	return err
}

// all reads every record into memory, in order.
func (s *recSorter) all() ([]actRec, error) {
	c, err := s.cursor()
	if err != nil {
		return nil, err
	}
	defer c.close()
	var out []actRec
	for {
		r, ok, err := c.next()
		if err != nil || !ok {
			return out, err
		}
		out = append(out, r)
	}
}

func (s *recSorter) close() error {
	var err error
	if s.sorted != nil {
		err = s.sorted.Close()
	}
	s.sorted, s.buf = nil, nil
	return err
}

// procRuns are the runs of one procedure.
type procRuns struct {
	anns, acts recSorter
	// scan is set when an act's date is not a plain day: announcedEarly
	// then compares every announcement with the acts one by one
	// (scanActs) rather than through the index of days.
	scan bool
	// odd is set when the date of an announcement or act does not begin
	// with a day (an unknown year, "XXXX-06-04"): which dates are near
	// which is then not a matter of days, and all are compared at once.
	odd bool
}

// gatherRuns keeps the announcements and acts of p in its runs.
func (s *Session) gatherRuns(p *Procedure, anns, acts []act) error {
	if s.runs == nil {
		s.runs = map[*Procedure]*procRuns{}
	}
	r := s.runs[p]
	if r == nil {
		r = &procRuns{}
		s.runs[p] = r
	}
	for _, a := range anns {
		rec := recOf(p, a, s.seq)
		if _, ok := parseDay(rec.Day); !ok {
			r.odd = true
		}
		r.anns.buf = append(r.anns.buf, rec)
		s.seq++
	}
	for _, a := range acts {
		if _, ok := parseDay(a.when.Value); !ok {
			r.scan = true
		}
		rec := recOf(p, a, s.seq)
		if _, ok := parseDay(rec.Day); !ok {
			r.odd = true
		}
		r.acts.buf = append(r.acts.buf, rec)
		s.seq++
	}
	s.buffered += len(anns) + len(acts)
	if s.buffered < max(s.Runs.Acts, 1) {
		return nil
	}
	for _, r := range s.runs {
		if err := r.anns.spill(s.Runs.Dir); err != nil {
			return err
		}
		if err := r.acts.spill(s.Runs.Dir); err != nil {
			return err
		}
	}
	s.buffered = 0
	return nil
}

// announcedWindow is announcedEarly over the runs of p: each day's
// announcements are compared with the acts of the maxDecisionGap days
// around it. The acts of a day are in the order announcedEarly sorts
// them in (by moment, else as gathered), and the findings come in the
// order the announcements were gathered, as announcedEarly gives them.
func (c *Checker) announcedWindow(p *Procedure, r *procRuns) ([]model.Finding, error) {
	if r.odd {
		// Dates that are not days: all at once, as announcedEarly does.
		anns, err := r.anns.all()
		if err != nil {
			return nil, err
		}
		acts, err := r.acts.all()
		if err != nil {
			return nil, err
		}
		sort.SliceStable(anns, func(i, j int) bool { return anns[i].Seq < anns[j].Seq })
		sort.SliceStable(acts, func(i, j int) bool { return acts[i].Seq < acts[j].Seq })
		as, bs := make([]act, len(anns)), make([]act, len(acts))
		for i := range anns {
			as[i] = anns[i].act(p)
		}
		for i := range acts {
			bs[i] = acts[i].act(p)
		}
		return c.announcedEarly(p, as, bs), nil
	}
	actCur, err := r.acts.cursor()
	if err != nil {
		return nil, err
	}
	defer actCur.close()
	annCur, err := r.anns.cursor()
	if err != nil {
		return nil, err
	}
	defer annCur.close()
	var (
		win     []act    // the acts of the days in the window, in order
		winDays []string // the day of each
		pending *actRec  // the next act, not yet in the window
	)
	// fill brings into the window the acts up to day last, each day's
	// sorted as announcedEarly sorts all of them, and drops those before
	// day first.
	fill := func(first, last string) error {
		from := len(win)
		for {
			if pending == nil {
				a, ok, err := actCur.next()
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				pending = &a
			}
			if pending.Day > last {
				break
			}
			win = append(win, pending.act(p))
			winDays = append(winDays, pending.Day)
			pending = nil
		}
		for i := from; i < len(win); {
			j := i + 1
			for j < len(win) && winDays[j] == winDays[i] {
				j++
			}
			day := win[i:j]
			sort.SliceStable(day, func(a, b int) bool {
				o, _ := compare(momentOf(day[a].when), momentOf(day[b].when))
				return o < 0
			})
			i = j
		}
		k := 0
		for k < len(winDays) && winDays[k] < first {
			k++
		}
		win, winDays = win[k:], winDays[k:]
		return nil
	}
	type found struct {
		seq int
		f   model.Finding
	}
	var out []found
	// The acts of the window that count for an announcement: those of
	// the bodies that decide what it announces, indexed by day.
	type view struct {
		acts []act
		ix   actDays
	}
	var (
		curDay string
		views  map[string]view
	)
	for {
		a, ok, err := annCur.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if a.Day != curDay {
			curDay = a.Day
			d, _ := parseDay(a.Day) // every day parses: r.odd is false
			if err := fill(d.AddDate(0, 0, -maxDecisionGap).Format("2006-01-02"), d.AddDate(0, 0, maxDecisionGap).Format("2006-01-02")); err != nil {
				return nil, err
			}
			views = map[string]view{}
		}
		key := fmt.Sprint(a.Deciders)
		v, seen := views[key]
		if !seen {
			v.acts = forDeciders(p, win, a.Deciders)
			if !r.scan {
				v.ix = indexActs(v.acts)
			}
			views[key] = v
		}
		if len(v.acts) == 0 {
			continue
		}
		ann := a.act(p)
		am := momentOf(ann.when)
		var early bool
		later := -1
		if v.ix != nil {
			early, later = v.ix.lookup(v.acts, am)
		} else {
			early, later = scanActs(v.acts, am)
		}
		if early || later < 0 {
			continue
		}
		out = append(out, found{a.Seq, c.announcedFinding(p, ann, v.acts[later])})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	var fs []model.Finding
	for i := range out {
		fs = append(fs, out[i].f)
	}
	return fs, nil
}

// Close removes the runs a Session with Runs wrote.
func (s *Session) Close() error {
	var err error
	for _, r := range s.runs {
		err = errors.Join(err, r.anns.close(), r.acts.close())
	}
	s.runs = nil
	return err
}
