package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

func TestDefaultThresholdsSane(t *testing.T) {
	th := DefaultThresholds()
	if !(0 < th.Altered && th.Altered < th.WrongSpeaker && th.WrongSpeaker <= 1) {
		t.Errorf("altered %v, wrong speaker %v", th.Altered, th.WrongSpeaker)
	}
	if !(0 < th.Paraphrase && th.Paraphrase <= 1) || th.Candidates < 1 || th.MinWrongSpeakerWords < 1 || th.MaxEllipsisWords < 1 {
		t.Errorf("%+v", th)
	}
}

// oneSpeaker indexes a single passage spoken by "Jane Roe".
func oneSpeaker(th Thresholds, words string) *Index {
	ix := NewIndexWith(th)
	text := "JANE ROE: " + words
	ix.Add(&model.Document{ID: "rec", Kind: model.KindTranscript, Text: text,
		Speakers: []model.Speaker{{Name: "Jane Roe"}},
		Turns:    []model.Turn{{Speaker: 0, Label: model.NewSpan(text, 0, 8), Content: model.NewSpan(text, 10, len(text))}}})
	return ix
}

func direct(speaker, text string) (*model.Quote, *model.Document) {
	d := article("a", text)
	return &model.Quote{Direct: true, Speaker: speaker, Contents: []model.Span{model.NewSpan(text, 0, len(text))}}, d
}

func TestAlteredBoundary(t *testing.T) {
	record := "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
	ix := oneSpeaker(DefaultThresholds(), record)
	w := strings.Fields(record)
	// Replacing k of the ten words in place leaves 10-k matches: the
	// similarity is (10-k)/10.
	for k, want := range map[int]string{3: model.VerdictAltered, 4: model.VerdictAltered, 5: model.VerdictNoRecord} {
		q := append([]string(nil), w...)
		for i := 0; i < k; i++ {
			q[1+2*i] = "zulu" + q[1+2*i]
		}
		qu, d := direct("Jane Roe", strings.Join(q, " "))
		ix.Verify(qu, d)
		if qu.Verdict != want {
			t.Errorf("%d words changed: %q (score %.2f), want %q", k, qu.Verdict, qu.Score, want)
		}
	}
	// Short quotes are never "altered": too little to tell.
	qu, d := direct("Jane Roe", "alpha zulu charlie")
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictNoRecord {
		t.Errorf("3-word quote: %q", qu.Verdict)
	}
	// ... but can be verbatim.
	qu, d = direct("Jane Roe", "alpha bravo")
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictVerbatim {
		t.Errorf("2-word verbatim: %q", qu.Verdict)
	}
}

