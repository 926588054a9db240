package text

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
)

var testOnce struct {
	sync.Once
	a   *Analyzer
	err error
}

func analyzer(t testing.TB) *Analyzer {
	t.Helper()
	testOnce.Do(func() { testOnce.a, testOnce.err = New() })
	if testOnce.err != nil {
		t.Fatal(testOnce.err)
	}
	return testOnce.a
}

func tokenTexts(ts []Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

func sentenceTexts(d *Doc) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Text
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkDoc checks the invariants every Doc must keep: spans round-trip,
// tokens are ordered and cover every non-space rune, index ranges nest.
func checkDoc(t *testing.T, d *Doc) {
	t.Helper()
	src := d.Text
	check := func(what string, s model.Span) {
		t.Helper()
		if err := s.Check(src); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	covered := make([]bool, len(src))
	prevEnd := 0
	for i, tk := range d.Tokens {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(src) {
			t.Fatalf("token %d [%d,%d) out of order or empty", i, tk.Start, tk.End)
		}
		if src[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d text %q != %q", i, tk.Text, src[tk.Start:tk.End])
		}
		if tk.Tag == "" {
			t.Fatalf("token %d %q has no tag", i, tk.Text)
		}
		for k := tk.Start; k < tk.End; k++ {
			covered[k] = true
		}
		prevEnd = tk.End
	}
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRuneInString(src[i:])
		if !covered[i] && !isSpace(r) {
			t.Fatalf("byte %d (%q) is in no token", i, r)
		}
		i += w
	}
	nextSent := 0
	for pi, p := range d.Paragraphs {
		check("paragraph", p.Span)
		if p.Label.Text != "" {
			check("label", p.Label)
		}
		if p.FirstSentence != nextSent || p.EndSentence <= p.FirstSentence {
			t.Fatalf("paragraph %d sentences [%d,%d), want start %d", pi, p.FirstSentence, p.EndSentence, nextSent)
		}
		nextSent = p.EndSentence
	}
	if nextSent != len(d.Sentences) {
		t.Fatalf("paragraphs cover %d of %d sentences", nextSent, len(d.Sentences))
	}
	nextTok := 0
	for si, s := range d.Sentences {
		check("sentence", s.Span)
		if s.FirstToken != nextTok || s.EndToken <= s.FirstToken {
			t.Fatalf("sentence %d tokens [%d,%d), want start %d", si, s.FirstToken, s.EndToken, nextTok)
		}
		nextTok = s.EndToken
		p := d.Paragraphs[s.Para]
		if si < p.FirstSentence || si >= p.EndSentence || !p.Contains(s.Span) {
			t.Fatalf("sentence %d not inside its paragraph %d", si, s.Para)
		}
		if s.Start != d.Tokens[s.FirstToken].Start || s.End != d.Tokens[s.EndToken-1].End {
			t.Fatalf("sentence %d span does not match its tokens", si)
		}
		for off := s.Start; off < s.End; off++ {
			if got := d.SentenceAt(off); got != si {
				t.Fatalf("SentenceAt(%d) = %d, want %d", off, got, si)
			}
		}
	}
	if nextTok != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", nextTok, len(d.Tokens))
	}
	for _, n := range d.Names() {
		check("name", n.Span)
		if n.Honorific.Text != "" {
			check("honorific", n.Honorific)
		}
		if n.Sentence < 0 || n.Sentence >= len(d.Sentences) {
			t.Fatalf("name %q in sentence %d of %d", n.Text, n.Sentence, len(d.Sentences))
		}
		if !d.Sentences[n.Sentence].Contains(n.Span) {
			t.Fatalf("name %q not inside sentence %d", n.Text, n.Sentence)
		}
	}
}

func readTexts(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("../../examples/*/*.txt")
	more, _ := filepath.Glob("testdata/*.txt")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("found only %d test texts", len(files))
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	a := analyzer(t)
	texts := readTexts(t)
	texts["crlf"] = "First line.\r\nSecond line.\r\n\r\nNew paragraph."
	texts["nbsp"] = "A\u00a0B said\u00a0so.\n\u00a0\u00a0\nNext\u2009one."
	texts["odd"] = "“’’” …… — -- ' \" ( ) [sp?] $ € 5% U.S.-led Mr. . . . ."
	for name, src := range texts {
		t.Run(filepath.Base(name), func(t *testing.T) {
			d := a.Analyze(src)
			if len(d.Sentences) == 0 {
				t.Fatal("no sentences")
			}
			checkDoc(t, d)
		})
	}
}

func TestTokens(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Kenyatta met U.S. officials.", []string{"Mr.", "Kenyatta", "met", "U.S.", "officials", "."}},
		{"the Union’s plan and Kenya's", []string{"the", "Union", "’s", "plan", "and", "Kenya", "'s"}},
		{"the ministers’ talks", []string{"the", "ministers", "’", "talks"}},
		{"We don't know; they can’t say.", []string{"We", "do", "n't", "know", ";", "they", "ca", "n’t", "say", "."}},
		{"O'Neill and Qa’ida stay whole", []string{"O'Neill", "and", "Qa’ida", "stay", "whole"}},
		{"Riad Walid (sp?), the", []string{"Riad", "Walid", "(", "sp", "?", ")", ",", "the"}},
		{"wait... no… stop. . . go", []string{"wait", "...", "no", "…", "stop", ". . .", "go"}},
		{"positive. . . .", []string{"positive", ". . . ."}},
		{"al Shabaab-linked groups", []string{"al", "Shabaab-linked", "groups"}},
		{"U.S.-led talks", []string{"U.S.-led", "talks"}},
		{"It cost $1,250.50, or 15% more, at 10:30 a.m.", []string{"It", "cost", "$", "1,250.50", ",", "or", "15", "%", "more", ",", "at", "10:30", "a.m."}},
		{"“We agree,” she said — twice – maybe -- or not.", []string{"“", "We", "agree", ",", "”", "she", "said", "—", "twice", "–", "maybe", "--", "or", "not", "."}},
		{"\"Yes\" and 'no'", []string{"\"", "Yes", "\"", "and", "'", "no", "'"}},
		{"George W. Bush", []string{"George", "W.", "Bush"}},
		{"e.g. this, i.e. that, etc.", []string{"e.g.", "this", ",", "i.e.", "that", ",", "etc."}},
		{"A\u00a0B", []string{"A", "B"}},
		{"see https://example.org/a?b=1. Then", []string{"see", "https://example.org/a?b=1", ".", "Then"}},
		{"Image: photo%206%20Accra.jpg", []string{"Image", ":", "photo%206%20Accra.jpg"}},
		{"info@example.org wrote", []string{"info@example.org", "wrote"}},
		{"No. 42 on 12 Feb. 2019", []string{"No.", "42", "on", "12", "Feb.", "2019"}},
		{"and/or AT&T", []string{"and/or", "AT&T"}},
		{"Who?! Me!", []string{"Who", "?!", "Me", "!"}},
		// a party and a state after a member of Congress keep their period;
		// a hyphenated word ending in one capital, or a state alone, does not
		{"Sen. Ana Poe (R-S.C.) and Rep. Jo Roe, D-Wis., met", []string{"Sen.", "Ana", "Poe", "(", "R-S.C.", ")", "and", "Rep.", "Jo", "Roe", ",", "D-Wis.", ",", "met"}},
		{"He chose Plan-B. She was ill.", []string{"He", "chose", "Plan-B", ".", "She", "was", "ill", "."}},
	}
	for _, tt := range tests {
		d := a.Analyze(tt.in)
		if got := tokenTexts(d.Tokens); !equalStrings(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
		checkDoc(t, d)
	}
}

