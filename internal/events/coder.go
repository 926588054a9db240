package events

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Coder codes events from analysed documents and their actor mentions.
// It is immutable and safe for concurrent use.
type Coder struct {
	lx   *lexicon
	pats *Patterns
}

// NewCoder returns a coder for the patterns p. When p carries no CAMEO
// code table or grammar lists (a PETRARCH dictionary loaded on its own),
// the shipped ones are used for what is missing.
func NewCoder(p *Patterns) *Coder {
	if p == nil {
		p = newPatterns()
	}
	if len(p.codes) == 0 || len(p.grammar) == 0 || len(p.irregular) == 0 {
		if def, err := DefaultPatterns(); err == nil {
			base := newPatterns()
			base.codes, base.roots, base.grammar, base.irregular = def.codes, def.roots, def.grammar, def.irregular
			p = base.Merge(p)
		}
	}
	return &Coder{lx: p.compile(), pats: p}
}

// Patterns returns the coder's patterns.
func (c *Coder) Patterns() *Patterns { return c.pats }

// Code codes the events of one document: td is its text analysis and ms
// its resolved actor mentions. Events come in text order with ids
// "<short doc id>-e<n>".
func (c *Coder) Code(doc *model.Document, td *text.Doc, ms []model.Mention) []model.Event {
	if doc == nil || td == nil || len(ms) == 0 {
		return nil
	}
	bySent := make(map[int][]model.Mention)
	for _, m := range ms {
		if m.Start < 0 || m.End > len(td.Text) || m.Start >= m.End {
			continue
		}
		si := m.Sentence
		if si < 0 || si >= len(td.Sentences) || !td.Sentences[si].Contains(m.Span) {
			si = td.SentenceAt(m.Start)
		}
		if si < 0 {
			continue
		}
		bySent[si] = append(bySent[si], m)
	}
	var out []model.Event
	s := &sent{lx: c.lx, doc: doc}
	for si := range td.Sentences {
		sm := bySent[si]
		if len(sm) == 0 {
			continue
		}
		s.reset(td.Sentences[si].Span, td.SentenceTokens(si), sm)
		if s.ques {
			// A question asserts nothing: "Will the council impose
			// sanctions?" is not an event, not even a hypothetical one.
			continue
		}
		out = s.code(out)
	}
	for i := range out {
		out[i].ID = doc.ShortID() + "-e" + strconv.Itoa(i+1)
	}
	return out
}

// sent holds one sentence being coded. It is reused across sentences.
type sent struct {
	lx     *lexicon
	doc    *model.Document
	span   model.Span
	toks   []text.Token
	low    []string
	ms     []model.Mention
	sorted []model.Mention
	mtok   [][2]int // token range [start, end) of each mention
	mAt    []int    // mention covering each token, or -1
	gOf    []int    // group of each mention
	grp    [][]int  // mention groups (compound actors)
	hypo   bool     // the sentence is conditional
	ques   bool     // the sentence is a question: it is not coded
	conds  []int    // tokens that open a condition ("if", "unless")
	unas   []bool   // tokens in a denied or doubted clause (see markUnasserted)
	title  bool     // the sentence is a title-case headline
	done   map[[2]int]bool
	seen   map[evKey]bool // events of the sentence, by participants, code and flags
	buf    []string
}

