package pipeline_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/text"
)

// The throughput and memory checks of `dossier code`: the whole per-line
// path (JSON decoding, the filter of texts with no possible trigger,
// tokenizing, tagging, parsing, mention finding, event coding, JSON
// encoding) through pipeline.PrepareToCode and Coder.CodeStream, as the
// CLI wires it.
//
//	go test ./internal/pipeline/ -run XXX -bench 'Code$' -benchtime 1x
//	go test ./internal/pipeline/ -run CodeConstantMemory -v
//	go test ./internal/pipeline/ -run XXX -bench Code1M -benchtime 1x

// corpusFiles are the texts sentences are drawn from.
var corpusFiles = []string{
	"../../examples/nato-libya/*.txt",
	"../*/testdata/*.txt",
}

// Words swapped for others of the same kind so that the generated
// sentences are not one repeated string.
var (
	swapCountries = []string{"Libya", "Kenya", "Somalia", "Uganda", "Chad", "Niger", "Ghana", "Togo",
		"Peru", "Chile", "Sweden", "Hungary", "Romania", "Egypt", "Tunisia", "France", "Germany", "Italy"}
	swapDemonyms = []string{"Libyan", "Kenyan", "Somali", "Ugandan", "French", "German", "Italian",
		"Egyptian", "Tunisian", "Swedish", "American", "British"}
	swapMonths = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	swapDays    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	swapPeople  = []string{"Rasmussen", "Zeidan", "Okafor", "Lindqvist", "Moreau", "Haddad", "Novak"}
	swapCapital = []string{"Tripoli", "Nairobi", "Brussels", "Vienna", "Cairo", "Paris", "Berlin", "Rome"}
)

// corpus holds the sentences of the bundled texts and the swap lists by
// word.
type corpus struct {
	sents []string
	swap  map[string][]string
}

var (
	corpusOnce sync.Once
	corpusVal  *corpus
	corpusErr  error
	pipeOnce   sync.Once
	pipeVal    *pipeline.Pipeline
	pipeErr    error
)

func testPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	pipeOnce.Do(func() { pipeVal, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		tb.Fatal(pipeErr)
	}
	return pipeVal
}

// loadCorpus splits the bundled texts into sentences with the pipeline's
// own text layer.
func loadCorpus(tb testing.TB) *corpus {
	tb.Helper()
	corpusOnce.Do(func() {
		ta, err := text.New()
		if err != nil {
			corpusErr = err
			return
		}
		c := &corpus{swap: map[string][]string{}}
		for _, list := range [][]string{swapCountries, swapDemonyms, swapMonths, swapDays, swapPeople, swapCapital} {
			for _, w := range list {
				c.swap[w] = list
			}
		}
		seen := map[string]bool{}
		for _, pat := range corpusFiles {
			files, err := filepath.Glob(pat)
			if err != nil {
				corpusErr = err
				return
			}
			for _, f := range files {
				raw, err := os.ReadFile(f)
				if err != nil {
					corpusErr = err
					return
				}
				for _, s := range ta.Sentences(string(raw)) {
					st := strings.Join(strings.Fields(s.Text), " ")
					if len(st) < 15 || seen[st] {
						continue
					}
					seen[st] = true
					c.sents = append(c.sents, st)
				}
			}
		}
		if len(c.sents) < 50 {
			corpusErr = fmt.Errorf("only %d corpus sentences", len(c.sents))
			return
		}
		corpusVal = c
	})
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return corpusVal
}

// vary rewrites sentence s with names, days, months and numbers swapped.
func (c *corpus) vary(rng *rand.Rand, s string, out []byte) []byte {
	start := len(out)
	for i, w := range strings.Split(s, " ") {
		if i > 0 {
			out = append(out, ' ')
		}
		core := strings.TrimRight(w, ".,;:!?”\"'’)")
		tail := w[len(core):]
		poss := ""
		if strings.HasSuffix(core, "’s") || strings.HasSuffix(core, "'s") {
			k := strings.LastIndexAny(core, "’'")
			core, poss = core[:k], core[k:]
		}
		if list, ok := c.swap[core]; ok && rng.IntN(3) > 0 {
			core = list[rng.IntN(len(list))]
		} else if core == "" || core[0] < '0' || core[0] > '9' {
			// Not a number: kept.
		} else if n, err := strconv.Atoi(core); err == nil && rng.IntN(2) == 0 {
			switch {
			case n >= 1900 && n <= 2100:
				core = strconv.Itoa(2005 + rng.IntN(15))
			case n >= 1 && n <= 31:
				core = strconv.Itoa(1 + rng.IntN(28))
			default:
				core = strconv.Itoa(rng.IntN(10 * (n + 1)))
			}
		}
		out = append(out, core...)
		out = append(out, poss...)
		out = append(out, tail...)
	}
	if len(out) == start {
		out = append(out, s...)
	}
	return out
}

