package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
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

func TestStatementsDeadlinesAndRecords(t *testing.T) {
	text := "On 3 May the mayor told reporters that the bridge would reopen. Engineers will report back by the end of June."
	art := &model.Document{ID: "art", Kind: model.KindArticle, Text: text}
	span := func(sub string) model.Span { return spanOf(text, sub) }
	onMay := span("3 May")
	deadline := span("by the end of June")
	a := &model.Analysis{Doc: "art",
		Timexes: []model.Timex{
			{Span: onMay, Kind: "point", Value: "2021-05-03", Granularity: "day", Weekday: "Sunday", WeekdayMismatch: true},
			{Span: deadline, Kind: "deadline", Value: "2021-06", EndValue: "2021-06-30", Granularity: "month"},
		},
		Quotes: []model.Quote{{ID: "q1", Doc: "art", Speaker: "Ann Ruiz", Direct: false, Cue: ptr(span("told")),
			Contents: []model.Span{span("the bridge would reopen")},
			When:     &model.Anchor{Kind: "point", Value: "2021-05-03", Granularity: "day", By: "sentence", Timex: &onMay}}},
	}
	meet := ev("e1", "", "", "CONSULT", "04", "2021-05-03", "", "sentence")
	meet.Source = model.Participant{Code: "USAGOV", Name: "Ann Ruiz"}
	meet.Target = &model.Participant{Code: "USAGOV", Name: "Bo Diaz"}
	a.Events = []model.Event{meet}
	rec := &model.Document{ID: "rec", Kind: model.KindTranscript, Date: time.Date(2021, 5, 3, 0, 0, 0, 0, time.UTC),
		Speakers: []model.Speaker{{Name: "Ann Ruiz"}, {Name: "Bo Diaz"}}}
	got := Build(Input{Docs: []*model.Document{art, rec}, Analyses: []*model.Analysis{a, {Doc: "rec"}}})
	var kinds []string
	for _, e := range got {
		kinds = append(kinds, e.Kind)
	}
	if strings.Join(kinds, ",") != "CONSULT,statement,deadline" {
		t.Fatalf("kinds = %v, want the meeting, the statement and the deadline in that order", kinds)
	}
	if len(got[0].Docs) != 2 {
		t.Errorf("the transcript of that day where both speak should be a source of the meeting: %v", got[0].Docs)
	}
	if !strings.Contains(got[1].Summary, "Ann Ruiz told") || !strings.Contains(got[1].Summary, "3 May 2021 was a Monday") || got[1].Quotes[0] != "q1" {
		t.Errorf("statement entry = %+v", got[1])
	}
	if !got[2].Future || got[2].Date != "2021-06" || !strings.Contains(got[2].Summary, "Engineers will report back by the end of June") {
		t.Errorf("deadline entry = %+v", got[2])
	}
}

func TestIntentEntersEvenIfConditional(t *testing.T) {
	e := ev("i", "GHA", "TGO", "AGREE", "03", "2019", "", "clause")
	e.Hypothetical, e.Future = true, true
	got := Build(Input{Docs: []*model.Document{doc("a", model.KindArticle)}, Analyses: []*model.Analysis{{Doc: "a", Events: []model.Event{e}}}})
	if len(got) != 1 {
		t.Fatalf("an expression of intent happened even if its action is conditional: %+v", got)
	}
}

func ptr[T any](v T) *T { return &v }

// spanOf is the span of the first sub in text.
func spanOf(text, sub string) model.Span {
	i := strings.Index(text, sub)
	return model.NewSpan(text, i, i+len(sub))
}

