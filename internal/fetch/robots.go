package fetch

import (
	"bufio"
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robotsRules are the rules of one robots.txt that apply to dossier
// (RFC 9309): the groups naming dossier's product token, else the "*"
// groups.
type robotsRules struct {
	rules []robotsRule
	// disallowAll is set when robots.txt could not be fetched because of
	// a server error or no answer: RFC 9309 says to assume that nothing
	// may be fetched until it can be.
	disallowAll bool
	// why says, for disallowAll, what went wrong ("the server answered
	// 503 Service Unavailable"), and kind how to report it (Down or
	// Slow: a passing state, unlike a rule that disallows).
	why  string
	kind Kind
	// crawlDelay is the Crawl-delay of the group (a widespread extension
	// of the standard), 0 when none.
	crawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxRobots is the part of a robots.txt that is read; RFC 9309 asks
// crawlers to read at least 500 KiB.
const maxRobots = 512 << 10

// parseRobots reads a robots.txt and keeps the rules of the groups that
// apply to agent (a product token, compared without regard to case);
// groups for "*" apply when none names agent.
func parseRobots(body []byte, agent string) *robotsRules {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false // the previous line was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), maxRobots)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			// "dossier/1.0" names the product token "dossier".
			tok, _, _ := strings.Cut(val, "/")
			cur.agents = append(cur.agents, strings.ToLower(strings.TrimSpace(tok)))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || val == "" {
				continue // rules before any user-agent line, or an empty rule, match nothing
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if f, err := strconv.ParseFloat(val, 64); err == nil && f > 0 {
				cur.delay = time.Duration(f * float64(time.Second))
			}
		default:
			// sitemap and unknown keys do not end a run of user-agent
			// lines' group, but they are not rules either.
		}
	}
	r := &robotsRules{}
	pick := func(name string) bool {
		found := false
		for _, g := range groups {
			for _, a := range g.agents {
				if a == name {
					r.rules = append(r.rules, g.rules...)
					r.crawlDelay = max(r.crawlDelay, g.delay)
					found = true
					break
				}
			}
		}
		return found
	}
	if !pick(agent) {
		pick("*")
	}
	return r
}

// allowed reports whether the rules let dossier fetch u: the longest
// matching pattern decides, and "allow" wins a tie. /robots.txt itself is
// always allowed.
func (r *robotsRules) allowed(u *url.URL) bool {
	if r == nil {
		return true
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	if r.disallowAll {
		return false
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !matchRobots(normalisePattern(rule.pattern), path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// normalisePattern percent-encodes the characters of a pattern that a
// URL path carries encoded, so that "/ü" in robots.txt matches
// "/%C3%BC".
func normalisePattern(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= 0x80 || c == ' ' {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// matchRobots matches path against a robots.txt pattern: a prefix, in
// which "*" stands for any characters and a final "$" anchors the end.
func matchRobots(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	if !strings.Contains(pattern, "*") {
		if anchored {
			return path == pattern
		}
		return strings.HasPrefix(path, pattern)
	}
	// Wildcard matching, greedy with backtracking to the last star:
	// linear in practice, at worst len(pattern)·len(path).
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case p == len(pattern) && !anchored:
			return true // the pattern is a prefix of what is left
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
