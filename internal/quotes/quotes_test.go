package quotes

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

func auTranscript(t testing.TB) *model.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/au-press-conference.txt")
	if err != nil {
		t.Fatal(err)
	}
	sp := []model.Speaker{
		{Name: "", Role: "moderator", Labels: []string{"MODERATOR"}},
		{Name: "Tendai Mokoena", Role: "Chairperson of the Commission", Labels: []string{"TENDAI MOKOENA"}},
		{Name: "Amina Osei", Organization: "Radio Continental", Labels: []string{"Q"}, Questioner: true},
		{Name: "Lena Koru", Role: "Chair of the Council", Labels: []string{"LENA KORU"}},
	}
	return transcript(t, "au-tr", string(b), []string{"MODERATOR", "TENDAI MOKOENA (Chairperson of the Commission)", "Q", "TENDAI MOKOENA", "LENA KORU (Chair of the Council)"}, sp, []int{0, 1, 2, 1, 3})
}

func auIndex(t testing.TB) *Index {
	ix := NewIndex(ta(t))
	ix.Add(auTranscript(t))
	return ix
}

// find returns the quote whose text contains sub.
func find(t *testing.T, qs []model.Quote, sub string) *model.Quote {
	t.Helper()
	for i := range qs {
		if strings.Contains(qs[i].Text(), sub) {
			return &qs[i]
		}
	}
	dump(t, qs)
	t.Fatalf("no quote contains %q", sub)
	return nil
}

const lead = "Chairperson Tendai Mokoena opened the session.\n\n"

func TestDirectForms(t *testing.T) {
	x := newX(t)
	cases := []struct {
		name, text string
		contents   []string // the quote's contents, in order
		rule       string
		speaker    string
		unclosed   bool
	}{
		{"straight", `Tendai Mokoena said: "Our focus is on mediation."`, []string{"Our focus is on mediation."}, RuleDirect, "Tendai Mokoena", false},
		{"curly after", "“The Council has agreed to extend the mission for six months,” Mokoena said.", []string{"The Council has agreed to extend the mission for six months"}, RuleDirect, "Tendai Mokoena", false},
		{"inverted", "“We prefer dialogue,” said Chairperson Tendai Mokoena.", []string{"We prefer dialogue"}, RuleDirect, "Tendai Mokoena", false},
		{"single", "Mokoena said the Union would wait ‘until the end of the year’ before acting.", []string{"until the end of the year"}, RuleDirect, "Tendai Mokoena", false},
		{"single straight", "Mokoena said the Union would wait 'until the end of the year' before acting.", []string{"until the end of the year"}, RuleDirect, "Tendai Mokoena", false},
		{"split", "“We remain committed to a political solution,” Mokoena said, “and we call on all parties to return.”", []string{"We remain committed to a political solution", "and we call on all parties to return."}, RuleDirectSplit, "Tendai Mokoena", false},
		{"continued", "“We prefer dialogue,” Mokoena said. “Sanctions remain on the table.”", []string{"We prefer dialogue", "Sanctions remain on the table."}, RuleDirectCont, "Tendai Mokoena", false},
		{"colon then quote paragraph", "Mokoena told reporters:\n\n“We prefer dialogue.”", []string{"We prefer dialogue."}, RuleDirectColon, "Tendai Mokoena", false},
		{"nested", "Mokoena said: “To those who ask ‘will you send troops?’ our answer is no.”", []string{"To those who ask ‘will you send troops?’ our answer is no."}, RuleDirect, "Tendai Mokoena", false},
		{"unclosed", "Mokoena said: “We prefer dialogue, and we will give the talks time.\n\nThe talks resume on Monday.", []string{"We prefer dialogue, and we will give the talks time."}, RuleDirect, "Tendai Mokoena", true},
		{"participle", "Speaking to reporters on Friday, Chairperson Tendai Mokoena called the vote “a turning point”.", []string{"a turning point"}, RuleDirect, "Tendai Mokoena", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := article("a", lead+c.text)
			qs := extract(t, x, d, nil)
			checkSpans(t, d, qs)
			var q *model.Quote
			for i := range qs {
				if qs[i].Direct {
					q = &qs[i]
					break
				}
			}
			if q == nil {
				dump(t, qs)
				t.Fatal("no direct quote")
			}
			var got []string
			for _, s := range q.Contents {
				got = append(got, s.Text)
			}
			if strings.Join(got, "|") != strings.Join(c.contents, "|") {
				t.Errorf("contents %q, want %q", got, c.contents)
			}
			if q.Rule != c.rule || q.Speaker != c.speaker || q.Unclosed != c.unclosed || !q.Direct {
				dump(t, qs)
				t.Errorf("rule %q speaker %q unclosed %v; want %q %q %v", q.Rule, q.Speaker, q.Unclosed, c.rule, c.speaker, c.unclosed)
			}
			if q.Cue == nil || len(q.Sources) == 0 {
				t.Errorf("missing cue or source: %+v", q)
			}
		})
	}
}

func TestBlockQuote(t *testing.T) {
	x := newX(t)
	text := "Ambassador Lena Koru said the council was united. She said:\n\n" +
		"Let me add that the member states are united. Nobody around this table wants a return to war.\n\n" +
		"We will meet again in a month, and I expect progress by then.\n\n" +
		"Her remarks came after a long session. The envoy will travel next week, she added.\n"
	d := article("a", text)
	qs := extract(t, x, d, nil)
	checkSpans(t, d, qs)
	var q *model.Quote
	for i := range qs {
		if qs[i].Rule == RuleBlock {
			q = &qs[i]
		}
	}
	if q == nil {
		dump(t, qs)
		t.Fatal("no block quote")
	}
	if len(q.Contents) != 2 || !strings.HasPrefix(q.Contents[0].Text, "Let me add") || !strings.HasPrefix(q.Contents[1].Text, "We will meet") {
		t.Errorf("block contents %q", q.Text())
	}
	if q.Speaker != "Lena Koru" || !q.Direct || q.Cue == nil || q.Cue.Text != "said" {
		t.Errorf("block speaker %q direct %v", q.Speaker, q.Direct)
	}
	// The narrative paragraph is not part of the block, and its own
	// reported speech is found.
	find(t, qs, "The envoy will travel")
}

