package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// The speaker is the name in the phrase, not the title before it; a title
// alone names nobody unless the document named its holder before, with
// the same qualifiers and complement (it is then shown as the
// description it is, never as a name); and a resolver that answers with
// the phrase's own title words is not believed.
func TestSpeakerTitlesAndNames(t *testing.T) {
	x := newX(t)
	cases := []struct {
		name, text string
		sub        string // identifies the quote
		resolved   string // what a resolver answers for the speaker words ("" : no resolver)
		speaker    string // the name; "" when the quote names nobody
		desc       string // then, the description shown
	}{
		{"title and full name", "“The harbour will reopen on Monday,” Northland Ambassador Ines Varga told reporters.", "harbour", "", "Ines Varga", ""},
		{"resolver gives the title", "“The harbour will reopen on Monday,” Northland Ambassador Ines Varga told reporters.", "harbour", "Northland Ambassador", "Ines Varga", ""},
		{"a surname that is a function word", "“The harbour will reopen on Monday,” Northland Prime Minister Ines May told reporters.", "harbour", "", "Ines May", ""},
		{"the news frame, with a party and a day", "“The harbour will reopen on Monday,” Rep. Ines Varga (D-Northland) said Friday.", "harbour", "", "Ines Varga", ""},
		{"the news frame, the name after the cue", "“The harbour will reopen on Monday,” said Varga, whose ferry line runs from the port.", "harbour", "", "Varga", ""},
		{"a title from the person nouns", "“The harbour will reopen on Monday,” Senate Majority Leader Ines Varga said.", "harbour", "", "Ines Varga", ""},
		{"a description is shown, naming nobody", "“The harbour will reopen on Monday,” the Northland senator said.", "harbour", "", "", "Northland senator"},
		{"the possessor is someone else", "Ines Varga spoke first. “The harbour will reopen on Monday,” her campaign said.", "harbour", "", "her campaign", ""},
		{"title and surname", "Mayor Okafor said: “We will not raise the ferry fare.”", "ferry", "", "Okafor", ""},
		{"resolver gives the bare title", "Mayor Okafor said: “We will not raise the ferry fare.”", "ferry", "Mayor", "Okafor", ""},
		{"resolver agrees", "Mayor Okafor said: “We will not raise the ferry fare.”", "ferry", "Ben Okafor", "Ben Okafor", ""},
		{"role with complement", "“We are not closing the schools,” the Cabinet Secretary for Fisheries said.", "schools", "", "", "Cabinet Secretary for Fisheries"},
		{"resolver gives the complement", "“We are not closing the schools,” the Cabinet Secretary for Fisheries said.", "schools", "Fisheries", "", "Cabinet Secretary for Fisheries"},
		{"appositive name", "The Harbour Commissioner, Ines Varga, said: “The port stays open.”", "port", "", "Ines Varga", ""},
		{"title named only later", "The president of the Assembly said the vote “respects the calendar”. President Mira Solheim did not comment.", "calendar", "", "", "president of the Assembly"},
		{"resolver reaches forward", "The president of the Assembly said the vote “respects the calendar”. President Mira Solheim did not comment.", "calendar", "Mira Solheim", "", "president of the Assembly"},
		{"title with another complement", "President Mira Solheim opened the session.\n\nThe president of the Assembly said the vote “respects the calendar”.", "calendar", "", "", "president of the Assembly"},
		{"same title named before", "President Mira Solheim opened the session.\n\nThe president said the vote “respects the calendar”.", "calendar", "", "Mira Solheim", ""},
		{"title with other qualifiers", "Northland Ambassador Ines Varga spoke first.\n\nSouthland's deputy ambassador said the text “goes too far”.", "too far", "", "", "Southland's deputy ambassador"},
		{"title with the same qualifier", "Northland Ambassador Ines Varga spoke first.\n\nThe Northland ambassador said the text “goes too far”.", "too far", "", "Ines Varga", ""},
		{"a surname that is a month", "British Prime Minister Ines May said Sunday that the harbour would reopen on Monday.", "harbour", "", "Ines May", ""},
		{"a time is no speaker", "Ines Varga spoke on Tuesday. Wednesday night she said that the harbour would reopen on Monday.", "harbour", "", "Ines Varga", ""},
		{"an abbreviated title", "“The harbour will reopen on Monday,” said Del. Ines Varga of the Northland Islands.", "harbour", "", "Ines Varga", ""},
		{"a description between the name and the cue", "With 50 days to go, Ines Varga, a senior adviser to the ferry campaign, called the closure “a wake-up call” for the island.", "wake-up", "", "Ines Varga", ""},
		{"two descriptions before the cue", "“The harbour is an invasion, in our estimation, of the island's domain,” Ines Varga, the attorney general of Northland, one of the states suing the agency, said at an event this month.", "invasion", "", "Ines Varga", ""},
		{"a description and no quotation", "Ines Varga, political science professor at Northland University, described the plan as a way of lowering expectations.", "lowering", "", "Ines Varga", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := article("a", c.text)
			var res Resolver
			if c.resolved != "" {
				res = func(*model.Document, model.Span) (string, string, bool) { return c.resolved, "", false }
			}
			qs := extract(t, x, d, res)
			checkSpans(t, d, qs)
			q := find(t, qs, c.sub)
			named := q.SpeakerBy != model.SpeakerByDescription
			if c.speaker == "" && (named || q.Speaker != c.desc) || c.speaker != "" && (!named || q.Speaker != c.speaker) {
				dump(t, qs)
				t.Errorf("speaker %q by %q, want %q (description %q)", q.Speaker, q.SpeakerBy, c.speaker, c.desc)
			}
		})
	}
}

// A common noun names a source only when it can: a person, a group or
// institution, or a communication (source-nouns.txt). A thing the parse
// made a cue's subject names nobody.
func TestPhraseSourcesAreSources(t *testing.T) {
	x := newX(t)
	cases := []struct {
		text, sub, speaker string // speaker "": no speaker may contain the thing's name
		thing              string
	}{
		{"A 2014 study found that the bridge was unsafe.", "the bridge was unsafe", "study", ""},
		{"The court said that the contract was void.", "the contract was void", "court", ""},
		{"The shorter dresses showed that the designers had changed course.", "the designers had changed course", "", "dresses"},
	}
	for _, c := range cases {
		t.Run(c.thing+c.speaker, func(t *testing.T) {
			qs := extract(t, x, article("a", c.text), nil)
			for _, q := range qs {
				if c.thing != "" && strings.Contains(q.Speaker, c.thing) {
					t.Errorf("speaker %q for %q", q.Speaker, q.Text())
				}
			}
			if c.speaker == "" {
				return
			}
			for _, q := range qs {
				if strings.Contains(q.Text(), c.sub) {
					if !strings.Contains(q.Speaker, c.speaker) {
						t.Errorf("speaker %q, want one with %q", q.Speaker, c.speaker)
					}
					return
				}
			}
			t.Errorf("no quote %q in %d quotes", c.sub, len(qs))
		})
	}
}

// Coordinated sources are a group: neither is the speaker alone, and
// unnamed ones stay anonymous.
func TestCoordinatedSources(t *testing.T) {
	x := newX(t)
	for _, c := range []struct {
		text, speaker string
		anon          bool
	}{
		{"Ines Varga and Karl Brodin said that the port would stay open.", "Ines Varga and Karl Brodin", false},
		// (the parse hangs "Ines" on "Mokoena", the last word of the first name)
		{"Tendai Mokoena and Ines Varga vied for the post, each saying that the port would stay open.", "Tendai Mokoena and Ines Varga", false},
		{"Two officials and a diplomat said that the port would stay open.", "", true},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		if len(qs) != 1 {
			t.Fatalf("%q: %d quotes", c.text, len(qs))
		}
		if q := qs[0]; q.Anonymous != c.anon || c.speaker != "" && q.Speaker != c.speaker || q.SpeakerBy == "name" {
			t.Errorf("%q: speaker %q (by %q), anonymous %v; want %q, %v", c.text, q.Speaker, q.SpeakerBy, q.Anonymous, c.speaker, c.anon)
		}
	}
}

// A name that is only the possessor of the source ("Varga's former
// aide") is someone else; a phrase of time is never the source.
func TestPossessorAndTimeAreNotSpeakers(t *testing.T) {
	x := newX(t)
	for _, c := range []struct {
		text, resolved, not, want string // want "": any speaker but not
	}{
		{"Varga's former aide said that the port would stay open.", "Ines Varga", "Ines Varga", ""},
		{"Karl Brodin said Wednesday night that the port would stay open.", "", "Wednesday night", "Karl Brodin"},
	} {
		var res Resolver
		if c.resolved != "" {
			res = func(*model.Document, model.Span) (string, string, bool) { return c.resolved, "", false }
		}
		var got []string
		for _, q := range extract(t, x, article("a", c.text), res) {
			if strings.Contains(q.Text(), "port would stay open") {
				got = append(got, q.Speaker)
			}
		}
		if len(got) != 1 || got[0] == c.not || c.want != "" && got[0] != c.want {
			t.Errorf("%q: speakers %q, want one, not %q (want %q)", c.text, got, c.not, c.want)
		}
	}
}

// An unnamed source is never given a name, not even that of the person
// its words mention ("A Varga adviser, who spoke on condition of
// anonymity").
func TestAnonymousSourceGetsNoName(t *testing.T) {
	x := newX(t)
	d := article("a", "Senator Ines Varga spoke in Ohio on Monday.\n\nA Varga adviser, who spoke on the condition of anonymity to speak candidly, said of the senator, “She takes the threat very seriously and she takes seriously her role in helping unify the party.”")
	res := func(doc *model.Document, sp model.Span) (string, string, bool) {
		if strings.Contains(sp.Text, "Varga") {
			return "Ines Varga", "USALEG", false
		}
		return "", "", false
	}
	q := find(t, extract(t, x, d, res), "takes the threat")
	if !q.Anonymous || strings.Contains(q.Speaker, "Ines") || q.SpeakerCode != "" || q.SpeakerBy != "" {
		t.Errorf("speaker %q (%s, by %q), anonymous %v: want the unnamed adviser, anonymous", q.Speaker, q.SpeakerCode, q.SpeakerBy, q.Anonymous)
	}
}

// A resolver is asked about the source without its possessor: "her
// campaign" is not the woman the pronoun is.
func TestSpeakerPossessorNotAsked(t *testing.T) {
	x := newX(t)
	d := article("a", "Ines Varga spoke first. “The harbour will reopen on Monday,” her campaign said.")
	var asked []string
	res := func(doc *model.Document, sp model.Span) (string, string, bool) {
		asked = append(asked, sp.Text)
		if strings.Contains(sp.Text, "her") {
			return "Ines Varga", "", false
		}
		return "", "", false
	}
	q := find(t, extract(t, x, d, res), "harbour")
	if q.Speaker == "Ines Varga" {
		t.Errorf("speaker %q: the possessor (asked %q)", q.Speaker, asked)
	}
}

// "it" and "they" as a cue's subject are the group or body that is the
// nearest subject before them in the sentence, when the number agrees;
// never a person, a thing of someone's, or a subject of the other number.
func TestSpeakerGroupPronouns(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, want string }{
		{"The harbour board met on Monday, and it said that the port would reopen in May.", "harbour board"},
		{"Ferry operators met on Monday, and they said that the port would reopen in May.", "Ferry operators"},
		{"The minister met on Monday, and it said that the port would reopen in May.", ""},
		{"Ines Varga's committee met on Monday, and it said that the port would reopen in May.", ""},
		{"The harbour board met on Monday, and they said that the port would reopen in May.", ""},
		// a pronoun opening its sentence: the subject of the sentence before
		{"Ferry operators have expressed deep concern about the fare. They said that the port would reopen in May.", "Ferry operators"},
		{"The harbour report came out on Monday. It said the port would reopen in May.", "harbour report"},
		{"Ferry operators have expressed deep concern about the fare.\n\nThey said that the port would reopen in May.", ""},
		{"Ines Varga has expressed deep concern about the fare. They said that the port would reopen in May.", ""},
		{"The fare was raised by ferry operators. They said that the port would reopen in May.", ""},
		{"Ferry operators have expressed deep concern about the fare. In March they said that the port would reopen in May.", ""},
	} {
		q := find(t, extract(t, x, article("a", c.text), nil), "port would reopen")
		if q.Speaker != c.want {
			t.Errorf("%q: speaker %q (by %q), want %q", c.text, q.Speaker, q.SpeakerBy, c.want)
		}
	}
}

