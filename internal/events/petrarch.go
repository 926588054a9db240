package events

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
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
// reads them from the dependency parse.
//
// Reading is lenient, as PETRARCH's is: a line that cannot be read is
// reported to skip (when set) and left out, and the rest of the file is
// loaded; a file that is not text is refused.
func (p *Patterns) parsePetrarch(name string, b []byte, skip SkipFunc) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	synsets := map[string][]string{}
	var curSet string
	var cur *Pattern
	// skipping is set while the lines of a block whose heading could not
	// be read go by: they are left out with it.
	skipping := false
	line := 0
	var firstBad string
	nbad, added := 0, 0
	bad := func(problem string) {
		if nbad == 0 {
			firstBad = fmt.Sprintf("line %d: %s", line, problem)
		}
		nbad++
		if skip != nil {
			skip(name, line, problem)
		}
	}
	// own holds the verbs of the current block that carry a code of
	// their own ("COMPLAIN [114]" in a block coded 110), in order.
	var own []ownCode
	flush := func() {
		if cur != nil && (len(cur.Verbs) > 0) && (cur.CAMEO != "" || len(cur.Rules) > 0) {
			p.add(cur)
			added++
		}
		// A verb with a code of its own is a pattern of its own, with the
		// block's rules: PETRARCH codes it so when no rule matches.
		for _, o := range own {
			if cur == nil {
				break
			}
			q := *cur
			q.ID, q.CAMEO, q.Verbs = cur.ID+"."+strings.ReplaceAll(o.verb, " ", "-"), o.code, []string{o.verb}
			q.Source = o.source
			p.add(&q)
			added++
		}
		cur, own = nil, own[:0]
	}
	for sc.Scan() {
		line++
		raw := sc.Text()
		if strings.ContainsRune(raw, 0) {
			return fmt.Errorf("load patterns %s: line %d: binary data", name, line)
		}
		if !utf8.ValidString(raw) {
			bad("not UTF-8 text")
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(raw), "<!") {
			continue // an XML-style comment line, as PETRARCH allows
		}
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
			skipping = false
			inner := strings.Trim(l, "- ")
			nm, code := inner, ""
			if i := strings.Index(inner, "["); i >= 0 {
				nm = strings.TrimSpace(inner[:i])
				code = petrCode(inner[i:])
			}
			if nm == "" {
				bad("verb block without a name (the block is left out)")
				skipping = true
				continue
			}
			cur = &Pattern{
				ID: "petrarch." + strings.ToLower(strings.Fields(nm)[0]), CAMEO: code,
				Object: true, TargetOptional: true, Source: fmt.Sprintf("%s:%d", name, line),
			}
		case skipping:
			// A line of a block that was left out.
		case strings.HasPrefix(l, "-"):
			if cur == nil {
				bad("pattern outside a verb block")
				continue
			}
			r, preps, err := petrRule(l[1:], synsets)
			if err != nil {
				bad(err.Error())
				continue
			}
			r.ID = fmt.Sprintf("l%d", line)
			r.Source = fmt.Sprintf("%s:%d", name, line)
			cur.Rules = append(cur.Rules, r)
			cur.Preps = appendNew(cur.Preps, preps...)
		case cur != nil:
			// A verb line: "VERB {FORMS …}" or "+PHRASE {…}".
			w := l
			code, hasCode := "", false
			if i := strings.Index(w, "["); i >= 0 {
				// "COMPLAIN [114]": the verb's own code.
				code, hasCode = petrCode(w[i:]), true
				w = strings.TrimSpace(w[:i])
			}
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
			if hasCode && code != cur.CAMEO {
				own = append(own, ownCode{verb: base, code: code, source: fmt.Sprintf("%s:%d", name, line)})
			} else {
				cur.Verbs = appendNew(cur.Verbs, base)
			}
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
	if added == 0 && nbad > 0 {
		more := ""
		if nbad > 1 {
			more = fmt.Sprintf(" (and %d more lines that cannot be read)", nbad-1)
		}
		return fmt.Errorf("load patterns %s: no verb block can be read: %s%s", name, firstBad, more)
	}
	return nil
}

// ownCode is a verb of a PETRARCH block with a code of its own.
type ownCode struct{ verb, code, source string }

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
	// "*" marks the verb even when written against a word ("*SCEPTICAL"),
	// as PETRARCH splits on the character.
	body := strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ", "*", " * ").Replace(l[:i])
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
