package timex

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Tagger finds and normalises temporal expressions. It holds the compiled
// vocabulary and is safe for concurrent use.
type Tagger struct {
	v      *vocab
	words  map[string]*tenseWord // tense cues and clause breaks by first word
	dp     *dateparser.Parser
	dmy    *dateparser.Configuration
	mdy    *dateparser.Configuration
	parseF func(string) (int, int, int, bool)
}

type tenseCue struct {
	p   phrase
	dir Tense
}

// tenseWord is what tenseCues needs to know about a word, so that it
// looks each token up once.
type tenseWord struct {
	cues   []tenseCue // cues that start with the word, longest first
	brk    bool       // begins a clause
	report bool       // a reporting verb
	month  bool       // a month name: no cue when capitalised
}

// New loads the vocabulary from the embedded data files.
func New() (*Tagger, error) { return NewFS(data.Embedded()) }

// NewFS loads the vocabulary from fsys (see data.Open for user overrides).
func NewFS(fsys fs.FS) (*Tagger, error) {
	v, err := loadVocab(fsys)
	if err != nil {
		return nil, err
	}
	t := &Tagger{v: v, words: map[string]*tenseWord{}}
	word := func(w string) *tenseWord {
		tw := t.words[w]
		if tw == nil {
			tw = &tenseWord{}
			t.words[w] = tw
		}
		return tw
	}
	for _, l := range []struct {
		ps  []phrase
		dir Tense
	}{{v.past, TensePast}, {v.future, TenseFuture}, {v.unclear, tenseUnclear}, {v.noCue, TenseNone}} {
		for _, p := range l.ps {
			tw := word(p[0])
			tw.cues = append(tw.cues, tenseCue{p, l.dir})
		}
	}
	// Longest first, so that "would have" (past) wins over "would"
	// (future), "could not" (unclear) over "could" and "next to" (no
	// cue) over "next".
	for _, tw := range t.words {
		sort.SliceStable(tw.cues, func(i, j int) bool { return len(tw.cues[i].p) > len(tw.cues[j].p) })
	}
	for w := range v.clauseBreaks {
		word(w).brk = true
	}
	for w := range v.reporting {
		word(w).report = true
	}
	for w := range v.months {
		if tw := t.words[w]; tw != nil {
			tw.month = true
		}
	}
	// Numeric dates go to go-dateparser: English only, day-month-year
	// first, month-day-year when that is impossible. Only the absolute
	// parser is enabled; a fixed base keeps results independent of the
	// clock (numeric dates always carry their year).
	t.dp = &dateparser.Parser{ParserTypes: []dateparser.ParserType{dateparser.AbsoluteTime}}
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	t.dmy = &dateparser.Configuration{Languages: []string{"en"}, DateOrder: dateparser.DMY, CurrentTime: base, StrictParsing: true}
	t.mdy = &dateparser.Configuration{Languages: []string{"en"}, DateOrder: dateparser.MDY, CurrentTime: base, StrictParsing: true}
	t.parseF = t.parseNumeric
	return t, nil
}

// parseNumeric parses a numeric date string. The common forms with a
// four-digit year are read directly (go-dateparser takes milliseconds per
// call, see BenchmarkParseNumeric); the rest (two-digit years) go to
// go-dateparser.
func (t *Tagger) parseNumeric(s string) (int, int, int, bool) {
	if y, m, d, ok, done := parseNumericFast(s); done {
		return y, m, d, ok
	}
	return t.parseNumericDP(s)
}

