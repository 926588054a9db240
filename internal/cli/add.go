package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/watch"
)

// addFlags are the ingest options shared by add and analyze.
type addFlags struct {
	date, kind, url, publisher string
	maxSizeMB                  float64
	timeout                    time.Duration
	fetch                      fetchFlags
	ocrLang                    string
}

// DefaultTimeout is the longest the analysis of one file may take: far
// more than any real document needs (a megabyte-long sentence takes a few
// seconds), so that only a pathological file reaches it.
const DefaultTimeout = 2 * time.Minute

func (f *addFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.date, "date", "", "document date (YYYY-MM-DD) for every file added")
	fl.StringVar(&f.kind, "kind", "", "document kind for every file added: transcript, article or statement")
	fl.StringVar(&f.url, "url", "", "source URL for every file added")
	fl.StringVar(&f.publisher, "publisher", "", "publisher for every file added")
	fl.Float64Var(&f.maxSizeMB, "max-size", 20, "largest file to read, in MB")
	fl.DurationVar(&f.timeout, "file-timeout", DefaultTimeout, "longest the analysis of one file may take; a file that takes longer is reported and left out (0: no limit)")
	fl.StringVar(&f.ocrLang, "ocr-lang", "eng", "tesseract language(s) for scanned PDF pages, e.g. fra or eng+fra")
}

func (f *addFlags) options() ingest.Options {
	// The PDF programs are looked up once for the whole batch.
	tools := ingest.FindTools()
	tools.OCRLanguage = f.ocrLang
	return ingest.Options{
		MaxSize: int64(f.maxSizeMB * 1e6),
		Flags:   ingest.Meta{Date: f.date, Kind: f.kind, URL: f.url, Publisher: f.publisher},
		Tools:   &tools,
	}
}

// ingestOptions are the ingest options of the flags, with the ingest
// vocabulary of --data when it is given.
func (a *app) ingestOptions(f addFlags) (ingest.Options, error) {
	opt := f.options()
	if a.dataDir != "" {
		v, err := ingest.LoadVocab(data.Open(a.dataDir))
		if err != nil {
			return opt, err
		}
		opt.Vocab = v
	}
	return opt, nil
}

// addSummary counts what an add did.
type addSummary struct {
	added, unchanged, failed int
}

