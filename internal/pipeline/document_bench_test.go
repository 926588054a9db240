package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// BenchmarkDocumentManyQuotes analyses one long document of quoted
// paragraphs, each with its own date: anchoring must not grow with the
// product of events, dates and quotations (it once took 27 s for 3,000
// paragraphs; the time per paragraph should not grow with their number).
func BenchmarkDocumentManyQuotes(b *testing.B) {
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{500, 2000} {
		var sb strings.Builder
		sb.WriteString("Long story\n\nEASTPORT, 20 March 2024 - Intro.\n\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "\"We will not accept a deal that harms district %d,\" Ada Nunes said on Monday after Westland criticised Eastland.\n\n", i)
		}
		doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: sb.String(), Date: time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC)}
		b.Run(fmt.Sprintf("paragraphs=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := p.Document(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/paragraph")
		})
	}
}
