package quotes

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

// Resolver maps the words that name a quote's speaker to the speaker's
// canonical name, actor code and whether the source is anonymous.
type Resolver func(doc *model.Document, speaker model.Span) (name, code string, anonymous bool)

// Extractor finds quotes in documents. It holds the cue lexicon and is
// safe for concurrent use.
type Extractor struct {
	lx *lexicon
	th Thresholds
}

// NewExtractor loads the cue lexicon shipped with dossier.
func NewExtractor() (*Extractor, error) { return NewExtractorFS(data.Embedded()) }

// NewExtractorFS loads the cue lexicon (quotes/cues.yaml) from fsys, for
// example data.Open(dir) to let users override it.
func NewExtractorFS(fsys fs.FS) (*Extractor, error) {
	lx, err := loadLexicon(fsys)
	if err != nil {
		return nil, err
	}
	return &Extractor{lx: lx, th: DefaultThresholds()}, nil
}

// Extraction rules, recorded in Quote.Rule.
const (
	RuleTranscriptTurn = "transcript-turn"
	RuleDirect         = "direct-cue"         // “…,” she said / he said “…”
	RuleDirectSplit    = "direct-split"       // “…,” she said, “…”
	RuleDirectColon    = "direct-colon"       // He said:¶“…”
	RuleDirectCont     = "direct-continued"   // “…,” he said. “…”
	RuleBlock          = "block-colon"        // He said:¶ unmarked paragraph(s)
	RuleIndirectThat   = "indirect-that"      // X said (…) that …
	RuleIndirect       = "indirect-clause"    // X said there will be …
	RuleIndirectAfter  = "indirect-trailing"  // …, he concluded.
	RuleAccordingTo    = "indirect-according" // according to X, …
)

// cueKind says where a cue's speaker is.
type cueKind int

const (
	cueVerb       cueKind = iota // speaker before (or, inverted, after) the verb
	cueAfter                     // speaker follows the cue: "according to X"
	cueParticiple                // speaker is the subject after the phrase
)

type cue struct {
	kind   cueKind
	ti, tj int // token range in the sentence frame
	used   bool
}

// cand is a quote being built, with its unresolved speaker.
type cand struct {
	q      model.Quote
	np     [2]int // speaker words, or {-1,-1}
	app    [2]int // appositive attached to the speaker, or {-1,-1}
	para   int
	pos    int
	anonPh bool // an anonymity phrase is attached to the speaker
}

// paraInfo is one paragraph with its quotations and sentences.
type paraInfo struct {
	s, e    int
	regions []region
	opaque  [][2]int // the regions' extents, with their marks
	sents   [][2]int
}

// Extract finds the quotes in doc, in text order.
func (x *Extractor) Extract(doc *model.Document, resolve Resolver) []model.Quote {
	if doc == nil || x == nil || x.lx == nil {
		return nil
	}
	var qs []model.Quote
	if doc.Kind == model.KindTranscript && len(doc.Turns) > 0 {
		qs = x.turns(doc)
	} else {
		qs = x.prose(doc, resolve)
	}
	for i := range qs {
		q := &qs[i]
		q.Doc = doc.ID
		q.ID = fmt.Sprintf("%s:q%d", doc.ShortID(), i+1)
		if doc.Kind.Primary() {
			q.Verdict = model.VerdictPrimary
			q.Score = 1
			if len(q.Contents) > 0 {
				ev := model.EvidenceOf(doc.ID, q.Contents[0])
				if n := len(q.Contents); n > 1 {
					ev = model.EvidenceOf(doc.ID, model.NewSpan(doc.Text, q.Contents[0].Start, q.Contents[n-1].End))
				}
				q.Primary = &ev
			}
		}
	}
	return qs
}

