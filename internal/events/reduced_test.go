package events

import "testing"

// TestReducedRelative: a verb of an act that must take an object, with
// none, straight after its noun, is a passive participle the tagger read
// as a past tense: the noun is what it acts on, never who acts. A noun
// phrase straight after the verb is its object wherever the parse hung
// it.
func TestReducedRelative(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Selvian police arrested in Karelis were freed on Monday.", nil},
		{"She asked about the Karelian rebels deported under the Selvian government.", nil},
		{"Selvian police arrested 20 protesters.", []string{"SLVCOP 173 - COERCE"}},
		{"Norvania released Ana Ruiz, a Selvian contractor accused of spying.", nil},
		{"Norvania deal's tax strategy assailed.", nil},
	} {
		checkBriefs(t, tc.text, briefs(codeText(t, tc.text, invented...)), tc.want)
	}
}

// TestEngageNamesItsEnemy: engaging an enemy is fighting it; engaging in
// something with someone is not.
func TestEngageNamesItsEnemy(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Karelian rebels engaged Norvanian troops near the border.", []string{"KRLREB 190 NRVMIL ASSAULT"}},
		{"Norvania engaged in friendly banter with Selvia.", nil},
		{"After posting the notes, Norvania also engaged in high fiving Karelis with the Varn Council staffer.", nil},
		{"Banks were barred from engaging with Selvia on its missile program.", nil},
	} {
		checkBriefs(t, tc.text, briefs(codeText(t, tc.text, invented...)), tc.want)
	}
}

// TestNoNounNoAct: a participle of a noun that "no" negates did not
// happen ("there are no troops attacking Y").
func TestNoNounNoAct(t *testing.T) {
	text := "There are no Norvanian troops attacking Selvia."
	checkBriefs(t, text, briefs(codeText(t, text, invented...)), []string{"NRVMIL 190 SLV ASSAULT neg"})
}

// TestWantedOfAnother: what one wants another to do is neither's act
// ("Norvania wants Selvia to close its border"); what one wants to do is
// its intention.
func TestWantedOfAnother(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Norvania wants Selvia to impose a curfew in Karelis.", nil},
		{"Norvania wants to impose a curfew in Karelis.", []string{"NRV 1323 KRL THREATEN fut"}},
	} {
		checkBriefs(t, tc.text, briefs(codeText(t, tc.text, invented...)), tc.want)
	}
}

// TestDemonstratingThatIsShowing: "demonstrated that …" and
// "demonstrated just how …" show something; "demonstrated against"
// protests.
func TestDemonstratingThatIsShowing(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Norvania has clearly demonstrated that it has the will to govern.", nil},
		{"Norvania demonstrated just how easily the mill could be sold.", nil},
		{"Karelian rebels demonstrated against Norvania in the capital.", []string{"KRLREB 141 NRV PROTEST"}},
	} {
		checkBriefs(t, tc.text, briefs(codeText(t, tc.text, invented...)), tc.want)
	}
}

// TestMillionIsNoMoney: a count after a sending verb is no money given;
// a currency is.
func TestMillionIsNoMoney(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Norvania is sending its census survey to more than 3 million households in Selvia.", nil},
		{"Norvania gave 3 million dollars to Selvia.", []string{"NRV 071 SLV AID"}},
	} {
		checkBriefs(t, tc.text, briefs(codeText(t, tc.text, invented...)), tc.want)
	}
}
