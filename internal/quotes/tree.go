package quotes

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Attribution from the dependency tree.
//
// A cue is a verb whose lemma the lexicon lists (say, tell, argue,
// believe, show, …) or the phrase "according to". Its source is its
// subject: nsubj, found through coordinated and controlled verbs ("X met
// Y and said …", "X declined to say …") and participles ("…, adding …"),
// and for a relative pronoun the noun the clause describes ("the mayor,
// who said …"); for "according to X" the source is X. Its content, in
// order:
//
//  1. a quotation in its sentence (or the sentence that the quotation
//     opens or closes) nearest to it: a direct quote;
//  2. its clausal complement (ccomp), without the "that" that opens it;
//  3. a that-clause the parser hung under its object ("told reporters that
//     …");
//  4. the clause it is inserted in, for "C, he said" and "according to X,
//     C" (the cue is a parataxis or oblique of C);
//  5. for the verbs listed under object_content, the rest of its clause
//     ("called the plan a disaster").
//
// A cue with none of these reports nothing.

// tq is one sentence's worth of the tree and the paragraph's quotations.
type tq struct {
	x    *Extractor
	doc  *model.Document
	td   *text.Doc
	text string
	// inRegion is, per token of the paragraph, the index of the quotation
	// region holding it, or -1 (offset by first).
	first    int
	inRegion []int
	regions  []region
	buf      []int
	// genders maps a surname, lower case, to 'm' or 'f' when the
	// document gives the person a gendered title ("Mr. Kamau", "Ms.
	// Njeri"), 0 when its titles disagree; built on first use.
	genders map[string]byte
	// at maps a word, lower case, to the indexes of the document's
	// tokens that are that word, ascending; built on first use, so that
	// looking a name or a title up elsewhere in the document costs its
	// occurrences, not the document's length.
	at map[string][]int
	// quoted are the words of the document's direct quotations, sorted
	// (set for the whole document's resolution, not per paragraph).
	quoted []model.Span
	// honorifics are the byte offsets of the forms of address the text
	// layer found before names ("Gen.", "Gov.", "Sen."); built on first
	// use.
	honorifics map[int]bool
}

// honorificAt reports whether token k is a form of address the text
// layer found before a name.
func (t *tq) honorificAt(k int) bool {
	if t.honorifics == nil {
		t.honorifics = map[int]bool{}
		for _, n := range t.td.Names() {
			if n.Honorific.End > n.Honorific.Start {
				t.honorifics[n.Honorific.Start] = true
			}
		}
	}
	return t.honorifics[t.tok(k).Start]
}

// inQuotation reports whether byte offset pos lies in the words of a
// direct quotation of the document.
func (t *tq) inQuotation(pos int) bool {
	i := sort.Search(len(t.quoted), func(i int) bool { return t.quoted[i].End > pos })
	return i < len(t.quoted) && t.quoted[i].Start <= pos
}

// quotedTok reports whether token k is inside a quotation: a region of
// the paragraph read for candidates, or the words of a direct quotation
// of the document (when speakers are resolved).
func (t *tq) quotedTok(k int) bool {
	return t.region(k) >= 0 || t.inQuotation(t.tok(k).Start)
}

// occurrences returns the indexes of the tokens that are the word w
// (any case), ascending.
func (t *tq) occurrences(w string) []int {
	if t.at == nil {
		t.at = map[string][]int{}
		for k := range t.td.Tokens {
			low := strings.ToLower(t.td.Tokens[k].Text)
			t.at[low] = append(t.at[low], k)
		}
	}
	return t.at[strings.ToLower(w)]
}

// genderOf returns the gender of name's own title or given name
// (text.Doc.NameGender), else the gender the document's titles give the
// person with name's surname ("Mr. Kamau"): 'm', 'f', or 0 when unknown
// or when those titles disagree.
func (t *tq) genderOf(name string) byte {
	if t.genders == nil {
		t.genders = map[string]byte{}
		for k := 0; k+1 < len(t.td.Tokens); k++ {
			g := t.td.Gender(t.tok(k).Text, text.GenderTitle)
			if g == 0 {
				continue
			}
			j := k + 1
			if t.tok(j).Text == "." {
				j++
			}
			// the last capitalised word of the name after the title
			last := ""
			for ; j < len(t.td.Tokens) && j < k+6 && startsUpperStr(t.tok(j).Text); j++ {
				last = strings.ToLower(t.tok(j).Text)
			}
			if last == "" {
				continue
			}
			if old, ok := t.genders[last]; ok && old != g {
				g = 0
			}
			t.genders[last] = g
		}
	}
	if g := t.td.NameGender(name); g != 0 {
		// its own title or given name first: "Mrs. Clinton" where "Mr.
		// Clinton" is named too
		return g
	}
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return 0
	}
	return t.genders[f[len(f)-1]]
}

func (t *tq) tok(i int) *text.Token { return &t.td.Tokens[i] }

// according reports whether token i is the first word of "according to".
func (t *tq) according(i int) bool {
	return strings.EqualFold(t.tok(i).Text, t.x.lx.accordingTo[0])
}

// inSource reports whether token i is the preposition of "in a poll, C":
// before a noun of in_sources that hangs from the clause C as an
// oblique, set before C's subject ("In a poll released Sunday, X leads")
// or after a comma ("X leads by 9 points, in a poll released Sunday").
// A clause whose subject is a relative pronoun, or a phrase inside the
// clause, tells where someone stands in polls, not what one reports
// ("who has been leading in the polls", "Y has risen in the polls").
func (t *tq) inSource(i int) bool {
	d := t.td
	h := t.tok(i).Head
	if h <= i || !d.RelIs(i, "case") || !strings.EqualFold(t.tok(i).Text, t.x.lx.inSourcePrep) ||
		!t.x.lx.inSources[strings.ToLower(t.tok(h).Lemma)] || !d.RelIs(h, "obl") {
		return false
	}
	v := t.tok(h).Head
	if v < 0 || t.x.lx.kind[t.tok(v).Lemma] != "" {
		return false // ("In a poll, Y found that …": Y's finding)
	}
	sj := d.Dependent(v, "nsubj", "nsubj:pass")
	if sj < 0 || t.tok(sj).Tag == "WP" || t.tok(sj).Tag == "WDT" {
		return false
	}
	return i < sj || i > v && t.isComma(i-1)
}

// complementizer reports whether token k is a complementizer ("that").
func (t *tq) complementizer(k int) bool {
	return t.x.lx.complementizers[strings.ToLower(t.tok(k).Text)]
}

func (t *tq) region(i int) int {
	if k := i - t.first; k >= 0 && k < len(t.inRegion) {
		return t.inRegion[k]
	}
	return -1
}

// cueKind returns the kind of attribution token i reports as a cue, and
// the end of the cue's tokens; "" when it is not a cue.
func (t *tq) cueKind(i, sentEnd int) (string, int) {
	tk := t.tok(i)
	if t.according(i) && i+1 < sentEnd && strings.ToLower(t.tok(i+1).Text) == t.x.lx.accordingTo[1] {
		return model.KindSpeech, i + 2
	}
	if t.inSource(i) {
		return model.KindEvidence, i + 1
	}
	if tk.UPOS != "VERB" {
		return "", 0
	}
	k := t.x.lx.kind[tk.Lemma]
	if k == "" && strings.EqualFold(tk.Lemma, tk.Text) {
		// a verb the lemmatizer does not know ("tweeted"): its regular
		// base form
		k = t.x.lx.kind[regularBase(strings.ToLower(tk.Text), t.x.lx.kind)]
	}
	end := i + 1
	if p, ok := t.x.lx.particleCues[strings.ToLower(tk.Lemma)]; ok && k == "" && end < sentEnd &&
		strings.ToLower(t.tok(end).Text) == p && t.tok(end).Head == i {
		k, end = model.KindSpeech, end+1 // "shot back"
	}
	if k == "" {
		return "", 0
	}
	// "show up", "find out", "figure out": with a particle, a verb of
	// evidence or thought, or one that takes a mere object, is another
	// verb
	if (k == model.KindEvidence || k == model.KindThought || t.x.lx.objectContent[tk.Lemma]) && t.td.Dependent(i, "compound:prt") >= 0 {
		return "", 0
	}
	if t.counterfactual(i) || t.unsaid(i) || t.imperative(i) || t.requested(i) {
		return "", 0
	}
	if tk.Tag == "VBN" && t.td.RelIs(i, "acl") && tk.Head == i-1 && t.x.lx.namingVerbs[strings.ToLower(tk.Lemma)] &&
		t.td.Dependent(i, "iobj") < 0 && (t.td.Dependent(i, "obj") < 0 || t.td.Dependent(i, "xcomp") < 0) {
		// "a super PAC called Future 45 ran ads": a participle of
		// naming right after its noun gives the noun's name, not
		// speech (not "…, which X, called …", a clause the parse may
		// hang the same way, nor "the letter called Oz a quack", a
		// naming of someone as something)
		return "", 0
	}
	if t.td.RelIs(i, "amod") && tk.Head > i && (tk.Tag == "VBN" || tk.Tag == "VBG") && t.td.Dependent(i, "obj", "ccomp") < 0 &&
		t.modifies(i) && !t.thatAfter(tk.Head, sentEnd) {
		// a participle before its noun describes it: "1,700 pledged
		// delegates", "the alleged plot", nobody's words (but "repeated
		// warnings from his attorney that …" report what was warned)
		return "", 0
	}
	// A capitalised verb inside a sentence is part of a name ("the League
	// of Arab States Says …" in a headline, "Call of Duty").
	if i > t.firstOfSentence(i) && startsUpperStr(tk.Text) && t.tok(i-1).UPOS != "PUNCT" {
		return "", 0
	}
	if t.x.lx.directOnly[tk.Lemma] && t.doesOther(i) {
		// "who went on to work alongside him", "began to cry": the
		// verb of another act, not of speech ("went on to say" is)
		return "", 0
	}
	return k, end
}

// doesOther reports whether the verb at i has an infinitive complement
// that is no cue ("went on to work").
func (t *tq) doesOther(i int) bool {
	d := t.td
	for _, c := range d.Dependents(i, t.buf[:0]) {
		if !d.RelIs(c, "xcomp", "advcl") || c < i || t.tok(c).UPOS != "VERB" {
			continue
		}
		if m := d.Dependent(c, "mark"); m >= 0 && t.tok(m).Tag == "TO" && t.x.lx.kind[t.tok(c).Lemma] == "" {
			return true
		}
	}
	return false
}

// counterfactual reports whether the verb at i is in a modal's perfect
// ("would have described", "could have said"): what it reports was not
// said.
func (t *tq) counterfactual(i int) bool {
	modal, perfect := false, false
	var b [8]int
	for _, k := range t.td.Dependents(i, b[:0]) {
		if !t.td.RelIs(k, "aux") {
			continue
		}
		switch tk := t.tok(k); {
		case tk.Tag == "MD":
			modal = true
		case t.x.lx.perfectAux[strings.ToLower(tk.Lemma)]:
			perfect = true
		}
	}
	return modal && perfect
}