func TestSentences(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Kenyatta met U.S. officials in Nairobi on 3 March… He said: “We agree.” Then he left.",
			[]string{"Mr. Kenyatta met U.S. officials in Nairobi on 3 March…", "He said: “We agree.”", "Then he left."}},
		{"based on respect… respecting sovereignty.", []string{"based on respect… respecting sovereignty."}},
		{"our country… our young state. We left.", []string{"our country… our young state.", "We left."}},
		{"Q: Kofi Mensah (sp?), Accra Daily. Will it work?", []string{"Q: Kofi Mensah (sp?), Accra Daily.", "Will it work?"}},
		{"It is very positive. . . . And today we came.", []string{"It is very positive. . . .", "And today we came."}},
		{"It is very positive. . .\n\nAnd today we came.", []string{"It is very positive. . .", "And today we came."}},
		{"Aid went to the U.S. The talks ended.", []string{"Aid went to the U.S.", "The talks ended."}},
		{"Former U.N. Ambassador Ana Okafor spoke.", []string{"Former U.N. Ambassador Ana Okafor spoke."}},
		{"The U.S. Army and U.N. staff left.", []string{"The U.S. Army and U.N. staff left."}},
		{"“It will hold,” said Tendai R. Pillar, a former analyst. He left.", []string{"“It will hold,” said Tendai R. Pillar, a former analyst.", "He left."}},
		{"They chose Plan B. The talks ended.", []string{"They chose Plan B.", "The talks ended."}},
		{"Gen. Kariuki met Dr. Yusuf and Prof. Haddad.", []string{"Gen. Kariuki met Dr. Yusuf and Prof. Haddad."}},
		{"Some, e.g. the Forum, disagree. Others agree.", []string{"Some, e.g. the Forum, disagree.", "Others agree."}},
		{"\"Why?\" he asked. \"Because.\" She nodded.", []string{"\"Why?\" he asked.", "\"Because.\"", "She nodded."}},
		{"They met on 12 Feb. 2019 in Accra.", []string{"They met on 12 Feb. 2019 in Accra."}},
		{"She flew to Wash. Then she left.", []string{"She flew to Wash.", "Then she left."}},
		{"It fell by 3.5 per cent. 2020 was worse.", []string{"It fell by 3.5 per cent.", "2020 was worse."}},
		{"See No. 5 in the list.", []string{"See No. 5 in the list."}},
		// a line that ends in a headline is a sentence of its own; a line
		// wrapped inside a sentence is not
		{"9:38PM Okafor Thinks Varga Was A Really Effective Mayor\nAna Okafor was asked to name one law. She ducked.",
			[]string{"9:38PM Okafor Thinks Varga Was A Really Effective Mayor", "Ana Okafor was asked to name one law.", "She ducked."}},
		{"The envoy met the Harbour Board of\nVelgrad on Monday.", []string{"The envoy met the Harbour Board of\nVelgrad on Monday."}},
		{"The envoy met the Velgrad Harbour Board\nMembers on Monday.", []string{"The envoy met the Velgrad Harbour Board\nMembers on Monday."}},
		{"It was signed (see p. 14). Then it stalled.", []string{"It was signed (see p. 14).", "Then it stalled."}},
		{"Headline without stop\n\nBody text here.", []string{"Headline without stop", "Body text here."}},
		{"He said, wrapping\nthe line. Next one.", []string{"He said, wrapping\nthe line.", "Next one."}},
		// a quotation closed by "?" or "!" and its frame are one sentence;
		// a name with a verb that opens a clause, or a pronoun, starts one
		{"“Why not stop now?” Okafor asked. “It is fine!” Sen. Ana Varga said Friday.",
			[]string{"“Why not stop now?” Okafor asked.", "“It is fine!” Sen. Ana Varga said Friday."}},
		{"“Why?” Okafor said he wondered. “No!” He left.", []string{"“Why?”", "Okafor said he wondered.", "“No!”", "He left."}},
	}
	for _, tt := range tests {
		d := a.Analyze(tt.in)
		if got := sentenceTexts(d); !equalStrings(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
		checkDoc(t, d)
	}
}

// labelsAt returns the spans of the given labels, each where it opens a
// line of src, as ingest gives a transcript's turn labels.
func labelsAt(t testing.TB, src string, labels ...string) []model.Span {
	t.Helper()
	var out []model.Span
	for _, l := range labels {
		i := strings.Index("\n"+src, "\n"+l+":")
		if i < 0 {
			t.Fatalf("no label %q in the text", l)
		}
		out = append(out, model.NewSpan(src, i, i+len(l)))
	}
	return out
}

