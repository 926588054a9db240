package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Parsers for the dictionary formats of the TABARI and PETRARCH event
// coders. They are our own reading of the formats (see
// data/actors/README.md):
//
// Actor dictionaries: a block starts with a phrase line (words joined by
// "_"), continues with synonym lines "+PHRASE" and code lines "[CODE]",
// "[CODE >YYMMDD]" (from), "[CODE <YYMMDD]" (until) or
// "[CODE YYMMDD-YYMMDD]" (range); codes may also follow the phrase on its
// own line. "#" starts a comment anywhere, ";" at the start of a line.
// Dates are YYMMDD (00-30 → 20xx, 31-99 → 19xx) or YYYYMMDD.
//
// Reading is lenient, as PETRARCH's is: a line that cannot be read is
// skipped and reported (Skipped), and the rest of the file is loaded. A
// file that is not text (a NUL byte), or of which nothing can be read,
// is refused.
//
// Agents dictionaries: "PHRASE {PLURAL} [~CODE]" lines, where "{...}"
// (optional) gives the plural ("{}": none; otherwise a regular plural is
// made) and "!SET! = A, B" defines a substitution set used as "!SET!"
// inside phrases.

// yearPivot: two-digit years up to it are 20xx, the others 19xx (as
// KEDS, TABARI and PETRARCH read them).
const yearPivot = 30

// maxLine is the longest line accepted, in bytes.
const maxLine = 1 << 20

// stripComment removes a "#" comment (outside brackets) and a whole-line
// ";" comment.
func stripComment(line string) string {
	if t := strings.TrimSpace(line); strings.HasPrefix(t, ";") {
		return ""
	}
	depth := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#':
			if depth == 0 {
				return line[:i]
			}
		}
	}
	return line
}

// splitCodes splits "NAME [A] [B 010101-020202]" into the text before the
// first bracket and the bracket contents.
func splitCodes(s string) (string, []string, error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			return "", nil, errors.New(`"]" without "["`)
		}
		return s, nil, nil
	}
	head, rest := s[:i], s[i:]
	if strings.IndexByte(head, ']') >= 0 {
		return "", nil, errors.New(`"]" without "["`)
	}
	var codes []string
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		if rest[0] != '[' {
			return "", nil, fmt.Errorf("unexpected text %q after code", clip(rest))
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, errors.New(`unclosed "[" in code`)
		}
		inner := rest[1:j]
		if strings.IndexByte(inner, '[') >= 0 {
			return "", nil, errors.New(`unclosed "[" in code`)
		}
		codes = append(codes, strings.TrimSpace(inner))
		rest = rest[j+1:]
	}
	return head, codes, nil
}

func clip(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}

// parseDatedCode parses the inside of "[...]" in an actor dictionary:
// a code, then at most one date restriction, which may be written with
// spaces ("EGYGOV > 140608", "ABC 010101 - 020202") as the released
// Phoenix files sometimes do.
func parseDatedCode(s string) (DatedCode, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return DatedCode{}, errors.New("empty code")
	}
	c := DatedCode{Code: f[0]}
	if err := checkForeignCode(c.Code); err != nil {
		return DatedCode{}, err
	}
	if len(f) == 1 {
		return c, nil
	}
	d := strings.Join(f[1:], "")
	var err error
	switch {
	case strings.HasPrefix(d, ">"):
		c.From, err = parseCoderDate(d[1:])
	case strings.HasPrefix(d, "<"):
		c.To, err = parseCoderDate(d[1:])
	case strings.Count(d, "-") == 1:
		a, b, _ := strings.Cut(d, "-")
		if c.From, err = parseCoderDate(a); err == nil {
			c.To, err = parseCoderDate(b)
		}
		if err == nil && c.To.Before(c.From) {
			err = fmt.Errorf("date range %s ends before it starts", d)
		}
	default:
		err = fmt.Errorf("date restriction %q: want >DATE, <DATE or DATE-DATE", clip(strings.Join(f[1:], " ")))
	}
	if err != nil {
		return DatedCode{}, fmt.Errorf("code %s: %w", c.Code, err)
	}
	return c, nil
}

// checkForeignCode checks a code of a TABARI/PETRARCH dictionary: groups
// of three upper-case letters or digits ("NGOCHRPRO214", as the Phoenix
// files have), or the null code "---".
func checkForeignCode(code string) error {
	if code == NullCode {
		return nil
	}
	if code == "" {
		return errors.New("missing code")
	}
	for _, r := range code {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return fmt.Errorf("code %q: want upper-case letters A-Z and digits", clip(code))
		}
	}
	if len(code)%3 != 0 {
		return fmt.Errorf("code %q: want groups of three letters", code)
	}
	return nil
}

