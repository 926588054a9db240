package events

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
)

// inventedDict is an actor dictionary of invented states, so that the
// tests of actors read through the tree rest on no real knowledge.
const inventedDict = `countries:
  - code: NRV
    name: Norvania
    demonyms: [Norvanian, Norvanians]
    capitals: [Varnholm]
  - code: SLV
    name: Selvia
    demonyms: [Selvian, Selvians]
    capitals: [Selbourg]
igos:
  - code: IGOVRN
    name: Varn Council
agents:
  - {code: GOV, words: [government, official, envoy]}
  - {code: CVL, words: [demonstrator, resident]}
  - {code: OPP, words: [opposition party]}
  - {code: REB, words: [rebel]}
  - {code: HLH, words: [doctor]}
  - {code: MIL, words: [force]}
  - {code: COP, words: [policeman], invariant: [police]}
people:
  - name: Odd Kell
    tenures: [{code: NRVGOV, role: President, from: "1990"}]
`

// inventedPlaces are places of the invented states, read only inside a
// participant's noun phrase.
const inventedPlaces = `countries:
  - code: NRV
    name: Norvania
    names: [Karvala, Upper Dorn, New Selvia]
`

func inventedCoder(t *testing.T) *Coder {
	t.Helper()
	_, c := setup(t)
	fs := fstest.MapFS{"invented.yaml": {Data: []byte(inventedDict)}, "places.yaml": {Data: []byte(inventedPlaces)}}
	d, err := actors.Load(fs, "invented.yaml")
	if err != nil {
		t.Fatal(err)
	}
	places, err := actors.Load(fs, "places.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c.WithActors(d, places)
}

func codeThrough(t *testing.T, c *Coder, src string, acts ...act) []model.Event {
	t.Helper()
	an, _ := setup(t)
	td := an.Analyze(src)
	doc := &model.Document{ID: "0123456789abcdef0123", Text: src}
	return c.Code(doc, td, mentionsOf(td, acts))
}

// TestActorsThroughTheTree: a participant the mention stage does not
// report is read from the noun phrase with the actor dictionary.
func TestActorsThroughTheTree(t *testing.T) {
	c := inventedCoder(t)
	cases := []struct {
		name, text string
		acts       []act
		want       []string
	}{
		{"demonym before a noun that is no agent", "Two Norvanian suicide bombers killed 23 people.", nil,
			[]string{"NRV 180 - ASSAULT"}},
		{"organisation as a compound", "Varn Council helicopters attacked Selbourg.", nil,
			[]string{"IGOVRN 190 SLV ASSAULT"}},
		{"agent with a place: capital", "Demonstrators in Varnholm blocked a road.", []act{{"Demonstrators", "CVL"}},
			[]string{"NRVCVL 144 - PROTEST"}},
		{"agent with a place: country", "Seven opposition parties in Selvia organized a general strike.", []act{{"opposition parties", "OPP"}, {"Selvia", "SLV"}},
			[]string{"SLVOPP 143 - PROTEST"}},
		{"agent from a group of a country", "Rebels from a Norvanian militia attacked Selvia.", []act{{"Rebels", "REB"}, {"Selvia", "SLV"}},
			[]string{"NRVREB 190 SLV ASSAULT"}},
		{"agent with a compound naming a country", "Selvia Municipality Association officials criticized Norvania.", []act{{"officials", "GOV"}, {"Selvia", "SLV"}, {"Norvania", "NRV"}},
			[]string{"SLVGOV 111 NRV ACCUSE"}},
		{"a demonym group of another country", "The Norvanians of southern Selvia criticized Varnholm.", []act{{"The Norvanians", "NRV"}},
			[]string{"SLV 111 NRV ACCUSE"}},
		{"a name with no code and its apposition", "Arvo Tannen, the Varn Council envoy, criticized Selvia.", []act{{"Varn Council envoy", "IGOVRN"}, {"Selvia", "SLV"}},
			[]string{"IGOVRN 111 SLV ACCUSE"}},
		{"a name whose last word is a country", "Varn-member Selvia threatened Norvania.", []act{{"Varn-member Selvia", ""}, {"Norvania", "NRV"}},
			[]string{"SLV 130 NRV THREATEN"}},
		{"a place before an agent", "Karvala rebels attacked Selvia.", []act{{"rebels", "REB"}, {"Selvia", "SLV"}},
			[]string{"NRVREB 190 SLV ASSAULT"}},
		{"an agent in a place of two words", "Demonstrators in Upper Dorn blocked a road.", []act{{"Demonstrators", "CVL"}},
			[]string{"NRVCVL 144 - PROTEST"}},
		// a recipient that names no actor is of its place; a person is not
		{"a recipient in a place", "Selvia sent humanitarian aid to a refugee camp in Upper Dorn.", []act{{"Selvia", "SLV"}},
			[]string{"SLV 073 NRV AID"}},
		{"a person is not of the place he is in", "Selvia held talks with Arvo Tannen in Upper Dorn.", []act{{"Selvia", "SLV"}},
			[]string{"SLV 040 - CONSULT"}},
		// a country's name that ends a place's is the place's: "Jersey"
		// in "New Jersey"
		{"a country's name ending a place's", "Police in New Selvia arrested twenty demonstrators.", []act{{"Police", "COP"}},
			[]string{"NRVCOP 173 - COERCE"}},
		{"a name of a place that ends with a country's", "Arvo Tannen of New Selvia criticized Norvania.", []act{{"Norvania", "NRV"}},
			[]string{" 111 NRV ACCUSE"}},
		{"a mention that ends with a place's name", "Arvo Tannen of New Selvia criticized Norvania.", []act{{"Arvo Tannen of New Selvia", ""}, {"Norvania", "NRV"}},
			[]string{" 111 NRV ACCUSE"}},
		// an act done to a place with no target named is done to its
		// country (grammar.yaml place_targets), also for an event noun
		// and its verb; not talks, not a person's place, not the place of
		// the subject
		{"a curfew lifted in a place", "Selvia lifted a night curfew in Norvania on Sunday.", []act{{"Selvia", "SLV"}, {"Norvania", "NRV"}},
			[]string{"SLV 0813 NRV CONCEDE"}},
		{"a blockade reimposed in a place", "Selvia on Friday reimposed blockades in Norvania.", []act{{"Selvia", "SLV"}, {"Norvania", "NRV"}},
			[]string{"SLV 191 NRV COERCE"}},
		{"talks in a place", "Selvia held talks in Norvania.", []act{{"Selvia", "SLV"}, {"Norvania", "NRV"}},
			[]string{"SLV 040 - CONSULT"}},
		// force against what no one can strike is a figure of speech
		// (AbstractNounsFile), unless it is counted or the rule names it
		{"force against an abstraction", "Karvala rebels attacked the tide of hostility.", []act{{"rebels", "REB"}}, nil},
		{"force against a thing", "Karvala rebels attacked the convoy.", []act{{"rebels", "REB"}},
			[]string{"NRVREB 190 - ASSAULT"}},
		{"force against a share of people", "Karvala rebels killed 81 percent of the villagers.", []act{{"rebels", "REB"}},
			[]string{"NRVREB 180 - ASSAULT"}},
		{"a language is no place", "Karvala rebels attacked the village in Norvanian.", []act{{"rebels", "REB"}},
			[]string{"NRVREB 190 - ASSAULT"}},
		// a place is no actor of its own
		{"a place is not a source", "Karvala attacked Selvia.", []act{{"Selvia", "SLV"}}, nil},
		// a name nobody knows is a participant of unknown code
		{"an unknown name as the subject", "The Varnish Liberation Front (VLF) attacked Selvia.", []act{{"Selvia", "SLV"}},
			[]string{" 190 SLV ASSAULT"}},
		{"an unknown organisation with an acronym", "The regional Tarn Cooperation (TC) forum has agreed to set up a research center in Selbourg.", nil,
			[]string{" 030 - AGREE"}},
		// a name or country one compound down names the head's actor
		{"a capital in a compound of a compound", "Doctors from two Norvanian aid groups delivered medicine to Varnholm University Medical School.", []act{{"Doctors", "HLH"}},
			[]string{"NRVHLH 073 NRV AID"}},
		// clauses the parser misreads: a verb read as an adjective of its
		// object, a verb read as the clause of a participle
		{"a verb read as its object's adjective", "Selvian border patrol agents sexually abused illegal Norvanian immigrants with impunity, a rights group charged on Saturday.", nil,
			[]string{"SLV 1821 NRV ASSAULT"}},
		{"a participle's noun is the subject", "Norvanian aircraft using precision guided missiles killed 4 Selvians in an attack on a weapons depot.", nil,
			[]string{"NRV 180 SLV ASSAULT"}},
		// "X-led": the country that leads
		{"a country-led force", "Norvanian-led forces attacked Selvia.", []act{{"Norvanian-led forces", "MIL"}, {"Selvia", "SLV"}},
			[]string{"NRVMIL 190 SLV ASSAULT"}},
		// a name nobody knows, with its country's possessive after a comma
		{"a name and its country's possessive", "Arvo Tannen, Selvia's leading human rights activist, staged a 24-hour hunger strike in prison on Sunday in protest against the abuses by Selvian security forces, his lawyer said on Tuesday.", []act{{"Selvia", "SLV"}},
			[]string{"SLV 143 - PROTEST", "SLV 141 - PROTEST"}},
		{"a name and an apposition with a modifier", "Arvo Tannen, a Selvian rights activist, criticized Norvania.", []act{{"Norvania", "NRV"}},
			[]string{"SLV 111 NRV ACCUSE"}},
		// an agent alone is of the country where it protests or coerces,
		// not where it fights; the place is the target of either act
		// (grammar.yaml place_targets)
		{"coercion takes place at home", "Police arrested twenty demonstrators in Selbourg on Sunday.", []act{{"Police", "COP"}},
			[]string{"SLVCOP 173 SLV COERCE"}},
		{"fighting does not", "Police attacked a village in Selvia on Sunday.", []act{{"Police", "COP"}, {"Selvia", "SLV"}},
			[]string{"COP 190 SLV ASSAULT"}},
		// taking part in an event noun, also in the passive
		{"engaged in", "Norvanian forces were engaged in ethnic cleansing in Selvia.", []act{{"Norvanian forces", "NRVMIL"}, {"Selvia", "SLV"}},
			[]string{"NRVMIL 203 SLV ASSAULT"}},
		// the surname of people of one country before an agent
		{"a leader's surname before an agent", "The Kell government criticized Selvia.", []act{{"government", "GOV"}, {"Selvia", "SLV"}},
			[]string{"NRVGOV 111 SLV ACCUSE"}},
		// not the first word of a longer name: a county, a university
		{"a surname that begins a place's name", "Kell County officials met Selvia on Friday.", []act{{"officials", "GOV"}, {"Selvia", "SLV"}},
			[]string{"GOV 040 SLV CONSULT"}},
		// an apposition read as the predicate of the name before it
		{"an apposition read as a predicate", "The Norvanian Union of Teachers (NUT), the umbrella union for primary school teachers, announced Thursday that it has called off a four-day strike after deliberations with the Selvian government.", nil,
			[]string{"NRV 082 - CONCEDE"}},
		// an agent word the mention stage left out, as a subject
		{"an agent word as a subject", "Rebels attacked Selvia.", []act{{"Selvia", "SLV"}},
			[]string{"REB 190 SLV ASSAULT"}},
		// ... and one a quantity counts ("Hundreds of thousands of people")
		{"an agent word a quantity counts", "Hundreds of thousands of demonstrators blocked streets in Varnholm.", nil,
			[]string{"NRVCVL 144 NRV PROTEST"}},
		// the by-phrase after a parenthetical is the passive's agent
		{"an agent after a parenthetical", "Ousted president Arvo Tannen has been accused of misusing up to $50 million in public funds, much of it believed to have been embezzled, by current Selvian government officials.", []act{{"Arvo Tannen", "NRVELI"}},
			[]string{"SLV 112 NRVELI ACCUSE"}},
		// a demonym before a noun that does nothing is no event
		{"no trigger", "Norvanian oil prices rose.", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkBriefs(t, tc.text, briefs(codeThrough(t, c, tc.text, tc.acts...)), tc.want)
		})
	}
	// Without the dictionary the modifier names no one.
	_, plain := setup(t)
	if got := codeThrough(t, plain, "Two Norvanian suicide bombers killed 23 people."); len(got) != 0 {
		t.Errorf("without actors: coded %q", briefs(got))
	}
}

