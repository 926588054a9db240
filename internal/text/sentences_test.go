package text

import "testing"

func TestSentencesMatchAnalyze(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	src := "Mr. Doe met U.S. officials on 3 March… He said: “We agree.” The talks ended.\n\nQ: Jane Roe (sp?), Daily Planet. Will you go?"
	full := a.Analyze(src).Sentences
	got := a.Sentences(src)
	if len(got) != len(full) || len(got) < 3 {
		t.Fatalf("Sentences gives %d, Analyze %d", len(got), len(full))
	}
	for i := range got {
		if got[i] != full[i].Span {
			t.Errorf("sentence %d: %+v, Analyze has %+v", i, got[i], full[i].Span)
		}
	}
}
