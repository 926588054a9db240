package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// testExclusive: two stores opened on one database (as two processes
// would) never hold the same lock at once; a waiter gives up when its
// context ends; locks of other names, and writers, are not blocked.
func testExclusive(t *testing.T, dsn string) {
	a, b := mustOpen(t, dsn), mustOpen(t, dsn)
	ctx := context.Background()
	var inside atomic.Int32
	var overlap atomic.Bool
	enter := func() {
		if inside.Add(1) > 1 {
			overlap.Store(true)
		}
	}
	leave := func() { inside.Add(-1) }

	held := make(chan struct{})
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		err := a.Exclusive(ctx, "dossier", func() error {
			enter()
			close(held)
			<-release
			leave()
			return nil
		})
		if err != nil {
			t.Errorf("first holder: %v", err)
		}
	}()
	<-held

	// While it is held: a waiter whose context ends gives up with the
	// context's error and never runs.
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	ran := false
	err := b.Exclusive(short, "dossier", func() error { ran = true; return nil })
	cancel()
	if ran || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("while the lock was held, a waiter ran (%v) or did not give up with its context: %v", ran, err)
	}
	// Another lock and a writer go on.
	if err := b.Exclusive(ctx, "other", func() error { return nil }); err != nil {
		t.Errorf("a lock of another name was blocked: %v", err)
	}
	mustAdd(t, b, newDoc("lock.txt", "Lock", "Written while the dossier lock is held.", ""), nil)

	// A waiter that keeps waiting runs once the holder is done, never
	// alongside it.
	wg.Add(1)
	go func() {
		defer wg.Done()
		err := b.Exclusive(ctx, "dossier", func() error {
			enter()
			leave()
			return nil
		})
		if err != nil {
			t.Errorf("second holder: %v", err)
		}
	}()
	time.Sleep(200 * time.Millisecond) // give a broken lock the chance to let it in
	close(release)
	wg.Wait()
	if overlap.Load() {
		t.Error("two holders of the lock ran at the same time")
	}
	// The lock is free again.
	if err := a.Exclusive(ctx, "dossier", func() error { return nil }); err != nil {
		t.Errorf("after both released: %v", err)
	}
}

// testLongSentence: an event whose sentence is longer than longSentence
// is stored without the sentence's text, which every read restores from
// the document; Has tells stored documents from others.
func testLongSentence(t *testing.T, dsn string) {
	s := mustOpen(t, dsn)
	ctx := context.Background()
	doc, a := bigDoc(1, 2*longSentence, 3, 0, 0)
	long := model.NewSpan(doc.Text, 0, len(doc.Text)-1)
	for i := range a.Events {
		a.Events[i].Sentence = long
	}
	if has, err := s.Has(ctx, doc.ID); err != nil || has {
		t.Fatalf("Has before adding: %v %v", has, err)
	}
	mustAdd(t, s, doc, a)
	if has, err := s.Has(ctx, doc.ID); err != nil || !has {
		t.Fatalf("Has after adding: %v %v", has, err)
	}
	check := func(where string, evs []model.Event) {
		t.Helper()
		if len(evs) != 3 {
			t.Fatalf("%s: %d events", where, len(evs))
		}
		for _, e := range evs {
			if e.Sentence != long {
				t.Errorf("%s: sentence [%d,%d) of %d bytes, want the long sentence back", where, e.Sentence.Start, e.Sentence.End, len(e.Sentence.Text))
			}
		}
	}
	got, err := s.Analysis(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("Analysis", got.Events)
	if err := s.ForEachAnalysis(ctx, func(_ *model.Document, an *model.Analysis) error {
		check("ForEachAnalysis", an.Events)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The text is not stored once per event.
	var size int
	if err := s.(*sqlStore).db.QueryRow(`SELECT sum(length(CAST(data AS text))) FROM events`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	if size > longSentence {
		t.Errorf("the events' rows hold %d bytes: the sentence is stored with them", size)
	}
}
