package timeline

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/spill"
)

// The timeline of a large dossier is built from sorted runs, so that its
// items need not all be held at once. Items are sorted by date (before)
// and merged into entries in that order: an entry only takes items whose
// date has its first item's date as a prefix ("2013-06" takes
// "2013-06-04"), so once the items have moved past that range the entry
// is complete and is handed on. What is held is one run of items being
// gathered, one item of each run being merged, and the entries still
// open: those of the dates around the one being merged, not the whole
// timeline.

// Spill bounds the items a Collector holds in memory.
type Spill struct {
	// Dir is where the runs are written, in files removed by Close (the
	// system's temporary directory when empty).
	Dir string
	// Items is the number of items gathered before they are sorted and
	// written out as a run.
	Items int
}

// spill writes the items gathered so far as one sorted run (through
// internal/spill, keyed so that the order of the keys is before's).
func (c *Collector) spill() error {
	if c.sorted == nil {
		c.sorted = &spill.Sorter{Dir: c.Spill.Dir}
	}
	if err := c.hand(); err != nil {
		return err
	}
	if err := c.sorted.Flush(); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	return nil
}

// hand moves the items gathered into the sorter.
func (c *Collector) hand() error {
	var key, value []byte
	for i := range c.items {
		key, value = itemKey(key[:0], &c.items[i]), appendItem(value[:0], &c.items[i])
		if err := c.sorted.Add(key, value); err != nil {
			return fmt.Errorf("timeline: %w", err)
		}
	}
	clear(c.items) // let the strings go
	c.items = c.items[:0]
	return nil
}

// itemKey appends to b a key whose byte order is before's: the sort key
// (a date, which holds no zero byte) and a zero byte, so that a coarser
// date sorts before the finer dates it contains, then the rank of the
// part of day and the order of the item.
func itemKey(b []byte, it *item) []byte {
	b = append(b, it.sortKey()...)
	b = append(b, 0, byte(model.PartOfDayRank(it.part)))
	return binary.BigEndian.AppendUint64(b, uint64(it.order)^1<<63)
}

// Close removes the runs written to disk. A Collector that spilled is
// closed by Each; Close is for one given up before.
func (c *Collector) Close() error {
	if c.sorted == nil {
		return nil
	}
	err := c.sorted.Close()
	c.sorted = nil
	return err
}

func sortItems(items []item) {
	sort.SliceStable(items, func(i, j int) bool { return before(items[i], items[j]) })
}

// Each builds the timeline of the items gathered, as Build does, and
// hands each entry to fn as soon as no later item can join it: in the
// order the entries are completed, not in the timeline's order (their
// IDs, from 1, give that). records are the primary records of the
// dossier (documents of other kinds are ignored): a record of the day of
// a meeting becomes a source of it. The Collector is spent.
func (c *Collector) Each(records []*model.Document, fn func(model.TimelineEntry) error) (err error) {
	defer func() { err = errors.Join(err, c.Close()) }()
	if c.err != nil {
		return c.err
	}
	// A record is a source of a meeting of its own day only.
	byDay := map[string][]*model.Document{}
	for _, d := range records {
		if d.Kind.Primary() && !d.Date.IsZero() {
			day := d.Date.Format("2006-01-02")
			byDay[day] = append(byDay[day], d)
		}
	}
	m := newMerger(func(n int, e *entry) error {
		e.attachRecords(byDay[e.items[0].start])
		te := e.result()
		te.ID = n + 1
		return fn(te)
	})
	// Items of the same date and part of day are put in the order the
	// text states, when it states one ("met after the attack";
	// topoOrder), else in the order of the text, before they are merged.
	var group []item
	flush := func() error {
		if len(group) > 1 {
			topoOrder(group)
		}
		for _, it := range group {
			if err := m.add(it); err != nil {
				return err
			}
		}
		clear(group)
		group = group[:0]
		return nil
	}
	each := func(it item) error {
		if len(group) > 0 && (it.sortKey() != group[0].sortKey() || model.PartOfDayRank(it.part) != model.PartOfDayRank(group[0].part)) {
			if err := flush(); err != nil {
				return err
			}
		}
		group = append(group, it)
		return nil
	}
	if c.sorted == nil {
		sortItems(c.items)
		for i := range c.items {
			if err = each(c.items[i]); err != nil {
				break
			}
			c.items[i] = item{}
		}
	} else if err = c.hand(); err == nil {
		err = c.sorted.Each(func(_, value []byte) error {
			it, err := readItem(bytes.NewReader(value))
			if err != nil {
				return fmt.Errorf("timeline: read a run: %w", err)
			}
			return each(it)
		})
	}
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = m.finish()
	}
	c.items = nil
	return err
}

// merger puts each item, in date order, into the first open entry that
// accepts it, or into a new entry, as merge does, and hands on each entry
// once the items have moved past its date.
type merger struct {
	emit func(n int, e *entry) error
	// open are the entries that can still take items, by number (the
	// order they were made in).
	open map[int]*entry
	// exact and prefix index the open entries as merge does: by end,
	// future and start, and by end, future and every prefix of start.
	exact, prefix map[string][]int
	n             int
	key           string // the sort key of the items being merged
	cand          []int
}

func newMerger(emit func(int, *entry) error) *merger {
	return &merger{emit: emit, open: map[int]*entry{}, exact: map[string][]int{}, prefix: map[string][]int{}}
}

func entryKey(it item, start string) string {
	f := "0"
	if it.future {
		f = "1"
	}
	return it.end + "\x00" + f + "\x00" + start
}

