package mentions

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

func loadExample(t testing.TB, name string) *model.Document {
	t.Helper()
	docs, err := ingest.File(context.Background(), filepath.Join("..", "..", "examples", "nato-libya", name), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%s: %d documents", name, len(docs))
	}
	return docs[0]
}

func defaultResolver(t testing.TB) *Resolver {
	t.Helper()
	dict, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New(dict)
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	return r
}

// TestGoldenArticle checks the bundled NATO Watch article with the
// default dictionary.
func TestGoldenArticle(t *testing.T) {
	r := defaultResolver(t)
	doc := loadExample(t, "natowatch-nato-returns-to-libya.txt")
	ms := r.Find(doc, testAnalyzer(t).Analyze(doc.Text, text.TurnLabels(doc)))
	checkMentions(t, doc, ms)
	const afr, az = "Anders Fogh Rasmussen", "Ali Zeidan"
	for _, w := range []want{
		{Text: "Secretary General Anders Fogh Rasmussen", Code: "IGOWSTNAT", Name: afr, Rule: "context:role-before-name"},
		{Text: "Secretary General Anders Fogh Rasmussen", Nth: 1, Code: "IGOWSTNAT", Name: afr, Rule: "context:role-before-name"},
		{Text: "The General Secretary", Code: "IGOWSTNAT", Name: afr, Rule: "coref:role"},
		{Text: "the Secretary General", Code: "IGOWSTNAT", Name: afr, Rule: "coref:role"},
		{Text: "Mr Rasmussen", Code: "IGOWSTNAT", Name: afr, Rule: "coref:surname"},
		{Text: "the Prime Minister of Libya, Mr. Ali Zeidan", Code: "LBYGOV", Name: az, Rule: "context:apposition"},
		{Text: "the Libyan Prime Minister", Code: "LBYGOV", Name: az, Rule: "coref:role"},
		{Text: "the Prime Minister", Code: "LBYGOV", Name: az, Rule: "coref:role"},
		{Text: "the Prime Minister", Nth: 2, Code: "LBYGOV", Name: az, Rule: "coref:role"},
		{Text: "President Obama", Code: "USAGOV", Name: "Barack Obama", Rule: "context:role-before-name"},
		{Text: "The President", Code: "USAGOV", Name: "Barack Obama", Rule: "coref:role"},
		// The default dictionary codes a defence minister GOVMIL.
		{Text: "US Secretary of Defense Chuck Hagel", Code: "USAGOVMIL", Name: "Chuck Hagel", Rule: "context:role-before-name"},
		{Text: "US officials", Code: "USAGOV", Name: "US officials", Anon: true, Rule: "anonymous:marker"},
		{Text: "the Libyan Government", Code: "LBYGOV", Rule: "compose:demonym+agent"},
		{Text: "the Libyan government", Code: "LBYGOV", Rule: "compose:demonym+agent"},
		{Text: "the Libyan people", Code: "LBYCVL", Rule: "compose:demonym+agent"},
		{Text: "French military", Code: "FRAMIL", Rule: "compose:demonym+agent"},
		{Text: "al Qaida-linked militants", Code: "REB", Rule: "dict:agent"},
		{Text: "the North Atlantic Council", Code: "IGOWSTNAT", Rule: "dict:body"},
		{Text: "NAC", Code: "IGOWSTNAT", Rule: "dict:body"},
		{Text: "the Council", Code: "IGOWSTNAT", Name: "North Atlantic Council", Rule: "coref:definite"},
		{Text: "the National Congress", Code: "LEG", Rule: "dict:agent"},
		{Text: "He", Code: "IGOWSTNAT", Name: afr, Rule: "coref:pronoun"},
		{Text: "his", Code: "IGOWSTNAT", Name: afr, Rule: "coref:pronoun"},
		{Text: "he", Code: "LBYGOV", Name: az, Rule: "coref:pronoun"},
		{Text: "they", Code: "USAGOV", Anon: true, Rule: "coref:pronoun"},
	} {
		m := findMention(ms, w.Text, w.Nth)
		if m == nil {
			t.Errorf("no mention %q (#%d)", w.Text, w.Nth)
			continue
		}
		if m.Actor.Code != w.Code || (w.Name != "" && m.Actor.Name != w.Name) || m.Actor.Anonymous != w.Anon || !strings.HasPrefix(m.Rule, w.Rule) {
			t.Errorf("%q #%d: got code %q name %q anonymous %v rule %q; want %q %q %v %q",
				w.Text, w.Nth, m.Actor.Code, m.Actor.Name, m.Actor.Anonymous, m.Rule, w.Code, w.Name, w.Anon, w.Rule)
		}
	}
	// "NATO Watch" is a publication, not NATO.
	for _, m := range ms {
		if m.Start < 80 && strings.Contains(doc.Text[m.Start:min(len(doc.Text), m.End+6)], "NATO Watch") {
			t.Errorf("NATO Watch coded as %q [%s]", m.Actor.Code, m.Rule)
		}
	}
	// Every "Rasmussen" and "Zeidan" mention names the same person.
	for _, m := range ms {
		switch {
		case strings.Contains(m.Text, "Rasmussen") && m.Actor.Name != afr,
			strings.Contains(m.Text, "Zeidan") && m.Actor.Name != az:
			t.Errorf("%q → %q", m.Text, m.Actor.Name)
		}
	}
	if t.Failed() {
		t.Log(dump(ms))
	}
}

