package events

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// parsePetrarch reads a PETRARCH/TABARI verb dictionary: synonym sets
// ("&NAME" then "+MEMBER" lines), verb blocks ("--- NAME [code] ---", the
// verbs, one a line, with irregular forms in braces) and their patterns
// ("- words * words [code] # comment", $ source, + target, ( ) and { }
// grouping, &SET synonym sets). Each block becomes one Pattern named
// "petrarch.NAME"; each of its pattern lines becomes a Rule whose After
// phrases are the words after "*" and Before phrases the words before it.
// A "[---]" code means "known, do not code" and becomes a rule with no
// code. Positional details of source and target are not kept: our coder
// finds them by its own clause heuristics.
func (p *Patterns) parsePetrarch(name string, b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	synsets := map[string][]string{}
	var curSet string
	var cur *Pattern
	line := 0
	flush := func() {
		if cur != nil && (len(cur.Verbs) > 0) && (cur.CAMEO != "" || len(cur.Rules) > 0) {
			p.add(cur)
		}
		cur = nil
	}
	for sc.Scan() {
		line++
		raw := sc.Text()
		l := raw
		if i := strings.Index(l, "#"); i >= 0 {
			l = l[:i]
		}
		l = strings.TrimSpace(l)
		if l == "" {
			curSet = ""
			continue
		}
		switch {
		case strings.HasPrefix(l, "~~"):
			flush()
			curSet = ""
		case strings.HasPrefix(l, "&") && !strings.Contains(l, " "):
			flush()
			curSet = strings.ToLower(l)
			synsets[curSet] = nil
		case strings.HasPrefix(l, "+") && curSet != "":
			synsets[curSet] = append(synsets[curSet], petrWord(l[1:]))
		case strings.HasPrefix(l, "---"):
			flush()
			curSet = ""
			inner := strings.Trim(l, "- ")
			nm, code := inner, ""
			if i := strings.Index(inner, "["); i >= 0 {
				nm = strings.TrimSpace(inner[:i])
				code = petrCode(inner[i:])
			}
			if nm == "" {
				return fmt.Errorf("load patterns %s: line %d: verb block without a name", name, line)
			}
			cur = &Pattern{
				ID: "petrarch." + strings.ToLower(strings.Fields(nm)[0]), CAMEO: code,
				Object: true, TargetOptional: true, Source: fmt.Sprintf("%s:%d", name, line),
			}
		case strings.HasPrefix(l, "-"):
			if cur == nil {
				return fmt.Errorf("load patterns %s: line %d: pattern outside a verb block", name, line)
			}
			r, preps, err := petrRule(l[1:], synsets)
			if err != nil {
				return fmt.Errorf("load patterns %s: line %d: %w", name, line, err)
			}
			r.ID = fmt.Sprintf("l%d", line)
			r.Source = fmt.Sprintf("%s:%d", name, line)
			cur.Rules = append(cur.Rules, r)
			cur.Preps = appendNew(cur.Preps, preps...)
		case cur != nil:
			// A verb line: "VERB {FORMS …}" or "+PHRASE {…}".
			w := l
			var forms string
			if i := strings.Index(w, "{"); i >= 0 {
				forms = strings.Trim(w[i:], "{} ")
				w = strings.TrimSpace(w[:i])
			}
			w = strings.TrimPrefix(w, "+")
			if w == "" {
				continue
			}
			base := petrWord(w)
			cur.Verbs = appendNew(cur.Verbs, base)
			head := strings.Fields(base)
			for _, f := range strings.Fields(forms) {
				f = petrWord(f)
				if len(head) > 0 && f != "" && !strings.Contains(f, " ") {
					if _, ok := p.irregular[f]; !ok {
						p.irregular[f] = head[0]
					}
				}
			}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("load patterns %s: %w", name, err)
	}
	return nil
}

func petrWord(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	w = strings.Trim(w, "_")
	return strings.Join(strings.Fields(strings.ReplaceAll(w, "_", " ")), " ")
}

// petrCode takes "[042:043]" and returns "042"; "[---]" or "[]" give "".
func petrCode(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "]"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimPrefix(s, "[")
	if i := strings.Index(s, ":"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if !codeRE.MatchString(s) {
		return ""
	}
	return s
}

// petrRule parses the part of a pattern line after its leading "-".
func petrRule(l string, synsets map[string][]string) (Rule, []string, error) {
	var r Rule
	i := strings.LastIndex(l, "[")
	if i < 0 {
		return r, nil, fmt.Errorf("pattern %q has no [code]", strings.TrimSpace(l))
	}
	r.CAMEO = petrCode(l[i:])
	body := strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(l[:i])
	f := strings.Fields(body)
	star := -1
	for k, w := range f {
		if w == "*" {
			star = k
			break
		}
	}
	if star < 0 {
		return r, nil, fmt.Errorf("pattern %q has no verb marker *", strings.TrimSpace(l))
	}
	var preps []string
	words := func(ws []string) [][]string {
		alts := [][]string{{}}
		prev := ""
		for _, w := range ws {
			switch {
			case w == "$" || w == "%" || w == "^":
				prev = ""
				continue
			case w == "+":
				if prev != "" {
					preps = appendNew(preps, prev)
				}
				prev = ""
				continue
			case strings.HasPrefix(w, "&"):
				members := synsets[strings.ToLower(w)]
				if len(members) == 0 {
					continue
				}
				var next [][]string
				for _, a := range alts {
					for _, m := range members {
						if len(next) >= 64 {
							break
						}
						next = append(next, append(append([]string{}, a...), m))
					}
				}
				alts = next
				prev = ""
				continue
			}
			w = petrWord(w)
			if w == "" {
				continue
			}
			for k := range alts {
				alts[k] = append(alts[k], w)
			}
			prev = w
		}
		return alts
	}
	for _, a := range words(f[:star]) {
		if len(a) > 0 {
			r.Before = append(r.Before, strings.Join(a, " "))
		}
	}
	for _, a := range words(f[star+1:]) {
		if len(a) > 0 {
			r.After = append(r.After, strings.Join(a, " "))
		}
	}
	return r, preps, nil
}
