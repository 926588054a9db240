package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// What a quote holds is what was said: not the attribution of the next
// quotation, not the object of "announced", not the description of an
// "according to" source, and the whole clause after "denied that" with
// its subject as the speaker.
func TestReportedContents(t *testing.T) {
	x := newX(t)
	type want struct {
		direct  bool
		content string
		speaker string
		rule    string
		nowhere string // no quote may hold this text
	}
	cases := []struct {
		name, text string
		want       want
	}{
		{"quotation ends its sentence", "Mayor Ina Holt promised residents that “we will never raise the ferry fare.” She told the chamber, “The savings go back to residents.”",
			want{direct: true, content: "The savings go back to residents.", speaker: "Ina Holt", rule: RuleDirect, nowhere: "She told the chamber"}},
		{"quotation ends its sentence, first quote", "Mayor Ina Holt promised residents that “we will never raise the ferry fare.” She told the chamber, “The savings go back to residents.”",
			want{direct: true, content: "we will never raise the ferry fare.", speaker: "Ina Holt", rule: RuleDirect}},
		{"announced with an object", "Ina Holt announced the deal to the Guild of Merchants on Friday 7 June.",
			want{nowhere: "the deal to the Guild of Merchants"}},
		{"stressed an object", "Ina Holt stressed the need for a second ferry.",
			want{content: "the need for a second ferry", speaker: "Ina Holt", rule: RuleIndirect}},
		{"denounced an object", "Ina Holt denounced the new tolls on the bridge.",
			want{content: "the new tolls on the bridge", speaker: "Ina Holt", rule: RuleIndirect}},
		{"in a poll", "In a new Northland Post poll, Ina Holt leads Karl Brodin by nine points.",
			want{content: "Ina Holt leads Karl Brodin by nine points", speaker: "new Northland Post poll", rule: RuleInSource}},
		{"in a poll, after a comma", "Ina Holt leads Karl Brodin by nine points, in a new Northland Post poll.",
			want{content: "Ina Holt leads Karl Brodin by nine points", speaker: "new Northland Post poll", rule: RuleInSource}},
		{"leading in the polls reports nothing", "Karl Brodin, who has been leading in the polls, spoke in Velgrad on Monday.",
			want{nowhere: "who has been leading"}},
		{"rising in the polls reports nothing", "Karl Brodin has risen in the polls since March.",
			want{nowhere: "Karl Brodin has risen"}},
		{"announced that", "Ina Holt announced that the deal would be signed on Friday.",
			want{content: "the deal would be signed on Friday", speaker: "Ina Holt", rule: RuleIndirectThat}},
		{"said with a clause", "Ina Holt said the deal would be signed on Friday.",
			want{content: "the deal would be signed on Friday", speaker: "Ina Holt", rule: RuleIndirect}},
		{"according to a described source", "The ferry company did not bid for the contract, according to two officials who spoke on condition of anonymity.",
			want{content: "The ferry company did not bid for the contract", speaker: "two officials", rule: RuleAccordingTo, nowhere: "who spoke on condition of anonymity"}},
		{"according to, a description, then the content", "According to Ana Ruiz, the Republican attorney general of Northland, the harbour rule is an invasion.",
			want{content: "the harbour rule is an invasion", speaker: "Ana Ruiz", rule: RuleAccordingTo}},
		{"according to, a description the parse hangs on the clause", "According to Ana Ruiz, a spokeswoman for the ministry, the talks failed.",
			want{content: "the talks failed", speaker: "Ana Ruiz", rule: RuleAccordingTo}},
		{"according to, then the content", "The vote was close and, according to Ina Holt, the council will meet again in May.",
			want{content: "the council will meet again in May", speaker: "Ina Holt", rule: RuleAccordingTo}},
		{"denied that, with a day between", "The Ministry of Fisheries on Monday denied that it had closed the northern harbour.",
			want{content: "it had closed the northern harbour", speaker: "Ministry of Fisheries", rule: RuleIndirectThat}},
		{"said, a negated clause, then that", "Ilse Brandt said the water board had not shown that the tenants were warned.",
			want{content: "the water board had not shown that the tenants were warned", speaker: "Ilse Brandt", rule: RuleIndirect, nowhere: "the tenants were warned"}},
		{"warned an object that", "Ina Holt warned the council that the bridge would close in May.",
			want{content: "the bridge would close in May", speaker: "Ina Holt", rule: RuleIndirectThat}},
		{"told, a clause, then that", "Ina Holt told reporters she had not seen that report before the vote.",
			want{content: "she had not seen that report before the vote", speaker: "Ina Holt", rule: RuleIndirect}},
		{"the reporter's aside", "The Harbour Board said it was acting on an order from the Ministry of Ports, which did not respond to requests for comment.",
			want{content: "it was acting on an order from the Ministry of Ports", speaker: "Harbour Board", rule: RuleIndirect,
				nowhere: "it was acting on an order from the Ministry of Ports, which did not respond to requests for comment"}},
		{"no aside: the speaker's own words", "Ina Holt said the ministry did not respond to her letters.",
			want{content: "the ministry did not respond to her letters", speaker: "Ina Holt", rule: RuleIndirect}},
		{"a relative clause is no content", "The Northland paper wrote that Ina Holt had claimed a loss of $9 million in 1995, which could have allowed her to avoid paying taxes.",
			want{content: "Ina Holt had claimed a loss of $9 million in 1995, which could have allowed her to avoid paying taxes", speaker: "Northland paper", rule: RuleIndirectThat,
				nowhere: "which could have allowed her to avoid paying taxes"}},
		{"a cue in a modal's perfect reports what was not said", "Few people would have described Ina Holt as a harbour reformer when she ran for mayor in 2008.",
			want{nowhere: "Ina Holt as a harbour reformer when she ran for mayor in 2008"}},
		{"a cue under a verb of not doing reports what was not said", "Ina Holt refused to say whether the ferry would run in May.",
			want{nowhere: "whether the ferry would run in May"}},
		{"failed to note that", "Ina Holt failed to note that the bridge had closed in May.",
			want{nowhere: "the bridge had closed in May"}},
		{"refrained from a gerund", "Ina Holt has refrained from endorsing the ferry plan or the bridge plan.",
			want{nowhere: "the ferry plan or the bridge plan"}},
		{"avoided a gerund", "Ina Holt avoided saying whether the ferry would run in May.",
			want{nowhere: "whether the ferry would run in May"}},
		{"a cue asked of someone reports what was asked", "Ina Holt called on the council to attack the fares that fund the bridge plan.",
			want{content: "the council to attack the fares that fund the bridge plan", speaker: "Ina Holt", rule: RuleIndirect, nowhere: "the fares that fund the bridge plan"}},
		{"a cue urged on someone", "Ina Holt urged Karl Brodin to reject the ferry plan reached in May.",
			want{content: "Karl Brodin to reject the ferry plan reached in May", speaker: "Ina Holt", rule: RuleIndirect, nowhere: "the ferry plan reached in May"}},
		{"a call made to ask is the caller's asking", "Ina Holt phoned Karl Brodin and called the ministry to ask whether the ferry would run in May.",
			want{content: "whether the ferry would run in May", speaker: "Ina Holt", rule: RuleIndirect}},
		{"a participle beside the clause still reports", "Ina Holt abstained from criticizing the mayor, saying the vote was fair.",
			want{content: "the vote was fair", speaker: "Ina Holt", rule: RuleIndirect}},
		{"a person finding a thing", "Ina Holt found a way to the nomination.", want{nowhere: "a way to the nomination"}},
		{"a person showing a thing", "Mr. Okafor still shows flashes of brilliance.", want{nowhere: "flashes of brilliance"}},
		{"a person finding that", "Ina Holt found that the ferry was late in May.",
			want{content: "the ferry was late in May", speaker: "Ina Holt", rule: RuleIndirectThat}},
		{"a poll showing a thing", "Polls show a tight race in the harbour wards.",
			want{content: "a tight race in the harbour wards", speaker: "Polls", rule: RuleIndirect}},
		{"aside from saying", "Ina Holt refuses to discuss the ferry, aside from saying she wants a cheaper fare.",
			want{content: "she wants a cheaper fare", speaker: "Ina Holt", rule: RuleIndirect}},
		{"a name before its description, hidden by the parse", "“The ferry was very assertive,” said Ina Holt, education and law professor at the University of Velgrad.",
			want{direct: true, content: "The ferry was very assertive", speaker: "Ina Holt", rule: RuleDirect}},
		{"a headline is not reported speech", "Minister says ferry fare rise already agreed\n\nVelgrad, 4 May - The council met on Monday.",
			want{nowhere: "ferry fare rise already agreed"}},
		{"a headline quotation with a cue is a quote", "“We will not raise the fare,” says Ina Holt\n\nVelgrad, 4 May - The council met on Monday.",
			want{direct: true, content: "We will not raise the fare", speaker: "Ina Holt", rule: RuleDirect}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := article("a", c.text)
			qs := extract(t, x, d, nil)
			checkSpans(t, d, qs)
			w := c.want
			for _, q := range qs {
				for _, s := range q.Contents {
					if w.nowhere != "" && s.Text == w.nowhere {
						dump(t, qs)
						t.Fatalf("a quote holds %q", w.nowhere)
					}
				}
			}
			if w.content == "" {
				if len(qs) != 0 {
					dump(t, qs)
					t.Fatalf("want no quote")
				}
				return
			}
			var q *model.Quote
			for i := range qs {
				if qs[i].Direct == w.direct && qs[i].Text() == w.content {
					q = &qs[i]
				}
			}
			if q == nil {
				dump(t, qs)
				t.Fatalf("no quote %q", w.content)
			}
			if q.Speaker != w.speaker || q.Rule != w.rule {
				dump(t, qs)
				t.Errorf("speaker %q rule %q, want %q %q", q.Speaker, q.Rule, w.speaker, w.rule)
			}
		})
	}
}