// TestPeopleList: a person the mention stage has no code for takes the
// code the list of people gives the name at the document's date.
func TestPeopleList(t *testing.T) {
	c := inventedCoder(t)
	people, err := actors.ParsePeople([]byte("arvo tannen\tNRV\tNRVGOV 19950301-,NRVELI\n"), "people.txt")
	if err != nil {
		t.Fatal(err)
	}
	withPeople := c.WithPeople(people)
	const text = "Arvo Tannen criticized Selvia."
	acts := []act{{"Arvo Tannen", ""}, {"Selvia", "SLV"}}
	if got := briefs(codeThrough(t, withPeople, text, acts...)); len(got) != 1 || got[0] != "NRVGOV 111 SLV ACCUSE" {
		// The document has no date: the most recent code.
		t.Errorf("with the list: %q, want [NRVGOV 111 SLV ACCUSE]", got)
	}
	if got := briefs(codeThrough(t, c, text, acts...)); len(got) != 1 || got[0] != " 111 SLV ACCUSE" {
		t.Errorf("without the list: %q, want [ 111 SLV ACCUSE]", got)
	}
	// A name the list does not have stays of unknown code.
	other := []act{{"Arvo Tannenberg", ""}, {"Selvia", "SLV"}}
	if got := briefs(codeThrough(t, withPeople, "Arvo Tannenberg criticized Selvia.", other...)); len(got) != 1 || got[0] != " 111 SLV ACCUSE" {
		t.Errorf("an unlisted name: %q, want [ 111 SLV ACCUSE]", got)
	}
	// Supporters of a listed person act for his or her country; an
	// unlisted name there names no one.
	const backers = "About 200 supporters of former President Arvo Tannen blocked roads in the capital city."
	if got := briefs(codeThrough(t, withPeople, backers)); len(got) != 1 || got[0] != "NRVGOV 144 - PROTEST" {
		t.Errorf("supporters of a listed person: %q, want [NRVGOV 144 - PROTEST]", got)
	}
	// the same when the mention stage found the name, without a code
	if got := briefs(codeThrough(t, withPeople, backers, act{"Arvo Tannen", ""})); len(got) != 1 || got[0] != "NRVGOV 144 - PROTEST" {
		t.Errorf("supporters of a listed person found as a mention: %q, want [NRVGOV 144 - PROTEST]", got)
	}
	if got := briefs(codeThrough(t, c, backers)); len(got) != 0 {
		t.Errorf("supporters of an unknown person: %q, want none", got)
	}
	// Without an actor dictionary the list is not read.
	_, plain := setup(t)
	if got := briefs(codeThrough(t, plain.WithPeople(people), text, acts...)); len(got) != 1 || got[0] != " 111 SLV ACCUSE" {
		t.Errorf("without a dictionary: %q", got)
	}
}

