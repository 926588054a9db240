package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/watch"
)

func (a *app) watchCmd() *cobra.Command {
	var (
		f        addFlags
		once     bool
		asJSON   bool
		interval time.Duration
		parallel int
	)
	cmd := &cobra.Command{
		Use:   "watch FEED_OR_PAGE...",
		Short: "Follow feeds, lists of URLs and pages: fetch what is new, analyse it, print new findings",
		Long: `watch polls each source on an interval: an RSS, Atom or JSON feed (each new
item's linked page is fetched), a list of URLs one a line (a file, or a
URL serving plain text), or a page (fetched again each time; a change is a
new version and a record-changed finding). New pages are ingested and
analysed, the dossier's results are brought up to date, and each new
finding is printed as it appears: a line, or with --json a JSON line.

The state of the watch (items seen, validators, failures) is kept in the
store: a watch stopped or killed resumes where it was without fetching
anything twice. --once polls once and exits, for cron. A source that is
down, slow, malformed or redirects in a loop is reported when its state
changes, and the other sources go on.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if interval <= 0 {
				return fmt.Errorf("--interval %s: must be positive", interval)
			}
			keys, err := sourceKeys(args)
			if err != nil {
				return err
			}
			return a.withStore(ctx, func(st store.Store) error {
				p, err := a.pipeline()
				if err != nil {
					return err
				}
				opt, err := a.ingestOptions(f)
				if err != nil {
					return err
				}
				c := f.fetch.client(opt)
				defer c.Close()
				out := &watchOutput{a: a, json: asJSON}
				w := a.watcher(st, p, c, opt, out.event, parallel)
				return a.watchLoop(ctx, st, p, w, keys, out, once, interval)
			})
		},
	}
	f.register(cmd)
	f.fetch.register(cmd)
	a.stages.register(cmd)
	fl := cmd.Flags()
	fl.BoolVar(&once, "once", false, "poll once and exit (for cron)")
	fl.BoolVar(&asJSON, "json", false, "print JSON Lines: findings, documents, and changes of a source's or item's state")
	fl.DurationVar(&interval, "interval", 15*time.Minute, "time between polls")
	fl.IntVar(&parallel, "parallel", 4, "sources polled at once (requests to one host never overlap)")
	return cmd
}

// sourceKeys checks the sources given on the command line: URLs must be
// http or https, files must exist.
func sourceKeys(args []string) ([]string, error) {
	var keys []string
	seen := map[string]bool{}
	for _, arg := range args {
		key, isFile, err := watch.SourceKey(arg)
		if err != nil {
			return nil, err
		}
		if isFile {
			fi, err := os.Stat(key)
			if err != nil {
				return nil, fmt.Errorf("%s: no such file (give a feed or page URL, or a file listing URLs one a line)", arg)
			}
			if fi.IsDir() {
				return nil, fmt.Errorf("%s: is a directory, not a file listing URLs", arg)
			}
		}
		if !seen[key] {
			seen[key] = true
			keys = append(keys, key)
		}
	}
	return keys, nil
}

// watchLoop polls until ctx ends (or once), bringing the results up to
// date and printing new findings after each poll.
func (a *app) watchLoop(ctx context.Context, st store.Store, p *pipeline.Pipeline, w *watch.Watcher, keys []string,
	out *watchOutput, once bool, interval time.Duration) error {
	for {
		started := time.Now()
		res, err := w.Poll(ctx, keys)
		a.log.Debug("poll", "sources", len(keys), "added", res.Added, "failing", res.Failing, "took", time.Since(started))
		if err != nil {
			if ctx.Err() != nil {
				return nil // stopped: everything done so far is stored
			}
			return err
		}
		if err := a.afterPoll(ctx, st, p, out); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if once {
			return nil
		}
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// afterPoll brings the dossier's results up to date when documents were
// fetched since the watch last did, and prints the findings that are new
// to it: those the pass made that were not stored before it, and those
// resting on a document fetched since (whose findings a pass of add, or
// of a read command, may have stored already).
func (a *app) afterPoll(ctx context.Context, st store.Store, p *pipeline.Pipeline, out *watchOutput) error {
	fetched, analysed, err := st.FetchProgress(ctx)
	if err != nil {
		return err
	}
	if fetched == analysed {
		return nil
	}
	before, err := findingKeys(ctx, st)
	if err != nil {
		return err
	}
	if err := a.refreshResults(ctx, st, p); err != nil {
		return err
	}
	ids, err := st.LastFetched(ctx, int(fetched-analysed))
	if err != nil {
		return err
	}
	unseen := make(map[string]bool, len(ids))
	for _, id := range ids {
		unseen[id] = true
	}
	printed := map[string]bool{}
	err = st.ForEachFinding(ctx, store.FindingQuery{}, func(f model.Finding) error {
		k := findingKey(f)
		if printed[k] || before[k] && !restsOn(f, unseen) {
			return nil
		}
		printed[k] = true
		out.finding(f)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read findings: %w", err)
	}
	return st.MarkAnalysed(ctx, fetched)
}

// findingKeys are the keys of the findings stored.
func findingKeys(ctx context.Context, st store.Store) (map[string]bool, error) {
	keys := map[string]bool{}
	err := st.ForEachFinding(ctx, store.FindingQuery{}, func(f model.Finding) error {
		keys[findingKey(f)] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read findings: %w", err)
	}
	return keys, nil
}

// restsOn reports whether a piece of f's evidence is in one of docs.
func restsOn(f model.Finding, docs map[string]bool) bool {
	for _, e := range f.Evidence {
		if docs[e.Doc] {
			return true
		}
	}
	return false
}

// refreshResults runs the stored cross-document pass the way a read
// command does: incrementally, checking only the documents added since
// the last pass when nothing they are checked against changed. The
// documents were analysed by the watch with p, so the stored analyses
// are read, not made again.
func (a *app) refreshResults(ctx context.Context, st store.Store, p *pipeline.Pipeline) error {
	if _, err := a.refresh(ctx, st, p, false); err != nil {
		return fmt.Errorf("check the dossier: %w", err)
	}
	return nil
}

// findingKey identifies a finding across analyses: its kind, its check
// and the words it rests on.
func findingKey(f model.Finding) string {
	ev := make([]string, len(f.Evidence))
	for i, e := range f.Evidence {
		ev[i] = e.Doc + "@" + strconv.Itoa(e.Start) + "-" + strconv.Itoa(e.End)
	}
	sort.Strings(ev)
	return f.Kind + "|" + f.Check + "|" + strings.Join(ev, ",")
}

// watchOutput prints what a watch finds: on stdout the findings (a line
// each, or JSON Lines with everything else); on stderr, as lines, the
// documents stored and the changes of a source's or an item's state.
type watchOutput struct {
	a    *app
	json bool
	mu   sync.Mutex
}

func (o *watchOutput) jsonLine(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		o.a.log.Error("encode JSON line", "err", err)
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.a.stdout.Write(append(b, '\n'))
}

func (o *watchOutput) line(w io.Writer, format string, args ...any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	fmt.Fprintf(w, format+"\n", args...)
}

// findingLine is a finding in watch --json output.
type findingLine struct {
	Type string `json:"type"`
	model.Finding
}

func (o *watchOutput) finding(f model.Finding) {
	if o.json {
		f.Evidence, f.Events, f.Quotes = nonNil(f.Evidence), nonNil(f.Events), nonNil(f.Quotes)
		o.jsonLine(findingLine{Type: "finding", Finding: f})
		return
	}
	ev := ""
	if len(f.Evidence) > 0 {
		e := f.Evidence[0]
		ev = " [" + where(e) + "]"
	}
	o.line(o.a.stdout, "[%s] %s: %s%s", f.Severity, f.Kind, clip(f.Summary, 400), ev)
}

// documentLine, sourceLine and itemLine are the other lines of watch
// --json output.
type documentLine struct {
	Type      string `json:"type"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	FinalURL  string `json:"final_url,omitempty"`
	Status    string `json:"status"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	Previous  string `json:"previous,omitempty"`
	FetchedAt string `json:"fetched_at,omitempty"`
}

type sourceLine struct {
	Type   string `json:"type"`
	Source string `json:"source"`
	Kind   string `json:"kind"`
	Status string `json:"status"`
	Was    string `json:"was"`
	Error  string `json:"error,omitempty"`
	Items  int    `json:"items"`
}

type itemLine struct {
	Type   string `json:"type"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Title  string `json:"title,omitempty"`
	Status string `json:"status"`
	Error  string `json:"error"`
}

func (o *watchOutput) event(e watch.Event) {
	switch e.Type {
	case watch.EventDocument:
		o.document(e)
	case watch.EventSource:
		if o.json {
			o.jsonLine(sourceLine{Type: "source", Source: e.Source, Kind: e.Kind, Status: e.Status, Was: e.Was, Error: e.Error, Items: e.Items})
			return
		}
		switch {
		case e.Status == watch.StatusOK && e.Was == "":
			if !o.a.quiet {
				o.line(o.a.stderr, "watching %s (%s%s)", e.Source, e.Kind, itemCount(e))
			}
		case e.Status == watch.StatusOK:
			if !o.a.quiet {
				o.line(o.a.stderr, "source ok again: %s (was %s)", e.Source, e.Was)
			}
		default:
			o.line(o.a.stderr, "source %s: %s (the other sources go on; said again when this changes)", e.Status, e.Error)
		}
	case watch.EventItem:
		if o.json {
			o.jsonLine(itemLine{Type: "item", Source: e.Source, URL: e.URL, Title: e.Title, Status: e.Status, Error: e.Error})
			return
		}
		what := map[string]string{store.ItemPending: "not fetched yet, will try again", store.ItemFailed: "given up", store.ItemSkipped: "skipped"}[e.Status]
		if e.URL == "" || !strings.Contains(e.Error, e.URL) {
			// Say which item: its URL, else its title, and its source.
			o.line(o.a.stderr, "item %s: %q in %s: %s", what, firstOf(e.URL, e.Title), e.Source, e.Error)
			return
		}
		o.line(o.a.stderr, "item %s: %s", what, e.Error)
	}
}

func itemCount(e watch.Event) string {
	if e.Kind == watch.KindPage {
		return ""
	}
	if e.Items == 1 {
		return ", 1 item"
	}
	return fmt.Sprintf(", %d items", e.Items)
}

func (o *watchOutput) document(e watch.Event) {
	p := e.Page
	for i, d := range p.Docs {
		added := i < len(p.Added) && p.Added[i]
		status := p.Outcome
		if !added {
			continue // only what the dossier gained is news
		}
		if o.json {
			line := documentLine{Type: "document", Source: e.Source, URL: firstOf(d.URL, p.URL), FinalURL: d.FinalURL, Status: status,
				ID: d.ID, Title: d.Title, Kind: string(d.Kind), Previous: d.Previous}
			if !d.FetchedAt.IsZero() {
				line.FetchedAt = d.FetchedAt.UTC().Format(time.RFC3339)
			}
			o.jsonLine(line)
			continue
		}
		if o.a.quiet {
			continue
		}
		msg := fmt.Sprintf("added %s (%s, %s)", firstOf(d.URL, p.URL), d.ShortID(), d.Kind)
		if d.Previous != "" {
			msg = fmt.Sprintf("new version of %s (%s, %s): the text changed since %s", firstOf(d.URL, p.URL), d.ShortID(), d.Kind, shortID(d.Previous))
		}
		o.line(o.a.stderr, "%s", msg)
	}
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
