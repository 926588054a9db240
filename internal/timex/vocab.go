package timex

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// vocabFile is the path of the vocabulary inside the data file system.
const vocabFile = "timex/vocabulary.yaml"

type namedNumber struct {
	Number    int      `yaml:"number"`
	Names     []string `yaml:"names"`
	Abbrevs   []string `yaml:"abbrevs"`
	Ambiguous bool     `yaml:"ambiguous"`
}

// vocabFileData mirrors data/timex/vocabulary.yaml.
type vocabFileData struct {
	Months               []namedNumber     `yaml:"months"`
	Weekdays             []namedNumber     `yaml:"weekdays"`
	WeekdayNameFollowers []string          `yaml:"weekday_name_followers"`
	WeekdayNamePreceders []string          `yaml:"weekday_name_preceders"`
	PartsOfDay           map[string]string `yaml:"parts_of_day"`
	TimeMLPartsOfDay     map[string]string `yaml:"timeml_parts_of_day"`
	References           map[string]string `yaml:"references"`
	ReferenceNotBefore   []string          `yaml:"reference_not_before"`
	PartOfDayModifiers   map[string]string `yaml:"part_of_day_modifiers"`
	PartOfDayPhrases     map[string]string `yaml:"part_of_day_phrases"`
	ClockWords           map[string]string `yaml:"clock_words"`
	AMWords              []string          `yaml:"am_words"`
	TimeZones            []string          `yaml:"time_zones"`
	PMWords              []string          `yaml:"pm_words"`
	RelativeDays         map[string]int    `yaml:"relative_days"`
	RelativeDayPhrases   map[string]int    `yaml:"relative_day_phrases"`
	RelativeModifiers    map[string]int    `yaml:"relative_modifiers"`
	SubPeriodWords       []string          `yaml:"sub_period_words"`
	Units                map[string]string `yaml:"units"`
	Numbers              map[string]int    `yaml:"numbers"`
	AgoWords             []string          `yaml:"ago_words"`
	BeforeWords          []string          `yaml:"before_words"`
	AfterWords           []string          `yaml:"after_words"`
	MonthPrepositions    []string          `yaml:"month_prepositions"`
	YearPrepositions     []string          `yaml:"year_prepositions"`
	YearNouns            []string          `yaml:"year_nouns"`
	NotYearAfter         []string          `yaml:"not_year_after"`
	Decades              map[string]int    `yaml:"decades"`
	Thousand             string            `yaml:"thousand"`
	CountNouns           []string          `yaml:"count_nouns"`
	WeekdayPrepositions  []string          `yaml:"weekday_prepositions"`
	SetWords             []string          `yaml:"set_words"`
	Determiners          []string          `yaml:"determiners"`
	SpanPhrases          []string          `yaml:"span_phrases"`
	Negations            []string          `yaml:"negations"`
	PeriodModifiers      map[string]string `yaml:"period_modifiers"`
	Deadline             struct {
		EndPhrases       []string          `yaml:"end_phrases"`
		PeriodEnds       map[string]string `yaml:"period_ends"`
		PeriodEndOpeners []string          `yaml:"period_end_openers"`
		MiddlePhrases    []string          `yaml:"middle_phrases"`
		LimitPhrases     []string          `yaml:"limit_phrases"`
		Within           []string          `yaml:"within"`
	} `yaml:"deadline"`
	Interval struct {
		Openers     []string `yaml:"openers"`
		Closers     []string `yaml:"closers"`
		Between     []string `yaml:"between"`
		And         []string `yaml:"and"`
		LongClosers []string `yaml:"long_closers"`
	} `yaml:"interval"`
	Parts struct {
		Units map[string]struct {
			Part  string `yaml:"part"`
			Count int    `yaml:"count"`
			Alias bool   `yaml:"alias"`
		} `yaml:"units"`
		Ordinals      map[string]int    `yaml:"ordinals"`
		Seasons       map[string]string `yaml:"seasons"`
		Weekend       string            `yaml:"weekend"`
		Determiners   []string          `yaml:"determiners"`
		Modes         map[string]string `yaml:"modes"`
		Fiscal        []string          `yaml:"fiscal"`
		RelativeYears map[string]int    `yaml:"relative_years"`
		EndWords      []string          `yaml:"end_words"`
	} `yaml:"parts"`
	ComingPhrases []string `yaml:"coming_phrases"`
	Holidays      []struct {
		Names []string `yaml:"names"`
		Date  string   `yaml:"date"`
		Rule  string   `yaml:"rule"`
		Bare  bool     `yaml:"bare"`
	} `yaml:"holidays"`
	HolidayPrepositions []string       `yaml:"holiday_prepositions"`
	DurationOpeners     []string       `yaml:"duration_openers"`
	AnaphoricDays       map[string]int `yaml:"anaphoric_days"`
	AnaphoricPartOfDay  []string       `yaml:"anaphoric_part_of_day"`
	Tense               struct {
		Past         []string `yaml:"past"`
		Future       []string `yaml:"future"`
		Unclear      []string `yaml:"unclear"`
		None         []string `yaml:"none"`
		PastAux      []string `yaml:"past_auxiliaries"`
		Reporting    []string `yaml:"reporting"`
		PassiveAux   []string `yaml:"passive_auxiliaries"`
		Adverbs      []string `yaml:"adverbs"`
		ClauseBreaks []string `yaml:"clause_breaks"`
		NameJoiners  []string `yaml:"name_joiners"`
		Adverbial    []string `yaml:"adverbial_openers"`
		EdExceptions []string `yaml:"ed_exceptions"`
		PastPreps    []string `yaml:"past_prepositions"`
		TargetWords  []string `yaml:"target_words"`
		FuturePreps  []string `yaml:"future_prepositions"`
	} `yaml:"tense"`
}

