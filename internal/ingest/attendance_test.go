package ingest

import (
	"context"
	"reflect"
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
