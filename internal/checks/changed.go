package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
)

// record-changed: a page fetched again whose text is not what it was. A
// changed page is stored as a new version naming the one before it
// (Document.Previous); the finding gives the word diff between the two,
// with the changed words of each as evidence. Nothing is said about why
// it changed: a correction notice, if the page has one, is in its text.

// Limits of the diff, so that a page rewritten from top to bottom costs
// bounded time and memory and gives a finding that can still be read.
const (
	// changedMaxEdits bounds the words added and removed that the diff
	// traces one by one; past it, the change is reported as one block.
	changedMaxEdits = 1000
	// changedShownHunks is how many changed passages the summary shows,
	// and changedEvidenceHunks how many give evidence.
	changedShownHunks    = 5
	changedEvidenceHunks = 10
	// changedContext is the words shown around each change.
	changedContext = 2
	// changedBlockEvidence bounds, in bytes, the evidence of a change
	// reported as one block.
	changedBlockEvidence = 400
)

// recordChanged finds the documents of the input that are a later
// version of another document of the input.
func (c *Checker) recordChanged(in *Input) []model.Finding {
	byID := make(map[string]*model.Document, len(in.Docs))
	for _, d := range in.Docs {
		byID[d.ID] = d
	}
	var out []model.Finding
	for _, d := range in.Docs {
		if old := byID[d.Previous]; d.Previous != "" && old != nil {
			if f, ok := RecordChanged(old, d); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// RecordChanged compares two versions of a page, old and cur, and returns
// a record-changed finding with the word diff, or false when their words
// are the same. A change to a primary record (a statement, a transcript)
// is of medium severity; a change to coverage, which is often updated in
// the open, is low.
func RecordChanged(old, cur *model.Document) (model.Finding, bool) {
	a, b := wordsOf(old.Text), wordsOf(cur.Text)
	hunks, whole := diffWords(a, b, changedMaxEdits)
	if len(hunks) == 0 {
		return model.Finding{}, false
	}
	f := model.Finding{
		Kind:     "record-changed",
		Severity: model.SeverityLow,
		Check:    "record-changed",
		Evidence: []model.Evidence{},
		Events:   []string{},
		Quotes:   []string{},
	}
	if old.Kind.Primary() || cur.Kind.Primary() {
		f.Severity = model.SeverityMedium
	}
	var diff string
	if whole {
		h := hunks[0]
		f.Evidence = append(f.Evidence, clipEvidence(old, a, h.a0, h.a1), clipEvidence(cur, b, h.b0, h.b1))
		diff = fmt.Sprintf("the text changed throughout (more than %d words added or removed), from %s to the end",
			changedMaxEdits, quoteStart(cur, b, h.b0))
	} else {
		for i, h := range hunks {
			if i == changedEvidenceHunks {
				break
			}
			if h.a1 > h.a0 {
				f.Evidence = append(f.Evidence, model.EvidenceOf(old.ID, wordSpan(old.Text, a, h.a0, h.a1)))
			}
			if h.b1 > h.b0 {
				f.Evidence = append(f.Evidence, model.EvidenceOf(cur.ID, wordSpan(cur.Text, b, h.b0, h.b1)))
			}
		}
		diff = renderHunks(a, b, hunks)
	}
	f.Summary = fmt.Sprintf("%s changed between %s and %s: %s", pageName(cur), versionWhen(old), versionWhen(cur), diff)
	return f, true
}

// pageName names a page by its title and URL.
func pageName(d *model.Document) string {
	url := d.URL
	if url == "" {
		url = d.Path
	}
	if d.Title != "" {
		return "“" + d.Title + "” (" + url + ")"
	}
	return url
}

// versionWhen says which version a document is: when it was fetched.
func versionWhen(d *model.Document) string {
	if d.FetchedAt.IsZero() {
		return "version " + d.ShortID()
	}
	return "the version fetched " + d.FetchedAt.UTC().Format("2006-01-02 15:04:05 UTC")
}

// word is a run of non-space characters of a text, with its offsets.
type word struct {
	start, end int
	text       string
}

func wordsOf(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, word{start, i, s[start:i]})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(s), s[start:]})
	}
	return out
}

