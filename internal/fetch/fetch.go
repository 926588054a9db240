// Package fetch is dossier's polite HTTP client: what `dossier add URL`
// and `dossier watch` fetch goes through it.
//
// In: an http or https URL, with the validators (ETag, Last-Modified) of
// an earlier fetch when there was one. Out: the body with the final URL
// after redirects, the new validators and the fetch time; or "not
// modified"; or an *Error whose Kind says, in a watcher's terms, what went
// wrong (down, slow, rate-limited, redirect-loop, too-large, disallowed,
// bad-url).
//
// Manners: every request names dossier in its User-Agent; robots.txt is
// read for every origin (RFC 9309, with Crawl-delay) and obeyed; one
// request at a time goes to a host, with a delay between requests;
// conditional GET spares servers a page that has not changed; bodies may
// come gzip-compressed. Limits: timeouts on connecting, on the whole
// request and on a body that stalls midway; a redirect limit, with loops
// detected; a size limit on the (decompressed) body; only http and https.
// A 429 or 5xx answer is retried with exponential backoff, waiting what
// Retry-After asks when it asks no more than a bound. Nothing fetched is
// executed: bodies are bytes handed to the caller.
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Agent is the product token by which robots.txt rules address dossier.
const Agent = "dossier"

// DefaultUserAgent names dossier and where to read about it.
const DefaultUserAgent = "dossier/1 (+https://github.com/dossier-project/dossier)"

// DefaultAccept asks for pages, feeds and plain text.
const DefaultAccept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
	"application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"