type monthInfo struct {
	n         int
	abbrev    bool
	ambiguous bool
}

type phrase []string

// vocab is the compiled, read-only vocabulary.
type vocab struct {
	months            map[string]monthInfo
	weekdays          map[string]monthInfo // n is the time.Weekday
	wdFollowers       set
	wdPreceders       set
	pod               map[string]string
	timemlPOD         map[string]string
	references        []reference
	refNotBefore      set
	podMod            map[string]string
	podPhrases        []podPhrase
	clock             map[string][2]int
	am, pm            set
	timeZones         set
	relDays           map[string]int
	relDayPhrases     []anaphoric // "the day before yesterday": offset from the reference
	relMods           map[string]int
	subPeriod         set
	units             map[string]string
	numbers           map[string]int
	ago, before       set
	after             set
	monthPreps        set
	yearPreps         set
	yearNouns         set
	notYearAfter      set
	thousand          string
	decades           map[string]int
	countNouns        set
	wdPreps           set
	setWords          set
	determiners       set
	spanPhrases       []phrase
	negations         set
	periodMods        map[string]string
	endPhrases        []phrase
	periodEnds        []periodEndWord
	periodEndOpeners  []phrase
	middlePhrases     []phrase
	limitPhrases      []phrase
	within            set
	openers           set
	closers           set
	between           set
	and               set
	longClosers       set
	coming            []phrase
	durationOpeners   []phrase
	anaDays           []anaphoric
	anaPOD            []phrase
	past              []phrase
	future            []phrase
	unclear           []phrase
	noCue             []phrase
	holidays          []holiday
	holidayAt         map[string][]int // holidays by the first word of their name
	holidayPreps      set
	pastAux           set
	nameJoiners       set
	reporting         set
	passiveAux        set
	adverbs           set
	clauseBreaks      set
	adverbial         set
	edExceptions      set
	pastPreps         set
	targetWords       set
	futurePreps       set
	partUnits         map[string]partUnit
	partCounts        map[string]int
	ordinals          map[string]int
	seasons           map[string]string
	weekend           string
	periodDeterminers set
	periodModes       map[string]int
	fiscal            set
	relYears          []anaphoric
	partEndWords      set
	// starters holds every word that can begin an expression; the scanner
	// skips all other words but capitalised first words of holidays
	// (holidayAt), which are names only with their capital.
	starters set
}

// reference is a phrase that points at the present, the past or the
// future without a date ("now", "recently", "the future").
type reference struct {
	p     phrase
	value string // PRESENT_REF, PAST_REF or FUTURE_REF
}

