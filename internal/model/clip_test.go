package model

import "testing"

// A summary shortened to fit is cut between words, never inside one.
func TestClipAtWords(t *testing.T) {
	long := "the dossier notes that acts of protest are acts of patriotism, whether at a lunch counter or a bridge"
	for _, c := range []struct {
		name string
		got  string
		want string
	}{
		{"short kept", Clip("acts of protest", 20), "acts of protest"},
		{"end at a word", Clip(long, 30), "the dossier notes that acts…"},
		{"no comma before the ellipsis", Clip(long, 66), "the dossier notes that acts of protest are acts of patriotism…"},
		{"one long word", Clip("abcdefghijklmnopqrstuvwxyz", 10), "abcdefghi…"},
		{"short kept at the start", ClipStart("acts of protest", 20), "acts of protest"},
		{"start at a word", ClipStart(long, 30), "…a lunch counter or a bridge"},
		{"cut at a space", ClipStart("one two three", 6), "…three"},
		{"one long word at the start", ClipStart("abcdefghijklmnopqrstuvwxyz", 10), "…rstuvwxyz"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
}
