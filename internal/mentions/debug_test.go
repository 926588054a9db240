package mentions

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/text"
)

func TestDebugDump(t *testing.T) {
	path := os.Getenv("MENTIONS_DUMP")
	if path == "" {
		t.Skip("set MENTIONS_DUMP")
	}
	docs, err := ingest.File(context.Background(), path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	an, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	r := New(dict)
	for _, d := range docs {
		td := an.Analyze(d.Text, text.TurnLabels(d))
		fmt.Printf("date=%s kind=%s speakers=%+v\n", d.DateString(), d.Kind, d.Speakers)
		for _, tu := range d.Turns {
			fmt.Printf("turn %d label=%q\n", tu.Speaker, tu.Label.Text)
		}
		for _, m := range r.Find(d, td) {
			fmt.Printf("%5d %-45q %-12s %-25s p=%v a=%v s=%d %s\n", m.Start, m.Text, m.Actor.Code, m.Actor.Name, m.Actor.Person, m.Actor.Anonymous, m.Sentence, m.Rule)
		}
	}
}
