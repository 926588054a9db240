package report

import (
	"context"
	"io"
	"testing"
)

// Writing a report from a source that makes its items as they are read
// (20,000 findings with two pieces of evidence each, quotes, events and
// timeline entries, over 2,000 documents): the cost of the writers
// themselves, the sorts through files included.
//
//	go test -run XXX -bench StreamReport -benchmem ./internal/report
func BenchmarkStreamReport(b *testing.B) {
	const n = 20_000
	for _, format := range []string{"text", "markdown", "html"} {
		b.Run(format, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				src := &synthetic{n: n, docs: 2000}
				var err error
				switch format {
				case "text":
					err = StreamText(context.Background(), io.Discard, src)
				case "markdown":
					err = StreamMarkdown(context.Background(), io.Discard, src, "")
				default:
					err = StreamHTML(context.Background(), io.Discard, src, "")
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(4*n*b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}
