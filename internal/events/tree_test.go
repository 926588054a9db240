package events

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// invented is an actor list of invented states and bodies, so that no
// test rests on knowledge of real ones.
var invented = []act{
	{"Norvania", "NRV"}, {"Selvia", "SLV"}, {"Ostrava Republic", "OSR"}, {"Karelis", "KRL"},
	{"the Varn Council", "IGOVRN"}, {"The Varn Council", "IGOVRN"}, {"Norvanian troops", "NRVMIL"}, {"Selvian police", "SLVCOP"},
	{"Karelian rebels", "KRLREB"}, {"Norvanian", "NRV"}, {"Selvian", "SLV"}, {"King Arvo", ""},
}

// TestRelations: each case exercises one dependency relation the coder
// reads its roles or flags from.
func TestRelations(t *testing.T) {
	cases := []struct {
		rel, text string
		want      []string
	}{
		// nsubj is the source, obj the target.
		{"nsubj+obj", "Norvania attacked Selvia.", []string{"NRV 190 SLV ASSAULT"}},
		{"nsubj+obj, modifiers", "Norvanian troops attacked Karelian rebels near the border.", []string{"NRVMIL 190 KRLREB ASSAULT"}},
		// a modifier names the actor of a nominal ("Norvanian doctors").
		{"amod actor", "Norvanian doctors delivered food to Selvia.", []string{"NRV 073 SLV AID"}},
		// a dateline read as the subject: its apposition after the dash is.
		{"dateline appos", "Karelis, 2 May 2018 - Norvania met Selvian officials in Karelis.", []string{"NRV 040 SLV CONSULT"}},
		// a name with no code is known by what it is "of".
		{"uncoded name of a state", "King Arvo of Norvania attacked Selvia.", []string{"NRV 190 SLV ASSAULT"}},
		// iobj: "gave Selvia aid".
		{"iobj", "Norvania gave Selvia military aid.", []string{"NRV 072 SLV AID"}},
		// obl + case: the pattern's preposition introduces the target.
		{"obl+case", "Norvania sent humanitarian aid to Selvia.", []string{"NRV 073 SLV AID"}},
		{"obl with another preposition is no target", "Norvania sent humanitarian aid through Selvia.", []string{"NRV 073 - AID"}},
		// nsubj:pass is the target, the by-agent the source.
		{"nsubj:pass+agent", "Selvia was attacked by Norvania.", []string{"NRV 190 SLV ASSAULT"}},
		{"nsubj:pass, no agent", "Selvia was attacked on Monday.", nil},
		// xcomp: the governor's subject; intent, refusal, requests, threats.
		{"xcomp intent", "Norvania agreed to meet Selvia.", []string{"NRV 036 SLV AGREE fut"}},
		{"xcomp light verb without an event noun", "Norvania and Selvia have agreed to undertake joint military exercises.", []string{"NRV 030 SLV AGREE", "SLV 030 NRV AGREE"}},
		{"xcomp intent, target through a quantity", "Norvania agreed to provide 70 million dollars of aid for Selvia.", []string{"NRV 0331 SLV AGREE fut"}},
		{"xcomp aspectual", "Norvania continued to send arms to Selvia.", []string{"NRV 072 SLV AID"}},
		{"obl of a complaint", "Norvania complained to the Varn Council over Selvian raids.", []string{"NRV 114 SLV ACCUSE", "SLV 190 - ASSAULT"}},
		{"xcomp refusal", "Norvania refused to meet Selvia.", []string{"NRV 125 SLV REJECT"}},
		{"xcomp refusal to release", "Norvania declined to release Selvian prisoners.", []string{"NRV 1243 SLV REJECT"}},
		{"xcomp request", "Norvania asked the Varn Council to help.", []string{"NRV 023 IGOVRN REQUEST"}},
		{"xcomp threat", "Norvania threatened to attack Selvia.", []string{"NRV 138 SLV THREATEN"}},
		// ccomp: reported speech; a pronoun subject is the speaker.
		{"ccomp pronoun is the speaker", "Norvania said it had attacked Selvia.", []string{"NRV 190 SLV ASSAULT"}},
		{"ccomp named subject", "Karelis said Norvania had attacked Selvia.", []string{"NRV 190 SLV ASSAULT"}},
		// the pronoun opens its clause, else it may be anyone
		{"pronoun deep in a misparsed complement", "When it was argued in January, the Varn Council seemed ready to say that forcing public workers to support unions they have declined to join violates the law.", nil},
		{"pronoun after a condition", "Norvania said if elected again it could work effectively with Selvia.", []string{"NRV 060 SLV COOPERATE hyp"}},
		// in the speaker's own words a third person is someone else
		{"quoted pronoun is not the speaker", "\"It has attacked Selvia,\" Norvania said.", nil},
		{"quoted participle is not the speaker's act", "\"Being very, very, very pro-choice, supporting Selvia and being open to gay marriage,\" said Norvania.", nil},
		{"ccomp obligation is a demand", "Karelis said that Norvania must withdraw its troops.", []string{"KRL 100 NRV REQUEST", "NRV 0874 - RETREAT hyp"}},
		{"ccomp of a warning: its subject is the target", "Norvania warned that Selvia will no longer tolerate rallies.", []string{"NRV 130 SLV THREATEN"}},
		// conj: coordinated arguments and verbs.
		{"conj subjects", "Norvania and Selvia attacked Karelis.", []string{"NRV 190 KRL ASSAULT", "SLV 190 KRL ASSAULT"}},
		{"conj objects", "Norvania attacked Selvia and Karelis.", []string{"NRV 190 SLV ASSAULT", "NRV 190 KRL ASSAULT"}},
		{"conj verbs share the subject", "Norvania criticized Selvia and attacked Karelis.", []string{"NRV 111 SLV ACCUSE", "NRV 190 KRL ASSAULT"}},
		// negation from advmod and det.
		{"advmod not", "Norvania did not attack Selvia.", []string{"NRV 190 SLV ASSAULT neg"}},
		{"advmod never", "Norvania never attacked Selvia.", []string{"NRV 190 SLV ASSAULT neg"}},
		{"det no", "There was no attack by Norvania on Selvia.", []string{"NRV 190 SLV ASSAULT neg"}},
		// modality from aux.
		{"aux may", "Norvania may attack Selvia.", []string{"NRV 190 SLV ASSAULT hyp"}},
		{"aux could", "Norvania could attack Selvia.", []string{"NRV 190 SLV ASSAULT hyp"}},
		{"aux would", "Norvania would attack Selvia.", []string{"NRV 190 SLV ASSAULT hyp"}},
		// an announced act of force is a threat; a cooperative one an intent.
		{"aux will, force", "Norvania will attack Selvia.", []string{"NRV 138 SLV THREATEN fut"}},
		{"aux will, aid", "Norvania will send aid to Selvia.", []string{"NRV 033 SLV AGREE fut"}},
		{"aux will not: a refusal", "Norvania will not release Selvian prisoners.", []string{"NRV 1243 SLV REJECT"}},
		{"did not: a negated act", "Norvania did not release Selvian prisoners.", []string{"NRV 0841 SLV RETREAT neg"}},
		// refusing what no pattern codes is a plain rejection.
		// allowing is yielding (CAMEO 2.0: ALLOW 080): refusing it declines to yield
		{"xcomp refusal to allow", "Norvania refused to allow Selvian planes to land.", []string{"NRV 124 SLV REJECT"}},
		{"xcomp refusal, no pattern", "Norvania refused to commit to the plan.", []string{"NRV 120 - REJECT"}},
		// a phrase with a copula is a predicate, not a passive.
		{"be opposed to", "Norvania is opposed to the Varn Council.", []string{"NRV 110 IGOVRN ACCUSE"}},
		// a modal act of force under a condition is a threat; in reported
		// speech "would" is the future.
		{"aux may under a condition", "Norvania may attack Selvia if the talks fail.", []string{"NRV 138 SLV THREATEN hyp"}},
		{"reported would", "Norvania said it would attack Selvia.", []string{"NRV 138 SLV THREATEN fut"}},
		{"announced future coercion", "Norvania announced that it will impose a curfew in Karelis.", []string{"NRV 1323 KRL THREATEN fut"}},
		{"announced coercion, noun", "Norvania said it would tighten the blockade of Selvia.", []string{"NRV 1381 SLV THREATEN fut"}},
		// a purpose clause that is itself the act.
		{"advcl purpose act", "Karelian rebels began a hunger strike to protest against Norvania.", []string{"KRLREB 143 - PROTEST", "KRLREB 141 NRV PROTEST"}},
		{"advcl purpose, intended only", "Norvania sent troops to attack Selvia.", nil},
		{"purpose of a prevented act is not the preventer's", "Selvian police prevented the demonstration staged by Karelian rebels to protest against Norvania.", []string{"SLVCOP 1721 - COERCE", "KRLREB 141 - PROTEST"}},
		// a cooperative verb in the future is an intent (03x).
		{"aux will, support", "Norvania will support Selvia.", []string{"NRV 032 SLV AGREE fut"}},
		// a light verb and its event noun.
		{"light verb, reciprocal", "Norvania and Selvia renewed negotiations.", []string{"NRV 046 SLV CONSULT", "SLV 046 NRV CONSULT"}},
		// refraining from an act is not doing it; offering a view or a
		// preview is no offer to act
		{"refrain from", "Norvania refrained from criticizing Selvia.", []string{"NRV 111 SLV ACCUSE neg"}},
		{"offer words", "Norvania offered a preview of its thinking to Selvia.", nil},
		// a verb phrase skips a manner adverb, not one of direction
		{"manner adverb in a phrase", "Norvania looked closely into the killings.", []string{"NRV 092 - ACCUSE"}},
		{"direction adverb in a phrase", "Norvania's envoy paused, looking off into the distance.", nil},
		// a finite verb after a relative clause is the main clause's,
		// though the parse reads it as what the clause's object does
		{"verb after a relative clause", "The Norvanian leader who criticized Selvia resigned.", []string{"NRV 111 SLV ACCUSE", "NRV 0831 - RETREAT"}},
		// targeting someone with emails is words, not force
		{"targeted with emails", "Norvanian activists targeted Selvian diplomats with vile emails.", []string{"NRV 111 SLV ACCUSE"}},
		// what an abstract thing is "under" is a figure of speech
		{"abstract under attack", "Our freedom is under assault from Norvanian troops.", nil},
		{"town under attack", "The town is under attack from Norvanian troops.", []string{"NRVMIL 190 - ASSAULT"}},
		// conceding a point is saying, conceding defeat yielding; a
		// manner is no party ("spoke with difficulty")
		{"concede that", "Norvania conceded that the situation is deeply regrettable.", nil},
		{"concede defeat", "Norvania conceded defeat.", []string{"NRV 080 - CONCEDE"}},
		{"speak with a manner", "Norvania spoke with great difficulty on Monday.", nil},
		// a promise of one's own act is no intent to cooperate; aid
		// offered is, to whomever it is for
		{"vow of one's own act", "Norvania vowed on Tuesday to win back the public's trust.", nil},
		{"vow with a day read as its object", "The Norvanian campaign vowed Tuesday to remain in the race.", nil},
		{"offer to someone", "Norvania offered Selvia a new deal.", []string{"NRV 030 SLV AGREE fut"}},
		{"aid offered", "Norvania offered humanitarian aid.", []string{"NRV 0333 - AGREE fut"}},
		{"a thing offered, no party", "Norvania offered a marketing perk.", nil},
		{"concessions offered", "Norvania offered concessions last November.", []string{"NRV 030 - AGREE fut"}},
		// discussing a topic with no one named is no consultation;
		// with someone named, known or not, it is
		{"discuss a topic alone", "Norvania discussed its immigration plan on Monday.", nil},
		{"discuss with someone unknown", "Norvania discussed its immigration plan with local elders.", []string{"NRV 040 - CONSULT"}},
		{"speak to someone unknown", "Norvania spoke to local elders on Monday.", []string{"NRV 040 - CONSULT"}},
		// allowing is yielding to an actor allowed, not a policy that
		// allows someone no actor
		{"allow an actor", "Norvania allowed Selvian workers to cross the border.", []string{"NRV 080 SLV CONCEDE"}},
		{"allow no actor", "The Norvanian government proposes allowing parents to deduct the average cost of their care from their income taxes.", nil},
		// coordinated subjects of a reciprocal verb are each other's
		// targets only when the verb has no target of its own, known
		// or not ("fighting Kesh", "met with local elders")
		{"reciprocal, each other", "Norvania and Selvia are fighting each other.", []string{"NRV 190 SLV ASSAULT", "SLV 190 NRV ASSAULT"}},
		{"reciprocal verb with an unknown object", "Norvania and Selvia are fighting Kesh.", nil},
		{"reciprocal verb with an unknown prepositional target", "Norvania and Selvia met with local elders in Karelis.", []string{"NRV 040 - CONSULT", "SLV 040 - CONSULT"}},
		{"light verb obj through a compound", "The Varn Council undertook a mediation mission between Norvania and Selvia.", []string{"IGOVRN 045 NRV CONSULT", "IGOVRN 045 SLV CONSULT"}},
		{"light verb obj", "Karelian rebels organized a general strike.", []string{"KRLREB 143 - PROTEST"}},
		// a material act whose object is no actor is still the source's.
		{"object names no actor", "Selvian police arrested 20 protesters.", []string{"SLVCOP 173 - COERCE"}},
		{"blocking a road", "Karelian rebels blocked a road near the border.", []string{"KRLREB 144 - PROTEST"}},
		{"a meeting with no actor has no target", "Norvania hosted a conference.", []string{"NRV 043 - CONSULT"}},
		// an obl right before a finite verb that has no subject is it.
		{"adjacent subject", "Up to 1,000 Selvian police began a hunger strike.", []string{"SLVCOP 143 - PROTEST"}},
	}
	for _, tc := range cases {
		t.Run(tc.rel, func(t *testing.T) {
			checkBriefs(t, tc.text, briefs(codeText(t, tc.text, invented...)), tc.want)
		})
	}
}

