package timex

import (
	"fmt"
	"io/fs"
	"strings"
	"time"

	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

// Tagger finds and normalises temporal expressions. It holds the compiled
// vocabulary and is safe for concurrent use.
type Tagger struct {
	v      *vocab
	cues   map[string][]tenseCue
	dp     *dateparser.Parser
	dmy    *dateparser.Configuration
	mdy    *dateparser.Configuration
	parseF func(string) (int, int, int, bool)
}

type tenseCue struct {
	p   phrase
	dir Tense
}

// New loads the vocabulary from the embedded data files.
func New() (*Tagger, error) { return NewFS(data.Embedded()) }

// NewFS loads the vocabulary from fsys (see data.Open for user overrides).
func NewFS(fsys fs.FS) (*Tagger, error) {
	v, err := loadVocab(fsys)
	if err != nil {
		return nil, err
	}
	t := &Tagger{v: v, cues: map[string][]tenseCue{}}
	for _, p := range v.past {
		t.cues[p[0]] = append(t.cues[p[0]], tenseCue{p, TensePast})
	}
	for _, p := range v.future {
		t.cues[p[0]] = append(t.cues[p[0]], tenseCue{p, TenseFuture})
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

// Find returns the temporal expressions in text, in text order,
// normalised against ref (the document date; the zero time means unknown,
// and expressions that need an anchor then get a year-less value such as
// "XXXX-06-04" or an empty Value).
func (t *Tagger) Find(text string, ref time.Time) []model.Timex {
	return t.find(text, ref, nil)
}

// FindWithTense is Find with the tense of every expression forced (for
// callers that know it better, e.g. from a parser); TenseNone means "no
// cue" for all of them.
func (t *Tagger) FindWithTense(text string, ref time.Time, tense Tense) []model.Timex {
	return t.find(text, ref, &tense)
}

func (t *Tagger) find(text string, ref time.Time, force *Tense) []model.Timex {
	toks := tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	s := &scanner{v: t.v, text: text, toks: toks, sent: sentences(toks, t.v.abbrevs)}
	specs := s.scan(t.parseF)
	if len(specs) == 0 {
		return nil
	}
	specs = s.merge(specs)
	cueDir, cueStrong := t.tenseCues(s)

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
		rc.sentYear = years[s.sent[sp.s]]
		strong, any := s.tenseOf(sp, cueDir, cueStrong)
		rc.tense = any
		if any == TenseNone && sp.s > 0 && s.same(sp.s-1, sp.s) {
			switch w := s.toks[sp.s-1].low; {
			case t.v.pastPreps[w]:
				rc.tense = TensePast
			case t.v.futurePreps[w]:
				rc.tense = TenseFuture
			}
		}
		if sp.kind == KindDeadline {
			rc.tense = strong
			if strong == TenseNone {
				rc.tense = TenseFuture
			}
		}
		if force != nil {
			rc.tense = *force
		}
		if sp.a.rel == relTime {
			rc.sentDay = s.sentenceDay(specs, res, k)
		}
		out[k], res[k] = t.build(s, sp, &rc)
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
		if tk := s.toks[i]; tk.kind == tPunct || tk.kind == tWord && !s.v.starters[tk.low] {
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
		if found {
			specs = append(specs, best)
			i = best.e
			continue
		}
		i++
	}
	return specs
}

// sentenceYears maps a sentence to its one explicit year, when it has
// exactly one.
func (s *scanner) sentenceYears(specs []spec) map[int]int {
	seen := map[int]map[int]bool{}
	add := func(sent, y int) {
		if y == 0 {
			return
		}
		if seen[sent] == nil {
			seen[sent] = map[int]bool{}
		}
		seen[sent][y] = true
	}
	for _, sp := range specs {
		if sp.a.decade || sp.kind == KindDuration || sp.open {
			continue
		}
		if sp.a.rel == relAbs {
			add(s.sent[sp.s], sp.a.y)
		}
		if sp.kind == KindInterval && sp.b.rel == relAbs {
			add(s.sent[sp.s], sp.b.y)
		}
	}
	out := map[int]int{}
	for sent, ys := range seen {
		if len(ys) == 1 {
			for y := range ys {
				out[sent] = y
			}
		}
	}
	return out
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

// tenseCues marks each token that starts a tense cue: dir is its
// direction and strong tells auxiliaries and listed verbs from -ed words.
func (t *Tagger) tenseCues(s *scanner) ([]Tense, []bool) {
	dir := make([]Tense, len(s.toks))
	strong := make([]bool, len(s.toks))
	for i, tk := range s.toks {
		if tk.kind != tWord {
			continue
		}
		for _, c := range t.cues[tk.low] {
			if _, ok := s.phraseAt(i, c.p); ok {
				dir[i], strong[i] = c.dir, true
				break
			}
		}
		if dir[i] == TenseNone && !tk.cap && len(tk.low) >= 5 && strings.HasSuffix(tk.low, "ed") && !t.v.edExceptions[tk.low] {
			dir[i] = TensePast
		}
	}
	return dir, strong
}

// maxCueDistance bounds the search for a tense cue, in tokens, so that
// text without sentence ends stays linear.
const maxCueDistance = 60

// tenseOf returns the tense of the nearest strong cue in the sentence of
// sp (outside sp), and the tense of the nearest cue of any strength,
// preferring strong ones.
func (s *scanner) tenseOf(sp spec, dir []Tense, strong []bool) (Tense, Tense) {
	sent := s.sent[sp.s]
	nearest := func(wantStrong bool) Tense {
		for d := 1; d <= maxCueDistance; d++ {
			l, r := sp.s-d, sp.e-1+d
			inL := l >= 0 && s.sent[l] == sent
			inR := r < len(s.toks) && s.sent[r] == sent
			if !inL && !inR {
				return TenseNone
			}
			if inL && dir[l] != TenseNone && (!wantStrong || strong[l]) {
				return dir[l]
			}
			if inR && dir[r] != TenseNone && (!wantStrong || strong[r]) {
				return dir[r]
			}
		}
		return TenseNone
	}
	st := nearest(true)
	if st != TenseNone {
		return st, st
	}
	return TenseNone, nearest(false)
}

// build turns a spec into a model.Timex.
func (t *Tagger) build(s *scanner, sp spec, c *rctx) (model.Timex, resolved) {
	x := model.Timex{Span: model.NewSpan(s.text, s.toks[sp.s].start, s.toks[sp.e-1].end), Kind: sp.kind}
	refDay := c.ref
	fmtDay := func(d time.Time, yearless bool) string {
		v := d.Format("2006-01-02")
		if yearless {
			v = "XXXX" + v[4:]
		}
		return v
	}
	switch {
	case sp.kind == KindDuration:
		x.Value, x.Granularity = sp.dur, sp.openGr
		return x, resolved{}
	case sp.open:
		x.Granularity = GranDay
		if c.hasRef {
			x.Value = refDay.AddDate(0, 0, 1).Format("2006-01-02")
			x.Anchor, x.Future = c.anchor(), true
		}
		return x, resolved{}
	case sp.a.decade:
		x.Value, x.EndValue, x.Granularity = fmt.Sprintf("%04d", sp.a.y), fmt.Sprintf("%04d", sp.a.y+9), GranYear
		x.Future = c.hasRef && sp.a.y > refDay.Year()
		return x, resolved{}
	case sp.kind == KindDeadline && sp.dl == dlWithin:
		x.Granularity = GranDay
		if c.hasRef {
			x.Value = shift(refDay, -sp.a.n, sp.a.unit).Format("2006-01-02")
			x.Anchor, x.Future = c.anchor(), true
		}
		return x, resolved{}
	}
	r := resolve(sp.a, c)
	x.Value, x.Granularity, x.PartOfDay, x.Anchor = r.value(), r.granularity(), r.pod, r.anchor
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
