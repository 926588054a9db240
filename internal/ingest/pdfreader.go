package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// maxPageTree bounds the depth of a PDF's page tree, which a damaged or
// hostile file could make loop.
const maxPageTree = 64

// maxPageContent bounds the inflated content of one page for the built-in
// reader: text pages hold tens of kilobytes.
const maxPageContent = 8 << 20

// maxContentRatio bounds the inflated content of all pages, as a multiple
// of the text size limit.
const maxContentRatio = 16

// maxPageNodes bounds the nodes of a page tree visited: a tree that
// names the same node many times must not take exponential time.
const maxPageNodes = 1 << 20

// readerWithin runs readerPages for at most timeout. The reader cannot
// be interrupted: on a file that keeps it busy longer, it is left to
// finish in the background and the file is refused, so that one file
// does not hold up a batch.
func readerWithin(parent context.Context, timeout time.Duration, data []byte, maxText int64) ([]layoutPage, docMeta, error) {
	ctx, cancel := context.WithTimeout(parent, timeout)
	defer cancel()
	type result struct {
		pages []layoutPage
		meta  docMeta
		err   error
	}
	done := make(chan result, 1)
	go func() {
		p, m, err := readerPages(ctx, data, maxText)
		done <- result{p, m, err}
	}()
	tooLong := func() error {
		return fmt.Errorf("the built-in reader took longer than %s on it; not ingested (install poppler-utils to read it)", timeout)
	}
	select {
	case r := <-done:
		if errors.Is(r.err, context.DeadlineExceeded) && parent.Err() == nil {
			// the reader saw the deadline first and stopped with it: the
			// same refusal, not the context's words
			return nil, docMeta{}, tooLong()
		}
		return r.pages, r.meta, r.err
	case <-ctx.Done():
		if err := parent.Err(); err != nil {
			return nil, docMeta{}, err
		}
		return nil, docMeta{}, tooLong()
	}
}

// readerPages reads a PDF with the built-in reader (github.com/ledongthuc/pdf),
// used when poppler-utils is not installed. It places each character
// where the page puts it, so lines, columns and blocks are rebuilt here:
// the reading order of complex layouts is rougher than pdftotext's.
func readerPages(ctx context.Context, data []byte, maxText int64) (pages []layoutPage, meta docMeta, err error) {
	defer func() {
		// The reader reports many kinds of damage by panicking.
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("damaged PDF, not ingested (%s)", flat(fmt.Sprint(r)))
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return nil, meta, errEncrypted
		}
		msg := flat(err.Error())
		if strings.Contains(msg, "encrypt") {
			return nil, meta, fmt.Errorf("encrypted PDF that the built-in reader cannot open (%s); install poppler-utils, or remove the encryption", msg)
		}
		return nil, meta, fmt.Errorf("damaged PDF, not ingested (%s)", msg)
	}
	info := r.Trailer().Key("Info")
	meta = docMeta{title: info.Key("Title").Text(), author: info.Key("Author").Text(), created: info.Key("CreationDate").Text()}

	var kids []pdf.Page
	seen := map[string]bool{}
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		visits++
		if depth > maxPageTree || visits > maxPageNodes || v.IsNull() {
			return
		}
		// A tree node seen twice is a loop.
		key := v.String()
		if len(key) < 4096 {
			if seen[key] {
				return
			}
			seen[key] = true
		}
		switch v.Key("Type").Name() {
		case "Pages":
			k := v.Key("Kids")
			for i := 0; i < k.Len(); i++ {
				walk(k.Index(i), depth+1)
			}
		case "Page":
			kids = append(kids, pdf.Page{V: v})
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), 0)
	if len(kids) == 0 {
		return nil, meta, errNoPages
	}
	var total, content int64
	for i, p := range kids {
		if err := ctx.Err(); err != nil {
			return nil, meta, err
		}
		// The reader holds a page's content in memory, and a small file
		// can hold streams that inflate to gigabytes: their size is
		// checked first.
		n, over := contentSize(p, maxPageContent)
		content += n
		if over || content > maxContentRatio*maxText {
			return nil, meta, fmt.Errorf("page %d holds more content than the built-in reader handles; not ingested (install poppler-utils to read it)", i+1)
		}
		lp := readerPage(p)
		for _, b := range lp.blocks {
			for _, l := range b {
				total += int64(len(l.text) + 1)
			}
		}
		if total > maxText {
			return nil, meta, errTooMuchText{maxText}
		}
		pages = append(pages, lp)
	}
	return pages, meta, nil
}

