package ingest

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRepairDoubleEncoding: text encoded twice (UTF-8 read as Latin-1)
// is repaired, once or twice over; clean text, and Latin-1 letters that
// make no character together, are kept as they are.
func TestRepairDoubleEncoding(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ina Sarukh\u00c3\u00a1n said", "Ina Sarukhán said"},
		{"Ina Sarukh\u00c3\u0083\u00c2\u00a1n said", "Ina Sarukhán said"},
		{"Fran\u00c3\u0083\u00c2\u00a7ois and S\u00c3\u0083\u00c2\u00a9gol\u00c3\u0083\u00c2\u00a8ne", "François and Ségolène"},
		{"it rose 5\u00c2\u00b0 on Monday", "it rose 5° on Monday"},
		// clean text
		{"Ségolène Royal, naïve, São Paulo, “quoted” — 5°", "Ségolène Royal, naïve, São Paulo, “quoted” — 5°"},
		// Latin-1 letters that are no UTF-8 character, or none of news
		// text: "ß«" would be U+07EB, "ã»" is no whole sequence
		{"groß« and Não» here", "groß« and Não» here"},
		// Windows-1252's quotation marks are the writer's
		{"â€œquoted", "â€œquoted"},
		{"", ""},
	} {
		if got := repairDoubleEncoding(c.in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// TestIngestRepairsDoubleEncoding: an ingested text file keeps the
// repaired words, so that names in it are found.
func TestIngestRepairsDoubleEncoding(t *testing.T) {
	docs, err := Parse(context.Background(), "a.txt", []byte("Talks\n\nAmbassador Ina Sarukh\u00c3\u0083\u00c2\u00a1n said the talks would resume.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || !strings.Contains(docs[0].Text, "Ina Sarukhán said") {
		t.Fatalf("text %q", docs[0].Text)
	}
}

// FuzzRepairDoubleEncoding: the repair keeps valid text valid, never
// makes it longer, and leaves text with nothing to repair as it is.
func FuzzRepairDoubleEncoding(f *testing.F) {
	for _, s := range []string{"Sarukh\u00c3\u0083\u00c2\u00a1n", "Ségolène", "\u00c3\u00c3\u00a1\u00a1", "5\u00c2\u00b0", "\u00f0\u009f\u0098\u0080"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := repairDoubleEncoding(s)
		if !utf8.ValidString(got) || len(got) > len(s) {
			t.Fatalf("%q -> %q", s, got)
		}
		if !mayBeDoubleEncoded(s) && got != s {
			t.Fatalf("%q changed to %q with nothing to repair", s, got)
		}
	})
}
