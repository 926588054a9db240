package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

var (
	// A label in capitals at the start of a line, with an optional
	// parenthetical, then a colon: "ANDERS X (ORG Role):".
	rxCapsLabel = regexp.MustCompile(`^[ \t]*((?:\p{Lu}[\p{Lu}\p{M}.'’-]*)(?:[ \t]+\p{Lu}[\p{Lu}\p{M}.'’-]*){0,6})(?:[ \t]*\(([^()\n]{1,120})\))?[ \t]*:(?:[ \t\p{Zs}]|$)`)
	// "From Jane Doe, Somewhere:" introducing an excerpt.
	rxFromLabel = regexp.MustCompile(`^[ \t]*From[ \t]+(\p{Lu}[\p{L}.'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}.'’-]*|\p{Ll}{2,4})){1,4})(?:[ \t]*,[ \t]*(\p{Lu}[\p{L}.'’-]*(?:[ \t]+(?:of|the|\p{Lu}[\p{L}.'’-]*)){0,4}))?[ \t]*:(?:[ \t\p{Zs}]|$)`)
)

type labelKind int

const (
	labelNamed labelKind = iota
	labelQuestion
	labelAnswer
	labelModerator
	labelFrom
)

// labelMatch is a turn label found at the start of a line; offsets are
// relative to the line.
type labelMatch struct {
	kind       labelKind
	start, end int // the label as written, without the colon
	contentAt  int // first byte after the colon
	name       string
	paren      string
	where      string // the "Somewhere" of a From label
}

