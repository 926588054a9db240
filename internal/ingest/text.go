package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-project/dossier/internal/model"
)

// line is one line of a document's text with its byte offsets (the end
// excludes the newline).
type line struct {
	start, end int
	text       string
}

func (l line) blank() bool { return strings.TrimFunc(l.text, unicode.IsSpace) == "" }

func (l line) trimmed() string { return strings.TrimFunc(l.text, unicode.IsSpace) }

func splitLines(text string) []line {
	var out []line
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			out = append(out, line{start, i, text[start:i]})
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, line{start, len(text), text[start:]})
	}
	return out
}

// nonBlank returns up to n non-blank lines from the start.
func nonBlank(lines []line, n int) []line {
	var out []line
	for _, l := range lines {
		if !l.blank() {
			out = append(out, l)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// parseText reads a plain-text document (also used for rendered
// Markdown).
func parseText(name, text, format string, v *Vocab) *model.Document {
	d := &model.Document{Path: name, Format: format, Text: text}
	readText(d, v)
	return d
}

// readText fills what the text itself says: header fields, turns, kind.
// Fields already set (by the HTML or feed metadata) are kept.
func readText(d *model.Document, v *Vocab) {
	lines := splitLines(d.Text)
	fm := readFrontMatter(lines, v)
	if d.Title == "" {
		d.Title = fm.title
	}
	if len(d.Authors) == 0 {
		d.Authors = fm.authors
	}
	if d.Publisher == "" {
		d.Publisher = fm.publisher
	}
	if d.Date.IsZero() && !fm.date.IsZero() {
		d.Date, d.DateSource, d.DateReason = fm.date, fm.dateSource, fm.dateReason
	}
	d.Warnings = append(d.Warnings, fm.warnings...)

	if sp, turns, warns := readTurns(d.Text, lines, v); len(turns) > 0 {
		d.Speakers, d.Turns = sp, turns
		d.Warnings = append(d.Warnings, warns...)
		d.Kind = model.KindTranscript
		return
	}
	if isStatement(d.Title, lines, v) {
		d.Kind = model.KindStatement
		return
	}
	d.Kind = model.KindArticle
}

// isStatement reports whether the document's title or one of its first
// header lines carries a statement marker. A header line is short and not
// a sentence: "…, according to a statement by Rights Watch." in an
// article's first paragraph does not make it a statement. A marker
// written "= Statement" in the list counts only as a whole line.
func isStatement(title string, lines []line, v *Vocab) bool {
	heads := []string{title}
	for _, l := range nonBlank(lines, 4) {
		t := l.trimmed()
		if len(strings.Fields(t)) <= 15 && !strings.HasSuffix(t, ".") {
			heads = append(heads, t)
		}
	}
	for _, h := range heads {
		for _, m := range v.StatementMarkers {
			if whole, ok := strings.CutPrefix(m, "="); ok {
				if strings.EqualFold(strings.Trim(h, " :.-–—"), strings.TrimSpace(whole)) {
					return true
				}
				continue
			}
			if containsWords(h, m) {
				return true
			}
		}
	}
	return false
}

// containsWords reports whether phrase occurs in s as whole words,
// ignoring case.
func containsWords(s, phrase string) bool {
	ls, lp := strings.ToLower(s), strings.ToLower(phrase)
	for i := 0; ; {
		j := strings.Index(ls[i:], lp)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(lp)
		if (a == 0 || !isWordByte(ls, a-1)) && (b == len(ls) || !isWordByte(ls, b)) {
			return true
		}
		i = a + 1
	}
}

func isWordByte(s string, i int) bool {
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

type frontMatter struct {
	title      string
	authors    []string
	publisher  string
	date       time.Time
	dateSource string
	dateReason string
	warnings   []string
}

var (
	rxByline  = regexp.MustCompile(`^(?:By|BY|by)\s+(\S.*)$`)
	rxKeyLine = regexp.MustCompile(`^([\p{L} ]{2,24})\s*:\s*(\S.{0,60})$`)
	// "Addis Ababa, 12 March 2024 – ..." / "NAIROBI, March 3 (Reuters) - ..."
	rxDateline = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})?),\s+([^()–—\n]{3,40}?)\s*(?:\(([^)\n]{1,40})\)\s*)?\s(?:--|[–—-])\s+\S`)
	// A dateline on a line of its own: "Brussels, 12 March 2024". It
	// counts only when the part after the place is a date and nothing else.
	rxDatelineAlone = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})?),\s+([^()–—\n]{3,40}?)\s*(?:\(([^)\n]{1,40})\))?\s*$`)
)

// proseWords is the length, in words, of a line that is text rather than
// a header: header lines are looked for only above the first one (after
// the title).
const proseWords = 20

// headerLines is how far from the top header lines are looked for.
const headerLines = 8

