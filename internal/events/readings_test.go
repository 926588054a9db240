package events

import "testing"

// TestReadingsOfNews holds the readings that PolNeAR's training articles
// showed the coder getting wrong, each written with invented actors.
func TestReadingsOfNews(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		// A verb of an act that must take an object, with none, straight
		// after its noun, is a passive participle the tagger read as a
		// past tense: the noun is what it acts on, never who acts. A noun
		// phrase straight after the verb is its object wherever the parse
		// hung it.
		{"reduced relative", "Selvian police arrested in Karelis were freed on Monday.", nil},
		{"reduced relative after a preposition", "She asked about the Karelian rebels deported under the Selvian government.", nil},
		{"reduced relative, an apposition", "Norvania released Ana Ruiz, a Selvian contractor accused of spying.", nil},
		{"reduced relative, a headline with two subjects", "Norvania deal's tax strategy assailed.", nil},
		{"an object makes it active", "Selvian police arrested 20 protesters.", []string{"SLVCOP 173 - COERCE"}},
		// Engaging an enemy is fighting it; engaging in something with
		// someone is not.
		{"engaged an enemy", "Karelian rebels engaged Norvanian troops near the border.", []string{"KRLREB 190 NRVMIL ASSAULT"}},
		{"engaged in, with", "Norvania engaged in friendly banter with Selvia.", nil},
		{"engaged in, an object misparsed", "After posting the notes, Norvania also engaged in high fiving Karelis with the Varn Council staffer.", nil},
		{"engaging with", "Banks were barred from engaging with Selvia on its missile program.", nil},
		// A participle of a noun that "no" negates did not happen.
		{"no noun, no act", "There are no Norvanian troops attacking Selvia.", []string{"NRVMIL 190 SLV ASSAULT neg"}},
		// What one wants another to do is neither's act; what one wants
		// to do is its intention.
		{"wanted of another", "Norvania wants Selvia to impose a curfew in Karelis.", nil},
		{"wanted by oneself", "Norvania wants to impose a curfew in Karelis.", []string{"NRV 1323 KRL THREATEN fut"}},
		// "demonstrated that …" and "demonstrated just how …" show
		// something; "demonstrated against" protests.
		{"demonstrated that", "Norvania has clearly demonstrated that it has the will to govern.", nil},
		{"demonstrated just how", "Norvania demonstrated just how easily the mill could be sold.", nil},
		{"demonstrated against", "Karelian rebels demonstrated against Norvania in the capital.", []string{"KRLREB 141 NRV PROTEST"}},
		// The conjunct of a passive is passive, even tagged as a past
		// tense, when its verb cannot go without an object.
		{"conjunct of a passive", "Karelian rebels were charged in Norvania in 2014 and extradited to Selvia this year.", nil},
		{"conjunct with its own object", "Karelian rebels were charged in Norvania in 2014 and attacked Selvia this year.", []string{"KRLREB 190 SLV ASSAULT"}},
		// A reported obligation of anyone is a maxim, not a demand.
		{"an obligation of anyone", "Norvania says a Selvian government must be ready to start making decisions immediately upon taking office.", nil},
		{"an obligation of someone", "Norvania said that Selvia must withdraw its troops.", []string{"NRV 100 SLV REQUEST", "SLV 0874 - RETREAT hyp"}},
		// Welcoming a decision praises it; hosting an event does not.
		{"welcomed a decision", "Norvania welcomed Selvia's decision to reopen the border.", []string{"NRV 051 SLV SUPPORT"}},
		{"hosted an event", "Norvania hosted a get out the vote event on Monday.", nil},
		// Receiving someone's endorsement is no visit of theirs.
		{"received an endorsement", "Norvania received the endorsement of King Arvo on Friday.", nil},
		{"received a visitor", "Norvania received the Selvian president on Friday.", []string{"NRV 043 SLV CONSULT"}},
		// What a phrase set off by a comma names is not what was sent.
		{"an aside is not what was sent", "Norvania sent a second letter, against the advice of its allies, withdrawing its apology.", nil},
		{"an apposition before the phrase", "Norvania forced the Varn Council, the regional body, out of the country.", []string{"NRV 166 IGOVRN SANCTION"}},
		// A count after a sending verb is no money given; a currency is.
		{"a count is no money", "Norvania is sending its census survey to more than 3 million households in Selvia.", nil},
		{"a currency is money", "Norvania gave 3 million dollars to Selvia.", []string{"NRV 071 SLV AID"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkBriefs(t, tc.text, briefs(codeText(t, tc.text, invented...)), tc.want)
		})
	}
}
