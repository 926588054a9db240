package syntax

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// sent builds a gold sentence of words "form/UPOS/XPOS/rel".
func sent(ws ...string) Sentence {
	var s Sentence
	for _, w := range ws {
		f := strings.Split(w, "/")
		s.Words = append(s.Words, Word{Form: f[0], UPOS: f[1], XPOS: f[2], Rel: f[3]})
	}
	return s
}

// A rule needs enough examples, one class in most of them, and a word
// that has another class somewhere; subtypes are folded, compound:prt is
// kept apart.
func TestLearnRetag(t *testing.T) {
	var sents []Sentence
	for range 30 {
		sents = append(sents, sent("that/SCONJ/IN/mark", "That/PRON/WDT/nsubj", "up/ADP/RP/compound:prt", "to/PART/TO/mark", "the/DET/DT/det"))
	}
	// "to" as a marker is split between two classes: no rule
	for range 10 {
		sents = append(sents, sent("to/ADP/IN/mark"))
	}
	sents = append(sents, sent("that/PRON/WDT/nsubj:pass", "up/ADV/RB/advmod", "the/DET/DT/det"))
	got := LearnRetag(sents, 20, 0.97)
	want := []RetagRule{
		{"that", "mark", "SCONJ", "IN"},
		{"that", "nsubj", "PRON", "WDT"},
		{"up", "compound:prt", "ADP", "RP"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	var b bytes.Buffer
	if err := WriteRetag(&b, got); err != nil {
		t.Fatal(err)
	}
	back, err := ReadRetag(strings.NewReader("# a comment\n" + b.String()))
	if err != nil || !reflect.DeepEqual(back, got) {
		t.Errorf("read back %v (%v)", back, err)
	}
	if _, err := ReadRetag(strings.NewReader("that\tmark\tSCONJ\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a line of three fields: err = %v", err)
	}
}

// With a rule, the shipped model gives a function word the class its
// relation fixes, whatever its case, and leaves a word of the rule's class
// (and every other word) as the tagger tagged it.
func TestRetagApplies(t *testing.T) {
	m := loadShipped(t)
	var sc Scratch
	forms := []string{"He", "said", "that", "it", "rained", "."}
	var before Tags
	m.Analyze(forms, nil, &before, &sc)
	before.UPOS = append([]string(nil), before.UPOS...)
	before.Rel = append([]string(nil), before.Rel...)
	if before.Rel[2] != "mark" {
		t.Skipf("the parse of %q hangs %q as %s", forms, forms[2], before.Rel[2])
	}
	// a rule that contradicts the tagger, to see it applied
	other := "PRON"
	if before.UPOS[2] == "PRON" {
		other = "SCONJ"
	}
	xpos := map[string]string{"PRON": "WDT", "SCONJ": "IN"}[other]
	if n := m.SetRetag([]RetagRule{{"that", "mark", other, xpos}, {"nosuchword", "mark", "NOUN", "NN"}}); n != 1 {
		t.Fatalf("kept %d rules, want 1 (a noun is no function word's class)", n)
	}
	defer m.SetRetag(nil)
	for _, f := range []string{"that", "That", "THAT"} {
		forms[2] = f
		var after Tags
		m.Analyze(forms, nil, &after, &sc)
		if after.UPOS[2] != other || after.XPOS[2] != xpos {
			t.Errorf("%q: %s/%s, want %s/%s", f, after.UPOS[2], after.XPOS[2], other, xpos)
		}
		for i := range forms {
			if i != 2 && (after.UPOS[i] != before.UPOS[i] || after.Rel[i] != before.Rel[i]) {
				t.Errorf("%q: word %d changed: %s %s", f, i, after.UPOS[i], after.Rel[i])
			}
		}
	}
}

// A rule is keyed by the form the tagger normalises: a rule written with
// a straight apostrophe applies to the curly one news writes ("He’s").
func TestRetagNormalisedForm(t *testing.T) {
	m := loadShipped(t)
	var sc Scratch
	forms := []string{"He", "’s", "here", "."}
	var before Tags
	m.Analyze(forms, nil, &before, &sc)
	u, rel := before.UPOS[1], before.Rel[1]
	other, xpos := "PART", "POS"
	if u == "PART" {
		other, xpos = "AUX", "VBZ"
	}
	if n := m.SetRetag([]RetagRule{{"'s", retagRel(rel), other, xpos}}); n != 1 {
		t.Fatalf("kept %d rules", n)
	}
	defer m.SetRetag(nil)
	var after Tags
	m.Analyze(forms, nil, &after, &sc)
	if after.UPOS[1] != other {
		t.Errorf("’s as %s: %s, want %s by the rule for 's", rel, after.UPOS[1], other)
	}
}
