package syntax

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// TrainOptions control Train.
type TrainOptions struct {
	TaggerIters int // passes over the data for the tagger
	ParserIters int // and for the parser
	// Folds is the number of parts the training data is cut into to tag
	// it with taggers that did not see it (jackknifing), so that the
	// parser learns from tags as good as it will get; 0 or 1 trains the
	// parser on the gold tags.
	Folds int
	Seed  uint64
	// Dev, when set, is scored after every pass (for tuning; it does not
	// change what is learned).
	Dev []Sentence
	// Log, when set, receives progress as slog-style key-value pairs.
	Log func(msg string, args ...any)
	// Unlabeled is text for learning word clusters (the treebank's own
	// words are added to it).
	Unlabeled ClusterInput
	// ClusterIters bounds the clustering passes (0: no clusters).
	ClusterIters int
	// WordNet is the lexicon ReadWordNet returns, or nil.
	WordNet map[uint64]uint64
	// MinWeight drops the parser's weights whose average (after mixing,
	// see ParserSeeds) is smaller in magnitude; TaggerMinWeight the
	// tagger's. Pruning the parser's small weights costs a single parser
	// nothing on EWT dev at 2 and makes the model smaller and faster; a
	// mix of four, whose weights are means, keeps its accuracy down to 1.
	// The tagger loses accuracy at the same thresholds, so it has its own.
	MinWeight, TaggerMinWeight float64
	// MinCount is how often a parser feature must occur in the training
	// data to get a weight.
	MinCount int
	// Sweep lists minimum weights to score on Dev after training (tuning).
	Sweep []float64
	// ExtraParser holds more sentences for the parser alone, trained on
	// with the tags they have (as a tagger gave them): sentences of
	// unlabeled text on whose parse two parsers agree, for self-training
	// (scripts/agree-parses). A sentence with a class or a relation the
	// treebank lacks is left out.
	ExtraParser []Sentence
	// Cache, when set, is a folder where the word clusters, the tagger and
	// the jackknifed tags are kept between runs, for experiments with the
	// parser: a run learns the same with or without it.
	Cache string
	// ShareUPOS gives the tagger's classes with the same universal tag
	// weights in common; ShareMoves does the same for the parser's
	// transitions with the same move.
	ShareUPOS, ShareMoves bool
	// TaggerSeeds and ParserSeeds are how many taggers and parsers are trained, each with its own
	// order of the sentences and exploration (seeds Seed, Seed+1, …), and
	// mixed into one (0 or 1: one).
	TaggerSeeds, ParserSeeds int
	// RowsInOrder lays the tables' rows out in the order of their slots
	// (weights.inOrder): a large model then loads in half the time. The
	// shipped model predates it, so that it is off unless asked for.
	RowsInOrder bool
	// Explore is the probability that a parser pass from ExploreFrom on
	// (0-based) follows the parser's own prediction, so that it learns
	// to recover from its mistakes. Zero values give the defaults of
	// Goldberg and Nivre (2013): 0.9 from the second pass (index 1);
	// a negative Explore never explores, a negative ExploreFrom explores
	// from the first pass.
	Explore     float64
	ExploreFrom int
}

