package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

// The fuzz targets of ingest, one per parser, each cheap enough for
// thousands of inputs a minute. Seeds are small files: the engine
// minimises every new input it finds, and the time that takes grows
// with the input. Run one for ten minutes with
//
//	go test -run XXX -fuzz='^FuzzHTML$' -fuzztime=10m -parallel 1 ./internal/ingest/

var fuzzNames = []string{"f.txt", "f.md", "f.html", "f.rss", "f.atom", "f"}

// seedFiles adds the test files whose names end in one of exts.
func seedFiles(f *testing.F, exts ...string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, p := range files {
		for _, e := range exts {
			if strings.HasSuffix(p, e) {
				if data, err := os.ReadFile(p); err == nil {
					f.Add(data)
				}
			}
		}
	}
}

// checkParse checks what Parse returned: a one-line *FileError and no
// documents, or documents whose text is clean and whose spans round-trip.
func checkParse(t *testing.T, docs []*model.Document, err error) {
	t.Helper()
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
		if !d.DateEnd.IsZero() && d.DateEnd.Before(d.Date) {
			t.Fatalf("date range ends (%s) before it starts (%s)", d.DateEnd, d.Date)
		}
	}
}

// FuzzParse runs Parse on any bytes under any of the file names: format
// detection and every parser behind it.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
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
		checkParse(t, docs, err)
	})
}

// FuzzText fuzzes plain text: headers, datelines, statements.
func FuzzText(f *testing.F) {
	seedFiles(f, "statement.txt")
	f.Add([]byte("Addis Ababa, 12 March 2024 – The council met.\n\nDate: 4 June 2013\n"))
	f.Add([]byte("\ufeffTuesday, 11 June 2024, 7:00 p.m., Council Chamber\r\nSTATEMENT\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse(context.Background(), "f.txt", data, Options{MaxSize: 1 << 20})
		checkParse(t, docs, err)
	})
}

// FuzzMarkdown fuzzes Markdown: front matter, headings, links, markup.
func FuzzMarkdown(f *testing.F) {
	seedFiles(f, ".md")
	f.Add([]byte("---\ntitle: T\ndate: 2013-06-04\n---\n# H\n\n*a* [b](c) `d` <e>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse(context.Background(), "f.md", data, Options{MaxSize: 1 << 20})
		checkParse(t, docs, err)
	})
}

// FuzzHTML fuzzes HTML pages: extraction, metadata and dates.
func FuzzHTML(f *testing.F) {
	seedFiles(f, ".html")
	f.Add([]byte(`<html><head><meta property="article:published_time" content="2013-06-04"><title>T</title></head><body><p>A <b>b</b></p><div>c</div></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse(context.Background(), "f.html", data, Options{MaxSize: 1 << 20})
		checkParse(t, docs, err)
	})
}

// FuzzFeed fuzzes RSS and Atom feeds.
func FuzzFeed(f *testing.F) {
	seedFiles(f, ".rss", ".atom")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.rss", "f.atom"} {
			docs, err := Parse(context.Background(), name, data, Options{MaxSize: 1 << 20})
			checkParse(t, docs, err)
		}
	})
}

// FuzzTranscript fuzzes speaker turns, both as found and as declared
// (--kind transcript).
func FuzzTranscript(f *testing.F) {
	seedFiles(f, "transcript.txt", "conference.txt")
	f.Add([]byte("Q: A B, C D. x\nTHE PRESIDENT: y\nFrom Jo Li, X:  z\n(photo: p)"))
	f.Add([]byte("JANE DOE (Mayor): Yes.\nQ: Riad Walid (sp?), the Daily. Why?\nA: Because.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse(context.Background(), "f.txt", data, Options{MaxSize: 1 << 20})
		checkParse(t, docs, err)
		docs, err = Parse(context.Background(), "f.txt", data, Options{MaxSize: 1 << 20, Flags: Meta{Kind: "transcript"}})
		checkParse(t, docs, err)
	})
}

// FuzzSidecar fuzzes sidecar YAML and its checks: an error is one line
// that names no Go type; a sidecar that is accepted applies to a
// document without breaking it.
func FuzzSidecar(f *testing.F) {
	f.Add([]byte("title: T\nkind: transcript\ndate: 2013-06-04\nurl: u\npublisher: P\nsite: S\nauthors: [A, B]\n"))
	f.Add([]byte("authors: Jo Li\ndate: 2013-06\n"))
	f.Add([]byte("colour: red\nkind: [x]\n"))
	f.Add([]byte("date: 2013\nkind: article\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := ParseSidecar(raw)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "\n") || strings.Contains(msg, "in type ingest.") || strings.Contains(msg, "cannot unmarshal") || strings.Contains(msg, " into []") {
				t.Fatalf("sidecar error is not one line in the file's terms: %q", msg)
			}
			return
		}
		set, err := overrides("f.txt", m, Meta{})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		d := &model.Document{Text: "The council met.", Kind: model.KindTranscript}
		set.apply(d)
		if !d.DateEnd.IsZero() && d.DateEnd.Before(d.Date) {
			t.Fatalf("sidecar date range ends before it starts: %+v", d)
		}
		if d.Kind == "" {
			t.Fatalf("sidecar left the document without a kind")
		}
	})
}