func TestWrongSpeakerBoundary(t *testing.T) {
	th := DefaultThresholds()
	ix := oneSpeaker(th, "alpha bravo charlie delta echo foxtrot golf hotel india juliet")
	for n, want := range map[int]string{th.MinWrongSpeakerWords: model.VerdictWrongSpeaker, th.MinWrongSpeakerWords - 1: model.VerdictNoRecord} {
		qu, d := direct("John Doe", strings.Join(strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet")[:n], " "))
		ix.Verify(qu, d)
		if qu.Verdict != want {
			t.Errorf("%d words in another mouth: %q, want %q", n, qu.Verdict, want)
		}
	}
	// Below the wrong-speaker similarity (two words of ten changed), a near match in another mouth
	// is no record of this speaker.
	qu, d := direct("John Doe", "alpha bravo charlie delta zulu foxtrot golf zulu india juliet")
	ix.Verify(qu, d)
	if qu.Score >= th.WrongSpeaker || qu.Verdict != model.VerdictNoRecord {
		t.Errorf("one word changed in another mouth: %q %.2f", qu.Verdict, qu.Score)
	}
	// Same surname is the same speaker.
	qu, d = direct("Roe", "alpha bravo charlie delta echo")
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictVerbatim {
		t.Errorf("surname: %q", qu.Verdict)
	}
}

func TestParaphraseBoundary(t *testing.T) {
	record := "The council agreed to extend the peacekeeping mission for six months. Weather was fine."
	text := "Roe said that the council extended the peacekeeping mission by six months and cut its budget."
	s := strings.Index(text, "the council")
	e := strings.Index(text, " and cut")
	run := func(th Thresholds) *model.Quote {
		ix := oneSpeaker(th, record)
		d := article("a", text)
		q := &model.Quote{Speaker: "Jane Roe", Contents: []model.Span{model.NewSpan(text, s, e)}}
		ix.Verify(q, d)
		return q
	}
	q := run(DefaultThresholds())
	if q.Verdict != model.VerdictParaphrase {
		t.Fatalf("verdict %q score %.3f", q.Verdict, q.Score)
	}
	score := q.Score
	th := DefaultThresholds()
	th.Paraphrase = score
	if q := run(th); q.Verdict != model.VerdictParaphrase {
		t.Errorf("at the threshold: %q", q.Verdict)
	}
	th.Paraphrase = score + 0.001
	if q := run(th); q.Verdict != model.VerdictNoRecord {
		t.Errorf("above the threshold: %q", q.Verdict)
	}
	th = DefaultThresholds()
	th.MinParaphraseWords = 7
	if q := run(th); q.Verdict != model.VerdictNoRecord {
		t.Errorf("too few content words: %q", q.Verdict)
	}
}

func TestEllipsisLimit(t *testing.T) {
	th := DefaultThresholds()
	th.MaxEllipsisWords = 2
	ix := oneSpeaker(th, "alpha bravo charlie delta echo foxtrot golf")
	for q, verbatim := range map[string]bool{
		"alpha … delta echo foxtrot golf":   true,  // 2 words left out
		"alpha … echo foxtrot golf":         false, // 3
		"alpha bravo … foxtrot golf":        false,
		"alpha bravo charlie delta … golf":  true,
		"bravo charlie delta echo … golf":   true,
		"alpha bravo charlie … echo golf":   false, // "foxtrot" dropped where there is no ellipsis
		"alpha bravo charlie delta … india": false, // "india" is not in the record
	} {
		qu, d := direct("Jane Roe", q)
		ix.Verify(qu, d)
		if (qu.Verdict == model.VerdictVerbatim) != verbatim || !verbatim && qu.Diff == "" {
			t.Errorf("%q: %q (%.2f %q), want verbatim %v", q, qu.Verdict, qu.Score, qu.Diff, verbatim)
		}
	}
}

// A quote that names nobody is altered only when it is plainly the same
// sentence: similarity ≥ SameSentence and ≥ MinSameSentenceWords words
// (MinAlteredWords when a negation changed).
func TestSameSentenceBoundary(t *testing.T) {
	th := DefaultThresholds()
	record := "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
	ix := oneSpeaker(th, record)
	w := strings.Fields(record)
	change := func(ws []string, k int) string {
		q := append([]string(nil), ws...)
		for i := 0; i < k; i++ {
			q[1+2*i] = "zulu" + q[1+2*i]
		}
		return strings.Join(q, " ")
	}
	cases := []struct {
		name, text, want string
	}{
		{"one of ten changed (0.9)", change(w, 1), model.VerdictAltered},
		{"two of ten changed (0.8)", change(w, 2), model.VerdictNoRecord},
		{"MinSameSentenceWords words", change(w[:th.MinSameSentenceWords], 1), model.VerdictAltered},
		{"one word fewer", change(w[:th.MinSameSentenceWords-1], 1), model.VerdictNoRecord},
	}
	for _, c := range cases {
		qu, d := direct("", c.text)
		ix.Verify(qu, d)
		if qu.Verdict != c.want || c.want == model.VerdictAltered && !strings.Contains(qu.Diff, SpeakerNotVerified) {
			t.Errorf("%s: %q (score %.2f, diff %q), want %q", c.name, qu.Verdict, qu.Score, qu.Diff, c.want)
		}
	}
	// A negation: four words are enough, three are not.
	ix = oneSpeaker(th, "we will not sign the treaty")
	for text, want := range map[string]string{"we will sign the treaty": model.VerdictAltered, "will sign the": model.VerdictNoRecord} {
		qu, d := direct("", text)
		ix.Verify(qu, d)
		if qu.Verdict != want {
			t.Errorf("%q: %q (score %.2f), want %q", text, qu.Verdict, qu.Score, want)
		}
	}
}
