package events

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// world is the actor list of the hand-written test sentences.
var world = []act{
	{"Kenya", "KEN"}, {"Uganda", "UGA"}, {"Somalia", "SOM"}, {"Ghana", "GHA"}, {"Togo", "TGO"},
	{"Chad", "TCD"}, {"Niger", "NER"}, {"the AU", "IGOAFRAFU"}, {"Hungary", "HUN"}, {"Romania", "ROU"},
	{"The Minister", "KENGOV"}, {"the President", "UGAGOV"}, {"French military", "FRAMIL"}, {"Mali", "MLI"},
	{"Somali militants", "SOMREB"}, {"Kenyan troop", "KENMIL"}, {"Sweden", "SWE"}, {"Peru", "PER"},
	{"Chile", "CHL"}, {"the UN", "IGOUNO"}, {"Kenyan", "KEN"},
}

func TestConstructions(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"active", "Kenya attacked Somalia on Monday.", []string{"KEN 190 SOM ASSAULT"}},
		{"passive with agent", "Kenya was attacked by Somali militants.", []string{"SOMREB 190 KEN ASSAULT"}},
		{"passive without agent", "Kenya was attacked on Monday.", nil},
		{"reported speech", "Officials said that Ghana had agreed to help Togo.", []string{"GHA 033 TGO AGREE fut"}},
		{"infinitival request", "Chad asked the AU to help build its army.", []string{"TCD 023 IGOAFRAFU REQUEST"}},
		{"compound source", "Hungary and Romania agreed to hold talks.", []string{"HUN 036 ROU AGREE fut", "ROU 036 HUN AGREE fut"}},
		{"reciprocal meeting", "Hungary and Romania met in Vienna.", []string{"HUN 040 ROU CONSULT", "ROU 040 HUN CONSULT"}},
		{"compound target", "Sweden met the presidents of Chad and Niger.", []string{"SWE 040 TCD CONSULT", "SWE 040 NER CONSULT"}},
		{"nominal meeting", "The Minister's meeting with the President was cancelled.", []string{"KENGOV 040 UGAGOV CONSULT"}},
		{"nominal intervention", "Militants were pushed out of Mali after French military intervention.", []string{"FRAMIL 190 - ASSAULT"}},
		{"negated future noun", "There will be no Kenyan troop deployment to Somalia.", []string{"KENMIL 154 SOM MOBILIZE neg fut"}},
		{"future intent", "Kenya will send aid to Somalia.", []string{"KEN 033 SOM AGREE fut"}},
		{"negated", "Kenya is not deploying troops to Somalia.", []string{"KEN 154 SOM MOBILIZE neg"}},
		{"not about", "Kenya said this mission is not about Kenya deploying troops to Somalia.", []string{"KEN 154 SOM MOBILIZE neg"}},
		{"modal", "Uganda may attack Kenya.", []string{"UGA 190 KEN ASSAULT hyp"}},
		{"conditional", "If Kenya attacks Somalia, Uganda will respond.", []string{"KEN 190 SOM ASSAULT hyp"}},
		{"if you wish", "Sweden will welcome Chad as a partner, if you so wish.", []string{"SWE 036 TCD AGREE fut hyp"}},
		{"plans to", "Kenya plans to visit Uganda.", []string{"KEN 036 UGA AGREE fut"}},
		{"intends to", "Peru intends to provide military aid to Chile.", []string{"PER 0332 CHL AGREE fut"}},
		// Refusing is rejecting (CAMEO 12), not a negated meeting.
		{"refused", "Kenya refused to meet Uganda.", []string{"KEN 125 UGA REJECT"}},
		{"relative clause", "Kenya, which borders Somalia, criticized Uganda.", []string{"KEN 111 UGA ACCUSE"}},
		{"apposition", "Peru, a neighbour of Chile, condemned Chad.", []string{"PER 111 TCD ACCUSE"}},
		{"gerund by", "Ghana is helping Togo by sending food to Togo.", []string{"GHA 070 TGO AID", "GHA 073 TGO AID"}},
		{"light verb", "Kenya launched an attack on Somalia.", []string{"KEN 190 SOM ASSAULT"}},
		{"request noun", "Chad renewed its request for training from the AU.", []string{"IGOAFRAFU 023 - REQUEST"}},
		{"unresolved pronoun", "We will cooperate with Kenya.", nil},
		{"prep blocks subject", "Officials from Kenya met on Monday.", nil},
		{"phone rule", "Peru met Chile by telephone.", []string{"PER 041 CHL CONSULT"}},
		{"threat rule", "Kenya threatened Uganda with sanctions.", []string{"KEN 1312 UGA THREATEN"}},
		// A threat to do something is a threat, not a hypothetical act.
		{"threat to withdraw if", "Chad threatened to withdraw its troops if salaries are not paid.", []string{"TCD 130 - THREATEN"}},
		{"threat to embargo", "Peru had threatened to impose an arms embargo on Chile.", []string{"PER 1312 CHL THREATEN"}},
		{"threat to attack", "Kenya threatened to attack Somalia.", []string{"KEN 138 SOM THREATEN"}},
		{"threat to quit talks", "Sweden threatened to quit the talks with Chad.", []string{"SWE 134 - THREATEN"}},
		{"threat under condition", "If the talks fail, Kenya will threaten to attack Somalia.", []string{"KEN 138 SOM THREATEN fut hyp"}},
		{"headline", "Chad Asks the AU to Help Build Army", []string{"TCD 023 IGOAFRAFU REQUEST"}},
		{"release", "Kenya released prisoners to Uganda.", []string{"KEN 0841 UGA RETREAT"}},
		// PLOVER: lifting a curfew is a concession (CONCEDE), a resignation
		// a retreat (RETREAT), agreeing to resign an intent (AGREE).
		{"lift curfew", "Kenya lifted the curfew.", []string{"KEN 0813 - CONCEDE"}},
		{"resign", "The government of Kenya resigned.", []string{"KEN 0831 - RETREAT"}},
		// CAMEO 2.0: calling for sanctions against someone rallies
		// opposition against him; one adverb may stand inside a phrase.
		{"call for sanctions", "Peru called for sanctions against Chile.", []string{"PER 113 CHL ACCUSE"}},
		{"call for talks", "Peru called for talks with Chile.", []string{"PER 026 CHL REQUEST"}},
		{"adverb in a phrase", "Peru is pushing hard for talks.", []string{"PER 106 - REQUEST"}},
		{"for X to: a demand on X", "Peru is pushing hard for the UN to support its debt relief plan.", []string{"PER 100 IGOUNO REQUEST"}},
		{"for X to: a demand on X", "Peru is pushing for Chile to support the plan.", []string{"PER 100 CHL REQUEST"}},
		// figurative uses and objects no one is met in are not coded
		{"seize on a claim", "Peru seized on the claim of Chile.", nil},
		{"back out", "Peru backed out of the deal.", nil},
		{"receive money", "Peru received bonuses.", nil},
		{"receive a visitor", "Peru received Chile.", []string{"PER 043 CHL CONSULT"}},
		{"receive observers", "Kenya received a mission of observers from the AU.", []string{"KEN 0862 IGOAFRAFU RETREAT"}},
		{"receive aid is no visit", "Kenya received aid from the AU.", nil},
		{"back off", "Peru backed off its proposals.", nil},
		{"execute a plan", "Peru executed the plan.", nil},
		{"protect no one", "Peru sought to protect tax breaks.", nil},
		{"host events", "Peru will host events in the capital.", nil},
		{"host a summit", "Peru hosted a summit.", []string{"PER 043 - CONSULT"}},
		{"defend itself", "Peru defended itself.", nil},
		{"crack down on no one", "Peru cracked down on corruption.", nil},
		// the gerund of "criticized Y for …" is Y's
		{"criticized for", "Peru criticized Chile for attacking Kenya.", []string{"PER 111 CHL ACCUSE", "CHL 190 KEN ASSAULT hyp"}},
		// passives the parser reads otherwise
		{"passive read as adjective", "He was tased and then shot after he approached the car.", nil},
		{"participle with a by-agent", "Kenya is one of the countries attacked and invaded by Uganda this year.", []string{"UGA 192 - COERCE"}},
		{"fight no one", "Peru fought in the war for its rights.", nil},
		{"prevent a rally", "Kenyan troop prevented the rally of the opposition.", []string{"KENMIL 1721 - COERCE"}},
		{"prevent an attack", "Kenyan troop prevented an attack.", nil},
		{"pay compensation", "Kenya paid compensation to Uganda.", []string{"KEN 0842 UGA RETREAT"}},
		{"pay a visit is no compensation", "Kenya paid a visit to Uganda.", nil},
		{"recognize a victory", "Peru recognized the victory of Chile.", []string{"PER 080 CHL CONCEDE"}},
		{"a time word is no second subject", "Tuesday the government of Kenya criticized Uganda.", []string{"KEN 111 UGA ACCUSE"}},
		{"close a border", "Peru closed its borders with Chile.", []string{"PER 172 CHL COERCE"}},
		{"close no border", "Peru closed the meeting.", nil},
		{"capture a stronghold", "Kenya captured a rebel stronghold.", []string{"KEN 190 - ASSAULT"}},
		{"capture no territory", "Kenya captured the imagination of Uganda.", nil},
		{"agree to resign", "The government of Kenya agreed to resign.", []string{"KEN 0341 - AGREE fut"}},
		{"investigate", "the UN investigated Kenya over war crimes.", []string{"IGOUNO 094 KEN ACCUSE"}},
		{"expel", "Kenya expelled the UN inspectors.", []string{"KEN 1662 IGOUNO SANCTION"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkBriefs(t, tc.text, briefs(codeText(t, tc.text, world...)), tc.want)
		})
	}
}

