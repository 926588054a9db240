package syntax

import (
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/devcorpora"
)

// BenchmarkAnalyze tags and parses the development sentences of the
// treebank (../shared/corpora/ud; the first SYNTAX_BENCH_N of them when
// set) with the model in SYNTAX_BENCH_MODEL (default: the shipped one)
// and the shipped classes of function words by relation (retag.tsv).
func BenchmarkAnalyze(b *testing.B) {
	path := os.Getenv("SYNTAX_BENCH_MODEL")
	if path == "" {
		path = "../../data/text/syntax.model"
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	m, err := Load(raw)
	if err != nil {
		b.Fatal(err)
	}
	// the classes of function words by relation, as the text layer sets them
	if rf, err := os.Open("../../data/text/retag.tsv"); err == nil {
		rules, err := ReadRetag(rf)
		rf.Close()
		if err != nil {
			b.Fatal(err)
		}
		m.SetRetag(rules)
	}
	f, err := os.Open(devcorpora.Path(b, "ud", "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	dev, _ := ReadCoNLLU(f, "dev")
	if n, err := strconv.Atoi(os.Getenv("SYNTAX_BENCH_N")); err == nil && n < len(dev) {
		dev = dev[:n]
	}
	forms := make([][]string, len(dev))
	for i, s := range dev {
		for _, w := range s.Words {
			forms[i] = append(forms[i], w.Form)
		}
	}
	var sc Scratch
	var out Tags
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for _, f := range forms {
			m.Analyze(f, nil, &out, &sc)
			n++
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	// On a shared machine wall time counts other programs' turns: the
	// figure to report is per CPU-second of this process.
	b.ReportMetric(float64(n)/cpu.Seconds(), "sentences/CPU-s")
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
