package output

import (
	"bytes"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// TestArrayMatchesWriteJSON checks that an array streamed element by
// element is byte for byte the array written at once, for no, one and
// several elements of nested values with characters JSON may escape.
func TestArrayMatchesWriteJSON(t *testing.T) {
	fs := []model.Finding{
		{Kind: "a<b>", Severity: model.SeverityHigh, Summary: "Ann & \"Bo\"\n", Evidence: []model.Evidence{{Doc: "d", Start: 1, End: 2, Text: "x"}}, Events: []string{}, Quotes: []string{"q1"}},
		{Kind: "k", Summary: "é ✓", Events: []string{}, Quotes: []string{}},
		{Kind: "k2", Timeline: []int{3}},
	}
	for n := 0; n <= len(fs); n++ {
		var want, got bytes.Buffer
		if err := WriteJSON(&want, NonNil(fs[:n])); err != nil {
			t.Fatal(err)
		}
		a := NewArray(&got)
		for _, f := range fs[:n] {
			if err := a.Add(f); err != nil {
				t.Fatal(err)
			}
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d elements:\ngot  %q\nwant %q", n, got.String(), want.String())
		}
	}
}

// TestObjectMatchesWriteJSON checks that an object of arrays streamed
// element by element is byte for byte the struct written at once, with
// empty and full arrays in any place.
func TestObjectMatchesWriteJSON(t *testing.T) {
	fs := []model.Finding{
		{Kind: "a<b>", Severity: model.SeverityHigh, Summary: "Ann & \"Bo\"\n", Evidence: []model.Evidence{{Doc: "d", Start: 1, End: 2, Text: "x"}}, Events: []string{}, Quotes: []string{"q1"}},
		{Kind: "k", Summary: "é ✓", Events: []string{}, Quotes: []string{}},
	}
	type both struct {
		First  []model.Finding `json:"first"`
		Second []string        `json:"second"`
		Third  []model.Finding `json:"third"`
	}
	for _, v := range []both{
		{First: fs, Second: []string{"a", "b"}, Third: fs[:1]},
		{First: []model.Finding{}, Second: []string{}, Third: []model.Finding{}},
		{First: fs[:1], Second: []string{}, Third: fs},
	} {
		var want, got bytes.Buffer
		if err := WriteJSON(&want, v); err != nil {
			t.Fatal(err)
		}
		o := NewObject(&got)
		add := func(name string, xs []any) {
			a := o.Array(name)
			for _, x := range xs {
				if err := a.Add(x); err != nil {
					t.Fatal(err)
				}
			}
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
		}
		add("first", anys(v.First))
		add("second", anys(v.Second))
		add("third", anys(v.Third))
		if err := o.Close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("got  %q\nwant %q", got.String(), want.String())
		}
	}
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
