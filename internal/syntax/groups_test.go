package syntax

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/devcorpora"
)

// loadShipped loads the shipped model.
func loadShipped(t testing.TB) *Model {
	t.Helper()
	raw, err := os.ReadFile("../../data/text/syntax.model")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(raw)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// testSentences returns the first n sentences of EWT dev, from the
// development corpora (devcorpora: the test skips without them, and fails
// under CI).
func testSentences(t testing.TB, n int) [][]string {
	t.Helper()
	f, err := os.Open(devcorpora.Path(t, "ud", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadCoNLLU(f, "dev")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, s := range dev[:min(n, len(dev))] {
		var forms []string
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		out = append(out, forms)
	}
	return out
}

// TestGroupsMatchFeatures checks that the parser's feature groups hold
// exactly the features of parseFeatures (which training reads), in
// configurations reached by random valid transitions over real sentences.
func TestGroupsMatchFeatures(t *testing.T) {
	m := loadShipped(t)
	p := m.parser
	rng := rand.New(rand.NewPCG(7, 8))
	var sc Scratch
	ok := make([]bool, p.nClasses())
	checked := 0
	for _, forms := range testSentences(t, 300) {
		m.annotate(forms, nil, &sc.s)
		var s parseState
		s.reset(len(forms))
		for !s.terminal() {
			want := parseFeatures(&s, sc.s.lex, sc.s.tags, nil)
			var got []uint64
			for g := range nGroups {
				got = append(got, groupFeatures(g, &s, sc.s.lex, sc.s.tags, nil)...)
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%v: the groups have %d features, parseFeatures %d, or others", forms, len(got), len(want))
			}
			checked++
			p.validMask(&s, ok)
			var valid []int
			for c, v := range ok {
				if v {
					valid = append(valid, c)
				}
			}
			p.apply(&s, valid[rng.IntN(len(valid))])
		}
	}
	if checked < 100 {
		t.Errorf("only %d configurations checked", checked)
	}
}

// parseRef is the parser as training defines it: every transition scored
// with all of parseFeatures at once.
func (p *parser) parseRef(lex []lexical, tags []uint8, heads, rels []int, sc *scratch) {
	s := &sc.state
	s.reset(len(lex))
	nc := p.nClasses()
	scores := make([]int32, max(p.share.total, denseStride))
	ok := make([]bool, nc)
	for !s.terminal() {
		feats := parseFeatures(s, lex, tags, nil)
		clear(scores)
		p.w.scoreRef(feats, scores)
		p.share.combine(scores)
		p.validMask(s, ok)
		c := -1
		for k, v := range scores[:nc] {
			if ok[k] && (c < 0 || v > scores[c]) {
				c = k
			}
		}
		p.apply(s, c)
	}
	for i := range lex {
		h := int(s.head[i])
		switch {
		case h < 0 || h == s.n:
			heads[i], rels[i] = 0, p.root
		default:
			heads[i], rels[i] = h+1, int(s.label[i])
		}
	}
}

// TestParseMatchesReference checks that the parser with its kept group
// sums, skipped forced transitions and index gives the parses of the
// reference parser, which reads the stored table one feature at a time.
func TestParseMatchesReference(t *testing.T) {
	m := loadShipped(t)
	var sc, ref Scratch
	for _, forms := range testSentences(t, 400) {
		m.annotate(forms, nil, &sc.s)
		n := len(forms)
		heads, rels := make([]int, n), make([]int, n)
		wantHeads, wantRels := make([]int, n), make([]int, n)
		m.parser.parse(sc.s.lex, sc.s.tags, heads, rels, &sc.s)
		m.parser.parseRef(sc.s.lex, sc.s.tags, wantHeads, wantRels, &ref.s)
		if !slices.Equal(heads, wantHeads) || !slices.Equal(rels, wantRels) {
			t.Fatalf("%v: heads %v rels %v, want %v %v", forms, heads, rels, wantHeads, wantRels)
		}
	}
}

func TestAddVecs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vec := func() []int32 {
		v := make([]int32, denseStride)
		for i := range v {
			v[i] = rng.Int32() - 1<<30
		}
		return v
	}
	dst, a, b, c, d, e := vec(), vec(), vec(), vec(), vec(), vec()
	want := slices.Clone(dst)
	addVecsGo(want, a, b, c, d, e)
	addVecs(dst, a, b, c, d, e)
	if !slices.Equal(dst, want) {
		t.Errorf("addVecs %v, want %v", dst, want)
	}
	for i := range want {
		if want[i] == 0 {
			t.Fatalf("sum %d is 0: the test adds nothing", i)
		}
	}
}

func TestAddSparse(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ents := make([]byte, 3000)
	for i := range ents {
		ents[i] = byte(rng.Uint32())
	}
	var pays []uint64
	for range 40 {
		start, n := uint64(rng.IntN(2000)), uint64(rng.IntN(30))
		pays = append(pays, start<<11|n<<3|slotRow)
	}
	got, want := make([]int32, denseStride), make([]int32, denseStride)
	addSparse(got, ents, pays)
	addSparseGo(want, ents, pays)
	if !slices.Equal(got, want) {
		t.Errorf("addSparse %v, want %v", got, want)
	}
	if slices.Equal(want, make([]int32, denseStride)) {
		t.Error("nothing added: the test checks nothing")
	}
}

// TestTagMatchesReference checks the tagger against the stored table read
// one feature at a time, with combine and argmax.
func TestTagMatchesReference(t *testing.T) {
	m := loadShipped(t)
	tg := m.tagger
	var sc Scratch
	words := 0
	sents := testSentences(t, 400)
	for _, forms := range append(sents, sents...) { // the second time, the words are known
		s := &sc.s
		lex := make([]lexical, len(forms))
		s.buf = lexicalizeKept(forms, tg.lx, lex, s.buf, s.words)
		if s.words == nil {
			s.words = newWordCache[string, lexical](maxKeptWords)
		}
		fresh := make([]lexical, len(forms))
		lexicalize(forms, tg.lx, fresh, nil)
		if !slices.Equal(fresh, lex) {
			t.Fatalf("%v: the kept lexical features differ from those computed", forms)
		}
		got := make([]int, len(forms))
		tg.tag(lex, got, nil, nil, 0, s)
		want := make([]int, len(forms))
		scores := make([]int32, max(tg.share.total, denseStride))
		for i := range forms {
			if c, ok := tg.lx.sure.get(lex[i].w); ok {
				want[i] = int(c)
				continue
			}
			clear(scores)
			tg.w.scoreRef(tagFeatures(lex, i, want, nil), scores)
			tg.share.combine(scores)
			want[i] = argmax(scores[:len(tg.classes)], nil)
			words++
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%v: classes %v, want %v", forms, got, want)
		}
	}
	if words < 100 {
		t.Errorf("only %d words scored", words)
	}
}

// TestSharedBest checks best against combine and argmax, with and without
// groups, on random scores with many ties.
func TestSharedBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, sh := range []*shared{noShare(40), groupShare(40, func(c int) string { return string(rune('a' + c%7)) })} {
		for range 2000 {
			scores := make([]int32, denseStride)
			for c := range sh.total {
				scores[c] = rng.Int32N(9) - 4
			}
			want := slices.Clone(scores)
			sh.combine(want)
			if got, w := sh.best(scores), argmax(want[:sh.n], nil); got != w {
				t.Fatalf("best %d, want %d (scores %v)", got, w, scores[:sh.total])
			}
		}
	}
}

// TestLemmasHoldTheLemma checks that Lemmas, which knows no tag, holds the
// lemma that Lemma gives a word with the tag the tagger gives it, and with
// any other.
func TestLemmasHoldTheLemma(t *testing.T) {
	m := loadShipped(t)
	var sc Scratch
	var out Tags
	words := 0
	sents := testSentences(t, 200)
	for _, forms := range append(sents, sents...) { // the second time, the lemmas are known
		m.Analyze(forms, nil, &out, &sc)
		for i, f := range forms {
			if got, want := m.LemmaOf(f, &out, i, &sc), m.Lemma(f, out.XPOS[i], &sc); got != want {
				t.Fatalf("%q tagged %s: LemmaOf %q, Lemma %q", f, out.XPOS[i], got, want)
			}
			ls := m.Lemmas(f, nil, nil)
			verbal := m.Lemmas(f, func(x string) bool { return strings.HasPrefix(x, "VB") }, nil)
			for _, x := range append([]string{out.XPOS[i], "NNS", "VBD", "no such tag"}, m.xpos...) {
				l := m.Lemma(f, x, &sc)
				if !slices.Contains(ls, l) {
					t.Fatalf("%q tagged %s: lemma %q, not among %q", f, x, l, ls)
				}
				if strings.HasPrefix(x, "VB") && !slices.Contains(verbal, l) {
					t.Fatalf("%q tagged %s: lemma %q, not among the verbal %q", f, x, l, verbal)
				}
			}
			if len(verbal) > len(ls) {
				t.Fatalf("%q: verbal lemmas %q, more than all %q", f, verbal, ls)
			}
			words++
		}
	}
	if words < 100 {
		t.Errorf("only %d words", words)
	}
}

// TestParserBest checks the parser's choice of transition, with and
// without its shortcut for classes that share their groups, against
// combine, validMask and the first highest score, on random scores with
// many ties and every kind of configuration.
func TestParserBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	labels := []string{"nsubj", "obj", "root", "amod", "punct"}
	for _, share := range []bool{true, false} {
		p := &parser{labels: labels, root: 2, share: moveShare(labels, share)}
		ok := make([]bool, p.nClasses())
		for range 5000 {
			var s parseState
			s.n = 1 + rng.IntN(4)
			s.b = int32(rng.IntN(s.n + 1))
			for range rng.IntN(4) {
				s.stack = append(s.stack, 0)
			}
			if s.terminal() {
				continue
			}
			scores := make([]int32, denseStride)
			for c := range p.share.total {
				scores[c] = rng.Int32N(7) - 3
			}
			want := slices.Clone(scores)
			p.share.combine(want)
			p.validMask(&s, ok)
			w := -1
			for c, v := range want[:p.nClasses()] {
				if ok[c] && (w < 0 || v > want[w]) {
					w = c
				}
			}
			for _, same := range []bool{false, true} {
				p.sameGroups = same
				if same {
					p.setGroups()
					if !p.sameGroups {
						t.Fatal("moveShare's classes do not share their groups by move")
					}
				}
				if got := p.best(&s, scores); got != w {
					t.Fatalf("shared %v, shortcut %v, b %d of %d, stack %d: best %d, want %d", share, same, s.b, s.n, len(s.stack), got, w)
				}
			}
		}
	}
}

