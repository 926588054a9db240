package syntax

import (
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rss returns the resident memory of the process, in bytes.
func rss(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			return kb << 10
		}
	}
	t.Skip("no VmRSS")
	return 0
}

// TestIndexMemoryGivenBack builds the parser's index over and over and
// drops it: the memory mapped for its tables must be given back, not
// pile up.
func TestIndexMemoryGivenBack(t *testing.T) {
	m := loadShipped(t)
	w := m.parser.w
	size := len(w.ix.lines) + len(w.ix.ents) + 2*len(w.ix.dense)
	before := rss(t)
	const n = 30
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		if err := w.index(); err != nil {
			t.Fatal(err)
		}
		// touch the tables, as scoring would
		var buf scoreBuf
		w.score(probeFeatures(w, rng, 2000), make([]int32, denseStride), &buf)
	}
	grown := 0
	for range 50 {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
		if grown = rss(t) - before; grown < n*size/4 {
			break
		}
	}
	t.Logf("%d indexes of %d MB: the process grew by %d MB", n, size>>20, grown>>20)
	if grown >= n*size/4 {
		t.Errorf("the process grew by %d MB after %d indexes of %d MB were dropped", grown>>20, n, size>>20)
	}
}
