package timeline

import (
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// ev builds an event anchored at value (with part of day and how it was
// anchored) between two participants.
func ev(id, src, tgt, plover, root, value, part, by string) model.Event {
	e := model.Event{
		ID:      id,
		Source:  model.Participant{Span: model.Span{Text: src}, Code: src},
		PLOVER:  plover,
		Root:    root,
		CAMEO:   root + "0",
		Trigger: model.Span{Text: "met"},
		When:    &model.Anchor{Kind: "point", Value: value, PartOfDay: part, By: by},
	}
	if tgt != "" {
		e.Target = &model.Participant{Span: model.Span{Text: tgt}, Code: tgt}
	}
	return e
}

func doc(id string, kind model.Kind) *model.Document { return &model.Document{ID: id, Kind: kind} }

func TestOrderByDateThenPartOfDay(t *testing.T) {
	in := Input{
		Docs: []*model.Document{doc("a", model.KindArticle)},
		Analyses: []*model.Analysis{{Doc: "a", Events: []model.Event{
			ev("e1", "KEN", "", "CONSULT", "04", "2020-03-04", "afternoon", "sentence"),
			ev("e2", "ETH", "", "AGREE", "03", "2020-03-04", "morning", "sentence"),
			ev("e3", "UGA", "", "AID", "07", "2019", "", "sentence"),
			ev("e4", "TZA", "", "REQUEST", "02", "2020-02-28", "", "clause"),
		}}},
	}
	got := Build(in)
	want := []string{"e3", "e4", "e2", "e1"}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, id := range want {
		if got[i].Events[0] != id {
			t.Errorf("entry %d is %s, want %s", i, got[i].Events[0], id)
		}
	}
	if got[0].Date != "2019" || got[0].Precision != "year" {
		t.Errorf("a year-precision entry is shown as %q (%s), want 2019 (year)", got[0].Date, got[0].Precision)
	}
}

func TestSameEventFromTwoDocumentsIsOneEntry(t *testing.T) {
	a := ev("a1", "KEN", "ETH", "CONSULT", "04", "2020-03-04", "", "sentence")
	b := ev("t1", "ETH", "KEN", "CONSULT", "04", "2020-03-04", "", "document")
	c := ev("t2", "ETH", "UGA", "CONSULT", "04", "2020-03-04", "", "document")
	in := Input{
		Docs:     []*model.Document{doc("art", model.KindArticle), doc("tr", model.KindTranscript)},
		Analyses: []*model.Analysis{{Doc: "art", Events: []model.Event{a}}, {Doc: "tr", Events: []model.Event{b, c}}},
	}
	got := Build(in)
	if len(got) != 2 {
		t.Fatalf("got %d entries, want 2 (the shared meeting once, the other meeting apart): %+v", len(got), got)
	}
	var shared *model.TimelineEntry
	for i := range got {
		if len(got[i].Events) == 2 {
			shared = &got[i]
		}
	}
	if shared == nil || len(shared.Docs) != 2 {
		t.Fatalf("the meeting reported by both documents should be one entry with both as sources: %+v", got)
	}
}

func TestWhatDidNotHappenOrIsUndatedStaysOut(t *testing.T) {
	neg := ev("n", "KEN", "", "MOBILIZE", "15", "2020-03-04", "", "sentence")
	neg.Negated = true
	hyp := ev("h", "KEN", "", "AID", "07", "2020-03-04", "", "sentence")
	hyp.Hypothetical = true
	undated := ev("u", "KEN", "", "AID", "07", "", "", "sentence")
	undated.When = nil
	byDocDate := ev("d", "KEN", "", "AID", "07", "2020-03-04", "", "document")
	in := Input{
		Docs:     []*model.Document{doc("a", model.KindArticle)},
		Analyses: []*model.Analysis{{Doc: "a", Events: []model.Event{neg, hyp, undated, byDocDate}}},
	}
	if got := Build(in); len(got) != 0 {
		t.Errorf("want an empty timeline, got %+v", got)
	}
}

func TestDeadlineIsFuture(t *testing.T) {
	e := ev("f", "KEN", "", "COOPERATE", "03", "2020-06", "", "sentence")
	e.Future = true
	e.When.Kind = "deadline"
	e.When.End = "2020-06-30"
	got := Build(Input{Docs: []*model.Document{doc("a", model.KindArticle)}, Analyses: []*model.Analysis{{Doc: "a", Events: []model.Event{e}}}})
	if len(got) != 1 || got[0].Kind != "deadline" || !got[0].Future || got[0].Date != "2020-06" {
		t.Errorf("got %+v, want one future deadline entry dated 2020-06", got)
	}
}
