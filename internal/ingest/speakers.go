package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	capWords = `\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}`
	fullName = `\p{Lu}[\p{L}'’-]*\.?(?:\s+(?:\p{Lu}[\p{L}'’-]*\.?|(?:de|da|del|van|von|bin|al|el|la|le|di|du|der|den|ibn)))*?\s+\p{Lu}[\p{L}'’-]+`
)

// roleRx holds the regular expressions built from the role vocabulary.
type roleRx struct {
	before *regexp.Regexp // "ORG Role of Place " right before a name
	after  *regexp.Regexp // ", Role of Place" right after a name
	// namedTail is what follows a role in "Role Jane Doe" or "Role of
	// Place, Jane Doe": the place (1) and the name (2).
	namedTail *regexp.Regexp
	roles     []string // the role phrases, where namedTail is tried
}

// namedWindow bounds how far past a role a "Role of Place, Jane Doe"
// phrase reaches.
const namedWindow = 240

// findNamed returns the "role Name" phrases of text in text order. The
// regular expression is a large alternation and slow to run over a whole
// text, so it runs only at the places where a role phrase occurs.
func (rx roleRx) findNamed(text string) [][]string {
	type hit struct {
		at int
		m  []string
	}
	var hits []hit
	seen := map[int]bool{}
	for _, r := range rx.roles {
		for i := 0; ; {
			j := strings.Index(text[i:], r)
			if j < 0 {
				break
			}
			at := i + j
			i = at + 1
			if seen[at] {
				continue
			}
			if at > 0 {
				if prev, _ := utf8.DecodeLastRuneInString(text[:at]); unicode.IsLetter(prev) {
					continue
				}
			}
			// Only the short tail after the role is left to the regular
			// expression: "of Place," and the name.
			after := at + len(r)
			win := text[after:min(len(text), after+namedWindow)]
			loc := rx.namedTail.FindStringSubmatchIndex(win)
			if loc == nil {
				continue
			}
			seen[at] = true
			m := []string{text[at : after+loc[1]], r, "", ""}
			for k := 1; k <= 2; k++ {
				if loc[2*k] >= 0 {
					m[k+1] = win[loc[2*k]:loc[2*k+1]]
				}
			}
			hits = append(hits, hit{at, m})
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].at < hits[b].at })
	out := make([][]string, len(hits))
	for k, h := range hits {
		out[k] = h.m
	}
	return out
}

func buildRoleRx(roles, orgs []string) roleRx {
	alt := func(l []string) string {
		q := make([]string, len(l))
		for i, s := range l {
			q[i] = regexp.QuoteMeta(s)
		}
		return strings.Join(q, "|")
	}
	role := `(` + alt(roles) + `)`
	org := `(\p{Lu}{2,}|` + alt(orgs) + `)`
	if len(orgs) == 0 {
		org = `(\p{Lu}{2,})`
	}
	return roleRx{
		before:    regexp.MustCompile(`(?:^|[\s(])(?:` + org + `\s+)?` + role + `(?:\s+of\s+(?:the\s+)?(` + capWords + `))?\s*,?\s*$`),
		after:     regexp.MustCompile(`^\s*,\s*(?:the\s+)?(?:` + org + `\s+)?` + role + `(?:\s+of\s+(?:the\s+)?(` + capWords + `))?`),
		roles:     roles,
		namedTail: regexp.MustCompile(`^(?:\s+of\s+(?:the\s+)?(` + capWords + `),)?\s+(` + fullName + `)`),
	}
}

