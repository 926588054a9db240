package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/model"
)

// maxXMLRatio bounds the XML of a Word file read, as a multiple of the
// size limit: a ZIP archive can hold far more than its own size.
const maxXMLRatio = 10

const relOfficeDocument = "/officeDocument"

// docxMain returns the main document part of a Word file: the target of
// the package's officeDocument relationship, else word/document.xml; nil
// when there is none.
func docxMain(zr *zip.Reader) *zip.File {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	if rels := files["_rels/.rels"]; rels != nil && rels.UncompressedSize64 < 1<<20 {
		if rc, err := rels.Open(); err == nil {
			var r struct {
				Rel []struct {
					Type   string `xml:"Type,attr"`
					Target string `xml:"Target,attr"`
				} `xml:"Relationship"`
			}
			err := xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&r)
			rc.Close()
			if err == nil {
				for _, rel := range r.Rel {
					if strings.HasSuffix(rel.Type, relOfficeDocument) {
						if f := files[strings.TrimPrefix(path.Clean("/"+rel.Target), "/")]; f != nil {
							return f
						}
					}
				}
			}
		}
	}
	return files["word/document.xml"]
}

// parseDOCX reads a Word file (a ZIP archive of XML parts): paragraphs
// and headings each a paragraph of the text, tables one line per row with
// cells separated by tabs, tracked deletions and field codes left out;
// then the title, author and creation date of its core properties.
func parseDOCX(name string, data []byte, opt Options, v *Vocab) (*model.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("damaged Word file: its ZIP structure cannot be read; not ingested")
	}
	main := docxMain(zr)
	if main == nil {
		return nil, errors.New("not a Word document: the archive has no word/document.xml; not ingested")
	}
	maxText := opt.maxSize()
	maxXML := maxText * maxXMLRatio
	if main.UncompressedSize64 > uint64(maxXML) {
		return nil, fmt.Errorf("its text is over the size limit of %s; not ingested", humanSize(maxText))
	}
	rc, err := main.Open()
	if err != nil {
		return nil, fmt.Errorf("damaged Word file (%s); not ingested", flat(err.Error()))
	}
	text, err := docxText(io.LimitReader(rc, maxXML), maxText)
	rc.Close()
	if err != nil {
		return nil, err
	}
	if strings.TrimFunc(text, isSpaceOrBOM) == "" {
		return nil, errors.New("no text found in this Word file, not ingested")
	}
	d := parseText(name, text, "docx", v)
	d.Extraction = model.ExtractDOCX
	for _, f := range zr.File {
		if f.Name == "docProps/core.xml" {
			if m, err := docxCore(f); err == nil {
				applyDocMeta(d, m, "the Word file's properties", v)
			} else {
				d.Warnings = append(d.Warnings, "the Word file's properties cannot be read: "+err.Error())
			}
		}
	}
	return d, nil
}

// docxText reads the body of word/document.xml as text.
func docxText(r io.Reader, maxText int64) (string, error) {
	dec := xml.NewDecoder(r)
	var (
		b                    strings.Builder
		para                 strings.Builder
		inText               bool
		skip                 int // depth inside parts whose text is not shown
		tableDepth           int
		row                  []string
		cell                 strings.Builder
		inCell               bool
		cellParas            int
		wroteTable, inHidden bool
		inRun                bool
		outer                []string // paragraphs around a text box's paragraph
	)
	para.Grow(256)
	emit := func(s string) error {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
		if int64(b.Len()) > maxText {
			return errTooMuchText{maxText}
		}
		return nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("damaged Word file: its document part does not parse (%s); not ingested", flat(err.Error()))
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch e.Name.Local {
			case "delText", "instrText", "Fallback", "footnoteReference", "endnoteReference", "commentReference":
				// Deleted text, field codes, the fallback copy of a text
				// box: not what the reader sees.
				skip = 1
			case "del":
				skip = 1
			case "vanish":
				// Hidden text, when the property is on a run.
				if inRun {
					inHidden = true
					for _, a := range e.Attr {
						if a.Name.Local == "val" && (a.Value == "0" || a.Value == "false" || a.Value == "off") {
							inHidden = false
						}
					}
				}
			case "r":
				inRun = true
			case "t":
				inText = true
			case "tab", "ptab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "noBreakHyphen":
				para.WriteByte('-')
			case "p":
				outer = append(outer, para.String())
				para.Reset()
			case "tbl":
				tableDepth++
				if tableDepth == 1 {
					wroteTable = false
				}
			case "tr":
				if tableDepth == 1 {
					row = row[:0]
				}
			case "tc":
				if tableDepth == 1 {
					inCell = true
					cell.Reset()
					cellParas = 0
				}
			}
		case xml.CharData:
			if skip == 0 && inText && !inHidden {
				para.Write(e)
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch e.Name.Local {
			case "t":
				inText = false
			case "r":
				inRun, inHidden = false, false
			case "p":
				s := docxClean(para.String())
				para.Reset()
				if n := len(outer); n > 0 {
					para.WriteString(outer[n-1])
					outer = outer[:n-1]
				}
				if inCell {
					if strings.TrimSpace(s) != "" {
						if cellParas > 0 {
							cell.WriteByte(' ')
						}
						cell.WriteString(strings.Join(strings.Fields(s), " "))
						cellParas++
					}
					continue
				}
				if err := emit(s); err != nil {
					return "", err
				}
			case "tc":
				if tableDepth == 1 {
					inCell = false
					row = append(row, cell.String())
				}
			case "tr":
				if tableDepth == 1 {
					line := strings.TrimRight(strings.Join(row, "\t"), "\t")
					if strings.TrimSpace(line) == "" {
						continue
					}
					// The rows of a table are lines of one paragraph.
					if wroteTable {
						b.WriteString("\n")
						b.WriteString(line)
						if int64(b.Len()) > maxText {
							return "", errTooMuchText{maxText}
						}
					} else if err := emit(line); err != nil {
						return "", err
					}
					wroteTable = true
				}
			case "tbl":
				tableDepth--
			}
		}
	}
	return b.String(), nil
}

// docxClean keeps a paragraph's text to what a text file may hold.
func docxClean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r == '\r' || r == '\uFEFF':
			return -1
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// docxCore reads the title, creator and creation date of
// docProps/core.xml.
func docxCore(f *zip.File) (docMeta, error) {
	var m docMeta
	if f.UncompressedSize64 > 1<<20 {
		return m, errors.New("docProps/core.xml is over 1 MB")
	}
	rc, err := f.Open()
	if err != nil {
		return m, err
	}
	defer rc.Close()
	var core struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
		Created string `xml:"created"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&core); err != nil {
		return m, fmt.Errorf("does not parse (%s)", flat(err.Error()))
	}
	return docMeta{title: core.Title, author: core.Creator, created: core.Created}, nil
}
