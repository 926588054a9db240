package text

import (
	"strings"
	"testing"
)

// The quotations of a text as its marks show them: two apostrophes are a
// double mark, as newswire types it; an apostrophe alone is not; a ”
// before a word with no quotation open opens one; single marks need two
// words; a quotation inside another is part of it; one left open runs to
// its paragraph's end and is marked unclosed, and the next paragraph
// starts afresh; a markup attribute's value is no quotation.
func TestQuotations(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string // the quoted words; "…+" when unclosed
	}{
		{"He said, ''We are a content provider.'' Then he left.", []string{"We are a content provider."}},
		{"``Not now,'' she said.", []string{"Not now"}},
		{"The Union's plan and Africa's debt.", nil},
		{"”We need law and order.” ― A. Ruiz", []string{"We need law and order."}},
		{"He called it “a mess.” ”Not again,” she said.", []string{"a mess.", "Not again"}},
		{"” … what I learned is that ‘X’ is heard as a threat,” he said.", []string{"… what I learned is that ‘X’ is heard as a threat"}},
		{"She called it 'a total mess' twice, and 'odd' once.", []string{"a total mess"}},
		{"'He told me “never again” today,' she said.", []string{"He told me “never again” today"}},
		{"“We will stay. We will fight.\n\n“And we will win,” he said.", []string{"We will stay. We will fight.+", "And we will win"}},
		{`"Yes," he said, "and so."`, []string{"Yes", "and so."}},
		{`<post author="ruizann" id="12">"Not again," she wrote.</post>`, []string{"Not again"}},
	} {
		d := a.Segment(c.text)
		var got []string
		for p := range d.Paragraphs {
			for _, q := range d.ParagraphQuotations(p) {
				w := c.text[q.WordsStart:q.WordsEnd]
				if q.Unclosed() {
					w += "+"
				}
				if q.Open >= q.WordsStart || q.End() < q.WordsEnd {
					t.Errorf("%q: quotation %+v: its marks do not enclose its words", c.text, q)
				}
				got = append(got, w)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
	if q := a.Segment("no marks here").ParagraphQuotations(5); q != nil {
		t.Errorf("a paragraph that does not exist has quotations %v", q)
	}
}
