package text

import (
	"slices"
	"testing"
)

// The base of a regularly inflected word is among its candidates; a word
// with no inflection, or too short to have one, gives none; what the
// suffixes do not allow is not offered.
func TestRegularBases(t *testing.T) {
	for _, c := range []struct {
		w    string
		base string // "" for no candidate at all
		not  string // a form that must not be offered
	}{
		{"tweeted", "tweet", ""},
		{"noted", "note", ""},
		{"slammed", "slam", ""},
		{"called", "call", "cal"}, // a doubled l is a stem's own
		{"tried", "try", "tri"},
		{"replies", "reply", ""},
		{"tweeting", "tweet", ""},
		{"quipping", "quip", ""},
		{"notes", "note", ""},
		{"says", "say", ""},
		{"discuss", "", ""}, // no "discus"
		{"say", "", ""},
		{"red", "", ""},
	} {
		got := RegularBases(c.w, nil)
		switch {
		case c.base == "" && len(got) > 0:
			t.Errorf("%s: %q, want none", c.w, got)
		case c.base != "" && !slices.Contains(got, c.base):
			t.Errorf("%s: %q, want %q among them", c.w, got, c.base)
		case c.not != "" && slices.Contains(got, c.not):
			t.Errorf("%s: %q offers %q", c.w, got, c.not)
		case slices.Contains(got, c.w):
			t.Errorf("%s: %q holds the word itself", c.w, got)
		}
	}
}
