package ingest

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// docMeta is what a PDF's info dictionary or a Word file's core
// properties say about the document.
type docMeta struct {
	title, author, created string
}

// errTooMuchText is returned when a file's text is over the size limit.
type errTooMuchText struct{ max int64 }

func (e errTooMuchText) Error() string {
	return fmt.Sprintf("its text is over the size limit of %s; not ingested", humanSize(e.max))
}

// popplerPages reads a PDF's pages with pdftotext -bbox-layout, which
// gives the text in reading order (columns one after the other) as
// flows, blocks, lines and words with their boxes, and the info
// dictionary in the head. The output is read as it comes, and the run is
// stopped when the text goes over maxText bytes.
func popplerPages(ctx context.Context, t Tools, file string, maxText int64) ([]layoutPage, docMeta, error) {
	run, out, err := t.start(ctx, t.PDFToText, []string{"-bbox-layout", "-enc", "UTF-8", file, "-"}, nil)
	if errors.Is(err, errToolTimeout) {
		return nil, docMeta{}, fmt.Errorf("reading its text took longer than %s; not ingested", t.timeout())
	}
	if err != nil {
		return nil, docMeta{}, err
	}
	pages, meta, rerr := readBBox(out, maxText)
	if rerr != nil {
		run.cancel() // stop the program; its output is no longer read
		_, _ = io.Copy(io.Discard, out)
	}
	werr := run.wait(ctx)
	switch {
	case ctx.Err() != nil:
		return nil, docMeta{}, ctx.Err()
	case errors.Is(werr, errToolTimeout):
		return nil, docMeta{}, fmt.Errorf("reading its text took longer than %s; not ingested", t.timeout())
	case rerr != nil && errors.As(rerr, new(errTooMuchText)):
		return nil, docMeta{}, rerr
	case werr != nil:
		return nil, docMeta{}, popplerError(werr, run.stderrLines())
	case rerr != nil:
		return nil, docMeta{}, fmt.Errorf("cannot read pdftotext's output (%s); not ingested", flat(rerr.Error()))
	}
	return pages, meta, nil
}

// popplerError says in the user's words why pdftotext failed.
func popplerError(err error, stderr []string) error {
	all := strings.ToLower(strings.Join(stderr, "\n"))
	switch {
	case strings.Contains(all, "incorrect password"):
		return errEncrypted
	case strings.Contains(all, "page count 0") || strings.Contains(all, "wrong page range"):
		return errNoPages
	}
	var ee interface{ ExitCode() int }
	if errors.As(err, &ee) && ee.ExitCode() == 3 {
		return errors.New("its permissions do not allow copying its text; not ingested")
	}
	why := ""
	for _, l := range stderr {
		l = strings.TrimPrefix(strings.TrimPrefix(l, "Syntax Error: "), "Internal Error: ")
		if why == "" || strings.Contains(strings.ToLower(l), "xref") {
			why = l
		}
	}
	if why == "" {
		why = err.Error()
	}
	return fmt.Errorf("damaged PDF, not ingested (pdftotext: %s)", flat(strings.TrimSuffix(why, ".")))
}

var (
	errEncrypted = errors.New("encrypted PDF: it needs a password to open; not ingested")
	errNoPages   = errors.New("PDF with no pages, not ingested")
)

// readBBox reads the XHTML that pdftotext -bbox-layout writes.
func readBBox(r io.Reader, maxText int64) ([]layoutPage, docMeta, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.AutoClose = xml.HTMLAutoClose
	var (
		pages  []layoutPage
		meta   docMeta
		line   *layoutLine
		words  []string
		inWord bool
		word   strings.Builder
		inHead bool
		title  strings.Builder
		total  int64
	)
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	num := func(e xml.StartElement, name string) float64 {
		f, _ := strconv.ParseFloat(attr(e, name), 64)
		return f
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, meta, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "title":
				inHead = true
			case "meta":
				switch attr(e, "name") {
				case "Author":
					meta.author = attr(e, "content")
				case "CreationDate":
					meta.created = attr(e, "content")
				}
			case "page":
				pages = append(pages, layoutPage{width: num(e, "width"), height: num(e, "height")})
			case "block":
				if len(pages) > 0 {
					p := &pages[len(pages)-1]
					p.blocks = append(p.blocks, nil)
				}
			case "line":
				line = &layoutLine{left: num(e, "xMin"), top: num(e, "yMin"), right: num(e, "xMax"), bottom: num(e, "yMax")}
				words = words[:0]
			case "word":
				inWord = true
				word.Reset()
			}
		case xml.CharData:
			switch {
			case inWord:
				word.Write(e)
			case inHead:
				title.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "title":
				inHead = false
				meta.title = strings.TrimSpace(title.String())
			case "word":
				inWord = false
				if w := word.String(); w != "" {
					words = append(words, w)
					total += int64(len(w) + 1)
					if total > maxText {
						return nil, meta, errTooMuchText{maxText}
					}
				}
			case "line":
				if line != nil && len(pages) > 0 {
					p := &pages[len(pages)-1]
					if len(p.blocks) == 0 {
						p.blocks = append(p.blocks, nil)
					}
					line.text = strings.Join(words, " ")
					p.blocks[len(p.blocks)-1] = append(p.blocks[len(p.blocks)-1], *line)
				}
				line = nil
			}
		}
	}
	return pages, meta, nil
}