func (s *sent) reset(span model.Span, toks []text.Token, ms []model.Mention) {
	s.span, s.toks = span, toks
	s.low = s.low[:0]
	s.mAt = s.mAt[:0]
	for _, t := range toks {
		s.low = append(s.low, normWord(t.Text))
		s.mAt = append(s.mAt, -1)
	}
	ms = append(s.sorted[:0], ms...)
	s.sorted = ms
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	s.ms = s.ms[:0]
	s.mtok = s.mtok[:0]
	for _, m := range ms {
		// The tokens are in text order and do not overlap: the first one
		// that ends after the mention starts, and those after it up to
		// the mention's end, are its tokens (a binary search keeps a
		// sentence with many mentions from costing tokens × mentions).
		a, b := -1, -1
		for k := sort.Search(len(toks), func(k int) bool { return toks[k].End > m.Start }); k < len(toks) && toks[k].Start < m.End; k++ {
			if a < 0 {
				a = k
			}
			b = k + 1
		}
		if a < 0 {
			continue
		}
		// A mention inside one already placed (nested) is dropped; of two
		// adjacent mentions of one actor, the first stands.
		if s.mAt[a] >= 0 {
			continue
		}
		idx := len(s.ms)
		s.ms = append(s.ms, m)
		s.mtok = append(s.mtok, [2]int{a, b})
		for k := a; k < b; k++ {
			if s.mAt[k] < 0 {
				s.mAt[k] = idx
			}
		}
	}
	s.group()
	s.hypo, s.ques = false, false
	s.conds = s.conds[:0]
	for k, w := range s.low {
		switch {
		case s.conditional(k):
			s.hypo = true
			s.conds = append(s.conds, k)
		case w == "?" && k >= len(s.low)-2:
			s.ques = true
		}
	}
	s.title = s.headline()
	s.markUnasserted()
	clear(s.done)
	if s.done == nil {
		s.done = map[[2]int]bool{}
	}
	clear(s.seen)
	if s.seen == nil {
		s.seen = map[evKey]bool{}
	}
}

// conditional reports whether token k opens a condition. "provided" and
// "providing" do so only as conjunctions ("provided that", "provided
// Kenya agrees"), not as verbs ("Kenya provided aid").
func (s *sent) conditional(k int) bool {
	w := s.low[k]
	if !s.lx.is("conditional", w) {
		return false
	}
	if w == "provided" || w == "providing" || w == "suppose" || w == "supposing" {
		return k+1 < len(s.low) && s.low[k+1] == "that" || s.tag(k) == "IN" || s.tag(k) == "CC"
	}
	return true
}

// hypothetical decides the Hypothetical flag of an event whose verb group
// says ctx. A condition anywhere in the sentence makes the
// event hypothetical, except for an expressed intention (CAMEO 03x) or a
// threat that itself happened: when the expression ("declared its readiness",
// "offered", "pledged") is neither future nor modal and every condition
// comes after it, the condition governs the intended action, not the
// expression ("X declared its readiness to send troops if asked").
func (s *sent) hypothetical(ctx verbCtx, code string) bool {
	if ctx.hypo {
		return true
	}
	if !s.hypo {
		return false
	}
	if ctx.expr < 0 || ctx.exprOpen || !strings.HasPrefix(code, "03") && !ctx.stmt {
		return true
	}
	for _, c := range s.conds {
		if c < ctx.expr {
			return true
		}
	}
	return false
}