// parseNumericFast reads Y-M-D with "-" and D/M/Y or D.M.Y (M/D/Y when the
// day-first reading is impossible) with a four-digit year. done is false
// when the string has another shape.
func parseNumericFast(s string) (y, m, d int, ok, done bool) {
	var sep byte
	for k := 0; k < len(s); k++ {
		if c := s[k]; c < '0' || c > '9' {
			sep = c
			break
		}
	}
	parts := strings.Split(s, string(sep))
	if sep == 0 || len(parts) != 3 {
		return 0, 0, 0, false, false
	}
	n := [3]int{}
	for k, p := range parts {
		if p == "" || len(p) > 4 {
			return 0, 0, 0, false, false
		}
		for _, c := range []byte(p) {
			if c < '0' || c > '9' {
				return 0, 0, 0, false, false
			}
			n[k] = n[k]*10 + int(c-'0')
		}
	}
	switch {
	case sep == '-' && len(parts[0]) == 4:
		y, m, d = n[0], n[1], n[2]
	case (sep == '/' || sep == '.') && len(parts[2]) == 4:
		y, m, d = n[2], n[1], n[0]
		if !validDay(y, m, d) {
			m, d = n[0], n[1]
		}
	default:
		return 0, 0, 0, false, false
	}
	if y < yearLo || !validDay(y, m, d) || m == 0 || d == 0 {
		return 0, 0, 0, false, true
	}
	return y, m, d, true, true
}

// parseNumericDP parses a numeric date string with go-dateparser.
func (t *Tagger) parseNumericDP(s string) (int, int, int, bool) {
	for _, cfg := range []*dateparser.Configuration{t.dmy, t.mdy} {
		d, err := t.dp.Parse(cfg, s)
		if err != nil || d.IsZero() || d.Period != date.Day {
			continue
		}
		y, m, dd := d.Time.Date()
		return y, int(m), dd, true
	}
	return 0, 0, 0, false
}

// Find returns the temporal expressions of doc, in text order,
// normalised against ref (the document date; the zero time means unknown,
// and expressions that need an anchor then get a year-less value such as
// "XXXX-06-04" or an empty Value). doc is the text layer's analysis of the
// text: tokens and sentences are enough ((*text.Analyzer).Segment), a
// fully analysed Doc does as well.
func (t *Tagger) Find(doc *text.Doc, ref time.Time) []model.Timex {
	return t.find(doc, ref, nil)
}

// FindWithTense is Find with the tense of every expression forced (for
// callers that know it better, e.g. from a parser); TenseNone means "no
// cue" for all of them.
func (t *Tagger) FindWithTense(doc *text.Doc, ref time.Time, tense Tense) []model.Timex {
	return t.find(doc, ref, &tense)
}

