package actors

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// People is a list of people's names, each with the country of all its
// codes and its dated codes, read from a file of lines
//
//	name<TAB>COUNTRY<TAB>CODE FROM-TO,CODE,...
//
// sorted by name, the name written as PersonKey writes it (lines starting
// with "#" are comments). The shipped list (data/actors/people-phoenix.txt)
// is generated from PETRARCH2's Phoenix dictionary by scripts/gen-people.
// It is searched in place: loading keeps the file and the offsets of its
// lines, not a table of entries, so that a start costs little. People is
// immutable and safe for concurrent use.
type People struct {
	data  []byte
	lines []int32 // offset of each name line
}

// LoadPeople reads the list at path in fsys. A line that is not a name,
// a country and codes, or that is out of order, is an error naming the
// file and line.
func LoadPeople(fsys fs.FS, path string) (*People, error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("load people %s: %w", path, err)
	}
	return ParsePeople(b, path)
}

// ParsePeople reads a list of people from b; name is used in errors.
func ParsePeople(b []byte, name string) (*People, error) {
	p := &People{data: b, lines: make([]int32, 0, bytes.Count(b, []byte{'\n'}))}
	if len(b) > 1<<31-1 {
		return nil, fmt.Errorf("load people %s: file too large", name)
	}
	var prev []byte
	for off, n := 0, 1; off < len(b); n++ {
		end := bytes.IndexByte(b[off:], '\n')
		if end < 0 {
			end = len(b) - off
		}
		line := b[off : off+end]
		if len(line) > 0 && line[0] != '#' {
			t1 := bytes.IndexByte(line, '\t')
			t2 := -1
			if t1 > 0 {
				if k := bytes.IndexByte(line[t1+1:], '\t'); k >= 0 {
					t2 = t1 + 1 + k
				}
			}
			switch {
			case t1 <= 0 || t2 < 0 || bytes.IndexByte(line[t2+1:], '\t') >= 0:
				return nil, fmt.Errorf("load people %s: line %d: want a name, a country and codes separated by tabs", name, n)
			case t2-t1-1 != 3 || !validCode(string(line[t1+1:t2])):
				return nil, fmt.Errorf("load people %s: line %d: country %q is not a three-letter code", name, n, line[t1+1:t2])
			case prev != nil && bytes.Compare(prev, line[:t1]) >= 0:
				return nil, fmt.Errorf("load people %s: line %d: %q is out of order (the names must be sorted and unique)", name, n, line[:t1])
			}
			if !codesWellFormed(line[t2+1:]) {
				// Rare: read them again to say what is wrong.
				if _, err := parsePersonCodes(string(line[t2+1:])); err != nil {
					return nil, fmt.Errorf("load people %s: line %d: %w", name, n, err)
				}
			}
			prev = line[:t1]
			p.lines = append(p.lines, int32(off))
		}
		off += end + 1
	}
	return p, nil
}

// Len returns the number of names in the list.
func (p *People) Len() int {
	if p == nil {
		return 0
	}
	return len(p.lines)
}

// PersonKey is the form a name is listed and looked up in: the words a
// dictionary phrase is matched by (lower case, no dots, no diacritics),
// with hyphens as spaces, separated by one space.
func PersonKey(name string) string {
	return normName(strings.ReplaceAll(name, "-", " "))
}

// Lookup returns the code of the person named name at t: of the dated
// codes that hold at t the one that started last (an office taken while
// the person was of the country's elite), else the code with no dates,
// else the country alone (a person is of the country of all his or her
// codes, in office or not). With t zero it returns the most recent code,
// as Entry.CodeAt does. ok is false when the list has no such name.
func (p *People) Lookup(name string, t time.Time) (code string, ok bool) {
	if p == nil {
		return "", false
	}
	key := PersonKey(name)
	if key == "" {
		return "", false
	}
	i := sort.Search(len(p.lines), func(i int) bool { return string(p.name(i)) >= key })
	if i == len(p.lines) || string(p.name(i)) != key {
		return "", false
	}
	line := p.line(i)
	f := strings.SplitN(line, "\t", 3)
	codes, _ := parsePersonCodes(f[2])
	if t.IsZero() {
		e := Entry{Codes: codes}
		c, _ := e.CodeAt(t)
		return c.Code, true
	}
	best := -1
	for i, c := range codes {
		if c.Dated() && c.Contains(t) && (best < 0 || c.From.After(codes[best].From)) {
			best = i
		}
	}
	if best < 0 {
		for i, c := range codes {
			if !c.Dated() {
				best = i
				break
			}
		}
	}
	if best < 0 {
		return f[1], true
	}
	return codes[best].Code, true
}

func (p *People) line(i int) string {
	off := int(p.lines[i])
	end := bytes.IndexByte(p.data[off:], '\n')
	if end < 0 {
		end = len(p.data) - off
	}
	return string(p.data[off : off+end])
}

func (p *People) name(i int) []byte {
	off := int(p.lines[i])
	end := bytes.IndexByte(p.data[off:], '\t')
	return p.data[off : off+end]
}

// codesWellFormed reports, without allocating, whether b is a list
// parsePersonCodes reads: "CODE", "CODE FROM-TO" with dates of eight
// digits or none, separated by commas.
func codesWellFormed(b []byte) bool {
	for len(b) > 0 {
		part := b
		if k := bytes.IndexByte(b, ','); k >= 0 {
			part, b = b[:k], b[k+1:]
			if len(b) == 0 {
				return false
			}
		} else {
			b = nil
		}
		code, dates := part, []byte(nil)
		if k := bytes.IndexByte(part, ' '); k >= 0 {
			code, dates = part[:k], part[k+1:]
			if len(dates) == 0 {
				return false
			}
		}
		if len(code) == 0 || len(code)%3 != 0 {
			return false
		}
		for _, c := range code {
			if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return false
			}
		}
		if dates != nil {
			from, to, ok := bytes.Cut(dates, []byte{'-'})
			if !ok || !eightDigits(from) || !eightDigits(to) {
				return false
			}
		}
	}
	return true
}

// eightDigits reports whether b is empty or eight digits (a date
// YYYYMMDD whose calendar sense parsePersonCodes checks).
func eightDigits(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if len(b) != 8 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parsePersonCodes reads "CODE FROM-TO,CODE" (dates YYYYMMDD, either end
// may be empty).
func parsePersonCodes(s string) ([]DatedCode, error) {
	var out []DatedCode
	for _, part := range strings.Split(s, ",") {
		code, dates, dated := strings.Cut(strings.TrimSpace(part), " ")
		if !validCode(code) {
			return nil, fmt.Errorf("code %q is not a CAMEO code", code)
		}
		c := DatedCode{Code: code}
		if dated {
			from, to, ok := strings.Cut(dates, "-")
			if !ok {
				return nil, fmt.Errorf("dates %q of %s: want FROM-TO", dates, code)
			}
			var err error
			if c.From, err = personDay(from); err != nil {
				return nil, fmt.Errorf("dates %q of %s: %w", dates, code, err)
			}
			if c.To, err = personDay(to); err != nil {
				return nil, fmt.Errorf("dates %q of %s: %w", dates, code, err)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func personDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date YYYYMMDD", s)
	}
	return t, nil
}

// validCode reports whether s is a CAMEO actor code: groups of three
// upper-case letters or digits.
func validCode(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