func TestPeriodEntersInTheTextsWords(t *testing.T) {
	text := "The mission ran from March until October 2011 in the north."
	i := strings.Index(text, "from March until October 2011")
	tx := model.Timex{Span: model.NewSpan(text, i, i+len("from March until October 2011")), Kind: "interval", Value: "2011-03", EndValue: "2011-10", Granularity: "month"}
	d := &model.Document{ID: "a", Kind: model.KindArticle, Text: text}
	got := Build(Input{Docs: []*model.Document{d}, Analyses: []*model.Analysis{{Doc: "a", Timexes: []model.Timex{tx}}}})
	if len(got) != 1 || got[0].Kind != "period" || got[0].Date != "2011-03" || got[0].End != "2011-10" || !strings.Contains(got[0].Summary, "The mission ran from March until October 2011") {
		t.Fatalf("got %+v, want one period entry March–October 2011 in the text's words", got)
	}
	tx.EndValue = ""
	if got := Build(Input{Docs: []*model.Document{d}, Analyses: []*model.Analysis{{Doc: "a", Timexes: []model.Timex{tx}}}}); len(got) != 0 {
		t.Errorf("an open-ended interval is not a period to show: %+v", got)
	}
}

func TestDeadlineSummaryDropsSpeakerLabel(t *testing.T) {
	text := "MAYOR WHITFIELD: The bridge reopens by the end of June."
	i := strings.Index(text, "by the end of June")
	tx := model.Timex{Span: model.NewSpan(text, i, i+len("by the end of June")), Kind: "deadline", Value: "2021-06", EndValue: "2021-06-30", Granularity: "month"}
	d := &model.Document{ID: "t", Kind: model.KindTranscript, Text: text}
	got := Build(Input{Docs: []*model.Document{d}, Analyses: []*model.Analysis{{Doc: "t", Timexes: []model.Timex{tx}}}})
	if len(got) != 1 || got[0].Summary != "The bridge reopens by the end of June" {
		t.Errorf("got %+v", got)
	}
}

func TestUnknownSpeakersAreNotOneStatement(t *testing.T) {
	text := "On 3 May the mayor said the bridge would reopen. On 3 May he said taxes would fall."
	art := &model.Document{ID: "art", Kind: model.KindArticle, Text: text}
	span := func(sub string) model.Span { return spanOf(text, sub) }
	when := &model.Anchor{Kind: "point", Value: "2021-05-03", Granularity: "day", By: "sentence"}
	a := &model.Analysis{Doc: "art", Quotes: []model.Quote{
		{ID: "q1", Sources: []model.Span{span("the mayor")}, Cue: ptr(span("said")), Contents: []model.Span{span("the bridge would reopen")}, When: when},
		{ID: "q2", Sources: []model.Span{span("he")}, Contents: []model.Span{span("taxes would fall")}, When: when},
	}}
	got := Build(Input{Docs: []*model.Document{art}, Analyses: []*model.Analysis{a}})
	if len(got) != 2 {
		t.Fatalf("two statements by speakers nobody resolved must stay apart; got %+v", got)
	}
	if !strings.HasPrefix(got[0].Summary, "the mayor said") || !strings.HasPrefix(got[1].Summary, "someone said") {
		t.Errorf("summaries = %q, %q; want the text's words for the speaker, else someone", got[0].Summary, got[1].Summary)
	}
}

func TestOneSentenceIsCitedOnce(t *testing.T) {
	text := "Kenya and Ethiopia met on 4 March 2020."
	s := model.NewSpan(text, 0, len(text))
	a := ev("e1", "KEN", "ETH", "CONSULT", "04", "2020-03-04", "", "sentence")
	b := ev("e2", "ETH", "KEN", "CONSULT", "04", "2020-03-04", "", "sentence")
	a.Sentence, b.Sentence = s, s
	got := Build(Input{Docs: []*model.Document{{ID: "art", Kind: model.KindArticle, Text: text}},
		Analyses: []*model.Analysis{{Doc: "art", Events: []model.Event{a, b}}}})
	if len(got) != 1 || len(got[0].Events) != 2 || len(got[0].Evidence) != 1 {
		t.Fatalf("a meeting coded twice from one sentence is one entry citing the sentence once: %+v", got)
	}
}

