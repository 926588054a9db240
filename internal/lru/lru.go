// Package lru keeps the values most recently used, up to a number of
// them: the caches of documents' metadata that the cross-document pass
// and the reports keep while they read a dossier in order.
//
// In: keys and their values. Out: the value of a key while it is among
// the Max most recently put or got.
package lru

import "container/list"

// Cache is a bounded map that forgets the least recently used key first.
// It is not safe for concurrent use.
type Cache[K comparable, V any] struct {
	max int
	m   map[K]*list.Element
	l   *list.List
}

type entry[K comparable, V any] struct {
	k K
	v V
}

// New returns a Cache that keeps at most size values (at least one).
func New[K comparable, V any](size int) *Cache[K, V] {
	return &Cache[K, V]{max: max(size, 1), m: map[K]*list.Element{}, l: list.New()}
}

// Get returns the value of k and whether it is kept; a kept key becomes
// the most recently used.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	if el, ok := c.m[k]; ok {
		c.l.MoveToFront(el)
		return el.Value.(*entry[K, V]).v, true
	}
	var zero V
	return zero, false
}

// Put keeps v as the value of k, forgetting the least recently used key
// when the Cache is full.
func (c *Cache[K, V]) Put(k K, v V) {
	if el, ok := c.m[k]; ok {
		el.Value.(*entry[K, V]).v = v
		c.l.MoveToFront(el)
		return
	}
	c.m[k] = c.l.PushFront(&entry[K, V]{k, v})
	if c.l.Len() > c.max {
		old := c.l.Back()
		c.l.Remove(old)
		delete(c.m, old.Value.(*entry[K, V]).k)
	}
}

// Len is the number of values kept.
func (c *Cache[K, V]) Len() int { return c.l.Len() }

// Loader is a Cache that fills itself: asked for a key it does not keep,
// it loads the value with its function and keeps it. A load that fails
// is not kept; the first failure is kept for Err. It is not safe for
// concurrent use.
type Loader[K comparable, V any] struct {
	c    *Cache[K, V]
	load func(K) (V, error)
	err  error
}

// NewLoader returns a Loader that keeps at most size values, loaded by
// load.
func NewLoader[K comparable, V any](size int, load func(K) (V, error)) *Loader[K, V] {
	return &Loader[K, V]{c: New[K, V](size), load: load}
}

// Get returns the value of k, loading it if it is not kept; the zero
// value when the load fails.
func (l *Loader[K, V]) Get(k K) V {
	if v, ok := l.c.Get(k); ok {
		return v
	}
	v, err := l.load(k)
	if err != nil {
		if l.err == nil {
			l.err = err
		}
		var zero V
		return zero
	}
	l.c.Put(k, v)
	return v
}

// Err is the first error a load returned, or nil.
func (l *Loader[K, V]) Err() error { return l.err }
