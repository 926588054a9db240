package quotes

import (
	"math"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Passage is a speaker turn (or paragraph of a statement) in a primary
// record.
type Passage struct {
	Doc     string
	Speaker string
	// Code is the speaker's actor code when known.
	Code string
	Span model.Span
}

// passage is an indexed passage: its words as vocabulary ids.
type passage struct {
	Passage
	text   string   // the whole document text, for evidence
	words  []uint32 // normalised words; Index.stemOf gives their stems
	starts []int32  // byte offsets of the words
	ends   []int32
	sents  []int32 // indexes of the words that open a sentence
	sid    int     // index of the speaker's normalised name in Index.names
	// date is the day of the record, when it is known to the day.
	date time.Time
	// question: a questioner's turn. Its words are the questioner's,
	// whoever the coverage gives them to.
	question bool
	// quoted are the words (index ranges [a, b)) that the speaker quotes
	// in a turn: in the speaker's passage, but no claim of the speaker's.
	quoted [][2]int32
	// occasions: the kinds of occasion the record's title names (none:
	// a record of any occasion)
	occasions []string
	// run: the words of a speaker's turns in a row (see add), asked only
	// when the turns themselves give a quote nothing (Verify); kept out of
	// the counts of passages per stem
	run bool
	// breaks: of a run, the indexes of the words that open each turn
	// after the first (what lies between two turns, a label, is no
	// word of the evidence)
	breaks []int32
}

// Index is an inverted index of primary records: stem → passages holding
// it, with each passage's word sequence for alignment. Its memory grows
// with the primary records only. Add and Verify may be called
// concurrently.
type Index struct {
	mu    sync.RWMutex
	th    Thresholds
	stop  map[string]bool
	honor map[string]bool
	title map[string]bool // the words of roles ("mayor", "ambassador")
	neg   map[string]bool // negations (data/quotes/cues.yaml)
	// same: words that compare equal with a record's; spoken: words
	// written out before comparing (data/quotes/cues.yaml)
	same, spoken map[string][]string
	// prefixes: the first parts of hyphenated words written joined or
	// hyphenated alike ("re-election", "e-mail")
	prefixes  map[string]bool
	fillers   [][]uint32      // vocabulary ids of the phrases a quote may leave out of a record
	leadConj  map[uint32]bool // vocabulary ids of a record sentence's first words a quote may trim
	occasions [][]string      // kinds of occasion (occasionsIn)
	timeNames map[string]bool // words of time; capitalised, a day's or a month's name
	isNeg     map[uint32]bool // vocabulary ids of negations
	vocab     map[string]uint32
	df        []int32    // by id: how many passages hold it
	post      [][]uint32 // by stem id: passages holding it
	runPost   [][]uint32 // by stem id: runs of turns holding it
	runs      int        // how many of ps are runs of turns
	// stemOf is the stem of a word, by id; 0 for stop words. Kept once
	// per word of the vocabulary rather than once per word of every
	// passage.
	stemOf []uint32
	ps     []passage
	docs   map[string]bool
	names  [][]string     // normalised speaker names
	nids   map[string]int // speaker name → index in names
	// x finds the quotes inside statements, whose words are then
	// indexed once more as spoken by the quote's own speaker.
	x *Extractor
	// ta is the text layer that splits records and quotes into words.
	ta *text.Analyzer
}

// NewIndex returns an empty index with DefaultThresholds and the
// embedded lexicon that reads texts with the text layer ta. A pipeline
// that lets users override the lexicon calls (*Extractor).NewIndex, so
// that records are read with the words its quotes were found with.
func NewIndex(ta *text.Analyzer) *Index { return NewIndexWith(DefaultThresholds(), ta) }

// NewIndexWith returns an empty index with the given thresholds and the
// embedded lexicon.
func NewIndexWith(th Thresholds, ta *text.Analyzer) *Index {
	// The stop words only sharpen candidate retrieval and paraphrase
	// scores; without the lexicon the index still works.
	lx, _ := loadLexicon(data.Embedded()) // nil on error
	return newIndex(th, ta, lx)
}

// NewIndex returns an empty index with x's thresholds and lexicon (the
// user's, when x was loaded with overrides) that reads texts with ta.
func (x *Extractor) NewIndex(ta *text.Analyzer) *Index { return newIndex(x.th, ta, x.lx) }

func newIndex(th Thresholds, ta *text.Analyzer, lx *lexicon) *Index {
	ix := &Index{th: th, ta: ta, stop: map[string]bool{}, honor: map[string]bool{}, title: map[string]bool{}, neg: map[string]bool{}, isNeg: map[uint32]bool{}, vocab: map[string]uint32{},
		df: []int32{0}, post: [][]uint32{nil}, runPost: [][]uint32{nil}, stemOf: []uint32{0}, docs: map[string]bool{}, nids: map[string]int{}}
	if lx == nil {
		return ix
	}
	ix.stop = lx.stopwords
	ix.neg = lx.negations
	ix.same, ix.spoken, ix.occasions, ix.prefixes = lx.sameWords, lx.spokenForms, lx.occasions, lx.hyphenPrefixes
	ix.timeNames = lx.timeWords
	for _, f := range lx.fillerPhrases {
		ids := make([]uint32, len(f))
		for i, w := range f {
			ids[i] = ix.intern(strings.ToLower(w))
		}
		if len(ids) > 0 {
			ix.fillers = append(ix.fillers, ids)
		}
	}
	ix.leadConj = map[uint32]bool{}
	for _, w := range lx.leadingConjunctions {
		ix.leadConj[ix.intern(strings.ToLower(w))] = true
	}
	for h := range lx.honorifics {
		ix.honor[strings.TrimSuffix(h, ".")] = true
	}
	for _, r := range lx.roles {
		for _, w := range r {
			ix.title[w] = true
		}
	}
	ix.x = &Extractor{lx: lx, th: th}
	return ix
}

// Len is the number of indexed passages (not counting the runs of turns
// that Verify asks last).
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ps) - ix.runs
}

