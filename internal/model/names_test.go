package model

import "testing"

func TestSamePerson(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Jane Doe", "jane doe", true},
		{"Doe", "Jane Doe", true},
		{"Jane Doe", "Jane A. Doe", true},
		{"Jane Doe", "John Doe", false},
		{"Jane Doe", "Jane Roe", false},
		{"", "Jane Doe", false},
	} {
		if got := SamePerson(c.a, c.b); got != c.want {
			t.Errorf("SamePerson(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestPartOfDayRank(t *testing.T) {
	if !(PartOfDayRank("morning") < PartOfDayRank("afternoon") && PartOfDayRank("afternoon") < PartOfDayRank("evening") && PartOfDayRank("") == 0) {
		t.Error("parts of day out of order")
	}
}

func TestNewSpanClamps(t *testing.T) {
	for _, c := range [][2]int{{-3, 2}, {4, 99}, {99, 100}, {3, 1}} {
		s := NewSpan("hello", c[0], c[1])
		if err := s.Check("hello"); err != nil {
			t.Errorf("NewSpan(%d, %d): %v", c[0], c[1], err)
		}
	}
}

func TestParticipantLabel(t *testing.T) {
	for _, c := range []struct {
		p    Participant
		want string
	}{
		{Participant{Span: Span{Text: "the  prime\nminister"}, Code: "KENGOV", Name: "Jane Doe"}, "Jane Doe (KENGOV)"},
		{Participant{Span: Span{Text: "the  prime\nminister"}, Code: "KENGOV"}, "the prime minister (KENGOV)"},
		{Participant{Span: Span{Text: "Ms Roe"}}, "Ms Roe"},
	} {
		if got := c.p.Label(); got != c.want {
			t.Errorf("Label() = %q, want %q", got, c.want)
		}
	}
}

func TestSpeakerText(t *testing.T) {
	for _, c := range []struct {
		q    Quote
		want string
	}{
		{Quote{Speaker: "Ann Ruiz", Sources: []Span{{Text: "the mayor"}}}, "Ann Ruiz"},
		{Quote{Sources: []Span{{Text: "the Norwegian\n foreign minister"}}}, "the Norwegian foreign minister"},
		{Quote{Sources: []Span{{Text: "he"}}}, ""},
		{Quote{}, ""},
	} {
		if got := c.q.SpeakerText(); got != c.want {
			t.Errorf("SpeakerText(%+v) = %q, want %q", c.q, got, c.want)
		}
	}
}
