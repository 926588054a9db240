package server

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/store"
)

// The JSON API: the shapes of the command line's --json output, streamed
// for lists, so that a long list costs no more memory than a short one.

func apiError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = output.WriteJSON(w, map[string]string{"error": msg}) // the client may have gone
}

// apiFail answers an error met after the response may have started: as
// JSON when nothing was written yet, else by ending the response short.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, started bool, err error) {
	status := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.Error("API request failed", "path", r.URL.Path, "err", err)
	}
	if started {
		panic(http.ErrAbortHandler) // a half-written JSON array must not look complete
	}
	msg := err.Error()
	if status == http.StatusInternalServerError {
		msg = "internal error"
	}
	apiError(w, status, msg)
}

// stream writes a JSON array of what each yields, or an error.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, each func(add func(any) error) error) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	arr := output.NewArray(w)
	started := false
	err := each(func(v any) error {
		started = true
		return arr.Add(v)
	})
	if err == nil {
		err = arr.Close()
		started = true
	}
	if err != nil {
		s.apiFail(w, r, started, err)
	}
}

func (s *Server) apiStatus(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.PassStatus(r.Context())
	if err != nil {
		s.apiFail(w, r, false, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = output.WriteJSON(w, map[string]any{
		"documents": st.Documents, "pending": st.Pending, "checked": st.Started && st.State.Complete,
		"checked_at": st.State.Finished, "read_only": s.opt.ReadOnly,
	})
}

func (s *Server) apiFindings(w http.ResponseWriter, r *http.Request) {
	qv := r.URL.Query()
	q := store.FindingQuery{Kind: qv.Get("kind"), Severity: qv.Get("severity"), Doc: qv.Get("doc"), Person: qv.Get("person"),
		Offset: intParam(r, "offset", 0), Limit: intParam(r, "limit", 0)}
	if q.Doc != "" {
		d, err := s.st.Document(r.Context(), q.Doc)
		if err != nil {
			s.apiFail(w, r, false, err)
			return
		}
		q.Doc = d.ID
	}
	if !severityNames[q.Severity] {
		apiError(w, http.StatusBadRequest, fmt.Sprintf("unknown severity %q: use high, medium, low or info", q.Severity))
		return
	}
	s.stream(w, r, func(add func(any) error) error {
		return s.st.ForEachFinding(r.Context(), q, func(f model.Finding) error { return add(f) })
	})
}

func (s *Server) apiDocs(w http.ResponseWriter, r *http.Request) {
	docs, _, err := s.st.ListDocuments(r.Context(), intParam(r, "offset", 0), intParam(r, "limit", 0))
	if err != nil {
		s.apiFail(w, r, false, err)
		return
	}
	s.stream(w, r, func(add func(any) error) error {
		for _, d := range docs {
			if err := add(output.DocumentOf(d)); err != nil {
				return err
			}
		}
		return nil
	})
}

// documentJSON is a document with its text and speaker turns.
type documentJSON struct {
	output.Document
	Turns    []model.Turn `json:"turns"`
	Warnings []string     `json:"warnings,omitempty"`
	Text     string       `json:"text"`
}

func (s *Server) apiDoc(w http.ResponseWriter, r *http.Request) {
	d, err := s.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, false, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = output.WriteJSON(w, documentJSON{Document: output.DocumentOf(d), Turns: output.NonNil(d.Turns), Warnings: d.Warnings, Text: d.Text})
}

// docParam resolves the doc parameter (id, prefix or path) to a full id.
func (s *Server) docParam(r *http.Request) (string, error) {
	ref := r.URL.Query().Get("doc")
	if ref == "" {
		return "", nil
	}
	d, err := s.st.Document(r.Context(), ref)
	if err != nil {
		return "", err
	}
	return d.ID, nil
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	doc, err := s.docParam(r)
	if err != nil {
		s.apiFail(w, r, false, err)
		return
	}
	verdict, speaker := r.URL.Query().Get("verdict"), strings.ToLower(r.URL.Query().Get("speaker"))
	s.stream(w, r, func(add func(any) error) error {
		pages, err := s.st.PageStarts(r.Context())
		if err != nil {
			return err
		}
		return s.st.ForEachQuote(r.Context(), store.QuoteQuery{Doc: doc, ID: r.URL.Query().Get("id")}, func(q model.Quote) error {
			if verdict != "" && q.Verdict != verdict || speaker != "" && !strings.Contains(strings.ToLower(q.Speaker), speaker) {
				return nil
			}
			return add(output.QuoteOf(q, pages))
		})
	})
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	doc, err := s.docParam(r)
	if err != nil {
		s.apiFail(w, r, false, err)
		return
	}
	s.stream(w, r, func(add func(any) error) error {
		pages, err := s.st.PageStarts(r.Context())
		if err != nil {
			return err
		}
		return s.st.ForEachEvent(r.Context(), doc, func(e model.Event) error { return add(output.EventOf(e, pages)) })
	})
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	s.stream(w, r, func(add func(any) error) error {
		return s.st.ForEachTimelineEntry(r.Context(), intParam(r, "offset", 0), intParam(r, "limit", 0), func(e model.TimelineEntry) error { return add(e) })
	})
}

func (s *Server) apiPeople(w http.ResponseWriter, r *http.Request) {
	s.stream(w, r, func(add func(any) error) error {
		return s.st.ForEachActor(r.Context(), intParam(r, "offset", 0), intParam(r, "limit", 0), func(a store.Actor) error { return add(a) })
	})
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		apiError(w, http.StatusBadRequest, "no query: give q")
		return
	}
	hits, err := s.st.Search(r.Context(), q, intParam(r, "limit", store.DefaultSearchLimit))
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	// The command line marks matches with [ and ].
	marks := strings.NewReplacer(markStart, "[", markEnd, "]")
	s.stream(w, r, func(add func(any) error) error {
		for _, h := range hits {
			h.Snippet = marks.Replace(h.Snippet)
			if err := add(h); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Server) apiAdd(w http.ResponseWriter, r *http.Request) {
	j, status, err := s.startAdd(w, r)
	if err != nil {
		var fe errForbidden
		if errors.As(err, &fe) {
			status = http.StatusForbidden
		}
		apiError(w, status, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Location", "/api/jobs/"+j.ID)
	w.WriteHeader(status)
	c, _ := s.jobs.get(j.ID)
	_ = output.WriteJSON(w, c)
}

func (s *Server) apiJob(w http.ResponseWriter, r *http.Request) {
	j, ok := s.jobs.get(r.PathValue("id"))
	if !ok {
		apiError(w, http.StatusNotFound, "no such job (only the last ones are kept)")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = output.WriteJSON(w, j)
}