// "X said he …" gives "he" to X, whatever the resolver or the quote
// before say; a "he" after a quotation is not the man the quotation
// names; a form of address the text layer knows ("Gov.") is no part of
// the name.
func TestSpeakerPronounRules(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, sub, resolved, want string }{
		{"Karl Brodin spoke first. Ines Varga, a lawyer, said she hopes the ferry will run again in May.", "ferry will run", "Karl Brodin", "Ines Varga"},
		{"The port reopened.\n\n“Nobody sings for the port. Brodin had a band,” he said.", "Nobody sings", "Karl Brodin", ""},
		{"Northland Gov. Ines Varga spoke. She said that the ferry would run again in May.", "ferry would run", "", "Ines Varga"},
		{"Lt. Gen. Karl Brodin, a port adviser, said that the ferry would run again in May.", "ferry would run", "", "Karl Brodin"},
	} {
		var res Resolver
		if c.resolved != "" {
			res = func(*model.Document, model.Span) (string, string, bool) { return c.resolved, "", false }
		}
		q := find(t, extract(t, x, article("a", c.text), res), c.sub)
		if q.Speaker != c.want {
			t.Errorf("%q: speaker %q (by %q), want %q", c.text, q.Speaker, q.SpeakerBy, c.want)
		}
	}
}

// A pronoun with another name's clause between it and the person it would
// be given to may be either of them: the quote names nobody.
func TestPronounAfterAnotherNamesNobody(t *testing.T) {
	x := newX(t)
	text := "Ines Varga said Karl Brodin was “absolutely right” when he said Wednesday night that under the old mayor, “the harbour has been reduced to rubble.”"
	q := find(t, extract(t, x, article("a", text), nil), "rubble")
	if q.Speaker != "" {
		t.Errorf("speaker %q by %q, want none", q.Speaker, q.SpeakerBy)
	}
	// with no other name between, the pronoun is the speaker before
	q = find(t, extract(t, x, article("a", "Ines Varga spoke first. Later she said that “the harbour has been reduced to rubble.”"), nil), "rubble")
	if q.Speaker != "Ines Varga" {
		t.Errorf("speaker %q by %q, want Ines Varga", q.Speaker, q.SpeakerBy)
	}
}

// A description set off by commas after a name, which the parse may read
// as a conjunct ("Senator X, Democrat of Y"), is no second source: the
// name is the speaker, and the source words take in the description.
func TestDescriptionReadAsConjunct(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, speaker, source string }{
		{"Senator Ines Varga, Democrat of Northland, said the harbour scheme has sent a terrible message to millions of fishermen.",
			"Ines Varga", "Senator Ines Varga, Democrat of Northland"},
		{"Rep. Karl Brodin, the top Democrat on the House Fisheries Committee, urged President Osei to retaliate against Southland.",
			"Karl Brodin", "Rep. Karl Brodin, the top Democrat on the House Fisheries Committee"},
		// a real coordination stays a group
		{"Ines Varga, Karl Brodin and Ana Ruiz said that the port would stay open.", "Ines Varga, Karl Brodin and Ana Ruiz", ""},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		if len(qs) != 1 {
			t.Fatalf("%q: %d quotes", c.text, len(qs))
		}
		q := qs[0]
		src := ""
		if len(q.Sources) > 0 {
			src = q.Sources[0].Text
		}
		if q.Speaker != c.speaker || c.source != "" && src != c.source {
			t.Errorf("%q: speaker %q, source %q; want %q, %q", c.text, q.Speaker, src, c.speaker, c.source)
		}
	}
}

// A name headed by its title, with the description hung on the name's
// first word (a parse another model gives: "Rep." the subject, "Karl"
// and "Brodin" its flat words, the apposition and its nmod on "Karl"),
// is still the speaker: what hangs on a word of the name is not part of
// it.
func TestNameHeadedByItsTitle(t *testing.T) {
	x := newX(t)
	text := "Rep. Karl Brodin, the top Democrat on the House Fisheries Committee, urged President Osei to retaliate against Southland."
	heads := []int{13, 0, 1, 6, 6, 6, 1, 11, 11, 10, 11, 1, 0, -1, 15, 13, 17, 13, 19, 17, 13}
	rels := []string{"nsubj", "flat", "flat", "punct", "det", "amod", "conj", "case", "det", "compound", "compound", "nmod", "punct",
		"root", "nmod:desc", "iobj", "mark", "xcomp", "case", "obl", "punct"}
	doc, td := placedParse(t, text, heads, rels)
	qs := x.Extract(doc, td, nil)
	if len(qs) != 1 || qs[0].Speaker != "Karl Brodin" {
		dump(t, qs)
		t.Errorf("want one quote by Karl Brodin")
	}
}

// A noun that the parse gives a copula or a subject of its own is the
// predicate of a misread clause, never the speaker.
func TestPredicateIsNoSpeaker(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"While he acknowledged funding was a major reason he felt demoralized serving under Osei, Varga also noted several “intangibles” left him further disillusioned.",
		"Brodin later told Radio Northland that the video was not from an angle that would show a knife in Ruiz's hand, but he said witnesses saw a knife.",
	} {
		for _, q := range extract(t, x, article("a", text), nil) {
			for _, w := range []string{"reason", "angle", "video"} {
				if strings.Contains(q.Speaker, w) {
					t.Errorf("%q: quote %q given to %q", text, q.Contents[0].Text, q.Speaker)
				}
			}
		}
	}
}

// The words that name a source leave out a time the parse hangs on them
// ("the Council on Friday") and the word that introduces them ("as").
func TestSourceWordsWithoutTimeOrMarker(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		`The Orlen Security Council on Friday made a strong condemnation of the test and pledged to impose further sanctions as a deterrence to what it called "a clear threat to international peace and security."`,
		`The Northland Times on Saturday reported that Varga had claimed a loss of $916 million in 1995.`,
	} {
		qs := extract(t, x, article("a", text), nil)
		if len(qs) == 0 {
			t.Fatalf("%q: no quote", text)
		}
		for _, q := range qs {
			if strings.Contains(q.Speaker, "day") || strings.HasPrefix(q.Speaker, "as ") {
				t.Errorf("%q: quote %q given to %q", text, q.Contents[0].Text, q.Speaker)
			}
		}
	}
}

// Words with a finite verb that the parse joins as two sources are two
// clauses, not a group: the quote names nobody.
func TestClausesAreNoGroup(t *testing.T) {
	x := newX(t)
	text := "The endeavors could offer a retort to both Liberals and Greens, who have questioned Northland's reliance on Southland for defense."
	for _, q := range extract(t, x, article("a", text), nil) {
		if strings.Contains(q.Speaker, "could") || strings.Contains(q.Speaker, "endeavors") {
			t.Errorf("quote %q given to %q", q.Contents[0].Text, q.Speaker)
		}
	}
}

// "C, according to X." closing a sentence reports all of C, whatever the
// parse hangs X on, and X's words start after "according to".
func TestAccordingToClosingASentence(t *testing.T) {
	x := newX(t)
	text := "Police have said they have no immediate plans to release two recordings of the shooting, one captured by a police dashboard camera and another by a body camera worn by an officer at the scene, according to attorneys for the Varga family."
	for _, q := range extract(t, x, article("a", text), nil) {
		if q.Rule != RuleAccordingTo {
			continue
		}
		src := ""
		if len(q.Sources) > 0 {
			src = q.Sources[0].Text
		}
		if src != "attorneys for the Varga family" || !strings.HasPrefix(q.Contents[0].Text, "Police have said") {
			t.Errorf("source %q, content %q; want the attorneys and all before the comma", src, q.Contents[0].Text)
		}
		return
	}
	t.Errorf("no according-to quote in %q", text)
}

// A title the parse hangs before the name after "according to" is the
// name's: the source is the named person, not an unnamed spokesman.
func TestAccordingToTitleAndName(t *testing.T) {
	x := newX(t)
	text := "The harbour museum alone opened its doors to some 40  events, according to  spokesman Karl Brodin."
	q := find(t, extract(t, x, article("a", text), nil), "40  events")
	if q.Anonymous || q.Speaker != "Karl Brodin" {
		t.Errorf("speaker %q, anonymous %v: want Karl Brodin, named", q.Speaker, q.Anonymous)
	}
}

// A group of which one is named is not an unnamed source ("Cruz and his
// aides said …").
func TestGroupWithANameIsNotAnonymous(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"Ines Varga and two of her aides said that the port would stay open.",
		"Senator Karl Brodin and his aides said that the port would stay open.",
		"Brodin and his aides said that the port would stay open.",
		// some of the group named: "including"
		"Some observers, including Velgrad University professor Ines Varga, said that the port would stay open.",
		"Harbour officials — including Port Director Karl Brodin and Deputy Director Ines Varga — said that the port would stay open.",
	} {
		qs := extract(t, x, article("a", text), nil)
		if len(qs) == 0 {
			t.Errorf("%q: no quote: the test tests nothing", text)
		}
		for _, q := range qs {
			if q.Anonymous {
				t.Errorf("%q: anonymous (speaker %q by %q)", text, q.Speaker, q.SpeakerBy)
			}
		}
	}
	// but not a group named only by whom it works for
	for _, q := range extract(t, x, article("a", "Some officials close to Ines Varga said that the port would stay open."), nil) {
		if !q.Anonymous {
			t.Errorf("officials close to a named person: not anonymous (speaker %q by %q)", q.Speaker, q.SpeakerBy)
		}
	}
}

// "…,” as X put it" gives the quotation to X, however the parse hangs the
// cue, and never to the subject of the clause the quotation is part of;
// X's words end before the cue.
func TestAsXPutIt(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct{ text, speaker, source string }{
		{`A number of other members of the council echo his worries, in large part because while most ferry operators must meet safety or crew requirements, the main requirement for the new licence is a "steady source of private income," as a Transport Ministry memo put it.`, "Transport Ministry memo", "a Transport Ministry memo"},
		{`While most ports stay open, the new tax is "a disaster for the middle class," as Senator Ines Varga said on Monday.`, "Ines Varga", "Senator Ines Varga"},
	} {
		qs := extract(t, x, article("a", tc.text), nil)
		if len(qs) != 1 {
			t.Errorf("%q: %d quotes, want 1", tc.text, len(qs))
			continue
		}
		q := qs[0]
		src := ""
		if len(q.Sources) > 0 {
			src = q.Sources[0].Text
		}
		if q.Speaker != tc.speaker || src != tc.source {
			t.Errorf("%q: speaker %q (source %q), want %q (%q)", tc.text, q.Speaker, src, tc.speaker, tc.source)
		}
	}
}

// A cue with no subject of its own may take the nearest subject before it
// only when that subject can name a source: "the move against X" cannot,
// and X is not the speaker of X's attorney's warning.
func TestNearestSubjectMustNameASource(t *testing.T) {
	x := newX(t)
	text := "The committee voted 19-15 along party lines to send a contempt resolution to the full chamber. The move against Brodin took place despite repeated warnings from his attorney that the showdown was fruitless since the engineer would refuse to answer any questions."
	qs := extract(t, x, article("a", text), nil)
	if len(qs) == 0 {
		t.Fatalf("no quote in %q: the test checks nothing", text)
	}
	for _, q := range qs {
		for _, s := range q.Sources {
			if strings.Contains(s.Text, "move") || strings.Contains(s.Text, "Brodin") {
				t.Errorf("quote %q: source %q (speaker %q)", q.Contents[0].Text, s.Text, q.Speaker)
			}
		}
	}
}

