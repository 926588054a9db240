package quotes

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// tcand is a quote being built from the tree, with its unresolved source.
type tcand struct {
	q      model.Quote
	src    int  // source token, or -1
	weak   bool // src is a guess from the sentence, not the cue's subject
	para   int
	pos    int
	anonPh bool // an anonymity phrase goes with the source
	// span, when set, is the source's words as the frame of a direct
	// quote gives them (src heads them), not as the tree does
	span, all model.Span
	hasSpan   bool
}

// prose finds the quotes of an article or a statement from its text layer.
func (x *Extractor) prose(doc *model.Document, td *text.Doc, resolve Resolver) []model.Quote {
	if td == nil || td.Text != doc.Text {
		return nil
	}
	var cands []tcand
	var pending *tcand // "He said:" closing the previous paragraph
	block := -1        // the block quotation the previous paragraph ended, in cands
	for pi, p := range td.Paragraphs {
		if p.FirstSentence >= p.EndSentence {
			pending, block = nil, -1
			continue
		}
		first := td.Sentences[p.FirstSentence].FirstToken
		end := td.Sentences[p.EndSentence-1].EndToken
		t := &tq{x: x, doc: doc, td: td, text: doc.Text, first: first}
		t.regions = td.ParagraphQuotations(pi)
		t.inRegion = make([]int, end-first)
		// regions are sorted and do not overlap: one sweep over both
		ri := 0
		for k := first; k < end; k++ {
			t.inRegion[k-first] = -1
			st := td.Tokens[k].Start
			for ri < len(t.regions) && t.regions[ri].End() <= st {
				ri++
			}
			if ri < len(t.regions) && st >= t.regions[ri].Open {
				t.inRegion[k-first] = ri
			}
		}
		// A paragraph after "He said:" that does not open with a quotation
		// mark is a block quotation; the paragraphs after it belong to it
		// while they read as the speaker's own words.
		if pending != nil && (len(t.regions) == 0 || t.regions[0].Open != p.Start) {
			c := *pending
			c.q.Direct, c.q.Rule, c.para, c.pos = true, RuleBlock, pi, p.Start
			c.q.Contents = []model.Span{p.Span}
			cands = append(cands, c)
			pending, block = nil, len(cands)-1
			continue
		}
		if block >= 0 && len(t.regions) == 0 && t.stillSpeech(p) {
			cands[block].q.Contents = append(cands[block].q.Contents, p.Span)
			continue
		}
		block = -1
		cands = t.paragraph(cands, pi, p, pending)
		pending = t.colonCue(pi, p)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].pos < cands[j].pos })
	return x.resolveTree(doc, td, cands, resolve)
}

// cueTok is a cue of a sentence.
type cueTok struct {
	i, end int
	kind   string
	sent   int
	used   bool
	// mute: a cue of shouting (subject_only) with no subject of its own
	// that can shout (canShout), which attributes nothing
	mute bool
	// convenes: a naming verb that calls something into being
	// (namesNothing), which reports an act and frames no quotation
	convenes bool
}

// paragraph extracts the quotes of one paragraph.
func (t *tq) paragraph(cands []tcand, pi int, p text.Paragraph, pending *tcand) []tcand {
	td := t.td
	var cues []cueTok
	for si := p.FirstSentence; si < p.EndSentence; si++ {
		s := td.Sentences[si]
		if s.EndToken-s.FirstToken > t.x.th.MaxSentenceTokens {
			continue // run-on text, not prose
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			if t.region(i) >= 0 {
				continue
			}
			if k, e := t.cueKind(i, s.EndToken); k != "" && !t.anonymityAt(i, s.EndToken) && !t.asideAt(i, s.FirstToken, s.EndToken) {
				cues = append(cues, cueTok{i: i, end: e, kind: k, sent: si,
					mute: t.x.lx.subjectOnly[t.tok(i).Lemma] && !t.canShout(i), convenes: t.namesNothing(i)})
				i = e - 1
			}
		}
	}
	title := t.isTitle(pi, p)

	// Direct quotes: each quotation takes the nearest cue of the sentences
	// it touches.
	lastDirect := -1
	for ri := 0; ri < len(t.regions); ri++ {
		r := t.regions[ri]
		if r.WordsStart >= r.WordsEnd || !hasWord(t.text[r.WordsStart:r.WordsEnd]) {
			continue
		}
		s0, s1 := td.SentenceAt(r.Open), td.SentenceAt(max(r.End()-1, r.Open))
		if s0 < 0 || s1 < 0 {
			continue
		}
		if t.workTitle(r) {
			// "told MSNBC's “Morning Joe”", "on “Face the Nation”": the
			// name of a programme, a book or an event, nobody's words
			lastDirect = -1
			continue
		}
		c := tcand{src: -1, para: pi, pos: r.WordsStart}
		c.q.Direct, c.q.Kind = true, model.KindSpeech
		c.q.Unclosed = r.Unclosed()
		c.q.Contents = []model.Span{model.NewSpan(t.text, r.WordsStart, r.WordsEnd)}
		if h, label, from, ok := t.speakerLabel(r); ok {
			// ¶“PENCE: Well, look, …”: a transcript quoted in an article,
			// the turn's words the speaker's
			c.q.Rule = RuleLabel
			c.q.Contents = []model.Span{model.NewSpan(t.text, from, r.WordsEnd)}
			c.src, c.span, c.all, c.hasSpan = h, label, label, true
			cands = append(cands, c)
			lastDirect = -1
			continue
		}
		ci := t.nearestCue(cues, r, s0, s1)
		if ci >= 0 && t.insideReport(cues[ci].i, r) {
			// A few quoted words inside what a cue reports ("suggested
			// the plan was ‘a disaster’") are the writer's quotation marks
			// within reported speech, not the speaker's words.
			ci = -1
		}
		switch {
		case ci >= 0:
			cu := &cues[ci]
			cu.used = true
			cs := t.span(cu.i, cu.end)
			c.q.Cue, c.q.Rule, c.q.Kind = &cs, RuleDirect, cu.kind
			sent := td.Sentences[cu.sent]
			c.src, c.weak = t.sourceOrNearest(cu.i, sent.FirstToken)
			if h, sp, all, ok := t.frameSource(cu.i, cu.end, r, sent.FirstToken, sent.EndToken); ok &&
				(c.src < 0 || c.weak || t.region(c.src) >= 0 || t.tok(c.src).Start >= sp.Start && t.tok(c.src).End <= sp.End) {
				c.src, c.weak, c.span, c.all, c.hasSpan = h, false, sp, all, true
			}
			if c.src >= 0 && t.demonstrative(c.src) {
				lastDirect = -1
				continue
			}
			c.anonPh = t.anonymityNear(cu.i, c.src)
			// “A,” she said, “B.” is one quote.
			if ri+1 < len(t.regions) {
				n := t.regions[ri+1]
				if td.SentenceAt(n.Open) == cu.sent && t.onlyAttribution(r.End(), n.Open, cu.i) && n.WordsStart < n.WordsEnd && hasWord(t.text[n.WordsStart:n.WordsEnd]) {
					c.q.Contents = append(c.q.Contents, model.NewSpan(t.text, n.WordsStart, n.WordsEnd))
					c.q.Unclosed = c.q.Unclosed || n.Unclosed()
					c.q.Rule = RuleDirectSplit
					ri++
				}
			}
		case pending != nil && s0 == p.FirstSentence && r.Open == p.Start:
			c.q.Cue, c.src, c.anonPh = pending.q.Cue, pending.src, pending.anonPh
			c.q.Rule = RuleDirectColon
			c.q.Sources = pending.q.Sources
		case lastDirect >= 0 && t.onlyQuotation(s0, s1):
			// A quoted sentence right after an attributed one continues it.
			prev := &cands[lastDirect]
			prev.q.Contents = append(prev.q.Contents, c.q.Contents[0])
			prev.q.Unclosed = prev.q.Unclosed || c.q.Unclosed
			if prev.q.Rule == RuleDirect {
				prev.q.Rule = RuleDirectCont
			}
			continue
		default:
			if h, sp, ok := t.dashByline(r); ok {
				// “…” ― Ana Ruiz: a quotation signed by a dash and a
				// name, as in a vox pop or an epigraph
				c.q.Rule = RuleDashByline
				c.src, c.span, c.all, c.hasSpan = h, sp, sp, true
				break
			}
			// No cue: a scare quote or a title, not a person's words.
			lastDirect = -1
			continue
		}
		cands = append(cands, c)
		lastDirect = len(cands) - 1
	}

	// Reported speech from the cues no quotation took. A headline is the
	// writer's summary, not reported speech.
	if title {
		return cands
	}
	for _, cu := range cues {
		if cu.used || t.x.lx.directOnly[t.tok(cu.i).Lemma] {
			continue
		}
		s := td.Sentences[cu.sent]
		if parts := t.aside(cu.i, cu.end, s.FirstToken, s.EndToken); parts != nil {
			c := tcand{para: pi, pos: t.tok(cu.i).Start}
			c.src, c.weak = t.sourceOrNearest(cu.i, s.FirstToken)
			cs := t.span(cu.i, cu.end)
			c.q.Cue, c.q.Kind, c.q.Rule = &cs, cu.kind, RuleIndirectAside
			if len(parts) == 1 {
				c.q.Rule = RuleIndirectAfter // "…, he concluded."
			}
			for _, p := range parts {
				c.q.Contents = append(c.q.Contents, t.span(p[0], p[1]))
			}
			c.anonPh = t.anonymityNear(cu.i, c.src)
			cands = append(cands, c)
			continue
		}
		if t.relativeObject(cu.i) {
			continue // "which he both defended and minimized": what he defended is the noun before
		}
		f, e, _ := t.content(cu.i, cu.end, s.FirstToken, s.EndToken)
		if f < 0 {
			continue
		}
		// Content inside a quotation belongs to the direct quote, and
		// so does content before the cue that runs from inside one to
		// the cue that took it ("“…,” X said, according to a transcript
		// of the show").
		if r := t.region(f); r >= 0 && (t.region(e-1) == r || f < cu.i && t.tok(f).Start > t.regions[r].Open && usedCueIn(cues, f, e)) {
			continue
		}
		words := 0
		for k := f; k < e; k++ {
			if t.tok(k).UPOS != "PUNCT" {
				words++
			}
		}
		if t.onlyTimeOrPronoun(f, e) {
			continue // "called Friday for …", "said it": no words of anyone's
		}
		if t.x.lx.objectContent[t.tok(cu.i).Lemma] && t.onlyName(f, e) {
			continue // "criticized Varga", "endorsed them": whom, not what
		}
		if cu.kind == model.KindEvidence && t.plainPhrase(f, e) {
			if src := t.subject(cu.i, false); src >= 0 && t.surelyPerson(src) {
				// "Pence showed the crowd a clip", "the campaign found
				// itself in a battle", "Syracuse showed an awkward
				// transition": someone showing or finding a thing, not
				// evidence of a claim (which "polls show …" and "X
				// found that …" are)
				continue
			}
		}
		lemma := t.tok(cu.i).Lemma
		if words < t.x.th.MinIndirectWords && !(t.x.lx.objectContent[lemma] && words > 0) || words > t.x.th.MaxIndirectWords {
			continue
		}
		// A weak cue (one that takes a mere object) inside what another
		// cue reports is part of that report, not an attribution of its
		// own ("Sources said the junta had rejected the offer").
		if t.x.lx.objectContent[lemma] && td.RelIs(cu.i, "ccomp") && t.tok(cu.i).Head >= 0 && t.isCueTok(cues, t.tok(cu.i).Head) {
			continue
		}
		c := tcand{para: pi, pos: t.tok(cu.i).Start}
		c.src, c.weak = t.sourceOrNearest(cu.i, s.FirstToken)
		if c.src >= 0 && t.demonstrative(c.src) {
			continue // "This would seem to suggest …": the writer's inference
		}
		if c.src >= f && c.src < e {
			// the source inside what it reports: after a comma that
			// ends it ("… asking to depose Clinton, Judicial Watch
			// said"), the content ends there; else the sentence was
			// misread ("…,'' said X, a consultant not working for …")
			sf, _ := td.Subtree(c.src)
			if sf <= f+1 || !t.isComma(sf-1) || sf > c.src {
				continue
			}
			e = sf - 1
		}
		cs := t.span(cu.i, cu.end)
		c.q.Cue, c.q.Kind = &cs, cu.kind
		c.q.Contents = []model.Span{t.span(f, e)}
		c.q.Act = t.x.lx.objectContent[lemma] && !t.x.lx.characterizing[lemma] && !t.ownSubject(f, e) ||
			cu.convenes // "called the police", "called snap elections": what was done, not said
		c.q.Rule = RuleIndirectThat
		switch {
		case t.according(cu.i):
			c.q.Rule = RuleAccordingTo
			if c.src >= 0 && f > cu.i {
				// "according to X, a spokeswoman for Y, C", with the
				// description hung outside X's phrase: it names X too
				if _, se := td.Subtree(c.src); se < f-1 && t.isComma(se) && t.isComma(f-1) {
					core, all := t.sourceSpan(c.src)
					c.span, c.all, c.hasSpan = core, model.NewSpan(t.text, all.Start, t.tok(f-2).End), true
				}
			}
		case t.inSource(cu.i):
			c.q.Rule = RuleInSource
		case f > cu.i && f > 0 && t.complementizer(f-1):
		case f > cu.i:
			c.q.Rule = RuleIndirect
		default:
			if !t.trailingContent(f, e, cu.i) {
				continue
			}
			c.q.Rule = RuleIndirectAfter
		}
		c.anonPh = t.anonymityNear(cu.i, c.src)
		cands = append(cands, c)
	}
	return cands
}

// coordinated reports whether source s is one of two coordinated
// sources ("X and Y said"), and returns the span of both and the other's
// head. The parser may attach the second as a conjunct of the first or,
// wrongly, as a second subject with the "and" hanging from it.
func (t *tq) coordinated(s int) (model.Span, int, bool) {
	d := t.td
	nominal := func(k int) bool {
		u := t.tok(k).UPOS
		return u == "PROPN" || u == "NOUN" || u == "PRON"
	}
	// (the parse may hang the second name on the last word of the
	// first: "Donald Trump and Hillary Clinton" with "Hillary" on
	// "Trump")
	js := s
	if d.Dependent(s, "conj") < 0 {
		for _, f := range d.Dependents(s, nil) {
			if f > s && d.RelIs(f, "flat") && d.Dependent(f, "conj") > f {
				js = f
				break
			}
		}
	}
	if k := d.Dependent(js, "conj"); k > s && nominal(k) && t.joined(js) {
		if t.tok(s).UPOS == "PROPN" && t.descriptionConj(k) {
			return model.Span{}, -1, false // a name and what the person is
		}
		f, _ := d.Subtree(s)
		for f < s && t.tok(f).UPOS == "PUNCT" {
			f++
		}
		if h := t.tok(s).Head; h >= 0 && !d.RelIs(s, "obl") {
			// "X, Y and Z said" read as two subjects, the second with
			// its conjunct: the first is one of the group (not the
			// subject of the clause an "according to X and Y" hangs on)
			for _, j := range d.Dependents(h, nil) {
				if j < s && d.RelIs(j, "nsubj") && nominal(j) {
					f, _ = d.Subtree(j)
					break
				}
			}
		}
		_, e := d.Subtree(k)
		// (without the phrase's preposition: "according to X and Y")
		for f < s && (d.RelIs(f, "case", "fixed") || t.tok(f).UPOS == "PUNCT") {
			f++
		}
		for e-1 > k && t.isComma(e-1) {
			e-- // nor the comma after it ("X and Y, both …")
		}
		return t.span(f, e), k, true
	}
	if d.Dependent(s, "cc") < 0 || t.tok(s).Head < 0 {
		return model.Span{}, -1, false
	}
	for _, j := range d.Dependents(t.tok(s).Head, nil) {
		if j < s && d.RelIs(j, "nsubj") && nominal(j) {
			f, _ := d.Subtree(j)
			_, e := d.Subtree(s)
			return t.span(f, e), j, true
		}
	}
	return model.Span{}, -1, false
}