// lineGen is an io.Reader of generated JSON Lines {"id","date","text"},
// made on the fly: the input is never held in memory.
type lineGen struct {
	c     *corpus
	rng   *rand.Rand
	lines int // lines to make
	done  atomic.Int64
	sents int64 // sentences written so far (the generator's count)
	buf   []byte
	text  []byte
	off   int
}

func newLineGen(c *corpus, lines int, seed uint64) *lineGen {
	return &lineGen{c: c, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), lines: lines}
}

// Read implements io.Reader.
func (g *lineGen) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if g.off >= len(g.buf) {
			if int(g.done.Load()) >= g.lines {
				break
			}
			g.next()
		}
		k := copy(p[n:], g.buf[g.off:])
		g.off += k
		n += k
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// next makes one line of one to three consecutive corpus sentences.
func (g *lineGen) next() {
	k := 1 + g.rng.IntN(3)
	at := g.rng.IntN(len(g.c.sents))
	g.text = g.text[:0]
	for j := range k {
		if j > 0 {
			g.text = append(g.text, ' ')
		}
		g.text = g.c.vary(g.rng, g.c.sents[(at+j)%len(g.c.sents)], g.text)
	}
	g.sents += int64(k)
	i := g.done.Load()
	date := time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(7*365))
	g.buf = append(g.buf[:0], `{"id":"s`...)
	g.buf = strconv.AppendInt(g.buf, i, 10)
	g.buf = append(g.buf, `","date":"`...)
	g.buf = date.AppendFormat(g.buf, "2006-01-02")
	g.buf = append(g.buf, `","text":`...)
	tb, _ := json.Marshal(string(g.text))
	g.buf = append(g.buf, tb...)
	g.buf = append(g.buf, '}', '\n')
	g.off = 0
	g.done.Add(1)
}

// heapSampler records the largest HeapInuse every 50 ms, split by a phase
// the caller chooses (0 or 1).
type heapSampler struct {
	peak  [2]atomic.Uint64
	stop  chan struct{}
	wg    sync.WaitGroup
	phase func() int
}

func startHeapSampler(phase func() int) *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), phase: phase}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-h.stop:
				return
			case <-t.C:
				ph := h.phase()
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > h.peak[ph].Load() {
					h.peak[ph].Store(ms.HeapInuse)
				}
			}
		}
	}()
	return h
}

func (h *heapSampler) finish() (first, second uint64) {
	close(h.stop)
	h.wg.Wait()
	return h.peak[0].Load(), h.peak[1].Load()
}

