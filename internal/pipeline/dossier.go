package pipeline

import (
	"context"

	"github.com/dossier-project/dossier/internal/model"
)

// Source streams the documents of a dossier with their analyses, in the
// same order each time it is called; Dossier calls it twice.
type Source func(ctx context.Context, fn func(*model.Document, *model.Analysis) error) error
