package events_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/mentions"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

func codeExample(t *testing.T) []model.Event {
	t.Helper()
	an, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := mentions.New(dict)
	p, err := events.DefaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	c := events.NewCoder(p)
	files, _ := filepath.Glob("../../examples/nato-libya/*.txt")
	if len(files) == 0 {
		t.Skip("example not found")
	}
	var all []model.Event
	for _, f := range files {
		docs, err := ingest.File(context.Background(), f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range docs {
			td := an.Analyze(doc.Text, text.TurnLabels(doc))
			ms := res.Find(doc, td)
			evs := c.Code(doc, td, ms)
			for _, e := range evs {
				t.Logf("%s", c.Explain(e))
			}
			all = append(all, evs...)
		}
	}
	return all
}

func TestGoldenNATOLibya(t *testing.T) {
	evs := codeExample(t)
	find := func(what string, ok func(e model.Event) bool) {
		t.Helper()
		for _, e := range evs {
			if ok(e) {
				return
			}
		}
		t.Errorf("no event: %s", what)
	}
	tgt := func(e model.Event) string {
		if e.Target == nil {
			return ""
		}
		return e.Target.Code
	}
	hasPrefix := func(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }
	find("Libya asks NATO for help (023, REQUEST)", func(e model.Event) bool {
		return hasPrefix(e.Source.Code, "LBY") && tgt(e) == "IGOWSTNAT" && hasPrefix(e.CAMEO, "023") && e.PLOVER == "REQUEST"
	})
	find("the Libyan government asks for technical support (023)", func(e model.Event) bool {
		return e.Source.Code == "LBYGOV" && hasPrefix(e.CAMEO, "023") && !e.Negated
	})
	find("NATO intends to send an expert delegation to Libya (03x, future)", func(e model.Event) bool {
		return e.Source.Code == "IGOWSTNAT" && hasPrefix(tgt(e), "LBY") && e.Root == "03" && e.PLOVER == "AGREE" && e.Future && e.Trigger.Text == "send"
	})
	find("the Secretary General's meeting with the Prime Minister of Libya (040)", func(e model.Event) bool {
		return e.Source.Code == "IGOWSTNAT" && tgt(e) == "LBYGOV" && e.Root == "04" && e.PLOVER == "CONSULT" && e.Trigger.Text == "meeting"
	})
	find("the Secretary General met President Obama (040)", func(e model.Event) bool {
		return e.Source.Code == "IGOWSTNAT" && tgt(e) == "USAGOV" && e.Root == "04" && e.Trigger.Text == "met"
	})
	find("the United States talking to the Libyans (040)", func(e model.Event) bool {
		return hasPrefix(e.Source.Code, "USA") && hasPrefix(tgt(e), "LBY") && e.Root == "04"
	})
	find("NATO's possible role in boosting the Libyan government's capacity (hypothetical aid)", func(e model.Event) bool {
		return e.Source.Code == "IGOWSTNAT" && tgt(e) == "LBYGOV" && (e.Root == "07" || e.Root == "03") && e.Hypothetical
	})
	find("French military intervention (19x, ASSAULT)", func(e model.Event) bool {
		return hasPrefix(e.Source.Code, "FRA") && e.Root == "19" && e.PLOVER == "ASSAULT"
	})
	for _, e := range evs {
		// No troop deployment or combat role coded as having happened.
		if (e.Root == "15" || e.Root == "18" || e.Root == "19" || e.Root == "20") && !hasPrefix(e.Source.Code, "FRA") && !(e.Negated || e.Future || e.Hypothetical) {
			t.Errorf("force event coded as fact: %s", c0(e))
		}
		if e.Root == "19" && e.Source.Code == "IGOWSTNAT" {
			t.Errorf("NATO combat coded: %s", c0(e))
		}
	}
}

func c0(e model.Event) string {
	return e.Source.Code + " " + e.CAMEO + " " + e.Trigger.Text + " in " + e.Sentence.Text
}