func TestNotQuotes(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"The so-called ‘African solutions’ doctrine is popular in the region.",
		"The council, “the standing decision-making organ of the Union”, met on Tuesday.",
		"The Union’s budget and Europe's offer were discussed. The ministers’ meeting ended early.",
		"It was a ‘made in the capital’ plan, observers thought.",
		"The Bank of Kenya and the League of Arab States issued a joint note on Tuesday.",
		"She joined a party called Anti-Prom at a former factory in Velgrad.",
		"President Otieno directed his advisers to figure out how to cut emissions without the assembly.",
		`<post author="ruizann" id="12">Mr. Adler, who does not know me, viciously attacked me from the stage.</post>`,
		// an instruction or a supposition, not someone's saying
		"Say the ships were registered before they docked.",
		"Call it the politics of pique.",
		// what a verb says did not happen: not said, however the parse
		// hangs the infinitive
		"Many of the examples that critics point to as investments in upscale areas failed to note that the program helped transform places that were previously depressed.",
	} {
		d := article("a", text)
		if qs := extract(t, x, d, nil); len(qs) != 0 {
			dump(t, qs)
			t.Errorf("%q: found %d quotes, want none", text, len(qs))
		}
	}
}

func TestIndirectForms(t *testing.T) {
	x := newX(t)
	cases := []struct {
		name, text, content, speaker, rule string
	}{
		{"said that", "Mokoena said that the council had agreed to extend the mission.", "the council had agreed to extend the mission", "Tendai Mokoena", RuleIndirectThat},
		{"indicated", "Chairperson Tendai Mokoena indicated they had discussed sanctions at length.", "they had discussed sanctions at length", "Tendai Mokoena", RuleIndirect},
		{"stated that", "The Chairperson stated that no troops would be sent.", "no troops would be sent", "Tendai Mokoena", RuleIndirectThat},
		{"according to", "According to Mokoena, the talks will continue until the end of the year.", "the talks will continue until the end of the year", "Tendai Mokoena", RuleAccordingTo},
		{"according to, the paper's reporter", "According to USA TODAY reporter Ben Adler, the council met in secret.", "the council met in secret", "Ben Adler", RuleAccordingTo},
		{"according to after", "The talks will continue until December, according to Mokoena.", "The talks will continue until December", "Tendai Mokoena", RuleAccordingTo},
		{"according to a group after", "Skills training helps, according to Ina Holt and other scientists.", "Skills training helps", "Ina Holt and other scientists", RuleAccordingTo},
		{"reiterated", "Mokoena reiterated that dialogue was the first choice.", "dialogue was the first choice", "Tendai Mokoena", RuleIndirectThat},
		{"told journalists", "Mokoena told journalists in the capital that the mission would go on.", "the mission would go on", "Tendai Mokoena", RuleIndirectThat},
		{"specified", "Mokoena has specified support for the transitional authorities but stated that “troops are not coming”.", "support for the transitional authorities", "Tendai Mokoena", RuleIndirect},
		{"added that", "Mokoena added that the member states were united.", "the member states were united", "Tendai Mokoena", RuleIndirectThat},
		{"concluded", "Mokoena spoke last. There will be no new troops, he concluded.", "There will be no new troops", "Tendai Mokoena", RuleIndirectAfter},
		{"confirmed that", "Mokoena confirmed, after the vote on Friday, that the mission was extended.", "the mission was extended", "Tendai Mokoena", RuleIndirectThat},
		{"a name and an age", "Mr. Halvorsen, 69, said the mission would go on.", "the mission would go on", "Halvorsen", RuleIndirect},
		{"trailing with a time", "Mokoena spoke last. The mission will be extended, a spokesman announced Monday morning.", "The mission will be extended", "spokesman", RuleIndirectAfter},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := article("a", lead+c.text)
			qs := extract(t, x, d, nil)
			checkSpans(t, d, qs)
			var q *model.Quote
			for i := range qs {
				if !qs[i].Direct && len(qs[i].Contents) == 1 && qs[i].Contents[0].Text == c.content {
					q = &qs[i]
				}
			}
			if q == nil {
				dump(t, qs)
				t.Fatalf("no reported speech %q", c.content)
			}
			if q.Speaker != c.speaker || q.Rule != c.rule {
				t.Errorf("speaker %q rule %q, want %q %q", q.Speaker, q.Rule, c.speaker, c.rule)
			}
		})
	}
}

func TestAnonymousSources(t *testing.T) {
	x := newX(t)
	cases := []struct{ text, speaker string }{
		{"AU diplomats, who asked not to be named, said that the vote had been close.", "AU diplomats"},
		{"A senior official said the mission would cost more than planned.", "senior official"},
		{"Sources said the junta had rejected the offer outright.", "Sources"},
		{"Western officials, speaking on condition of anonymity, told reporters that the vote was close.", "Western officials"},
	}
	for _, c := range cases {
		d := article("a", lead+c.text)
		qs := extract(t, x, d, nil)
		checkSpans(t, d, qs)
		if len(qs) != 1 {
			dump(t, qs)
			t.Fatalf("%q: %d quotes", c.text, len(qs))
		}
		if !qs[0].Anonymous || qs[0].Speaker != c.speaker {
			t.Errorf("%q: speaker %q anonymous %v, want %q anonymous", c.text, qs[0].Speaker, qs[0].Anonymous, c.speaker)
		}
	}
}

func TestResolverIsUsed(t *testing.T) {
	x := newX(t)
	d := article("a", "The chairperson said that the mission would be extended.")
	var got string
	qs := extract(t, x, d, func(doc *model.Document, sp model.Span) (string, string, bool) {
		got = sp.Text
		return "Tendai Mokoena", "IGOAFRAUNGOV", false
	})
	if len(qs) != 1 || got != "The chairperson" || qs[0].Speaker != "Tendai Mokoena" || qs[0].SpeakerCode != "IGOAFRAUNGOV" {
		dump(t, qs)
		t.Errorf("resolver got %q", got)
	}
}

