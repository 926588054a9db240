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
func oneSpeaker(t testing.TB, th Thresholds, words string) *Index {
	ix := NewIndexWith(th, ta(t))
	text := "JANE ROE: " + words
	ix.Add(&model.Document{ID: "rec", Kind: model.KindTranscript, Text: text,
		Speakers: []model.Speaker{{Name: "Jane Roe"}},
		Turns:    []model.Turn{{Speaker: 0, Label: model.NewSpan(text, 0, 8), Content: model.NewSpan(text, 10, len(text))}}})
	return ix
}

func direct(speaker, text string) (*model.Quote, *model.Document) {
	d := article("a", text)
	q := &model.Quote{Direct: true, Speaker: speaker, Contents: []model.Span{model.NewSpan(text, 0, len(text))}}
	if speaker != "" {
		q.SpeakerBy = "name"
	}
	return q, d
}

func TestAlteredBoundary(t *testing.T) {
	th := DefaultThresholds()
	record := "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
	ix := oneSpeaker(t, th, record)
	w := strings.Fields(record)
	// Replacing k of the ten words in place leaves 10-k matches: the
	// similarity and the share of the quote matched are (10-k)/10, and
	// "altered" needs AlteredCoverage (0.75) of the words matched.
	for k, want := range map[int]string{1: model.VerdictAltered, 2: model.VerdictAltered, 3: model.VerdictNoRecord} {
		q := append([]string(nil), w...)
		for i := 0; i < k; i++ {
			q[1+2*i] = "zulu" + q[1+2*i]
		}
		qu, d := direct("Jane Roe", strings.Join(q, " "))
		ix.Verify(qu, d)
		if qu.Verdict != want {
			t.Errorf("%d words changed: %q (score %.2f), want %q", k, qu.Verdict, qu.Score, want)
		}
		if want == model.VerdictAltered && (!qu.SpeakerVerified || qu.WordsChanged != k || qu.PolarityChanged) {
			t.Errorf("%d words changed: facts %+v", k, qu)
		}
	}
	// A quote of fewer than MinAlteredWords words is a phrase: never
	// "altered".
	short := append([]string(nil), w[:th.MinAlteredWords-1]...)
	short[1] = "zulu"
	qu, d := direct("Jane Roe", strings.Join(short, " "))
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictNoRecord {
		t.Errorf("%d-word quote: %q", len(short), qu.Verdict)
	}
	// ... but can be verbatim.
	qu, d = direct("Jane Roe", "alpha bravo charlie")
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictVerbatim || !qu.SpeakerVerified {
		t.Errorf("3-word verbatim: %q", qu.Verdict)
	}
	// A fragment is too short to verify at all.
	qu, d = direct("Jane Roe", "alpha bravo")
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictTooShort || qu.Primary != nil {
		t.Errorf("2-word quote: %q", qu.Verdict)
	}
}

func TestWrongSpeakerBoundary(t *testing.T) {
	th := DefaultThresholds()
	ix := oneSpeaker(t, th, "alpha bravo charlie delta echo foxtrot golf hotel india juliet")
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
		ix := oneSpeaker(t, th, record)
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
	ix := oneSpeaker(t, th, "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima")
	for q, verbatim := range map[string]bool{
		"alpha … delta echo foxtrot golf hotel india juliet":   true,  // 2 words left out
		"alpha … echo foxtrot golf hotel india juliet kilo":    false, // 3
		"alpha bravo … foxtrot golf hotel india juliet kilo":   false,
		"alpha bravo charlie delta … golf hotel india juliet":  true,
		"bravo charlie delta echo … golf hotel india juliet":   true,
		"alpha bravo charlie … echo golf hotel india juliet":   false, // "foxtrot" dropped where there is no ellipsis
		"alpha bravo charlie delta … hotel india juliet oscar": false, // "oscar" is not in the record
	} {
		qu, d := direct("Jane Roe", q)
		ix.Verify(qu, d)
		if (qu.Verdict == model.VerdictVerbatim) != verbatim || !verbatim && qu.Diff == "" {
			t.Errorf("%q: %q (%.2f %q), want verbatim %v", q, qu.Verdict, qu.Score, qu.Diff, verbatim)
		}
	}
}

// A quote whose speaker is unknown is never altered and never
// wrong-speaker: at most its words are found in a record.
func TestUnknownSpeakerNeverAccuses(t *testing.T) {
	th := DefaultThresholds()
	record := "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
	ix := oneSpeaker(t, th, record)
	for text, want := range map[string]string{
		record: model.VerdictSpeakerNotVerified,
		"alpha bravo charlie delta echo zulufoxtrot golf hotel india juliet": model.VerdictNoRecord,
	} {
		for _, anon := range []bool{false, true} {
			qu, d := direct("", text)
			qu.Anonymous = anon
			ix.Verify(qu, d)
			if qu.Verdict != want || qu.SpeakerVerified {
				t.Errorf("%q (anonymous %v): %q, want %q", text, anon, qu.Verdict, want)
			}
		}
	}
	ix = oneSpeaker(t, th, "we will not sign the treaty with them this year")
	qu, d := direct("", "we will sign the treaty with them this year")
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictNoRecord {
		t.Errorf("a dropped negation with no speaker: %q", qu.Verdict)
	}
	// With the speaker known, the same change is altered, and says so.
	qu, d = direct("Jane Roe", "we will sign the treaty with them this year")
	ix.Verify(qu, d)
	if qu.Verdict != model.VerdictAltered || !qu.PolarityChanged || qu.WordsDropped != 1 {
		t.Errorf("a dropped negation: %q %+v", qu.Verdict, qu)
	}
}
