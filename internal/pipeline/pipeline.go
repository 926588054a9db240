// Package pipeline runs dossier's per-document stages in order.
//
// In: an ingested *model.Document. Out: its *model.Analysis (actor
// mentions, temporal expressions, quotes and events) and the text layer
// it was computed from. The pipeline holds the loaded models and
// dictionaries, which are immutable, so one Pipeline serves many
// goroutines.
package pipeline

import (
	"context"
	"fmt"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Options configure the pipeline.
type Options struct {
	// DataDir, when set, is laid over the embedded data files.
	DataDir string
}

// Pipeline holds the loaded models of every stage.
type Pipeline struct {
	text *text.Analyzer
}

// New loads every stage's models and dictionaries.
func New(opt Options) (*Pipeline, error) {
	ta, err := text.New()
	if err != nil {
		return nil, fmt.Errorf("load text models: %w", err)
	}
	return &Pipeline{text: ta}, nil
}

// Text returns the text layer of a document.
func (p *Pipeline) Text(doc *model.Document) *text.Doc {
	return p.text.Analyze(doc.Text)
}

// Document runs the per-document stages on doc.
func (p *Pipeline) Document(ctx context.Context, doc *model.Document) (*model.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &model.Analysis{Doc: doc.ID}
	return a, nil
}