// A cue after a quotation in a clause of time with a subject of its own
// ("when Y blasted him") is not the quotation's: the one the footage shows
// saying it is its speaker. A clause with no subject of its own shares the
// speaker ("…,” X sings before asking her"). Footage of X asking is X's
// words, not the words of the ad that uses it.
func TestSubordinateCueAfterQuotation(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct{ text, quote, speaker string }{
		{`The spot concludes with footage of Varga saying during the debate last week, "That makes me smart," when Brodin blasted him for not paying income tax.`, "That makes me smart", "Varga"},
		{`A new ad from the campaign is seizing on recent comments. The ad uses footage of Ines Varga asking, “Why aren’t I 50 points ahead, you might ask?”`, "Why aren’t I 50 points ahead, you might ask?", "Ines Varga"},
		{`“Keep your hands in sight,” Ruiz sings to the crowd before asking them, “Where do we go from here?”`, "Keep your hands in sight", "Ruiz"},
	} {
		found := false
		for _, q := range extract(t, x, article("a", tc.text), nil) {
			if q.Contents[0].Text != tc.quote {
				continue
			}
			found = true
			if q.Speaker != tc.speaker {
				t.Errorf("%q: speaker %q, want %q", tc.quote, q.Speaker, tc.speaker)
			}
		}
		if !found {
			t.Errorf("no quote %q in %q", tc.quote, tc.text)
		}
	}
}

// A name written straight before a cue, after a comma, is its subject
// whatever the parse makes of the clause before ("…, Mark Z. Barabak
// noted that …" parsed as a complement of "won", whose subject Pence
// then spoke); a clause of result after the cue ("tells so many lies
// that …") is not what was said.
func TestNameBeforeCueAndResultClause(t *testing.T) {
	x := newX(t)
	text := "Writing for a New Harbor Times panel that all agreed Kemp won the debate, Paul R. Osei noted that the way Kemp carried himself was critical to his success. Brodin further asserted that Kemp tells so many lies that Ruiz could risk deviating from her own message to fact check him."
	var got []string
	for _, q := range extract(t, x, article("a", text), nil) {
		got = append(got, q.Speaker+": "+q.Contents[0].Text)
		if strings.HasPrefix(q.Contents[0].Text, "the way Kemp") && q.Speaker != "Paul R. Osei" {
			t.Errorf("%q: speaker %q, want Paul R. Osei", q.Contents[0].Text, q.Speaker)
		}
		if strings.HasPrefix(q.Contents[0].Text, "Ruiz could risk") {
			t.Errorf("a clause of result reported as speech (speaker %q)", q.Speaker)
		}
	}
	if len(got) != 2 {
		t.Errorf("quotes %q, want two (Osei's and Brodin's)", got)
	}
}

// A name opening its clause right before the cue, with a time between
// ("…, Brodin on Tuesday said"), is the speaker even when the parse
// made a common noun before it the cue's subject.
func TestNameWithTimeBeforeCue(t *testing.T) {
	x := newX(t)
	text := "Based on the evidence of a New Harbor Times article founded upon one piece of the Republican presidential nominee’s 1995 state tax return, Brodin on Tuesday said he wants to attack four provisions in the tax code."
	qs := extract(t, x, article("a", text), nil)
	if len(qs) == 0 {
		t.Fatalf("no quote in %q", text)
	}
	for _, q := range qs {
		if q.Speaker != "Brodin" {
			t.Errorf("%q: speaker %q, want Brodin", q.Contents[0].Text, q.Speaker)
		}
	}
}

// A quotation on a line of its own signed by a dash and a full name is
// that person's (a vox pop); a dash inside a sentence, or one word after
// it, signs nothing.
func TestDashByline(t *testing.T) {
	x := newX(t)
	text := "Voices from the port.\n\n“We need a plan and we need it now.” ― Ana Z. Ruiz\n“Nothing good will come of this.” —\u00a0Karl Brodin.\u00a0\n\nIt was “a good start” — Then Came Winter.\n\n“It will pass.” — Reuters\n\n“The port stays shut.” — Ines Varga, harbour master\n"
	got := map[string]string{}
	for _, q := range extract(t, x, article("a", text), nil) {
		got[q.Contents[0].Text] = q.Speaker
	}
	want := map[string]string{
		"We need a plan and we need it now.": "Ana Z. Ruiz",
		"Nothing good will come of this.":    "Karl Brodin",
	}
	for c, sp := range want {
		if got[c] != sp {
			t.Errorf("%q: speaker %q, want %q (all: %q)", c, got[c], sp, got)
		}
	}
	for _, c := range []string{"a good start", "It will pass.", "The port stays shut."} {
		if sp, ok := got[c]; ok {
			t.Errorf("%q given to %q", c, sp)
		}
	}
}

// A surname completed from the document's full name leaves out the titles
// before it ("Air Force Gen. Karl Brodin" → "Karl Brodin").
func TestCompletedNameHasNoTitle(t *testing.T) {
	x := newX(t)
	text := "Retired Air Force Gen. Karl Brodin spoke on Monday. Brodin said the cuts hurt the army."
	qs := extract(t, x, article("a", text), nil)
	if len(qs) != 1 || qs[0].Speaker != "Karl Brodin" {
		var got []string
		for _, q := range qs {
			got = append(got, q.Speaker)
		}
		t.Errorf("speakers %q, want one quote by Karl Brodin", got)
	}
}

// "Donald Brodin’s campaign is defending …", parsed as two subjects
// ("Donald" and "Brodin’s campaign"), is the campaign’s, and the given
// name is part of its phrase.
func TestNameBeforePossessivePhraseIsPartOfIt(t *testing.T) {
	x := newX(t)
	text := "Donald Brodin’s campaign is defending his early-morning tweets, saying they were fair."
	qs := extract(t, x, article("a", text), nil)
	if len(qs) == 0 {
		t.Fatalf("no quote in %q: the test checks nothing", text)
	}
	for _, q := range qs {
		if q.Speaker != "Donald Brodin’s campaign" {
			t.Errorf("%q: speaker %q, want the campaign", q.Contents[0].Text, q.Speaker)
		}
	}
}

// "X allowed Y to think that …": Y thinks it, not X (the object of the
// verb above an open complement is who does what it says); and a name
// opening a clause after "since", set off from its cue by a phrase
// between commas, is the cue's subject, not the subject of the clause
// before.
func TestControllerAndNameAfterSubordinator(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct{ text, content, notSpeaker string }{
		{"Dr. Ana Ruiz said that in 1998, Varga allowed her staff and the general public to think that the issues she had with her leg were due to a pulled muscle.", "the issues she had", "Varga"},
		{"Varga has been targeting Okafor since Ruiz, at Monday’s debate, cited derogatory comments Varga had made about Okafor after she gained weight.", "derogatory comments", "Varga"},
	} {
		found := false
		for _, q := range extract(t, x, article("a", tc.text), nil) {
			if !strings.HasPrefix(q.Contents[0].Text, tc.content) {
				continue
			}
			found = true
			if strings.Contains(q.Speaker, tc.notSpeaker) {
				t.Errorf("%q: speaker %q", q.Contents[0].Text, q.Speaker)
			}
		}
		if !found {
			t.Errorf("no quote %q… in %q", tc.content, tc.text)
		}
	}
}

// Cues the parse left without a subject: a full name in apposition right
// before the cue ("one of the family's attorneys, Karl Brodin, said"),
// a noun phrase made the root with the cue as its conjunct ("Political
// observers … say"), a name after a determiner set off by an aside
// ("Some Democrats, however, question").
func TestSubjectsTheParseLost(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct{ text, source string }{
		{"In a statement, one of the family's attorneys, Karl Brodin, said the videos show Varga calmly leaving his car when asked to do so by police.", "Karl Brodin"},
		// a surname that is also a word of time
		{"In a statement, one of the family's attorneys, Theresa May, said the videos show Varga calmly leaving his car when asked to do so by police.", "Theresa May"},
		{"Political observers in Virginia and around the country say Varga deserves the right of first refusal.", "Political observers in Virginia and around the country"},
		{"Some Democrats, however, question the wisdom of committing to Varga, who has never faced a competitive reelection race.", "Some Democrats"},
	} {
		qs := extract(t, x, article("a", tc.text), nil)
		if len(qs) == 0 {
			t.Errorf("no quote in %q", tc.text)
			continue
		}
		q := qs[0]
		if len(q.Sources) == 0 || q.Sources[0].Text != tc.source {
			t.Errorf("%q: sources %v, want %q", tc.text, q.Sources, tc.source)
		}
	}
}

// Read on PolNeAR's train articles after this session's rules: a verb of
// saying the lemmatizer does not know ("tweeted") is a cue; a
// subordinating word inside the quotation does not make the cue after it
// a clause of time ("…, even though he is,” said X"); ", and," is no
// description of the name before it; a predicate ("She's a supporter but
// concedes that") keeps its subject; a verb whose object is no
// controller ("organizations that have endorsed him say") does not give
// the object the words. Sixteenth session: a cue right after the comma
// that closes a "whose" clause after a name is the name's, when the parse
// makes it a conjunct of that clause's verb; a bare participle of a cue
// after the word that opens its clause is in the passive, its "by"
// phrase the source ("as described by X"); a cue with a that-clause of
// its own, coordinated with the verb of what a cue before it reports, is
// that cue's partner; a subject the parse hung on a day before the cue as
// its apposition is the cue's; a participle inside what a cue after it
// reports is the reported subject's, not the cue's; a participle right
// after a name it describes is the name's ("featuring Hispanics telling
// …").
func TestRulesReadOnTrain(t *testing.T) {
	x := newX(t)
	for _, tc := range []struct{ text, content, speaker string }{
		{"“She did it again and I’ll say it again. It’s misleading to imply that the second bill was an auto bailout bill,” Brodin tweeted after Varga argued for the second consecutive debate that “if everyone had voted as he voted, we would not have rescued the auto industry.”", "She did it again", "Brodin"},
		{"''I don't think that Latinos in Texas think that he identifies strongly enough as a Latino himself, even though he is,'' said Karl Brodin, a Texas media consultant.", "I don't think", "Karl Brodin"},
		{"On Sunday, Pastor Karl Brodin stood at his pulpit in Burlington, Iowa, and, citing Exodus 18:21 (''select out of all the people able men who fear God ... as leaders''), endorsed Senator Ines Varga of Texas.", "select out of all", "Karl Brodin"},
		{"Varga’s only path to the nomination is now to convince the superdelegates. But progressive organizations that have endorsed him say they believe superdelegates should choose the candidate who won the most pledged delegates.", "they believe superdelegates", "progressive organizations"},
		{"\"It's according to age groups,\" said Ana Ruiz, 66, a retired fast-food worker who lives in Lake City. She's a Varga supporter but concedes that most of her peers love the Brodins from their two terms in office.", "most of her peers", "Ana Ruiz"},
		{"Mr. Varga, whose narrow third-place finish was widely seen as a disappointment, said that he was the lone candidate who has shown an ability to beat Mr. Adler.", "he was the lone candidate", "Varga"},
		{"From her failure to secure the port to being “extremely careless” in the handling of the levy – as described by Ines Varga – the mayor has been criticized.", "extremely careless", "Ines Varga"},
		{"Ines Varga conceded that Adler had touched the reporter but implied that it was the reporter's fault for grabbing at the candidate.", "it was the reporter's fault", "Ines Varga"},
		{"Ines Varga unveiled her first Spanish-language campaign ad, featuring Hispanics telling their family stories and criticizing Adler’s immigration proposals.", "Adler’s immigration proposals", "Hispanics"},
		{"Her liberal friends have mocked Adler’s rhetoric-heavy campaign, calling Adler “an orange buffoon,” Varga said as she turned around.", "an orange buffoon", "liberal friends"},
		{"Former Gov. Ines Varga had been scheduled to attend the event in Arlo, Velg., but on Thursday, the Republican Party of Norland announced she wasn’t coming.", "she wasn’t coming", "Party"},
	} {
		found := false
		for _, q := range extract(t, x, article("a", tc.text), nil) {
			if !strings.HasPrefix(q.Text(), tc.content) {
				continue
			}
			found = true
			if !strings.HasSuffix(q.Speaker, tc.speaker) {
				t.Errorf("%q: speaker %q, want %q", tc.content, q.Speaker, tc.speaker)
			}
		}
		if !found {
			t.Errorf("no quote %q… in %q", tc.content, tc.text)
		}
	}
}

