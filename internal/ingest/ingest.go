// Package ingest turns files (plain text, Markdown, HTML pages, RSS/Atom
// and JSON feeds), and pages fetched from the web (Web), into
// model.Documents: normalised text, metadata (title, authors,
// publisher, date and where the date came from), the document kind and,
// for transcripts, speakers and turns with byte spans into the text.
//
// Text is kept byte for byte apart from a stripped UTF-8 byte order mark
// and CRLF/CR line ends turned into LF. For Markdown and HTML, Text is
// the plain text a reader sees (markup removed), so that every offset
// points at words a person can read. Nothing is guessed: a date that is
// not stated is left zero with DateSource "".
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// DefaultMaxSize is the largest file ingested when Options.MaxSize is 0.
const DefaultMaxSize = 20 << 20

// Meta is what is known about a document from outside its text: from a
// sidecar NAME.meta.yaml or from command-line flags.
type Meta struct {
	Title     string   `yaml:"title"`
	Kind      string   `yaml:"kind"`
	Date      string   `yaml:"date"` // YYYY-MM-DD (YYYY-MM and YYYY give a range)
	URL       string   `yaml:"url"`
	Publisher string   `yaml:"publisher"`
	Site      string   `yaml:"site"`
	Authors   []string `yaml:"authors"`
}

// Options controls ingestion.
type Options struct {
	// MaxSize is the largest file accepted, in bytes; 0 means
	// DefaultMaxSize.
	MaxSize int64
	// Flags are the values given on the command line (--date, --kind,
	// --url, --publisher). They win over the sidecar, which wins over
	// what is found in the text.
	Flags Meta
	// Vocab is the vocabulary used to read headers and transcripts; nil
	// means the one embedded from data/ingest/.
	Vocab *Vocab
	// Tools are the external programs that read PDFs; nil means those
	// found on PATH (FindTools). Give an empty Tools to use none.
	Tools *Tools
}

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

func (o Options) tools() Tools {
	if o.Tools != nil {
		return *o.Tools
	}
	return FindTools()
}

func (o Options) vocab() (*Vocab, error) {
	if o.Vocab != nil {
		return o.Vocab, nil
	}
	return defaultVocab()
}

// FileError is a problem with one input file. Its message is one line:
// "PATH: problem".
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

func fileErr(path string, format string, args ...any) *FileError {
	return &FileError{Path: path, Err: fmt.Errorf(format, args...)}
}

// File reads one file and returns its documents: one for a text,
// Markdown or HTML file, one per item for a feed. A sidecar NAME.meta.yaml
// next to the file is read when present. Errors are *FileError.
func File(ctx context.Context, path string, opt Options) ([]*model.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: describeOSError(err)}
	}
	if fi.IsDir() {
		return nil, fileErr(path, "is a directory, not a file (give directories to Expand)")
	}
	if !fi.Mode().IsRegular() {
		return nil, fileErr(path, "not a regular file (%s)", fi.Mode().Type())
	}
	max := opt.maxSize()
	if fi.Size() > max {
		return nil, fileErr(path, "file is %s, over the size limit of %s; not ingested", humanSize(fi.Size()), humanSize(max))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: describeOSError(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &FileError{Path: path, Err: fmt.Errorf("cannot read: %w", describeOSError(err))}
	}
	side, err := readSidecar(path)
	if err != nil {
		return nil, err
	}
	return parse(ctx, path, path, data, opt, side, formatAuto)
}

// Parse is File on bytes already read: name is used for format detection
// and in messages; no sidecar is read. Errors are *FileError.
func Parse(ctx context.Context, name string, data []byte, opt Options) ([]*model.Document, error) {
	return parse(ctx, name, "", data, opt, nil, formatAuto)
}

// SidecarPath returns the sidecar path for a document path:
// "dir/speech.txt" -> "dir/speech.meta.yaml".
func SidecarPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".meta.yaml"
}

// parse reads one file's documents. path is the file on disk, or ""
// when only data is at hand. Binary formats (PDF, Word) are recognised
// by their content first; everything else must then be UTF-8 text, read
// as the format want, or for formatAuto as the format detectFormat finds
// from the name and the content.
func parse(ctx context.Context, name, path string, data []byte, opt Options, side *Meta, want format) (docs []*model.Document, err error) {
	defer func() {
		// A bug in a third-party parser must not bring down a whole run.
		if r := recover(); r != nil {
			docs, err = nil, fileErr(name, "internal error while ingesting: %v", r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, &FileError{Path: name, Err: err}
	}
	if int64(len(data)) > opt.maxSize() {
		return nil, fileErr(name, "file is over the size limit of %s; not ingested", humanSize(opt.maxSize()))
	}
	v, err := opt.vocab()
	if err != nil {
		return nil, &FileError{Path: name, Err: err}
	}
	over, err := overrides(name, side, opt.Flags)
	if err != nil {
		return nil, err
	}
	bin, err := sniffBinary(name, data)
	if err != nil {
		return nil, &FileError{Path: name, Err: err}
	}
	switch bin {
	case binaryPDF:
		var d *model.Document
		d, err = parsePDF(ctx, name, path, data, opt, v)
		docs = []*model.Document{d}
	case binaryDOCX:
		var d *model.Document
		d, err = parseDOCX(name, data, opt, v)
		docs = []*model.Document{d}
	default:
		docs, err = parseTextFormats(ctx, name, data, v, want)
	}
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			return nil, fe
		}
		return nil, &FileError{Path: name, Err: err}
	}
	for _, d := range docs {
		over.apply(d)
		if d.Kind == model.KindTranscript && len(d.Turns) == 0 {
			// Declared a transcript: one speaker turn is enough.
			d.Speakers, d.Turns, _ = readTurnsMin(d.Text, splitLines(d.Text), v, 1)
		}
		finish(d)
	}
	return docs, nil
}

// parseTextFormats reads a file that must be UTF-8 text: plain text,
// Markdown, HTML or a feed.
func parseTextFormats(ctx context.Context, name string, data []byte, v *Vocab, want format) ([]*model.Document, error) {
	if err := checkContent(data); err != nil {
		return nil, err
	}
	text := normalise(data)
	if want == formatAuto {
		want = detectFormat(name, text)
	}
	switch want {
	case formatFeed:
		return parseFeed(ctx, name, text, v)
	case formatHTML:
		d, err := parseHTML(name, text, v)
		if err != nil {
			return nil, err
		}
		return []*model.Document{d}, nil
	case formatMarkdown:
		d := parseMarkdown(name, text, v)
		if strings.TrimFunc(d.Text, isSpaceOrBOM) == "" {
			return nil, errors.New("no text left once the Markdown markup is removed, not ingested")
		}
		return []*model.Document{d}, nil
	}
	return []*model.Document{parseText(name, text, "text", v)}, nil
}

// finish sets the fields every document gets the same way.
func finish(d *model.Document) {
	if d.ID == "" {
		d.ID = hashID(d.Text)
	}
	if d.Authors == nil {
		d.Authors = []string{}
	}
	if d.Speakers == nil {
		d.Speakers = []model.Speaker{}
	}
}

func hashID(parts ...string) string {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// describeOSError drops the operation and path from an *fs.PathError (the
// FileError names the path already).
func describeOSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
