package syntax

import (
	"strings"
	"testing"
)

// TestFiniteCandidate: the word finiteVerb retags in a stretch written as
// word/XPOS pairs, or none.
func TestFiniteCandidate(t *testing.T) {
	cases := []struct {
		tagged, want string
	}{
		{"Varnish/JJ riot/NN police/NN used/VBN tear/NN gas/NN ./.", "used"},
		{"Tova/NNP Lind/NNP ,/, a/DT professor/NN at/IN Orlen/NNP ,/, described/VBN the/DT plan/NN ./.", "described"},
		{"Inhabitants/NNS threatened/VBN to/TO strike/VB unless/IN:SCONJ Orlen/NNP rescinded/VBD it/PRP ./.", "threatened"},
		{"She/PRP no/RB doubt/RB accomplished/VBN ,/, thanks/NN to/IN him/PRP ./.", "accomplished"},
		{"Aircraft/NN using/VBG precision/NN guided/VBN missiles/NNS killed/VBN 4/CD men/NNS ./.", "killed"},
		{"In/IN August/NNP ,/, donors/NNS gave/VBN money/NN ./.", "gave"},
		{"Orlen/NNP ,/, who/WP has/VBZ campaigned/VBN for/IN her/PRP since/IN he/PRP left/VBD ,/, blasted/VBN Lind/NNP ./.", "blasted"},
		{"The/DT bill/NN ,/, which/WDT passed/VBD in/IN May/NNP ,/, cut/VBN taxes/NNS ./.", "cut"},
		{"Orlen/NNP ,/, who/WP will/MD retire/VB after/IN serving/VBG in/IN Iran/NNP ,/, Peru/NNP and/CC Chad/NNP ,/, praised/VBN Lind/NNP in/IN an/DT interview/NN published/VBN today/NN ./.", "praised"},
		// not changed
		{"Troops/NNS stationed/VBN there/RB fired/VBD ./.", ""},
		{"A/DT complaint/NN filed/VBN by/IN Orlen/NNP ./.", ""},
		{"Site/NN made/VBN !/.", ""},
		{"Posted/VBN by/IN Tova/NNP", ""},
		{"Give/VB us/PRP the/DT taxes/NNS paid/VBN for/IN years/NNS ./.", ""},
		{"The/DT Orlen/NNP government-financed/VBN Radio/NNP closed/VBN ./.", ""},
		{"Police/NNS said/VBD officers/NNS fired/VBN shots/NNS ./.", ""},
		{"Orlen/NNP ,/, who/WP was/VBD born/VBN in/IN Ohio/NNP ,/, raised/VBN in/IN Texas/NNP ,/, joined/VBD the/DT army/NN ./.", ""},
		{"Orlen/NNP said/VBD Lind/NNP ,/, who/WP left/VBD ,/, used/VBN it/PRP ./.", ""},
		{"Orlen/NNP ,/, who/WP owns/VBZ a/DT team/NN ,/, Lind/NNP raised/VBN money/NN ./.", ""},
		{"Orlen/NNP ,/, who/WP runs/VBZ a/DT shop/NN ,/, recalled/VBD :/: I/PRP called/VBD ,/, made/VBN payments/NNS ./.", ""},
	}
	for _, tc := range cases {
		forms, classes, class := taggedWords(tc.tagged)
		got := ""
		if i := finiteCandidate(forms, classes, class); i >= 0 {
			got = forms[i]
		}
		if got != tc.want {
			t.Errorf("%s: retagged %q, want %q", tc.tagged, got, tc.want)
		}
	}
}

// TestSubjectless: a past tense straight after a preposition, a
// possessive or "enough", or after a number before a plural noun, can
// have no subject (it is retagged a participle); not after "that", nor
// after a number before a singular noun.
func TestSubjectless(t *testing.T) {
	cases := []struct {
		tagged string
		i      int
		want   bool
	}{
		{"leads/VBZ by/IN 271/CD pledged/VBD delegates/NNS", 3, true},
		{"the/DT gap/NN in/IN pledged/VBD delegates/NNS", 3, true},
		{"with/IN enough/RB pledged/VBD delegates/NNS", 2, true},
		{"its/PRP$ pointed/VBD attacks/NNS", 1, true},
		{"that/IN ignited/VBD something/NN", 1, false},
		{"10/CD said/VBD billionaire/NN", 1, false},
		{"in/IN pledged/VBD to/TO", 1, false},
	}
	for _, tc := range cases {
		forms, classes, class := taggedWords(tc.tagged)
		if got := subjectless(forms, classes, class, tc.i); got != tc.want {
			t.Errorf("%s: %q subjectless %v, want %v", tc.tagged, forms[tc.i], got, tc.want)
		}
	}
}

// taggedWords reads a sentence written as word/XPOS pairs (a universal
// tag after a colon where the Penn tag does not say it: "unless/IN:SCONJ")
// into words, tag classes and each word's class.
func taggedWords(tagged string) (forms []string, classes []tagClass, class []int) {
	upos := map[string]string{"CC": "CCONJ", "IN": "ADP", ",": "PUNCT", ".": "PUNCT"}
	for _, wt := range strings.Fields(tagged) {
		i := strings.LastIndex(wt, "/")
		x := wt[i+1:]
		u := upos[x]
		if j := strings.Index(x, ":"); j >= 0 {
			x, u = x[:j], x[j+1:]
		}
		forms = append(forms, wt[:i])
		classes = append(classes, tagClass{UPOS: u, XPOS: x})
		class = append(class, len(classes)-1)
	}
	return forms, classes, class
}
