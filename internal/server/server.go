// Package server is dossier's workspace: a local web application for
// reading a dossier, served from the dossier binary by `dossier serve`.
//
// In: a store whose cross-document results the pass has stored (see
// internal/pipeline), and, unless read-only, a pipeline to analyse
// uploaded documents with. Out: HTML pages (findings, the document
// reader, quotes, the timeline, people, search, add) and a JSON API under
// /api/ with the shapes of the command line's --json output.
//
// The documents are hostile input: every piece of their text goes through
// html/template's escaping, pages run no inline script, and every
// response carries a Content-Security-Policy of default-src 'self' and
// headers against sniffing, referrers and framing. Anything that writes
// needs the server's token and, from a browser form, a matching CSRF
// token; uploads have a size limit; read-only mode turns writing off.
package server

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure a Server.
type Options struct {
	Store store.Store
	// Pipeline analyses uploaded documents and runs the pass; nil
	// makes the server read-only.
	Pipeline *pipeline.Pipeline
	// ReadOnly turns off everything that writes.
	ReadOnly bool
	// Token is the secret that writes need. Required unless ReadOnly.
	Token string
	// MaxUpload is the largest request body of an upload, in bytes
	// (default 20 MB); Ingest.MaxSize bounds each file.
	MaxUpload int64
	Ingest    ingest.Options
	Log       *slog.Logger
	// CacheBytes bounds the caches of rendered pages (default 32 MB:
	// half for the lists, half for documents).
	CacheBytes int
}

// DefaultCacheBytes is the default size of the cache of rendered pages.
const DefaultCacheBytes = 32 << 20

// Server serves the workspace.
type Server struct {
	opt   Options
	st    store.Store
	tmpl  map[string]*template.Template
	mux   *http.ServeMux
	jobs  *jobs
	write sync.Mutex // one write (add and the pass after it) at a time
	csrf  []byte     // key of the CSRF tokens
	log   *slog.Logger
	fresh freshState
	// pages and docPages cache rendered lists and documents.
	pages, docPages *pageCache
	// counts caches the numbers the findings page shows, which change
	// only with a pass; see counted.
	counts struct {
		sync.Mutex
		compute     sync.Mutex // held by the request that counts
		gen         string
		kinds, sevs map[string]int
		totals      map[store.FindingQuery]int
	}
}

// freshState is the last reading of the results' state; see freshness.
type freshState struct {
	sync.Mutex
	msg, gen string
	at       time.Time
	reading  bool
}

// DefaultMaxUpload is the default limit of an upload's size.
const DefaultMaxUpload = 20 << 20

// New makes a server.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, errors.New("server: no store")
	}
	if opt.Pipeline == nil {
		opt.ReadOnly = true
	}
	if !opt.ReadOnly && len(opt.Token) < 8 {
		return nil, errors.New("server: a token of at least 8 characters is needed to allow writes")
	}
	if opt.MaxUpload <= 0 {
		opt.MaxUpload = DefaultMaxUpload
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.CacheBytes <= 0 {
		opt.CacheBytes = DefaultCacheBytes
	}
	s := &Server{opt: opt, st: opt.Store, jobs: newJobs(20), log: opt.Log,
		pages: newPageCache(opt.CacheBytes / 2), docPages: newPageCache(opt.CacheBytes / 2)}
	s.csrf = make([]byte, 32)
	if _, err := rand.Read(s.csrf); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	var err error
	if s.tmpl, err = parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// NewToken returns a random token for writes.
func NewToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// IsLoopback reports whether a listen address (host:port) is on this
// machine only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	m.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/findings", http.StatusFound)
	})
	m.HandleFunc("GET /findings", s.cached("findings", s.findingsPage))
	m.HandleFunc("GET /docs", s.cached("docs", s.docsPage))
	m.HandleFunc("GET /doc/{id}", s.cached("doc", s.docPage))
	m.HandleFunc("GET /quote/{id}", s.cached("quote", s.quotePage))
	m.HandleFunc("GET /timeline", s.cached("timeline", s.timelinePage))
	m.HandleFunc("GET /people", s.cached("people", s.peoplePage))
	m.HandleFunc("GET /search", s.cached("search", s.searchPage))
	m.HandleFunc("GET /add", s.addPage)
	m.HandleFunc("POST /add", s.addForm)
	m.HandleFunc("GET /jobs/{id}", s.jobPage)

	m.HandleFunc("GET /api/status", s.apiStatus)
	m.HandleFunc("GET /api/findings", s.apiFindings)
	m.HandleFunc("GET /api/docs", s.apiDocs)
	m.HandleFunc("GET /api/docs/{id}", s.apiDoc)
	m.HandleFunc("GET /api/quotes", s.apiQuotes)
	m.HandleFunc("GET /api/events", s.apiEvents)
	m.HandleFunc("GET /api/timeline", s.apiTimeline)
	m.HandleFunc("GET /api/people", s.apiPeople)
	m.HandleFunc("GET /api/search", s.apiSearch)
	m.HandleFunc("POST /api/add", s.apiAdd)
	m.HandleFunc("GET /api/jobs/{id}", s.apiJob)
	s.mux = m
}