// partUnit is a word for a part of a year ("quarter").
type partUnit struct {
	part  string // partQuarter or partHalf
	count int    // parts in a year
	alias bool   // stands for the part only in company results ("the latest period")
}

type anaphoric struct {
	p      phrase
	offset int
}

type podPhrase struct {
	p   phrase
	pod string
}

type set map[string]bool

func newSet(words []string) set {
	s := make(set, len(words))
	for _, w := range words {
		s[strings.ToLower(w)] = true
	}
	return s
}

func phrases(list []string) []phrase {
	out := make([]phrase, 0, len(list))
	for _, l := range list {
		if p := splitPhrase(l); len(p) > 0 {
			out = append(out, p)
		}
	}
	// Longest first, so that "by the end of" wins over "by".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// splitPhrase splits a phrase of the vocabulary into the lower-case
// pieces the scanner reads for it: its words, separated by white space as
// the text layer separates tokens, each read from the inside as read
// reads a token. A contraction is written as the text layer splits it
// ("could n't").
func splitPhrase(s string) phrase {
	s = strings.ToLower(s)
	var p phrase
	for _, w := range strings.Fields(s) {
		for _, t := range inside(nil, w, 0, len(w)) {
			p = append(p, t.low)
		}
	}
	return p
}

func loadVocab(fsys fs.FS) (*vocab, error) {
	raw, err := fs.ReadFile(fsys, vocabFile)
	if err != nil {
		return nil, fmt.Errorf("timex: read vocabulary: %w", err)
	}
	var f vocabFileData
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("timex: parse %s: %w", vocabFile, err)
	}
	v := &vocab{
		months:           map[string]monthInfo{},
		weekdays:         map[string]monthInfo{},
		wdFollowers:      newSet(f.WeekdayNameFollowers),
		wdPreceders:      newSet(f.WeekdayNamePreceders),
		pod:              lowerMap(f.PartsOfDay),
		timemlPOD:        f.TimeMLPartsOfDay,
		refNotBefore:     newSet(f.ReferenceNotBefore),
		podMod:           lowerMap(f.PartOfDayModifiers),
		clock:            map[string][2]int{},
		am:               newSet(f.AMWords),
		timeZones:        newSet(f.TimeZones),
		pm:               newSet(f.PMWords),
		relDays:          lowerIntMap(f.RelativeDays),
		relMods:          lowerIntMap(f.RelativeModifiers),
		subPeriod:        newSet(f.SubPeriodWords),
		units:            lowerMap(f.Units),
		numbers:          lowerIntMap(f.Numbers),
		ago:              newSet(f.AgoWords),
		before:           newSet(f.BeforeWords),
		after:            newSet(f.AfterWords),
		monthPreps:       newSet(f.MonthPrepositions),
		yearPreps:        newSet(f.YearPrepositions),
		yearNouns:        newSet(f.YearNouns),
		notYearAfter:     newSet(f.NotYearAfter),
		thousand:         strings.ToLower(f.Thousand),
		decades:          lowerIntMap(f.Decades),
		countNouns:       newSet(f.CountNouns),
		wdPreps:          newSet(f.WeekdayPrepositions),
		setWords:         newSet(f.SetWords),
		determiners:      newSet(f.Determiners),
		spanPhrases:      phrases(f.SpanPhrases),
		negations:        newSet(f.Negations),
		periodMods:       lowerMap(f.PeriodModifiers),
		endPhrases:       phrases(f.Deadline.EndPhrases),
		periodEndOpeners: phrases(f.Deadline.PeriodEndOpeners),
		middlePhrases:    phrases(f.Deadline.MiddlePhrases),
		limitPhrases:     phrases(f.Deadline.LimitPhrases),
		within:           newSet(f.Deadline.Within),
		openers:          newSet(f.Interval.Openers),
		closers:          newSet(f.Interval.Closers),
		between:          newSet(f.Interval.Between),
		and:              newSet(f.Interval.And),
		longClosers:      newSet(f.Interval.LongClosers),
		coming:           phrases(f.ComingPhrases),
		durationOpeners:  phrases(f.DurationOpeners),
		anaPOD:           phrases(f.AnaphoricPartOfDay),
		past:             phrases(f.Tense.Past),
		future:           phrases(f.Tense.Future),
		unclear:          phrases(f.Tense.Unclear),
		noCue:            phrases(f.Tense.None),
		holidayPreps:     newSet(f.HolidayPrepositions),
		pastAux:          newSet(f.Tense.PastAux),
		nameJoiners:      newSet(f.Tense.NameJoiners),
		reporting:        newSet(f.Tense.Reporting),
		passiveAux:       newSet(f.Tense.PassiveAux),
		adverbs:          newSet(f.Tense.Adverbs),
		clauseBreaks:     newSet(f.Tense.ClauseBreaks),
		adverbial:        newSet(f.Tense.Adverbial),
		edExceptions:     newSet(f.Tense.EdExceptions),
		pastPreps:        newSet(f.Tense.PastPreps),
		targetWords:      newSet(f.Tense.TargetWords),
		futurePreps:      newSet(f.Tense.FuturePreps),
	}
	for _, m := range f.Months {
		if m.Number < 1 || m.Number > 12 {
			return nil, fmt.Errorf("timex: %s: month number %d out of range", vocabFile, m.Number)
		}
		for _, n := range m.Names {
			v.months[strings.ToLower(n)] = monthInfo{n: m.Number, ambiguous: m.Ambiguous}
		}
		for _, n := range m.Abbrevs {
			v.months[strings.ToLower(n)] = monthInfo{n: m.Number, abbrev: true, ambiguous: m.Ambiguous}
		}
	}
	for _, d := range f.Weekdays {
		if d.Number < 0 || d.Number > 6 {
			return nil, fmt.Errorf("timex: %s: weekday number %d out of range", vocabFile, d.Number)
		}
		for _, n := range d.Names {
			v.weekdays[strings.ToLower(n)] = monthInfo{n: d.Number}
		}
		for _, n := range d.Abbrevs {
			v.weekdays[strings.ToLower(n)] = monthInfo{n: d.Number, abbrev: true}
		}
	}
	if len(v.months) == 0 || len(v.weekdays) == 0 {
		return nil, fmt.Errorf("timex: %s: no months or weekdays", vocabFile)
	}
	for w, hm := range f.ClockWords {
		var h, m int
		if _, err := fmt.Sscanf(hm, "%d:%d", &h, &m); err != nil || h < 0 || h > 24 || m < 0 || m > 59 || h == 24 && m != 0 {
			return nil, fmt.Errorf("timex: %s: clock word %q: bad time %q", vocabFile, w, hm)
		}
		v.clock[strings.ToLower(w)] = [2]int{h, m}
	}
	for p, pod := range f.PartOfDayPhrases {
		if ph := splitPhrase(p); len(ph) > 0 {
			v.podPhrases = append(v.podPhrases, podPhrase{ph, pod})
		}
	}
	sort.Slice(v.podPhrases, func(i, j int) bool {
		a, b := v.podPhrases[i], v.podPhrases[j]
		if len(a.p) != len(b.p) {
			return len(a.p) > len(b.p)
		}
		return strings.Join(a.p, " ") < strings.Join(b.p, " ")
	})
	for p, val := range f.References {
		switch val {
		case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		default:
			return nil, fmt.Errorf("timex: %s: reference %q: value %q is not PRESENT_REF, PAST_REF or FUTURE_REF", vocabFile, p, val)
		}
		if ph := splitPhrase(p); len(ph) > 0 {
			v.references = append(v.references, reference{ph, val})
		}
	}
	sort.Slice(v.references, func(i, j int) bool {
		a, b := v.references[i], v.references[j]
		if len(a.p) != len(b.p) {
			return len(a.p) > len(b.p)
		}
		return strings.Join(a.p, " ") < strings.Join(b.p, " ")
	})
	for _, pod := range v.pod {
		if v.timemlPOD[pod] == "" {
			return nil, fmt.Errorf("timex: %s: part of day %q has no timeml_parts_of_day code", vocabFile, pod)
		}
	}
	for p, off := range f.AnaphoricDays {
		if ph := splitPhrase(p); len(ph) > 0 {
			v.anaDays = append(v.anaDays, anaphoric{p: ph, offset: off})
		}
	}
	for p, off := range f.RelativeDayPhrases {
		if ph := splitPhrase(p); len(ph) > 0 {
			v.relDayPhrases = append(v.relDayPhrases, anaphoric{p: ph, offset: off})
		}
	}
	// Longest first, then alphabetical for determinism.
	sort.Slice(v.anaDays, func(i, j int) bool { return lessAna(v.anaDays[i], v.anaDays[j]) })
	sort.Slice(v.relDayPhrases, func(i, j int) bool { return lessAna(v.relDayPhrases[i], v.relDayPhrases[j]) })
	for u, d := range v.units {
		if !strings.Contains("DWMYFX", d) || len(d) != 1 {
			return nil, fmt.Errorf("timex: %s: unit %q: bad designator %q", vocabFile, u, d)
		}
	}
	if err := v.loadParts(&f); err != nil {
		return nil, err
	}
	for w, u := range f.Deadline.PeriodEnds {
		if u != "Y" && u != "M" && u != "W" {
			return nil, fmt.Errorf("timex: %s: period end %q: unit %q is not Y, M or W", vocabFile, w, u)
		}
		if p := splitPhrase(w); len(p) > 0 {
			v.periodEnds = append(v.periodEnds, periodEndWord{p, u})
		}
	}
	for _, h := range f.Holidays {
		hs, err := readHoliday(h.Names, h.Date, h.Rule, h.Bare, v.weekdays, v.months)
		if err != nil {
			return nil, fmt.Errorf("timex: %s: holiday %q: %w", vocabFile, strings.Join(h.Names, ", "), err)
		}
		v.holidays = append(v.holidays, hs...)
	}
	v.holidayAt = map[string][]int{}
	for k, h := range v.holidays {
		v.holidayAt[h.p[0]] = append(v.holidayAt[h.p[0]], k)
	}
	v.starters = v.startWords()
	return v, nil
}

