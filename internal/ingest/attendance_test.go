package ingest

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestAttendeeNames(t *testing.T) {
	v := testVocab(t)
	got := attendeeNames("Chair Odile Brannock (presiding); Councillors Teodor Vasko, Mirren Achebe and Dr Lusine Harutyunyan; the Town Clerk.", v)
	want := []string{"Odile Brannock", "Teodor Vasko", "Mirren Achebe", "Lusine Harutyunyan"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSpeakersNamedFromAttendance(t *testing.T) {
	src := "Minutes of the ferry committee\n\n" +
		"PRESENT: Councillors Teodor Vasko, Mirren Achebe,\nAnna Achebe and Lusine Harutyunyan.\n" +
		"APOLOGIES: Councillor Brendan Quayle.\n\n" +
		"COUNCILLOR VASKO: The ferry is late again.\n\n" +
		"COUNCILLOR ACHEBE: It is.\n\n" +
		"COUNCILLOR HARUTYUNYAN: We should ask why.\n\n" +
		"COUNCILLOR OKAFOR: I agree.\n"
	docs, err := Parse(context.Background(), "minutes.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range docs[0].Speakers {
		names = append(names, s.Name)
	}
	// One attendee of that surname: the full name. Two (the Achebes):
	// unknown which, the surname stays. None (Okafor): as labelled. The
	// attendance labels are no speakers.
	want := []string{"Teodor Vasko", "Achebe", "Lusine Harutyunyan", "Okafor"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("speakers %q, want %q", names, want)
	}
	if !strings.Contains(docs[0].Text, "PRESENT: Councillors Teodor Vasko") {
		t.Error("attendance line lost")
	}
}

// A transcript's header may list who takes part ("Participants: …
// Moderator: …", two lists on one line): those lines give their full
// names to the speakers labelled by surname, as attendance lines do, and
// only in the header: a turn "MODERATOR: …" is no list of people.
func TestSpeakersNamedFromHeaderRoster(t *testing.T) {
	src := "Second mayoral debate, Kelby Town Hall\n\n3 May 2021\n\n" +
		"Participants: Odile Brannock (Green candidate) and Teodor J. Vasko (Labour candidate). Moderators: Mirren Achebe, Kelby Radio News, and Lusine Harutyunyan, KTV.\n\n" +
		"ACHEBE: Good evening, Teodor Okafor and Anna Petrak.\n\n" +
		"BRANNOCK: Thank you.\n\n" +
		"VASKO: Good evening.\n\n" +
		"HARUTYUNYAN: Our first question.\n\n" +
		"MODERATOR: Anna Petrak, Ivo Quayle and Teodor Okafor, you have the floor.\n\n" +
		"OKAFOR: Thank you.\n"
	docs, err := Parse(context.Background(), "debate.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range docs[0].Speakers {
		names = append(names, s.Name)
	}
	want := []string{"Mirren Achebe", "Odile Brannock", "Teodor J. Vasko", "Lusine Harutyunyan", "Okafor"}
	if len(names) < len(want) || !reflect.DeepEqual(names[:4], want[:4]) || !slices.Contains(names, "Okafor") {
		t.Errorf("speakers %q, want %q (and a moderator)", names, want)
	}
	// The roster's people, with the roles its parentheses give; the
	// stations are no people, and neither is anyone a turn names.
	var got []string
	for _, a := range Attendance(docs[0].Text, testVocab(t)) {
		got = append(got, a.Name+" ("+strings.Join(a.Roles, "; ")+")")
	}
	wantPeople := []string{"Odile Brannock (Green candidate)", "Teodor J. Vasko (Labour candidate)", "Mirren Achebe ()", "Lusine Harutyunyan ()"}
	if !reflect.DeepEqual(got, wantPeople) {
		t.Errorf("attendance %q, want %q", got, wantPeople)
	}
}

// TestAttendance reads attendance lines into people with their roles,
// each with the place of the name in the text.
func TestAttendance(t *testing.T) {
	v := testVocab(t)
	type person struct {
		name  string
		roles string
	}
	for _, tc := range []struct {
		name, text string
		want       []person
	}{
		{"semicolons and a plural role", "Minutes\n\nPRESENT: Chair Odile Brannock; Councillors Teodor Vasko, Mirren Achebe\nand Lusine Harutyunyan.\nAPOLOGIES: Councillor Brendan Quayle.\n\nCHAIR BRANNOCK: Good evening.\n",
			// Those who sent apologies are people of the minutes too.
			[]person{{"Odile Brannock", "Chair"}, {"Teodor Vasko", "Councillor"}, {"Mirren Achebe", "Councillor"}, {"Lusine Harutyunyan", "Councillor"}, {"Brendan Quayle", "Councillor"}}},
		{"a parenthesis gives a role", "Present: Mayor Ana Quiroz (chair); Councillors Ben Adlam, Dr Ivo Petrak\n\nMAYOR QUIROZ: We begin.\n",
			[]person{{"Ana Quiroz", "Mayor; chair"}, {"Ben Adlam", "Councillor"}, {"Ivo Petrak", "Councillor"}}},
		{"a singular role is the one name's", "Attendees: Mayor Wim Doorn, Hana Sklar\n",
			[]person{{"Wim Doorn", "Mayor"}, {"Hana Sklar", ""}}},
		{"in attendance, a name without role", "In attendance: Pell Oduya (observer)\n",
			[]person{{"Pell Oduya", "observer"}}},
		{"not at the start of a line", "The list was read. Present: Chair Odile Brannock.\n", nil},
		{"a surname alone, a role alone and an office are no person", "PRESENT: Councillor Vasko; the Town Clerk; Kelby Parish Council\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Attendance(tc.text, v)
			var ps []person
			for _, a := range got {
				ps = append(ps, person{a.Name, strings.Join(a.Roles, "; ")})
				if a.Span.Text != a.Name || tc.text[a.Span.Start:a.Span.End] != a.Name {
					t.Errorf("%s: span %d-%d is %q in the text", a.Name, a.Span.Start, a.Span.End, tc.text[a.Span.Start:a.Span.End])
				}
			}
			if !reflect.DeepEqual(ps, tc.want) {
				t.Errorf("got %v, want %v", ps, tc.want)
			}
		})
	}
}

// A roster list ends at the next roster label on the next line
// ("Participants: …\nModerator: …"), and the singular roster labels still
// label turns: an interview transcript's INTERVIEWER, INTERVIEWEE and
// PARTICIPANT are its speakers.
func TestRosterLinesAndRosterLabelsAsTurns(t *testing.T) {
	v := testVocab(t)
	var got []string
	for _, a := range Attendance("Debate of 3 May\n\nParticipants: Odile Brannock and Teodor Vasko\nModerator: Mirren Achebe\n\nBRANNOCK: Good evening.\n", v) {
		got = append(got, a.Name)
	}
	if want := []string{"Odile Brannock", "Teodor Vasko", "Mirren Achebe"}; !reflect.DeepEqual(got, want) {
		t.Errorf("attendees %q, want %q", got, want)
	}
	src := "Interview with the mayor, 3 May 2016\n\nINTERVIEWER: Why did you close the ferry?\n\n" +
		"INTERVIEWEE: Because the council voted to close it.\n\nINTERVIEWER: Will it reopen?\n\nPARTICIPANT: I hope so.\n"
	docs, err := Parse(context.Background(), "interview.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(docs[0].Turns); n != 4 {
		t.Errorf("%d turns, want 4 (kind %q)", n, docs[0].Kind)
	}
}