func (t *Tagger) find(doc *text.Doc, ref time.Time, force *Tense) []model.Timex {
	if doc == nil {
		return nil
	}
	toks, sent := read(doc)
	if len(toks) == 0 {
		return nil
	}
	para := make([]int, len(doc.Sentences))
	for i, st := range doc.Sentences {
		para[i] = st.Para
	}
	s := &scanner{v: t.v, text: doc.Text, toks: toks, sent: sent, para: para}
	specs := s.scan(t.parseF)
	if len(specs) == 0 {
		return nil
	}
	specs = s.merge(specs)
	cues := t.tenseCues(s)

	c := rctx{hasRef: !ref.IsZero()}
	if c.hasRef {
		c.ref = dayOf(ref)
	}
	years := s.sentenceYears(specs)
	out := make([]model.Timex, len(specs))
	res := make([]resolved, len(specs))
	var prev *resolved
	build := func(k int) {
		sp := specs[k]
		rc := c
		rc.prev = prev
		target := s.target(sp.s)
		if y, ok := years[s.sent[sp.s]]; ok && y.at < sp.s && !target {
			rc.sentYear = y.y
		}
		strong, any := s.tenseOf(sp, cues)
		rc.tense = any
		if any == TenseNone && sp.s > 0 && s.same(sp.s-1, sp.s) {
			switch w := s.toks[sp.s-1].low; {
			case t.v.pastPreps[w]:
				rc.tense = TensePast
			case t.v.futurePreps[w]:
				rc.tense = TenseFuture
			}
		}
		pastHint := false
		if sp.kind == KindDeadline {
			rc.tense = strong
			if strong == TenseNone {
				rc.tense, pastHint = TenseFuture, any == TensePast
			}
		}
		if (target || sp.kind == KindDeadline) && rc.tense == TensePast {
			// "was extended to 16 November", "declared a dividend,
			// payable 15 December", "said it would be done by 1
			// December": a past verb sets a date that may still be to
			// come. Take the nearest reading.
			rc.tense = TenseNone
		}
		if sp.kind == KindPoint && s.attributive(sp) {
			// "the 14 January deadline", "a 14 January return date":
			// no verb governs the date. Take the nearest reading.
			rc.tense = TenseNone
		}
		if sp.kind == KindPoint && rc.tense == TenseFuture && s.possessiveWeekday(sp) {
			// "would look for ways to get around Wednesday's ruling":
			// the nearest reading ("cited at Monday's debate" stays past)
			rc.tense = TenseNone
		}
		if rc.sentYear != 0 && c.hasRef && sp.a.rel == relAbs && sp.a.m != 0 {
			// A year of the sentence that puts a date on the wrong side
			// of the reference for its tense ("joined in July 1997 and
			// will take part on 12 March") is not its year.
			d := time.Date(rc.sentYear, time.Month(sp.a.m), max(sp.a.d, 1), 0, 0, 0, 0, time.UTC)
			if rc.tense == TenseFuture && d.Before(c.ref) || rc.tense == TensePast && d.After(c.ref) {
				rc.sentYear = 0
			}
		}
		if force != nil {
			rc.tense = *force
		}
		if sp.a.rel == relTime {
			rc.sentDay = s.sentenceDay(specs, res, k)
		}
		if (sp.a.rel == relAgo || sp.a.rel == relAna) && sp.a.unit == "Y" {
			rc.sentPeriod = s.sentencePeriod(specs, res, k)
		}
		out[k], res[k] = t.build(s, sp, &rc)
		if pastHint && c.hasRef && res[k].ok && res[k].t.After(c.ref.AddDate(0, 1, 0)) {
			// "had raised $287 million by the end of February" in a March
			// paper: a deadline a past verb speaks of is not eleven months
			// ahead ("ordered it released by Thursday" is days ahead, and
			// stays so). Take the nearest reading.
			rc.tense = TenseNone
			out[k], res[k] = t.build(s, sp, &rc)
		}
		switch rc.tense {
		case TensePast:
			out[k].Tense = "past"
		case TenseFuture:
			out[k].Tense = "future"
		}
		if (out[k].NoDate == "" && sp.kind == KindPoint || sp.a.decade) && s.spanBound(sp.s) {
			// ("the worst since the 1930s": the decade is where a span
			// begins, no period of its own)
			out[k].NoDate = model.NoDateSpan
		}
		if r := res[k]; r.ok && !r.noDate && !r.yearless && r.gran == GranDay {
			rr := r
			prev = &rr
		}
	}
	for k := range specs {
		if specs[k].a.rel != relTime {
			build(k)
		}
	}
	for k := range specs {
		if specs[k].a.rel == relTime {
			build(k)
		}
	}
	return out
}

// scan finds the candidate expressions, left to right, longest first.
func (s *scanner) scan(parse func(string) (int, int, int, bool)) []spec {
	var specs []spec
	for i := 0; i < len(s.toks); {
		if tk := s.toks[i]; tk.kind == tPunct && !s.decadeMark(i) || tk.kind == tWord && !s.v.starters[tk.low] && !(tk.cap && s.v.holidayAt[tk.low] != nil) {
			i++
			continue
		}
		best, found := spec{}, false
		try := func(sp spec, ok bool) {
			if ok && sp.e > i && (!found || sp.e > best.e) {
				best, found = sp, true
			}
		}
		try(s.interval(i, parse))
		try(s.deadline(i, parse))
		try(s.duration(i))
		try(s.coming(i))
		try(s.point(i, parse))
		try(s.reference(i))
		try(s.period(i))
		if found {
			specs = append(specs, best)
			i = best.e
			continue
		}
		i++
	}
	return specs
}

// spanBound reports whether a phrase that makes the expression at i the
// open end of a stretch of time ("since", "since at least", "until")
// ends right before it.
//
// "Did not vote until the afternoon" is the exception: a negation before
// "until" makes it the time the thing happened.
func (s *scanner) spanBound(i int) bool {
	for _, p := range s.v.spanPhrases {
		if j := i - len(p); j >= 0 && s.same(j, i) {
			if e, ok := s.phraseAt(j, p); ok && e == i {
				return !(s.v.futurePreps[p[len(p)-1]] && s.negatedBefore(j))
			}
		}
	}
	return false
}

