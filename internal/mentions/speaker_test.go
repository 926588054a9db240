package mentions

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// transcriptDoc builds a transcript whose turns are "LABEL: text" lines.
func transcriptDoc(lines []string, speakers []model.Speaker, who []int) *model.Document {
	doc := &model.Document{Kind: model.KindTranscript, Speakers: speakers, Date: date("2019-02-01")}
	var b strings.Builder
	for i, l := range lines {
		start := b.Len()
		b.WriteString(l)
		colon := strings.Index(l, ":")
		doc.Turns = append(doc.Turns, model.Turn{Speaker: who[i], Question: speakers[who[i]].Questioner})
		doc.Turns[i].Label = model.Span{Start: start, End: start + colon}
		doc.Turns[i].Content = model.Span{Start: start + colon + 2, End: b.Len()}
		b.WriteString("\n\n")
	}
	doc.Text = b.String()
	for i := range doc.Turns {
		doc.Turns[i].Label = model.NewSpan(doc.Text, doc.Turns[i].Label.Start, doc.Turns[i].Label.End)
		doc.Turns[i].Content = model.NewSpan(doc.Text, doc.Turns[i].Content.Start, doc.Turns[i].Content.End)
	}
	return doc
}

func TestTranscriptSpeakers(t *testing.T) {
	r := testResolver(t)
	speakers := []model.Speaker{
		{Name: "Nadia Warsame", Role: "Chairperson", Organization: "AU"},
		{Name: "Juma Otieno", Role: "Prime Minister", Organization: "Kenya"},
		{Name: "Lydia Mwangi", Role: "journalist", Organization: "Coast Daily", Questioner: true},
	}
	doc := transcriptDoc([]string{
		"NADIA WARSAME: We welcome the Prime Minister.",
		"Q: Will Kenya send troops?",
		"JUMA OTIENO: The Chairperson has asked us. We will decide soon.",
		"NADIA WARSAME: Mr Otieno is right.",
	}, speakers, []int{0, 2, 1, 0})
	td := testAnalyzer(t).Analyze(doc.Text, text.TurnLabels(doc))
	ms := r.Find(doc, td)
	checkMentions(t, doc, ms)
	for _, w := range []want{
		{Text: "NADIA WARSAME", Code: "IGOAFRAFU", Name: "Nadia Warsame", Rule: "transcript:speaker"},
		{Text: "Q", Code: "MED", Name: "Lydia Mwangi", Rule: "transcript:speaker"},
		{Text: "JUMA OTIENO", Code: "KENGOV", Name: "Juma Otieno", Rule: "transcript:speaker"},
		{Text: "the Prime Minister", Code: "KENGOV", Name: "Juma Otieno", Rule: "coref:role"},
		{Text: "The Chairperson", Code: "IGOAFRAFU", Name: "Nadia Warsame", Rule: "coref:role"},
		{Text: "Mr Otieno", Code: "KENGOV", Name: "Juma Otieno", Rule: "coref:surname"},
	} {
		m := findMention(ms, w.Text, w.Nth)
		if m == nil {
			t.Errorf("no mention %q; got:%s", w.Text, dump(ms))
			continue
		}
		if m.Actor.Code != w.Code || m.Actor.Name != w.Name || !strings.HasPrefix(m.Rule, w.Rule) {
			t.Errorf("%q: got %q %q %q; want %q %q %q", w.Text, m.Actor.Code, m.Actor.Name, m.Rule, w.Code, w.Name, w.Rule)
		}
	}
}