func TestTranscriptTurns(t *testing.T) {
	x := newX(t)
	tr := auTranscript(t)
	qs := extract(t, x, tr, nil)
	checkSpans(t, tr, qs)
	if len(qs) != len(tr.Turns) {
		t.Fatalf("%d quotes for %d turns", len(qs), len(tr.Turns))
	}
	for i, q := range qs {
		if q.Rule != RuleTranscriptTurn || !q.Direct || q.Verdict != model.VerdictPrimary || q.Primary == nil {
			t.Errorf("turn %d: %+v", i, q)
		}
		if q.Sources[0] != tr.Turns[i].Label {
			t.Errorf("turn %d source %q", i, q.Sources[0].Text)
		}
	}
	if !qs[2].Question || qs[2].Speaker != "Amina Osei" {
		t.Errorf("question turn: %+v", qs[2])
	}
	if len(qs[1].Contents) != 2 {
		t.Errorf("two-paragraph turn has %d contents", len(qs[1].Contents))
	}
}

func TestStatementQuotesArePrimary(t *testing.T) {
	x := newX(t)
	d := &model.Document{ID: "st", Kind: model.KindStatement, Text: "The Chairperson said that the mission would be extended for six months."}
	qs := extract(t, x, d, nil)
	if len(qs) != 1 || qs[0].Verdict != model.VerdictPrimary {
		dump(t, qs)
		t.Fatal("want one primary quote")
	}
	q := qs[0]
	q.Verdict = ""
	NewIndex(ta(t)).Verify(&q, d)
	if q.Verdict != model.VerdictPrimary {
		t.Errorf("Verify in a primary record: %q", q.Verdict)
	}
}

func TestVerify(t *testing.T) {
	x := newX(t)
	ix := auIndex(t)
	cases := []struct {
		name, text string
		sub        string // identifies the quote
		verdict    string
		diff       []string // substrings of Diff
		primary    string   // substring of the primary evidence
	}{
		{"verbatim", "“We will not be sending additional troops to the region,” Mokoena said.", "sending", model.VerdictVerbatim, nil, "We will not be sending additional troops to the region"},
		{"case and punctuation", "Mokoena said: “we will NOT be sending additional troops to the region!”", "sending", model.VerdictVerbatim, nil, "sending additional troops"},
		{"one word changed", "“We will not be deploying additional troops to the region,” Mokoena said.", "deploying", model.VerdictAltered, []string{"[-sending-] {+deploying+}"}, "sending additional"},
		{"word dropped", "“We will not be sending troops to the region,” Mokoena said.", "sending", model.VerdictAltered, []string{"[-additional-]"}, ""},
		{"word added", "“We will not be sending any additional troops to the region,” Mokoena said.", "sending", model.VerdictAltered, []string{"{+any+}"}, ""},
		{"ellipsis", "“We will not be sending … troops to the region,” Mokoena said.", "sending", model.VerdictVerbatim, nil, "sending additional troops"},
		{"ellipsis dots", "“The Council has agreed to extend the mission. . . . We will not be sending additional troops,” Mokoena said.", "Council", model.VerdictVerbatim, nil, "six months"},
		{"ellipsis three dots", "“The Council has agreed... we will not be sending additional troops,” Mokoena said.", "Council", model.VerdictVerbatim, nil, ""},
		// a figure and its word are the same spoken word; "(sic)" is the
		// writer's note
		{"a figure for its word", "“The Council has agreed to extend the mission for 6 months,” Mokoena said.", "extend", model.VerdictVerbatim, nil, "six months"},
		{"another figure", "“The Council has agreed to extend the mission for 7 months,” Mokoena said.", "extend", model.VerdictAltered, []string{"[-six-] {+7+}"}, ""},
		{"sic", "“The Council has agreed to extend the mission (sic) for six months,” Mokoena said.", "extend", model.VerdictVerbatim, nil, "six months"},
		// square brackets are the writer's words, a gap like an ellipsis;
		// not when they hold a negation
		{"bracketed insertion", "“[The Union] will not be sending additional troops to the region,” Mokoena said.", "sending", model.VerdictVerbatim, nil, "will not be sending additional troops"},
		{"bracketed negation", "“Our focus is [not] on mediation and on supporting the transitional authorities,” Mokoena said.", "mediation", model.VerdictAltered, []string{"{+not+}"}, ""},
		{"split quote", "“Sanctions remain on the table,” Mokoena said, “but they are not our first choice.”", "Sanctions", model.VerdictVerbatim, nil, "Sanctions remain"},
		{"split quote drops a word between its parts", "“We will,” Mokoena said, “be sending additional troops to the region.”", "sending", model.VerdictAltered, []string{"[-not-]"}, ""},
		{"split quote drops words at the cue", "“We will not be sending,” Mokoena said, “to the region.”", "sending", model.VerdictAltered, []string{"[-additional-] [-troops-]"}, ""},
		{"unnamed speaker, altered words", "“We will not be deploying additional troops to the region,” an official said.", "deploying", model.VerdictNoRecord, nil, ""},
		{"wrong speaker", "“Nobody around this table wants a return to war,” Mokoena said.", "Nobody", model.VerdictWrongSpeaker, []string{"Lena Koru"}, "Nobody around this table"},
		{"questioner's words", "Mokoena said: “Will the Union impose sanctions on the junta?”", "impose", model.VerdictWrongSpeaker, []string{"Amina Osei"}, "impose sanctions"},
		{"block", "Ambassador Lena Koru spoke next. She said:\n\nLet me add that the member states are united. Nobody around this table wants a return to war.", "Nobody", model.VerdictVerbatim, nil, "Let me add"},
		{"not in record", "“We will send ten thousand soldiers tomorrow,” Mokoena said.", "soldiers", model.VerdictNoRecord, nil, ""},
		{"paraphrase", "Mokoena said that the council had agreed to extend the mission by six months.", "extend", model.VerdictParaphrase, nil, "extend the mission for six months"},
		{"paraphrase of nobody", "Mokoena said that the Union would freeze the junta's bank accounts abroad.", "freeze", model.VerdictNoRecord, nil, ""},
		{"paraphrase of other speaker", "Koru said that the council had agreed to extend the mission by six months.", "extend", model.VerdictNoRecord, nil, ""},
		// what someone is reported not to have said is not checked: the
		// record saying it would not confirm the article
		{"not said", "Mokoena did not say that the council had agreed to extend the mission by six months.", "extend", model.VerdictNotChecked, nil, ""},
		{"never said", "Mokoena never said that the council had agreed to extend the mission by six months.", "extend", model.VerdictNotChecked, nil, ""},
		// nor what the article only supposes or asks about
		{"supposed", "Even if Mokoena said that the council had agreed to extend the mission by six months, nothing changed.", "extend", model.VerdictNotChecked, nil, ""},
		{"asked about", "The question was whether Mokoena thought that the council had agreed to extend the mission by six months.", "extend", model.VerdictNotChecked, nil, ""},
		// a condition the parse hangs on the cue from another clause is
		// not the cue's
		{"a condition before a comma", "If anything, Mokoena said, the council had agreed to extend the mission by six months.", "extend", model.VerdictParaphrase, nil, "extend the mission for six months"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := article("a", lead+c.text)
			qs := extract(t, x, d, nil)
			checkSpans(t, d, qs)
			q := find(t, qs, c.sub)
			ix.Verify(q, d)
			if q.Verdict != c.verdict {
				dump(t, qs)
				t.Fatalf("verdict %q (score %.2f, diff %q), want %q", q.Verdict, q.Score, q.Diff, c.verdict)
			}
			for _, s := range c.diff {
				if !strings.Contains(q.Diff, s) {
					t.Errorf("diff %q lacks %q", q.Diff, s)
				}
			}
			if q.Score < 0 || q.Score > 1 {
				t.Errorf("score %v", q.Score)
			}
			if (q.Negated || q.Hypothetical) != (q.Verdict == model.VerdictNotChecked) || q.Negated && q.Hypothetical {
				t.Errorf("negated %v, hypothetical %v with verdict %q", q.Negated, q.Hypothetical, q.Verdict)
			}
			switch q.Verdict {
			case model.VerdictNoRecord, model.VerdictNotChecked:
				if q.Primary != nil {
					t.Errorf("no-primary-record with evidence %+v", q.Primary)
				}
			default:
				if q.Primary == nil || q.Primary.Doc != "au-tr" || !strings.Contains(q.Primary.Text, c.primary) {
					t.Fatalf("primary %+v, want text with %q", q.Primary, c.primary)
				}
				tr := auTranscript(t)
				if tr.Text[q.Primary.Start:q.Primary.End] != q.Primary.Text {
					t.Errorf("primary evidence does not round-trip")
				}
			}
		})
	}
}

