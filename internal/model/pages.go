package model

// Ways a document's text was obtained (Document.Extraction), for the
// formats whose text is not the file itself.
const (
	// ExtractPdftotext: the PDF's text layer read by pdftotext
	// (poppler-utils), in reading order.
	ExtractPdftotext = "pdftotext"
	// ExtractPDFReader: the PDF's text layer read by dossier's built-in
	// reader, used when poppler-utils is not installed; the reading
	// order of complex layouts may be rougher.
	ExtractPDFReader = "pdf-reader"
	// ExtractOCR: every page of a PDF without a text layer read by
	// optical character recognition (tesseract); see Document.OCRPages.
	ExtractOCR = "ocr"
	// ExtractDOCX: the paragraphs, headings and tables of a Word file.
	ExtractDOCX = "docx"
)

// PageAt returns the 1-based page on which byte offset off lies, given
// the byte offsets at which the pages start (starts[0] is 0, in
// increasing order), or 0 when there are no pages. An offset before the
// first start is on page 1, one past the last start on the last page.
func PageAt(starts []int, off int) int {
	if len(starts) == 0 {
		return 0
	}
	// The last start <= off, by binary search.
	lo, hi := 0, len(starts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if starts[mid] <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return 1
	}
	return lo
}

// PageOf returns the 1-based page of byte offset off of the document's
// text, or 0 when the document has no pages.
func (d *Document) PageOf(off int) int { return PageAt(d.Pages, off) }

// PageCount is the number of pages, 0 for a document without pages.
func (d *Document) PageCount() int { return len(d.Pages) }

// OCRAt reports whether any of the bytes [start, end) of the text were
// read by OCR.
func (d *Document) OCRAt(start, end int) bool {
	if len(d.OCRPages) == 0 {
		return false
	}
	if end <= start {
		end = start + 1
	}
	first, last := d.PageOf(start), d.PageOf(end-1)
	for _, p := range d.OCRPages {
		if p >= first && p <= last {
			return true
		}
	}
	return false
}

// WithPages returns e with the pages of its span set from the page starts
// of its document: Page for the first byte, PageEnd for the last when it
// is on a later page. Without page starts, e is returned unchanged.
func (e Evidence) WithPages(starts []int) Evidence {
	if len(starts) == 0 {
		return e
	}
	e.Page = PageAt(starts, e.Start)
	e.PageEnd = 0
	if e.End > e.Start {
		if last := PageAt(starts, e.End-1); last > e.Page {
			e.PageEnd = last
		}
	}
	return e
}
