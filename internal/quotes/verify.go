package quotes

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/model"
)

// Alignment scores: a matched word earns, a changed, added or dropped
// word costs. Record words skipped where the quote has an ellipsis are
// free.
const (
	scoreMatch    = 2
	scoreMismatch = -1
	scoreGap      = -1
)

// Alignment operations, in quote order.
const (
	opMatch = 'M' // same word
	opSub   = 'S' // record word replaced by a quote word
	opIns   = 'I' // word in the quote only
	opDel   = 'D' // word in the record only
	opSkip  = 'G' // record word covered by an ellipsis
)

type alignment struct {
	matches  int // quote words matched in order
	p        uint32
	sim      float64
	verbatim bool
	ws, we   int // aligned record window, word indexes
	ok       bool
	negation bool // a changed, added or dropped word is a negation
	// the operations, for the diff
	ops    []byte
	qi, rj []int
	lo     int
}

// quoteWords are a quote's words with vocabulary ids (0 when the index
// has never seen the word).
type quoteWords struct {
	toks  []wordTok
	ids   []uint32
	alt   [][maxSame]uint32 // ids of words equal to ids[i] (Index.same), 0 for none
	stems []uint32
	stemW []float64 // weights of the distinct content stems
	dist  []uint32  // distinct content stems, parallel to stemW
	in    map[uint32]bool
}

func (ix *Index) quoteWords(q *model.Quote) quoteWords {
	var qw quoteWords
	// The parts of a quote split around its cue are joined as they
	// stand: words the writer left out between them, without an
	// ellipsis, are dropped words, not a free gap.
	for _, c := range q.Contents {
		qw.toks = append(qw.toks, ix.words(ix.ta.Segment(c.Text), 0, len(c.Text))...)
	}
	qw.toks = ix.withoutInsertions(qw.toks)
	seen := map[string]bool{}
	qw.in = map[uint32]bool{}
	for _, w := range qw.toks {
		id := ix.vocab[w.norm]
		if id != 0 {
			qw.in[id] = true
		}
		qw.ids = append(qw.ids, id)
		var alt [maxSame]uint32 // the cue file's check keeps same_words within it
		for k, a := range ix.same[w.norm] {
			if alt[k] = ix.vocab[a]; alt[k] != 0 {
				qw.in[alt[k]] = true
			}
		}
		qw.alt = append(qw.alt, alt)
		var sid uint32
		if !ix.stop[w.norm] {
			s := stem(w.norm)
			sid = ix.vocab[s]
			if !seen[s] {
				seen[s] = true
				qw.dist = append(qw.dist, sid)
				qw.stemW = append(qw.stemW, ix.idf(sid))
			}
		}
		qw.stems = append(qw.stems, sid)
	}
	return qw
}

// same reports whether the quote's word i is the record word r: the same
// word, or one written otherwise for the same spoken word (Index.same).
func (qw *quoteWords) same(i int, r uint32) bool {
	return r != 0 && (qw.ids[i] == r || slices.Contains(qw.alt[i][:], r))
}

// withoutInsertions drops the words a writer put in square brackets
// ("[Varga] will raise taxes", "next year [2017]"), the convention for
// the writer's own words inside a quotation: a gap the record may fill
// with its own words, as an ellipsis. Not when a bracket holds a
// negation: "[not]" would change what was said, and stays to be seen.
func (ix *Index) withoutInsertions(toks []wordTok) []wordTok {
	bracketed := false
	for _, w := range toks {
		if w.bracket && isNegation(ix.neg, w.norm) {
			return toks
		}
		bracketed = bracketed || w.bracket
	}
	if !bracketed {
		return toks
	}
	out := toks[:0:0]
	gap := false
	for _, w := range toks {
		if w.bracket {
			gap = true
			continue
		}
		w.gapBefore = w.gapBefore || gap
		gap = false
		out = append(out, w)
	}
	return out
}

