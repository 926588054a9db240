package store

import (
	"errors"
	"strings"
	"unicode"
)

// A search query is read the way web search engines (and PostgreSQL's
// websearch_to_tsquery) read one: words must all match, "quoted words"
// must match as a phrase, OR between two terms makes either do, and
// -word or -"a phrase" excludes documents that match it. A word ending in
// * matches as a prefix (SQLite only). Any other punctuation is part of a
// word and handled by the tokenizer, so no query is a syntax error.

// term is one word or phrase of a query.
type term struct {
	text   string
	prefix bool
}

// parsedQuery is a query as a conjunction of disjunctions, less the
// excluded terms.
type parsedQuery struct {
	all  [][]term // every clause must match; a clause matches if any term does
	none []term
}

var errNoWords = errors.New("query has no words to search for")

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func parseQuery(q string) (parsedQuery, error) {
	var (
		p      parsedQuery
		or     bool // the previous token was OR
		negate bool
	)
	add := func(t term) {
		switch {
		case !hasWord(t.text):
		case negate:
			p.none = append(p.none, t)
		case or && len(p.all) > 0:
			last := len(p.all) - 1
			p.all[last] = append(p.all[last], t)
		default:
			p.all = append(p.all, []term{t})
		}
		or, negate = false, false
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			negate = false
		case c == '"':
			j := strings.IndexByte(q[i+1:], '"')
			if j < 0 {
				j = len(q) - i - 1 // an unclosed phrase runs to the end
			}
			add(term{text: q[i+1 : i+1+j]})
			i += j + 2
		case c == '-' && i+1 < len(q) && q[i+1] != ' ' && q[i+1] != '-':
			negate = true
			i++
		default:
			j := strings.IndexAny(q[i:], " \t\n\r\"")
			if j < 0 {
				j = len(q) - i
			}
			w := q[i : i+j]
			i += j
			if w == "OR" {
				or = len(p.all) > 0
				negate = false
				continue
			}
			t := term{text: w}
			if strings.HasSuffix(w, "*") {
				t.text, t.prefix = strings.TrimRight(w, "*"), true
			}
			add(t)
		}
	}
	if len(p.all) == 0 {
		return p, errNoWords
	}
	return p, nil
}

// fts5 renders the query in FTS5's query syntax, every term quoted so
// that nothing in it is read as an operator.
func (p parsedQuery) fts5() string {
	quote := func(t term) string {
		s := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
		if t.prefix {
			s += "*"
		}
		return s
	}
	group := func(ts []term) string {
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = quote(t)
		}
		if len(parts) == 1 {
			return parts[0]
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	clauses := make([]string, len(p.all))
	for i, c := range p.all {
		clauses[i] = group(c)
	}
	expr := strings.Join(clauses, " AND ")
	if len(p.none) > 0 {
		expr = "(" + expr + ") NOT " + group(p.none)
	}
	return expr
}
