package quotes

import "testing"

func TestDebugArticle(t *testing.T) {
	x := newX(t)
	d := article("art", readExample(t, "natowatch-nato-returns-to-libya.txt"))
	qs := x.Extract(d, nil)
	checkSpans(t, d, qs)
	dump(t, qs)
}