// SpeakerNotVerified opens the note Verify adds to Diff when a quote's
// words are found in a primary record but its speaker cannot be
// confirmed there: the quote names no speaker, or the record does not
// name the speaker of those words.
const SpeakerNotVerified = "speaker not verified"

// Verify checks q against the indexed primary records and sets its
// Verdict, Score, Primary, Diff and the verdict's facts
// (SpeakerVerified, PolarityChanged, WordsAdded, …). A quote in a
// primary record is "primary". See the package documentation for the
// rules.
func (ix *Index) Verify(q *model.Quote, quotingDoc *model.Document) {
	if q == nil {
		return
	}
	q.SpeakerVerified, q.QuestionerWords, q.PolarityChanged = false, false, false
	q.WordsAdded, q.WordsDropped, q.WordsChanged = 0, 0, 0
	if quotingDoc != nil && quotingDoc.Kind.Primary() {
		q.Verdict, q.Score, q.Diff = model.VerdictPrimary, 1, ""
		if len(q.Contents) > 0 {
			n := len(q.Contents)
			ev := model.Evidence{Doc: quotingDoc.ID, Start: q.Contents[0].Start, End: q.Contents[n-1].End}
			if n == 1 {
				ev.Text = q.Contents[0].Text
			} else if sp := model.NewSpan(quotingDoc.Text, ev.Start, ev.End); sp.Start == ev.Start && sp.End == ev.End {
				ev.Text = sp.Text
			}
			q.Primary = &ev
		}
		return
	}
	q.Verdict, q.Score, q.Primary, q.Diff = model.VerdictNoRecord, 0, nil, ""
	if q.Kind != "" && q.Kind != model.KindSpeech || q.Negated || q.Hypothetical {
		// What someone thinks, or what a poll shows, is not in a record
		// of what was said; nor is what someone is reported not to have
		// said ("X did not say that …"), or only supposed to ("if X
		// said …"): a record of X saying it would not confirm the quote.
		q.Verdict = model.VerdictNotChecked
		return
	}

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	th := ix.th
	qw := ix.quoteWords(q)
	m := len(qw.toks)
	if m == 0 {
		return
	}
	if m < th.MinQuoteWords || contentWords(qw) < th.MinContentWords {
		q.Verdict = model.VerdictTooShort
		return
	}
	if len(ix.ps) == 0 {
		return
	}
	who := ix.matcher(ix.nameKey(q.Speaker), q.SpeakerCode)
	// a description ("the Vermont senator") names no one: the words may
	// be found, the speaker is not verified
	known := !q.Anonymous && who.known && q.Speaker != "" && q.SpeakerBy != model.SpeakerByDescription
	if !known {
		who.known = false
	}
	ix.judge(q, quotingDoc, qw, who, known, ix.candidates(qw.stems, who, false))
	if q.Direct && q.Verdict == model.VerdictNoRecord && q.Primary == nil && !q.QuestionerWords && ix.runs > 0 {
		// A speaker's answer the transcript writes over turns in a row:
		// the words of the runs of turns, asked only now, so that what
		// the turns themselves give stays as it was, and only of words
		// quoted (a paraphrase is read against one turn)
		before := *q
		ix.judge(q, quotingDoc, qw, who, known, ix.candidates(qw.stems, who, true))
		if q.Verdict == model.VerdictNoRecord && q.Primary == nil {
			*q = before
		}
	}
}

