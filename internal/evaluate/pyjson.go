package evaluate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
)

// pyDumps writes the JSON value raw as Python's json.dumps writes it after
// json.loads has read it: ", " and ": " between items, keys in the order
// they came, non-ASCII characters as \uXXXX escapes, whole numbers as
// written and the others as Python's repr of a float.
func pyDumps(raw []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var b strings.Builder
	if err := dumpValue(dec, &b); err != nil {
		return "", err
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", errors.New("more than one JSON value")
	}
	return b.String(), nil
}

func dumpValue(dec *json.Decoder, b *strings.Builder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	return dumpToken(dec, tok, b)
}

func dumpToken(dec *json.Decoder, tok json.Token, b *strings.Builder) error {
	switch v := tok.(type) {
	case json.Delim:
		closing := json.Delim(']')
		if v == '{' {
			closing = '}'
		}
		b.WriteRune(rune(v))
		for first := true; ; first = false {
			t, err := dec.Token()
			if err != nil {
				return err
			}
			if t == closing {
				b.WriteRune(rune(closing))
				return nil
			}
			if !first {
				b.WriteString(", ")
			}
			if v == '{' {
				k, ok := t.(string)
				if !ok {
					return fmt.Errorf("object key %v is not a string", t)
				}
				pyQuote(b, k)
				b.WriteString(": ")
				if err := dumpValue(dec, b); err != nil {
					return err
				}
			} else if err := dumpToken(dec, t, b); err != nil {
				return err
			}
		}
	case string:
		pyQuote(b, v)
	case json.Number:
		s, err := pyNumber(string(v))
		if err != nil {
			return err
		}
		b.WriteString(s)
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case nil:
		b.WriteString("null")
	default:
		return fmt.Errorf("unexpected JSON token %v", tok)
	}
	return nil
}

// pyQuote writes s as json.dumps does with ensure_ascii: printable ASCII
// as it is, the usual short escapes, everything else as \uXXXX (a
// surrogate pair beyond the BMP).
func pyQuote(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	u4 := func(r rune) {
		b.WriteString(`\u`)
		b.WriteByte(hex[r>>12&0xf])
		b.WriteByte(hex[r>>8&0xf])
		b.WriteByte(hex[r>>4&0xf])
		b.WriteByte(hex[r&0xf])
	}
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r >= ' ' && r <= '~':
			b.WriteRune(r)
		case r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			u4(hi)
			u4(lo)
		default:
			u4(r)
		}
	}
	b.WriteByte('"')
}

// pyNumber is how json.dumps writes the number json.loads read from lit:
// an integer as it is, anything else as Python's repr of the float.
func pyNumber(lit string) (string, error) {
	if !strings.ContainsAny(lit, ".eE") {
		n, ok := new(big.Int).SetString(lit, 10)
		if !ok {
			return "", fmt.Errorf("bad number %q", lit)
		}
		return n.String(), nil // "-0" is read as 0
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return "", fmt.Errorf("bad number %q", lit)
	}
	return pyFloatRepr(f), nil
}

// pyFloatRepr is Python's repr of a float: the shortest digits that read
// back to it, in positional notation from 1e-4 up to 1e16 (with ".0" when
// whole), in exponent notation ("1e-05", "1.5e+16") otherwise.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // -d.ddde±dd
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1 // digits[0] is at position decpt before the point
	if decpt > -4 && decpt <= 16 {
		switch {
		case decpt <= 0:
			return sign + "0." + strings.Repeat("0", -decpt) + digits
		case decpt >= len(digits):
			return sign + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
		default:
			return sign + digits[:decpt] + "." + digits[decpt:]
		}
	}
	m := digits[:1]
	if len(digits) > 1 {
		m += "." + digits[1:]
	}
	es := "+"
	if exp < 0 {
		es, exp = "-", -exp
	}
	return fmt.Sprintf("%s%se%s%02d", sign, m, es, exp)
}
