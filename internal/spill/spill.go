// Package spill sorts more records than a program should hold in memory:
// records, each a key and a value of bytes, are gathered up to a bound,
// sorted by key and written out to a temporary file as a sorted run, and
// the runs are merged when the records are read back. What is held is
// one run being gathered and one record of each run being merged.
//
// In: records in any order. Out: the same records in the order of their
// keys (bytes compared lexicographically), records with equal keys in
// the order they were added.
package spill

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// DefaultLimit is the size of the records a Sorter gathers before it
// writes them out as a run, when Limit is not set.
const DefaultLimit = 8 << 20

// Sorter sorts records. The zero value is ready to use; a Sorter is used
// once: Add records, then Each reads them back (or Close gives them up).
type Sorter struct {
	// Dir is where the runs are written (the system's temporary
	// directory when empty), in a folder of their own removed by Each
	// and Close.
	Dir string
	// Limit is the size in bytes of the records gathered before they
	// are written out as a run (DefaultLimit when zero or less).
	Limit int

	recs []record
	size int
	dir  string
	runs []*os.File
	n    int
	err  error
}

type record struct {
	key, value []byte
}

// Len is the number of records added.
func (s *Sorter) Len() int { return s.n }

// Add adds a record; key and value are copied. Errors writing a run are
// returned here and by Each.
func (s *Sorter) Add(key, value []byte) error {
	if s.err != nil {
		return s.err
	}
	// One allocation for both.
	b := make([]byte, len(key)+len(value))
	copy(b, key)
	copy(b[len(key):], value)
	s.recs = append(s.recs, record{key: b[:len(key):len(key)], value: b[len(key):]})
	s.size += len(b) + 48 // the record's own slice headers
	s.n++
	limit := s.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if s.size >= limit {
		s.err = s.spill()
	}
	return s.err
}

func (s *Sorter) sort() {
	sort.SliceStable(s.recs, func(i, j int) bool { return bytes.Compare(s.recs[i].key, s.recs[j].key) < 0 })
}

