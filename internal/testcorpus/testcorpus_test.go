package testcorpus

import (
	"bytes"
	"context"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
)

// TestDocuments checks that the generator makes distinct documents of the
// size asked for, the same for the same seed, that ingest reads as the
// kinds intended: transcripts with speaker turns, and articles.
func TestDocuments(t *testing.T) {
	g, err := New("../..", 7)
	if err != nil {
		t.Fatal(err)
	}
	g.TranscriptShare = 0.3
	kinds := map[model.Kind]int{}
	seen := map[string]bool{}
	for i := 0; i < 60; i++ {
		name, data := g.Document(i)
		if _, again := g.Document(i); !bytes.Equal(data, again) {
			t.Fatalf("document %d differs between two calls", i)
		}
		if len(data) < g.Size || seen[string(data)] {
			t.Errorf("document %d: %d bytes, seen before %v", i, len(data), seen[string(data)])
		}
		seen[string(data)] = true
		docs, err := ingest.Parse(context.Background(), name, data, ingest.Options{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("ingest %s: %v", name, err)
		}
		d := docs[0]
		kinds[d.Kind]++
		if d.Kind == model.KindTranscript && len(d.Turns) == 0 {
			t.Errorf("%s: a transcript without turns", name)
		}
		if d.Date.IsZero() {
			t.Errorf("%s: no date", name)
		}
	}
	if kinds[model.KindTranscript] == 0 || kinds[model.KindArticle] == 0 {
		t.Errorf("kinds: %v", kinds)
	}
}
