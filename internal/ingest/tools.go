package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// DefaultToolTimeout bounds one run of an external program (one PDF's
// text, one page's OCR) when Tools.Timeout is 0.
const DefaultToolTimeout = 3 * time.Minute

// Tools are the external programs ingest runs, each as a separate
// process: pdftotext and pdftoppm from Debian's poppler-utils, tesseract
// from tesseract-ocr. An empty path means the program is not installed:
// PDFs are then read by the built-in reader, and scanned pages are not
// read at all.
type Tools struct {
	PDFToText string
	PDFToPPM  string
	Tesseract string
	// OCRLanguage is tesseract's language (-l); "" means "eng".
	OCRLanguage string
	// Timeout bounds each run of a program; 0 means DefaultToolTimeout.
	Timeout time.Duration
}

// FindTools looks the programs up on PATH.
func FindTools() Tools {
	look := func(name string) string {
		p, err := exec.LookPath(name)
		if err != nil {
			return ""
		}
		return p
	}
	return Tools{PDFToText: look("pdftotext"), PDFToPPM: look("pdftoppm"), Tesseract: look("tesseract")}
}

// CanOCR reports whether scanned pages can be read: pdftoppm renders a
// page, tesseract reads it.
func (t Tools) CanOCR() bool { return t.PDFToPPM != "" && t.Tesseract != "" }

func (t Tools) timeout() time.Duration {
	if t.Timeout > 0 {
		return t.Timeout
	}
	return DefaultToolTimeout
}

func (t Tools) ocrLanguage() string {
	if t.OCRLanguage != "" {
		return t.OCRLanguage
	}
	return "eng"
}

// errToolTimeout is returned when a program ran over Tools.Timeout.
var errToolTimeout = errors.New("timed out")

// maxStderr bounds what is kept of a program's error output.
const maxStderr = 16 << 10

// capped keeps the first max bytes written to it and drops the rest.
type capped struct {
	buf bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// toolRun is one running program.
type toolRun struct {
	cmd    *exec.Cmd
	stderr *capped
	ctx    context.Context
	cancel context.CancelFunc
}

// start runs prog with args under the tools' timeout. Its standard
// output goes to stdout, or is read through the returned pipe when
// stdout is nil.
func (t Tools) start(parent context.Context, prog string, args []string, stdout io.Writer, env ...string) (*toolRun, io.ReadCloser, error) {
	ctx, cancel := context.WithTimeout(parent, t.timeout())
	cmd := exec.CommandContext(ctx, prog, args...)
	if len(env) > 0 {
		cmd.Env = append(os.Environ(), env...)
	}
	cmd.WaitDelay = 5 * time.Second
	r := &toolRun{cmd: cmd, stderr: &capped{max: maxStderr}, ctx: ctx, cancel: cancel}
	cmd.Stderr = r.stderr
	var pipe io.ReadCloser
	if stdout != nil {
		cmd.Stdout = stdout
	} else {
		var err error
		if pipe, err = cmd.StdoutPipe(); err != nil {
			cancel()
			return nil, nil, err
		}
	}
	if err := cmd.Start(); err != nil {
		cancel()
		switch {
		case parent.Err() != nil:
			return nil, nil, parent.Err()
		case ctx.Err() != nil:
			return nil, nil, errToolTimeout
		}
		return nil, nil, fmt.Errorf("cannot run %s: %w", prog, err)
	}
	return r, pipe, nil
}

// wait waits for the program and describes how it ended: nil, a
// timeout, the context's error, or an *exec.ExitError.
func (r *toolRun) wait(parent context.Context) error {
	defer r.cancel()
	err := r.cmd.Wait()
	switch {
	case parent.Err() != nil:
		return parent.Err()
	case errors.Is(r.ctx.Err(), context.DeadlineExceeded):
		return errToolTimeout
	}
	return err
}

// stderrLines are the program's error lines, without blanks and
// repeats.
func (r *toolRun) stderrLines() []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range strings.Split(r.stderr.buf.String(), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// runTool runs prog to the end with its output in memory, at most
// maxOut bytes; more is an error.
func (t Tools) runTool(ctx context.Context, prog string, args []string, maxOut int, env ...string) ([]byte, []string, error) {
	out := &capped{max: maxOut + 1}
	r, _, err := t.start(ctx, prog, args, out, env...)
	if err != nil {
		return nil, nil, err
	}
	err = r.wait(ctx)
	if err == nil && out.buf.Len() > maxOut {
		err = fmt.Errorf("%s wrote more than %s", prog, humanSize(int64(maxOut)))
	}
	return out.buf.Bytes(), r.stderrLines(), err
}
