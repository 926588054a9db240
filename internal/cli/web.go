package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/checks"
	"github.com/dossier-project/dossier/internal/fetch"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/watch"
)

// fetchFlags are the manners of the commands that fetch URLs.
type fetchFlags struct {
	delay, timeout time.Duration
}

func (f *fetchFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.DurationVar(&f.delay, "delay", time.Second, "least time between two requests to one host (a longer Crawl-delay in robots.txt wins)")
	fl.DurationVar(&f.timeout, "timeout", time.Minute, "longest time for one request, body included")
}

// client returns the polite HTTP client, its size limit that of ingest.
func (f *fetchFlags) client(opt ingest.Options) *fetch.Client {
	max := opt.MaxSize
	if max <= 0 {
		max = ingest.DefaultMaxSize
	}
	return fetch.New(fetch.Options{Delay: f.delay, Timeout: f.timeout, MaxSize: max})
}

// watcher returns a watcher over st that analyses each document with p.
func (a *app) watcher(st store.Store, p *pipeline.Pipeline, c *fetch.Client, opt ingest.Options, report func(watch.Event), parallel int) *watch.Watcher {
	return watch.New(watch.Options{
		Client: c, Store: st, Ingest: opt, Report: report, Parallel: parallel,
		Analyse: func(ctx context.Context, d *model.Document) (*model.Analysis, error) {
			// Within --file-timeout, as a file's analysis is.
			as, err := a.analyseFile(ctx, p, []*model.Document{d})
			if err != nil {
				return nil, err
			}
			return as[0], nil
		},
	})
}

// addURL fetches one URL into the store for add: a new page, a new
// version of a changed one (whose record-changed finding is printed), or
// nothing when it is unchanged.
func (a *app) addURL(ctx context.Context, w *watch.Watcher, raw string) (fileResult, error) {
	var r fileResult
	res, err := w.AddURL(ctx, raw)
	if err != nil {
		return r, err
	}
	switch res.Outcome {
	case watch.PageUnchanged, watch.PageNotModified:
		r.unchanged++
		how := "unchanged since it was fetched on " + res.Page.FetchedAt.Format("2006-01-02 15:04 UTC")
		if res.Outcome == watch.PageNotModified {
			how = "the server says it has not changed since it was fetched on " + res.Page.FetchedAt.Format("2006-01-02 15:04 UTC")
		}
		if res.Page.Doc == "" { // a feed: its items are the documents
			r.messages = append(r.messages, fmt.Sprintf("already stored: %s, %s", res.URL, how))
			return r, nil
		}
		r.messages = append(r.messages, fmt.Sprintf("already stored: %s (%s), %s", res.URL, shortID(res.Page.Doc), how))
		return r, nil
	}
	for i, d := range res.Docs {
		if !res.Added[i] {
			r.unchanged++
			r.messages = append(r.messages, fmt.Sprintf("already stored: %s (%s), nothing changed", d.Path, d.ShortID()))
			continue
		}
		r.added++
		msg := fmt.Sprintf("added %s (%s, %s)", d.Path, d.ShortID(), d.Kind)
		if d.FinalURL != "" && d.FinalURL != d.URL {
			msg += ", redirected to " + d.FinalURL
		}
		if res.Previous != nil {
			msg += fmt.Sprintf(": a new version of %s, whose text changed", res.Previous.ShortID())
		}
		r.messages = append(r.messages, msg)
		for _, warn := range d.Warnings {
			r.messages = append(r.messages, fmt.Sprintf("warning: %s: %s", d.Path, warn))
		}
	}
	if res.Outcome == watch.PageChanged && res.Previous != nil && len(res.Docs) == 1 {
		if f, ok := checks.RecordChanged(res.Previous, res.Docs[0]); ok {
			writeFinding(a.stdout, f)
		}
	}
	return r, nil
}

// writeFinding prints a finding as `dossier findings` does.
func writeFinding(w io.Writer, f model.Finding) {
	fmt.Fprintf(w, "[%s] %s\n   %s\n", f.Severity, f.Kind, f.Summary)
	for _, e := range f.Evidence {
		fmt.Fprintf(w, "   - %s: %q\n", where(e), clip(e.Text, 120))
	}
}
