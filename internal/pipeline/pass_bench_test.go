package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/report"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/testcorpus"
)

// The cross-document pass at scale, on generated 4 KB documents (5%
// transcripts):
//
//	DOSSIER_SCALE_DOCS=10000 go test -run XXX -bench PassScale -benchtime 1x -timeout 2h ./internal/pipeline
//
// DOSSIER_SCALE_DOCS is the number of documents (default 1,000);
// DOSSIER_SCALE_STORE, when set, is an SQLite file kept between runs, so
// that the documents are analysed and added once. The benchmark reports
// the full pass (every document checked), an incremental pass after one
// more article, reading every finding, and writing the HTML report, each
// with the CPU time it took and the peak of the Go heap during it.

// scaleStore opens (and fills, when it holds fewer than n documents) a
// store of n generated documents.
func scaleStore(b *testing.B, p *pipeline.Pipeline, n int) store.Store {
	b.Helper()
	ctx := context.Background()
	path := os.Getenv("DOSSIER_SCALE_STORE")
	if path == "" {
		path = filepath.Join(b.TempDir(), "scale.db")
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	have := 0
	if docs, err := st.PassStatus(ctx); err == nil {
		have = docs.Documents
	}
	if have >= n {
		return st
	}
	g, err := testcorpus.New("../..", 1)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := g.Fill(ctx, p, st, have, n); err != nil {
		b.Fatal(err)
	}
	b.Logf("analysed and stored %d documents in %v", n-have, time.Since(start).Round(time.Second))
	return st
}

// peakHeap samples the Go heap until stop is closed and returns its
// peak, in MB.
func peakHeap(stop <-chan struct{}) <-chan float64 {
	out := make(chan float64, 1)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			select {
			case <-stop:
				out <- float64(peak) / 1e6
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// measure runs fn and returns the CPU time it took (the machine may be
// shared, so wall time says little) and the heap's peak.
func measure(fn func()) (time.Duration, float64) {
	runtime.GC()
	stop := make(chan struct{})
	peak := peakHeap(stop)
	start := cpuTime()
	fn()
	took := cpuTime() - start
	close(stop)
	return took, <-peak
}

func BenchmarkPassScale(b *testing.B) {
	n := 1000
	if s := os.Getenv("DOSSIER_SCALE_DOCS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	st := scaleStore(b, p, n)
	ctx := context.Background()
	g, err := testcorpus.New("../..", 2)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var stats pipeline.PassStats
		took, peak := measure(func() {
			if stats, err = p.Pass(ctx, st, pipeline.PassOptions{Full: true}); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(took.Seconds(), "cpu-s/full-pass")
		b.ReportMetric(peak, "MB-peak-heap/full-pass")
		b.ReportMetric(float64(stats.Documents)/took.Seconds(), "docs/cpu-s")
		b.Logf("full pass: %+v", stats)

		// One more article.
		b.StopTimer()
		g.TranscriptShare = 0
		name, data := g.Document(n + int(time.Now().UnixNano()%1000000))
		docs, err := ingest.Parse(ctx, fmt.Sprintf("extra-%d-%s", i, name), data, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		a, err := p.Document(ctx, docs[0])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.AddDocument(ctx, docs[0], a); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		took, peak = measure(func() {
			if stats, err = p.Pass(ctx, st, pipeline.PassOptions{}); err != nil {
				b.Fatal(err)
			}
		})
		if stats.Full || stats.Checked != 1 {
			b.Errorf("incremental pass: %+v", stats)
		}
		b.ReportMetric(took.Seconds(), "cpu-s/incremental-pass")
		b.Logf("incremental pass: %+v", stats)
		b.ReportMetric(peak, "MB-peak-heap/incremental-pass")

		findings := 0
		took, peak = measure(func() {
			if err := st.ForEachFinding(ctx, store.FindingQuery{}, func(model.Finding) error { findings++; return nil }); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(took.Seconds(), "cpu-s/read-findings")
		b.ReportMetric(peak, "MB-peak-heap/read-findings")
		b.ReportMetric(float64(findings), "findings")

		// The HTML report, read from the store as it is written.
		took, peak = measure(func() {
			if err := report.StreamHTML(ctx, io.Discard, report.Stored(st), ""); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(took.Seconds(), "cpu-s/report-html")
		b.ReportMetric(peak, "MB-peak-heap/report-html")
	}
}
