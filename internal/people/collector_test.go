package people

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
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
			c := NewCollector(v, nil)
			for i, ms := range tc.docs {
				d := &model.Document{ID: string(rune('a' + i)), Kind: model.KindArticle}
				a := &model.Analysis{Doc: d.ID}
				for _, m := range ms {
					start := len(d.Text)
					d.Text += m.text + ". "
					a.Mentions = append(a.Mentions, model.Mention{Span: model.Span{Start: start, End: start + len(m.text), Text: m.text},
						Actor: model.Actor{Name: m.name, Code: m.code, Person: true}})
				}
				c.Add(d, a)
			}
			var got []string
			for _, x := range c.List() {
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

// TestPeopleHeldRoles: a role a transcript's speaker list gives is held
// as of the dates of the documents that give it; a dictionary tenure is
// listed when it overlaps the dates of the person's documents, not
// otherwise; a quote given to a description counts for nobody.
func TestPeopleHeldRoles(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tenures := func(name string) []actors.DatedCode {
		if name != "Hana Sklar" {
			return nil
		}
		return []actors.DatedCode{
			{Code: "AAAGOV", Role: "Mayor", From: day("2010-01-01"), To: day("2014-01-01")},
			{Code: "AAAGOV", Role: "Governor", From: day("2020-01-01")},
		}
	}
	c := NewCollector(v, tenures)
	for i, date := range []string{"2012-03-04", "2012-05-06"} {
		d := &model.Document{ID: string(rune('a' + i)), Kind: model.KindTranscript, Date: day(date),
			Text:     "Hana Sklar spoke.",
			Speakers: []model.Speaker{{Name: "Hana Sklar", Role: "Mayor", Organization: "Velgrad"}}}
		a := &model.Analysis{Doc: d.ID, Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 10, Text: "Hana Sklar"},
			Actor: model.Actor{Name: "Hana Sklar", Person: true}}},
			Quotes: []model.Quote{{Speaker: "Hana Sklar", SpeakerBy: model.SpeakerByName}, {Speaker: "Hana Sklar", SpeakerBy: model.SpeakerByDescription}}}
		c.Add(d, a)
	}
	xs := c.List()
	if len(xs) != 1 {
		t.Fatalf("records %+v", xs)
	}
	var got []string
	for _, h := range xs[0].Held {
		got = append(got, h.Role+" "+h.Code+" "+h.From+" "+h.To+" "+h.By)
	}
	want := []string{"Mayor, Velgrad  2012-03-04 2012-05-06 transcript", "Mayor AAAGOV 2010-01-01 2014-01-01 dictionary"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("held\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if xs[0].Quotes != 2 {
		t.Errorf("quotes %d, want 2 (the descriptions count for nobody)", xs[0].Quotes)
	}
}

// A role the article states where it names the person (a title before
// the name, a description in apposition) is one of the person's roles,
// held as of the article's date.
func TestPeopleArticleRoles(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector(v, nil)
	d := &model.Document{ID: "a", Kind: model.KindArticle, Date: time.Date(2016, 9, 12, 0, 0, 0, 0, time.UTC),
		Text: "Ana Ruiz, the police chief of Harrowgate, spoke."}
	a := &model.Analysis{Doc: d.ID, Mentions: []model.Mention{
		{Span: model.Span{Start: 0, End: 8, Text: "Ana Ruiz"}, Actor: model.Actor{Name: "Ana Ruiz", Person: true}, Role: "police chief of Harrowgate"},
		{Span: model.Span{Start: 0, End: 8, Text: "Ana Ruiz"}, Actor: model.Actor{Name: "Ana Ruiz", Person: true}},
	}}
	c.Add(d, a)
	xs := c.List()
	if len(xs) != 1 {
		t.Fatalf("records %+v", xs)
	}
	if len(xs[0].Roles) != 1 || xs[0].Roles[0] != "police chief of Harrowgate" {
		t.Errorf("roles %q", xs[0].Roles)
	}
	if len(xs[0].Held) != 1 || xs[0].Held[0].By != store.HeldByArticle || xs[0].Held[0].From != "2016-09-12" {
		t.Errorf("held %+v", xs[0].Held)
	}
	// An article known only to lie within years (a date inferred from
	// who held an office) dates nothing it states.
	c = NewCollector(v, nil)
	d.Date, d.DateEnd = time.Date(2009, 1, 20, 0, 0, 0, 0, time.UTC), time.Date(2017, 1, 20, 0, 0, 0, 0, time.UTC)
	c.Add(d, a)
	if xs := c.List(); len(xs) != 1 || len(xs[0].Held) != 1 || xs[0].Held[0].From != "" || xs[0].Held[0].To != "" {
		t.Errorf("held by an article dated 2009-2017: %+v", xs[0].Held)
	}
	// A title before the name is a form of address the press keeps for
	// former holders ("President Reagan" in 2016): the role is listed,
	// held as of no date.
	c = NewCollector(v, nil)
	d = &model.Document{ID: "b", Kind: model.KindArticle, Date: time.Date(2016, 9, 12, 0, 0, 0, 0, time.UTC),
		Text: "Mayor Ana Ruiz spoke."}
	c.Add(d, &model.Analysis{Doc: d.ID, Mentions: []model.Mention{
		{Span: model.Span{Start: 0, End: 14, Text: "Mayor Ana Ruiz"}, Actor: model.Actor{Name: "Ana Ruiz", Person: true}, Role: "Mayor", RoleTitle: true},
	}})
	if xs := c.List(); len(xs) != 1 || len(xs[0].Roles) != 1 || len(xs[0].Held) != 1 || xs[0].Held[0].From != "" || xs[0].Held[0].To != "" {
		t.Errorf("a title: %+v", xs)
	}
}