// TestGoldenTranscript checks the bundled press-conference transcript:
// speakers are coded, role phrases in turns resolve to speakers.
func TestGoldenTranscript(t *testing.T) {
	r := defaultResolver(t)
	doc := loadExample(t, "nato-libya-joint-press-conference.txt")
	td := testAnalyzer(t).Analyze(doc.Text, text.TurnLabels(doc))
	ms := r.Find(doc, td)
	checkMentions(t, doc, ms)
	labels := 0
	for _, tu := range doc.Turns {
		m := findMention(ms, tu.Label.Text, 0)
		if m == nil {
			t.Errorf("no mention for turn label %q", tu.Label.Text)
			continue
		}
		labels++
		if m.Rule != "transcript:speaker" {
			t.Errorf("label %q: rule %q", m.Text, m.Rule)
		}
		sp := doc.Speakers[tu.Speaker]
		var want string
		switch {
		case sp.Questioner:
			want = "MED"
		case sp.Name == "Ali Zeidan":
			want = "LBYGOV"
		case sp.Name == "Anders Fogh Rasmussen":
			want = "IGOWSTNAT"
		}
		if m.Actor.Code != want {
			t.Errorf("label %q (%s): code %q, want %q", m.Text, sp.Name, m.Actor.Code, want)
		}
	}
	if labels < 3 {
		t.Errorf("only %d labels", labels)
	}
	for _, w := range []want{
		{Text: "the prime minister", Code: "LBYGOV", Name: "Ali Zeidan", Rule: "coref:role"},
		{Text: "Mister Secretary General", Code: "IGOWSTNAT", Name: "Anders Fogh Rasmussen", Rule: "coref:role"},
		{Text: "the Prime Minister of Libya Ali Zeidan", Code: "LBYGOV", Name: "Ali Zeidan", Rule: "context:role-before-name"},
		{Text: "NATO Secretary General Anders Fogh Rasmussen", Code: "IGOWSTNAT", Name: "Anders Fogh Rasmussen", Rule: "context:role-before-name"},
		{Text: "the Libyan Government", Code: "LBYGOV", Rule: "compose:demonym+agent"},
		{Text: "the North Atlantic Council", Code: "IGOWSTNAT", Rule: "dict:body"},
	} {
		m := findMention(ms, w.Text, w.Nth)
		if m == nil {
			t.Errorf("no mention %q", w.Text)
			continue
		}
		if m.Actor.Code != w.Code || (w.Name != "" && m.Actor.Name != w.Name) || !strings.HasPrefix(m.Rule, w.Rule) {
			t.Errorf("%q: got %q %q %q; want %q %q %q", w.Text, m.Actor.Code, m.Actor.Name, m.Rule, w.Code, w.Name, w.Rule)
		}
	}
	// Speaker resolves an attribution span through the mentions.
	i := strings.Index(doc.Text, "the prime minister said")
	if i < 0 {
		t.Fatal("text changed")
	}
	name, code, anon := r.Speaker(doc, td, ms, model.NewSpan(doc.Text, i, i+len("the prime minister")))
	if name != "Ali Zeidan" || code != "LBYGOV" || anon {
		t.Errorf("Speaker(the prime minister) = %q %q %v", name, code, anon)
	}
	if t.Failed() {
		t.Log(dump(ms))
	}
}
