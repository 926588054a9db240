package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// A record that does not say who spoke (a statement without author or
// publisher, an "A:" turn of a briefing) confirms words, never a speaker,
// and never makes a quote wrong-speaker. A quotation inside a statement
// is a passage of the speaker the statement names.
func TestVerifyAgainstUnnamedRecords(t *testing.T) {
	statement := "Press note\n\nThe Harbour Commissioner, Ines Varga, said: \"Today's vote shows that the port will stay open to every vessel.\"\n\nThe harbour board will publish the new tariffs before the end of the season, and no fee will rise this year."
	briefing := "Weekly briefing\n\nQ: Is the ferry to Kesslin cancelled?\n\nA: The ferry runs as usual, and the timetable has not changed since March."
	x := newX(t)
	cases := []struct {
		name, record, article string
		sub                   string
		verdict               string
		note                  bool // Diff notes the speaker could not be confirmed
		diff                  string
	}{
		{"statement's own quote, same speaker", statement,
			"Port Alder, 3 May - “Today's vote shows that the port will stay open to every vessel,” Ines Varga said.",
			"every vessel", model.VerdictVerbatim, false, ""},
		{"statement's own quote, surname only", statement,
			"Port Alder, 3 May - “Today's vote shows that the port will stay open to every vessel,” Varga said.",
			"every vessel", model.VerdictVerbatim, false, ""},
		{"statement's own quote, title and surname", statement,
			"Port Alder, 3 May - “Today's vote shows that the port will stay open to every vessel,” Councillor Varga said.",
			"every vessel", model.VerdictVerbatim, false, ""},
		{"statement's own quote, a title the lexicon does not know", statement,
			"Port Alder, 3 May - “Today's vote shows that the port will stay open to every vessel,” Harbourmistress Varga said.",
			"every vessel", model.VerdictSpeakerNotVerified, true, ""},
		{"statement's own quote, another named speaker", statement,
			"Port Alder, 3 May - “Today's vote shows that the port will stay open to every vessel,” Karl Brodin said.",
			"every vessel", model.VerdictWrongSpeaker, false, "Ines Varga"},
		{"statement paragraph of nobody, exact", statement,
			"Port Alder, 3 May - “The harbour board will publish the new tariffs before the end of the season,” Ines Varga said.",
			"tariffs", model.VerdictSpeakerNotVerified, true, ""},
		{"statement paragraph of nobody, altered", statement,
			"Port Alder, 3 May - “The harbour board will publish the new tariffs before the end of the summer,” Ines Varga said.",
			"tariffs", model.VerdictNoRecord, false, ""},
		{"unnamed answer, exact", briefing,
			"Kesslin, 3 May - “The ferry runs as usual, and the timetable has not changed since March,” spokesman Olaf Tenning said.",
			"ferry", model.VerdictSpeakerNotVerified, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var rec *model.Document
			if strings.HasPrefix(c.record, "Weekly") {
				rec = transcript(t, "rec", c.record, []string{"Q", "A"},
					[]model.Speaker{{Name: "unidentified questioner", Questioner: true}, {Name: ""}}, []int{0, 1})
			} else {
				rec = &model.Document{ID: "rec", Kind: model.KindStatement, Text: c.record}
			}
			ix := NewIndex(ta(t))
			ix.Add(rec)
			d := article("a", c.article)
			qs := extract(t, x, d, nil)
			q := find(t, qs, c.sub)
			ix.Verify(q, d)
			if q.Verdict != c.verdict {
				dump(t, qs)
				t.Fatalf("verdict %q (diff %q), want %q", q.Verdict, q.Diff, c.verdict)
			}
			if got := strings.Contains(q.Diff, SpeakerNotVerified); got != c.note {
				t.Errorf("diff %q: speaker note %v, want %v", q.Diff, got, c.note)
			}
			if !strings.Contains(q.Diff, c.diff) {
				t.Errorf("diff %q lacks %q", q.Diff, c.diff)
			}
			if (q.Primary == nil || q.Primary.Doc != "rec") != (c.verdict == model.VerdictNoRecord) {
				t.Errorf("primary %+v", q.Primary)
			}
		})
	}
}

