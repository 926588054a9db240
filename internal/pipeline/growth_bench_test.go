package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
)

// BenchmarkDocumentGrowth analyses documents of 256 KiB and 1 MiB in
// shapes that once made stages quadratic: the bundled example run
// together into one sentence (full stops made commas, line breaks made
// spaces), many short quoted paragraphs, one sentence of curly quotes
// and pronouns, and one sentence of roles and organisations. Linear
// work shows as the same ns/byte at both sizes.
func BenchmarkDocumentGrowth(b *testing.B) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	example := oneSentence(b)
	shapes := []struct {
		name string
		unit string
	}{
		{"one-sentence-example", example},
		{"quoted-paragraphs", "Jane Doe said on Monday that the council met.\n"},
		{"curly-quotes", "“He said ” "},
		{"roles", "the Prime Minister of Kenya and the Secretary General of the Alliance met the Foreign Minister and "},
	}
	for _, sh := range shapes {
		for _, size := range []int{256 << 10, 1 << 20} {
			txt := strings.Repeat(sh.unit, size/len(sh.unit)+1)[:size]
			doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: txt}
			b.Run(fmt.Sprintf("%s/KiB=%d", sh.name, size>>10), func(b *testing.B) {
				cpu0 := cpuTime()
				for b.Loop() {
					d := *doc
					if _, err := p.Document(context.Background(), &d); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size), "ns/byte")
				// CPU time is the figure to compare on a shared machine:
				// wall time grows with the other processes' load.
				if cpu := cpuTime() - cpu0; cpu > 0 {
					b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(size), "cpu-ns/byte")
				}
			})
		}
	}
}

// oneSentence returns the bundled example's texts as one sentence.
func oneSentence(b *testing.B) string {
	b.Helper()
	var sb strings.Builder
	for _, f := range []string{"natowatch-nato-returns-to-libya.txt", "nato-libya-joint-press-conference.txt"} {
		src, err := os.ReadFile("../../examples/nato-libya/" + f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(src)
		sb.WriteByte(' ')
	}
	s := strings.Join(strings.Fields(sb.String()), " ")
	for _, end := range []string{". ", "? ", "! ", ".\" ", ".” "} {
		s = strings.ReplaceAll(s, end, strings.Replace(end, string(end[0]), ",", 1))
	}
	return s
}