// Options configure a Client. A zero field takes the default given.
type Options struct {
	// UserAgent is sent with every request (DefaultUserAgent).
	UserAgent string
	// Delay is the least time between the end of one request to a host
	// and the start of the next (1s). A Crawl-delay in robots.txt makes
	// it longer, up to MaxCrawlDelay.
	Delay time.Duration
	// MaxCrawlDelay bounds the Crawl-delay honoured (30s).
	MaxCrawlDelay time.Duration
	// ConnectTimeout bounds connecting, TLS included (10s).
	ConnectTimeout time.Duration
	// StallTimeout bounds the wait for the answer and, in the body, for
	// the next bytes (20s).
	StallTimeout time.Duration
	// Timeout bounds one request with its body (60s).
	Timeout time.Duration
	// MaxRedirects is the most redirects followed (5).
	MaxRedirects int
	// MaxSize is the largest body accepted, in bytes, after
	// decompression (20 MiB).
	MaxSize int64
	// MaxAttempts is how often a request answered with 429 or 5xx is
	// tried in all (4).
	MaxAttempts int
	// Backoff is the wait before the first retry, doubled before each
	// further one (2s), when the server does not say how long to wait.
	Backoff time.Duration
	// MaxRetryAfter is the longest Retry-After honoured (2m); a server
	// asking for more gets no retry now, and the fetch fails with
	// RateLimited.
	MaxRetryAfter time.Duration
	// RobotsTTL is how long a robots.txt is kept before it is read
	// again (24h).
	RobotsTTL time.Duration
	// Sleep waits d or until ctx is done; nil uses a timer. Tests set it
	// to see what the client waits for without waiting.
	Sleep func(ctx context.Context, d time.Duration) error
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	def(&o.Delay, time.Second)
	def(&o.MaxCrawlDelay, 30*time.Second)
	def(&o.ConnectTimeout, 10*time.Second)
	def(&o.StallTimeout, 20*time.Second)
	def(&o.Timeout, 60*time.Second)
	def(&o.Backoff, 2*time.Second)
	def(&o.MaxRetryAfter, 2*time.Minute)
	def(&o.RobotsTTL, 24*time.Hour)
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.MaxSize <= 0 {
		o.MaxSize = 20 << 20
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 4
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	return o
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Request is one URL to fetch.
type Request struct {
	URL string
	// ETag and LastModified are the validators of an earlier fetch of
	// the URL; when given, the server may answer "not modified".
	ETag, LastModified string
	// Accept is the Accept header (DefaultAccept).
	Accept string
}

// Response is a fetched URL.
type Response struct {
	// URL is the URL asked for; FinalURL the one that answered, after
	// redirects.
	URL, FinalURL string
	Status        int
	// NotModified is true when the server answered 304 to a
	// conditional request: Body is empty and the earlier fetch stands.
	NotModified bool
	ContentType string
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	Body               []byte
	FetchedAt          time.Time
}

// Client fetches URLs politely. It is safe for concurrent use; requests
// to one host wait for each other.
type Client struct {
	o         Options
	transport *http.Transport
	http      *http.Client

	mu     sync.Mutex
	hosts  map[string]*hostGate
	robots map[string]*robotsEntry
}

// hostGate lets one request at a time go to a host.
type hostGate struct {
	sem chan struct{}
	// next is the earliest start of the next request; read and written
	// only by the holder of sem.
	next time.Time
}

type robotsEntry struct {
	mu      sync.Mutex
	rules   *robotsRules
	expires time.Time
}

// New returns a client with the options o.
func New(o Options) *Client {
	o = o.withDefaults()
	dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   o.ConnectTimeout,
		ResponseHeaderTimeout: o.StallTimeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
		// Compression stays on: the transport asks for gzip and
		// decompresses, and the size limit applies to what comes out.
	}
	return &Client{
		o:         o,
		transport: t,
		http: &http.Client{
			Transport: t,
			// Redirects are followed one hop at a time by the client, so
			// that each hop is checked (scheme, robots.txt, loops) and
			// waits its turn at its host.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		hosts:  map[string]*hostGate{},
		robots: map[string]*robotsEntry{},
	}
}

// Close releases idle connections.
func (c *Client) Close() { c.transport.CloseIdleConnections() }

// Normalize checks that raw is an absolute http or https URL and returns
// it in a canonical form: scheme and host in lower case, no default port,
// no fragment, "/" for an empty path. Errors are *Error of kind BadURL.
func Normalize(raw string) (string, error) {
	u, err := parseURL(raw)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, newError(raw, BadURL, 0, "not a URL (%v)", unwrapURLError(err))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return nil, newError(raw, BadURL, 0, "not an absolute URL (it has no http:// or https://)")
		}
		return nil, newError(raw, BadURL, 0, "only http and https URLs are fetched, not %s", u.Scheme)
	}
	if u.Host == "" {
		return nil, newError(raw, BadURL, 0, "the URL names no host")
	}
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); p == "80" && u.Scheme == "http" || p == "443" && u.Scheme == "https" {
		u.Host = u.Hostname()
		if strings.Contains(u.Host, ":") {
			u.Host = "[" + u.Host + "]"
		}
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	return u, nil
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Get fetches req.URL, following redirects and retrying 429 and 5xx
// answers. A failure is an *Error, except when ctx ends, which returns
// ctx's error.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := parseURL(req.URL)
	if err != nil {
		return nil, err
	}
	for attempt := 1; ; attempt++ {
		resp, err := c.follow(ctx, u, req)
		var fe *Error
		if err == nil || !errors.As(err, &fe) || !retryable(fe.Status) || ctx.Err() != nil {
			if resp != nil {
				resp.URL = req.URL
			}
			return resp, err
		}
		wait := c.o.Backoff << (attempt - 1)
		if fe.RetryAfter > 0 {
			if fe.RetryAfter > c.o.MaxRetryAfter {
				return nil, &Error{URL: req.URL, Kind: RateLimited, Status: fe.Status, RetryAfter: fe.RetryAfter,
					Err: fmt.Errorf("the server answered %s and asks to retry after %s, longer than dossier waits (%s)",
						statusText(fe.Status), fe.RetryAfter, c.o.MaxRetryAfter)}
			}
			wait = fe.RetryAfter
		}
		if attempt >= c.o.MaxAttempts {
			kind := fe.Kind
			if fe.Status == http.StatusTooManyRequests {
				kind = RateLimited
			}
			return nil, &Error{URL: req.URL, Kind: kind, Status: fe.Status, RetryAfter: fe.RetryAfter,
				Err: fmt.Errorf("the server answered %s, %d times in a row", statusText(fe.Status), attempt)}
		}
		if err := c.o.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500 && status <= 599
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return strconv.Itoa(code)
}

// follow fetches u and follows its redirects, one hop at a time.
func (c *Client) follow(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	chain := []string{u.String()}
	cur := u
	for {
		h, err := c.hop(ctx, cur, req, true, c.o.MaxSize, false)
		if err != nil {
			if fe, ok := err.(*Error); ok && len(chain) > 1 {
				fe.URL = chain[0]
				fe.Err = fmt.Errorf("redirected to %s, which failed: %w", cur, fe.Err)
			}
			return nil, err
		}
		if h.location == nil {
			h.resp.FinalURL = cur.String()
			return h.resp, nil
		}
		next := h.location.String()
		for i, seen := range chain {
			if seen == next {
				loop := append(append([]string{}, chain[i:]...), next)
				return nil, newError(chain[0], RedirectLoop, h.status, "redirects in a loop: %s", strings.Join(loop, " → "))
			}
		}
		if len(chain) > c.o.MaxRedirects {
			return nil, newError(chain[0], RedirectLoop, h.status, "more than %d redirects (the last to %s)", c.o.MaxRedirects, next)
		}
		chain = append(chain, next)
		cur = h.location
	}
}

// hopResult is the answer to one request: a response, or a redirect.
type hopResult struct {
	resp     *Response
	location *url.URL
	status   int
}

var (
	errStalled = errors.New("stalled")
	errTimeout = errors.New("timeout")
)

// hop makes one request, without following a redirect. With robots set
// it first checks robots.txt. The body is read up to limit bytes; past
// it, the fetch fails with TooLarge, or with truncate the rest is left
// unread.
func (c *Client) hop(ctx context.Context, u *url.URL, req Request, robots bool, limit int64, truncate bool) (*hopResult, error) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, newError(u.String(), BadURL, 0, "only http and https URLs are fetched, not %s", u.Scheme)
	}
	if robots {
		rules, err := c.robotsFor(ctx, u)
		if err != nil {
			return nil, err
		}
		if !rules.allowed(u) {
			if rules.disallowAll {
				return nil, newError(u.String(), rules.kind, 0, "%s", rules.why)
			}
			return nil, newError(u.String(), Disallowed, 0, "robots.txt of %s does not allow %s to fetch it", u.Host, Agent)
		}
	}
	g, err := c.acquire(ctx, u.Host)
	if err != nil {
		return nil, err
	}
	defer c.release(g, u)

	tctx, cancel := context.WithTimeoutCause(ctx, c.o.Timeout, errTimeout)
	defer cancel()
	sctx, stop := context.WithCancelCause(tctx)
	defer stop(nil)
	stall := time.AfterFunc(c.o.StallTimeout, func() { stop(errStalled) })
	defer stall.Stop()

	hr, err := http.NewRequestWithContext(sctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newError(u.String(), BadURL, 0, "not a URL (%v)", err)
	}
	hr.Header.Set("User-Agent", c.o.UserAgent)
	accept := req.Accept
	if accept == "" {
		accept = DefaultAccept
	}
	hr.Header.Set("Accept", accept)
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	res, err := c.http.Do(hr)
	if err != nil {
		return nil, c.netError(ctx, sctx, u, err, false)
	}
	defer res.Body.Close()
	now := time.Now().UTC()
	switch {
	case res.StatusCode == http.StatusNotModified:
		r := &Response{Status: res.StatusCode, NotModified: true, FetchedAt: now,
			ETag: orElse(res.Header.Get("ETag"), req.ETag), LastModified: orElse(res.Header.Get("Last-Modified"), req.LastModified)}
		return &hopResult{resp: r, status: res.StatusCode}, nil
	case isRedirect(res.StatusCode):
		loc := res.Header.Get("Location")
		if loc == "" {
			return nil, newError(u.String(), Down, res.StatusCode, "the server answered %s without saying where to", statusText(res.StatusCode))
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, newError(u.String(), Down, res.StatusCode, "the server redirects to %q, which is not a URL", loc)
		}
		n, err := parseURL(next.String())
		if err != nil {
			return nil, newError(u.String(), BadURL, res.StatusCode, "redirected to %s: %w", next, errors.Unwrap(err))
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10)) // lets the connection be reused
		return &hopResult{location: n, status: res.StatusCode}, nil
	case res.StatusCode < 200 || res.StatusCode > 299:
		e := newError(u.String(), Down, res.StatusCode, "the server answered %s", statusText(res.StatusCode))
		e.RetryAfter = retryAfter(res.Header.Get("Retry-After"), now)
		return nil, e
	}
	if res.ContentLength > limit && !truncate {
		return nil, newError(u.String(), TooLarge, res.StatusCode, "the server announces %s, over the size limit of %s; not fetched",
			humanSize(res.ContentLength), humanSize(limit))
	}
	body, err := c.readBody(ctx, sctx, u, res.Body, stall, limit, truncate)
	if err != nil {
		return nil, err
	}
	r := &Response{Status: res.StatusCode, ContentType: res.Header.Get("Content-Type"), Body: body, FetchedAt: now,
		ETag: res.Header.Get("ETag"), LastModified: res.Header.Get("Last-Modified")}
	return &hopResult{resp: r, status: res.StatusCode}, nil
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// readBody reads a body up to limit bytes, restarting the stall timer
// whenever bytes arrive.
func (c *Client) readBody(ctx, sctx context.Context, u *url.URL, r io.Reader, stall *time.Timer, limit int64, truncate bool) ([]byte, error) {
	var buf bytes.Buffer
	chunk := make([]byte, 32<<10)
	for {
		n, err := r.Read(chunk)
		if n > 0 {
			stall.Reset(c.o.StallTimeout)
			if int64(buf.Len()+n) > limit {
				if truncate {
					buf.Write(chunk[:limit-int64(buf.Len())])
					return buf.Bytes(), nil
				}
				return nil, newError(u.String(), TooLarge, 0, "the body is over the size limit of %s; not read further", humanSize(limit))
			}
			buf.Write(chunk[:n])
		}
		if err == io.EOF {
			return buf.Bytes(), nil
		}
		if err != nil {
			return nil, c.netError(ctx, sctx, u, err, true)
		}
	}
}