// passive reports whether the cue at i is in the passive ("was told"),
// also a bare participle that opens its sentence or follows the word
// opening its clause ("when asked what …", "Asked about the levy, she
// said"): who was asked is not who asked.
func (t *tq) passive(i int) bool {
	d := t.td
	if d.Dependent(i, "aux:pass", "nsubj:pass") >= 0 {
		return true
	}
	if a := d.Dependent(i, "obl:agent"); a >= 0 && t.tok(i).Tag == "VBN" && d.Dependent(i, "aux", "nsubj") < 0 && t.canSpeak(a) &&
		(!d.RelIs(i, "acl") || t.wordIn(t.x.lx.characterizing, i)) {
		// a participle with its "by" phrase naming someone: "the
		// inquiry, often labeled as a “witch hunt” by Democrats", "when
		// asked by a reporter if …" (not "said by telephone", nor what
		// a noun's participle says was done: "measures added by
		// Republicans")
		return true
	}
	if t.tok(i).Tag != "VBN" || !d.RelIs(i, "advcl") || d.Dependent(i, "aux", "nsubj") >= 0 {
		return false
	}
	if i == t.firstOfSentence(i) {
		return true
	}
	// (not "has since stressed", the perfect read as a verb and a clause)
	m := d.Dependent(i, "mark")
	if m != i-1 || m < 1 || t.tok(m-1).UPOS == "AUX" || t.tok(m-1).UPOS == "VERB" {
		return false
	}
	return t.subordinator(m) || t.x.lx.comparisons[strings.ToLower(t.tok(m).Text)]
}

// unsaid reports whether the verb at i is the open complement of a verb
// that says it did not happen ("refused to say whether …", "failed to
// note that …", also when the parse hangs the infinitive as an adverbial
// clause; "refrained from endorsing …", "avoided saying …", a gerund):
// what it reports was not said.
func (t *tq) unsaid(i int) bool {
	h := t.tok(i).Head
	if h < 0 || !t.x.lx.unsaidGovernors[strings.ToLower(t.tok(h).Lemma)] {
		return false
	}
	if t.infinitiveUnder(i) {
		return true
	}
	if t.tok(i).Tag != "VBG" || !t.td.RelIs(i, "advcl", "obl") {
		return false
	}
	// right after the verb ("avoided saying", "refrained from
	// endorsing"), not a participle beside the clause ("abstained from
	// X, saying …", "refuses to discuss X, aside from saying …")
	if i == h+1 {
		return true
	}
	m := t.td.Dependent(i, "mark", "case")
	return m == h+1 && i == m+1 && strings.EqualFold(t.tok(m).Text, "from")
}

// questioned reports whether the verb at i is the verb of an indirect
// question or a condition ("a question about whether she thought Mr.
// Obama had underestimated …", "asked if he believed …", "if the Chinese
// pledged to cap …"): what it supposes is no one's statement
// (model.Quote.Hypothetical).
//
// The mark must open the cue's own clause, with no mark of punctuation
// between them ("If anything, X argued, …" and "“… if I didn't,” he
// said" are parses that hang another clause's word on the cue).
func (t *tq) questioned(i int) bool {
	var b [8]int
	for _, m := range t.td.Dependents(i, b[:0]) {
		if m >= i || !t.td.RelIs(m, "mark") || !t.x.lx.questionMarks[strings.ToLower(t.tok(m).Text)] {
			continue
		}
		plain := true
		for k := m + 1; k < i && plain; k++ {
			plain = t.tok(k).UPOS != "PUNCT"
		}
		if plain {
			return true
		}
	}
	return false
}

// requested reports whether the verb at i is the infinitive of a request
// made to someone ("called on the United States to attack the oil that
// funds …", "urged his aides to say nothing"): what was asked of them,
// not what anyone said.
func (t *tq) requested(i int) bool {
	h := t.tok(i).Head
	if h < 0 || h > i || !t.infinitiveUnder(i) {
		return false
	}
	lemma := strings.ToLower(t.tok(h).Lemma)
	var b, c [8]int
	for _, o := range t.td.Dependents(h, b[:0]) {
		if o <= h || o >= i {
			continue
		}
		if t.td.RelIs(o, "obj", "iobj") && t.x.lx.requestGovernors[lemma] {
			return true
		}
		if !t.td.RelIs(o, "obl") {
			continue
		}
		for _, p := range t.td.Dependents(o, c[:0]) {
			if p < o && t.td.RelIs(p, "case") && t.x.lx.requestGovernors[lemma+" "+strings.ToLower(t.tok(p).Text)] {
				return true // "called on X to …"
			}
		}
	}
	return false
}

// imperative reports whether the verb at i opens its sentence in the
// bare form with no subject or auxiliary of its own ("Say the ministry
// refused …", "Tell them that …"): an instruction or a supposition, not
// someone's saying.
// (A cue inside what it supposes, "Say Velgrad demanded that …", is
// kept: the corpus marks such supposed sayings as attributions.)
func (t *tq) imperative(i int) bool {
	tk := t.tok(i)
	if tk.Tag != "VB" || i != t.firstOfSentence(i) {
		return false
	}
	return t.td.Dependent(i, "nsubj", "aux") < 0 // (nsubj:pass, aux:pass too)
}

// negatedCue reports whether the cue at i is negated ("did not say",
// "never mentioned", "doesn't believe"): a negation (the cue file's
// negations, or a word ending in "n't") modifies it.
func (t *tq) negatedCue(i int) bool {
	var b [8]int
	for _, k := range t.td.Dependents(i, b[:0]) {
		if t.td.RelIs(k, "advmod") && isNegation(t.x.lx.negations, normWord(strings.ToLower(t.tok(k).Text))) {
			return true
		}
	}
	return false
}

// regularBase returns the base form of a regularly inflected verb form
// that known lists ("tweeted", "tweets", "tweeting" → "tweet"), or "".
func regularBase(w string, known map[string]string) string {
	var b [4]string
	for _, c := range text.RegularBases(w, b[:0]) {
		if known[c] != "" {
			return c
		}
	}
	return ""
}

func (t *tq) firstOfSentence(i int) int {
	if si := t.td.SentenceAt(t.tok(i).Start); si >= 0 {
		return t.td.Sentences[si].FirstToken
	}
	return i
}

