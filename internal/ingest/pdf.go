package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-project/dossier/internal/model"
)

// noteBuiltinReader is the warning a PDF read without poppler-utils gets.
const noteBuiltinReader = "poppler-utils is not installed: the text was read by the built-in PDF reader, whose reading order may be rougher (install poppler-utils for pdftotext)"

// parsePDF reads a PDF: its text page by page in reading order, with the
// page of every byte offset (Document.Pages), and the title, author and
// creation date of its info dictionary. pdftotext does the reading when
// installed, else the built-in reader. Pages without a text layer are
// read by OCR (pdftoppm, then tesseract) when tesseract is installed;
// a PDF with no text layer at all is refused otherwise. path is the file
// on disk, or "" when only data is at hand (it is then written to a
// temporary file for the programs that need one).
func parsePDF(ctx context.Context, name, path string, data []byte, opt Options, v *Vocab) (*model.Document, error) {
	t := opt.tools()
	maxText := opt.maxSize()
	var tmpDir string
	defer func() {
		if tmpDir != "" {
			_ = os.RemoveAll(tmpDir) // temporary files only
		}
	}()
	file := path
	needDir := func() error {
		if tmpDir != "" {
			return nil
		}
		var err error
		if tmpDir, err = os.MkdirTemp("", "dossier-pdf-*"); err != nil {
			return fmt.Errorf("cannot make a temporary directory: %w", err)
		}
		return nil
	}
	needFile := func() error {
		if file != "" {
			return nil
		}
		if err := needDir(); err != nil {
			return err
		}
		file = filepath.Join(tmpDir, "in.pdf")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			return fmt.Errorf("cannot write a temporary file: %w", err)
		}
		return nil
	}

	var (
		pages      []layoutPage
		meta       docMeta
		err        error
		extraction = model.ExtractPdftotext
		warnings   []string
	)
	if t.PDFToText != "" {
		if err := needFile(); err != nil {
			return nil, err
		}
		pages, meta, err = popplerPages(ctx, t, file, maxText)
	} else {
		extraction = model.ExtractPDFReader
		pages, meta, err = readerWithin(ctx, t.timeout(), data, maxText)
		warnings = append(warnings, noteBuiltinReader)
	}
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errNoPages
	}

	var blank []int
	for i, p := range pages {
		if p.empty() {
			blank = append(blank, i+1)
		}
	}
	var ocrd []int
	switch {
	case len(blank) == 0:
	case !t.CanOCR() && len(blank) == len(pages):
		return nil, noTextLayer(t)
	case !t.CanOCR():
		warnings = append(warnings, fmt.Sprintf("%s no text (blank, or scanned: install tesseract-ocr to read scanned pages)", pageList(blank, "has", "have")))
	default:
		if err := needFile(); err != nil {
			return nil, err
		}
		if err := needDir(); err != nil {
			return nil, err
		}
		var read int64
		for _, n := range blank {
			lp, err := ocrPage(ctx, t, file, n, tmpDir)
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				return nil, fmt.Errorf("page %d has no text layer and OCR failed (%v); not ingested", n, err)
			}
			if !lp.empty() {
				pages[n-1] = lp
				ocrd = append(ocrd, n)
				for _, b := range lp.blocks {
					for _, l := range b {
						read += int64(len(l.text) + 1)
					}
				}
				if read > maxText {
					return nil, errTooMuchText{maxText}
				}
			}
		}
		switch {
		case len(ocrd) == 0 && len(blank) == len(pages):
			return nil, errors.New("no text layer, and OCR found no text on its pages; not ingested")
		case len(ocrd) == len(pages):
			extraction = model.ExtractOCR
		}
		if len(ocrd) > 0 {
			warnings = append(warnings, fmt.Sprintf("%s read by OCR (tesseract): words may be misread; check quotes against the page images", pageList(ocrd, "was", "were")))
		}
	}

	text, starts := assemble(pages, v)
	if strings.TrimFunc(text, isSpaceOrBOM) == "" {
		return nil, errors.New("no text found in this PDF, not ingested")
	}
	if int64(len(text)) > maxText {
		return nil, errTooMuchText{maxText}
	}
	d := parseText(name, text, "pdf", v)
	d.Pages, d.OCRPages, d.Extraction = starts, ocrd, extraction
	d.Warnings = append(d.Warnings, warnings...)
	applyDocMeta(d, meta, "the PDF's document properties", v)
	return d, nil
}