// negatedBefore reports whether a negation ("not", "never", "n't")
// stands in the sentence within a few words before token j.
func (s *scanner) negatedBefore(j int) bool {
	for k := j - 1; k >= 0 && k >= j-12 && s.same(k, j); k-- {
		w := s.toks[k].low
		if s.v.negations[w] || w == "t" && s.is(k-1, "'") && s.is(k-2, "n") || w == "t" && s.is(k-1, "’") && s.is(k-2, "n") {
			return true
		}
	}
	return false
}

// attributive reports whether the date sp stands before a noun, after a
// determiner ("the 14 January deadline", "the company's 4 June
// statement"), where no verb governs it.
func (s *scanner) attributive(sp spec) bool {
	if sp.a.rel != relAbs || sp.a.d == 0 || s.is(sp.s, "the") || !s.same(sp.s-1, sp.e) || sp.e >= len(s.toks) {
		return false
	}
	before := s.low(sp.s - 1)
	if !s.v.determiners[before] && !s.possessive(sp.s-2) {
		return false
	}
	next := s.toks[sp.e]
	return next.kind == tWord && !next.cap && len(next.low) >= 4 && !s.v.monthPreps[next.low] && !s.v.yearPreps[next.low] && !s.v.clauseBreaks[next.low]
}

// possessiveWeekday reports whether sp is a bare weekday with a
// possessive ("Wednesday's ruling"): it dates its noun, and what the
// clause will do with that ruling does not put the ruling ahead.
func (s *scanner) possessiveWeekday(sp spec) bool {
	return sp.a.rel == relWeekday && sp.a.n == 0 && s.same(sp.s, sp.e+1) && s.toks[sp.e].glued && s.possessive(sp.e)
}

// capitalWord reports whether token k is a word with a capital.
func (s *scanner) capitalWord(k int) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].kind == tWord && s.toks[k].cap
}

// possessive reports whether tokens k and k+1 are a possessive ending,
// "'s" or "’s" (the scanner's pieces).
func (s *scanner) possessive(k int) bool {
	return (s.isPunct(k, "'") || s.isPunct(k, "’")) && s.is(k+1, "s")
}

// target reports whether the word before token i makes the date there a
// target that a past verb may set in the future ("extended to", "payable",
// "through").
func (s *scanner) target(i int) bool {
	j := i - 1
	if s.is(j, "the") {
		j--
	}
	return j >= 0 && s.same(j, i) && s.v.targetWords[s.low(j)]
}

// sentYear is the one explicit year of a sentence and the token where
// it is first stated.
type sentYear struct{ y, at int }

// sentenceYears maps a sentence to its one explicit year, when it has
// exactly one. A year-less date takes it only when it comes after it: in
// "redeem on 16 November its bonds due 2031", 2031 is not the year of
// the redemption.
func (s *scanner) sentenceYears(specs []spec) map[int]sentYear {
	seen := map[int]map[int]bool{}
	first := map[int]int{}
	add := func(sent, y, at int) {
		if y == 0 {
			return
		}
		if seen[sent] == nil {
			seen[sent] = map[int]bool{}
			first[sent] = at
		}
		seen[sent][y] = true
	}
	for _, sp := range specs {
		if sp.a.decade || sp.kind == KindDuration || sp.refVal != "" {
			continue
		}
		if sp.a.rel == relAbs {
			add(s.sent[sp.s], sp.a.y, sp.s)
		}
		if sp.kind == KindInterval && sp.b.rel == relAbs {
			add(s.sent[sp.s], sp.b.y, sp.s)
		}
	}
	out := map[int]sentYear{}
	for sent, ys := range seen {
		if len(ys) == 1 {
			for y := range ys {
				out[sent] = sentYear{y, first[sent]}
			}
		}
	}
	return out
}

