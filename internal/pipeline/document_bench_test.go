package pipeline

import (
	"context"
	"fmt"
	"os"
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

// BenchmarkDocumentGrowth analyses documents of 256 KiB and 1 MiB in
// shapes that once made stages quadratic: the bundled example run
// together into one sentence (full stops made commas, line breaks made
// spaces), many short quoted paragraphs, one sentence of curly quotes
// and pronouns, and one sentence of roles and organisations. Linear
// work shows as the same ns/byte at both sizes.
func BenchmarkDocumentGrowth(b *testing.B) {
	p, err := New(Options{})
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
				for b.Loop() {
					d := *doc
					if _, err := p.Document(context.Background(), &d); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size), "ns/byte")
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
