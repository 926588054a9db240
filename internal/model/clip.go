package model

import (
	"slices"
	"strings"
	"unicode"
)

// Clip shortens s to at most n runes, with an ellipsis, ending at a word:
// "a democratically elected Libyan…", not "…Libyan gove…", unless that
// would leave less than half of n. The summaries of every output read it.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	r = r[:n-1]
	if k := lastSpace(r); k >= n/2 {
		r = r[:k]
	}
	return strings.TrimRight(string(r), " ,;:") + "…"
}

// ClipStart shortens s to its last n runes or fewer, with an ellipsis
// before them, starting at a word: "…said, are acts of", not "…a said,
// are acts of".
func ClipStart(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	at := len(r) - (n - 1)
	if !unicode.IsSpace(r[at-1]) {
		// the cut falls inside a word: start after it, unless that
		// would leave little
		if k := slices.IndexFunc(r[at:], unicode.IsSpace); k >= 0 && k < (n-1)/2 {
			at += k + 1
		}
	}
	return "…" + strings.TrimLeft(string(r[at:]), " ")
}

// lastSpace returns the index of the last white space in r, or -1.
func lastSpace(r []rune) int {
	for k := len(r) - 1; k >= 0; k-- {
		if unicode.IsSpace(r[k]) {
			return k
		}
	}
	return -1
}
