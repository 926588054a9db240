package ingest

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dossier-project/dossier/internal/model"
)

var errNoHTMLText = errors.New("no readable text found in HTML")

// parseHTML extracts the main text of a web page with trafilatura and
// reads its metadata. The date comes only from the page's metadata (meta
// tags, JSON-LD), never from a guess over the page text.
func parseHTML(name, src string, v *Vocab) (*model.Document, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, errors.New("HTML does not parse: " + err.Error())
	}
	date, dateWhat := htmlMetaDate(root, v)
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		Focus:           trafilatura.Balanced,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, errNoHTMLText
	}
	text := blockText(res.ContentNode)
	md := res.Metadata
	// Fallback extraction of an empty page can return just its title.
	if len(strings.Fields(text)) < 3 || oneSpace(text) == oneSpace(md.Title) {
		return nil, errNoHTMLText
	}
	d := &model.Document{
		Path:      name,
		Format:    "html",
		Text:      text,
		Title:     oneSpace(md.Title),
		URL:       md.URL,
		Publisher: oneSpace(md.Sitename),
		Site:      md.Hostname,
	}
	for _, a := range strings.Split(md.Author, ";") {
		if a = oneSpace(a); a != "" {
			d.Authors = append(d.Authors, a)
		}
	}
	if !date.IsZero() {
		d.Date, d.DateSource = date, model.DateFromMeta
		d.DateReason = "stated in the page metadata (" + dateWhat + ")"
	}
	readText(d, v)
	return d, nil
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// htmlTextFallback turns an HTML fragment into text without trafilatura:
// for feed items, whose content is a fragment too small for main-text
// extraction.
func htmlFragmentText(src string) string {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	body := findElement(root, atom.Body)
	if body == nil {
		body = root
	}
	return blockText(body)
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// blockText walks a node tree and writes one paragraph per block element,
// paragraphs joined by a blank line. Runs of white space inside a
// paragraph become one space, as a browser shows them; <br> is a line
// break.
func blockText(n *html.Node) string {
	w := &blockWriter{}
	w.walk(n)
	w.flush()
	return strings.Join(w.paras, "\n\n")
}

type blockWriter struct {
	paras []string
	cur   strings.Builder
}

func (w *blockWriter) flush() {
	lines := strings.Split(w.cur.String(), "\n")
	var keep []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			keep = append(keep, l)
		}
	}
	if len(keep) > 0 {
		w.paras = append(w.paras, strings.Join(keep, "\n"))
	}
	w.cur.Reset()
}

func (w *blockWriter) text(s string) {
	for _, f := range strings.FieldsFunc(s, isHTMLSpace) {
		if w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), "\n") && !strings.HasSuffix(w.cur.String(), " ") {
			w.cur.WriteByte(' ')
		}
		w.cur.WriteString(f)
	}
	// Keep a space at a text node's edge so that "a <b>b</b>" stays two
	// words.
	if len(s) > 0 && isHTMLSpace(rune(s[len(s)-1])) && w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), "\n") && !strings.HasSuffix(w.cur.String(), " ") {
		w.cur.WriteByte(' ')
	}
}

// isHTMLSpace is HTML's ASCII white space; a no-break space is text.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func (w *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		s := n.Data
		if w.cur.Len() == 0 || strings.HasSuffix(w.cur.String(), "\n") {
			s = strings.TrimLeftFunc(s, isHTMLSpace)
		} else if len(s) > 0 && isHTMLSpace(rune(s[0])) && !strings.HasSuffix(w.cur.String(), " ") {
			w.cur.WriteByte(' ')
		}
		w.text(s)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
			return
		case atom.Br:
			w.cur.WriteByte('\n')
			return
		case atom.Pre:
			w.flush()
			var b strings.Builder
			collectRaw(n, &b)
			if t := strings.Trim(b.String(), "\n"); strings.TrimSpace(t) != "" {
				w.paras = append(w.paras, t)
			}
			return
		}
		if isBlock(n) {
			w.flush()
			defer w.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

func collectRaw(n *html.Node, b *strings.Builder) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Br {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectRaw(c, b)
	}
}

func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Table, atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside, atom.Nav,
		atom.Main, atom.Figure, atom.Figcaption, atom.Hr, atom.Address, atom.Details,
		atom.Summary, atom.Body, atom.Form, atom.Fieldset, atom.Center:
		return true
	}
	// trafilatura renames some elements ("head" for headings, "list",
	// "item", "quote"); treat those as blocks too.
	switch n.Data {
	case "head", "list", "item", "quote", "row", "cell", "lb", "graphic", "done":
		return n.Data != "lb"
	}
	return false
}

var rxJSONLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{4,40})"`)

// htmlMetaDate reads the publication date from <meta> tags, JSON-LD and
// <time pubdate>, in the order of the names in the vocabulary.
func htmlMetaDate(root *html.Node, v *Vocab) (time.Time, string) {
	metas := map[string]string{}
	var ld []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				var key, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property", "itemprop", "http-equiv":
						if key == "" {
							key = strings.ToLower(strings.TrimSpace(a.Val))
						}
					case "content":
						content = a.Val
					}
				}
				if key != "" && content != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = content
					}
				}
			case atom.Script:
				for _, a := range n.Attr {
					if a.Key == "type" && strings.Contains(a.Val, "ld+json") && n.FirstChild != nil {
						ld = append(ld, n.FirstChild.Data)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, name := range v.HTMLDateMeta {
		key := strings.ToLower(name)
		if c, ok := metas[key]; ok {
			if t, ok := parseMetaTimestamp(c); ok {
				return t, "meta " + name
			}
		}
		if key == "datepublished" {
			for _, s := range ld {
				if m := rxJSONLDDate.FindStringSubmatch(s); m != nil {
					if t, ok := parseMetaTimestamp(m[1]); ok {
						return t, "JSON-LD datePublished"
					}
				}
			}
		}
	}
	return time.Time{}, ""
}