// normWord lower-cases a token and folds typographic apostrophes.
func normWord(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// group joins mentions separated only by coordination ("Chad and Niger",
// "Chad, Niger and Mali") into compound actors. A list joined only by
// commas is not a compound (it is more often an apposition).
func (s *sent) group() {
	s.gOf = s.gOf[:0]
	s.grp = s.grp[:0]
	for i := range s.ms {
		if i > 0 {
			prev := s.grp[len(s.grp)-1]
			last := prev[len(prev)-1]
			between := s.low[s.mtok[last][1]:s.mtok[i][0]]
			if len(between) > 0 && s.coordinates(between) {
				s.grp[len(s.grp)-1] = append(prev, i)
				s.gOf = append(s.gOf, len(s.grp)-1)
				continue
			}
		}
		s.grp = append(s.grp, []int{i})
		s.gOf = append(s.gOf, len(s.grp)-1)
	}
	// Split comma-only groups back into single mentions.
	for gi := 0; gi < len(s.grp); gi++ {
		g := s.grp[gi]
		if len(g) < 2 {
			continue
		}
		hasAnd := false
		for k := s.mtok[g[0]][1]; k < s.mtok[g[len(g)-1]][0]; k++ {
			if s.low[k] != "," && s.mAt[k] < 0 {
				hasAnd = true
			}
		}
		if hasAnd {
			continue
		}
		s.grp[gi] = g[:1]
		for _, m := range g[1:] {
			s.grp = append(s.grp, []int{m})
			s.gOf[m] = len(s.grp) - 1
		}
	}
}

func (s *sent) coordinates(ws []string) bool {
	for _, w := range ws {
		if !(s.lx.is("coordination", w) || w == "as" || w == "well") {
			return false
		}
	}
	return true
}

func (s *sent) tag(k int) string { return s.toks[k].Tag }

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }
func isFinite(t string) bool  { return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" }
func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") }
func isModTag(t string) bool {
	return t == "JJ" || t == "JJR" || t == "JJS" || t == "NN" || t == "NNS" || t == "VBN" || t == "CD" || t == "HYPH"
}
func isDetTag(t string) bool {
	return t == "DT" || t == "PRP$" || t == "PDT" || t == "CD" || t == "POS"
}
func isAdverbTag(t string) bool { return strings.HasPrefix(t, "RB") }

// boundary reports whether token k opens or closes a clause.
func (s *sent) boundary(k int) bool {
	w := s.low[k]
	switch w {
	case ";", ":", "\"", "“", "”", "(", ")", "--", "–", "—", "‘":
		return true
	case "that":
		return s.tag(k) != "DT"
	}
	return s.lx.is("clause", w)
}

// hardBoundary reports whether token k is punctuation that ends a clause.
func (s *sent) hardBoundary(k int) bool {
	switch s.low[k] {
	case ";", ":", "\"", "“", "”", "(", ")", "--", "–", "—":
		return true
	}
	return false
}

// verbCtx is what the words around a verb say about its event.
type verbCtx struct {
	start   int // first token of the verb group
	anchor  int // where to look left from for the subject
	neg     bool
	fut     bool
	hypo    bool
	intent  bool
	passive bool
	skip    bool
	// expr is the token that expresses the intention (an intent governor
	// or an intent trigger), or -1; exprOpen says that expression is
	// itself future, modal or conditional-bound ("will declare").
	expr     int
	exprOpen bool
	// dated: "not … until X" cleared the negation.
	dated bool
	// stmt: the trigger is a threat or warning; a condition after it
	// governs what is threatened, not the threat.
	stmt bool
}

// analyzeVerb reads the verb group of the verb at i and, for infinitives
// and gerunds, the verb that governs it.
func (s *sent) analyzeVerb(i, depth int) verbCtx {
	ctx := verbCtx{start: i, anchor: i, expr: -1}
	lx := s.lx
	hasBe, hasHave, past, notNeg := false, false, false, false
	k := i - 1
	for ; k >= 0; k-- {
		w := s.low[k]
		switch {
		case lx.is("future", w):
			ctx.fut = true
		case lx.is("modal", w) && s.isModal(k):
			ctx.hypo = true
		case lx.is("be", w):
			hasBe = true
			past = past || w == "was" || w == "were"
		case lx.is("have", w):
			hasHave = true
			past = past || w == "had"
		case lx.is("do", w):
			past = past || w == "did"
		case lx.is("negators", w) && w != "no" && w != "without":
			ctx.neg = true
			notNeg = notNeg || w == "not" || w == "n't"
		case (isAdverbTag(s.tag(k)) || lx.is("adverbial", w)) && w != "so" && w != "as" && s.mAt[k] < 0:
		default:
			goto done
		}
	}
done:
	ctx.start = k + 1
	ctx.anchor = ctx.start
	t := s.tag(i)
	if notNeg && !ctx.hypo {
		// "did not meet until June": it met, in June.
		if s.until(i + 1) {
			ctx.neg, ctx.dated = false, true
			if !past && t != "VBD" {
				// "will not attack until Y withdraws": a condition.
				ctx.hypo = true
			}
		}
	}
	if hasBe && (t == "VBN" || (t == "VBD" && strings.HasSuffix(s.low[i], "ed"))) {
		ctx.passive = true
	}
	if !hasBe && !hasHave && t == "VBN" && ctx.start == i && i > 0 {
		// Reduced relative: "the support offered by the AU".
		if p := s.tag(i - 1); isNounTag(p) || s.mAt[i-1] >= 0 {
			ctx.passive = true
		}
	}
	if t == "VBG" && ctx.start == i && i > 0 && !hasBe {
		if p := s.tag(i - 1); isDetTag(p) || s.lx.is("possessive", s.low[i-1]) || p == "JJ" {
			ctx.skip = true // "the meeting": a noun
			return ctx
		}
	}
	st := ctx.start
	if depth > 3 {
		return ctx
	}
	switch {
	case st > 0 && s.low[st-1] == "to" && !hasHave && !ctx.fut:
		s.governor(&ctx, st-2, depth)
	case st > 0 && (t == "VBG" || strings.HasSuffix(s.low[i], "ing")) && st == i && s.isPrep(st-1):
		p := s.low[st-1]
		gv := -1
		for k := st - 2; k >= 0 && !s.boundary(k); k-- {
			if isVerbTag(s.tag(k)) && s.mAt[k] < 0 {
				gv = k
				break
			}
		}
		if gv < 0 {
			ctx.skip = true
			return ctx
		}
		g := s.analyzeVerb(gv, depth+1)
		ctx.anchor = g.anchor
		ctx.neg = ctx.neg || g.neg
		ctx.fut = ctx.fut || g.fut || g.intent
		ctx.hypo = ctx.hypo || g.hypo
		if g.intent {
			ctx.intent = true
			ctx.expr, ctx.exprOpen = g.expr, g.exprOpen
		}
		if g.skip || g.passive {
			ctx.skip = true
		}
		switch p {
		case "by", "through", "via", "after", "while", "in", "when", "before", "upon", "on":
		case "without":
			ctx.neg = true
		default: // "about deploying", "for helping", "of sending": a topic, not an act
			ctx.hypo = true
		}
	}
	if !ctx.neg && !ctx.dated {
		ctx.neg = s.negatedLeft(ctx.anchor)
	}
	return ctx
}

// until reports whether a delimiter ("until", "till") follows token k in
// the same clause.
func (s *sent) until(k int) bool {
	n := len(s.low)
	for j := k; j < n && j < k+10; j++ {
		w := s.low[j]
		if s.boundary(j) || w == "," || w == "." || w == ";" {
			return false
		}
		if s.lx.is("delimiters", w) && s.mAt[j] < 0 {
			return true
		}
	}
	return false
}

// isModal tells the modal "may" from the month "May".
func (s *sent) isModal(k int) bool {
	t := s.toks[k].Text
	return s.tag(k) == "MD" || (t != "" && t[0] >= 'a' && t[0] <= 'z')
}

func (s *sent) isPrep(k int) bool {
	if k < 0 {
		return false
	}
	return s.lx.is("prepositions", s.low[k]) || s.tag(k) == "IN"
}

// governor handles "GOV to VERB": g is the token before "to".
func (s *sent) governor(ctx *verbCtx, g, depth int) {
	for g >= 0 && isAdverbTag(s.tag(g)) && s.mAt[g] < 0 {
		g--
	}
	if g < 0 {
		ctx.skip = true
		return
	}
	w := s.low[g]
	kind := ""
	for _, l := range s.lx.lemmas(w, s.buf[:0]) {
		switch {
		case s.lx.is("intent", l):
			kind = "intent"
		case s.lx.is("negative", l):
			kind = "negative"
		case s.lx.is("hypothetical", l):
			kind = "hypo"
		case l == "going" || l == "due" || l == "about":
			kind = "future"
		}
		if kind != "" {
			break
		}
	}
	if kind == "" && (w == "is" || w == "are" || w == "was" || w == "were") {
		kind = "future" // "X is to visit Y"
	}
	if kind == "" {
		// "asked the AU to help": the action belongs to the request, which
		// its own pattern codes; "the capacity to control": not an act.
		ctx.skip = true
		return
	}
	// The governor's own verb: itself, or the verb an adjective or noun
	// governor depends on ("stand ready", "declared its readiness").
	gv := g
	if !isVerbTag(s.tag(g)) || s.tag(g) == "VBN" && !s.lx.is("intent", w) {
		gv = -1
		for k := g - 1; k >= 0 && k >= g-5 && !s.boundary(k); k-- {
			if s.mAt[k] >= 0 {
				break
			}
			if isVerbTag(s.tag(k)) || s.lx.is("be", s.low[k]) {
				gv = k
				break
			}
		}
	}
	exprOpen := false
	if gv < 0 {
		ctx.anchor = g
	} else {
		gc := s.analyzeVerb(gv, depth+1)
		if gc.skip || gc.passive {
			ctx.skip = true
			return
		}
		ctx.anchor = gc.anchor
		ctx.neg = ctx.neg || gc.neg
		ctx.hypo = ctx.hypo || gc.hypo
		ctx.fut = ctx.fut || gc.fut || gc.intent
		if gc.intent {
			ctx.intent = true
			ctx.expr, ctx.exprOpen = gc.expr, gc.exprOpen
		}
		exprOpen = gc.fut || gc.hypo
	}
	switch kind {
	case "intent":
		ctx.intent, ctx.fut = true, true
		if ctx.expr < 0 {
			// The outermost expression of intent counts.
			ctx.expr, ctx.exprOpen = g, exprOpen
		}
	case "negative":
		ctx.neg = true
	case "hypo":
		ctx.hypo = true
	case "future":
		ctx.fut = true
	}
}

// negatedLeft looks for a negator between the clause start and k. A
// negator belongs to the nearest verb on its right: one that stands
// behind another verb ("did not say whether Y agreed"), a subordinating
// word ("did not approve it until Y agreed") or a conditional word does
// not negate k. Verbs joined by coordination share it ("did not approve
// or sign").
func (s *sent) negatedLeft(k int) bool {
	coordinated := true // only coordination between j and k so far
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		w := s.low[j]
		if s.boundary(j) || s.lx.is("subordinators", w) || s.lx.is("conditional", w) || s.lx.is("delimiters", w) {
			return false
		}
		if s.mAt[j] >= 0 {
			coordinated = false
			continue
		}
		if w == "," {
			// ", which was not consulted," or ", who asked not to be
			// named,": the negation belongs to the relative clause.
			if q := s.openingComma(j); q >= 0 && s.lx.is("relative", s.low[q+1]) {
				j = q
				coordinated = false
				continue
			}
		}
		if s.lx.is("negators", w) {
			return true
		}
		if isVerbTag(s.tag(j)) && !coordinated {
			return false
		}
		if !s.lx.is("coordination", w) && !s.lx.is("verb_coordination", w) && !isVerbTag(s.tag(j)) {
			coordinated = false
		}
	}
	return false
}

