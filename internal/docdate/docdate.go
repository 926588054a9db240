// Package docdate infers a document's date when no metadata gives one.
//
// In: the document's text layer (tokens, sentences and candidate names),
// the people it names (actor mentions of persons), its temporal
// expressions found without a reference date, the actor dictionary
// (tenures of office, role phrases) and a table of named, dated events
// (data/docdate/known-events.yaml). Out: a date range [From, To] and a
// reason a person can check, or no date and the reason why none.
//
// Each clue allows a set of periods:
//  1. An office-holder named with the office as a title that the text
//     says they hold now ("President X", "Secretary of State Y", "the
//     Prime Minister of Z, Mr. W", "X, the president"): the periods of
//     their tenures in that office. A title with a word that says they
//     do not hold it now ("former", "late", "then-", "ex-", "would-be",
//     "-elect", "a President X") and a sentence that imagines it ("if",
//     "imagine", "the prospect of") give no clue; neither does an
//     office in another form ("presidential", "a X presidency").
//  2. A named event with a relative year ("the Cannes summit last
//     year"): the year of writing.
//  3. A year the text reports as past (the tense timex reads in its
//     clause, "in 2011 the talks failed"): the document is no earlier.
//  4. Dates without a year ("4 June") that fall in the range so far in
//     exactly one year, in pairs: the latest reported as past is a lower
//     bound (a month at its first day) and the earliest deadline still
//     to come an upper bound, only when there are both, the past one
//     first and not the same date; alone, such a date may be of another
//     year.
//
// No one called by an office dates the text when it also speaks of a
// past holder of that office it does not name ("the former president")
// or of the office as held then ("when she was secretary of state"), and
// a title after "as" and before a comma is a capacity ("as secretary of
// state, X"). A text that names a year after the range its clues allow,
// other than as still to come, speaks of those clues as of the past: its
// date is unknown.
//
// The date is the periods all clues allow. It is inferred only when that
// is one range closed at both ends; when two clues disagree, or the
// clues leave the range open or split, the date is unknown and the
// reason says so. Explicit metadata always wins; the pipeline only asks
// when the date is unknown.
package docdate

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// KnownEvent is a named event with the year it took place.
type KnownEvent struct {
	Name    string   `yaml:"name"`
	Year    int      `yaml:"year"`
	Phrases []string `yaml:"phrases"`
}

// Inferrer infers document dates.
type Inferrer struct {
	dict   *actors.Dictionary
	events []KnownEvent
	vocab  vocabulary
	// notNow and hypothetical are the vocabulary's word lists as sets.
	notNow, hypothetical, joiners, pastOffice, yearPreps map[string]bool
	pastHolder, capacity, pastCopulas                    map[string]bool
}

// vocabulary is data/docdate/vocabulary.yaml.
type vocabulary struct {
	Future        []string       `yaml:"future"`
	RelativeYears map[string]int `yaml:"relative_years"`
	NotInOffice   []string       `yaml:"not_in_office"`
	Hypothetical  []string       `yaml:"hypothetical"`
	TitleJoiners  []string       `yaml:"title_joiners"`
	PastOffice    []string       `yaml:"past_office"`
	YearPreps     []string       `yaml:"year_prepositions"`
	PastHolder    []string       `yaml:"past_holder"`
	Capacity      []string       `yaml:"capacity"`
	PastCopulas   []string       `yaml:"past_copulas"`
}

// New loads the known events and the vocabulary from fsys
// (docdate/known-events.yaml, docdate/vocabulary.yaml).
func New(dict *actors.Dictionary, fsys fs.FS) (*Inferrer, error) {
	const name = "docdate/known-events.yaml"
	var evs []KnownEvent
	if err := data.ReadYAML(fsys, name, &evs); err != nil {
		return nil, err
	}
	for i, e := range evs {
		if e.Year < 1000 || len(e.Phrases) == 0 {
			return nil, fmt.Errorf("load known events %s: entry %d (%q) needs a year and phrases", name, i+1, e.Name)
		}
	}
	inf := &Inferrer{dict: dict, events: evs}
	const vname = "docdate/vocabulary.yaml"
	if err := data.ReadYAML(fsys, vname, &inf.vocab); err != nil {
		return nil, err
	}
	if len(inf.vocab.Future) == 0 || len(inf.vocab.RelativeYears) == 0 || len(inf.vocab.NotInOffice) == 0 {
		return nil, fmt.Errorf("load %s: future, relative_years and not_in_office must not be empty", vname)
	}
	set := func(ws []string) map[string]bool {
		m := make(map[string]bool, len(ws))
		for _, w := range ws {
			m[strings.ToLower(w)] = true
		}
		return m
	}
	inf.notNow, inf.hypothetical, inf.joiners = set(inf.vocab.NotInOffice), set(inf.vocab.Hypothetical), set(inf.vocab.TitleJoiners)
	inf.pastOffice, inf.yearPreps = set(inf.vocab.PastOffice), set(inf.vocab.YearPreps)
	inf.pastHolder, inf.capacity, inf.pastCopulas = set(inf.vocab.PastHolder), set(inf.vocab.Capacity), set(inf.vocab.PastCopulas)
	return inf, nil
}