// Passages lists the indexed passages (not the runs of turns).
func (ix *Index) Passages() []Passage {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]Passage, 0, len(ix.ps)-ix.runs)
	for i := range ix.ps {
		if !ix.ps[i].run {
			out = append(out, ix.ps[i].Passage)
		}
	}
	return out
}

// Add indexes a primary document: every turn of a transcript, or every
// paragraph of a statement (or of a transcript without turns). A
// statement's paragraphs are spoken by its only speaker, else by its
// publisher; a direct quotation inside a statement whose speaker the
// statement names ("The Chair, Jane Doe, said: “…”") is also a passage
// of that speaker. Documents that are not primary records, and documents
// already added, are ignored.
func (ix *Index) Add(doc *model.Document) {
	ix.add(doc, nil, false)
}

// AddAnalysed is Add for a document whose quotes were already extracted
// (its stored analysis): a statement's quotations are taken from qs
// instead of analysing its text again, and only its words are read.
func (ix *Index) AddAnalysed(doc *model.Document, qs []model.Quote) {
	ix.add(doc, qs, true)
}

// words returns the comparable words of td's text[s:e] (compareWords),
// with the spoken forms written out ("wanna" as "want to", "%" as
// "percent") and the writer's notes ("sic") dropped.
func (ix *Index) words(td *text.Doc, s, e int) []wordTok {
	ws := compareWords(td, s, e, ix.prefixes)
	if len(ix.spoken) == 0 {
		return ws
	}
	n := 0
	for _, w := range ws {
		if _, ok := ix.spoken[w.norm]; ok {
			n++
		}
	}
	if n == 0 {
		return ws
	}
	out := make([]wordTok, 0, len(ws)+n)
	// a word dropped ("Um, and I think", "(sic)") hands its marks on to
	// the next word kept: "and" still opens the sentence
	gap, sent := false, false
	for _, w := range ws {
		w.gapBefore, w.sentStart = w.gapBefore || gap, w.sentStart || sent
		gap, sent = false, false
		forms, ok := ix.spoken[w.norm]
		if !ok {
			out = append(out, w)
			continue
		}
		if len(forms) == 0 {
			gap, sent = w.gapBefore, w.sentStart
			continue
		}
		for k, f := range forms {
			x := w
			x.norm = f
			if k > 0 {
				x.gapBefore, x.sentStart = false, false
			}
			out = append(out, x)
		}
	}
	return out
}

// part is a passage to be: a span of a primary record and its speaker,
// with the quotations inside it (a turn's); more are the spans of the
// turns that follow it, of the same speaker, whose words a run passage
// also holds (without the labels between them).
type part struct {
	speaker  string
	span     model.Span
	question bool
	quoted   []model.Span
	more     []model.Span
	run      bool
}

