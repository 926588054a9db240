package ingest

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// Minutes open with attendance lines: "PRESENT: Chair Jane Doe;
// Councillors John Roe, Ann Poe and Kim Loe." They are not speaker turns
// (data/ingest/labels.yaml, attendance), and the people they name give
// their full names to the speakers whose labels give only a surname
// ("COUNCILLOR ROE:"). Attendance gives them, with their roles and the
// place of each name, to the people records of the dossier.
//
// A transcript's header may list who takes part in the same way, under
// other labels (labels.yaml, roster): "Participants: Jane Doe (Mayor) and
// John Roe (candidate). Moderator: Ann Poe, City Radio." Such a line is
// read as an attendance line only in the header, before the first turn
// and among its first rosterLines lines, as a turn "MODERATOR: …" is no
// list of people; a list may hold the next label after a full stop.

// Attendee is a person an attendance line names.
type Attendee struct {
	// Name is the name as written, without role words and honorifics.
	Name string
	// Roles are the roles the line gives: the role words before the
	// name ("Chair", or "Councillor" from "Councillors ...") and the
	// words of a parenthesis after it ("(chair)").
	Roles []string
	// Span is where the name is in the text.
	Span model.Span
}

// labelIn returns the rest of a line that opens with a label of set
// ("PRESENT:", "Participants:"), or false.
func labelIn(s string, set map[string]bool) (string, bool) {
	label, rest, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || !set[strings.ToUpper(strings.Join(strings.Fields(label), " "))] {
		return "", false
	}
	return rest, true
}

// Attendance returns the people the attendance lines of text name, in
// the order named; v is the vocabulary (LoadVocab). It reads the text
// once.
func Attendance(text string, v *Vocab) []Attendee {
	return attendance(splitLines(text), v)
}

// rosterLines bounds the header in which roster lines are read: its
// lines that are not blank.
const rosterLines = 12

// attendance reads the attendance lines among lines, and the roster
// lines of the header. A list may run on over the next lines, up to a
// blank line or the next label.
func attendance(lines []line, v *Vocab) []Attendee {
	var out []Attendee
	header := 0 // lines of the header read, or -1 once it is over
	for i := 0; i < len(lines); i++ {
		rest, ok := labelIn(lines[i].text, v.AttendanceLabels)
		if !ok && header >= 0 && !lines[i].blank() {
			if _, turn := matchLabel(lines[i].text, v); turn || header == rosterLines {
				header = -1
			} else {
				header++
				rest, ok = labelIn(lines[i].text, v.RosterLabels)
			}
		}
		if !ok {
			continue
		}
		// The lines are consecutive: a line break becomes one space,
		// and the list's offsets stay those of the text.
		start := lines[i].end - len(rest)
		var list strings.Builder
		list.WriteString(rest)
		for i+1 < len(lines) && !lines[i+1].blank() {
			next := lines[i+1].text
			if _, ok := labelIn(next, v.AttendanceLabels); ok {
				break
			}
			if _, ok := labelIn(next, v.RosterLabels); ok && header >= 0 {
				break // ("Participants: …\nModerator: …")
			}
			if _, ok := matchLabel(next, v); ok {
				break
			}
			if lines[i+1].start != lines[i].end+1 {
				break
			}
			list.WriteString(" " + next)
			i++
		}
		for _, p := range splitLabels(piece{list.String(), start}, v) {
			out = append(out, attendeeList(p.s, p.start, v)...)
		}
	}
	return out
}

// splitLabels cuts a list where a full stop ends it and another roster or
// attendance label opens the next ("… (Republican nominee). Moderator:
// Ann Poe"): the lists, without the labels.
func splitLabels(p piece, v *Vocab) []piece {
	var out []piece
	for from := 0; ; {
		k := strings.IndexByte(p.s[from:], ':')
		if k < 0 {
			return append(out, p)
		}
		k += from
		from = k + 1
		dot := strings.LastIndex(p.s[:k], ". ")
		if dot < 0 {
			continue
		}
		label := strings.ToUpper(strings.Join(strings.Fields(p.s[dot+2:k]), " "))
		if !v.RosterLabels[label] && !v.AttendanceLabels[label] {
			continue
		}
		out = append(out, piece{p.s[:dot+1], p.start})
		p = piece{p.s[k+1:], p.start + k + 1}
		from = 0
	}
}