// Result is an inferred date range and why. When nothing is inferred,
// Reason says why.
type Result struct {
	From, To time.Time
	Reason   string
	Evidence []model.Span
}

// Input is what inference reads.
type Input struct {
	// Doc is the text layer of the document: tokens and sentences, and
	// the candidate names with their forms of address when it was fully
	// analysed.
	Doc *text.Doc
	// People are the mentions of persons.
	People []model.Mention
	// Timexes are the temporal expressions found without a reference
	// date: year-less dates have values like "XXXX-06-04".
	Timexes []model.Timex
}

// period is a stretch of days; a zero end is open.
type period struct{ lo, hi time.Time }

// clue is what one piece of evidence allows: a union of periods.
type clue struct {
	allows []period
	reason string
	at     []model.Span
}

// intersect returns the periods that a and b both allow.
func intersect(a, b []period) []period {
	var out []period
	for _, x := range a {
		for _, y := range b {
			lo, hi := x.lo, x.hi
			if lo.IsZero() || !y.lo.IsZero() && y.lo.After(lo) {
				lo = y.lo
			}
			if hi.IsZero() || !y.hi.IsZero() && y.hi.Before(hi) {
				hi = y.hi
			}
			if !lo.IsZero() && !hi.IsZero() && lo.After(hi) {
				continue
			}
			out = append(out, period{lo, hi})
		}
	}
	return out
}

// state is the range under construction.
type state struct {
	allows   []period // nil: no clue yet
	reasons  []string
	evidence []model.Span
	conflict string // set once two clues disagree
}

// add narrows the range by c; a clue that disagrees with the clues so
// far makes the date unknown.
func (st *state) add(c clue) {
	if st.conflict != "" {
		return
	}
	next := c.allows
	if st.allows != nil {
		next = intersect(st.allows, c.allows)
	}
	if len(next) == 0 {
		st.conflict = fmt.Sprintf("the clues disagree: %s; but %s", strings.Join(st.reasons, "; "), c.reason)
		return
	}
	st.allows = next
	st.reasons = append(st.reasons, c.reason)
	st.evidence = append(st.evidence, c.at...)
}

// closed returns the one closed range the clues allow.
func (st *state) closed() (period, bool) {
	if len(st.allows) != 1 || st.allows[0].lo.IsZero() || st.allows[0].hi.IsZero() {
		return period{}, false
	}
	return st.allows[0], true
}

// Infer returns the document's date range, or false with the reason
// when the text does not tell it.
func (inf *Inferrer) Infer(in Input) (Result, bool) {
	if in.Doc == nil {
		return Result{Reason: "date unknown: no text"}, false
	}
	var st state
	inf.tenures(in, &st)
	inf.namedEvents(in, &st)
	inf.explicitYears(in, &st)
	if _, ok := st.closed(); ok {
		inf.yearless(in, &st)
	}
	if p, ok := st.closed(); ok && st.conflict == "" {
		inf.laterYear(in, p, &st)
	}
	switch p, ok := st.closed(); {
	case st.conflict != "":
		return Result{Reason: "date unknown: " + st.conflict}, false
	case ok:
		return Result{From: p.lo, To: p.hi, Reason: describe(p, st.reasons), Evidence: st.evidence}, true
	case len(st.reasons) == 0:
		return Result{Reason: "date unknown: the text names no office-holder in office, dated event or past year that would date it"}, false
	case len(st.allows) > 1:
		return Result{Reason: "date unknown: the clues fit more than one period: " + strings.Join(st.reasons, "; ")}, false
	default:
		return Result{Reason: "date unknown: the clues leave the range open: " + strings.Join(st.reasons, "; ")}, false
	}
}