// writeInput writes generated lines holding at least nSent sentences to a
// temporary file.
func writeInput(tb testing.TB, c *corpus, nSent int64) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "input.jsonl")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	g := newLineGen(c, 1<<62, 1)
	w := bufio.NewWriterSize(f, 1<<20)
	for g.sents < nSent {
		g.next()
		if _, err := w.Write(g.buf); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// benchCode streams a file of at least nSent generated sentences through
// CodeStream b.N times and reports throughput and peak heap.
func benchCode(b *testing.B, nSent int64) {
	c := loadCorpus(b)
	// The text layer splits a little fewer sentences than the generator
	// counts (". . ." and the like): make a tenth more.
	benchCodeFile(b, writeInput(b, c, nSent+nSent/10))
}

// benchCodeFile streams the JSON Lines file at path through CodeStream
// b.N times and reports throughput and peak heap.
func benchCodeFile(b *testing.B, path string) {
	p := testPipeline(b)
	runtime.GC()
	h := startHeapSampler(func() int { return 0 })
	b.ReportAllocs()
	b.ResetTimer()
	var sents, lines int64
	cpu0 := cpuTime()
	start := time.Now()
	for range b.N {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		var st events.StreamStats
		err = p.Coder().CodeStream(context.Background(), f, io.Discard, events.StreamOptions{Prepare: p.PrepareToCode, Stats: &st})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if st.BadLines != 0 {
			b.Fatalf("%d bad lines", st.BadLines)
		}
		sents += st.Sentences
		lines += st.Lines
	}
	el := time.Since(start).Seconds()
	cpu := (cpuTime() - cpu0).Seconds()
	b.StopTimer()
	peak, _ := h.finish()
	procs := float64(runtime.GOMAXPROCS(0))
	b.ReportMetric(float64(sents)/el, "sentences/s")
	b.ReportMetric(float64(sents)/el/procs, "sentences/s/core")
	if cpu > 0 {
		// Per CPU second of this process: the figure to trust on a loaded
		// machine, where wall time also counts other processes' work.
		b.ReportMetric(float64(sents)/cpu, "sentences/cpu-s")
	}
	b.ReportMetric(float64(sents)/float64(b.N), "sentences/op")
	b.ReportMetric(float64(lines)/float64(b.N), "lines/op")
	b.ReportMetric(float64(peak)/(1<<20), "peakHeapInuseMB")
}

// BenchmarkCode codes a file of at least 100,000 generated sentences.
func BenchmarkCode(b *testing.B) { benchCode(b, 100_000) }

// BenchmarkCodeFile codes the JSON Lines file that $CODE_BENCH_FILE
// names ({"id","date","text"}, as dossier code reads them): real text,
// whose share of sentences with no possible event is its own.
func BenchmarkCodeFile(b *testing.B) {
	path := os.Getenv("CODE_BENCH_FILE")
	if path == "" {
		b.Skip("set CODE_BENCH_FILE to a JSON Lines file")
	}
	benchCodeFile(b, path)
}

// BenchmarkCode1M codes a file of one million generated sentences: the
// figure for the README. Run it on its own: -bench Code1M.
func BenchmarkCode1M(b *testing.B) {
	if f := flag.Lookup("test.bench"); f == nil || !strings.Contains(f.Value.String(), "1M") {
		b.Skip("a minute or more: run it with -bench Code1M")
	}
	benchCode(b, 1_000_000)
}

// TestCodeConstantMemory streams generated lines made on the fly through
// CodeStream and checks that the heap does not grow with the input: the
// peak HeapInuse of the second half may not exceed 1.5 times that of the
// first half plus a slack.
func TestCodeConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 40,000 lines")
	}
	// 40,000 lines keep the test under a minute on two cores now that
	// every sentence is parsed; the coder's window holds at most a few
	// hundred lines, so each half still streams a hundred windows.
	const lines = 40_000
	const slack = 32 << 20
	p := testPipeline(t)
	c := loadCorpus(t)
	g := newLineGen(c, lines, 7)
	runtime.GC()
	h := startHeapSampler(func() int {
		if g.done.Load() < lines/2 {
			return 0
		}
		return 1
	})
	var st events.StreamStats
	err := p.Coder().CodeStream(context.Background(), g, io.Discard, events.StreamOptions{Prepare: p.PrepareToCode, Stats: &st})
	first, second := h.finish()
	if err != nil {
		t.Fatal(err)
	}
	if st.Lines != lines || st.BadLines != 0 {
		t.Fatalf("coded %d lines (%d bad), want %d", st.Lines, st.BadLines, lines)
	}
	t.Logf("%d lines, %d sentences, %d events; peak HeapInuse %.1f MB (first half), %.1f MB (second half)",
		st.Lines, st.Sentences, st.Events, float64(first)/(1<<20), float64(second)/(1<<20))
	if first == 0 || second == 0 {
		t.Skip("too fast to sample the heap in both halves")
	}
	if limit := first + first/2 + slack; second > limit {
		t.Errorf("peak HeapInuse grew from %d to %d bytes (limit %d): memory grows with the input", first, second, limit)
	}
}