// judge verifies quote q (of words qw, by the speaker who matches) against
// the candidate passages cands, and sets its verdict, score, evidence and
// diff.
func (ix *Index) judge(q *model.Quote, quotingDoc *model.Document, qw quoteWords, who *speakerMatch, known bool, cands []uint32) {
	th := ix.th
	m := len(qw.toks)
	// bestSame is the best passage of the quote's own speaker; bestOther
	// the best passage of a speaker the record names who is someone else;
	// bestUnnamed the best passage whose speaker the record does not name
	// (a statement of no known author, an "A:" turn), which can confirm
	// the words but never the speaker; bestQuestion the best questioner's
	// turn not of the quote's speaker, whose words are the questioner's.
	var bestSame, bestOther, bestUnnamed, bestQuestion, bestAny alignment
	var bestPara paraScore
	for _, pid := range cands {
		p := &ix.ps[pid]
		if !ix.onOccasion(p, q, quotingDoc) {
			continue
		}
		al := ix.align(qw, p, pid)
		same := who.speaks(p)
		switch {
		case same:
			if better(al, bestSame) {
				bestSame = al
			}
			if !q.Direct {
				if ps := ix.paraphrase(qw, p, pid); ps.score > bestPara.score {
					bestPara = ps
				}
			}
		case p.question:
			if better(al, bestQuestion) {
				bestQuestion = al
			}
			continue
		case ix.named(p):
			if better(al, bestOther) {
				bestOther = al
			}
		default:
			if better(al, bestUnnamed) {
				bestUnnamed = al
			}
		}
		if better(al, bestAny) {
			bestAny = al
		}
	}
	// Words are only put in another mouth when a named speaker's passage
	// matches them better than any passage of the speaker and any passage
	// of an unnamed speaker, who may be the speaker; an unnamed passage
	// that matches as well and is no wider (words the other speaker
	// quotes in a turn, a statement's quotation of no one it names) is
	// whose the words are.
	// Only a quote that names its speaker can be said to name the wrong
	// one: a speaker read from a title or a pronoun may be our mistake.
	wrong := known && q.SpeakerBy == model.SpeakerByName && bestOther.ok && bestOther.sim >= th.WrongSpeaker && m >= th.MinWrongSpeakerWords &&
		contentWords(qw) >= th.MinWrongSpeakerContent &&
		bestOther.sim > bestSame.sim && !ix.atLeastAsNarrow(bestUnnamed, bestOther) && !ix.sameSurname(who.name, &ix.ps[bestOther.p])
	// The words are a questioner's, found verbatim in a question and
	// nowhere better in an answer.
	question := q.Direct && bestQuestion.ok && bestQuestion.verbatim && !better(bestAny, bestQuestion) && !ix.atLeastAsNarrow(bestUnnamed, bestQuestion) && !better(bestSame, bestQuestion) &&
		m >= th.MinQuestionWords && contentWords(qw) >= th.MinQuestionWords
	switch {
	case question:
		// Not the speaker's words: the record gives them to the
		// questioner. With a named speaker that is a misattribution;
		// with none, nobody is accused.
		ix.set(q, bestQuestion, qw)
		q.QuestionerWords = true
		q.Verdict = model.VerdictNoRecord
		if known && q.SpeakerBy == model.SpeakerByName && (wrong || !better(bestOther, bestQuestion)) {
			q.Verdict = model.VerdictWrongSpeaker
		}
		q.Diff = fmt.Sprintf(QuestionerWords+" (%q)", ix.ps[bestQuestion.p].Speaker)
	case !known:
		// Unknown or anonymous speaker: at most, the words are in a
		// record. That accuses no one of anything.
		if q.Direct && bestAny.ok && bestAny.verbatim {
			ix.set(q, bestAny, qw)
			ix.speakerNotVerified(q, &ix.ps[bestAny.p], "the quote does not say who spoke")
		}
	case q.Direct && bestSame.ok && bestSame.verbatim:
		ix.set(q, bestSame, qw)
		q.SpeakerVerified = true
	case wrong && (q.Direct || bestPara.score < th.Paraphrase):
		ix.set(q, bestOther, qw)
		q.Verdict = model.VerdictWrongSpeaker
		q.Diff = joinNote(q.Diff, fmt.Sprintf("the record's speaker is %q", ix.ps[bestOther.p].Speaker))
	case q.Direct && bestOther.ok && bestOther.verbatim && m >= th.MinWrongSpeakerWords && better(bestOther, bestSame) && !ix.atLeastAsNarrow(bestUnnamed, bestOther):
		// The words are another speaker's in the record, but the quote
		// cannot be said to name the wrong one (a speaker read from a
		// title or a pronoun, a surname the record's speaker shares):
		// they are in the record, the speaker is not verified.
		ix.set(q, bestOther, qw)
		ix.speakerNotVerified(q, &ix.ps[bestOther.p], "the record gives the words to a speaker the quote may not mean")
	case q.Direct && better(bestUnnamed, bestSame) && bestUnnamed.verbatim:
		ix.set(q, bestUnnamed, qw)
		ix.speakerNotVerified(q, &ix.ps[bestUnnamed.p], "the record does not name its speaker")
	case q.Direct && ix.altered(bestSame, m):
		ix.set(q, bestSame, qw)
		q.SpeakerVerified = true
	case q.Direct:
		q.Score = bestSame.sim
	case bestPara.score >= th.Paraphrase && len(qw.dist) >= th.MinParaphraseWords && !bestPara.polarity &&
		!ix.ps[bestPara.p].quotes(bestPara.ws, bestPara.we) && ix.factsKept(qw, &ix.ps[bestPara.p], bestPara.ws, bestPara.we):
		// (not words the speaker quotes: "She said, “We will raise
		// taxes,” and that is wrong" supports no paraphrase of his)
		p := &ix.ps[bestPara.p]
		q.Verdict, q.Score = model.VerdictParaphrase, bestPara.score
		ev := ix.evidence(p, bestPara.ws, bestPara.we)
		q.Primary = &ev
		q.SpeakerVerified = true
	default:
		q.Score = bestPara.score
	}
}

