package evaluate

import (
	"bufio"
	"bytes"
	"unicode/utf8"
)

// maxLine bounds one line of a gold file or of the coder's output.
const maxLine = 16 << 20

// newFileLines reads lines as Python reads a text file: "\n", "\r\n" and
// a lone "\r" each end a line, and the line is returned without them.
func newFileLines(r interface{ Read([]byte) (int, error) }) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	sc.Split(splitLines(false))
	return sc
}

// newSplitLines reads lines as Python's str.splitlines splits a string:
// besides "\n", "\r\n" and "\r", the characters \v, \f, U+001C to U+001E,
// U+0085, U+2028 and U+2029 end a line.
func newSplitLines(r interface{ Read([]byte) (int, error) }) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	sc.Split(splitLines(true))
	return sc
}

func splitLines(all bool) bufio.SplitFunc {
	return func(data []byte, atEOF bool) (int, []byte, error) {
		for i := 0; i < len(data); {
			c := data[i]
			switch {
			case c == '\n':
				return i + 1, data[:i], nil
			case c == '\r':
				if i+1 < len(data) {
					if data[i+1] == '\n' {
						return i + 2, data[:i], nil
					}
					return i + 1, data[:i], nil
				}
				if atEOF {
					return i + 1, data[:i], nil
				}
				return 0, nil, nil // is a "\n" next?
			case all && (c == '\v' || c == '\f' || c >= 0x1c && c <= 0x1e):
				return i + 1, data[:i], nil
			case all && c >= utf8.RuneSelf:
				if !utf8.FullRune(data[i:]) && !atEOF {
					return 0, nil, nil
				}
				r, n := utf8.DecodeRune(data[i:])
				if r == 0x85 || r == 0x2028 || r == 0x2029 {
					return i + n, data[:i], nil
				}
				i += n
				continue
			}
			i++
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	}
}

// trimBOM drops a UTF-8 byte-order mark.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\ufeff")) }
