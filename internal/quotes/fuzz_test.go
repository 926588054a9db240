package quotes

import (
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will act,” she said, “and soon.”",
		"He said:\n\nWe will act.\n\nThey said: “",
		"‘ ’ ' \" “ ” . . . … , , said, according to, told",
		"Mr. said that that that.",
		"US officials, speaking ‘on condition of anonymity, told AP that x y z",
		", he concluded.",
		"According to",
		"said",
		"“”‘’",
	} {
		f.Add(s)
	}
	x, err := NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	ix := NewIndex(ta(f))
	ix.Add(&model.Document{ID: "rec", Kind: model.KindStatement, Text: "We will act and soon. They said that nothing would change."})
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // documents are valid UTF-8 by contract
		}
		for _, k := range []model.Kind{model.KindArticle, model.KindStatement} {
			d := &model.Document{ID: "f", Kind: k, Text: text}
			qs := extract(t, x, d, nil)
			checkSpans(t, d, qs)
			for i := range qs {
				ix.Verify(&qs[i], d)
				if qs[i].Score < 0 || qs[i].Score > 1 {
					t.Fatalf("score %v", qs[i].Score)
				}
			}
		}
	})
}

func TestExtractBadInput(t *testing.T) {
	x := newX(t)
	if x.Extract(nil, nil, nil) != nil {
		t.Error("nil document")
	}
	// Turns with spans outside the text are skipped, not a panic.
	d := &model.Document{ID: "t", Kind: model.KindTranscript, Text: "A: hi",
		Speakers: []model.Speaker{{Name: "A"}},
		Turns:    []model.Turn{{Speaker: 5, Content: model.Span{Start: 3, End: 99}}, {Speaker: 0, Label: model.NewSpan("A: hi", 0, 1), Content: model.NewSpan("A: hi", 3, 5)}}}
	qs := extract(t, x, d, nil)
	if len(qs) != 1 || qs[0].Speaker != "A" {
		t.Errorf("%+v", qs)
	}
	ix := NewIndex(ta(t))
	ix.Add(d)
	ix.Add(nil)
	if ix.Len() != 1 {
		t.Errorf("%d passages", ix.Len())
	}
	var zero Extractor
	if extract(t, &zero, d, nil) != nil {
		t.Error("zero extractor")
	}
}

// FuzzIndex indexes any text as a statement and as a one-turn transcript
// (with its quotations, brackets, figures and fillers), then verifies
// quotes against it: no panic, scores in [0, 1], evidence inside the
// record.
func FuzzIndex(f *testing.F) {
	for _, s := range []string{
		"She said, “We are going to raise taxes [2017],” and that is wrong, you know.",
		"A spokesman said: “We will, uh, send 1,000 soldiers on Monday.” Mokoena never said: “no”",
		"“”[[]] … (sic) re-election 50% OK U.S. Sept. 1st",
		"ADLER: We will build a wall on the border, and Velgrad will pay for",
	} {
		f.Add(s)
	}
	x, err := NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	articles := []*model.Document{
		{ID: "a1", Kind: model.KindArticle, Text: "“We are going to raise taxes on every family,” Karl Adler said at a rally."},
		{ID: "a2", Kind: model.KindArticle, Text: "Karl Adler said the council would meet on Friday to approve 12 new tariffs."},
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || text == "" {
			return
		}
		st := &model.Document{ID: "st", Kind: model.KindStatement, Text: text, Title: text[:min(len(text), 40)], Publisher: "Velgrad Herald"}
		tr := &model.Document{ID: "tr", Kind: model.KindTranscript, Text: text, Title: "Debate",
			Speakers: []model.Speaker{{Name: "Karl Adler"}},
			Turns:    []model.Turn{{Speaker: 0, Content: model.NewSpan(text, 0, len(text))}}}
		for _, rec := range []*model.Document{st, tr} {
			ix := x.NewIndex(ta(t))
			ix.Add(rec)
			for _, d := range articles {
				qs := extract(t, x, d, nil)
				for i := range qs {
					ix.Verify(&qs[i], d)
					if s := qs[i].Score; s < 0 || s > 1 {
						t.Fatalf("score %v", s)
					}
					if p := qs[i].Primary; p != nil && (p.Start < 0 || p.End > len(text) || p.Start > p.End) {
						t.Fatalf("evidence %d-%d outside the record of %d bytes", p.Start, p.End, len(text))
					}
				}
			}
		}
	})
}
