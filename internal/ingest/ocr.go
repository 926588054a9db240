package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ocrDPI is the resolution at which a scanned page is rendered for OCR:
// tesseract reads best at about 300 dots per inch.
const ocrDPI = 300

// maxOCROutput bounds tesseract's output for one page.
const maxOCROutput = 16 << 20

// ocrPage renders page n (from 1) of the PDF file with pdftoppm and reads
// it with tesseract, as blocks and lines in tesseract's reading order.
// Images go to dir and are removed when read.
func ocrPage(ctx context.Context, t Tools, file string, n int, dir string) (layoutPage, error) {
	prefix := filepath.Join(dir, "page-"+strconv.Itoa(n))
	img := prefix + ".png"
	defer os.Remove(img)
	ns := strconv.Itoa(n)
	_, stderr, err := t.runTool(ctx, t.PDFToPPM, []string{"-r", strconv.Itoa(ocrDPI), "-gray", "-png", "-f", ns, "-l", ns, "-singlefile", file, prefix}, 1<<16)
	if err != nil {
		return layoutPage{}, toolError("pdftoppm", t, err, stderr)
	}
	// tesseract's OpenMP threads spin while they wait: on a busy machine
	// one thread reads a page two to three times faster. A limit the user
	// set is kept.
	var env []string
	if os.Getenv("OMP_THREAD_LIMIT") == "" {
		env = append(env, "OMP_THREAD_LIMIT=1")
	}
	out, stderr, err := t.runTool(ctx, t.Tesseract, []string{img, "stdout", "-l", t.ocrLanguage(), "tsv"}, maxOCROutput, env...)
	if err != nil {
		return layoutPage{}, toolError("tesseract", t, err, stderr)
	}
	return readTSV(out), nil
}

func toolError(prog string, t Tools, err error, stderr []string) error {
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, errToolTimeout):
		return fmt.Errorf("%s took longer than %s", prog, t.timeout())
	}
	if len(stderr) > 0 {
		return fmt.Errorf("%s failed: %s", prog, flat(stderr[len(stderr)-1]))
	}
	return fmt.Errorf("%s failed: %s", prog, flat(err.Error()))
}

// readTSV reads tesseract's TSV output: level 1 is the page (its size),
// level 4 a line (its box), level 5 a word; blocks and paragraphs number
// the lines' groups.
func readTSV(out []byte) layoutPage {
	var p layoutPage
	type key struct{ block, par int }
	var cur key
	var line *layoutLine
	var words []string
	flush := func() {
		if line != nil && len(words) > 0 {
			line.text = strings.Join(words, " ")
			p.blocks[len(p.blocks)-1] = append(p.blocks[len(p.blocks)-1], *line)
		}
		line, words = nil, nil
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 {
			continue
		}
		level, err := strconv.Atoi(f[0])
		if err != nil {
			continue // the header
		}
		num := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v }
		block, _ := strconv.Atoi(f[2])
		par, _ := strconv.Atoi(f[3])
		left, top, width, height := num(6), num(7), num(8), num(9)
		switch level {
		case 1:
			p.width, p.height = width, height
		case 4:
			flush()
			if k := (key{block, par}); k != cur || len(p.blocks) == 0 {
				cur = k
				p.blocks = append(p.blocks, nil)
			}
			line = &layoutLine{left: left, top: top, right: left + width, bottom: top + height}
		case 5:
			if w := strings.TrimSpace(f[11]); w != "" && line != nil {
				words = append(words, w)
			}
		}
	}
	flush()
	// Blocks left without lines are dropped.
	blocks := p.blocks[:0]
	for _, b := range p.blocks {
		if len(b) > 0 {
			blocks = append(blocks, b)
		}
	}
	p.blocks = blocks
	return p
}
