package store

import (
	"context"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// BenchmarkAddDocument adds documents of realistic size (about 5 KB of
// text, 20 events, 5 quotes, 30 mentions, 5 timexes), one transaction
// each, to an SQLite store.
func BenchmarkAddDocument(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir()+"/dossier.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	docs := make([]*model.Document, b.N)
	as := make([]*model.Analysis, b.N)
	for i := range docs {
		docs[i], as[i] = bigDoc(i, 5000, 20, 5, 30)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.AddDocument(ctx, docs[i], as[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkAddDocuments adds the same documents in batches of 50 (a feed
// file's worth).
func BenchmarkAddDocuments(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir()+"/dossier.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const batch = 50
	docs := make([]*model.Document, b.N)
	as := make([]*model.Analysis, b.N)
	for i := range docs {
		docs[i], as[i] = bigDoc(i, 5000, 20, 5, 30)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		j := min(i+batch, b.N)
		if _, err := s.AddDocuments(ctx, docs[i:j], as[i:j]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkAddDocumentPostgres is BenchmarkAddDocument on PostgreSQL
// (DOSSIER_TEST_POSTGRES): what a writer's round trips cost.
func BenchmarkAddDocumentPostgres(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, newPostgresDSN(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	docs := make([]*model.Document, b.N)
	as := make([]*model.Analysis, b.N)
	for i := range docs {
		docs[i], as[i] = bigDoc(i, 5000, 20, 5, 30)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.AddDocument(ctx, docs[i], as[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
