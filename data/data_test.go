package data

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOverlayReplacesFilesAndMergesDirectories(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "procedures"), 0o755); err != nil {
		t.Fatal(err)
	}
	mine := []byte("institution: Millbrook\n")
	if err := os.WriteFile(filepath.Join(dir, "procedures", "millbrook.yaml"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "procedures", "nato.yaml"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := Open(dir)
	entries, err := fs.ReadDir(fsys, "procedures")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
	for _, want := range []string{"millbrook.yaml", "nato.yaml", "eu.yaml"} {
		if !names[want] {
			t.Errorf("procedures/ lists %v, want %s among them", names, want)
		}
	}
	b, err := fs.ReadFile(fsys, "procedures/nato.yaml")
	if err != nil || string(b) != string(mine) {
		t.Errorf("the user's nato.yaml should replace the built-in one, got %q (%v)", b, err)
	}
	if _, err := fs.ReadFile(fsys, "checks/vocabulary.yaml"); err != nil {
		t.Errorf("files the user did not replace still come from the built-in data: %v", err)
	}
	if _, err := fs.ReadDir(fsys, "no-such-dir"); err == nil {
		t.Errorf("a directory in neither layer should be an error")
	}
}

// TestExplainYAML: decoding errors speak of the file's lines, fields and
// forms, name the nearest known field, and never name a Go type.
func TestExplainYAML(t *testing.T) {
	type member struct {
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
		Active  bool     `yaml:"active"`
		Seats   int      `yaml:"seats"`
	}
	type roster struct {
		Title   string   `yaml:"title"`
		Members []member `yaml:"members"`
	}
	for _, c := range []struct{ src, want string }{
		{"title: X\nmembers:\n  - name: A\n    alias: [b]\n", `line 4: unknown field "alias" in a member (did you mean "aliases"? known fields: active, aliases, name, seats)`},
		{"title: X\nmembers:\n  - name: A\n    colour: red\n", `line 4: unknown field "colour" in a member (known fields: active, aliases, name, seats)`},
		{"title: X\nmembers:\n  - name: A\n    aliases: b\n", `line 4: "aliases" should be a list of words or phrases ([a, b], or lines starting with "- "), not the text "b"`},
		{"title: X\nmembers:\n  - name: A\n    active: maybe\n", `line 4: "active" should be true or false, not the text "maybe"`},
		{"title: X\nmembers:\n  - name: A\n    seats: many\n", `line 4: "seats" should be a number, not the text "many"`},
		{"title: X\nmembers: {a: b}\n", `line 2: "members" should be a list (lines starting with "- "), not a mapping`},
		{"title: [X\n", `line 1: did not find expected ',' or ']'`},
		{"0\n\n0\n", `line 1: the value should be a mapping of fields ("field: value" lines), not the text "0 0"`},
		{"title: X\nmembers:\n- !thing\n", `line 3: an item of "members" should be a mapping of fields ("field: value" lines), not a value tagged "!thing"`},
	} {
		var r roster
		err := DecodeYAML([]byte(c.src), &r)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
		if err != nil && (strings.Contains(err.Error(), "data.") || strings.Contains(err.Error(), "unmarshal") || strings.Contains(err.Error(), "\n")) {
			t.Errorf("%q: error speaks Go or spans lines: %q", c.src, err)
		}
	}
}

// AddWords reads a list file's entries into a set, lower-cased, a
// phrase's fields joined by one space, comments and blank lines skipped;
// what it cannot read is named by file and line.
func TestAddWords(t *testing.T) {
	fsys := fstest.MapFS{"w.txt": {Data: []byte("# nouns\nMayor\n\n  Deputy   Mayor \nspokeswoman\n")}}
	set := map[string]bool{"kept": true}
	if err := AddWords(fsys, "w.txt", set); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"kept": true, "mayor": true, "deputy mayor": true, "spokeswoman": true}
	if !maps.Equal(set, want) {
		t.Errorf("got %v, want %v", set, want)
	}
	if err := AddWords(fsys, "missing.txt", set); err == nil {
		t.Error("a missing file read without an error")
	}
}