// A reporter's comparison after the report ("…, as he did again during
// the debate") is not part of what was reported.
func TestReporterComparisonEndsContent(t *testing.T) {
	x := newX(t)
	qs := extract(t, x, article("a", "Ines Varga has repeatedly cited the audit as the reason the port is not publishing its accounts, as she did again during the hearing."), nil)
	for _, q := range qs {
		if strings.Contains(q.Text(), "audit") {
			if strings.Contains(q.Text(), "hearing") {
				t.Errorf("content %q runs into the reporter's comparison", q.Text())
			}
			return
		}
	}
	t.Errorf("no quote with the audit in %d quotes", len(qs))
}

// Two cues reporting the same words give one quote: the named one.
func TestDedupeKeepsTheNamed(t *testing.T) {
	c := []model.Span{{Start: 10, End: 20}}
	qs := dedupe([]model.Quote{
		{ID: "a", Contents: c, Speaker: "senator", SpeakerBy: model.SpeakerByDescription},
		{ID: "b", Contents: c, Speaker: "Ines Varga", SpeakerBy: model.SpeakerByName},
		{ID: "c", Contents: []model.Span{{Start: 30, End: 40}}},
	})
	if len(qs) != 2 || qs[0].ID != "b" || qs[1].ID != "c" {
		t.Errorf("got %+v", qs)
	}
}