// startWords lists the words an expression can begin with.
func (v *vocab) startWords() set {
	st := set{"the": true}
	for _, m := range []map[string]monthInfo{v.months, v.weekdays} {
		for w := range m {
			st[w] = true
		}
	}
	for _, m := range []map[string]string{v.pod, v.podMod, v.periodMods} {
		for w := range m {
			st[w] = true
		}
	}
	for _, m := range []map[string]int{v.relDays, v.relMods, v.numbers} {
		for w := range m {
			st[w] = true
		}
	}
	for w := range v.clock {
		st[w] = true
	}
	for _, s := range []set{v.subPeriod, v.within, v.openers, v.between} {
		for w := range s {
			st[w] = true
		}
	}
	for _, ps := range [][]phrase{v.endPhrases, v.periodEndOpeners, v.middlePhrases, v.limitPhrases, v.coming, v.durationOpeners, v.anaPOD} {
		for _, p := range ps {
			st[p[0]] = true
		}
	}
	for _, as := range [][]anaphoric{v.anaDays, v.relDayPhrases} {
		for _, a := range as {
			st[a.p[0]] = true
		}
	}
	for _, a := range v.podPhrases {
		st[a.p[0]] = true
	}
	for _, r := range v.references {
		st[r.p[0]] = true
	}
	for _, m := range []map[string]int{v.ordinals, v.periodModes} {
		for w := range m {
			st[w] = true
		}
	}
	for _, s := range []set{v.periodDeterminers, v.fiscal} {
		for w := range s {
			st[w] = true
		}
	}
	for w := range v.seasons {
		st[w] = true
	}
	for w := range v.decades {
		st[w] = true
	}
	for _, r := range v.relYears {
		st[r.p[0]] = true
	}
	return st
}

