package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

const sniffLen = 8 << 10

type magic struct {
	prefix string
	what   string
}

// Signatures of common binary formats that ingest does not read, with
// advice where there is some. PDF and Word files are recognised before
// these checks (sniffBinary).
var magics = []magic{
	{"PK\x03\x04", "ZIP archive, or an ODT or EPUB file, which are ZIP archives; extract its text first"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\x1f\x8b", "gzip-compressed file; decompress it first"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office file (DOC/XLS), or a password-protected Office file; save it as DOCX without a password, or as text"},
	{"{\\rtf", "RTF file; convert it to plain text first"},
}

// checkContent refuses what is not a text document: binary files, text
// in another encoding than UTF-8, empty files.
func checkContent(data []byte) error {
	if len(data) == 0 {
		return errors.New("empty file, not ingested")
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return fmt.Errorf("binary file (%s), not ingested", m.what)
		}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return errors.New("UTF-16 text, not ingested; convert it to UTF-8 first")
	}
	head := data
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("binary file (NUL byte at offset %d), not ingested", i)
	}
	ctl := 0
	for _, b := range head {
		if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v') || b == 0x7f {
			ctl++
		}
	}
	if ctl > 8 && ctl*10 > len(head) {
		return fmt.Errorf("binary file (%d control bytes in the first %d bytes), not ingested", ctl, len(head))
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		return fmt.Errorf("not valid UTF-8 (first bad byte 0x%02X at offset %d); convert it to UTF-8 first", data[off], off)
	}
	if len(bytes.TrimFunc(data, isSpaceOrBOM)) == 0 {
		return errors.New("file has only whitespace, not ingested")
	}
	return nil
}

func isSpaceOrBOM(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// normalise strips a UTF-8 byte order mark, turns CRLF and CR line ends
// into LF and repairs text encoded twice (repairDoubleEncoding). Nothing
// else changes.
func normalise(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, '\r') < 0 {
		return repairDoubleEncoding(string(data))
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return repairDoubleEncoding(strings.ReplaceAll(s, "\r", "\n"))
}

type format int

const (
	formatText format = iota
	formatMarkdown
	formatHTML
	formatFeed
	// formatAuto asks parse to detect the format.
	formatAuto format = -1
)

// detectFormat decides by extension, and by content for other names.
func detectFormat(name, text string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return formatText
	case ".md", ".markdown", ".mdown", ".mkd":
		return formatMarkdown
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".rss", ".atom":
		return formatFeed
	case ".xml":
		head := strings.ToLower(firstN(text, 2048))
		if strings.Contains(head, "<html") && !strings.Contains(head, "<rss") && !strings.Contains(head, "<feed") {
			return formatHTML
		}
		return formatFeed
	}
	head := strings.ToLower(strings.TrimSpace(firstN(text, 1024)))
	switch {
	case strings.HasPrefix(head, "<?xml") || strings.HasPrefix(head, "<rss") || strings.HasPrefix(head, "<feed") || strings.HasPrefix(head, "<rdf"):
		if strings.Contains(head, "<rss") || strings.Contains(head, "<feed") || strings.Contains(head, "<rdf:rdf") {
			return formatFeed
		}
		if strings.Contains(head, "<html") {
			return formatHTML
		}
		return formatFeed
	case strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<head") || strings.HasPrefix(head, "<body"):
		return formatHTML
	}
	return formatText
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