// hunk is one change: the words a[a0:a1] became b[b0:b1].
type hunk struct{ a0, a1, b0, b1 int }

// diffWords returns the changes that turn a into b, by the shortest
// edit script (Myers' algorithm) over words, after the common start and
// end are set aside. When more than maxEdits words are added or removed,
// it returns the whole differing middle as one hunk and whole = true;
// time and memory stay within O((n+m)·maxEdits) and O(maxEdits²).
func diffWords(a, b []word, maxEdits int) (hunks []hunk, whole bool) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre].text == b[pre].text {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf].text == b[len(b)-1-suf].text {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma) == 0 && len(mb) == 0 {
		return nil, false
	}
	ids := map[string]int32{}
	intern := func(ws []word) []int32 {
		out := make([]int32, len(ws))
		for i, w := range ws {
			id, ok := ids[w.text]
			if !ok {
				id = int32(len(ids))
				ids[w.text] = id
			}
			out[i] = id
		}
		return out
	}
	ops, ok := myers(intern(ma), intern(mb), maxEdits)
	if !ok {
		return []hunk{{pre, len(a) - suf, pre, len(b) - suf}}, true
	}
	// ops: 0 equal, 1 delete (from a), 2 insert (from b).
	x, y := pre, pre
	var cur *hunk
	for _, op := range ops {
		if op == 0 {
			if cur != nil {
				hunks = append(hunks, *cur)
				cur = nil
			}
			x++
			y++
			continue
		}
		if cur == nil {
			cur = &hunk{a0: x, a1: x, b0: y, b1: y}
		}
		if op == 1 {
			x++
			cur.a1 = x
		} else {
			y++
			cur.b1 = y
		}
	}
	if cur != nil {
		hunks = append(hunks, *cur)
	}
	return hunks, false
}