// A surname with a title of its own stays apart from the one person of
// that surname whose article-stated title differs; with no title, or the
// same one, it joins.
func TestSurnameWithAnotherTitleStaysApart(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	records := func(surnameRole string) int {
		c := NewCollector(v, nil)
		d := &model.Document{ID: "a", Kind: model.KindArticle, Text: "x"}
		c.Add(d, &model.Analysis{Doc: "a", Mentions: []model.Mention{
			{Span: model.Span{Text: "Harbour Mayor Ana Ruiz"}, Actor: model.Actor{Name: "Ana Ruiz", Person: true}, Role: "Harbour Mayor"},
			{Span: model.Span{Text: "Ruiz"}, Actor: model.Actor{Name: "Ruiz", Person: true}, Role: surnameRole},
		}})
		return len(c.List())
	}
	if n := records("Chief Justice"); n != 2 {
		t.Errorf("another title: %d records, want 2", n)
	}
	if n := records(""); n != 1 {
		t.Errorf("no title: %d records, want 1", n)
	}
	if n := records("mayor"); n != 1 {
		t.Errorf("the same title: %d records, want 1", n)
	}
}

// A pronoun resolved to a person counts as a mention of them, not as a
// form of their name.
func TestPronounsAreNoNameForms(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector(v, nil)
	d := &model.Document{ID: "a", Kind: model.KindArticle, Text: "Ana Ruiz spoke. She said: “I agree.”"}
	ana := model.Actor{Name: "Ana Ruiz", Person: true}
	c.Add(d, &model.Analysis{Doc: d.ID, Mentions: []model.Mention{
		{Span: model.Span{Start: 0, End: 8, Text: "Ana Ruiz"}, Actor: ana, Rule: "dict:person"},
		{Span: model.Span{Start: 16, End: 19, Text: "She"}, Actor: ana, Rule: model.RulePronoun},
		{Span: model.Span{Start: 29, End: 30, Text: "I"}, Actor: ana, Rule: model.RuleFirstPersonSingular + " (quote a:q1)"},
	}})
	xs := c.List()
	if len(xs) != 1 || xs[0].Mentions != 3 || len(xs[0].Names) != 1 || xs[0].Names[0] != "Ana Ruiz" {
		t.Errorf("records %+v", xs)
	}
}

