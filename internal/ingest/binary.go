package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"path/filepath"
	"strings"
)

// binaryFormat is a binary document format that ingest reads.
type binaryFormat int

const (
	binaryNone binaryFormat = iota
	binaryPDF
	binaryDOCX
)

// pdfHeaderWindow is how far into a file a PDF header may start: the
// format allows bytes before it, and readers accept it within the first
// kilobyte.
const pdfHeaderWindow = 1024

// sniffBinary recognises the binary formats ingest reads, by their
// content; it runs before the checks for text, which would refuse them.
// A file named .pdf or .docx that is not one is an error: reading it as
// text would store garbage.
func sniffBinary(name string, data []byte) (binaryFormat, error) {
	ext := strings.ToLower(filepath.Ext(name))
	head := data[:min(len(data), pdfHeaderWindow)]
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return binaryPDF, nil
	case ext == ".pdf" && bytes.Contains(head, []byte("%PDF-")):
		return binaryPDF, nil
	case ext == ".pdf" && len(data) > 0:
		return binaryNone, errors.New("not a PDF file: no %PDF- header at its start; not ingested")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if isWordExt(ext) {
				return binaryNone, errors.New("damaged Word file: its ZIP structure cannot be read; not ingested")
			}
			return binaryNone, nil // refused as a ZIP archive by checkContent
		}
		if docxMain(zr) != nil {
			return binaryDOCX, nil
		}
		if isWordExt(ext) {
			return binaryNone, errors.New("not a Word document: the archive has no word/document.xml; not ingested")
		}
	case isWordExt(ext) && len(data) > 0 && !bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return binaryNone, errors.New("not a Word (.docx) file: it is not a ZIP archive; not ingested")
	}
	return binaryNone, nil
}

func isWordExt(ext string) bool {
	switch ext {
	case ".docx", ".docm", ".dotx", ".dotm":
		return true
	}
	return false
}