// A record's speaker label with a title ("Mayor Okafor") is the person a
// quote names in full, and a surname matches a full name.
func TestVerifyTitledLabels(t *testing.T) {
	x := newX(t)
	cases := []struct{ label, article string }{
		{"Mayor Okafor", "Ben Okafor said: “We will not raise the ferry fare next year.”"},
		{"Ben Okafor", "Okafor said: “We will not raise the ferry fare next year.”"},
		{"Mayor Ben Okafor", "Ben Okafor said: “We will not raise the ferry fare next year.”"},
	}
	for _, c := range cases {
		t.Run(c.label, func(t *testing.T) {
			tr := transcript(t, "tr", "Council meeting\n\nSPEAKER: We will not raise the ferry fare next year.\n\nQ: Thank you.", []string{"SPEAKER", "Q"},
				[]model.Speaker{{Name: c.label}, {Name: "unidentified questioner", Questioner: true}}, []int{0, 1})
			ix := NewIndex(ta(t))
			ix.Add(tr)
			d := article("a", c.article)
			qs := extract(t, x, d, nil)
			q := find(t, qs, "ferry")
			ix.Verify(q, d)
			if q.Verdict != model.VerdictVerbatim || q.Diff != "" {
				dump(t, qs)
				t.Errorf("verdict %q diff %q", q.Verdict, q.Diff)
			}
		})
	}
}

