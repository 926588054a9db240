package main

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/syntax"
)

func parse(t *testing.T, src string) []syntax.Sentence {
	t.Helper()
	s, err := syntax.ReadCoNLLU(strings.NewReader(src), "test")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Only sentences of the length asked for, parsed alike in every word's
// tags, head and relation, are kept.
func TestAgree(t *testing.T) {
	const one = "1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\tTokenRange=0:9\n2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	const two = "1\tFarmers\tfarmer\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tblocked\tblock\tVERB\tVBD\t_\t0\troot\t_\t_\n3\troads\troad\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n"
	a := parse(t, one+two+two)
	b := parse(t, one+two+strings.Replace(two, "\tobj\t", "\tobl\t", 1))
	got := agree(a, b, 3, 3)
	if len(got) != 2 || got[0].Words[0].Form != "Officials" || got[1].Words[0].Form != "Farmers" {
		t.Fatalf("kept %+v, want the first two", got)
	}
	if got[0].Words[0].Misc != "" || got[0].Words[1].SpaceAfter {
		t.Errorf("token ranges kept, or SpaceAfter lost: %+v", got[0].Words)
	}
	if n := len(agree(a, b, 4, 60)); n != 0 {
		t.Errorf("%d sentences kept under the minimum length", n)
	}
}
