package syntax

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// scoreRef is score as the stored table defines it: each feature's slot
// found by lookup, its weights read from the slot or the rows.
func (m *weights) scoreRef(feats []uint64, scores []int32) {
	for _, f := range feats {
		cls, w := m.row(m.lookup(f))
		for i := range cls {
			scores[cls[i]] += int32(w[i])
		}
	}
}

// probeFeatures returns features that find the slots of m: for random
// slots, a feature with the slot's fingerprint whose home is the slot's
// bucket or one of the buckets before it (so that lookups walk on), and
// as many random features, which mostly find nothing.
func probeFeatures(m *weights, rng *rand.Rand, n int) []uint64 {
	nb := len(m.slots) / bucketSlots
	var out []uint64
	for len(out) < n {
		i := rng.IntN(len(m.slots))
		s := m.slots[i]
		if s == 0 {
			continue
		}
		b := (i/bucketSlots - rng.IntN(3) + nb) % nb
		// the smallest low word whose home is b
		low := (uint64(b)<<32 + uint64(nb) - 1) / uint64(nb)
		f := (s&0xffff)<<48 | rng.Uint64()&0xffff<<32 | low
		out = append(out, f, rng.Uint64())
	}
	return out
}

func TestIndexMatchesTable(t *testing.T) {
	raw, err := os.ReadFile("../../data/text/syntax.model")
	if err != nil {
		t.Fatal(err)
	}
	model, err := Load(raw)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, x := range []struct {
		name string
		w    *weights
	}{{"tagger", model.tagger.w}, {"parser", model.parser.w}} {
		feats := probeFeatures(x.w, rng, 200000)
		found, dense, walked := 0, 0, 0
		want := make([]int32, denseStride)
		got := make([]int32, denseStride)
		var buf scoreBuf
		for i := 0; i < len(feats); {
			// one feature at a time, then lists of them
			n := 1
			if i%3 == 0 {
				n = 1 + rng.IntN(150)
			}
			fs := feats[i:min(i+n, len(feats))]
			i += n
			clear(want)
			clear(got)
			x.w.scoreRef(fs, want)
			x.w.score(fs, got, &buf)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: features %x: scores %v, want %v", x.name, fs, got, want)
			}
			for _, f := range fs {
				p, s := x.w.ix.find(f), x.w.lookup(f)
				if (p == 0) != (s == 0) || p&3 != s>>16&3 {
					t.Fatalf("%s: feature %x: find %x, lookup %x", x.name, f, p, s)
				}
				if p == 0 {
					continue
				}
				found++
				if p&3 == slotRow && p&payDense != 0 {
					dense++
				}
				if h := home(f, len(x.w.slots)/bucketSlots) * bucketSlots; !slices.Contains(x.w.slots[h:h+bucketSlots], s) {
					walked++
				}
			}
		}
		// The test must have covered what it claims to.
		if found < len(feats)/4 || dense == 0 || walked == 0 {
			t.Fatalf("%s: of %d features %d found, %d with dense rows, %d in a later bucket", x.name, len(feats), found, dense, walked)
		}
	}
}

func TestAddDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	rows := make([]int16, 50*denseStride)
	for i := range rows {
		switch rng.IntN(4) {
		case 0:
			rows[i] = 32767
		case 1:
			rows[i] = -32768
		default:
			rows[i] = int16(rng.Uint32())
		}
	}
	for _, n := range []int{0, 1, 2, 7, 40, 300} {
		offs := make([]uint32, n)
		for i := range offs {
			offs[i] = uint32(rng.IntN(50) * denseStride)
		}
		want := make([]int32, denseStride)
		for i := range want {
			want[i] = int32(rng.Uint32())
		}
		got := slices.Clone(want)
		addDenseGo(want, rows, offs)
		addDense(got, rows, offs)
		if !slices.Equal(got, want) {
			t.Fatalf("%d rows: %v, want %v", n, got, want)
		}
	}
}

// Once its scratch buffers have grown, tagging and parsing a sentence
// allocates nothing, and annotating it only the lemmas that differ from
// their words.
func TestAnalyzeDoesNotAllocate(t *testing.T) {
	raw, err := os.ReadFile("../../data/text/syntax.model")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(raw)
	if err != nil {
		t.Fatal(err)
	}
	forms := []string{"The", "minister", "of", "fisheries", ",", "Ana", "Ruiz", ",", "said", "on", "Tuesday", "that", "the", "talks", "had", "failed", "."}
	var sc Scratch
	var out Tags
	m.Analyze(forms, nil, &out, &sc)
	if n := testing.AllocsPerRun(20, func() { m.Analyze(forms, nil, &out, &sc) }); n != 0 {
		t.Errorf("Analyze: %v allocations per sentence", n)
	}
	words := make([]Word, len(forms))
	for i, f := range forms {
		words[i].Form = f
	}
	m.Annotate(words, &sc)
	differ := 0
	for _, w := range words {
		if w.Lemma != w.Form {
			differ++
		}
	}
	if differ == 0 || differ == len(words) {
		t.Fatalf("%d of %d lemmas differ from their word: the test does not tell", differ, len(words))
	}
	if n := testing.AllocsPerRun(20, func() { m.Annotate(words, &sc) }); n > float64(differ) {
		t.Errorf("Annotate: %v allocations for %d lemmas that differ from their word", n, differ)
	}
}

// Tag gives the tags Analyze gives, on the development sentences of the
// treebank (or a few sentences without it), and no tree.
func TestTagMatchesAnalyze(t *testing.T) {
	m := loadShipped(t)
	sents := [][]string{
		{"The", "minister", "of", "fisheries", ",", "Ana", "Ruiz", ",", "said", "on", "Tuesday", "that", "the", "talks", "had", "failed", "."},
		{"Trump", "Hid", "Past", "Health", "Problems"},
	}
	sents = append(sents, testSentences(t, 1<<30)...)
	var sc, sc2 Scratch
	var full, tagged Tags
	for _, forms := range sents {
		names := make([]bool, len(forms))
		names[0] = true // as the text layer marks a name the document shows
		m.Analyze(forms, names, &full, &sc)
		m.Tag(forms, names, &tagged, &sc2)
		for i := range forms {
			if tagged.UPOS[i] != full.UPOS[i] || tagged.XPOS[i] != full.XPOS[i] || tagged.xpos[i] != full.xpos[i] ||
				tagged.Head[i] != 0 || tagged.Rel[i] != "" {
				t.Fatalf("%v: word %d: Tag gives %s/%s head %d %q, Analyze %s/%s", forms, i,
					tagged.UPOS[i], tagged.XPOS[i], tagged.Head[i], tagged.Rel[i], full.UPOS[i], full.XPOS[i])
			}
			if l, w := m.LemmaOf(forms[i], &tagged, i, &sc2), m.LemmaOf(forms[i], &full, i, &sc); l != w {
				t.Fatalf("%v: word %d: lemma %q after Tag, %q after Analyze", forms, i, l, w)
			}
		}
	}
	t.Logf("%d sentences", len(sents))
}

// find returns the pay of feature f, or 0: the pay of the slot that
// lookup returns (the tests' way to read one feature).
func (ix *index) find(f uint64) uint64 {
	if ix.nb == 0 {
		return 0
	}
	return ix.findFrom(home(f, ix.nb), fingerprint(f)*lanes1)
}