// Quotes checked against a debate turn of Karl Adler's:
//   - words he quotes in his turn ("She said, “…,” and that is wrong")
//     are not his own: a quote of them given to someone else is never
//     wrong-speaker for being in his turn (they are in it, so a quote of
//     them given to him is verbatim), and they support no paraphrase of
//     his;
//   - a newspaper's clean quotation leaves out a transcript's fillers
//     ("uh", "you know"): no alteration; other words left out still are;
//   - "OK" and "okay", "U.S." and "US", "re-election" and "reelection",
//     "Labour" and "Labor", "1,000" and "1000", "1st" and "first",
//     "Sept." and "September", "per cent" and "percent" are one spoken
//     word written two ways.
func TestVerifyAgainstADebateTurn(t *testing.T) {
	x := newX(t)
	type check struct{ article, want string }
	for _, c := range []struct {
		turn, sub string
		checks    []check
	}{
		{"She said, “We are going to raise taxes on every family in the country,” and that is wrong. We are going to cut spending on every agency in the country next year.", "every", []check{
			{"“We are going to raise taxes on every family in the country,” Ines Varga said.", model.VerdictSpeakerNotVerified},
			{"“We are going to raise taxes on every family in the country,” Karl Adler said.", model.VerdictVerbatim},
			{"Karl Adler said: “She said, ‘We are going to raise taxes on every family in the country,’ and that is wrong.”", model.VerdictVerbatim},
			{"“We are going to cut spending on every agency in the country next year,” Karl Adler said.", model.VerdictVerbatim},
			{"“We are going to cut spending on every agency in the country next year,” Ines Varga said.", model.VerdictWrongSpeaker},
			{"Karl Adler said that they were going to raise taxes on every family in the country.", model.VerdictNoRecord},
			{"Karl Adler said that the government was going to cut spending on every agency in the country next year.", model.VerdictParaphrase},
		}},
		{"We will, uh, raise taxes on every family in the country next year, and, you know, that is wrong, believe me.", "raise taxes", []check{
			{"“We will raise taxes on every family in the country next year, and that is wrong, believe me,” Karl Adler said.", model.VerdictVerbatim},
			{"“We will, uh, raise taxes on every family in the country next year, and, you know, that is wrong, believe me,” Karl Adler said.", model.VerdictVerbatim},
			{"“We will raise taxes on every family in the country next year, and that is wrong,” Karl Adler said.", model.VerdictVerbatim},
			{"“We will raise taxes on every family in the country next year, and that is, believe me,” Karl Adler said.", model.VerdictAltered},
		}},
		// a paraphrase that changes a day or a figure is not supported
		{"The harbour council will meet on Monday to approve the 12 new tariffs for the fishing fleet of Arlo.", "council", []check{
			{"Karl Adler said the harbour council would meet on Monday to approve the twelve new tariffs for the fishing fleet of Arlo.", model.VerdictParaphrase},
			{"Karl Adler said the harbour council would meet on Friday to approve the 12 new tariffs for the fishing fleet of Arlo.", model.VerdictNoRecord},
			{"Karl Adler said the harbour council would meet on Monday to approve the 15 new tariffs for the fishing fleet of Arlo.", model.VerdictNoRecord},
		}},
		// a formula anyone may say tells nobody's words from another's
		{"Well, I am not going to do that, and I will tell you why. We are going to cut spending on every agency in the country next year.", "going", []check{
			{"“I am not going to do that, and I will tell you why,” Ines Varga said at a rally in Arlo.", model.VerdictSpeakerNotVerified},
			{"“We are going to cut spending on every agency in the country next year,” Ines Varga said.", model.VerdictWrongSpeaker},
		}},
		{"OK, we will raise taxes on every family in the U.S. next year, and that is wrong.", "raise", []check{
			{"“Okay, we will raise taxes on every family in the US next year,” Karl Adler said.", model.VerdictVerbatim},
		}},
		{"My re-election campaign will be run by e-mail and cooperation with a vice-president from the Labour Party, and that costs $1,000 in total.", "campaign", []check{
			{"“My reelection campaign will be run by email and co-operation with a vice president from the Labor Party, and that costs $1000 in total,” Karl Adler said.", model.VerdictVerbatim},
			{"“My re-election campaign will be run by e-mail and cooperation with a vice-president from the Labour Party, and that costs $2,000 in total,” Karl Adler said.", model.VerdictAltered},
		}},
		// a compound written with or without its hyphen is one word
		// written two ways; only a prefix joins ("low-income" is "low
		// income", not "lowincome")
		{"We will help low income families and two year colleges in every town of the country next year.", "help", []check{
			{"“We will help low-income families and two-year colleges in every town of the country next year,” Karl Adler said.", model.VerdictVerbatim},
		}},
		// a filler left out that opened a sentence leaves the sentence
		// opening: "Um, and I think" is "And I think", whose "And" a
		// quote may leave out
		{"Why won't he release his tax returns? Um, and I think we are going to cut spending on every agency in the country next year.", "cut spending", []check{
			{"“Why won't he release his tax returns? I think we are going to cut spending on every agency in the country next year,” Karl Adler said.", model.VerdictVerbatim},
		}},
		{"On the 1st of September we raised it by 50 per cent, and in Sept. we will do it again for the second time.", "raised", []check{
			{"“On the first of September we raised it by 50%, and in September we will do it again for the 2nd time,” Karl Adler said.", model.VerdictVerbatim},
			{"“On the 1st of September we raised it by 50 percent, and in Oct. we will do it again for the second time,” Karl Adler said.", model.VerdictAltered},
		}},
	} {
		ix := debateIndex(t, c.turn)
		if strings.HasPrefix(c.turn, "She said") {
			// the words Adler quotes are no one's named: the note says
			// so, and names him for nothing
			q := verified(t, x, ix, c.checks[0].article, c.sub)
			if strings.Contains(q.Diff, "Karl Adler") || !strings.Contains(q.Diff, "does not name") {
				t.Errorf("%q: note %q", c.checks[0].article, q.Diff)
			}
		}
		for _, k := range c.checks {
			if q := verified(t, x, ix, k.article, c.sub); q.Verdict != k.want {
				t.Errorf("%q: verdict %q (%s), want %q", k.article, q.Verdict, q.Diff, k.want)
			}
		}
	}
}

// A moderator's question that quotes a candidate ("You said, “…” Why?")
// does not make those words the questioner's: a quote of them given to
// the candidate is at most speaker-not-verified, never wrong-speaker.
func TestWordsQuotedInAQuestionAreNotTheQuestioners(t *testing.T) {
	x := newX(t)
	tr := "MODERATOR: You said, “We are going to raise taxes on every family in the country.” Why?\n\nVARGA: I never said that."
	rec := transcript(t, "rec", tr, []string{"MODERATOR", "VARGA"},
		[]model.Speaker{{Name: "Jo Dunn", Role: "moderator", Questioner: true}, {Name: "Ines Varga"}}, []int{0, 1})
	ix := NewIndex(ta(t))
	ix.Add(rec)
	if q := verified(t, x, ix, "“We are going to raise taxes on every family in the country,” Ines Varga said.", "raise taxes"); q.Verdict != model.VerdictSpeakerNotVerified {
		t.Errorf("verdict %q (%s), want %q", q.Verdict, q.Diff, model.VerdictSpeakerNotVerified)
	}
}