// The title of a programme, a book or an event in quotation marks is
// nobody's words; a nickname someone is called is.
func TestWorkTitlesAreNotQuotes(t *testing.T) {
	x := newX(t)
	for _, c := range []struct {
		text, sub string
		quoted    bool
	}{
		{"Varga told NTV's “Morning Report” that the ferry would run again.", "Morning Report", false},
		{"In an interview on “Harbour Week,” Varga said the fare would not rise.", "Harbour Week", false},
		{"Ines Varga took calls on her “Keep It Real” radio programme on Monday, and said the fare would stay.", "Keep It Real", false},
		{"Brodin called the ferry “A Floating Disgrace” at the meeting.", "Floating Disgrace", true},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		found := false
		for _, q := range qs {
			found = found || q.Direct && strings.Contains(q.Text(), c.sub)
		}
		if found != c.quoted {
			dump(t, qs)
			t.Errorf("%q: a direct quote of %q: %v, want %v", c.text, c.sub, found, c.quoted)
		}
	}
	// the clause after the title is what was told
	q := find(t, extract(t, x, article("a", "Varga told NTV's “Morning Report” that the ferry would run again."), nil), "ferry")
	if q.Text() != "the ferry would run again" {
		t.Errorf("content %q", q.Text())
	}
}

// A cue reports its own complement: a clause after it, not a quotation
// or a clause before its subject.
func TestCueReportsItsOwnComplement(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, content, notContent string }{
		// the quoted word belongs to the first clause; "says" reports the
		// expansion
		{"Varga is telling a veterans group that the fleet is “depleted” and says he will expand the fleet.", "he will expand the fleet", ""},
		// the parser may give "said" two complements: the one after it
		{"As improbable as it may seem, Mr. Brodin said the ferry deal had played to his advantage.", "the ferry deal had played to his advantage", "As improbable as it may seem"},
		{"The video shows the ferry at the pier, but Varga said the captain refused to follow the orders.", "the captain refused to follow the orders", "The video shows"},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		found := false
		for _, q := range qs {
			found = found || q.Text() == c.content
			if c.notContent != "" && strings.Contains(q.Text(), c.notContent) && q.Cue != nil && strings.HasPrefix(q.Cue.Text, "said") {
				t.Errorf("%q: %q given to %q", c.text, q.Text(), q.Cue.Text)
			}
		}
		if !found {
			dump(t, qs)
			t.Errorf("%q: no quote %q", c.text, c.content)
		}
	}
}

