package testdoc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// Paragraph is a paragraph of a Word file: its style ("Title",
// "Heading1", "" for body text) and text, where "\t" is a tab and "\n" a
// line break. Deleted is text struck out as a tracked change after it,
// Hidden text formatted as hidden; neither is what a reader sees.
type Paragraph struct {
	Style, Text     string
	Deleted, Hidden string
}

// Table is a table of a Word file: rows of cells of text.
type Table struct {
	Rows [][]string
}

// DOCX describes a Word file: its body (Paragraphs and Tables in order)
// and its core properties.
type DOCX struct {
	Body                     []any
	Title, Creator, Created  string // Created: "2024-06-11T19:00:00Z"
	NoMainPart, OnlyDocument bool   // damage: no word/document.xml; no relationships
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func runs(text string) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<w:r><w:br/></w:r>")
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("<w:r><w:tab/></w:r>")
			}
			if part != "" {
				fmt.Fprintf(&b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, esc(part))
			}
		}
	}
	return b.String()
}

func (p Paragraph) xml() string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if p.Style != "" {
		// Word hides the paragraph marks of some styled paragraphs; the
		// text itself stays visible.
		fmt.Fprintf(&b, `<w:pPr><w:pStyle w:val="%s"/><w:rPr><w:vanish/></w:rPr></w:pPr>`, esc(p.Style))
	}
	b.WriteString(runs(p.Text))
	if p.Deleted != "" {
		fmt.Fprintf(&b, `<w:del w:id="1" w:author="Editor"><w:r><w:delText>%s</w:delText></w:r></w:del>`, esc(p.Deleted))
	}
	if p.Hidden != "" {
		fmt.Fprintf(&b, `<w:r><w:rPr><w:vanish/></w:rPr><w:t>%s</w:t></w:r>`, esc(p.Hidden))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// Bytes writes the Word file.
func (d DOCX) Bytes() []byte {
	var body strings.Builder
	for _, blk := range d.Body {
		switch x := blk.(type) {
		case Paragraph:
			body.WriteString(x.xml())
		case Table:
			body.WriteString("<w:tbl>")
			for _, row := range x.Rows {
				body.WriteString("<w:tr>")
				for _, c := range row {
					body.WriteString("<w:tc>" + Paragraph{Text: c}.xml() + "</w:tc>")
				}
				body.WriteString("</w:tr>")
			}
			body.WriteString("</w:tbl>")
		}
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`
	core := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title><dc:creator>%s</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created></cp:coreProperties>`, esc(d.Title), esc(d.Creator), esc(d.Created))
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", core},
	}
	if d.OnlyDocument {
		parts = nil
	}
	if !d.NoMainPart {
		parts = append(parts, [2]string{"word/document.xml", doc})
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			panic(err)
		}
		_, _ = w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}