// TestTitledNameInList: a person the mention stage names by surname
// alone ("President Tannen", name "Tannen") is coded by the list of
// people when the list has the name with its title, as a subject and as
// the possessor of what the event acts on.
func TestTitledNameInList(t *testing.T) {
	c := inventedCoder(t)
	people, err := actors.ParsePeople([]byte("president tannen\tNRV\tNRVGOV\n"), "people.txt")
	if err != nil {
		t.Fatal(err)
	}
	an, _ := setup(t)
	for _, tc := range []struct{ text, want, plain string }{
		{"President Tannen criticized Selvia.", "NRVGOV 111 SLV ACCUSE", " 111 SLV ACCUSE"},
		{"Selvia welcomed President Tannen's latest statement.", "SLV 051 NRVGOV SUPPORT", "SLV 051  SUPPORT"},
	} {
		td := an.Analyze(tc.text)
		doc := &model.Document{ID: "0123456789abcdef0123", Text: tc.text}
		ms := mentionsOf(td, []act{{"President Tannen", "@"}, {"Selvia", "SLV"}})
		for i := range ms {
			if ms[i].Text == "President Tannen" {
				ms[i].Actor.Name = "Tannen"
			}
		}
		for _, withList := range []bool{true, false} {
			coder, want := c, tc.plain
			if withList {
				coder, want = c.WithPeople(people), tc.want
			}
			got := briefs(coder.Code(doc, td, ms))
			if len(got) != 1 || got[0] != want {
				t.Errorf("%s (list %v): %q, want [%s]", tc.text, withList, got, want)
			}
		}
	}
}