// A cue coordinated, by a misparse, with a verb inside a quotation that a
// clause outside it reports does not take that verb's subject: the words
// quoted are what was said. A whole sentence in quotation marks keeps its
// own subject.
func TestSubjectInsideQuotationIsNoSource(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, sub, want string }{
		{"The Harbour Review claimed “Varga exaggerates” the level of youth unemployment through a “misleading use of statistics,” and concluded her comments were “Mostly False.”", "Mostly False", "Harbour Review"},
		{"Brodin spoke on Monday.\n\n\"Northland's Ines Varga ridiculed that assessment as “political theatre” and said, “He felt the need to point him out because he was in the crowd.”", "He felt the need", "Ines Varga"},
	} {
		q := find(t, extract(t, x, article("a", c.text), nil), c.sub)
		if q.Speaker != c.want {
			t.Errorf("%q: speaker %q (by %q), want %q", c.text, q.Speaker, q.SpeakerBy, c.want)
		}
	}
}

// A cue right after the quotation it reports takes the person after it
// as its speaker even when the parse reads them as its object, never a
// word of the quotation; a relative clause of that speaker the parse
// joins to the cue still says the speaker withholds their name.
func TestSpeakerAfterQuotationParsedAsObject(t *testing.T) {
	x := newX(t)
	q := find(t, extract(t, x, article("a", "The response was fast and fierce. ''Whoever opens the borders and supports uncontrolled immigration, giving terrorists free run, has no place pretending here!'' wrote a man calling himself Karl Brodin."), nil), "Whoever opens")
	if q.Speaker != "man" {
		t.Errorf("speaker %q (by %q), want the man after the cue", q.Speaker, q.SpeakerBy)
	}
	q = find(t, extract(t, x, article("a", "“The port will not reopen before the vote,” said a longtime adviser to Varga, who declined to be identified."), nil), "The port will not")
	if !q.Anonymous {
		t.Errorf("speaker %q (by %q): want an unnamed source", q.Speaker, q.SpeakerBy)
	}
}

// The name between a quotation and its cue is the speaker even when it
// is also an adjective ("Sharp", "Cuban"), and the quotation's last words
// are not the name's ("… so we are,” Carr said" parsed as "we are
// Carr").
func TestSpeakerNameAfterQuotation(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, sub, want string }{
		{"“But if it wasn’t for his generosity, his kind heart, he didn’t know us from Burke County at all,” Sharp said.", "But if it wasn", "Sharp"},
		{"“From an entrepreneur’s perspective, it’s a big deal,” Cuban said.", "From an entrepreneur", "Cuban"},
		{"\"I don't think they are talking about those things at the convention, so we are,\" Carr said.", "I don't think", "Carr"},
	} {
		q := find(t, extract(t, x, article("a", c.text), nil), c.sub)
		if q.Speaker != c.want {
			t.Errorf("%q: speaker %q (by %q), want %q", c.text, q.Speaker, q.SpeakerBy, c.want)
		}
	}
}

// A cue coordinated with a passive verb takes its subject only if it can
// be someone: "he was arrested and said" is his, "the video should be
// released but said" is not the video's.
func TestPassiveSubjectSpeaksOnlyIfSomeone(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, sub, want string }{
		{"Mayor Ines Varga said Friday that she thinks the video should be released but said “the question is the timing.”", "the question is the timing.", "Ines Varga"},
		{"Karl Brodin was arrested on Monday and said “I did nothing wrong.”", "I did nothing wrong.", "Karl Brodin"},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		var q *model.Quote
		for i := range qs {
			if qs[i].Direct && qs[i].Text() == c.sub {
				q = &qs[i]
			}
		}
		if q == nil {
			dump(t, qs)
			t.Fatalf("%q: no quotation %q", c.text, c.sub)
		}
		if q.Speaker != c.want {
			t.Errorf("%q: speaker %q (by %q), want %q", c.text, q.Speaker, q.SpeakerBy, c.want)
		}
	}
}

// "allowed her staff to think that …" is the staff's thought even when
// the parse hangs the infinitive as an adverbial clause and reads "her"
// as a second object.
func TestControllerOfAnInfinitiveClause(t *testing.T) {
	x := newX(t)
	text := "Dr. Ana Ruiz said that in 1998, Varga allowed her staff to think that the issues she had with her leg were due to a pulled muscle."
	found := false
	for _, q := range extract(t, x, article("a", text), nil) {
		if strings.HasPrefix(q.Text(), "the issues she had") {
			found = true
			if q.Speaker != "staff" {
				t.Errorf("speaker %q (by %q), want the staff", q.Speaker, q.SpeakerBy)
			}
		}
	}
	if !found {
		t.Errorf("no quote of what the staff thought in %q", text)
	}
}

// A "she" whose sentence names, before it, a woman other than the
// speaker that the earlier rules would give, and a speaker of no known
// gender, is nobody's; nor is a pronoun after a name its sentence governs
// as an object.
func TestPronounWithAnotherOfItsGender(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, quote, notSpeaker string }{
		{"Chris Varga described Hillary Okafor as a “disgrace” after she attacked the ferry captains and blamed the delays on “poor planning” at the port.", "poor planning", "Chris Varga"},
		{"Kim Varga spoke first. Later Varga thanked Pat Brodin before he said that “the harbour has been reduced to rubble.”", "rubble", "Kim Varga"},
	} {
		qs := extract(t, x, article("a", "Karl Brodin runs the port. "+c.text), nil)
		q := find(t, qs, c.quote)
		if q.Speaker == c.notSpeaker {
			dump(t, qs)
			t.Errorf("%q: speaker %q by %q", c.text, q.Speaker, q.SpeakerBy)
		}
	}
}

// A person the text does not name, speaking between a named speaker
// and a pronoun, is whom the pronoun may mean: the pronoun does not
// reach past them to the older name ("said the woman, who did not want
// to be named. “…,” she said").
func TestPronounDoesNotSkipAnUnnamedSpeaker(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"“This is little Harrowgate!” said Ana Ruiz, a waitress at the harbour café.\n\n“One man came in and shouted at us,” said the woman, who did not want to be named. “Too much hate,” she said.",
		"“This is little Harrowgate!” said Ana Ruiz, a waitress at the harbour café.\n\n“One man came in and shouted at us,” said the cashier. “Too much hate,” she said.",
		"Ana Ruiz spoke at the pier on Monday. A cashier who works near the pier said she was shaken by the talk, and she said that “there is too much hate.”",
		"Ana Ruiz spoke at the pier on Monday.\n\nThe cashier was shaken. Later she said that “there is too much hate.”",
	} {
		qs := extract(t, x, article("a", text), nil)
		if q := find(t, qs, "oo much hate"); q.Speaker == "Ana Ruiz" {
			dump(t, qs)
			t.Errorf("%q: speaker %q by %q, want not Ana Ruiz", text, q.Speaker, q.SpeakerBy)
		}
	}
}

// "X, who thinks …, called …": the parser may coordinate the cue with
// the verb of the relative clause; the speaker is X, not that verb's
// subject.
func TestCueAfterRelativeClauseIsTheAntecedents(t *testing.T) {
	x := newX(t)
	text := "Still, Varga, who thinks the Okafor administration made a power grab with its education policies, called the new law “much, much better” than No Child Left Behind, since it returns more responsibility to the states."
	qs := extract(t, x, article("a", text), nil)
	var q *model.Quote
	for i := range qs {
		if qs[i].Cue != nil && qs[i].Cue.Text == "called" {
			q = &qs[i]
		}
	}
	if q == nil || !strings.Contains(q.Speaker, "Varga") {
		dump(t, qs)
		t.Errorf("the quote of \"called\" is not Varga's")
	}
}

// A capitalised word the tag sets disagree on (adjective and proper
// noun) before a proper noun is part of the name: "the Associated
// Press", not "Press".
func TestAdjectiveInAName(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, speaker string }{
		{"The Associated Press reported that the ferry count was final.", "Associated Press"},
		{"The International Monetary Fund said it is lowering its forecast for Harrowgate's growth this year.", "International Monetary Fund"},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		if len(qs) != 1 || qs[0].Speaker != c.speaker {
			dump(t, qs)
			t.Errorf("%q: want one quote by %q", c.text, c.speaker)
		}
	}
}

// A pronoun whose own sentence names someone before it, whom the parse
// made no subject, is not an older name of the sentence before.
func TestPronounDoesNotPassANameOfItsSentence(t *testing.T) {
	x := newX(t)
	text := "Tom Varga, who was black, was shot and killed by a police officer after he allegedly brandished a pistol during a run-in with officers.\n\n" +
		"Christie, who has campaigned heavily for GOP nominee Jo Poe since he suspended his own presidential campaign in February, blasted Ruiz as a “disgrace” Wednesday on The Ana Okafor Show."
	qs := extract(t, x, article("a", text), nil)
	for _, q := range qs {
		if strings.Contains(q.Speaker, "Varga") {
			dump(t, qs)
			t.Errorf("%q is Tom Varga's", q.Text())
		}
	}
}

// "X, who, after …, said …" parsed with the relative clause as a
// conjunct of the main one: "who" still stands for X.
func TestWhoAfterANameIsTheName(t *testing.T) {
	x := newX(t)
	text := "First there was The Harrowgate Journal's deputy editorial page editor Lena Okafor, who, after trading insults with Mr. Varga over Mr. Poe, said on the island show ''Morning Tide'' that ''too much of the council became an echo chamber of itself.''"
	qs := extract(t, x, article("a", text), nil)
	q := find(t, qs, "echo chamber")
	if q.Speaker != "Lena Okafor" {
		dump(t, qs)
		t.Errorf("speaker %q by %q, want Lena Okafor", q.Speaker, q.SpeakerBy)
	}
	// not a place after a preposition
	text = "The change in approach from Okafor is likely to placate nervous Democrats on Capitol Hill, who have argued that it helps down-ballot when Varga is painted as a greedy Republican."
	for _, q := range extract(t, x, article("a", text), nil) {
		if strings.Contains(q.Speaker, "Hill") {
			t.Errorf("%q is %q's", q.Text(), q.Speaker)
		}
	}
}

// A cue with an object of its own reports nothing before it: "…, who
// answered her door Sunday afternoon" is no attribution of the words
// before.
func TestTrailingCueWithAnObject(t *testing.T) {
	x := newX(t)
	text := "The ferry will run again next week, said Tom Varga, who answered her door Sunday afternoon."
	for _, q := range extract(t, x, article("a", text), nil) {
		if q.Cue != nil && q.Cue.Text == "answered" {
			t.Errorf("a quote of %q: %q", q.Cue.Text, q.Text())
		}
	}
	text = "“This is one of Ana’s friends from sixth grade,” Tom told Annette Varga, who answered her door Sunday afternoon and said she planned to caucus for Okafor."
	for _, q := range extract(t, x, article("a", text), nil) {
		if q.Cue != nil && q.Cue.Text == "answered" {
			t.Errorf("a quote of %q: %q", q.Cue.Text, q.Text())
		}
	}
}

