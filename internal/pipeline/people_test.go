package pipeline_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
)

// The people records on invented minutes and articles, through a real
// SQLite store and the stored pass.

// minutesOf are the minutes of an invented council meeting: an
// attendance line that runs over two lines, then speaker turns.
func minutesOf(present string) string {
	return "Kelby Parish Council — minutes\n\n3 February 2025\n\n" + present + "\n" +
		"APOLOGIES: Councillor Brendan Quayle.\n\n" +
		"CHAIR BRANNOCK: Good evening. We turn to the ferry contract. Councillor Vasko?\n" +
		"COUNCILLOR VASKO: Thank you, Chair. I cannot support the terms as they stand.\n" +
		"CHAIR BRANNOCK: Thank you. Councillor Achebe?\n" +
		"COUNCILLOR ACHEBE: I move that the contract be approved without further delay.\n" +
		"CHAIR BRANNOCK: The motion is carried.\n"
}

const ferryArticle = "Ferry deal approved\n\nKelby, 4 February 2025 – The parish council approved the ferry contract on Monday.\n\n" +
	"Councillor Vasko said: \"I cannot support the terms as they stand.\"\n\n" +
	"Mirren Achebe told the meeting: \"I move that the contract be approved without further delay.\"\n"

type file struct{ name, kind, text string }