func TestSpeaker(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	text := "Kenyan President Juma Otieno met Somali officials, who asked not to be named. He said the talks were useful. " +
		"Berhane Tesfaye was not there."
	doc := &model.Document{Text: text, Date: date("2015-01-10")}
	td := an.Analyze(text)
	ms := r.Find(doc, td)
	span := func(s string, nth int) model.Span {
		i := -1
		for k := 0; k <= nth; k++ {
			j := strings.Index(text[i+1:], s)
			if j < 0 {
				t.Fatalf("%q not in text", s)
			}
			i += 1 + j
		}
		return model.NewSpan(text, i, i+len(s))
	}
	tests := []struct {
		span       model.Span
		name, code string
		anon       bool
	}{
		{span("Kenyan President Juma Otieno", 0), "Juma Otieno", "KENGOV", false},
		{span("Juma Otieno", 0), "Juma Otieno", "KENGOV", false},
		{span("He", 0), "Juma Otieno", "KENGOV", false},
		{span("Somali officials, who asked not to be named", 0), "Somali officials", "SOMGOV", true},
		{span("Berhane Tesfaye", 0), "Berhane Tesfaye", "ETHGOV", false},
		{span("talks", 0), "", "", false},
	}
	for _, tc := range tests {
		name, code, anon := r.Speaker(doc, td, ms, tc.span)
		if name != tc.name || code != tc.code || anon != tc.anon {
			t.Errorf("Speaker(%q) = %q %q %v; want %q %q %v", tc.span.Text, name, code, anon, tc.name, tc.code, tc.anon)
		}
	}
	// Without mentions: a pronoun is resolved from the mentions Find gives.
	if name, code, _ := r.Speaker(doc, td, nil, span("He", 0)); name != "Juma Otieno" || code != "KENGOV" {
		t.Errorf("Speaker(He) without mentions = %q %q", name, code)
	}
	// A name known to the document though the span is not a mention.
	ms2 := []model.Mention{{Span: span("Kenyan President Juma Otieno", 0), Actor: model.Actor{Code: "KENGOV", Name: "Juma Otieno", Person: true}, Rule: "x"}}
	if name, code, _ := r.Speaker(doc, td, ms2, model.Span{Start: 0, End: 0, Text: "Mr. Otieno"}); name != "Juma Otieno" || code != "KENGOV" {
		t.Errorf("Speaker(Mr. Otieno) = %q %q", name, code)
	}
}

// TestRobust feeds Find and Speaker odd inputs: they must not panic and
// must keep their invariants.
func TestRobust(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	inputs := []string{
		"", " ", "\n\n", "He", "his", "the", "The President", "Mr", "Mr.", "’s", "Kenya’s",
		"AU-backed", "-linked militants", "the Council", "Q:", "(", ", the Prime Minister of", "of Kenya",
		"Sources", "a", "KENYA KENYA KENYA", strings.Repeat("Kenyan President ", 200),
		"\xff\xfe invalid utf8 Kenya", "Mister", "Madam Chairperson,", "Juma Otieno, the",
		"Nadia Warsame (AU Chairperson", "In his", "they said", "“He said,” she said.",
	}
	for _, in := range inputs {
		doc := &model.Document{Text: in, Kind: model.KindArticle}
		td := an.Analyze(in)
		ms := r.Find(doc, td)
		checkMentions(t, doc, ms)
		for _, m := range ms {
			r.Speaker(doc, td, ms, m.Span)
		}
		r.Speaker(doc, td, ms, model.Span{Start: -5, End: 1 << 20})
		r.Speaker(doc, nil, nil, model.Span{Start: 0, End: len(in)})
		// A text layer of another text, and none at all.
		r.Find(doc, an.Analyze(in+" Kenya"))
		r.Find(doc, nil)
	}
	// Turns with bad spans and speaker indexes.
	doc := &model.Document{Text: "A: hi", Kind: model.KindTranscript, Turns: []model.Turn{
		{Speaker: 7, Label: model.Span{Start: 0, End: 1, Text: "A"}},
		{Speaker: -1, Label: model.Span{Start: 3, End: 99, Text: "x"}},
	}}
	checkMentions(t, doc, r.Find(doc, an.Analyze(doc.Text, text.TurnLabels(doc))))
	var nilR *Resolver
	if nilR.Find(doc, nil) != nil {
		t.Error("nil resolver found mentions")
	}
	if ms := New(nil).Find(&model.Document{Text: "Kenya said"}, an.Analyze("Kenya said")); len(ms) != 0 {
		t.Errorf("nil dictionary found %v", ms)
	}
}

