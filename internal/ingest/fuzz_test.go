package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzNames = []string{"f.txt", "f.md", "f.html", "f.rss", "f.atom", "f"}

// FuzzParse checks that Parse never panics, that errors are one-line
// *FileErrors and that every returned span round-trips. Parse is slow
// (HTML extraction), so run it with a short minimisation time:
//
//	go test -run XXX -fuzz=FuzzParse -fuzztime=20s -fuzzminimizetime=2s ./internal/ingest/
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	files = append(files, filepath.Join("..", "..", "examples", "nato-libya", "nato-libya-joint-press-conference.txt"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for i, n := range fuzzNames {
			if strings.HasSuffix(p, filepath.Ext(n)) {
				f.Add(uint8(i), data)
			}
		}
	}
	f.Add(uint8(0), []byte("Q: A B, C D. x\nTHE PRESIDENT: y\nFrom Jo Li, X:  z\n(photo: p)"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := fuzzNames[int(which)%len(fuzzNames)]
		docs, err := Parse(context.Background(), name, data, Options{MaxSize: 1 << 20})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FileError: %v", err, err)
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("panic inside Parse: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err.Error())
			}
			if docs != nil {
				t.Fatal("documents returned with an error")
			}
			return
		}
		if len(docs) == 0 {
			t.Fatal("no documents and no error")
		}
		for _, d := range docs {
			if !utf8.ValidString(d.Text) || strings.Contains(d.Text, "\r") || strings.TrimSpace(d.Text) == "" {
				t.Fatalf("bad text %q", d.Text)
			}
			if len(d.ID) != 64 || d.Kind == "" {
				t.Fatalf("id %q kind %q", d.ID, d.Kind)
			}
			for i, tr := range d.Turns {
				if err := tr.Label.Check(d.Text); err != nil {
					t.Fatalf("turn %d label: %v", i, err)
				}
				if err := tr.Content.Check(d.Text); err != nil {
					t.Fatalf("turn %d content: %v", i, err)
				}
				if tr.Speaker < -1 || tr.Speaker >= len(d.Speakers) {
					t.Fatalf("turn %d speaker %d of %d", i, tr.Speaker, len(d.Speakers))
				}
			}
		}
	})
}
