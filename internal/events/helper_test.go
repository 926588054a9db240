package events

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

var (
	testOnce     sync.Once
	testAnalyzer *text.Analyzer
	testCoder    *Coder
	testErr      error
)

func setup(t testing.TB) (*text.Analyzer, *Coder) {
	t.Helper()
	testOnce.Do(func() {
		testAnalyzer, testErr = text.New()
		if testErr != nil {
			return
		}
		var p *Patterns
		p, testErr = DefaultPatterns()
		if testErr == nil {
			testCoder = NewCoder(p)
		}
	})
	if testErr != nil {
		t.Fatal(testErr)
	}
	return testAnalyzer, testCoder
}

// act is a hand-made actor mention: every occurrence of phrase (whole
// words, case-sensitive) is a mention of code.
// act is a mention for a test: its phrase and code ("@" before the code
// for a person).
type act struct{ phrase, code string }

func mentionsOf(td *text.Doc, acts []act) []model.Mention {
	var ms []model.Mention
	taken := make([]bool, len(td.Text)+1)
	for _, a := range acts {
		for off := 0; ; {
			i := strings.Index(td.Text[off:], a.phrase)
			if i < 0 {
				break
			}
			st, en := off+i, off+i+len(a.phrase)
			off = en
			if st > 0 && isWordByte(td.Text[st-1]) || en < len(td.Text) && isWordByte(td.Text[en]) || taken[st] {
				continue
			}
			for k := st; k < en; k++ {
				taken[k] = true
			}
			actor := model.Actor{Code: a.code, Name: a.phrase}
			if c, ok := strings.CutPrefix(a.code, "@"); ok {
				actor.Code, actor.Person = c, true // "@": a person
			}
			ms = append(ms, model.Mention{
				Span:     model.NewSpan(td.Text, st, en),
				Actor:    actor,
				Sentence: td.SentenceAt(st),
				Rule:     "test",
			})
		}
	}
	return ms
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func codeText(t testing.TB, src string, acts ...act) []model.Event {
	t.Helper()
	an, c := setup(t)
	td := an.Analyze(src)
	doc := &model.Document{ID: "0123456789abcdef0123", Text: src}
	return c.Code(doc, td, mentionsOf(td, acts))
}

// brief renders an event as "SRC CAMEO TGT PLOVER [flags]".
func brief(e model.Event) string {
	t := "-"
	if e.Target != nil {
		t = e.Target.Code
	}
	s := fmt.Sprintf("%s %s %s %s", e.Source.Code, e.CAMEO, t, e.PLOVER)
	if e.Negated {
		s += " neg"
	}
	if e.Future {
		s += " fut"
	}
	if e.Hypothetical {
		s += " hyp"
	}
	return s
}

func briefs(es []model.Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, brief(e))
	}
	return out
}

func tagsOf(t testing.TB, src string) string {
	an, _ := setup(t)
	td := an.Analyze(src)
	var b strings.Builder
	for _, tk := range td.Tokens {
		h := "root"
		if tk.Head >= 0 {
			h = td.Tokens[tk.Head].Text
		}
		fmt.Fprintf(&b, "%s/%s/%s<%s ", tk.Text, tk.Tag, tk.Rel, h)
	}
	return b.String()
}

// misparsed lists test sentences that today's parsing model reads wrongly
// (a verb attached as a modifier of a name, a main clause read as a
// relative one), so that their main event has no subject in the tree.
// For them the coder may miss events, but every event it codes must be
// one of the wanted ones, or one without its target: a misread sentence
// must never yield a wrong participant or flag.
var misparsed = map[string]bool{
	"Kenya, which was not consulted, criticized Uganda.":                            true,
	"Kenya, whose president did not attend, attacked Somalia.":                      true,
	"The Minister's meeting with the President was cancelled.":                      true,
	"Kenya said this mission is not about Kenya deploying troops to Somalia.":       true,
	"Sahel leaders meeting in Dakar on Saturday lifted sanctions imposed on Niger.": true,
	"Ghana today discussed the border with Togo.":                                   true,
	"Ghana will declare its readiness to send peacekeepers to Togo if asked.":       true,
	"This is not about Kenya deploying troops to Somalia.":                          true,
	"Kenya, which denied that Uganda attacked Togo, attacked Somalia.":              true,
}

// checkBriefs compares the coded events with the wanted ones: equal, or,
// for a misparsed sentence, a subset of them.
func checkBriefs(t *testing.T, text string, got, want []string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if misparsed[text] {
		for _, g := range got {
			if !contains(want, g) && !containsUntargeted(want, g) {
				t.Errorf("%s (misparsed)\n coded %q, which is not among %q\ntags %s", text, g, want, tagsOf(t, text))
			}
		}
		t.Logf("%s: misparsed; coded %q of %q", text, got, want)
		return
	}
	t.Errorf("%s\n got %q\nwant %q\ntags %s", text, got, want, tagsOf(t, text))
}

// containsUntargeted reports whether g is one of want with its target
// left out ("KEN 040 - CONSULT" for "KEN 040 UGA CONSULT").
func containsUntargeted(want []string, g string) bool {
	gf := strings.Fields(g)
	for _, w := range want {
		wf := strings.Fields(w)
		if len(wf) == len(gf) && len(gf) > 2 && gf[2] == "-" {
			wf[2] = "-"
			if strings.Join(wf, " ") == g {
				return true
			}
		}
	}
	return false
}