func describe(p period, reasons []string) string {
	span := fmt.Sprintf("between %s and %s", p.lo.Format("2 January 2006"), p.hi.Format("2 January 2006"))
	if p.lo.Year() == p.hi.Year() && p.lo.Month() == p.hi.Month() {
		span = fmt.Sprintf("in %s (%s to %s)", p.lo.Format("January 2006"), p.lo.Format("2"), p.hi.Format("2 January"))
	}
	return "written " + span + ": " + strings.Join(reasons, "; ")
}

// lowerWords returns a token's lower-case words: "then-President" is
// "then" and "president".
func lowerWords(tok string) []string {
	return strings.FieldsFunc(strings.ToLower(tok), func(r rune) bool { return r == '-' || r == '‐' || r == '‑' })
}

// tenures adds a clue for each person named with an office they hold
// now.
func (inf *Inferrer) tenures(in Input, st *state) {
	seen := map[string]bool{}
	type found struct {
		name, role string
		tenures    []actors.DatedCode
		title, at  model.Span
	}
	var all []found
	// The sentences that state a date of their own, found once: a title
	// in one of them speaks of then, not now.
	dated := map[int]uint8{}
	for _, t := range in.Timexes {
		if t.NoDate == "" && len(t.Value) >= 4 && t.Value[0] >= '0' && t.Value[0] <= '9' {
			if si := in.Doc.SentenceAt(t.Start); si >= 0 && in.Doc.Sentences[si].Contains(t.Span) {
				dated[si] |= sentDated
			}
		}
	}
	// Every person the text calls by an office as a title, however it
	// says they hold it. A person the text once speaks of as out of
	// office ("former President X", "President X ... for the rest of his
	// presidency") gives no clue, however else they are called.
	type titled struct {
		found
		kind titleKind
	}
	var ts []titled
	past := map[string]bool{}
	for _, m := range in.People {
		if !m.Actor.Person || m.Actor.Name == "" {
			continue
		}
		role, title, t := inf.title(in, m, dated)
		if t == titleNone {
			continue
		}
		if t == titleNotNow {
			past[m.Actor.Name] = true
		}
		var held []actors.DatedCode
		for _, tc := range inf.dict.Tenures(m.Actor.Name) {
			if strings.EqualFold(tc.Role, role) && !tc.From.IsZero() {
				held = append(held, tc)
			}
		}
		if len(held) > 0 {
			ts = append(ts, titled{found{m.Actor.Name, role, held, title, m.Span}, t})
		}
	}
	// One office has one holder at a time: two people the text calls by
	// the same office as of now ("President X" and "President Y")
	// cannot both hold it now, so the text speaks of one
	// of them as of another time, and neither is evidence of when it was
	// written.
	holder, shared := map[string]string{}, map[string]bool{} // by office: a name, and whether another holds it too
	office := func(f found, tc actors.DatedCode) string { return strings.ToLower(f.role) + "\x00" + tc.Code }
	for _, f := range ts {
		if f.kind != titleNow {
			continue // "former President X", "In 2003, President X": not now
		}
		for _, tc := range f.tenures {
			k := office(f.found, tc)
			if h, ok := holder[k]; ok && h != f.name {
				shared[k] = true
			}
			holder[k] = f.name
		}
	}
	formerOffice := inf.formerOffices(in.Doc)
	for _, f := range ts {
		if f.kind != titleNow || seen[f.name] || past[f.name] || formerOffice[f.role] ||
			slices.ContainsFunc(f.tenures, func(tc actors.DatedCode) bool { return shared[office(f.found, tc)] }) {
			continue
		}
		seen[f.name] = true
		all = append(all, f.found)
	}
	// The narrowest clues first, so that a reason reads from the
	// strongest evidence.
	sort.SliceStable(all, func(i, j int) bool { return all[i].tenures[0].From.After(all[j].tenures[0].From) })
	for _, f := range all {
		c := clue{at: []model.Span{f.title, f.at}}
		var terms []string
		for _, tc := range f.tenures {
			c.allows = append(c.allows, period{tc.From, tc.To})
			to := "now"
			if !tc.To.IsZero() {
				to = tc.To.Format("2006-01-02")
			}
			terms = append(terms, fmt.Sprintf("%s to %s", tc.From.Format("2006-01-02"), to))
		}
		c.reason = fmt.Sprintf("%s is called %s (“%s”), an office held from %s", f.name, f.role,
			strings.Join(strings.Fields(f.title.Text), " "), strings.Join(terms, " and from "))
		st.add(c)
	}
}

