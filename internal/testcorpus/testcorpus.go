// Package testcorpus generates documents for scale tests and benchmarks:
// news articles and transcripts made of the paragraphs of real texts
// (the bundled example and the test documents of the repository),
// shuffled, with digits, months and weekdays varied, so that no two
// documents are the same and every stage has work to do: dated meetings,
// quotes to verify, announcements, anonymous sources, weekdays to check.
//
// In: the repository's root directory and a seed. Out: document i as a
// file name and its bytes, the same for the same seed and i.
package testcorpus

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
)

// Sources are the texts the documents are made of, relative to the
// repository's root.
var Sources = []string{
	"examples/*/*.txt",
	"internal/ingest/testdata/*.txt",
	"internal/quotes/testdata/*.txt",
	"internal/text/testdata/*.txt",
	"internal/cli/testdata/*/*.txt",
}

// Generator makes documents.
type Generator struct {
	seed uint64
	// paras are the paragraphs of articles; turns the speaker turns of
	// transcripts (a labelled paragraph and the paragraphs that go on
	// with it).
	paras, turns []string
	// TranscriptShare is the share of documents that are transcripts
	// (primary records); the others are articles. Default 0.05.
	TranscriptShare float64
	// Size is the length a document grows to, in bytes. Default 4,000.
	Size int
}

var label = regexp.MustCompile(`^(Q|A|[A-Z][A-Z .'’-]{2,60}(\([^)\n]{1,80}\))?):`)

// New reads the sources under root.
func New(root string, seed uint64) (*Generator, error) {
	g := &Generator{seed: seed, TranscriptShare: 0.05, Size: 4000}
	for _, pat := range Sources {
		files, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			docs, err := ingest.Parse(context.Background(), f, data, ingest.Options{})
			if err != nil || len(docs) != 1 {
				continue
			}
			paras := paragraphs(docs[0].Text)
			if !docs[0].Kind.Primary() || len(docs[0].Turns) == 0 {
				// The first paragraph is the title.
				if len(paras) > 1 {
					g.paras = append(g.paras, paras[1:]...)
				}
				continue
			}
			var turn []string
			for _, p := range paras {
				switch {
				case label.MatchString(p):
					if len(turn) > 0 {
						g.turns = append(g.turns, strings.Join(turn, "\n\n"))
					}
					turn = []string{p}
				case len(turn) > 0:
					turn = append(turn, p)
				}
			}
			if len(turn) > 0 {
				g.turns = append(g.turns, strings.Join(turn, "\n\n"))
			}
		}
	}
	if len(g.paras) == 0 || len(g.turns) == 0 {
		return nil, fmt.Errorf("testcorpus: no source texts under %s", root)
	}
	return g, nil
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	word     = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
)

// vary changes the digits of p, and now and then a month or a weekday.
func vary(rng *rand.Rand, p string) string {
	p = word.ReplaceAllStringFunc(p, func(w string) string {
		if rng.IntN(3) > 0 {
			return w
		}
		for _, m := range months {
			if m == w {
				return months[rng.IntN(len(months))]
			}
		}
		return weekdays[rng.IntN(len(weekdays))]
	})
	b := []byte(p)
	for i, c := range b {
		if c >= '0' && c <= '9' && rng.IntN(2) == 0 {
			b[i] = '0' + byte(rng.IntN(10))
		}
	}
	return string(b)
}

// Document returns document i: its file name and bytes.
func (g *Generator) Document(i int) (string, []byte) {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)))
	date := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(6*365))
	var b bytes.Buffer
	if rng.Float64() < g.TranscriptShare {
		fmt.Fprintf(&b, "Press conference number %d\n\n%s\n\n", i, date.Format("2 January 2006"))
		for b.Len() < g.Size {
			b.WriteString(vary(rng, g.turns[rng.IntN(len(g.turns))]))
			b.WriteString("\n\n")
		}
		return fmt.Sprintf("transcript-%06d.txt", i), b.Bytes()
	}
	fmt.Fprintf(&b, "Report number %d\n\nDate: %s\n\n", i, date.Format("2006-01-02"))
	for b.Len() < g.Size {
		b.WriteString(vary(rng, g.paras[rng.IntN(len(g.paras))]))
		b.WriteString("\n\n")
	}
	return fmt.Sprintf("article-%06d.txt", i), b.Bytes()
}

// Analyser is what Fill needs of a pipeline: the per-document stages.
type Analyser interface {
	Document(ctx context.Context, doc *model.Document) (*model.Analysis, error)
}

// Adder is what Fill needs of a store.
type Adder interface {
	AddDocuments(ctx context.Context, docs []*model.Document, as []*model.Analysis) ([]bool, error)
}

// Fill analyses documents from..to-1 on all cores and adds them to st in
// transactions of a hundred documents, as a batch of `dossier add`
// would (without the pass).
func (g *Generator) Fill(ctx context.Context, p Analyser, st Adder, from, to int) error {
	type result struct {
		docs []*model.Document
		as   []*model.Analysis
		err  error
	}
	jobs := make(chan int)
	results := make(chan result, 64)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				name, data := g.Document(i)
				docs, err := ingest.Parse(ctx, name, data, ingest.Options{})
				r := result{err: err}
				for _, d := range docs {
					if r.err != nil {
						break
					}
					var a *model.Analysis
					if a, r.err = p.Document(ctx, d); r.err == nil {
						r.docs, r.as = append(r.docs, d), append(r.as, a)
					}
				}
				results <- r
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := from; i < to; i++ {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var docs []*model.Document
	var as []*model.Analysis
	var first error
	flush := func() {
		if first == nil && len(docs) > 0 {
			_, first = st.AddDocuments(ctx, docs, as)
		}
		docs, as = docs[:0], as[:0]
	}
	for r := range results {
		if r.err != nil && first == nil {
			first = r.err
		}
		docs, as = append(docs, r.docs...), append(as, r.as...)
		if len(docs) >= 100 {
			flush()
		}
	}
	flush()
	return first
}