// An attribution set off by commas inside a sentence reports the words
// around it; what follows the cue must be a time, a setting or one of a
// few adverbs, else the words before are not what was said.
func TestAsideAttribution(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, content, speaker string }{
		{"Though the crossing was calm, Varga said, replacing the ferry would be much harder.", "Though the crossing was calm … replacing the ferry would be much harder", "Varga"},
		{"Back in the harbour, Mr. Brodin said, he decided to sell the boats.", "Back in the harbour … he decided to sell the boats", "Brodin"},
		{"The pier is near the old stadium, which, Varga said in an interview, is usually full on game days.", "which … is usually full on game days", "Varga"},
		// whom the cue spoke to may follow it; the comma before the
		// subject may hang from the subject in the parse
		{"The ferry will run again next week, Sen. Lena Varga (R-S.C.) told reporters on Thursday.", "The ferry will run again next week", "Lena Varga"},
		// not asides: "said enough" says something; "believe in" is a
		// thought; what follows "told" with a clause in it is what was told
		{"At the harbour last week, Varga told a meeting of ferry captains that few people knew the tides better.", "", ""},
		{"But when the council cut the ferry's funding, the island said enough.", "", ""},
		{"Like the mayor, I believe in the good sense of the islanders.", "", ""},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		var got *model.Quote
		for i := range qs {
			if qs[i].Rule == RuleIndirectAside || qs[i].Rule == RuleIndirectAfter {
				got = &qs[i]
			}
		}
		switch {
		case c.content == "" && got != nil:
			t.Errorf("%q: an aside %q", c.text, got.Text())
		case c.content == "":
		case got == nil:
			dump(t, qs)
			t.Errorf("%q: no aside, want %q", c.text, c.content)
		case got.Text() != c.content || !strings.Contains(got.Speaker, c.speaker):
			t.Errorf("%q: %q by %q, want %q by %q", c.text, got.Text(), got.Speaker, c.content, c.speaker)
		}
	}
}

// A cue that takes an object reports what its object says, not whom it
// names: "criticized Varga" and "endorsed them" are no quotes.
func TestObjectThatIsOnlyANameIsNoQuote(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"But the island is steering clear of criticizing Varga for taking the ferry.",
		"The mayor has endorsed Varga.",
		"Brodin thanked them on Monday.",
	} {
		if qs := extract(t, x, article("a", text), nil); len(qs) != 0 {
			dump(t, qs)
			t.Errorf("%q: %d quotes, want none", text, len(qs))
		}
	}
	// an object with words of its own is still the content
	qs := extract(t, x, article("a", "The mayor criticized the plan to close the harbour."), nil)
	if len(qs) != 1 || qs[0].Text() != "the plan to close the harbour" {
		dump(t, qs)
		t.Errorf("want the plan as the content")
	}
}

