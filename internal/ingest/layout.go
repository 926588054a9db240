package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// layoutLine is one line of a page as an extractor found it: its words
// joined by single spaces, and its box in the page's units (points, or
// pixels for a scanned page) measured from the top-left corner.
type layoutLine struct {
	text                     string
	top, bottom, left, right float64
}

func (l layoutLine) height() float64 { return l.bottom - l.top }

// layoutPage is one page as an extractor found it: blocks of lines in
// reading order. Width and height are 0 when unknown.
type layoutPage struct {
	width, height float64
	blocks        [][]layoutLine
}

// empty reports whether the page has no letters or digits besides a
// page number: a scanned page whose number was stamped as text is still
// a scanned page.
func (p layoutPage) empty() bool {
	for _, b := range p.blocks {
		for _, l := range b {
			if rxPageNumber.MatchString(strings.TrimSpace(l.text)) {
				continue
			}
			for _, r := range l.text {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return false
				}
			}
		}
	}
	return true
}

// Page furniture: a line at the top or bottom of a page that is a page
// number, or that repeats on many pages (a running header or footer).
const (
	bandNone = iota
	bandTop
	bandBottom
)

// furnitureBand is the share of the page height, at the top and at the
// bottom, where running headers, footers and page numbers are looked for:
// about two thirds of an inch on A4 and Letter, inside the usual margin
// of the text itself.
const furnitureBand = 0.08

var (
	// "3", "- 3 -", "(3)", "Page 3", "p. 3", "Page 3 of 12", "3/12".
	rxPageNumber = regexp.MustCompile(`^(?i)(?:page|pg\.?|p\.)?\s*[-–—(\[]?\s*[0-9]{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*[0-9]{1,4})?\.?$`)
	rxDigits     = regexp.MustCompile(`[0-9]+`)
)

type lineRef struct{ page, block, line int }

// bandOf says whether line li of block bi lies at the top or bottom of
// page p. Without a page size, only the page's first and last lines do.
func bandOf(p layoutPage, bi, li int) int {
	l := p.blocks[bi][li]
	if p.height > 0 {
		switch {
		case l.top < furnitureBand*p.height:
			return bandTop
		case l.bottom > (1-furnitureBand)*p.height:
			return bandBottom
		}
		return bandNone
	}
	switch {
	case bi == 0 && li == 0:
		return bandTop
	case bi == len(p.blocks)-1 && li == len(p.blocks[bi])-1:
		return bandBottom
	}
	return bandNone
}

// furnitureKey is the form in which running headers are compared: lower
// case, numbers as "#" (the page number changes), spaces collapsed.
func furnitureKey(s string) string {
	s = rxDigits.ReplaceAllString(strings.ToLower(s), "#")
	return strings.Join(strings.Fields(s), " ")
}

// furniture finds the lines to drop: page numbers at the top or bottom
// of a page, and lines that repeat at the top (or the bottom) of at
// least half the pages, two at least. A speaker label line is never
// furniture: a transcript may open two pages with the same words.
func furniture(pages []layoutPage, v *Vocab) map[lineRef]bool {
	type bandKey struct {
		band int
		key  string
	}
	drop := map[lineRef]bool{}
	count := map[bandKey]int{}
	type cand struct {
		ref lineRef
		bk  bandKey
	}
	var cands []cand
	for pi, p := range pages {
		seen := map[bandKey]bool{}
		for bi, blk := range p.blocks {
			for li, l := range blk {
				band := bandOf(p, bi, li)
				if band == bandNone {
					continue
				}
				t := strings.TrimSpace(l.text)
				ref := lineRef{pi, bi, li}
				if rxPageNumber.MatchString(t) {
					drop[ref] = true
					continue
				}
				if _, ok := matchLabel(t, v); ok {
					continue
				}
				bk := bandKey{band, furnitureKey(t)}
				if bk.key == "" {
					continue
				}
				cands = append(cands, cand{ref, bk})
				if !seen[bk] {
					seen[bk] = true
					count[bk]++
				}
			}
		}
	}
	n := len(pages)
	for _, c := range cands {
		if k := count[c.bk]; n >= 2 && k >= 2 && 2*k >= n {
			drop[c.ref] = true
		}
	}
	return drop
}