// matchLabel recognises a turn label at the start of line s.
func matchLabel(s string, v *Vocab) (labelMatch, bool) {
	if m := rxFromLabel.FindStringSubmatchIndex(s); m != nil {
		name := s[m[2]:m[3]]
		if looksPersonName(name, v) {
			lm := labelMatch{kind: labelFrom, name: name, contentAt: m[1]}
			lm.start = strings.Index(s, "From")
			lm.end = strings.LastIndex(s[:m[1]], ":")
			if m[4] >= 0 {
				lm.where = s[m[4]:m[5]]
			}
			return lm, true
		}
	}
	m := rxCapsLabel.FindStringSubmatchIndex(s)
	if m == nil {
		return labelMatch{}, false
	}
	name := strings.Join(strings.Fields(s[m[2]:m[3]]), " ")
	key := strings.ToUpper(name)
	lm := labelMatch{name: name, start: m[2], contentAt: m[1]}
	lm.end = strings.LastIndex(s[:m[1]], ":")
	for lm.end > lm.start && (s[lm.end-1] == ' ' || s[lm.end-1] == '\t') {
		lm.end--
	}
	if m[4] >= 0 {
		lm.paren = strings.TrimSpace(s[m[4]:m[5]])
	}
	switch {
	case v.QuestionLabels[key]:
		lm.kind = labelQuestion
	case v.AnswerLabels[key]:
		lm.kind = labelAnswer
	case v.ModeratorLabels[key]:
		lm.kind = labelModerator
	case v.NotSpeaker[key]:
		return labelMatch{}, false
	default:
		letters := 0
		for _, r := range name {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 3 {
			return labelMatch{}, false
		}
		lm.kind = labelNamed
	}
	return lm, true
}

// speaker is a speaker while turns are being read.
type speaker struct {
	model.Speaker
	surname  string // lower case last name word, "" for role-only labels
	roleOnly bool   // "THE PRESIDENT": no name in the label
	merged   int    // index of the speaker this one was merged into, or -1
}

type rawTurn struct {
	label     labelMatch
	lineStart int // offset of the label line in the text
	labelSpan model.Span
	content   model.Span
	speaker   int
}

// readTurns finds speaker turns. It returns nothing unless the text reads
// as a transcript: at least two turns, of which one is by a named speaker
// or a moderator, or both questions and answers.
func readTurns(text string, lines []line, v *Vocab) ([]model.Speaker, []model.Turn, []string) {
	return readTurnsMin(text, lines, v, 2)
}

// readTurnsMin reads the speaker turns of text when there are at least
// minTurns of them (see isTranscript).
func readTurnsMin(text string, lines []line, v *Vocab, minTurns int) ([]model.Speaker, []model.Turn, []string) {
	var raw []rawTurn
	for _, l := range lines {
		lm, ok := matchLabel(l.text, v)
		if !ok {
			continue
		}
		raw = append(raw, rawTurn{
			label:     lm,
			lineStart: l.start,
			labelSpan: model.NewSpan(text, l.start+lm.start, l.start+lm.end),
		})
	}
	if !isTranscript(raw, minTurns) {
		return nil, nil, nil
	}
	end := trailerStart(text, lines, raw[len(raw)-1].lineStart, v)
	for i := range raw {
		from := raw[i].lineStart + raw[i].label.contentAt
		to := end
		if i+1 < len(raw) {
			to = raw[i+1].lineStart
		}
		raw[i].content = trimSpan(text, from, to)
	}
	if !anySpeech(raw) {
		return nil, nil, nil
	}

	var sps []*speaker
	var warns []string
	find := func(sp *speaker) int {
		for i, o := range sps {
			if o.merged < 0 && strings.EqualFold(o.Name, sp.Name) && o.Questioner == sp.Questioner {
				return i
			}
		}
		sps = append(sps, sp)
		return len(sps) - 1
	}
	var answers []int
	for i := range raw {
		rt := &raw[i]
		label := rt.labelSpan.Text
		switch rt.label.kind {
		case labelQuestion:
			sp := questioner(rt.content.Text, v)
			rt.speaker = find(sp)
		case labelAnswer:
			rt.speaker = -1
			answers = append(answers, i)
			continue
		case labelModerator:
			rt.speaker = find(&speaker{Speaker: model.Speaker{Name: titleName(rt.label.name, v), Role: "moderator"}, merged: -1})
		case labelFrom:
			sp := &speaker{Speaker: model.Speaker{Name: rt.label.name}, merged: -1}
			sp.surname = lastWord(sp.Name)
			rt.speaker = find(sp)
		default:
			rt.speaker = find(namedSpeaker(rt.label.name, rt.label.paren, v))
		}
		addLabel(&sps[rt.speaker].Speaker, labelText(label, rt.label))
	}

	resolveRoles(text, sps, v)
	nameFromAttendance(sps, attendees(lines, v))
	remap := mergeSpeakers(sps)

	// Answers go to the one principal speaker, if there is exactly one.
	if len(answers) > 0 {
		principal := -1
		n := 0
		for i, sp := range sps {
			if sp.merged < 0 && !sp.Questioner && sp.Role != "moderator" {
				principal, n = i, n+1
			}
		}
		if n == 0 {
			// No named speaker answers: the one person the header names
			// does ("Briefing by the spokesperson, Ms Jane Doe").
			if sp, ok := headerPerson(text[:raw[0].lineStart], v); ok {
				sps = append(sps, sp)
				principal, n = len(sps)-1, 1
				prev := remap
				remap = func(i int) int {
					if i == principal {
						return i
					}
					return prev(i)
				}
			}
		}
		if n == 1 {
			for _, i := range answers {
				raw[i].speaker = principal
				addLabel(&sps[principal].Speaker, raw[i].labelSpan.Text)
			}
		} else {
			warns = append(warns, fmt.Sprintf("%d answer turns (A:) could not be given to one speaker; their speaker is unknown", len(answers)))
		}
	}

	// Compact: drop merged speakers, renumber in order of first turn.
	index := map[int]int{}
	var out []model.Speaker
	var turns []model.Turn
	for _, rt := range raw {
		s := rt.speaker
		if s >= 0 {
			s = remap(s)
			if _, ok := index[s]; !ok {
				index[s] = len(out)
				out = append(out, sps[s].Speaker)
			}
			s = index[s]
		}
		turns = append(turns, model.Turn{
			Speaker:  s,
			Label:    rt.labelSpan,
			Content:  rt.content,
			Question: rt.label.kind == labelQuestion,
		})
	}
	return out, turns, warns
}

func labelText(written string, lm labelMatch) string {
	if written == "" {
		return lm.name
	}
	return written
}

func addLabel(sp *model.Speaker, label string) {
	for _, l := range sp.Labels {
		if l == label {
			return
		}
	}
	sp.Labels = append(sp.Labels, label)
}

// anySpeech reports whether one of the turns says something: a line with
// no colon in it. Labels over lines that all hold one are a table or a
// list in an article, not a transcript's turns: figures ("KENYA:" then
// "Total Dead: 192", "Injured: 4,877") or a newsletter's links ("SHORT
// READS:" then "—“…,” by X http://…").
func anySpeech(raw []rawTurn) bool {
	for _, rt := range raw {
		for l := range strings.Lines(rt.content.Text) {
			if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, ":") {
				return true
			}
		}
	}
	return false
}

func isTranscript(raw []rawTurn, minTurns int) bool {
	if len(raw) < minTurns {
		return false
	}
	if len(raw) == 1 {
		// A single turn counts only for a document declared a
		// transcript, and only when it names its speaker.
		k := raw[0].label.kind
		return k == labelNamed || k == labelFrom
	}
	var named, q, a bool
	for _, rt := range raw {
		switch rt.label.kind {
		case labelNamed, labelFrom, labelModerator:
			named = true
		case labelQuestion:
			q = true
		case labelAnswer:
			a = true
		}
	}
	return named || (q && a)
}