// openingComma returns the comma before the comma at j in the same
// clause, with at least one word between, or -1.
func (s *sent) openingComma(j int) int {
	for x := j - 1; x >= 0 && !s.hardBoundary(x); x-- {
		if s.low[x] == "," {
			if x+1 < j {
				return x
			}
			return -1
		}
	}
	return -1
}

// sourceLeft finds the mention group in subject position left of k.
// A verb group coordinated with an earlier verb ("X accused Y of … and
// demanded …") has that verb's subject: the object of the first verb is
// never the subject of the second.
func (s *sent) sourceLeft(k int) int {
	if k > 0 && s.lx.is("verb_coordination", s.low[k-1]) {
		if v := s.coordinatedVerb(k - 1); v >= 0 {
			return s.sourceLeft(s.analyzeVerb(v, 3).anchor)
		}
		return -1
	}
	if k > 0 && s.low[k-1] == "," && !s.parenthetical(k-1) {
		// "X criticized Y, thanked Z and …"
		if v := s.coordinatedVerb(k - 1); v >= 0 {
			return s.sourceLeft(s.analyzeVerb(v, 3).anchor)
		}
	}
	for j := k - 1; j >= 0; j-- {
		if m := s.mAt[j]; m >= 0 {
			g := s.gOf[m]
			gs := s.mtok[s.grp[g][0]][0]
			ge := s.mtok[s.grp[g][len(s.grp[g])-1]][1]
			gerundSubject := ge == k && k < len(s.low) && s.tag(k) == "VBG"
			if s.blockedByPrep(gs) && !gerundSubject && !s.clauseSubject(gs, ge, k) {
				j = gs
				continue
			}
			return g
		}
		w := s.low[j]
		if s.boundary(j) || s.lx.is("subordinators", w) {
			return -1
		}
		if w == "," {
			q := -1
			for x := j - 1; x >= 0 && !s.hardBoundary(x); x-- {
				if s.low[x] == "," {
					q = x
					break
				}
			}
			if q >= 0 && s.skippable(q, j) {
				j = q
				continue
			}
			continue
		}
		t := s.tag(j)
		if isFinite(t) || t == "VB" {
			return -1
		}
		if s.lx.is("subject_pronouns", w) && s.tag(j) != "DT" {
			return -1
		}
		if s.lx.is("demonstratives", w) {
			return -1
		}
	}
	return -1
}