// TestDatelineIsNoName: a dateline the parse makes the subject is no
// participant of unknown code.
func TestDatelineIsNoName(t *testing.T) {
	c := inventedCoder(t)
	const text = "KARVAL, Selv., Oct. 4 (UPI) — Former President Arvo Tannen criticized the plan as a crazy system during a campaign event."
	for _, e := range codeThrough(t, c, text) {
		if strings.Contains(e.Source.Text, "Oct") || strings.Contains(e.Source.Text, "UPI") {
			t.Errorf("dateline coded as a participant: %q %s", e.Source.Text, e.CAMEO)
		}
	}
}

// TestPronounOfAntecedent: a pronoun that stands for a name with no code
// is known by what the name is of ("King Arvo of Norvania … he").
func TestPronounOfAntecedent(t *testing.T) {
	an, c := setup(t)
	const text = "King Arvo of Norvania was quoted today as saying he would be ready to host a meeting between Selvia and the Varn Council."
	td := an.Analyze(text)
	doc := &model.Document{ID: "0123456789abcdef0123", Text: text}
	ms := mentionsOf(td, []act{{"King Arvo", ""}, {"Norvania", "NRV"}, {"he", ""}, {"Selvia", "SLV"}})
	for i := range ms {
		if ms[i].Text == "King Arvo" || ms[i].Text == "he" {
			ms[i].Actor.Name = "Arvo" // the mention stage's coreference
		}
	}
	got := briefs(c.Code(doc, td, ms))
	found := false
	for _, g := range got {
		found = found || strings.HasPrefix(g, "NRV 036")
	}
	if !found {
		t.Errorf("coded %q, want an NRV 036 event (the pronoun's antecedent is of Norvania)", got)
	}
}

