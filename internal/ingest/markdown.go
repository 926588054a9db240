package ingest

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/internal/model"
)

// Markdown documents are rendered to the plain text a reader sees:
// Text holds no markup, so that offsets point at readable words. Line
// structure is kept (a paragraph's soft line breaks stay newlines);
// headings lose their #s, emphasis and code marks are dropped, links keep
// their text, images their alt text, list items and quotes lose their
// markers. A YAML front-matter block (--- ... ---) with Meta fields is
// read as header metadata; the first heading is the title.

var (
	rxMDHeading   = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`)
	rxMDSetext    = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	rxMDFence     = regexp.MustCompile("^ {0,3}(```|~~~)")
	rxMDRule      = regexp.MustCompile(`^ {0,3}([-*_])(?:[ \t]*([-*_])){2,}[ \t]*$`)
	rxMDQuote     = regexp.MustCompile(`^ {0,3}(?:>[ \t]?)+`)
	rxMDBullet    = regexp.MustCompile(`^([ \t]*)[-*+][ \t]+`)
	rxMDImage     = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	rxMDLink      = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	rxMDRefLink   = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	rxMDRefDef    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s+\S+`)
	rxMDAutolink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	rxMDTag       = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>`)
	rxMDStrong    = regexp.MustCompile(`(\*\*|__)([^\s*_](?:.*?[^\s])?)(\*\*|__)`)
	rxMDEmphStar  = regexp.MustCompile(`(^|[^\p{L}\p{N}*])\*([^\s*](?:[^*]*[^\s*])?)\*`)
	rxMDEmphUnder = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^\s_](?:[^_]*[^\s_])?)_([^\p{L}\p{N}_]|$)`)
	rxMDCode      = regexp.MustCompile("`+([^`]+)`+")
	rxMDEscape    = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>|])`)
)

func parseMarkdown(name, src string, v *Vocab) *model.Document {
	var front *Meta
	if rest, fm, ok := cutFrontMatter(src); ok {
		src, front = rest, fm
	}
	text, title := renderMarkdown(src)
	d := &model.Document{Path: name, Format: "markdown", Text: text, Title: title}
	if front != nil {
		if front.Title != "" {
			d.Title = front.Title
		}
		d.Authors, d.Publisher, d.URL, d.Site = front.Authors, front.Publisher, front.URL, front.Site
		if front.Date != "" {
			if t, end, err := parseMetaDate(front.Date); err == nil {
				d.Date, d.DateEnd, d.DateSource = t, end, model.DateFromHeader
				d.DateReason = "stated in the Markdown front matter"
			} else if t, ok := parseDate(front.Date); ok {
				d.Date, d.DateSource, d.DateReason = t, model.DateFromHeader, "stated in the Markdown front matter"
			} else {
				d.Warnings = append(d.Warnings, "front matter date "+front.Date+" is not a full date; not used")
			}
		}
		if k, ok := model.ParseKind(strings.ToLower(front.Kind)); ok {
			defer func() { d.Kind = k }()
		}
	}
	readText(d, v)
	return d
}

// cutFrontMatter splits off a leading "---" YAML block when it decodes as
// Meta; anything else is left as text.
func cutFrontMatter(src string) (string, *Meta, bool) {
	if !strings.HasPrefix(src, "---\n") {
		return src, nil, false
	}
	end := strings.Index(src[4:], "\n---")
	if end < 0 {
		return src, nil, false
	}
	block := src[4 : 4+end]
	rest := src[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		rest = rest[i+1:]
	} else if strings.TrimSpace(rest) != "" && i < 0 {
		return src, nil, false
	}
	var sm sidecarMeta
	if err := yaml.Unmarshal([]byte(block), &sm); err != nil {
		return src, nil, false
	}
	return strings.TrimLeft(rest, "\n"), &Meta{
		Title: strings.TrimSpace(sm.Title), Kind: sm.Kind, Date: strings.TrimSpace(sm.Date),
		URL: sm.URL, Publisher: sm.Publisher, Site: sm.Site, Authors: trimAll(sm.Authors),
	}, true
}

// renderMarkdown returns the plain text of a Markdown document and its
// first heading.
func renderMarkdown(src string) (string, string) {
	lines := strings.Split(src, "\n")
	out := make([]string, 0, len(lines))
	title := ""
	inFence := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if rxMDFence.MatchString(l) {
			inFence = !inFence
			continue
		}
		if inFence {
			out = append(out, l)
			continue
		}
		if rxMDRefDef.MatchString(l) {
			continue
		}
		if m := rxMDHeading.FindStringSubmatch(l); m != nil {
			h := inlineMarkdown(m[2])
			if title == "" && h != "" {
				title = h
			}
			out = append(out, h)
			continue
		}
		// Setext heading: text line followed by === or ---.
		if i+1 < len(lines) && strings.TrimSpace(l) != "" && rxMDSetext.MatchString(lines[i+1]) && !rxMDBullet.MatchString(l) {
			h := inlineMarkdown(strings.TrimSpace(l))
			if title == "" {
				title = h
			}
			out = append(out, h)
			i++
			continue
		}
		if rxMDRule.MatchString(l) {
			out = append(out, "")
			continue
		}
		l = rxMDQuote.ReplaceAllString(l, "")
		l = rxMDBullet.ReplaceAllString(l, "$1")
		out = append(out, strings.TrimRight(inlineMarkdown(l), " \t"))
	}
	text := strings.Join(out, "\n")
	// Collapse the runs of blank lines markup removal leaves behind.
	for strings.Contains(text, "\n\n\n") {
		text = strings.ReplaceAll(text, "\n\n\n", "\n\n")
	}
	return strings.Trim(text, "\n"), title
}

func inlineMarkdown(s string) string {
	s = rxMDImage.ReplaceAllString(s, "$1")
	s = rxMDLink.ReplaceAllString(s, "$1")
	s = rxMDRefLink.ReplaceAllString(s, "$1")
	s = rxMDAutolink.ReplaceAllString(s, "$1")
	s = rxMDCode.ReplaceAllString(s, "$1")
	s = rxMDTag.ReplaceAllString(s, "")
	s = rxMDStrong.ReplaceAllString(s, "$2")
	s = rxMDEmphStar.ReplaceAllString(s, "$1$2")
	s = rxMDEmphUnder.ReplaceAllString(s, "$1$2$3")
	s = rxMDEscape.ReplaceAllString(s, "$1")
	s = strings.TrimSuffix(s, "  ") // hard line break marker
	return s
}