// formerOffices returns the offices (canonical roles) the text speaks of
// a past holder of without naming them ("the former president told a
// crowd") or as held then ("when she was secretary of state"): whoever
// it calls by such an office may be that holder, spoken of as of the
// past, so no one called by it dates the text.
func (inf *Inferrer) formerOffices(d *text.Doc) map[string]bool {
	out := map[string]bool{}
	for _, sent := range d.Sentences {
		toks := d.Tokens[sent.FirstToken:sent.EndToken]
		for k, tk := range toks {
			if inf.pastCopulas[strings.ToLower(tk.Text)] {
				if role, ok := inf.predicateOffice(toks[k+1:]); ok {
					out[role] = true // "when she was secretary of state"
				}
				continue
			}
			ws := lowerWords(tk.Text)
			if len(ws) == 0 || !inf.pastHolder[ws[0]] {
				continue
			}
			from := k + 1
			if len(ws) > 1 {
				from = k // "then-President": the office after the prefix
			}
			// ("former President X" names the holder, read by title)
			if role, ok := inf.predicateOffice(toks[from:]); ok {
				out[role] = true
			}
		}
	}
	return out
}

// titleKind says what a mention's title tells.
type titleKind int

const (
	titleNone   titleKind = iota // no office is given as a title
	titleNow                     // an office held now
	titleNotNow                  // an office held once or to be: "former", "-elect", "his presidency"
	titleThen                    // an office at another time or imagined: "In 2003, President X", "if X were president"
)

// title finds the office the text gives the person mentioned at s as a
// title: before the name ("President X", "the Prime Minister of Libya,
// Mr. X") or in apposition after it ("X, the president,"). It returns
// the canonical role, the words that say it, and whether the text says
// it is held now: not when a word of the title says otherwise ("former
// President X", "President-elect X", "a President X") or the sentence
// looks back on the office ("for the rest of his presidency"): the text
// then speaks of the person as out of office (titleNotNow); nor in a
// sentence that imagines ("if", "imagine") or states a date of its own
// ("In 2003, President X ..."), which says nothing of now (titleThen).
func (inf *Inferrer) title(in Input, m model.Mention, dated map[int]uint8) (string, model.Span, titleKind) {
	s := m.Span
	role, at, qual, ok := inf.findTitle(in, m)
	if !ok {
		return "", model.Span{}, titleNone
	}
	if qual {
		return role, at, titleNotNow
	}
	d := in.Doc
	if k, e := d.TokenAt(at.Start), d.TokenAt(at.End-1); k > 0 && inf.capacity[strings.ToLower(d.Tokens[k-1].Text)] &&
		e >= 0 && e+1 < len(d.Tokens) && d.Tokens[e+1].Text == "," {
		// "as secretary of state, X used …": a capacity, often of the
		// past, not a title of now (but "as President X appears set
		// to …" is a title after a conjunction)
		return role, at, titleThen
	}
	if k := d.TokenAt(at.Start); k >= 0 && inf.heldThen(d, k) {
		return role, at, titleThen
	}
	si := d.SentenceAt(s.Start)
	kind := titleNow
	f := inf.sentenceFlags(in, si, dated)
	if f&sentPastOffice != 0 {
		return role, at, titleNotNow
	}
	if f&(sentHypothetical|sentDated) != 0 {
		kind = titleThen
	}
	return role, at, kind
}