// TestTagFeatureSplit checks that a word's word features and context
// features are its tagFeatures, which training reads.
func TestTagFeatureSplit(t *testing.T) {
	m := loadShipped(t)
	rng := rand.New(rand.NewPCG(15, 16))
	var sc Scratch
	words := 0
	for _, forms := range testSentences(t, 200) {
		m.annotate(forms, nil, &sc.s)
		lex := sc.s.lex
		prev := make([]int, len(forms))
		for i := range prev {
			prev[i] = rng.IntN(len(m.tagger.classes))
		}
		for i := range lex {
			want := tagFeatures(lex, i, prev, nil)
			got := tagContextFeatures(lex, i, prev, tagWordFeatures(&lex[i], i == 0, nil))
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%v word %d: the split has %d features, tagFeatures %d, or others", forms, i, len(got), len(want))
			}
			words++
		}
	}
	if words < 100 {
		t.Errorf("only %d words", words)
	}
}

func TestMaxFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for range 3000 {
		xs := make([]int32, 1+rng.IntN(70))
		for i := range xs {
			xs[i] = rng.Int32N(9) - 4
			if rng.IntN(20) == 0 {
				xs[i] = math.MinInt32 + rng.Int32N(2)
			}
		}
		gi, gv := maxFirst(xs)
		wi, wv := maxFirstGo(xs)
		if gi != wi || gv != wv {
			t.Fatalf("%v: maxFirst %d (%d), want %d (%d)", xs, gi, gv, wi, wv)
		}
	}
}

