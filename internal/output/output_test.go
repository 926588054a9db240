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