func readFrontMatter(lines []line, v *Vocab) frontMatter {
	var fm frontMatter
	head := nonBlank(lines, headerLines)
	if len(head) == 0 {
		return fm
	}
	if t := head[0].trimmed(); isTitleLine(t, v) || headlineWithStop(lines, head[0], v) {
		fm.title = t
	}
	var headerDate, datelineDate time.Time
	var headerWhat, datelineWhat string
	for i, l := range head {
		if i > 1 && len(strings.Fields(head[i-1].trimmed())) > proseWords {
			break // the text has begun: "On July 6, 2015, she said" is not a header
		}
		t := l.trimmed()
		if i < 6 && len(fm.authors) == 0 && fm.publisher == "" {
			if m := rxByline.FindStringSubmatch(t); m != nil && len(strings.Fields(t)) <= 20 && !strings.HasSuffix(t, ".") {
				authors, pub, date := parseByline(m[1], v)
				if len(authors) == 0 && pub == "" {
					continue
				}
				fm.authors, fm.publisher = authors, pub
				if !date.IsZero() && headerDate.IsZero() {
					headerDate, headerWhat = date, t
				}
				continue
			}
		}
		if headerDate.IsZero() {
			if m := rxKeyLine.FindStringSubmatch(t); m != nil && isHeaderDateKey(m[1], v) {
				if d, ok := parseDate(m[2]); ok {
					headerDate, headerWhat = d, t
					continue
				}
				fm.warnings = append(fm.warnings, fmt.Sprintf("header line %q has no full date (day, month and year); not used", t))
			} else if len(t) <= 40 {
				if d, ok := parseDate(t); ok && looksLikeDateOnly(t, v) {
					headerDate, headerWhat = d, t
					continue
				}
			}
			if headerDate.IsZero() {
				// "Tuesday, 11 June 2024, 7:00 p.m., Council Chamber": a
				// header line that opens with a date.
				if d, what, ok := leadingDate(t, v); ok {
					headerDate, headerWhat = d, what
					continue
				}
			}
		}
		if datelineDate.IsZero() && i < 6 {
			m := rxDateline.FindStringSubmatch(t)
			if m == nil {
				if m = rxDatelineAlone.FindStringSubmatch(t); m != nil && !looksLikeDateOnly(m[2], v) {
					m = nil
				}
			}
			if m != nil {
				if d, ok := parseDate(m[2]); ok {
					datelineDate, datelineWhat = d, m[1]+", "+strings.TrimSpace(m[2])
				} else if hasMonth(m[2], v) {
					fm.warnings = append(fm.warnings, fmt.Sprintf("dateline date %q has no year; date left unknown", strings.TrimSpace(m[2])))
				}
				if m[3] != "" && fm.publisher == "" && looksOrg(m[3], v) {
					fm.publisher = strings.TrimSpace(m[3])
				}
			}
		}
	}
	switch {
	case !headerDate.IsZero():
		fm.date, fm.dateSource = headerDate, model.DateFromHeader
		fm.dateReason = fmt.Sprintf("stated in the header line %q", headerWhat)
	case !datelineDate.IsZero():
		fm.date, fm.dateSource = datelineDate, model.DateFromDateline
		fm.dateReason = fmt.Sprintf("stated in the dateline %q", strings.TrimSpace(datelineWhat))
	}
	return fm
}

// leadingDate reads a date from the first comma-separated parts of a
// line, when they are a date and nothing else.
func leadingDate(t string, v *Vocab) (time.Time, string, bool) {
	parts := strings.Split(t, ",")
	if len(parts) < 2 {
		return time.Time{}, "", false
	}
	for k := 1; k <= 3 && k < len(parts); k++ {
		cand := strings.TrimSpace(strings.Join(parts[:k], ","))
		if !looksLikeDateOnly(cand, v) {
			continue
		}
		if d, ok := parseDate(cand); ok {
			return d, cand, true
		}
	}
	return time.Time{}, "", false
}

