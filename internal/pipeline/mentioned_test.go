package pipeline

import (
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
)

// TestPeopleJoin gives the collector documents whose mentions are given
// (invented names), and checks which records it makes one: a full name
// is one record whatever its case or the title before it; a surname
// alone joins the one person of that surname, and nobody when there are
// two, or when the codes differ.
func TestPeopleJoin(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	type mention struct{ text, name, code string }
	for _, tc := range []struct {
		name string
		docs [][]mention
		want []string // the records' keys, each with its forms, sorted
	}{
		{"case and titles of a full name", [][]mention{
			{{"Hana Sklar", "Hana Sklar", ""}, {"Mayor Hana Sklar", "Mayor Hana Sklar", ""}},
			{{"HANA SKLAR", "HANA SKLAR", ""}},
		}, []string{"hana sklar: HANA SKLAR, Hana Sklar, Mayor Hana Sklar"}},
		{"a surname joins the one person", [][]mention{
			{{"Hana Sklar", "Hana Sklar", ""}},
			{{"Ms Sklar", "Ms Sklar", ""}, {"Mayor Sklar", "Mayor Sklar", ""}},
		}, []string{"hana sklar: Hana Sklar, Mayor Sklar, Ms Sklar"}},
		{"two of that surname: it joins neither", [][]mention{
			{{"Hana Sklar", "Hana Sklar", ""}, {"Ivo Sklar", "Ivo Sklar", ""}},
			{{"Ms Sklar", "Ms Sklar", ""}},
		}, []string{"hana sklar: Hana Sklar", "ivo sklar: Ivo Sklar", "ms sklar: Ms Sklar"}},
		{"nobody of that surname: it stays", [][]mention{
			{{"Hana Sklar", "Hana Sklar", ""}, {"Mr Petrak", "Mr Petrak", ""}},
		}, []string{"hana sklar: Hana Sklar", "mr petrak: Mr Petrak"}},
		{"other codes: they stay apart", [][]mention{
			{{"Hana Sklar", "Hana Sklar", "AAAGOV"}},
			{{"Ms Sklar", "Ms Sklar", "BBBGOV"}},
		}, []string{"hana sklar: Hana Sklar", "ms sklar: Ms Sklar"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newActorCollector(v)
			for i, ms := range tc.docs {
				d := &model.Document{ID: string(rune('a' + i)), Kind: model.KindArticle}
				a := &model.Analysis{Doc: d.ID}
				for _, m := range ms {
					start := len(d.Text)
					d.Text += m.text + ". "
					a.Mentions = append(a.Mentions, model.Mention{Span: model.Span{Start: start, End: start + len(m.text), Text: m.text},
						Actor: model.Actor{Name: m.name, Code: m.code, Person: true}})
				}
				c.add(d, a)
			}
			var got []string
			for _, x := range c.list() {
				names := append([]string{}, x.Names...)
				sort.Strings(names)
				got = append(got, x.Key+": "+strings.Join(names, ", "))
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("records\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