// trimSpan trims white space (including no-break spaces) off [from, to).
func trimSpan(text string, from, to int) model.Span {
	s := text[from:to]
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	s = strings.TrimFunc(s, unicode.IsSpace)
	return model.NewSpan(text, from+lead, from+lead+len(s))
}

// trailerStart returns where trailing captions and credits begin after
// the last turn's label line (or the end of the text).
func trailerStart(text string, lines []line, lastLabel int, v *Vocab) int {
	end := len(text)
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.start <= lastLabel {
			break
		}
		if l.blank() {
			continue
		}
		if !isCaption(l.trimmed(), v) {
			break
		}
		end = l.start
	}
	return end
}

var rxCaptionEnd = regexp.MustCompile(`\(\s*([\p{L} ]+)\s*:[^()]*\)\s*$`)

func isCaption(t string, v *Vocab) bool {
	lt := strings.ToLower(t)
	for _, p := range v.CaptionPrefixes {
		if strings.HasPrefix(lt, strings.ToLower(p)) {
			return true
		}
	}
	if m := rxCaptionEnd.FindStringSubmatch(t); m != nil {
		for _, w := range v.CaptionEnds {
			if strings.EqualFold(strings.TrimSpace(m[1]), w) {
				return true
			}
		}
	}
	return false
}

// namedSpeaker reads a capitals label and its parenthetical:
// "ANDERS X (ORG Role)", "MAYOR SURNAME", "THE PRESIDENT".
func namedSpeaker(label, paren string, v *Vocab) *speaker {
	sp := &speaker{merged: -1}
	words := strings.Fields(label)
	if len(words) > 1 && strings.EqualFold(words[0], "THE") {
		words = words[1:]
	}
	for len(words) > 1 && v.Honorifics[strings.ToUpper(words[0])] {
		words = words[1:]
	}
	rest := strings.Join(words, " ")
	if role, after, ok := leadingRole(rest, v); ok {
		sp.Role = role
		rest = after
	}
	if rest == "" {
		sp.roleOnly = true
		sp.Name = titleName(strings.Join(strings.Fields(label), " "), v)
	} else {
		sp.Name = titleName(rest, v)
		sp.surname = lastWord(sp.Name)
	}
	if paren != "" && !isSpNote(paren) {
		role, org := splitRoleOrg(paren, v)
		if role != "" {
			sp.Role = role
		}
		if org != "" {
			sp.Organization = org
		}
	}
	return sp
}

func isSpNote(p string) bool {
	switch strings.ToLower(strings.TrimSpace(p)) {
	case "sp", "sp?", "ph", "ph?", "phonetic", "inaudible", "off mic", "off-mic", "through interpreter", "via interpreter", "translated", "interpreted":
		return true
	}
	return false
}

// leadingRole finds a role word at the start of s (ignoring case).
func leadingRole(s string, v *Vocab) (role, rest string, ok bool) {
	for _, r := range v.Roles {
		if len(s) >= len(r) && strings.EqualFold(s[:len(r)], r) && (len(s) == len(r) || s[len(r)] == ' ') {
			return r, strings.TrimSpace(s[len(r):]), true
		}
	}
	return "", s, false
}

// splitRoleOrg reads a parenthetical role: "ORGX Secretary General",
// "Prime Minister of Kenya", "Spokesperson, Ministry of Health",
// "European Commission President".
func splitRoleOrg(p string, v *Vocab) (role, org string) {
	p = strings.Join(strings.Fields(p), " ")
	if a, b, ok := strings.Cut(p, ","); ok {
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if _, _, isRole := leadingRole(b, v); isRole {
			if _, _, aRole := leadingRole(a, v); !aRole {
				return b, a
			}
		}
		return a, b
	}
	for _, r := range v.Roles {
		if strings.EqualFold(p, r) {
			return r, ""
		}
	}
	words := strings.Fields(p)
	if len(words) > 1 && isAcronym(words[0]) {
		return strings.Join(words[1:], " "), words[0]
	}
	for _, o := range v.Organizations {
		if len(p) > len(o) && strings.EqualFold(p[:len(o)], o) && p[len(o)] == ' ' {
			return strings.TrimSpace(p[len(o):]), p[:len(o)]
		}
	}
	if r, rest, ok := leadingRole(p, v); ok {
		if after, found := strings.CutPrefix(rest, "of "); found {
			return p[:len(r)], strings.TrimPrefix(after, "the ")
		}
		if rest == "" {
			return p, ""
		}
	}
	for _, r := range v.Roles {
		if len(p) > len(r) && strings.EqualFold(p[len(p)-len(r):], r) && p[len(p)-len(r)-1] == ' ' {
			return p[len(p)-len(r):], strings.TrimSpace(p[:len(p)-len(r)])
		}
	}
	return p, ""
}