func TestVerifyDirectNeverParaphrase(t *testing.T) {
	x := newX(t)
	ix := auIndex(t)
	d := article("a", lead+"Mokoena said: “the council agreed to extend the mission by six months”.")
	qs := extract(t, x, d, nil)
	q := find(t, qs, "extend")
	ix.Verify(q, d)
	if q.Verdict == model.VerdictParaphrase || q.Verdict == model.VerdictVerbatim {
		t.Errorf("direct quote got %q", q.Verdict)
	}
}

func TestVerifyUnknownAndAnonymous(t *testing.T) {
	ix := auIndex(t)
	text := "Someone wrote: “We prefer dialogue, and we will give the talks until the end of the year.”"
	d := article("a", text)
	s := strings.Index(text, "We prefer")
	e := strings.Index(text, "year.") + len("year.")
	for _, anon := range []bool{false, true} {
		q := model.Quote{Direct: true, Anonymous: anon, Contents: []model.Span{model.NewSpan(text, s, e)}}
		if anon {
			q.Speaker = "AU diplomats"
		}
		ix.Verify(&q, d)
		if q.Verdict != model.VerdictSpeakerNotVerified || q.SpeakerVerified || !strings.Contains(q.Diff, "speaker not verified") || !strings.Contains(q.Diff, "Tendai Mokoena") {
			t.Errorf("anon=%v: verdict %q diff %q", anon, q.Verdict, q.Diff)
		}
		// Reported speech of an unknown source cannot be supported.
		q.Direct = false
		ix.Verify(&q, d)
		if q.Verdict != model.VerdictNoRecord {
			t.Errorf("anon=%v indirect: %q", anon, q.Verdict)
		}
	}
}

func TestVerifyWithoutRecords(t *testing.T) {
	x := newX(t)
	d := article("a", lead+"“We will not be sending additional troops to the region,” Mokoena said.")
	qs := extract(t, x, d, nil)
	ix := NewIndex(ta(t))
	ix.Add(d) // not a primary record: ignored
	if ix.Len() != 0 {
		t.Fatal("article was indexed")
	}
	for i := range qs {
		ix.Verify(&qs[i], d)
		if qs[i].Verdict != model.VerdictNoRecord {
			t.Errorf("%q without records: %q", qs[i].Text(), qs[i].Verdict)
		}
	}
	ix.Verify(nil, d) // must not panic
}

func TestStatementIndex(t *testing.T) {
	b, err := os.ReadFile("testdata/au-statement.txt")
	if err != nil {
		t.Fatal(err)
	}
	st := &model.Document{ID: "st", Kind: model.KindStatement, Text: string(b), Publisher: "Peace and Security Council"}
	ix := NewIndex(ta(t))
	ix.Add(st)
	ix.Add(st) // twice: ignored
	if ix.Len() != 3 {
		t.Fatalf("%d passages, want 3 paragraphs", ix.Len())
	}
	x := newX(t)
	if q := verified(t, x, ix, "The Peace and Security Council said it “welcomes the release of the detained ministers”.", "welcomes"); q.Verdict != model.VerdictVerbatim {
		t.Errorf("verdict %q", q.Verdict)
	}
	// A statement's quotation is its speaker's passage, not the
	// publisher's: what it says someone did not say or only supposes
	// someone said, or gives to someone it does not name, confirms no
	// speaker and makes no quote of it
	// someone else's (the publisher's, around it).
	for _, c := range []struct{ said, want string }{
		{"Chairperson Tendai Mokoena said: “We will send ten thousand soldiers to the border tomorrow.”", model.VerdictVerbatim},
		{"Chairperson Tendai Mokoena never said: “We will send ten thousand soldiers to the border tomorrow.”", model.VerdictSpeakerNotVerified},
		{"Even if Chairperson Tendai Mokoena said: “We will send ten thousand soldiers to the border tomorrow.” nothing was sent.", model.VerdictSpeakerNotVerified},
		{"A spokesman said: “We will send ten thousand soldiers to the border tomorrow.”", model.VerdictSpeakerNotVerified},
	} {
		st := &model.Document{ID: "st2", Kind: model.KindStatement, Text: c.said, Publisher: "Velgrad Herald"}
		ix := x.NewIndex(ta(t))
		ix.Add(st)
		if q := verified(t, x, ix, "“We will send ten thousand soldiers to the border tomorrow,” Chairperson Tendai Mokoena said.", "soldiers"); q.Verdict != c.want {
			t.Errorf("%q: verdict %q (%s), want %q", c.said, q.Verdict, q.Diff, c.want)
		}
	}
}

