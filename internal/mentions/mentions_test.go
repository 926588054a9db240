package mentions

import (
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

var (
	analyzerOnce sync.Once
	analyzer     *text.Analyzer
	analyzerErr  error
)

func testAnalyzer(t testing.TB) *text.Analyzer {
	t.Helper()
	analyzerOnce.Do(func() { analyzer, analyzerErr = text.New() })
	if analyzerErr != nil {
		t.Fatal(analyzerErr)
	}
	return analyzer
}

func testDict(t testing.TB) *actors.Dictionary {
	t.Helper()
	d, err := actors.Load(os.DirFS("testdata"), "dict.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func testResolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := NewFromData(testDict(t), os.DirFS("../../data"))
	if err != nil {
		t.Fatal(err)
	}
	// a bug Find recovers from fails the test, not only the mentions
	r.tripped = func(doc string, p any) { t.Errorf("Find of %q recovered from: %v", doc, p) }
	return r
}

func date(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is an expected mention: the nth (0-based) mention whose text is
// Text must have the code, name, anonymity and rule (prefix) given.
type want struct {
	Text string
	Nth  int
	Code string
	Name string
	Anon bool
	Rule string
}

// checkMentions checks the invariants every Find result must keep.
func checkMentions(t *testing.T, doc *model.Document, ms []model.Mention) {
	t.Helper()
	if !sort.SliceIsSorted(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start }) {
		t.Errorf("mentions not sorted by Start")
	}
	for _, m := range ms {
		if err := m.Span.Check(doc.Text); err != nil {
			t.Errorf("mention %q: %v", m.Text, err)
		}
		if m.Rule == "" {
			t.Errorf("mention %q has no rule", m.Text)
		}
	}
}

func findMention(ms []model.Mention, text string, nth int) *model.Mention {
	k := 0
	for i := range ms {
		if ms[i].Text == text {
			if k == nth {
				return &ms[i]
			}
			k++
		}
	}
	return nil
}

func dump(ms []model.Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("\n\t" + m.Text + " → " + m.Actor.Code + " " + m.Actor.Name + " [" + m.Rule + "]")
		if m.Actor.Anonymous {
			b.WriteString(" anonymous")
		}
	}
	return b.String()
}

// The role a text states where it names a person is the mention's Role:
// a title before the name, or a description in apposition after it.
func TestStatedRoles(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	text := "Ana Ruiz, the police chief of Harrowgate, said the road would close. " +
		"Kenyan President Juma Otieno met her. Mr Otieno said so. Ben Adler, the governor, agreed. " +
		"Grace Njeri, under fire over her taxes, declined to comment. Tom Kibet, her Labour opponent, laughed. Joy Wanjiku, 56, left."
	doc := &model.Document{Text: text, Kind: model.KindArticle}
	want := map[string]string{"Ana Ruiz": "police chief of Harrowgate", "Kenyan President Juma Otieno": "Kenyan President",
		"Mr Otieno": "", "Ben Adler, the governor": "governor",
		// no role: a phrase of another kind, one relative to someone else, an age
		"Grace Njeri": "", "Tom Kibet": "", "Joy Wanjiku": ""}
	got := map[string]string{}
	for _, m := range r.Find(doc, an.Analyze(doc.Text)) {
		got[m.Text] = m.Role
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			t.Errorf("%q: role %q (found %v), want %q", k, g, ok, w)
		}
	}
}