// A day the parse made the subject of the cue says when, not who: the
// subject of the verb before it is the source ("the order released
// Friday said"), or there is none.
func TestDayIsNoSource(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, speaker string }{
		{"Varga's “assertion that the information retains any commercial value is speculative given the lack of any support,” the order released Friday said.", "order"},
		{"The latest Harrowgate opinion poll released Friday shows that in a head-to-head contest, Varga leads Okafor by 43 percent to 38 percent.", "poll"},
	} {
		qs := extract(t, x, article("a", c.text), nil)
		if len(qs) == 0 || !strings.Contains(qs[0].Speaker, c.speaker) || strings.Contains(qs[0].Speaker, "Friday") {
			dump(t, qs)
			t.Errorf("%q: want the %s's", c.text, c.speaker)
		}
	}
}

// A cue between two dashes before a quotation is an aside's, not the
// quotation's frame: "— but Harrowgate strongly denies — “…?” asked
// Dunn" is Dunn's. A dash with no cue inside the pair still introduces
// one ("X said -- “…”").
func TestCueInsideDashesIsNoFrame(t *testing.T) {
	x := newX(t)
	text := "If Northland is indeed attempting to destabilize Varga’s candidacy through the widespread digital assault on the party — as many researchers believe, and the party is alleging, but Harrowgate strongly denies — “why wouldn’t you want to raise the potential for tampering?” asked Jo Dunn, now a partner at a firm."
	qs := extract(t, x, article("a", text), nil)
	q := find(t, qs, "tampering")
	if !strings.Contains(q.Speaker, "Dunn") {
		dump(t, qs)
		t.Errorf("speaker %q, want Dunn", q.Speaker)
	}
	text = "Yet, as Mr. Okafor observed, in the early days of a Varga administration -- when he would not be worried about re-election -- ''what products would you pick?''"
	qs = extract(t, x, article("a", text), nil)
	if q := find(t, qs, "what products"); !strings.Contains(q.Speaker, "Okafor") {
		dump(t, qs)
		t.Errorf("speaker %q, want Okafor", q.Speaker)
	}
}

// Reaching back to the sentence before, a pronoun means its main
// subject rather than the subject of a clause inside it.
func TestPronounMeansTheMainSubjectBefore(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, want string }{
		{"Chris Varga has been making the case for weeks that Marco Okafor isn't ready for the council. “You have not been involved in a consequential decision,” he said.", "Chris Varga"},
		{"On Thursday, Tom Varga complained to a reporter that linking him to the harbour fire was unfair. “Do I bear responsibility for the fire?” he said.", "Tom Varga"},
	} {
		qs := extract(t, x, article("a", "The council met. "+c.text), nil)
		var got string
		for _, q := range qs {
			if q.Direct {
				got = q.Speaker
			}
		}
		if got != c.want {
			dump(t, qs)
			t.Errorf("%q: speaker %q, want %q", c.text, got, c.want)
		}
	}
}

// A plural group word is not completed to a longer name the document
// gives elsewhere: "many Republicans" are not "Senate Republicans".
func TestGroupIsNotCompleted(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"Senate Republicans met on Monday. Many Republicans fear the mayor would choose Varga.",
		"House Democrats met on Monday. Democrats say the mayor would choose Varga.",
	} {
		for _, q := range extract(t, x, article("a", text), nil) {
			if strings.Contains(q.Speaker, "Senate") || strings.Contains(q.Speaker, "House") {
				t.Errorf("%q is %q's", q.Text(), q.Speaker)
			}
		}
	}
}

// "it" and "they" do not stand for a subject inside the quotation they
// follow: “These results should …,” they argued.
func TestGroupPronounNotInsideQuotation(t *testing.T) {
	x := newX(t)
	text := "In another study they wrote with two colleagues, the economists estimated the losses. ''These results should cause us to rethink the gains from trade,'' they argued."
	for _, q := range extract(t, x, article("a", text), nil) {
		if strings.Contains(q.Speaker, "results") {
			t.Errorf("%q is %q's", q.Text(), q.Speaker)
		}
	}
}

// Readings of PolNeAR's training articles once the past tenses of cues
// such as "blamed", "joked" and "conceded" had their lemmas: whose words
// a quotation after such a cue is, and who did what the cue says.
func TestBlameAndItsQuotations(t *testing.T) {
	x := newX(t)
	// words quoted in someone else's claim, which the blame mentions,
	// are not the blamer's
	text := "Gov. Ana Ruiz on Thursday blamed the media for making an issue out of Tomas Varga’s claim that President Olek Brandt “sold the harbour,” saying they were nitpicking at Varga's wording while missing the larger truth of his remark."
	for _, q := range extract(t, x, article("a", text), nil) {
		if (q.Direct && strings.Contains(q.Text(), "sold the harbour") || strings.HasPrefix(q.Text(), "President Olek Brandt")) && strings.Contains(q.Speaker, "Ruiz") {
			t.Errorf("%q: Varga's claim went to %q", text, q.Speaker)
		}
	}
	// nor is the claim one denies
	text = "Gov. Ana Ruiz on Thursday denied the claim that her office sold the harbour to a friend."
	for _, q := range extract(t, x, article("a", text), nil) {
		if strings.HasPrefix(q.Text(), "her office sold") {
			t.Errorf("%q: the claim she denied is given as what %q said", text, q.Speaker)
		}
	}
	// words quoted as what is blamed are the blamer's own
	text = "Gov. Ana Ruiz blamed the council for “starving the harbour district of every penny it was owed.”"
	if q := find(t, extract(t, x, article("a", text), nil), "starving"); !q.Direct || !strings.Contains(q.Speaker, "Ruiz") {
		t.Errorf("%q: direct %v, speaker %q, want Ruiz's direct quote", text, q.Direct, q.Speaker)
	}
	// a party and state in brackets between the name and the cue
	text = "And after the High Court refused to reinstate the law, Gov. Ana Ruiz (R) blamed the court's \"three activist justices [who] blocked Norland protections afforded by our sensible voter laws.\""
	if q := find(t, extract(t, x, article("a", text), nil), "activist justices"); !strings.Contains(q.Speaker, "Ruiz") {
		dump(t, []model.Quote{*q})
		t.Errorf("%q: speaker %q, want Ruiz", text, q.Speaker)
	}
	// who is blamed for reporting something reported it
	text = "The network pushed back after Tomas Varga blamed the network for reporting that Ana Ruiz was leaving the race before the vote."
	reported := false
	for _, q := range extract(t, x, article("a", text), nil) {
		if strings.HasPrefix(q.Text(), "Ana Ruiz was leaving") {
			reported = true
			if !strings.Contains(q.Speaker, "network") {
				t.Errorf("%q: what the network reported went to %q", text, q.Speaker)
			}
		}
	}
	if !reported {
		t.Errorf("%q: the network's report is not a quote", text)
	}
	// a cue that only frames a quotation takes no source from the object
	text = "Later on ''This Week,'' Senator Ana Ruiz questioned Mr. Varga's veracity. She called him a ''pathological liar'' for continuing to insist the debunked accounts of thousands of Norvanians celebrating in Karelis were true."
	for _, q := range extract(t, x, article("a", text), nil) {
		if q.Direct && q.Text() == "pathological liar" && !strings.Contains(q.Speaker, "Ruiz") {
			t.Errorf("%q: speaker %q, want Ruiz", text, q.Speaker)
		}
	}
}

// What a relative pronoun stands for in a verb's prepositional phrase is
// no one who speaks: "Mr. Varga - in a line that seemed directed at … -
// declared" is not the line's declaration (the parse, the shipped
// parser's of the sentence this was taken from, lost the cue's subject,
// and the nearest subject before it is the relative clause's).
func TestRelativeInAPrepositionalPhraseIsNoSpeaker(t *testing.T) {
	x := newX(t)
	text := "On his way out of the campaign, Mr. Varga - in a line that seemed squarely directed at Mr. Adler's divisive brand of politics - declared that a president must tend to all corners of the country and all kinds of people."
	heads := []int{3, 3, 28, 7, 7, 7, 3, 3, 10, 3, 10, 14, 14, 28, 16, 14, 18, 14, 24, 21, 24, 21, 24, 18, 26, 24, 14, 0, 33, 31, 33, 33, 28, 36, 36, 33, 39, 39, 36, 42, 42, 36, 44, 42, 28}
	rels := []string{"case", "nmod:poss", "obl", "case", "case", "det", "nmod", "punct", "nmod:desc", "appos", "punct", "case", "det", "obl", "nsubj", "acl:relcl", "advmod", "acl", "case", "nmod:desc", "nmod:poss", "case", "amod", "obl", "case", "nmod", "punct", "root",
		"mark", "det", "nsubj", "aux", "ccomp", "case", "det", "obl", "case", "det", "nmod", "cc", "det", "conj", "case", "nmod", "punct"}
	doc := article("a", text)
	td := ta(t).Analyze(doc.Text)
	for i := range heads {
		heads[i]--
	}
	if !td.SetHeads(0, heads, rels) {
		t.Fatalf("the parse does not fit the sentence's %d tokens", len(td.Tokens))
	}
	qs := x.Extract(doc, td, nil)
	q := find(t, qs, "a president must tend")
	if q.Speaker == "line" || len(q.Sources) > 0 && strings.Contains(q.Sources[0].Text, "line") {
		dump(t, qs)
		t.Errorf("speaker %q, sources %v: the line is no speaker", q.Speaker, q.Sources)
	}
}

// speakerCase is a quotation in a text and what its speaker must (and
// must not) contain; speaker "" asks nothing of a quote, nor that one be
// found.
type speakerCase struct{ text, quote, speaker, notSpeaker string }

// checkSpeakers extracts each case's text and checks the speakers of the
// quotes whose content starts with the case's quotation.
func checkSpeakers(t *testing.T, x *Extractor, cases []speakerCase) {
	t.Helper()
	for _, tc := range cases {
		found := false
		for _, q := range extract(t, x, article("a", tc.text), nil) {
			if !strings.HasPrefix(q.Contents[0].Text, tc.quote) {
				continue
			}
			found = true
			if !strings.Contains(q.Speaker, tc.speaker) || tc.notSpeaker != "" && strings.Contains(q.Speaker, tc.notSpeaker) {
				t.Errorf("%q: speaker %q, want %q, not %q", q.Contents[0].Text, q.Speaker, tc.speaker, tc.notSpeaker)
			}
		}
		if !found && tc.speaker != "" {
			t.Errorf("no quote %q… in %q", tc.quote, tc.text)
		}
	}
}

// A cue in a clause of time before the quotation ("As Varga attacked
// Okafor, the crowd chanted, “…”", "After Varga criticized him, Okafor
// shot back, “…”") is not who says the words the main clause's subject
// says; a clause of attribution ("As Varga explained, …", "As Varga puts
// it, …") still is.
func TestEarlierClauseIsNotTheSpeaker(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{`As Varga attacked Okafor, the attendees chanted, "Send her home!" as they had for previous speakers.`, "Send her home!", "attendees", "Varga"},
		{"After former Gov. Anton Varga criticized Ben Okafor during a debate, Ina shot back, “I suppose I could have stayed home, but I chose to fulfill my profession.”", "I suppose", "Ina", "Varga"},
		{"Boos rained down when Varga mentioned the former mayor, and at one point the crowd loudly reprised the caustic chant “Send her home! Send her home!” that ricocheted through the arena.", "Send her home!", "", "Varga"},
		{"As White House press secretary Anton Varga explained, three taxes were postponed in the budget deal, depriving the government of $35 billion, “which sounds like a lot of money.”", "which sounds", "Anton Varga", ""},
		{`As The Post's Ina Holt puts it, Okafor is trying to make the council "an offer they can't afford to refuse."`, "an offer", "Ina Holt", ""},
	})
}