func startsUpperStr(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// relativeAntecedent reads "X, who thinks the council made a grab,
// called the law …" parsed with the cue coordinated with a verb of the
// relative clause (and so given that verb's subject): when a comma
// stands right before the cue i, and the verbs it hangs from lead up,
// through complements and coordination, to a relative clause set off by
// a comma whose own subject is a relative pronoun, the cue's subject is
// the noun that clause describes. It returns that noun, or -1.
func (t *tq) relativeAntecedent(i int) int {
	d := t.td
	if i < 1 || !t.isComma(i-1) {
		return -1
	}
	v := t.tok(i).Head
	for steps := 0; v >= 0 && steps < 4; steps++ {
		if d.RelIs(v, "acl:relcl") {
			a := t.tok(v).Head
			rp := d.Dependent(v, "nsubj") // (nsubj:pass too)
			if a < 0 || rp < 0 || !t.x.lx.relatives[strings.ToLower(t.tok(rp).Text)] || rp < 1 || !t.isComma(rp-1) {
				return -1
			}
			if u := t.tok(a).UPOS; u != "PROPN" && u != "NOUN" || a > rp {
				return -1
			}
			return a
		}
		if !d.RelIs(v, "ccomp", "xcomp", "conj") {
			return -1
		}
		v = t.tok(v).Head
	}
	return -1
}

// nounHead climbs from the noun at k to the head of its noun phrase, as
// long as k modifies a noun after it, before end: a title before a name
// is the name's ("according to spokesman Todd Mesek"), and so is a name
// before a noun ("according to USA TODAY contributor X").
func (t *tq) nounHead(k, end int) int {
	d := t.td
	u := t.tok(k).UPOS
	if u != "PROPN" && u != "NOUN" {
		return k
	}
	h := k
	for h2 := t.tok(h).Head; h2 > h && h2 < end; h2 = t.tok(h2).Head {
		if u2 := t.tok(h2).UPOS; u2 != "PROPN" && u2 != "NOUN" || !d.RelIs(h, "compound", "flat", "amod", "det", "nmod:desc") {
			break
		}
		h = h2
	}
	return h
}

// source finds the source token of the cue at i: -1 when the sentence
// names none.
func (t *tq) source(i int) int {
	d := t.td
	if t.according(i) || t.inSource(i) {
		if d.RelIs(i, "case", "mark") && t.tok(i).Head >= 0 {
			// (the parse may hang the case from a word that modifies the
			// noun: "according to USA TODAY contributor X" from "USA")
			return t.nounHead(t.tok(i).Head, i+12)
		}
		// "according to X" parsed otherwise: X is the noun after "to".
		for k := i + 2; k < len(d.Tokens) && k < i+12; k++ {
			if u := t.tok(k).UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" {
				return t.nounHead(k, i+12)
			}
		}
		return -1
	}
	if t.passive(i) {
		// "the ministry was told that …": who told it is who the "by"
		// phrase names, else not known — never the subject of a clause
		// the cue hangs from ("Even as rebels attacked …, the ministry
		// was told")
		return d.Dependent(i, "obl:agent")
	}
	sj := t.subject(i, false)
	if sj < 0 {
		if o := t.invertedSource(i); o >= 0 {
			return o
		}
		if a := t.dayApposition(i); a >= 0 {
			return a
		}
		if n := t.subordinatedSubject(i); n >= 0 {
			return n
		}
		if n := t.nameBeforeAside(i); n >= 0 {
			return n
		}
	}
	if sj < 0 || t.tok(sj).UPOS == "NOUN" {
		// no subject, or a common noun the parse took for it while a
		// name opens the clause right before the cue ("Based on … the
		// nominee's 1995 tax return, Sanders on Tuesday said")
		if n := t.nameRightBefore(i); n >= 0 && n > sj {
			return n
		}
		if n := t.nameBeforeDescription(sj); n >= 0 {
			return n
		}
		// "… since Clinton, at Monday's debate, cited …" parsed as a
		// verb coordinated with the clause before: the name set off
		// before the cue, not the subject of that clause
		if sj < 0 && d.RelIs(i, "conj") {
			if n := t.appositiveSubject(i, t.firstOfSentence(i)); n >= 0 {
				return n
			}
			if n := t.relativeAntecedent(i); n >= 0 {
				return n
			}
			if n := t.whoseAntecedent(i); n >= 0 {
				return n
			}
		}
	}
	v := i
	for steps := 0; v >= 0 && steps < 6; steps++ {
		s := sj
		if steps > 0 {
			s = t.subject(v, true)
			if r := t.region(s); r >= 0 && t.region(i) < 0 && t.region(v) == r &&
				(t.tok(v).Head >= 0 && t.region(t.tok(v).Head) != r || t.closedBefore(i) == r) {
				// the verb it is coordinated with, and its subject, are
				// inside a quotation that a clause outside it reports,
				// or that the cue follows ("claimed “X exaggerates” …
				// and concluded", "“Whoever opens the borders … has no
				// place here!” wrote a man"), and the cue is not: a
				// misparse; the words quoted are what is said, not who
				// says it
				return -1
			}
			if s >= 0 && t.td.RelIs(s, "nsubj:pass") && !t.canSpeak(s) {
				// "the video should be released but said …": what a
				// passive verb acts on is no speaker unless it is
				// someone ("he was arrested and said …")
				return -1
			}
		}
		if s >= 0 {
			return t.relative(s)
		}
		if steps > 0 && t.tok(v).Head < 0 && t.tok(v).Tag == "VBD" {
			// a root in the past with no subject ("…, on Sunday, Mrs.
			// Holt tried to …, saying …" with the name hung on the day
			// before it): the name that opens its clause right before it
			if n := t.nameRightBefore(v); n >= 0 {
				return n
			}
		}
		shown, controller, blamed := -1, -1, -1
		if v == i {
			blamed = t.blamedFor(v)
		}
		if d.RelIs(v, "xcomp") {
			shown = t.shownSaying(v)
		}
		// "allowed her staff and the public to think that …": the object
		// of the verb above is who thinks, not its subject (the parse may
		// hang the infinitive as an adverbial clause)
		if h := t.tok(v).Head; shown < 0 && h >= 0 && t.infinitiveUnder(v) && t.x.lx.objectControl[t.tok(h).Lemma] {
			controller = t.objectBefore(h, v)
		} else if io := t.td.Dependent(h, "iobj"); shown < 0 && h >= 0 && io >= 0 && io < v && t.infinitiveUnder(v) && t.x.lx.grantingVerbs[t.tok(h).Lemma] {
			controller = io // "give the chair authority to call …"
		}
		as := -1
		if d.RelIs(v, "advcl") && t.tok(v).Tag == "VBG" {
			as = t.quotedAs(v)
		}
		switch {
		case shown >= 0:
			return shown
		case controller >= 0:
			return t.relative(controller)
		case d.RelIs(v, "conj") && t.nominalRoot(t.tok(v).Head, v):
			// "Political observers in Virginia and around the country
			// say …" parsed with the noun as the root and the cue as its
			// conjunct: the noun is the subject
			return t.relative(t.tok(v).Head)
		case v == i && d.RelIs(v, "parataxis") && v > 0 && t.isComma(v-1) && t.tok(v).Tag == "VBD" && t.nominalRoot(t.tok(v).Head, v):
			// "Nominee X, during multiple interviews on Thursday,
			// referred to …" parsed with the name as the root and the
			// cue, after the phrase set off, beside it
			return t.relative(t.tok(v).Head)
		case d.RelIs(v, "conj") && d.Dependent(v, "cc") < 0 && v > 0 && t.isComma(v-1) && d.RelIs(t.tok(v).Head, "acl:relcl") &&
			t.tok(t.tok(v).Head).Head >= 0 && t.tok(t.tok(v).Head).Head < t.tok(v).Head:
			// "Ben Adler, whom Ana Ruiz defeated, said …" parsed with the
			// cue as a conjunct of the relative clause's verb: with no
			// "and" and a comma that closes the clause, the cue is the
			// main clause's, and its subject the noun the clause
			// describes
			return t.relative(t.tok(t.tok(v).Head).Head)
		case d.RelIs(v, "conj", "xcomp"):
			conj := d.RelIs(v, "conj") && d.Dependent(v, "mark") < 0
			v = t.tok(v).Head
			if m := d.Dependent(v, "mark"); conj && m >= 0 && m < v && t.x.lx.questionMarks[strings.ToLower(t.tok(m).Text)] && t.tok(v).Head >= 0 {
				// "put off deciding whether X could question the mayor
				// but said …": not X's saying; the question's clause is
				// what the cue is coordinated with
				v = t.tok(v).Head
			} else if h := t.tok(v).Head; conj && v == t.tok(i).Head && h >= 0 && h < v && d.RelIs(v, "ccomp") && t.thatClause(i) &&
				t.x.lx.kind[t.tok(h).Lemma] != "" && t.x.lx.kind[t.tok(v).Lemma] == "" {
				// "Trump conceded that Lewandowski had touched Fields but
				// implied that …": a cue with a that-clause of its own,
				// coordinated with the verb of what a cue before it
				// reports, is that cue's partner, not the reported
				// subject's (not "told friends that the candidate knew …
				// and thought the criticism was …", nor "X expressed
				// concern and said …, people familiar said")
				v = h
			}
		case v == i && blamed >= 0:
			return t.relative(blamed)
		case as >= 0:
			// "The Post quoted an unnamed official as saying that …":
			// the official says it, not the Post
			return t.relative(as)
		case d.RelIs(v, "advcl", "parataxis") && t.tok(v).Tag == "VBG":
			// "…, adding that …": the subject of the main clause. When
			// the participle hangs from a clause embedded in what someone
			// said or thinks ("X told them that she believes we must …,
			// saying that …"), the one who says or thinks it.
			// A bare participle hung on a relative clause's verb is
			// that clause's: its subject says it ("what she called a
			// rant, postings that included one saying …" is the
			// postings', not hers); one opened by a preposition tells
			// how the main clause's subject acted, wherever the parse
			// hangs it ("foreshadowed the theme that would carry him
			// … by urging …").
			own := d.RelIs(t.tok(v).Head, "acl:relcl") && d.Dependent(v, "mark") < 0
			part := v
			v = t.tok(v).Head
			if d.RelIs(v, "parataxis") && t.x.lx.kind[t.tok(v).Lemma] == model.KindSpeech && t.subject(v, false) >= 0 {
				// "Trump intends to …, Manafort said, adding that …": a
				// participle of an inserted attribution is its speaker's,
				// not that of the clause the attribution frames
				own = true
			}
			if d.RelIs(v, "parataxis") && d.Dependent(part, "mark") >= 0 && t.subject(v, false) >= 0 {
				// "Years after X claimed that …, Y won the nomination by
				// promising …", with Y's clause hung on "claimed": a
				// participle opened by a preposition is how the subject
				// of its own clause acted
				own = true
			}
			for a, c, k := v, -1, 0; a >= 0 && k < 8 && !own; a, c, k = t.tok(a).Head, a, k+1 {
				if a > part && c >= 0 && d.RelIs(c, "ccomp", "parataxis") {
					// a cue after the participle that reports its clause
					// frames it: "Her friends have mocked the campaign,
					// calling Trump “a buffoon,” Susan said" is the
					// friends' calling
					break
				}
				if a != v && t.tok(a).UPOS == "VERB" && t.x.lx.kind[t.tok(a).Lemma] != "" && !t.firstPerson(t.subject(a, false)) {
					v = a
					break
				}
			}
		case d.RelIs(v, "acl") && !d.RelIs(v, "acl:relcl"):
			// "a series of tweets criticizing X": whose tweets — the
			// noun's possessor, else the subject of the verb it hangs
			// from ("X posted a series of tweets criticizing …").
			n := t.tok(v).Head
			if n < 0 {
				return -1
			}
			if n < v && t.tok(n).UPOS == "PROPN" && t.tok(v).Tag == "VBG" && n == v-1 {
				// "an ad featuring Hispanics telling their stories": the
				// ones the participle right after them describes speak
				return n
			}
			if f, _ := d.Subtree(n); n < v && f > 0 && t.tok(n).UPOS == "PROPN" && t.tok(v).Tag == "VBN" &&
				d.Dependent(v, "obl:agent") < 0 && t.wordIn(t.x.lx.relatives, f-1) {
				// "charges that Limbaugh, for one, called “…”": a
				// relative clause whose subject the parse took for the
				// noun the verb describes
				return n
			}
			if p := d.Dependent(n, "nmod:poss"); p >= 0 {
				return p
			}
			if p := t.shownSaying(v); p >= 0 {
				return p
			}
			if v == i && t.wordIn(t.x.lx.inSources, n) && t.x.lx.kind[t.tok(i).Lemma] == model.KindEvidence {
				// "with recent polls showing a tightening of the race":
				// the polls show it, not the subject of the clause (not
				// "people on their way into the polls saying “…”")
				return n
			}
			v = t.tok(n).Head
			if v >= 0 && !d.RelIs(n, "obj", "iobj") {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// quotedAs returns the object of a quoting verb ("quoted", "cited")
// whose "as" clause the participle v is ("quoted an official as
// saying"), or -1.
func (t *tq) quotedAs(v int) int {
	d := t.td
	h := t.tok(v).Head
	m := d.Dependent(v, "mark")
	if h < 0 || m < 0 || m > v || !t.wordIn(t.x.lx.comparisons, m) || !t.x.lx.quotingVerbs[strings.ToLower(t.tok(h).Lemma)] {
		return -1
	}
	if o := d.Dependent(h, "obj"); o >= 0 && o < v {
		return o
	}
	return -1
}

// dayApposition returns the subject of a cue that the parse hung, as an
// apposition, on a day before it ("but on Thursday, the Republican Party
// of Wyoming announced …", the cue left with no subject): a name or a
// noun that can speak, set off by a comma after the day; else -1.
func (t *tq) dayApposition(i int) int {
	for _, k := range t.td.Dependents(i, t.buf[:0]) {
		if k > i || !t.td.RelIs(k, "obl", "nmod") || !t.timeWordAt(k) {
			continue
		}
		a := t.td.Dependent(k, "appos")
		if a <= k || a >= i || !t.isComma(a-1) && !t.isComma(k+1) {
			continue
		}
		other := false // (not "In July, Sammy Aaron, vice chairman …, told", the name a conjunct)
		var b [8]int
		for _, x := range t.td.Dependents(k, b[:0]) {
			other = other || x > k && x < a && t.td.RelIs(x, "conj", "appos")
		}
		if u := t.tok(a).UPOS; !other && (u == "PROPN" || u == "NOUN" && t.canSpeak(a)) {
			return a
		}
	}
	return -1
}

// invertedSource returns the source of a cue that follows the quotation
// it reports and has its subject after it, parsed as its object ("“…,”
// wrote a man calling himself X", "“…,” said a longtime adviser"): the
// object, when it is someone and the cue one that takes no object of
// whom it speaks to (inverted_cues); else -1.
func (t *tq) invertedSource(i int) int {
	if !t.x.lx.invertedCues[t.tok(i).Lemma] || t.region(i) >= 0 {
		return -1
	}
	if t.closedBefore(i) < 0 {
		return -1
	}
	// the name right after the cue, closed by a comma ("wrote X,
	// runner-up to Y for …"), wherever the parse hangs it
	e := i + 1
	for e < len(t.td.Tokens) && t.tok(e).UPOS == "PROPN" && t.region(e) < 0 {
		e++
	}
	if e > i+1 && e < len(t.td.Tokens) && t.isComma(e) && !t.timeWordAt(e-1) {
		return e - 1
	}
	o, far := t.td.Dependent(i, "obj"), i+4
	if o < 0 {
		// (a name read as an open complement: "…,'' said Hungarian
		// Foreign Minister X")
		if x := t.td.Dependent(i, "xcomp"); x > i && t.tok(x).UPOS == "PROPN" {
			o, far = x, i+6
		}
	}
	if o <= i || o > far || t.tok(o).UPOS == "PRON" || !t.canSpeak(o) {
		return -1
	}
	return o
}

// closedBefore returns the quotation whose closing mark is right before
// the cue at i (a comma may stand between), or -1.
func (t *tq) closedBefore(i int) int {
	k := i - 1
	if k >= 0 && t.isComma(k) {
		k--
	}
	if k < 0 || !t.isQuoteMark(k) {
		return -1
	}
	r := t.region(k)
	if t.regions[r].Unclosed() || t.tok(k).Start < t.regions[r].WordsEnd {
		return -1 // an opening mark, not a closing one
	}
	return r
}

// nominalRoot reports whether h, the head of the conjunct cue v, is a
// noun or name before it that the parse made the root of the sentence
// (no verb governs it).
func (t *tq) nominalRoot(h, v int) bool {
	if h < 0 || h > v || t.tok(h).Head >= 0 {
		return false
	}
	// a predicate ("She's a supporter but concedes …") has a subject of
	// its own, which the cue shares
	if t.td.Dependent(h, "nsubj", "cop") >= 0 {
		return false
	}
	u := t.tok(h).UPOS
	return u == "NOUN" || u == "PROPN"
}

// objectBefore returns the object of verb h written before its open
// complement v (the one who does what v says: "allowed X to think",
// "asked X to say"), or -1.
func (t *tq) objectBefore(h, v int) int {
	io := -1
	for _, k := range t.td.Dependents(h, t.buf[:0]) {
		switch {
		case k >= v || t.timeWordAt(k):
		case t.td.RelIs(k, "obj"):
			return k
		case io < 0 && t.td.RelIs(k, "iobj"):
			io = k // "allowed her staff" read as two objects: the staff
		}
	}
	return io
}

// infinitiveUnder reports whether verb v is an infinitive that its head
// governs: an open complement, or an adverbial clause opened by the
// infinitive marker (a misparse of one: "allowed her staff to think").
func (t *tq) infinitiveUnder(v int) bool {
	d := t.td
	if d.RelIs(v, "xcomp") {
		return true
	}
	if !d.RelIs(v, "advcl") {
		return false
	}
	m := d.Dependent(v, "mark")
	return m >= 0 && t.tok(m).Tag == "TO"
}

// shownSaying returns the one a recording shows saying something:
// "footage of X saying", "a video of X asking" — a name or pronoun after
// "of", written straight before the participle v, whatever the parse
// hangs the participle on (the noun, or the verb as an open complement,
// whose subject is then the recording's user). -1 when there is none.
func (t *tq) shownSaying(v int) int {
	d := t.td
	if t.tok(v).Tag != "VBG" || v == 0 {
		return -1
	}
	h := v - 1
	if u := t.tok(h).UPOS; u != "PROPN" && u != "PRON" {
		return -1
	}
	for steps := 0; steps < 4 && d.RelIs(h, "flat", "compound") && t.tok(h).Head < v; steps++ {
		h = t.tok(h).Head
	}
	if !d.RelIs(h, "nmod") {
		return -1
	}
	if c := d.Dependent(h, "case"); c < 0 || !t.x.lx.showing[strings.ToLower(t.tok(c).Text)] {
		return -1
	}
	if _, e := d.Subtree(h); e != v {
		return -1
	}
	return h
}

// subordinatedSubject returns the subject of a finite cue at i that
// the parse read as the object of a subordinator before it: "… after a
// woman in Worcester, Massachusetts, told him she worries …", with
// "after" as the preposition of "woman" and "told" coordinated with the
// main clause, whose subject then told. The noun phrase ends right
// before the cue (a comma aside) and opens with a subordinator of the
// cue file used as a preposition; -1 when there is none.
func (t *tq) subordinatedSubject(i int) int {
	if !text.FiniteTag(t.tok(i).Tag) {
		return -1
	}
	j := i - 1
	comma := j > 0 && t.isComma(j)
	if comma {
		j--
	}
	if j < 0 || t.region(j) >= 0 {
		return -1
	}
	for h, steps := j, 0; h >= 0 && steps < 6; h, steps = t.tok(h).Head, steps+1 {
		f, e := t.td.Subtree(h)
		if e != j+1 && !(e == i && comma) {
			return -1
		}
		if u := t.tok(h).UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		c := t.td.Dependent(h, "case")
		if c < 0 || c > h || !t.subordinator(c) || t.td.Dependent(c, "fixed") >= 0 {
			continue // (not "because of")
		}
		if t.td.Dependent(h, "appos") >= 0 {
			return -1 // "before the attack — X, a director, informed": X may be the subject
		}
		if comma {
			// a comma before the cue closes an apposition inside the
			// phrase ("a woman in Worcester, Massachusetts,"), not a
			// phrase set off after the subject ("after Mr. X, asked
			// about …, had said")
			inner := false
			for k := f; k < j; k++ {
				inner = inner || t.isComma(k)
			}
			if !inner {
				return -1
			}
		}
		return h
	}
	return -1
}

// modifies reports whether the participle at i stands where a modifier
// of its noun does: after no noun (not "the neurosurgeon told REVOLT
// TV", a verb the parse hung on the name after it) and with only
// adjectives between it and its noun.
func (t *tq) modifies(i int) bool {
	if i > 0 {
		if u := t.tok(i - 1).UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" {
			return false
		}
	}
	for k := i + 1; k < t.tok(i).Head; k++ {
		if t.tok(k).UPOS != "ADJ" {
			return false
		}
	}
	return true
}

// maxThatAfter bounds the words between a noun and the complementizer
// of the clause it reports ("warnings from his attorney that …").
const maxThatAfter = 8

// thatAfter reports whether a complementizer follows noun h within a few
// words, before any punctuation or finite verb.
func (t *tq) thatAfter(h, sentEnd int) bool {
	for k := h + 1; k < sentEnd && k <= h+maxThatAfter; k++ {
		tk := t.tok(k)
		switch {
		case t.complementizer(k) && t.td.RelIs(k, "mark"):
			return true
		case tk.UPOS == "PUNCT", text.FiniteTag(tk.Tag):
			return false
		}
	}
	return false
}

// nameRightBefore returns the head of a name written straight
// before the cue at i (adverbs aside) and opening its clause: after a
// comma, a quotation mark or the start of the sentence ("…, Mark Z.
// Barabak noted that …"). Such a name is the cue's subject whatever the
// parse hangs it on (it made "noted" a complement of the clause before,
// whose subject then spoke). -1 when there is none.
func (t *tq) nameRightBefore(i int) int {
	first := t.firstOfSentence(i)
	k := i - 1
	for k > first && (t.tok(k).UPOS == "ADV" || t.tok(k).UPOS == "AUX" && t.td.RelIs(k, "aux")) {
		k-- // (and auxiliaries: "…, Ana Ruiz was calling for …")
	}
	return t.nameEndingAt(k, first)
}

// maxAsideWords bounds the words of a participle's clause that
// nameBeforeAside looks back over.
const maxAsideWords = 25

// nameBeforeAside is nameRightBefore for a cue with no subject at all
// after a participle's clause set off by commas ("But Kenyan Foreign
// Minister Ana Ruiz, speaking at a news conference in Arlo, said",
// parsed with no subject of "said"): the name before the clause. -1 when
// there is none.
func (t *tq) nameBeforeAside(i int) int {
	first := t.firstOfSentence(i)
	k := i - 1
	if k <= first || !t.isComma(k) {
		return -1
	}
	for j := k - 1; j > first && k-j <= maxAsideWords; j-- {
		if text.FiniteTag(t.tok(j).Tag) {
			return -1 // a clause of its own ("…-based Salix terminated a merger, citing")
		}
		if !t.isComma(j) || t.tok(j+1).Tag != "VBG" && t.tok(j+1).Tag != "VBN" {
			continue
		}
		// the name and its title open the sentence: nothing else
		// stands before the clause ("Federal officials familiar with
		// the server taken from … Chappaqua, N.Y., speaking …" is no
		// name's)
		a := first
		if t.tok(a).UPOS == "CCONJ" {
			a++
		}
		for ; a < j; a++ {
			if u := t.tok(a).UPOS; u != "PROPN" && u != "ADJ" && u != "NOUN" && u != "DET" {
				return -1
			}
		}
		return t.nameEndingAt(j-1, first)
	}
	return -1
}

// nameEndingAt returns the head of the name whose last word is token k
// (a party and state in brackets, or a time, may follow it), when it
// opens its clause; -1 when there is none (see nameRightBefore).
func (t *tq) nameEndingAt(k, first int) int {
	// a party and state in brackets after the name ("Pat Z (R) blamed",
	// "Ana Ruiz (D-Calif.) said")
	if k > first && t.tok(k).Text == ")" {
		j := k - 1
		for j > first && k-j <= 5 && t.tok(j).Text != "(" && t.tok(j).Text != ")" {
			j--
		}
		if j > first && k-j > 1 && k-j <= 5 && t.tok(j).Text == "(" {
			k = j - 1
		}
	}
	// a time between the name and the cue ("Sanders on Tuesday said")
	if k > first && t.x.lx.timeWords[strings.ToLower(t.tok(k).Text)] {
		j := k - 1
		for j > first && k-j < 4 && (t.tok(j).UPOS == "ADP" || t.tok(j).UPOS == "DET" || t.tok(j).UPOS == "ADJ" ||
			t.x.lx.timeWords[strings.ToLower(t.tok(j).Text)]) {
			j--
		}
		k = j
	}
	if k < first || t.tok(k).UPOS != "PROPN" || !startsUpperStr(t.tok(k).Text) || t.region(k) >= 0 {
		return -1
	}
	if t.timeWordAt(k) {
		return -1
	}
	a := k
	for a > first && t.tok(a-1).UPOS == "PROPN" {
		a--
	}
	name := a
	// a title before the name ("longtime Democratic pollster Pat
	// Caddell told"): words of a noun phrase back to where it opens
	for a > first && k-a < 8 && !t.isComma(a-1) {
		if u := t.tok(a - 1).UPOS; u != "DET" && u != "ADJ" && u != "NOUN" && u != "NUM" {
			break
		}
		a--
	}
	if !t.opensClause(a, first) {
		// a name opened by a form of address after the noun that ends
		// the phrase before it ("Saturday at the party convention Sen.
		// Ana Ruiz (D-MA) said"): the title starts the subject
		if p := name - 1; !(t.td.Title(name) && p > first && t.tok(p).UPOS == "NOUN") {
			return -1
		}
	}
	return t.headIn(name, k+1)
}

// subject returns the subject of verb v: of several (a parse that split a
// title from its name), the proper noun, else the last; -1 for none. A
// passive subject is not a source ("X was told that …"), except when it
// is shared with the cue by coordination (inherited: "X were not
// authorized to …, but told AP that …").
func (t *tq) subject(v int, inherited bool) int {
	best := -1
	for _, k := range t.td.Dependents(v, t.buf[:0]) {
		if !t.td.RelIs(k, "nsubj", "csubj") || t.td.RelIs(k, "nsubj:pass") && !inherited {
			continue
		}
		if t.timeWordAt(k) || t.tok(k).UPOS == "PUNCT" {
			continue // "said Wednesday night that …": a time, misread as the subject; a quotation mark ("…,'' said X")
		}
		if t.td.RelIs(k, "csubj") && t.td.Dependent(k, "mark") >= 0 {
			continue // "whether X could question Y … but said": a clause, no one
		}
		if t.region(k) >= 0 && t.region(v) < 0 {
			continue // words inside a quotation are what is said, not who says it
		}
		if t.prepositional(k) || t.nameAfterOpener(k, v) {
			// "At the town hall in Arlo City, a young woman … asked":
			// the place, not the one who asks; its apposition is
			a := t.td.Dependent(k, "appos")
			if af, _ := t.td.Subtree(a); a > k && (t.isComma(af) || af > 0 && t.isComma(af-1)) {
				k = a
			}
		}
		k = t.possessedName(k)
		// Of two subjects (a parse error), one with no quotation between
		// it and the verb (a dateline parsed into the sentence gives
		// "Velgrad, 4 May - “…,” the minister said" a second subject);
		// then a name before a noun before the rest; then the nearer.
		if best < 0 || t.subjectBefore(k, best, v) {
			best = k
		}
	}
	return best
}

// possessedName returns the head of the name right after subject k's
// possessive ending when the parse made k, the possessor, the subject and
// the name its conjunct ("Iraq's Saddam Hussein … sought", with "Saddam"
// a conjunct of "Iraq"); k otherwise.
func (t *tq) possessedName(k int) int {
	if k+2 >= len(t.td.Tokens) || !t.x.lx.possessives[t.tok(k+1).Text] || t.tok(k+1).Head != k {
		return k
	}
	n := k + 2
	if t.tok(n).UPOS != "PROPN" || t.tok(n).Head != k || !t.td.RelIs(n, "conj", "appos", "flat") {
		return k
	}
	e := n + 1
	for e < len(t.td.Tokens) && t.tok(e).UPOS == "PROPN" && t.tok(e).Head == n {
		e++
	}
	return t.headIn(n, e)
}

// prepositional reports whether the noun phrase of token k, read as a
// subject, opens with a preposition of its own ("in Arlo City"), or
// right after one the parse hung on the verb ("Unlike Ben Adler, Ana
// Ruiz said", "Unlike" read as the verb's marker): the object of a
// preposition, which no subject has.
func (t *tq) prepositional(k int) bool {
	f, _ := t.td.Subtree(k)
	return f < k && t.tok(f).UPOS == "ADP" && t.td.RelIs(f, "case") ||
		f > 0 && f <= k && t.tok(f-1).UPOS == "ADP" && t.td.RelIs(f-1, "mark")
}

// subordinator reports whether token k is a word that opens a
// subordinate clause ("since", "when"; the cue file's subordinators).
func (t *tq) subordinator(k int) bool {
	return t.x.lx.subordinators[strings.ToLower(t.tok(k).Text)]
}

// opensClause reports whether a phrase starting at token a opens its
// clause: it starts the sentence (first), or follows a comma, a quotation
// mark or a subordinator; or it follows the conjunction that opens the
// sentence ("But").
func (t *tq) opensClause(a, first int) bool {
	if a-1 == first && t.tok(a-1).UPOS == "CCONJ" {
		a-- // "But Ana Ruiz, …, said": a conjunction opens the sentence
	}
	return a == first || t.isComma(a-1) || t.isQuoteMark(a-1) || t.subordinator(a-1)
}

// wordIn reports whether token k's lemma or word, in lower case, is in
// set (a list of the cue file).
func (t *tq) wordIn(set map[string]bool, k int) bool {
	tk := t.tok(k)
	return set[strings.ToLower(tk.Lemma)] || set[strings.ToLower(tk.Text)]
}

// canSpeak reports whether token k can be someone who speaks: a name,
// a pronoun, or a noun for a person.
func (t *tq) canSpeak(k int) bool {
	tk := t.tok(k)
	switch tk.UPOS {
	case "PROPN", "PRON":
		return true
	case "NOUN":
		return t.wordIn(t.x.lx.personNouns, k)
	}
	return false
}

// timeWordAt reports whether token k is a word of time ("Friday",
// "week"), not a surname that is one ("Theresa May").
func (t *tq) timeWordAt(k int) bool {
	return t.x.lx.timeWords[strings.ToLower(t.tok(k).Text)] && !t.surnameOfTime(k)
}

// surnameOfTime reports whether the word of time at k is a surname after a
// given name ("Theresa May"), not part of a time ("Wednesday night",
// "Sunday May 4").
func (t *tq) surnameOfTime(k int) bool {
	if k == 0 || !startsUpperStr(t.tok(k).Text) {
		return false
	}
	p := t.tok(k - 1)
	if p.UPOS != "PROPN" || t.x.lx.timeWords[strings.ToLower(p.Text)] {
		return false
	}
	// A month may be a surname after any name ("Yin Myint May"), and a
	// word in capitals is one of a name's ("USA TODAY"); a day only after
	// a given name or a title, not after a surname ("President Bill
	// Clinton Thursday condemned …").
	if w := t.tok(k).Text; t.x.lx.nameTimes[strings.ToLower(w)] || strings.ToUpper(w) == w {
		return true
	}
	return t.td.Gender(p.Text, text.GenderName) != 0 || t.isTitleWord(k-1)
}

// nameBefore reports whether name n is written straight before the
// phrase of p, a word that is not a name.
func (t *tq) nameBefore(n, p int) bool {
	if t.tok(n).UPOS != "PROPN" || t.tok(p).UPOS == "PROPN" {
		return false
	}
	_, e := t.td.Subtree(n)
	f, _ := t.td.Subtree(p)
	return e == f
}

// setBeside reports whether p, a word that is not a name, heads a phrase
// set off by commas straight after name n, before verb v ("X and Y,
// both up for reelection, also said"): the phrase describes the name,
// which is the subject. "X, officials said," is no such phrase: nothing
// stands between its subject and the verb.
func (t *tq) setBeside(n, p, v int) bool {
	if t.tok(n).UPOS != "PROPN" || t.tok(p).UPOS == "PROPN" || n > p || p > v {
		return false
	}
	_, e := t.td.Subtree(n)
	f, pe := t.td.Subtree(p)
	if e != f || !t.isComma(e-1) {
		return false
	}
	switch {
	case pe < v && t.isComma(pe):
		pe++
	case !t.isComma(pe - 1):
		return false
	}
	for pe < v && t.tok(pe).UPOS == "ADV" {
		pe++ // "…, also said"
	}
	return pe == v
}

// placeRest reports whether subject k is a name written right after a
// comma that closes the phrase of subject b, a phrase that ends with a
// place's "of", "from" or "in" phrase ("Stacy Baker of Columbia, South
// Carolina"): the rest of the place ("City, State"), which the parse
// made a second subject.
func (t *tq) placeRest(k, b int) bool {
	d := t.td
	kf, _ := d.Subtree(k)
	_, be := d.Subtree(b)
	if kf != be+1 || !t.isComma(be) || t.tok(k).UPOS != "PROPN" {
		return false
	}
	for _, x := range d.Dependents(b, t.buf[:0]) {
		if x > b && d.RelIs(x, "nmod") && t.tok(x).UPOS == "PROPN" {
			if _, xe := d.Subtree(x); xe == be {
				if c := d.Dependent(x, "case"); c >= 0 && t.x.lx.placePreps[strings.ToLower(t.tok(c).Text)] {
					return true
				}
			}
		}
	}
	return false
}

// subjectBefore reports whether subject k of verb v is a likelier source
// than subject b.
func (t *tq) subjectBefore(k, b, v int) bool {
	qk, qb := t.quoteBetween(k, v), t.quoteBetween(b, v)
	if qk != qb {
		return !qk
	}
	if (k < v) != (b < v) && (t.rightBefore(k, v) || t.rightBefore(b, v)) {
		// one right before the verb and one after: the one after is what
		// was said ("he said Ryan", asked who leads the party), not an
		// inverted subject ("And Trump, said Sunshine, …", "…, said X")
		return k < v
	}
	if t.setBeside(b, k, v) {
		return false
	}
	if t.setBeside(k, b, v) {
		return true
	}
	// "Stacy Baker of Columbia, South Carolina says": the second is the
	// rest of the place that ends the first's phrase, not a subject
	if t.placeRest(k, b) {
		return false
	}
	if t.placeRest(b, k) {
		return true
	}
	// "Donald Brodin's campaign is …" read as two subjects, "Donald"
	// and "Brodin's campaign" (or "Donald Brodin's" and "campaign"): a
	// name written straight before the other subject's phrase is part of
	// it, and the phrase is the subject
	if t.nameBefore(b, k) {
		return true
	}
	if t.nameBefore(k, b) {
		return false
	}
	// "The leader who criticized Ben Adler said": the name right after
	// the relative clause's verb is its object, which the parse made a
	// second subject of the cue
	if t.objectOfRelative(k, b) {
		return false
	}
	if t.objectOfRelative(b, k) {
		return true
	}
	rk, rb := rank(t.tok(k).UPOS), rank(t.tok(b).UPOS)
	if rk != rb {
		return rk > rb
	}
	return abs(k-v) < abs(b-v)
}

// nameAfterOpener reports whether subject k is a name that words of the
// sentence stand before ("Like Ben Adler, Ana Ruiz said", "After meeting
// Ben Adler, Ana Ruiz said", with "Ana Ruiz" hung on "Ben" as its
// apposition) and whose apposition is a name set off by a comma right
// before the verb v: the name before the comma belongs to the opening
// words, and the apposition is who speaks.
func (t *tq) nameAfterOpener(k, v int) bool {
	a := t.td.Dependent(k, "appos")
	if a < 0 || a > v || t.tok(k).UPOS != "PROPN" || t.tok(a).UPOS != "PROPN" {
		return false
	}
	f, _ := t.td.Subtree(k)
	if f <= t.firstOfSentence(k) {
		return false // the name opens the sentence ("Ben Adler, Ana Ruiz said" addresses Adler)
	}
	// the apposition's name, of two words or more (not "D-Calif." of
	// "Sen. Ben Adler, D-Calif., said"), ends right before the verb
	e := a + 1
	for e < v && t.tok(e).UPOS == "PROPN" && t.tok(e).Head == a {
		e++
	}
	return e == v && e-a >= 2
}

// objectOfRelative reports whether the phrase of token k follows, right
// after it, the verb of a relative clause on b that has no object of its
// own: the verb's object, misread as a subject.
func (t *tq) objectOfRelative(k, b int) bool {
	f, _ := t.td.Subtree(k)
	p := f - 1
	return p > b && t.tok(p).UPOS == "VERB" && t.td.RelIs(p, "acl:relcl") && t.tok(p).Head == b && t.td.Dependent(p, "obj") < 0
}

// rightBefore reports whether the phrase of token k stands before verb v
// with nothing between them but words of the clause: no comma, dash or
// quotation ("he said", "he then said"; not "Trump, said Sunshine").
func (t *tq) rightBefore(k, v int) bool {
	if k >= v {
		return false
	}
	for j := k + 1; j < v; j++ {
		if t.tok(j).UPOS == "PUNCT" || t.region(j) >= 0 {
			return false
		}
	}
	return true
}

// quoteBetween reports whether a quotation stands between tokens a and b.
func (t *tq) quoteBetween(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		if t.region(k) >= 0 {
			return true
		}
	}
	return false
}

// firstPerson reports whether token s is "I", "we" or "you": inside what
// is reported, the voice of the one reported, never the source of the
// report around it.
func (t *tq) firstPerson(s int) bool {
	if s < 0 {
		return false
	}
	low := strings.ToLower(t.tok(s).Text)
	return t.x.lx.firstPerson[low] || t.x.lx.secondPerson[low]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// rank orders candidate subjects: a name, then a noun, then the rest.
func rank(upos string) int {
	switch upos {
	case "PROPN":
		return 2
	case "NOUN":
		return 1
	}
	return 0
}

// personAbove returns the noun that the relative pronoun s stands for,
// given h, the noun the parse hangs its clause from: a "who" stands for
// a person, so when h is a thing or a place that a noun for persons
// before it governs ("donors from around the country who want …",
// "members of the committee who said …"), it is that noun; else h.
func (t *tq) personAbove(s, h int) int {
	if !t.x.lx.personRelatives[strings.ToLower(t.tok(s).Text)] || t.tok(h).UPOS != "NOUN" || t.canSpeak(h) {
		return h
	}
	for n, steps := h, 0; steps < 2 && t.td.RelIs(n, "nmod"); steps++ {
		n = t.tok(n).Head
		if n < 0 || n > h {
			break
		}
		if t.tok(n).UPOS == "NOUN" && t.canSpeak(n) {
			return n
		}
	}
	return h
}

// relative maps a relative pronoun to the noun its clause describes ("the
// mayor, who said …").
func (t *tq) relative(s int) int {
	if !t.x.lx.relatives[strings.ToLower(t.tok(s).Text)] {
		return s
	}
	clause := t.tok(s).Head
	for steps := 0; clause >= 0 && steps < 4; steps++ {
		if t.td.RelIs(clause, "acl") {
			if h := t.tok(clause).Head; h >= 0 {
				return t.personAbove(s, h)
			}
			return s
		}
		if !t.td.RelIs(clause, "conj") {
			break
		}
		clause = t.tok(clause).Head
	}
	// "Bret Stephens, who, after trading insults …, said": the parse may
	// make the relative clause a conjunct of the main one; a "who" right
	// after a name and a comma stands for the name
	if s >= 2 && t.x.lx.personRelatives[strings.ToLower(t.tok(s).Text)] {
		if a := t.nameBeforeRelative(s); a >= 0 {
			return a
		}
	}
	return s
}

// nameBeforeRelative returns the name that the relative pronoun at s
// follows, after a comma ("Bret Stephens, who …"): the name's head, or -1
// when no name stands there or it is a place after a preposition
// ("Democrats on Capitol Hill, who").
func (t *tq) nameBeforeRelative(s int) int {
	if s < 2 || !t.isComma(s-1) || t.tok(s-2).UPOS != "PROPN" {
		return -1
	}
	a := s - 2
	for a > 0 && t.td.RelIs(a, "flat") && t.tok(a).Head >= 0 && t.tok(a).Head < a && a-t.tok(a).Head <= 3 {
		a = t.tok(a).Head
	}
	if t.td.Dependent(a, "case") >= 0 {
		return -1
	}
	return a
}

// whoseAntecedent returns the source of a cue with no subject that
// follows a clause opened by "whose" after a name ("Mr. Cruz, whose
// narrow finish was seen as a disappointment, said …", parsed with the
// cue coordinated with that clause's verb): the name, when the cue comes
// right after the comma that closes the clause; else -1.
func (t *tq) whoseAntecedent(i int) int {
	if i < 1 || !t.isComma(i-1) {
		return -1
	}
	first := t.firstOfSentence(i)
	for k := i - 2; k > first && i-k <= 30; k-- {
		if t.isComma(k) || t.region(k) >= 0 {
			return -1
		}
		if t.x.lx.possessiveRelatives[strings.ToLower(t.tok(k).Text)] {
			return t.nameBeforeRelative(k)
		}
	}
	return -1
}

// sourceSpan returns the words that name the source at s: the noun phrase
// without its clauses, appositions and coordination. When s is a role or
// an unnamed-source word with a name in apposition ("a spokeswoman for
// the company, Jane Doe"), the name is the source.
func (t *tq) sourceSpan(s int) (core model.Span, all model.Span) {
	core, all, _ = t.sourcePhrase(s)
	return core, all
}

// sourcePhrase is sourceSpan, and also reports whether the core was cut
// before a relative clause of a noun inside it.
func (t *tq) sourcePhrase(s int) (core model.Span, all model.Span, cut bool) {
	d := t.td
	lo, hi := s, s
	// A phrase starts at its preposition: what the parse hangs on the
	// noun before that ("and another by a camera, according to
	// attorneys") is not part of it.
	start := -1
	if c := d.Dependent(s, "case"); c >= 0 && c < s && (t.tok(c).UPOS == "ADP" || d.Dependent(c, "fixed") >= 0) {
		start = c
	}
	// Nor are words inside a quotation, when the source is outside it:
	// the parse may hang the quotation's last words on the name after it
	// ("… so we are,” Carr said" read as "we are Carr").
	quoted := func(k int) bool { return t.quotedTok(k) && !t.quotedTok(s) }
	for _, k := range d.Dependents(s, t.buf[:0]) {
		if d.RelIs(k, "acl", "appos", "punct", "conj", "cc", "parataxis", "advcl", "dep", "list", "discourse", "mark") || quoted(k) {
			continue
		}
		if f, _ := d.Subtree(k); f < start {
			continue
		}
		if k > s && (d.RelIs(k, "nmod", "obl") && t.x.lx.timeWords[strings.ToLower(t.tok(k).Text)] || d.RelIs(k, "flat") && t.timeWordAt(k)) {
			continue // "the Security Council on Friday", "President X Thursday": when, not who
		}
		f, e := d.Subtree(k)
		if d.RelIs(k, "flat") {
			// a word of the name: the name's words, not what the parse
			// hung on it ("Rep." heading "Karl Brodin, the top Democrat
			// on …", with the apposition on "Karl")
			f, e = t.flatWords(k, 3)
		}
		lo, hi = min(lo, f), max(hi, e-1)
	}
	// What the parse hangs on the head after an apposition set off by a
	// comma belongs to the apposition ("Senator X, Democrat of Y", with
	// "of Y" on X): the phrase ends before the comma.
	for _, k := range d.Dependents(s, t.buf[:0]) {
		f, _ := d.Subtree(k)
		if f <= s || f > hi || !d.RelIs(k, "appos", "conj") {
			continue
		}
		switch {
		case t.tok(f).Text == ",": // the comma is the apposition's
			hi = f - 1
		case t.tok(f-1).Text == ",":
			hi = f - 2
		}
	}
	// A proper-noun "apposition" written straight after the phrase, with
	// no comma ("Northland Ambassador Ines Varga" parsed with the name as
	// an apposition of the title), is part of the name.
	for _, k := range d.Dependents(s, t.buf[:0]) {
		if f, e := d.Subtree(k); d.RelIs(k, "appos") && f == hi+1 && t.tok(k).UPOS == "PROPN" && t.tok(f).UPOS == "PROPN" {
			hi = e - 1
		}
	}
	f, e := d.Subtree(s)
	f = max(f, start)
	for k := s - 1; k >= f; k-- {
		if quoted(k) {
			f = k + 1
			break
		}
	}
	for k := s + 1; k < e; k++ {
		if quoted(k) || t.isQuoteMark(k) && !t.quotedTok(s) {
			// a quotation the parse hung on the name, introduced by a
			// colon or a comma ("Says X, …: “…”"), is what X says; one
			// inside the phrase ("the hacker known as “Guccifer”") is
			// part of it
			p := k - 1
			for p > s && (t.tok(p).Tag == "``" || t.tok(p).Tag == "''") {
				p-- // the opening mark
			}
			if w := t.tok(p).Text; w == ":" || w == "," {
				e = p
			}
			break
		}
	}
	// A name the parse made a second subject, written straight before
	// the phrase, is part of it when the two make one name ("Donald" +
	// "Brodin's campaign") or the name is the phrase's possessor ("Donald
	// Brodin's" + "campaign"); not in "Sanders advisers", whose speakers
	// are the advisers.
	if h := t.tok(s).Head; h >= 0 && start < 0 {
		for _, k := range d.Dependents(h, t.buf[:0]) {
			if k == s || !d.RelIs(k, "nsubj") || !t.nameBefore(k, s) {
				continue
			}
			nf, ne := d.Subtree(k)
			if t.tok(ne).UPOS == "PROPN" || t.x.lx.possessives[t.tok(ne-1).Text] {
				lo, f = min(lo, nf), min(f, nf)
			}
		}
	}
	// The phrase's own preposition, which the parse may hang from a word
	// of the phrase before its head ("according to USA TODAY
	// contributor X" with "according" on "USA").
	phraseCase := func(f int) bool {
		h := t.tok(f).Head
		return d.RelIs(f, "case") && h > f && h <= s
	}
	ofCase := func(f int) bool { // "to" of "according to X"
		h := t.tok(f).Head
		return d.RelIs(f, "fixed") && h >= 0 && phraseCase(h)
	}
	for f < s && (t.tok(f).UPOS == "PUNCT" || t.tok(f).Rel == "cc" && t.tok(f).Head == s || d.RelIs(f, "case", "fixed") && t.tok(f).Head != s && f < lo || phraseCase(f) || ofCase(f) || t.leadingRelative(f) ||
		d.RelIs(f, "mark") && t.tok(f).UPOS == "SCONJ") {
		f++
	}
	for e-1 > s && (t.tok(e-1).UPOS == "PUNCT" && !t.closesBracket(f, e-1) || d.RelIs(e-1, "flat") && t.timeWordAt(e-1)) {
		e--
	}
	all = t.span(f, e)
	if u := t.tok(s).UPOS; u != "PROPN" || t.x.lx.speakerWords[strings.ToLower(t.tok(s).Text)] {
		// "a spokeswoman for the company, Jane Doe": the name in
		// apposition is the source.
		if a := d.Dependent(s, "appos"); a >= 0 && t.tok(a).UPOS == "PROPN" {
			return t.sourceSpanOf(a), all, false
		}
	}
	for lo < s && (d.RelIs(lo, "case", "fixed", "mark") || t.tok(lo).UPOS == "PUNCT" || t.leadingRelative(lo)) {
		lo++
	}
	// A relative clause of a noun inside the phrase says what that noun
	// did, not who the source is ("an attorney to his office who
	// threatened to link O'Donnell …"): the words end before it.
	for k := s + 1; k <= hi; k++ {
		if d.RelIs(k, "acl:relcl") && t.tok(k).Head > s && t.tok(t.tok(k).Head).UPOS != "PRON" { // ("27 percent of those who named a candidate": who they are)
			if f, _ := d.Subtree(k); f > s && f-1 < hi {
				hi, cut = f-1, true
			}
		}
	}
	for hi > s && t.tok(hi).UPOS == "PUNCT" && !t.closesBracket(lo, hi) {
		hi-- // the comma after the phrase ("X and Y, both …")
	}
	return model.NewSpan(t.text, t.tok(lo).Start, t.tok(hi).End), all, cut
}

// leadingRelative reports whether token k is a relative pronoun ("the
// test, which state media claimed …"): before a source's head, it stands
// for what is reported, not for who reports it. Not "that", a
// complementizer or a demonstrative ("that chamber").
func (t *tq) leadingRelative(k int) bool {
	tk := t.tok(k)
	return (tk.Tag == "WDT" || tk.Tag == "WP") && !t.complementizer(k) && t.x.lx.relatives[strings.ToLower(tk.Text)]
}

// closesBracket reports whether token k is a closing bracket whose
// opening one stands in tokens [f, k): "Ana Ruiz (D-MA)" keeps its ")".
func (t *tq) closesBracket(f, k int) bool {
	if t.tok(k).Text != ")" {
		return false
	}
	for j := k - 1; j >= f; j-- {
		switch t.tok(j).Text {
		case "(":
			return true
		case ")":
			return false
		}
	}
	return false
}

// flatWords returns the token range of the name word k and the words
// of the name under it (flat and compound, depth levels down).
func (t *tq) flatWords(k, depth int) (int, int) {
	f, e := k, k+1
	if depth == 0 {
		return f, e
	}
	for _, j := range t.td.Dependents(k, nil) {
		if t.td.RelIs(j, "flat", "compound") {
			jf, je := t.flatWords(j, depth-1)
			f, e = min(f, jf), max(e, je)
		}
	}
	return f, e
}

func (t *tq) sourceSpanOf(a int) model.Span {
	d := t.td
	lo, hi := a, a
	for _, k := range d.Dependents(a, nil) {
		if d.RelIs(k, "flat", "compound", "det", "amod", "nmod:poss") {
			f, e := d.Subtree(k)
			lo, hi = min(lo, f), max(hi, e-1)
		}
	}
	return model.NewSpan(t.text, t.tok(lo).Start, t.tok(hi).End)
}

func (t *tq) span(first, end int) model.Span {
	return model.NewSpan(t.text, t.tok(first).Start, t.tok(end-1).End)
}

// restIsPunct reports whether tokens [f, e) are all punctuation.
func (t *tq) restIsPunct(f, e int) bool {
	for k := f; k < e; k++ {
		if t.tok(k).UPOS != "PUNCT" {
			return false
		}
	}
	return true
}

// afterApposition returns where the clause C of "according to X, a
// spokeswoman for Y, C" starts, given k, the token after X's phrase, and
// C's head h: after the description of X set off by commas, which the
// parse may hang from h as a phrase of its own ("a spokeswoman" as an
// oblique of C's verb). It is X's description only when its head is a
// noun for a person and the clause after it keeps its subject; else k.
func (t *tq) afterApposition(k, end, h int) int {
	d := t.td
	if k >= end || !t.isComma(k) {
		return k
	}
	for _, j := range d.Dependents(h, t.buf[:0]) {
		f, e := d.Subtree(j)
		if f != k && f != k+1 || j <= k || e >= end {
			continue
		}
		if d.RelIs(j, "nsubj", "nsubj:pass", "csubj") || t.tok(j).UPOS != "NOUN" || !t.x.lx.personNouns[strings.ToLower(t.tok(j).Lemma)] {
			return k
		}
		next := e // after the comma that closes the description
		if !t.isComma(e - 1) {
			if !t.isComma(e) {
				return k
			}
			next = e + 1
		}
		if sj := d.Dependent(h, "nsubj", "nsubj:pass"); sj < next {
			return k // the clause's subject is in the description
		}
		return next
	}
	return k
}

// content finds reported speech for the cue at i (tokens [i, ce)): the
// token range of the content, or (-1, -1).
func (t *tq) content(i, ce, sentFirst, sentEnd int) (int, int, string) {
	d := t.td
	tk := t.tok(i)
	if t.according(i) || t.inSource(i) {
		// "according to X, C" / "C, according to X": C is the clause X
		// hangs from, without X.
		src := t.source(i)
		if src < 0 {
			return -1, -1, ""
		}
		if _, se := d.Subtree(src); i > sentFirst+1 && t.isComma(i-1) && t.restIsPunct(se, sentEnd) {
			// "C, according to X." closing the sentence: C is all that
			// comes before, wherever the parse hangs X ("two
			// recordings, one … and another by a camera worn by an
			// officer, according to attorneys")
			return t.trim(sentFirst, i-1, i)
		}
		h := t.tok(src).Head
		if h < 0 {
			// X is the root: the rest of the sentence.
			sf, se := d.Subtree(src)
			if sf > sentFirst {
				return t.trim(sentFirst, sf, i)
			}
			return t.trim(se, sentEnd, i)
		}
		// "C until December, according to X" may hang X from a noun of
		// C: C is the clause that noun belongs to.
		for steps := 0; steps < 8; steps++ {
			u := t.tok(h).UPOS
			if u != "NOUN" && u != "PROPN" && u != "NUM" && u != "PRON" || t.tok(h).Head < 0 {
				break
			}
			h = t.tok(h).Head
		}
		hf, he := d.Subtree(h)
		sf, se := d.Subtree(src)
		if sf-hf >= se-sf || he-se < sf-hf {
			return t.trim(hf, min(sf, i), i)
		}
		return t.trim(t.afterApposition(se, he, h), he, i)
	}
	if c := t.complementClause(i); c >= 0 && !t.nounsClause(i, c) {
		f, e := d.Subtree(c)
		if f > i+1 && t.tok(f).Tag == "WP$" && (t.tok(f-1).UPOS == "NOUN" || t.tok(f-1).UPOS == "PROPN") {
			// "attacked a federal judge whose parents were born in …": a
			// relative clause of the noun before it, which the parse hung
			// from the cue, reports nothing (a "who" or "whom" there may
			// open what was said: "told the council whom she would
			// appoint")
			return -1, -1, ""
		}
		if u := t.tok(c).UPOS; (u == "NOUN" || u == "PROPN") && f > i {
			// "told NTV's “Morning Report” that the ferry …" misparsed
			// with the name as the complement and the clause under it:
			// the clause after "that" is what was told
			for k := c + 1; k+1 < e; k++ {
				// ("that" may be read as a relative pronoun; it is one only
				// if it is the clause's subject: "an angle that would show")
				h := t.tok(k).Head
				if t.complementizer(k) && h > k && (d.RelIs(k, "mark") || d.Dependent(h, "nsubj", "nsubj:pass") > k) {
					return t.trim(k+1, e, i)
				}
			}
		}
		if f > i {
			return t.trim(f, e, i)
		}
		return t.trim(f, min(e, i), i)
	}
	// "confirmed, after the vote, that …" parsed as an adverbial clause.
	for _, k := range d.Dependents(i, t.buf[:0]) {
		if k > i && d.RelIs(k, "advcl", "parataxis") {
			f, e := d.Subtree(k)
			for f < e && t.tok(f).UPOS == "PUNCT" {
				f++
			}
			if f < e && t.complementizer(f) && d.RelIs(f, "mark") {
				return t.trim(f, e, i)
			}
		}
	}
	// "X on Monday denied that …" with the clause hung elsewhere: the
	// first "that" within ThatWindow words after the cue opens it.
	for k := ce; k < sentEnd && k < ce+t.x.th.ThatWindow; k++ {
		if t.region(k) >= 0 || t.tok(k).UPOS == "VERB" {
			break
		}
		if t.complementizer(k) && d.RelIs(k, "mark") && t.tok(k).Head > k && !t.result(ce, k) && !t.reportedBelow(k, i) {
			cf, cend := d.Subtree(t.tok(k).Head)
			for cf < k && t.tok(cf).UPOS == "PUNCT" {
				cf++ // the comma before "that" hangs from the clause
			}
			if cf == k {
				return t.trim(cf, min(cend, sentEnd), i)
			}
		}
	}
	// "told reporters that …" parsed with the clause under the object.
	for _, o := range d.Dependents(i, t.buf[:0]) {
		if !d.RelIs(o, "obj", "iobj", "obl") {
			continue
		}
		of, oe := d.Subtree(o)
		for k := of; k < oe; k++ {
			if t.complementizer(k) && d.RelIs(k, "mark") && t.tok(k).Head > k && !t.result(ce, k) && !t.reportedBelow(k, i) {
				cf, cend := d.Subtree(t.tok(k).Head)
				if cf == k {
					return t.trim(cf, min(cend, sentEnd), i)
				}
			}
		}
	}
	// "C, X said": the cue is inserted in C, or closes it (the parser may
	// hang it from C as a parataxis, a complement or a conjunct).
	if h := tk.Head; h >= 0 && t.region(h) < 0 && d.RelIs(i, "parataxis", "ccomp", "advcl", "conj") {
		hf, he := d.Subtree(h)
		cf, cend := d.Subtree(i)
		for he > cend && t.tok(he-1).UPOS == "PUNCT" {
			he--
		}
		switch {
		case d.RelIs(i, "parataxis") && cf > hf:
			return t.trim(hf, cf, i)
		case d.RelIs(i, "parataxis"):
			return t.trim(cend, he, i)
		case h < cf && cend >= he && d.Dependent(i, "ccomp") < 0 && t.subject(i, false) > cf-1 && t.setOff(i):
			// the cue and its subject end the clause, set off from it:
			// "…, she added." (not "X said that the country would declare")
			return t.trim(hf, cf, i)
		}
	}
	// "C, he concluded." with C parsed as an adverbial clause of the
	// cue: C opens the sentence, and a comma and the subject stand
	// between it and the cue.
	if sj := t.subject(i, false); sj >= 0 && sj < i {
		for _, k := range d.Dependents(i, t.buf[:0]) {
			if k > sj || !d.RelIs(k, "advcl", "ccomp", "parataxis", "dep") || d.Dependent(k, "mark") >= 0 ||
				d.Dependent(k, "nsubj", "nsubj:pass", "expl", "csubj") < 0 {
				continue // a clause with a subject of its own, not "Clarifying what …, X said"
			}
			kf, ke := d.Subtree(k)
			first := sentFirst
			for first < kf && t.tok(first).UPOS == "PUNCT" {
				first++
			}
			sf, _ := d.Subtree(sj)
			gap := ke
			for gap < sf && t.tok(gap).UPOS == "PUNCT" {
				gap++
			}
			if kf == first && gap == sf && ke <= sf {
				return t.trim(kf, ke, i)
			}
		}
	}
	// "warned against hackers", "called for sanctions": the phrase with
	// a preposition the cue takes for what it reports
	for _, k := range d.Dependents(i, t.buf[:0]) {
		if k < ce || !d.RelIs(k, "obl") || d.Dependent(i, "obj", "ccomp") >= 0 || d.Dependent(i, "xcomp") >= 0 && d.Dependent(i, "xcomp") < k {
			continue
		}
		if c := d.Dependent(k, "case"); c >= 0 && c < k && t.x.lx.topic[strings.ToLower(t.tok(c).Text)][tk.Lemma] {
			_, ke := d.Subtree(k)
			// "called on the mayor to reopen the pier": with what the
			// cue asks of them
			var b [16]int
			for _, x := range d.Dependents(i, b[:0]) {
				if x > k && (d.RelIs(x, "xcomp") || d.RelIs(x, "advcl") && t.tok(x).Tag == "VB") {
					_, ke = d.Subtree(x)
				}
			}
			return t.trim(c+1, ke, i)
		}
	}
	if t.x.lx.objectContent[tk.Lemma] {
		// the cue's complements after it, not what is coordinated with it
		f, e := -1, -1
		for _, k := range d.Dependents(i, t.buf[:0]) {
			if k < ce {
				continue
			}
			kf, _ := d.Subtree(k)
			// an oblique right after the object goes with it ("support
			// for the authorities")
			if !d.RelIs(k, "obj", "iobj", "xcomp", "ccomp", "obl:unmarked", "compound:prt", "dep") && !(d.RelIs(k, "obl") && f >= 0 && kf <= e) {
				continue
			}
			kf, ke := d.Subtree(k)
			if f < 0 {
				f = kf
			}
			e = max(e, ke)
		}
		if f >= 0 {
			return t.trim(f, e, i)
		}
	}
	return -1, -1, ""
}

// result reports whether the "that" at k after the cue (which ends at
// ce) opens a clause of result, not what was said: a result mark ("so",
// "such") stands between them ("tells so many lies that X could …", "made such a mess
// that …").
func (t *tq) result(ce, k int) bool {
	for j := ce; j < k; j++ {
		if t.x.lx.resultMarks[strings.ToLower(t.tok(j).Text)] {
			return true
		}
	}
	return false
}

// setOff reports whether the cue at i, or its subject before it, follows
// a comma or a quotation mark: "…, she added", "…, said X" (not "X said
// that the country would declare").
func (t *tq) setOff(i int) bool {
	mark := func(k int) bool { return k >= 0 && (t.isComma(k) || t.isQuoteMark(k)) }
	if mark(i - 1) {
		return true
	}
	if sj := t.subject(i, false); sj >= 0 && sj < i {
		f, _ := t.td.Subtree(sj)
		return mark(f - 1)
	}
	return false
}

// thatClause reports whether the cue at i has a clausal complement
// opened by a complementizer ("implied that …").
func (t *tq) thatClause(i int) bool {
	c := t.complementClause(i)
	if c < 0 {
		return false
	}
	m := t.td.Dependent(c, "mark")
	return m > i && m < c && t.complementizer(m)
}

// complementClause returns the clause the cue at i reports: its clausal
// complement, the one after it when the parser gave it two ("As
// improbable as it may seem, X said the deal helped"), or a clause with
// a subject of its own hung from the verb as a relative clause ("he said
// witnesses saw a gun", which no verb can have); -1 when none.
func (t *tq) complementClause(i int) int {
	d := t.td
	first := -1
	for _, c := range d.Dependents(i, t.buf[:0]) {
		switch {
		case d.RelIs(c, "ccomp"):
			if c > i {
				return c
			}
			if first < 0 {
				first = c
			}
		case c > i && first < 0 && t.tok(i).UPOS == "VERB" && d.RelIs(c, "acl"):
			// a clause with its own subject after the cue, misread as a
			// modifier of the verb; not a relative clause ("claimed a
			// loss, which could have allowed him …": "which" is its
			// subject), which says something about what the cue's
			// clause reports, not what was said
			if sj := d.Dependent(c, "nsubj", "nsubj:pass"); sj > i && !t.x.lx.relatives[strings.ToLower(t.tok(sj).Text)] {
				first = c
			}
		}
	}
	return first
}

// trim cuts a content range to its words: no leading "that" or
// punctuation, no trailing punctuation, never the cue itself; it reports
// which rule found it.
func (t *tq) trim(f, e, cue int) (int, int, string) {
	if cue >= f && cue < e {
		if cue-f > e-cue {
			e = cue
		} else {
			f = cue + 1
		}
	}
	for f < e {
		tk := t.tok(f)
		if tk.UPOS == "PUNCT" || t.complementizer(f) && t.td.RelIs(f, "mark") {
			f++
			continue
		}
		break
	}
	// the reporter's own aside ends what was reported: "…, which did not
	// respond to requests for comment"
	for k := f + 1; k < e; k++ {
		if t.tok(k-1).Text == "," && t.startsPhrase(k, e, t.x.lx.reporterAsides) {
			for e = k; e > f && (t.tok(e-1).UPOS == "PUNCT" || t.td.RelIs(e-1, "nsubj", "cc") && k-e < 2); e-- {
			}
			break
		}
	}
	// the reporter's comparison ends it too: "…, as he did again during
	// the debate" (a clause of "as" whose verb is a pro-form: "did",
	// "has", "does")
	for k := f + 1; k < e; k++ {
		if t.tok(k-1).Text != "," || !t.x.lx.comparisons[strings.ToLower(t.tok(k).Text)] || !t.td.RelIs(k, "mark") {
			continue
		}
		if h := t.tok(k).Head; h > k && h < e && t.x.lx.proVerbs[t.tok(h).Lemma] && t.tok(h).UPOS == "AUX" {
			if _, he := t.td.Subtree(h); he >= e-1 {
				e = k - 1
				break
			}
		}
	}
	for e > f && t.tok(e-1).UPOS == "PUNCT" {
		e--
	}
	if e <= f {
		return -1, -1, ""
	}
	return f, e, ""
}

// startsPhrase reports whether one of the phrases starts at token k (or
// right after a relative pronoun or a subject there: "which did not
// respond").
func (t *tq) startsPhrase(k, end int, phrases [][]string) bool {
	for _, ph := range phrases {
		for skip := 0; skip <= 1; skip++ {
			ok := k+skip+len(ph) <= end
			for j := 0; ok && j < len(ph); j++ {
				ok = strings.EqualFold(t.tok(k+skip+j).Text, ph[j])
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// blamedFor returns, for a cue that is what a cue of its clause blames,
// accuses or praises someone for ("blamed the network for reporting that
// …", "accused her of saying …"), that someone: the object of the
// blaming verb, which reported or said it, not the one who blames. The
// parse hangs the gerund on the verb or on its object. Not a cue that
// only frames a quotation ("called him a “liar” for continuing to …").
// -1 otherwise.
func (t *tq) blamedFor(v int) int {
	d := t.td
	h := t.tok(v).Head
	if h < 0 || t.x.lx.directOnly[t.tok(v).Lemma] || !t.markedBy(v, t.x.lx.blameMarks) {
		return -1
	}
	switch {
	case d.RelIs(v, "advcl") && t.tok(v).Tag == "VBG" && t.x.lx.objectContent[t.tok(h).Lemma]:
		return t.objectBefore(h, v)
	case d.RelIs(v, "acl") && !d.RelIs(v, "acl:relcl") && d.RelIs(h, "obj") && t.tok(h).Head >= 0 &&
		t.x.lx.objectContent[t.tok(t.tok(h).Head).Lemma]:
		return h
	case d.RelIs(v, "advcl") && t.tok(v).Tag == "VBG" && t.tok(h).UPOS == "VERB":
		// "gave Carson two Pinocchios for dismissing …": whom a verb
		// acts on for doing something did it
		if o := t.objectBefore(h, v); o > h && t.tok(o).UPOS == "PROPN" {
			return o
		}
	}
	return -1
}

// markedBy reports whether the clause at v is introduced by one of the
// words (its "mark" or "case" dependent before it; words lower case).
func (t *tq) markedBy(v int, words map[string]bool) bool {
	for _, c := range t.td.Dependents(v, t.buf[:0]) {
		if c < v && t.td.RelIs(c, "mark", "case") && words[strings.ToLower(t.tok(c).Text)] {
			return true
		}
	}
	return false
}

// reportedBelow reports whether the clause that the complementizer at k
// opens is the complement of a cue other than the cue at i, a verb or a
// noun of saying: "blamed the network for reporting that …", "blamed
// the media for X's claim that …" report what the network reported and
// what X claims, not what the blame says.
func (t *tq) reportedBelow(k, i int) bool {
	h := t.tok(k).Head
	if h < 0 || !t.td.RelIs(h, "ccomp", "acl") {
		return false
	}
	g := t.tok(h).Head
	if g < 0 || g == i || t.x.lx.kind[t.tok(g).Lemma] == "" {
		return false
	}
	u := t.tok(g).UPOS
	return u == "VERB" || u == "NOUN"
}

// nounsClause reports whether the clause c, which the parse gives the cue
// at i as its complement, opens with "that" straight after a noun of
// saying after the cue ("blamed the media for X's claim that …",
// "denied the claim that …"): the clause says what the claim is, not
// what the cue's source says.
func (t *tq) nounsClause(i, c int) bool {
	f, _ := t.td.Subtree(c)
	if f-1 <= i || !t.complementizer(f) {
		return false
	}
	n := t.tok(f - 1)
	return n.UPOS == "NOUN" && t.x.lx.kind[n.Lemma] != ""
}

// maxOpeningNameWords bounds the words before the description that
// nameBeforeDescription reads: a name, its titles and its place.
const maxOpeningNameWords = 20

// nameBeforeDescription returns the person's name that opens the
// sentence when the cue's subject sj is a description of it set off by a
// comma ("Inspector Keith MacCaskill of the Winnipeg Police Service, a
// Canadian member of the task force, said", parsed with the description
// as the subject and the name hung elsewhere): the words before the
// description hold no verb and no quotation, and open with a name of a
// person, after any titles. It returns the name's last word, or -1.
func (t *tq) nameBeforeDescription(sj int) int {
	if sj < 0 {
		return -1
	}
	f, _ := t.td.Subtree(sj)
	if f < 2 || t.tok(f).UPOS != "DET" || !t.x.lx.indefinites[strings.ToLower(t.tok(f).Text)] || !t.isComma(f-1) {
		return -1
	}
	first := t.firstOfSentence(sj)
	if f-1-first > maxOpeningNameWords {
		return -1
	}
	for k := first; k < f-1; k++ {
		if tk := t.tok(k); t.region(k) >= 0 || tk.UPOS == "AUX" || tk.UPOS == "VERB" && tk.Tag != "VBG" && tk.Tag != "VBN" || t.isComma(k) {
			return -1
		}
	}
	a := first
	for a < f-1 && t.isTitleWord(a) && a+1 < f-1 && t.tok(a+1).UPOS == "PROPN" {
		a++ // (a title the tagger took for a common noun: "Inspector")
	}
	if e := t.personNameRun(a, f-1); e >= 0 {
		return e - 1
	}
	return -1
}
