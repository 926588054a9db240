package events_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
)

// TestGoldenNATOLibyaPipeline codes the example through the whole
// pipeline, where first-person pronouns in quotes and transcript turns
// resolve to their speakers.
func TestGoldenNATOLibyaPipeline(t *testing.T) {
	files, _ := filepath.Glob("../../examples/nato-libya/*.txt")
	if len(files) == 0 {
		t.Skip("example not found")
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var evs []model.Event
	for _, f := range files {
		docs, err := ingest.File(context.Background(), f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range docs {
			a, err := p.Document(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			evs = append(evs, a.Events...)
		}
	}
	tgt := func(e model.Event) string {
		if e.Target == nil {
			return ""
		}
		return e.Target.Code
	}
	find := func(what string, ok func(e model.Event) bool) model.Event {
		t.Helper()
		for _, e := range evs {
			if ok(e) {
				return e
			}
		}
		t.Errorf("no event: %s", what)
		return model.Event{}
	}
	find("the NAC met (late): 040, not negated", func(e model.Event) bool {
		return e.Trigger.Text == "meet" && e.CAMEO == "040" && !e.Negated && strings.Contains(e.Sentence.Text, "did not meet until")
	})
	find("Rasmussen discussed with the prime minister: 040 → LBYGOV", func(e model.Event) bool {
		return e.Source.Code == "IGOWSTNAT" && e.Source.Text == "I" && tgt(e) == "LBYGOV" && e.Root == "04" && e.Trigger.Text == "discussed" && !e.Negated && !e.Hypothetical
	})
	find("the US (Hagel, 'we') intends to help the Libyan government: 03x, future", func(e model.Event) bool {
		return strings.HasPrefix(e.Source.Code, "USA") && tgt(e) == "LBYGOV" && e.Root == "03" && e.Future && !e.Negated && !e.Hypothetical
	})
	find("NATO's possible role in boosting the capacity: hypothetical", func(e model.Event) bool {
		return e.Source.Code == "IGOWSTNAT" && tgt(e) == "LBYGOV" && e.Trigger.Text == "boosting" && e.Hypothetical
	})
	find("NATO declared its readiness to welcome Libya: 036, future, not hypothetical", func(e model.Event) bool {
		return e.Source.Code == "IGOWSTNAT" && strings.HasPrefix(tgt(e), "LBY") && e.CAMEO == "036" && e.Future && !e.Hypothetical && e.Trigger.Text == "welcome"
	})
	find("French military intervention against the militants: 19x → REB", func(e model.Event) bool {
		return strings.HasPrefix(e.Source.Code, "FRA") && e.Root == "19" && tgt(e) == "REB"
	})
	for _, e := range evs {
		if (e.Root == "15" || e.Root == "18" || e.Root == "19" || e.Root == "20") && !strings.HasPrefix(e.Source.Code, "FRA") && !(e.Negated || e.Future || e.Hypothetical) {
			t.Errorf("force event coded as fact: %s %s %q", e.Source.Code, e.CAMEO, e.Sentence.Text)
		}
		if e.Root == "19" && e.Source.Code == "IGOWSTNAT" {
			t.Errorf("NATO combat coded: %q", e.Sentence.Text)
		}
	}
	// Every explanation names the pattern with its file and line, and the
	// words of the trigger, source and target.
	loc := regexp.MustCompile(`pattern   \S+, defined at events/\w+\.yaml:\d+`)
	for _, e := range evs {
		x := p.Coder().Explain(e)
		if !loc.MatchString(x) || !strings.Contains(x, "trigger   \""+e.Trigger.Text+"\"") || !strings.Contains(x, "source    "+e.Source.Code) {
			t.Errorf("explanation lacks pattern, trigger or source:\n%s", x)
		}
		if e.Target != nil && !strings.Contains(x, "target    "+e.Target.Code) {
			t.Errorf("explanation lacks target:\n%s", x)
		}
	}
}