// people adds the files to a new store, runs the pass and returns the
// stored people by key, with the stored quotes and the texts by id.
func people(t *testing.T, p *pipeline.Pipeline, files ...file) (map[string]store.Actor, []model.Quote, map[string]string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	texts := map[string]string{}
	for _, f := range files {
		docs, err := ingest.Parse(ctx, f.name, []byte(f.text), ingest.Options{Flags: ingest.Meta{Kind: f.kind}})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			a, err := p.Document(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.AddDocument(ctx, d, a); err != nil {
				t.Fatal(err)
			}
			texts[d.ID] = d.Text
		}
	}
	if _, err := p.Pass(ctx, st, pipeline.PassOptions{}); err != nil {
		t.Fatal(err)
	}
	out := map[string]store.Actor{}
	if err := st.ForEachActor(ctx, 0, 0, func(a store.Actor) error {
		if _, dup := out[a.Key]; dup {
			t.Errorf("two records of key %q", a.Key)
		}
		out[a.Key] = a
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var qs []model.Quote
	if err := st.ForEachQuote(ctx, store.QuoteQuery{}, func(q model.Quote) error { qs = append(qs, q); return nil }); err != nil {
		t.Fatal(err)
	}
	return out, qs, texts
}

func newPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPeopleRecords(t *testing.T) {
	p := newPipeline(t)
	oneVasko := minutesOf("PRESENT: Chair Odile Brannock; Councillors Teodor Vasko, Mirren Achebe\nand Lusine Harutyunyan.")
	twoVaskos := minutesOf("PRESENT: Chair Odile Brannock; Councillors Teodor Vasko, Ivana Vasko,\nMirren Achebe and Lusine Harutyunyan.")

	t.Run("attendance lines give records with roles", func(t *testing.T) {
		got, _, texts := people(t, p, file{"minutes.txt", "transcript", oneVasko})
		for _, tc := range []struct{ key, role string }{
			{"odile brannock", "Chair"}, {"teodor vasko", "Councillor"}, {"mirren achebe", "Councillor"},
			{"lusine harutyunyan", "Councillor"}, {"brendan quayle", "Councillor"},
		} {
			a, ok := got[tc.key]
			if !ok {
				t.Errorf("no record of %s", tc.key)
				continue
			}
			if !a.Person || len(a.Roles) == 0 || a.Roles[0] != tc.role {
				t.Errorf("%s: person %v, roles %q, want %s first", tc.key, a.Person, a.Roles, tc.role)
			}
			if len(a.Examples) == 0 {
				t.Errorf("%s: no evidence", tc.key)
				continue
			}
			// The first evidence is the name in the attendance line.
			e := a.Examples[0]
			text := texts[e.Doc]
			line := text[strings.LastIndex(text[:e.Start], "\n")+1:]
			if !strings.EqualFold(text[e.Start:e.End], tc.key) || !(strings.HasPrefix(line, "PRESENT:") || strings.HasPrefix(line, "APOLOGIES:") || strings.HasPrefix(line, "and ")) {
				t.Errorf("%s: first evidence %d-%d %q is not the name in the attendance line", tc.key, e.Start, e.End, text[e.Start:e.End])
			}
		}
	})

	// vaskoQuotes counts the stored quotes given to the one named.
	vaskoQuotes := func(qs []model.Quote, names ...string) int {
		n := 0
		for _, q := range qs {
			for _, name := range names {
				if q.Speaker == name {
					n++
				}
			}
		}
		return n
	}

	t.Run("a surname joins the one person of that surname", func(t *testing.T) {
		got, qs, _ := people(t, p, file{"minutes.txt", "transcript", oneVasko}, file{"article.txt", "article", ferryArticle})
		v, ok := got["teodor vasko"]
		if !ok {
			t.Fatal("no record of Teodor Vasko")
		}
		if _, apart := got["councillor vasko"]; apart {
			t.Error("Councillor Vasko stayed apart though only one Vasko is in the dossier")
		}
		if !containsStr(v.Names, "Councillor Vasko") {
			t.Errorf("Teodor Vasko's forms %q lack the article's Councillor Vasko", v.Names)
		}
		if v.Documents != 2 {
			t.Errorf("Teodor Vasko is in %d documents, want 2", v.Documents)
		}
		// Quoted in the article and speaking in the minutes: both counts.
		want := vaskoQuotes(qs, "Teodor Vasko", "Councillor Vasko")
		if want < 2 || v.Quotes != want {
			t.Errorf("Teodor Vasko has %d quotes; the store gives him %d (the minutes' turn and the article's quote)", v.Quotes, want)
		}
		if v.Turns != 1 {
			t.Errorf("Teodor Vasko has %d turns, want 1", v.Turns)
		}
		if b := got["odile brannock"]; b.Turns != 3 {
			t.Errorf("Odile Brannock has %d turns, want 3", b.Turns)
		}
	})

	t.Run("a surname shared by two people joins neither", func(t *testing.T) {
		got, _, _ := people(t, p, file{"minutes.txt", "transcript", twoVaskos}, file{"article.txt", "article", ferryArticle})
		for _, k := range []string{"teodor vasko", "ivana vasko"} {
			a, ok := got[k]
			if !ok {
				t.Errorf("no record of %s", k)
				continue
			}
			if containsStr(a.Names, "Councillor Vasko") || a.Documents != 1 || a.Quotes != 0 || a.Turns != 0 {
				t.Errorf("%s took what the surname alone says: forms %q, %d documents, %d quotes, %d turns", k, a.Names, a.Documents, a.Quotes, a.Turns)
			}
		}
		if _, ok := got["councillor vasko"]; !ok {
			t.Error("the article's Councillor Vasko has no record of its own")
		}
	})
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// A quote an article gives to a role it only describes ("the council's
// chair") is the holder of that role that the minutes of the same days
// name; two holders, or minutes of another year, leave it a description.
func TestDescriptionResolvedToHolder(t *testing.T) {
	p := newPipeline(t)
	minutes := minutesOf("PRESENT: Chair Odile Brannock; Councillors Teodor Vasko, Mirren Achebe\nand Lusine Harutyunyan.")
	article := func(date string) string {
		return "Ferry deal approved\n\nKelby, " + date + " – The parish council approved the ferry contract on Monday.\n\n" +
			"\"The motion is carried,\" the council's chair said after the vote.\n"
	}
	quoteOf := func(qs []model.Quote) *model.Quote {
		for i := range qs {
			if strings.Contains(qs[i].Text(), "motion is carried") && qs[i].Rule != "transcript-turn" {
				return &qs[i]
			}
		}
		t.Fatalf("no quote of the article: %+v", qs)
		return nil
	}
	t.Run("the holder the minutes name", func(t *testing.T) {
		_, qs, _ := people(t, p, file{"minutes.txt", "transcript", minutes}, file{"article.txt", "article", article("4 February 2025")})
		q := quoteOf(qs)
		if q.Speaker != "Odile Brannock" || q.SpeakerBy != model.SpeakerByRecordRole {
			t.Errorf("speaker %q by %q, want Odile Brannock by %s", q.Speaker, q.SpeakerBy, model.SpeakerByRecordRole)
		}
		if q.Verdict != model.VerdictVerbatim {
			t.Errorf("verdict %q (%s), want verbatim against the minutes", q.Verdict, q.Diff)
		}
	})
	t.Run("minutes of another year name nobody", func(t *testing.T) {
		_, qs, _ := people(t, p, file{"minutes.txt", "transcript", minutes}, file{"article.txt", "article", article("4 February 2027")})
		q := quoteOf(qs)
		if q.SpeakerBy != model.SpeakerByDescription {
			t.Errorf("speaker %q by %q, want the description", q.Speaker, q.SpeakerBy)
		}
	})
	t.Run("a title alone names nobody", func(t *testing.T) {
		bare := strings.Replace(article("4 February 2025"), "the council's chair said", "the chair said", 1)
		_, qs, _ := people(t, p, file{"minutes.txt", "transcript", minutes}, file{"article.txt", "article", bare})
		q := quoteOf(qs)
		if q.SpeakerBy != model.SpeakerByDescription {
			t.Errorf("speaker %q by %q, want the description", q.Speaker, q.SpeakerBy)
		}
	})
	t.Run("two chairs name nobody", func(t *testing.T) {
		two := strings.Replace(minutes, "PRESENT: Chair Odile Brannock;", "PRESENT: Chair Odile Brannock; Chair Ivo Petrak;", 1)
		_, qs, _ := people(t, p, file{"minutes.txt", "transcript", two}, file{"article.txt", "article", article("4 February 2025")})
		q := quoteOf(qs)
		if q.SpeakerBy != model.SpeakerByDescription {
			t.Errorf("speaker %q by %q, want the description", q.Speaker, q.SpeakerBy)
		}
	})
}
