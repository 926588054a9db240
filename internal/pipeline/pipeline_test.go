package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

func TestRelativeDatesInAnInferredRange(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "The minister spoke yesterday. The summit took place on 4 June 2019."
	doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: text,
		Date: time.Date(2019, 6, 10, 0, 0, 0, 0, time.UTC), DateEnd: time.Date(2019, 6, 28, 0, 0, 0, 0, time.UTC), DateSource: model.DateFromInferred}
	a, err := p.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Timex{}
	for _, x := range a.Timexes {
		got[x.Text] = x
	}
	if y := got["yesterday"]; y.Value != "2019-06" || y.Granularity != "month" {
		t.Errorf("yesterday in a text written 10–28 June = %q (%s), want the month 2019-06", y.Value, y.Granularity)
	}
	var abs model.Timex
	for k, v := range got {
		if strings.Contains(k, "4 June 2019") {
			abs = v
		}
	}
	if abs.Value != "2019-06-04" {
		t.Errorf("an absolute date keeps its day: %+v", abs)
	}
}

// TestGenericNamesFollowTheText: "the Council" and "the Union" name the
// council or union the text spoke of, not a fixed one.
func TestGenericNamesFollowTheText(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"The Peace and Security Council met in Addis Ababa. The Council discussed the Sahel, and the Union will keep talking.", "IGOAFRAFU"},
		{"The European Union met in Brussels. The Union will keep talking.", "IGOEUREEC"},
	} {
		doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: c.text}
		a, err := p.Document(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			if strings.EqualFold(m.Text, "the Council") || strings.EqualFold(m.Text, "the Union") {
				if m.Actor.Code != c.want {
					t.Errorf("%q: %q is %s (%s), want %s", c.text, m.Text, m.Actor.Code, m.Actor.Name, c.want)
				}
			}
			if m.Text == "Security Council" {
				t.Errorf("%q: matched the UN Security Council inside another council's name", c.text)
			}
		}
	}
}

func TestDatelineIsAPlaceNotAnActor(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "NAIROBI, 3 March 2021 – The ministers met on Tuesday.\n\nNairobi said it would reply."
	a, err := p.Document(context.Background(), &model.Document{ID: "d", Kind: model.KindArticle, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var coded []string
	for _, m := range a.Mentions {
		if strings.EqualFold(m.Text, "Nairobi") {
			coded = append(coded, m.Text)
		}
	}
	if len(coded) != 1 || coded[0] != "Nairobi" {
		t.Errorf("the dateline is a place and 'Nairobi said' is the government: got %v", coded)
	}
}

// TestTurnsStartParagraphs: the text layer takes a transcript's speaker
// labels from its turns, so turns on consecutive lines without a final
// period are not read as one sentence.
func TestTurnsStartParagraphs(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "AMA BOATENG: We met the minister\nKOFI MENSAH (chair): The council met in Accra\n"
	doc := &model.Document{ID: "t", Kind: model.KindTranscript, Text: text,
		Date:     time.Date(2019, 6, 10, 0, 0, 0, 0, time.UTC),
		Speakers: []model.Speaker{{Name: "Ama Boateng"}, {Name: "Kofi Mensah"}}}
	for i, l := range []string{"AMA BOATENG", "KOFI MENSAH (chair)"} {
		s := strings.Index(text, l)
		e := strings.Index(text[s:], "\n") + s
		doc.Turns = append(doc.Turns, model.Turn{Speaker: i, Label: model.NewSpan(text, s, s+len(l)),
			Content: model.NewSpan(text, s+len(l)+2, e)})
	}
	a, err := p.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	sent := map[string]int{}
	for _, m := range a.Mentions {
		sent[m.Text] = m.Sentence
	}
	first, ok1 := sent["AMA BOATENG"]
	second, ok2 := sent["KOFI MENSAH (chair)"]
	if !ok1 || !ok2 {
		t.Fatalf("no mention of a speaker label: %v", sent)
	}
	if first == second {
		t.Errorf("both turns in sentence %d: the turns' labels did not start paragraphs", first)
	}
}

// A document whose modifier names a place or a person is not that place's
// government or that person speaking: "according to a Washington Post
// database" is the database's, not the United States'; "the Varga
// campaign said" is the campaign's, not Ines Varga's.
func TestDocumentSourceIsNotItsModifier(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Ines Varga spoke in Ohio on Monday. Scott is one of at least 707 people shot and killed by police so far this year, according to a Washington Post database tracking such deaths. The Varga campaign said the ad was false."
	doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: text}
	a, err := p.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range a.Quotes {
		n++
		if q.Speaker == "United States" || q.Speaker == "Ines Varga" {
			t.Errorf("quote %q: speaker %q (by %s)", q.Text(), q.Speaker, q.SpeakerBy)
		}
	}
	if n != 2 {
		t.Errorf("%d quotes, want 2", n)
	}
}
