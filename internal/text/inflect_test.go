package text

import (
	"slices"
	"testing"
)

func TestRegularBases(t *testing.T) {
	for _, c := range []struct {
		w    string
		want []string
	}{
		{"tweeted", []string{"tweet", "tweete"}},
		{"noted", []string{"not", "note"}},
		{"slammed", []string{"slamm", "slamme", "slam"}},
		{"called", []string{"call", "calle"}}, // a double l is kept
		{"tried", []string{"try"}},
		{"replies", []string{"reply"}},
		{"tweeting", []string{"tweet", "tweete"}},
		{"quipping", []string{"quipp", "quippe", "quip"}},
		{"notes", []string{"not", "note"}},
		{"says", []string{"say"}},
		{"discuss", nil}, // no "discus"
		{"say", nil},
		{"red", nil}, // too short to be an inflection
	} {
		if got := RegularBases(c.w, nil); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.w, got, c.want)
		}
	}
}