// parseCoderDate parses a date as PETRARCH reads it: digits only, six or
// seven of them read as YYMMDD (a seventh digit is ignored, as PETRARCH
// ignores it: "9008223" is 22 August 1990), eight or more as YYYYMMDD
// (digits after the eighth ignored). Two-digit years up to 30 are 20xx,
// the others 19xx.
func parseCoderDate(s string) (time.Time, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return time.Time{}, fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", clip(s))
		}
	}
	var full string
	switch {
	case len(s) == 6 || len(s) == 7:
		yy, _ := strconv.Atoi(s[:2])
		century := "19"
		if yy <= yearPivot {
			century = "20"
		}
		full = century + s[:6]
	case len(s) >= 8:
		full = s[:8]
	default:
		return time.Time{}, fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", clip(s))
	}
	t, err := time.Parse("20060102", full)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: no such day", s)
	}
	return t, nil
}

// lineReader yields lines with their numbers and rejects binary input.
type lineReader struct {
	sc   *bufio.Scanner
	line int
	// inXML is set inside a "<!-- ... -->" comment that spans lines.
	inXML bool
}

func newLineReader(r io.Reader) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	return &lineReader{sc: sc}
}

// content returns the next line that is neither blank nor a comment,
// without its comment; an error for a line with a NUL byte (the file is
// not text). A line that is not UTF-8 is reported to bad and skipped.
func (l *lineReader) content(bad func(line int, problem string)) (string, bool, error) {
	for {
		raw, ok := l.next()
		if !ok {
			return "", false, nil
		}
		if strings.ContainsRune(raw, 0) {
			return "", false, fmt.Errorf("line %d: binary data", l.line)
		}
		if !utf8.ValidString(raw) {
			bad(l.line, "not UTF-8 text")
			continue
		}
		raw = l.stripXML(raw)
		if line := strings.TrimSpace(stripComment(raw)); line != "" {
			return line, true, nil
		}
	}
}

// stripXML removes the XML-style comments PETRARCH allows: a line that
// starts with "<!", "<!-- ... -->" within a line, and "<!--" up to the
// line with "-->".
func (l *lineReader) stripXML(raw string) string {
	if l.inXML {
		i := strings.Index(raw, "-->")
		if i < 0 {
			return ""
		}
		l.inXML = false
		raw = raw[i+3:]
	}
	if strings.HasPrefix(strings.TrimSpace(raw), "<!") && !strings.Contains(raw, "<!--") {
		return ""
	}
	for {
		i := strings.Index(raw, "<!--")
		if i < 0 {
			return raw
		}
		j := strings.Index(raw[i+4:], "-->")
		if j < 0 {
			l.inXML = true
			return raw[:i]
		}
		raw = raw[:i] + raw[i+4+j+3:]
	}
}

func (l *lineReader) next() (string, bool) {
	if !l.sc.Scan() {
		return "", false
	}
	l.line++
	return strings.TrimSuffix(l.sc.Text(), "\r"), true
}

func (l *lineReader) err() error {
	if err := l.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d: longer than %d MB", l.line+1, maxLine>>20)
		}
		return fmt.Errorf("line %d: %w", l.line+1, err)
	}
	return nil
}

// skips collects the lines a lenient parser leaves out.
type skips struct {
	file string
	list []Skipped
}

func (k *skips) add(line int, problem string) {
	k.list = append(k.list, Skipped{File: k.file, Line: line, Problem: problem})
}

// actorBlock is an actor dictionary entry being read.
type actorBlock struct {
	names []string
	codes []DatedCode
	line  int
	// skip marks a block whose phrase line could not be read: its
	// synonym and code lines are left out with it.
	skip bool
	// badCode is set when a code of the block could not be read: with
	// no code left, the block is left out rather than joined to the
	// next one (which would give its names another actor's codes).
	badCode bool
}

// phraseOK reports whether a dictionary phrase has a word to match.
func phraseOK(phrase string) bool {
	words, _ := phraseWords(phrase, false)
	return len(words) > 0
}