// debateIndex indexes a debate transcript whose second turn, Karl Adler's,
// is adler, after a moderator's question and before Ines Varga's "I never
// said that."
func debateIndex(t *testing.T, adler string) *Index {
	t.Helper()
	tr := "MODERATOR: Your answer?\n\nADLER: " + adler + "\n\nVARGA: I never said that."
	rec := transcript(t, "rec", tr, []string{"MODERATOR", "ADLER", "VARGA"},
		[]model.Speaker{{Name: "", Role: "moderator"}, {Name: "Karl Adler"}, {Name: "Ines Varga"}}, []int{0, 1, 2})
	ix := NewIndex(ta(t))
	ix.Add(rec)
	return ix
}

// A quote that goes on where an interruption cut the speaker's turn ("…
// and Velgrad will pay for" / "No, they won't." / "it, believe me") has
// words past the turn's end, not altered ones; a word added inside the
// turn's words still is.
func TestQuoteRunningPastAnInterruption(t *testing.T) {
	x := newX(t)
	tr := "MODERATOR: Your answer?\n\nADLER: We will build a wall on the border, and Velgrad will pay for\n\nVARGA: No, they won't.\n\nADLER: it, believe me, every single dollar of it."
	rec := transcript(t, "rec", tr, []string{"MODERATOR", "ADLER", "VARGA", "ADLER"},
		[]model.Speaker{{Name: "", Role: "moderator"}, {Name: "Karl Adler"}, {Name: "Ines Varga"}}, []int{0, 1, 2, 1})
	ix := NewIndex(ta(t))
	ix.Add(rec)
	for _, c := range []struct{ article, want string }{
		{"“We will build a wall on the border, and Velgrad will pay for it,” Karl Adler said.", model.VerdictNoRecord},
		{"“We will build a big wall on the border, and Velgrad will pay for,” Karl Adler said.", model.VerdictAltered},
	} {
		if q := verified(t, x, ix, c.article, "wall"); q.Verdict != c.want {
			t.Errorf("%q: verdict %q (%s), want %q", c.article, q.Verdict, q.Diff, c.want)
		}
	}
}

// A record is of the occasion the quote's sentence names, or confirms and
// contradicts nothing of it: a debate's transcript is no record of what
// was said "at a rally".
func TestOccasionKinds(t *testing.T) {
	x := newX(t)
	tr := "MODERATOR: Your answer?\n\nADLER: We are going to cut spending on every agency in the country next year.\n\nVARGA: I never said that."
	rec := transcript(t, "rec", tr, []string{"MODERATOR", "ADLER", "VARGA"},
		[]model.Speaker{{Name: "", Role: "moderator"}, {Name: "Karl Adler"}, {Name: "Ines Varga"}}, []int{0, 1, 2})
	rec.Title = "Second presidential debate, Velgrad University"
	ix := NewIndex(ta(t))
	ix.Add(rec)
	for _, c := range []struct{ article, want string }{
		{"“We are going to cut spending on every agency in the country next year,” Ines Varga said at a rally in Arlo.", model.VerdictNoRecord},
		{"At a rally in Arlo, Karl Adler said: “We are going to cut spending on every agency in the country next year.”", model.VerdictNoRecord},
		{"Karl Adler has told his rallies: “We are going to cut spending on every agency in the country next year.”", model.VerdictNoRecord},
		{"At his speeches, Karl Adler said: “We are going to cut spending on every agency in the country next year.”", model.VerdictNoRecord},
		{"“We are going to cut spending on every agency in the country next year,” Ines Varga said in the debate.", model.VerdictWrongSpeaker},
		{"“We are going to cut spending on every agency in the country next year,” Karl Adler said.", model.VerdictVerbatim},
	} {
		if q := verified(t, x, ix, c.article, "spending"); q.Verdict != c.want {
			t.Errorf("%q: verdict %q (%s), want %q", c.article, q.Verdict, q.Diff, c.want)
		}
	}
}
