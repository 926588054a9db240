package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// StartsUpper reports whether s begins with an upper-case letter.
func StartsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// SamePerson reports whether two names name the same person: equal
// (ignoring case and punctuation), or the same surname where one name is
// only a surname or all its words are in the other ("Doe" = "Jane Doe" =
// "Jane A. Doe", but "Jane Doe" ≠ "John Doe").
func SamePerson(a, b string) bool {
	return SameNameWords(nameWords(a), nameWords(b))
}

// SameNameWords is SamePerson on names already split into normalised
// words.
func SameNameWords(wa, wb []string) bool {
	return SameNameWordsBy(wa, wb, func(a, b string) bool { return a == b })
}

// SameNameWordsBy is SameNameWords with another test of whether two
// words other than the surname agree (the surnames must be equal).
func SameNameWordsBy(wa, wb []string, same func(a, b string) bool) bool {
	if len(wa) == 0 || len(wb) == 0 || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	if len(wa) == 1 || len(wb) == 1 {
		return true
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		found := false
		for _, v := range wb {
			if same(w, v) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
}

// PartOfDayRank orders parts of day: morning < afternoon < evening <
// night; "" (unknown) ranks 0.
func PartOfDayRank(part string) int {
	switch part {
	case "morning":
		return 1
	case "afternoon":
		return 2
	case "evening":
		return 3
	case "night":
		return 4
	}
	return 0
}

// TitleCaseName writes a name given in capitals ("AMINA YUSUF",
// "O'BRIEN") in title case ("Amina Yusuf", "O'Brien"); a name in mixed
// case is returned as it is.
func TitleCaseName(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.'
	}
	return b.String()
}