// netError turns a transport error into an *Error, or returns ctx's
// error when the caller gave up.
func (c *Client) netError(ctx, sctx context.Context, u *url.URL, err error, inBody bool) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	where := "no answer"
	if inBody {
		where = "the body stopped arriving"
	}
	switch cause := context.Cause(sctx); {
	case errors.Is(cause, errStalled):
		return newError(u.String(), Slow, 0, "%s: nothing received for %s", where, c.o.StallTimeout)
	case errors.Is(cause, errTimeout):
		return newError(u.String(), Slow, 0, "not complete within %s", c.o.Timeout)
	}
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return newError(u.String(), Down, 0, "no such host: %s", dns.Name)
		}
		return newError(u.String(), Down, 0, "cannot look up %s: %s", dns.Name, dns.Err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return newError(u.String(), Down, 0, "connection refused")
	case errors.Is(err, syscall.ECONNRESET):
		return newError(u.String(), Down, 0, "the connection was reset")
	case errors.As(err, &ne) && ne.Timeout():
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return newError(u.String(), Slow, 0, "cannot connect within %s", c.o.ConnectTimeout)
		}
		return newError(u.String(), Slow, 0, "%s within %s", where, c.o.StallTimeout)
	case errors.Is(err, io.ErrUnexpectedEOF) && inBody:
		return newError(u.String(), Down, 0, "the connection closed before the whole body arrived")
	}
	return newError(u.String(), Down, 0, "%v", unwrapURLError(err))
}

