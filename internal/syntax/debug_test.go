package syntax

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestDebugConfusions prints the tagger's commonest confusions on dev
// (set SYNTAX_DEBUG_MODEL to a model file).
func TestDebugConfusions(t *testing.T) {
	path := os.Getenv("SYNTAX_DEBUG_MODEL")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open("../../../shared/corpora/ud/en_ewt-ud-dev.conllu")
	dev, _ := ReadCoNLLU(f, "dev")
	conf := map[string]int{}
	words := map[string]int{}
	var sc Scratch
	for _, g := range dev {
		ws := make([]Word, len(g.Words))
		for i, w := range g.Words {
			ws[i] = Word{Form: w.Form}
		}
		m.Annotate(ws, &sc)
		for i, w := range ws {
			if w.UPOS != g.Words[i].UPOS {
				conf[g.Words[i].UPOS+"->"+w.UPOS]++
				words[g.Words[i].UPOS+"->"+w.UPOS+" "+w.Form]++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	top := func(m map[string]int, n int) {
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		for i := 0; i < n && i < len(l); i++ {
			fmt.Println(l[i].v, l[i].k)
		}
	}
	top(conf, 25)
	top(words, 40)
}

func TestDebugOOV(t *testing.T) {
	path := os.Getenv("SYNTAX_DEBUG_MODEL")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	m, _ := Load(b)
	f, _ := os.Open("../../../shared/corpora/ud/en_ewt-ud-train.conllu")
	train, _ := ReadCoNLLU(f, "train")
	known := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			known[w.Form] = true
		}
	}
	f, _ = os.Open("../../../shared/corpora/ud/en_ewt-ud-dev.conllu")
	dev, _ := ReadCoNLLU(f, "dev")
	var sc Scratch
	var n, oov, rightIV, rightOOV int
	for _, g := range dev {
		ws := make([]Word, len(g.Words))
		for i, w := range g.Words {
			ws[i] = Word{Form: w.Form}
		}
		m.Annotate(ws, &sc)
		for i, w := range ws {
			n++
			ok := w.UPOS == g.Words[i].UPOS
			if known[w.Form] {
				if ok {
					rightIV++
				}
			} else {
				oov++
				if ok {
					rightOOV++
				}
			}
		}
	}
	fmt.Println("words", n, "oov", oov, "IV acc", float64(rightIV)/float64(n-oov), "OOV acc", float64(rightOOV)/float64(oov))
}

func TestDebugRelErrors(t *testing.T) {
	path := os.Getenv("SYNTAX_DEBUG_MODEL")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	m, _ := Load(b)
	f, _ := os.Open("../../../shared/corpora/ud/en_ewt-ud-dev.conllu")
	dev, _ := ReadCoNLLU(f, "dev")
	var sc Scratch
	tot := map[string]int{}
	bad := map[string]int{}
	n := 0
	for _, g := range dev {
		ws := make([]Word, len(g.Words))
		for i, w := range g.Words {
			ws[i] = Word{Form: w.Form}
		}
		m.Annotate(ws, &sc)
		for i, w := range ws {
			r := g.Words[i].Rel
			tot[r]++
			n++
			if w.Head != g.Words[i].Head {
				bad[r]++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range bad {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	for i := 0; i < 20 && i < len(l); i++ {
		fmt.Printf("%-14s wrong head %4d of %5d (%.1f%%)  share of all errors-ish %.2f%%\n", l[i].k, l[i].v, tot[l[i].k], 100*float64(l[i].v)/float64(tot[l[i].k]), 100*float64(l[i].v)/float64(n))
	}
}

func TestDebugPunctOracle(t *testing.T) {
	path := os.Getenv("SYNTAX_DEBUG_MODEL")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	m, _ := Load(b)
	f, _ := os.Open("../../../shared/corpora/ud/en_ewt-ud-dev.conllu")
	dev, _ := ReadCoNLLU(f, "dev")
	var sc Scratch
	var np, goldOK, predOK, fixedOK, allOK, allFixed, nw int
	for _, g := range dev {
		n := len(g.Words)
		head := make([]int, n)
		punct := make([]bool, n)
		forms := make([]string, n)
		for i, w := range g.Words {
			head[i] = w.Head - 1
			punct[i] = w.UPOS == "PUNCT"
			forms[i] = w.Form
			if punct[i] {
				head[i] = -1
			}
		}
		fixPunct(head, punct, forms)
		ws := make([]Word, n)
		for i, w := range g.Words {
			ws[i] = Word{Form: w.Form}
		}
		m.Annotate(ws, &sc)
		ph := make([]int, n)
		pp := make([]bool, n)
		for i, w := range ws {
			ph[i] = w.Head - 1
			pp[i] = w.UPOS == "PUNCT"
		}
		before := append([]int(nil), ph...)
		fixPunct(ph, pp, forms)
		for i, w := range g.Words {
			nw++
			if before[i] == w.Head-1 {
				allOK++
			}
			if ph[i] == w.Head-1 {
				allFixed++
			}
			if w.UPOS != "PUNCT" {
				continue
			}
			np++
			if head[i] == w.Head-1 {
				goldOK++
			}
			if before[i] == w.Head-1 {
				predOK++
			}
			if ph[i] == w.Head-1 {
				fixedOK++
			}
		}
	}
	fmt.Printf("punct %d: rule on gold tree %.3f; parser %.3f; parser+rule %.3f; UAS before %.2f after %.2f\n", np,
		float64(goldOK)/float64(np), float64(predOK)/float64(np), float64(fixedOK)/float64(np),
		100*float64(allOK)/float64(nw), 100*float64(allFixed)/float64(nw))
}

func TestDebugModelStats(t *testing.T) {
	path := os.Getenv("SYNTAX_DEBUG_MODEL")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	m, _ := Load(b)
	for name, w := range map[string]*weights{"tagger": m.tagger.w, "parser": m.parser.w} {
		feats, inline := 0, 0
		for _, s := range w.slots {
			if s != 0 {
				feats++
				if k := s >> 16 & 3; k == 1 || k == 2 {
					inline++
				}
			}
		}
		fmt.Printf("%s: slots %d feats %d inline %d overflow entries %d\n", name, len(w.slots), feats, inline, len(w.rows)/3)
	}
	fmt.Println("amb", len(m.tagger.lx.amb.keys), "clusters", len(m.tagger.lx.clusters.keys), "wn", len(m.tagger.lx.wordnet.keys), "lemma exc", len(m.lem.exc.keys), "suf", len(m.lem.suf.keys))
}

func TestDebugLabelConfusions(t *testing.T) {
	path := os.Getenv("SYNTAX_DEBUG_MODEL")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	m, _ := Load(b)
	f, _ := os.Open("../../../shared/corpora/ud/en_ewt-ud-dev.conllu")
	dev, _ := ReadCoNLLU(f, "dev")
	var sc Scratch
	conf := map[string]int{}
	n := 0
	for _, g := range dev {
		ws := make([]Word, len(g.Words))
		for i, w := range g.Words {
			ws[i] = Word{Form: w.Form}
		}
		m.Annotate(ws, &sc)
		for i, w := range ws {
			if w.Head != g.Words[i].Head {
				continue
			}
			a, _, _ := strings.Cut(g.Words[i].Rel, ":")
			p, _, _ := strings.Cut(w.Rel, ":")
			if a != p {
				conf[a+"->"+p+" ("+g.Words[i].UPOS+"/"+w.UPOS+")"]++
				n++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range conf {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	fmt.Println("label errors with the right head:", n)
	for i := 0; i < 30 && i < len(l); i++ {
		fmt.Println(l[i].v, l[i].k)
	}
}