func TestNormalisation(t *testing.T) {
	if normWord("country’s") != "country's" || normWord("'tis'") != "tis" {
		t.Error("apostrophes")
	}
	for _, p := range [][2]string{{"deploying", "deployment"}, {"troops", "troop"}, {"wanted", "want"}, {"fields", "field"}, {"planned", "plan"}, {"decided", "decide"}} {
		if stem(p[0]) != stem(p[1]) {
			t.Errorf("stem(%q)=%q, stem(%q)=%q", p[0], stem(p[0]), p[1], stem(p[1]))
		}
	}
	src := "decision-making . . . body we're"
	ws := compareWords(ta(t).Segment(src), 0, len(src), nil)
	if len(ws) != 5 || ws[1].norm != "making" || !ws[2].gapBefore || ws[4].norm != "are" {
		t.Errorf("words %+v", ws)
	}
	if !model.SameNameWords([]string{"rasmussen"}, []string{"anders", "fogh", "rasmussen"}) || model.SameNameWords([]string{"jane", "doe"}, []string{"john", "doe"}) {
		t.Error("SameNameWords")
	}
	// spoken forms written out, signs read, the writer's notes dropped
	src = "We wanna win 50% of it (sic)."
	var got []string
	for _, w := range NewIndex(ta(t)).words(ta(t).Segment(src), 0, len(src)) {
		got = append(got, w.norm)
	}
	if strings.Join(got, " ") != "we want to win 50 per cent of it" {
		t.Errorf("words %q", got)
	}
}

// A plural noun's phrase is not the one person a name in it is ("many
// Varga supporters said …"): the resolver's person is not its speaker.
func TestPluralSourceIsNotTheNamedPerson(t *testing.T) {
	x := newX(t)
	d := article("a", "Ines Varga spoke in the port on Monday. Many Varga supporters said that the count was rigged.")
	qs := extract(t, x, d, func(doc *model.Document, sp model.Span) (string, string, bool) {
		if strings.Contains(sp.Text, "Varga") {
			return "Ines Varga", "", false
		}
		return "", "", false
	})
	if len(qs) != 1 {
		dump(t, qs)
		t.Fatalf("%d quotes, want one", len(qs))
	}
	if qs[0].Speaker == "Ines Varga" {
		t.Errorf("the supporters' words given to Ines Varga (by %q)", qs[0].SpeakerBy)
	}
	// ... but a capitalised word inside a sentence that the tagger read as
	// a plural is a name ("In the ruling, Rivers wrote")
	d = article("b", "U.S. District Judge Ines Rivers issued the ruling late Thursday.\n\nIn the ruling, Rivers wrote that the title, history and text of the law showed it to be a disgrace.")
	qs = extract(t, x, d, func(doc *model.Document, sp model.Span) (string, string, bool) {
		if strings.Contains(sp.Text, "Rivers") {
			return "Ines Rivers", "", false
		}
		return "", "", false
	})
	if q := find(t, qs, "the title, history"); q.Speaker != "Ines Rivers" {
		dump(t, qs)
		t.Errorf("speaker %q, want Ines Rivers", q.Speaker)
	}
}

// The speaker of the quotation before is not taken for a pronoun after
// it when it is of the other gender by its given name ("she" is not Brian
// Okafor), nor when it is a group a plural noun heads ("many Democrats").
func TestPronounSpeakerNotTheOneBefore(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct{ text, content, notSpeaker string }{
		{"“We will win the vote,” said Brian Okafor.\n\n“You cannot just show up at election time,” she said.", "You cannot", "Brian Okafor"},
		{"“The plan is wrong,” many Democrats say.\n\n“We have waited for years,” she added.", "We have waited", "Democrats"},
	} {
		found := false
		for _, q := range extract(t, x, article("a", tc.text), nil) {
			if strings.HasPrefix(q.Contents[0].Text, tc.content) {
				found = true
				if strings.Contains(q.Speaker, tc.notSpeaker) {
					t.Errorf("%q: speaker %q", tc.content, q.Speaker)
				}
			}
		}
		if !found {
			t.Errorf("no quote %q… in %q: the test checks nothing", tc.content, tc.text)
		}
	}
}

// A transcript quoted in an article: a quoted paragraph that opens with a
// speaker's label in capitals and a colon is that speaker's turn, the
// label its source; a label that names no one ("VIDEO:") is not.
func TestQuotedTranscriptLabels(t *testing.T) {
	x := newX(t)
	d := article("a", "Ana Varga spoke to the host on Sunday. Partial transcript as follows:\n\n"+
		"“HOST: Will you be at the debate tomorrow night?\n\n"+
		"“VARGA: I will not be attending the debate tomorrow night. The voters know where I stand.\n\n"+
		"“VIDEO: the whole debate, as it was broadcast.”")
	qs := extract(t, x, d, func(doc *model.Document, sp model.Span) (string, string, bool) {
		if sp.Text == "VARGA" {
			return "Ana Varga", "", false
		}
		return "", "", false
	})
	checkSpans(t, d, qs)
	var varga, video bool
	for _, q := range qs {
		switch {
		case strings.HasPrefix(q.Contents[0].Text, "I will not be attending"):
			varga = true
			if q.Rule != RuleLabel || q.Speaker != "Ana Varga" || len(q.Sources) == 0 || q.Sources[0].Text != "VARGA" {
				t.Errorf("Varga's turn: rule %q speaker %q sources %v", q.Rule, q.Speaker, q.Sources)
			}
		case q.Rule == RuleLabel && strings.Contains(q.Contents[0].Text, "whole debate"):
			video = true
		}
		if strings.HasPrefix(q.Contents[0].Text, "VARGA:") {
			t.Errorf("the label is in the quote's words: %q", q.Contents[0].Text)
		}
	}
	if !varga {
		dump(t, qs)
		t.Error("no quote for Varga's turn")
	}
	if video {
		t.Error("“VIDEO:” read as a speaker's label")
	}
}