// Handler returns the server's handler, with the security headers on
// every response.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving a request", "path", r.URL.Path, "panic", fmt.Sprint(v))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		s.mux.ServeHTTP(w, r)
	})
}

// Serve serves on l until ctx is done, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // uploads
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx) // stopping: what is in flight gets five seconds
		return nil
	}
}

// csrfCookie is the cookie that holds the browser's CSRF token; forms
// carry the same token, which another site cannot read.
const csrfCookie = "dossier_csrf"

// csrfToken returns the request's CSRF token, setting the cookie when
// the browser has none.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && s.validCSRF(c.Value) {
		return c.Value
	}
	nonce := make([]byte, 16)
	_, _ = rand.Read(nonce) // crypto/rand does not fail on supported systems
	tok := hex.EncodeToString(nonce) + "." + s.sign(nonce)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return tok
}

func (s *Server) sign(nonce []byte) string {
	m := hmac.New(sha256.New, s.csrf)
	m.Write(nonce)
	return hex.EncodeToString(m.Sum(nil))
}

// validCSRF reports whether tok was made by this server.
func (s *Server) validCSRF(tok string) bool {
	n, sig, ok := strings.Cut(tok, ".")
	if !ok {
		return false
	}
	nonce, err := hex.DecodeString(n)
	if err != nil || len(nonce) != 16 {
		return false
	}
	return hmac.Equal([]byte(sig), []byte(s.sign(nonce)))
}

// errForbidden is a write refused; its text is shown to the user.
type errForbidden string

func (e errForbidden) Error() string { return string(e) }

// authorize checks a request that writes: the server allows writes, the
// token is right, and, for a browser form, the CSRF token matches the
// cookie and the request comes from this site. An API client that sends
// the token in an Authorization header uses no cookie, so no other site
// can make its browser send one.
func (s *Server) authorize(r *http.Request, formToken string) error {
	if s.opt.ReadOnly {
		return errForbidden("this workspace is read-only")
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return errForbidden("a write must come from this workspace's own pages")
	}
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
		if !s.tokenOK(strings.TrimPrefix(auth, "Bearer ")) {
			return errForbidden("wrong token")
		}
		return nil
	}
	c, err := r.Cookie(csrfCookie)
	if err != nil || !s.validCSRF(c.Value) || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.FormValue("csrf"))) != 1 {
		return errForbidden("the form has expired or did not come from this workspace: reload the page and try again")
	}
	if !s.tokenOK(formToken) {
		return errForbidden("wrong token")
	}
	return nil
}

func (s *Server) tokenOK(tok string) bool {
	return subtle.ConstantTimeCompare([]byte(tok), []byte(s.opt.Token)) == 1
}