// A country's adjective before a sea, a gulf or an ocean does not make it
// that country's place: "the buildup in the Selvian Gulf" and "the
// Selvian Gulf crisis" name no one; "an attack in the Selvian capital"
// targets Selvia.
func TestWatersAreNoCountrys(t *testing.T) {
	c := inventedCoder(t)
	for _, tc := range []struct{ text, want string }{
		{"The Norvanian military buildup in the Selvian Gulf continues.", "NRV/-"},
		{"The Norvanian military sought to mediate the Selvian Gulf crisis.", "NRV/-"},
		{"Norvanian troops attacked villages in the Selvian capital.", "NRV/SLV"},
	} {
		var got []string
		for _, e := range codeThrough(t, c, tc.text, act{"The Norvanian military", "NRV"}, act{"Norvanian troops", "NRV"}) {
			tg := "-"
			if e.Target != nil {
				tg = e.Target.Code
			}
			got = append(got, e.Source.Code+"/"+tg)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: source/target %q, want %q", tc.text, got, tc.want)
		}
	}
}

// An adjective that is an agent word alone (the dictionary's "official")
// says what kind of event, not whose: "on an official visit to Selvia"
// is no visit by "an official"; "Norvanian military intervention" is
// Norvania's.
func TestRoleAdjectiveIsNoSource(t *testing.T) {
	c := inventedCoder(t)
	acts := []act{{"Ivo Brodin", "@NRVGOV"}, {"an official", "GOV"}, {"Selvia", "SLV"}, {"Norvanian military", "NRVMIL"}}
	for _, e := range codeThrough(t, c, "Ivo Brodin, on an official visit to Selvia, asked for help.", acts...) {
		if e.Source.Code == "GOV" {
			t.Errorf("event %s: the adjective is its source", brief(e))
		}
	}
	got := briefs(codeThrough(t, c, "The Norvanian military intervention in Selvia began in January.", acts...))
	if len(got) != 1 || got[0] != "NRVMIL 190 SLV ASSAULT" {
		t.Errorf("a country's military: %q", got)
	}
}