// sentencePeriod returns the last expression before specs[k], in its
// sentence or the one before it in the paragraph, that names a period
// finer than a year (a quarter, a month, a day), for "a year earlier"
// and "a year ago", or nil.
func (s *scanner) sentencePeriod(specs []spec, res []resolved, k int) *resolved {
	here := s.sent[specs[k].s]
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if sj := s.sent[specs[j].s]; sj != here && (sj != here-1 || s.para[sj] != s.para[here]) {
			break
		}
		r := res[j]
		if !r.ok || r.noDate || r.yearless || r.gran == GranYear || r.gran == GranWeek || r.gran == GranWeekend ||
			specs[j].kind != KindPoint || r.part != nil && r.part.kind == "Y" {
			continue
		}
		return &r
	}
	return nil
}

// sentenceDay returns the nearest day-level expression of the sentence of
// specs[k], for a clock time.
func (s *scanner) sentenceDay(specs []spec, res []resolved, k int) *resolved {
	best, dist := -1, 0
	for j := max(0, k-8); j < len(specs) && j <= k+8; j++ {
		if j == k || s.sent[specs[j].s] != s.sent[specs[k].s] || specs[j].a.rel == relTime {
			continue
		}
		r := res[j]
		if !r.ok || r.gran != GranDay || r.yearless || r.noDate || specs[j].kind == KindInterval || specs[j].kind == KindDuration {
			continue
		}
		d := abs(specs[j].s - specs[k].s)
		if best < 0 || d < dist {
			best, dist = j, d
		}
	}
	if best < 0 {
		return nil
	}
	r := res[best]
	return &r
}

// tenseUnclear marks a cue that tells nothing ("could not"); it ends
// the search for a cue like any other and gives TenseNone.
const tenseUnclear Tense = 2

// cue is what a token tells about tense: dir is the direction of the cue
// it starts (TenseNone when none), strong tells auxiliaries, modals and
// listed verbs from -ed words, report marks a reporting verb ("said"),
// and brk a token that begins (a word) or ends (a mark) a clause.
type cue struct {
	dir    int8 // a Tense; int8 keeps the per-token slice small
	strong bool
	report bool
	brk    bool
}

// tenseCues marks each token for tenseOf.
func (t *Tagger) tenseCues(s *scanner) []cue {
	cs := make([]cue, len(s.toks))
	for i, tk := range s.toks {
		c := &cs[i]
		if tk.kind == tPunct {
			switch tk.low {
			case ",", ";", ":", "(", ")", "\"", "“", "”", "«", "»":
				c.brk = true
			}
			continue
		}
		if tk.kind != tWord {
			continue
		}
		tw := t.words[tk.low]
		if tw != nil {
			// a joiner inside a name ("Immigration and Naturalization
			// Service") joins no clauses
			c.brk = tw.brk && !(t.v.nameJoiners[tk.low] && s.capitalWord(i-1) && s.capitalWord(i+1) && s.same(i-1, i+1))
			if tw.month && tk.cap {
				continue // "May" the month, not the modal
			}
			for _, tc := range tw.cues {
				if _, ok := s.phraseAt(i, tc.p); ok {
					c.dir, c.strong = int8(tc.dir), true
					break
				}
			}
		}
		if c.dir == 0 && !tk.cap && len(tk.low) >= 5 && strings.HasSuffix(tk.low, "ed") && !t.v.edExceptions[tk.low] {
			c.dir = int8(TensePast)
		}
		if c.dir == int8(TensePast) && t.passive(s, i) {
			c.dir, c.strong = 0, false
		}
		if c.dir == int8(TenseFuture) && t.pastAuxBefore(s, i) {
			// "had been due to expire", "was scheduled to": a future
			// seen from the past, on either side of the reference.
			c.dir = int8(tenseUnclear)
		}
		c.report = c.dir != 0 && tw != nil && tw.report
	}
	return cs
}

// passive reports whether the word at i follows a present auxiliary of
// the passive ("are not paid", "will be held"): a participle, not a past
// tense.
func (t *Tagger) passive(s *scanner, i int) bool { return t.after(s, i, t.v.passiveAux) }

