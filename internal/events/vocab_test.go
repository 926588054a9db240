package events

import "testing"

// TestVocabulary: verbs, nouns and rules of the shipped patterns taken
// from CAMEO's own dictionaries (CAMEO 2.0, see data/events/README.md),
// each with the code CAMEO gives it.
func TestVocabulary(t *testing.T) {
	acts := append([]act{{"A Norvanian minister", "NRVGOV"}}, invented...)
	cases := []struct{ text string }{
		{"Norvania and Selvia reached a consensus on water."},
		{"Norvania accepted a proposal for ending the dispute."},
		{"King Arvo of Norvania arrived in Selvia on an official visit."},
		{"Norvania and Selvia have upgraded their diplomatic ties."},
		{"Norvania apologized to Selvia."},
		{"The Varn Council evacuated the wounded from Selvia."},
		{"Norvania cancelled restrictions on the use of the local language."},
		{"Norvania dispatched inspectors to Selvia."},
		{"Selvian police have been pressuring Karelian rebels to cancel the strike."},
		{"Norvania has denied land allocation for the construction of a temple."},
		{"Norvania is opposed to mediation by Selvia."},
		{"Norvanian troops remained on alert in Karelis."},
		{"A Norvanian minister has cancelled a planned visit to Selvia after a state of siege was declared in Karelis."},
		{"Karelian rebels called off a strike."},
	}
	want := [][]string{
		{"NRV 030 SLV AGREE", "SLV 030 NRV AGREE"},
		{"NRV 030 - AGREE"},
		{"NRV 042 SLV CONSULT"},
		{"NRV 050 SLV SUPPORT", "SLV 050 NRV SUPPORT"},
		{"NRV 055 SLV SUPPORT"},
		{"IGOVRN 073 SLV AID"},
		{"NRV 081 - CONCEDE"},
		{"NRV 090 SLV ACCUSE"},
		{"SLVCOP 100 - REQUEST"},
		{"NRV 120 - REJECT"},
		{"NRV 126 - REJECT", "SLV 045 - CONSULT"},
		{"NRVMIL 152 - MOBILIZE"},
		{"NRVGOV 160 SLV SANCTION"},
		{"KRLREB 082 - CONCEDE"},
	}
	for i, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			checkBriefs(t, tc.text, briefs(codeText(t, tc.text, acts...)), want[i])
		})
	}
}

// TestVocabularyMatching: phrases match across hyphens, and "up to" before
// a number is no preposition.
func TestVocabularyMatching(t *testing.T) {
	c := inventedCoder(t)
	cases := []struct {
		text string
		acts []act
		want []string
	}{
		{"Norvania is ready to contribute up to 4,000 troops to an international peace-keeping force in Selvia.",
			[]act{{"Norvania", "NRV"}, {"Selvia", "SLV"}, {"troops", "MIL"}},
			[]string{"NRV 0334 SLV AGREE fut"}},
		{"Thousands of Selvians were converging Thursday for a rally in Varnholm to protest the new law.",
			[]act{{"Selvians", "SLV"}},
			[]string{"SLV 141 - PROTEST"}},
		{"Karelian rebels shunned work on Monday to protest at the settlement of Selvian immigrants.",
			[]act{{"Karelian rebels", "KRLREB"}},
			[]string{"KRLREB 143 - PROTEST"}},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			checkBriefs(t, tc.text, briefs(codeThrough(t, c, tc.text, tc.acts...)), tc.want)
		})
	}
}
