package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Expand turns paths, directories (walked recursively) and glob patterns
// into a sorted list of files without duplicates. Sidecars (*.meta.yaml)
// are skipped everywhere; hidden files and directories, and data files
// that are not documents (isDataFile: a procedure model or a dictionary
// kept beside the documents), are skipped while walking a directory. A
// file named on its own is always read.
//
// A path that does not exist, a pattern that matches nothing, an
// unreadable directory or a broken symbolic link is an error naming it;
// Expand goes on with the other paths and returns every such error.
func Expand(paths []string) ([]string, []error) {
	seen := map[string]bool{}
	var out []string
	var errs []error
	add := func(p string) {
		p = filepath.Clean(p)
		if isSidecar(p) || seen[p] {
			return
		}
		seen[p] = true
		out = append(out, p)
	}
	bad := func(err error) { errs = append(errs, err) }
	for _, p := range paths {
		if err := expandOne(p, add, bad); err != nil {
			bad(err)
		}
	}
	sort.Strings(out)
	return out, errs
}

// expandOne expands one path or pattern into add; bad receives the
// files found unusable on the way (broken links).
func expandOne(p string, add func(string), bad func(error)) error {
	fi, err := os.Stat(p)
	switch {
	case err == nil && fi.IsDir():
		return walkDir(p, add, bad)
	case err == nil:
		add(p)
		return nil
	case isLinkLoop(err):
		return &FileError{Path: p, Err: linkProblem(err)}
	case !errors.Is(err, fs.ErrNotExist):
		return &FileError{Path: p, Err: describeOSError(err)}
	}
	if li, lerr := os.Lstat(p); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
		return &FileError{Path: p, Err: linkProblem(err)}
	}
	if !hasGlobMeta(p) {
		return fileErr(p, "no such file or directory")
	}
	matches, gerr := filepath.Glob(p)
	if gerr != nil {
		return fileErr(p, "bad pattern: %v", gerr)
	}
	n := 0
	for _, m := range matches {
		if hiddenBelow(p, m) {
			continue
		}
		mi, err := os.Stat(m)
		if err != nil {
			continue
		}
		n++
		if mi.IsDir() {
			if err := walkDir(m, add, bad); err != nil {
				return err
			}
		} else {
			add(m)
		}
	}
	if n == 0 {
		return fileErr(p, "no files match this pattern")
	}
	return nil
}

func walkDir(root string, add func(string), bad func(error)) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &FileError{Path: p, Err: fmt.Errorf("cannot read directory: %w", describeOSError(err))}
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				bad(&FileError{Path: p, Err: linkProblem(err)})
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil // a link to a directory is not followed
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if !isDataFile(p) {
			add(p)
		}
		return nil
	})
}

// isDataFile reports whether p holds data for dossier or other programs
// rather than a document: a directory walk leaves it out.
func isDataFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json", ".jsonl", ".csv", ".tsv",
		// a store, such as the dossier.db that "dossier add ." finds
		// in the working directory, and its journal files
		".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal", ".db-lock":
		return true
	}
	return false
}

func isSidecar(p string) bool {
	return strings.HasSuffix(strings.ToLower(filepath.Base(p)), ".meta.yaml")
}

func hasGlobMeta(p string) bool { return strings.ContainsAny(p, "*?[") }

// hiddenBelow reports whether match has a hidden path element that the
// pattern did not name literally.
func hiddenBelow(pattern, match string) bool {
	pe := strings.Split(filepath.ToSlash(filepath.Clean(pattern)), "/")
	me := strings.Split(filepath.ToSlash(filepath.Clean(match)), "/")
	for i, e := range me {
		if !strings.HasPrefix(e, ".") || e == "." || e == ".." {
			continue
		}
		if i < len(pe) && pe[i] == e {
			continue
		}
		return true
	}
	return false
}

// isLinkLoop reports whether err says that symbolic links point at each
// other (or at themselves) in a loop.
func isLinkLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }

// linkProblem names what is wrong with a symbolic link whose target
// cannot be read.
func linkProblem(err error) error {
	switch {
	case isLinkLoop(err):
		return errors.New("symbolic link loop: the link leads back to itself, never to a file")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("broken symbolic link: its target does not exist")
	}
	return fmt.Errorf("symbolic link: %w", describeOSError(err))
}
