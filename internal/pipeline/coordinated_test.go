package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// "They" after a subject of two coordinated words ("He and his partner
// came because they wanted …") is the two, not a group the sentence
// before names, and a quote whose source it is has no speaker rather
// than that group.
func TestTheyAfterACoordinatedSubject(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Parade\n\nThe parade featured heavy security as hundreds of volunteers and security personnel dotted the route. For the first time in the parade's history, attendees had to pass through security checkpoints.\n\n" +
		"Tomas Reyes said seeing so many police officers at Pride was a welcome sight. He and his partner came to the events because they wanted to show that \"they can't scare us back into the closet.\"\n"
	doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: text, Date: time.Date(2016, 6, 27, 0, 0, 0, 0, time.UTC)}
	a, err := p.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range a.Quotes {
		if strings.Contains(q.Text(), "scare us") {
			found = true
			if strings.Contains(q.Speaker, "police") || strings.Contains(q.Speaker, "officers") {
				t.Errorf("%q: speaker %q, want the two or no one", q.Text(), q.Speaker)
			}
		}
	}
	if !found {
		t.Errorf("no quote of the words: %d quotes", len(a.Quotes))
	}
}

// A name of the other gender between a "he" and the man the sentence
// reports is not the pronoun's, and does not make the speaker unknown:
// "Mrs. Varga", "Mary Varga" (a woman's given name) are no "he".
func TestPronounPastANameOfTheOtherGender(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Ferry\n\nPaul Brodin, a former governor of Northland, said the ferry should be cancelled if Mrs. Varga won, and he added that it would make sense for the port to stop taking foreign money.\n\n" +
		"Paul Brodin blamed the council on Twitter before the speech. \"Mary Varga should ask why the council made all the wrong moves,\" he wrote.\n\n" +
		"Paul Brodin may be harder to ignore. After Mary Varga accused him of sexism, he warned, \"If they play that card with me, that will be fair game.\"\n"
	doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: text, Date: time.Date(2016, 6, 27, 0, 0, 0, 0, time.UTC)}
	a, err := p.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"stop taking foreign money", "all the wrong moves", "fair game"} {
		found := false
		for _, q := range a.Quotes {
			if strings.Contains(q.Text(), sub) {
				found = true
				if q.Speaker != "Paul Brodin" {
					t.Errorf("%q: speaker %q by %q, want Paul Brodin", q.Text(), q.Speaker, q.SpeakerBy)
				}
			}
		}
		if !found {
			t.Errorf("no quote of %q", sub)
		}
	}
}

// A title with "of" inside it is the whole title: "Secretary of State Ana
// Varga" holds "Secretary of State", not "State".
func TestTitleWithOf(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Talks\n\nSecretary of State Ana Varga said the talks would go on.\n\nMinister of Defence Karl Brodin said the ferry would run.\n"
	doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: text, Date: time.Date(2016, 6, 27, 0, 0, 0, 0, time.UTC)}
	a, err := p.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Ana Varga": "Secretary of State", "Karl Brodin": "Minister of Defence"}
	for _, m := range a.Mentions {
		if w, ok := want[m.Actor.Name]; ok && m.Role != "" {
			if m.Role != w {
				t.Errorf("%s: role %q, want %q", m.Actor.Name, m.Role, w)
			}
			delete(want, m.Actor.Name)
		}
	}
	for n := range want {
		t.Errorf("%s: no mention with a role", n)
	}
}
