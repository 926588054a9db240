package ingest

import (
	"context"
	"github.com/dossier-project/dossier/internal/model"
	"strings"
	"testing"
)

func testVocab(t *testing.T) *Vocab {
	t.Helper()
	v, err := defaultVocab()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12 March 2024", "2024-03-12"},
		{"March 12, 2024", "2024-03-12"},
		{"Tuesday, 12 March 2024", "2024-03-12"},
		{"2024-03-12", "2024-03-12"},
		{"25/12/2023", "2023-12-25"},
		{"12/25/2023", "2023-12-25"},
		{"03/04/2024", ""}, // day-first and month-first disagree
		{"March 3", ""},    // no year
		{"yesterday", ""},
		{"2024", ""},
		{"March 2024", ""},
		{"not a date", ""},
	}
	for _, tc := range tests {
		got, ok := parseDate(tc.in)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tc.want {
			t.Errorf("parseDate(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestTitleName(t *testing.T) {
	v := testVocab(t)
	tests := map[string]string{
		"ALI ZEIDAN":       "Ali Zeidan",
		"JUAN DE LA CRUZ":  "Juan de la Cruz",
		"SEAN O'BRIEN":     "Sean O'Brien",
		"OMAR AL-RASHID":   "Omar al-Rashid",
		"AL-RASHID":        "Al-Rashid",
		"KARL VON BERG II": "Karl von Berg II",
		"Already Mixed":    "Already Mixed",
	}
	for in, want := range tests {
		if got := titleName(in, v); got != want {
			t.Errorf("titleName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitRoleOrg(t *testing.T) {
	v := testVocab(t)
	tests := []struct{ in, role, org string }{
		{"ORGX Secretary General", "Secretary General", "ORGX"},
		{"Prime Minister of Kenya", "Prime Minister", "Kenya"},
		{"Spokesperson, Ministry of Health", "Spokesperson", "Ministry of Health"},
		{"Ministry of Health, Spokesperson", "Spokesperson", "Ministry of Health"},
		{"European Commission President", "President", "European Commission"},
		{"Minister of Foreign Affairs", "Minister of Foreign Affairs", ""},
		{"Mayor", "Mayor", ""},
	}
	for _, tc := range tests {
		r, o := splitRoleOrg(tc.in, v)
		if r != tc.role || o != tc.org {
			t.Errorf("splitRoleOrg(%q) = %q, %q; want %q, %q", tc.in, r, o, tc.role, tc.org)
		}
	}
}

func TestFrontMatterVariants(t *testing.T) {
	tests := []struct {
		name, src        string
		title, publisher string
		authors          []string
		date, source     string
		warning          string
	}{
		{
			name:  "agency dateline without year",
			src:   "Talks stall over border\n\nBy Ana Ruiz, Bea Kim and Carl Obi, Reuters\n\nNAIROBI, March 3 (Reuters) - Talks stalled on Monday.\n",
			title: "Talks stall over border", publisher: "Reuters",
			authors: []string{"Ana Ruiz", "Bea Kim", "Carl Obi"},
			warning: "has no year",
		},
		{
			name:  "bare date line under the title",
			src:   "Council adopts budget\n12 March 2024\n\nThe council adopted the budget.\n",
			title: "Council adopts budget", date: "2024-03-12", source: "header",
		},
		{
			name:  "byline with job title and date",
			src:   "Title here\n\nBy Jane Roe, Staff Writer | 5 June 2023\n\nText.\n",
			title: "Title here", authors: []string{"Jane Roe"}, date: "2023-06-05", source: "header",
		},
		{
			name:  "sentence starting with By is not a byline",
			src:   "Plans for the year\n\nBy 2030, ORGX will double its forces.\n",
			title: "Plans for the year",
		},
		{
			name:  "header date without a year",
			src:   "Weekly notes\nDate: 4 May\n\nText.\n",
			title: "Weekly notes", warning: "no full date",
		},
		{
			name: "dateline on a line of its own",
			src:  "Addis Ababa, 12 March 2024\n\nThe ministers met.\n",
			date: "2024-03-12", source: "dateline",
		},
		{
			name:  "dateline of its own under a title",
			src:   "Ministers meet\nSAN JOSE, Costa Rica, 3 May 2021\n\nThe ministers met.\n",
			title: "Ministers meet", date: "2021-05-03", source: "dateline",
		},
		{
			name:  "place and region without a date is a title",
			src:   "Paris, Texas\n\nThe film opened.\n",
			title: "Paris, Texas",
		},
		{
			name:  "a date opening a line of the text is no header",
			src:   "Website faults checks of claims\n\nEconomic data and other facts are crucial when it comes to helping a voter of Varnow make an informed decision at the polls.\n\nOn July 6, 2015, Ada Lind made the following comment:\n",
			title: "Website faults checks of claims",
		},
		{
			name:  "header line opening with a date",
			src:   "Harbour Board - Regular Meeting\n\nTuesday, 11 June 2024, 7:00 p.m., Board Room\n\nCHAIR: We begin.\n",
			title: "Harbour Board - Regular Meeting", date: "2024-06-11", source: "header",
		},
		{
			name:  "long title",
			src:   "Harbour board press conference following the vote on the dredging contract for the northern channel of the port\n\nText.\n",
			title: "Harbour board press conference following the vote on the dredging contract for the northern channel of the port",
		},
		{
			name: "first line is a sentence",
			src:  "This is a sentence that ends with a full stop.\n\nMore.\n",
		},
		{
			name: "first line is a one-sentence paragraph",
			src:  "The council of Varnow met on Tuesday.\n\nIt approved the budget.\n",
		},
		{
			name:  "headline with a full stop, in sentence case",
			src:   "Green candidate Ada Lind removed from N.Y. debate site by police.\n\nAda Lind was escorted out of the hall.\n",
			title: "Green candidate Ada Lind removed from N.Y. debate site by police.",
		},
		{
			name:  "headline with a full stop, in title case",
			src:   "A Curious Plan to Save the Port of Varnow: Sell the Cranes.\n\nThe board met.\n",
			title: "A Curious Plan to Save the Port of Varnow: Sell the Cranes.",
		},
		{
			name:  "headline with a kicker and a full stop",
			src:   "The Latest: Mayor of Varnow urges residents to stay home.\n\nThe storm reached the coast.\n",
			title: "The Latest: Mayor of Varnow urges residents to stay home.",
		},
		{
			name: "two sentences on the first line are not a headline",
			src:  "Ada Lind resigned. Her deputy takes over.\n\nThe board met.\n",
		},
		{
			name: "a line with a full stop and nothing after it",
			src:  "Ada Lind resigned from the board of Varnow.\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := Parse(context.Background(), "x.txt", []byte(tc.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.Title != tc.title || d.Publisher != tc.publisher || strings.Join(d.Authors, "|") != strings.Join(tc.authors, "|") {
				t.Errorf("title/publisher/authors = %q/%q/%q, want %q/%q/%q", d.Title, d.Publisher, d.Authors, tc.title, tc.publisher, tc.authors)
			}
			if d.DateString() != tc.date || d.DateSource != tc.source {
				t.Errorf("date = %q from %q, want %q from %q", d.DateString(), d.DateSource, tc.date, tc.source)
			}
			if tc.warning != "" && !strings.Contains(strings.Join(d.Warnings, "\n"), tc.warning) {
				t.Errorf("warnings = %q, want one with %q", d.Warnings, tc.warning)
			}
		})
	}
}

func TestSpeakerResolution(t *testing.T) {
	src := "Remarks to the press\n\nJoint appearance of the President of Westland, Maria Costa, and Mayor Jane Whitfield.\n\n" +
		"THE PRESIDENT: We agreed on a plan.\n\nMAYOR WHITFIELD: The city will help.\n\nJANE WHITFIELD: One more thing.\n\n" +
		"Q: Jane Roe, Daily Planet: When?\n\nMARIA COSTA: Soon.\n"
	docs, err := Parse(context.Background(), "r.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkSpans(t, d)
	want := []wantSpeaker{
		{"Maria Costa", "President", "Westland", false},
		{"Jane Whitfield", "Mayor", "", false},
		{"Jane Roe", "journalist", "Daily Planet", true},
	}
	if len(d.Speakers) != len(want) {
		t.Fatalf("speakers = %+v", d.Speakers)
	}
	for i, w := range want {
		g := d.Speakers[i]
		if g.Name != w.name || g.Role != w.role || g.Organization != w.org || g.Questioner != w.questioner {
			t.Errorf("speaker %d = %+v, want %+v", i, g, w)
		}
	}
	if got := strings.Join(d.Speakers[1].Labels, "|"); got != "MAYOR WHITFIELD|JANE WHITFIELD" {
		t.Errorf("labels = %q", got)
	}
	if d.Turns[4].Speaker != 0 {
		t.Errorf("MARIA COSTA turn speaker = %d, want 0", d.Turns[4].Speaker)
	}
}

// TestAnswersGoToThePersonTheHeaderNames: in a Q:/A: transcript with no
// named speaker, the answers are the one person the header names.
func TestAnswersGoToThePersonTheHeaderNames(t *testing.T) {
	body := "\n\nEastport, 14 November 2024\n\nQ: Has the bridge reopened?\n\nA: It reopened on Tuesday.\n\nQ: And the toll?\n\nA: Not before March.\n"
	for _, c := range []struct {
		header, want string
	}{
		{"Weekly briefing by the spokesperson of the Ministry of Roads, Ms Ada Kowalczyk-Nunes", "Ada Kowalczyk-Nunes"},
		{"Weekly briefing with Dr Ben Okafor and Ms Ada Nunes", ""},
		{"Weekly briefing of the Ministry of Roads", ""},
	} {
		docs, err := Parse(context.Background(), "b.txt", []byte(c.header+body), Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := docs[0]
		checkSpans(t, d)
		got := ""
		for _, tu := range d.Turns {
			if !tu.Question && tu.Speaker >= 0 {
				got = d.Speakers[tu.Speaker].Name
			} else if !tu.Question {
				got = ""
			}
		}
		if got != c.want {
			t.Errorf("%q: answers by %q, want %q (speakers %+v)", c.header, got, c.want, d.Speakers)
		}
	}
}

func TestStatementMarkersOnlyInTheHeader(t *testing.T) {
	for _, c := range []struct {
		src  string
		want model.Kind
	}{
		{"Statement by Harbour Watch\n\nPortville, 8 February 2024 - Harbour Watch calls for an inquiry.\n", model.KindStatement},
		{"STATEMENT\n\nHarbour Watch\nPortville, 8 February 2024\n\nHarbour Watch calls for an inquiry.\n", model.KindStatement},
		{"Press release\n\nThe board met today.\n", model.KindStatement},
		{"Army denies abuses\n\nPORTVILLE, 9 February 2024 - The spokesman denied the claims, according to a statement by Harbour Watch.\n", model.KindArticle},
		{"Minister's statement angers unions\n\nThe unions protested.\n", model.KindArticle},
	} {
		docs, err := Parse(context.Background(), "s.txt", []byte(c.src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if docs[0].Kind != c.want {
			t.Errorf("%q: kind %s, want %s", strings.SplitN(c.src, "\n", 2)[0], docs[0].Kind, c.want)
		}
	}
}

// TestDeclaredTranscriptWithOneTurn: a file declared a transcript keeps
// its one named speaker turn; undeclared, one turn is not a transcript.
func TestDeclaredTranscriptWithOneTurn(t *testing.T) {
	src := "Ruling of the land court\n\nJUSTICE ADA MWANGI: The respondents cannot remove the families without notice.\n"
	docs, err := Parse(context.Background(), "r.txt", []byte(src), Options{Flags: Meta{Kind: "transcript"}})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkSpans(t, d)
	if d.Kind != model.KindTranscript || len(d.Turns) != 1 || len(d.Speakers) != 1 || d.Speakers[0].Name != "Ada Mwangi" {
		t.Errorf("declared transcript: kind %s, turns %d, speakers %+v", d.Kind, len(d.Turns), d.Speakers)
	}
	docs, err = Parse(context.Background(), "r.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].Kind == model.KindTranscript {
		t.Errorf("one turn in an undeclared file should not make a transcript")
	}
}

// An abbreviated title is a form of address with its period ("Gen.
// Karl Brodin"); bare, some are words names are made of: "Maria del
// Carmen Ruiz" names no one "Carmen Ruiz", and a label "DEL TORO" keeps
// its whole name.
func TestAbbreviatedTitlesNeedTheirPeriod(t *testing.T) {
	v := testVocab(t)
	if got := honorificNames("Present: Gen. Karl Brodin and Maria del Carmen Ruiz", nil, v); len(got) != 1 || got[0] != "Karl Brodin" {
		t.Errorf("names after a form of address: %q, want only Karl Brodin", got)
	}
	if sp := namedSpeaker("DEL TORO", "", v); sp == nil || !strings.Contains(strings.ToUpper(sp.Name), "DEL TORO") {
		t.Errorf("label DEL TORO read as %+v", sp)
	}
	if sp := namedSpeaker("GEN. KARL BRODIN", "", v); sp == nil || strings.Contains(strings.ToUpper(sp.Name), "GEN") {
		t.Errorf("label GEN. KARL BRODIN read as %+v", sp)
	}
}