// TestMisreadVerbs: verbs that today's parsing model misreads are
// coded as the clauses they are.
func TestMisreadVerbs(t *testing.T) {
	for _, tc := range []struct {
		text string
		acts []act
		want []string
	}{
		// "extradited" read as an auxiliary of "suspected"
		{"Kenya extradited suspected British militant Haroon Aswad to Uganda on Sunday, a senior Kenyan government official said.",
			[]act{{"Kenya", "KEN"}, {"Uganda", "UGA"}}, []string{"KEN 063 UGA COOPERATE"}},
		// "reduced" read as an adjective of "supplies", a time phrase
		// between it and its subject
		{"The UN on Tuesday reduced food supplies to the biggest refugee camp in Kenya because rice was being diverted, relief officials said.",
			[]act{{"The UN", "IGOUNO"}, {"the biggest refugee camp", "KENREF"}}, []string{"IGOUNO 1623 KENREF SANCTION"}},
	} {
		checkBriefs(t, tc.text, briefs(codeText(t, tc.text, tc.acts...)), tc.want)
	}
}

// TestForTo: in "for X to VERB" the act of X is wanted, not stated.
func TestForTo(t *testing.T) {
	const text = "Peru is pushing hard for the US to support its debt relief plan."
	got := briefs(codeText(t, text, act{"Peru", "PER"}, act{"the US", "USA"}))
	checkBriefs(t, text, got, []string{"PER 100 - REQUEST", "USA 051 - SUPPORT hyp"})
}

