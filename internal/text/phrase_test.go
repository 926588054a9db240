package text

import (
	"strings"
	"testing"
)

func TestFindPhraseIsRuneSafe(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("Ⱥ", 20) + " Secretary General",
		"İncirlik İ Secretary General met",
		"the SECRETARY GENERAL",
	} {
		i, j, ok := FindPhrase(s, []string{"secretary general"})
		if !ok {
			t.Errorf("%q: not found", s)
			continue
		}
		if got := s[i:j]; !strings.EqualFold(got, "secretary general") {
			t.Errorf("%q: matched %q", s, got)
		}
	}
	if _, _, ok := FindPhrase("the secretaryship general", []string{"secretary"}); ok {
		t.Errorf("matched inside a word")
	}
}

func TestFindPhraseFoldsLikeUnicode(t *testing.T) {
	for _, c := range []struct {
		s, p string
		want string
	}{
		{"the \u212Aenyan team", "kenyan", "\u212Aenyan"}, // Kelvin sign folds to k
		{"Ba\u017Fel talks", "basel", "Ba\u017Fel"},       // long s folds to s
		{"ANNOUNCED today", "announced", "ANNOUNCED"},
		{"a-announced", "announced", ""}, // hyphen joins words
		{"x announced", "Announced", "announced"},
	} {
		i, j, ok := FindPhrase(c.s, []string{c.p})
		got := ""
		if ok {
			got = c.s[i:j]
		}
		if got != c.want {
			t.Errorf("FindPhrase(%q, %q) = %q, want %q", c.s, c.p, got, c.want)
		}
	}
}