func (ix *Index) add(doc *model.Document, given []model.Quote, analysed bool) {
	if doc == nil || !doc.Kind.Primary() {
		return
	}
	var parts []part
	var td *text.Doc
	if doc.Kind == model.KindTranscript && len(doc.Turns) > 0 {
		td = ix.ta.Segment(doc.Text, text.TurnLabels(doc))
		// Words a speaker quotes in a turn ("She said, “We will raise
		// taxes,” and that is wrong") are the speaker's turn, but not
		// the speaker's own: they are also a passage of no named
		// speaker, which, being the narrower, keeps a quote of them
		// from being made the turn speaker's words in another mouth
		// (Verify).
		quoted := make([]model.Span, 0, len(td.Quotations))
		for _, q := range td.Quotations {
			if q.WordsEnd > q.WordsStart {
				quoted = append(quoted, model.NewSpan(doc.Text, q.WordsStart, q.WordsEnd))
			}
		}
		for _, t := range doc.Turns {
			if t.Content.Check(doc.Text) != nil || t.Content.Empty() {
				continue
			}
			sp, question := "", t.Question
			if t.Speaker >= 0 && t.Speaker < len(doc.Speakers) {
				sp = doc.Speakers[t.Speaker].Name
				question = question || doc.Speakers[t.Speaker].Questioner
			}
			// The span's words are those of the text (Check), shared
			// with it rather than kept as the turn's own copy.
			i := sort.Search(len(quoted), func(i int) bool { return quoted[i].Start >= t.Content.Start })
			j := i
			for j < len(quoted) && quoted[j].End <= t.Content.End {
				j++
			}
			parts = append(parts, part{speaker: sp, span: model.NewSpan(doc.Text, t.Content.Start, t.Content.End), question: question, quoted: quoted[i:j]})
		}
		for _, q := range quoted {
			parts = append(parts, part{span: q})
		}
		// A speaker's answer that the transcript writes over turns in a
		// row, each with the speaker's label ("VARGA: …" then "VARGA:
		// Third, …"), is also one run passage, asked when the turns
		// themselves give a quote nothing: a quote of words from both is
		// in the record.
		ok := func(u model.Turn) bool { // a turn that can be part of a run
			return u.Speaker >= 0 && u.Speaker < len(doc.Speakers) && !u.Question && !doc.Speakers[u.Speaker].Questioner &&
				u.Content.Check(doc.Text) == nil && !u.Content.Empty()
		}
		for i := 0; i < len(doc.Turns); {
			t := doc.Turns[i]
			j := i + 1
			for ok(t) && j < len(doc.Turns) && doc.Turns[j].Speaker == t.Speaker && ok(doc.Turns[j]) {
				j++
			}
			if j-i > 1 {
				run := part{speaker: doc.Speakers[t.Speaker].Name, span: model.NewSpan(doc.Text, t.Content.Start, t.Content.End), run: true}
				for _, u := range doc.Turns[i+1 : j] {
					run.more = append(run.more, model.NewSpan(doc.Text, u.Content.Start, u.Content.End))
				}
				// (the words its turns quote are no claim of the speaker's
				// in the run either)
				end := doc.Turns[j-1].Content.End
				a := sort.Search(len(quoted), func(k int) bool { return quoted[k].Start >= t.Content.Start })
				b := a
				for b < len(quoted) && quoted[b].End <= end {
					b++
				}
				run.quoted = quoted[a:b]
				parts = append(parts, run)
			}
			i = j
		}
	} else {
		sp := doc.Publisher
		if len(doc.Speakers) == 1 {
			sp = doc.Speakers[0].Name
		}
		qs := given
		if analysed {
			td = ix.ta.Segment(doc.Text, text.TurnLabels(doc))
		} else {
			td = ix.ta.Analyze(doc.Text, text.TurnLabels(doc))
			if ix.x != nil {
				qs = ix.x.prose(doc, td, nil)
			}
		}
		// The statement's quotation is its speaker's passage. One it
		// gives no one it names (an unnamed spokesman, a description),
		// says someone did not say ("Mokoena never said “…”") or only
		// supposes someone said ("Even if Mokoena said “…”"), is a
		// passage of no named speaker: its words are in the record, but
		// nobody's. Being narrower than the publisher's paragraph around
		// it, it keeps a quote of them from being made the publisher's
		// words in another mouth (Verify). The quotations come first: of
		// two passages of other speakers that match as well, the first
		// is the evidence, and a quotation's speaker is whose the words
		// are.
		for _, q := range qs {
			if !q.Direct || len(q.Contents) == 0 {
				continue
			}
			who := q.Speaker
			if q.Anonymous || q.Negated || q.Hypothetical || q.SpeakerBy == model.SpeakerByDescription {
				who = ""
			}
			n := len(q.Contents)
			parts = append(parts, part{speaker: who, span: model.NewSpan(doc.Text, q.Contents[0].Start, q.Contents[n-1].End)})
		}
		for _, p := range td.Paragraphs {
			parts = append(parts, part{speaker: sp, span: p.Span})
		}
	}
	var occasions []string
	if doc.Title != "" {
		tt := ix.ta.Segment(doc.Title)
		occasions = occasionsIn(tt.Tokens, 0, len(tt.Tokens), nil, ix.occasions)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	key := doc.ID
	if key == "" {
		key = doc.Path
	}
	if key != "" && ix.docs[key] {
		return
	}
	ix.docs[key] = true
	for _, pt := range parts {
		ws := ix.words(td, pt.span.Start, pt.span.End)
		var breaks []int32
		for _, m := range pt.more {
			breaks = append(breaks, int32(len(ws)))
			ws = append(ws, ix.words(td, m.Start, m.End)...)
		}
		if len(ws) == 0 {
			continue
		}
		p := passage{Passage: Passage{Doc: doc.ID, Speaker: pt.speaker, Span: pt.span}, text: doc.Text, occasions: occasions,
			words:  make([]uint32, len(ws)),
			starts: make([]int32, len(ws)), ends: make([]int32, len(ws)), sid: ix.speakerID(pt.speaker), question: pt.question, run: pt.run, breaks: breaks}
		if doc.DateEnd.IsZero() || doc.DateEnd.Equal(doc.Date) {
			p.date = doc.Date
		}
		pid := uint32(len(ix.ps))
		seen := map[uint32]bool{}
		for i, w := range ws {
			p.words[i] = ix.intern(w.norm)
			p.starts[i], p.ends[i] = int32(w.start), int32(w.end)
			if w.sentStart {
				p.sents = append(p.sents, int32(i))
			}
			if !ix.stop[w.norm] {
				s := ix.intern(stem(w.norm))
				ix.stemOf[p.words[i]] = s
				if !seen[s] {
					seen[s] = true
					if pt.run {
						ix.runPost[s] = append(ix.runPost[s], pid)
					} else {
						ix.df[s]++
						ix.post[s] = append(ix.post[s], pid)
					}
				}
			}
		}
		if len(p.sents) == 0 || p.sents[0] != 0 {
			p.sents = append([]int32{0}, p.sents...)
		}
		for k, i := 0, 0; k < len(pt.quoted); k++ {
			q := pt.quoted[k]
			for i < len(ws) && ws[i].start < q.Start {
				i++
			}
			a := i
			for i < len(ws) && ws[i].end <= q.End {
				i++
			}
			if i > a {
				p.quoted = append(p.quoted, [2]int32{int32(a), int32(i)})
			}
		}
		ix.ps = append(ix.ps, p)
		if pt.run {
			ix.runs++
		}
	}
}

func (ix *Index) intern(w string) uint32 {
	if id, ok := ix.vocab[w]; ok {
		return id
	}
	id := uint32(len(ix.df))
	ix.vocab[w] = id
	if isNegation(ix.neg, w) {
		ix.isNeg[id] = true
	}
	ix.df = append(ix.df, 0)
	ix.post = append(ix.post, nil)
	ix.runPost = append(ix.runPost, nil)
	ix.stemOf = append(ix.stemOf, 0)
	return id
}

func (ix *Index) speakerID(name string) int {
	if id, ok := ix.nids[name]; ok {
		return id
	}
	id := len(ix.names)
	ix.nids[name] = id
	ix.names = append(ix.names, ix.nameKey(name))
	return id
}

// idf weighs a stem by its rarity among the passages; unseen stems weigh
// most.
func (ix *Index) idf(id uint32) float64 {
	var df int32
	if id != 0 {
		df = ix.df[id]
	}
	return math.Log(float64(len(ix.ps)-ix.runs+1)/float64(df+1)) + 1
}

// nameKey normalises a person's name for comparison: lower case, no
// punctuation, no honorifics, no leading title ("Mayor Okafor" is
// "okafor", which matches "Ben Okafor").
func (ix *Index) nameKey(name string) []string {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '’')
	})
	out := f[:0]
	for _, w := range f {
		if !ix.honor[w] && !(len(out) == 0 && ix.title[w]) {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		// A title alone ("Chairman") is the only name there is.
		out = append(out, f...)
	}
	return out
}

