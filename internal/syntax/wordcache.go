package syntax

// wordCache is a map of at most 2*max entries that keeps the words a
// goroutine meets most often. Clearing a full map, as the caches of words
// did, forgets the frequent words with the rare ones, and in news, whose
// vocabulary is larger than the bound (twenty thousand forms in a few
// hundred articles), it filled up every few hundred lines and each
// frequent word was learned again. Here a full map becomes the old
// generation and a new one starts; a word found in the old one moves
// into the new one, and what is left in the old one when the new one
// fills in turn is dropped: the rare words.
type wordCache[K comparable, V any] struct {
	cur, old map[K]V
	max      int
}

// newWordCache returns a wordCache of generations of max entries.
func newWordCache[K comparable, V any](max int) *wordCache[K, V] {
	return &wordCache[K, V]{cur: make(map[K]V), max: max}
}

// get returns the value of k, if kept.
func (c *wordCache[K, V]) get(k K) (V, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.put(k, v)
	}
	return v, ok
}

// put keeps v as the value of k.
func (c *wordCache[K, V]) put(k K, v V) {
	if len(c.cur) >= c.max {
		if c.old == nil {
			c.old = make(map[K]V, c.max)
		}
		c.old, c.cur = c.cur, c.old
		clear(c.cur)
	}
	c.cur[k] = v
}