func TestParagraphs(t *testing.T) {
	a := analyzer(t)
	src := "Title line\n\nFirst para,\nwrapped.\n \u00a0\t\nKWAME ASANTE (Foreign Minister): We agree.\nQ: Why?\nMR. O'NEILL: Because.\nNOT A LABEL here: no\n\n\n"
	// Given out of order: the text layer sorts them.
	d := a.Analyze(src, Labels(labelsAt(t, src, "MR. O'NEILL", "KWAME ASANTE (Foreign Minister)", "Q")))
	var got, labels []string
	for _, p := range d.Paragraphs {
		got = append(got, p.Text)
		labels = append(labels, p.Label.Text)
	}
	want := []string{"Title line", "First para,\nwrapped.", "KWAME ASANTE (Foreign Minister): We agree.", "Q: Why?", "MR. O'NEILL: Because.\nNOT A LABEL here: no"}
	wantLabels := []string{"", "", "KWAME ASANTE", "Q", "MR. O'NEILL"}
	if !equalStrings(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
	if !equalStrings(labels, wantLabels) {
		t.Errorf("labels:\n got %q\nwant %q", labels, wantLabels)
	}
	var names []string
	for _, n := range d.Names() {
		if n.Label {
			names = append(names, n.Text)
		}
	}
	if want := []string{"KWAME ASANTE", "Q", "MR. O'NEILL"}; !equalStrings(names, want) {
		t.Errorf("label names %q, want %q", names, want)
	}
	checkDoc(t, d)

	// The same text without labels: the turns are wrapped lines of one
	// paragraph, and nothing is a label.
	d = a.Analyze(src)
	got = got[:0]
	for _, p := range d.Paragraphs {
		got = append(got, p.Text)
		if !p.Label.Empty() {
			t.Errorf("paragraph %q has label %q without being given one", p.Text, p.Label.Text)
		}
	}
	if want := []string{"Title line", "First para,\nwrapped.", "KWAME ASANTE (Foreign Minister): We agree.\nQ: Why?\nMR. O'NEILL: Because.\nNOT A LABEL here: no"}; !equalStrings(got, want) {
		t.Errorf("paragraphs without labels:\n got %q\nwant %q", got, want)
	}
	checkDoc(t, d)
}

// A label-like line in a plain article is not a speaker label: only
// ingest's turns say what is one.
func TestNoLabelWithoutTurns(t *testing.T) {
	a := analyzer(t)
	src := "The council met on Monday.\nNOTE: the council will meet again in May.\n"
	d := a.Analyze(src, TurnLabels(&model.Document{Text: src}))
	if len(d.Paragraphs) != 1 {
		t.Errorf("%d paragraphs, want 1: %+v", len(d.Paragraphs), d.Paragraphs)
	}
	for _, p := range d.Paragraphs {
		if !p.Label.Empty() {
			t.Errorf("label %q in a plain article", p.Label.Text)
		}
	}
	for _, n := range d.Names() {
		if n.Label {
			t.Errorf("name %q taken for a speaker label", n.Text)
		}
	}
	for _, seg := range []*Doc{a.Segment(src), a.Analyze(src)} {
		if len(seg.Paragraphs) != 1 || !seg.Paragraphs[0].Label.Empty() {
			t.Errorf("paragraphs %+v, want one without a label", seg.Paragraphs)
		}
	}
}

// Labels come from the turns, whatever their form; spans that cannot be
// labels (outside the text, not opening a line) are ignored.
func TestTurnLabels(t *testing.T) {
	a := analyzer(t)
	src := "From Lena Brask, Westport:\tWe will help.\nHANNE VOSS (chair): Yes.\nShe said: fine.\n"
	doc := &model.Document{Text: src}
	for _, l := range labelsAt(t, src, "From Lena Brask, Westport", "HANNE VOSS (chair)") {
		doc.Turns = append(doc.Turns, model.Turn{Speaker: -1, Label: l})
	}
	mid := strings.Index(src, "She said")
	bogus := []model.Span{{Start: -4, End: 2}, {Start: len(src) - 2, End: len(src) + 9}, {Start: mid + 4, End: mid + 8}, {Start: 5, End: 5}}
	for _, opts := range [][]Option{{TurnLabels(doc), Labels(bogus)}, {Labels(bogus), TurnLabels(doc)}} {
		d := a.Analyze(src, opts...)
		var got, labels []string
		for _, p := range d.Paragraphs {
			got = append(got, p.Text)
			labels = append(labels, p.Label.Text)
		}
		if want := []string{"From Lena Brask, Westport:\tWe will help.", "HANNE VOSS (chair): Yes.\nShe said: fine."}; !equalStrings(got, want) {
			t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
		}
		if want := []string{"From Lena Brask, Westport", "HANNE VOSS"}; !equalStrings(labels, want) {
			t.Errorf("labels %q, want %q", labels, want)
		}
		checkDoc(t, d)
		if seg := a.Sentences(src, opts...); len(seg) != len(d.Sentences) {
			t.Errorf("Sentences gives %d sentences, Analyze %d", len(seg), len(d.Sentences))
		}
	}
}

func TestTags(t *testing.T) {
	a := analyzer(t)
	d := a.Analyze("Mr. Kenyatta met U.S. officials in Nairobi on Tuesday. He said: “We agree.” The Union’s plan failed.")
	want := map[string]string{
		"Kenyatta": "NNP", "met": "VBD", "officials": "NNS", "in": "IN", "Nairobi": "NNP",
		"He": "PRP", "said": "VBD", "“": "``", "”": "''", "The": "DT", "’s": "POS", "failed": "VBD",
		".": ".", ":": ":",
	}
	for _, tk := range d.Tokens {
		if w, ok := want[tk.Text]; ok && tk.Tag != w {
			t.Errorf("%q tagged %s, want %s", tk.Text, tk.Tag, w)
		}
	}
}

func TestNames(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		in   string
		want []string // name, or name|honorific
	}{
		{"Mr. Kenyatta met U.S. officials in Nairobi.", []string{"Kenyatta|Mr.", "U.S.", "Nairobi"}},
		{"The Bank of Kenya and the League of Arab States met.", []string{"Bank of Kenya", "League of Arab States"}},
		{"Officials said George W. Bush and Mr Ruto spoke.", []string{"George W. Bush", "Ruto|Mr"}},
		{"It was signed by Prof. Hassan bin Saleh and Ms. Ruth van der Berg.", []string{"Hassan bin Saleh|Prof.", "Ruth van der Berg|Ms."}},
		{"Security experts say al Shabaab fighters crossed.", []string{"al Shabaab"}},
		{"Police said the Accord’s terms held.", []string{"Accord"}},
		{"They met on Monday 4 June in Accra.", []string{"Accra"}},
		{"KWAME ASANTE: Ghana agrees.", []string{"KWAME ASANTE", "Ghana"}},
		{"Thank you, Sir Alan Grey.", []string{"Alan Grey|Sir"}},
		{"However, the Council of the Coastal States objected.", []string{"Council of the Coastal States"}},
		{"Ghana Asks Union to Help Build Police Force", []string{"Ghana"}},
	}
	for _, tt := range tests {
		d := a.Analyze(tt.in)
		var got []string
		for _, n := range d.Names() {
			s := n.Text
			if n.Honorific.Text != "" {
				s += "|" + n.Honorific.Text
			}
			got = append(got, s)
		}
		if !equalStrings(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
		checkDoc(t, d)
	}
}

func TestDocAccessors(t *testing.T) {
	a := analyzer(t)
	d := a.Analyze("One two.  Three four.")
	if d.SentenceTokens(-1) != nil || d.SentenceTokens(2) != nil {
		t.Error("SentenceTokens out of range should be nil")
	}
	if got := tokenTexts(d.SentenceTokens(1)); !equalStrings(got, []string{"Three", "four", "."}) {
		t.Errorf("SentenceTokens(1) = %q", got)
	}
	for off, want := range map[int]int{-1: -1, 0: 0, 7: 0, 8: -1, 9: -1, 10: 1, 20: 1, 21: -1, 1000: -1} {
		if got := d.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
	if got := d.TokenAt(4); got != 1 {
		t.Errorf("TokenAt(4) = %d, want 1", got)
	}
	empty := a.Analyze("")
	if len(empty.Sentences) != 0 || empty.SentenceAt(0) != -1 || empty.Names() != nil {
		t.Error("empty document should have nothing")
	}
}

// TestExamples is a golden test on the bundled example documents.
func TestExamples(t *testing.T) {
	a := analyzer(t)
	read := func(name string) *Doc {
		b, err := os.ReadFile(filepath.Join("../../examples/nato-libya", name))
		if err != nil {
			t.Fatal(err)
		}
		// the speaker labels as the pipeline gives them: the turns
		// ingest reads
		docs, err := ingest.Parse(context.Background(), name, b, ingest.Options{Tools: &ingest.Tools{}})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %d documents, %v", name, len(docs), err)
		}
		d := a.Analyze(docs[0].Text, TurnLabels(docs[0]))
		checkDoc(t, d)
		return d
	}
	has := func(d *Doc, s string) bool {
		for _, x := range d.Sentences {
			if x.Text == s {
				return true
			}
		}
		return false
	}
	pc := read("nato-libya-joint-press-conference.txt")
	if got := len(pc.Sentences); got != 32 {
		t.Errorf("press conference: %d sentences, want 32", got)
	}
	if got := len(pc.Paragraphs); got != 12 {
		t.Errorf("press conference: %d paragraphs, want 12", got)
	}
	for _, s := range []string{
		"Our experience with NATO is very positive. . . .",
		"And today, we come to NATO to express our thanks and gratitude and to confirm the positive relation between us based on respect… respecting sovereignty. . . .",
		"We are working in favour of our state, our country… our young state.",
		"Thank you, Mister Secretary General. . . .",
		"Q: Riad Walid (sp?), the Official Libyan Information.",
		"ALI ZEIDAN: NATO will give us technical advice in terms of training.",
	} {
		if !has(pc, s) {
			t.Errorf("press conference: missing sentence %q", s)
		}
	}
	var labels []string
	for _, p := range pc.Paragraphs {
		if p.Label.Text != "" {
			labels = append(labels, p.Label.Text)
		}
	}
	if want := []string{"From Ali Zeidan, NATO", "Q", "ALI ZEIDAN", "ANDERS FOGH RASMUSSEN"}; !equalStrings(labels, want) {
		t.Errorf("press conference labels %q, want %q", labels, want)
	}

	nw := read("natowatch-nato-returns-to-libya.txt")
	if got := len(nw.Sentences); got != 32 {
		t.Errorf("natowatch: %d sentences, want 32", got)
	}
	for _, s := range []string{
		"This announcement was the expected outcome of the Secretary General’s meeting with the Prime Minister of Libya, Mr. Ali Zeidan, at NATO HQ on 27 May, although, according to Mr Rasmussen, it was a decision for the North Atlantic Council (NAC) to make.",
		"He said:",
	} {
		if !has(nw, s) {
			t.Errorf("natowatch: missing sentence %q", s)
		}
	}
	names := map[string]string{}
	for _, n := range nw.Names() {
		names[n.Text] = n.Honorific.Text
	}
	for name, hon := range map[string]string{"Ali Zeidan": "Mr.", "Rasmussen": "Mr", "North Atlantic Council": "", "Boston Herald": ""} {
		if h, ok := names[name]; !ok || h != hon {
			t.Errorf("natowatch: name %q (honorific %q) not found; names: %v", name, hon, names)
		}
	}
}

func TestConcurrent(t *testing.T) {
	a := analyzer(t)
	texts := readTexts(t)
	want := map[string]string{}
	for k, src := range texts {
		want[k] = dump(a.Analyze(src))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k, src := range texts {
				if got := dump(a.Analyze(src)); got != want[k] {
					errs <- k
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for k := range errs {
		t.Errorf("%s: concurrent result differs", k)
	}
}

func dump(d *Doc) string {
	var b strings.Builder
	for _, t := range d.Tokens {
		b.WriteString(t.Text + "/" + t.Tag + " ")
	}
	for _, s := range d.Sentences {
		b.WriteString(s.Text + "\n")
	}
	for _, n := range d.Names() {
		b.WriteString(n.Text + "\n")
	}
	return b.String()
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n\n", "\u00a0\t \n \u00a0", ".", "...", ". . .", "?!?!", "(((", ")))", "“”‘’\"'",
		"Mr.", "U.S.", "Q:", "A:\n", "ALL CAPS (", "ALL CAPS (x):", "\xff\xfe\xfd", "a\x00b", "%%%", "%2", "http://",
		"www.", "x@y", "-", "--", "—", "…", "'s", "n't", "’", strings.Repeat("a", 10000), strings.Repeat("ab-", 3000),
		strings.Repeat(". ", 500), "al al al Al", "of the of", "Mr. Mr. Mr.", "Kenyatta met U.S. officials… He said: “We agree.”",
	} {
		f.Add(s)
	}
	a := analyzer(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := a.Analyze(src)
		checkDocLight(t, d)
		// Labels at every line start, cut anywhere, and out of range.
		labels := []model.Span{{Start: -1, End: 3}, {Start: len(src), End: len(src) + 2}}
		for i := 0; i < len(src); i++ {
			if i == 0 || src[i-1] == '\n' {
				labels = append(labels, model.Span{Start: i, End: min(i+1+i%7, len(src))})
			}
		}
		checkDocLight(t, a.Analyze(src, Labels(labels)))
	})
}

// checkDocLight is checkDoc without the per-byte SentenceAt check, which
// is quadratic on long fuzz inputs.
func checkDocLight(t *testing.T, d *Doc) {
	t.Helper()
	for _, tk := range d.Tokens {
		if tk.Start < 0 || tk.End > len(d.Text) || d.Text[tk.Start:tk.End] != tk.Text || tk.End <= tk.Start {
			t.Fatalf("bad token %+v", tk)
		}
	}
	for _, s := range d.Sentences {
		if err := s.Check(d.Text); err != nil {
			t.Fatal(err)
		}
		if s.EndToken <= s.FirstToken {
			t.Fatalf("empty sentence %+v", s)
		}
	}
	for _, p := range d.Paragraphs {
		if err := p.Check(d.Text); err != nil {
			t.Fatal(err)
		}
		if err := p.Label.Check(d.Text); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range d.Names() {
		if err := n.Check(d.Text); err != nil {
			t.Fatal(err)
		}
		if err := n.Honorific.Check(d.Text); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSegmentMatchesAnalyzeWithoutTags(t *testing.T) {
	a := analyzer(t)
	src := "Officials met on Tuesday. \"We agreed,\" Ms Doe said.\n\nQ: Why? A: Because."
	seg, full := a.Segment(src), a.Analyze(src)
	if len(seg.Tokens) != len(full.Tokens) || len(seg.Sentences) != len(full.Sentences) || len(seg.Paragraphs) != len(full.Paragraphs) {
		t.Fatalf("Segment gave %d tokens, %d sentences, %d paragraphs; Analyze %d, %d, %d",
			len(seg.Tokens), len(seg.Sentences), len(seg.Paragraphs), len(full.Tokens), len(full.Sentences), len(full.Paragraphs))
	}
	for i, tk := range seg.Tokens {
		if tk.Start != full.Tokens[i].Start || tk.End != full.Tokens[i].End {
			t.Errorf("token %d: %q at %d, Analyze has %q at %d", i, tk.Text, tk.Start, full.Tokens[i].Text, full.Tokens[i].Start)
		}
		if tk.Tag != "" {
			t.Errorf("token %q tagged %q by Segment", tk.Text, tk.Tag)
		}
	}
}

func TestTreeIndex(t *testing.T) {
	a := analyzer(t)
	if err := a.LoadModel(); err != nil {
		t.Fatal(err)
	}
	d := a.Analyze("The council approved the new budget on Tuesday.")
	// Every token's subtree contains itself and its dependents' subtrees,
	// and the root's subtree is the sentence.
	root := -1
	for i, tk := range d.Tokens {
		if tk.Head < 0 {
			root = i
		}
		f, e := d.Subtree(i)
		if f > i || e <= i {
			t.Errorf("token %d %q: subtree [%d,%d) does not contain it", i, tk.Text, f, e)
		}
		for _, k := range d.Dependents(i, nil) {
			kf, ke := d.Subtree(k)
			if kf < f || ke > e {
				t.Errorf("dependent %q of %q reaches outside its head's subtree", d.Tokens[k].Text, tk.Text)
			}
			if d.Tokens[k].Head != i {
				t.Errorf("dependent %q of %q has head %d", d.Tokens[k].Text, tk.Text, d.Tokens[k].Head)
			}
		}
	}
	if root < 0 || d.Tokens[root].Text != "approved" {
		t.Fatalf("root %d, want approved: %+v", root, d.Tokens)
	}
	if f, e := d.Subtree(root); f != 0 || e != len(d.Tokens) {
		t.Errorf("root subtree [%d,%d), want the whole sentence", f, e)
	}
	subj := d.Dependent(root, "nsubj")
	obj := d.Dependent(root, "obj")
	if subj < 0 || d.Tokens[subj].Text != "council" || obj < 0 || d.Tokens[obj].Text != "budget" {
		t.Errorf("subject %d, object %d of approved", subj, obj)
	}
	if d.Tokens[root].Lemma != "approve" || d.Tokens[root].UPOS != "VERB" {
		t.Errorf("approved: lemma %q, UPOS %q", d.Tokens[root].Lemma, d.Tokens[root].UPOS)
	}
}

// A dateline that opens a paragraph is a sentence of its own.
func TestDatelineSentence(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		src, first string
	}{
		{"Harrowgate, 6 March 2025 – Mayor Ana Ruiz said the ferry would run.", "Harrowgate, 6 March 2025 –"},
		{"NAIROBI (Reuters) - The talks resumed on Monday.", "NAIROBI (Reuters) -"},
		{"Harrowgate, 6 March 2025 — Mayor Ana Ruiz said so.", "Harrowgate, 6 March 2025 —"},
		{"HARROWGATE -- Mayor Ana Ruiz, opening the pier on Saturday, said so.", "HARROWGATE --"},
		{"SAN MARCO - The talks resumed on Monday.", "SAN MARCO -"},
		// not datelines: no date or agency, a hyphen inside a word
		{"Mayor Ana Ruiz - who spoke first - said so.", "Mayor Ana Ruiz - who spoke first - said so."},
		{"UN - not the council - decides.", "UN - not the council - decides."},
		{"Ana Ruiz, the mayor, said the well-known road would close.", "Ana Ruiz, the mayor, said the well-known road would close."},
	} {
		d := a.Segment(c.src)
		if len(d.Sentences) == 0 {
			t.Errorf("%q: no sentences", c.src)
			continue
		}
		if d.Sentences[0].Text != c.first {
			t.Errorf("%q: first sentence %q, want %q", c.src, d.Sentences[0].Text, c.first)
		}
	}
}

// TestCommonWord: words written in lower case in the training data are
// common words, whatever their case in the text; names are not.
func TestCommonWord(t *testing.T) {
	d := analyzer(t).Segment("A text.")
	for w, want := range map[string]bool{"commissioner": true, "Commissioner": true, "Association": true, "John": false, "donna": false, "Aalto": false} {
		if got := d.CommonWord(w); got != want {
			t.Errorf("CommonWord(%q) = %v, want %v", w, got, want)
		}
	}
	if (&Doc{}).CommonWord("commissioner") {
		t.Errorf("a Doc built by hand knows no words")
	}
}

// A surname that is also a common word, opening a sentence, is tagged a
// name when the document writes it with a capital inside a sentence and
// never in lower case; the tree then makes it the subject.
func TestDocumentNamesOpeningSentences(t *testing.T) {
	a := analyzer(t)
	first := func(src string) Token {
		d := a.Analyze(src)
		return d.Tokens[0]
	}
	for _, w := range []string{"Price", "Burns"} {
		alone := first(w + " said the ferry would run again.")
		named := first(w + " said the ferry would run again.\n\nThe mayor, Ana " + w + ", spoke on Monday.")
		if named.UPOS != "PROPN" || named.Rel != "nsubj" {
			t.Errorf("%s with the name inside a sentence: %s %s, want PROPN nsubj", w, named.UPOS, named.Rel)
		}
		lower := first(w + " said the ferry would run again.\n\nThe mayor, Ana " + w + ", spoke of the " + strings.ToLower(w) + ".")
		if lower.UPOS != alone.UPOS {
			t.Errorf("%s with the word also in lower case: %s, want the sentence's own tag %s", w, lower.UPOS, alone.UPOS)
		}
		headline := first(w + " said the ferry would run again.\n\nMayor Says " + w + " Will Stay")
		if headline.UPOS != alone.UPOS {
			t.Errorf("%s written with a capital only in a title-case line: %s, want the sentence's own tag %s", w, headline.UPOS, alone.UPOS)
		}
	}
}

// The first word of a sentence after its opening quotation mark is no
// name for being capitalised ("“Anybody who attacks him …”"); a name
// the document shows, tagged an adjective before a verb, is a name
// ("Cuban also complained"), but not before a noun ("Cuban officials").
func TestDocumentNamesAfterQuotationMarkAndAdjectives(t *testing.T) {
	a := analyzer(t)
	d := a.Segment("“Anybody who attacks him is wrong,” said Ana Ruiz. It was hot.")
	if a.documentNames(d)["Anybody"] {
		t.Errorf("the word after an opening quotation mark taken for a name")
	}
	tag := func(src, word string, nth int) string {
		d := a.Analyze(src)
		for _, tk := range d.Tokens {
			if tk.Text == word {
				if nth == 0 {
					return tk.UPOS
				}
				nth--
			}
		}
		return ""
	}
	if got := tag("Mark Cuban spoke on Monday. Cuban also complained that the senator is too principled.", "Cuban", 1); got != "PROPN" {
		t.Errorf("Cuban also complained: %s, want PROPN", got)
	}
	if got := tag("Mark Cuban spoke on Monday. Cuban officials said the talks went well.", "Cuban", 1); got != "ADJ" {
		t.Errorf("Cuban officials: %s, want ADJ", got)
	}
	// a word the tagger takes for an interjection, between a quotation
	// and its verb, is the speaker's name
	if got := tag("“The more this plays itself out, the more it is being established that Adler is the real conservative,” Bozell concludes on the matchup.", "Bozell", 0); got != "PROPN" {
		t.Errorf("Bozell concludes: %s, want PROPN", got)
	}
}

// Inside a sentence, a name the document shows that the tagger takes for
// a verb after a word in lower case is a name ("a loss to Hunt", "can
// beat Hunt"); after a mark, where a sentence the splitter missed may
// open, it stays what the tagger read.
func TestDocumentNamesReadAsVerbs(t *testing.T) {
	a := analyzer(t)
	tags := func(src, word string) []string {
		var out []string
		for _, tk := range a.Analyze(src).Tokens {
			if tk.Text == word {
				out = append(out, tk.UPOS)
			}
		}
		return out
	}
	got := tags("Karl Hunt spoke on Monday. It was a loss to Hunt in his home state, and only a candidate who can beat Hunt will win.", "Hunt")
	if strings.Join(got, " ") != "PROPN PROPN PROPN" {
		t.Errorf("a loss to Hunt, can beat Hunt: %v, want three PROPN", got)
	}
	got = tags("Ana Visit spoke on Monday. The plan was final: Visit the harbour in May.", "Visit")
	if len(got) != 2 || got[1] != "VERB" {
		t.Errorf("a verb after a colon: %v, want the tagger's VERB", got)
	}
}

func TestAllUpper(t *testing.T) {
	for _, w := range []string{"", "NATO", "Nato", "ÉTAT", "État", "A1-B", "ΑΘΗΝΑ", "Αθηνα", "X\xffY", "\xff", "ǅ", "ß", "İ"} {
		if got, want := allUpper(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("allUpper(%q) = %v, want %v", w, got, want)
		}
	}
}

// documentNamesRef is documentNames as it was written first: a map of
// every lower-case word of the document, then the names not in it.
func (a *Analyzer) documentNamesRef(d *Doc) map[string]bool {
	names := map[string]bool{}
	lower := map[string]bool{}
	for _, s := range d.Sentences {
		running := false
		for k := s.FirstToken; k < s.EndToken && !running; k++ {
			w := d.Tokens[k].Text
			running = startsLower(w) && !a.FunctionWord(w)
		}
		words := 0
		for k := s.FirstToken; k < s.EndToken; k++ {
			w := d.Tokens[k].Text
			r, size := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r):
				lower[w] = true
			case !unicode.IsUpper(r) || size == len(w) || strings.ToUpper(w) == w:
			case running && words > 0 && !a.FunctionWord(w):
				names[w] = true
			}
			for _, r := range w {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					words++
					break
				}
			}
		}
	}
	for w := range names {
		if lower[strings.ToLower(w)] {
			delete(names, w)
		}
	}
	return names
}

func TestDocumentNamesMatchReference(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, f := range []string{"testdata/article.txt", "testdata/transcript.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	texts = append(texts, "Trump said so. Later trump cards were played by Trump and ÉTAT. Said Otieno: X\xffY met Otieno.", "THE END", "",
		"“Anybody who attacks him is wrong,” said Ana Ruiz.")
	found := 0
	for _, txt := range texts {
		d := a.Segment(txt)
		got, want := a.documentNames(d), a.documentNamesRef(d)
		if len(got) != len(want) {
			t.Fatalf("%q: names %v, want %v", txt, got, want)
		}
		for w := range want {
			if !got[w] {
				t.Fatalf("%q: names %v, want %v", txt, got, want)
			}
		}
		found += len(want)
	}
	if found == 0 {
		t.Error("no names found: the test checks nothing")
	}
}

// TestAnalyzeSomeMatchesAnalyze checks the deferred parse against the
// plain one on the test texts: the sentences AnalyzeSome parses have the
// tokens and tree Analyze gives them, the others the tags and lemmas of
// the tagger alone (Analyze may still change a function word's class by
// its relation, and Retaggable says which may) and no tree, until
// Parse gives each the tree and tags Analyze does; a sentence flagged but
// not confirmed is deferred as the others; with every sentence parsed,
// the Doc is Analyze's.
func TestAnalyzeSomeMatchesAnalyze(t *testing.T) {
	a := analyzer(t)
	if err := a.LoadModel(); err != nil {
		t.Fatal(err)
	}
	deferredSeen, retagged := 0, 0
	for name, src := range readTexts(t) {
		full := a.Analyze(src)
		// the tags of a sentence left unparsed: the tagger's alone
		tagged, _ := a.AnalyzeSome(src, func(d *Doc, parse []bool) bool { return true }, nil)
		for k, tk := range tagged.Tokens {
			want := full.Tokens[k]
			if tk.Tag == want.Tag && tk.UPOS == want.UPOS {
				continue
			}
			if !tagged.Retaggable(k) {
				t.Fatalf("%s: token %d %q: tagged %s/%s, parsed %s/%s, but Retaggable is false", name, k, tk.Text, tk.UPOS, tk.Tag, want.UPOS, want.Tag)
			}
			retagged++
		}
		// every third sentence flagged, and every other one of those
		// confirmed after tagging: every sixth parsed at once
		confirmed := 0
		d, ok := a.AnalyzeSome(src, func(d *Doc, parse []bool) bool {
			for i := range parse {
				parse[i] = i%3 == 0
			}
			return true
		}, func(d *Doc, si int) bool {
			if si%3 != 0 || d.Tokens[d.Sentences[si].FirstToken].Tag == "" {
				t.Fatalf("%s: confirm asked for sentence %d, not flagged or not tagged", name, si)
			}
			confirmed++
			return si%6 == 0
		})
		if want := (len(d.Sentences) + 2) / 3; confirmed != want {
			t.Fatalf("%s: confirm asked for %d sentences, want %d", name, confirmed, want)
		}
		if !ok || len(d.Tokens) != len(full.Tokens) {
			t.Fatalf("%s: AnalyzeSome gave %d tokens (analysed: %v), Analyze %d", name, len(d.Tokens), ok, len(full.Tokens))
		}
		check := func(si int, parsed bool) {
			s := d.Sentences[si]
			for k := s.FirstToken; k < s.EndToken; k++ {
				got, want := d.Tokens[k], full.Tokens[k]
				if !parsed {
					// no tree, and the tagger's tags: a function word keeps
					// its class until its relation is known (syntax.Model.Tag)
					want = tagged.Tokens[k]
				}
				if got != want {
					t.Fatalf("%s: sentence %d (parsed: %v), token %d: %+v, want %+v", name, si, parsed, k, got, want)
				}
				gf, ge := d.Subtree(k)
				wf, we := full.Subtree(k)
				if parsed && (gf != wf || ge != we || !slices.Equal(d.Dependents(k, nil), full.Dependents(k, nil))) {
					t.Fatalf("%s: token %d: subtree [%d,%d), want [%d,%d), or other dependents", name, k, gf, ge, wf, we)
				}
			}
		}
		for si := range d.Sentences {
			if d.Deferred(si) != (si%6 != 0) {
				t.Fatalf("%s: sentence %d deferred: %v", name, si, d.Deferred(si))
			}
			check(si, si%6 == 0)
		}
		// parse the rest from the last
		for si := len(d.Sentences) - 1; si >= 0; si-- {
			if d.Deferred(si) {
				deferredSeen++
			}
			d.Parse(si)
			check(si, true)
		}
		if !reflect.DeepEqual(d, full) {
			t.Errorf("%s: with every sentence parsed, the Doc differs from Analyze's", name)
		}
	}
	if deferredSeen == 0 || retagged == 0 {
		t.Fatalf("%d sentences deferred, %d tags changed by the parse: the test checks too little", deferredSeen, retagged)
	}
	if _, ok := a.AnalyzeSome("Nothing here.", func(*Doc, []bool) bool { return false }, nil); ok {
		t.Error("AnalyzeSome analysed a text that want refused")
	}
}

// Gender reads data/text/genders.txt by kind, ignoring case and a
// title's period; NameGender reads the first word of a name of two words
// or more, a title or a given name. Names borne by both genders, and a
// name of one word, give none.
func TestGender(t *testing.T) {
	d := analyzer(t).Segment("x")
	for _, tc := range []struct {
		w    string
		kind GenderKind
		want byte
	}{
		{"She", GenderPronoun, 'f'},
		{"his", GenderPronoun, 'm'},
		{"she", GenderName, 0},
		{"Mrs.", GenderTitle, 'f'},
		{"congressman", GenderTitle, 'm'},
		{"Hillary", GenderName, 'f'},
		{"Hillary", GenderTitle, 0},
		{"Chris", GenderName, 0},
	} {
		if got := d.Gender(tc.w, tc.kind); got != tc.want {
			t.Errorf("Gender(%q, %d) = %q, want %q", tc.w, tc.kind, got, tc.want)
		}
	}
	for _, tc := range []struct {
		name string
		want byte
	}{
		{"Hillary Clinton", 'f'},
		{"Bernie Sanders", 'm'},
		{"Brian D. Okafor", 'm'},
		{"Mr. Okafor", 'm'},
		{"Chris Christie", 0},
		{"Terry Strada", 0},
		{"Brian", 0},
		{"", 0},
	} {
		if got := d.NameGender(tc.name); got != tc.want {
			t.Errorf("NameGender(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	var none *Doc
	if none.NameGender("Hillary Clinton") != 0 {
		t.Error("a nil Doc knows a gender")
	}
}

// A parse set by hand replaces the sentence's tree, its dependents and
// its subtrees; one that does not fit changes nothing.
func TestSetHeads(t *testing.T) {
	a := analyzer(t)
	d := a.Analyze("Ana Ruiz left. Ben stayed.")
	if d.SetHeads(0, []int{-1}, []string{"root"}) || d.SetHeads(5, nil, nil) || d.SetHeads(1, []int{1, -1, 9}, []string{"a", "b", "c"}) {
		t.Fatal("a parse that does not fit was taken")
	}
	before := d.Tokens[4]
	// "Ana Ruiz left .": "left" heads "Ana", "Ana" heads "Ruiz"
	if !d.SetHeads(0, []int{2, 0, -1, 2}, []string{"nsubj", "flat", "root", "punct"}) {
		t.Fatal("a parse that fits was refused")
	}
	if got := d.Dependents(2, nil); len(got) != 2 || got[0] != 0 || got[1] != 3 {
		t.Errorf("dependents of left: %v, want [0 3]", got)
	}
	if f, e := d.Subtree(0); f != 0 || e != 2 {
		t.Errorf("subtree of Ana: %d..%d, want 0..2", f, e)
	}
	if d.Tokens[2].Head != -1 || d.Tokens[1].Rel != "flat" || d.Tokens[4] != before {
		t.Errorf("tokens after SetHeads: %+v", d.Tokens[:5])
	}
}

// A span of time before "before" or "after" that opens a clause is an
// oblique of the clause's verb, not its subject: "two days before the
// committee voted" has "committee" as the subject of "voted", as the
// treebank attaches it ("a year before X sent ...").
func TestTimeSpanBeforeAClause(t *testing.T) {
	a := analyzer(t)
	d := a.Analyze("Governor Lena Horvath announced the cut on 6 May, two days before the committee voted.")
	at := map[string]int{}
	for i, tk := range d.Tokens {
		at[tk.Text] = i
	}
	voted := at["voted"]
	for _, c := range []struct{ word, rel string }{{"committee", "nsubj"}, {"before", "mark"}, {"days", "obl:unmarked"}} {
		if tk := d.Tokens[at[c.word]]; tk.Head != voted || tk.Rel != c.rel {
			t.Errorf("%s: %s of token %d, want %s of voted (%d)", c.word, tk.Rel, tk.Head, c.rel, voted)
		}
	}
}

// A line of the time spans list that names no known kind is refused
// with the file and line, in words a user can act on.
func TestTimeSpansListRefusesUnknownKind(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "text"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "text", "time-spans.txt"), []byte("# spans\nday span\nfortnight period\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewFromData(data.Open(dir))
	if err == nil || !strings.Contains(err.Error(), "text/time-spans.txt:3") || !strings.Contains(err.Error(), `unknown kind "period"`) {
		t.Fatalf("error %v, want one naming text/time-spans.txt:3 and the kind", err)
	}
}

// A speaker's label is no word of the sentence it opens: it is tagged and
// parsed as a unit of its own, so that the sentence's tree is the turn's
// words' ("ADLER: You know, Varga is hitting me": Varga is the subject,
// and the label is no second one), in a full analysis and in a deferred
// parse alike.
func TestLabelIsNoWordOfItsSentence(t *testing.T) {
	a := analyzer(t)
	src := "ADLER: You know, Varga is hitting me with tremendous commercials.\n\nVARGA (Mayor): Well, once again, Karl is implying that he did not support the ferry.\n"
	opt := Labels(labelsAt(t, src, "ADLER", "VARGA (Mayor)"))
	full := a.Analyze(src, opt)
	some, _ := a.AnalyzeSome(src, func(*Doc, []bool) bool { return true }, nil, opt)
	for _, d := range []*Doc{full, some} {
		for si := range d.Sentences {
			d.Parse(si)
		}
		for _, s := range d.Sentences {
			words := s.FirstToken // the first word after the label's colon
			for words < s.EndToken && d.Tokens[words].Text != ":" {
				words++
			}
			if d.afterLabel(s) != words+1 {
				t.Errorf("%q: the label's unit ends at token %d, want %d (after its colon)", s.Text, d.afterLabel(s), words+1)
			}
			if words++; words >= s.EndToken {
				t.Fatalf("sentence %q: no label found", s.Text)
			}
			for i := s.FirstToken; i < s.EndToken; i++ {
				h := d.Tokens[i].Head
				if h >= 0 && (i < words) != (h < words) {
					t.Errorf("%q (%s) hangs on %q across the label's edge in %q", d.Tokens[i].Text, d.Tokens[i].Rel, d.Tokens[h].Text, s.Text)
				}
			}
		}
		if k := tokenIndex(d, "Varga", 0); d.Tokens[k].Rel != "nsubj" || d.Tokens[d.Tokens[k].Head].Text != "hitting" {
			t.Errorf("Varga is %s of %q, want the subject of \"hitting\"", d.Tokens[k].Rel, d.Tokens[max(d.Tokens[k].Head, 0)].Text)
		}
	}
	checkDoc(t, full)
}

// tokenIndex returns the index of the nth token of d written text, or
// fails the test.
func tokenIndex(d *Doc, text string, nth int) int {
	for i, tk := range d.Tokens {
		if tk.Text == text {
			if nth == 0 {
				return i
			}
			nth--
		}
	}
	panic("no token " + text)
}

// A name addressed before the subject of the sentence is a vocative, not
// a second subject: "Secretary Varga, Mr. Okafor, I want to thank you"
// is addressed to Varga, and it is I who want. A name with a comma before
// a clause whose subject it is ("Varga, who led the council, said she
// would go"), or after a word of the clause ("that Varga, who …, is"), is
// not addressed.
func TestAddressedNameIsNoSubject(t *testing.T) {
	a := analyzer(t)
	rel := func(d *Doc, word string) string {
		for _, tk := range d.Tokens {
			if tk.Text == word {
				return tk.Rel
			}
		}
		return "(none)"
	}
	d := a.Analyze("Secretary Varga, Mr. Okafor, I want to thank you both for coming.")
	for _, w := range []string{"Secretary", "Varga"} {
		if r := rel(d, w); r == "nsubj" {
			t.Errorf("%s is %s in %q", w, r, d.Text)
		}
	}
	if r := rel(d, "I"); r != "nsubj" {
		t.Errorf("I is %s, want nsubj", r)
	}
	for _, s := range []string{
		"Varga, who led the council, said she would go.",
		"He also said the council is \"pleased\" that Varga, who invoked his rights before a panel in September, is now cooperating with prosecutors.",
	} {
		d = a.Analyze(s)
		if r := rel(d, "Varga"); r == "vocative" {
			t.Errorf("Varga is %s in %q", r, d.Text)
		}
	}
}

// No name holds a comma: where the parser runs two names across one as
// one flat name ("In a letter to Ben Adler, Ana Ruiz said"), the second
// is a phrase of its own, with its own words hung on it.
func TestNoNameAcrossAComma(t *testing.T) {
	a := analyzer(t)
	for _, s := range []string{
		"In a letter to Ben Adler, Ana Ruiz said the port would reopen in May.",
		"Unlike Ben Adler, Ana Ruiz said the port would reopen in May.",
	} {
		d := a.Analyze(s)
		var ana, ruiz int = -1, -1
		for i, tk := range d.Tokens {
			switch tk.Text {
			case "Ana":
				ana = i
			case "Ruiz":
				ruiz = i
			}
		}
		if ana < 0 || ruiz < 0 {
			t.Fatalf("no Ana Ruiz in %q", s)
		}
		if d.Tokens[ana].Rel == "flat" {
			t.Errorf("%q: Ana is a flat word of %q", s, d.Tokens[d.Tokens[ana].Head].Text)
		}
		if d.Tokens[ruiz].Head != ana {
			t.Errorf("%q: Ruiz hangs on %q, want Ana", s, d.Tokens[d.Tokens[ruiz].Head].Text)
		}
	}
}