// A person's supporters act for themselves: "Juma Otieno's supporters
// are endorsing Uganda", parsed right, is no endorsement by Otieno (a
// country's or a body's supporters still code it).
func TestFollowersOfAPerson(t *testing.T) {
	an, c := setup(t)
	src := "Juma Otieno's supporters are endorsing Uganda."
	td := an.Analyze(src)
	heads := []int{3, 0, 0, 5, 5, -1, 5, 5}
	rels := []string{"nmod:poss", "flat", "case", "nsubj", "aux", "root", "obj", "punct"}
	if !td.SetHeads(0, heads, rels) {
		t.Fatalf("the parse does not fit the sentence's %d tokens", len(td.Tokens))
	}
	doc := &model.Document{ID: "0123456789abcdef0123", Text: src}
	for _, e := range c.Code(doc, td, mentionsOf(td, []act{{"Juma Otieno", "@KENGOV"}, {"Uganda", "UGA"}})) {
		if e.Source.Code == "KENGOV" {
			t.Errorf("event %s: Otieno's supporters coded as Otieno", brief(e))
		}
	}
}

// A word set off by a comma at the sentence's start and read as a second
// subject is none: "Disillusioned, Juma Otieno resigned" is Otieno's
// resignation.
func TestWordSetOffIsNoSubject(t *testing.T) {
	an, c := setup(t)
	src := "Disillusioned, Juma Otieno resigned."
	td := an.Analyze(src)
	heads := []int{4, 0, 4, 2, -1, 4}
	rels := []string{"nsubj", "punct", "nsubj", "flat", "root", "punct"}
	if !td.SetHeads(0, heads, rels) {
		t.Fatalf("the parse does not fit the sentence's %d tokens", len(td.Tokens))
	}
	doc := &model.Document{ID: "0123456789abcdef0123", Text: src}
	evs := c.Code(doc, td, mentionsOf(td, []act{{"Juma Otieno", "@KENGOV"}}))
	if len(evs) != 1 || evs[0].Source.Code != "KENGOV" {
		t.Errorf("events %q, want one by KENGOV", briefs(evs))
	}
}