func lessAna(a, b anaphoric) bool {
	if len(a.p) != len(b.p) {
		return len(a.p) > len(b.p)
	}
	return strings.Join(a.p, " ") < strings.Join(b.p, " ")
}

func lowerMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

func lowerIntMap(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// loadParts compiles the parts of a year (quarters, halves, seasons).
func (v *vocab) loadParts(f *vocabFileData) error {
	p := f.Parts
	v.partUnits, v.partCounts = map[string]partUnit{}, map[string]int{}
	for w, u := range p.Units {
		if u.Part != partQuarter && u.Part != partHalf {
			return fmt.Errorf("timex: %s: part unit %q: part %q is not Q or H", vocabFile, w, u.Part)
		}
		v.partUnits[strings.ToLower(w)] = partUnit{part: u.Part, count: u.Count, alias: u.Alias}
		if !u.Alias {
			if u.Count != 4 && u.Count != 2 {
				return fmt.Errorf("timex: %s: part unit %q: count %d is not 2 or 4", vocabFile, w, u.Count)
			}
			v.partCounts[u.Part] = u.Count
		}
	}
	v.ordinals = lowerIntMap(p.Ordinals)
	v.seasons = map[string]string{}
	for w, c := range p.Seasons {
		if _, ok := seasonMonths[c]; !ok {
			return fmt.Errorf("timex: %s: season %q: code %q is not SP, SU, FA or WI", vocabFile, w, c)
		}
		v.seasons[strings.ToLower(w)] = c
	}
	v.weekend = strings.ToLower(p.Weekend)
	v.periodDeterminers = newSet(p.Determiners)
	v.fiscal = newSet(p.Fiscal)
	v.partEndWords = newSet(p.EndWords)
	v.periodModes = map[string]int{}
	for w, m := range p.Modes {
		n, ok := map[string]int{"latest": pmLatest, "current": pmCurrent, "last": pmLast, "next": pmNext}[m]
		if !ok {
			return fmt.Errorf("timex: %s: part mode %q: %q is not latest, current, last or next", vocabFile, w, m)
		}
		v.periodModes[strings.ToLower(w)] = n
	}
	for ph, off := range p.RelativeYears {
		if sp := splitPhrase(ph); len(sp) > 0 {
			v.relYears = append(v.relYears, anaphoric{p: sp, offset: off})
		}
	}
	sort.Slice(v.relYears, func(i, j int) bool { return lessAna(v.relYears[i], v.relYears[j]) })
	return nil
}

// holiday is a named day: a fixed month and day ("12-25"), or the nth
// weekday of a month (nth < 0 counts from the month's end: "last Monday
// of May").
type holiday struct {
	p       phrase
	m, d    int
	nth, wd int
	bare    bool // a name that is also a season or a word ("Christmas"): only after a preposition
}

// readHoliday reads one entry of the holidays list: date "MM-DD", or rule
// "N WEEKDAY MONTH" (N from 1, or -1 for the last).
func readHoliday(names []string, date, rule string, bare bool, weekdays, months map[string]monthInfo) ([]holiday, error) {
	var h holiday
	switch {
	case date != "" && rule == "":
		if _, err := fmt.Sscanf(date, "%d-%d", &h.m, &h.d); err != nil || !validDay(2000, h.m, h.d) {
			return nil, fmt.Errorf("date %q is not MM-DD", date)
		}
	case rule != "" && date == "":
		f := strings.Fields(strings.ToLower(rule))
		if len(f) != 3 {
			return nil, fmt.Errorf("rule %q is not N WEEKDAY MONTH", rule)
		}
		n, err := strconv.Atoi(f[0])
		wd, wok := weekdays[f[1]]
		mo, mok := months[f[2]]
		if err != nil || n == 0 || n < -1 || n > 5 || !wok || !mok {
			return nil, fmt.Errorf("rule %q is not N WEEKDAY MONTH", rule)
		}
		h.nth, h.wd, h.m = n, wd.n, mo.n
	default:
		return nil, fmt.Errorf("give a date or a rule")
	}
	h.bare = bare
	var out []holiday
	for _, n := range names {
		if p := splitPhrase(n); len(p) > 0 {
			hh := h
			hh.p = p
			out = append(out, hh)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no name")
	}
	return out, nil
}

// nthWeekday returns the day of month m of year y that is its nth
// weekday wd (nth -1: the last).
func nthWeekday(y, m, nth, wd int) int {
	if nth < 0 {
		last := daysIn(y, m)
		t := time.Date(y, time.Month(m), last, 0, 0, 0, 0, time.UTC)
		return last - (int(t.Weekday())-wd+7)%7
	}
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	d := 1 + (wd-int(t.Weekday())+7)%7 + 7*(nth-1)
	if d > daysIn(y, m) {
		return 0
	}
	return d
}

// periodEndWord is a word for the end of the current period ("year-end").
type periodEndWord struct {
	p    phrase
	unit string
}
