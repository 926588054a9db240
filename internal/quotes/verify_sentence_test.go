package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// verifyIn indexes a briefing transcript and verifies the quote of an
// article holding sub.
func verifyIn(t *testing.T, tr *model.Document, articleText, sub string) *model.Quote {
	t.Helper()
	ix := NewIndex(ta(t))
	ix.Add(tr)
	d := article("a", articleText)
	qs := extract(t, newX(t), d, nil)
	q := find(t, qs, sub)
	ix.Verify(q, d)
	if testing.Verbose() {
		dump(t, qs)
	}
	return q
}

// A quote whose speaker cannot be matched to the record's (the quote
// names nobody: "the minister said") is never altered: at most its words
// are in the record, speaker not verified. A name spelled slightly
// differently is the same speaker, and a changed word is then altered.
func TestVerifySameSentenceWithoutSpeaker(t *testing.T) {
	record := "Briefing\n\nMARTA VELIKOVA (Finance Minister): We will not repay a loan that the independent auditors found was never signed.\n\nQ: And the port?\n\nMARTA VELIKOVA: The harbour will stay open.\n\nAADEN KORRIS: We shall not close the bridge to traffic before the end of the winter."
	tr := transcript(t, "rec", record, []string{"MARTA VELIKOVA (Finance Minister)", "Q", "MARTA VELIKOVA", "AADEN KORRIS"},
		[]model.Speaker{{Name: "Marta Velikova"}, {Name: "unidentified questioner", Questioner: true}, {Name: "Aaden Korris"}}, []int{0, 1, 0, 2})
	cases := []struct {
		name, article, sub, verdict, diff string
		note                              bool
	}{
		{"unnamed speaker, negation dropped",
			"Velgrad, 4 May - “We will repay a loan that the independent auditors found was never signed,” the minister said.",
			"repay", model.VerdictNoRecord, "", false},
		{"unnamed speaker, word dropped",
			"Velgrad, 4 May - “We will not repay a loan that the auditors found was never signed,” the minister said.",
			"repay", model.VerdictNoRecord, "", false},
		{"unnamed speaker, exact",
			"Velgrad, 4 May - “We will not repay a loan that the independent auditors found was never signed,” the minister said.",
			"repay", model.VerdictSpeakerNotVerified, "", true},
		{"unnamed speaker, too different",
			"Velgrad, 4 May - “We may yet repay some loan that auditors found was signed,” the minister said.",
			"repay", model.VerdictNoRecord, "", false},
		{"name one letter off, word changed",
			"Velgrad, 4 May - “We shall never close the bridge to traffic before the end of the winter,” Aden Korris said.",
			"bridge", model.VerdictAltered, "[-not-] {+never+}", false},
		{"name one letter off, exact",
			"Velgrad, 4 May - “We shall not close the bridge to traffic before the end of the winter,” Aden Korris said.",
			"bridge", model.VerdictVerbatim, "", false},
		{"short negation flip, unnamed speaker",
			"Velgrad, 4 May - “We shall close the bridge,” the minister said.",
			"bridge", model.VerdictNoRecord, "", false},
		{"short word change, named speaker",
			"Velgrad, 4 May - “We shall not close the road,” Aden Korris said.",
			"road", model.VerdictNoRecord, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := verifyIn(t, tr, c.article, c.sub)
			if q.Verdict != c.verdict {
				t.Fatalf("verdict %q (score %.2f, diff %q), want %q", q.Verdict, q.Score, q.Diff, c.verdict)
			}
			if got := strings.Contains(q.Diff, SpeakerNotVerified); got != c.note {
				t.Errorf("diff %q: speaker note %v, want %v", q.Diff, got, c.note)
			}
			if !strings.Contains(q.Diff, c.diff) {
				t.Errorf("diff %q lacks %q", q.Diff, c.diff)
			}
		})
	}
}