// turns makes one quote of every transcript turn.
func (x *Extractor) turns(doc *model.Document) []model.Quote {
	var out []model.Quote
	for _, t := range doc.Turns {
		if t.Content.Check(doc.Text) != nil || t.Content.Empty() {
			continue
		}
		q := model.Quote{Direct: true, Question: t.Question, Rule: RuleTranscriptTurn}
		if t.Speaker >= 0 && t.Speaker < len(doc.Speakers) {
			sp := doc.Speakers[t.Speaker]
			q.Speaker = sp.Name
			q.Question = q.Question || sp.Questioner
		}
		if t.Label.Check(doc.Text) == nil && !t.Label.Empty() {
			q.Sources = []model.Span{t.Label}
		}
		sub := doc.Text[t.Content.Start:t.Content.End]
		for _, p := range paragraphs(sub) {
			q.Contents = append(q.Contents, model.NewSpan(doc.Text, t.Content.Start+p[0], t.Content.Start+p[1]))
		}
		if len(q.Contents) == 0 {
			continue
		}
		out = append(out, q)
	}
	return out
}

// prose finds the quotes of an article or a statement.
func (x *Extractor) prose(doc *model.Document, resolve Resolver) []model.Quote {
	text := doc.Text
	var paras []paraInfo
	for _, p := range paragraphs(text) {
		rs := findRegions(text, p[0], p[1])
		opaque := make([][2]int, len(rs))
		for i, r := range rs {
			opaque[i] = [2]int{r.open, r.end()}
		}
		paras = append(paras, paraInfo{s: p[0], e: p[1], regions: rs, opaque: opaque, sents: sentences(text, p[0], p[1], opaque)})
	}
	st := &state{x: x, doc: doc, text: text, paras: paras, consumed: map[int]bool{}}
	for pi := range paras {
		if st.consumed[pi] {
			continue
		}
		st.paragraph(pi)
	}
	sort.SliceStable(st.cands, func(i, j int) bool { return st.cands[i].pos < st.cands[j].pos })
	return st.resolveAll(resolve)
}

// state is the scratch of one Extract call.
type state struct {
	x        *Extractor
	doc      *model.Document
	text     string
	paras    []paraInfo
	consumed map[int]bool
	cands    []cand
	// pending is a cue that ended the previous paragraph with a colon.
	pending *cand
}

func (st *state) span(s, e int) model.Span { return model.NewSpan(st.text, s, e) }

// frame returns the tokens of the sentence outside its quotations.
func (st *state) frame(p paraInfo, s [2]int) []token {
	all := tokenize(st.text, s[0], s[1])
	out := all[:0]
	for _, t := range all {
		if !inRanges(p.opaque, t.start) {
			out = append(out, t)
		}
	}
	return out
}

// findCues lists the cues of a sentence frame.
func (st *state) findCues(ft []token) []cue {
	lx := st.x.lx
	var out []cue
	for i := 0; i < len(ft); i++ {
		if !ft[i].word {
			continue
		}
		if n := matchPhrase(ft, i, lx.speakerAfter); n > 0 {
			out = append(out, cue{kind: cueAfter, ti: i, tj: i + n})
			i += n - 1
			continue
		}
		if n := matchPhrase(ft, i, lx.participles); n > 0 {
			out = append(out, cue{kind: cueParticiple, ti: i, tj: i + n})
			i += n - 1
			continue
		}
		// A capitalised reporting verb inside a sentence is part of a
		// name ("the League of Arab States issued …"), not a cue.
		if lx.verbs[ft[i].lower] && (!ft[i].cap || i == 0 || !ft[i-1].word && i == 1) {
			out = append(out, cue{kind: cueVerb, ti: i, tj: i + 1})
		}
	}
	return out
}

