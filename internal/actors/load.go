package actors

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
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
// formats), which override the defaults.
func FromData(fsys fs.FS) (*Dictionary, error) {
	paths := append([]string(nil), DefaultFiles...)
	if extra, err := fs.Glob(fsys, "actors/user/*"); err == nil {
		paths = append(paths, extra...)
	}
	return Load(fsys, paths...)
}

// Load reads dictionary files from fsys and returns one dictionary; where
// files give the same phrase, the later file wins. The format of each file
// is detected: ".yaml"/".yml" files are dossier's YAML format; other files
// are agents dictionaries when their name contains "agent" or a line holds
// "[~", and actor dictionaries otherwise.
//
// Loading is strict: the first malformed line stops it with an error that
// names the file and line.
func Load(fsys fs.FS, paths ...string) (*Dictionary, error) {
	var all []*Entry
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("load dictionary %s: %w", p, err)
		}
		es, err := Parse(bytes.NewReader(b), p, FormatAuto)
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	return newDictionary(all), nil
}

// Parse reads one dictionary file. name is used for format detection and
// in errors ("load dictionary NAME: line N: ...").
func Parse(r io.Reader, name string, format Format) (entries []*Entry, err error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("load dictionary %s: %w", name, err)
	}
	if format == FormatAuto {
		format = DetectFormat(name, src)
	}
	// The parsers return errors for bad input; this guards the promise
	// that loading never panics.
	defer func() {
		if p := recover(); p != nil {
			entries, err = nil, fmt.Errorf("load dictionary %s: internal error: %v", name, p)
		}
	}()
	base := path.Base(name)
	switch format {
	case FormatYAML:
		entries, err = parseYAML(bytes.NewReader(src), base)
	case FormatAgents:
		entries, err = parseAgents(bytes.NewReader(src), base)
	default:
		entries, err = parseActors(bytes.NewReader(src), base)
	}
	if err != nil {
		return nil, fmt.Errorf("load dictionary %s: %w", name, err)
	}
	return entries, nil
}

// ParseDictionary is Parse followed by building a Dictionary.
func ParseDictionary(r io.Reader, name string, format Format) (*Dictionary, error) {
	es, err := Parse(r, name, format)
	if err != nil {
		return nil, err
	}
	return newDictionary(es), nil
}

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