// Shouting and whispering attribute a quotation to their own subject
// ("the crowd chanted", "his wife whispered to him"), and to no one when
// the parse leaves them none that can shout: not to the nearest name
// before them.
func TestShoutsHaveTheirOwnSubject(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{`As Varga attacked Okafor, the attendees chanted, "Send her home!" as they had for previous speakers.`, "Send her home!", "attendees", ""},
		{"As the crowd cheered Okafor in Tamsin on Tuesday night, the Ledger's Ina Holt reported, his wife whispered to him: “They're still with you.”", "They're still", "his wife", ""},
		{`Tamsin was not far from the thoughts of celebrants, with many marchers and spectators chanting "We are Tamsin" and "Disarm hate."`, "We are", "", "Tamsin"},
		{`Its post-primary salvo began with a Web ad, "Playing Varga," in which children use a Varga action figure to bash in a dollhouse, yelling "eminent domain!"`, "eminent domain", "", "salvo"},
	})
}

// Speakers the parse hides: the "by" phrase of a participle ("often
// labeled as a “witch hunt” by Democrats", "when asked by a reporter if
// …"), the speaker of an inserted attribution for its participle ("…,
// Okafor said, adding that …"), and the subject of a relative clause the
// parse took for a noun described ("charges that Okafor, for one, called
// “…”"); not a "by" phrase that names no one ("said by telephone"), nor
// the doer of what a noun's participle says was done ("measures added by
// Varga").
func TestHiddenSpeakers(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"While councillors have often faced criticism for the inquiry into the ferry fire — often labeled as a “witch hunt” by Democrats — it seems likely Okafor is correct.", "witch hunt", "Democrats", "councillors"},
		{"As he shook hands with voters on Sunday, Varga repeated his belief that there will be a second vote. “Absolutely,” he said when asked by a reporter if that remains his view.", "if that remains", "reporter", "Varga"},
		{"Ms. Varga intends to deliver a ferry policy address at the Harbour Club this month, Mr. Okafor said, adding that she would also hold similar events to address her ''fare gap.''", "fare gap", "Okafor", "Varga"},
		{"The debate convinced many voters that Ms. Varga had finally gone too far, tarring a former mayor who is popular in Tamsin, and uttering charges that Ben Okafor, for one, called ''ferry lobby lingo.''", "ferry lobby lingo", "Okafor", "Varga"},
		{"''If we had gone with the other plan, I would have been sitting in jail for a long time,'' Mr. Okafor, now 81, said by telephone this week.", "If we had gone", "Okafor", "telephone"},
		{`Council members blocked a $1.1 billion package to fight the virus because of "poison pill" measures added by Varga on other issues.`, "poison pill", "", "Varga"},
	})
}

// "X quoted Y as saying …" is Y's saying, and an unnamed Y stays
// unnamed; a poll described as showing something shows it (not the
// subject of the clause it sits in), but a polling place says nothing.
func TestQuotedAsSayingAndPollsShowing(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"The Ledger quoted another unnamed council official as saying that Okafor was not opposed by Varga, but by her children.", "Okafor was not opposed", "official", "Ledger"},
		{"An early post quoted Mayor Ina Holt as saying “We need to do something to prevent the next fire!”", "We need to do", "Ina Holt", "post"},
		{"Mr. Varga will need their support with recent polls showing a tightening of the race with Ben Okafor, who last week injected a new element into the race.", "a tightening", "polls", "Varga"},
		{"Anton Varga says if he spent the day in Tamsin he’d be doing nothing more than yelling at people on their way into the polls saying “Hey, vote for me.”", "Hey, vote", "Varga", "polls"},
	})
}

// A show's title in apposition, its comma set inside the marks, is
// nobody's words; and a verb that only attributes a quotation next to it
// ("went on", "began") is no cue when it has another act for its
// complement ("who went on to work alongside him").
func TestTitlesAndOtherActs(t *testing.T) {
	x := newX(t)
	text := `Ben Okafor, a contestant on the reality TV show, "The Harbour," who went on to work alongside Varga, said his boss was "always kind and generous and charming."`
	for _, q := range extract(t, x, article("a", text), nil) {
		for _, c := range q.Contents {
			if strings.Contains(c.Text, "The Harbour") {
				t.Errorf("a title quoted as words: %q, speaker %q", c.Text, q.Speaker)
			}
		}
		if q.Cue != nil && q.Cue.Text == "went" {
			t.Errorf("%q attributed by %q", q.Contents[0].Text, q.Cue.Text)
		}
	}
	for _, q := range extract(t, x, article("a", "Okafor went on to work with Varga, “a good time for all of us.”"), nil) {
		if q.Cue != nil && q.Cue.Text == "went" {
			t.Errorf("%q attributed by %q", q.Contents[0].Text, q.Cue.Text)
		}
	}
	// a short quotation after a comma that follows no noun for a work is
	// still words
	checkSpeakers(t, x, []speakerCase{
		{"Asked whether he would run, the senator told reporters, “Absolutely,” and smiled.", "Absolutely", "senator", ""},
		{"The mayor answered the question, “Never,” before leaving the room.", "Never", "mayor", ""},
	})
	found := false
	for _, q := range extract(t, x, article("a", `The crowd grew quiet. "We will not back down," Varga went on.`), nil) {
		if strings.HasPrefix(q.Contents[0].Text, "We will not") {
			found = true
			if q.Speaker != "Varga" {
				t.Errorf("speaker %q, want Varga", q.Speaker)
			}
		}
	}
	if !found {
		t.Error(`no quote for "went on"`)
	}
}

// A verb with its particle ("shot back", "fired back") attributes the
// direct quotation next to it; without the particle, or without a
// quotation, it is no cue.
func TestParticleCues(t *testing.T) {
	x := newX(t)
	checkSpeakers(t, x, []speakerCase{
		{"Asked about the levy, Okafor fired back: “That is a lie, and she knows it.”", "That is a lie", "Okafor", ""},
		{"Varga shot back, “I suppose I could have stayed home.”", "I suppose", "Varga", ""},
	})
	for _, src := range []string{
		"The guards shot back and killed two of the attackers, the ministry said.",
		"Okafor hit back at his critics over the levy.",
		"Varga shot the “enemy” in the film.",
	} {
		for _, q := range extract(t, x, article("a", src), nil) {
			if q.Cue != nil && q.Cue.Text != "said" {
				t.Errorf("%q: a quote %q by %q with cue %q", src, q.Contents[0].Text, q.Speaker, q.Cue.Text)
			}
		}
	}
}

// "he said Varga", which the parse may read as a verb with two subjects,
// says Varga: he is who speaks, no clause before is what he said, and a
// "he" after it is not Varga.
func TestSubjectAfterTheCueIsWhatWasSaid(t *testing.T) {
	x := newX(t)
	src := "On the eve of the meetings, Okafor eased his tone. Asked on radio who leads the party in his view, he said Varga.\n\n“We can always have differences,” he said. “If you agree on 70 percent, that is always a lot.”"
	checkSpeakers(t, x, []speakerCase{
		{src, "We can always have differences", "Okafor", "Varga"},
		// (an inverted subject after a comma is the speaker)
		{"And Okafor, said Sunshine, who remains friendly with her former boss, doesn't forgive or forget.", "doesn't forgive", "Sunshine", "Okafor"},
		{"Moves against the United States government-financed Voice of America and Radio Free Europe/Radio Liberty led to their removal from all but one of the roughly 100 Russian stations on which they were operating as of 2005, said Jeffrey N. Holt, a senior official with the Broadcasting Board of Governors that oversees them.", "Moves against", "Jeffrey N. Holt", ""},
	})
	for _, q := range extract(t, x, article("a", src), nil) {
		if strings.Contains(q.Text(), "who leads the party") || q.Speaker == "Varga" {
			t.Errorf("quote %q by %q", q.Text(), q.Speaker)
		}
	}
}

// A quotation named by a participle after a noun for a work is its
// title ("a book called “…”"), and a name set beside the noun for a
// person that heads the source is the speaker, not what the noun is of
// ("The leader of the Harbour League, Jonathan Okafor, warned …").
func TestTitlesAndLeadersNamed(t *testing.T) {
	x := newX(t)
	for _, q := range extract(t, x, article("a", "Ines Varga, 34, has built her brand around this cause, writing a book called \"Women Who Work\" and leading the charge."), nil) {
		t.Errorf("a quote %q by %q", q.Text(), q.Speaker)
	}
	checkSpeakers(t, x, []speakerCase{
		{"The leader of the Harbour League, Jonathan Okafor, warned that such a ban would be \"unacceptable and antithetical to our values.\"", "unacceptable", "Jonathan Okafor", "Harbour League"},
		{"Ines Varga called him \"Mister Piggy\" in the debate.", "Mister Piggy", "Ines Varga", ""},
	})
}

// A cue with no subject the parse gives, in a clause opened after a
// comma by a subordinator, takes the phrase after it, or no one, never
// the subject of the clause before ("Not that anyone … is arguing,
// since other emails … suggest that …"); a clause set off by commas
// before the cue is no such phrase.
func TestSubordinateClauseSubject(t *testing.T) {
	x := newX(t)
	checkSpeakers(t, x, []speakerCase{
		{"Not that anyone on the business side of TV is arguing, since other emails combed through by Vox suggest that Oz firmly places business concerns above his scientific training.", "Oz firmly places", "emails", "anyone"},
	})
}

// A "he said" after the words it reports takes no one they name for its
// speaker ("… somehow Okafor is hostile, he said" is not Okafor's).
func TestTrailingPronounNotFromItsWords(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Ines Varga spoke on Monday. What I learned is that when you start calling these groups names, the way it is heard by our friends is that somehow Okafor is hostile, he said.", "What I learned", "", "Okafor"},
	})
}

// A quotation closed by "?" or "!" before "Name asked." is that
// person's, not a continuation of the quote before it; and "according
// to" after a quotation's frame reports no quotation of its own.
func TestQuestionBeforeItsFrame(t *testing.T) {
	x := newX(t)
	checkSpeakers(t, x, []speakerCase{
		{"“We are going now,” Karl Brodin said.\n“We stay. Why not stop now?” Ines Adler asked.", "We stay", "Ines Adler", "Karl Brodin"},
	})
	qs := extract(t, x, article("a", "“But he is not sympathetic to them. He is trying to kill them,” Adler said, according to a transcript of the show.\n“I don’t care. He was the founder, OK?” Brodin said."), nil)
	if len(qs) != 2 {
		t.Errorf("%d quotes, want 2", len(qs))
	}
	for _, q := range qs {
		if strings.Contains(q.Text(), "said") || strings.Contains(q.Text(), "I don’t care") && q.Speaker != "Brodin" {
			t.Errorf("quote %q by %q", q.Text(), q.Speaker)
		}
	}
}

// A phrase set off by commas after a name, before the cue ("X and Y,
// both up for reelection, also said"), describes the name: the names
// are the source, without the comma; "X, officials said," is still the
// officials'.
func TestPhraseSetBesideTheSource(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Sens. Karl Brodin and Ines Adler, both up for reelection in conservative territory, also said they'd be happy to have Okafor on the trail with them.", "they'd be happy", "Karl Brodin and Ines Adler", "both"},
		// (a name hung on the first by the parse makes no third name)
		{"Sen. Karl Brodin of Georgia and Ines Adler of Arkansas, both up for reelection in conservative territory, also said they'd be happy to have Okafor on the trail with them.", "they'd be happy", "Karl Brodin of Georgia and Ines Adler of Arkansas", "Brodin Adler"},
		{"Mr. Okafor, officials said, has become increasingly skeptical about one of the major fallback options.", "Mr. Okafor", "officials", "Okafor"},
	})
}