// heldThen reports whether the title at token k sits in a phrase about
// another time, by the parse: the phrase of a noun a word of past holding
// qualifies ("a former Secret Service agent for President X") or of a
// capacity ("a posting as the adviser to Secretary of State X", "a
// Republican appointed as deputy attorney general by President X").
// Such a title says the office was held then, not now. It climbs at most
// a few heads and stops at a clause. (The agent of a participle was
// tried as a third: "the mistakes made by President X" is as often a
// holder of now; it cost right dates and fixed no wrong one.)
func (inf *Inferrer) heldThen(d *text.Doc, k int) bool {
	var buf [16]int
	for a, steps := d.Tokens[k].Head, 0; a >= 0 && steps < 6; a, steps = d.Tokens[a].Head, steps+1 {
		switch d.Tokens[a].UPOS {
		case "VERB", "AUX", "ADJ":
			return false
		case "NOUN":
			for _, x := range d.Dependents(a, buf[:0]) {
				w := strings.ToLower(d.Tokens[x].Text)
				if x < a && d.RelIs(x, "amod", "advmod") && inf.pastHolder[w] || d.RelIs(x, "case") && inf.capacity[w] {
					return true
				}
			}
		}
	}
	return false
}

// What title reads of a sentence, found once per sentence (a long
// sentence naming many people is not read once per person).
const (
	sentDated        = 1 << iota // it states a date of its own
	sentPastOffice               // a word of past office ("former")
	sentHypothetical             // a word of the hypothetical ("would")
	sentRead                     // the words were read
)

// sentenceFlags returns the flags of sentence si, reading its words on
// first use; flags holds them by sentence, sentDated set beforehand.
func (inf *Inferrer) sentenceFlags(in Input, si int, flags map[int]uint8) uint8 {
	f := flags[si]
	if f&sentRead != 0 {
		return f
	}
	sent := in.Doc.Sentences[si]
	for _, tk := range in.Doc.Tokens[sent.FirstToken:sent.EndToken] {
		for _, w := range lowerWords(tk.Text) {
			if inf.pastOffice[w] {
				f |= sentPastOffice
			}
			if inf.hypothetical[w] {
				f |= sentHypothetical
			}
		}
	}
	f |= sentRead
	flags[si] = f
	return f
}

// predicateOffice returns the office toks begin with when no name
// follows it: the office itself, not the title of a name. After a past
// copula it is the predicate ("when X was president", not "was
// President X's adviser"; with no article, as "that was the president
// saying" names a person); after a word of past holding, an unnamed
// holder ("the former president told", not "former President X").
func (inf *Inferrer) predicateOffice(toks []text.Token) (string, bool) {
	for n := min(4, len(toks)); n >= 1; n-- {
		if role, ok := inf.role(toks[:n]); ok {
			return role, n == len(toks) || !(toks[n].UPOS == "PROPN" && startsUpper(toks[n].Text))
		}
	}
	return "", false
}

// findTitle finds the title of the person mentioned by m; qual is true
// when a word of it or right before it says the office is not held now.
// The mention must name the person: a description resolved to them
// ("the Libyan Prime Minister") is not a title.
func (inf *Inferrer) findTitle(in Input, m model.Mention) (role string, at model.Span, qual, ok bool) {
	d := in.Doc
	s := m.Span
	first, last := d.TokenAt(s.Start), d.TokenAt(s.End-1)
	si := d.SentenceAt(s.Start)
	if first < 0 || last < 0 || si < 0 {
		return "", model.Span{}, false, false
	}
	sent := d.Sentences[si]
	toks := d.Tokens
	// Where the name begins: the run of words of the person's name that
	// ends the mention ("the Prime Minister of Libya, Mr. Ali Zeidan").
	nameWords := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(m.Actor.Name)) {
		nameWords[w] = true
	}
	isName := func(k int) bool { return nameWords[strings.ToLower(toks[k].Text)] }
	end := last
	for end >= first && !isName(end) {
		end--
	}
	if end < first {
		return "", model.Span{}, false, false
	}
	for first < end && isName(end-1) {
		end--
	}
	first = end
	// A form of address before the name is not part of the title.
	for _, n := range d.Names() {
		if n.Honorific.End > n.Honorific.Start && n.Start <= toks[first].Start && n.End > toks[first].Start {
			if k := d.TokenAt(n.Honorific.Start); k >= 0 && k < first {
				first = k
			}
		}
	}
	lo := max(sent.FirstToken, first-9)
	// Before the name: a role phrase, then nothing, a comma, or "of"
	// and the place it is the office of. The mention may hold the title
	// ("Russian President Vladimir Putin").
	for end := first; end > lo; end-- {
		if !inf.joinerRun(toks[end:first]) {
			continue
		}
		for n := 4; n >= 1; n-- {
			start := end - n
			if start < sent.FirstToken {
				continue
			}
			if role, ok := inf.role(toks[start:end]); ok {
				qual := inf.notInOffice(toks[max(sent.FirstToken, start-2):start]) || inf.notInOffice(toks[start:first])
				return role, model.NewSpan(d.Text, toks[start].Start, toks[end-1].End), qual, true
			}
		}
	}
	// After the name: ", the president" / ", president of X".
	k := last + 1
	if k < sent.EndToken && toks[k].Text == "," {
		k++
		from := k
		if k < sent.EndToken && strings.EqualFold(toks[k].Text, "the") {
			k++
		}
		for skip := 0; skip <= 2 && k < sent.EndToken; skip++ {
			for n := 4; n >= 1; n-- {
				if k+n > sent.EndToken {
					continue
				}
				if role, ok := inf.role(toks[k : k+n]); ok {
					if k+n < sent.EndToken && toks[k+n].UPOS == "PROPN" && startsUpper(toks[k+n].Text) {
						// "X, President Y said": the title of the next name
						return "", model.Span{}, false, false
					}
					return role, model.NewSpan(d.Text, toks[k].Start, toks[k+n-1].End), inf.notInOffice(toks[from : k+n]), true
				}
			}
			if !startsUpper(toks[k].Text) {
				break // "X, who was secretary of state": no place, no title
			}
			k++ // a place before the office: "X, the U.S. president"
		}
	}
	return "", model.Span{}, false, false
}

