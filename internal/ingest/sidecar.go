package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

// maxSidecar bounds a sidecar file; it holds a handful of fields.
const maxSidecar = 1 << 20

// sidecarMeta accepts authors as a list or as a single string.
type sidecarMeta struct {
	Title     string     `yaml:"title"`
	Kind      string     `yaml:"kind"`
	Date      string     `yaml:"date"`
	URL       string     `yaml:"url"`
	Publisher string     `yaml:"publisher"`
	Site      string     `yaml:"site"`
	Authors   stringList `yaml:"authors"`
}

type stringList []string

func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = stringList{n.Value}
		return nil
	}
	var s []string
	if err := n.Decode(&s); err != nil {
		return err
	}
	*l = s
	return nil
}

// readSidecar reads NAME.meta.yaml next to path; nil when there is none.
func readSidecar(path string) (*Meta, error) {
	sp := SidecarPath(path)
	f, err := os.Open(sp)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &FileError{Path: sp, Err: fmt.Errorf("cannot read sidecar: %w", describeOSError(err))}
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxSidecar+1))
	if err != nil {
		return nil, &FileError{Path: sp, Err: fmt.Errorf("cannot read sidecar: %w", describeOSError(err))}
	}
	if len(raw) > maxSidecar {
		return nil, fileErr(sp, "sidecar is over %s", humanSize(maxSidecar))
	}
	m, err := parseSidecar(raw)
	if err != nil {
		return nil, &FileError{Path: sp, Err: err}
	}
	return m, nil
}

// ParseSidecar decodes the YAML of a sidecar. Unknown fields are errors,
// so that a misspelt key does not go unnoticed.
func ParseSidecar(raw []byte) (*Meta, error) { return parseSidecar(raw) }

func parseSidecar(raw []byte) (*Meta, error) {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	var sm sidecarMeta
	if err := dec.Decode(&sm); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("malformed sidecar: %w", data.ExplainYAML(raw, &sm, err))
	}
	return &Meta{
		Title: strings.TrimSpace(sm.Title), Kind: strings.TrimSpace(sm.Kind),
		Date: strings.TrimSpace(sm.Date), URL: strings.TrimSpace(sm.URL),
		Publisher: strings.TrimSpace(sm.Publisher), Site: strings.TrimSpace(sm.Site),
		Authors: trimAll(sm.Authors),
	}, nil
}

func oneLine(s string) string {
	s = strings.TrimPrefix(s, "yaml: ")
	return strings.Join(strings.Fields(s), " ")
}

func trimAll(l []string) []string {
	var out []string
	for _, s := range l {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// override is one checked layer of Meta with where it came from.
type override struct {
	meta   Meta
	kind   model.Kind
	date   time.Time
	end    time.Time
	source string
	what   string // "sidecar x.meta.yaml" or "--date"
}

type overrideSet []override

// overrides checks the sidecar and flag values; flags come last so that
// they win.
func overrides(name string, side *Meta, flags Meta) (overrideSet, error) {
	var set overrideSet
	add := func(m Meta, src, errPath string, flag bool) error {
		o := override{meta: m, source: src, what: "given in the sidecar " + SidecarPath(name)}
		if flag {
			o.what = "given on the command line (--date)"
		}
		if m.Kind != "" {
			k, ok := model.ParseKind(strings.ToLower(m.Kind))
			if !ok {
				return fileErr(errPath, "%s: unknown kind %q (want transcript, article or statement)", fieldName("kind", flag), m.Kind)
			}
			o.kind = k
		}
		if m.Date != "" {
			start, end, err := parseMetaDate(m.Date)
			if err != nil {
				return fileErr(errPath, "%s: %v", fieldName("date", flag), err)
			}
			o.date, o.end = start, end
		}
		set = append(set, o)
		return nil
	}
	if side != nil {
		if err := add(*side, model.DateFromSidecar, SidecarPath(name), false); err != nil {
			return nil, err
		}
	}
	if err := add(flags, model.DateFromFlag, name, true); err != nil {
		return nil, err
	}
	return set, nil
}

func fieldName(f string, flag bool) string {
	if flag {
		return "--" + f
	}
	return f
}

// parseMetaDate reads YYYY-MM-DD, or YYYY-MM / YYYY as a range.
func parseMetaDate(s string) (time.Time, time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, time.Time{}, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, t.AddDate(0, 1, -1), nil
	}
	if len(s) == 4 {
		if t, err := time.Parse("2006", s); err == nil {
			return t, t.AddDate(1, 0, -1), nil
		}
	}
	return time.Time{}, time.Time{}, fmt.Errorf("invalid date %q (want YYYY-MM-DD)", s)
}

func (set overrideSet) apply(d *model.Document) {
	for _, o := range set {
		m := o.meta
		if m.Title != "" {
			d.Title = m.Title
		}
		if o.kind != "" {
			d.Kind = o.kind
		}
		if !o.date.IsZero() {
			d.Date, d.DateEnd, d.DateSource = o.date, o.end, o.source
			d.DateReason = o.what
		}
		if m.URL != "" {
			d.URL = m.URL
		}
		if m.Publisher != "" {
			d.Publisher = m.Publisher
		}
		if m.Site != "" {
			d.Site = m.Site
		}
		if len(m.Authors) > 0 {
			d.Authors = append([]string(nil), m.Authors...)
		}
	}
	// Speaker turns only make sense in primary records: a forced article
	// keeps its text but loses the turns.
	if d.Kind == model.KindArticle {
		d.Speakers, d.Turns = nil, nil
	}
}