// A "they" that opens what a plural noun said is that noun's, whatever
// the mention stage took the nearest plural for: "some of the
// candidates have said they oppose …" is no opposition by troops named
// before.
func TestTheyOfWhoSaidIt(t *testing.T) {
	c := inventedCoder(t)
	const src = "Kenyan troops patrol the border. Some of the candidates have said they oppose the patrols."
	for _, e := range codeThrough(t, c, src, act{"Kenyan troops", "KENMIL"}, act{"they", "KENMIL"}) {
		if e.Source.Code == "KENMIL" && e.Source.Text == "they" {
			t.Errorf("event %s: the candidates' 'they' coded as the troops", brief(e))
		}
	}
}

// A party's neighbour, ally or enemy is another party: "Norvania's
// neighbour attacked Selvia", parsed right, is no attack by Norvania.
func TestRelationOfAParty(t *testing.T) {
	an, c := setup(t)
	src := "Norvania's neighbour attacked Selvia."
	td := an.Analyze(src)
	heads := []int{2, 0, 3, -1, 3, 3}
	rels := []string{"nmod:poss", "case", "nsubj", "root", "obj", "punct"}
	if !td.SetHeads(0, heads, rels) {
		t.Fatalf("the parse does not fit the sentence's %d tokens", len(td.Tokens))
	}
	doc := &model.Document{ID: "0123456789abcdef0123", Text: src}
	for _, e := range c.Code(doc, td, mentionsOf(td, invented)) {
		if e.Source.Code == "NRV" {
			t.Errorf("event %s: Norvania's neighbour coded as Norvania", brief(e))
		}
	}
}

