package quotes

import "github.com/dossier-project/dossier/internal/text"

// region is one quotation of a paragraph, as the text layer reads its
// marks (text.Quotation).
type region = text.Quotation
