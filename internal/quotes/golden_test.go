package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// natoTranscript builds the example press conference by hand: turns cut
// at the speaker labels, the last turn ending before the photo caption.
func natoTranscript(t testing.TB) *model.Document {
	t.Helper()
	text := readExample(t, "nato-libya-joint-press-conference.txt")
	sp := []model.Speaker{
		{Name: "Ali Zeidan", Role: "Prime Minister", Organization: "Libya", Labels: []string{"From Ali Zeidan, NATO", "ALI ZEIDAN"}},
		{Name: "Riad Walid", Organization: "the Official Libyan Information", Labels: []string{"Q"}, Questioner: true},
		{Name: "Anders Fogh Rasmussen", Role: "NATO Secretary General", Organization: "NATO", Labels: []string{"ANDERS FOGH RASMUSSEN (NATO Secretary General)"}},
	}
	d := transcript(t, "nato-tr", text, []string{"From Ali Zeidan, NATO", "Q", "ALI ZEIDAN", "ANDERS FOGH RASMUSSEN (NATO Secretary General)"}, sp, []int{0, 1, 0, 2})
	last := &d.Turns[len(d.Turns)-1]
	if i := strings.Index(text, "\n\nExcerpts from joint press conference"); i > last.Content.Start {
		last.Content = model.NewSpan(text, last.Content.Start, i)
	}
	return d
}

func TestGoldenNATOLibya(t *testing.T) {
	x := newX(t)
	tr := natoTranscript(t)
	ix := NewIndex(ta(t))
	ix.Add(tr)
	art := article("nato-art", readExample(t, "natowatch-nato-returns-to-libya.txt"))
	qs := extract(t, x, art, nil)
	checkSpans(t, art, qs)
	for i := range qs {
		ix.Verify(&qs[i], art)
	}
	tqs := extract(t, x, tr, nil)
	checkSpans(t, tr, tqs)
	for _, q := range tqs {
		if q.Verdict != model.VerdictPrimary {
			t.Errorf("transcript turn %q: %q", q.Speaker, q.Verdict)
		}
	}

	cases := []struct {
		sub, speaker, verdict string
		direct                bool
		primary               string // the record's words, exactly
	}{
		{"this request will be forwarded to the North Atlantic Council. And it will be the Council that makes the final decision", "Anders Fogh Rasmussen", model.VerdictVerbatim, true,
			"This request will be forwarded to the North Atlantic Council. And it will be the Council that makes the final decision"},
		{"this is not about deploying NATO troops to Libya. This is about technical assistance upon request of the Libyan Government", "Anders Fogh Rasmussen", model.VerdictVerbatim, true,
			"this is not about deploying NATO troops to Libya. This is about technical assistance upon request of the Libyan Government"},
		{"his country’s experience with NATO was very positive and that he wanted to collaborate in the fields of peace, cooperation and security", "Ali Zeidan", model.VerdictParaphrase, false, ""},
		{"part of where we think we can be helpful", "Obama", model.VerdictNoRecord, true, ""},
		{"We will develop a plan for how NATO can play a role", "Chuck Hagel", model.VerdictNoRecord, true, ""},
		{"NATO has expertise in the reform of security and defence sectors", "Anders Fogh Rasmussen", model.VerdictNoRecord, true, ""},
		{"truly significant", "Anders Fogh Rasmussen", model.VerdictTooShort, true, ""},
		{"the United States had been talking to the Libyans", "US officials", model.VerdictNoRecord, false, ""},
	}
	for _, c := range cases {
		q := find(t, qs, c.sub)
		if q.Speaker != c.speaker || q.Verdict != c.verdict || q.Direct != c.direct {
			t.Errorf("%q: speaker %q verdict %q (score %.2f) direct %v; want %q %q %v", c.sub, q.Speaker, q.Verdict, q.Score, q.Direct, c.speaker, c.verdict, c.direct)
		}
		if c.primary != "" {
			if q.Primary == nil || q.Primary.Doc != "nato-tr" || q.Primary.Text != c.primary || tr.Text[q.Primary.Start:q.Primary.End] != c.primary {
				t.Errorf("%q: primary %+v", c.sub, q.Primary)
			}
		}
		if c.verdict == model.VerdictParaphrase && (q.Primary == nil || !strings.Contains(q.Primary.Text, "Our experience with NATO is very positive")) {
			t.Errorf("%q: paraphrase evidence %+v", c.sub, q.Primary)
		}
	}
	// The unnamed US officials are anonymous, and no named person.
	us := find(t, qs, "the United States had been talking")
	if !us.Anonymous || strings.Contains(us.Speaker, "Associated") {
		t.Errorf("US officials: anonymous %v speaker %q", us.Anonymous, us.Speaker)
	}
	// The Obama and Rasmussen blocks are direct, block quotations.
	for _, sub := range []string{"part of where we think", "NATO has expertise"} {
		if q := find(t, qs, sub); q.Rule != RuleBlock {
			t.Errorf("%q: rule %q", sub, q.Rule)
		}
	}
	// Scare quotes without a cue are no quotations of a person.
	for _, sub := range []string{"made in Washington", "the principal political decision-making body"} {
		for _, q := range qs {
			if strings.Contains(q.Text(), sub) {
				t.Errorf("scare quote %q reported as a quote", sub)
			}
		}
	}
	// Nothing in the article is called verbatim except the two quotes
	// checked above.
	n := 0
	for _, q := range qs {
		if q.Verdict == model.VerdictVerbatim {
			n++
		}
		if q.Verdict == model.VerdictWrongSpeaker || q.Verdict == model.VerdictAltered {
			t.Errorf("unexpected %q for %q", q.Verdict, q.Text())
		}
	}
	if n != 2 {
		dump(t, qs)
		t.Errorf("%d verbatim quotes, want 2", n)
	}
}

// TestGoldenAlteredExample changes one word of a real quote from the
// example: the verdict must turn to altered and the diff name the word.
func TestGoldenAlteredExample(t *testing.T) {
	x := newX(t)
	ix := NewIndex(ta(t))
	ix.Add(natoTranscript(t))
	text := readExample(t, "natowatch-nato-returns-to-libya.txt")
	text = strings.Replace(text, "this is not about deploying NATO troops", "this is not about sending NATO troops", 1)
	art := article("nato-art2", text)
	qs := extract(t, x, art, nil)
	q := find(t, qs, "not about sending NATO troops")
	ix.Verify(q, art)
	if q.Verdict != model.VerdictAltered || !strings.Contains(q.Diff, "[-deploying-] {+sending+}") {
		t.Errorf("verdict %q diff %q", q.Verdict, q.Diff)
	}
}
