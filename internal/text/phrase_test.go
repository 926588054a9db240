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