// pastAuxBefore reports whether the word at i follows a past form of
// "be" or "as" ("was due to", "had been scheduled to", "as previously
// planned").
func (t *Tagger) pastAuxBefore(s *scanner, i int) bool { return t.after(s, i, t.v.pastAux) }

// after reports whether the word at i follows one of words, with only
// the vocabulary's adverbs between (at most three words back).
func (t *Tagger) after(s *scanner, i int, words set) bool {
	for j := i - 1; j >= 0 && j >= i-3 && s.same(j, i); j-- {
		w := s.toks[j]
		switch {
		case w.kind != tWord:
			return false
		case words[w.low]:
			return true
		case !t.v.adverbs[w.low]:
			return false
		}
	}
	return false
}

// maxCueDistance bounds the search for a tense cue, in tokens, so that
// text without sentence ends stays linear.
const maxCueDistance = 60

// clauseOf returns the token range [lo, hi) of the clause around [i, j):
// from the last clause break before it (a break word is part of the
// clause it begins, a mark is not) to the next one after it, within the
// sentence and maxCueDistance.
func (s *scanner) clauseOf(i, j int, cs []cue) (int, int) {
	sent := s.sent[i]
	lo := i
	for lo > 0 && i-lo < maxCueDistance && s.sent[lo-1] == sent && !cs[lo-1].brk {
		lo--
	}
	if lo > 0 && s.sent[lo-1] == sent && cs[lo-1].brk && s.toks[lo-1].kind == tWord {
		lo--
	}
	hi := j
	for hi < len(s.toks) && hi-j < maxCueDistance && s.sent[hi] == sent && !cs[hi].brk {
		hi++
	}
	return lo, hi
}

// nearestCue returns the direction of the cue nearest to sp within
// [lo, hi) (outside sp), TenseNone when there is none. wantStrong skips
// weak cues; inClause admits reporting verbs.
func (s *scanner) nearestCue(sp spec, lo, hi int, cs []cue, wantStrong, inClause bool) Tense {
	ok := func(k int) bool {
		c := cs[k]
		return c.dir != 0 && (!wantStrong || c.strong) && (inClause || !c.report)
	}
	for d := 1; d <= maxCueDistance; d++ {
		l, r := sp.s-d, sp.e-1+d
		inL, inR := l >= lo, r < hi
		if !inL && !inR {
			break
		}
		if inL && ok(l) {
			return Tense(cs[l].dir)
		}
		if inR && ok(r) {
			return Tense(cs[r].dir)
		}
	}
	return TenseNone
}

// adverbial reports whether the clause at lo opens with an adverbial
// word ("In June, ...", "Speaking on 4 June, ...").
func (s *scanner) adverbial(lo int) bool {
	w := s.toks[lo]
	return w.kind == tWord && (s.v.adverbial[w.low] || len(w.low) > 5 && strings.HasSuffix(w.low, "ing"))
}

