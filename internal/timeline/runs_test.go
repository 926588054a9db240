package timeline

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// randomDossier makes documents whose events, quotes and deadlines fall on
// a few dozen dates at several precisions, with spans that are the
// documents' own words.
func randomDossier(rng *rand.Rand, docs int) ([]*model.Document, []*model.Analysis) {
	dates := []string{"2013", "2013-06", "2013-06-04", "2013-06-05", "2013-06-05", "2013-07", "2013-07-01", "2014-01-10", "2014-01-11", "2012-12-31"}
	actors := []string{"KENGOV", "UGAGOV", "ETHGOV"}
	kinds := []struct{ plover, root string }{{"CONSULT", "04"}, {"AGREE", "03"}, {"AID", "07"}}
	var ds []*model.Document
	var as []*model.Analysis
	for i := 0; i < docs; i++ {
		id := fmt.Sprintf("doc%03d", i)
		var b strings.Builder
		a := &model.Analysis{Doc: id}
		span := func(text string) model.Span {
			start := b.Len()
			b.WriteString(text)
			sp := model.Span{Start: start, End: b.Len(), Text: text}
			b.WriteString(" ")
			return sp
		}
		kind := model.KindArticle
		if rng.IntN(5) == 0 {
			kind = model.KindTranscript
		}
		for j := 0; j < 1+rng.IntN(6); j++ {
			k := kinds[rng.IntN(len(kinds))]
			src, tgt := actors[rng.IntN(3)], actors[rng.IntN(3)]
			sentence := span(fmt.Sprintf("%s met %s on the day in question (%d).", src, tgt, j))
			timex := span("on the day")
			by := []string{"sentence", "clause", "document"}[rng.IntN(3)]
			part := []string{"", "", "morning", "afternoon"}[rng.IntN(4)]
			e := model.Event{
				ID: fmt.Sprintf("%s-e%d", id, j), Doc: id, PLOVER: k.plover, Root: k.root, CAMEO: k.root + "0",
				Source:   model.Participant{Span: model.Span{Text: src}, Code: src},
				Target:   &model.Participant{Span: model.Span{Text: tgt}, Code: tgt},
				Trigger:  model.Span{Text: "met"},
				Sentence: sentence,
				When:     &model.Anchor{Kind: "point", Value: dates[rng.IntN(len(dates))], PartOfDay: part, By: by, Timex: &timex},
			}
			if j > 0 && rng.IntN(4) == 0 {
				e.When.After = []string{fmt.Sprintf("%s-e%d", id, j-1)}
			}
			a.Events = append(a.Events, e)
		}
		if rng.IntN(3) == 0 {
			b.WriteString("The review will be completed. ")
			t := span("by the end of June 2013")
			a.Timexes = append(a.Timexes, model.Timex{Span: t, Kind: "deadline", Value: "2013-06", EndValue: "2013-06-30", Granularity: "month"})
		}
		d := &model.Document{ID: id, Kind: kind, Title: id, Text: b.String()}
		ds, as = append(ds, d), append(as, a)
	}
	return ds, as
}

// TestSpilledRunsGiveTheSameTimeline: a collector that writes its items
// out in runs of a few items gives the timeline of one that holds them
// all, entry for entry, words of the evidence included, and removes its
// runs.
func TestSpilledRunsGiveTheSameTimeline(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 20; trial++ {
		docs, analyses := randomDossier(rng, 1+rng.IntN(40))
		whole := Collector{}
		dir := t.TempDir()
		spilled := Collector{Spill: &Spill{Dir: dir, Items: 1 + rng.IntN(8)}}
		for i, d := range docs {
			whole.Add(d, analyses[i])
			spilled.Add(d, analyses[i])
		}
		runs := filesUnder(t, dir)
		want, got := whole.Build(docs), spilled.Build(docs)
		if len(want) == 0 {
			t.Fatalf("trial %d: no entries: the test tests nothing", trial)
		}
		if len(docs) > 5 && runs == 0 {
			t.Fatalf("trial %d: nothing was written out", trial)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d (%d runs): the spilled timeline differs:\n%+v\nwant\n%+v", trial, runs, got, want)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("trial %d: %d runs left behind", trial, len(left))
		}
	}
}

// filesUnder counts the files in dir and its folders.
func filesUnder(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestEntriesAreHandedOnAsTheirDatesPass: over a thousand days, each
// with its own meeting, an entry is handed on once the items have moved
// past its day, so that few are open at once; a meeting known only to the
// year stays open through that year.
func TestEntriesAreHandedOnAsTheirDatesPass(t *testing.T) {
	open, most, handed := 0, 0, 0
	m := newMerger(func(int, *entry) error { open--; handed++; return nil })
	add := func(it item) {
		before := m.n
		if err := m.add(it); err != nil {
			t.Fatal(err)
		}
		if m.n > before {
			open++
		}
		most = max(most, open)
	}
	add(item{kind: "CONSULT", root: "04", start: "2020", src: "a", tgt: "b", consult: true, order: 0})
	for i := 0; i < 1000; i++ {
		day := fmt.Sprintf("2020-%02d-%02d", 1+i/28%12, 1+i%28)
		if i >= 12*28 {
			day = fmt.Sprintf("%d-%02d-%02d", 2021+i/(12*28)-1, 1+i/28%12, 1+i%28)
		}
		add(item{kind: "CONSULT", root: "04", start: day, src: "a", tgt: fmt.Sprint("c", i), consult: true, order: i + 1})
	}
	if err := m.finish(); err != nil {
		t.Fatal(err)
	}
	if handed != 1001 || open != 0 {
		t.Fatalf("%d entries handed on, %d left open; want all 1,001", handed, open)
	}
	if most > 3 {
		t.Errorf("%d entries open at once, want at most 3 (the year's, the day's, the next day's)", most)
	}
}