// candidates ranks passages by the IDF weight of the stems they share
// with the quote and returns the best Thresholds.Candidates, plus the
// best Thresholds.Candidates among those of the quote's speaker; with
// runs, among the runs of turns instead (the stems' weights and rarity
// are those of the passages).
func (ix *Index) candidates(stems []uint32, who *speakerMatch, runs bool) []uint32 {
	post := ix.post
	if runs {
		post = ix.runPost
	}
	n := len(ix.ps) - ix.runs
	limit := n + 1
	if n >= ix.th.CommonWordMinPassages {
		limit = int(ix.th.CommonWordShare * float64(n))
		if limit < 1 {
			limit = 1
		}
	}
	// The rarest stems always count (so that a quote made only of common
	// words still finds its passage); further ones only when they are not
	// common.
	var uniq []uint32
	seen := map[uint32]bool{}
	for _, s := range stems {
		if s != 0 && !seen[s] {
			seen[s] = true
			uniq = append(uniq, s)
		}
	}
	sort.Slice(uniq, func(i, j int) bool { return ix.df[uniq[i]] < ix.df[uniq[j]] })
	score := map[uint32]float64{}
	for k, s := range uniq {
		if len(ix.post[s]) > ix.th.MaxPostings && ix.th.MaxPostings > 0 || k >= ix.th.RareWords && len(ix.post[s]) > limit {
			break // the stems are sorted by rarity: the rest are as common
		}
		w := ix.idf(s)
		for _, p := range post[s] {
			score[p] += w
		}
	}
	k := ix.th.Candidates
	top := make(topK, 0, k+1)
	same := make(topK, 0, k+1)
	for p, s := range score {
		top = top.push(p, s, k)
		if who.speaks(&ix.ps[p]) {
			same = same.push(p, s, k)
		}
	}
	out := make([]uint32, 0, len(top)+len(same))
	for _, c := range top {
		out = append(out, c.p)
	}
	for _, c := range same {
		dup := false
		for _, o := range top {
			if o.p == c.p {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, c.p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

type scored struct {
	p uint32
	s float64
}

// topK keeps the k best (highest score, then lowest passage) in order.
type topK []scored

func (t topK) push(p uint32, s float64, k int) topK {
	if k <= 0 || len(t) == k && !(s > t[k-1].s || s == t[k-1].s && p < t[k-1].p) {
		return t
	}
	i := len(t)
	for i > 0 && (s > t[i-1].s || s == t[i-1].s && p < t[i-1].p) {
		i--
	}
	t = append(t, scored{})
	copy(t[i+1:], t[i:])
	t[i] = scored{p, s}
	if len(t) > k {
		t = t[:k]
	}
	return t
}

// speakerMatch answers, for one quote, whether a passage's speaker is the
// quote's speaker, remembering the answer for each speaker.
type speakerMatch struct {
	ix    *Index
	name  []string
	code  string
	known bool
	memo  map[int]bool
}

func (ix *Index) matcher(name []string, code string) *speakerMatch {
	return &speakerMatch{ix: ix, name: name, code: code, known: len(name) > 0 || code != "", memo: map[int]bool{}}
}

func (m *speakerMatch) speaks(p *passage) bool {
	if !m.known {
		return false
	}
	if len(m.name) > 0 && len(m.ix.names[p.sid]) > 0 {
		v, ok := m.memo[p.sid]
		if !ok {
			v = sameName(m.name, m.ix.names[p.sid], m.ix.th)
			m.memo[p.sid] = v
		}
		return v
	}
	return m.code != "" && p.Code != "" && strings.EqualFold(m.code, p.Code)
}

// sameName is model.SameNameWords with spelling slack in given names:
// the surnames (last words) must be equal, and every word of the
// shorter name must agree with one of the longer, equal or, for a word
// before the surname, differing only by up to Thresholds.NameEdits
// letters added or dropped, the longer word having at least
// Thresholds.NameEditMinRunes letters and both the same first letter
// ("Aden Duale" is "Aaden Duale"; "Mark" is not "Mary", "Maria" is not
// "Mario": a changed letter makes another name).
func sameName(wa, wb []string, th Thresholds) bool {
	return model.SameNameWordsBy(wa, wb, func(a, b string) bool { return sameNameWord(a, b, th) })
}

func sameNameWord(a, b string, th Thresholds) bool {
	if a == b {
		return true
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	d := la - lb
	if d < 0 {
		d = -d
	}
	if d == 0 || d > th.NameEdits || la < th.NameEditMinRunes && lb < th.NameEditMinRunes || firstRune(a) != firstRune(b) {
		return false
	}
	// Only letters added or dropped: the distance is the length
	// difference.
	return levenshtein.ComputeDistance(a, b) == d
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
