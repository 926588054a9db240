package anchor

import (
	"testing"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// tools are what the tests build analyses with (the text layer and the
// temporal tagger) and the Anchorer under test.
type tools struct {
	ta *text.Analyzer
	tg *timex.Tagger
	an *Anchorer
}

func newTools(t *testing.T) *tools {
	t.Helper()
	ta, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	an, err := New(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	return &tools{ta: ta, tg: tg, an: an}
}

// analyse returns doc's text layer and an analysis holding only its
// temporal expressions, for the test to place events and quotes in.
func (x *tools) analyse(doc *model.Document) (*text.Doc, *model.Analysis) {
	td := x.ta.Analyze(doc.Text)
	return td, &model.Analysis{Doc: doc.ID, Timexes: x.tg.Find(td, doc.Date)}
}