// resolveRoles completes speakers from the rest of the text: a role-only
// label gets the name the text gives for that role, a surname gets its
// full name, and a named speaker without a role gets the one stated next
// to their name ("... by ORG Secretary General Jane Doe").
func resolveRoles(text string, sps []*speaker, v *Vocab) {
	// The "role Name" phrases of the text are found once, not once per
	// speaker: a long transcript has many speakers.
	var named [][]string
	scanned := false
	phrases := func() [][]string {
		if !scanned {
			named, scanned = v.rx.findNamed(text), true
		}
		return named
	}
	for _, sp := range sps {
		if sp.Questioner || sp.Role == "moderator" {
			continue
		}
		switch {
		case sp.roleOnly && sp.Role != "":
			names := map[string]string{}
			var first string
			for _, m := range phrases() {
				if !strings.EqualFold(m[1], sp.Role) {
					continue
				}
				if _, ok := names[m[3]]; !ok {
					names[m[3]] = m[2]
					if first == "" {
						first = m[3]
					}
				}
			}
			if len(names) == 1 {
				sp.Name, sp.surname, sp.roleOnly = first, lastWord(first), false
				if sp.Organization == "" {
					sp.Organization = names[first]
				}
			}
		case len(strings.Fields(sp.Name)) == 1 && sp.surname != "":
			full := map[string]string{}
			var first string
			for _, m := range phrases() {
				if lastWord(m[3]) != sp.surname || len(strings.Fields(m[3])) < 2 {
					continue
				}
				if _, ok := full[m[3]]; !ok {
					full[m[3]] = m[1]
					if first == "" {
						first = m[3]
					}
				}
			}
			if len(full) == 1 {
				sp.Name = first
				if sp.Role == "" {
					sp.Role = full[first]
				}
			}
		}
		if sp.roleOnly || (sp.Role != "" && sp.Organization != "") {
			continue
		}
		role, org := roleNear(text, sp.Name, v)
		if sp.Role == "" && role != "" {
			sp.Role = role
			if sp.Organization == "" {
				sp.Organization = org
			}
		} else if sp.Organization == "" && strings.EqualFold(sp.Role, role) {
			sp.Organization = org
		}
	}
}

// roleNear finds a role stated right before or after a name.
func roleNear(text, name string, v *Vocab) (role, org string) {
	if len(strings.Fields(name)) < 2 {
		return "", ""
	}
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return "", ""
		}
		at := i + j
		i = at + len(name)
		if at > 0 && isWordByte(text, at-1) || i < len(text) && isWordByte(text, i) {
			continue
		}
		before := text[max(0, at-160):at]
		if k := strings.LastIndexByte(before, '\n'); k >= 0 {
			before = before[k+1:]
		}
		if m := v.rx.before.FindStringSubmatch(before); m != nil {
			return m[2], orgOf(m[1], m[3])
		}
		after := text[i:min(len(text), i+160)]
		if k := strings.IndexByte(after, '\n'); k >= 0 {
			after = after[:k]
		}
		if m := v.rx.after.FindStringSubmatch(after); m != nil {
			return m[2], orgOf(m[1], m[3])
		}
	}
}

func orgOf(prefix, of string) string {
	if prefix != "" {
		return prefix
	}
	return strings.TrimSpace(of)
}

// mergeSpeakers joins speakers that are one person under several labels
// and returns the mapping from old index to surviving index.
func mergeSpeakers(sps []*speaker) func(int) int {
	same := func(a, b *speaker) bool {
		if a.Questioner != b.Questioner || a.Role == "moderator" || b.Role == "moderator" {
			return false
		}
		if strings.EqualFold(a.Name, b.Name) {
			return true
		}
		if a.roleOnly || b.roleOnly || a.surname == "" || a.surname != b.surname {
			return false
		}
		wa, wb := strings.Fields(strings.ToLower(a.Name)), strings.Fields(strings.ToLower(b.Name))
		if len(wa) > len(wb) {
			wa, wb = wb, wa
		}
		// Every word of the shorter name must be in the longer one.
		for _, w := range wa {
			found := false
			for _, x := range wb {
				if w == x {
					found = true
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	into := func(keep, drop int) {
		k, d := sps[keep], sps[drop]
		if !d.roleOnly && (len(strings.Fields(d.Name)) > len(strings.Fields(k.Name)) || k.roleOnly) {
			k.Name, k.surname, k.roleOnly = d.Name, d.surname, d.roleOnly
		}
		if k.Role == "" {
			k.Role = d.Role
		}
		if k.Organization == "" {
			k.Organization = d.Organization
		}
		for _, l := range d.Labels {
			addLabel(&k.Speaker, l)
		}
		d.merged = keep
	}
	for i := range sps {
		for j := i + 1; j < len(sps); j++ {
			if sps[i].merged < 0 && sps[j].merged < 0 && same(sps[i], sps[j]) {
				into(i, j)
			}
		}
	}
	// A role-only label still unresolved joins the one named speaker
	// with that role.
	for i, sp := range sps {
		if sp.merged >= 0 || !sp.roleOnly || sp.Role == "" {
			continue
		}
		match := -1
		n := 0
		for j, o := range sps {
			if j != i && o.merged < 0 && !o.roleOnly && !o.Questioner && strings.EqualFold(o.Role, sp.Role) {
				match, n = j, n+1
			}
		}
		if n == 1 {
			into(match, i)
		}
	}
	return func(i int) int {
		for sps[i].merged >= 0 {
			i = sps[i].merged
		}
		return i
	}
}