// TestCodeChoice: the words after the trigger pick the code, and some
// uses are not coded at all.
func TestCodeChoice(t *testing.T) {
	extra := append(append([]act{}, world...), act{"Sahel leaders", "SAHGOV"}, act{"Dakar", "SEN"})
	cases := []struct {
		name, text string
		want       []string
	}{
		{"hit with sanctions", "Peru hit Chile with new tariffs.", []string{"PER 163 CHL SANCTION"}},
		{"target with sanctions", "Sweden targeted Chad with sanctions on Monday.", []string{"SWE 163 TCD SANCTION"}},
		{"hit is still force", "Kenya hit Somalia on Monday.", []string{"KEN 190 SOM ASSAULT"}},
		{"extending a mission is no visit", "On Monday the AU extended its Somalia mission.", nil},
		{"extending a peacekeeping mission", "the UN on Tuesday extended its peacekeeping mission in Mali.", []string{"IGOUNO 074 MLI AID"}},
		{"extending aid", "Kenya extended aid to Uganda.", []string{"KEN 070 UGA AID"}},
		{"expelled a journalist", "Mali expelled a Kenyan journalist on Monday.", []string{"MLI 174 KEN COERCE"}},
		{"adopted sanctions", "Sweden adopted new sanctions against Chad on Monday.", []string{"SWE 163 TCD SANCTION"}},
		{"condemned a measure", "Chad condemned the sanctions.", []string{"TCD 111 - ACCUSE"}},
		{"participle phrase before the verb", "Sahel leaders meeting in Dakar on Saturday lifted sanctions imposed on Niger.", []string{"SAHGOV 040 - CONSULT", "SAHGOV 085 NER RETREAT"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkBriefs(t, tc.text, briefs(codeText(t, tc.text, extra...)), tc.want)
		})
	}
}

func TestThreatContext(t *testing.T) {
	evs := codeText(t, "Chad threatened to withdraw its troops.", world...)
	if len(evs) != 1 || evs[0].CAMEO != "130" || !contains(evs[0].Context, "military") {
		t.Errorf("want one threat (130) with the military context of the threatened withdrawal, got %q %v", briefs(evs), evs)
	}
}

func TestEventFields(t *testing.T) {
	src := "Kenya attacked Somalia on Monday."
	evs := codeText(t, src, world...)
	if len(evs) != 1 {
		t.Fatalf("got %d events", len(evs))
	}
	e := evs[0]
	if e.ID != "0123456789ab-e1" || e.Root != "19" || e.QuadClass != 4 || e.Goldstein != -10 || e.Trigger.Text != "attacked" || e.Pattern != "attack" {
		t.Errorf("fields: %+v", e)
	}
	for _, sp := range []struct{ s, t string }{{e.Trigger.Text, src[e.Trigger.Start:e.Trigger.End]}, {e.Source.Text, src[e.Source.Start:e.Source.End]}, {e.Sentence.Text, src[e.Sentence.Start:e.Sentence.End]}} {
		if sp.s != sp.t {
			t.Errorf("span text %q != %q", sp.s, sp.t)
		}
	}
	_, c := setup(t)
	x := c.Explain(e)
	for _, w := range []string{"attack", "verbs.yaml:", `"attacked"`, "KEN", "SOM", "Goldstein"} {
		if !strings.Contains(x, w) {
			t.Errorf("Explain lacks %q:\n%s", w, x)
		}
	}
}

