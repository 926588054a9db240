package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
)

// Adding documents: the upload is read whole (within MaxUpload), then a
// job analyses and stores each file, one transaction per file as `dossier
// add` does, and runs the pass; the page follows the job's progress.

// job is one upload being added.
type job struct {
	ID string `json:"id"`
	// State is queued, running, done or failed.
	State string `json:"state"`
	// Phase says what the job is doing: analysing, checking.
	Phase string `json:"phase"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
	// Added are the documents added; Unchanged those already stored.
	Added     []jobDoc `json:"added"`
	Unchanged []jobDoc `json:"unchanged"`
	Errors    []string `json:"errors"`
	Started   string   `json:"started"`
}

type jobDoc struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Path  string `json:"path"`
	Kind  string `json:"kind"`
}

// jobs keeps the last jobs, so that memory does not grow with uploads.
type jobs struct {
	mu    sync.Mutex
	keep  int
	n     int
	byID  map[string]*job
	order []string
}

func newJobs(keep int) *jobs { return &jobs{keep: keep, byID: map[string]*job{}} }

func (js *jobs) create(total int) *job {
	js.mu.Lock()
	defer js.mu.Unlock()
	js.n++
	j := &job{ID: strconv.Itoa(js.n), State: "queued", Total: total, Added: []jobDoc{}, Unchanged: []jobDoc{}, Errors: []string{},
		Started: time.Now().UTC().Format(time.RFC3339)}
	js.byID[j.ID] = j
	js.order = append(js.order, j.ID)
	for len(js.order) > js.keep {
		delete(js.byID, js.order[0])
		js.order = js.order[1:]
	}
	return j
}

// get returns a copy of a job, safe to read while it runs.
func (js *jobs) get(id string) (job, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.byID[id]
	if !ok {
		return job{}, false
	}
	c := *j
	c.Added = append([]jobDoc(nil), j.Added...)
	c.Unchanged = append([]jobDoc(nil), j.Unchanged...)
	c.Errors = append([]string(nil), j.Errors...)
	return c, true
}

func (js *jobs) update(j *job, fn func(*job)) {
	js.mu.Lock()
	defer js.mu.Unlock()
	fn(j)
}

// upload is one file of an upload, or pasted text.
type upload struct {
	name string
	data []byte
}

// readUpload reads the files and the pasted text of a multipart form.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request) ([]upload, ingest.Options, error) {
	opt := s.opt.Ingest
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, opt, fmt.Errorf("the upload is larger than the limit of %d MB", s.opt.MaxUpload/1e6)
		}
		return nil, opt, fmt.Errorf("the upload could not be read: %v", err)
	}
	var ups []upload
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["file"] {
			data, err := readPart(fh)
			if err != nil {
				return nil, opt, fmt.Errorf("%s: %v", fh.Filename, err)
			}
			ups = append(ups, upload{name: filepath.Base(fh.Filename), data: data})
		}
	}
	if text := r.FormValue("text"); strings.TrimSpace(text) != "" {
		title := strings.TrimSpace(r.FormValue("title"))
		if title != "" && !strings.HasPrefix(strings.TrimSpace(text), title) {
			text = title + "\n\n" + text
		}
		name := "pasted-" + time.Now().UTC().Format("20060102-150405") + ".txt"
		ups = append(ups, upload{name: name, data: []byte(text)})
	}
	if len(ups) == 0 {
		return nil, opt, errors.New("nothing to add: choose files or paste a text")
	}
	opt.Flags = ingest.Meta{Date: r.FormValue("date"), Kind: r.FormValue("kind"), URL: r.FormValue("url"), Publisher: r.FormValue("publisher")}
	return ups, opt, nil
}

func readPart(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// startAdd checks the request, reads the upload and starts its job.
func (s *Server) startAdd(w http.ResponseWriter, r *http.Request) (*job, int, error) {
	if s.opt.ReadOnly {
		return nil, http.StatusForbidden, errForbidden("this workspace is read-only")
	}
	// An API client's token is checked before its upload is read.
	if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		if err := s.authorize(r, ""); err != nil {
			return nil, http.StatusForbidden, err
		}
	}
	ups, opt, err := s.readUpload(w, r)
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	if err := s.authorize(r, r.FormValue("token")); err != nil {
		return nil, http.StatusForbidden, err
	}
	j := s.jobs.create(len(ups))
	// The job outlives the request: it runs on the server's context.
	go s.runAdd(context.WithoutCancel(r.Context()), j, ups, opt)
	return j, http.StatusAccepted, nil
}

// runAdd adds the files of an upload and checks the dossier again.
func (s *Server) runAdd(ctx context.Context, j *job, ups []upload, opt ingest.Options) {
	s.write.Lock()
	defer s.write.Unlock()
	defer func() {
		// A document that breaks a stage must not stop the server.
		if v := recover(); v != nil {
			s.log.Error("adding documents failed", "panic", fmt.Sprint(v))
			s.jobs.update(j, func(j *job) {
				j.State, j.Phase = "failed", ""
				j.Errors = append(j.Errors, "internal error while adding; the server's log says more")
			})
		}
	}()
	p := s.opt.Pipeline
	s.jobs.update(j, func(j *job) { j.State, j.Phase = "running", "analysing" })
	added := 0
	for _, u := range ups {
		docs, err := s.addOne(ctx, p, u, opt)
		s.jobs.update(j, func(j *job) {
			j.Done++
			if err != nil {
				j.Errors = append(j.Errors, oneLine(err))
				return
			}
			for i, d := range docs.docs {
				jd := jobDoc{ID: d.ID, Title: d.Title, Path: d.Path, Kind: string(d.Kind)}
				if docs.added[i] {
					j.Added = append(j.Added, jd)
				} else {
					j.Unchanged = append(j.Unchanged, jd)
				}
			}
		})
		for _, a := range docs.added {
			if a {
				added++
			}
		}
	}
	if added > 0 {
		status, err := s.st.PassStatus(ctx)
		total := status.Documents
		if err == nil {
			s.jobs.update(j, func(j *job) { j.Phase, j.Done, j.Total = "checking", 0, total })
			_, err = p.Pass(ctx, s.st, pipeline.PassOptions{Progress: func(done, total int) {
				s.jobs.update(j, func(j *job) { j.Done, j.Total = done, total })
			}})
		}
		if err != nil {
			s.log.Error("check the dossier after an upload", "err", err)
			s.jobs.update(j, func(j *job) { j.Errors = append(j.Errors, "checking the dossier: "+oneLine(err)) })
		}
	}
	s.forgetFreshness()
	s.jobs.update(j, func(j *job) {
		j.Phase = ""
		j.State = "done"
		if len(j.Added)+len(j.Unchanged) == 0 && len(j.Errors) > 0 {
			j.State = "failed"
		}
	})
}

type addedDocs struct {
	docs  []*model.Document
	added []bool
}

// addOne ingests, analyses and stores one file in one transaction.
func (s *Server) addOne(ctx context.Context, p *pipeline.Pipeline, u upload, opt ingest.Options) (addedDocs, error) {
	var out addedDocs
	if opt.MaxSize > 0 && int64(len(u.data)) > opt.MaxSize {
		return out, fmt.Errorf("%s: larger than the limit of %d MB", u.name, opt.MaxSize/1e6)
	}
	docs, err := ingest.Parse(ctx, u.name, u.data, opt)
	if err != nil {
		return out, err
	}
	analyses := make([]*model.Analysis, len(docs))
	for i, d := range docs {
		if analyses[i], err = p.Document(ctx, d); err != nil {
			return out, fmt.Errorf("%s: analyse: %w", u.name, err)
		}
	}
	added, err := s.st.AddDocuments(ctx, docs, analyses)
	if err != nil {
		return out, fmt.Errorf("%s: %w", u.name, err)
	}
	return addedDocs{docs: docs, added: added}, nil
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

func (s *Server) addPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "add", http.StatusOK, page{Title: "Add documents", Data: map[string]any{
		"CSRF": s.csrfToken(w, r), "MaxMB": s.opt.MaxUpload / 1e6,
	}})
}

// addForm is the form's POST without the page's script: the browser goes
// to the job's page, which follows its progress.
func (s *Server) addForm(w http.ResponseWriter, r *http.Request) {
	j, status, err := s.startAdd(w, r)
	if err != nil {
		s.render(w, r, "add", status, page{Title: "Add documents", Data: map[string]any{
			"CSRF": s.csrfToken(w, r), "MaxMB": s.opt.MaxUpload / 1e6, "Error": err.Error(),
		}})
		return
	}
	http.Redirect(w, r, "/jobs/"+j.ID, http.StatusSeeOther)
}

func (s *Server) jobPage(w http.ResponseWriter, r *http.Request) {
	j, ok := s.jobs.get(r.PathValue("id"))
	if !ok {
		s.fail(w, r, http.StatusNotFound, errors.New("no such upload (only the last ones are kept)"))
		return
	}
	s.render(w, r, "job", http.StatusOK, page{Title: "Adding documents", Nav: "add", Data: j, Refresh: j.State == "queued" || j.State == "running"})
}