// readerPage rebuilds the lines of one page from its characters: the
// characters on one baseline make a line, a gap wider than a fraction of
// the type size a space; a vertical gutter that no line crosses splits
// the page into columns, read left then right; a wide vertical gap or a
// change of column ends a block.
func readerPage(p pdf.Page) layoutPage {
	var lp layoutPage
	if mb := inherited(p.V, "MediaBox"); mb.Len() == 4 {
		lp.width = mb.Index(2).Float64() - mb.Index(0).Float64()
		lp.height = mb.Index(3).Float64() - mb.Index(1).Float64()
	}
	chars := p.Content().Text
	if len(chars) == 0 {
		return lp
	}
	// Lines: characters grouped by baseline, top of the page first.
	sort.SliceStable(chars, func(i, j int) bool {
		if math.Abs(chars[i].Y-chars[j].Y) > 0.5 {
			return chars[i].Y > chars[j].Y
		}
		return chars[i].X < chars[j].X
	})
	type rline struct {
		y, size float64
		chars   []pdf.Text
	}
	var rl []rline
	for _, c := range chars {
		size := math.Abs(c.FontSize)
		if size == 0 {
			size = 10
		}
		if n := len(rl); n > 0 && math.Abs(rl[n-1].y-c.Y) <= 0.3*max(size, rl[n-1].size) {
			rl[n-1].chars = append(rl[n-1].chars, c)
			rl[n-1].size = max(rl[n-1].size, size)
			continue
		}
		rl = append(rl, rline{y: c.Y, size: size, chars: []pdf.Text{c}})
	}
	for i := range rl {
		sort.SliceStable(rl[i].chars, func(a, b int) bool { return rl[i].chars[a].X < rl[i].chars[b].X })
	}
	gutter, ok := findGutter(rl, func(l rline) []pdf.Text { return l.chars })

	// Each line split at the gutter into a left and a right part.
	type part struct {
		line  layoutLine
		right bool
		full  bool
	}
	mk := func(l rline, cs []pdf.Text) layoutLine {
		var b strings.Builder
		left, right := cs[0].X, cs[0].X
		for i, c := range cs {
			if i > 0 {
				prev := cs[i-1]
				gap := c.X - (prev.X + prev.W)
				if gap > 0.15*l.size && !strings.HasSuffix(b.String(), " ") && c.S != " " {
					b.WriteByte(' ')
				}
			}
			b.WriteString(c.S)
			right = max(right, c.X+c.W)
		}
		top := lp.height - l.y - 0.8*l.size
		return layoutLine{text: b.String(), left: left, right: right, top: top, bottom: top + l.size}
	}
	var parts []part
	for _, l := range rl {
		if !ok {
			parts = append(parts, part{line: mk(l, l.chars), full: true})
			continue
		}
		var lc, rc []pdf.Text
		crosses := false
		for _, c := range l.chars {
			switch {
			case c.X+c.W <= gutter[0]:
				lc = append(lc, c)
			case c.X >= gutter[1]:
				rc = append(rc, c)
			default:
				crosses = true
			}
		}
		if crosses {
			parts = append(parts, part{line: mk(l, l.chars), full: true})
			continue
		}
		if len(lc) > 0 {
			parts = append(parts, part{line: mk(l, lc)})
		}
		if len(rc) > 0 {
			parts = append(parts, part{line: mk(l, rc), right: true})
		}
	}
	// Reading order: full-width lines in place; between them, the left
	// column and then the right one.
	var order []part
	var left, right []part
	flush := func() {
		order = append(order, left...)
		order = append(order, right...)
		left, right = nil, nil
	}
	for _, pt := range parts {
		switch {
		case pt.full:
			flush()
			order = append(order, pt)
		case pt.right:
			right = append(right, pt)
		default:
			left = append(left, pt)
		}
	}
	flush()
	var blk []layoutLine
	for i, pt := range order {
		if i > 0 {
			prev := order[i-1]
			if prev.right != pt.right || prev.full != pt.full || paragraphBreak(prev.line, pt.line) || pt.line.top < prev.line.top {
				lp.blocks = append(lp.blocks, blk)
				blk = nil
			}
		}
		blk = append(blk, pt.line)
	}
	if len(blk) > 0 {
		lp.blocks = append(lp.blocks, blk)
	}
	return lp
}

// contentSize inflates a page's content streams, without keeping them, up
// to max bytes; over reports that there is more.
func contentSize(p pdf.Page, max int64) (n int64, over bool) {
	c := p.V.Key("Contents")
	streams := []pdf.Value{c}
	if c.Kind() == pdf.Array {
		streams = streams[:0]
		for i := 0; i < c.Len() && i < 10_000; i++ {
			streams = append(streams, c.Index(i))
		}
	}
	for _, st := range streams {
		if st.Kind() != pdf.Stream {
			continue
		}
		rc := st.Reader()
		m, _ := io.Copy(io.Discard, io.LimitReader(rc, max-n+1))
		rc.Close()
		n += m
		if n > max {
			return n, true
		}
	}
	return n, false
}

// flat makes a library's message one short line.
func flat(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:159]) + "…"
	}
	return s
}

// inherited looks key up in a page dictionary and its ancestors.
func inherited(v pdf.Value, key string) pdf.Value {
	for depth := 0; depth <= maxPageTree && !v.IsNull(); depth++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// findGutter looks for a vertical strip in the middle of the text that
// most lines leave empty: the space between two columns. It returns the
// strip's left and right x.
func findGutter[L any](lines []L, chars func(L) []pdf.Text) ([2]float64, bool) {
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for _, c := range chars(l) {
			minX, maxX = min(minX, c.X), max(maxX, c.X+c.W)
		}
	}
	width := maxX - minX
	if len(lines) < 4 || width <= 0 || math.IsInf(width, 0) {
		return [2]float64{}, false
	}
	const bin = 2.0
	n := int(width/bin) + 1
	cover := make([]int, n)
	for _, l := range lines {
		used := make([]bool, n)
		for _, c := range chars(l) {
			a, b := int((c.X-minX)/bin), int((c.X+c.W-minX)/bin)
			for k := max(a, 0); k <= b && k < n; k++ {
				used[k] = true
			}
		}
		for k, u := range used {
			if u {
				cover[k]++
			}
		}
	}
	// The widest run of bins crossed by at most a tenth of the lines,
	// between 30% and 70% of the text's width.
	limit := len(lines) / 10
	best, bestStart, run := 0, 0, 0
	for k := int(0.3 * float64(n)); k < int(0.7*float64(n)); k++ {
		if cover[k] <= limit {
			run++
			if run > best {
				best, bestStart = run, k-run+1
			}
		} else {
			run = 0
		}
	}
	if float64(best)*bin < 8 {
		return [2]float64{}, false
	}
	return [2]float64{minX + float64(bestStart)*bin, minX + float64(bestStart+best)*bin}, true
}