// Calling someone something is speech, however the parse hangs the
// participle: "the letter called Ina Holt a quack" keeps its quote.
func TestCallingSomeoneSomethingIsSpeech(t *testing.T) {
	x := newX(t)
	d := article("a", "One of the doctors who sent the letter called Ina Holt a quack, fake and charlatan.")
	for _, q := range extract(t, x, d, nil) {
		if strings.Contains(q.Text(), "quack") {
			return
		}
	}
	t.Error("no quote of the name-calling")
}

// A passive cue's teller is its "by" phrase or not known, never the
// subject of a clause the cue hangs from; a clause ("whether X …") is no
// speaker of a verb coordinated with it.
func TestPassiveCueAndClauseSubject(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, content, speaker string }{
		{"Even as rebels attacked a compound in Velgrad, the Foreign Ministry was told that forces were ready to come to its aid.", "forces were ready to come to its aid", ""},
		{"Ana Ruiz was told by Ben Adler that the port would close.", "the port would close", "Ben Adler"},
		{"Judge Ana Ruiz put off deciding whether Harbour Watch could question the mayor but said the group could come back later with that request.", "the group could come back later with that request", "Ana Ruiz"},
	} {
		d := article("a", c.text)
		var q *model.Quote
		qs := extract(t, x, d, nil)
		for i := range qs {
			if qs[i].Text() == c.content {
				q = &qs[i]
			}
		}
		if q == nil {
			dump(t, qs)
			t.Errorf("%q: no quote %q", c.text, c.content)
			continue
		}
		if q.Speaker != c.speaker {
			t.Errorf("%q: speaker %q, want %q", c.text, q.Speaker, c.speaker)
		}
	}
}

// A cue the parse coordinates with the verb of an indirect question is
// not said by the question's subject. The parse is placed by hand: the
// shipped parser reads "Watch" as a verb here, another model reads
// "Harbour Watch" as the subject of "question", with "but said" on it.
func TestCueCoordinatedWithAQuestion(t *testing.T) {
	x := newX(t)
	text := "Judge Ana Ruiz put off deciding whether Harbour Watch could question the mayor but said the group could come back later with that request."
	heads := []int{3, 0, 0, -1, 3, 3, 10, 10, 7, 10, 5, 12, 10, 14, 10, 16, 18, 18, 14, 18, 18, 23, 23, 18, 3}
	rels := []string{"nsubj", "flat", "flat", "root", "compound:prt", "advcl", "mark", "nsubj", "flat", "aux", "ccomp", "det", "obj",
		"cc", "conj", "det", "nsubj", "aux", "ccomp", "advmod", "advmod", "case", "det", "obl", "punct"}
	doc, td := placedParse(t, text, heads, rels)
	found := false
	for _, q := range x.Extract(doc, td, nil) {
		if q.Text() == "the group could come back later with that request" {
			found = true
			if q.Speaker != "Ana Ruiz" {
				t.Errorf("speaker %q, want Ana Ruiz", q.Speaker)
			}
		}
	}
	if !found {
		t.Error("no quote of what the group could do")
	}
}

// A verb in the past with no subject at all, a name set off by a comma
// right before it that the parse hung on the words before ("…, on
// Sunday, Mrs. Holt tried …" with "Holt" an apposition of "Sunday" and
// "Sunday" a conjunct of the town): the name is its subject. The parse
// is placed by hand, as another model gives it.
func TestNameSetOffBeforeAVerbWithNoSubject(t *testing.T) {
	x := newX(t)
	text := "At a campaign event in Arlo, Velgrad, on Sunday, Mrs. Holt tried to expand on her earlier statement, saying that the port should play a leadership role and ''be rallying our partners and allies, pulling countries off the sidelines.''"
	doc := article("a", text)
	td := ta(t).Analyze(doc.Text)
	heads := []int{3, 3, 3, 14, 5, 3, 7, 5, 10, 10, 5, 13, 13, 10, -1, 16, 14, 20, 20, 20, 16, 22, 16, 27, 25, 27, 27, 22, 30, 30, 27,
		35, 35, 35, 35, 27, 37, 35, 39, 37, 41, 35, 41, 45, 45, 41, 14, 14, 14}
	rels := []string{"case", "det", "compound", "obl", "case", "nmod", "punct", "conj", "punct", "case", "conj", "punct", "nmod:desc",
		"appos", "root", "mark", "xcomp", "case", "nmod:poss", "amod", "obl", "punct", "advcl", "mark", "det", "nsubj", "aux", "ccomp",
		"det", "compound", "obj", "cc", "punct", "punct", "aux", "conj", "nmod:poss", "obj", "cc", "conj", "punct", "advcl", "obj",
		"case", "det", "obl", "punct", "punct", "punct"}
	if !td.SetHeads(0, heads, rels) {
		t.Fatalf("the parse does not fit the sentence's %d tokens", len(td.Tokens))
	}
	q := find(t, x.Extract(doc, td, nil), "rallying our partners")
	if q.Speaker != "Holt" {
		t.Errorf("speaker %q by %q, want Holt", q.Speaker, q.SpeakerBy)
	}
}

