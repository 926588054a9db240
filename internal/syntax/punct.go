package syntax

// Punctuation is where a greedy parser errs most, and where the treebank
// follows a rule rather than a reading: Universal Dependencies attaches a
// punctuation mark to the head of the phrase or clause it belongs to, as
// high as projectivity allows, paired marks (brackets, quotes) to the head
// of what they enclose, and a sentence's final mark to the left. The
// treebank's punctuation was itself normalised by a program that applies
// these rules (udapi's ud.FixPunct), so we apply the same rules to the
// parser's tree instead of trusting its guesses: fixPunct re-attaches every
// punctuation mark, leaving the other words where the parser put them.

// fixPunct re-attaches the punctuation of a parsed sentence. head[i] is
// word i's head (0-based; -1 for the root); punct[i] marks punctuation;
// forms are the words.
func fixPunct(head []int, punct []bool, forms []string) {
	n := len(head)
	if n < 2 {
		return
	}
	t := tree{head: head}
	// Punctuation has no dependents: give them to its head.
	for i := range n {
		for g := 0; head[i] >= 0 && punct[head[i]] && g < n; g++ {
			head[i] = head[head[i]]
		}
	}
	kind := make([]int8, n) // 1 opening, 2 closing
	for i := range n {
		if kind[i] != 0 || !punct[i] {
			continue
		}
		if closing, ok := pairedClose(forms[i]); ok {
			depth := 0
			for j := i + 1; j < n; j++ {
				if forms[j] == closing && (closing != forms[i] || depth == 0) {
					if depth > 0 {
						depth--
						continue
					}
					t.fixPair(i, j, punct, kind)
					break
				} else if forms[j] == forms[i] && closing != forms[i] {
					depth++
				}
			}
		}
	}
	for i := range n {
		if punct[i] && kind[i] == 0 {
			t.fixSubordinate(i, punct, forms, kind)
		}
	}
	// exactly one root
	root := -1
	for i := range n {
		if head[i] < 0 {
			if root < 0 {
				root = i
			} else {
				head[i] = root
			}
		}
	}
}

// pairedClose returns the mark that closes an opening mark.
func pairedClose(f string) (string, bool) {
	switch f {
	case "(":
		return ")", true
	case "[":
		return "]", true
	case "{":
		return "}", true
	case `"`:
		return `"`, true
	case "“":
		return "”", true
	case "``":
		return "''", true
	case "‘":
		return "’", true
	}
	return "", false
}

// closingQuote reports whether a word is a mark that may close a
// quotation: a closing mark of pairedClose's quotation marks, or a
// single straight quote (a tokenizer may cut two straight quotes written
// as one closing mark in two).
func closingQuote(w string) bool {
	switch w {
	case "”", "\"", "''", "’", "'":
		return true
	}
	return false
}

type tree struct{ head []int }

// span returns the first and last word of i's subtree.
func (t tree) span(i int) (int, int) {
	lo, hi := i, i
	for j := range t.head {
		if j < lo || j > hi {
			if t.dominates(i, j) {
				lo, hi = min(lo, j), max(hi, j)
			}
		}
	}
	return lo, hi
}

// dominates reports whether a is an ancestor of b (or b itself).
func (t tree) dominates(a, b int) bool {
	for g := 0; b >= 0 && g <= len(t.head); g++ {
		if b == a {
			return true
		}
		b = t.head[b]
	}
	return false
}

// projective reports whether the arc from head h to word d spans only
// words that h dominates.
func (t tree) projective(h, d int) bool {
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		if !t.dominates(h, k) {
			return false
		}
	}
	return true
}

func (t tree) fixPair(open, close int, punct []bool, kind []int8) {
	var heads, punctHeads []int
	for k := open + 1; k < close; k++ {
		h := t.head[k]
		if h < open || h > close || h < 0 {
			if punct[k] {
				punctHeads = append(punctHeads, k)
			} else {
				heads = append(heads, k)
			}
		}
	}
	if len(heads) == 0 {
		heads = punctHeads
	}
	if len(heads) == 0 {
		return
	}
	t.head[open], t.head[close] = heads[0], heads[len(heads)-1]
	kind[open], kind[close] = 1, 2
}

func (t tree) fixSubordinate(p int, punct []bool, forms []string, kind []int8) {
	n := len(t.head)
	if forms[p] == "." && t.head[p] == p-1 {
		return // an abbreviation's period
	}
	orig := t.head[p]
	t.head[p] = -2 // detached while the candidates are found
	l, r := p-1, p+1
	if forms[p] == "." || forms[p] == "?" || forms[p] == "!" {
		r = n
	}
	for l >= 0 && punct[l] {
		if kind[l] == 1 && t.head[l] != p {
			l = -1
			break
		}
		l--
	}
	for r < n && punct[r] {
		if kind[r] == 2 && t.head[r] != p {
			r = n
			break
		}
		r++
	}
	// the paths live on the stack, unless one is longer than 32 words
	var lBuf, rBuf [32]int
	lPath, rPath := lBuf[:0], rBuf[:0]
	if l >= 0 {
		lPath = append(lPath, l)
		for {
			h := t.head[l]
			if h < 0 || h >= p {
				break
			}
			if _, hi := t.span(l); hi > p {
				break
			}
			l = h
			lPath = append(lPath, l)
		}
	}
	if r < n {
		rPath = append(rPath, r)
		for {
			h := t.head[r]
			if h < 0 || h <= p {
				break
			}
			if lo, _ := t.span(r); lo < p {
				break
			}
			r = h
			rPath = append(rPath, r)
		}
	}
	keep := func(path []int) []int {
		out := path[:0]
		for _, c := range path {
			if t.projective(c, p) {
				out = append(out, c)
			}
		}
		return out
	}
	lPath, rPath = keep(lPath), keep(rPath)
	lc, rc := -1, -1
	if len(lPath) > 0 {
		lc = lPath[len(lPath)-1]
	}
	if len(rPath) > 0 {
		rc = rPath[len(rPath)-1]
	}
	for _, path := range [2][]int{lPath, rPath} {
		for _, c := range path {
			if c == orig {
				t.head[p] = orig // the parser's choice is one the rules allow
				return
			}
		}
	}
	switch {
	case lc >= 0 && rc >= 0 && t.dominates(rc, lc):
		t.head[p] = lc
	case lc >= 0 && rc >= 0 && t.dominates(lc, rc):
		t.head[p] = rc
	case lc >= 0:
		t.head[p] = lc
	case rc >= 0:
		t.head[p] = rc
	default:
		t.head[p] = orig
	}
}
