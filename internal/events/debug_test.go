package events

import "testing"

var world = []act{
	{"Kenya", "KEN"}, {"Uganda", "UGA"}, {"Somalia", "SOM"}, {"Ghana", "GHA"}, {"Togo", "TGO"},
	{"Chad", "TCD"}, {"Niger", "NER"}, {"the AU", "IGOAFRAFU"}, {"Hungary", "HUN"}, {"Romania", "ROU"},
	{"The Minister", "KENGOV"}, {"the President", "UGAGOV"}, {"French military", "FRAMIL"}, {"Mali", "MLI"},
	{"Somali militants", "SOMREB"}, {"Kenyan troop", "KENMIL"}, {"Sweden", "SWE"},
}

func TestDebugSentences(t *testing.T) {
	for _, s := range []string{
		"Kenya attacked Somalia on Monday.",
		"Kenya was attacked by Somali militants.",
		"Kenya was attacked on Monday.",
		"Officials said that Ghana had agreed to help Togo.",
		"Chad asked the AU to help build its army.",
		"Hungary and Romania agreed to hold talks.",
		"Hungary and Romania met in Vienna.",
		"Sweden met the presidents of Chad and Niger.",
		"The Minister's meeting with the President was cancelled.",
		"Militants were pushed out of Mali after French military intervention.",
		"There will be no Kenyan troop deployment to Somalia.",
		"Kenya will send aid to Somalia.",
		"Kenya is not deploying troops to Somalia.",
		"Uganda may attack Kenya.",
		"If Kenya attacks Somalia, Uganda will respond.",
		"Kenya plans to visit Uganda.",
		"Kenya refused to meet Uganda.",
		"Kenya condemned Uganda.",
		"Kenya, which borders Somalia, criticized Uganda.",
	} {
		t.Logf("%s\n   %s\n   %v", s, tagsOf(t, s), briefs(codeText(t, s, world...)))
	}
}
