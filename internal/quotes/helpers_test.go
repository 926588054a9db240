package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

var testText struct {
	sync.Once
	a   *text.Analyzer
	err error
}

// ta returns the text layer shared by the tests.
func ta(t testing.TB) *text.Analyzer {
	t.Helper()
	testText.Do(func() {
		testText.a, testText.err = text.New()
		if testText.err == nil {
			testText.err = testText.a.LoadModel()
		}
	})
	if testText.err != nil {
		t.Fatal(testText.err)
	}
	return testText.a
}

// extract runs the extractor on doc with its text layer.
func extract(t testing.TB, x *Extractor, doc *model.Document, r Resolver) []model.Quote {
	t.Helper()
	return x.Extract(doc, ta(t).Analyze(doc.Text, text.TurnLabels(doc)), r)
}

func newX(t testing.TB) *Extractor {
	t.Helper()
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func article(id, text string) *model.Document {
	return &model.Document{ID: id, Kind: model.KindArticle, Text: text}
}

// transcript builds a transcript from text, cutting turns at the given
// labels (each label is searched for in order, label text without the
// colon; the content runs from after the colon to the next label).
func transcript(t testing.TB, id, text string, labels []string, speakers []model.Speaker, who []int) *model.Document {
	t.Helper()
	d := &model.Document{ID: id, Kind: model.KindTranscript, Text: text, Speakers: speakers}
	pos := 0
	type lab struct{ s, e, ce int }
	var ls []lab
	for _, l := range labels {
		i := strings.Index(text[pos:], l+":")
		if i < 0 {
			t.Fatalf("label %q not found after %d", l, pos)
		}
		s := pos + i
		ls = append(ls, lab{s: s, e: s + len(l), ce: s + len(l) + 1})
		pos = s + len(l) + 1
	}
	for i, l := range ls {
		end := len(text)
		if i+1 < len(ls) {
			end = ls[i+1].s
		}
		c := strings.TrimSpace(text[l.ce:end])
		cs := l.ce + strings.Index(text[l.ce:end], c)
		turn := model.Turn{Speaker: who[i], Label: model.NewSpan(text, l.s, l.e), Content: model.NewSpan(text, cs, cs+len(c))}
		if who[i] >= 0 && speakers[who[i]].Questioner {
			turn.Question = true
		}
		d.Turns = append(d.Turns, turn)
	}
	return d
}

func readExample(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "nato-libya", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func checkSpans(t testing.TB, doc *model.Document, qs []model.Quote) {
	t.Helper()
	for _, q := range qs {
		if q.Cue != nil {
			if err := q.Cue.Check(doc.Text); err != nil {
				t.Errorf("%s cue: %v", q.ID, err)
			}
		}
		for _, s := range q.Sources {
			if err := s.Check(doc.Text); err != nil {
				t.Errorf("%s source: %v", q.ID, err)
			}
		}
		if len(q.Contents) == 0 {
			t.Errorf("%s has no contents", q.ID)
		}
		for _, s := range q.Contents {
			if err := s.Check(doc.Text); err != nil {
				t.Errorf("%s content: %v", q.ID, err)
			}
		}
	}
}

func dump(t testing.TB, qs []model.Quote) {
	t.Helper()
	for _, q := range qs {
		src := []string{}
		for _, s := range q.Sources {
			src = append(src, s.Text)
		}
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		t.Logf("%s rule=%s direct=%v unclosed=%v cue=%q src=%q speaker=%q anon=%v verdict=%s score=%.2f diff=%q\n    %q", q.ID, q.Rule, q.Direct, q.Unclosed, cue, src, q.Speaker, q.Anonymous, q.Verdict, q.Score, q.Diff, q.Text())
	}
}

// verified extracts the quotes of an article with text, verifies the one
// whose text contains sub against ix and returns it.
func verified(t *testing.T, x *Extractor, ix *Index, text, sub string) *model.Quote {
	t.Helper()
	d := article("a", text)
	qs := extract(t, x, d, nil)
	q := find(t, qs, sub)
	ix.Verify(q, d)
	return q
}

// placedParse analyses text as an article and places its parse by hand
// (heads from 0, -1 for the root; relations), as a model gives it, so
// that a test does not rest on the shipped model's reading.
func placedParse(t *testing.T, text string, heads []int, rels []string) (*model.Document, *text.Doc) {
	t.Helper()
	doc := article("a", text)
	td := ta(t).Analyze(doc.Text)
	if !td.SetHeads(0, heads, rels) {
		t.Fatalf("the parse does not fit the sentence's %d tokens", len(td.Tokens))
	}
	return doc, td
}
