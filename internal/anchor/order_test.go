package anchor

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// TestStatedOrder: an order word between two events of a sentence, or
// opening it, says which came first. The events are placed by hand on
// their trigger words; a trigger listed twice is two events coded from
// one word (a meeting of A with B and of B with A), which count as one.
func TestStatedOrder(t *testing.T) {
	x := newTools(t)
	cases := []struct {
		text     string
		triggers []string
		// want maps the trigger of a later event to the triggers of the
		// events it came after; nil: no order stated.
		want map[string]string
	}{
		{"Kenya met Uganda after Somalia attacked Ethiopia on 4 March 2020.", []string{"met", "met", "attacked"}, map[string]string{"met": "attacked"}},
		{"After Somalia attacked Ethiopia, Kenya met Uganda on 4 March 2020.", []string{"attacked", "met"}, map[string]string{"met": "attacked"}},
		{"Kenya met Uganda on 4 March 2020 before Somalia attacked Ethiopia.", []string{"met", "attacked"}, map[string]string{"attacked": "met"}},
		{"Before Somalia attacked Ethiopia, Kenya met Uganda on 4 March 2020.", []string{"attacked", "met"}, map[string]string{"attacked": "met"}},
		{"Kenya met Uganda on 4 March 2020 after the summit, where Somalia criticised Ethiopia.", []string{"met", "criticised"}, nil},
		{"Kenya met Uganda on 4 March 2020 and Somalia attacked Ethiopia.", []string{"met", "attacked"}, nil},
		{"Kenya met Uganda after Somalia attacked Ethiopia and after Eritrea threatened Djibouti.", []string{"met", "attacked", "threatened"}, map[string]string{"met": "attacked"}},
	}
	for _, c := range cases {
		doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: c.text, Date: time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)}
		td, a := x.analyse(doc)
		from := map[string]int{}
		for i, w := range c.triggers {
			k := strings.Index(c.text[from[w]:], w)
			if k < 0 {
				t.Fatalf("%q not in %q", w, c.text)
			}
			at := from[w] + k
			if i+1 < len(c.triggers) && c.triggers[i+1] == w {
				// the same word again: the same trigger
			} else {
				from[w] = at + len(w)
			}
			a.Events = append(a.Events, model.Event{ID: fmt.Sprintf("e%d", i+1), Trigger: model.NewSpan(c.text, at, at+len(w))})
		}
		x.an.Anchor(doc, td, a)
		x.an.Order(doc, td, a.Events)
		trig := map[string]string{}
		for _, e := range a.Events {
			trig[e.ID] = e.Trigger.Text
		}
		got := map[string]string{}
		for _, e := range a.Events {
			if e.When == nil {
				t.Fatalf("%s: event %s has no anchor", c.text, e.Trigger.Text)
			}
			var before []string
			for _, id := range e.When.After {
				before = append(before, trig[id])
			}
			sort.Strings(before)
			if len(before) > 0 {
				got[e.Trigger.Text] = strings.Join(before, ",")
				if e.When.OrderCue == nil || e.When.OrderCue.Check(c.text) != nil {
					t.Errorf("%s: the order word must be cited: %+v", c.text, e.When.OrderCue)
				}
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s\n got order %v, want %v (events %v)", c.text, got, c.want, trig)
			continue
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%s\n got order %v, want %v", c.text, got, c.want)
			}
		}
	}
}
