package cli

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/text"
)

// corpusSources are real texts the benchmark corpus is built from.
var corpusSources = []string{
	"../../examples/nato-libya/natowatch-nato-returns-to-libya.txt",
	"../../examples/nato-libya/nato-libya-joint-press-conference.txt",
	"../ingest/testdata/au-summit-transcript.txt",
	"../ingest/testdata/council-press-conference.txt",
	"../ingest/testdata/statement.txt",
	"../quotes/testdata/au-press-conference.txt",
	"../text/testdata/article.txt",
	"../text/testdata/transcript.txt",
}

// writeCorpus writes at least size bytes of documents to dir: the
// paragraphs of real texts, shuffled into new documents with their numbers
// changed, so that no two documents are the same.
func writeCorpus(b *testing.B, dir string, size int) int {
	b.Helper()
	var paras []string
	for _, src := range corpusSources {
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	total, n := 0, 0
	for total < size {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report number %d\n\n", n)
		for sb.Len() < 20000 {
			p := paras[rng.Intn(len(paras))]
			p = strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return '0' + rune(rng.Intn(10))
				}
				return r
			}, p)
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
		name := filepath.Join(dir, fmt.Sprintf("doc%05d.txt", n))
		if err := os.WriteFile(name, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		total += sb.Len()
		n++
	}
	return total
}

// BenchmarkIngestAndText reads a corpus of more than 10 MB of text files
// through ingest and the text layer, as "dossier add" does before the
// analysis stages.
func BenchmarkIngestAndText(b *testing.B) {
	dir := b.TempDir()
	size := writeCorpus(b, dir, 10<<20)
	files, errs := ingest.Expand([]string{dir})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	ta, err := text.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ResetTimer()
	sentences := 0
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			docs, err := ingest.File(ctx, f, ingest.Options{})
			if err != nil {
				b.Fatal(err)
			}
			for _, d := range docs {
				sentences += len(ta.Analyze(d.Text, text.TurnLabels(d)).Sentences)
			}
		}
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}