func TestSameDeadlineInTwoDocumentsIsOneEntry(t *testing.T) {
	mk := func(id, text, sub string) (*model.Document, *model.Analysis) {
		i := strings.Index(text, sub)
		return &model.Document{ID: id, Kind: model.KindArticle, Text: text},
			&model.Analysis{Doc: id, Timexes: []model.Timex{{Span: model.NewSpan(text, i, i+len(sub)), Kind: "deadline", Value: "2025-02-28", EndValue: "2025-02-28", Granularity: "day"}}}
	}
	d1, a1 := mk("rel", "The decision was adopted. The measures will be reviewed by 28 February 2025.", "by 28 February 2025")
	d2, a2 := mk("art", "Ministers agreed. The measures will be reviewed by 28 February 2025, officials said.", "by 28 February 2025")
	d3, a3 := mk("oth", "The harbour will reopen by 28 February 2025.", "by 28 February 2025")
	got := Build(Input{Docs: []*model.Document{d1, d2, d3}, Analyses: []*model.Analysis{a1, a2, a3}})
	if len(got) != 2 {
		t.Fatalf("want the shared deadline once and the other apart; got %+v", got)
	}
	if len(got[0].Docs) != 2 || len(got[1].Docs) != 1 || !strings.Contains(got[1].Summary, "harbour") {
		t.Errorf("entries = %+v", got)
	}
}

func TestStatedOrderWithinADay(t *testing.T) {
	meet := ev("e1", "KEN", "UGA", "CONSULT", "04", "2020-03-04", "", "sentence")
	attack := ev("e2", "SOM", "ETH", "ASSAULT", "19", "2020-03-04", "", "sentence")
	other := ev("e3", "TZA", "", "AID", "07", "2020-03-04", "", "sentence")
	earlier := ev("e4", "RWA", "", "AID", "07", "2020-03-03", "", "sentence")
	// The text names the meeting first but says it came after the attack.
	meet.When.After = []string{"e2"}
	got := Build(Input{Docs: []*model.Document{doc("a", model.KindArticle)},
		Analyses: []*model.Analysis{{Doc: "a", Events: []model.Event{earlier, meet, other, attack}}}})
	var order []string
	for _, e := range got {
		order = append(order, e.Events[0])
	}
	if strings.Join(order, ",") != "e4,e3,e2,e1" {
		t.Errorf("order = %v, want e4 (the day before), e3 (text order), e2 (the attack), e1 (after the attack)", order)
	}
	// An order the text contradicts is left in text order; a date always
	// wins over a stated order.
	a := ev("e1", "KEN", "UGA", "CONSULT", "04", "2020-03-04", "", "sentence")
	b := ev("e2", "SOM", "ETH", "ASSAULT", "19", "2020-03-04", "", "sentence")
	c := ev("e3", "TZA", "", "AID", "07", "2020-03-05", "", "sentence")
	a.When.After, b.When.After, c.When.After = []string{"e2"}, []string{"e1"}, nil
	earlierDay := ev("e4", "RWA", "", "AID", "07", "2020-03-03", "", "sentence")
	earlierDay.When.After = []string{"e3"}
	got = Build(Input{Docs: []*model.Document{doc("a", model.KindArticle)},
		Analyses: []*model.Analysis{{Doc: "a", Events: []model.Event{a, b, c, earlierDay}}}})
	order = order[:0]
	for _, e := range got {
		order = append(order, e.Events[0])
	}
	if strings.Join(order, ",") != "e4,e1,e2,e3" {
		t.Errorf("order = %v, want e4,e1,e2,e3", order)
	}
}

