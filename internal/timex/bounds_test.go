package timex

import (
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

func TestBounds(t *testing.T) {
	for _, c := range []struct {
		x           model.Timex
		first, last string
		ok          bool
	}{
		{model.Timex{Kind: KindPoint, Value: "2013-06-04"}, "2013-06-04", "2013-06-04", true},
		{model.Timex{Kind: KindPoint, Value: "2013-06-04T15:30"}, "2013-06-04", "2013-06-04", true},
		{model.Timex{Kind: KindPoint, Value: "2012"}, "2012-01-01", "2012-12-31", true},
		{model.Timex{Kind: KindPoint, Value: "2012-02"}, "2012-02-01", "2012-02-29", true},
		{model.Timex{Kind: KindPoint, Value: "2013-W24"}, "2013-06-10", "2013-06-16", true},
		{model.Timex{Kind: KindPoint, Value: "2020-W01"}, "2019-12-30", "2020-01-05", true},
		{model.Timex{Kind: KindInterval, Value: "2011-03", EndValue: "2011-10"}, "2011-03-01", "2011-10-31", true},
		{model.Timex{Kind: KindDeadline, Value: "2013-07", EndValue: "2013-07-15"}, "2013-07-01", "2013-07-15", true},
		{model.Timex{Kind: KindDuration, Value: "P2W"}, "", "", false},
		{model.Timex{Kind: KindPoint, Value: "XXXX-06-04"}, "", "", false},
		{model.Timex{Kind: KindPoint, Value: "T15:00"}, "", "", false},
		{model.Timex{Kind: KindPoint, Value: ""}, "", "", false},
	} {
		f, l, ok := Bounds(c.x)
		if ok != c.ok || ok && (f.Format("2006-01-02") != c.first || l.Format("2006-01-02") != c.last) {
			t.Errorf("Bounds(%q/%q) = %v %v %v, want %s %s %v", c.x.Value, c.x.EndValue, f, l, ok, c.first, c.last, c.ok)
		}
	}
}