// joined reports whether a conjunct of token s has a coordinator ("X
// and Y", "X, Y and Z"): a conjunct set off by a comma with none is an
// apposition the parser misread ("Senator X, Democrat of Y, said").
func (t *tq) joined(s int) bool {
	for _, k := range t.td.Dependents(s, nil) {
		if t.td.RelIs(k, "conj") && t.td.Dependent(k, "cc") >= 0 {
			return true
		}
	}
	return false
}

// trailingContent reports whether tokens [f, e) before the cue at i can
// be what it reports ("There will be no new troops, he concluded"): a
// clause with a subject of its own and at least three words, before a
// cue that reports speech rather than taking an object ("…, calling it a
// disgrace", "…, the footage showed" are no reports of what came before).
func (t *tq) trailingContent(f, e, i int) bool {
	if t.x.lx.objectContent[t.tok(i).Lemma] {
		return false
	}
	// a cue with an object of its own after it that is not whom it
	// spoke to ("…, who answered her door Sunday") reports nothing before
	if o := t.td.Dependent(i, "obj"); o > i && !t.asideAddressee(i, o) {
		return false
	}
	if t.secondSubjectAfter(i) {
		return false // "Asked who leads the party, he said Ryan.": what he said
	}
	// "C, he said": the words reported are set off from the cue's clause
	// by a mark; "… and takes back everything he said" reports nothing
	set := false
	for k := e; k < i; k++ {
		set = set || t.tok(k).UPOS == "PUNCT"
	}
	if !set {
		return false
	}
	// "…, which state media claimed allows …": a relative pronoun after
	// the mark opens a clause of its own, and what the cue reports is in
	// it, not before it
	for k := e; k < i; k++ {
		if t.tok(k).UPOS == "PUNCT" {
			continue
		}
		if t.leadingRelative(k) {
			return false
		}
		break
	}
	words := 0
	for k := f; k < e; k++ {
		if t.tok(k).UPOS != "PUNCT" {
			words++
		}
	}
	return words >= 3 && t.ownSubject(f, e)
}

// surelyPerson reports whether the subject at k is surely a person: a
// personal pronoun, a common noun for a person, or a name whose given
// name or title says a gender (not "Video", "Syracuse", "Battleground
// States", which may be a recording, a place or a poll).
func (t *tq) surelyPerson(k int) bool {
	tk := t.tok(k)
	switch tk.UPOS {
	case "PRON":
		return t.x.lx.personPronouns[strings.ToLower(tk.Text)]
	case "NOUN":
		return t.wordIn(t.x.lx.personNouns, k)
	case "PROPN":
		// the name's words, from its first proper noun ("Sen. Marco
		// Rubio", "Donald Trump")
		f, e := t.td.Subtree(k)
		for f < e && t.tok(f).UPOS != "PROPN" {
			f++
		}
		return t.personNameRun(f, e) >= 0
	}
	return false
}

// personNameRun returns the end of the run of proper nouns from token f,
// before e, when the run is a person's name of two words or more (the
// genders list knows its given name), read with the titles that open it
// or without them ("Sen. Marco Rubio", "President Ana Ruiz"); the run
// stops at a time word ("President Ana Ruiz Thursday vowed …"). -1 when
// it is no person's name.
func (t *tq) personNameRun(f, e int) int {
	var words []string
	titles, j := 0, f
	for ; j < e && t.tok(j).UPOS == "PROPN" && !t.timeWordAt(j); j++ {
		if len(words) == titles && t.isTitleWord(j) {
			titles++
		}
		words = append(words, t.tok(j).Text)
	}
	for _, ws := range [][]string{words, words[titles:]} {
		if len(ws) >= 2 && t.td.NameGender(strings.Join(ws, " ")) != 0 {
			return j
		}
	}
	return -1
}

// plainPhrase reports whether tokens [f, e) are a phrase with no verb or
// predicate in it: a thing, not a claim.
func (t *tq) plainPhrase(f, e int) bool {
	if e > f && t.complementizer(f) {
		return false // "found that, on average, …": a clause, however cut
	}
	for k := f; k < e; k++ {
		switch t.tok(k).UPOS {
		case "VERB", "AUX":
			return false
		}
		if t.td.RelIs(k, "xcomp", "ccomp", "acl", "acl:relcl", "advcl") {
			return false // "found Trump too objectionable", "showed him trailing"
		}
	}
	return e > f
}

// secondSubjectAfter reports whether the verb at i has a subject right
// before it and another after it: the parse's reading of what a cue says
// ("he said Ryan"), whose subject is the one before (see subjectBefore;
// not "…, said X", whose subject is X).
func (t *tq) secondSubjectAfter(i int) bool {
	before, after := false, false
	var b [16]int
	for _, k := range t.td.Dependents(i, b[:0]) {
		if t.td.RelIs(k, "nsubj") {
			before, after = before || t.rightBefore(k, i), after || k > i
		}
	}
	return before && after
}

// ownSubject reports whether tokens [f, e) hold a clause with its own
// subject: a word in them is the subject of another word in them.
func (t *tq) ownSubject(f, e int) bool {
	for k := f; k < e; k++ {
		if h := t.tok(k).Head; h >= f && h < e && t.td.RelIs(k, "nsubj", "nsubj:pass", "expl", "csubj") {
			return true
		}
	}
	return false
}

// dashByline reads a quotation signed after it by a dash and a full
// name that ends its line: “…” ― Ana Ruiz (a vox pop, an epigraph). The
// quotation must open its line, and the name be two to five capitalised
// words (initials allowed) with nothing after it on the line but a
// period. It returns the name's head, its span, and whether it found one.
func (t *tq) dashByline(r region) (int, model.Span, bool) {
	d := t.td
	if r.Close < 0 || !lineStart(t.text, r.Open) {
		return -1, model.Span{}, false
	}
	// the token after the closing mark
	k := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= r.CloseEnd })
	if k >= len(d.Tokens) || !t.x.lx.bylineDashes[t.tok(k).Text] || strings.Contains(t.text[r.CloseEnd:t.tok(k).Start], "\n") {
		return -1, model.Span{}, false
	}
	f := k + 1
	e := f
	for e < len(d.Tokens) && e-f < 5 && startsUpperStr(t.tok(e).Text) && !strings.Contains(t.text[t.tok(e-1).End:t.tok(e).Start], "\n") {
		e++
	}
	if e-f < 2 {
		return -1, model.Span{}, false
	}
	name := t.span(f, e)
	end := t.tok(e - 1).End
	if e < len(d.Tokens) && t.tok(e).Text == "." && !strings.Contains(t.text[end:t.tok(e).Start], "\n") {
		end = t.tok(e).End
	}
	if !lineEnd(t.text, end) {
		return -1, model.Span{}, false
	}
	return t.headIn(f, e), name, true
}

// speakerLabel reads a speaker's label at the start of quotation r, which
// opens a line: one to three words in capitals, three letters at least,
// and a colon ("“PENCE: Well, look, …", as an article quotes a
// transcript). It returns the label's head token, its span and where the
// words after it start.
func (t *tq) speakerLabel(r region) (int, model.Span, int, bool) {
	d := t.td
	if !lineStart(t.text, r.Open) {
		return -1, model.Span{}, 0, false
	}
	f := d.TokenAt(r.WordsStart)
	if f < 0 || d.Tokens[f].Start != r.WordsStart {
		return -1, model.Span{}, 0, false
	}
	e, letters := f, 0
	for ; e < len(d.Tokens) && e-f < 3 && d.Tokens[e].End <= r.WordsEnd; e++ {
		w := d.Tokens[e].Text
		if w == ":" || strings.ToUpper(w) != w || strings.ToLower(w) == w {
			break
		}
		for _, c := range w {
			if unicode.IsLetter(c) {
				letters++
			}
		}
	}
	if e == f || letters < 3 || e >= len(d.Tokens) || d.Tokens[e].Text != ":" || d.Tokens[e].End >= r.WordsEnd {
		return -1, model.Span{}, 0, false
	}
	label := t.span(f, e)
	if t.x.lx.notSpeakerLabels[strings.Join(strings.Fields(label.Text), " ")] {
		return -1, model.Span{}, 0, false
	}
	from := d.Tokens[e].End
	for from < r.WordsEnd && (t.text[from] == ' ' || t.text[from] == '\t') {
		from++
	}
	return t.headIn(f, e), label, from, true
}

// pluralNoun reports whether token k is tagged a plural noun.
func (t *tq) pluralNoun(k int) bool { return text.PluralTag(t.tok(k).Tag) }

// occasions returns the kinds of occasion (the cue file's occasions) the
// sentence of quote q names outside the quote's words ("said at a rally
// in Arlo": "rally"): the sentence of its cue, else of its first words.
func (t *tq) occasions(q *model.Quote) []string {
	if len(t.x.lx.occasions) == 0 || len(q.Contents) == 0 {
		return nil
	}
	at := q.Contents[0].Start
	if q.Cue != nil {
		at = q.Cue.Start
	}
	si := t.td.SentenceAt(at)
	if si < 0 {
		return nil
	}
	s := t.td.Sentences[si]
	inside := func(k int) bool {
		tk := t.tok(k)
		for _, c := range q.Contents {
			if tk.Start >= c.Start && tk.End <= c.End {
				return true
			}
		}
		return false
	}
	return occasionsIn(t.td.Tokens, s.FirstToken, s.EndToken, inside, t.x.lx.occasions)
}

// nameInside reports whether token k is capitalised inside its sentence,
// not as the first word of a quotation: written as a name.
func (t *tq) nameInside(k int) bool {
	if k <= t.firstOfSentence(k) || !startsUpperStr(t.tok(k).Text) {
		return false
	}
	start := t.tok(k).Start
	qs := t.td.Quotations
	i := sort.Search(len(qs), func(i int) bool { return qs[i].WordsStart >= start })
	return i == len(qs) || qs[i].WordsStart != start
}

// headIn returns the head of the words [f, e): the first the parse hangs
// outside them; e-1 when none is.
func (t *tq) headIn(f, e int) int {
	for j := f; j < e; j++ {
		if h := t.tok(j).Head; h < f || h >= e {
			return j
		}
	}
	return e - 1
}

// lineStart reports whether only white space stands between the start
// of text's line and i; lineEnd, between i and the end of its line.
// Both read only the white space next to i, so that asking for every
// quotation of a long line costs what the white space does.
func lineStart(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i -= n
	}
	return true
}