func (a *app) addCmd() *cobra.Command {
	var f addFlags
	cmd := &cobra.Command{
		Use:   "add PATH_OR_URL...",
		Short: "Ingest files, folders (recursively), globs or web pages (http and https URLs) into the store",
		Long: `add ingests files, folders (recursively) and globs, and fetches http and
https URLs politely (robots.txt, one request at a time per host, a delay
between requests). A URL fetched again is one document unless its text
changed; a changed page is a new version linked to the old one, and the
record-changed finding with the word diff is printed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st store.Store) error {
				p, err := a.pipeline()
				if err != nil {
					return err
				}
				a.timeout = f.timeout
				_, err = a.add(cmd.Context(), st, p, args, f)
				// The dossier changed: check it as a whole once, now,
				// rather than on every command that reads it.
				if _, rerr := a.refresh(cmd.Context(), st, p, false); rerr != nil && (err == nil || errors.Is(err, errReported)) {
					if err != nil {
						fmt.Fprintf(a.stderr, "error: %s\n", oneLine(rerr))
						return err
					}
					return rerr
				}
				return err
			})
		},
	}
	f.register(cmd)
	f.fetch.register(cmd)
	a.stages.register(cmd)
	return cmd
}

// add ingests paths and URLs into st, one transaction per file or page.
// Bad files and pages are reported one line each and do not stop the
// others; the returned error is non-nil when any failed.
func (a *app) add(ctx context.Context, st store.Store, p *pipeline.Pipeline, args []string, f addFlags) (addSummary, error) {
	var sum addSummary
	opt, err := a.ingestOptions(f)
	if err != nil {
		return sum, err
	}
	var paths, urls []string
	for _, arg := range args {
		if watch.IsURL(arg) {
			urls = append(urls, arg)
		} else {
			paths = append(paths, arg)
		}
	}
	// A path that cannot be read is reported like a bad file; the
	// others are still added.
	files, bad := ingest.Expand(paths)
	for _, err := range bad {
		sum.failed++
		fmt.Fprintf(a.stderr, "error: %s\n", oneLine(err))
	}
	bar := newProgress(a.stderr, a.quiet, len(files)+len(urls), "adding")
	var w *watch.Watcher
	if len(urls) > 0 {
		c := f.fetch.client(opt)
		defer c.Close()
		w = a.watcher(st, p, c, opt, nil, 1)
	}
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			bar.finish()
			return sum, err
		}
		started := time.Now()
		n, err := a.addURL(ctx, w, u)
		a.log.Debug("add URL", "url", u, "added", n.added, "unchanged", n.unchanged, "err", err, "took", time.Since(started))
		switch {
		case err != nil && watch.IsStoreError(err):
			bar.finish()
			return sum, err
		case err != nil:
			sum.failed++
			bar.printf(a.stderr, "error: %s\n", oneLine(urlError(u, err)))
		default:
			sum.added += n.added
			sum.unchanged += n.unchanged
			if !a.quiet {
				for _, m := range n.messages {
					bar.printf(a.stderr, "%s\n", m)
				}
			}
		}
		bar.add()
	}
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			bar.finish()
			return sum, err
		}
		started := time.Now()
		n, err := a.addFile(ctx, st, p, path, opt)
		a.log.Debug("add file", "path", path, "added", n.added, "unchanged", n.unchanged, "err", err, "took", time.Since(started))
		switch {
		case err != nil:
			sum.failed++
			bar.printf(a.stderr, "error: %s\n", oneLine(fileError(path, err)))
		default:
			sum.added += n.added
			sum.unchanged += n.unchanged
			if !a.quiet {
				for _, m := range n.messages {
					bar.printf(a.stderr, "%s\n", m)
				}
			}
		}
		bar.add()
	}
	bar.finish()
	if !a.quiet {
		fmt.Fprintf(a.stderr, "%d added, %d already stored, %d failed\n", sum.added, sum.unchanged, sum.failed)
	}
	if sum.failed > 0 {
		what := "files"
		if len(urls) > 0 {
			what = "files and pages"
		}
		return sum, fmt.Errorf("%d of %d %s could not be added: %w", sum.failed, len(files)+len(bad)+len(urls), what, errReported)
	}
	return sum, nil
}

type fileResult struct {
	added, unchanged int
	messages         []string
}

// addFile ingests one file and stores its documents in one transaction.
func (a *app) addFile(ctx context.Context, st store.Store, p *pipeline.Pipeline, path string, opt ingest.Options) (fileResult, error) {
	var r fileResult
	docs, err := ingest.File(ctx, path, opt)
	if err != nil {
		return r, err
	}
	// Documents stored already are not analysed again: re-adding a
	// folder costs a look-up per document, not its analysis.
	var fresh []*model.Document
	var at []int
	for i, d := range docs {
		has, err := st.Has(ctx, d.ID)
		if err != nil {
			return r, err
		}
		if !has {
			fresh = append(fresh, d)
			at = append(at, i)
		}
	}
	analyses := make([]*model.Analysis, len(docs))
	if len(fresh) > 0 {
		got, err := a.analyseFile(ctx, p, fresh)
		if err != nil {
			return r, err
		}
		for k, i := range at {
			analyses[i] = got[k]
		}
	}
	added, err := st.AddDocuments(ctx, docs, analyses)
	if err != nil {
		return r, err
	}
	for i, d := range docs {
		if added[i] {
			r.added++
			r.messages = append(r.messages, fmt.Sprintf("added %s (%s, %s)", d.Path, d.ShortID(), d.Kind))
		} else {
			r.unchanged++
			r.messages = append(r.messages, fmt.Sprintf("already stored: %s (%s), nothing changed", d.Path, d.ShortID()))
		}
		for _, w := range d.Warnings {
			r.messages = append(r.messages, fmt.Sprintf("warning: %s: %s", d.Path, w))
		}
	}
	return r, nil
}

// errTimeout is the error of a file whose analysis ran past --file-timeout.
var errTimeout = errors.New("analysis stopped")

// analyseFile analyses the documents of one file within the time limit
// (a.timeout, none when zero). The analysis runs beside the wait, so that
// a file that takes too long is left out at the limit, and the pipeline,
// which is asked between stages, stops soon after.
func (a *app) analyseFile(ctx context.Context, p *pipeline.Pipeline, docs []*model.Document) ([]*model.Analysis, error) {
	actx, cancel := context.WithCancel(ctx)
	if a.timeout > 0 {
		actx, cancel = context.WithTimeout(ctx, a.timeout)
	}
	defer cancel()
	type result struct {
		analyses []*model.Analysis
		err      error
	}
	done := make(chan result, 1)
	go func() {
		analyses := make([]*model.Analysis, len(docs))
		for i, d := range docs {
			an, err := p.Document(actx, d)
			if err != nil {
				done <- result{err: fmt.Errorf("analyse %s: %w", d.ShortID(), err)}
				return
			}
			analyses[i] = an
		}
		done <- result{analyses: analyses}
	}()
	select {
	case r := <-done:
		if r.err != nil && ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
			return nil, a.timeoutError()
		}
		return r.analyses, r.err
	case <-actx.Done():
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, a.timeoutError()
	}
}

func (a *app) timeoutError() error {
	return fmt.Errorf("%w: it took longer than %s, the limit set by --file-timeout; not added (give a longer --file-timeout to try again)", errTimeout, a.timeout)
}

// fileError makes sure the error names the file.
func fileError(path string, err error) error {
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		return err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// urlError makes sure the error names the URL.
func urlError(u string, err error) error {
	var fe *fetch.Error
	var ie *ingest.FileError
	if errors.As(err, &fe) || errors.As(err, &ie) || strings.Contains(err.Error(), u) {
		return err
	}
	return fmt.Errorf("%s: %w", u, err)
}
