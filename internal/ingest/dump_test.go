package ingest

import (
	"context"
	"encoding/json"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	p := os.Getenv("INGEST_DUMP")
	if p == "" {
		t.Skip()
	}
	docs, err := File(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		b, _ := json.MarshalIndent(d, "", "  ")
		t.Logf("%s\ndate=%s\n", b, d.DateString())
	}
}