// myers returns a shortest edit script from a to b: 0 keep, 1 delete,
// 2 insert; false when it needs more than maxD edits.
func myers(a, b []int32, maxD int) ([]byte, bool) {
	n, m := len(a), len(b)
	limit := min(n+m, maxD)
	off := limit + 1
	v := make([]int32, 2*limit+3)
	// trace[d] is v over k in [-d-1, d+1] before round d.
	var trace [][]int32
	for d := 0; d <= limit; d++ {
		trace = append(trace, append([]int32(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = int(v[off+k+1])
			} else {
				x = int(v[off+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = int32(x)
			if x >= n && y >= m {
				return backtrack(trace, n, m), true
			}
		}
	}
	return nil, false
}

func backtrack(trace [][]int32, n, m int) []byte {
	var ops []byte
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		at := func(k int) int { return int(v[k+d+1]) }
		k := x - y
		var pk int
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			ops = append(ops, 0)
			x--
			y--
		}
		if d > 0 {
			if x == px {
				ops = append(ops, 2)
			} else {
				ops = append(ops, 1)
			}
		}
		x, y = px, py
	}
	for i, j := 0, len(ops)-1; i < j; i, j = i+1, j-1 {
		ops[i], ops[j] = ops[j], ops[i]
	}
	return ops
}

// renderHunks writes the changes as a word diff, [-removed-] {+added+},
// with changedContext words of the new version around each change and
// "…" for the rest.
func renderHunks(a, b []word, hunks []hunk) string {
	var parts []string
	join := func(ws []word) string {
		s := make([]string, len(ws))
		for i, w := range ws {
			s[i] = w.text
		}
		return strings.Join(s, " ")
	}
	// The context between two hunks is the new version's words.
	lastB := 0
	for i, h := range hunks {
		if i == changedShownHunks {
			parts = append(parts, fmt.Sprintf("… (%d more changes)", len(hunks)-i))
			break
		}
		from := max(h.b0-changedContext, lastB)
		if from > lastB || i == 0 && from > 0 {
			parts = append(parts, "…")
		}
		if from < h.b0 {
			parts = append(parts, join(b[from:h.b0]))
		}
		if h.a1 > h.a0 {
			parts = append(parts, "[-"+join(a[h.a0:h.a1])+"-]")
		}
		if h.b1 > h.b0 {
			parts = append(parts, "{+"+join(b[h.b0:h.b1])+"+}")
		}
		to := min(h.b1+changedContext, len(b))
		if i+1 < len(hunks) {
			to = min(to, hunks[i+1].b0)
		}
		if to > h.b1 {
			parts = append(parts, join(b[h.b1:to]))
		}
		lastB = to
		if i == len(hunks)-1 && to < len(b) {
			parts = append(parts, "…")
		}
	}
	return strings.Join(parts, " ")
}

// wordSpan is the span of text from the start of ws[i] to the end of
// ws[j-1].
func wordSpan(text string, ws []word, i, j int) model.Span {
	return model.NewSpan(text, ws[i].start, ws[j-1].end)
}

// clipEvidence is the evidence of words [i, j) of d, clipped to about
// changedBlockEvidence bytes at a word's end; the empty span at the
// change's place when there are no words.
func clipEvidence(d *model.Document, ws []word, i, j int) model.Evidence {
	if i >= j {
		at := len(d.Text)
		if i < len(ws) {
			at = ws[i].start
		}
		return model.EvidenceOf(d.ID, model.NewSpan(d.Text, at, at))
	}
	end := j
	for end > i+1 && ws[end-1].end-ws[i].start > changedBlockEvidence {
		end--
	}
	return model.EvidenceOf(d.ID, wordSpan(d.Text, ws, i, end))
}

// quoteStart quotes the first words of the new version from word i.
func quoteStart(d *model.Document, ws []word, i int) string {
	if i >= len(ws) {
		return "its end"
	}
	end := min(i+8, len(ws))
	s := d.Text[ws[i].start:ws[end-1].end]
	if !utf8.ValidString(s) {
		return "word " + fmt.Sprint(i+1)
	}
	return "“" + clean(s) + "”"
}

// versionPairs is what a Session keeps to compare versions of a page
// across its two passes: which documents are versions of which, and the
// documents of a pair seen in the second pass until the other comes.
type versionPairs struct {
	prev map[string]string   // later version → earlier
	next map[string][]string // earlier version → later ones
	want map[string]int      // pairs a document is in, not yet compared
	held map[string]*model.Document
}

func newVersionPairs() *versionPairs {
	return &versionPairs{prev: map[string]string{}, next: map[string][]string{}, want: map[string]int{}, held: map[string]*model.Document{}}
}

// scan notes a document's earlier version.
func (v *versionPairs) scan(d *model.Document) {
	if d.Previous == "" || d.Previous == d.ID {
		return
	}
	v.prev[d.ID] = d.Previous
	v.next[d.Previous] = append(v.next[d.Previous], d.ID)
	v.want[d.ID]++
	v.want[d.Previous]++
}

// check compares d with those of its versions already seen, holding it
// while a version it is to be compared with is still to come.
func (v *versionPairs) check(d *model.Document) []model.Finding {
	if v.want[d.ID] == 0 {
		return nil
	}
	v.held[d.ID] = d
	var out []model.Finding
	done := func(a, b string) {
		for _, id := range []string{a, b} {
			if v.want[id]--; v.want[id] <= 0 {
				delete(v.want, id)
				delete(v.held, id)
			}
		}
	}
	if p := v.prev[d.ID]; p != "" {
		if old := v.held[p]; old != nil {
			if f, ok := RecordChanged(old, d); ok {
				out = append(out, f)
			}
			done(p, d.ID)
		}
	}
	for _, n := range v.next[d.ID] {
		if later := v.held[n]; later != nil {
			if f, ok := RecordChanged(d, later); ok {
				out = append(out, f)
			}
			done(d.ID, n)
		}
	}
	return out
}