func TestQuadAndPLOVERCoverage(t *testing.T) {
	p, err := DefaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	codes := p.resolveCodes()
	if len(codes) < 280 {
		t.Errorf("only %d CAMEO codes", len(codes))
	}
	allowed := map[string]bool{"": true, "AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true, "AID": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true, "SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true}
	for k, c := range codes {
		if c.QuadClass != quadOf(k) {
			t.Errorf("%s: quad %d, want %d", k, c.QuadClass, quadOf(k))
		}
		if !allowed[c.PLOVER] || (c.PLOVER == "" && k[:2] != "01") {
			t.Errorf("%s: PLOVER %q", k, c.PLOVER)
		}
	}
	// Every root has patterns, and every pattern code is in the table.
	roots := map[string]int{}
	for _, pt := range p.List() {
		for _, c := range append([]string{pt.CAMEO, pt.Intent}, ruleCodes(pt)...) {
			if c == "" {
				continue
			}
			if _, ok := codes[c]; !ok {
				t.Errorf("pattern %s (%s) uses unknown code %s", pt.ID, pt.Source, c)
			}
			roots[c[:2]]++
		}
	}
	for r := 1; r <= 20; r++ {
		k := twoDigits(r)
		if roots[k] < 2 {
			t.Errorf("root %s has %d pattern codes", k, roots[k])
		}
	}
}

func ruleCodes(p *Pattern) []string {
	var out []string
	for _, r := range p.Rules {
		out = append(out, r.CAMEO, r.Intent)
	}
	return out
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

func TestLemmas(t *testing.T) {
	_, c := setup(t)
	for form, base := range map[string]string{"asks": "ask", "agreed": "agree", "met": "meet", "deploying": "deploy", "stopped": "stop", "tries": "try", "sent": "send", "visited": "visit", "struck": "strike", "gave": "give", "supplies": "supply"} {
		if !contains(c.lx.lemmas(form, nil), base) {
			t.Errorf("lemmas(%s) = %v, want %s", form, c.lx.lemmas(form, nil), base)
		}
	}
}

func TestNeverPanics(t *testing.T) {
	// None of these has an event verb or noun: they must not panic, and
	// they must not yield an event either.
	for _, s := range []string{"", ".", "Kenya", "Kenya Kenya Kenya", "to to to Kenya to", "Kenya ’s ’s", "by by Kenya by", ", , Kenya , ,", "Kenya and and Uganda"} {
		if evs := codeText(t, s, world...); len(evs) != 0 {
			t.Errorf("%q: coded %d events from no event words: %s", s, len(evs), brief(evs[0]))
		}
	}
	// These have one; they must not panic, and every event must rest on
	// words of the text.
	for _, s := range []string{"\"Kenya\" \"attacked\" \"Uganda\"", "Kenya attacked", "attacked attacked Kenya"} {
		for _, e := range codeText(t, s, world...) {
			if err := e.Trigger.Check(s); err != nil {
				t.Errorf("%q: trigger %v", s, err)
			}
		}
	}
}

// A pronoun that stands for the source's own phrase is the source, though
// this stage read the phrase's actor further than the mention stage did
// ("Varna campaign officials defend their strategy": "their" is the
// officials, not a target of theirs).
func TestSameActorThroughPronoun(t *testing.T) {
	src := model.Mention{Span: model.Span{Text: "campaign officials"}, Actor: model.Actor{Code: "NRVGOV", Name: "Varna"}, Rule: "context:modifier"}
	for _, tc := range []struct {
		tgt  model.Mention
		same bool
	}{
		{model.Mention{Span: model.Span{Text: "their"}, Actor: model.Actor{Code: "GOV", Name: "campaign officials"}, Rule: "coref:pronoun"}, true},
		{model.Mention{Span: model.Span{Text: "their"}, Actor: model.Actor{Code: "GOV", Name: "aides"}, Rule: "coref:pronoun"}, false},
		{model.Mention{Span: model.Span{Text: "campaign officials"}, Actor: model.Actor{Code: "GOV", Name: "campaign officials"}, Rule: "test"}, false},
	} {
		if got := sameActor(src, tc.tgt); got != tc.same {
			t.Errorf("%q (%s) as the target of %q: same %v, want %v", tc.tgt.Text, tc.tgt.Actor.Name, src.Text, got, tc.same)
		}
	}
}
