package pipeline

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// TestStatedOrder: an order word between two events of a sentence, or
// opening it, says which came first.
func TestStatedOrder(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		// want maps the trigger of a later event to the trigger of the
		// event it came after; nil: no order stated.
		want map[string]string
	}{
		{"Kenya met Uganda after Somalia attacked Ethiopia on 4 March 2020.", map[string]string{"met": "attacked"}},
		{"After Somalia attacked Ethiopia, Kenya met Uganda on 4 March 2020.", map[string]string{"met": "attacked"}},
		{"Kenya met Uganda on 4 March 2020 before Somalia attacked Ethiopia.", map[string]string{"attacked": "met"}},
		{"Before Somalia attacked Ethiopia, Kenya met Uganda on 4 March 2020.", map[string]string{"attacked": "met"}},
		{"Kenya met Uganda on 4 March 2020 after the summit, where Somalia criticised Ethiopia.", nil},
		{"Kenya met Uganda on 4 March 2020 and Somalia attacked Ethiopia.", nil},
	}
	for _, c := range cases {
		doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: c.text, Date: time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)}
		a, err := p.Document(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		trig := map[string]string{}
		for _, e := range a.Events {
			trig[e.ID] = e.Trigger.Text
		}
		got := map[string]string{}
		for _, e := range a.Events {
			if e.When == nil {
				continue
			}
			var before []string
			for _, id := range e.When.After {
				before = append(before, trig[id])
			}
			sort.Strings(before)
			if len(before) > 0 {
				got[e.Trigger.Text] = strings.Join(dedupe(before), ",")
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

func dedupe(ss []string) []string {
	var out []string
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}
