package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/store"
)

// writeFeeds writes two feeds with the same n items in opposite orders:
// two writers adding them at once take the items' rows in opposite
// orders unless the store orders them itself.
func writeFeeds(t *testing.T, dir string, n int) {
	t.Helper()
	item := func(i int) string {
		return fmt.Sprintf("<item><title>Council note %d</title><link>https://example.org/note-%d</link>"+
			"<description>The council of Eastbrook met on %d May 2024 and approved note %d.</description></item>\n", i, i, 1+i%28, i)
	}
	var fwd, back strings.Builder
	for i := 0; i < n; i++ {
		fwd.WriteString(item(i))
		back.WriteString(item(n - 1 - i))
	}
	for name, items := range map[string]string{"a.rss": fwd.String(), "b.rss": back.String()} {
		feed := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Eastbrook notes</title>` + "\n" + items + "</channel></rss>\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(feed), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFourWritersPostgres runs four dossier add processes at once on one
// PostgreSQL database, each adding the same folder (documents and two
// feeds holding the same items in opposite orders): every document is
// stored once, whole, nobody deadlocks or fails, and two analyze runs at
// once (the cross-document pass, under the dossier lock) both succeed and
// leave the results one run leaves.
func TestFourWritersPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("four writers on 150 documents")
	}
	dsn := postgresSchema(t)
	dir := t.TempDir()
	writeDocuments(t, dir, 120)
	writeFeeds(t, dir, 30)
	ref := filepath.Join(t.TempDir(), "ref.db")
	if code, _, errs := run(t, ref, "--quiet", "add", dir); code != 0 {
		t.Fatalf("reference add: %s", errs)
	}
	want := storeCounts(t, "sqlite", ref)

	var wg sync.WaitGroup
	errs := make([]string, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var stderr bytes.Buffer
			cmd := child("--db", dsn, "add", dir)
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				errs[w] = fmt.Sprintf("writer %d: %v\n%s", w, err, stderr.String())
			}
		}()
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Error(e)
		}
	}
	got := storeCounts(t, "pgx", dsn)
	checkWhole(t, got, want, "after four writers")
	if len(got) != len(want) {
		t.Errorf("four writers stored %d documents, want %d", len(got), len(want))
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows, ids int
	if err := db.QueryRow(`SELECT count(*), count(DISTINCT id) FROM documents`).Scan(&rows, &ids); err != nil || rows != ids {
		t.Errorf("%d document rows for %d ids (%v)", rows, ids, err)
	}

	// Two cross-document passes at once, started while this test holds
	// the dossier lock: neither may finish while it is held (they wait
	// for it), both finish once it is released, and the stored results
	// are those of one pass, not a mixture of two.
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	done := make(chan int, 2)
	err = st.Exclusive(context.Background(), "dossier", func() error {
		for k := 0; k < 2; k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var stderr bytes.Buffer
				// recheck always runs the pass (analyze runs it only when
				// the stored results are stale)
				cmd := child("--db", dsn, "--quiet", "recheck")
				cmd.Stderr = &stderr
				if err := cmd.Run(); err != nil {
					errs[k] = fmt.Sprintf("recheck %d: %v\n%s", k, err, stderr.String())
				}
				done <- k
			}()
		}
		// Both must come to wait for the lock: PostgreSQL lists them as
		// advisory locks not granted.
		deadline := time.Now().Add(90 * time.Second)
		for {
			var waiting int
			if err := db.QueryRow(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`).Scan(&waiting); err != nil {
				return err
			}
			if waiting >= 2 {
				break
			}
			select {
			case k := <-done:
				t.Errorf("recheck %d finished while the dossier lock was held elsewhere: %s", k, errs[k])
				return nil
			case <-time.After(50 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Errorf("the two recheck runs never waited for the dossier lock")
				return nil
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for _, e := range errs[:2] {
		if e != "" {
			t.Fatal(e)
		}
	}
	stored := func() [4]int {
		var c [4]int
		for i, table := range []string{"results_quotes", "results_events", "timeline", "findings"} {
			if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&c[i]); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	both := stored()
	if code, _, errs := run(t, dsn, "--quiet", "recheck"); code != 0 {
		t.Fatalf("recheck alone: %s", errs)
	}
	if one := stored(); one != both {
		t.Errorf("results after two passes at once %v, after one pass alone %v", both, one)
	}
}

// BenchmarkWriters measures how fast documents are added to one store by
// one dossier add process and by four at once, each adding a quarter:
// 1,000 generated documents of about 3 KB. With PostgreSQL
// (DOSSIER_TEST_POSTGRES set) and with SQLite, where writers take turns.
// It reports documents per second of wall time, and the writers' CPU
// time per document.
func BenchmarkWriters(b *testing.B) {
	dir := b.TempDir()
	const n = 1000
	all := filepath.Join(dir, "all")
	var parts []string
	for k := 0; k < 4; k++ {
		p := filepath.Join(all, fmt.Sprintf("part%d", k))
		if err := os.MkdirAll(p, 0o755); err != nil {
			b.Fatal(err)
		}
		parts = append(parts, p)
	}
	gen := filepath.Join(dir, "gen")
	if err := os.Mkdir(gen, 0o755); err != nil {
		b.Fatal(err)
	}
	writeDocuments(b, gen, n)
	files, _ := filepath.Glob(filepath.Join(gen, "*.txt"))
	for i, f := range files {
		if err := os.Rename(f, filepath.Join(parts[i%4], filepath.Base(f))); err != nil {
			b.Fatal(err)
		}
	}
	stores := []struct {
		name string
		dsn  func() string
	}{
		{"sqlite", func() string { return filepath.Join(b.TempDir(), "w.db") }},
	}
	if os.Getenv("DOSSIER_TEST_POSTGRES") != "" {
		stores = append(stores, struct {
			name string
			dsn  func() string
		}{"postgres", func() string { return postgresSchema(b) }})
	}
	for _, st := range stores {
		for _, writers := range []int{1, 4} {
			b.Run(fmt.Sprintf("%s/writers=%d", st.name, writers), func(b *testing.B) {
				var elapsed time.Duration
				var cpu atomic.Int64 // the writers' CPU time, in nanoseconds
				var server time.Duration
				for i := 0; i < b.N; i++ {
					dsn := st.dsn()
					// The schema is made before the clock starts.
					s, err := store.Open(context.Background(), dsn)
					if err != nil {
						b.Fatal(err)
					}
					_ = s.Close()
					start := time.Now()
					s0 := serverCPU(st.name)
					var wg sync.WaitGroup
					failed := make(chan string, writers)
					for w := 0; w < writers; w++ {
						args := []string{"--db", dsn, "--quiet", "add"}
						if writers == 1 {
							args = append(args, parts...)
						} else {
							args = append(args, parts[w])
						}
						wg.Add(1)
						go func() {
							defer wg.Done()
							var stderr bytes.Buffer
							cmd := child(args...)
							cmd.Stderr = &stderr
							if err := cmd.Run(); err != nil {
								failed <- fmt.Sprintf("%v: %s", err, stderr.String())
							}
							if ps := cmd.ProcessState; ps != nil {
								cpu.Add(int64(ps.UserTime() + ps.SystemTime()))
							}
						}()
					}
					wg.Wait()
					elapsed += time.Since(start)
					if s0 > 0 {
						// The writers' server processes end after them: their
						// time counts once the server has collected them.
						time.Sleep(2 * time.Second)
					}
					server += serverCPU(st.name) - s0
					close(failed)
					for f := range failed {
						b.Fatal(f)
					}
				}
				b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "docs/s")
				// On a shared machine wall time depends on the load; the
				// writers' own CPU time per document does not.
				b.ReportMetric(float64(cpu.Load())/1e6/float64(n*b.N), "writer-cpu-ms/doc")
				if server > 0 {
					b.ReportMetric(float64(server.Nanoseconds())/1e6/float64(n*b.N), "server-cpu-ms/doc")
				}
			})
		}
	}
}

// serverCPU is the CPU time the PostgreSQL server of scripts/postgres-test.sh
// (DOSSIER_PG_DIR) and its exited backends have used, read from /proc;
// 0 when it cannot be read or for another store.
func serverCPU(store string) time.Duration {
	dir := os.Getenv("DOSSIER_PG_DIR")
	if store != "postgres" || dir == "" {
		return 0
	}
	pid, err := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid"))
	if err != nil {
		return 0
	}
	stat, err := os.ReadFile(filepath.Join("/proc", strings.SplitN(string(pid), "\n", 2)[0], "stat"))
	if err != nil {
		return 0
	}
	// After the command name in parentheses: utime, stime, cutime and
	// cstime are fields 14 to 17, in clock ticks (100 a second on Linux).
	f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	if len(f) < 15 {
		return 0
	}
	var ticks int64
	for _, v := range f[11:15] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0
		}
		ticks += n
	}
	return time.Duration(ticks) * (time.Second / 100)
}