// coordinatedVerb finds the verb that a verb right after the coordinator
// at c is coordinated with: the nearest verb to the left in the clause,
// passing objects and gerunds after a preposition ("accused the
// government of hiding the outbreak and demanded …" → "accused"); -1
// when there is none.
func (s *sent) coordinatedVerb(c int) int {
	for j := c - 1; j >= 0; j-- {
		if s.boundary(j) || s.lx.is("subordinators", s.low[j]) {
			return -1
		}
		if s.mAt[j] >= 0 || !isVerbTag(s.tag(j)) {
			continue
		}
		if s.tag(j) == "VBG" && s.isPrep(j-1) {
			continue
		}
		return j
	}
	return -1
}

// skippable reports whether the tokens between the commas at q and j are
// a relative clause or a verbless apposition, to skip when looking for a
// subject: "Kenya, which borders Somalia, …", "Peru, a neighbour of
// Chile, …".
func (s *sent) skippable(q, j int) bool {
	seg := s.low[q+1 : j]
	return len(seg) > 0 && (s.lx.is("relative", seg[0]) || !s.hasVerb(q+1, j)) && !s.segHasMentionOnly(q+1, j)
}

// parenthetical reports whether the comma at j closes a skippable
// segment.
func (s *sent) parenthetical(j int) bool {
	q := s.openingComma(j)
	return q >= 0 && s.skippable(q, j)
}

