package text

import (
	"strings"
	"unicode"
)

// para is a paragraph found by splitParagraphs, before tokenizing.
type para struct {
	start, end int
	// label is the speaker label's name part ("AMINA YUSUF"), labelEnd
	// the end of its colon; both zero when the paragraph has none.
	labelStart, labelEnd, colonEnd int
}

// splitParagraphs finds the paragraphs of src. Paragraphs are separated
// by blank lines (lines of white space only, NBSP included). A line that
// opens with an all-capitals speaker label ("AMINA YUSUF:", "Q:", "JOHN
// DOE (Minister of Finance):") also starts a new paragraph, because
// transcripts often put turns on consecutive lines. Other single line
// breaks are line wrapping and stay inside the paragraph.
func splitParagraphs(src string, out []para) []para {
	cur := para{start: -1}
	flush := func() {
		if cur.start >= 0 {
			out = append(out, cur)
		}
		cur = para{start: -1}
	}
	for ls := 0; ls <= len(src); {
		le := strings.IndexByte(src[ls:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += ls
		}
		first, last := trimSpace(src, ls, le)
		if first == last {
			flush()
		} else {
			ns, ne, ce := speakerLabel(src, first, last)
			if ce > 0 {
				flush()
			}
			if cur.start < 0 {
				cur.start = first
				if ce > 0 {
					cur.labelStart, cur.labelEnd, cur.colonEnd = ns, ne, ce
				}
			}
			cur.end = last
		}
		ls = le + 1
	}
	flush()
	return out
}

// trimSpace returns the bounds of src[start:end] without leading and
// trailing white space; first == last when it is all white space.
func trimSpace(src string, start, end int) (int, int) {
	for start < end {
		r, w := runeAt(src, start, end)
		if !isSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := runeBefore(src, end, start)
		if !isSpace(r) {
			break
		}
		end -= w
	}
	return start, end
}

// maxLabel bounds the length of a speaker label's name part, in bytes.
const maxLabel = 64

// speakerLabel recognises a speaker label at src[start:] (the start of a
// line): capital letters, spaces, periods, hyphens and apostrophes, then
// an optional parenthesis (a role, in any case), then a colon followed by
// white space or the end of the line. It returns the bounds of the name
// part and the end of the colon; ce == 0 when there is no label.
func speakerLabel(src string, start, end int) (ns, ne, ce int) {
	i := start
	letters := 0
	for i < end && i-start <= maxLabel {
		r, w := runeAt(src, i, end)
		switch {
		case unicode.IsUpper(r):
			letters++
		case isDigit(r) || r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
			if letters == 0 {
				return 0, 0, 0
			}
		case r == '(' || r == ':':
			if letters == 0 {
				return 0, 0, 0
			}
			_, ne = trimSpace(src, start, i)
			j := i
			if r == '(' {
				k := strings.IndexByte(src[i:end], ')')
				if k < 0 || k > 2*maxLabel {
					return 0, 0, 0
				}
				j = i + k + 1
				for j < end && src[j] == ' ' {
					j++
				}
				if j >= end || src[j] != ':' {
					return 0, 0, 0
				}
			}
			j++ // the colon
			if next, _ := runeAt(src, j, end); next != 0 && !isSpace(next) {
				return 0, 0, 0
			}
			return start, ne, j
		default:
			return 0, 0, 0
		}
		i += w
	}
	return 0, 0, 0
}