// parseActors reads a TABARI/PETRARCH actor dictionary. Lines that
// cannot be read are reported to k and skipped.
func parseActors(r io.Reader, source string, k *skips) ([]*Entry, error) {
	lr := newLineReader(r)
	var out []*Entry
	var cur *actorBlock
	// Names seen without codes are joined to the next block, as in the
	// shipped Phoenix files, where several phrase lines of one person
	// precede its codes.
	var orphans []string
	orphanLine := 0
	flush := func() {
		if cur == nil || cur.skip {
			cur = nil
			return
		}
		if len(cur.codes) == 0 {
			if cur.badCode {
				cur = nil
				return
			}
			if len(orphans) == 0 {
				orphanLine = cur.line
			}
			orphans = append(orphans, cur.names...)
			cur = nil
			return
		}
		out = append(out, actorEntries(cur, source)...)
		cur = nil
	}
	addCodes := func(codes []string) {
		for _, c := range codes {
			dc, err := parseDatedCode(c)
			if err != nil {
				k.add(lr.line, err.Error())
				cur.badCode = true
				continue
			}
			cur.codes = append(cur.codes, dc)
		}
	}
	for {
		line, ok, err := lr.content(k.add)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		switch {
		case strings.HasPrefix(line, "+") || strings.HasPrefix(line, "["):
			if cur == nil {
				what := "synonym"
				if line[0] == '[' {
					what = "code"
				}
				k.add(lr.line, fmt.Sprintf("%s %q before any actor", what, clip(line)))
				continue
			}
			if cur.skip {
				continue // part of an actor that was left out
			}
			text := line
			if line[0] == '+' {
				text = line[1:]
			}
			name, codes, err := splitCodes(text)
			if err != nil {
				k.add(lr.line, err.Error())
				continue
			}
			if line[0] == '+' {
				if !phraseOK(name) {
					k.add(lr.line, "synonym with no word")
					continue
				}
				cur.names = append(cur.names, strings.TrimSpace(name))
			}
			addCodes(codes)
		default:
			flush()
			name, codes, err := splitCodes(line)
			name = strings.TrimSpace(name)
			if err == nil && !phraseOK(name) {
				err = fmt.Errorf("actor phrase %q has no word", clip(name))
			}
			if err != nil {
				k.add(lr.line, err.Error()+" (the actor and its synonyms are left out)")
				cur = &actorBlock{line: lr.line, skip: true}
				continue
			}
			cur = &actorBlock{names: []string{name}, line: lr.line}
			if len(orphans) > 0 {
				cur.names = append(cur.names, orphans...)
				orphans = nil
			}
			addCodes(codes)
		}
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	flush()
	if len(orphans) > 0 {
		if len(out) == 0 && len(k.list) == 0 {
			return nil, fmt.Errorf("no line has a code: not an actor dictionary (a PETRARCH discard list?)")
		}
		k.add(orphanLine, fmt.Sprintf("actor %q has no code", clip(orphans[0])))
	}
	return out, nil
}

// actorKind guesses what a foreign-format actor entry is from its codes.
func actorKind(codes []DatedCode) EntryKind {
	dated, igo := false, true
	for _, c := range codes {
		if c.Dated() {
			dated = true
		}
		if !strings.HasPrefix(c.Code, "IGO") {
			igo = false
		}
	}
	switch {
	case dated:
		return Person
	case igo:
		return IGO
	case len(codes) == 1 && len(codes[0].Code) == 3 && codes[0].Code != NullCode && !agentCodes[codes[0].Code]:
		return Country
	}
	return Actor
}

// agentCodes are CAMEO's three-letter sector and group codes, which are
// not countries when they stand alone.
var agentCodes = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true,
	"SPY": true, "MED": true, "EDU": true, "BUS": true, "CRM": true, "CVL": true, "LAB": true,
	"LEG": true, "HLH": true, "REF": true, "ELI": true, "ENV": true, "HRI": true, "AGR": true,
	"DEV": true, "REL": true, "IGO": true, "NGO": true, "NGM": true, "IMG": true, "MNC": true,
	"UAF": true, "INS": true, "SEP": true, "SET": true, "MOD": true, "RAD": true, "PPL": true,
	"UIS": true, "AMN": true, "IRC": true, "MSF": true,
}

func actorEntries(b *actorBlock, source string) []*Entry {
	kind := actorKind(b.codes)
	name := titleCase(b.names[0])
	src := source + ":" + strconv.Itoa(b.line)
	var out []*Entry
	for _, n := range b.names {
		for _, v := range phraseVariants(n) {
			if e := newEntry(v, kind, name, b.codes, "", src); e != nil {
				out = append(out, e)
			}
		}
	}
	return out
}