// tenseOf returns the tense for sp from strong cues only, and from cues of
// any strength. The expression's own clause decides: its nearest strong
// cue, else its nearest weak one. An opening adverbial ("In June, ...",
// "Speaking on 4 June, ...") with no cue takes the clause after it as its
// own. With no cue in the clause, the nearest cue of the sentence that
// is not a reporting verb decides, strong ones first. An unclear cue ("could
// not") gives TenseNone.
func (s *scanner) tenseOf(sp spec, cs []cue) (Tense, Tense) {
	lo, hi := s.clauseOf(sp.s, sp.e, cs)
	sent := s.sent[sp.s]
	if (lo == 0 || s.sent[lo-1] != sent) && s.adverbial(lo) && hi < len(s.toks) && s.sent[hi] == sent && s.toks[hi].low == "," &&
		s.nearestCue(sp, lo, hi, cs, false, true) == TenseNone && hi+1 < len(s.toks) && s.sent[hi+1] == sent {
		_, hi = s.clauseOf(hi+1, hi+1, cs)
		// "On 6 February, a spokesman, Col. Jane Doe, told …": the
		// subject may be set off by commas before its verb.
		for n := 0; n < 3 && s.nearestCue(sp, lo, hi, cs, false, true) == TenseNone &&
			hi+1 < len(s.toks) && s.toks[hi].low == "," && s.sent[hi+1] == sent; n++ {
			_, hi = s.clauseOf(hi+1, hi+1, cs)
		}
	}
	clear := func(t Tense) Tense {
		if t == tenseUnclear {
			return TenseNone
		}
		return t
	}
	if st := s.nearestCue(sp, lo, hi, cs, true, true); st != TenseNone {
		return clear(st), clear(st)
	}
	if any := s.nearestCue(sp, lo, hi, cs, false, true); any != TenseNone {
		return TenseNone, clear(any)
	}
	first, last := sp.s, sp.e
	for first > 0 && sp.s-first < maxCueDistance && s.sent[first-1] == sent {
		first--
	}
	for last < len(s.toks) && last-sp.e < maxCueDistance && s.sent[last] == sent {
		last++
	}
	if st := clear(s.nearestCue(sp, first, last, cs, true, false)); st != TenseNone {
		return st, st
	}
	return TenseNone, clear(s.nearestCue(sp, first, last, cs, false, false))
}

// build turns a spec into a model.Timex.
func (t *Tagger) build(s *scanner, sp spec, c *rctx) (x model.Timex, _ resolved) {
	x = model.Timex{Span: model.NewSpan(s.text, s.toks[sp.s].start, s.toks[sp.e-1].end), Kind: sp.kind}
	refDay := c.ref
	defer func() {
		if x.TimeML == "" {
			x.TimeML = t.timeML(x)
		}
	}()
	fmtDay := func(d time.Time, yearless bool) string {
		v := d.Format("2006-01-02")
		if yearless {
			v = "XXXX" + v[4:]
		}
		return v
	}
	switch {
	case sp.refVal != "":
		x.TimeML, x.NoDate = sp.refVal, model.NoDateVague
		return x, resolved{}
	case sp.kind == KindDuration:
		x.Value, x.Granularity = sp.dur, sp.openGr
		x.TimeML, x.NoDate = sp.dur, model.NoDateDuration
		if sp.vague {
			x.NoDate = model.NoDateVague
		}
		return x, resolved{}
	case sp.a.decade:
		x.Value, x.EndValue, x.Granularity = fmt.Sprintf("%04d", sp.a.y), fmt.Sprintf("%04d", sp.a.y+9), GranYear
		x.Future = c.hasRef && sp.a.y > refDay.Year()
		x.TimeML, x.NoDate = fmt.Sprintf("%03d", sp.a.y/10), model.NoDateDecade
		return x, resolved{}
	}
	r := resolve(sp.a, c)
	if sp.a.rel == relPart {
		x.Granularity, x.Anchor = partGran(sp.a.part.kind), r.anchor
		if sp.a.part.guess || r.part != nil && r.part.guess {
			x.NoDate = model.NoDateGuess
		}
		if r.ok {
			x.Value, x.EndValue, x.TimeML = partValues(r)
			x.Future = c.hasRef && r.t.After(refDay)
		}
		return x, r
	}
	if (sp.a.rel == relAgo || sp.a.rel == relAna) && sp.a.unit == "Y" && c.sentPeriod != nil {
		// "profit rose in the third quarter from a year earlier": the
		// same period, a year before.
		n := sp.a.n
		if sp.a.rel == relAgo {
			n = -n
		}
		q := *c.sentPeriod
		q.anchor = ""
		if q.part != nil {
			q.partY += n
			q.t = q.t.AddDate(n, 0, 0)
			x.Value, x.EndValue, x.TimeML = partValues(q)
			x.Granularity = partGran(q.part.kind)
			if q.part.guess {
				x.NoDate = model.NoDateGuess
			}
			return x, resolved{}
		}
		q.t = q.t.AddDate(n, 0, 0)
		q.pod, q.hasTime, q.weekday, q.mismatch = "", false, "", false
		x.Value, x.Granularity = q.value(), q.granularity()
		return x, resolved{}
	}
	x.Value, x.Granularity, x.PartOfDay, x.Anchor = r.value(), r.granularity(), r.pod, r.anchor
	if !r.ok && sp.a.rel == relAna && sp.a.unit == "Y" && c.hasRef {
		// "a year earlier" with nothing before it to count from: TimeML
		// counts from the document date; dossier leaves the date unknown.
		x.TimeML = fmt.Sprintf("%04d", refDay.Year()+sp.a.n)
	}
	x.Weekday, x.WeekdayMismatch = r.weekday, r.mismatch
	if !r.ok {
		x.Granularity = grainOf(sp.a)
	}
	dated := r.ok && !r.noDate && !r.yearless && c.hasRef
	switch sp.kind {
	case KindInterval:
		b := sp.b
		var rb resolved
		if r.ok && b.rel == relWeekday && sp.a.rel == relWeekday {
			rb = r
			rb.t = r.t.AddDate(0, 0, (b.wd-sp.a.wd+7)%7)
			rb.weekday, rb.mismatch = weekdayNames[b.wd], false
		} else {
			if b.rel == relAbs && b.y == 0 && r.ok && !r.yearless {
				b.y = r.t.Year()
				if b.m < int(r.t.Month()) || b.m == int(r.t.Month()) && b.d != 0 && b.d < r.t.Day() {
					b.y++
				}
			}
			rb = resolve(b, c)
			rb.yearless = r.yearless
			if r.yearless && rb.ok {
				rb.yearless = true
			}
		}
		x.EndValue = rb.value()
		if x.Anchor == "" {
			x.Anchor = rb.anchor
		}
		x.Future = dated && periodStart(r.t, r.gran).After(refDay)
	case KindDeadline:
		last := time.Time{}
		if r.ok && !r.noDate {
			last = periodEnd(r.t, r.gran)
			switch sp.dl {
			case dlEnd:
				if r.gran != GranDay {
					x.EndValue = fmtDay(last, r.yearless)
				}
			case dlMid:
				if r.gran == GranYear {
					last = time.Date(r.t.Year(), 6, 30, 0, 0, 0, 0, time.UTC)
				} else {
					last = time.Date(r.t.Year(), r.t.Month(), 15, 0, 0, 0, 0, time.UTC)
				}
				x.EndValue = fmtDay(last, r.yearless)
			}
		}
		x.Future = dated && last.After(refDay)
	default:
		x.Future = dated && (periodStart(r.t, r.gran).After(refDay) || r.later)
	}
	return x, r
}