// textLine is a line on its way into the document's text.
type textLine struct {
	page      int
	text      string
	paraStart bool // opens a paragraph
}

// ligatures are the typographic ligatures PDF fonts map single glyphs to.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

// cleanLine makes an extracted line plain text: valid UTF-8, ligatures
// spelt out, control characters out, white space single.
func cleanLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = ligatures.Replace(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\uFEFF' || r == '\uFFFD':
			return -1
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// paragraphBreak reports whether line cur, after prev in the same block,
// opens a new paragraph: a vertical gap wider than a line, or a change
// of type size (a heading above its text).
func paragraphBreak(prev, cur layoutLine) bool {
	hp, hc := prev.height(), cur.height()
	if hp <= 0 || hc <= 0 {
		return false
	}
	if gap := cur.top - prev.bottom; gap > 0.9*max(hp, hc) {
		return true
	}
	return hc > 1.2*hp || hp > 1.2*hc
}

// endsSentence reports whether a line ends where a paragraph may end.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;\"”’)]…", r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// hyphenated reports whether s ends with a word broken by a hyphen, and
// returns s without it.
func hyphenated(s string) (string, bool) {
	if t, ok := strings.CutSuffix(s, "\u00ad"); ok {
		return t, true
	}
	for _, h := range []string{"-", "\u2010"} {
		if t, ok := strings.CutSuffix(s, h); ok {
			r, _ := utf8.DecodeLastRuneInString(t)
			if unicode.IsLetter(r) {
				return t, true
			}
		}
	}
	return s, false
}

// assemble turns extracted pages into the document's text and the byte
// offset at which each page starts. Page furniture is dropped; blocks
// become paragraphs separated by a blank line, except where a paragraph
// runs on (over a column or page break: no closing punctuation, and the
// next line starts in lower case); a word broken by a hyphen at a line end
// is joined when the next line goes on in lower case. Lines otherwise
// stay lines, so speaker labels and attendance lines keep their place at
// the start of a line.
func assemble(pages []layoutPage, v *Vocab) (string, []int) {
	drop := furniture(pages, v)
	var lines []textLine
	for pi, p := range pages {
		for bi, blk := range p.blocks {
			first := true
			var prev layoutLine
			for li, l := range blk {
				if drop[lineRef{pi, bi, li}] {
					continue
				}
				t := cleanLine(l.text)
				if t == "" {
					continue
				}
				lines = append(lines, textLine{page: pi, text: t, paraStart: first || paragraphBreak(prev, l)})
				first, prev = false, l
			}
		}
	}
	lines = dehyphenate(lines)

	var b strings.Builder
	starts := make([]int, len(pages))
	for i := range starts {
		starts[i] = -1
	}
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1].text
			if l.paraStart && (endsSentence(prev) || !startsLower(l.text)) {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		if starts[l.page] < 0 {
			starts[l.page] = b.Len()
		}
		b.WriteString(l.text)
	}
	text := b.String()
	// A page left with no text starts where the next one does.
	next := len(text)
	for i := len(starts) - 1; i >= 0; i-- {
		if starts[i] < 0 {
			starts[i] = next
		}
		next = starts[i]
	}
	if len(starts) > 0 {
		starts[0] = 0
	}
	return text, starts
}

// dehyphenate joins words broken at a line end: the rest of the word
// moves up to the line where it began.
func dehyphenate(lines []textLine) []textLine {
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for i+1 < len(lines) {
			stem, ok := hyphenated(l.text)
			next := lines[i+1]
			if !ok || !startsLower(next.text) {
				break
			}
			word, rest, _ := strings.Cut(next.text, " ")
			l.text = stem + word
			if rest == "" {
				i++ // the next line was only the end of the word
				continue
			}
			lines[i+1].text = rest
			break
		}
		out = append(out, l)
	}
	return out
}