// Train learns a model from treebank sentences. Sentences with hyphenated
// words split in three ("well - known") are also learned in the form
// dossier's tokenizer gives them ("well-known"), so that the model reads
// both.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	if len(sents) == 0 {
		return nil, fmt.Errorf("no training sentences")
	}
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	sents = append(append(append([]Sentence(nil), sents...), joinedHyphens(sents)...), bareTitles(sents)...)
	logf("training data", "sentences", len(sents))

	m := &Model{}
	xposID := map[string]uint8{}
	classOf := map[string]int{}
	var classes []tagClass
	labelID := map[string]uint8{}
	var labels []string
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := xposID[w.XPOS]; !ok {
				xposID[w.XPOS] = 0
			}
			classOf[w.UPOS+"|"+w.XPOS] = 0
			labelID[w.Rel] = 0
		}
	}
	m.xpos = sortedKeys(xposID)
	for i, x := range m.xpos {
		xposID[x] = uint8(i)
	}
	for i, c := range sortedKeys(classOf) {
		classOf[c] = i
		u, x, _ := strings.Cut(c, "|")
		classes = append(classes, tagClass{UPOS: u, XPOS: x, xpos: xposID[x]})
	}
	labels = sortedKeys(labelID)
	for i, l := range labels {
		labelID[l] = uint8(i)
	}
	tagShare, parseShare := uposShare(classes, opt.ShareUPOS), moveShare(labels, opt.ShareMoves)
	if len(m.xpos) > 64 || tagShare.total > maxClasses || parseShare.total > maxClasses {
		return nil, fmt.Errorf("too many tags (%d), classes (%d) or relations (%d)", len(m.xpos), len(classes), len(labels))
	}
	if _, ok := labelID["root"]; !ok {
		return nil, fmt.Errorf("no word of the training data has the relation root")
	}

	text := append(ClusterInput(nil), opt.Unlabeled...)
	for _, s := range sents {
		ws := make([]string, len(s.Words))
		for i, w := range s.Words {
			ws[i] = w.Form
		}
		text = append(text, ws)
	}
	clusters := newU64Map(nil)
	if opt.ClusterIters > 0 {
		key := cacheKey("clusters", text, opt.ClusterIters, clusterSizes)
		if d, ok := cacheRead(opt.Cache, key); ok {
			clusters = d.u64map()
			if d.err != nil {
				return nil, fmt.Errorf("training cache %s: damaged", key)
			}
			logf("clusters from the cache", "key", key)
		} else {
			clusters = trainClusters(text, 3, opt.ClusterIters, logf)
			if err := cacheWrite(opt.Cache, key, func(e *encoder) { e.u64map(clusters) }); err != nil {
				return nil, err
			}
		}
	}
	wordnet := newU64Map(opt.WordNet)
	lexFor := func(part []Sentence) *lexTables {
		return &lexTables{amb: ambiguity(part, xposID), clusters: clusters, wordnet: wordnet, sure: sureWords(part, classOf)}
	}

	// Parser training tags: from taggers that did not see the sentence.
	tagKey := cacheKey("tagger", sents, opt.TaggerIters, opt.Folds, opt.Seed, opt.TaggerMinWeight, opt.ShareUPOS, clusters.keys, clusters.vals, opt.WordNet)
	var tags [][]uint8
	lx := lexFor(sents)
	if d, ok := cacheRead(opt.Cache, tagKey); ok {
		m.tagger = &tagger{classes: classes, share: tagShare, lx: lx, w: d.weights()}
		tags = d.tags()
		if d.err != nil || len(tags) != len(sents) {
			return nil, fmt.Errorf("training cache %s: damaged", tagKey)
		}
		logf("tagger from the cache", "key", tagKey)
	} else {
		tags = jackknife(sents, classes, tagShare, classOf, lexFor, opt, logf)
	}
	var tagDev func(*tagger)
	if len(opt.Dev) > 0 {
		tagDev = func(t *tagger) {
			right, uright, total := 0, 0, 0
			for i := range opt.Dev {
				tg := tagWith(t, &opt.Dev[i])
				for j, w := range opt.Dev[i].Words {
					total++
					if t.classes[tg[j]].XPOS == w.XPOS {
						right++
					}
					if t.classes[tg[j]].UPOS == w.UPOS {
						uright++
					}
				}
			}
			logf("tagger on dev", "XPOS", float64(right)/float64(total), "UPOS", float64(uright)/float64(total))
		}
	}
	if m.tagger == nil {
		if opt.TaggerSeeds > 1 {
			m.tagger = &tagger{classes: classes, share: tagShare, lx: lx}
		} else {
			m.tagger = trainTagger(sents, classes, tagShare, classOf, lx, opt.TaggerIters, opt.Seed, opt.TaggerMinWeight, logf, tagDev)
		}
	}
	if opt.TaggerSeeds > 1 {
		// several taggers, each with its own order of the sentences, mixed
		mixKey := cacheKey("tagger-mix", tagKey, opt.TaggerSeeds)
		if d, ok := cacheRead(opt.Cache, mixKey); ok {
			m.tagger.w = d.weights()
			if d.err != nil {
				return nil, fmt.Errorf("training cache %s: damaged", mixKey)
			}
			logf("tagger mix from the cache", "key", mixKey)
		} else {
			parts := make([][]avgRow, opt.TaggerSeeds)
			sem := make(chan struct{}, 2)
			done := make(chan struct{})
			for i := range parts {
				go func() {
					sem <- struct{}{}
					parts[i] = trainTaggerAvg(sents, classes, tagShare, classOf, lx, opt.TaggerIters, opt.Seed+uint64(i), opt.TaggerMinWeight, nil, nil)
					<-sem
					done <- struct{}{}
				}()
			}
			for range parts {
				<-done
			}
			if m.tagger.w == nil { // the first is the tagger of one seed, cached with the tags
				m.tagger.w = pack(parts[0], opt.TaggerMinWeight)
			}
			if tagDev != nil {
				tagDev(m.tagger)
			}
			if err := cacheWrite(opt.Cache, tagKey, func(e *encoder) { e.weights(m.tagger.w); e.tags(tags) }); err != nil {
				return nil, err
			}
			m.tagger.w = pack(mixAverages(parts), opt.TaggerMinWeight)
			if tagDev != nil {
				logf("tagger mix", "seeds", opt.TaggerSeeds)
				tagDev(m.tagger)
			}
			if err := cacheWrite(opt.Cache, mixKey, func(e *encoder) { e.weights(m.tagger.w) }); err != nil {
				return nil, err
			}
		}
	} else if err := cacheWrite(opt.Cache, tagKey, func(e *encoder) { e.weights(m.tagger.w); e.tags(tags) }); err != nil {
		return nil, err
	}
	m.tagger.findNames()
	m.lem = trainLemmatizer(sents, xposID)
	var parseDev func(*parser)
	if len(opt.Dev) > 0 {
		parseDev = func(p *parser) {
			m.parser = p
			t0 := time.Now()
			s := m.Evaluate(opt.Dev)
			logf("parser on dev", "UAS", s.UAS, "LAS", s.LAS, "UPOS", s.UPOS, "sentences/s", int(float64(len(opt.Dev))/time.Since(t0).Seconds()))
		}
	}
	po := parserOptions{iters: opt.ParserIters, minAvg: opt.MinWeight, minCount: opt.MinCount,
		explore: opt.Explore, exploreFrom: opt.ExploreFrom, sweep: opt.Sweep}
	if po.explore == 0 {
		po.explore = 0.9
	}
	if po.exploreFrom == 0 {
		po.exploreFrom = 1
	}
	for i := range max(opt.ParserSeeds, 1) {
		po.seeds = append(po.seeds, opt.Seed+uint64(i))
	}
	psents, ptags := sents, tags
	if len(opt.ExtraParser) > 0 {
		psents = append([]Sentence(nil), sents...)
		ptags = append([][]uint8(nil), tags...)
		kept := 0
	extra:
		for _, s := range opt.ExtraParser {
			tg := make([]uint8, len(s.Words))
			for j, w := range s.Words {
				c, ok := classOf[w.UPOS+"|"+w.XPOS]
				if _, lok := labelID[w.Rel]; !ok || !lok {
					continue extra
				}
				tg[j] = uint8(c)
			}
			psents = append(psents, s)
			ptags = append(ptags, tg)
			kept++
		}
		logf("extra parser sentences", "given", len(opt.ExtraParser), "kept", kept)
	}
	m.parser = trainParser(psents, ptags, labels, labelID, parseShare, lx, po, logf, parseDev)
	m.setRepairLabels()
	if opt.RowsInOrder {
		for _, w := range []*weights{m.tagger.w, m.parser.w} {
			if err := w.inOrder(); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// jackknife returns the training sentences' tags as the parser will see
// them: each from a tagger that did not see the sentence (opt.Folds > 1),
// or the gold tags.
func jackknife(sents []Sentence, classes []tagClass, share *shared, classOf map[string]int, lexFor func([]Sentence) *lexTables, opt TrainOptions, logf func(string, ...any)) [][]uint8 {
	tags := make([][]uint8, len(sents))
	if opt.Folds > 1 {
		for k := range opt.Folds {
			var in, out []int
			for i := range sents {
				if i%opt.Folds == k {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			part := pick(sents, in)
			tg := trainTagger(part, classes, share, classOf, lexFor(part), opt.TaggerIters, opt.Seed+uint64(k)+1, opt.TaggerMinWeight, nil, nil)
			right, total := 0, 0
			for _, i := range out {
				tags[i] = tagWith(tg, &sents[i])
				for j, w := range sents[i].Words {
					total++
					if tg.classes[tags[i][j]].XPOS == w.XPOS {
						right++
					}
				}
			}
			logf("jackknife fold", "k", k+1, "of", opt.Folds, "XPOS accuracy", float64(right)/float64(total))
		}
	} else {
		for i, s := range sents {
			tags[i] = make([]uint8, len(s.Words))
			for j, w := range s.Words {
				tags[i][j] = uint8(classOf[w.UPOS+"|"+w.XPOS])
			}
		}
	}
	return tags
}

func tagWith(t *tagger, s *Sentence) []uint8 {
	var sc scratch
	forms := make([]string, len(s.Words))
	for i, w := range s.Words {
		forms[i] = w.Form
	}
	lex := make([]lexical, len(forms))
	lexicalize(forms, t.lx, lex, nil)
	cls := make([]int, len(forms))
	t.tag(lex, cls, nil, nil, 0, &sc)
	out := make([]uint8, len(forms))
	for i, c := range cls {
		out[i] = uint8(c)
	}
	return out
}

func pick(sents []Sentence, idx []int) []Sentence {
	out := make([]Sentence, len(idx))
	for i, j := range idx {
		out[i] = sents[j]
	}
	return out
}

// ambiguity returns the ambiguity-class table: each word's set of tags.
func ambiguity(sents []Sentence, xposID map[string]uint8) *u64map {
	m := map[uint64]uint64{}
	var buf []byte
	for _, s := range sents {
		for _, w := range s.Words {
			buf = normForm(w.Form, buf)
			m[hashBytes(buf)] |= 1 << xposID[w.XPOS]
		}
	}
	return newU64Map(m)
}

// sureWords returns the words seen at least 20 times in the training
// data, always (or for all but 1 in 300) with the same class.
func sureWords(sents []Sentence, classOf map[string]int) *u64map {
	counts := map[uint64]map[int]int{}
	var buf []byte
	for _, s := range sents {
		for _, w := range s.Words {
			buf = normForm(w.Form, buf)
			h := hashBytes(buf)
			if counts[h] == nil {
				counts[h] = map[int]int{}
			}
			counts[h][classOf[w.UPOS+"|"+w.XPOS]]++
		}
	}
	out := map[uint64]uint64{}
	for h, m := range counts {
		total, best, bestN := 0, 0, -1
		for c, n := range m {
			total += n
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		if total >= 20 && float64(bestN) >= float64(total)*(1-1.0/300) {
			out[h] = uint64(best)
		}
	}
	return newU64Map(out)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// bareTitles returns copies of the sentences that have a form of address
// written with a period ("Mr.", "Dr.") with the period dropped, as British
// and most news styles write them ("Mr Kamau"): the American treebank has
// almost none.
func bareTitles(sents []Sentence) []Sentence {
	var out []Sentence
	for _, s := range sents {
		changed := false
		ws := append([]Word(nil), s.Words...)
		for i, w := range ws {
			switch w.Form {
			case "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Col.", "Sen.", "Rep.", "Gov.", "Prof.", "Lt.", "Sgt.", "Capt.", "St.":
				if w.XPOS == "NNP" && i+1 < len(ws) {
					ws[i].Form = strings.TrimSuffix(w.Form, ".")
					changed = true
				}
			}
		}
		if changed {
			out = append(out, Sentence{Words: ws})
		}
	}
	return out
}

// joinedHyphens returns copies of the sentences that have a hyphen written
// between two words without spaces ("well-known" as well, -, known), with
// each such group made one word: the group's word whose head lies outside
// it gives its tags, head and relation; the others' dependents attach to
// it.
func joinedHyphens(sents []Sentence) []Sentence {
	var out []Sentence
	for _, s := range sents {
		ws := s.Words
		// group[i] is the first word of i's group.
		group := make([]int, len(ws))
		changed := false
		for i := range ws {
			group[i] = i
			if i >= 2 && ws[i-1].Form == "-" && !ws[i-2].SpaceAfter && !ws[i-1].SpaceAfter && ws[i-1].XPOS == "HYPH" {
				g := group[i-2]
				group[i-1], group[i] = g, g
				changed = true
			}
		}
		if !changed {
			continue
		}
		// the members of each group, and its head word
		newIdx := make([]int, len(ws)) // old word → new word (1-based)
		var firsts []int
		for i := range ws {
			if group[i] == i {
				firsts = append(firsts, i)
			}
			newIdx[i] = len(firsts)
		}
		headOf := map[int]int{}
		for i, w := range ws {
			if w.Head == 0 || group[w.Head-1] != group[i] {
				if _, ok := headOf[group[i]]; !ok {
					headOf[group[i]] = i
				}
			}
		}
		var nw []Word
		for _, f := range firsts {
			h := headOf[f]
			var form strings.Builder
			last := f
			for j := f; j < len(ws) && group[j] == f; j++ {
				form.WriteString(ws[j].Form)
				last = j
			}
			w := ws[h]
			w.Form = form.String()
			if last > f { // a joined group: its lemma is its form; a word alone keeps its own
				w.Lemma = strings.ToLower(w.Form)
				if w.UPOS == "PROPN" {
					w.Lemma = w.Form
				}
			}
			w.SpaceAfter = ws[last].SpaceAfter
			if w.Head > 0 {
				w.Head = newIdx[w.Head-1]
			}
			nw = append(nw, w)
		}
		out = append(out, Sentence{Words: nw})
	}
	return out
}

// Scores are accuracies on a treebank with gold words, in percent.
type Scores struct {
	Words                    int
	UPOS, XPOS, Lemma        float64
	UAS, LAS                 float64 // LAS compares relations without subtypes
	Sentences, SentencesPerS float64
}

// Evaluate annotates copies of the sentences' words and scores them.
func (m *Model) Evaluate(gold []Sentence) Scores {
	var sc Scratch
	var s Scores
	var upos, xpos, lemma, uas, las int
	for _, g := range gold {
		ws := make([]Word, len(g.Words))
		for i, w := range g.Words {
			ws[i] = Word{Form: w.Form}
		}
		m.Annotate(ws, &sc)
		for i, w := range ws {
			gw := g.Words[i]
			s.Words++
			upos += b2i(w.UPOS == gw.UPOS)
			xpos += b2i(w.XPOS == gw.XPOS)
			lemma += b2i(w.Lemma == gw.Lemma)
			if w.Head == gw.Head {
				uas++
				a, _, _ := strings.Cut(w.Rel, ":")
				b, _, _ := strings.Cut(gw.Rel, ":")
				las += b2i(a == b)
			}
		}
	}
	pc := func(k int) float64 { return 100 * float64(k) / float64(max(s.Words, 1)) }
	s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS = pc(upos), pc(xpos), pc(lemma), pc(uas), pc(las)
	s.Sentences = float64(len(gold))
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