// A building or a site is never the one who uses force: "the Northland
// Embassy bombings" and "bombings at Northland embassies, which have
// killed …" code no assault by the embassy; an attack on one still codes
// with the embassy its target.
func TestFacilityIsNoSourceOfForce(t *testing.T) {
	for _, c := range []struct {
		text string
		acts []act
		want []string
	}{
		{"Velgrad handed over a suspect in the Northland Embassy bombings.", []act{{"Velgrad", "VEL"}, {"the Northland Embassy", "NORGOV"}}, nil},
		{"Officials met after the bombings at Northland embassies, which have killed more than 250 people.", []act{{"Northland embassies", "NORGOV"}}, nil},
		{"Rebels attacked the embassy on Friday.", []act{{"Rebels", "REB"}, {"the embassy", "NORGOV"}}, []string{"REB 190 NORGOV ASSAULT"}},
	} {
		var got []string
		for _, b := range briefs(codeText(t, c.text, c.acts...)) {
			if r := strings.Fields(b)[1][:2]; r == "18" || r == "19" || r == "20" {
				got = append(got, b)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: force events %q, want %q", c.text, got, c.want)
		}
	}
}

// codedCase is a sentence, the mentions given for it, and the events it
// must code (briefs), in order.
type codedCase struct {
	text string
	acts []act
	want []string
}

// checkCoded codes each case's sentence and compares its events' briefs
// with the case's.
func checkCoded(t *testing.T, cases []codedCase) {
	t.Helper()
	for _, c := range cases {
		got := briefs(codeText(t, c.text, c.acts...))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// Words that look like events and are not: "insist" with neither a
// that-clause nor "on" asserts ("officials in Velgrad insist"); "assailed
// X for doing Y" is criticism, wherever the parse hangs the reason;
// "must be met with a crackdown" is no meeting.
func TestAssertionsAndReceptions(t *testing.T) {
	checkCoded(t, []codedCase{
		{"There is no chance of that level of violence, officials in Velgrad insist, because policing has changed.", []act{{"officials", "VELGOV"}}, nil},
		{"Norvania insisted on talks with Selvia.", invented, []string{"NRV 106 - REQUEST"}},
		{"Last year, Norvanian officials assailed Selvia for holding joint naval exercises with Karelis in the Black Sea.", []act{{"Norvanian officials", "NRVGOV"}, {"Selvia", "SLV"}, {"Karelis", "KRL"}}, []string{"NRVGOV 111 SLV ACCUSE"}},
		{"Their repeated acts of terrorism must be met with the severest possible crackdown by the Velgradi authorities.", []act{{"the Velgradi authorities", "VELGOV"}}, nil},
	})
}

// No obligation, request or meeting: "must not have written" infers what
// happened; "who asked not to be named" keeps a source anonymous; "met
// the test" is a standard met.
func TestInferenceAnonymityAndStandards(t *testing.T) {
	checkCoded(t, []codedCase{
		{"''Juan Ruiz must not have written the letter himself,'' said Ivo Brodin, spokesman for the Velgradi government.", []act{{"Juan Ruiz", "@"}, {"Ivo Brodin", "@VELGOV"}}, nil},
		{"The minister said Norvania must withdraw its troops.", []act{{"The minister", "SLVGOV"}, {"Norvania", "NRV"}}, []string{"SLVGOV 100 NRV REQUEST", "NRV 0874 - RETREAT hyp"}},
		{"A Norvanian official, who asked not to be named, said the project was pulled.", []act{{"A Norvanian official", "NRVGOV"}}, nil},
		{"The court decided that the Norvanian government met the test that calls for custody reverting to the parent.", []act{{"the Norvanian government", "NRVGOV"}}, nil},
	})
}

// "financial" alone says no money is given: "provides an electronic
// financial information network" is a business, "provided financial
// assistance" economic aid.
func TestFinancialAloneIsNoAid(t *testing.T) {
	acts := []act{{"Velta Corp.", "BUS"}, {"Norvania", "NRV"}, {"Selvia", "SLV"}}
	checkCoded(t, []codedCase{
		{"Velta Corp. provides an electronic financial information network.", acts, nil},
		{"Norvania provided financial assistance to Selvia.", acts, []string{"NRV 071 SLV AID"}},
	})
}

// A name in a phrase of place right before a verb the parse left without
// a subject is where, not who: "troops massed nearby in Selvia
// threatened Karelis" is no threat by Selvia.
func TestPlaceBeforeAVerbIsNoSubject(t *testing.T) {
	acts := []act{{"Norvanian troops", "NRVMIL"}, {"Selvia", "SLV"}, {"Karelis", "KRL"}}
	for _, e := range codeText(t, "Norvanian troops massed nearby in Selvia threatened Karelis.", acts...) {
		if e.Source.Code == "SLV" {
			t.Errorf("event %s: the place is its source", brief(e))
		}
	}
	// a name opening its clause stays the subject
	got := briefs(codeText(t, "Before Selvia had attacked Karelis, Norvanian troops praised Karelis.", acts...))
	if len(got) == 0 || got[0] != "SLV 190 KRL ASSAULT" {
		t.Errorf("%q", got)
	}
}

// "who" stands for a person, not for the place after a preposition the
// parse hung its clause on: "a nun from Selvia who oppose his return" is
// no opposition by Selvia.
func TestWhoIsNoPlace(t *testing.T) {
	acts := []act{{"Selvia", "SLV"}, {"Norvania", "NRV"}}
	for _, e := range codeText(t, "The minister met a lawyer and a nun from Selvia who oppose his return to Norvania.", acts...) {
		if e.Source.Code == "SLV" {
			t.Errorf("event %s: the place is its source", brief(e))
		}
	}
	if got := briefs(codeText(t, "Selvia, which borders Norvania, attacked Norvania.", acts...)); len(got) == 0 || got[0] != "SLV 190 NRV ASSAULT" {
		t.Errorf("a country's relative clause: %q", got)
	}
}

// A figure that declined is no refusal: "Revenue declined 8% to $85.7
// million"; "declined to comment" and "refused to withdraw" still code.
func TestDeclinedFigureIsNoRefusal(t *testing.T) {
	acts := []act{{"Velta Corp.", "BUS"}, {"Norvania", "NRV"}}
	if got := briefs(codeText(t, "Velta Corp. revenue declined 8% to $85.7 million.", acts...)); len(got) != 0 {
		t.Errorf("a figure: %q", got)
	}
	if got := briefs(codeText(t, "Norvania declined to comment.", acts...)); len(got) != 1 || !strings.Contains(got[0], "011") {
		t.Errorf("declined to comment: %q", got)
	}
}

// An invasion, a shelling or a bombardment "of" a place is done to it:
// "Norvania's invasion of Selvia" targets Selvia; "the intervention of
// Karelis" stays Karelis's own (no target).
func TestInvasionOfIsItsTarget(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Norvania's invasion of Selvia was condemned.", "NRV 190 SLV ASSAULT"},
		{"The shelling of Selvia by Norvania continued.", "NRV 190 SLV ASSAULT"},
	} {
		got := briefs(codeText(t, c.text, invented...))
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// The possessor of an arrest, an expulsion, a kidnapping or an
// assassination is whom it is done to ("Ivo Brodin's arrest" is no
// arrest by him), unless a preposition names that ("Norvania's
// kidnapping of Selvian diplomats" is Norvania's).
func TestPossessorOfAnArrestIsItsTarget(t *testing.T) {
	acts := []act{{"Ivo Brodin", "@"}, {"Norvania", "NRV"}, {"Selvian diplomats", "SLVGOV"}}
	for _, e := range codeText(t, "A reward is offered for information leading to Ivo Brodin's arrest.", acts...) {
		t.Errorf("event %s: the one arrested is no source", brief(e))
	}
	checkCoded(t, []codedCase{
		{"Norvania's kidnapping of Selvian diplomats was condemned.", acts, []string{"NRV 181 SLVGOV ASSAULT"}},
	})
}

// A figure that hits a high is no attack; jets that hit a high-rise are.
func TestHitAHighIsNoAttack(t *testing.T) {
	acts := []act{{"Velta Corp.", "BUS"}, {"Norvanian jets", "NRVMIL"}}
	checkCoded(t, []codedCase{
		{"Velta Corp. stock hit a high in 1983 after the company unveiled its home computer.", acts, nil},
		{"Norvanian jets hit a high-rise building in the capital.", acts, []string{"NRVMIL 190 - ASSAULT"}},
	})
}

// Charged with a task is no accusation: "charged the inspectors with
// verifying …"; charged with a crime is one.
func TestChargedWithATask(t *testing.T) {
	acts := []act{{"The Varn Council", "IGOVRN"}, {"the inspectors", "IGOVRN"}, {"Prosecutors", "JUD"}}
	checkCoded(t, []codedCase{
		{"The Varn Council has charged the inspectors with verifying that Norvania has destroyed its missiles.", acts, nil},
		{"Prosecutors charged Ivo Brodin with fraud.", acts, []string{"JUD 1121 - ACCUSE"}},
	})
}

// Who is charged with an act is who did it, alleged: "Selvia charged
// Norvania with violating the truce" is no violation by Selvia.
func TestChargedWithAnActIsTheObjects(t *testing.T) {
	for _, e := range codeText(t, "Selvia charged Norvania with violating the truce.", invented...) {
		if e.Source.Code == "SLV" && e.CAMEO[:2] != "11" {
			t.Errorf("event %s: the accuser is not who violated", brief(e))
		}
	}
}