// TestObjectContentIsAnAct: content a cue takes as its object, with no
// clause of its own, is what the source did, not a claim it made; a
// clause, or a characterization of the object, is a claim.
func TestObjectContentIsAnAct(t *testing.T) {
	x := newX(t)
	for _, c := range []struct {
		text, content string
		act           bool
	}{
		{"Two senior aides praised the council for its harbour levy.", "the council for its harbour levy", true},
		{"Campaign officials urged volunteers to leave the square before dark.", "volunteers to leave the square before dark", true},
		{"Two senior aides predicted the council would approve the harbour levy.", "the council would approve the harbour levy", false},
		{"Two senior aides described the harbour levy as a reckless gamble.", "the harbour levy as a reckless gamble", false},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		found := false
		for _, q := range qs {
			if q.Text() == c.content {
				found = true
				if q.Act != c.act {
					t.Errorf("%q: act %v, want %v", c.text, q.Act, c.act)
				}
			}
		}
		if !found {
			dump(t, qs)
			t.Errorf("%q: no quote %q", c.text, c.content)
		}
	}
}

// A cue's phrase with the preposition it takes for what it reports is the
// content: "warned against …", "called for …".
func TestTopicPhraseIsTheContent(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, content string }{
		{"Varga warned against potential hackers from the mainland.", "potential hackers from the mainland"},
		{"The ferry union called for a moratorium on new piers.", "a moratorium on new piers"},
		{"Brodin complained about the fare rise on the island ferries.", "the fare rise on the island ferries"},
		// a commitment reports what is promised; "point out" is a cue
		{"Varga vowed to form a joint harbour task force.", "to form a joint harbour task force"},
		{"Brodin pointed out that the ferry had been late all week.", "the ferry had been late all week"},
		{"Varga called on the mayor to reopen the pier.", "the mayor to reopen the pier"},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		if len(qs) != 1 || qs[0].Text() != c.content {
			dump(t, qs)
			t.Errorf("%q: want one quote %q", c.text, c.content)
		}
	}
	// a preposition the cue does not take for its content is a setting
	if qs := extract(t, x, article("a", "Varga spoke on Monday against the backdrop of the old pier."), nil); len(qs) != 0 {
		dump(t, qs)
		t.Errorf("a setting taken for content")
	}
}

// leadingName reads the name a source's words open with before their
// comma, when the parse hid it; never a run of other capitalised words.
func TestLeadingName(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ src, want string }{
		{"Ina Holt, education and law professor at the University of Velgrad", "Ina Holt"},
		{"former harbour master Ina Holt, who praised the mayor", "Ina Holt"},
		{"Representative Karl Brodin, Republican of Velgrad", "Karl Brodin"},
		{"the Committee for Responsible Harbours, a group", ""}, // another name's words before the run
		{"the host of Velgrad News Sunday, a weekly show", ""},  // a day is no word of a name
		{"the host of “Velgrad News,” a weekly show", ""},       // a title in quotation marks
		{"Ina Holt", ""}, // no comma: nameIn's to read
	} {
		doc := article("a", c.src+" spoke.")
		td := ta(t).Analyze(doc.Text, text.TurnLabels(doc))
		tq := &tq{x: x, doc: doc, td: td, text: doc.Text}
		core := model.NewSpan(doc.Text, 0, len(c.src))
		if got := tq.leadingName(core); got != c.want {
			t.Errorf("%q: %q, want %q", c.src, got, c.want)
		}
	}
}

// A relative clause the parse hung from the cue is no content: "attacked
// a judge whose parents …"; an indirect question after the cue's object
// is ("asked the mayor who would pay", "told the council whom …").
func TestRelativeClauseIsNoContent(t *testing.T) {
	x := newX(t)
	d := article("a", "When Ana Ruiz attacked a federal judge whose parents were born in Velgrad, Harbour voters were outraged.")
	for _, q := range extract(t, x, d, nil) {
		if strings.Contains(q.Text(), "parents were born") {
			dump(t, []model.Quote{q})
			t.Errorf("a relative clause of the object reported as what was said")
		}
	}
	for _, c := range []struct{ text, content string }{
		{"Ana Ruiz asked the mayor who would pay for the ferry.", "who would pay"},
		{"Carla Diaz told the council whom she would appoint.", "whom she would appoint"},
	} {
		found := false
		for _, q := range extract(t, x, article("a", c.text), nil) {
			found = found || strings.Contains(q.Text(), c.content)
		}
		if !found {
			t.Errorf("%q: an indirect question after the cue's object is what was said", c.text)
		}
	}
}