func noTextLayer(t Tools) error {
	if t.PDFToPPM == "" && t.Tesseract == "" {
		return errors.New("no text layer: scanned? install poppler-utils and tesseract-ocr for OCR")
	}
	if t.PDFToPPM == "" {
		return errors.New("no text layer: scanned? install poppler-utils for OCR")
	}
	return errors.New("no text layer: scanned? install tesseract-ocr for OCR")
}

// pageList names pages for people, with the verb that follows in the
// right number: pageList([]int{3}, "has", "have") is "page 3 has".
func pageList(pages []int, one, many string) string {
	if len(pages) == 1 {
		return "page " + strconv.Itoa(pages[0]) + " " + one
	}
	s := make([]string, len(pages))
	for i, p := range pages {
		s[i] = strconv.Itoa(p)
	}
	if len(s) > 12 {
		return fmt.Sprintf("pages %s … (%d in all) %s", strings.Join(s[:10], ", "), len(pages), many)
	}
	return "pages " + strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1] + " " + many
}

var (
	rxFileName = regexp.MustCompile(`(?i)(?:\.(?:docx?|dotx?|pdf|rtf|odt|txt|indd|pages|wpd|xlsx?|pptx?|html?|tex|ps)$|[\\/])`)
	// "D:20240611190000+02'00'", "2024-06-11T19:00:00Z", "2024-06-11".
	rxMetaDate = regexp.MustCompile(`^(?:D:)?([0-9]{4})-?([0-9]{2})-?([0-9]{2})`)
)

// plausibleTitle returns the title of a file's properties when it is one
// a person wrote: not a file name, not a word processor's placeholder
// (data/ingest/placeholder-titles.txt).
func plausibleTitle(s string, v *Vocab) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 300 || rxFileName.MatchString(s) || !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	low := strings.ToLower(s)
	for _, p := range v.PlaceholderTitles {
		if prefix, ok := strings.CutSuffix(p, "*"); ok {
			if strings.HasPrefix(low, strings.ToLower(prefix)) {
				return ""
			}
		} else if low == strings.ToLower(p) {
			return ""
		}
	}
	return s
}

// metaDate reads the date of a creation timestamp as written (the
// creator's local date); dates before PDF existed are clock errors.
func metaDate(s string) (time.Time, bool) {
	m := rxMetaDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := dateOnly(y, mo, d)
	if y < 1993 || t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// applyDocMeta lays a file's own properties (PDF info dictionary, Word
// core properties) under what the text says: a plausible title wins
// over the text's first line, as a web page's title does; the author is
// used when the text has no byline; the creation date when the text
// states no date of its own. Explicit metadata (sidecar, flags) is laid
// over all of this afterwards.
func applyDocMeta(d *model.Document, m docMeta, what string, v *Vocab) {
	if t := plausibleTitle(m.title, v); t != "" {
		d.Title = t
	}
	if len(d.Authors) == 0 && strings.TrimSpace(m.author) != "" {
		var people []string
		for _, part := range strings.FieldsFunc(m.author, func(r rune) bool { return r == ';' || r == '&' }) {
			for _, name := range splitAnd(strings.TrimSpace(part)) {
				if looksPersonName(name, v) && !looksOrg(name, v) {
					people = append(people, name)
				}
			}
		}
		switch a := strings.Join(strings.Fields(m.author), " "); {
		case len(people) > 0:
			d.Authors = people
		case d.Publisher == "" && looksOrg(a, v) && titleCase(a, v):
			d.Publisher = a
		}
	}
	if d.Date.IsZero() {
		if t, ok := metaDate(m.created); ok {
			d.Date, d.DateSource = t, model.DateFromMeta
			d.DateReason = fmt.Sprintf("the creation date in %s (%s); the text states no date of its own", what, t.Format("2006-01-02"))
		}
	}
}