// timeML returns the value of x in TimeML's conventions: the part of
// the day as a time ("2013-06-04TMO").
func (t *Tagger) timeML(x model.Timex) string {
	v := x.Value
	if v == "" {
		return ""
	}
	if x.PartOfDay != "" && len(v) == len("2006-01-02") {
		v += "T" + t.v.timemlPOD[x.PartOfDay]
	}
	return v
}

// grainOf is the granularity a partial date would have had.
func grainOf(p pdate) string {
	switch {
	case p.hasTime:
		return GranTime
	case p.pod != "":
		return GranPartOfDay
	case p.rel == relAna && (p.unit == "D" || p.unit == "W" || p.unit == "F"):
		return GranDay
	case p.rel == relUnit || p.rel == relAgo || p.rel == relAna:
		return unitGran(p.unit)
	case p.d != 0 || p.rel == relWeekday || p.rel == relDay:
		return GranDay
	case p.m != 0:
		return GranMonth
	}
	return GranYear
}

// YearForWeekday returns the years within ten of near in which the given
// day of month fell on weekday, in ascending order.
func (t *Tagger) YearForWeekday(day int, month time.Month, weekday time.Weekday, near int) []int {
	var out []int
	for y := near - 10; y <= near+10; y++ {
		if !validDay(y, int(month), day) || month < time.January || month > time.December {
			continue
		}
		if time.Date(y, month, day, 0, 0, 0, 0, time.UTC).Weekday() == weekday {
			out = append(out, y)
		}
	}
	return out
}