func (m *merger) add(it item) error {
	if k := it.sortKey(); k != m.key {
		// Items come in date order: an entry whose date is not a prefix
		// of this one's can take no more.
		m.key = k
		if err := m.close(func(e *entry) bool { return !strings.HasPrefix(k, e.items[0].sortKey()) }); err != nil {
			return err
		}
	}
	cand := m.cand[:0]
	for l := 0; l <= len(it.start); l++ {
		cand = append(cand, m.exact[entryKey(it, it.start[:l])]...)
	}
	cand = append(cand, m.prefix[entryKey(it, it.start)]...)
	sort.Ints(cand)
	m.cand = cand
	for k, i := range cand {
		if k > 0 && cand[k-1] == i {
			continue
		}
		if e := m.open[i]; e.accepts(it) {
			e.add(it)
			return nil
		}
	}
	n := m.n
	m.n++
	m.open[n] = newEntry(it)
	m.exact[entryKey(it, it.start)] = append(m.exact[entryKey(it, it.start)], n)
	for l := 0; l <= len(it.start); l++ {
		k := entryKey(it, it.start[:l])
		m.prefix[k] = append(m.prefix[k], n)
	}
	return nil
}

// close hands on, in the order they were made, the open entries done
// says are complete.
func (m *merger) close(done func(*entry) bool) error {
	var ns []int
	for n, e := range m.open {
		if done(e) {
			ns = append(ns, n)
		}
	}
	sort.Ints(ns)
	for _, n := range ns {
		e := m.open[n]
		first := e.items[0]
		m.exact[entryKey(first, first.start)] = without(m.exact, entryKey(first, first.start), n)
		for l := 0; l <= len(first.start); l++ {
			k := entryKey(first, first.start[:l])
			m.prefix[k] = without(m.prefix, k, n)
		}
		delete(m.open, n)
		if err := m.emit(n, e); err != nil {
			return err
		}
	}
	return nil
}

// without returns the list of ix at k without n, deleting k when it
// becomes empty.
func without(ix map[string][]int, k string, n int) []int {
	l := ix[k]
	for i, x := range l {
		if x == n {
			l = append(l[:i], l[i+1:]...)
			break
		}
	}
	if len(l) == 0 {
		delete(ix, k)
		return nil
	}
	return l
}

// finish hands on the entries still open.
func (m *merger) finish() error {
	return m.close(func(*entry) bool { return true })
}

// The encoding of an item in a run: its fields in order, strings and
// lists with their length first (unsigned varints), numbers as varints.

func appendItem(b []byte, it *item) []byte {
	for _, s := range []string{it.kind, it.root, it.eventID, it.quoteID, it.doc, it.start, it.end, it.precision, it.part, it.src, it.tgt, it.summary, it.clause, it.note} {
		b = appendString(b, s)
	}
	var flags uint64
	if it.future {
		flags |= 1
	}
	if it.consult {
		flags |= 2
	}
	b = binary.AppendUvarint(b, flags)
	b = binary.AppendVarint(b, int64(it.order))
	b = binary.AppendUvarint(b, uint64(len(it.evidence)))
	for _, e := range it.evidence {
		b = appendString(b, e.Doc)
		b = appendString(b, e.Text)
		for _, n := range []int{e.Start, e.End, e.Page, e.PageEnd} {
			b = binary.AppendVarint(b, int64(n))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(it.after)))
	for _, s := range it.after {
		b = appendString(b, s)
	}
	return b
}

func readItem(r *bytes.Reader) (item, error) {
	var it item
	rd := reader{r: r}
	for _, p := range []*string{&it.kind, &it.root, &it.eventID, &it.quoteID, &it.doc, &it.start, &it.end, &it.precision, &it.part, &it.src, &it.tgt, &it.summary, &it.clause, &it.note} {
		*p = rd.string()
	}
	flags := rd.uvarint()
	it.future, it.consult = flags&1 != 0, flags&2 != 0
	it.order = int(rd.varint())
	if n := rd.count(); n > 0 {
		it.evidence = make([]model.Evidence, n)
		for i := range it.evidence {
			e := &it.evidence[i]
			e.Doc, e.Text = rd.string(), rd.string()
			e.Start, e.End, e.Page, e.PageEnd = int(rd.varint()), int(rd.varint()), int(rd.varint()), int(rd.varint())
		}
	}
	if n := rd.count(); n > 0 {
		it.after = make([]string, n)
		for i := range it.after {
			it.after[i] = rd.string()
		}
	}
	if rd.err == io.EOF {
		rd.err = io.ErrUnexpectedEOF // within an item
	}
	return it, rd.err
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// reader reads the encoding, keeping the first error.
type reader struct {
	r   *bytes.Reader
	err error
}

func (rd *reader) uvarint() uint64 {
	if rd.err != nil {
		return 0
	}
	n, err := binary.ReadUvarint(rd.r)
	rd.err = err
	return n
}

func (rd *reader) varint() int64 {
	if rd.err != nil {
		return 0
	}
	n, err := binary.ReadVarint(rd.r)
	rd.err = err
	return n
}

// count reads a length, refusing one no run could hold.
func (rd *reader) count() int {
	n := rd.uvarint()
	if n > 1<<24 {
		rd.err = errors.New("bad length in a run")
		return 0
	}
	return int(n)
}

func (rd *reader) string() string {
	n := rd.count()
	if rd.err != nil || n == 0 {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(rd.r, b); err != nil {
		rd.err = err
		return ""
	}
	return string(b)
}
