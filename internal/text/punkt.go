package text

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// punktTables are the two tables dossier reads from Punkt's English
// training data: each word type's orthographic context and the words
// that start sentences.
type punktTables struct {
	OrthoContext map[string]int `json:"OrthoContext"`
	SentStarters map[string]int `json:"SentStarters"`
}

// readPunkt reads the tables from the training data (a JSON object).
// encoding/json took about a third of a short command's run time here
// (reflection for 20,000 map entries), so the object is read by
// readPunktFast, which knows its simple shape, and by encoding/json only
// when readPunktFast finds something it does not handle.
func readPunkt(raw []byte) (punktTables, error) {
	if t, ok := readPunktFast(raw); ok {
		return t, nil
	}
	var t punktTables
	if err := json.Unmarshal(raw, &t); err != nil {
		return punktTables{}, fmt.Errorf("punkt english training data: %w", err)
	}
	return t, nil
}

// readPunktFast reads an object whose members OrthoContext and
// SentStarters are objects of integers keyed by strings without escapes,
// skipping the other members. It reports false for anything else.
func readPunktFast(b []byte) (t punktTables, ok bool) {
	p := punktParser{b: b}
	if !p.consume('{') {
		return t, false
	}
	for first := true; ; first = false {
		if p.consume('}') {
			return t, p.end() && t.OrthoContext != nil && t.SentStarters != nil
		}
		if !first && !p.consume(',') {
			return t, false
		}
		key, ok := p.str()
		if !ok || !p.consume(':') {
			return t, false
		}
		switch key {
		case "OrthoContext":
			// sized for its entries, which are most of the file's
			t.OrthoContext, ok = p.intMap(bytes.Count(p.b[p.i:], []byte{':'}))
		case "SentStarters":
			t.SentStarters, ok = p.intMap(0)
		default:
			ok = p.skip(0)
		}
		if !ok {
			return t, false
		}
	}
}

type punktParser struct {
	b []byte
	i int
}

func (p *punktParser) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\t' || p.b[p.i] == '\r') {
		p.i++
	}
}

func (p *punktParser) consume(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *punktParser) end() bool {
	p.space()
	return p.i == len(p.b)
}

// str reads a string without escapes.
func (p *punktParser) str() (string, bool) {
	if !p.consume('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return string(p.b[start : p.i-1]), true
		case c == '\\' || c < 0x20:
			return "", false
		}
		p.i++
	}
	return "", false
}

// int reads a non-negative integer.
func (p *punktParser) int() (int, bool) {
	p.space()
	n, digits := 0, 0
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' && digits < 9 {
		n = 10*n + int(p.b[p.i]-'0')
		p.i++
		digits++
	}
	if digits == 0 || p.i < len(p.b) && (p.b[p.i] >= '0' && p.b[p.i] <= '9' || p.b[p.i] == '.' || p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		return 0, false
	}
	return n, true
}

func (p *punktParser) intMap(size int) (map[string]int, bool) {
	if !p.consume('{') {
		return nil, false
	}
	m := make(map[string]int, size)
	for first := true; ; first = false {
		if p.consume('}') {
			return m, true
		}
		if !first && !p.consume(',') {
			return nil, false
		}
		k, ok := p.str()
		if !ok || !p.consume(':') {
			return nil, false
		}
		v, ok := p.int()
		if !ok {
			return nil, false
		}
		m[k] = v
	}
}

// skip passes over one value: a string, a number, true, false, null, or
// an object or array of those (nested at most 32 deep).
func (p *punktParser) skip(depth int) bool {
	if depth > 32 {
		return false
	}
	p.space()
	if p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '"':
		_, ok := p.str()
		return ok
	case c == '{' || c == '[':
		closing := byte('}')
		if c == '[' {
			closing = ']'
		}
		p.i++
		for first := true; ; first = false {
			if p.consume(closing) {
				return true
			}
			if !first && !p.consume(',') {
				return false
			}
			if c == '{' {
				if _, ok := p.str(); !ok || !p.consume(':') {
					return false
				}
			}
			if !p.skip(depth + 1) {
				return false
			}
		}
	default:
		start := p.i
		for p.i < len(p.b) && (p.b[p.i] >= 'a' && p.b[p.i] <= 'z' || p.b[p.i] >= '0' && p.b[p.i] <= '9' || p.b[p.i] == '-' || p.b[p.i] == '+' || p.b[p.i] == '.' || p.b[p.i] == 'E') {
			p.i++
		}
		return p.i > start
	}
}
