package anchor

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Order records the order the text states between two events of one
// sentence: "X met Y after Z attacked" (X's meeting came after Z's
// attack), "X met Y before Z arrived", and "After Z attacked, X met Y".
// The later event's anchor lists the earlier one in After. Events coded
// from one trigger (a meeting of A with B, and of B with A) count as one.
// Only a single order word between two neighbouring triggers counts, and
// only when the second trigger follows it closely, so that "X met Y after
// the summit, where Z spoke" states nothing about Z.
func (an *Anchorer) Order(doc *model.Document, td *text.Doc, events []model.Event) {
	if len(events) < 2 {
		return
	}
	// Group the events by trigger, in text order.
	type group struct {
		trigger model.Span
		members []int
	}
	byStart := map[int]int{}
	var groups []group
	for i := range events {
		e := &events[i]
		if e.When == nil {
			continue
		}
		g, ok := byStart[e.Trigger.Start]
		if !ok {
			g = len(groups)
			byStart[e.Trigger.Start] = g
			groups = append(groups, group{trigger: e.Trigger})
		}
		groups[g].members = append(groups[g].members, i)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].trigger.Start < groups[j].trigger.Start })
	link := func(later, earlier group, cue model.Span) {
		for _, li := range later.members {
			w := events[li].When
			for _, ei := range earlier.members {
				w.After = append(w.After, events[ei].ID)
			}
			c := cue
			w.OrderCue = &c
		}
	}
	src := doc.Text
	openers := map[int]opener{}
	for gi := 0; gi+1 < len(groups); gi++ {
		x, y := groups[gi], groups[gi+1]
		si := td.SentenceAt(x.trigger.Start)
		if si < 0 || td.SentenceAt(y.trigger.Start) != si {
			continue
		}
		sent := td.Sentences[si].Span
		// Between the triggers: "X met Y after Z attacked".
		between := src[x.trigger.End:y.trigger.Start]
		if cue, after, ok := an.orderWord(between); ok {
			rest := between[cue.End:]
			if strings.ContainsAny(rest, ",;:") || len(strings.Fields(rest)) > 8 {
				continue
			}
			cue = model.NewSpan(src, x.trigger.End+cue.Start, x.trigger.End+cue.End)
			if coordinated(td, cue.Start) {
				// "X met Y after Z attacked and after W threatened": the
				// second order word speaks of X's meeting, not of Z's act.
				continue
			}
			if after {
				link(x, y, cue)
			} else {
				link(y, x, cue)
			}
			continue
		}
		// Opening the sentence: "After Z attacked, X met Y". What the
		// sentence opens with is read once per sentence, so that a long
		// sentence with many events is read once, not once per event.
		op, ok := openers[si]
		if !ok {
			op = an.sentenceOpener(src, sent)
			openers[si] = op
		}
		cue, after, ok := op.before(x.trigger.Start)
		if !ok || !strings.Contains(between, ",") {
			continue
		}
		if after {
			link(y, x, cue)
		} else {
			link(x, y, cue)
		}
	}
}

// opener is what a sentence opens with, for "After Z attacked, X met
// Y": the order word that opens it (only space before it), the ends of
// all its order words in order, and how far the opening clause can
// reach: to the first ",", ";" or ":" after the cue, and to the start of
// its ninth word.
type opener struct {
	cue   model.Span
	after bool
	has   bool
	ends  []int // ends of the sentence's order words, sorted
	reach int   // a trigger starting after reach is too far from the cue
}

// sentenceOpener reads the order words of sentence s once.
func (an *Anchorer) sentenceOpener(src string, s model.Span) opener {
	var op opener
	sent := src[s.Start:s.End]
	first := -1
	for _, list := range []struct {
		words []string
		after bool
	}{{an.after, true}, {an.before, false}} {
		for from := 0; from < len(sent); {
			st, en, hit := text.FindPhrase(sent[from:], list.words)
			if !hit {
				break
			}
			op.ends = append(op.ends, s.Start+from+en)
			if first < 0 || from+st < first {
				first = from + st
				op.cue = model.NewSpan(src, s.Start+from+st, s.Start+from+en)
				op.after = list.after
			}
			from += en
		}
	}
	sort.Ints(op.ends)
	if first < 0 || strings.TrimSpace(sent[:first]) != "" {
		return op
	}
	op.has = true
	// The clause after the cue ends at punctuation; at most eight words
	// may stand between the cue and the trigger.
	rest := src[op.cue.End:s.End]
	limit := len(rest)
	if i := strings.IndexAny(rest, ",;:"); i >= 0 {
		limit = i
	}
	words, inWord := 0, false
	for i, r := range rest[:limit] {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			words++
			if words == 9 {
				limit = i
				break
			}
		}
		inWord = !space
	}
	op.reach = op.cue.End + limit
	return op
}

// before reports the cue when the sentence opens with an order word, it
// is the only order word before at, and the trigger at follows it
// closely (no punctuation, at most eight words between).
func (op opener) before(at int) (model.Span, bool, bool) {
	if !op.has || at > op.reach {
		return model.Span{}, false, false
	}
	if n := sort.SearchInts(op.ends, at+1); n != 1 {
		return model.Span{}, false, false
	}
	return op.cue, op.after, true
}

// orderWord finds the one order word in s. after is true for "after"
// words, false for "before" words; ok is false when s holds none, or
// more than one.
func (an *Anchorer) orderWord(s string) (cue model.Span, after, ok bool) {
	found := 0
	for _, list := range []struct {
		words []string
		after bool
	}{{an.after, true}, {an.before, false}} {
		for from := 0; from < len(s); {
			st, en, hit := text.FindPhrase(s[from:], list.words)
			if !hit {
				break
			}
			found++
			cue, after = model.Span{Start: from + st, End: from + en, Text: s[from+st : from+en]}, list.after
			from += en
		}
	}
	return cue, after, found == 1
}

// coordinated reports whether the word before byte offset at is a
// coordinating conjunction ("and after", "or before"): an order word so
// placed is joined to an earlier one and orders the event before both.
func coordinated(td *text.Doc, at int) bool {
	k := td.TokenAt(at)
	return k > 0 && td.Tokens[k-1].Tag == "CC"
}
