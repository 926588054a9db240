package text

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// para is a paragraph found by splitParagraphs, before tokenizing.
type para struct {
	start, end int
	// labelStart and labelEnd bound the name part of the speaker label
	// that opens the paragraph ("AMINA YUSUF"); both zero when it has none.
	labelStart, labelEnd int
}

// splitParagraphs finds the paragraphs of src. Paragraphs are separated
// by blank lines (lines of white space only, NBSP included). A line that
// opens with one of the given speaker labels (sorted by start, as
// labelSpans returns them) also starts a new paragraph, because
// transcripts often put turns on consecutive lines. Other single line
// breaks are line wrapping and stay inside the paragraph.
func splitParagraphs(src string, labels []model.Span, out []para) []para {
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
			for len(labels) > 0 && labels[0].Start < first {
				labels = labels[1:]
			}
			label := len(labels) > 0 && labels[0].Start == first && labels[0].End <= last
			if label {
				flush()
			}
			if cur.start < 0 {
				cur.start = first
				if label {
					cur.labelStart, cur.labelEnd = labelName(src, labels[0].Start, labels[0].End)
				}
			}
			cur.end = last
		}
		ls = le + 1
	}
	flush()
	return out
}

// labelSpans returns the labels that lie inside src, sorted by start.
func labelSpans(src string, labels []model.Span) []model.Span {
	var out []model.Span
	for _, l := range labels {
		if l.Start >= 0 && l.Start < l.End && l.End <= len(src) {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// labelName returns the name part of the label src[start:end]: the label
// without a role in parentheses ("MAYOR RUIZ (chair)" gives "MAYOR
// RUIZ"), or the whole label when nothing comes before the parenthesis.
func labelName(src string, start, end int) (int, int) {
	if k := strings.IndexByte(src[start:end], '('); k > 0 {
		if s, e := trimSpace(src, start, start+k); e > s {
			return s, e
		}
	}
	return start, end
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
