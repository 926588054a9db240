package ingest

import (
	"regexp"
	"strings"
)

// Minutes open with attendance lines: "PRESENT: Chair Jane Doe;
// Councillors John Roe, Ann Poe and Kim Loe." They are not speaker turns
// (data/ingest/labels.yaml, attendance), and the people they name give
// their full names to the speakers whose labels give only a surname
// ("COUNCILLOR ROE:").

var rxParenthetical = regexp.MustCompile(`\([^()]*\)`)

// attendanceLabel returns the rest of an attendance line, or false.
func attendanceLabel(s string, v *Vocab) (string, bool) {
	label, rest, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || !v.AttendanceLabels[strings.ToUpper(strings.Join(strings.Fields(label), " "))] {
		return "", false
	}
	return rest, true
}

// attendees are the people the attendance lines of a document name, in
// the order named. A list may run on over the next lines, up to a blank
// line or the next label.
func attendees(lines []line, v *Vocab) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		rest, ok := attendanceLabel(lines[i].text, v)
		if !ok {
			continue
		}
		list := rest
		for i+1 < len(lines) && !lines[i+1].blank() {
			next := lines[i+1].text
			if _, ok := attendanceLabel(next, v); ok {
				break
			}
			if _, ok := matchLabel(next, v); ok {
				break
			}
			list += " " + next
			i++
		}
		out = append(out, attendeeNames(list, v)...)
	}
	return out
}

// attendeeNames reads the names of a list: parts separated by semicolons,
// commas and "and", each a person's name after its role words
// ("Councillors", "Chair") and honorifics; parentheses are dropped.
func attendeeNames(list string, v *Vocab) []string {
	list = rxParenthetical.ReplaceAllString(list, " ")
	var out []string
	for _, part := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ',' }) {
		for _, item := range splitAnd(part) {
			item = strings.Trim(strings.TrimSpace(item), ".:")
			for {
				words := strings.Fields(item)
				if len(words) < 2 {
					break
				}
				if v.Honorifics[strings.ToUpper(words[0])] {
					item = strings.Join(words[1:], " ")
					continue
				}
				if _, after, ok := leadingRolePlural(item, v); ok && after != "" {
					item = after
					continue
				}
				break
			}
			if looksPersonName(item, v) && !looksOrg(item, v) {
				out = append(out, item)
			}
		}
	}
	return out
}

// leadingRolePlural is leadingRole that also takes a role in the plural
// ("Councillors John Roe and Ann Poe").
func leadingRolePlural(s string, v *Vocab) (string, string, bool) {
	if r, rest, ok := leadingRole(s, v); ok {
		return r, rest, true
	}
	for _, r := range v.Roles {
		p := r + "s"
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && s[len(p)] == ' ' {
			return r, strings.TrimSpace(s[len(p):]), true
		}
	}
	return "", "", false
}

// nameFromAttendance gives a speaker known by surname only the full name
// of the one attendee with that surname; with none or several, the name
// stays as it is.
func nameFromAttendance(sps []*speaker, people []string) {
	if len(people) == 0 {
		return
	}
	for _, sp := range sps {
		if sp.Questioner || sp.roleOnly || sp.surname == "" || len(strings.Fields(sp.Name)) != 1 {
			continue
		}
		found := map[string]bool{}
		var full string
		for _, p := range people {
			if lastWord(p) == sp.surname {
				found[p], full = true, p
			}
		}
		if len(found) == 1 {
			sp.Name = full
		}
	}
}