func BenchmarkFind(b *testing.B) {
	r := defaultResolver(b)
	an := testAnalyzer(b)
	doc := loadExample(b, "natowatch-nato-returns-to-libya.txt")
	var sb strings.Builder
	for sb.Len() < 40000 {
		sb.WriteString(doc.Text)
		sb.WriteString("\n\n")
	}
	big := &model.Document{Text: sb.String(), Date: date("2013-06-05")}
	td := an.Analyze(big.Text)
	b.ResetTimer()
	for b.Loop() {
		r.Find(big, td)
	}
	b.ReportMetric(float64(len(td.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// A pronoun after a quotation is not someone named inside it, nor an
// actor of the sentence before that is only the subject of a clause of
// condition there.
func TestSpeakerPronounAfterQuotation(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	for _, tc := range []struct {
		text, pronoun string
		want, notWant string
	}{
		{"Lena Varga, a teacher, spoke on Friday. “Neither President Odhiambo nor the council should make us wait,” she said.", "she", "Lena Varga", ""},
		{"Mary Varga spoke on Monday. “Odhiambo is lying.” After all, he says, “I never lie.”", "he", "", "Amani Odhiambo"},
		{"Varga accused the council of delay. “Neither President Odhiambo nor the council should make us wait,” she said.", "she", "", "Amani Odhiambo"},
		{"The statement noted that they had warned of sanctions if Ethiopia sent more troops. “We will act,” they said.", "they", "", "Ethiopia"},
		{"The statement noted that the talks would end if Ethiopia objected. “We will act,” they said.", "they", "", "Ethiopia"},
	} {
		doc := &model.Document{Text: tc.text, Date: date("2016-05-02")}
		td := an.Analyze(tc.text)
		ms := r.Find(doc, td)
		i := strings.Index(tc.text, tc.pronoun+" said")
		if i < 0 {
			i = strings.Index(tc.text, tc.pronoun+" says")
		}
		if tc.notWant != "" && !slices.ContainsFunc(ms, func(m model.Mention) bool { return m.Actor.Name == tc.notWant }) {
			t.Errorf("%q: no mention of %q: the row checks nothing", tc.text, tc.notWant)
		}
		name, _, _ := r.Speaker(doc, td, ms, model.NewSpan(tc.text, i, i+len(tc.pronoun)))
		if tc.want != "" && name != tc.want || tc.notWant != "" && name == tc.notWant {
			t.Errorf("%q: %q is %q", tc.text, tc.pronoun, name)
		}
	}
}

// A surname alone is the dictionary's one person of that surname only at
// a date of one of their offices: in an undated document, or one dated
// after, "Tesfaye" is nobody the dictionary knows, only someone called
// Tesfaye.
func TestSpeakerSurnameOfDictionaryPerson(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	for _, tc := range []struct{ date, want string }{
		{"2016-05-02", "Berhane Tesfaye"},
		{"2021-05-02", "Tesfaye"},
		{"", "Tesfaye"},
	} {
		text := "The talks went on. “We will finish the dam,” Tesfaye said."
		doc := &model.Document{Text: text, Date: date(tc.date)}
		i := strings.Index(text, "Tesfaye")
		name, code, _ := r.Speaker(doc, an.Analyze(text), nil, model.NewSpan(text, i, i+len("Tesfaye")))
		if name != tc.want || (name == "Tesfaye") != (code == "") {
			t.Errorf("dated %q: Tesfaye is %q (%q), want %q, with a code only as the dictionary's person", tc.date, name, code, tc.want)
		}
	}
}

// A transcript's speaker labelled by surname alone ("TESFAYE:") is the
// dictionary's one person of that surname only at a date of one of their
// offices, as a surname in the text is: a television host of one year is
// not the minister of that surname of another.
func TestSpeakerLabelSurnameOfDictionaryPerson(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct{ date, want string }{
		{"2016-05-02", "Berhane Tesfaye"},
		{"2021-05-02", "Tesfaye"},
		{"", "Tesfaye"},
	} {
		doc := transcriptDoc([]string{
			"TESFAYE: Good evening, and welcome to the debate.",
			"TESFAYE: Our first question is on the budget.",
		}, []model.Speaker{{Name: "Tesfaye"}}, []int{0, 0})
		doc.Date = date(tc.date)
		td := testAnalyzer(t).Analyze(doc.Text, text.TurnLabels(doc))
		ms := r.Find(doc, td)
		m := findMention(ms, "TESFAYE", 0)
		if m == nil {
			t.Errorf("dated %q: no mention of the label; got:%s", tc.date, dump(ms))
			continue
		}
		if m.Actor.Name != tc.want {
			t.Errorf("dated %q: the label TESFAYE is %q, want %q", tc.date, m.Actor.Name, tc.want)
		}
	}
}

// In a transcript, a speaker speaks of himself as "I": a "he" or "she"
// of his own turn is someone else, never the turn's speaker, though his
// label is the nearest name before it; nor is it the speaker of the turn
// before (a moderator's question, then "He went on to say …" of another).
// A label is no word of the discourse: the names the turns' words give
// are the antecedents, and unknown is the answer when they give none, or
// when the nearest sentence with a person names only someone else.
func TestTurnPronounIsNotItsSpeaker(t *testing.T) {
	r := testResolver(t)
	speakers := []model.Speaker{{Name: "Ines Varga"}, {Name: "Karl Brodin"}}
	doc := transcriptDoc([]string{
		"VARGA: Thank you, and welcome. Our mayor, Ana Okafor, is here.",
		"BRODIN: He cancelled the ferry without a vote.",
		"BRODIN: I proposed the ferry, and she said his plan was late.",
	}, speakers, []int{0, 1, 1})
	td := testAnalyzer(t).Analyze(doc.Text, text.TurnLabels(doc))
	ms := r.Find(doc, td)
	for _, w := range []string{"He", "his", "she"} {
		if m := findMention(ms, w, 0); m != nil && (m.Actor.Name == "Karl Brodin" || m.Actor.Name == "Ines Varga") {
			t.Errorf("%q in Karl Brodin's turn is %q; got:%s", w, m.Actor.Name, dump(ms))
		}
	}
	if m := findMention(ms, "she", 0); m != nil {
		// (the turn before has only Brodin's label and a "he" no one
		// is known for: the nearest sentence with a person decides, and
		// decides nothing)
		t.Errorf("she: got %v, want no one; all:%s", m, dump(ms))
	}
	doc = transcriptDoc([]string{
		"VARGA: Thank you, and welcome. Our mayor, Ana Okafor, is here.",
		"BRODIN: I proposed the ferry, and she said his plan was late.",
	}, speakers, []int{0, 1})
	ms = r.Find(doc, testAnalyzer(t).Analyze(doc.Text, text.TurnLabels(doc)))
	if m := findMention(ms, "she", 0); m == nil || m.Actor.Name != "Ana Okafor" {
		t.Errorf("she: got %v, want Ana Okafor, whom the turn before names; all:%s", m, dump(ms))
	}
}

// A form of address before a word that makes a name no person's is a
// title ("a former Miss Universe"), and no person called Universe, whom a
// "he" after it could be.
func TestHonorificBeforeNonPersonWord(t *testing.T) {
	r := testResolver(t)
	text := "Ana Varga, a former Miss Universe, spoke on Monday. Dr. Ivo Petrak said she was right."
	doc := &model.Document{Text: text, Date: date("2019-02-01")}
	ms := r.Find(doc, testAnalyzer(t).Analyze(text))
	for _, m := range ms {
		if strings.Contains(m.Actor.Name, "Universe") {
			t.Errorf("%q is a person %q; all:%s", m.Text, m.Actor.Name, dump(ms))
		}
	}
	if m := findMention(ms, "Dr. Ivo Petrak", 0); m == nil || m.Actor.Name != "Ivo Petrak" {
		t.Errorf("Dr. Ivo Petrak: got %v; all:%s", m, dump(ms))
	}
}

// A sentence that addresses one person by name ("Secretary Okafor, you
// promised …", a moderator's question) has that person for its "you" and
// "your"; one that addresses two ("Ms. Varga, Mr. Okafor, I thank you
// both") has no one known for them, nor has a sentence that addresses no
// one.
func TestAddresseeIsYou(t *testing.T) {
	r := testResolver(t)
	text := "Juma Okafor and Ines Varga met on Friday. Mr. Okafor, you promised to lower the fares. " +
		"Ms. Varga, Mr. Okafor, I thank you both. You will pay for it."
	doc := &model.Document{Text: text, Date: date("2019-02-01")}
	ms := r.Find(doc, testAnalyzer(t).Analyze(text))
	if m := findMention(ms, "you", 0); m == nil || m.Actor.Name != "Juma Okafor" || m.Rule != model.RuleAddressee {
		t.Errorf("the first you: got %v, want Juma Okafor by %s; all:%s", m, model.RuleAddressee, dump(ms))
	}
	for _, w := range []struct {
		text string
		nth  int
	}{{"you", 1}, {"You", 0}} {
		if m := findMention(ms, w.text, w.nth); m != nil {
			t.Errorf("%s #%d is %q; all:%s", w.text, w.nth, m.Actor.Name, dump(ms))
		}
	}
}

// A given name set off in a turn is the person spoken to ("One thing,
// Lester."): the turn's "he" is someone else.
func TestAddressedGivenNameIsNoAntecedent(t *testing.T) {
	r := testResolver(t)
	speakers := []model.Speaker{{Name: "Lester Holm", Role: "moderator"}, {Name: "Ines Varga"}, {Name: "Adel Okafor"}}
	doc := transcriptDoc([]string{
		"HOLM: Mrs. Varga, your two minutes.",
		"VARGA: Well, one thing. One thing, Lester.",
		"VARGA: You know, he tried to switch from looks to stamina.",
	}, speakers, []int{0, 1, 1})
	ms := r.Find(doc, testAnalyzer(t).Analyze(doc.Text, text.TurnLabels(doc)))
	if m := findMention(ms, "Lester", 0); m == nil || m.Actor.Name != "Lester Holm" {
		t.Errorf("Lester: got %v, want Lester Holm; all:%s", m, dump(ms))
	}
	if m := findMention(ms, "he", 0); m != nil && m.Actor.Name == "Lester Holm" {
		t.Errorf("he is the moderator spoken to; all:%s", dump(ms))
	}
}
