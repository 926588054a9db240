package quotes

import (
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

func natoTranscript(t testing.TB) *model.Document {
	text := readExample(t, "nato-libya-joint-press-conference.txt")
	sp := []model.Speaker{
		{Name: "Ali Zeidan", Role: "Prime Minister", Organization: "Libya", Labels: []string{"From Ali Zeidan, NATO", "ALI ZEIDAN"}},
		{Name: "Riad Walid", Organization: "the Official Libyan Information", Labels: []string{"Q"}, Questioner: true},
		{Name: "Anders Fogh Rasmussen", Role: "NATO Secretary General", Organization: "NATO", Labels: []string{"ANDERS FOGH RASMUSSEN (NATO Secretary General)"}},
	}
	return transcript(t, "tr", text, []string{"From Ali Zeidan, NATO", "Q", "ALI ZEIDAN", "ANDERS FOGH RASMUSSEN (NATO Secretary General)"}, sp, []int{0, 1, 0, 2})
}

func TestDebugArticle(t *testing.T) {
	x := newX(t)
	tr := natoTranscript(t)
	ix := NewIndex()
	ix.Add(tr)
	d := article("art", readExample(t, "natowatch-nato-returns-to-libya.txt"))
	qs := x.Extract(d, nil)
	for i := range qs {
		ix.Verify(&qs[i], d)
	}
	checkSpans(t, d, qs)
	dump(t, qs)
	tq := x.Extract(tr, nil)
	checkSpans(t, tr, tq)
	dump(t, tq)
}
