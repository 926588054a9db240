package actors

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/dossier-project/dossier/data"
)

// Format is a dictionary file format.
type Format int

// Dictionary formats.
const (
	FormatAuto     Format = iota // detect from the extension and content
	FormatYAML                   // dossier's YAML format
	FormatPetrarch               // TABARI/PETRARCH actor dictionary
	FormatAgents                 // TABARI/PETRARCH agents dictionary
)

// DefaultFiles are the files of the default dictionary, in loading order,
// relative to the data root.
var DefaultFiles = []string{
	"actors/countries.yaml",
	"actors/igos.yaml",
	"actors/agents.yaml",
	"actors/roles.yaml",
	"actors/institutions.yaml",
	"actors/people.yaml",
}

// Default returns the dictionary shipped with dossier (data/actors).
func Default() (*Dictionary, error) {
	return FromData(data.Embedded())
}

// FromData loads the default dictionary files (DefaultFiles) from a data
// tree such as data.Open(dir), where a user directory may replace any of
// them, plus any further files under actors/user/ (YAML or PETRARCH
// formats), which override the defaults. Lines of PETRARCH-format files
// that cannot be read are left out; Loader.FromData reports them.
func FromData(fsys fs.FS) (*Dictionary, error) {
	return Loader{}.FromData(fsys)
}

// Load reads dictionary files from fsys and returns one dictionary; where
// files give the same phrase, the later file wins. The format of each file
// is detected: ".yaml"/".yml" files are dossier's YAML format; other files
// are agents dictionaries when their name contains "agent" or a line holds
// "[~", and actor dictionaries otherwise.
//
// Our YAML format is read strictly: an error names the file and line.
// The TABARI/PETRARCH formats are read as PETRARCH reads them: a line
// that cannot be read is left out and the rest loaded (Loader.Load
// reports such lines); a file that is not text, or of which no entry can
// be read, is refused.
func Load(fsys fs.FS, paths ...string) (*Dictionary, error) {
	return Loader{}.Load(fsys, paths...)
}

// Skipped is a line of a dictionary that could not be read and was left
// out.
type Skipped struct {
	File    string
	Line    int
	Problem string
}

// String is "FILE: line N: PROBLEM".
func (s Skipped) String() string { return fmt.Sprintf("%s: line %d: %s", s.File, s.Line, s.Problem) }

// Loader loads dictionaries and tells Skip (when set) about every line
// it leaves out, in file order.
type Loader struct {
	Skip func(Skipped)
}

// FromData is the package's FromData, reporting skipped lines.
func (l Loader) FromData(fsys fs.FS) (*Dictionary, error) {
	paths := append([]string(nil), DefaultFiles...)
	if extra, err := fs.Glob(fsys, "actors/user/*"); err == nil {
		paths = append(paths, extra...)
	}
	return l.Load(fsys, paths...)
}

// Load is the package's Load, reporting skipped lines.
func (l Loader) Load(fsys fs.FS, paths ...string) (*Dictionary, error) {
	var all []*Entry
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("load dictionary %s: %w", p, err)
		}
		es, skipped, err := ParseReport(bytes.NewReader(b), p, FormatAuto)
		if err != nil {
			return nil, err
		}
		if l.Skip != nil {
			for _, s := range skipped {
				l.Skip(s)
			}
		}
		all = append(all, es...)
	}
	return newDictionary(all), nil
}

// Parse reads one dictionary file. name is used for format detection and
// in errors ("load dictionary NAME: line N: ..."). Lines of PETRARCH
// formats that cannot be read are left out; ParseReport reports them.
func Parse(r io.Reader, name string, format Format) ([]*Entry, error) {
	es, _, err := ParseReport(r, name, format)
	return es, err
}

// ParseReport is Parse, also returning the lines it left out.
func ParseReport(r io.Reader, name string, format Format) (entries []*Entry, skipped []Skipped, err error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("load dictionary %s: %w", name, err)
	}
	if format == FormatAuto {
		format = DetectFormat(name, src)
	}
	// The parsers return errors for bad input; this guards the promise
	// that loading never panics.
	defer func() {
		if p := recover(); p != nil {
			entries, skipped, err = nil, nil, fmt.Errorf("load dictionary %s: internal error: %v", name, p)
		}
	}()
	base := path.Base(name)
	if format != FormatYAML && issuesFile.Match(src) {
		return nil, nil, fmt.Errorf("load dictionary %s: a PETRARCH issues file (<ISSUE> sections), not an actor or agents dictionary", name)
	}
	k := &skips{file: name}
	switch format {
	case FormatYAML:
		entries, err = parseYAML(bytes.NewReader(src), base)
	case FormatAgents:
		entries, err = parseAgents(bytes.NewReader(src), base, k)
	default:
		entries, err = parseActors(bytes.NewReader(src), base, k)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("load dictionary %s: %w", name, err)
	}
	if len(entries) == 0 && len(k.list) > 0 {
		first := k.list[0]
		more := ""
		if n := len(k.list) - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more lines that cannot be read)", n)
		}
		return nil, nil, fmt.Errorf("load dictionary %s: no entry can be read: line %d: %s%s", name, first.Line, first.Problem, more)
	}
	return entries, k.list, nil
}

// ParseDictionary is Parse followed by building a Dictionary.
func ParseDictionary(r io.Reader, name string, format Format) (*Dictionary, error) {
	es, err := Parse(r, name, format)
	if err != nil {
		return nil, err
	}
	return newDictionary(es), nil
}

// issuesFile matches the section tags of PETRARCH's issues files.
var issuesFile = regexp.MustCompile(`(?m)^\s*</?ISSUE\b`)

// DetectFormat tells a file's format from its name and content.
func DetectFormat(name string, content []byte) Format {
	lower := strings.ToLower(name)
	switch path.Ext(lower) {
	case ".yaml", ".yml":
		return FormatYAML
	}
	if strings.Contains(path.Base(lower), "agent") {
		return FormatAgents
	}
	for _, line := range strings.Split(string(content), "\n") {
		line = stripComment(line)
		if strings.Contains(line, "[~") {
			return FormatAgents
		}
	}
	return FormatPetrarch
}
