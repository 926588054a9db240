package text

import (
	"encoding/json"
	"maps"
	"testing"

	punktdata "github.com/neurosnap/sentences/data"
)

// The fast reader of Punkt's training data must read exactly what
// encoding/json reads, and must read the shipped data itself (not leave
// it to encoding/json).
func TestReadPunktMatchesJSON(t *testing.T) {
	raw, err := punktdata.Asset(punktAssetName)
	if err != nil {
		t.Fatal(err)
	}
	fast, ok := readPunktFast(raw)
	if !ok {
		t.Fatal("the fast reader does not read the shipped training data")
	}
	var want punktTables
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if len(want.OrthoContext) < 1000 || !maps.Equal(fast.OrthoContext, want.OrthoContext) || !maps.Equal(fast.SentStarters, want.SentStarters) {
		t.Errorf("fast reader: %d ortho, %d starters; encoding/json: %d, %d", len(fast.OrthoContext), len(fast.SentStarters), len(want.OrthoContext), len(want.SentStarters))
	}
	// What the fast reader does not handle goes to encoding/json.
	for _, in := range []string{
		`{"OrthoContext": {"a\"b": 1}, "SentStarters": {}}`,
		`{"OrthoContext": {"a": 1.5}, "SentStarters": {}}`,
		`{"OrthoContext": {"a": 1}}`,
		`{"OrthoContext": {"a": 1}, "SentStarters": {}} x`,
	} {
		if _, ok := readPunktFast([]byte(in)); ok {
			t.Errorf("%s: read by the fast reader", in)
		}
	}
	got, err := readPunkt([]byte(`{"Collocations": {"x y": [1, "z", {"q": null}]}, "OrthoContext": {"a\"b": 2}, "SentStarters": {"the": 1}}`))
	if err != nil || got.OrthoContext[`a"b`] != 2 || got.SentStarters["the"] != 1 {
		t.Errorf("readPunkt: %v, %v", got, err)
	}
	if _, err := readPunkt([]byte(`{"OrthoContext": `)); err == nil {
		t.Error("truncated data read without an error")
	}
}
