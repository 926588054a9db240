// Package data holds dossier's knowledge as data files, embedded in the
// binary: actor dictionaries (actors/), event patterns (events/), reporting
// verbs (quotes/), temporal vocabulary (timex/) and procedure models
// (procedures/). Users override or extend them with their own files; see
// Open.
package data

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed *
var embedded embed.FS

// Embedded returns the files shipped with dossier.
func Embedded() fs.FS { return embedded }

// Open returns the data files with dir laid over the embedded ones: a file
// in dir replaces the embedded file of the same path, and a directory
// lists the files of both. With dir empty it returns the embedded files.
func Open(dir string) fs.FS {
	if dir == "" {
		return embedded
	}
	return overlay{top: os.DirFS(dir), base: embedded}
}

type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.base.Open(name)
}

// ReadDir lists a directory of both layers, the top layer's entry winning
// where both have the same name.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, terr := fs.ReadDir(o.top, name)
	base, berr := fs.ReadDir(o.base, name)
	if terr != nil && berr != nil {
		if !errors.Is(terr, fs.ErrNotExist) {
			return nil, terr
		}
		return nil, berr
	}
	seen := map[string]bool{}
	out := make([]fs.DirEntry, 0, len(top)+len(base))
	for _, e := range top {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range base {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// ReadYAML reads the YAML file name from fsys into v, strictly (see
// DecodeYAML); the error names the file and fits on one line.
func ReadYAML(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err == nil {
		err = DecodeYAML(b, v)
	}
	if err != nil {
		return fmt.Errorf("load %s: %w", name, err)
	}
	return nil
}

// DecodeYAML decodes b into v strictly: unknown keys are errors, and so
// is an empty document. The error fits on one line and speaks of the
// file's lines and fields, not of Go types (see ExplainYAML).
func DecodeYAML(b []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("file is empty")
		}
		return ExplainYAML(b, v, err)
	}
	return nil
}

// AddWords adds the entries of a list file (ReadList) to set, each in
// lower case with its fields joined by one space: a list of words or
// phrases that a stage looks words up in.
func AddWords(fsys fs.FS, name string, set map[string]bool) error {
	return ReadList(fsys, name, func(f []string) error {
		set[strings.ToLower(strings.Join(f, " "))] = true
		return nil
	})
}

// ReadList reads a list file of the data: one entry a line, its fields
// separated by white space, blank lines and lines starting with "#"
// skipped. fn gets each entry's fields; an error it returns names the
// file and line.
func ReadList(fsys fs.FS, name string, fn func(fields []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if err := fn(strings.Fields(s)); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