// hasMonth reports whether t has a month name as a word ("March",
// "Sept."), not a word that begins like one ("market").
func hasMonth(t string, v *Vocab) bool {
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if v.Months[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// looksLikeDateOnly keeps a whole line from being read as a date when it
// is a sentence that happens to parse.
func looksLikeDateOnly(t string, v *Vocab) bool {
	words := strings.Fields(t)
	if len(words) > 6 {
		return false
	}
	return hasMonth(t, v) || rxNumericDMY.MatchString(t) || rxISODate.MatchString(t)
}

func isHeaderDateKey(k string, v *Vocab) bool {
	k = strings.TrimSpace(k)
	for _, h := range v.HeaderDateKeys {
		if strings.EqualFold(k, h) {
			return true
		}
	}
	return false
}

// isTitleLine: short, no final full stop, not a turn label or byline.
func isTitleLine(t string, v *Vocab) bool {
	if t == "" || len(t) > 200 || len(strings.Fields(t)) > 25 {
		return false
	}
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "...") {
		return false
	}
	if rxByline.MatchString(t) || rxDateline.MatchString(t) {
		return false
	}
	if m := rxDatelineAlone.FindStringSubmatch(t); m != nil && looksLikeDateOnly(m[2], v) {
		if _, ok := parseDate(m[2]); ok {
			return false
		}
	}
	if _, ok := parseDate(t); ok && looksLikeDateOnly(t, v) {
		return false
	}
	if _, ok := matchLabel(t, v); ok {
		return false
	}
	return true
}

// headlineWithStop reports whether the first line l, which ends with a
// full stop, still reads as a headline: a paragraph of its own with
// text after it, one sentence of at most 20 words, written in title
// case, with a kicker ("Poll: ..."), or short (at most 14 words) and not
// opening like a sentence ("This is ...", "The council met ...").
func headlineWithStop(lines []line, l line, v *Vocab) bool {
	t := l.trimmed()
	words := strings.Fields(t)
	if !strings.HasSuffix(t, ".") || len(words) == 0 || len(words) > 20 {
		return false
	}
	for k := 0; k+1 < len(words); k++ {
		// Two sentences ("It rained. Roads closed."), not an
		// abbreviation ("N.Y. debate").
		w, next := words[k], []rune(words[k+1])
		if strings.HasSuffix(w, ".") && len(w) > 3 && unicode.IsLower([]rune(w)[len([]rune(w))-2]) && unicode.IsUpper(next[0]) &&
			!strings.Contains(strings.TrimSuffix(w, "."), ".") {
			return false
		}
	}
	i := 0
	for i < len(lines) && lines[i].start != l.start {
		i++
	}
	if i+2 >= len(lines) || !lines[i+1].blank() {
		return false // not a paragraph of its own, or nothing after it
	}
	more := false
	for _, n := range lines[i+2:] {
		if !n.blank() {
			more = true
			break
		}
	}
	if !more || !isTitleLine(strings.TrimSuffix(t, "."), v) {
		return false
	}
	long, upper := 0, 0
	for _, w := range words {
		r := []rune(strings.Trim(w, "‘’'\"“”("))
		if len(r) < 4 {
			continue
		}
		long++
		if unicode.IsUpper(r[0]) {
			upper++
		}
	}
	switch {
	case long >= 3 && 4*upper >= 3*long:
		return true // title case
	case strings.Contains(strings.Join(words[:min(4, len(words))], " "), ":"):
		return true // "Poll: ...", "The Latest: ..."
	}
	return len(words) <= 14 && !v.SentenceOpeners[strings.ToLower(strings.Trim(words[0], "‘’'\"“”("))]
}

// parseByline reads "Jane Roe and John Doe, Daily Planet | 12 March 2024".
func parseByline(s string, v *Vocab) (authors []string, publisher string, date time.Time) {
	segs := strings.Split(s, "|")
	for _, extra := range segs[1:] {
		if d, ok := parseDate(extra); ok && date.IsZero() {
			date = d
		}
	}
	s = strings.TrimRight(strings.TrimSpace(segs[0]), ".")
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if len(parts) > 1 && looksOrg(parts[len(parts)-1], v) && titleCase(parts[len(parts)-1], v) {
		publisher = parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	}
	for _, p := range parts {
		for _, name := range splitAnd(p) {
			switch {
			case name == "":
			case isBylineRole(name, v):
			case looksPersonName(name, v) && !looksOrg(name, v):
				authors = append(authors, name)
			case publisher == "" && looksOrg(name, v) && titleCase(name, v):
				publisher = name
			}
		}
	}
	return authors, publisher, date
}

func splitAnd(s string) []string {
	s = strings.ReplaceAll(s, " & ", " and ")
	var out []string
	for _, p := range strings.Split(s, " and ") {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

func isBylineRole(s string, v *Vocab) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if v.BylineRoles[w] {
			return true
		}
	}
	return false
}

// looksPersonName: two to five words, each capitalised or a particle.
func looksPersonName(s string, v *Vocab) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for i, w := range words {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			continue
		}
		if i > 0 && v.Particles[strings.ToLower(w)] {
			continue
		}
		return false
	}
	return true
}

// titleCase: at most six words, each capitalised or a small joining word.
func titleCase(s string, v *Vocab) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) {
			continue
		}
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "on", "in", "de", "du", "la", "le":
			continue
		}
		if v.Particles[strings.ToLower(w)] {
			continue
		}
		return false
	}
	return true
}

// looksOrg: a phrase with an acronym, an organisation word or a known
// organisation name.
func looksOrg(s string, v *Vocab) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ".,;:()'’\"")
		if isAcronym(w) || v.OrgWords[strings.ToLower(w)] {
			return true
		}
	}
	for _, o := range v.Organizations {
		if containsWords(s, o) {
			return true
		}
	}
	return false
}

// isAcronym: two or more letters, all capitals ("ORGX", "AU", "UNHCR").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
