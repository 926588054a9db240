// Package data holds dossier's knowledge as data files, embedded in the
// binary: actor dictionaries (actors/), event patterns (events/), reporting
// verbs (quotes/), temporal vocabulary (timex/) and procedure models
// (procedures/). Users override or extend them with their own files; see
// Open.
package data

import (
	"embed"
	"errors"
	"io/fs"
	"os"
)

//go:embed *
var embedded embed.FS

// Embedded returns the files shipped with dossier.
func Embedded() fs.FS { return embedded }

// Open returns the data files with dir laid over the embedded ones: a file
// in dir replaces the embedded file of the same path. With dir empty it
// returns the embedded files.
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