func lineEnd(text string, i int) bool {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

// sourceOrNearest is the cue's source, or, when the tree gives it none
// (a sentence the parser misread), a name set off right before the cue
// (appositiveSubject), the phrase of "as X put it" (asSource), or else
// the nearest subject before the cue in its sentence if it can name a
// source; weak says it is that last guess.
func (t *tq) sourceOrNearest(i, first int) (int, bool) {
	if s := t.source(i); s >= 0 || t.according(i) || t.inSource(i) || t.passive(i) {
		// (a passive cue's teller is its "by" phrase or no one: "Even as
		// rebels attacked …, the ministry was told that …")
		return s, false
	}
	if s := t.appositiveSubject(i, first); s >= 0 {
		return s, false
	}
	if s := t.asSource(i, first); s >= 0 {
		return s, false
	}
	skipped := false // a subject of a clause of what is said was passed
	for k := i - 1; k >= first; k-- {
		if k > first && k+1 < i && t.region(k) < 0 && t.subordinator(k) && t.isComma(k-1) && t.rightBefore(k, i) {
			// "Not that anyone … is arguing, since other emails combed
			// through by Vox suggest that …": the cue's clause opens
			// here, with words and no comma before the cue; its subject
			// is the phrase after the subordinator, or no one ("…, while
			// another says"), never a subject of the clause before
			if h := t.headIn(k+1, i); h > k && (t.tok(h).UPOS == "PROPN" || t.wordIn(t.x.lx.sourceNouns, h)) {
				return h, true
			}
			return -1, false
		}
		if t.region(k) < 0 && t.td.RelIs(k, "nsubj") && !t.td.RelIs(k, "nsubj:pass") {
			if h := t.tok(k).Head; h > k && h < i {
				if m := t.td.Dependent(h, "mark"); m >= 0 && m < k && t.complementizer(m) && !t.inSubtree(i, h) {
					// "X, later alleging that President Y wanted …, said":
					// the subject of what is alleged is not who speaks;
					// only a name before it may be
					skipped = true
					continue
				}
			}
			if skipped && t.tok(k).UPOS != "PROPN" {
				return -1, false
			}
			if a := t.td.Dependent(k, "appos"); a > k && t.timeWordAt(k) && (t.td.Dependent(k, "case") >= 0 || t.tok(a).UPOS == "PROPN") {
				// "on Sunday, Mrs. Clinton tried …, saying …", "Thursday,
				// Rep. X reacted …, saying": a day (with its preposition)
				// read as the subject, and the subject as its apposition
				return t.relative(a), true
			}
			if t.timeWordAt(k) && startsUpperStr(t.tok(k).Text) && !t.timeOnly(k) {
				// "Tuesday at Y University, …, Gov. X said": a day with
				// where it was read as the subject; the name right before
				// the cue is it, or there is none (not "One in four
				// voters … last year" parsed under "year")
				if n := t.nameRightBefore(i); n > k {
					return n, true
				}
				return -1, false
			}
			if t.timeOnly(k) {
				// "the order released Friday said": a day says when, not
				// who; the subject of the verb right before it is the
				// source, or there is none
				if k = t.subjectBeforeTime(k); k < 0 {
					return -1, false
				}
			}
			r := t.relative(k)
			if t.tok(r).UPOS == "NOUN" && !t.wordIn(t.x.lx.sourceNouns, r) {
				return -1, false
			}
			if r != k && t.td.RelIs(r, "obl") && t.td.Dependent(r, "case") >= 0 {
				// "Mr. Bush - in a line that seemed directed at … -
				// declared": what a relative pronoun stands for is a
				// verb's prepositional phrase, no one who speaks (not
				// "one of the supporters who …", inside a noun phrase)
				return -1, false
			}
			return r, true
		}
	}
	return -1, false
}

// maxSinceScan bounds the words otherSubjectSince reads back from a
// pronoun, so that a long paragraph of quotes costs what its words do.
const maxSinceScan = 150

// otherSubjectSince reports whether, between a quote before (at offset
// pos) and the pronoun at s, in the pronoun's paragraph and outside
// quotations, a name other than that quote's speaker ("name") is the
// subject of a main verb of speech or of speaking: "“…,” she said. ¶
// Meanwhile Rihanna, who was honored …, spoke about …. “…,” she said" is
// not the first speaker's, whether or not the text knows Rihanna for a
// person.
func (t *tq) otherSubjectSince(pos, s int, name string) bool {
	words := strings.Fields(strings.ToLower(name))
	si := t.td.SentenceAt(t.tok(s).Start)
	if si < 0 {
		return false
	}
	paraStart := t.td.Paragraphs[t.td.Sentences[si].Para].Start
	for k := s - 1; k >= 0 && s-k <= maxSinceScan && t.tok(k).Start > pos && t.tok(k).Start >= paraStart; k-- {
		tk := t.tok(k)
		if tk.UPOS != "PROPN" || t.region(k) >= 0 || !t.td.RelIs(k, "nsubj") || t.timeWordAt(k) {
			continue
		}
		h := tk.Head
		if h < 0 || t.tok(h).Head >= 0 || t.x.lx.kind[t.tok(h).Lemma] != model.KindSpeech && !t.x.lx.speakingVerbs[t.tok(h).Lemma] {
			continue
		}
		if !slices.Contains(words, strings.ToLower(tk.Text)) {
			return true
		}
	}
	return false
}

// unnamedReporter reports whether the pronoun at s is the subject of a
// clause a cue of speech reports, whose own subject, before it in the
// sentence, is someone indefinite with no name ("Another Muslim … said he
// heard …"): the pronoun is that someone, not a person named before.
func (t *tq) unnamedReporter(s int) bool {
	v := t.tok(s).Head
	if v < 0 || !t.td.RelIs(s, "nsubj") || !t.td.RelIs(v, "ccomp") {
		return false
	}
	r := t.tok(v).Head
	if r < 0 || t.x.lx.kind[t.tok(r).Lemma] != model.KindSpeech {
		return false
	}
	sj := t.subject(r, false)
	if sj < 0 || sj > r || t.tok(sj).UPOS == "PROPN" || t.tok(sj).UPOS == "PRON" || text.PluralTag(t.tok(sj).Tag) || t.region(sj) >= 0 {
		return false
	}
	// someone the text does not say who: "another Muslim", "a man", not
	// "the president" (whom a role names) nor "prosecutors say he …"
	d := t.td.Dependent(sj, "det")
	if d < 0 || !t.x.lx.indefinites[strings.ToLower(t.tok(d).Text)] {
		return false
	}
	return t.nameIn(t.sourceSpanOf(sj)) == "" && !t.namedAmong(sj)
}

// relativeObject reports whether the cue at i has a relative pronoun
// before it for its object ("hiring foreign workers, which he both
// defended and minimized"): what it reports is the noun the relative
// clause describes, and no clause after the cue.
func (t *tq) relativeObject(i int) bool {
	if t.td.Dependent(i, "ccomp", "xcomp") >= 0 || t.x.lx.characterizing[t.tok(i).Lemma] {
		// "policies which X believes we must push": a gap in what X
		// believes; "what he calls political correctness": the words
		// he calls it
		return false
	}
	for _, k := range t.td.Dependents(i, t.buf[:0]) {
		if k < i && t.td.RelIs(k, "obj") && (t.tok(k).Tag == "WDT" || t.tok(k).Tag == "WP") && !t.complementizer(k) {
			return true // (not "that": "the third week that the poll has shown …")
		}
	}
	return false
}

// inSubtree reports whether token i lies in the subtree of token h.
func (t *tq) inSubtree(i, h int) bool {
	f, e := t.td.Subtree(h)
	return i >= f && i < e
}

// reportedBefore returns the words quote q reports, and for a cue after
// them ("…, he said.", RuleIndirectAfter) the whole of its sentence
// before the pronoun s: none of it says who "he" is.
func (t *tq) reportedBefore(q model.Quote, s int) []model.Span {
	if q.Rule != RuleIndirectAfter {
		return q.Contents
	}
	si := t.td.SentenceAt(t.tok(s).Start)
	if si < 0 {
		return q.Contents
	}
	return append([]model.Span{{Start: t.td.Sentences[si].Start, End: t.tok(s).Start}}, q.Contents...)
}

// inSpans reports whether offset at lies in one of the spans.
func inSpans(at int, spans []model.Span) bool {
	for _, sp := range spans {
		if at >= sp.Start && at < sp.End {
			return true
		}
	}
	return false
}

// namedAmong reports whether the source k names some of its members
// ("Some observers, including Professor Ines Varga, …"): a source the
// text names.
func (t *tq) namedAmong(k int) bool {
	for _, d := range t.td.Dependents(k, nil) {
		if d < k || !t.td.RelIs(d, "nmod", "appos") || t.tok(d).UPOS != "PROPN" {
			continue
		}
		if c := t.td.Dependent(d, "case"); c >= 0 && t.x.lx.memberMarkers[strings.ToLower(t.tok(c).Text)] {
			return true
		}
	}
	return false
}

// timeOnly reports whether token k is a word of time with nothing but
// its determiners and modifiers under it ("Friday", "last week"; not
// "One in four voters … last year" parsed under "year"), and no part of
// a name ("Theresa May").
func (t *tq) timeOnly(k int) bool {
	if !t.x.lx.timeWords[strings.ToLower(t.tok(k).Text)] || k > 0 && t.tok(k-1).UPOS == "PROPN" && t.td.RelIs(k, "flat") {
		return false
	}
	for _, d := range t.td.Dependents(k, nil) {
		if f, _ := t.td.Subtree(d); !t.td.RelIs(d, "det", "amod", "nummod", "case", "advmod", "punct") || f < k-3 {
			return false
		}
	}
	return true
}

// subjectBeforeTime returns the subject of the verb right before the
// time word at k ("the order released Friday": order), or -1.
func (t *tq) subjectBeforeTime(k int) int {
	v := k - 1
	for v >= 0 && t.td.Tokens[v].Head == k {
		v-- // the time word's own words ("last week")
	}
	if v < 0 || t.tok(v).UPOS != "VERB" {
		return -1
	}
	if sj := t.td.Dependent(v, "nsubj"); sj >= 0 && sj < v && t.region(sj) < 0 {
		return sj
	}
	return -1
}

// asSource reads "…, as X put it" and "as X said": a cue right after
// "as" and a noun phrase with no verb in it, which the parser often hangs
// from the noun as a relative clause and so leaves without a subject.
// The speaker is the phrase's last noun or pronoun; -1 when the words
// before the cue are not such a phrase.
func (t *tq) asSource(i, first int) int {
	last := -1
	for k := i - 1; k >= first && k >= i-8; k-- {
		tk := t.tok(k)
		switch tk.UPOS {
		case "NOUN", "PROPN", "PRON":
			if last < 0 {
				last = k
			}
			continue
		case "DET", "ADJ", "NUM", "PART":
			continue
		case "ADP", "SCONJ":
			if t.x.lx.attributionMarks[strings.ToLower(tk.Text)] && last >= 0 && t.region(k) < 0 {
				return last
			}
		}
		return -1
	}
	return -1
}

// appositiveSubject finds the name that a cue's subject would be when a
// description set off by commas stands between them ("Jo Varga, a
// senior adviser to the campaign, said …", "…,” Ana Ruiz, the attorney
// general of the island, one of the states suing, said"): the parser
// often hangs such a name elsewhere and leaves the cue without a subject.
// Right before the cue (and its adverbs) is a comma; before that, up to
// three comma-separated descriptions with no finite verb and no
// quotation; before those, a run of proper nouns that opens the sentence
// or follows a comma or a quotation mark. It returns the run's last word,
// or -1.
func (t *tq) appositiveSubject(i, first int) int {
	k := i - 1
	for k > first && t.tok(k).UPOS == "ADV" {
		k--
	}
	if k <= first || !t.isComma(k) {
		return -1
	}
	for seg := 0; seg < 3; seg++ {
		// the description (k is the comma after it)
		j := k - 1
		onlyJoin := true // ", and," joins clauses: no description
		for ; j > first && !t.isComma(j) && k-j <= 25; j-- {
			tk := t.tok(j)
			if t.region(j) >= 0 || tk.UPOS == "VERB" && tk.Tag != "VBG" && tk.Tag != "VBN" || tk.UPOS == "AUX" {
				return -1
			}
			onlyJoin = onlyJoin && tk.UPOS == "CCONJ"
		}
		if onlyJoin {
			return -1
		}
		if j <= first || !t.isComma(j) || j == k-1 {
			return -1
		}
		// the description is itself a full name, in apposition to a
		// phrase before it ("one of the family's attorneys, Justin
		// Bamberg, said"): that name
		if seg == 0 && k-j >= 3 && t.allNames(j+1, k) {
			return t.headIn(j+1, k)
		}
		// a name right before that comma?
		n := j - 1
		if t.tok(n).UPOS == "PROPN" && startsUpperStr(t.tok(n).Text) {
			a := n
			for a > first && t.tok(a-1).UPOS == "PROPN" {
				a--
			}
			// a determiner or a number before the name ("Some
			// Democrats, however, question …")
			for a > first && a > n-4 && (t.tok(a-1).UPOS == "DET" || t.tok(a-1).UPOS == "NUM") {
				a--
			}
			if t.opensClause(a, first) {
				// (or opens a clause after "since", "when": "… since
				// Clinton, at Monday's debate, cited …")
				if !t.timeWordAt(n) {
					return n
				}
			}
		}
		k = j
	}
	return -1
}

// allNames reports whether tokens [f, e) are capitalised proper nouns,
// none a word of time.
func (t *tq) allNames(f, e int) bool {
	for k := f; k < e; k++ {
		if t.tok(k).UPOS != "PROPN" || !startsUpperStr(t.tok(k).Text) || t.timeWordAt(k) {
			return false
		}
	}
	return true
}

// isQuoteMark reports whether token k opens or closes one of the
// paragraph's quotations (as findRegions reads the marks).
func (t *tq) isQuoteMark(k int) bool {
	ri := t.region(k)
	if ri < 0 {
		return false
	}
	st := t.tok(k).Start
	return st < t.regions[ri].WordsStart || st >= t.regions[ri].WordsEnd
}

// demonstrative reports whether the source at s is "this", "that", …:
// a thing, not a person who says something.
func (t *tq) demonstrative(s int) bool {
	return t.x.lx.demonstratives[strings.ToLower(t.tok(s).Text)]
}

// insideReport reports whether the quotation r lies inside the clause the
// cue at i reports and makes up less than half of its words.
func (t *tq) insideReport(i int, r region) bool {
	c := t.complementClause(i)
	var f, e int
	switch {
	case c >= 0:
		f, e = t.td.Subtree(c)
	case t.x.lx.objectContent[t.tok(i).Lemma] && !t.x.lx.characterizing[t.tok(i).Lemma]:
		// a cue whose content is its object ("blamed the media for
		// making an issue of X's claim that Y “founded ISIS”") does not
		// report words quoted in a clause of someone else's
		return t.embeddedClaim(i, r)
	default:
		return false
	}
	if t.tok(f).Start > r.Open || t.tok(e-1).End < r.End() {
		return false
	}
	if f < i {
		// a clause before the cue ends with the quotation; what the
		// parser hung from it after the quotation ("“…,” X, the attorney
		// general of Y, one of the states suing, said") is the source
		for k := f; k < e; k++ {
			if t.tok(k).Start >= r.End() {
				e = k
				break
			}
		}
	}
	in, all := 0, 0
	for k := f; k < e; k++ {
		if t.tok(k).UPOS == "PUNCT" {
			continue
		}
		all++
		if t.region(k) >= 0 {
			in++
		}
	}
	return 2*in < all
}

// embeddedClaim reports whether the quotation r, after the cue at i,
// hangs below it through what another says, thinks or finds: a verb of
// those with a subject of its own, a noun of saying with a possessor, or
// a clause that a noun of saying opens ("blamed the media for X's claim
// that Y “founded ISIS”", however the parse hangs the clause). Those are
// the words of whoever claims or says it, not of the cue's source.
func (t *tq) embeddedClaim(i int, r region) bool {
	k := t.td.TokenAt(r.WordsStart)
	if k < 0 || t.tok(i).End > r.Open {
		return false // (what the cue reports follows it)
	}
	for steps := 0; k >= 0 && steps < 12; steps++ {
		if k == i {
			return false
		}
		if kind := t.x.lx.kind[t.tok(k).Lemma]; kind != "" && t.tok(k).Start < r.Open &&
			(t.tok(k).UPOS == "VERB" && t.td.Dependent(k, "nsubj", "nsubj:pass") >= 0 ||
				t.tok(k).UPOS == "NOUN" && kind == model.KindSpeech && t.td.Dependent(k, "nmod:poss") >= 0) {
			// between the cue and the quotation, someone else's saying,
			// thinking or finding ("politicians fear “…”", "was found
			// guilty of “…”"), or someone's claim ("X's claim that …")
			return true
		}
		if f, _ := t.td.Subtree(k); t.tok(f).Start < r.Open && t.nounsClause(i, k) {
			return true // (a clause that opens before the quotation)
		}
		k = t.tok(k).Head
	}
	return false
}

// isCueTok reports whether token i is one of the cues.
func (t *tq) isCueTok(cues []cueTok, i int) bool {
	for _, c := range cues {
		if c.i == i {
			return true
		}
	}
	return false
}

// usedCueIn reports whether a cue that took a quotation stands in
// tokens [f, e); cues are in the order of their words.
func usedCueIn(cues []cueTok, f, e int) bool {
	for k := sort.Search(len(cues), func(k int) bool { return cues[k].i >= f }); k < len(cues) && cues[k].i < e; k++ {
		if cues[k].used {
			return true
		}
	}
	return false
}

// nearestCue picks the cue for the quotation r among those of sentences
// s0..s1 (the sentences r touches): one the tree links to the quotation
// first, else the nearest in words; -1 when none.
func (t *tq) nearestCue(cues []cueTok, r region, s0, s1 int) int {
	best, bestD := -1, 0
	for ci, cu := range cues {
		if cu.used || cu.mute || cu.sent < s0 || cu.sent > s1 || cu.kind != model.KindSpeech || cu.convenes {
			continue
		}
		var d int
		cs, ce := t.tok(cu.i).Start, t.tok(cu.end-1).End
		switch {
		case ce <= r.Open:
			if t.x.lx.hasDash(t.text[ce:r.Open]) {
				// "— as many believe, but Moscow strongly denies — “…?”
				// asked Dunn": a cue between two dashes is an aside's,
				// closed before the quotation ("X said -- “…”", with no
				// dash before the cue, still frames it)
				if f := t.td.Sentences[cu.sent].FirstToken; t.x.lx.hasDash(t.text[t.tok(f).Start:cs]) {
					continue
				}
			}
			if t.earlierClause(cu.i, r) || t.x.lx.directOnly[t.tok(cu.i).Lemma] && t.underOtherClause(cu.i, r) {
				continue
			}
			d = r.Open - ce
		case cs >= r.End():
			if t.subordinate(cu.i, r.End()) {
				// "“…,” when X blasted him": the clause after the
				// quotation says when it was said, not who said it
				continue
			}
			d = cs - r.End()
		default:
			continue
		}
		if t.reports(cu.i, r) {
			// of two cues whose complement holds the quotation, the inner
			// one reports it ("X said Y was right when he said that …
			// “…”")
			f, e := t.td.Subtree(t.complementClause(cu.i))
			d = -(1 << 20) + (e - f)
		} else if t.linked(cu.i, r) {
			d -= 1 << 20
		} else if t.reportsElsewhere(cu.i, r) {
			continue
		}
		if best < 0 || d < bestD {
			best, bestD = ci, d
		}
	}
	return best
}

// namesNothing reports whether the naming verb at i ("call") calls
// something into being or someone to come, and so names nothing: its
// object is a convened noun ("called an emergency meeting", "called the
// police after the attack", "authority to call a “special meeting”"),
// with no phrase after it that would name it ("called the meeting a
// farce", "called the hearing “a circus”"). What it reports is the
// source's act, and a quotation in its object is no one's words.
func (t *tq) namesNothing(i int) bool {
	d := t.td
	if !t.x.lx.namingVerbs[strings.ToLower(t.tok(i).Lemma)] || d.Dependent(i, "xcomp", "iobj") >= 0 {
		return false
	}
	o := d.Dependent(i, "obj")
	if o <= i || !t.wordIn(t.x.lx.convenedNouns, o) {
		return false
	}
	// a second phrase after the object names it ("called her vote in
	// favor of the war a mistake", "called the meeting a farce"): a
	// phrase the parse hangs on the verb or on the object with no
	// preposition of its own
	second := func(k int) bool {
		switch t.tok(k).UPOS {
		case "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM":
		default:
			return false
		}
		f, _ := d.Subtree(k)
		return d.RelIs(k, "obj", "iobj", "xcomp", "dep", "appos", "nmod", "obl", "amod") && t.tok(f).UPOS != "ADP" && t.tok(f).UPOS != "SCONJ"
	}
	for _, h := range []int{i, o} {
		for _, k := range d.Dependents(h, nil) {
			if k > o && second(k) {
				return false
			}
		}
	}
	return true
}

// canShout reports whether the cue at i has a subject of its own that
// can shout or whisper: a name, a pronoun, a noun for a person or a
// crowd.
func (t *tq) canShout(i int) bool {
	s := t.source(i)
	return s >= 0 && (t.canSpeak(s) || t.wordIn(t.x.lx.crowdNouns, s))
}

// subordinate reports whether the cue at i, after a quotation that ends
// at byte after, opens a clause of time,
// cause or condition with a subject of its own ("when X blasted him",
// "after she asked"): marked by a subordinating word before it. "As" is
// not one of them ("…,” as X put it" is an attribution), and a clause
// with no subject shares the speaker's ("…,” X sings before asking her").
func (t *tq) subordinate(i, after int) bool {
	// "after Clinton argued" parsed with "after" on the name: the word
	// before the name right before the cue
	k := i - 1
	for k > 0 && (t.tok(k).UPOS == "PROPN" || t.tok(k).UPOS == "ADV") {
		k--
	}
	if k >= 0 && k < i-1 && t.tok(k).Start >= after && t.tok(k+1).UPOS == "PROPN" && t.subordinator(k) {
		return true
	}
	if t.td.Dependent(i, "nsubj") < 0 {
		return false
	}
	for _, c := range t.td.Dependents(i, t.buf[:0]) {
		if c >= i || t.tok(c).Start < after || !t.td.RelIs(c, "mark", "advmod") {
			continue // (a word inside the quotation is none of the clause's)
		}
		if t.subordinator(c) {
			return true
		}
	}
	return false
}

// earlierClause reports whether the cue at i, before the quotation r,
// opens a clause of time or cause with a subject of its own, closed
// before the quotation, and the quotation is a complement of the main
// clause between them, which has a subject of its own:
// "As Ruiz attacked Holt, the crowd chanted, “…”" and "After Ruiz
// criticized him, Holt shot back, “…”" are the crowd's and Holt's words,
// not Ruiz's. ("As Ruiz put it, Holt is trying to make them “…”" stays
// Ruiz's: the quotation hangs on no verb with a subject before it.)
func (t *tq) earlierClause(i int, r region) bool {
	d := t.td
	if !d.RelIs(i, "advcl") || d.Dependent(i, "nsubj") < 0 {
		return false
	}
	// "as" opens a clause of time only when its verb has an object of
	// its own, no pronoun: "As Ruiz attacked Holt", not "As Ruiz
	// explained" or "As Ruiz put it"
	o := d.Dependent(i, "obj")
	acts := o >= 0 && t.tok(o).UPOS != "PRON"
	marked := false
	for _, c := range d.Dependents(i, t.buf[:0]) {
		if c < i && d.RelIs(c, "mark", "advmod") && (t.subordinator(c) || acts && t.wordIn(t.x.lx.attributionMarks, c)) {
			marked = true
		}
	}
	if !marked {
		return false
	}
	f, e := d.Subtree(i)
	if t.tok(e-1).End > r.Open {
		return false
	}
	for k := e; k < len(d.Tokens) && t.tok(k).Start < r.Open; k++ {
		h := t.tok(k).Head
		if !d.RelIs(k, "nsubj", "nsubj:pass") || h < 0 || h >= f && h < e || t.tok(h).Start >= r.Open ||
			!d.RelIs(h, "root", "conj", "parataxis") {
			continue // (a clause the parse hung elsewhere is no main clause)
		}
		// the quotation is that main clause's complement
		for q := h + 1; q < len(d.Tokens) && t.tok(q).Start < r.End(); q++ {
			if t.tok(q).Start >= r.Open && t.tok(q).Head == h && d.RelIs(q, "ccomp", "xcomp", "obj", "parataxis", "conj", "advcl", "dep") && !d.RelIs(q, "advcl:relcl") {
				return true
			}
		}
	}
	return false
}

// underOtherClause reports whether the quotation r, after the cue at i,
// hangs below a clause with a subject of its own between the two: "began
// with a Web ad, in which children use a doll …, yelling “…”" is the
// children's yelling. (Asked of the cues that only attribute a quotation
// next to them: for the others, a reported clause has its own subject.)
func (t *tq) underOtherClause(i int, r region) bool {
	d := t.td
	if m := d.Dependent(i, "mark"); m >= 0 && t.wordIn(t.x.lx.comparisons, m) {
		return false // "As X puts it, Y is trying to …": a frame of the whole
	}
	q := d.TokenAt(r.WordsStart) // the quotation's first word
	if q <= i || t.region(q) < 0 {
		return false
	}
	for a, steps := q, 0; a >= 0 && a != i && steps < 12; a, steps = t.tok(a).Head, steps+1 {
		if a > i && t.tok(a).Start < r.Open && t.tok(a).UPOS == "VERB" && d.Dependent(a, "nsubj") >= 0 {
			return true
		}
	}
	return false
}

// reportsElsewhere reports whether the cue at i has a reported clause of
// its own after it, unquoted and apart from the quotation r: "…
// “depleted” and says he will expand the forces" reports the expansion,
// not the quoted word before it.
func (t *tq) reportsElsewhere(i int, r region) bool {
	d := t.td
	for _, c := range d.Dependents(i, t.buf[:0]) {
		if c < i || !d.RelIs(c, "ccomp") || t.region(c) >= 0 || d.Dependent(c, "nsubj", "nsubj:pass", "expl") < 0 {
			continue
		}
		if m := d.Dependent(c, "mark"); m >= 0 && !t.complementizer(m) {
			continue // "said as she marched": an adverbial clause misread
		}
		f, e := d.Subtree(c)
		if t.tok(e-1).End <= r.Open || t.tok(f).Start >= r.End() {
			return true
		}
	}
	return false
}

// linked reports whether the tree ties the cue at i to the quotation r:
// its complement is quoted, or it is inserted into the quoted clause.
func (t *tq) linked(i int, r region) bool {
	d := t.td
	in := func(k int) bool { return k >= 0 && t.tok(k).Start >= r.Open && t.tok(k).Start < r.End() }
	if c := d.Dependent(i, "ccomp", "obj", "parataxis"); in(c) {
		return true
	}
	return d.RelIs(i, "parataxis", "conj") && in(t.tok(i).Head)
}

// onlyName reports whether the words [f, e) are only a name or a
// pronoun, with their determiners and possessive endings.
func (t *tq) onlyName(f, e int) bool {
	for k := f; k < e; k++ {
		switch t.tok(k).UPOS {
		case "PROPN", "PRON", "DET", "PUNCT", "PART":
		default:
			return false
		}
	}
	return true
}

// onlyTimeOrPronoun reports whether the words [f, e) are only times
// and pronouns ("Friday", "it", "this week").
func (t *tq) onlyTimeOrPronoun(f, e int) bool {
	for k := f; k < e; k++ {
		tk := t.tok(k)
		low := strings.ToLower(tk.Text)
		switch {
		case tk.UPOS == "PUNCT" || tk.UPOS == "DET" || tk.UPOS == "PRON":
		case t.x.lx.timeWords[low] || t.x.lx.timeWords[strings.ToLower(tk.Lemma)]:
		default:
			return false
		}
	}
	return true
}

// workTitle reports whether the quotation r is the title of a work, a
// programme or an event: a few capitalised words (function words aside),
// with no end punctuation, that the sentence uses as a name, after a
// preposition (other than a comparison's "as": "called him “Mister
// Piggy”" and "cited it as “Mister Piggy”" quote words), after a
// possessive or an article, or before the noun it names ("his “Keep It
// Real” radio programme").
func (t *tq) workTitle(r region) bool {
	// the words inside the marks, found from where they start (at most
	// seven are read: a title is short)
	f, e := -1, -1
	last := t.first + len(t.inRegion)
	for k := sort.Search(len(t.td.Tokens), func(k int) bool { return t.tok(k).Start >= r.WordsStart }); k < last && t.tok(k).End <= r.WordsEnd; k++ {
		if k < t.first || t.region(k) < 0 {
			continue
		}
		if f < 0 {
			f = k
		}
		e = k + 1
		if e-f > 6 {
			return false
		}
	}
	if f < 0 {
		return false
	}
	words := 0
	for k := f; k < e; k++ {
		tk := t.tok(k)
		if tk.UPOS == "PUNCT" {
			if strings.ContainsAny(tk.Text, ".!?,;:") {
				return false
			}
			continue
		}
		words++
		if !startsUpperStr(tk.Text) && !t.x.lx.stopwords[strings.ToLower(tk.Text)] {
			return false
		}
	}
	if words == 0 {
		return false
	}
	// how the sentence uses it: the word before the opening mark is a
	// preposition, a possessive or an article (the parser often breaks a
	// title's words apart, so the words are read, not its tree), or the
	// title is a noun's modifier
	if p := f - 1; p >= t.first && t.tok(p).UPOS == "PUNCT" && t.region(p) >= 0 {
		f = p // the opening mark
	}
	if p := f - 1; p >= t.first {
		tk := t.tok(p)
		low := strings.ToLower(tk.Text)
		switch {
		case tk.UPOS == "ADP" && !t.x.lx.comparisons[low]:
			return true
		case tk.UPOS == "DET", t.x.lx.possessives[tk.Text], t.td.RelIs(p, "nmod:poss"):
			return true
		case t.isComma(p) && p-1 >= t.first && t.wordIn(t.x.lx.workNouns, p-1):
			// "the reality show, “The Apprentice,”": in apposition to a
			// noun for a work (not "told reporters, “Absolutely,”")
			return true
		case tk.Tag == "VBN" && t.wordIn(t.x.lx.titleVerbs, p) && p-1 >= t.first && t.wordIn(t.x.lx.workNouns, p-1):
			// "a book called “Women Who Work”" (not "called him “…”")
			return true
		}
	}
	// "“Keep It Real” radio programme": a common noun right after it
	n := e
	for n < len(t.td.Tokens) && t.tok(n).Start < r.End() {
		n++
	}
	return n < len(t.td.Tokens) && t.tok(n).UPOS == "NOUN" && !startsUpperStr(t.tok(n).Text)
}

// reports reports whether the quotation r lies inside the clause the
// cue at i reports ("X said that the footage did not give “…”, but he
// said …": the quotation is X's, not the nearer cue's).
func (t *tq) reports(i int, r region) bool {
	c := t.complementClause(i)
	if c < 0 {
		return false
	}
	f, e := t.td.Subtree(c)
	return f > i && t.tok(f).Start <= r.Open && t.tok(e-1).End >= r.End()
}

// onlyAttribution reports whether the words between two quotations
// (bytes s to e) are no more than the attribution around the cue at ci
// (“A,” she said, “B.”).
func (t *tq) onlyAttribution(s, e, ci int) bool {
	cs := t.tok(ci).Start
	if cs < s || cs >= e {
		return false
	}
	words := 0
	for k := ci - 8; k < ci+8; k++ {
		if k < 0 || k >= len(t.td.Tokens) {
			continue
		}
		tk := t.tok(k)
		if tk.Start >= s && tk.End <= e && tk.UPOS != "PUNCT" {
			words++
		}
	}
	return words > 0 && words <= 8
}

// onlyQuotation reports whether sentences s0..s1 hold no word outside
// quotation marks.
func (t *tq) onlyQuotation(s0, s1 int) bool {
	for si := s0; si <= s1; si++ {
		s := t.td.Sentences[si]
		for k := s.FirstToken; k < s.EndToken; k++ {
			if t.region(k) < 0 && t.tok(k).UPOS != "PUNCT" {
				return false
			}
		}
	}
	return true
}

// colonCue returns a cue that closes paragraph p with a colon ("He
// told reporters:"), which attributes the next paragraph; nil otherwise.
func (t *tq) colonCue(pi int, p text.Paragraph) *tcand {
	td := t.td
	last := td.Sentences[p.EndSentence-1]
	if last.EndToken <= last.FirstToken || td.Tokens[last.EndToken-1].Text != ":" || td.Tokens[last.EndToken-1].End != p.End {
		return nil
	}
	for i := last.EndToken - 2; i >= last.FirstToken && i >= last.EndToken-6; i-- {
		if t.region(i) >= 0 {
			return nil
		}
		if k, e := t.cueKind(i, last.EndToken); k == model.KindSpeech {
			src := t.source(i)
			if src < 0 {
				return nil
			}
			c := &tcand{src: src, para: pi}
			cs := t.span(i, e)
			c.q.Cue, c.q.Kind = &cs, k
			c.anonPh = t.anonymityNear(i, src)
			return c
		}
	}
	return nil
}

// isTitle reports whether paragraph p is the document's title: the text
// of Document.Title, or a first paragraph of one line that does not end
// like a sentence.
func (t *tq) isTitle(pi int, p text.Paragraph) bool {
	raw := strings.TrimSpace(p.Text)
	if raw == "" {
		return false
	}
	if tt := strings.TrimSpace(t.doc.Title); tt != "" && raw == tt {
		return true
	}
	if pi != 0 || strings.ContainsRune(raw, '\n') {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(raw)
	return !strings.ContainsRune(".!?…:\"”’'", r)
}

// anonymityNear reports whether an anonymity phrase ("on condition of
// anonymity", "who asked not to be named") goes with the source s or the
// cue at i: in the source's phrase or in a clause hanging from the cue.
func (t *tq) anonymityNear(i, s int) bool {
	d := t.td
	check := func(f, e int) bool {
		var ws []string
		for k := f; k < e; k++ {
			ws = append(ws, strings.ToLower(t.tok(k).Text))
		}
		return hasWords(ws, t.x.lx.anonymity)
	}
	if s >= 0 {
		if f, e := d.Subtree(s); check(f, e) {
			return true
		}
	}
	for _, k := range d.Dependents(i, nil) {
		// (a relative clause of the source after the cue, which the
		// parse may join to the cue: "said a longtime adviser, who
		// declined to be identified")
		if d.RelIs(k, "advcl", "obl", "advmod", "acl") || d.RelIs(k, "conj") && s >= 0 && k > s && t.relativeSubject(k) {
			if f, e := d.Subtree(k); check(f, e) {
				return true
			}
		}
	}
	return false
}

// predicate reports whether the noun at k has a copula or a subject of
// its own outside a quotation (when k is outside it): the parse may hang
// a quotation's last words on the name after it ("… so we are,” Carr
// said" read as "we are Carr").
func (t *tq) predicate(k int) bool {
	for _, d := range t.td.Dependents(k, nil) {
		if t.td.RelIs(d, "cop", "nsubj", "nsubj:pass", "csubj") && (!t.quotedTok(d) || t.quotedTok(k)) {
			return true
		}
	}
	return false
}

// relativeSubject reports whether the clause at k has a relative
// pronoun for a person as its subject ("who").
func (t *tq) relativeSubject(k int) bool {
	sj := t.td.Dependent(k, "nsubj", "nsubj:pass")
	return sj >= 0 && t.x.lx.personRelatives[strings.ToLower(t.tok(sj).Text)]
}

// stillSpeech reports whether a paragraph after a block quotation still
// reads as the speaker's own words: it speaks in the first person, never
// of "he" or "she", and has no reporting verb.
func (t *tq) stillSpeech(p text.Paragraph) bool {
	first := false
	for si := p.FirstSentence; si < p.EndSentence; si++ {
		s := t.td.Sentences[si]
		for k := s.FirstToken; k < s.EndToken; k++ {
			tk := t.tok(k)
			switch low := strings.ToLower(tk.Text); {
			case t.td.Gender(low, text.GenderPronoun) != 0:
				return false
			case t.x.lx.firstPerson[low]:
				first = true
			}
			if c, _ := t.cueKind(k, s.EndToken); c == model.KindSpeech {
				return false
			}
		}
	}
	return first
}

// asideAt reports whether the cue at i is part of a reporter's aside
// ("did not respond to requests for comment"), which reports nothing.
func (t *tq) asideAt(i, first, end int) bool {
	for k := max(first, i-3); k <= i; k++ {
		for _, ph := range t.x.lx.reporterAsides {
			ok := k+len(ph) <= end && k+len(ph) > i
			for j := 0; ok && j < len(ph); j++ {
				ok = strings.EqualFold(t.tok(k+j).Text, ph[j])
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// anonymityAt reports whether an anonymity phrase starts at token i
// ("asked not to be named" is no attribution of its own).
func (t *tq) anonymityAt(i, end int) bool {
	var ws []string
	for k := i; k < end && k < i+8; k++ {
		ws = append(ws, strings.ToLower(t.tok(k).Text))
	}
	for _, ph := range t.x.lx.anonymity {
		if len(ph) <= len(ws) && strings.Join(ws[:len(ph)], " ") == strings.Join(ph, " ") {
			return true
		}
	}
	return false
}

// hasWords reports whether one of the phrases occurs in ws.
func hasWords(ws []string, phrases [][]string) bool {
	for i := range ws {
		for _, ph := range phrases {
			if i+len(ph) > len(ws) {
				continue
			}
			ok := true
			for k, w := range ph {
				if ws[i+k] != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

func hasWord(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && isLetterRune(r) {
			return true
		}
	}
	return false
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// resolveTree turns the candidates into quotes, resolving their sources in
// text order: with the actors stage (resolve) first; a "he" or "she" it
// cannot place is the nearest speaker named before it in the same or the
// previous paragraph; an unnamed-source phrase ("officials", "a senior
// diplomat", or any source with an anonymity phrase) is anonymous and
// keeps its words as its name, never someone else's.
func (x *Extractor) resolveTree(doc *model.Document, td *text.Doc, cands []tcand, resolve Resolver) []model.Quote {
	t := &tq{x: x, doc: doc, td: td, text: doc.Text}
	for _, c := range cands {
		if c.q.Direct {
			t.quoted = append(t.quoted, c.q.Contents...)
		}
	}
	sort.Slice(t.quoted, func(i, j int) bool { return t.quoted[i].Start < t.quoted[j].Start })
	var hist []said
	out := make([]model.Quote, 0, len(cands))
	for _, c := range cands {
		q := c.q
		if q.Cue != nil {
			if k := td.TokenAt(q.Cue.Start); k >= 0 && t.negatedCue(k) {
				q.Negated = true
			} else if k >= 0 && t.questioned(k) {
				q.Hypothetical = true
			}
		}
		q.Occasions = t.occasions(&q)
		if c.src >= 0 && q.Rule != RuleDashByline && q.Rule != RuleLabel && t.predicate(c.src) {
			// A noun with a copula or a subject of its own is the
			// predicate of a clause the parse misread, not who spoke
			// ("While he acknowledged funding was a major reason …, Ham
			// noted", "the video was not from an angle that would show").
			c.src = -1
		}
		if c.src < 0 {
			if q.Direct {
				// no source found: a pronoun after it may be its speaker
				hist = append(hist, said{pos: c.pos, para: c.para})
			}
			out = append(out, q)
			continue
		}
		core, all, cut := t.sourcePhrase(c.src)
		if c.hasSpan {
			core, all, cut = c.span, c.all, false
		}
		if q.Cue != nil && all.Start < q.Cue.Start && q.Cue.Start < all.End {
			// The cue inside the source's phrase ("as a memo put it",
			// parsed as a relative clause of "memo"): the source ends
			// before it.
			if k := t.td.TokenAt(q.Cue.Start); k > 0 && t.tok(k-1).End > all.Start {
				all = model.NewSpan(t.text, all.Start, t.tok(k-1).End)
			}
		}
		if len(q.Sources) == 0 {
			q.Sources = []model.Span{all}
		}
		pos := c.pos
		if q.Cue != nil {
			pos = q.Cue.Start
		}
		low := strings.ToLower(strings.TrimSpace(core.Text))
		var person bool
		own := t.nameIn(core)
		if own == "" {
			own = t.leadingName(core)
		}
		// A pronoun right after a quotation nobody could be found for may
		// be that quotation's speaker: it is left unresolved rather than
		// given to someone named further back.
		// "Ines Varga and Karl Brodin said …": two sources are
		// neither one of them; the quote is the group's.
		if group, other, ok := t.coordinated(c.src); ok && !c.hasSpan {
			if t.finiteIn(group) {
				// "X were admitted as well as Y who specified": two
				// clauses the parse joined, not two sources
				out = append(out, q)
				continue
			}
			q.Speaker, q.SpeakerBy = groupName(group.Text), model.SpeakerByPhrase
			q.Sources = []model.Span{group}
			// "two officials and a diplomat" withhold who they are;
			// "Cruz and his aides" name one of them
			named := func(k int) bool {
				return t.tok(k).UPOS == "PROPN" && !x.lx.anonymousHeads[strings.ToLower(t.tok(k).Text)]
			}
			q.Anonymous = c.anonPh || !named(c.src) && !named(other) &&
				(x.lx.anonymousHeads[strings.ToLower(t.tok(c.src).Text)] || x.lx.anonymousHeads[strings.ToLower(t.tok(other).Text)])
			out = append(out, q)
			continue
		}
		blocked := false
		if x.lx.personPronouns[low] && len(hist) > 0 {
			h := hist[len(hist)-1]
			blocked = h.name == "" && h.para >= c.para-1
		}
		if x.lx.personPronouns[low] {
			// "X said he …": the subject of the clause the pronoun's
			// clause is reported in, whatever came before
			if n := t.governingName(c.src, t.reportedBefore(q, c.src)); n != "" {
				q.Speaker, person, q.SpeakerBy = t.complete(n), true, model.SpeakerByPronoun
				blocked = false
			}
		}
		if resolve != nil && !blocked && q.Speaker == "" {
			q.Speaker, q.SpeakerCode, q.Anonymous = resolve(doc, t.withoutPossessor(c.src, core))
			person = q.Speaker != "" && !q.Anonymous && !x.lx.groupPronouns[low]
			if q.Speaker != "" && !q.Anonymous && !t.believable(q.Speaker, own, core, c.src) ||
				person && own == "" && t.pluralNoun(c.src) && !t.nameInside(c.src) {
				// (nor is one person the source a plural noun heads:
				// "many Trump supporters said" are not Trump; a
				// capitalised word inside a sentence, "In the ruling,
				// Reeves wrote", is a name the tagger read as a plural)
				q.Speaker, q.SpeakerCode, person = "", "", false
			}
			if q.Speaker != "" && x.lx.personPronouns[low] && t.namedInQuotation(q.Speaker, c.src) {
				// “… Obama had a song …,” he said: he is not the man
				// the quotation names
				q.Speaker, q.SpeakerCode, person = "", "", false
			}
			// a mention that took the title in with the name ("Senate
			// Majority Leader Ines Varga"): the name is the name; not a
			// body's ("United Nations Security Council" for "the
			// Security Council")
			if strings.Contains(own, " ") && strings.HasSuffix(q.Speaker, " "+own) && !x.lx.bodyWords[strings.ToLower(own[strings.LastIndexByte(own, ' ')+1:])] {
				q.Speaker = own
			}
		}
		if q.Speaker != "" && own == "" && !x.lx.personPronouns[low] && !x.lx.groupPronouns[low] && !t.canHoldRole(c.src) {
			// "according to a Washington Post database": a document
			// whose modifier names a place is not that place's
			// government speaking; the phrase is the source
			q.Speaker, q.SpeakerCode, person = "", "", false
		}
		switch {
		case q.Speaker == "" || q.Anonymous:
		case c.weak:
			q.SpeakerBy = model.SpeakerByContext
		case own != "":
			q.SpeakerBy = model.SpeakerByName
		case x.lx.personPronouns[low] || x.lx.groupPronouns[low]:
			q.SpeakerBy = model.SpeakerByPronoun
		default:
			q.SpeakerBy = model.SpeakerByRole
		}
		if q.Speaker == "" && !q.Anonymous {
			switch n := own; {
			case n != "" && c.weak:
				q.Speaker, person, q.SpeakerBy = t.complete(n), true, model.SpeakerByContext
			case n != "":
				q.Speaker, person, q.SpeakerBy = t.complete(n), true, model.SpeakerByName
			case x.lx.personPronouns[low] && t.unnamedReporter(c.src):
				// "Another Muslim … who didn't want to be named said he
				// heard Mateen talk of … and specifically mentioned …":
				// "he" is the one who said it, whom the text does not name
			case x.lx.personPronouns[low]:
				// the speaker of the quote before, in this paragraph or
				// the last; else the person the sentence before names
				// (only the quote right before: one by no one known, by
				// someone unnamed or by a group may be theirs, and an
				// older speaker is not reached past it)
				if k := len(hist) - 1; k >= 0 {
					if h := hist[k]; t.parasApart(h.para, c.para) <= 1 && h.name != "" && h.person && !h.anon && !t.otherSubjectSince(h.pos, c.src, h.name) {
						q.Speaker, person, q.SpeakerBy = h.name, true, model.SpeakerByPronoun
					}
				}
				if q.Speaker == "" {
					// (not a name of the words the pronoun's cue reports:
					// "… somehow Islam is terroristic, he said")
					if n, k := t.pronounNameAt(c.src, c.para); n != "" && !inSpans(t.tok(k).Start, t.reportedBefore(q, c.src)) {
						q.Speaker, person, q.SpeakerBy = t.complete(n), true, model.SpeakerByPronoun
					}
				}
			default:
				if n := t.roleName(c.src); n != "" {
					q.Speaker, person, q.SpeakerBy = n, true, model.SpeakerByRole
				}
			}
		}
		if q.Speaker == "" && !q.Anonymous && (x.lx.singularGroup[low] || x.lx.pluralGroup[low]) {
			if a := t.groupAntecedent(c.src, x.lx.pluralGroup[low]); a >= 0 {
				// the group's own words ("the Security Council"), its
				// code from the resolver; anonymous as the group is
				acore, _ := t.sourceSpan(a)
				anon := x.lx.anonymousHeads[strings.ToLower(t.tok(a).Text)]
				if resolve != nil {
					var ranon bool
					_, q.SpeakerCode, ranon = resolve(doc, acore)
					anon = anon || ranon
				}
				q.Speaker, q.SpeakerBy, q.Anonymous = groupName(acore.Text), model.SpeakerByPronoun, anon
			}
		}
		if q.SpeakerBy == model.SpeakerByPronoun || (x.lx.personPronouns[low] && q.Speaker != "") {
			// "she" is not a person the document calls "Mr."
			g, pg := t.genderOf(q.Speaker), td.Gender(low, text.GenderPronoun)
			if g != 0 && pg != 0 && g != pg || g == 0 && t.otherOfGender(c.src, pg, q.Speaker) {
				q.Speaker, q.SpeakerCode, q.SpeakerBy, person = "", "", "", false
			}
			// "X said Y was right when he said …": "he" may be X or Y
			if t.underOtherName(c.src, q.Speaker) {
				q.Speaker, q.SpeakerCode, q.SpeakerBy, person = "", "", "", false
			}
		}
		head := t.tok(c.src)
		// An unnamed-source head ("diplomats", "a senior official") is
		// anonymous whatever qualifies it ("AU diplomats"), unless a name
		// stands in apposition (then core is the name).
		named := t.namedAmong(c.src)
		unnamed := x.lx.anonymousHeads[strings.ToLower(head.Text)] && head.UPOS != "PROPN" &&
			core.Start <= head.Start && core.End >= head.End && !named
		if c.anonPh || unnamed && !q.Anonymous && (resolve == nil || q.SpeakerCode == "" || q.Speaker == "") {
			q.Anonymous = true
		}
		// Words with a finite verb are a clause the parse took for the
		// source's noun phrase ("Many leaders … share these
		// apprehensions, but the Coalition"): they name nobody.
		// (a phrase cut before a relative clause of a noun inside it,
		// "an attorney to his office who threatened …", holds a clause
		// too: its words may not be a source's at all)
		clause := t.finiteIn(core) || cut
		if q.Anonymous {
			if person && own == "" {
				// "A Warren adviser, who spoke on condition of
				// anonymity": an unnamed source is never given a name,
				// not even that of whom its words mention
				q.Speaker, q.SpeakerCode, q.SpeakerBy = "", "", ""
			}
			person = false
			if (q.Speaker == "" || unnamed) && !clause {
				q.Speaker = groupName(core.Text)
			}
		}
		if q.Speaker == "" && !q.Anonymous && !clause && named {
			// "Some observers, including Professor X, …": the phrase
			// with the names, no one person's name
			q.Speaker, q.SpeakerBy = groupName(all.Text), model.SpeakerByPhrase
		}
		if q.Speaker == "" && !q.Anonymous && !clause && t.groupSource(c.src) {
			// A group or a body that names itself ("critics", "the
			// Committee for a Responsible Federal Budget", "polls"): its
			// words are its name. It is no person's name.
			q.Speaker, q.SpeakerBy = groupName(core.Text), model.SpeakerByPhrase
		}
		if q.Speaker == "" && !q.Anonymous && !clause && t.describes(c.src, core) {
			// "the Vermont senator", "a federal judge", "Mr. Okafor's
			// lawyer": a person the document describes but this quote
			// does not name. The description is shown as written; it
			// is no one's name, so it is never verified as a speaker
			// nor given to a pronoun after it.
			q.Speaker, q.SpeakerBy = groupName(core.Text), model.SpeakerByDescription
		}
		if (q.Speaker == "" || q.SpeakerBy == model.SpeakerByDescription) && q.Direct {
			// a quotation nobody could be found for: a pronoun after it
			// may be its speaker, so it stops the search for one further
			// back
			hist = append(hist, said{pos: pos, para: c.para})
		}
		if q.Speaker != "" && q.SpeakerBy != model.SpeakerByDescription {
			// a block quotation's last paragraph is where the speaker was
			// last named
			para := c.para
			if n := len(q.Contents); n > 0 {
				for pj := c.para; pj < len(td.Paragraphs) && td.Paragraphs[pj].Start < q.Contents[n-1].End; pj++ {
					para = pj
				}
			}
			// (a plural noun's phrase, "many Democrats say", is a group,
			// not a person a pronoun after it may stand for)
			hist = append(hist, said{pos: pos, para: para, name: q.Speaker, anon: q.Anonymous, person: person && !t.pluralNoun(c.src)})
		}
		out = append(out, q)
	}
	return dedupe(out)
}

// dedupe keeps one quote of those with the same words ("they want lower
// rates and suggest that such rates would …" reports one content under
// two cues): the one whose speaker is named, else the first.
func dedupe(qs []model.Quote) []model.Quote {
	type key struct{ start, end, n int }
	at := make(map[key]int, len(qs))
	out := qs[:0]
	for _, q := range qs {
		if len(q.Contents) == 0 {
			out = append(out, q)
			continue
		}
		k := key{q.Contents[0].Start, q.Contents[len(q.Contents)-1].End, len(q.Contents)}
		i, seen := at[k]
		switch {
		case !seen:
			at[k] = len(out)
			out = append(out, q)
		case named(q) && !named(out[i]):
			out[i] = q
		}
	}
	return out
}

// named reports whether q's speaker is a person or a group by name.
func named(q model.Quote) bool {
	return q.Speaker != "" && !q.Anonymous && q.SpeakerBy != model.SpeakerByDescription
}

// apposName returns the name set after a comma beside the noun for a
// person that heads tokens [f, e) ("The leader of the Harbour League,
// Jonathan Okafor": Jonathan Okafor, not the league), or "".
func (t *tq) apposName(f, e int) string {
	d := t.td
	h := t.headIn(f, e)
	if d.Tokens[h].UPOS != "NOUN" || !t.wordIn(t.x.lx.personNouns, h) {
		return ""
	}
	for a := h + 1; a < e; a++ {
		ah := d.Tokens[a].Head
		if ah < h || ah >= e || !d.RelIs(a, "appos") || d.Tokens[a].UPOS != "PROPN" || !t.isComma(a-1) {
			continue
		}
		var ws []string
		for j := a; j < e && t.tok(j).UPOS == "PROPN" && t.namePart(j); j++ {
			ws = append(ws, t.tok(j).Text)
		}
		name := strings.Join(ws, " ")
		// (hung on the noun, or on what it is of, as the parse often
		// does, when the name is surely a person's)
		if len(ws) >= 2 && (ah == h || d.NameGender(name) != 0) {
			return name
		}
	}
	return ""
}

// nameIn returns the proper name the source words sp give ("Tendai
// Mokoena" in "AU Commission Chairperson Tendai Mokoena"): the last run of
// proper nouns after the last title, leaving out complements ("the
// Cabinet Secretary for Fisheries", "the president of the Assembly") and
// possessors ("Southland's ambassador"); "" when the phrase names nobody.
func (t *tq) nameIn(sp model.Span) string {
	d := t.td
	f := t.firstOf(sp)
	e := f
	for e < len(d.Tokens) && d.Tokens[e].End <= sp.End {
		e++
	}
	if n := t.apposName(f, e); n != "" {
		return n
	}
	skip := make([]bool, e-f)
	for k := f; k < e; k++ {
		if h := d.Tokens[k].Head; h < f || h >= e {
			continue // the phrase's head
		}
		kf, ke := d.Subtree(k)
		// an apposition after a comma is another phrase; a proper noun
		// straight after the title is the name ("Ambassador Ines Varga")
		appos := d.RelIs(k, "appos") && (kf == 0 || t.tok(kf-1).UPOS == "PUNCT" || t.tok(k).UPOS != "PROPN") ||
			d.RelIs(k, "conj") && kf > 0 && t.tok(kf-1).UPOS == "PUNCT" && !t.joined(d.Tokens[k].Head) || // "X, Democrat of Y" misread as a conjunct
			t.tok(k).UPOS == "NUM" && (t.tok(kf).Text == "," || kf > f && t.tok(kf-1).Text == ",") // "Ana Ruiz, 69,": an age
		appos = appos || t.descriptionConj(k)
		if (appos || d.RelIs(k, "nmod", "obl", "nmod:poss", "acl")) && !d.RelIs(k, "nmod:desc") {
			for j := max(kf, f); j < min(ke, e); j++ {
				skip[j-f] = true
			}
		}
	}
	var ws []string
	from := -1 // the token of ws's first word
	paren, honorific := 0, false
	gap, coord := false, false // words skipped after the name's words; a coordinator among them
	for k := f; k < e; k++ {
		if len(ws) == 0 {
			from = k
		}
		if skip[k-f] {
			gap = gap || len(ws) > 0
			coord = coord || gap && t.tok(k).UPOS == "CCONJ"
			if coord && t.tok(k).UPOS == "PROPN" && d.Dependent(k, "flat") > k {
				return "" // "X of Y and Z W", with "Z W" hung on Y: two people
			}
			continue
		}
		tk := t.tok(k)
		if gap && t.namePart(k) {
			// a name after skipped words is another name, not more of
			// this one ("Sen. X of Y and Z W of V", with W hung on X):
			// of two people coordinated, neither is the source alone
			if coord {
				return ""
			}
			break
		}
		// "Ines Varga (D-Northland)", "Ana Ruiz (chair)": what brackets
		// say of a name is not part of it
		switch tk.Text {
		case "(", "[":
			paren++
			continue
		case ")", "]":
			paren = max(paren-1, 0)
			continue
		}
		if paren > 0 {
			continue
		}
		low := strings.ToLower(strings.TrimSuffix(tk.Text, "."))
		after := honorific
		honorific = false
		switch {
		case t.honorificAt(k) || t.td.Title(k):
			ws = ws[:0] // "Lt. Gen.": a form of address the text layer knows
			honorific = true
		case !after && t.x.lx.personNouns[low] && k+1 < e && !skip[k+1-f] && t.namePart(k+1) &&
			(len(ws) > 0 || k > f && (t.modifier(k-1) || t.wordIn(t.x.lx.personNouns, k-1) && t.td.Gender(tk.Text, text.GenderName) == 0)):
			// "Majority Leader Ines Varga", "Democratic Leader Ana
			// Ruiz", "Attorney General Ana Ruiz": a noun for a person
			// after other words of the phrase and before a name is a
			// title ("Hunter Varga", opening the phrase, stays a name;
			// so does a given name after a title, "Ambassador John F.
			// Tefft")
			ws = ws[:0]
		case t.namePart(k):
			ws = append(ws, tk.Text)
		case after && tk.UPOS == "PROPN" && startsUpperStr(tk.Text):
			// "Mr. King", "Ms. Bishop": after a form of address, a title
			// word is a surname
			ws = append(ws, tk.Text)
		case tk.Text == "." && len(ws) > 0:
		case t.x.lx.honorifics[low] || t.x.lx.honorifics[low+"."]:
			ws = ws[:0] // a form of address: the name is what follows it
			honorific = true
		case t.x.lx.speakerWords[low]:
			ws = ws[:0] // a title: the name is what follows it
		case tk.UPOS == "CCONJ" && tk.Text != "&" && len(ws) > 0 && k+1 < e && !skip[k+1-f] && t.namePart(k+1) &&
			!t.bodyNameFrom(k+1, e):
			// "International Business Machines Corp. and Compaq Computer
			// Corp.", parsed as one name's words: two names, of which
			// neither alone is the source (not "Immigration and
			// Naturalization Service", one body's name)
			return ""
		default:
			if len(ws) > 0 && tk.UPOS != "PUNCT" {
				ws = ws[:0] // another word: only the last run is the name
			}
		}
	}
	if n := len(ws); n > 0 && (t.x.lx.bodyWords[strings.ToLower(ws[n-1])] || t.x.lx.companySuffixes[strings.ToLower(strings.TrimSuffix(ws[n-1], "."))]) {
		// a body's or a company's name: the capitalised words before it
		// are part of it, whatever their tags ("the Justice
		// Department", "The National Rifle Association", "the South
		// African Foreign Affairs Department", "ROGERS COMMUNICATIONS
		// Inc.")
		var pre []string
		lo := f
		if n == 1 && t.x.lx.companySuffixes[strings.ToLower(strings.TrimSuffix(ws[0], "."))] {
			// a company's suffix alone: the parse cut its name off
			// ("ROGERS COMMUNICATIONS Inc." read as two subjects)
			lo = t.firstOfSentence(from)
		}
		for k := from - 1; k >= lo && (k < f || !skip[k-f]) && t.orgNameWord(k); k-- {
			pre = append(pre, t.tok(k).Text)
		}
		if len(pre) > 0 {
			slices.Reverse(pre)
			ws = append(pre, ws...)
		}
	}
	return strings.Join(ws, " ")
}

// bodyNameFrom reports whether the run of name words from token k, before
// e, ends in a body's word ("Naturalization Service").
func (t *tq) bodyNameFrom(k, e int) bool {
	j := k
	for j+1 < e && t.namePart(j+1) {
		j++
	}
	return t.x.lx.bodyWords[strings.ToLower(t.tok(j).Text)]
}

// orgNameWord reports whether token k may be a word of a body's name
// before its proper nouns: a capitalised noun, adjective, participle or
// proper noun, not a form of address, a determiner or a possessive.
func (t *tq) orgNameWord(k int) bool {
	tk := t.tok(k)
	if !startsUpperStr(tk.Text) || t.honorificAt(k) || t.td.Title(k) || t.x.lx.possessives[tk.Text] {
		return false
	}
	switch tk.UPOS {
	case "PROPN", "NOUN", "ADJ":
		return true
	case "VERB":
		return tk.Tag == "VBN" || tk.Tag == "VBG" // "Armed Services"
	}
	return false
}

// descriptionConj reports whether token k, a conjunct, is more of what
// the name it hangs on is rather than a second person: a singular common
// noun after a comma or after an apposition of that name ("Ivo Brodin,
// chief investment officer of X and manager of Y", "Ivo Brodin, pastor
// of the Arlo Church and a Ruiz supporter").
func (t *tq) descriptionConj(k int) bool {
	d := t.td
	if !d.RelIs(k, "conj") || t.tok(k).UPOS != "NOUN" || t.pluralNoun(k) {
		return false
	}
	h := d.Tokens[k].Head
	if h < 0 || t.tok(h).UPOS != "PROPN" {
		return false
	}
	setOff := func(j int) bool { // the words of j follow a comma
		f, _ := d.Subtree(j)
		return t.isComma(f) || f > 0 && t.isComma(f-1)
	}
	if setOff(k) {
		return true
	}
	for _, j := range d.Dependents(h, nil) {
		if j < k && (d.RelIs(j, "appos") || d.RelIs(j, "conj") && t.tok(j).UPOS == "NOUN" && !t.pluralNoun(j)) && setOff(j) {
			return true
		}
	}
	return false
}

// withoutPossessor returns the source words core without the possessor
// of their head ("her campaign", "Varga's lawyer", "many of his
// supporters"): whoever the possessor is, the source is someone else.
func (t *tq) withoutPossessor(s int, core model.Span) model.Span {
	if s < 0 {
		return core
	}
	d := t.td
	heads := []int{s}
	// "many of his supporters": the possessor of the noun the quantity is of
	for _, k := range d.Dependents(s, nil) {
		if d.RelIs(k, "nmod", "obl") && k > s {
			heads = append(heads, k)
		}
	}
	for _, h := range heads {
		p := d.Dependent(h, "nmod:poss")
		if p < 0 {
			continue
		}
		_, pe := d.Subtree(p)
		if pe < len(d.Tokens) && pe-1 >= 0 && t.tok(pe-1).End <= core.End && t.tok(pe-1).End >= core.Start {
			start := t.tok(pe - 1).End
			if pe < len(d.Tokens) && t.x.lx.possessives[t.tok(pe).Text] {
				start = t.tok(pe).End
			}
			if start < core.End {
				return model.NewSpan(t.text, start, core.End)
			}
		}
	}
	return core
}

// governingName returns the person a "he" or "she" at token s is when
// its clause is the complement of a verb whose subject names a person
// before it in the sentence ("Ines Varga said she would …", "X, the
// chair, told reporters that he …"); "" when the nearest such subject
// names no one (a pronoun, a description) or there is none. Through a
// clause of time or reason, a name the verb governs as its object is as
// likely ("Chris Varga described Ana Okafor as a disgrace after she
// attacked …"), and the answer is "". A subject inside the words the
// pronoun's cue reports (reported) is none: "… somehow Islam is
// terroristic, he said", parsed with "said" below "is".
func (t *tq) governingName(s int, reported []model.Span) string {
	d := t.td
	pg := d.Gender(t.tok(s).Text, text.GenderPronoun)
	v := t.tok(s).Head
	for steps := 0; v >= 0 && steps < 4; steps++ {
		if !d.RelIs(v, "ccomp", "xcomp", "conj", "advcl") {
			return ""
		}
		p := t.tok(v).Head
		if p < 0 {
			return ""
		}
		if d.RelIs(v, "advcl") {
			if o := d.Dependent(p, "obj", "iobj"); o >= 0 && o < s && t.tok(o).UPOS == "PROPN" {
				return ""
			}
		}
		if sj := t.subject(p, false); sj >= 0 && sj < s && !t.inQuotation(t.tok(sj).Start) && !inSpans(t.tok(sj).Start, reported) {
			core, _ := t.sourceSpan(sj)
			n := t.nameIn(core)
			if g := t.genderOf(core.Text); n == "" || g == 0 || pg == 0 || g == pg {
				return n
			}
			// a name of the other gender ("X said the foundation should
			// be disbanded if Mrs. Y won, and he added …", the "and"
			// clause hung on "won"): the clause that reports it may say
			// who he is
		}
		v = p
	}
	return ""
}

// parasApart returns how many paragraphs paragraph b is after paragraph
// a, leaving out the headings between them: a subheading between two
// quotations of one speaker ("– Country less safe –") is no break in
// what is reported. A heading is a paragraph of at most eight words with
// no verb. Only a gap of a few paragraphs is read: a longer one is
// returned as it is.
func (t *tq) parasApart(a, b int) int {
	n := b - a
	if n <= 1 || n > 4 {
		return n
	}
	for p := a + 1; p < b; p++ {
		if t.heading(p) {
			n--
		}
	}
	return n
}

// maxHeadingWords bounds the words of a heading (heading).
const maxHeadingWords = 8

// heading reports whether paragraph p is a heading: at most eight words,
// none a verb (not markup a page left in the text, "<tweet …>", which
// stands for what someone wrote).
func (t *tq) heading(p int) bool {
	if p < 0 || p >= len(t.td.Paragraphs) {
		return false
	}
	par := t.td.Paragraphs[p]
	if strings.HasPrefix(par.Text, "<") {
		return false
	}
	words := 0
	for si := par.FirstSentence; si < par.EndSentence; si++ {
		s := t.td.Sentences[si]
		for k := s.FirstToken; k < s.EndToken; k++ {
			switch t.tok(k).UPOS {
			case "VERB", "AUX":
				return false
			case "PUNCT", "SYM":
			default:
				if words++; words > maxHeadingWords {
					return false
				}
			}
		}
	}
	return words > 0
}

// otherOfGender reports whether the sentence of the pronoun at s names,
// before it and outside quotations, someone other than speaker whose
// given name (a word the genders list has, before another name word)
// is of the pronoun's gender g: a speaker whose gender is
// not known is then only a guess ("Chris Varga described Hillary Okafor
// as a disgrace after she attacked …": she is not surely Varga).
func (t *tq) otherOfGender(s int, g byte, speaker string) bool {
	si := t.td.SentenceAt(t.tok(s).Start)
	if g == 0 || si < 0 {
		return false
	}
	for k := t.td.Sentences[si].FirstToken; k < s; k++ {
		tk := t.tok(k)
		if tk.UPOS != "PROPN" || t.inQuotation(tk.Start) || t.td.Gender(tk.Text, text.GenderName) != g {
			continue
		}
		if k+1 >= s || t.tok(k+1).UPOS != "PROPN" || !startsUpperStr(t.tok(k+1).Text) {
			continue // not a given name before a surname ("Scott's hand")
		}
		if !strings.Contains(speaker, tk.Text) {
			return true
		}
	}
	return false
}

// namedInQuotation reports whether the person name's surname was last
// written, before token s, inside a direct quotation: a "he" after it
// is the speaker, not the person the quotation names.
func (t *tq) namedInQuotation(name string, s int) bool {
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	last := -1
	for _, k := range t.occurrences(f[len(f)-1]) {
		if k >= s {
			break
		}
		last = k
	}
	return last >= 0 && t.inQuotation(t.tok(last).Start)
}

// underOtherName reports whether a name other than speaker is the
// subject of a clause between the start of the pronoun's sentence and the
// pronoun at s: "X said Y was right when he said …" (he may be Y as well
// as X), so that the pronoun is not given to one of them on a guess.
func (t *tq) underOtherName(s int, speaker string) bool {
	d := t.td
	si := d.SentenceAt(t.tok(s).Start)
	if si < 0 || speaker == "" {
		return false
	}
	pg := d.Gender(t.tok(s).Text, text.GenderPronoun)
	for k := d.Sentences[si].FirstToken; k < s; k++ {
		if t.tok(k).UPOS != "PROPN" || !d.RelIs(k, "nsubj") {
			// (a name inside the quotation counts too: "“I would say
			// Paul for the time being …,” he said" may be Paul's)
			continue
		}
		sp := t.sourceSpanOf(k)
		if g := t.genderOf(sp.Text); g != 0 && pg != 0 && g != pg {
			continue // "Mrs. Y" is no "he"
		}
		n := t.nameIn(sp)
		if n != "" && !strings.Contains(speaker, n) && !strings.Contains(n, speaker) {
			return true
		}
	}
	return false
}

// groupAntecedent returns the group or body an "it" (or, plural, a
// "they") at token s stands for: the nearest subject before it in its
// sentence, when that subject is a noun for a group, a body or (plural)
// people, and agrees in number ("The council said it would …", "Experts
// say they …"); -1 when the nearest subject is anything else. A pronoun
// that opens its sentence, with no subject before it, stands for the
// subject of the sentence before in its paragraph, on the same terms
// ("Voting rights advocates have expressed concern. They cite …").
func (t *tq) groupAntecedent(s int, plural bool) int {
	d := t.td
	si := d.SentenceAt(t.tok(s).Start)
	if si < 0 {
		return -1
	}
	first := d.Sentences[si].FirstToken
	for k := s - 1; k >= first; k-- {
		if t.inQuotation(t.tok(k).Start) {
			continue // "“These results should …,” they argued": what was said, not who
		}
		if d.RelIs(k, "nsubj") && !d.RelIs(k, "nsubj:pass") {
			return t.groupFits(k, plural)
		}
	}
	for k := first; k < s; k++ {
		if t.tok(k).UPOS != "PUNCT" {
			return -1 // not the first word: "In March they …"
		}
	}
	if si == 0 || d.Sentences[si].Para != d.Sentences[si-1].Para {
		return -1
	}
	prev := d.Sentences[si-1]
	for k := prev.FirstToken; k < prev.EndToken; k++ {
		if t.tok(k).Head < 0 && t.tok(k).UPOS == "VERB" {
			if sj := d.Dependent(k, "nsubj"); sj >= 0 && !d.RelIs(sj, "nsubj:pass") && t.region(sj) < 0 {
				return t.groupFits(sj, plural)
			}
			return -1
		}
	}
	return -1
}

// groupFits returns the subject k if an "it" (or, plural, a "they") may
// stand for it (see groupAntecedent), else -1.
func (t *tq) groupFits(k int, plural bool) int {
	tk := t.tok(k)
	if tk.UPOS != "NOUN" && tk.UPOS != "PROPN" || !t.wordIn(t.x.lx.sourceNouns, k) {
		return -1 // a pronoun, a person's name, a thing: not for "it" or "they" to take
	}
	many := t.pluralNoun(k)
	if plural != many || !plural && t.wordIn(t.x.lx.personNouns, k) {
		return -1 // "the official said it …": no group
	}
	if t.td.Dependent(k, "nmod:poss") >= 0 || t.td.Dependent(k, "conj") >= 0 {
		return -1 // "Varga's proposal … it": a thing of someone's; "X and Y … they"
	}
	if tk.UPOS == "PROPN" && !t.wordIn(t.x.lx.bodyWords, k) && t.td.Dependent(k, "det") < 0 {
		return -1 // a name alone ("WASHINGTON", "Varga") may be a place or a person
	}
	return k
}

// describes reports whether the source at s, with words core, describes
// a person or a group without naming them: a noun phrase, not a pronoun,
// a relative or a demonstrative, of at most a few words.
func (t *tq) describes(s int, core model.Span) bool {
	if s < 0 || core.End <= core.Start {
		return false
	}
	tk := t.tok(s)
	low := strings.ToLower(tk.Text)
	if u := tk.UPOS; u == "PRON" || u == "ADJ" || u == "NUM" || u == "DET" {
		// "many of his supporters", "two of the judges": the noun the
		// quantity is of
		for _, k := range t.td.Dependents(s, nil) {
			if k > s && t.td.RelIs(k, "nmod") && t.tok(k).UPOS == "NOUN" {
				return !t.x.lx.personPronouns[low] && !t.x.lx.groupPronouns[low] && !t.x.lx.relatives[low] &&
					t.describes(k, core)
			}
		}
	}
	if tk.UPOS != "NOUN" && tk.UPOS != "PROPN" || t.x.lx.personPronouns[low] || t.x.lx.groupPronouns[low] ||
		t.x.lx.relatives[low] || t.demonstrative(s) || t.firstPerson(s) || t.x.lx.timeWords[low] {
		return false
	}
	if tk.UPOS == "NOUN" && !t.wordIn(t.x.lx.sourceNouns, s) {
		return false // "the dresses", "a bomb": a thing the parse made the subject
	}
	return len(strings.Fields(core.Text)) <= maxDescriptionWords
}

// maxDescriptionWords bounds a description shown as a speaker: longer
// source phrases are clauses the parse took in.
const maxDescriptionWords = 12

// modifier reports whether token k is a word that modifies a title
// after it: an adjective, a determiner or a common noun.
func (t *tq) modifier(k int) bool {
	u := t.tok(k).UPOS
	return u == "ADJ" || u == "DET" || u == "NOUN"
}

// withoutPossessive returns w without a possessive ending ("Varga's").
func (t *tq) withoutPossessive(w string) string {
	for e := range t.x.lx.possessives {
		if len(w) > len(e) && strings.HasSuffix(w, e) {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

// leadingName returns the name that source words core hold before their
// first comma, as news writes a name and then what the person is ("Gary
// Orfield, education and law professor at …", "former secretary of state
// Ana Ruiz, who …"), when the parse hid it (a name read as a possessive
// or a conjunct): two or more words of a name at the end of the words
// before the comma, with no capitalised word before them but forms of
// address and a title opening them ("Representative Peter T. King"), or
// "".
func (t *tq) leadingName(core model.Span) string {
	f := t.firstOf(core)
	c := f
	for c < len(t.td.Tokens) && t.tok(c).End <= core.End && t.tok(c).Text != "," {
		c++
	}
	if c >= len(t.td.Tokens) || t.tok(c).Text != "," || t.tok(c).End > core.End {
		return ""
	}
	k := c
	for k > f && (t.namePart(k-1) || t.tok(k-1).UPOS == "PROPN" && startsUpperStr(t.tok(k-1).Text)) {
		k--
	}
	// a title or a form of address opening the run is not the name
	for k < c && (t.honorificAt(k) || t.td.Title(k) || t.x.lx.personNouns[strings.ToLower(t.tok(k).Text)] || !t.namePart(k)) {
		k++
	}
	if c-k < 2 {
		return ""
	}
	for j := f; j < k; j++ {
		tk := t.tok(j)
		if j > f && startsUpperStr(tk.Text) && !t.honorificAt(j) && !t.td.Title(j) && !t.x.lx.personNouns[strings.ToLower(tk.Text)] {
			return "" // "the Committee for Responsible Budget, …": another name's words
		}
		if tk.UPOS == "PUNCT" {
			return "" // a title in quotation marks ("“Fox News,” …")
		}
	}
	var ws []string
	for j := k; j < c; j++ {
		if !t.namePart(j) && !(t.tok(j).UPOS == "PROPN" && startsUpperStr(t.tok(j).Text)) || t.x.lx.timeWords[strings.ToLower(t.tok(j).Text)] {
			return ""
		}
		ws = append(ws, t.tok(j).Text)
	}
	return strings.Join(ws, " ")
}

// namePart reports whether token k can be part of a person's name: a
// proper noun that is not a title, a role word or a form of address.
func (t *tq) namePart(k int) bool {
	tk := t.tok(k)
	if tk.UPOS == "ADJ" && tk.Tag == "NNP" && startsUpperStr(tk.Text) {
		// "the Associated Press", "the International Monetary Fund":
		// capitalised words the two tag sets disagree on, before a
		// proper noun, are part of the name
		j := k + 1
		for j < len(t.td.Tokens) && t.tok(j).UPOS == "ADJ" && t.tok(j).Tag == "NNP" {
			j++
		}
		return j < len(t.td.Tokens) && t.tok(j).UPOS == "PROPN"
	}
	if tk.UPOS != "PROPN" {
		return false
	}
	low := strings.ToLower(strings.TrimSuffix(tk.Text, "."))
	if t.x.lx.stopwords[low] {
		// "Theresa May", "Ben Will": a capitalised function word after a
		// given name is a surname
		return k > 0 && startsUpperStr(tk.Text) && t.tok(k-1).UPOS == "PROPN" && !t.x.lx.stopwords[strings.ToLower(t.tok(k-1).Text)] &&
			!t.x.lx.speakerWords[strings.ToLower(strings.TrimSuffix(t.tok(k-1).Text, "."))]
	}
	return !t.x.lx.speakerWords[low] && !t.x.lx.honorifics[low] && !t.x.lx.honorifics[low+"."]
}

// believable reports whether a resolver's answer for the source words
// core can stand: it keeps the name the words give (own), is not made of
// the words' own title or complement words ("Mayor" for "Mayor Okafor",
// "Fisheries" for "the Cabinet Secretary for Fisheries"), and is not a
// person the document first names only after the quote.
func (t *tq) believable(resolved, own string, core model.Span, src int) bool {
	rw := strings.Fields(strings.ToLower(resolved))
	if len(rw) == 0 {
		return false
	}
	if own != "" {
		ow := strings.Fields(strings.ToLower(own))
		return rw[len(rw)-1] == ow[len(ow)-1]
	}
	// "Varga's former campaign strategist" is not Varga: a name that is
	// only the possessor of the source is someone else
	first := t.firstOf(core)
	for k := first; k < len(t.td.Tokens) && t.tok(k).End <= core.End; k++ {
		if t.td.RelIs(k, "nmod:poss") && strings.EqualFold(t.withoutPossessive(t.tok(k).Text), rw[len(rw)-1]) {
			return false
		}
	}
	inPhrase := true
	low := strings.ToLower(core.Text)
	for _, w := range rw {
		if !strings.Contains(low, w) {
			inPhrase = false
		}
	}
	if inPhrase {
		return false
	}
	// A person the document names, but only after the source, is not
	// who the source is (a dictionary may know a holder the text never
	// names).
	if at := t.occurrences(rw[len(rw)-1]); len(at) > 0 {
		return at[0] < src
	}
	return true
}

// canHoldRole reports whether the source word at s can stand for a
// person or a body by its role: a proper noun, or a common noun for a
// person ("the president") or a body ("the ministry"), not a document
// ("a database", "the memo").
func (t *tq) canHoldRole(s int) bool {
	tk := t.tok(s)
	if tk.UPOS != "NOUN" || startsUpperStr(tk.Text) {
		return true // a name, a pronoun, or a name tagged a noun ("the IMF", "the Trump who …")
	}
	w := strings.ToLower(tk.Text)
	return t.wordIn(t.x.lx.personNouns, s) || t.wordIn(t.x.lx.bodyWords, s) || t.x.lx.singularGroup[w] || t.x.lx.pluralGroup[w]
}

// roleName returns the person the document named earlier with the role
// word at token s ("The Chairperson" after "Chairperson Tendai Mokoena",
// "the senator" after "Sen. Ana Ruiz"), with the same qualifiers
// ("Northland" ambassador), the same complement ("the secretary of
// state" after "Secretary of State Ana Ruiz"; "the president of the
// Assembly" is not "President Mira Solheim"), and a role held then as
// now ("the former minister" is not "Minister Karl Brodin", nor "the
// minister" "former Minister Karl Brodin"); "" when it named none, or
// several.
func (t *tq) roleName(s int) string {
	role := strings.ToLower(t.tok(s).Text)
	if !t.x.lx.speakerWords[role] || t.x.lx.anonymousHeads[role] {
		return ""
	}
	var quals, comp []string
	for _, k := range t.td.Dependents(s, nil) {
		switch {
		case t.td.RelIs(k, "nmod") && k > s && comp == nil:
			// a complement right after the role, of a few words, is
			// compared word for word ("of State")
			first, end := t.td.Subtree(k)
			if first != s+1 || end-first > maxRoleComplement {
				return ""
			}
			for j := first; j < end; j++ {
				comp = append(comp, strings.ToLower(t.tok(j).Text))
			}
		case t.td.RelIs(k, "nmod", "acl"):
			return "" // a complement the name cannot be checked against
		case t.td.RelIs(k, "amod", "compound", "nmod:poss", "flat") && k < s && !t.x.lx.speakerWords[strings.ToLower(t.tok(k).Text)]:
			// "General Secretary" is "Secretary General": title words
			// are the role, not qualifiers of it
			quals = append(quals, strings.ToLower(t.tok(k).Text))
		}
	}
	found := ""
	for _, k := range t.roleOccurrences(role) {
		if k+1 >= s {
			break
		}
		if !t.heldAsQualified(k, quals) {
			continue
		}
		if other := t.appositiveHolder(k); other != "" {
			// "Cruz, the senator from Texas": another holder of the
			// role, named without the title
			if found != "" && !samePersonNamed(found, other) {
				return ""
			}
			found = cmp.Or(found, other)
			continue
		}
		// the name after the title, its complement and any other title
		// words ("Deputy Secretary General Tendai Mokoena")
		n := k + 1
		if comp != nil {
			if !t.wordsAt(n, comp) {
				continue
			}
			n += len(comp)
		}
		for n < s && n < k+4+len(comp) && t.isTitleWord(n) {
			n++
		}
		// "the Prime Minister of Northland, Mr. Karl Brodin"
		if comp == nil && n+1 < s && t.x.lx.titleComplements[strings.ToLower(t.td.Tokens[n].Text)] {
			j := n + 1
			for j < s && j < n+6 && t.td.Tokens[j].Text != "," {
				j++
			}
			if j+1 < s && t.td.Tokens[j].Text == "," {
				n = j + 1
				for n < s && t.isTitleWord(n) {
					n++
				}
			}
		}
		if n >= s || t.td.Tokens[n].UPOS != "PROPN" {
			if comp == nil && t.placedRole(k) {
				// "the senator from Florida": a holder the text
				// describes, who may be another than the one named
				return ""
			}
			continue
		}
		e := n
		for e < len(t.td.Tokens) && e < n+4 && t.td.Tokens[e].UPOS == "PROPN" {
			e++
		}
		name := t.nameIn(model.NewSpan(t.text, t.td.Tokens[n].Start, t.td.Tokens[e-1].End))
		if name == "" {
			return ""
		}
		// "Adm. Harry B. Harris Jr." and "Admiral Harris" are one
		// person, named by the longer
		if found != "" && !samePersonNamed(found, name) {
			return ""
		}
		if len(name) > len(found) {
			found = name
		}
	}
	return found
}

// heldAsQualified reports whether the role word at k has the qualifiers
// quals among the three words before it, and no word saying it is not
// held now ("former") that quals lack.
func (t *tq) heldAsQualified(k int, quals []string) bool {
	for _, q := range quals {
		seen := false
		for j := max(0, k-3); j < k; j++ {
			if strings.ToLower(t.tok(j).Text) == q {
				seen = true
			}
		}
		if !seen {
			return false
		}
	}
	for j := max(0, k-3); j < k; j++ {
		if w := strings.ToLower(t.tok(j).Text); t.x.lx.notCurrent[w] && !slices.Contains(quals, w) {
			return false // held then, not now
		}
	}
	return true
}

// samePersonNamed reports whether names a and b are one person's
// (model.SamePerson, or one of them a lone word of the other: "Harris"
// of "Harry B. Harris Jr.").
func samePersonNamed(a, b string) bool {
	lone := func(name, full string) bool {
		return !strings.Contains(name, " ") && slices.Contains(strings.Fields(full), name)
	}
	return model.SamePerson(a, b) || lone(a, b) || lone(b, a)
}

// placedRole reports whether the role word at k is followed by a place
// or a body ("senator from Texas", "governor of Ohio").
func (t *tq) placedRole(k int) bool {
	j := k + 1
	if j >= len(t.td.Tokens) || !t.x.lx.placePreps[strings.ToLower(t.tok(j).Text)] {
		return false
	}
	j++
	if j < len(t.td.Tokens) && t.x.lx.definite[strings.ToLower(t.tok(j).Text)] {
		j++
	}
	return j < len(t.td.Tokens) && t.tok(j).UPOS == "PROPN"
}

// appositiveHolder returns the name the role word at k stands in
// apposition to, set off by a comma ("Cruz, the senator from Texas"),
// or "".
func (t *tq) appositiveHolder(k int) string {
	h := t.tok(k).Head
	if k < 3 || h < 0 || h >= k-1 || !t.td.RelIs(k, "appos") || t.tok(h).UPOS != "PROPN" || t.tok(k-2).Text != "," || !t.x.lx.definite[strings.ToLower(t.tok(k-1).Text)] {
		return ""
	}
	b := h
	for b > 0 && b > h-4 && t.tok(b-1).UPOS == "PROPN" {
		b--
	}
	return t.nameIn(model.NewSpan(t.text, t.tok(b).Start, t.tok(h).End))
}

// maxRoleComplement is the most words of a role's complement that
// roleName compares ("of the Northland Assembly").
const maxRoleComplement = 5

// roleOccurrences returns the tokens that are the role word or one of
// its abbreviations before a name ("Sen.", "Sen"), ascending.
func (t *tq) roleOccurrences(role string) []int {
	abbrevs := t.x.lx.titleAbbrevs[role]
	if len(abbrevs) == 0 {
		return t.occurrences(role)
	}
	at := slices.Clone(t.occurrences(role))
	for _, a := range abbrevs {
		at = append(at, t.occurrences(a)...)
		at = append(at, t.occurrences(a+".")...)
	}
	slices.Sort(at)
	return at
}

// wordsAt reports whether the tokens from k are the words ws (lower case).
func (t *tq) wordsAt(k int, ws []string) bool {
	if k+len(ws) > len(t.td.Tokens) {
		return false
	}
	for i, w := range ws {
		if strings.ToLower(t.tok(k+i).Text) != w {
			return false
		}
	}
	return true
}

// isTitleWord reports whether token k is a capitalised title or a form
// of address ("General", "Mr.").
func (t *tq) isTitleWord(k int) bool {
	tk := t.tok(k)
	low := strings.ToLower(strings.TrimSuffix(tk.Text, "."))
	return startsUpperStr(tk.Text) && (t.x.lx.speakerWords[low] && !t.x.lx.stopwords[low] || t.x.lx.honorifics[low] || t.x.lx.honorifics[low+"."])
}

// pronounNameAt returns the person a "he" or "she" at token s refers to:
// the nearest subject before it, in its paragraph or the previous one,
// that names or titles a person ("Jane Doe said …", "the minister said
// …"), resolved; "" when that subject cannot be resolved. It never skips
// an unresolved nearer subject to reach an older name.
// It returns the subject's token too.
func (t *tq) pronounNameAt(s, para int) (string, int) {
	lo := 0
	if pp := max(para-1, 0); pp < len(t.td.Paragraphs) && t.td.Paragraphs[pp].FirstSentence < len(t.td.Sentences) {
		lo = t.td.Sentences[t.td.Paragraphs[pp].FirstSentence].FirstToken
	}
	si := t.td.SentenceAt(t.tok(s).Start)
	first := -1
	if si >= 0 {
		first = t.td.Sentences[si].FirstToken
	}
	named := false // a name of the pronoun's own sentence was passed
	for k := s - 1; k >= lo; k-- {
		if t.inQuotation(t.tok(k).Start) {
			continue // the quotation's own words name no one who says it
		}
		if k < first && named {
			// the pronoun's sentence names someone before it whom the
			// parse made no subject ("Christie, who has campaigned for
			// Trump since he suspended …, blasted" read with Christie as
			// the root): the pronoun may be them, never an older name
			return "", -1
		}
		if k >= first && t.tok(k).UPOS == "PROPN" && t.td.RelIs(k, "root", "appos", "dep", "parataxis", "list") {
			named = true // (a place or a setting, "In Iowa, he said", is none)
		}
		if k >= first && t.tok(k).UPOS == "PROPN" && t.td.RelIs(k, "obj", "iobj") {
			// a name the pronoun's sentence governs as an object before
			// it may be the one meant as well as its subject ("Chris
			// Varga described Ana Okafor as a disgrace after she …")
			return "", -1
		}
		if !t.td.RelIs(k, "nsubj") {
			// A person named by role nearer than any subject ("the
			// Secretary General specified …" parsed without its subject):
			// the pronoun may be them, so it is theirs or nobody's, never
			// a name further back.
			tk := t.tok(k)
			low := strings.ToLower(tk.Text)
			if t.x.lx.speakerWords[low] && !t.x.lx.anonymousHeads[low] && !t.x.lx.bodyWords[low] &&
				(tk.UPOS == "PROPN" || tk.UPOS == "NOUN" && k > 0 && t.x.lx.definite[strings.ToLower(t.tok(k-1).Text)]) &&
				(k+1 >= len(t.td.Tokens) || t.tok(k+1).UPOS != "PROPN" || t.x.lx.speakerWords[strings.ToLower(t.tok(k+1).Text)]) {
				return t.roleName(k), k
			}
			continue
		}
		low := strings.ToLower(t.tok(k).Text)
		if t.x.lx.personPronouns[low] || t.x.lx.relatives[low] || t.x.lx.groupPronouns[low] {
			continue
		}
		if h := t.tok(k).Head; h >= 0 && h < k && t.secondSubjectAfter(h) {
			continue // "he said Varga": what was said, not who said it
		}
		if t.pluralNoun(k) && t.x.lx.personPronouns[strings.ToLower(t.tok(s).Text)] {
			continue // "many Democrats say" is not who "she" is
		}
		core, _ := t.sourceSpan(k)
		if n := t.nameIn(core); n != "" {
			if k < first && !t.mainSubject(k) {
				// the sentence before's last subject is of a clause inside
				// it ("Levin dismissed concerns that he is bucking his
				// state … even though Sanders won Michigan. “…,” he
				// said"): its main subject, when it names someone, is
				// whom a pronoun after it means
				if m := t.mainSubjectName(k); m != "" {
					return m, k
				}
			}
			return n, k
		}
		if t.x.lx.speakerWords[low] && !t.x.lx.anonymousHeads[low] {
			return t.roleName(k), k // a titled person: theirs, or nobody's
		}
		if t.x.lx.personNouns[low] || t.x.lx.anonymousHeads[low] {
			// a person the sentence does not name ("said the woman, who
			// did not want to be named"): the pronoun may be them, and
			// an unnamed person is never given an older name
			return "", -1
		}
	}
	return "", -1
}

// mainSubject reports whether the subject at k is that of its
// sentence's main clause: its verb is the root, or hangs from it through
// coordination, parataxis or an open complement.
func (t *tq) mainSubject(k int) bool {
	for v := t.tok(k).Head; v >= 0; v = t.tok(v).Head {
		switch {
		case t.tok(v).Head < 0:
			return true
		case !t.td.RelIs(v, "conj", "parataxis", "xcomp"):
			return false
		}
	}
	return false
}

// mainSubjectName returns the name the main clause's subject of the
// sentence holding token k gives, outside quotations, or "".
func (t *tq) mainSubjectName(k int) string {
	si := t.td.SentenceAt(t.tok(k).Start)
	if si < 0 {
		return ""
	}
	sent := t.td.Sentences[si]
	for r := sent.FirstToken; r < sent.EndToken; r++ {
		if t.tok(r).Head >= 0 {
			continue
		}
		sj := t.td.Dependent(r, "nsubj")
		if sj < 0 || t.inQuotation(t.tok(sj).Start) {
			return ""
		}
		core, _ := t.sourceSpan(sj)
		return t.nameIn(core)
	}
	return ""
}

// complete turns a lone surname into the fuller name the document gives
// one person ("Mokoena" → "Tendai Mokoena"), when exactly one fuller name
// ends with it.
func (t *tq) complete(name string) string {
	if strings.Contains(name, " ") {
		return name
	}
	found := ""
	toks := t.td.Tokens
	for _, i := range t.occurrences(name) {
		if i < 1 || toks[i].Text != name || toks[i].UPOS != "PROPN" || toks[i-1].UPOS != "PROPN" {
			continue
		}
		if text.PluralTag(toks[i].Tag) {
			// a group ("many Republicans"), not a surname: "Senate
			// Republicans" elsewhere is not who they are
			return name
		}
		k := i
		for k > 0 && toks[k-1].UPOS == "PROPN" && !t.x.lx.speakerWords[strings.ToLower(toks[k-1].Text)] &&
			!t.x.lx.honorifics[strings.ToLower(strings.TrimSuffix(toks[k-1].Text, "."))] && !t.td.Title(k-1) && i-k < 3 {
			k--
		}
		if k == i {
			continue
		}
		var ws []string
		for j := k; j <= i; j++ {
			ws = append(ws, toks[j].Text)
		}
		full := strings.Join(ws, " ")
		if found != "" && found != full {
			return name
		}
		found = full
	}
	if found == "" {
		return name
	}
	return found
}

// groupSource reports whether the source at s is a group, a body or a
// thing that speaks for itself rather than a person left unnamed: a
// plural noun, a proper noun, or a noun that is no title (a title alone
// stays unknown, so that it is never taken for someone else).
func (t *tq) groupSource(s int) bool {
	tk := t.tok(s)
	low := strings.ToLower(tk.Text)
	if tk.UPOS == "PROPN" && t.x.lx.bodyWords[low] {
		// "the Ministry of Fisheries": a body's name (not "the Cabinet
		// Secretary for Fisheries", a role)
		for _, k := range t.td.Dependents(s, nil) {
			if k > s && t.td.RelIs(k, "nmod") && t.tok(k).UPOS == "PROPN" {
				return true
			}
		}
	}
	if t.x.lx.personPronouns[low] || t.x.lx.groupPronouns[low] || t.demonstrative(s) || t.x.lx.stopwords[low] ||
		t.x.lx.speakerWords[low] || t.x.lx.honorifics[low] {
		return false
	}
	switch {
	case tk.UPOS == "PROPN":
		return true
	case tk.UPOS == "NOUN" && !t.wordIn(t.x.lx.sourceNouns, s):
		// "the dresses", "a bomb": a parse that made a thing the
		// subject of a cue names no source
		return false
	case tk.UPOS == "NOUN" && t.pluralNoun(s):
		return true
	case tk.UPOS == "NOUN":
		return !t.x.lx.speakerWords[low] && !t.x.lx.anonymousHeads[low]
	}
	return false
}

// firstOf returns the index of the first token of sp.
func (t *tq) firstOf(sp model.Span) int {
	if k := t.td.TokenAt(sp.Start); k >= 0 {
		return k
	}
	return len(t.td.Tokens)
}

// finiteIn reports whether the words of sp hold a finite verb.
func (t *tq) finiteIn(sp model.Span) bool {
	for k := t.firstOf(sp); k < len(t.td.Tokens) && t.tok(k).End <= sp.End; k++ {
		if text.FiniteTag(t.tok(k).Tag) {
			return true
		}
	}
	return false
}

// groupName is an anonymous source's name: its words without a leading
// article ("US officials", "senior official").
func groupName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, a := range []string{"the ", "a ", "an ", "The ", "A ", "An "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}