// parseAgents reads a TABARI/PETRARCH agents dictionary. Lines that
// cannot be read are reported to k and skipped.
func parseAgents(r io.Reader, source string, k *skips) ([]*Entry, error) {
	lr := newLineReader(r)
	sets := make(map[string][]string)
	var out []*Entry
	for {
		line, ok, err := lr.content(k.add)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") && !strings.Contains(line, "[") {
			name, list, _ := strings.Cut(line, "=")
			name = strings.TrimSpace(name)
			if len(name) < 3 || !strings.HasSuffix(name, "!") || strings.Count(name, "!") != 2 {
				k.add(lr.line, fmt.Sprintf("bad substitution set name %q (want !NAME!)", clip(name)))
				continue
			}
			var members []string
			for _, m := range strings.Split(list, ",") {
				if m = strings.TrimSpace(m); m != "" {
					members = append(members, m)
				}
			}
			if len(members) == 0 {
				k.add(lr.line, fmt.Sprintf("substitution set %s is empty", name))
				continue
			}
			sets[name] = members
			continue
		}
		es, err := agentLine(line, sets, source+":"+strconv.Itoa(lr.line))
		if err != nil {
			k.add(lr.line, err.Error())
			continue
		}
		out = append(out, es...)
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	return out, nil
}

func agentLine(line string, sets map[string][]string, src string) ([]*Entry, error) {
	head, codes, err := splitCodes(line)
	if err != nil {
		return nil, err
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("agent %q has no code", clip(strings.TrimSpace(head)))
	}
	if len(codes) > 1 {
		return nil, fmt.Errorf("agent %q has %d codes, want one", clip(strings.TrimSpace(head)), len(codes))
	}
	code := strings.TrimSpace(codes[0])
	code = strings.TrimSuffix(strings.TrimPrefix(code, "~"), "~")
	if err := checkForeignCode(code); err != nil {
		return nil, err
	}
	phrase, pl := head, ""
	explicitPlural := false
	if i := strings.IndexByte(head, '{'); i >= 0 {
		j := strings.IndexByte(head, '}')
		if j < i {
			return nil, errors.New(`unclosed "{" in plural`)
		}
		if strings.TrimSpace(head[j+1:]) != "" {
			return nil, fmt.Errorf("unexpected text %q after plural", clip(strings.TrimSpace(head[j+1:])))
		}
		phrase, pl, explicitPlural = head[:i], strings.TrimSpace(head[i+1:j]), true
	} else if strings.IndexByte(head, '}') >= 0 {
		return nil, errors.New(`"}" without "{"`)
	}
	phrase = strings.TrimSpace(phrase)
	if len(splitPhrase(phrase)) == 0 {
		return nil, errors.New("missing agent phrase")
	}
	forms, err := expandSets(phrase, sets)
	if err != nil {
		return nil, err
	}
	if explicitPlural && pl != "" {
		more, err := expandSets(pl, sets)
		if err != nil {
			return nil, err
		}
		forms = append(forms, more...)
	} else if !explicitPlural {
		n := len(forms)
		for _, f := range forms[:n] {
			forms = append(forms, plural(strings.TrimRight(f, "_ ")))
		}
	}
	var out []*Entry
	for _, f := range forms {
		name := strings.ToLower(strings.Join(splitPhrase(f), " "))
		for _, v := range phraseVariants(f) {
			if e := newEntry(v, Agent, name, nil, code, src); e != nil {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// expandSets replaces each !SET! in phrase by each member of the set.
func expandSets(phrase string, sets map[string][]string) ([]string, error) {
	return expandSetsDepth(phrase, sets, 0)
}

func expandSetsDepth(phrase string, sets map[string][]string, depth int) ([]string, error) {
	if depth > 8 {
		return nil, errors.New("substitution sets nested too deeply")
	}
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("unclosed \"!\" in %q", clip(phrase))
	}
	name := phrase[i : i+j+2]
	members, ok := sets[name]
	if !ok {
		return nil, fmt.Errorf("unknown substitution set %s", name)
	}
	var out []string
	for _, m := range members {
		rest, err := expandSetsDepth(phrase[:i]+m+phrase[i+j+2:], sets, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, rest...)
		if len(out) > 10000 {
			return nil, errors.New("substitution sets expand to too many phrases")
		}
	}
	return out, nil
}