// segHasMentionOnly reports whether tokens [a,b) hold a mention group and
// nothing but it and coordination: then they are not an apposition to skip
// but a list of subjects.
func (s *sent) segHasMentionOnly(a, b int) bool {
	saw := false
	for k := a; k < b; k++ {
		if s.mAt[k] >= 0 {
			saw = true
			continue
		}
		if !s.lx.is("coordination", s.low[k]) && !isDetTag(s.tag(k)) {
			return false
		}
	}
	return saw
}

func (s *sent) hasVerb(a, b int) bool {
	for k := a; k < b; k++ {
		if isVerbTag(s.tag(k)) && s.mAt[k] < 0 {
			return true
		}
	}
	return false
}

// clauseSubject reports whether the mention group at tokens [gs, ge),
// right after a subordinating word that is also a preposition, is the
// subject of the verb group starting at k: in "after Somalia attacked
// Ethiopia", Somalia attacked; in "after talks with Somalia, Kenya
// agreed", Somalia is an object.
func (s *sent) clauseSubject(gs, ge, k int) bool {
	if ge != k || k >= len(s.low) || !isFinite(s.tag(k)) && !s.lx.is("be", s.low[k]) && !s.lx.is("have", s.low[k]) {
		return false
	}
	b := gs - 1
	for b >= 0 && isDetTag(s.tag(b)) && s.mAt[b] < 0 {
		b--
	}
	return b >= 0 && s.lx.is("subordinators", s.low[b])
}

