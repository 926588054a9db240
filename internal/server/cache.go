package server

import (
	"container/list"
	"net/http"
	"sync"
)

// pageCache keeps rendered pages, least recently used first out, within
// a number of bytes: a page changes only when the dossier is checked
// again, and many readers read the same pages. Each page is kept with the
// generation of the results it shows and is not served for another, so
// nothing needs to be cleared when the results change. Its size is
// bounded, so the server's memory does not grow with requests.
type pageCache struct {
	mu    sync.Mutex
	max   int
	size  int
	order *list.List // of *cachedPage, most recently used in front
	byKey map[string]*list.Element
}

type cachedPage struct {
	key, gen string
	body     []byte
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{max: maxBytes, order: list.New(), byKey: map[string]*list.Element{}}
}

func (c *pageCache) get(key, gen string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	p := e.Value.(*cachedPage)
	if p.gen != gen {
		c.remove(e)
		return nil, false
	}
	c.order.MoveToFront(e)
	return p.body, true
}

func (c *pageCache) put(key, gen string, body []byte) {
	if len(body) > c.max/8 {
		return // one page must not push out most of the others
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.remove(e)
	}
	c.byKey[key] = c.order.PushFront(&cachedPage{key: key, gen: gen, body: body})
	c.size += len(body)
	for c.size > c.max {
		c.remove(c.order.Back())
	}
}

func (c *pageCache) remove(e *list.Element) {
	p := e.Value.(*cachedPage)
	c.order.Remove(e)
	delete(c.byKey, p.key)
	c.size -= len(p.body)
}

// cacheFor returns the cache of a page: documents have their own, so
// that reading many documents does not push the lists out.
func (s *Server) cacheFor(name string) *pageCache {
	if name == "doc" || name == "quote" {
		return s.docPages
	}
	return s.pages
}

// cached serves a page from the cache when it holds it for the current
// results, else runs h, whose render stores the page.
func (s *Server) cached(name string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, gen, err := s.freshness(r.Context())
		if err == nil {
			if body, ok := s.cacheFor(name).get(r.URL.RequestURI(), gen); ok {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				_, _ = w.Write(body) // a client that went away: nothing to do
				return
			}
		}
		h(w, r)
	}
}