// A subheading between two quotations is no break in what is reported:
// the "she" after it is the speaker before it (markup a page left, such
// as an embedded tweet, still is one).
func TestHeadingIsNoBreak(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Ina Holt said the ferry would run in May.\n\nHarbour plans\n\n“We will run it every day,” she said.", "We will run it every day", "Ina Holt", "Harbour"},
	})
}

// "X of City, State says": the state the parse made a second subject is
// the rest of X's place, and X is the source.
func TestPlaceRestIsNoSource(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Stacy Baker of Columbia, South Carolina says she really thinks Okafor can pull off a win.", "she really thinks", "Stacy Baker", "Carolina"},
	})
}

// A cue the parse left without a subject takes neither the subject of a
// clause of what someone alleges before it ("X, later alleging that
// President Y wanted …, said": X) nor, over an auxiliary, a name further
// back than the one right before it ("Just after Y carried out his
// attack …, X was calling for change": X).
func TestSubjectlessCueSkipsWhatIsAlleged(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Brodin, later alleging - again falsely - that President Okafor wanted to admit 250,000 refugees, said he would deport refugees.", "he would deport", "Brodin", "Okafor"},
		{"Just after Omar Varga carried out his murderous attack on club goers at the Pulse nightclub in Velgrad, Karl Brodin was calling for change.", "change", "Karl Brodin", "Varga"},
	})
}

// A participle opened by a preposition is how the subject of its own
// clause acted, even when the parse hangs that clause on a cue before
// it ("Years after X claimed that …, Y won the nomination by promising
// …" is Y's promising).
func TestParticipleByIsItsClausesSubject(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Years after Karl Brodin claimed that the era of big government was over, Okafor won his party’s nomination by promising its furious revenge.", "its furious revenge", "Okafor", "Brodin"},
	})
}

// A finite cue right after a noun phrase the parse read as the object of
// a subordinator ("after a woman in Velgrad, Northland, told him …") has
// that phrase for its source, not the main clause's subject; a phrase
// of "because of", or one with a name set beside it, is none.
func TestSubordinatorReadAsPreposition(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Karl Brodin is assuring voters he’s tough enough to be president after a woman in Velgrad, Northland, told him she worries he’s “too nice” to fend off his rivals.", "she worries", "woman", "Brodin"},
		{"One former Okafor employee, speaking on condition of anonymity because of a non-disclosure agreement, said Brodin described the nonprofit's role as supplying a source of money.", "Brodin described", "", "agreement"},
	})
}

// A name opened by a form of address right after the noun that ends the
// phrase before it is the subject of the cue after it ("Saturday at the
// party convention Sen. Ines Adler (D-MA) said …"), and its source's
// words keep their closing bracket.
func TestTitledNameAfterAPhraseOfPlace(t *testing.T) {
	x := newX(t)
	checkSpeakers(t, x, []speakerCase{
		{"Saturday at the Massachusetts Democratic state’s party convention Sen. Ines Adler (D-MA) said Karl Brodin was a “proven failure” in business.", "Karl Brodin was", "Ines Adler", ""},
	})
	for _, q := range extract(t, x, article("a", "Sen. Ines Adler (D-MA) told reporters on Thursday that the plan was weak."), nil) {
		if len(q.Sources) == 0 || !strings.HasSuffix(q.Sources[0].Text, "(D-MA)") {
			t.Errorf("quote %q: sources %v, want the name with its bracket", q.Text(), q.Sources)
		}
	}
}

// A name the parse made the root, with the cue after a phrase set off
// by commas beside it ("Nominee X, during multiple interviews on
// Thursday, referred to …"), is the cue's subject.
func TestRootNameBesideItsCue(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Republican presidential nominee Karl Brodin, during multiple interviews on Thursday, referred to President Ines Adler as “the most valuable player” for the group.", "the most valuable player", "Karl Brodin", ""},
	})
}

// A cue after the words it would report reports them only when a mark
// sets them off from its clause ("C, he said"): "… and takes back
// everything he said" reports nothing.
func TestTrailingCueNeedsAMark(t *testing.T) {
	x := newX(t)
	for _, q := range extract(t, x, article("a", "There's been a lot of talk about unity lately. Unity doesn't mean Brodin closes up shop tomorrow and takes back everything he said. It means including people."), nil) {
		t.Errorf("quote %q by %q", q.Text(), q.Speaker)
	}
	checkSpeakers(t, x, []speakerCase{
		{"The union will likely sit out the election altogether, Director of Government Affairs Karl Brodin told reporters.", "The union will", "Karl Brodin", ""},
	})
}

// "pledged delegates" is a kind of delegate, nobody's pledge: no quote,
// whether the tagger reads "pledged" as a participle before its noun
// or as a past tense after a preposition or a number.
func TestParticipleBeforeItsNounIsNoCue(t *testing.T) {
	x := newX(t)
	for _, src := range []string{
		"Okafor has 1,700 pledged delegates.",
		"Okafor leads Brodin by 271 pledged delegates.",
		"Brodin can still close the gap in pledged delegates.",
	} {
		for _, q := range extract(t, x, article("a", src), nil) {
			t.Errorf("%s: quote %q by %q", src, q.Text(), q.Speaker)
		}
	}
}

// Whom a verb acts on for doing something did it: "The Ledger's fact
// checker gave Brodin two Pinocchios … for dismissing the idea that …"
// is Brodin's dismissal, not the fact checker's.
func TestObjectOfAVerbForDoingIt(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"The Ledger Fact Checker gave Brodin two Pinocchios, out of a possible four, for dismissing the idea that he had a relationship with the company.", "he had a relationship", "Brodin", "Checker"},
	})
}

// A cue whose object is a relative pronoun before it reports the noun
// that clause describes, not a clause further on ("hiring foreign
// workers, which he both defended and minimized - remarks that were less
// surprising than the fact that none of his rivals attacked him").
func TestRelativeObjectReportsNoClause(t *testing.T) {
	x := newX(t)
	for _, q := range extract(t, x, article("a", "Brodin was challenged over hiring foreign workers for some of his businesses, which he both defended and minimized - remarks that were less surprising than the fact that none of his rivals attacked him over the issue."), nil) {
		if q.Cue != nil && q.Cue.Text == "defended" {
			t.Errorf("quote %q by %q", q.Text(), q.Speaker)
		}
	}
}

// The subject of a main verb of speaking between a quote and a "she
// said" after it is a new speaker: "“…,” she said. ¶ Meanwhile Rihanna,
// who was honored …, spoke about …. “…,” she said" is not the first
// speaker's, even when the text does not know the new name for a person.
func TestNewSpeakerBetweenQuotes(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Ines Adler spoke of the need for strong will: “Change the world and when you have done that, change it again,” she said.\n\nMeanwhile Rihanna, who was honored with the prestigious Rockstar award, spoke about the importance of self-love. “The minute you learn to love yourself, you would not want to be anyone else,” she said.", "The minute you learn", "Rihanna", "Adler"},
	})
}

// A "he" reported by someone the text does not identify is that someone,
// not the person quoted before: "Another Muslim … who didn't want to be
// named said he heard Varga talk of … and specifically mentioned …" is
// not Okafor's.
func TestPronounOfAnUnnamedReporter(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Varga did not mingle but left as soon as prayers were finished, Okafor said, adding, \"He was not very religious.\"\n\nAnother Muslim who worshiped at the Islamic Center here and who didn't want to be named said he heard Varga talk of \"immorality\" in the United States and specifically mentioned a recent Texas case of a female teacher having sex with an eighth-grader - without objections by the boy's parents.", "a recent Texas case", "", "Okafor"},
	})
}

// A name that opens the sentence, then a participle's clause set off by
// commas, then the cue with no subject: the name is the speaker. The
// parse is placed by hand, as the shipped model gives it for such a
// sentence of TimeBank's wire news ("Kenyan" the complement of "said",
// the name its apposition, no subject). Not a place inside a longer
// subject, with the parse the model gives.
func TestNameBeforeAParticiplesClause(t *testing.T) {
	x := newX(t)
	text := "But Kenyan Foreign Minister Ana Ruiz, speaking at a joint news conference with Varga, said there are no ill feelings in Kenya toward Americans."
	heads := []int{16, 16, 3, 4, 1, 4, 7, 1, 12, 12, 12, 12, 7, 14, 12, 1, -1, 18, 16, 21, 21, 18, 23, 21, 25, 23, 16}
	rels := []string{"cc", "ccomp", "amod", "nmod:desc", "appos", "flat", "punct", "advcl", "case", "det", "amod", "compound",
		"obl", "case", "nmod", "punct", "root", "expl", "ccomp", "det", "amod", "nsubj", "case", "nmod", "case", "nmod", "punct"}
	doc, td := placedParse(t, text, heads, rels)
	q := find(t, x.Extract(doc, td, nil), "there are no ill feelings in Kenya toward Americans")
	if q != nil && q.Speaker != "Ana Ruiz" {
		t.Errorf("speaker %q, want Ana Ruiz", q.Speaker)
	}
	d := article("b", "Federal officials familiar with the server taken from Ms. Ruiz's house in Arlo, N.Y., speaking on the condition of anonymity, said that it did appear to have some security features.")
	if q := find(t, extract(t, x, d, nil), "it did appear to have some security features"); q != nil && (q.Speaker == "N.Y." || q.Speaker == "Arlo") {
		t.Errorf("speaker %q: a place", q.Speaker)
	}
}

// A body's name is all its capitalised words, whatever their tags ("the
// Justice Department", not "Department"; "The National Harbour
// Association", not "Harbour Association"); a person's name does not take
// in a word before it.
func TestBodyNameKeepsItsCapitalisedWords(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"The Justice Department said it would appeal the ruling.", "it would appeal the ruling", "Justice Department", ""},
		{"The National Harbour Association said it opposed the plan.", "it opposed the plan", "National Harbour Association", ""},
		{"The talks will resume next week, the Velgradi Foreign Affairs Department said.", "The talks will resume next week", "Velgradi Foreign Affairs Department", ""},
		{"Republican Ana Ruiz said she opposed the plan.", "she opposed the plan", "Ana Ruiz", "Republican"},
	})
}

// A name, then what the person is in two coordinated descriptions: the
// name is the speaker, not a group of two ("Ivo Brodin, pastor of … and a
// Ruiz supporter"). A name and a second person ("Ivo Brodin and a Ruiz
// supporter") stay a group. A quotation the parse hangs on the name after
// a colon is no part of the source's words; a quoted name inside the
// phrase is.
func TestNameWithTwoDescriptions(t *testing.T) {
	x := newX(t)
	for _, c := range []struct{ text, content, speaker, notSource, inSource string }{
		{"Ivo Brodin, pastor of the Arlo Church and a Ruiz supporter, said the fund would close.", "the fund would close", "Ivo Brodin", "", "pastor"},
		{"Ivo Brodin and a Ruiz supporter said the fund would close.", "the fund would close", "Ivo Brodin and a Ruiz supporter", "", ""},
		{`Says Ivo Brodin, chief investment officer of Harbour National Bank and manager of the Velta Group in Arlo: "It is a time bomb just waiting to go off."`, "time bomb", "Ivo Brodin", "time bomb", "manager"},
	} {
		q := find(t, extract(t, x, article("a", c.text), nil), c.content)
		if q == nil {
			continue
		}
		if q.Speaker != c.speaker {
			t.Errorf("%q: speaker %q, want %q", c.text, q.Speaker, c.speaker)
		}
		for _, s := range q.Sources {
			if c.notSource != "" && strings.Contains(s.Text, c.notSource) {
				t.Errorf("%q: source %q holds the quotation", c.text, s.Text)
			}
			if c.inSource != "" && !strings.Contains(s.Text, c.inSource) {
				t.Errorf("%q: source %q lacks %q", c.text, s.Text, c.inSource)
			}
		}
	}
}