// spill writes the records gathered as one sorted run.
func (s *Sorter) spill() error {
	if s.dir == "" {
		dir, err := os.MkdirTemp(s.Dir, "dossier-sort-")
		if err != nil {
			return fmt.Errorf("sort: %w", err)
		}
		s.dir = dir
	}
	s.sort()
	f, err := os.CreateTemp(s.dir, "run-")
	if err != nil {
		return fmt.Errorf("sort: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	var hdr [2 * binary.MaxVarintLen64]byte
	for _, r := range s.recs {
		n := binary.PutUvarint(hdr[:], uint64(len(r.key)))
		n += binary.PutUvarint(hdr[n:], uint64(len(r.value)))
		w.Write(hdr[:n])
		w.Write(r.key)
		w.Write(r.value)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("sort: write a run: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return fmt.Errorf("sort: %w", err)
	}
	s.runs = append(s.runs, f)
	clear(s.recs)
	s.recs, s.size = s.recs[:0], 0
	return nil
}

// Close removes the runs written out and drops the records. A Sorter
// read by Each is closed by it.
func (s *Sorter) Close() error {
	var err error
	for _, f := range s.runs {
		err = errors.Join(err, f.Close())
	}
	s.runs, s.recs = nil, nil
	if s.dir != "" {
		err = errors.Join(err, os.RemoveAll(s.dir))
		s.dir = ""
	}
	return err
}

// Flush writes the records gathered so far out as a run now, whatever
// their size: for callers that bound what they hold by a count of their
// own.
func (s *Sorter) Flush() error {
	if s.err == nil && len(s.recs) > 0 {
		s.err = s.spill()
	}
	return s.err
}

// Each calls fn with every record in the order of the keys, and records
// of equal keys in the order they were added; it stops at the first
// error fn returns. key and value are valid only during the call. The
// Sorter is spent.
func (s *Sorter) Each(fn func(key, value []byte) error) (err error) {
	c, err := s.Cursor()
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, c.Close()) }()
	for {
		k, v, ok, err := c.Next()
		if err != nil || !ok {
			return err
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
}

// Cursor reads the records of a Sorter one at a time, in the order Each
// gives them: for a caller that merges two sorted streams.
type Cursor struct {
	s   *Sorter
	h   mergeHeap
	top run // the run whose record Next gave last, to move on first
	err error
}

// Cursor returns a Cursor over the records added; the Sorter is spent,
// and Close on the Cursor closes it.
func (s *Sorter) Cursor() (*Cursor, error) {
	c := &Cursor{s: s}
	if s.err != nil {
		return nil, errors.Join(s.err, s.Close())
	}
	s.sort()
	// The records still in memory are the last run: they were added
	// after those of every run on disk.
	for i, f := range s.runs {
		if err := c.h.push(&fileRun{r: bufio.NewReaderSize(f, 1<<16), order: i}); err != nil {
			return nil, errors.Join(err, s.Close())
		}
	}
	if err := c.h.push(&memRun{recs: s.recs, order: len(s.runs)}); err != nil {
		return nil, errors.Join(err, s.Close())
	}
	return c, nil
}

// Next returns the next record; ok is false at the end. key and value
// are valid until the next call.
func (c *Cursor) Next() (key, value []byte, ok bool, err error) {
	if c.err != nil {
		return nil, nil, false, c.err
	}
	if c.top != nil {
		more, err := c.top.next()
		if err != nil {
			c.err = err
			return nil, nil, false, err
		}
		if more {
			heap.Fix(&c.h, 0)
		} else {
			heap.Pop(&c.h)
		}
		c.top = nil
	}
	if c.h.Len() == 0 {
		return nil, nil, false, nil
	}
	c.top = c.h.runs[0]
	return c.top.key(), c.top.value(), true, nil
}

// Close removes the runs of the Sorter.
func (c *Cursor) Close() error { return c.s.Close() }

// run is a sorted run being merged: its current record.
type run interface {
	key() []byte
	value() []byte
	// next moves to the next record; false at the end.
	next() (bool, error)
	// rank orders runs with equal keys: the earlier run first.
	rank() int
}

type memRun struct {
	recs  []record
	i     int
	order int
}

func (m *memRun) key() []byte   { return m.recs[m.i].key }
func (m *memRun) value() []byte { return m.recs[m.i].value }
func (m *memRun) rank() int     { return m.order }
func (m *memRun) next() (bool, error) {
	m.i++
	return m.i < len(m.recs), nil
}

type fileRun struct {
	r     *bufio.Reader
	buf   []byte
	k, v  []byte
	order int
}

func (f *fileRun) key() []byte   { return f.k }
func (f *fileRun) value() []byte { return f.v }
func (f *fileRun) rank() int     { return f.order }
func (f *fileRun) next() (bool, error) {
	kl, err := binary.ReadUvarint(f.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sort: read a run: %w", err)
	}
	vl, err := binary.ReadUvarint(f.r)
	if err != nil {
		return false, fmt.Errorf("sort: read a run: %w", err)
	}
	n := int(kl + vl)
	if cap(f.buf) < n {
		f.buf = make([]byte, n)
	}
	f.buf = f.buf[:n]
	if _, err := io.ReadFull(f.r, f.buf); err != nil {
		return false, fmt.Errorf("sort: read a run: %w", err)
	}
	f.k, f.v = f.buf[:kl], f.buf[kl:]
	return true, nil
}

type mergeHeap struct{ runs []run }

// push adds a run at its first record; an empty run is left out.
func (h *mergeHeap) push(r run) error {
	if fr, ok := r.(*fileRun); ok {
		ok, err := fr.next()
		if err != nil || !ok {
			return err
		}
	} else if m := r.(*memRun); len(m.recs) == 0 {
		return nil
	}
	heap.Push(h, r)
	return nil
}

func (h *mergeHeap) Len() int { return len(h.runs) }
func (h *mergeHeap) Less(i, j int) bool {
	if c := bytes.Compare(h.runs[i].key(), h.runs[j].key()); c != 0 {
		return c < 0
	}
	return h.runs[i].rank() < h.runs[j].rank()
}
func (h *mergeHeap) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *mergeHeap) Push(x any)    { h.runs = append(h.runs, x.(run)) }
func (h *mergeHeap) Pop() any {
	x := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return x
}