// A day with its preposition that the parse read as the subject, with
// the subject as its apposition ("on Sunday, Mrs. Holt tried …"), is no
// speaker: the apposition is.
func TestDayReadAsSubjectIsNoSpeaker(t *testing.T) {
	x := newX(t)
	d := article("a", "At a campaign event in Arlo, Velgrad, on Sunday, Mrs. Holt tried to expand on her earlier statement, saying that the port should play a leadership role and ''be rallying our partners and allies, pulling countries off the sidelines.''")
	qs := extract(t, x, d, nil)
	if len(qs) == 0 {
		t.Fatal("no quote: the test tests nothing")
	}
	for _, q := range qs {
		if q.Speaker != "Holt" {
			dump(t, qs)
			t.Errorf("speaker %q, want Holt", q.Speaker)
		}
	}
	// without its preposition: a day is never the speaker, its
	// apposition is, and a day with where it was said is no one
	for _, c := range []struct{ text, want string }{
		{"Thursday, Rep. Ines Varga (D-Arlo) reacted to the news, saying: “The port should reopen at once.”", "Ines Varga"},
		{"Tuesday at Velgrad University in Arlo, after winning the primary, Gov. Ines Varga (R-AR), said, “We are going to go all the way to the convention.”", ""},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		if len(qs) == 0 {
			t.Fatalf("%q: no quote: the test tests nothing", c.text)
		}
		for _, q := range qs {
			if q.Speaker != c.want {
				dump(t, qs)
				t.Errorf("%q: speaker %q, want %q", c.text, q.Speaker, c.want)
			}
		}
	}
}

// A participle hung on a relative clause's verb is that clause's saying,
// not the saying of whoever speaks in the clause above it ("what she
// called a rant, a series of postings that included one saying …").
func TestParticipleOfARelativeClause(t *testing.T) {
	x := newX(t)
	text := "She had been hospitalized for weeks after what she called a rant, a series of online postings that included one saying that the mayor should be removed from office."
	qs := extract(t, x, article("a", "Ina Holt lives in Arlo. "+text), nil)
	var q *model.Quote
	for i := range qs {
		if strings.HasPrefix(qs[i].Text(), "the mayor should") {
			q = &qs[i]
		}
	}
	if q == nil {
		dump(t, qs)
		t.Fatal("no quote of the postings: the test tests nothing")
	}
	if len(q.Sources) != 1 || !strings.Contains(q.Sources[0].Text, "postings") {
		dump(t, qs)
		t.Errorf("the postings' saying given to %+v (speaker %q)", q.Sources, q.Speaker)
	}
}

// A phrase with a preposition of its own is no subject, whatever the
// parse says: its apposition after a comma is ("At the town hall in Arlo
// City, a young woman … asked", "Of Adler, Varga, who …, said"). The
// trees are the shipped parser's of the sentences these were taken from.
func TestPrepositionalPhraseReadAsSubject(t *testing.T) {
	x := newX(t)
	for _, c := range []struct {
		text, sub, want string
		heads           []int // 1-based, 0 the root
		rels            []string
	}{
		{"At the townhall in Arlo Tam Binh City, a young woman who had been an exchange student in Norland asked Mokoena what he thought of the prospects.", "what he thought", "young woman",
			[]int{3, 3, 21, 5, 8, 5, 8, 21, 12, 12, 12, 8, 18, 18, 18, 18, 18, 12, 20, 18, 0, 21, 21, 25, 23, 28, 28, 25, 21},
			[]string{"case", "det", "obl", "case", "compound", "flat", "compound", "nsubj", "punct", "det", "amod", "appos", "nsubj", "aux", "cop", "det", "compound", "acl:relcl", "case", "nmod", "root", "iobj", "obj", "nsubj", "acl:relcl", "case", "det", "obl", "punct"}},
		{"Of Adler, Varga, who has given money to Ines Holt, said, “He’s flat-out scary.”", "flat-out scary", "Varga",
			[]int{2, 14, 4, 2, 8, 8, 8, 2, 8, 11, 9, 11, 2, 0, 20, 20, 20, 20, 20, 14, 20, 20},
			[]string{"case", "nsubj", "punct", "appos", "punct", "nsubj", "aux", "acl:relcl", "obj", "case", "nmod", "flat", "punct", "root", "punct", "punct", "nsubj", "cop", "advmod", "ccomp", "punct", "punct"}},
	} {
		doc := article("a", c.text)
		td := ta(t).Analyze(doc.Text)
		heads := make([]int, len(c.heads))
		for i, h := range c.heads {
			heads[i] = h - 1
		}
		if !td.SetHeads(0, heads, c.rels) {
			t.Fatalf("%q: the parse does not fit the sentence's %d tokens", c.text, len(td.Tokens))
		}
		qs := x.Extract(doc, td, nil)
		if q := find(t, qs, c.sub); q.Speaker != c.want {
			dump(t, qs)
			t.Errorf("%q: speaker %q, want %q", c.text, q.Speaker, c.want)
		}
	}
}

// TestIndexReadsTheExtractorsLexicon checks that an index made by an
// extractor loaded with the user's lexicon reads records with it: two
// words the user's same_words make equal are equal in verification too.
func TestIndexReadsTheExtractorsLexicon(t *testing.T) {
	raw, err := fs.ReadFile(data.Embedded(), cueFile)
	if err != nil {
		t.Fatal(err)
	}
	const from = "same_words:\n"
	if !bytes.Contains(raw, []byte(from)) {
		t.Fatalf("%s no longer has %q; update the test", cueFile, from)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(cueFile)), 0o755); err != nil {
		t.Fatal(err)
	}
	raw = bytes.Replace(raw, []byte(from), []byte(from+"  - [lawmakers, legislators]\n"), 1)
	if err := os.WriteFile(filepath.Join(dir, cueFile), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	user, err := NewExtractorFS(data.Open(dir))
	if err != nil {
		t.Fatal(err)
	}
	tr := transcript(t, "tr", "Council meeting\n\nSPEAKER: We will ask the legislators to vote on the ferry budget next week.", []string{"SPEAKER"},
		[]model.Speaker{{Name: "Ben Okafor"}}, []int{0})
	const said = "“We will ask the lawmakers to vote on the ferry budget next week,” Ben Okafor said."
	for _, c := range []struct {
		name string
		x    *Extractor
		want string
	}{
		{"shipped lexicon", newX(t), model.VerdictAltered},
		{"user's lexicon", user, model.VerdictVerbatim},
	} {
		ix := c.x.NewIndex(ta(t))
		ix.Add(tr)
		if q := verified(t, c.x, ix, said, "ferry"); q.Verdict != c.want {
			t.Errorf("%s: verdict %q (%s), want %q", c.name, q.Verdict, q.Diff, c.want)
		}
	}
}

