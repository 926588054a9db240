package text

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// benchCorpus builds a corpus of at least minBytes from the sentences of
// the example documents and the test texts. Documents are made of
// paragraphs of randomly drawn sentences in which digits are redrawn and
// candidate names are replaced by invented ones, so that the corpus is
// not one repeated string.
func benchCorpus(tb testing.TB, a *Analyzer, minBytes int) []string {
	tb.Helper()
	files, _ := filepath.Glob("../../examples/*/*.txt")
	more, _ := filepath.Glob("testdata/*.txt")
	files = append(files, more...)
	type sent struct {
		text  string
		names [][2]int // name offsets relative to the sentence
	}
	var sents []sent
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		d := a.Analyze(string(b))
		for i, s := range d.Sentences {
			st := sent{text: s.Text}
			for _, n := range d.Names() {
				if n.Sentence == i {
					st.names = append(st.names, [2]int{n.Start - s.Start, n.End - s.Start})
				}
			}
			sents = append(sents, st)
		}
	}
	if len(sents) == 0 {
		tb.Fatal("no sentences for the benchmark corpus")
	}
	invented := []string{
		"Tomas Ferreira", "Lina Haddad", "Ostrava", "Kivu Valley", "Hamid Rahimi",
		"Council of Coastal States", "Marta Kowalczyk", "Port Selin", "Ines Duarte",
		"Northern Accord", "Yusuf Demir", "the Delta Authority", "Arvid Holm",
		"Ngozi Eze", "Brenner Commission", "Sofia Marin", "Tarek Mansour",
	}
	rng := rand.New(rand.NewSource(1))
	var docs []string
	total := 0
	var b strings.Builder
	for total < minBytes {
		b.Reset()
		paras := 6 + rng.Intn(12)
		for p := 0; p < paras; p++ {
			if p > 0 {
				b.WriteString("\n\n")
			}
			n := 1 + rng.Intn(5)
			for k := 0; k < n; k++ {
				if k > 0 {
					b.WriteByte(' ')
				}
				s := sents[rng.Intn(len(sents))]
				last := 0
				for _, nm := range s.names {
					if nm[0] < last {
						continue
					}
					writeVaried(&b, s.text[last:nm[0]], rng)
					if rng.Intn(2) == 0 {
						b.WriteString(invented[rng.Intn(len(invented))])
					} else {
						b.WriteString(s.text[nm[0]:nm[1]])
					}
					last = nm[1]
				}
				writeVaried(&b, s.text[last:], rng)
			}
		}
		docs = append(docs, b.String())
		total += b.Len()
	}
	return docs
}

// writeVaried writes s with every ASCII digit redrawn.
func writeVaried(b *strings.Builder, s string, rng *rand.Rand) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' {
			c = byte('0' + rng.Intn(10))
		}
		b.WriteByte(c)
	}
}

var benchOnce struct {
	sync.Once
	a    *Analyzer
	docs []string
	size int64
	err  error
}

func benchSetup(b *testing.B) (*Analyzer, []string, int64) {
	b.Helper()
	benchOnce.Do(func() {
		benchOnce.a, benchOnce.err = New()
		if benchOnce.err != nil {
			return
		}
		benchOnce.docs = benchCorpus(b, benchOnce.a, 10<<20)
		for _, d := range benchOnce.docs {
			benchOnce.size += int64(len(d))
		}
	})
	if benchOnce.err != nil {
		b.Fatal(benchOnce.err)
	}
	return benchOnce.a, benchOnce.docs, benchOnce.size
}

// BenchmarkAnalyze analyses the whole corpus (>= 10 MB) per iteration on
// one goroutine.
func BenchmarkAnalyze(b *testing.B) {
	a, docs, size := benchSetup(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	sentences := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			sentences += len(a.Analyze(d).Sentences)
		}
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkAnalyzeParallel is BenchmarkAnalyze with one shared Analyzer
// used by GOMAXPROCS goroutines.
func BenchmarkAnalyzeParallel(b *testing.B) {
	a, docs, size := benchSetup(b)
	b.SetBytes(size / int64(len(docs)))
	b.ResetTimer()
	var mu sync.Mutex
	sentences := 0
	b.RunParallel(func(pb *testing.PB) {
		n, i := 0, 0
		for pb.Next() {
			n += len(a.Analyze(docs[i%len(docs)]).Sentences)
			i++
		}
		mu.Lock()
		sentences += n
		mu.Unlock()
	})
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkParse times tagging, lemmatising and parsing alone on the
// pre-split corpus.
func BenchmarkParse(b *testing.B) {
	a, docs, size := benchSetup(b)
	if err := a.LoadModel(); err != nil {
		b.Fatal(err)
	}
	pres := make([]*Doc, len(docs))
	sentences := 0
	for i, src := range docs {
		pres[i] = a.Segment(src)
		sentences += len(pres[i].Sentences)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range pres {
			a.parseAll(d, nil, nil)
		}
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkNew times loading the word lists, without the syntax model.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadModel times loading the syntax model.
func BenchmarkLoadModel(b *testing.B) {
	for i := 0; i < b.N; i++ {
		a, err := New()
		if err != nil {
			b.Fatal(err)
		}
		if err := a.LoadModel(); err != nil {
			b.Fatal(err)
		}
	}
}