// blockedByPrep reports whether the mention starting at token gs follows a
// preposition other than "of" (it is then not a subject).
func (s *sent) blockedByPrep(gs int) bool {
	b := gs - 1
	for b >= 0 && (isDetTag(s.tag(b)) || s.tag(b) == "JJ") && s.mAt[b] < 0 {
		b--
	}
	if b < 0 {
		return false
	}
	w := s.low[b]
	return w != "of" && s.lx.is("prepositions", w)
}

// targetRight finds the target group after token k: a direct object (when
// object is true) or a mention after one of preps.
func (s *sent) targetRight(k int, object bool, preps []string) int {
	prep := ""
	n := len(s.low)
	for j, steps := k, 0; j < n && steps < 16; j, steps = j+1, steps+1 {
		if m := s.mAt[j]; m >= 0 {
			g := s.gOf[m]
			if s.ofPossessor(g) {
				// "host a meeting of Sudan's neighbours": the neighbours
				// are the object, and they are no known actor.
				return -1
			}
			if (prep == "" && object) || (prep != "" && contains(preps, prep)) {
				return g
			}
			last := s.grp[g][len(s.grp[g])-1]
			j = s.mtok[last][1] - 1
			continue
		}
		w, t := s.low[j], s.tag(j)
		if s.boundary(j) || w == "," || w == "." || w == "!" || w == "?" {
			return -1
		}
		if w == "to" && j+1 < n && s.tag(j+1) == "VB" && s.mAt[j+1] < 0 {
			return -1
		}
		if isFinite(t) {
			return -1
		}
		switch {
		case w == "of":
		case s.lx.is("prepositions", w) || t == "IN" || t == "TO":
			prep = w
		}
	}
	return -1
}

// ofPossessor reports whether mention group g, right after "of", is only
// the possessor of the noun after it ("of Sudan's neighbours"): the noun,
// not the possessor, is what the "of" phrase names.
func (s *sent) ofPossessor(g int) bool {
	gs := s.mtok[s.grp[g][0]][0]
	ge := s.mtok[s.grp[g][len(s.grp[g])-1]][1]
	b := gs - 1
	for b >= 0 && isDetTag(s.tag(b)) && s.mAt[b] < 0 {
		b--
	}
	if b < 0 || s.low[b] != "of" || ge+1 >= len(s.low) || !s.lx.is("possessive", s.low[ge]) {
		return false
	}
	return s.mAt[ge+1] < 0 && (isNounTag(s.tag(ge+1)) || s.tag(ge+1) == "JJ")
}

// byAgent finds the mention group after "by" following a passive verb.
func (s *sent) byAgent(k int) int {
	n := len(s.low)
	for j := k; j < n && j < k+8; j++ {
		if s.boundary(j) || s.low[j] == "," {
			return -1
		}
		if s.low[j] != "by" {
			continue
		}
		for x := j + 1; x < n && x < j+5; x++ {
			if s.mAt[x] >= 0 {
				return s.gOf[s.mAt[x]]
			}
			if !(isDetTag(s.tag(x)) || s.tag(x) == "JJ") {
				break
			}
		}
		return -1
	}
	return -1
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}