// A speaker's answer that the transcript writes over two turns in a row,
// each with the speaker's label ("VARGA: …" then "VARGA: Third, …"), is
// one passage too, asked when the turns themselves give nothing: a quote
// of words from both is found in the record, not reported as having none.
// A turn of another speaker between makes no run.
func TestVerifyAcrossTurnsOfOneSpeaker(t *testing.T) {
	x := newX(t)
	text := "VARGA: Why won't he release the ferry accounts? First, maybe the ferry is not as busy as he says. Second, maybe it costs more than he claims.\n\n" +
		"VARGA: Third, we do not know who owns the boats, but we have been told that the council owes the harbour board about two million.\n\n" +
		"BRODIN: That is not true.\n"
	rec := transcript(t, "rec", text, []string{"VARGA", "VARGA", "BRODIN"},
		[]model.Speaker{{Name: "Ines Varga"}, {Name: "Karl Brodin"}}, []int{0, 0, 1})
	ix := NewIndex(ta(t))
	ix.Add(rec)
	if ix.Len() != 3 {
		t.Errorf("%d passages, want the 3 turns (the run is not listed)", ix.Len())
	}
	q := verified(t, x, ix, "Ines Varga spoke on Tuesday. “Second, maybe it costs more than he claims. Third, we do not know who owns the boats,” Varga said.", "costs more")
	if q.Verdict != model.VerdictVerbatim || q.Primary == nil || !strings.Contains(q.Primary.Text, "Third") || strings.Contains(q.Primary.Text, "VARGA:") {
		t.Errorf("verdict %q, evidence %v; want verbatim, from both turns, without the label between them", q.Verdict, q.Primary)
	}
	q = verified(t, x, ix, "Ines Varga spoke on Tuesday. “We have been told that the council owes the harbour board about two million. That is not true,” Varga said.", "harbour board")
	if q.Verdict == model.VerdictVerbatim {
		t.Errorf("verdict %q across another speaker's turn", q.Verdict)
	}
	// what the speaker quotes in a run supports no paraphrase of hers
	text = "VARGA: Karl Brodin said, “We are going to raise the ferry fare for every family in the town,” and that is wrong.\n\n" +
		"VARGA: Third, we will cut the cost of every crossing of the harbour next year.\n\nBRODIN: That is not true.\n"
	rec = transcript(t, "rec2", text, []string{"VARGA", "VARGA", "BRODIN"},
		[]model.Speaker{{Name: "Ines Varga"}, {Name: "Karl Brodin"}}, []int{0, 0, 1})
	ix = NewIndex(ta(t))
	ix.Add(rec)
	q = verified(t, x, ix, "Ines Varga said that they were going to raise the ferry fare for every family in the town and cut the cost of every crossing.", "ferry fare")
	if q.Verdict == model.VerdictParaphrase {
		t.Errorf("verdict %q from words she quotes (evidence %v)", q.Verdict, q.Primary)
	}
}

// A conjunction that opens a sentence of the record ("And I think …"),
// left out where the quote starts its sentence ("… ferry accounts? I
// think …"), is no alteration: quotations trim it. Left out inside a
// sentence, or another word, it still is one.
func TestVerifyLeadingConjunctionLeftOut(t *testing.T) {
	x := newX(t)
	text := "VARGA: So you have to ask yourself, why won't he release the ferry accounts? And I think there may be two reasons. The ferry is empty and the boats are old.\n\n" +
		"BRODIN: That is not true.\n"
	rec := transcript(t, "rec", text, []string{"VARGA", "BRODIN"},
		[]model.Speaker{{Name: "Ines Varga"}, {Name: "Karl Brodin"}}, []int{0, 1})
	ix := NewIndex(ta(t))
	ix.Add(rec)
	for _, c := range []struct{ quote, verdict string }{
		{"“Why won't he release the ferry accounts? I think there may be two reasons,” Varga said.", model.VerdictVerbatim},
		{"“Why won't he release the ferry accounts? I think there may be three reasons,” Varga said.", model.VerdictAltered},
		{"“The ferry is empty, the boats are old,” Varga said.", model.VerdictAltered},
	} {
		q := verified(t, x, ix, "Ines Varga spoke on Tuesday. "+c.quote, "ferry")
		if q.Verdict != c.verdict {
			t.Errorf("%s: verdict %q (%s), want %q", c.quote, q.Verdict, q.Diff, c.verdict)
		}
	}
}

// A cue after a comma whose clause opens with a relative pronoun ("the
// test, which state news media claimed now allows …") reports what its
// own clause says, never the words before the comma, however the parse
// hangs it. The parse is placed by hand, as the shipped model gives it
// for such a sentence in PolNeAR's dev articles: "claimed" a parataxis
// of the main verb, with "which" and "media" both its subjects.
func TestTrailingCueInARelativeClause(t *testing.T) {
	x := newX(t)
	text := "The council called an emergency meeting to discuss the test, which state news media claimed now allows Tarsk to produce warheads."
	heads := []int{1, 2, -1, 5, 5, 2, 7, 2, 9, 7, 15, 15, 13, 14, 15, 2, 15, 15, 17, 20, 17, 20, 2}
	rels := []string{"det", "nsubj", "root", "det", "compound", "obj", "mark", "advcl", "det", "obj", "punct", "nsubj",
		"compound", "compound", "nsubj", "parataxis", "advmod", "conj", "obj", "mark", "xcomp", "obj", "punct"}
	doc, td := placedParse(t, text, heads, rels)
	qs := x.Extract(doc, td, nil)
	for _, q := range qs {
		if strings.Contains(q.Text(), "discuss the test") {
			dump(t, qs)
			t.Errorf("quote %q by %q: the words before the relative clause are no one's report", q.Text(), q.Speaker)
		}
	}
}

// A relative pronoun the parse takes into a source's phrase is not part
// of the speaker's name.
func TestRelativePronounIsNoPartOfTheSpeaker(t *testing.T) {
	x := newX(t)
	d := article("a", "The ministry called an emergency meeting to discuss the test, which state media claimed now allows the army to produce warheads.")
	q := find(t, extract(t, x, d, nil), "allows the army to produce warheads")
	if q.Speaker != "state media" {
		t.Errorf("speaker %q, want state media", q.Speaker)
	}
	for _, s := range q.Sources {
		if strings.HasPrefix(strings.ToLower(s.Text), "which") {
			t.Errorf("source %q begins with the relative pronoun", s.Text)
		}
	}
}