// matchPhrase returns the length in tokens of the first phrase matching
// the words at ft[i:], or 0.
func matchPhrase(ft []token, i int, list [][]string) int {
	for _, ph := range list {
		if i+len(ph) > len(ft) {
			continue
		}
		ok := true
		for k, w := range ph {
			if !ft[i+k].word || ft[i+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}

func noSpan() [2]int { return [2]int{-1, -1} }

// paragraph extracts the quotes of one paragraph.
func (st *state) paragraph(pi int) {
	p := st.paras[pi]
	pending := st.pending
	st.pending = nil
	text := st.text

	// A paragraph after "He said:" that does not open with a quotation
	// mark is a block quotation.
	if pending != nil && (len(p.regions) == 0 || p.regions[0].open != p.s) {
		st.block(pi, pending)
		return
	}

	title := st.isTitle(pi)
	lastDirect := -1 // index in st.cands of the previous sentence's direct quote
	for si, s := range p.sents {
		ft := st.frame(p, s)
		if len(ft) > st.x.th.MaxSentenceTokens {
			// Run-on text, not prose: no attribution is read from it.
			lastDirect = -1
			continue
		}
		cues := st.findCues(ft)
		var rs []region
		for _, r := range p.regions {
			if r.open >= s[0] && r.open < s[1] {
				rs = append(rs, r)
			}
		}
		sentDirect := -1
		for ri := 0; ri < len(rs); ri++ {
			r := rs[ri]
			if wordCount(text, r.cs, r.ce) == 0 {
				continue
			}
			c := cand{np: noSpan(), app: noSpan(), para: pi, pos: r.cs}
			c.q.Direct = true
			c.q.Unclosed = r.unclosed()
			c.q.Contents = []model.Span{st.span(r.cs, r.ce)}
			ci := nearestCue(ft, cues, r)
			switch {
			case ci >= 0:
				cu := &cues[ci]
				cu.used = true
				cs := st.span(ft[cu.ti].start, ft[cu.tj-1].end)
				c.q.Cue = &cs
				c.q.Rule = RuleDirect
				st.speakerFor(&c, ft, cues, ci, r)
				if c.np[0] < 0 && cu.kind == cueParticiple {
					// “…”, in an interview: the phrase names no subject
					// after it; the sentence's reporting verb does.
					for cj := range cues {
						if cj == ci || cues[cj].kind != cueVerb || cues[cj].used {
							continue
						}
						if st.speakerFor(&c, ft, cues, cj, r); c.np[0] >= 0 {
							cues[cj].used = true
							break
						}
					}
				}
				// “A,” she said, “B.” → one quote.
				if ri+1 < len(rs) && ft[cu.ti].start >= r.end() && ft[cu.tj-1].end <= rs[ri+1].open &&
					st.onlyAttribution(ft, r.end(), rs[ri+1].open) && wordCount(text, rs[ri+1].cs, rs[ri+1].ce) > 0 {
					n := rs[ri+1]
					c.q.Contents = append(c.q.Contents, st.span(n.cs, n.ce))
					c.q.Unclosed = c.q.Unclosed || n.unclosed()
					c.q.Rule = RuleDirectSplit
					ri++
				}
			case si == 0 && pending != nil && r.open == p.s:
				c.q.Cue = pending.q.Cue
				c.np, c.app, c.anonPh = pending.np, pending.app, pending.anonPh
				c.q.Rule = RuleDirectColon
			case len(wordsOf(ft)) == 0 && lastDirect >= 0:
				// A quoted sentence right after an attributed one continues it.
				prev := &st.cands[lastDirect]
				prev.q.Contents = append(prev.q.Contents, st.span(r.cs, r.ce))
				prev.q.Unclosed = prev.q.Unclosed || r.unclosed()
				if prev.q.Rule == RuleDirect {
					prev.q.Rule = RuleDirectCont
				}
				sentDirect = lastDirect
				continue
			default:
				// No cue in the sentence: a scare quote or a title, not a
				// quotation of a person.
				continue
			}
			st.cands = append(st.cands, c)
			sentDirect = len(st.cands) - 1
		}
		lastDirect = sentDirect

		// Indirect speech from the cues no quotation took; a headline
		// ("Minister says rate cut agreed") is the writer's summary, not
		// reported speech.
		for ci := range cues {
			if cues[ci].used || title {
				continue
			}
			st.indirect(pi, p, s, ft, cues, ci)
		}

		// "He said:" closing the paragraph opens a block quotation.
		if si == len(p.sents)-1 && len(ft) > 0 && ft[len(ft)-1].lower == ":" && ft[len(ft)-1].end == p.e {
			for ci := len(cues) - 1; ci >= 0; ci-- {
				cu := cues[ci]
				if cu.used || cu.kind != cueVerb || cu.tj < len(ft)-5 {
					continue
				}
				c := cand{np: noSpan(), app: noSpan(), para: pi}
				cs := st.span(ft[cu.ti].start, ft[cu.tj-1].end)
				c.q.Cue = &cs
				c.np, c.app, c.anonPh = st.leftNP(ft, cu.ti, 0)
				if c.np[0] < 0 {
					break
				}
				st.pending = &c
				break
			}
		}
	}
}

// isTitle reports whether paragraph pi is the document's title: the
// text of Document.Title, or a first paragraph of one line that does not
// end like a sentence.
func (st *state) isTitle(pi int) bool {
	p := st.paras[pi]
	raw := strings.TrimSpace(st.text[p.s:p.e])
	if raw == "" {
		return false
	}
	if t := strings.TrimSpace(st.doc.Title); t != "" && raw == t {
		return true
	}
	if pi != 0 || strings.ContainsRune(raw, '\n') {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(raw)
	return !strings.ContainsRune(".!?…:\"”’'", r)
}

// block records the unmarked paragraph(s) after a "He said:" cue. The
// first paragraph always belongs to the quotation; each further paragraph
// belongs to it while it still reads as the speaker's own words: it uses
// the first person (I, we, our, us, my, me), has no reporting verb or
// cue, no third-person singular pronoun (he, she, his, her, him) and no
// quotation mark. The block ends at the first paragraph that fails.
func (st *state) block(pi int, pending *cand) {
	c := *pending
	c.para = pi
	c.q.Direct = true
	c.q.Rule = RuleBlock
	p := st.paras[pi]
	c.pos = p.s
	c.q.Contents = []model.Span{st.span(p.s, p.e)}
	st.consumed[pi] = true
	for pj := pi + 1; pj < len(st.paras); pj++ {
		if !st.stillSpeech(st.paras[pj]) {
			break
		}
		c.q.Contents = append(c.q.Contents, st.span(st.paras[pj].s, st.paras[pj].e))
		st.consumed[pj] = true
	}
	st.cands = append(st.cands, c)
}

func (st *state) stillSpeech(p paraInfo) bool {
	if len(p.regions) > 0 {
		return false
	}
	first := false
	for _, t := range tokenize(st.text, p.s, p.e) {
		if !t.word {
			continue
		}
		switch t.lower {
		case "he", "she", "his", "her", "him":
			return false
		case "i", "we", "our", "us", "my", "me":
			first = true
		}
		if st.x.lx.verbs[t.lower] {
			return false
		}
	}
	if !first {
		return false
	}
	for _, s := range p.sents {
		for _, cu := range st.findCues(tokenize(st.text, s[0], s[1])) {
			if cu.kind != cueVerb {
				return false
			}
		}
	}
	return true
}

// nearestCue picks the cue of the sentence closest to the quotation, or -1.
func nearestCue(ft []token, cues []cue, r region) int {
	best, bestD := -1, 0
	for i, cu := range cues {
		var d int
		switch {
		case ft[cu.tj-1].end <= r.open:
			d = r.open - ft[cu.tj-1].end
		case ft[cu.ti].start >= r.end():
			d = ft[cu.ti].start - r.end()
		default:
			continue
		}
		if best < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// onlyAttribution reports whether the frame between two quotations is no
// more than a speaker, a cue and punctuation (“A,” she said, “B”).
func (st *state) onlyAttribution(ft []token, s, e int) bool {
	words := 0
	for _, t := range ft {
		if t.start < s || t.end > e || !t.word {
			continue
		}
		words++
	}
	return words > 0 && words <= 8
}

func wordsOf(ft []token) []token {
	var out []token
	for _, t := range ft {
		if t.word {
			out = append(out, t)
		}
	}
	return out
}

// speakerFor finds the speaker of a direct quotation from its cue.
func (st *state) speakerFor(c *cand, ft []token, cues []cue, ci int, r region) {
	cu := cues[ci]
	switch cu.kind {
	case cueAfter:
		c.np = st.rightNP(ft, cu.tj)
	case cueParticiple:
		for k := cu.tj; k < len(ft); k++ {
			if ft[k].lower == "," {
				c.np = st.rightNP(ft, k+1)
				break
			}
		}
	default:
		lo := 0
		if ft[cu.ti].start >= r.end() {
			// “…,” she said — the speaker is between the quotation and the cue.
			for lo < cu.ti && ft[lo].start < r.end() {
				lo++
			}
		}
		c.np, c.app, c.anonPh = st.subjectNP(ft, cues, ci, lo)
		if c.np[0] < 0 {
			c.np = st.rightNP(ft, cu.tj)
		}
	}
}

// leftNP finds the speaker written before the cue token ft[ci], not
// before ft[lo]: a pronoun, or a run of capitalised words, role words and
// determiners, after skipping adverbs ("also") and one appositive between
// commas that describes the speaker (", speaking on condition of
// anonymity,", ", who asked not to be named,", ", the chairperson,").
func (st *state) leftNP(ft []token, ci, lo int) (np, app [2]int, anon bool) {
	lx := st.x.lx
	np, app = noSpan(), noSpan()
	j := ci - 1
	for j >= lo && ft[j].word && lx.between[ft[j].lower] {
		j--
	}
	// "The ministry on Monday denied …", "X on 4 June said …"
	if k := j; k >= lo && ft[k].word && (ft[k].cap && lx.notNames[ft[k].lower] || isNumber(ft[k].lower)) {
		for k >= lo && ft[k].word && (ft[k].cap && lx.notNames[ft[k].lower] || isNumber(ft[k].lower)) {
			k--
		}
		if k >= lo && ft[k].word && ft[k].lower == "on" {
			j = k - 1
		}
	}
	if j >= lo && ft[j].lower == "," {
		k := j - 1
		for k >= lo && ft[k].lower != "," {
			k--
		}
		if k < lo || k+1 >= j {
			return
		}
		inner := ft[k+1 : j]
		anon = hasPhrase(inner, lx.anonymity)
		first := inner[0].lower
		if !(anon || first == "who" || first == "whose" || first == "which" || first == "speaking" ||
			first == "the" || first == "a" || first == "an" || st.allNameish(inner)) {
			return
		}
		app = [2]int{inner[0].start, inner[len(inner)-1].end}
		j = k - 1
	}
	if j < lo {
		return
	}
	if ft[j].word && lx.isPronoun(ft[j].lower) {
		return [2]int{ft[j].start, ft[j].end}, app, anon
	}
	k := j
	for k >= lo {
		t := ft[k]
		if t.word {
			// "the president of the Assembly", "the Secretary for
			// Fisheries": a title's complement is part of the phrase.
			complement := k-1 >= lo && ft[k-1].word && (ft[k-1].lower == "of" || ft[k-1].lower == "for" && k-2 >= lo && lx.speakerWords[ft[k-2].lower])
			if t.lower == "the" || t.lower == "a" || t.lower == "an" {
				k--
				if complement {
					continue
				}
				break
			}
			if lx.nameWord(t) || !t.cap && lx.speakerWords[t.lower] || t.lower == "for" && k+1 <= j && ft[k+1].cap && k-1 >= lo && lx.speakerWords[ft[k-1].lower] {
				k--
				continue
			}
			break
		}
		if (t.lower == "." || t.lower == "-") && k-1 >= lo && ft[k-1].word && k < j {
			k--
			continue
		}
		break
	}
	s := k + 1
	for s <= j && (!ft[s].word || ft[s].lower == "of") {
		s++
	}
	if s > j || !st.hasHead(ft[s:j+1]) {
		return noSpan(), app, anon
	}
	return [2]int{ft[s].start, ft[j].end}, app, anon
}

// subjectNP is leftNP, extended to a verb coordinated with an earlier cue
// of the sentence: in "X specified … but stated that …" X is the speaker
// of both.
func (st *state) subjectNP(ft []token, cues []cue, ci, lo int) (np, app [2]int, anon bool) {
	np, app, anon = st.leftNP(ft, cues[ci].ti, lo)
	if np[0] >= 0 {
		return
	}
	j := cues[ci].ti - 1
	for j >= lo && ft[j].word && st.x.lx.between[ft[j].lower] {
		j--
	}
	if j < lo || !ft[j].word || (ft[j].lower != "and" && ft[j].lower != "but" && ft[j].lower != "then") {
		return
	}
	for pi := ci - 1; pi >= 0; pi-- {
		if cues[pi].kind == cueVerb && cues[pi].tj <= j {
			return st.subjectNP(ft, cues, pi, lo)
		}
	}
	return
}

// rightNP finds the speaker written from ft[i] on ("according to the
// minister", "said Jane Doe").
func (st *state) rightNP(ft []token, i int) [2]int {
	lx := st.x.lx
	if i >= len(ft) {
		return noSpan()
	}
	if ft[i].word && lx.isPronoun(ft[i].lower) {
		return [2]int{ft[i].start, ft[i].end}
	}
	k := i
	if ft[k].word && (ft[k].lower == "the" || ft[k].lower == "a" || ft[k].lower == "an") {
		k++
	}
	sawCap := false
	last := -1
	for k < len(ft) {
		t := ft[k]
		if t.word {
			switch {
			case lx.nameWord(t):
				sawCap = true
			case !t.cap && !sawCap && lx.speakerWords[t.lower] && t.lower != "of":
			case t.lower == "of" && sawCap && k+1 < len(ft) && ft[k+1].cap:
			default:
				k = len(ft)
				continue
			}
			last = k
			k++
			continue
		}
		if (t.lower == "." || t.lower == "-") && last == k-1 && k+1 < len(ft) && ft[k+1].word {
			k++
			continue
		}
		if t.lower == "." && last == k-1 && lx.honorifics[ft[last].lower] {
			k++
			continue
		}
		break
	}
	if last < 0 || !st.hasHead(ft[i:last+1]) {
		return noSpan()
	}
	return [2]int{ft[i].start, ft[last].end}
}

// hasHead reports whether a speaker phrase names something: a capitalised
// word, a role or an anonymous-source noun.
func (st *state) hasHead(ts []token) bool {
	for _, t := range ts {
		if !t.word {
			continue
		}
		if st.x.lx.nameWord(t) || st.x.lx.anonymousHeads[t.lower] || st.x.lx.speakerWords[t.lower] && !isDet(t.lower) {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

func isDet(w string) bool { return w == "the" || w == "a" || w == "an" || w == "of" }

func (st *state) allNameish(ts []token) bool {
	for _, t := range ts {
		if t.word && !t.cap && !st.x.lx.speakerWords[t.lower] {
			return false
		}
	}
	return true
}

func hasPhrase(ts []token, list [][]string) bool {
	for i := range ts {
		if ts[i].word && matchPhrase(ts, i, list) > 0 {
			return true
		}
	}
	return false
}

// indirect records reported speech introduced by cue ci of sentence s.
func (st *state) indirect(pi int, p paraInfo, s [2]int, ft []token, cues []cue, ci int) {
	cu := cues[ci]
	c := cand{np: noSpan(), app: noSpan(), para: pi}
	cs := st.span(ft[cu.ti].start, ft[cu.tj-1].end)
	c.q.Cue = &cs
	// The sentence's end without its final punctuation.
	end := len(ft)
	for end > 0 && !ft[end-1].word {
		end--
	}
	var cStart, cEnd int = -1, -1
	switch cu.kind {
	case cueParticiple:
		return
	case cueAfter:
		c.np = st.rightNP(ft, cu.tj)
		if c.np[0] < 0 {
			return
		}
		k := cu.tj
		for k < len(ft) && ft[k].end <= c.np[1] {
			k++
		}
		// "C, according to X who …": words that follow X without a
		// comma describe X; the content is before the cue.
		describes := k < end && ft[k].lower != "," && cu.ti > 0
		if k < len(ft) && ft[k].lower == "," {
			k++
		}
		if k < end && !describes {
			cStart, cEnd = ft[k].start, st.contentEnd(ft, cues, k, end, p)
		} else if cu.ti > 0 {
			// "…, according to X." — the content is what comes before.
			b := cu.ti
			for b > 0 && !ft[b-1].word {
				b--
			}
			if b > 0 {
				cStart, cEnd = ft[0].start, ft[b-1].end
			}
		}
		c.q.Rule = RuleAccordingTo
	default:
		c.np, c.app, c.anonPh = st.subjectNP(ft, cues, ci, 0)
		inverted := false
		if c.np[0] < 0 {
			c.np = st.rightNP(ft, cu.tj)
			inverted = c.np[0] >= 0
		}
		if c.np[0] < 0 {
			return
		}
		// "…, he concluded." / "…, said the minister."
		after := cu.tj
		if inverted {
			for after < len(ft) && ft[after].end <= c.np[1] {
				after++
			}
		}
		npStart := c.np[0]
		if c.app[0] >= 0 && c.app[0] < npStart {
			npStart = c.app[0]
		}
		b := 0
		for b < len(ft) && ft[b].start < npStart {
			b++
		}
		if inverted {
			b = cu.ti
		}
		if after >= end && b > 0 && ft[b-1].lower == "," {
			e := b - 1
			for e > 0 && !ft[e-1].word {
				e--
			}
			if e > 0 {
				cStart, cEnd = ft[0].start, ft[e-1].end
				c.q.Rule = RuleIndirectAfter
			}
			break
		}
		if inverted {
			return
		}
		// "X said (…) that …": a "that" within a few words.
		k := cu.tj
		for ; k < end && k < cu.tj+st.x.th.ThatWindow; k++ {
			if ft[k].word && ft[k].lower == "that" {
				break
			}
			if st.x.lx.verbs[ft[k].lower] {
				k = end
			}
		}
		// "said the service had not shown that C": the words before
		// "that" are a clause of their own, and the content starts
		// right after the verb (for a verb whose object comes first,
		// the sentence is too tangled to read).
		if k < end && k < cu.tj+st.x.th.ThatWindow && ft[k].lower == "that" && st.clauseBefore(ft, cu.tj, k) {
			if !st.x.lx.clauseVerbs[ft[cu.ti].lower] {
				return
			}
			k = end
		}
		if k < end && k < cu.tj+st.x.th.ThatWindow && ft[k].lower == "that" {
			cStart = -1
			if k+1 < end {
				cStart, cEnd = ft[k+1].start, st.contentEnd(ft, cues, k+1, end, p)
			}
			c.q.Rule = RuleIndirectThat
			break
		}
		// "X said there will be …": content right after the verb, only
		// for the verbs that take a clause so (not "told", whose object
		// comes first, nor "announced the deal"), and not after a
		// preposition or punctuation ("said in a statement", "said:").
		n := cu.tj
		if n >= end || !ft[n].word || !st.x.lx.clauseVerbs[ft[cu.ti].lower] ||
			st.x.lx.stopwords[ft[n].lower] && !st.clauseStarter(ft[n].lower) {
			return
		}
		cStart, cEnd = ft[n].start, st.contentEnd(ft, cues, n, end, p)
		c.q.Rule = RuleIndirect
	}
	if cStart < 0 || cEnd <= cStart {
		return
	}
	words := 0
	for _, t := range ft {
		if t.word && t.start >= cStart && t.end <= cEnd {
			words++
		}
	}
	if words < st.x.th.MinIndirectWords || words > st.x.th.MaxIndirectWords {
		return
	}
	for _, r := range p.regions {
		if r.open < cEnd && cStart < r.end() {
			return
		}
	}
	c.q.Contents = []model.Span{st.span(cStart, cEnd)}
	c.pos = cStart
	if ft[cu.ti].start < cStart {
		c.pos = ft[cu.ti].start
	}
	st.cands = append(st.cands, c)
}

// clauseBefore reports whether the words ft[i:j] between a cue and a
// later "that" hold an auxiliary or a negation: they are a clause, not
// an adverbial ("on Monday") or an object ("the council").
func (st *state) clauseBefore(ft []token, i, j int) bool {
	for ; i < j; i++ {
		if ft[i].word && (st.x.lx.clauseMarkers[ft[i].lower] || isNegation(st.x.lx.negations, normWord(ft[i].lower))) {
			return true
		}
	}
	return false
}

// clauseStarter lists function words that can open reported speech
// without "that" ("said there will be", "said it was", "said they had").
func (st *state) clauseStarter(w string) bool {
	switch w {
	case "there", "it", "they", "he", "she", "we", "i", "this", "the", "a", "an", "no", "all", "any", "some", "his", "her", "their", "its", "our":
		return true
	}
	return false
}

// contentEnd is where reported speech starting at ft[k] ends: the end of
// the sentence, the start of a quotation, or a conjunction that brings in
// another cue ("… but stated that").
func (st *state) contentEnd(ft []token, cues []cue, k, end int, p paraInfo) int {
	stopAt := -1 // the first quotation at or after the content's start
	for _, r := range p.regions {
		if r.open >= ft[k].start && (stopAt < 0 || r.open < stopAt) {
			stopAt = r.open
		}
	}
	isCue := make(map[int]bool, len(cues))
	for _, cu := range cues {
		isCue[cu.ti] = true
	}
	last := k
	for i := k; i < end; i++ {
		if stopAt >= 0 && ft[i].start >= stopAt {
			break
		}
		// "C, which did not respond to requests for comment": the
		// reporter's aside closing the sentence is not the speaker's; C
		// ends at the last comma, "and" or "but" before it.
		if ft[i].word && matchPhrase(ft, i, st.x.lx.reporterAsides) > 0 && !hasComma(ft[i:end]) {
			if b := lastSeparator(ft, k, i); b > k {
				last = b - 1
				break
			}
		}
		if ft[i].word && (ft[i].lower == "but" || ft[i].lower == "and" || ft[i].lower == "while") &&
			(isCue[i+1] || isCue[i+2] || isCue[i+3]) {
			break
		}
		last = i
	}
	e := ft[last].end
	for last > k && !ft[last].word {
		last--
		e = ft[last].end
	}
	return e
}

func hasComma(ts []token) bool {
	for _, t := range ts {
		if t.lower == "," {
			return true
		}
	}
	return false
}

// lastSeparator is the index of the last comma, "and" or "but" in
// ft[k:i], or -1.
func lastSeparator(ft []token, k, i int) int {
	for b := i - 1; b > k; b-- {
		if ft[b].lower == "," || ft[b].lower == "and" || ft[b].lower == "but" {
			return b
		}
	}
	return -1
}