// retryAfter reads a Retry-After header: seconds or an HTTP date. It
// returns 0 when there is none or it cannot be read.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// acquire waits for the host's turn: no other request to it in flight,
// and the delay since the last one passed.
func (c *Client) acquire(ctx context.Context, host string) (*hostGate, error) {
	c.mu.Lock()
	g := c.hosts[host]
	if g == nil {
		g = &hostGate{sem: make(chan struct{}, 1)}
		c.hosts[host] = g
	}
	c.mu.Unlock()
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(g.next); wait > 0 {
		if err := c.o.Sleep(ctx, wait); err != nil {
			<-g.sem
			return nil, err
		}
	}
	return g, nil
}

// release lets the next request to the host go, after the delay.
func (c *Client) release(g *hostGate, u *url.URL) {
	delay := c.o.Delay
	c.mu.Lock()
	e := c.robots[origin(u)]
	c.mu.Unlock()
	if e != nil && e.mu.TryLock() {
		if e.rules != nil {
			delay = max(delay, min(e.rules.crawlDelay, c.o.MaxCrawlDelay))
		}
		e.mu.Unlock()
	}
	g.next = time.Now().Add(delay)
	<-g.sem
}

func origin(u *url.URL) string { return u.Scheme + "://" + u.Host }

// robotsFor returns the robots.txt rules of u's origin, reading them
// when they are not known or are older than RobotsTTL.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robotsRules, error) {
	key := origin(u)
	c.mu.Lock()
	e := c.robots[key]
	if e == nil {
		e = &robotsEntry{}
		c.robots[key] = e
	}
	c.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.rules != nil && time.Now().Before(e.expires) {
		return e.rules, nil
	}
	rules, ttl, err := c.fetchRobots(ctx, u)
	if err != nil {
		return nil, err
	}
	e.rules, e.expires = rules, time.Now().Add(ttl)
	return rules, nil
}