// TestKeptGroupsMatchFeatures walks random valid transitions over test
// sentences with one goroutine's table of kept group sums, and checks at
// every configuration that a group of a word without dependents has, from
// the table, the sums its features give.
func TestKeptGroupsMatchFeatures(t *testing.T) {
	m := loadShipped(t)
	p := m.parser
	rng := rand.New(rand.NewPCG(9, 10))
	var sc Scratch
	ok := make([]bool, p.nClasses())
	want := make([]int32, denseStride)
	checked := map[int]int{}
	for _, forms := range testSentences(t, 300) {
		m.annotate(forms, nil, &sc.s)
		lex, tags := sc.s.lex, sc.s.tags
		var s parseState
		s.reset(len(forms))
		for !s.terminal() {
			for g := range nGroups {
				k, free := freeKey(g, &s, lex, tags)
				if !free {
					continue
				}
				kept := keptSlot(k, &sc.s).key == k // the sums come from the table
				got := slices.Clone(p.keptSum(k, &s, lex, tags, &sc.s))
				clear(want)
				p.w.score(groupFeatures(g, &s, lex, tags, nil), want, &sc.s.sb)
				if !slices.Equal(got, want) {
					t.Fatalf("%v: group %d of a word without dependents: kept sums differ from its features'", forms, g)
				}
				if kept {
					checked[g]++
				}
			}
			p.validMask(&s, ok)
			var valid []int
			for c, v := range ok {
				if v {
					valid = append(valid, c)
				}
			}
			c := valid[rng.IntN(len(valid))]
			if ok[0] && rng.IntN(2) == 0 {
				c = 0 // SHIFT more often: more words on the stack without dependents
			}
			p.apply(&s, c)
		}
	}
	for _, g := range []int{groupB0, groupS0, groupS1} {
		if checked[g] < 100 {
			t.Errorf("group %d: only %d sums read from the table checked", g, checked[g])
		}
	}
}

// validMask sets ok[c] for the valid classes: the plain way, against
// which the parser's own choice of the valid transitions is tested.
func (p *parser) validMask(s *parseState, ok []bool) {
	L := len(p.labels)
	ok[0] = int(s.b) < s.n
	atRoot := int(s.b) == s.n
	left := len(s.stack) > 0 && (!atRoot || len(s.stack) == 1)
	right := len(s.stack) >= 2
	for l := range L {
		isRoot := l == p.root
		ok[1+l] = left && (isRoot == atRoot)
		ok[1+L+l] = right && !isRoot
	}
}
