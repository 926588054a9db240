package evaluate

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Attribution is one gold attribution: the texts of its Content and
// Source spans (Source empty when the annotator marked none).
type Attribution struct {
	Content string `json:"content"`
	Source  string `json:"source"`
}

// Article is the gold of one article: its stem (the file name of its
// text without ".txt"), the brat file it was read from, and its
// attributions.
type Article struct {
	Stem         string
	File         string
	Attributions []Attribution
}

// ReadAnn reads the attributions of a brat file: every event line (E)
// whose Content argument names a text-bound span (T) given above it
// with a non-empty text, with the text of its Source argument's span.
// Lines end as Python reads them; a line that is not UTF-8 is an error.
func ReadAnn(r io.Reader) ([]Attribution, error) {
	spans := map[string]string{}
	var out []Attribution
	sc := newFileLines(r)
	for n := 1; sc.Scan(); n++ {
		if !utf8.Valid(sc.Bytes()) {
			return nil, fmt.Errorf("line %d: not UTF-8 text", n)
		}
		line := sc.Text()
		p := strings.Split(line, "\t")
		switch {
		case strings.HasPrefix(line, "T") && len(p) >= 3:
			spans[p[0]] = p[2]
		case strings.HasPrefix(line, "E") && len(p) >= 2:
			args := map[string]string{}
			for _, x := range pyFields(p[1]) {
				if k, v, ok := strings.Cut(x, ":"); ok {
					args[k] = v
				}
			}
			content := ""
			if id, ok := args["Content"]; ok {
				content = spans[id]
			}
			if content != "" {
				source := ""
				if id, ok := args["Source"]; ok {
					source = spans[id]
				}
				out = append(out, Attribution{Content: content, Source: source})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// AnnStem is the article an annotation file belongs to: its name without
// the annotator's suffix "_xxxx.ann" (four lowercase hex digits); a name
// without that suffix is its own stem.
func AnnStem(name string) string {
	const suffix = len("_0000.ann")
	if len(name) < suffix || !strings.HasSuffix(name, ".ann") || name[len(name)-suffix] != '_' {
		return name
	}
	for _, c := range name[len(name)-suffix+1 : len(name)-len(".ann")] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return name
		}
	}
	return name[:len(name)-suffix]
}

// ReadBrat reads the gold of DIR/attributions: for each article stem,
// the first file in name order (the first annotator's). Every entry of
// the folder counts, as in score.py: a file without the annotator's
// suffix is an article of its own, with a warning; a folder is left out,
// with a warning. A file that cannot be read is an error naming it.
func ReadBrat(dir string) (articles []Article, warnings []string, err error) {
	annDir := filepath.Join(dir, "attributions")
	entries, err := os.ReadDir(annDir)
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(annDir, name)
		if e.IsDir() {
			warnings = append(warnings, fmt.Sprintf("%s: a folder, not a brat file; left out", path))
			continue
		}
		stem := AnnStem(name)
		if seen[stem] {
			continue // another annotator's file of the same article
		}
		seen[stem] = true
		if stem == name {
			warnings = append(warnings, fmt.Sprintf("%s: not named ARTICLE_xxxx.ann; read as the gold of an article %q, as score.py does", path, name))
		}
		atts, err := readAnnFile(path)
		if err != nil {
			return nil, warnings, err
		}
		articles = append(articles, Article{Stem: stem, File: path, Attributions: atts})
	}
	return articles, warnings, nil
}

func readAnnFile(path string) ([]Attribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	atts, err := ReadAnn(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return atts, nil
}

// DocStem is the article a stored document is, as score.py names it: the
// base name of its path without its last four characters (".txt").
func DocStem(path string) string { return pyCut(pyBasename(path), 4) }