// speakerNotVerified turns a verdict on the words into one that says
// only that the words are in the record.
func (ix *Index) speakerNotVerified(q *model.Quote, p *passage, why string) {
	q.Verdict = model.VerdictSpeakerNotVerified
	note := SpeakerNotVerified + ": " + why
	if p.Speaker != "" {
		note += fmt.Sprintf("; the record's speaker is %q", p.Speaker)
	}
	q.Diff = joinNote(q.Diff, note)
}

// altered reports whether an alignment with the speaker's own passage is
// the same sentence with its words changed: similar enough, long enough,
// most of the quote matched, and with a change that matters.
func (ix *Index) altered(al alignment, m int) bool {
	th := ix.th
	return al.ok && !al.verbatim && al.sim >= th.Altered && m >= th.MinAlteredWords &&
		float64(al.matches) >= th.AlteredCoverage*float64(m) && !ix.runsPast(al)
}

// runsPast reports whether the only changes of an alignment are quote
// words added before the start or after the end of its passage: the quote
// goes on where the record's turn was cut ("… and Velgrad will pay for"
// — an interruption — "it, believe me"), so the words are not altered
// there, only not all in this passage.
func (ix *Index) runsPast(al alignment) bool {
	if al.ops == nil {
		return false
	}
	p := &ix.ps[al.p]
	first, last := -1, -1 // the first and last ops that align to the record
	for k, op := range al.ops {
		if op != opIns {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return false
	}
	for k := first; k <= last; k++ {
		if op := al.ops[k]; op != opMatch && op != opSkip {
			return false // a change inside the aligned stretch
		}
	}
	head, tail := first > 0, last < len(al.ops)-1
	if head && al.lo+al.rj[first] != 0 {
		return false // words added before a record word that has words before it
	}
	if tail && al.lo+al.rj[last] != len(p.words)-1 {
		return false
	}
	return head || tail
}

// onOccasion reports whether a passage can be what the quoting document
// quotes: when the quote's sentence names kinds of occasion and the
// record's title names some, they share one (Quote.Occasions); the record
// is not dated after the quoting document; and when the quote's own
// clause or sentence dates the saying to a day, the record is of that
// day.
func (ix *Index) onOccasion(p *passage, q *model.Quote, doc *model.Document) bool {
	if len(q.Occasions) > 0 && len(p.occasions) > 0 && !shareAny(q.Occasions, p.occasions) {
		// the quote's sentence names a kind of occasion the record is
		// not ("said at a rally" against a debate's transcript)
		return false
	}
	if p.date.IsZero() {
		return true
	}
	if doc != nil && !doc.Date.IsZero() {
		latest := doc.Date
		if doc.DateEnd.After(latest) {
			latest = doc.DateEnd
		}
		if p.date.Format("2006-01-02") > latest.Format("2006-01-02") {
			return false
		}
	}
	if w := q.When; w != nil && (w.By == "clause" || w.By == "sentence") && len(w.Value) == 10 && w.End == "" {
		return w.Value == p.date.Format("2006-01-02")
	}
	return true
}

// shareAny reports whether a and b have a string in common.
func shareAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// sameSurname reports whether the record's speaker of passage p has the
// surname (last word) of name: then a title the lexicon does not know
// ("Alderwoman Varga" for "Ines Varga") may be all that differs, and the
// words are never put in another mouth.
func (ix *Index) sameSurname(name []string, p *passage) bool {
	other := ix.names[p.sid]
	return len(name) > 0 && len(other) > 0 && name[len(name)-1] == other[len(other)-1]
}

// QuestionerWords opens the note Verify adds to Diff when a quote's
// words are found only in a questioner's turn of a primary record.
const QuestionerWords = "the record gives these words to a questioner"

// contentWords counts the quote's distinct content stems.
func contentWords(qw quoteWords) int { return len(qw.dist) }

// named reports whether the record names the passage's speaker.
func (ix *Index) named(p *passage) bool { return len(ix.names[p.sid]) > 0 || p.Code != "" }

// freeFillers turns into free skips the record words a quote leaves out
// that make up one of the fillers ("you know"): a newspaper's clean
// quotation of a transcript's words, not an alteration.
func (ix *Index) freeFillers(ops []byte, rec []uint32, rj []int) {
	for _, ids := range ix.fillers {
		n := len(ids)
		for k := 0; k+n <= len(ops); k++ {
			all := true
			for i := 0; i < n && all; i++ {
				all = ops[k+i] == opDel && rec[rj[k+i]] == ids[i]
			}
			if all {
				for i := 0; i < n; i++ {
					ops[k+i] = opSkip
				}
			}
		}
	}
}

// freeLeadingConjunctions turns into a free skip a conjunction that
// opens a sentence of the record ("And I think …") which the quote leaves
// out where it starts its own sentence ("… tax returns? I think …"): a
// quotation trims it, and alters nothing. rec is the record's window
// from word lo of passage p.
func (ix *Index) freeLeadingConjunctions(ops []byte, qi, rj []int, rec []uint32, qw quoteWords, p *passage, lo int) {
	for k, op := range ops {
		if op != opDel || !ix.leadConj[rec[rj[k]]] || k+1 >= len(ops) || ops[k+1] != opMatch {
			continue
		}
		next := qi[k] + 1 // the quote's word after the one the word is dropped after
		if next >= len(qw.toks) || !qw.toks[next].sentStart || !p.opensSentence(lo+rj[k]) {
			continue
		}
		ops[k] = opSkip
	}
}

// factsKept reports whether every fact the reported speech states — a
// figure, or the name of a day or a month (a capitalised word of time) —
// is in the record's window [ws, we) or the words around it: "would meet
// on Friday" is no paraphrase of "will meet on Monday", however many
// other words they share. (Not every name: "in America" may paraphrase
// "in our country".)
func (ix *Index) factsKept(qw quoteWords, p *passage, ws, we int) bool {
	lo, hi := max(0, ws-ix.th.ParaphraseWindowMin), min(len(p.words), we+ix.th.ParaphraseWindowMin)
	in := func(i int) bool {
		for j := lo; j < hi; j++ {
			if qw.same(i, p.words[j]) {
				return true
			}
		}
		return false
	}
	for i, w := range qw.toks {
		r := []rune(w.raw)
		fact := len(r) > 0 && (unicode.IsDigit(r[0]) || unicode.IsUpper(r[0]) && ix.timeNames[w.norm])
		if fact && !in(i) {
			return false
		}
	}
	return true
}

// quotes reports whether at least half of the passage's words [ws, we)
// are words its speaker quotes.
func (p *passage) quotes(ws, we int) bool {
	n := 0
	for _, r := range p.quoted {
		n += max(0, min(we, int(r[1]))-max(ws, int(r[0])))
	}
	return we > ws && 2*n >= we-ws
}

// atLeastAsNarrow reports whether alignment a is better than b, or as
// good and in a passage of no more words: the narrower passage of the
// same words says more exactly whose they are.
func (ix *Index) atLeastAsNarrow(a, b alignment) bool {
	if better(a, b) {
		return true
	}
	if !a.ok || !b.ok || better(b, a) {
		return false
	}
	return len(ix.ps[a.p].words) <= len(ix.ps[b.p].words)
}

func better(a, b alignment) bool {
	if !a.ok {
		return false
	}
	if !b.ok {
		return true
	}
	if a.verbatim != b.verbatim {
		return a.verbatim
	}
	return a.sim > b.sim
}

func joinNote(diff, note string) string {
	if diff == "" {
		return note
	}
	return diff + " (" + note + ")"
}

// set records an alignment's verdict on q.
func (ix *Index) set(q *model.Quote, al alignment, qw quoteWords) {
	p := &ix.ps[al.p]
	ev := ix.evidence(p, al.ws, al.we)
	q.Primary = &ev
	q.Score = al.sim
	if al.verbatim {
		q.Verdict, q.Diff = model.VerdictVerbatim, ""
		return
	}
	q.Verdict, q.Diff = model.VerdictAltered, renderDiff(al.ops, al.qi, al.rj, qw, p, al.lo)
	q.PolarityChanged = al.negation
	for _, op := range al.ops {
		switch op {
		case opIns:
			q.WordsAdded++
		case opDel:
			q.WordsDropped++
		case opSub:
			q.WordsChanged++
		}
	}
}

func (ix *Index) evidence(p *passage, ws, we int) model.Evidence {
	s, e := int(p.starts[ws]), int(p.ends[we-1])
	ev := model.Evidence{Doc: p.Doc, Start: s, End: e, Text: p.text[s:e]}
	var b strings.Builder
	from := ws
	for _, k := range p.breaks {
		if int(k) <= from || int(k) >= we {
			continue
		}
		// a run's words over two turns: the turns' words, the label
		// between them left out
		b.WriteString(p.text[p.starts[from]:p.ends[k-1]])
		b.WriteString(" … ")
		from = int(k)
	}
	if b.Len() > 0 {
		b.WriteString(p.text[p.starts[from]:e])
		ev.Text = b.String()
	}
	return ev
}

// align aligns all of the quote's words to the best window of the
// passage (semi-global alignment: the quote end to end, the record from
// anywhere to anywhere). Record words may be skipped free of cost only
// where the quote has an ellipsis or a break between its parts.
func (ix *Index) align(qw quoteWords, p *passage, pid uint32) alignment {
	m := len(qw.ids)
	// Only the stretch of the passage around words the quote shares with
	// it can take part.
	lo, hi := -1, -1
	for j, w := range p.words {
		if qw.in[w] {
			if lo < 0 {
				lo = j
			}
			hi = j + 1
		}
	}
	if lo < 0 {
		return alignment{}
	}
	lo -= m
	if lo < 0 {
		lo = 0
	}
	hi += m
	if hi > len(p.words) {
		hi = len(p.words)
	}
	rec := p.words[lo:hi]
	n := len(rec)
	w := n + 1
	h := make([]int32, (m+1)*w)
	dir := make([]byte, (m+1)*w)
	for i := 1; i <= m; i++ {
		free := i < m && qw.toks[i].gapBefore
		h[i*w] = h[(i-1)*w] + scoreGap
		dir[i*w] = opIns
		for j := 1; j <= n; j++ {
			d := h[(i-1)*w+j-1] + scoreMismatch
			op := byte(opSub)
			if qw.same(i-1, rec[j-1]) {
				d, op = h[(i-1)*w+j-1]+scoreMatch, opMatch
			}
			if v := h[(i-1)*w+j] + scoreGap; v > d {
				d, op = v, opIns
			}
			skip, sop := int32(scoreGap), byte(opDel)
			if free {
				skip, sop = 0, opSkip
			}
			if v := h[i*w+j-1] + skip; v > d {
				d, op = v, sop
			}
			h[i*w+j], dir[i*w+j] = d, op
		}
	}
	bj := 0
	for j := 1; j <= n; j++ {
		if h[m*w+j] > h[m*w+bj] {
			bj = j
		}
	}
	// Trace back.
	var ops []byte
	var qi, rj []int
	i, j := m, bj
	for i > 0 {
		op := dir[i*w+j]
		if j == 0 {
			op = opIns
		}
		ops = append(ops, op)
		qi = append(qi, i-1)
		rj = append(rj, j-1)
		switch op {
		case opMatch, opSub:
			i--
			j--
		case opIns:
			i--
		default:
			j--
		}
	}
	reverse(ops)
	reverseInts(qi)
	reverseInts(rj)
	// An ellipsis standing for more than MaxEllipsisWords record words
	// does not excuse them: they count as dropped.
	for k := 0; k < len(ops); {
		if ops[k] != opSkip {
			k++
			continue
		}
		e := k
		for e < len(ops) && ops[e] == opSkip {
			e++
		}
		if e-k > ix.th.MaxEllipsisWords {
			for i := k; i < e; i++ {
				ops[i] = opDel
			}
		} else if !p.sentenceBreak(lo+rj[k], lo+rj[e-1]+1) {
			// An ellipsis inside one sentence may not stand for its
			// negation: "we will … pay" for "we will not pay".
			for i := k; i < e; i++ {
				if ix.isNeg[rec[rj[i]]] {
					ops[i] = opDel
				}
			}
		}
		k = e
	}
	ix.freeFillers(ops, rec, rj)
	ix.freeLeadingConjunctions(ops, qi, rj, rec, qw, p, lo)
	matches, changes, skipped := 0, 0, 0
	neg := false
	for k, op := range ops {
		switch op {
		case opMatch:
			matches++
		case opSkip:
			skipped++
		default:
			changes++
			if (op == opSub || op == opIns) && isNegation(ix.neg, qw.toks[qi[k]].norm) ||
				(op == opSub || op == opDel) && ix.isNeg[rec[rj[k]]] {
				neg = true
			}
		}
	}
	if matches == 0 {
		return alignment{}
	}
	ws := lo + j
	we := lo + bj
	recWords := we - ws - skipped
	al := alignment{p: pid, ws: ws, we: we, ok: true, negation: neg, matches: matches}
	al.sim = 2 * float64(matches) / float64(m+recWords)
	if al.sim > 1 {
		al.sim = 1
	}
	al.verbatim = changes == 0 && matches == m
	if !al.verbatim {
		al.ops, al.qi, al.rj, al.lo = ops, qi, rj, lo
	}
	return al
}

// renderDiff writes the word diff: [-record word-] {+quote word+}, with
// two words of context around each change and "…" for the rest.
func renderDiff(ops []byte, qi, rj []int, qw quoteWords, p *passage, lo int) string {
	recWord := func(k int) string {
		j := lo + rj[k]
		return p.text[p.starts[j]:p.ends[j]]
	}
	near := make([]bool, len(ops))
	for k, op := range ops {
		if op != opMatch && op != opSkip {
			for d := -2; d <= 2; d++ {
				if k+d >= 0 && k+d < len(ops) {
					near[k+d] = true
				}
			}
		}
	}
	var b strings.Builder
	elided := false
	put := func(s string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	for k, op := range ops {
		if op == opSkip || op == opMatch && !near[k] {
			if !elided {
				put("…")
				elided = true
			}
			continue
		}
		elided = false
		switch op {
		case opMatch:
			put(recWord(k))
		case opSub:
			put("[-" + recWord(k) + "-] {+" + qw.toks[qi[k]].raw + "+}")
		case opIns:
			put("{+" + qw.toks[qi[k]].raw + "+}")
		case opDel:
			put("[-" + recWord(k) + "-]")
		}
	}
	return b.String()
}

func reverse(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

func reverseInts(b []int) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

// paraScore is the best window of a passage for reported speech.
type paraScore struct {
	p      uint32
	score  float64
	ws, we int
	// polarity: the window and the quote disagree on negation (one says
	// "not" where the other does not).
	polarity bool
}

// paraphrase scores reported speech against passage p: the IDF-weighted
// share of the content's distinct stems found in the best window of
// whole sentences of the passage, windows holding at most
// max(ParaphraseWindow × content stems, ParaphraseWindowMin) content
// words.
func (ix *Index) paraphrase(qw quoteWords, p *passage, pid uint32) paraScore {
	best := paraScore{p: pid}
	total := 0.0
	for _, w := range qw.stemW {
		total += w
	}
	if total == 0 {
		return best
	}
	limit := int(ix.th.ParaphraseWindow * float64(len(qw.dist)))
	if limit < ix.th.ParaphraseWindowMin {
		limit = ix.th.ParaphraseWindowMin
	}
	weight := make(map[uint32]float64, len(qw.dist))
	for k, s := range qw.dist {
		if s != 0 {
			weight[s] = qw.stemW[k]
		}
	}
	sentEnd := func(k int) int {
		if k+1 < len(p.sents) {
			return int(p.sents[k+1])
		}
		return len(p.words)
	}
	for a := range p.sents {
		covered := map[uint32]bool{}
		got, content := 0.0, 0
		for b := a; b < len(p.sents); b++ {
			for j := int(p.sents[b]); j < sentEnd(b); j++ {
				s := ix.stemOf[p.words[j]]
				if s == 0 {
					continue
				}
				content++
				if wt, ok := weight[s]; ok && !covered[s] {
					covered[s] = true
					got += wt
				}
			}
			if content > limit && b > a {
				break
			}
			if sc := got / total; sc > best.score {
				best.score, best.ws, best.we = sc, int(p.sents[a]), sentEnd(b)
			}
		}
	}
	if best.we > best.ws {
		neg := 0
		for _, t := range qw.toks {
			if isNegation(ix.neg, t.norm) {
				neg++
			}
		}
		for j := best.ws; j < best.we; j++ {
			if ix.isNeg[p.words[j]] {
				neg++
			}
		}
		best.polarity = neg%2 == 1
	}
	return best
}

// opensSentence reports whether word i of the passage opens a sentence.
func (p *passage) opensSentence(i int) bool {
	k := sort.Search(len(p.sents), func(k int) bool { return int(p.sents[k]) >= i })
	return k < len(p.sents) && int(p.sents[k]) == i
}

// sentenceBreak reports whether a sentence of the passage starts at one
// of the words a+1 … b (word indexes).
func (p *passage) sentenceBreak(a, b int) bool {
	i := sort.Search(len(p.sents), func(i int) bool { return int(p.sents[i]) > a })
	return i < len(p.sents) && int(p.sents[i]) <= b
}
