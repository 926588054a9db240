package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/data"
)

// overriddenCues writes the shipped cue file with one replacement to a
// directory laid over the built-in data, as a user's --data is.
func overriddenCues(t *testing.T, old, new string) *Extractor {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "data", filepath.FromSlash(cueFile)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), old) {
		t.Fatalf("the cue file has no %q to replace", old)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, filepath.FromSlash(cueFile))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(raw), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractorFS(data.Open(dir))
	if err != nil {
		t.Logf("loading: %v", err)
		return nil
	}
	return x
}

// A cue file the code could not honour as written is refused with the
// entry named, not loaded with part of it silently dropped: a word with
// more other spellings than a quote's word keeps, a subject-only cue that
// is not direct-only.
func TestCueFileChecks(t *testing.T) {
	for _, c := range []struct{ old, new string }{
		{"  - [ok, okay]\n", "  - [ok, okay]\n  - [okey, okay]\n"},
		{"subject_only: [whisper,", "subject_only: [holler, whisper,"},
	} {
		if x := overriddenCues(t, c.old, c.new); x != nil {
			t.Errorf("a cue file with %q loaded", c.new)
		}
	}
	if x := overriddenCues(t, "  - [favourite, favorite]\n", "  - [favourite, favorite]\n  - [fave, favorite]\n"); x == nil {
		t.Errorf("a word with two other spellings was refused")
	}
}

// A user's spoken forms are compared as the words of quotes and records
// are, in lower case.
func TestSpokenFormsInCapitals(t *testing.T) {
	x := overriddenCues(t, "  gonna: [going, to]\n", "  Gonna: [Going, to]\n")
	if x == nil {
		t.Fatal("the cue file did not load")
	}
	if got := x.lx.spokenForms["gonna"]; strings.Join(got, " ") != "going to" {
		t.Errorf("gonna is written out as %q, want \"going to\"", got)
	}
}
