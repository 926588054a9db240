package pipeline

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// orderAll records the order the text states between two events of one
// sentence: "X met Y after Z attacked" (X's meeting came after Z's
// attack), "X met Y before Z arrived", and "After Z attacked, X met Y".
// The later event's anchor lists the earlier one in After. Events coded
// from one trigger (a meeting of A with B, and of B with A) count as one.
// Only a single order word between two neighbouring triggers counts, and
// only when the second trigger follows it closely, so that "X met Y after
// the summit, where Z spoke" states nothing about Z.
func orderAll(doc *model.Document, td *text.Doc, a *model.Analysis, v *vocabulary) {
	if len(a.Events) < 2 {
		return
	}
	// Group the events by trigger, in text order.
	type group struct {
		trigger model.Span
		events  []int
	}
	byStart := map[int]int{}
	var groups []group
	for i := range a.Events {
		e := &a.Events[i]
		if e.When == nil {
			continue
		}
		g, ok := byStart[e.Trigger.Start]
		if !ok {
			g = len(groups)
			byStart[e.Trigger.Start] = g
			groups = append(groups, group{trigger: e.Trigger})
		}
		groups[g].events = append(groups[g].events, i)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].trigger.Start < groups[j].trigger.Start })
	link := func(later, earlier group, cue model.Span) {
		for _, li := range later.events {
			w := a.Events[li].When
			for _, ei := range earlier.events {
				w.After = append(w.After, a.Events[ei].ID)
			}
			c := cue
			w.OrderCue = &c
		}
	}
	src := doc.Text
	for gi := 0; gi+1 < len(groups); gi++ {
		x, y := groups[gi], groups[gi+1]
		si := td.SentenceAt(x.trigger.Start)
		if si < 0 || td.SentenceAt(y.trigger.Start) != si {
			continue
		}
		sent := td.Sentences[si].Span
		// Between the triggers: "X met Y after Z attacked".
		between := src[x.trigger.End:y.trigger.Start]
		if cue, after, ok := orderWord(between, v); ok {
			rest := between[cue.End:]
			if strings.ContainsAny(rest, ",;:") || len(strings.Fields(rest)) > 8 {
				continue
			}
			cue = model.NewSpan(src, x.trigger.End+cue.Start, x.trigger.End+cue.End)
			if after {
				link(x, y, cue)
			} else {
				link(y, x, cue)
			}
			continue
		}
		// Opening the sentence: "After Z attacked, X met Y".
		head := src[sent.Start:x.trigger.Start]
		cue, after, ok := orderWord(head, v)
		if !ok || strings.TrimSpace(head[:cue.Start]) != "" || strings.ContainsAny(head[cue.End:], ",;:") {
			continue
		}
		if !strings.Contains(between, ",") || len(strings.Fields(head[cue.End:])) > 8 {
			continue
		}
		cue = model.NewSpan(src, sent.Start+cue.Start, sent.Start+cue.End)
		if after {
			link(y, x, cue)
		} else {
			link(x, y, cue)
		}
	}
}

// orderWord finds the one order word in s. after is true for "after"
// words, false for "before" words; ok is false when s holds none, or
// more than one.
func orderWord(s string, v *vocabulary) (cue model.Span, after, ok bool) {
	found := 0
	for _, list := range []struct {
		words []string
		after bool
	}{{v.Order.After, true}, {v.Order.Before, false}} {
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