func lastWord(name string) string {
	w := strings.Fields(name)
	if len(w) == 0 {
		return ""
	}
	return strings.ToLower(w[len(w)-1])
}

// titleName turns a name written in capitals into title case; names
// already in mixed case are kept.
func titleName(s string, v *Vocab) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && v.Particles[strings.ToLower(w)] {
			words[i] = strings.ToLower(w)
			continue
		}
		if isRoman(w) {
			continue
		}
		parts := strings.Split(w, "-")
		for j, p := range parts {
			if j < len(parts)-1 && (i > 0 || j > 0) && v.Particles[strings.ToLower(p)] {
				parts[j] = strings.ToLower(p)
				continue
			}
			parts[j] = model.TitleCaseName(p)
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

func isRoman(w string) bool {
	switch w {
	case "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII":
		return true
	}
	return false
}

var (
	nameWord  = `\p{Lu}[\p{L}'’-]*\.?`
	rxQIntro  = regexp.MustCompile(`^(` + nameWord + `(?:\s+(?:` + nameWord + `|\p{Ll}{2,3}))*?\s+` + nameWord + `)(?:\s*\((?:sp|ph|phonetic|inaudible)\??\))?(?:,\s*|\s+(?:from|with|of)\s+)((?:the\s+|The\s+)?\p{Lu}[^.:,?!\n()]{1,80}?)\s*[.:,?!](?:\s|$)`)
	rxSpaceRs = regexp.MustCompile(`\s+`)
)

// questioner reads a questioner's introduction at the start of a
// question: "Jane Roe (sp?), the Daily Planet. I would like ...".
func questioner(content string, v *Vocab) *speaker {
	unknown := &speaker{Speaker: model.Speaker{Name: "unidentified questioner", Role: "journalist", Questioner: true}, merged: -1}
	m := rxQIntro.FindStringSubmatch(content)
	if m == nil {
		return unknown
	}
	name := rxSpaceRs.ReplaceAllString(m[1], " ")
	outlet := strings.TrimSpace(rxSpaceRs.ReplaceAllString(m[2], " "))
	if !looksPersonName(name, v) || len(strings.Fields(name)) > 4 || len(strings.Fields(outlet)) > 8 {
		return unknown
	}
	first := strings.Fields(name)[0]
	if _, _, isRole := leadingRole(name, v); isRole || v.Honorifics[strings.ToUpper(first)] {
		return unknown
	}
	if !looksOrg(outlet, v) && !titleCase(strings.TrimPrefix(strings.TrimPrefix(outlet, "the "), "The "), v) {
		return unknown
	}
	return &speaker{Speaker: model.Speaker{Name: name, Role: "journalist", Organization: outlet, Questioner: true}, surname: lastWord(name), merged: -1}
}

// headerPerson returns the one person the header of a transcript names
// with a form of address ("Ms Jane Doe"), with the role stated next to
// the name. ok is false when it names none, or several.
func headerPerson(header string, v *Vocab) (*speaker, bool) {
	var names []string
	for _, line := range strings.Split(header, "\n") {
		names = honorificNames(line, names, v)
	}
	if len(names) != 1 {
		return nil, false
	}
	sp := &speaker{Speaker: model.Speaker{Name: names[0]}, merged: -1}
	sp.surname = lastWord(sp.Name)
	sp.Role, sp.Organization = roleNear(header, names[0], v)
	return sp, true
}

// honorificNames adds to names the names after a form of address in
// line ("Ms Jane Doe"), each once.
func honorificNames(line string, names []string, v *Vocab) []string {
	words := strings.Fields(line)
	for i := 0; i < len(words); i++ {
		w := strings.Trim(words[i], ",;:()")
		if !v.Honorifics[strings.ToUpper(w)] {
			continue
		}
		var name []string
		for j := i + 1; j < len(words) && len(name) < 4; j++ {
			x := strings.Trim(words[j], ",;:()")
			r, _ := utf8.DecodeRuneInString(x)
			if x == "" || !unicode.IsUpper(r) {
				break
			}
			name = append(name, x)
			if x != words[j] {
				break // the name ends at punctuation
			}
		}
		if len(name) < 2 {
			continue
		}
		n := strings.Join(name, " ")
		if !containsString(names, n) {
			names = append(names, n)
		}
		i += len(name)
	}
	return names
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