func TestStatementsMergeOnlyWhenTheWordsAgree(t *testing.T) {
	when := &model.Anchor{Kind: "point", Value: "2021-05-03", Granularity: "day", By: "sentence"}
	mk := func(id, text, content string) (*model.Document, *model.Analysis) {
		i := strings.Index(text, content)
		return &model.Document{ID: id, Kind: model.KindArticle, Text: text},
			&model.Analysis{Doc: id, Quotes: []model.Quote{{ID: id + "-q", Speaker: "Ann Ruiz",
				Contents: []model.Span{model.NewSpan(text, i, i+len(content))}, When: when}}}
	}
	d1, a1 := mk("a", "Ann Ruiz said on 3 May that the committee could decide to cut the rate if prices eased.", "the committee could decide to cut the rate if prices eased")
	d2, a2 := mk("b", "Ann Ruiz said on 3 May that the bank had decided to close two branches.", "the bank had decided to close two branches")
	d3, a3 := mk("c", "On 3 May Ann Ruiz said the committee could decide to cut the rate if prices eased further.", "the committee could decide to cut the rate if prices eased further")
	got := Build(Input{Docs: []*model.Document{d1, d2, d3}, Analyses: []*model.Analysis{a1, a2, a3}})
	if len(got) != 2 {
		t.Fatalf("want the two reports of the same words as one entry and the other apart; got %+v", got)
	}
	for _, e := range got {
		if strings.Contains(e.Summary, "branches") && len(e.Docs) != 1 || strings.Contains(e.Summary, "cut the rate") && len(e.Docs) != 2 {
			t.Errorf("entry %q has sources %v", e.Summary, e.Docs)
		}
	}
}

// A deadline's clause is its sentence, whose numbers' points end nothing;
// a deadline the text tells in the past, or that fell due before the
// document's date, is no future one.
func TestDeadlineClauseAndTense(t *testing.T) {
	text := "His debts grew to $1.8 billion, and his net worth fell to a low of $1 billion in the red by 1991. The plan cuts emissions from U.S. power plants by 2030."
	art := &model.Document{ID: "art", Kind: model.KindArticle, Text: text}
	span := func(sub string) model.Span { return spanOf(text, sub) }
	a := &model.Analysis{Doc: "art", Timexes: []model.Timex{
		{Span: span("by 1991"), Kind: "deadline", Value: "1991", Granularity: "year", Anchor: "2016-09-30", Tense: "past"},
		{Span: span("by 2030"), Kind: "deadline", Value: "2030", Granularity: "year", Anchor: "2016-09-30", Future: true},
	}}
	got := Build(Input{Docs: []*model.Document{art}, Analyses: []*model.Analysis{a}})
	if len(got) != 2 {
		t.Fatalf("entries %+v, want two", got)
	}
	if got[0].Future || !strings.HasPrefix(got[0].Summary, "His debts grew to $1.8 billion") {
		t.Errorf("past deadline: %+v", got[0])
	}
	if !got[1].Future || got[1].Summary != "The plan cuts emissions from U.S. power plants by 2030" {
		t.Errorf("future deadline: %+v", got[1])
	}
	// with no date to tell, a clause not in the past is a future deadline
	a.Timexes[0].Anchor, a.Timexes[0].Tense = "", ""
	if got := Build(Input{Docs: []*model.Document{art}, Analyses: []*model.Analysis{a}}); !got[0].Future {
		t.Errorf("undated, tense unclear: %+v", got[0])
	}
}

// A decade the text states is a period of the timeline ("in the 1990s");
// one that only begins or ends a span ("the worst since the 1930s") is
// none: the timex tagger marks it a span's bound (no_date "span").
func TestDecadeBoundingASpanIsNoPeriod(t *testing.T) {
	ta, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text    string
		periods int
	}{
		{"Manufacturing jobs went up in the 1990s.", 1},
		{"It was the worst recession since the 1930s.", 0},
		{"Wages have stagnated since at least the 1980s.", 0},
	} {
		d := &model.Document{ID: "a", Kind: model.KindArticle, Text: c.text}
		tx := tg.Find(ta.Analyze(c.text), time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC))
		got := Build(Input{Docs: []*model.Document{d}, Analyses: []*model.Analysis{{Doc: "a", Timexes: tx}}})
		if len(got) != c.periods {
			t.Errorf("%q: %d timeline entries %+v, want %d", c.text, len(got), got, c.periods)
		}
	}
}
