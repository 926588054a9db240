package events

import "testing"

func init() {
	// The parse of this sentence loses the second name of the compound
	// subject; the first must still be the source.
	misparsed["Norvanian leader Arvo Tannen and Selvian President Ilmar Vask today signed a treaty of friendship and cooperation, the news agency reported."] = true
}

// TestMisreadClauses: clauses that the parser reads as modifiers of a
// noun are coded as the clauses they are. Today's model misreads each of
// these sentences so (a participle with an object hung on the noun
// before it; a finite verb read as a relative clause of the noun before
// its real subject); whether or not a later model does, the events must
// be these.
func TestMisreadClauses(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"participle with object after its noun",
			"Selvian rebels shelled the southern regional capital Varnholm for the first time in a year on Sunday and Monday, killing about 20 people, relief officials in Norvania said.",
			[]string{"SLV 194 - ASSAULT", "SLV 180 - ASSAULT"}},
		{"participle with object after a name",
			"Norvanian leader Arvo Tannen and Selvian President Ilmar Vask today signed a treaty of friendship and cooperation, the news agency reported.",
			[]string{"NRV 057 - SUPPORT", "SLV 057 - SUPPORT"}},
		{"finite verb under a noun",
			"Norvanian aircraft including helicopter gunships killed 46 Selvian civilians in an attack on a village in the western province of Karelis.",
			[]string{"NRV 180 SLV ASSAULT"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := briefs(codeText(t, tc.text, invented...))
			checkBriefs(t, tc.text, got, tc.want)
			if !contains(got, tc.want[0]) {
				t.Errorf("%s: %q not coded (got %q)", tc.text, tc.want[0], got)
			}
		})
	}
}

// TestReportedClauseOnATimeWord: a reported clause that the parser hangs
// on the time word after the verb of saying ("said Wednesday that …") is
// still what the speaker said: an obligation in it is the speaker's demand.
func TestReportedClauseOnATimeWord(t *testing.T) {
	text := "Karelis said here Wednesday that Norvania must be ready to mediate between Selvia and Karelis as soon as the elections of January 28 are finalized."
	got := briefs(codeText(t, text, invented...))
	if !contains(got, "KRL 100 NRV REQUEST") {
		t.Errorf("%s\n got %q, want the demand KRL 100 NRV REQUEST\ntags %s", text, got, tagsOf(t, text))
	}
}
