package spill

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"testing"
)

// sortAll adds n records with keys from a few values, in random order,
// and reads them back.
// It returns the number of runs written before they were read.
func sortAll(t *testing.T, s *Sorter, n int) (runs int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	type rec struct {
		key uint32
		seq int
	}
	var want []rec
	for i := 0; i < n; i++ {
		k := uint32(rng.IntN(50))
		want = append(want, rec{k, i})
		var key [4]byte
		binary.BigEndian.PutUint32(key[:], k)
		if err := s.Add(key[:], []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	if s.Len() != n {
		t.Errorf("Len = %d, want %d", s.Len(), n)
	}
	runs = len(s.runs)
	var keys []uint32
	var values []int
	err := s.Each(func(key, value []byte) error {
		keys = append(keys, binary.BigEndian.Uint32(key))
		var v int
		fmt.Sscan(string(value), &v)
		values = append(values, v)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(want, func(i, j int) bool { return want[i].key < want[j].key })
	if len(keys) != len(want) {
		t.Fatalf("got %d records, want %d", len(keys), len(want))
	}
	for i, w := range want {
		if keys[i] != w.key || values[i] != w.seq {
			t.Fatalf("record %d: got key %d value %d, want key %d value %d", i, keys[i], values[i], w.key, w.seq)
		}
	}
	return runs
}

func TestSortInMemory(t *testing.T) {
	s := &Sorter{Dir: t.TempDir()}
	if runs := sortAll(t, s, 1000); runs != 0 {
		t.Errorf("%d runs written for records that fit in memory", runs)
	}
}

// With a small limit the records go through many runs on disk, and come
// back in the same order as when sorted in memory: by key, then in the
// order they were added.
func TestSortThroughRuns(t *testing.T) {
	dir := t.TempDir()
	s := &Sorter{Dir: dir, Limit: 2000}
	if runs := sortAll(t, s, 5000); runs < 10 {
		t.Errorf("%d runs for 5,000 records with a limit of 2,000 bytes", runs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("the runs' folder is left behind: %v", entries)
	}
}

func TestRunsWritten(t *testing.T) {
	s := &Sorter{Dir: t.TempDir(), Limit: 2000}
	for i := 0; i < 1000; i++ {
		if err := s.Add([]byte{byte(i % 7)}, []byte("value")); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.runs) < 10 {
		t.Errorf("%d runs for 1,000 records with a limit of 2,000 bytes", len(s.runs))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s.dir != "" || s.runs != nil {
		t.Error("Close left runs")
	}
}

func TestEachStops(t *testing.T) {
	s := &Sorter{Dir: t.TempDir(), Limit: 100}
	for i := 0; i < 100; i++ {
		if err := s.Add([]byte{byte(i)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := s.Each(func(key, value []byte) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Each = %v after %d records, want stop after 3", err, n)
	}
}

func TestEmpty(t *testing.T) {
	var s Sorter
	if err := s.Each(func(key, value []byte) error { return errors.New("a record in an empty sorter") }); err != nil {
		t.Error(err)
	}
}

// TestCursorsInterleaved: two Sorters read at once through Cursors, each
// flushed into several runs by Flush, give their records in order, equal
// keys in the order they were added, and leave no files behind.
func TestCursorsInterleaved(t *testing.T) {
	dir := t.TempDir()
	var a, b Sorter
	a.Dir, b.Dir = dir, dir
	for i := range 30 {
		key := []byte{byte(i % 4)}
		if err := a.Add(key, []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
		if err := b.Add([]byte{byte(3 - i%4)}, []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
		if i%7 == 6 {
			if err := a.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(a.runs) != 4 || len(b.runs) != 0 {
		t.Fatalf("runs %d and %d, want 4 and 0", len(a.runs), len(b.runs))
	}
	ca, err := a.Cursor()
	if err != nil {
		t.Fatal(err)
	}
	cb, err := b.Cursor()
	if err != nil {
		t.Fatal(err)
	}
	var got [2][]string
	for done := 0; done < 2; {
		done = 0
		for k, c := range []*Cursor{ca, cb} {
			key, value, ok, err := c.Next()
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				done++
				continue
			}
			got[k] = append(got[k], fmt.Sprintf("%d:%s", key[0], value))
		}
	}
	for k, c := range []*Cursor{ca, cb} {
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		var want []string
		for key := range 4 {
			for i := range 30 {
				if k == 0 && i%4 == key || k == 1 && 3-i%4 == key {
					want = append(want, fmt.Sprintf("%d:%d", key, i))
				}
			}
		}
		if fmt.Sprint(got[k]) != fmt.Sprint(want) {
			t.Errorf("sorter %d:\n got %v\nwant %v", k, got[k], want)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("%d files left in the runs' folder", len(left))
	}
}