// Two companies the parse made one name's words ("Velta Industries Corp.
// and Brodin Computer Corp." with every word a compound of the last) are
// both the source, not the last word; a body's name with "and" in it is
// one name. The parse is placed by hand, as the shipped model gives it
// for such a sentence of TimeBank's news.
func TestTwoCompaniesReadAsOneName(t *testing.T) {
	x := newX(t)
	text := "But while Velta Industries Corp. and Brodin Computer Corp. say the bugs will delay products, most makers said they would not."
	heads := []int{9, 4, 4, 4, 8, 6, 8, 8, 9, 18, 11, 13, 13, 9, 13, 18, 17, 18, -1, 20, 18, 20, 18}
	rels := []string{"cc", "mark", "compound", "compound", "compound", "cc", "compound", "compound", "nsubj", "ccomp", "det", "nsubj",
		"aux", "ccomp", "obj", "punct", "amod", "nsubj", "root", "nsubj", "ccomp", "advmod", "punct"}
	doc, td := placedParse(t, text, heads, rels)
	q := find(t, x.Extract(doc, td, nil), "the bugs will delay products")
	if q != nil && q.Speaker != "Velta Industries Corp. and Brodin Computer Corp." {
		t.Errorf("speaker %q, want both companies", q.Speaker)
	}
	q = find(t, extract(t, x, article("b", "The Immigration and Naturalization Service said it would appeal."), nil), "it would appeal")
	if q != nil && q.Speaker != "Naturalization Service" && q.Speaker != "Immigration and Naturalization Service" {
		t.Errorf("speaker %q, want the service", q.Speaker)
	}
}

// A country's possessive before a name, parsed with the country the
// subject and the name its conjunct ("Iraq's Saddam Hussein … sought …,
// promising to withdraw"): the name is the speaker, not "Kenya's". The
// parse is placed by hand, as the shipped model gives it.
func TestNameAfterACountrysPossessive(t *testing.T) {
	x := newX(t)
	text := "Kenya's Ana Ruiz today sought peace by promising to withdraw from the territory."
	heads := []int{5, 0, 0, 2, 5, -1, 5, 8, 5, 10, 8, 13, 13, 10, 5}
	rels := []string{"nsubj", "case", "conj", "flat", "obl:unmarked", "root", "obj", "mark", "advcl", "mark", "xcomp", "case", "det", "obl", "punct"}
	doc, td := placedParse(t, text, heads, rels)
	q := find(t, x.Extract(doc, td, nil), "to withdraw from the territory")
	if q != nil && q.Speaker != "Ana Ruiz" {
		t.Errorf("speaker %q, want Ana Ruiz", q.Speaker)
	}
}

// Two nouns for persons before a name are its title: "Attorney General
// Ana Ruiz" is Ana Ruiz, not "General Ana Ruiz"; a given name after a
// title stays the name's ("Ambassador John F. Brodin": "john" is also a
// noun for a person).
func TestTwoWordTitleBeforeAName(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Attorney General Ana Ruiz said the matter was under review.", "the matter was under review", "Ana Ruiz", "General"},
		{"Earlier in 2012, Ambassador John F. Brodin wrote to Ms. Ruiz that the matter was under review.", "the matter was under review", "John F. Brodin", ""},
	})
}

// A company's name is all its capitalised words before the suffix: not
// "Corp." nor "Motors Corp.".
func TestCompanyNameKeepsItsWords(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"VELTA COMMUNICATIONS Inc. said it plans to raise 175 million dollars through a private placement.", "it plans to raise 175 million dollars", "VELTA COMMUNICATIONS Inc.", ""},
		{"General Brodin Motors Corp. said it wants to buy as much as 15% of Arlo PLC.", "it wants to buy as much as 15%", "General Brodin Motors Corp.", ""},
	})
}

// A "who" stands for a person: hung by the parse on a thing or a body
// that a noun for persons governs ("donors from around the country who
// want …", "an attorney to his office who threatened …"), it stands for
// that noun, and the phrase, cut before the clause, names no one; never
// the thing, nor a name inside the clause.
func TestWhoIsNoThing(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Donors from around the country who want to see more farmers in the Senate will send checks.", "to see more farmers", "", "country"},
		{"Members of the committee who want to see more farmers in the Senate will send checks.", "to see more farmers", "", "committee"},
		{"Holt sent an attorney to his office who threatened to link Brodin with illegal business activities.", "to link Brodin", "", "Brodin"},
		{"Holt sent an attorney to his office who threatened to link Brodin with illegal business activities.", "to link Brodin", "", "office"},
	})
}

// "call" with one object that it calls into being or to come reports
// no words, only its subject's act ("called the police after the
// attack", "call a “special meeting”", whose quotation is no one's);
// with a second phrase it names its object ("called the meeting a
// farce"), and "called for" asks for something: both still report.
func TestCallWithOneObjectNamesNothing(t *testing.T) {
	x := newX(t)
	for _, text := range []string{
		"Ina Holt called the police after the attack.",
		"Ina Holt called a meeting for Friday.",
		"Republicans had called the hearing because they felt the harbour board was not being open.",
		"If she did, party procedures give the chair of the council authority to call a “special meeting” to vote on a replacement.",
	} {
		for _, q := range extract(t, x, article("a", text), nil) {
			if q.Direct || !q.Act {
				t.Errorf("%q: quote %q (direct %v), want none but an act", text, q.Text(), q.Direct)
			}
		}
	}
	checkSpeakers(t, x, []speakerCase{
		{"Ina Holt called the meeting a farce.", "the meeting a farce", "Ina Holt", ""},
		{"At the forum, Ina Holt called her vote in favor of the harbour bill a mistake.", "her vote in favor of the harbour bill a mistake", "Ina Holt", ""},
		{"Ina Holt called the election rigged.", "the election rigged", "Ina Holt", ""},
		{"Ina Holt called Brodin “a danger to the harbour.”", "a danger", "Ina Holt", ""},
		{"Ina Holt called for a “full review” of the deal.", "full review", "Ina Holt", ""},
	})
}

// A day the parse hangs on a name as one of its words ("President Ana
// Ruiz Thursday condemned …") is no part of the name, nor of the source;
// a month after a given name or a title may be a surname ("Theresa
// May").
func TestDayIsNoPartOfAName(t *testing.T) {
	x := newX(t)
	qs := extract(t, x, article("a", "President Ana Ruiz Thursday condemned the attacks on the embassies and vowed to find the bombers."), nil)
	if len(qs) == 0 {
		t.Fatal("no quote")
	}
	for _, q := range qs {
		if q.Speaker != "Ana Ruiz" || len(q.Sources) != 1 || q.Sources[0].Text != "President Ana Ruiz" {
			dump(t, qs)
			t.Errorf("speaker %q, sources %v; want Ana Ruiz, from \"President Ana Ruiz\"", q.Speaker, q.Sources)
		}
	}
	checkSpeakers(t, x, []speakerCase{
		{"Prime Minister Theresa May said the talks had failed.", "the talks had failed", "Theresa May", ""},
	})
}

// A description set off after the name that opens the sentence, which
// the parse makes the cue's subject ("Inspector X of the Y Police, a
// member of the task force, said"), describes that name's person.
func TestDescriptionAfterOpeningName(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Inspector Keith Okafor of the Velgrad Police Service, a Northland member of a law-enforcement task force investigating all five of the shootings, said he had never heard of the men.", "he had never heard", "Keith Okafor", ""},
	})
}

// A quotation closed with two apostrophes (”) splits into two marks,
// and the parse may make the first the subject of the cue after it and
// the name after the cue an open complement: the name still speaks.
func TestApostropheCloseBeforeInvertedCue(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"``Velgrad has come home. We are back in the family,'' said Hungarian Foreign Minister Ana Ruiz.", "Velgrad has come home", "Ana Ruiz", ""},
	})
}

// What a verb of granting gives its indirect object the means to do
// ("give the chair authority to call …") is done by that object, not by
// the verb's subject.
func TestGrantedActIsTheGrantees(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"If she did, party procedures give the chair of the council authority to call a “special meeting” to vote on a replacement.", "a “special meeting", "chair", "procedures"},
	})
}

// A role alone ("the senator") is the person the document named with
// it before, written out or abbreviated ("Sen. Ana Ruiz"), with the
// same complement ("secretary of state") and held then as now; not when
// the document gives the role to another ("Ben Adler, the senator from
// Northland", "the senator from Northland") or the earlier one held it
// no longer ("former Secretary of State").
func TestRoleAloneIsItsNamedHolder(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Sen. Ana Ruiz toured the port on Monday.\n\nThe senator said the port would reopen in May.", "the port would reopen", "Ana Ruiz", ""},
		{"Former Secretary of State Ana Ruiz toured the port on Monday.\n\nThe former secretary of state said the port would reopen in May.", "the port would reopen", "Ana Ruiz", ""},
		{"Former Secretary of State Ana Ruiz toured the port on Monday.\n\nThe secretary of state said the port would reopen in May.", "the port would reopen", "secretary", "Ruiz"},
		{"Secretary of State Ana Ruiz toured the port on Monday.\n\nThe secretary of labor said the port would reopen in May.", "the port would reopen", "secretary", "Ruiz"},
		{"Sen. Ana Ruiz toured the port on Monday with Ben Adler, the senator from Northland.\n\nThe senator said the port would reopen in May.", "the port would reopen", "senator", "Ruiz"},
		{"Sen. Ana Ruiz toured the port on Monday. The senator from Northland stayed home.\n\nThe senator said the port would reopen in May.", "the port would reopen", "senator", "Ruiz"},
		{"Adm. Karl D. Brodin Jr. toured the port. Admiral Brodin spoke with the crew.\n\nThe admiral said the port would reopen in May.", "the port would reopen", "Karl D. Brodin", ""},
		{"Adm. Karl Brodin toured the port. Officers met at the Pentagon, the admiral's aides said.\n\nThe admiral said the port would reopen in May.", "the port would reopen", "Karl Brodin", ""},
	})
}

// The object of a relative clause's verb that the parse makes a second
// subject of the cue ("The leader who criticized Ben Adler said") is not
// who speaks: a false attribution of the worst kind.
func TestRelativeClauseObjectIsNoSpeaker(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"The Norvanian leader who criticized Ben Adler said the port would reopen in May.", "the port would reopen", "leader", "Adler"},
	})
}

// A name after a preposition or words that open the sentence is not who
// speaks, however the parse runs it into the subject's name: "Unlike Ben
// Adler, Ana Ruiz said", "In a letter to Ben Adler, Ana Ruiz said",
// "After meeting Ben Adler, Ana Ruiz said".
func TestNameAfterOpeningPrepositionIsNoSpeaker(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Unlike Ben Adler, Ana Ruiz said the port would reopen in May.", "the port would reopen", "Ana Ruiz", "Adler"},
		{"In a letter to Ben Adler, Ana Ruiz said the port would reopen in May.", "the port would reopen", "Ana Ruiz", "Adler"},
		{"Like Ben Adler, Ana Ruiz said the port would reopen in May.", "the port would reopen", "Ana Ruiz", "Adler"},
		{"After meeting Ben Adler, Ana Ruiz said the port would reopen in May.", "the port would reopen", "Ana Ruiz", "Adler"},
		// (a party and state after a name is no second name)
		{"On Monday, Sen. Ben Adler, D-Calif., said the port would reopen in May.", "the port would reopen", "Ben Adler", ""},
	})
}

// A cue the parse makes a conjunct of a relative clause's verb, with no
// "and" and a comma that closes the clause, is the main clause's: "Ben
// Adler, whom Ana Ruiz defeated, said" is Adler's saying.
func TestCueAfterRelativeClause(t *testing.T) {
	checkSpeakers(t, newX(t), []speakerCase{
		{"Ben Adler, whom Ana Ruiz defeated, said the port was dead.", "the port was dead", "Ben Adler", "Ruiz"},
	})
}
