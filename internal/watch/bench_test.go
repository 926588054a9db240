package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// BenchmarkPollFeed polls a local feed of 100 new items whose pages are
// 5 KB articles, into a fresh SQLite store each time: fetching (with the
// manners, the delay set to a microsecond), main-text extraction and the
// store, without the linguistic analysis (see the pipeline's benchmarks).
func BenchmarkPollFeed(b *testing.B) {
	const items = 100
	s := newSite(b)
	var its []feedItem
	para := strings.Repeat("The harbour board of Ostrava Bay discussed the mooring fees, the dredging of the north basin and the ferry timetable. ", 8)
	for i := range items {
		p := fmt.Sprintf("/n/%d", i)
		its = append(its, feedItem{fmt.Sprint(i), s.url(p), fmt.Sprintf("Notice %d", i)})
		s.set(p, "text/html", article(fmt.Sprintf("Notice %d", i), fmt.Sprintf("Notice %d. %s</p><p>%s</p><p>%s", i, para, para, para)))
	}
	s.set("/feed.xml", "application/rss+xml", rss(its...))
	c := fetch.New(clientOptions())
	defer c.Close()
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		w := New(Options{Client: c, Store: st, Analyse: func(ctx context.Context, d *model.Document) (*model.Analysis, error) {
			return &model.Analysis{Doc: d.ID}, nil
		}})
		res, err := w.Poll(ctx, []string{s.url("/feed.xml")})
		if err != nil || res.Added != items {
			b.Fatalf("poll: %+v, %v", res, err)
		}
		st.Close()
	}
	b.ReportMetric(float64(items*b.N)/b.Elapsed().Seconds(), "pages/s")
}