// A name after several titles ("Lt. Gen. Ana Ruiz") is the name without
// any of them, as after one ("Mr Ana Ruiz").
func TestBareNameDropsEveryTitle(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector(v, nil)
	for in, want := range map[string]string{
		"Lt. Gen. Ana Ruiz": "Ana Ruiz",
		"Gen. Ana Ruiz":     "Ana Ruiz",
		"Mr Ana Ruiz":       "Ana Ruiz",
		"Ana Ruiz":          "Ana Ruiz",
		"Gen.":              "Gen.",
	} {
		if got := c.bareName(in); got != want {
			t.Errorf("bareName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSpeakerCountsForItsLabelsRecord: a transcript speaker named in full
// ("Teodor J. Vasko", from the header) whose labels' mentions resolve to
// another form of the name (the dictionary's "Teodor Vasko") has its turns
// and quotes counted for that record, and no record of its own.
func TestSpeakerCountsForItsLabelsRecord(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector(v, nil)
	d := &model.Document{ID: "t", Kind: model.KindTranscript, Text: "VASKO: We will build it.\n\nVASKO: Soon.\n",
		Speakers: []model.Speaker{{Name: "Teodor J. Vasko"}}}
	label := func(at int) model.Span { return model.Span{Start: at, End: at + 5, Text: "VASKO"} }
	d.Turns = []model.Turn{{Speaker: 0, Label: label(0)}, {Speaker: 0, Label: label(26)}}
	a := &model.Analysis{Doc: d.ID,
		Mentions: []model.Mention{{Span: label(0), Actor: model.Actor{Name: "Teodor Vasko", Person: true}},
			{Span: label(26), Actor: model.Actor{Name: "Teodor Vasko", Person: true}}},
		Quotes: []model.Quote{{Speaker: "Teodor J. Vasko"}, {Speaker: "Teodor J. Vasko"}}}
	c.Add(d, a)
	var got []string
	for _, x := range c.List() {
		got = append(got, x.Key+": turns "+strconv.Itoa(x.Turns)+", quotes "+strconv.Itoa(x.Quotes))
	}
	if want := "teodor vasko: turns 2, quotes 2"; strings.Join(got, "; ") != want {
		t.Errorf("records %q, want %q", got, want)
	}
}

// TestRosterJoinsItsMentionsRecord: a transcript header's roster names a
// person ("Teodor J. Vasko (Labour candidate)") whose mention there
// resolves to another form of the name (the dictionary's "Teodor Vasko"):
// the role goes to that record, and no record of the roster's form is
// made. A record of the surname alone ("Mr. Vasko", unresolved: there
// are two Vaskos) is someone of that name, and takes no role the
// transcript gives its speaker of the fuller name.
func TestRosterJoinsItsMentionsRecord(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector(v, nil)
	text := "Debate\n\nParticipants: Teodor J. Vasko (Labour candidate).\n\nVASKO: Ana Vasko says Mr. Vasko will build it.\n"
	at := func(s string) model.Span {
		i := strings.Index(text, s)
		return model.Span{Start: i, End: i + len(s), Text: s}
	}
	d := &model.Document{ID: "t", Kind: model.KindTranscript, Text: text,
		Speakers: []model.Speaker{{Name: "Teodor J. Vasko", Role: "Labour candidate"}},
		Turns:    []model.Turn{{Speaker: 0, Label: at("VASKO")}}}
	a := &model.Analysis{Doc: d.ID, Mentions: []model.Mention{
		{Span: at("Teodor J. Vasko"), Actor: model.Actor{Name: "Teodor Vasko", Person: true}},
		{Span: at("VASKO"), Actor: model.Actor{Name: "Teodor Vasko", Person: true}},
		{Span: at("Ana Vasko"), Actor: model.Actor{Name: "Ana Vasko", Person: true}},
		{Span: at("Mr. Vasko"), Actor: model.Actor{Name: "Vasko", Person: true}},
	}}
	c.Add(d, a)
	var got []string
	for _, x := range c.List() {
		got = append(got, x.Key+": "+strings.Join(x.Roles, "; "))
	}
	sort.Strings(got)
	if want := "ana vasko: |teodor vasko: Labour candidate|vasko: "; strings.Join(got, "|") != want {
		t.Errorf("records %q, want %q", got, want)
	}
}

// A surname alone in several documents, where two people of that surname
// are named in full, is one record only where the documents' roles for
// it agree: "Ruiz, the harbour mayor" in one article and "Chief Justice
// Ruiz" in another are two records, neither keyed by the bare name, and a
// quote by "Ruiz" counts for none of them.
func TestSurnameAloneInTwoDocumentsWithTwoRoles(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector(v, nil)
	add := func(id string, ms ...model.Mention) {
		d := &model.Document{ID: id, Kind: model.KindArticle, Text: "x"}
		a := &model.Analysis{Doc: id, Mentions: ms}
		if id == "d" {
			a.Quotes = []model.Quote{{Speaker: "Ruiz", SpeakerBy: model.SpeakerByName}}
		}
		c.Add(d, a)
	}
	person := func(text, name, role string) model.Mention {
		return model.Mention{Span: model.Span{Text: text}, Actor: model.Actor{Name: name, Person: true}, Role: role}
	}
	add("a", person("Ana Ruiz", "Ana Ruiz", ""), person("Ivo Ruiz", "Ivo Ruiz", ""))
	add("b", person("Ruiz", "Ruiz", "harbour mayor"))
	add("c", person("Ruiz", "Ruiz", "Chief Justice"))
	add("d", person("Ruiz", "Ruiz", ""), person("Mayor Ruiz", "Ruiz", "Harbour Mayor"))
	got := map[string]store.Actor{}
	for _, x := range c.List() {
		got[x.Key] = x
	}
	if len(got) != 4 || got["ruiz#1"].Name != "Ruiz" || got["ruiz#2"].Name != "Ruiz" {
		t.Fatalf("records %v, want ana ruiz, ivo ruiz, ruiz#1 and ruiz#2", got)
	}
	if m := got["ruiz#1"].Mentions + got["ruiz#2"].Mentions; m != 4 {
		t.Errorf("%d mentions of the surname, want 4", m)
	}
	// the mayor of two articles is one record
	if x := got["ruiz#1"]; x.Documents != 2 {
		t.Errorf("ruiz#1 in %d documents, want 2 (roles %q)", x.Documents, x.Roles)
	}
	for k, x := range got {
		if x.Quotes != 0 {
			t.Errorf("%s counts %d quotes by \"Ruiz\", want none", k, x.Quotes)
		}
	}
}

// TestSectorMentions: a mention coded with sector codes alone ("the
// court", "businesses": actors.Dictionary.SectorOnly, the shipped
// dictionary) makes no record, as it names a kind of actor, not one
// organisation; one written as a proper name inside a sentence ("the
// Harrowgate Assembly", "Congress") is the record of that name across
// documents; a capitalised word that only opens a sentence is no proper
// name. A record made by a pronoun's mention ("we": "X's side") takes the
// name of the first mention by name; a person with no name ("the
// president" whom no one is named as) makes none.
func TestSectorMentions(t *testing.T) {
	v, err := ingest.LoadVocab(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.FromData(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"GOV", "BUS", "GOVMIL"} {
		if !dict.SectorOnly(code) {
			t.Errorf("SectorOnly(%q) = false", code)
		}
	}
	for _, code := range []string{"USAGOV", "IGOWSTNAT", "", "GO"} {
		if dict.SectorOnly(code) {
			t.Errorf("SectorOnly(%q) = true", code)
		}
	}
	type mention struct{ before, text, name, code, rule string }
	docs := [][]mention{
		{
			// (a person known only by a role, with no name: no record)
			{"", "The president", "", "GOV", "role:unresolved"},
			{" left. Lawyers said ", "the court", "court", "JUD", "dict:agent"},
			{" would rule. Owners of ", "businesses", "businesses", "BUS", "dict:agent"},
			{" protested outside ", "the Harrowgate Assembly", "Harrowgate Assembly", "LEG", "dict:agent"},
			{". ", "Senators", "Senators", "LEG", "dict:agent"},
			{" voted, and ", "Congress", "Congress", "LEG", "dict:agent"},
			{" agreed. Thank you, ", "Senator", "Senator", "LEG", "dict:agent"},
			{". “", "We", "Ana Ruiz's side", "AAAGOV", model.RuleFirstPersonPlural},
			{" will act,” she said of ", "the Ministry", "Ministry of Harbours", "AAAGOV", "dict:agent"},
		},
		{
			{"In the end ", "the court", "court", "JUD", "dict:agent"},
			{" ruled that ", "the Harrowgate Assembly", "Harrowgate Assembly", "LEG", "dict:agent"},
			{" had erred.", "", "", "", ""},
		},
	}
	c := NewCollector(v, nil)
	c.Sector = dict.SectorOnly
	for i, ms := range docs {
		d := &model.Document{ID: string(rune('a' + i)), Kind: model.KindArticle}
		a := &model.Analysis{Doc: d.ID}
		for _, m := range ms {
			d.Text += m.before
			start := len(d.Text)
			d.Text += m.text
			if m.text != "" {
				a.Mentions = append(a.Mentions, model.Mention{Span: model.Span{Start: start, End: len(d.Text), Text: m.text},
					Actor: model.Actor{Name: m.name, Code: m.code, Person: m.rule == "role:unresolved"}, Rule: m.rule})
			}
		}
		c.Add(d, a)
	}
	var got []string
	for _, x := range c.List() {
		got = append(got, x.Name+" ["+x.Code+"] in "+strconv.Itoa(x.Documents))
	}
	sort.Strings(got)
	want := []string{"Congress [LEG] in 1", "Harrowgate Assembly [LEG] in 2", "Ministry of Harbours [AAAGOV] in 1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