// robotsRetry is how long an unreadable robots.txt (a server error)
// keeps an origin closed before it is tried again.
const robotsRetry = 5 * time.Minute

// fetchRobots reads /robots.txt of u's origin, following up to five
// redirects. Per RFC 9309, a 4xx answer means no rules, and a server
// error or no answer means nothing may be fetched for now.
func (c *Client) fetchRobots(ctx context.Context, u *url.URL) (*robotsRules, time.Duration, error) {
	cur := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	unreachable := func(kind Kind, why string) (*robotsRules, time.Duration, error) {
		if kind != Slow {
			kind = Down
		}
		return &robotsRules{disallowAll: true, why: why, kind: kind}, min(robotsRetry, c.o.RobotsTTL), nil
	}
	for hops := 0; hops <= 5; hops++ {
		h, err := c.hop(ctx, cur, Request{Accept: "text/plain"}, false, maxRobots, true)
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return nil, 0, cerr
			}
			var fe *Error
			if errors.As(err, &fe) && fe.Status >= 400 && fe.Status <= 499 && fe.Status != http.StatusTooManyRequests {
				return &robotsRules{}, c.o.RobotsTTL, nil // no robots.txt: no rules
			}
			var why string
			switch {
			case errors.As(err, &fe) && fe.Status != 0:
				why = fmt.Sprintf("robots.txt of %s could not be read (the server answered %s); until it can, nothing there is fetched",
					u.Host, statusText(fe.Status))
			case errors.As(err, &fe):
				why = fe.Err.Error() + " (asking for robots.txt)"
			default:
				why = err.Error() + " (asking for robots.txt)"
			}
			return unreachable(KindOf(err), why)
		}
		if h.location == nil {
			if h.resp.NotModified {
				return &robotsRules{}, c.o.RobotsTTL, nil
			}
			return parseRobots(h.resp.Body, Agent), c.o.RobotsTTL, nil
		}
		cur = h.location
	}
	return &robotsRules{}, c.o.RobotsTTL, nil // RFC 9309: after five redirects, treat as unavailable (no rules)
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
