package text

import (
	"fmt"
	"os"
	"testing"
)

// TestDebugDump prints the analysis of the file named by $DUMP; it is a
// development aid and skips otherwise:
//
//	DUMP=$PWD/examples/nato-libya/natowatch-nato-returns-to-libya.txt go test -v -run DebugDump ./internal/text/
func TestDebugDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	d := a.Analyze(string(b))
	for i, s := range d.Sentences {
		fmt.Printf("S%d p%d %q\n", i, s.Para, s.Text)
		for _, tk := range d.SentenceTokens(i) {
			fmt.Printf("%s/%s ", tk.Text, tk.Tag)
		}
		fmt.Println()
	}
	for _, n := range d.Names() {
		fmt.Printf("NAME %q s%d hon=%q label=%v\n", n.Text, n.Sentence, n.Honorific.Text, n.Label)
	}
}