// attendees are the names of the people the attendance lines name.
func attendees(lines []line, v *Vocab) []string {
	var out []string
	for _, a := range attendance(lines, v) {
		out = append(out, a.Name)
	}
	return out
}

// attendeeNames reads the names of a list.
func attendeeNames(list string, v *Vocab) []string {
	var out []string
	for _, a := range attendeeList(list, 0, v) {
		out = append(out, a.Name)
	}
	return out
}

// piece is a part of a list and its offset in the text.
type piece struct {
	s     string
	start int
}

// split cuts p at each sep.
func (p piece) split(sep string) []piece {
	var out []piece
	for {
		i := strings.Index(p.s, sep)
		if i < 0 {
			return append(out, p)
		}
		out = append(out, piece{p.s[:i], p.start})
		p = piece{p.s[i+len(sep):], p.start + i + len(sep)}
	}
}

// trim drops the characters of cut from both ends.
func (p piece) trim(cut string) piece {
	t := strings.TrimLeft(p.s, cut)
	p.start += len(p.s) - len(t)
	p.s = strings.TrimRight(t, cut)
	return p
}

// attendeeList reads a list whose first byte is at offset base in the
// text: parts separated by semicolons, commas and "and", each a person's
// name after its role words ("Councillors", "Chair") and honorifics. A
// role in the plural holds for the names after it up to the next
// semicolon; a parenthesis after a name gives that name a role.
func attendeeList(list string, base int, v *Vocab) []Attendee {
	var out []Attendee
	for _, part := range (piece{list, base}).split(";") {
		shared := "" // a role in the plural: "Councillors A, B and C"
		for _, comma := range part.split(",") {
			for _, item := range splitAndPieces(comma) {
				var paren []string
				item, paren = cutParens(item)
				item = item.trim(" \t\r\n.:")
				var own string
				for {
					words := strings.Fields(item.s)
					if len(words) < 2 {
						break
					}
					if v.Honorifics[strings.ToUpper(words[0])] {
						item = piece{item.s[len(words[0]):], item.start + len(words[0])}.trim(" \t\r\n")
						continue
					}
					if r, after, plural, ok := leadingRoleNumber(item.s, v); ok && after != "" {
						own = r
						if plural {
							shared = r
						}
						item = piece{item.s[len(item.s)-len(after):], item.start + len(item.s) - len(after)}
						continue
					}
					break
				}
				if !looksPersonName(item.s, v) || looksOrg(item.s, v) {
					continue
				}
				var roles []string
				if own == "" {
					own = shared
				}
				if own != "" {
					roles = append(roles, own)
				}
				for _, p := range paren {
					if !containsFold(roles, p) {
						roles = append(roles, p)
					}
				}
				written := list[item.start-base : item.start-base+len(item.s)]
				out = append(out, Attendee{Name: strings.Join(strings.Fields(item.s), " "), Roles: roles,
					Span: model.Span{Start: item.start, End: item.start + len(item.s), Text: written}})
			}
		}
	}
	return out
}

// splitAndPieces is splitAnd with offsets.
func splitAndPieces(p piece) []piece {
	var out []piece
	for _, a := range p.split(" and ") {
		out = append(out, a.split(" & ")...)
	}
	return out
}

// cutParens returns p without its parentheses (blanked, so the offsets
// stay), and the words of each, when they are few enough to be a role.
func cutParens(p piece) (piece, []string) {
	var roles []string
	b := []byte(p.s)
	for {
		open := strings.IndexByte(string(b), '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(string(b[open:]), ')')
		if end < 0 {
			break
		}
		in := strings.Join(strings.Fields(string(b[open+1:open+end])), " ")
		if n := len(strings.Fields(in)); n > 0 && n <= 4 {
			roles = append(roles, in)
		}
		for i := open; i <= open+end; i++ {
			b[i] = ' '
		}
	}
	p.s = string(b)
	return p, roles
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// leadingRoleNumber is leadingRole that also takes a role in the plural
// ("Councillors John Roe and Ann Poe"), and says which it was.
func leadingRoleNumber(s string, v *Vocab) (role, rest string, plural, ok bool) {
	if r, rest, ok := leadingRole(s, v); ok {
		return r, rest, false, true
	}
	for _, r := range v.Roles {
		p := r + "s"
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && s[len(p)] == ' ' {
			return r, strings.TrimSpace(s[len(p):]), true, true
		}
	}
	return "", "", false, false
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