// joinerRun reports whether toks may stand between an office and the
// name: nothing, a comma, "of" and a place ("of Libya", "of the United
// States"), a form of address's full stop.
func (inf *Inferrer) joinerRun(toks []text.Token) bool {
	if len(toks) == 0 {
		return true
	}
	of := false
	for i, tk := range toks {
		w := strings.ToLower(tk.Text)
		switch {
		case w == "," && i == len(toks)-1:
		case w == "of" && i == 0:
			of = true
		case of && (inf.joiners[w] || startsUpper(tk.Text)):
		default:
			return false
		}
	}
	return true
}

func startsLetter(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// role returns the canonical role the tokens name, if they name one.
func (inf *Inferrer) role(toks []text.Token) (string, bool) {
	parts := make([]string, len(toks))
	for i, tk := range toks {
		if !startsLetter(tk.Text) {
			return "", false // "president,”" is not a title
		}
		parts[i] = tk.Text
	}
	phrase := strings.Join(parts, " ")
	if inf.dict.RoleEntry(phrase) == nil {
		// "then-President", "ex-Premier": the office after the prefix.
		i := strings.LastIndexAny(parts[0], "-‐‑")
		if i <= 0 {
			return "", false
		}
		parts[0] = parts[0][i+1:]
		if phrase = strings.Join(parts, " "); parts[0] == "" || inf.dict.RoleEntry(phrase) == nil {
			return "", false
		}
	}
	return inf.dict.CanonicalRole(phrase), true
}

// notInOffice reports whether a word of toks says the office is not held
// now ("former", "late", "then-", "-elect", "a").
func (inf *Inferrer) notInOffice(toks []text.Token) bool {
	for _, tk := range toks {
		for _, w := range lowerWords(tk.Text) {
			if inf.notNow[w] {
				return true
			}
		}
	}
	return false
}

// relativeYear reads a relative year expression ("last year").
func (inf *Inferrer) relativeYear(s string) (int, bool) {
	off, ok := inf.vocab.RelativeYears[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return off, ok
}

// eventReach is how far (in bytes) a relative year may stand from the
// name of the event it dates: "the Cannes summit last year".
const eventReach = 24

// namedEvents dates the document from named events with a relative year
// right beside them.
func (inf *Inferrer) namedEvents(in Input, st *state) {
	// The relative years of each sentence, found once: a sentence's
	// events then look only at its own expressions, so that a long
	// document costs n·log n, not sentences × expressions.
	relative := map[int][]model.Timex{}
	for _, t := range in.Timexes {
		if _, ok := inf.relativeYear(t.Text); !ok {
			continue
		}
		if k := in.Doc.SentenceAt(t.Start); k >= 0 {
			relative[k] = append(relative[k], t)
		}
	}
	for k, s := range in.Doc.Sentences {
		if len(relative[k]) == 0 {
			continue
		}
		for _, ev := range inf.events {
			i, j, ok := text.FindPhrase(s.Text, ev.Phrases)
			if !ok {
				continue
			}
			at := model.NewSpan(in.Doc.Text, s.Start+i, s.Start+j)
			for _, t := range relative[k] {
				off, _ := inf.relativeYear(t.Text)
				if !s.Contains(t.Span) {
					continue
				}
				if t.Start-at.End > eventReach || at.Start-t.End > eventReach || t.Start < at.Start && t.End > at.End {
					continue // a relative year elsewhere in the sentence dates something else
				}
				year := ev.Year - off
				st.add(clue{
					allows: []period{{time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)}},
					reason: fmt.Sprintf("it calls the %s (%d) “%s”", ev.Name, ev.Year, strings.Join(strings.Fields(t.Text), " ")),
					at:     []model.Span{at, t.Span},
				})
			}
		}
	}
}

// isFuture reports whether a sentence speaks of what is still to come.
func (inf *Inferrer) isFuture(sentence string) bool {
	_, _, ok := text.FindPhrase(sentence, inf.vocab.Future)
	return ok
}

// futureCache remembers which sentences speak of what is still to come,
// so that each sentence is read once however many expressions it holds
// (a one-line document of many dates would otherwise cost n²).
type futureCache struct {
	inf  *Inferrer
	in   Input
	seen map[int]bool
}

func (inf *Inferrer) futureCache(in Input) *futureCache {
	return &futureCache{inf: inf, in: in, seen: map[int]bool{}}
}

// of reports whether the sentence of span s speaks of the future.
func (c *futureCache) of(s model.Span) bool {
	i := c.in.Doc.SentenceAt(s.Start)
	if i < 0 {
		return c.inf.isFuture(s.Text)
	}
	f, ok := c.seen[i]
	if !ok {
		f = c.inf.isFuture(c.in.Doc.Sentences[i].Text)
		c.seen[i] = f
	}
	return f
}

// explicitYears: the latest year the text reports as past (timex reads
// the past tense in its clause) is a lower bound.
func (inf *Inferrer) explicitYears(in Input, st *state) {
	latest := 0
	var at model.Span
	future := inf.futureCache(in)
	for _, t := range in.Timexes {
		if len(t.Value) < 4 || t.Value[0] == 'X' || t.Kind != "point" && t.Kind != "interval" || t.Tense != "past" ||
			t.NoDate == "guess" || t.NoDate == "vague" || t.NoDate == "duration" || future.of(t.Span) {
			continue
		}
		if len(t.Value) == 4 && !inf.yearAfterPreposition(in, t.Span) {
			continue // "the 2017 model" is no year of the past
		}
		var y int
		if _, err := fmt.Sscanf(t.Value[:4], "%d", &y); err != nil {
			continue
		}
		if y > latest {
			latest, at = y, t.Span
		}
	}
	if latest > 0 {
		st.add(clue{
			allows: []period{{lo: time.Date(latest, 1, 1, 0, 0, 0, 0, time.UTC)}},
			reason: fmt.Sprintf("it reports %d as past (“%s”)", latest, strings.Join(strings.Fields(at.Text), " ")),
			at:     []model.Span{at},
		})
	}
}

// laterYear makes the date unknown when the text names a year after the
// range its clues allow, other than as still to come: "the 2016
// presidential race" in a text that calls someone by an office held
// until 2006 speaks of that office as of the past, whatever else it
// says.
func (inf *Inferrer) laterYear(in Input, p period, st *state) {
	future := inf.futureCache(in)
	for _, t := range in.Timexes {
		if len(t.Value) < 4 || t.NoDate == "guess" || t.NoDate == "span" || t.Kind == "deadline" || t.Future || t.Tense == "future" {
			continue
		}
		y, err := strconv.Atoi(t.Value[:4])
		if err != nil || y <= p.hi.Year() || future.of(t.Span) {
			continue
		}
		st.conflict = fmt.Sprintf("the clues disagree: %s; but it names %d (“%s”), after that", strings.Join(st.reasons, "; "),
			y, strings.Join(strings.Fields(t.Text), " "))
		return
	}
}

// yearAfterPreposition reports whether a year stands after a
// preposition that makes it a time ("in 2011", "since 2004"), not a
// modifier ("the 2017 model").
func (inf *Inferrer) yearAfterPreposition(in Input, s model.Span) bool {
	k := in.Doc.TokenAt(s.Start)
	if k <= 0 || in.Doc.SentenceAt(in.Doc.Tokens[k-1].Start) != in.Doc.SentenceAt(s.Start) {
		return false
	}
	return inf.yearPreps[strings.ToLower(in.Doc.Tokens[k-1].Text)] || inf.yearPreps[strings.ToLower(in.Doc.Tokens[k].Text)]
}

// yearless uses dates without a year once the range allows only one
// year for them.
func (inf *Inferrer) yearless(in Input, st *state) {
	r, ok := st.closed()
	if !ok {
		return
	}
	var past, future []model.Timex
	var pastDay, futureDay []time.Time
	isFuture := inf.futureCache(in)
	for _, t := range in.Timexes {
		if !strings.HasPrefix(t.Value, "XXXX-") || t.NoDate != "" {
			continue
		}
		var d time.Time
		ok := false
		deadline := t.Kind == "deadline"
		val := t.Value
		if deadline && strings.HasPrefix(t.EndValue, "XXXX-") {
			val = t.EndValue
		}
		for y := r.lo.Year(); y <= r.hi.Year(); y++ {
			c, err := parseYearless(val, y)
			if err != nil {
				continue
			}
			inRange := !c.Before(r.lo.AddDate(0, 0, -366)) && !c.After(r.hi)
			if deadline {
				inRange = !c.Before(r.lo) && !c.After(r.hi.AddDate(0, 0, 366))
			}
			if inRange {
				if ok {
					ok = false // two years fit: ambiguous
					break
				}
				d, ok = c, true
			}
		}
		if !ok {
			continue
		}
		switch {
		case deadline || isFuture.of(t.Span):
			future, futureDay = append(future, t), append(futureDay, d)
		case t.Tense == "past":
			if len(strings.TrimPrefix(val, "XXXX")) == 3 {
				// A month reported as past ("in December") may be any
				// day of it: the document is no earlier than its first.
				d = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
			}
			past, pastDay = append(past, t), append(pastDay, d)
		}
	}
	// Alone, a date without a year may be of the year before or after the
	// one the range suggests ("in December", read in a range from June
	// to January, may be last December): only a date reported as past
	// and one still to come, the past one first, agree on the year.
	i, j := latestIndex(pastDay), earliestIndex(futureDay)
	if i < 0 || j < 0 || !pastDay[i].Before(futureDay[j]) {
		return
	}
	pastValues := make(map[string]bool, len(past))
	for _, p := range past {
		pastValues[p.Value] = true
	}
	for _, f := range future {
		if pastValues[f.Value] {
			return // "November" as past and as to come: two Novembers
		}
	}
	lo, hi := pastDay[i], futureDay[j]
	st.add(clue{
		allows: []period{{lo: lo}},
		reason: fmt.Sprintf("it reports “%s” (%s) as past", strings.Join(strings.Fields(past[i].Text), " "), lo.Format("2 January 2006")),
		at:     []model.Span{past[i].Span},
	})
	st.add(clue{
		allows: []period{{hi: hi}},
		reason: fmt.Sprintf("it reports “%s” (%s) as still to come", strings.Join(strings.Fields(future[j].Text), " "), hi.Format("2 January 2006")),
		at:     []model.Span{future[j].Span},
	})
}

// parseYearless reads "XXXX-06-04" or "XXXX-06" in year y; a month is
// read as its last day.
func parseYearless(v string, y int) (time.Time, error) {
	rest := strings.TrimPrefix(v, "XXXX")
	switch len(rest) {
	case 6:
		return time.Parse("2006-01-02", fmt.Sprintf("%04d%s", y, rest))
	case 3:
		m, err := time.Parse("2006-01", fmt.Sprintf("%04d%s", y, rest))
		if err != nil {
			return m, err
		}
		return m.AddDate(0, 1, -1), nil
	}
	return time.Time{}, fmt.Errorf("not a yearless date: %q", v)
}

func latestIndex(ds []time.Time) int {
	best := -1
	for i, d := range ds {
		if best < 0 || d.After(ds[best]) {
			best = i
		}
	}
	return best
}

func earliestIndex(ds []time.Time) int {
	best := -1
	for i, d := range ds {
		if best < 0 || d.Before(ds[best]) {
			best = i
		}
	}
	return best
}
