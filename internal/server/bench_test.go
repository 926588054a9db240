package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/testcorpus"
)

// Readers of the workspace at scale: a generated store, readers that
// open findings pages (with and without filters) and document pages over
// real HTTP on the loopback interface.
//
//	DOSSIER_SCALE_DOCS=10000 DOSSIER_SCALE_STORE=/tmp/scale10k.db \
//	  go test -run XXX -bench Serve -benchtime 1x -timeout 2h ./internal/server
//
// DOSSIER_SCALE_DOCS (default 1,000) documents are generated, analysed
// and checked once into DOSSIER_SCALE_STORE (a temporary file when not
// set). DOSSIER_READERS (default 200) readers run for DOSSIER_READ_SECONDS
// (default 30) seconds, each reading a page, then pausing for a random
// 0–2 s (DOSSIER_THINK=0 for none: back-to-back requests, a stress test).
// The benchmark reports the latency percentiles, errors, requests per
// second, and the Go heap after a collection at the end of each third of
// the run: memory that grew with requests would show there.

func envInt(b *testing.B, name string, def int) int {
	if s := os.Getenv(name); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		return n
	}
	return def
}

func scaleServerStore(b *testing.B, n int) store.Store {
	b.Helper()
	ctx := context.Background()
	path := os.Getenv("DOSSIER_SCALE_STORE")
	if path == "" {
		path = filepath.Join(b.TempDir(), "scale.db")
	}
	st, err := store.Open(ctx, path, store.WithHighlight(MarkStart, MarkEnd))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	status, err := st.PassStatus(ctx)
	if err != nil {
		b.Fatal(err)
	}
	p := testPipeline(b)
	if status.Documents < n {
		g, err := testcorpus.New("../..", 1)
		if err != nil {
			b.Fatal(err)
		}
		if err := g.Fill(ctx, p, st, status.Documents, n); err != nil {
			b.Fatal(err)
		}
	}
	// Results of a complete pass over every document are what the
	// server reads, whichever build made them.
	if status, err = st.PassStatus(ctx); err != nil {
		b.Fatal(err)
	}
	if !status.Started || !status.State.Complete || status.Pending > 0 {
		if _, err := p.Pass(ctx, st, pipeline.PassOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

func heapAfterGC() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / 1e6
}

func BenchmarkServe(b *testing.B) {
	n := envInt(b, "DOSSIER_SCALE_DOCS", 1000)
	readers := envInt(b, "DOSSIER_READERS", 200)
	seconds := envInt(b, "DOSSIER_READ_SECONDS", 30)
	think := envInt(b, "DOSSIER_THINK", 1) != 0
	st := scaleServerStore(b, n)
	ctx := context.Background()
	docs, _, err := st.ListDocuments(ctx, 0, 0)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	docs = nil
	kinds, _, err := st.FindingKinds(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var kindList []string
	for k := range kinds {
		kindList = append(kindList, k)
	}
	findings, _ := st.CountFindings(ctx, store.FindingQuery{})
	pages := max(1, findings/pageSize)
	srv, err := New(Options{Store: st, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: readers, MaxConnsPerHost: readers}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()

	url := func(rng *rand.Rand) string {
		switch rng.IntN(4) {
		case 0:
			return "/findings"
		case 1:
			p := rng.IntN(min(pages, 200)) + 1
			return fmt.Sprintf("/findings?page=%d", p)
		case 2:
			return "/findings?kind=" + kindList[rng.IntN(len(kindList))] + "&severity=medium"
		}
		return "/doc/" + ids[rng.IntN(len(ids))]
	}
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		var (
			mu        sync.Mutex
			latencies []time.Duration
			errs      int
			firstErr  string
		)
		heaps := make([]float64, 0, 4)
		heaps = append(heaps, heapAfterGC())
		deadline := time.Now().Add(time.Duration(seconds) * time.Second)
		var wg sync.WaitGroup
		for r := 0; r < readers; r++ {
			wg.Add(1)
			go func(r int) {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(r), uint64(it)))
				if think {
					time.Sleep(time.Duration(rng.IntN(2000)) * time.Millisecond)
				}
				for time.Now().Before(deadline) {
					u := url(rng)
					start := time.Now()
					resp, err := client.Get(ts.URL + u)
					var status int
					if err == nil {
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						status = resp.StatusCode
					}
					d := time.Since(start)
					mu.Lock()
					latencies = append(latencies, d)
					if err != nil || status != http.StatusOK {
						errs++
						if firstErr == "" {
							firstErr = fmt.Sprintf("GET %s: %d %v", u, status, err)
						}
					}
					mu.Unlock()
					if think {
						time.Sleep(time.Duration(rng.IntN(2000)) * time.Millisecond)
					}
				}
			}(r)
		}
		// The heap at the end of each third of the run.
		for k := 1; k <= 2; k++ {
			time.Sleep(time.Duration(seconds) * time.Second / 3)
			heaps = append(heaps, heapAfterGC())
		}
		wg.Wait()
		heaps = append(heaps, heapAfterGC())
		sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
		pct := func(p float64) float64 {
			if len(latencies) == 0 {
				return 0
			}
			return float64(latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Microseconds()) / 1000
		}
		b.ReportMetric(pct(0.50), "ms-p50")
		b.ReportMetric(pct(0.99), "ms-p99")
		b.ReportMetric(pct(1), "ms-max")
		b.ReportMetric(float64(len(latencies))/float64(seconds), "req/s")
		b.ReportMetric(float64(errs), "errors")
		b.Logf("%d documents, %d findings; %d readers for %ds (think time %v): %d requests; heap after GC %.1f → %.1f → %.1f → %.1f MB",
			len(ids), findings, readers, seconds, think, len(latencies), heaps[0], heaps[1], heaps[2], heaps[3])
		if errs > 0 {
			b.Errorf("%d errors, the first: %s", errs, firstErr)
		}
	}
}