// An ellipsis may not stand for a negation inside a sentence.
func TestVerifyEllipsisOverNegation(t *testing.T) {
	ix := oneSpeaker(t, DefaultThresholds(), "We will not under any circumstances pay the fine to the city this year. We will appeal the ruling.")
	for text, want := range map[string]string{
		"We will … pay the fine to the city this year":               model.VerdictAltered,
		"We will … under any circumstances pay the fine to the city": model.VerdictAltered,
		"pay the fine to the city this year … We will appeal":        model.VerdictVerbatim,
		"We will not … pay the fine to the city this year":           model.VerdictVerbatim,
	} {
		qu, d := direct("Jane Roe", text)
		ix.Verify(qu, d)
		if qu.Verdict != want {
			t.Errorf("%q: %q (diff %q), want %q", text, qu.Verdict, qu.Diff, want)
		}
	}
}

// Words that the record gives to a questioner are the questioner's: a
// quote of someone else made of them is wrong-speaker, and a quote of
// nobody is not confirmed by them.
func TestVerifyQuestionerWords(t *testing.T) {
	record := "Interview with Tomas Ferrand\n\nQ: The opposition says the council is starving the harbour district. Is that fair?\n\nTOMAS FERRAND: No. We have kept every ferry running, and we will keep doing so."
	build := func(t *testing.T, answerer string) *model.Document {
		return transcript(t, "rec", record, []string{"Q", "TOMAS FERRAND"},
			[]model.Speaker{{Name: "unidentified questioner", Questioner: true}, {Name: answerer}}, []int{0, 1})
	}
	cases := []struct {
		name, answerer, article, sub, verdict string
	}{
		{"named speaker", "Tomas Ferrand",
			"Lorrin, 2 May - Tomas Ferrand accused the council of “starving the harbour district”, in an interview with Radio Lorrin.",
			"starving", model.VerdictWrongSpeaker},
		{"named speaker, unnamed answer", "",
			"Lorrin, 2 May - “The council is starving the harbour district,” Tomas Ferrand said.",
			"starving", model.VerdictWrongSpeaker},
		{"unknown speaker", "Tomas Ferrand",
			"Lorrin, 2 May - “The council is starving the harbour district,” the official said, on condition of anonymity.",
			"starving", model.VerdictNoRecord},
		{"answer still confirms", "Tomas Ferrand",
			"Lorrin, 2 May - “We have kept every ferry running,” Tomas Ferrand said.",
			"ferry", model.VerdictVerbatim},
		{"one word is too little", "Tomas Ferrand",
			"Lorrin, 2 May - “Fair,” Tomas Ferrand said.",
			"Fair", model.VerdictTooShort},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := verifyIn(t, build(t, c.answerer), c.article, c.sub)
			if q.Verdict != c.verdict {
				t.Fatalf("verdict %q (score %.2f, diff %q), want %q", q.Verdict, q.Score, q.Diff, c.verdict)
			}
			if c.verdict == model.VerdictWrongSpeaker || c.sub == "starving" {
				if !strings.Contains(q.Diff, QuestionerWords) || !q.QuestionerWords {
					t.Errorf("diff %q lacks the questioner note", q.Diff)
				}
			}
		})
	}
}

func TestSameName(t *testing.T) {
	th := DefaultThresholds()
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"aden korris", "aaden korris", true},
		{"korris", "aaden korris", true},
		{"aden korris", "aaden korriss", false},
		{"mark velden", "mary velden", false},
		{"maria velden", "mario velden", false},
		{"jon velden", "john velden", false},
		{"mohamed velden", "mohammed velden", true},
		{"speakera velden", "speakerh velden", false},
		{"aden korris", "aden morris", false},
		{"marta velikova", "marta velikov", false},
		{"ines varga", "iness varga", true},
		{"ines varga", "inés varga", false},
		{"agnes varga", "agness varga", true},
		{"agnes varga", "bagnes varga", false},
	} {
		if got := sameName(strings.Fields(c.a), strings.Fields(c.b), th); got != c.want {
			t.Errorf("%q vs %q: %v", c.a, c.b, got)
		}
	}
}