func TestFind(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	tests := []struct {
		name   string
		text   string
		date   string
		want   []want
		absent []string
	}{
		{
			name: "role before unknown name, surname, role phrase, locative capital",
			text: "Kenyan President Juma Otieno met AU Commission chairperson Nadia Warsame in Addis Ababa on Monday. " +
				"Mr Otieno said the talks were useful. The President later flew back to Nairobi.",
			date: "2018-05-02",
			want: []want{
				{Text: "Kenyan President Juma Otieno", Code: "KENGOV", Name: "Juma Otieno", Rule: "context:role-before-name"},
				{Text: "AU Commission chairperson Nadia Warsame", Code: "IGOAFRAFU", Name: "Nadia Warsame", Rule: "context:role-before-name"},
				{Text: "Mr Otieno", Code: "KENGOV", Name: "Juma Otieno", Rule: "coref:surname"},
				{Text: "The President", Code: "KENGOV", Name: "Juma Otieno", Rule: "coref:role"},
			},
			absent: []string{"Addis Ababa", "Nairobi"},
		},
		{
			// a demonym alone that is the surname of someone the text
			// names in full is that person; with a determiner it is one
			// of the people
			name: "surname that is a demonym",
			text: "On Monday, Ana Somali said she would run. Somali said the talks were useful. A Somali said the market was closed.",
			date: "2018-05-02",
			want: []want{
				{Text: "Somali", Name: "Ana Somali", Rule: "coref:surname"},
				{Text: "Somali", Nth: 1, Code: "SOM", Rule: "dict:demonym"},
			},
		},
		{
			// a title before a name is the office's code while it is
			// held; the press keeps it after ("Prime Minister X" years
			// later), when it is no code
			name: "title within its tenure",
			text: "Prime Minister Berhane Tesfaye said the talks were useful.",
			date: "2015-05-02",
			want: []want{{Text: "Prime Minister Berhane Tesfaye", Code: "ETHGOV", Name: "Berhane Tesfaye", Rule: "context:role-before-name"}},
		},
		{
			name: "title after its tenure",
			text: "Prime Minister Berhane Tesfaye said the talks were useful.",
			date: "2021-05-02",
			want: []want{{Text: "Prime Minister Berhane Tesfaye", Code: "", Name: "Berhane Tesfaye", Rule: "context:role-before-name"}},
		},
		{
			name: "capital as metonym",
			text: "Nairobi said it would send more troops.",
			want: []want{{Text: "Nairobi", Code: "KENGOV", Name: "Kenya", Rule: "dict:capital"}},
		},
		{
			name: "anonymous officials with marker",
			text: "Ethiopian officials, speaking on condition of anonymity, said the plan had stalled.",
			want: []want{{Text: "Ethiopian officials", Code: "ETHGOV", Name: "Ethiopian officials", Anon: true, Rule: "anonymous:marker"}},
		},
		{
			name: "anonymous diplomats, sources and an indefinite official",
			text: "Diplomats who asked not to be named said the vote was delayed. Sources said the deal was close. " +
				"A senior Somali official said talks would resume.",
			want: []want{
				{Text: "Diplomats", Code: "GOV", Anon: true, Name: "Diplomats", Rule: "anonymous:marker"},
				{Text: "Sources", Code: "", Anon: true, Name: "Sources", Rule: "anonymous:source-noun"},
				{Text: "A senior Somali official", Code: "SOMGOV", Anon: true, Name: "senior Somali official", Rule: "anonymous:indefinite"},
			},
		},
		{
			name: "a marker belongs to the source after 'according to'",
			text: "The Somali parliament voted on Monday, according to a clerk who asked not to be named.",
			want: []want{{Text: "The Somali parliament", Code: "SOMLEG", Name: "Somali parliament", Anon: false, Rule: "compose:demonym+agent"}},
		},
		{
			name: "a marker belongs to the nearer official",
			text: "Kenyan troops crossed the border, an official who asked not to be identified said.",
			want: []want{{Text: "Kenyan troops", Code: "KENMIL", Name: "Kenyan troops", Anon: false, Rule: "compose:demonym+agent"}},
		},
		{
			name: "role without organisation, unresolved",
			text: "The mayor said the market would reopen.",
			want: []want{{Text: "The mayor", Code: "GOV", Rule: "role:unresolved"}},
		},
		{
			// a surname two of the document's people bear is neither of
			// them (the one named last is often not the one meant), and
			// not the dictionary's person of that surname, whom the
			// document does not name
			name: "surname borne by two of the document's people",
			text: "Kenyan Trade Minister Lena Tesfaye spoke first. Kenyan Foreign Minister Paul Tesfaye said on Friday that the count was over. " +
				"Tesfaye told reporters that the vote was fair.",
			date:   "2016-05-02",
			want:   []want{{Text: "Kenyan Foreign Minister Paul Tesfaye", Code: "KENGOV", Name: "Paul Tesfaye", Rule: "context:role-before-name"}},
			absent: []string{"Tesfaye"},
		},
		{
			name: "surname of two named people the dictionary does not know",
			text: "Lena Tesfaye, a candidate, spoke first. Paul Tesfaye, the interior minister, said on Friday that the count was over. " +
				"Tesfaye told reporters that the vote was fair.",
			date:   "2016-05-02",
			absent: []string{"Tesfaye"},
		},
		{
			// the words of a quotation closed before the pronoun are what
			// was said, not who said it
			name: "no antecedent inside a closed quotation",
			text: "Lena Varga, a teacher, spoke on Friday. “Neither President Odhiambo nor the council should make us wait,” she said. " +
				"“We have waited,” said Lena Varga. “The Kenyan President knows it,” she added.",
			date: "2016-05-02",
			want: []want{
				{Text: "she", Nth: 0, Name: "Lena Varga", Rule: "coref:pronoun"},
				{Text: "she", Nth: 1, Name: "Lena Varga", Rule: "coref:pronoun"},
			},
		},
		{
			// a surname alone is the dictionary's one person of that
			// surname only when the document's date is in one of their
			// offices
			name: "surname of a dictionary person in office",
			text: "Tesfaye said the dam would be finished.",
			date: "2016-05-02",
			want: []want{{Text: "Tesfaye", Code: "ETHGOV", Name: "Berhane Tesfaye", Rule: "dict:person"}},
		},
		{
			// a name the document gives with the word alone after it
			// in it ("Tesfaye Alem Gebre", or a name written surname
			// first, as Korean and Chinese names are): the word is not
			// the dictionary's person of that surname, whom the document
			// does not name
			name:   "a word of a full name the document gives is no dictionary surname",
			text:   "The army said Tesfaye Alem Gebre would speak. Tesfaye said the dam would be finished.",
			date:   "2016-05-02",
			absent: []string{"Tesfaye"},
		},
		{
			// two such names: the word is neither, nor the dictionary's
			// person of that surname
			name:   "a word of two full names the document gives is no dictionary surname",
			text:   "The army said Tesfaye Alem Gebre and Tesfaye Bekele would speak. Tesfaye said the dam would be finished.",
			date:   "2016-05-02",
			absent: []string{"Tesfaye"},
		},
		{
			// a given name alone is the one person the document named
			// in full before with that given name ("Paul" after "Paul
			// Okafor"), as debaters name each other; a word no list of
			// given names knows is not asked ("Kelby", a town, and the
			// first word of a name)
			name:   "a given name alone is the one person named in full with it",
			text:   "Paul Okafor and Kelby Brannock spoke on Friday. Paul wants to close the school in Kelby.",
			date:   "2016-05-02",
			want:   []want{{Text: "Paul", Name: "Paul Okafor", Rule: "coref:given-name"}},
			absent: []string{"Kelby"},
		},
		{
			// two people of that given name: nobody known
			name:   "a given name two people bear is nobody",
			text:   "Paul Okafor and Paul Achieng spoke on Friday. Paul wants to close the school.",
			date:   "2016-05-02",
			absent: []string{"Paul"},
		},
		{
			// someone called Tesfaye, not the dictionary's person, and
			// no one else
			name: "surname of a dictionary person out of office",
			text: "Tesfaye said the dam would be finished.",
			date: "2021-05-02",
			want: []want{{Text: "Tesfaye", Code: "", Name: "Tesfaye", Rule: "name:unknown"}},
		},
		{
			name: "surname of a dictionary person, date unknown",
			text: "Tesfaye said the dam would be finished.",
			want: []want{{Text: "Tesfaye", Code: "", Name: "Tesfaye", Rule: "name:unknown"}},
		},
		{
			// (not as an object, where it may be a thing's name)
			name:   "surname of a dictionary person out of office, not a subject",
			text:   "The council praised Tesfaye for the dam.",
			date:   "2021-05-02",
			absent: []string{"Tesfaye"},
		},
		{
			// their country, not an office that may be later than the text
			name: "dictionary person, date unknown",
			text: "Berhane Tesfaye said the dam would be finished.",
			want: []want{{Text: "Berhane Tesfaye", Code: "ETH", Name: "Berhane Tesfaye", Rule: "dict:person (date unknown)"}},
		},
		{
			// the same when the name is found after a word before it
			name: "dictionary person after a word, date unknown",
			text: "Democrat Berhane Tesfaye said the dam would be finished.",
			want: []want{{Text: "Democrat Berhane Tesfaye", Code: "ETH", Name: "Berhane Tesfaye", Rule: "dict:person (date unknown)"}},
		},
		{
			name: "dictionary person at the document date",
			text: "Amani Odhiambo said the elections were fair.",
			date: "2010-06-01",
			want: []want{{Text: "Amani Odhiambo", Code: "KENGOV", Name: "Amani Odhiambo", Rule: "dict:person@2010-06-01"}},
		},
		{
			name: "stated role outranks a stale dictionary entry",
			text: "The AU said Chairperson Nadia Warsame would attend. Ms Warsame declined to comment.",
			date: "2011-03-01",
			want: []want{
				{Text: "Chairperson Nadia Warsame", Code: "IGOAFRAFU", Name: "Nadia Warsame", Rule: "context:role-before-name"},
				{Text: "Ms Warsame", Code: "IGOAFRAFU", Name: "Nadia Warsame", Rule: "coref:surname"},
			},
		},
		{
			name: "apposition after the name and role with of",
			text: "Berhane Tesfaye, the Ethiopian Prime Minister, met the Prime Minister of Kenya, Mr. Juma Otieno, in Dodoma. " +
				"The Prime Minister of Ethiopia said the talks went well.",
			date: "2015-01-10",
			want: []want{
				{Text: "Berhane Tesfaye, the Ethiopian Prime Minister", Code: "ETHGOV", Name: "Berhane Tesfaye", Rule: "context:apposition"},
				{Text: "the Prime Minister of Kenya, Mr. Juma Otieno", Code: "KENGOV", Name: "Juma Otieno", Rule: "context:apposition"},
				{Text: "The Prime Minister of Ethiopia", Code: "ETHGOV", Name: "Berhane Tesfaye", Rule: "coref:role"},
			},
			absent: []string{"Dodoma"},
		},
		{
			name: "role resolved by dictionary holder at the stated organisation",
			text: "The AU Chairperson said the mission would continue.",
			date: "2019-02-01",
			want: []want{{Text: "The AU Chairperson", Code: "IGOAFRAFU", Name: "Nadia Warsame", Rule: "dict:holder@2019-02-01"}},
		},
		{
			// a name the press gives family name first: the family name
			// alone is the person, and a pronoun after it theirs, not
			// another's named in between
			name: "a surname that is not the last word",
			text: "Wen Haodong met the envoys on Monday. Asked whether he feared that Juma Otieno would win, Wen demurred. As for Wen, he seems content.",
			date: "2013-06-01",
			want: []want{
				{Text: "Wen", Nth: 0, Code: "TZAGOV", Name: "Wen Haodong", Rule: "coref:surname"},
				{Text: "Wen", Nth: 1, Code: "TZAGOV", Name: "Wen Haodong", Rule: "coref:surname"},
				{Text: "he", Nth: 1, Code: "TZAGOV", Name: "Wen Haodong", Rule: "coref:pronoun"},
			},
		},
		{
			// a country is one, however its name ends: no "they"
			name:   "a country named in the plural is no they",
			text:   "Ana Ruiz and Ben Adler wrote a book. In the United Provinces, they write, most people are happy.",
			want:   []want{{Text: "the United Provinces", Code: "UPV", Name: "United Provinces", Rule: "dict:country"}},
			absent: []string{"they"},
		},
		{
			// a word for a person before a name that is an
			// organisation's is no title ("conservative")
			name:   "an organisation's name after a person noun",
			text:   "The Conservative Victory PAC said it would spend more. Ruiz Lake College said the fees would rise.",
			absent: []string{"Conservative Victory PAC", "Victory PAC", "Ruiz Lake College"},
		},
		{
			// undated, a person whose offices were of different countries
			// or organisations has no code; one of one country keeps the
			// country, not an office that may not be held at the time
			name: "undated people of one and of two organisations",
			text: "Nadia Warsame met Amani Odhiambo on Monday.",
			want: []want{
				{Text: "Nadia Warsame", Code: "", Name: "Nadia Warsame", Rule: "dict:person (date unknown)"},
				{Text: "Amani Odhiambo", Code: "KEN", Name: "Amani Odhiambo", Rule: "dict:person (date unknown)"},
			},
		},
		{
			// a role with no article after "for", "as" or a copula is the
			// office, not whoever holds it
			name:   "an office is no person",
			text:   "Juma Otieno met the envoy. Amani Odhiambo ran for president in 2012 and was foreign minister before.",
			date:   "2015-06-01",
			absent: []string{"president", "foreign minister"},
		},
		{
			name: "as the office, a name after it holds it",
			text: "As president, Juma Otieno signed the treaty.",
			date: "2015-06-01",
			want: []want{{Text: "president, Juma Otieno", Name: "Juma Otieno", Rule: "context:apposition"}},
		},
		{
			// who holds a role now says nothing of who held it when an
			// undated text was written: no dictionary holder
			name: "role in an undated document",
			text: "The AU Chairperson said the mission would continue.",
			want: []want{{Text: "The AU Chairperson", Code: "IGOAFRAFU", Name: "", Rule: "role:unresolved"}},
		},
		{
			name: "pronouns: subject, possessive, cataphora",
			text: "Amani Odhiambo met Somali officials on Tuesday. He said his meeting with them was useful. " +
				"In his reply, Berhane Tesfaye thanked Kenya.",
			date: "2015-01-10",
			want: []want{
				{Text: "He", Code: "KENGOV", Name: "Amani Odhiambo", Rule: "coref:pronoun"},
				{Text: "his", Code: "KENGOV", Name: "Amani Odhiambo", Rule: "coref:pronoun"},
				{Text: "his", Nth: 1, Code: "ETHGOV", Name: "Berhane Tesfaye", Rule: "coref:pronoun"},
			},
		},
		{
			name: "role with a name in apposition is the subject and the antecedent",
			text: "Amani Odhiambo said the bank would cut rates.\n\nThe Governor, Kofi Mensah, did not confirm the cut on Monday. " +
				"He said the committee had not yet met.",
			date: "2015-01-10",
			want: []want{
				{Text: "The Governor, Kofi Mensah", Name: "Kofi Mensah", Rule: "context:apposition"},
				{Text: "He", Name: "Kofi Mensah", Rule: "coref:pronoun"},
			},
			absent: []string{"The Governor"},
		},
		{
			name: "name, then the role in apposition",
			text: "Kofi Mensah, the governor, spoke on Monday. He said the committee had not met.",
			want: []want{
				{Text: "Kofi Mensah, the governor", Name: "Kofi Mensah", Rule: "context:apposition"},
				{Text: "He", Name: "Kofi Mensah", Rule: "coref:pronoun"},
			},
		},
		{
			name:   "a name after a preposition is no apposition of the subject after it",
			text:   "At a press conference in Harrow Bay, the governor said the committee had not met.",
			absent: []string{"Harrow Bay, the governor"},
		},
		{
			name: "an indefinite source with a name in apposition is named",
			text: "A government spokesman, Colonel Ama Owusu, told reporters that the army had withdrawn.",
			want: []want{
				{Text: "A government spokesman, Colonel Ama Owusu", Code: "GOV", Name: "Ama Owusu", Rule: "context:apposition"},
			},
			absent: []string{"A government spokesman"},
		},
		{
			name: "an indefinite source without a name stays anonymous",
			text: "A government spokesman, speaking in Dodoma, said the army had withdrawn.",
			want: []want{
				{Text: "A government spokesman", Code: "GOV", Name: "government spokesman", Anon: true, Rule: "anonymous:indefinite"},
			},
		},
		{
			name: "plain men, women and people are no actors",
			text: "The two men did not meet. Women and men queued in Dodoma. The Kenyan people voted. Armed men who asked not to be named said people fled.",
			want: []want{
				{Text: "The Kenyan people", Code: "KENCVL", Name: "Kenyan people", Rule: "compose:demonym+agent"},
			},
			absent: []string{"The two men", "two men", "men", "Women", "people"},
		},
		{
			name:   "ambiguous pronoun left unresolved",
			text:   "Berhane Tesfaye and Amani Odhiambo met in Dodoma. He said the talks went well.",
			date:   "2015-01-10",
			absent: []string{"He"},
		},
		{
			name: "compositions",
			text: "Somali troops and the Kenyan people welcomed the Ethiopian government. Ethiopians voted. AU-backed militants attacked. " +
				"The Somali military said Kenya's parliament met.",
			want: []want{
				{Text: "Somali troops", Code: "SOMMIL", Name: "Somali troops", Rule: "compose:demonym+agent"},
				{Text: "the Kenyan people", Code: "KENCVL", Name: "Kenyan people", Rule: "compose:demonym+agent"},
				{Text: "the Ethiopian government", Code: "ETHGOV", Rule: "compose:demonym+agent"},
				{Text: "Ethiopians", Code: "ETH", Name: "Ethiopia", Rule: "dict:demonym"},
				{Text: "AU-backed militants", Code: "REB", Rule: "dict:agent"},
				{Text: "The Somali military", Code: "SOMMIL", Rule: "compose:demonym+agent"},
				{Text: "Kenya's parliament", Code: "KENLEG", Rule: "compose:country+agent"},
			},
		},
		{
			name:   "a participle after an auxiliary is the verb, not a modifier",
			text:   "President Tom Otieno has banned Somali militants from the upcoming elections.",
			want:   []want{{Text: "Somali militants", Code: "SOMREB", Rule: "compose:demonym+agent"}},
			absent: []string{"banned Somali militants"},
		},
		{
			name:   "demonym as adjective is not an actor",
			text:   "Somali oil exports rose.",
			absent: []string{"Somali"},
		},
		{
			name: "definite head refers back to a body",
			text: "The Peace and Security Council met on Friday. The Council said it would act.",
			want: []want{
				{Text: "The Peace and Security Council", Code: "IGOAFRAFU", Rule: "dict:body"},
				{Text: "The Council", Code: "IGOAFRAFU", Name: "Peace and Security Council", Rule: "coref:definite"},
			},
		},
		{
			name: "a lower-case head refers back to a body named earlier",
			text: "The Peace and Security Council met on Friday. The council condemned the raids, and the council elections were delayed.",
			want: []want{
				{Text: "The council", Code: "IGOAFRAFU", Name: "Peace and Security Council", Rule: "coref:definite"},
			},
			absent: []string{"the council elections"},
		},
		{
			name: "unknown names",
			text: "Mr Kamau said the road was closed. Grace Njeri told reporters the bridge was safe. Coast Daily News said nothing.",
			want: []want{
				{Text: "Mr Kamau", Code: "", Name: "Kamau", Rule: "name:unknown"},
				{Text: "Grace Njeri", Code: "", Name: "Grace Njeri", Rule: "name:unknown"},
			},
			absent: []string{"Coast Daily News"},
		},
		{
			name: "a person of an organisation the dictionary knows, and her surname after",
			text: "Dr. Grace Njeri of the African Union Commission told reporters the plan was ready.\n\nNjeri, meanwhile, told reporters on Wednesday that the plan was late.",
			want: []want{
				{Text: "Dr. Grace Njeri of the African Union Commission", Code: "IGOAFRAFU", Name: "Grace Njeri", Rule: "context:name-of-org"},
				{Text: "Njeri", Name: "Grace Njeri", Rule: "coref:surname"},
			},
		},
		{
			name: "a named person's surname at the start of a sentence",
			text: "AU Chairperson Kaja Ilves confirmed the plan. Ilves met the governors on Tuesday.",
			want: []want{{Text: "Ilves", Code: "IGOAFRAFU", Name: "Kaja Ilves", Rule: "coref:surname"}},
		},
		{
			name: "a title with words no dictionary knows before the name",
			text: "AU Trade Commissioner Liko Haapala held talks with Kartavian Economy Minister Dana Ostrova in Dodoma on 7 July.",
			want: []want{
				{Text: "AU Trade Commissioner Liko Haapala", Code: "IGOAFRAFU", Name: "Liko Haapala", Rule: "context:title-before-name"},
				{Text: "Kartavian Economy Minister Dana Ostrova", Code: "", Name: "Dana Ostrova", Rule: "context:title-before-name"},
			},
			absent: []string{"AU", "Kartavian Economy Minister Dana Ostrova in Dodoma"},
		},
		{
			name: "a title after a known demonym codes the person from its country",
			text: "Kenyan Economy Minister Dana Ostrova and the Somali trade commissioner Ines Varga signed the accord.",
			want: []want{
				{Text: "Kenyan Economy Minister Dana Ostrova", Code: "KENGOV", Name: "Dana Ostrova", Rule: "context:title-before-name"},
				{Text: "the Somali trade commissioner Ines Varga", Code: "SOM", Name: "Ines Varga", Rule: "context:title-before-name"},
			},
			absent: []string{"Kenyan Economy Minister"},
		},
		{
			name: "a title in lower case after a place no dictionary knows",
			text: "The Northland economy minister Dana Ostrova said the tariffs would fall.",
			want: []want{
				{Text: "Northland economy minister Dana Ostrova", Code: "", Name: "Dana Ostrova", Rule: "context:title-before-name"},
			},
			absent: []string{"Northland", "economy minister", "The Northland economy minister Dana Ostrova"},
		},
		{
			name: "a title opening a full name is no part of it, and the person keeps the code stated before",
			text: "AU Trade Commissioner Liko Haapala arrived on Monday. Commissioner Liko Haapala met the press.",
			want: []want{
				{Text: "Commissioner Liko Haapala", Code: "IGOAFRAFU", Name: "Liko Haapala", Rule: "coref:name"},
			},
		},
		{
			// a law or a plan the dictionary does not know is no person
			// even as a subject (non_person_words)
			name:   "a law as a subject",
			text:   "The Harbour Safety Act requires inspections. The Coastal Renewal Plan failed. Dana Ostrova said so.",
			absent: []string{"Harbour Safety Act", "Coastal Renewal Plan"},
			want:   []want{{Text: "Dana Ostrova", Code: "", Name: "Dana Ostrova", Rule: "name:unknown"}},
		},
		{
			name: "a noun for a person before an unknown name that is no subject",
			text: "Delegates cheered the nominee Grace Njeri on Friday.",
			want: []want{{Text: "Grace Njeri", Code: "", Name: "Grace Njeri", Rule: "name:unknown"}},
		},
		{
			name: "a noun for a person opening a name is a title only before a full name, and a calendar word is no title",
			text: "Hunter Varga said the mine would close. Hunter S. Varga agreed. On 4 June Commissioner Dana Ostrova told the council the vote was set.",
			want: []want{
				{Text: "Hunter Varga", Code: "", Name: "Hunter Varga", Rule: "name:unknown"},
				{Text: "Hunter S. Varga", Code: "", Name: "Hunter S. Varga", Rule: "name:unknown"},
				{Text: "Commissioner Dana Ostrova", Code: "", Name: "Dana Ostrova", Rule: "context:title-before-name"},
			},
			absent: []string{"Varga", "June Commissioner Dana Ostrova"},
		},
		{
			name:   "a capitalised noun for a person is no title in a headline, nor is a given name, and a name ending in a common word is no person's",
			text:   "Gold Star Mom Greets Ostrova Varga\n\nThe Absurd Double Standard Varga And Ruiz Face.\n\nDonna Ines Varga met the Kartavian Education Association on Monday. The Kenya War veteran Tomas Reyes spoke.",
			absent: []string{"Gold Star Mom Greets Ostrova Varga", "Mom Greets Ostrova Varga", "Absurd Double Standard Varga", "Ines Varga", "Kartavian Education Association", "Education Association"},
			want: []want{
				{Text: "Donna Ines Varga", Code: "", Name: "Donna Ines Varga", Rule: "name:unknown"},
				// a country's name before a title that is no role nor
				// agent word says what it is about, not whose it is
				{Text: "The Kenya War veteran Tomas Reyes", Code: "", Name: "Tomas Reyes", Rule: "context:title-before-name"},
			},
		},
		{
			// a person the dictionary does not know, named in full, is
			// who the surname alone and the pronouns after it are
			name: "surname of a person the dictionary does not know",
			text: "Adel Okafor, a chemistry professor, said the mosque was open. Okafor said he never saw the man.",
			want: []want{
				{Text: "Okafor", Name: "Adel Okafor", Rule: "coref:surname"},
				{Text: "he", Name: "Adel Okafor", Rule: "coref:pronoun"},
			},
		},
		{
			// a capitalised word before a name ("Neither") is no given
			// name: it makes no second person of that surname
			name: "a capitalised word before a surname",
			text: "Neither Varga nor her aides replied. Ana Varga said the port was open. Varga said it would stay open.",
			want: []want{{Text: "Varga", Nth: 0, Name: "Ana Varga", Rule: "coref:surname"}},
		},
		{
			// the name before a verb whose subject the tree says is
			// another word ("the Commission on … announced"), and a name
			// with a word of the map, are no one's
			name:   "names that are no person's",
			text:   "The Commission on Presidential Debates announced on Friday that there was an issue. Halvard Shoal is now the place where the navy might act.",
			absent: []string{"Presidential Debates", "Halvard Shoal"},
		},
		{
			// the subject of a copula whose predicate is a thing is no
			// one ("Halvard Crossing was a national tragedy"); the subject
			// of a predicate with a preposition still may be ("was at one
			// point shopping")
			name:   "the subject of a copula with a thing for its predicate",
			text:   "Tomas Reyes spoke at length. In that sense, Halvard Crossing was not just a national tragedy but a summons. He said his son was in first grade. Even Ana Varga was at one point shopping a book. Lena Okafor, the council's former aide, was the cause of the leak.",
			absent: []string{"Halvard Crossing"},
			want:   []want{{Text: "Ana Varga", Name: "Ana Varga", Rule: "name:unknown"}, {Text: "Lena Okafor", Name: "Lena Okafor", Rule: "name:unknown"}},
		},
		{
			// a name set off beside a noun for a person is a person's,
			// of that noun's sex when it has one ("her husband, X,")
			name: "a name beside a noun for a person",
			text: "His digital mastermind, Tomas Reyes, runs the campaign. Reyes said the work was harder. He said the team was small.\n\nAna Varga spoke first. Her husband, Dana Ostrova, wrote to the court. She said the port was open.",
			want: []want{
				{Text: "Reyes", Name: "Tomas Reyes", Rule: "coref:surname"},
				{Text: "He", Name: "Tomas Reyes", Rule: "coref:pronoun"},
				{Text: "She", Name: "Ana Varga", Rule: "coref:pronoun"},
			},
		},
		{
			// a name with "who" after it is a person's whatever the parse
			// makes of the sentence
			name: "a name a relative clause of persons describes",
			text: "Tomas Reyes, who badly needs a win in Karelis, received the endorsement of the mayor on Friday.\n\nReyes told reporters that he was pleased.",
			want: []want{
				{Text: "Tomas Reyes", Name: "Tomas Reyes", Rule: "name:unknown"},
				{Text: "Reyes", Name: "Tomas Reyes", Rule: "coref:surname"},
			},
		},
		{
			// the subject pronoun of a clause that opens the sentence is
			// the main clause's subject after it, not whom the sentence
			// before named
			name: "a pronoun before its antecedent",
			text: "Paul Okafor met Lena Varga's aides on Monday. Even as he accused the council of delay, Tomas Reyes praised its staff.",
			want: []want{{Text: "he", Name: "Tomas Reyes", Rule: "coref:pronoun"}},
		},
		{
			// a name a naming phrase gives to a thing is no person's; one
			// it gives to a person is
			name:   "a name given to a thing",
			text:   "Lena Okafor said a militia known as Ansar Velmor was involved. A man named Tomas Reyes was arrested.",
			absent: []string{"Ansar Velmor"},
			want:   []want{{Text: "Tomas Reyes", Name: "Tomas Reyes", Rule: "name:unknown"}},
		},
		{
			// a name with a word of an organisation the dictionary does
			// not know is no person's, though it is the subject
			name:   "an unknown organisation is no person",
			text:   "Kartavian State has targeted the villages. The Velmor PAC plans ads in Indiana.",
			absent: []string{"Kartavian State", "Velmor PAC"},
		},
		{
			// the agent of a passive with no subject ("When pressed by
			// X") is not who the sentence's pronouns mean
			name: "agent of a passive with no subject",
			text: "Paul Okafor spoke first. When pressed by Lena Varga about how he would pay, his answer was that he would cut taxes.",
			want: []want{
				{Text: "he", Nth: 0, Name: "Paul Okafor", Rule: "coref:pronoun"},
				{Text: "he", Nth: 1, Name: "Paul Okafor", Rule: "coref:pronoun"},
			},
		},
		{
			// a role not held yet is not its holder at the date
			name:   "the next holder of a role",
			text:   "There is a huge expectation that the next President of Kenya will lead this process. The Kenyan President spoke.",
			date:   "2016-05-02",
			want:   []want{{Text: "The Kenyan President", Code: "KENGOV", Name: "Amani Odhiambo", Rule: "dict:holder"}},
			absent: []string{"the next President of Kenya", "President of Kenya"},
		},
		{
			name: "addressing a role holder",
			text: "Chairperson Nadia Warsame spoke first. Thank you, Madam Chairperson.",
			date: "2019-02-01",
			want: []want{{Text: "Madam Chairperson", Code: "IGOAFRAFU", Name: "Nadia Warsame", Rule: "coref:role"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &model.Document{Text: tc.text, Date: date(tc.date), Kind: model.KindArticle}
			ms := r.Find(doc, an.Analyze(doc.Text, text.TurnLabels(doc)))
			checkMentions(t, doc, ms)
			for _, w := range tc.want {
				m := findMention(ms, w.Text, w.Nth)
				if m == nil {
					t.Errorf("no mention %q (#%d); got:%s", w.Text, w.Nth, dump(ms))
					continue
				}
				if m.Actor.Code != w.Code || (w.Name != "" && m.Actor.Name != w.Name) || m.Actor.Anonymous != w.Anon || !strings.HasPrefix(m.Rule, w.Rule) {
					t.Errorf("%q: got code %q name %q anonymous %v rule %q; want %q %q %v %q",
						w.Text, m.Actor.Code, m.Actor.Name, m.Actor.Anonymous, m.Rule, w.Code, w.Name, w.Anon, w.Rule)
				}
			}
			for _, a := range tc.absent {
				for _, m := range ms {
					if m.Text == a {
						t.Errorf("unexpected mention %q → %q [%s]", a, m.Actor.Code, m.Rule)
					}
				}
			}
		})
	}
}

// A form of address with a surname that is also a role word ("Mr. King",
// "Ms. Mayor") is the one person of that surname the document named, not
// the role.
func TestAddressedSurnameNotRole(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	for _, c := range []struct{ text, want string }{
		{"Arvo Mayor hosts a show on the network. Mr. Mayor said he was not familiar with the rest of it.", "Arvo Mayor"},
		{"Arvo Mayor and Tiit Mayor host a show. Mr. Mayor said he was not familiar with the rest of it.", ""},
	} {
		doc := &model.Document{Text: c.text, Kind: model.KindArticle}
		got, found := "", false
		for _, m := range r.Find(doc, an.Analyze(doc.Text)) {
			if m.Text == "Mr. Mayor" {
				got, found = m.Actor.Name, true
			}
		}
		if c.want != "" && (!found || got != c.want) || c.want == "" && got != "" {
			t.Errorf("%q: Mr. Mayor is %q (found %v), want %q", c.text, got, found, c.want)
		}
	}
}

// quotationCloses finds the mark that closes each token's quotation:
// curly and straight marks, a quotation begun in an earlier sentence of
// the paragraph, one still open at the sentence's end (the sentence's
// length), and none for a closing mark with no quotation open in its
// paragraph.
func TestQuotationCloses(t *testing.T) {
	an := testAnalyzer(t)
	for _, tc := range []struct {
		text     string
		sentence int
		want     []int
	}{
		{`"Yes," he said.`, 0, []int{3, 3, 3, 3, -1, -1, -1}},
		{"“Yes,” he said, “and so.”", 0, []int{3, 3, 3, 3, -1, -1, -1, 11, 11, 11, 11, 11}},
		{"“We know. We stay,” she said.", 1, []int{3, 3, 3, 3, -1, -1, -1}},
		{"He called. We stay,” she said.", 1, []int{-1, -1, -1, -1, -1, -1, -1}},
		{"He said “we stay.", 0, []int{-1, -1, 6, 6, 6, 6}},
		{"''We stay,'' he said.", 0, []int{6, 6, 6, 6, 6, 6, 6, -1, -1, -1}},
		{"She called it 'a total mess' twice.", 0, []int{-1, -1, -1, 7, 7, 7, 7, 7, -1, -1}},
	} {
		td := an.Analyze(tc.text)
		if got := quotationCloses(td, tc.sentence); !slices.Equal(got, tc.want) {
			t.Errorf("%q, sentence %d: closes %v, want %v", tc.text, tc.sentence, got, tc.want)
		}
	}
}

// Whom a pronoun stands for, with quotations, gender and subjects about
// it. A row asks the mention's actor to be name (exactly, "" for none,
// when exact), or not to be notName; needs, when set, is a mention the
// row must have, or it checks nothing.
func TestPronounAntecedents(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	for _, tc := range []struct {
		text, date, mention string
		nth                 int
		name, notName       string
		exact               bool
		needs               string
	}{
		// a resolved pronoun subject makes its person a subject of its
		// sentence: after "He said Omar Varga had left", "he" is not Omar
		// Varga for being the only name there that is a subject
		{text: "Adel Okafor spoke on Monday. He said Omar Varga had left the town. “We do not teach anything,” he said.", mention: "He", name: "Adel Okafor"},
		{text: "Adel Okafor spoke on Monday. He said Omar Varga had left the town. “We do not teach anything,” he said.", mention: "he", notName: "Omar Varga", needs: "Omar Varga"},
		// the words of the quotation of the sentence before are not whom
		// a pronoun after it means, whatever marks it
		{text: "Lena Varga spoke about her aim. “I want Amani Odhiambo to win.” After all, she says, “I never claimed to be neutral.”",
			date: "2016-05-02", mention: "she", notName: "Amani Odhiambo", needs: "Amani Odhiambo"},
		{text: "Lena Varga spoke about her aim. ''I want Amani Odhiambo to win.'' After all, she says, ''I never claimed to be neutral.''",
			date: "2016-05-02", mention: "she", notName: "Amani Odhiambo", needs: "Amani Odhiambo"},
		// a pronoun of one gender is not a person whose given name is of
		// the other
		{text: "Bernie Okafor endorsed the challenger of Lena Varga. “Do not let the perfect be the enemy of the good,” she said.", mention: "she", exact: true, needs: "Bernie Okafor"},
		// a sentence all quotation, of a quotation going on into the
		// pronoun's, is passed over for the one before it; so are the
		// middle sentences of a quotation
		{text: "Ana Varga spoke on Monday. “Why will the council not release the returns? I think there are reasons,” she said.", mention: "she", name: "Ana Varga", exact: true},
		{text: "Adel Okafor spoke on Monday. “Why will the council not release the returns? What is Odhiambo hiding? I think there are reasons,” he said.",
			date: "2016-05-02", mention: "he", name: "Adel Okafor"},
		// a name written after a word is the dictionary's person
		{text: "Democrat Amani Odhiambo spoke on Monday. Odhiambo said the port was open.", date: "2016-05-02", mention: "Odhiambo", name: "Amani Odhiambo"},
		// the subject "he" of a clause of place, or of a coordinated
		// clause, is the main clause's "he", known or not, not the
		// nearest name between them; in a reported clause it may be
		// anyone
		{text: "He visited Prime Minister Adel Okafor in Tamsin, where he also met with local reporters.", mention: "he", notName: "Adel Okafor", needs: "Prime Minister Adel Okafor"},
		{text: "Omar Varga kept up his criticism. However, he held his fire on Adel Okafor, calling him a nice guy, and he did not describe the mayor.", mention: "he", nth: 1, name: "Omar Varga", exact: true},
		// a form of address of the other gender rules a person out: "Mr.
		// Varga" after Ana Varga is not she, and a "he" is not "Mrs.
		// Okafor", whom the document names no further
		{text: "Mary Varga spoke on Monday in Tamsin. Mr. Varga, her husband, stayed home.", mention: "Mr. Varga", notName: "Mary Varga", needs: "Mary Varga"},
		{text: "Depending on Mrs. Okafor's strength in the polls, he might not have to go far.", mention: "he", notName: "Okafor", needs: "Mrs. Okafor"},
		// the people an attribution closing its sentence reports about
		// are not who says it
		{text: "Ben Adler, a Republican expert, said the council had failed. The slogan of the council feels bloodless compared with the appeals of Mr. Okafor, he said.", mention: "he", name: "Ben Adler", exact: true},
		// a name with an age set off after it is someone's, however the
		// parse hangs it ("As a part of his plea, X, 44, said"), and the
		// "he" after it theirs, not an earlier name's
		{text: "The exhibit included paintings by Adel Okafor. As a part of his plea, Karl Brodin, 44, said that he lied.", mention: "he", nth: 0, name: "Karl Brodin", exact: true},
		// a person the text names by surname alone has the gender of the
		// dictionary's full name: "he" is not Mary Achieng
		{text: "Achieng spoke in Nairobi on Monday. He said the port was open.", date: "2016-05-02", mention: "He", notName: "Mary Achieng", needs: "Achieng"},
		// a sentence with a subject outside its quotation stops the search
		{text: "Ana Varga spoke on Monday. “We will win,” a campaign aide said. She smiled.", mention: "She", notName: "Ana Varga", needs: "Ana Varga"},
		// every candidate of the sentence of the other gender: the one before
		{text: "Mary Varga spoke on Monday. When Paul Okafor called, she said the port was open.", mention: "she", name: "Mary Varga"},
		// a person whose gender is not known is not taken for a "she" when
		// the sentence names a woman too, even behind a description
		{text: "Chris Varga described Democratic nominee Mary Achieng as a disgrace after she attacked the port.", date: "2016-05-02", mention: "she", exact: true, needs: "Democratic nominee Mary Achieng"},
		// the president of something the dictionary does not know is not
		// whoever the document calls the president
		{text: "President Odhiambo spoke on Monday. Ana Ruiz, president of the Harrowgate Institute, tied the scores to the rates.", date: "2016-05-02", mention: "president", notName: "Amani Odhiambo", needs: "President Odhiambo"},
		// a name with a person's description in apposition is a person's,
		// whatever the parse makes of the sentence
		{text: "Michael J. Varga, president of the Thomas B. Harrowgate Institute, tied those test scores to improved graduation rates, saying the law helped “millions of kids who would have been on a trajectory to drop out of high school, and instead, they made it.”", mention: "Michael J. Varga", name: "Michael J. Varga", exact: true},
		// (but a title before the next name of a list is no apposition)
		{text: "Four candidates used much of their time to criticize the media for ignoring them: Former Harrowgate-Packard CEO Carla Varga, former Ohio governor Jim Poe, former Kansas senator Rick Okafor and Ben Mwangi.", mention: "Harrowgate-Packard CEO Carla Varga", notName: "Harrowgate-Packard CEO Carla Varga", needs: "Ohio governor Jim Poe"},
		// a capitalised title the text layer leaves out of the name
		// still titles it, whatever the parse makes of the sentence
		{text: "Senator Ana Varga advocates tax increases.", mention: "Senator Ana Varga", name: "Ana Varga", exact: true},
		// a titled name set off by an apposition is the subject the tree
		// says it is
		{text: "Congressman Chris Varga, an Amani Odhiambo supporter, said the port would reopen. Victory is vital, he said.", date: "2016-05-02", mention: "he", name: "Chris Varga", exact: true, needs: "Amani Odhiambo"},
		// a subject two of the document's people are named by is someone
		// not known, not a reason to look past them ("her … Varga
		// delivered", "“…,” she said" after it)
		{text: "Ana Varga and Tom Varga spoke on Monday. “The port is slow,” said Mitchell Poe, a professor. After focusing her attention on the ferries, Varga delivered a message that resonates for many mayors. “Our roads are potholed,” she said.", mention: "she", notName: "Mitchell Poe", needs: "Mitchell Poe"},
		{text: "Ana Varga and Tom Varga spoke on Monday. “The port is slow,” said Mitchell Poe, a professor. After focusing her attention on the ferries, Varga delivered a message that resonates for many mayors.", mention: "her", notName: "Mitchell Poe", needs: "Mitchell Poe"},
		// a bare role that holders of two organisations hold in the
		// document is neither's
		{text: "President Amani Odhiambo spoke in Nairobi. He later played golf with African Union President Jo Varga. The president said the talks would resume.", date: "2016-05-02", mention: "The president", notName: "Jo Varga", needs: "African Union President Jo Varga"},
		// a subject pronoun before an adverb or an aside is still one
		{text: "Adel Okafor spoke on Monday. The candidate insists, most recently in an interview, that he really, really wants to leave.", mention: "he", name: "Adel Okafor", exact: true},
		{text: "Adel Okafor spoke on Monday. He, too, wants to leave.", mention: "He", name: "Adel Okafor", exact: true},
		// given names of many countries say a gender: "she" is not Karl
		// Adler, whom the sentence names before anyone else
		{text: "Gov. Karl Adler criticized Ines Brodin after she attacked the officers.", mention: "she", notName: "Karl Adler", needs: "Gov. Karl Adler"},
		// a person of the pronoun's gender as a verb's object between the
		// subject and the pronoun may be whom it stands for as well
		{text: "Marco Vance spoke first. Moderator Bret Adler started the exchange off by asking Vance why he decided to attack the mayor.", mention: "he", exact: true, needs: "Vance"},
		{text: "Marco Vance spoke first. Moderator Bret Adler started the exchange off by asking the crowd why he decided to attack Vance.", mention: "he", name: "Bret Adler", exact: true},
		// a "their" after an actor coordinated with another is theirs
		// together, no group of the sentence before
		{text: "Hundreds of rebels were killed. The Kenyan government called for an investigation of the Ugandan government and its ally, Somalia, for their bombardment of the town.", mention: "their", exact: true, needs: "rebels"},
		// a pronoun inside a quotation is not the speaker for being outside one
		{text: "Ana Varga spoke on Monday. “Odhiambo is right,” Varga said, “and he will win.”", date: "2016-05-02", mention: "he", notName: "Ana Varga", needs: "Ana Varga"},
	} {
		doc := &model.Document{Text: tc.text, Kind: model.KindArticle, Date: date(tc.date)}
		ms := r.Find(doc, an.Analyze(tc.text))
		checkMentions(t, doc, ms)
		if tc.needs != "" && findMention(ms, tc.needs, 0) == nil {
			t.Errorf("%q: no mention %q: the row checks nothing:%s", tc.text, tc.needs, dump(ms))
		}
		got := ""
		if m := findMention(ms, tc.mention, tc.nth); m != nil {
			got = m.Actor.Name
		}
		if (tc.exact || tc.name != "") && got != tc.name || tc.notName != "" && got == tc.notName {
			t.Errorf("%q: %q is %q:%s", tc.text, tc.mention, got, dump(ms))
		}
	}
}

// placesResolver is testResolver knowing two places of Tanzania, "New
// Kenya" and "Port Dodoma".
func placesResolver(t *testing.T) *Resolver {
	t.Helper()
	places, err := actors.Load(fstest.MapFS{"places.yaml": {Data: []byte(
		"countries:\n  - code: TZA\n    name: Tanzania\n    names: [New Kenya, Port Dodoma]\n")}}, "places.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return testResolver(t).WithPlaces(places)
}

// The press's abbreviated titles are forms of address ("Sen. X", "Rep.
// X", "Gov. X"), and a person "of" a place of a country is of that
// country unless more of the place follows ("of Y, Z").
func TestPressTitlesAndPlaces(t *testing.T) {
	r := placesResolver(t)
	an := testAnalyzer(t)
	tests := []struct {
		text       string
		mention    string
		code, name string
	}{
		{"Sen. Ana Ruiz (D-Harrow) criticized the plan on Monday.", "Sen. Ana Ruiz", "", "Ana Ruiz"},
		{"Rep. Ben Adler said the plan would fail.", "Rep. Ben Adler", "", "Ben Adler"},
		{"Gov. Ana Ruiz of New Kenya criticized the plan.", "Gov. Ana Ruiz of New Kenya", "TZA", "Ana Ruiz"},
		{"Gov. Ana Ruiz of Port Dodoma, Harrow, criticized the plan.", "", "", ""},
	}
	for _, tc := range tests {
		doc := &model.Document{ID: "t", Text: tc.text}
		ms := r.Find(doc, an.Analyze(tc.text))
		checkMentions(t, doc, ms)
		if tc.mention == "" {
			for _, m := range ms {
				if m.Actor.Code != "" {
					t.Errorf("%s: a place with more after it gives no code: %s", tc.text, dump(ms))
				}
			}
			continue
		}
		m := findMention(ms, tc.mention, 0)
		if m == nil || m.Actor.Code != tc.code || m.Actor.Name != tc.name || !m.Actor.Person {
			t.Errorf("%s: want %q → %q %q, a person: %s", tc.text, tc.mention, tc.code, tc.name, dump(ms))
		}
	}
}

// A surname alone is not the dictionary's person of that surname when an
// apposition describes the one meant as of another country, or of a place
// in another country ("Hammond, the Indiana national committeeman" is not
// the British minister); the same apposition of the person's own country
// keeps them.
func TestSurnameDescribedAsOfAnotherCountry(t *testing.T) {
	r := placesResolver(t)
	an := testAnalyzer(t)
	for _, tc := range []struct {
		text, surname, name, date string
		want                      bool
	}{
		{"Reached by the Ledger, Tesfaye, the Kenyan national committeeman, declined to repeat his criticism.", "Tesfaye", "Berhane Tesfaye", "2015-06-01", false},
		{"Reached by the Ledger, Tesfaye, the Port Dodoma national committeeman, declined to repeat his criticism.", "Tesfaye", "Berhane Tesfaye", "2015-06-01", false},
		{"Reached by the Ledger, Tesfaye, the Ethiopian prime minister, declined to repeat his criticism.", "Tesfaye", "Berhane Tesfaye", "2015-06-01", true},
		// a person of an international organisation, once a minister of
		// a country, described by that nationality: still the person
		{"Reached by the Ledger, Warsame, the Somali diplomat, declined to repeat her criticism.", "Warsame", "Nadia Warsame", "2018-06-01", true},
	} {
		doc := &model.Document{ID: "t", Text: tc.text, Kind: model.KindArticle, Date: date(tc.date)}
		ms := r.Find(doc, an.Analyze(tc.text))
		checkMentions(t, doc, ms)
		got := false
		for _, m := range ms {
			if strings.HasPrefix(m.Text, tc.surname) && m.Actor.Name == tc.name {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%s: %s is %q, want %s: %v:%s", tc.text, tc.surname, tc.name, map[bool]string{true: "it", false: "not it"}[tc.want], got, dump(ms))
		}
	}
}

// "if elected president" names the office, nobody who holds it: no
// mention of the president the document names, however the parse hangs
// "elected" on the role.
func TestElectedOfficeIsNoHolder(t *testing.T) {
	r := testResolver(t)
	an := testAnalyzer(t)
	text := "President Amani Odhiambo spoke on Monday. Despite challenging him, Chris Varga said if elected president he could work with the council."
	doc := &model.Document{ID: "t", Text: text, Kind: model.KindArticle, Date: date("2016-05-02")}
	ms := r.Find(doc, an.Analyze(text))
	checkMentions(t, doc, ms)
	if findMention(ms, "President Amani Odhiambo", 0) == nil {
		t.Fatalf("no mention of the president: the test checks nothing:%s", dump(ms))
	}
	for _, m := range ms {
		if strings.Contains(m.Text, "elected") || m.Text == "president" {
			t.Errorf("%q is a mention of %q:%s", m.Text, m.Actor.Name, dump(ms))
		}
	}
}

// shippedResolver is a resolver with the shipped actor dictionary.
func shippedResolver(t *testing.T) *Resolver {
	t.Helper()
	d, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewFromData(d, os.DirFS("../../data"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A country's name that is a word of a person's name is no country:
// after a given name ("Police Chief Chuck Kenya said", with the shipped
// dictionary, whose agent "Police Chief" leaves "Chuck Kenya" a name run
// of its own), or itself a given name before a surname ("said Chad
// Bown"), but not before a day ("attacked Chad Sunday").
func TestCountryInAPersonsName(t *testing.T) {
	r := shippedResolver(t)
	an := testAnalyzer(t)
	for _, tc := range []struct {
		text, code string
		country    bool
	}{
		{"Police Chief Chuck Kenya said the case was closed.", "KEN", false},
		// a country's name that is a given name ("Chad", genders.txt)
		// before a surname no dictionary knows
		{"The rules matter, said Chad Bown, an expert on trade.", "TCD", false},
		{"Rebels attacked Chad on Sunday.", "TCD", true},
		{"Rebels attacked Chad Sunday.", "TCD", true},
		{"Kenya said the case was closed.", "KEN", true},
		{"Rebels attacked Kenya Sunday.", "KEN", true},
	} {
		doc := &model.Document{ID: "t", Text: tc.text}
		ms := r.Find(doc, an.Analyze(tc.text))
		checkMentions(t, doc, ms)
		found := false
		for _, m := range ms {
			found = found || m.Actor.Code == tc.code
		}
		if found != tc.country {
			t.Errorf("%s: the country %s %v, want %v: %s", tc.text, tc.code, found, tc.country, dump(ms))
		}
	}
}

// A country's name alone that is the surname of a person the document
// names in full is that person as the subject of "say" ("“…,” Kenya
// said" after "Rep. Ana Kenya"), and still the country otherwise
// ("Kenya is a large country").
func TestCountryNameAsASurname(t *testing.T) {
	r := shippedResolver(t)
	const text = "Rep. Ana Kenya (R-Ohio) said the plan would fail.\n\n“It will fail,” Kenya said. Kenya is a large country."
	doc := &model.Document{ID: "t", Text: text}
	ms := r.Find(doc, testAnalyzer(t).Analyze(text))
	checkMentions(t, doc, ms)
	at := func(off int) *model.Mention {
		for i := range ms {
			if ms[i].Start == off {
				return &ms[i]
			}
		}
		return nil
	}
	said, country := at(strings.Index(text, "Kenya said")), at(strings.Index(text, "Kenya is"))
	if said == nil || said.Actor.Code == "KEN" || said.Actor.Name != "Ana Kenya" {
		t.Errorf("“…,” Kenya said: %+v, want Ana Kenya: %s", said, dump(ms))
	}
	if country == nil || country.Actor.Code != "KEN" {
		t.Errorf("Kenya is a large country: %+v, want the country: %s", country, dump(ms))
	}
}
