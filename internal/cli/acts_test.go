package cli

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// TestExampleActs: the example's announcement is an act of the record
// that reports the alliance's decision; the announced-before-decision
// finding cites it and the Council's meeting; the CSV export carries the
// CAMEO coder's events only.
func TestExampleActs(t *testing.T) {
	db := exampleDB(t)
	_, stdout, _ := run(t, db, "events", "--json")
	var evs []struct {
		ID         string
		Act        string
		CAMEO      string
		ReportedBy string `json:"reported_by"`
		Trigger    evidence
		Source     struct{ Text, Name string }
		Matter     *struct{ Text string }
	}
	if err := json.Unmarshal([]byte(stdout), &evs); err != nil {
		t.Fatal(err)
	}
	var ann string
	coded := 0
	for _, e := range evs {
		if e.Act == "" {
			coded++
		}
		if e.Act == "announce" && e.Trigger.Text == "confirmed" {
			ann = e.ID
			if e.CAMEO != "010" || !strings.Contains(e.Source.Text, "Secretary General") || e.Matter == nil || !strings.Contains(e.Matter.Text, "had decided to send") {
				t.Errorf("the announcement: %+v", e)
			}
		}
	}
	if ann == "" {
		t.Fatalf("no announcement act for “confirmed” among %d events", len(evs))
	}
	reported := false
	for _, e := range evs {
		reported = reported || e.ReportedBy == ann && e.Act == "decide" && e.CAMEO == ""
	}
	if !reported {
		t.Errorf("the announcement reports no decision")
	}
	_, stdout, _ = run(t, db, "findings", "--json")
	var fs []struct {
		Kind   string
		Events []string
	}
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatal(err)
	}
	cited := false
	for _, f := range fs {
		cited = cited || f.Kind == "announced-before-decision" && len(f.Events) == 2 && f.Events[0] == ann
	}
	if !cited {
		t.Errorf("the finding does not cite the announcement %s and the meeting: %+v", ann, fs)
	}
	_, stdout, _ = run(t, db, "events", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != coded || coded == len(evs) {
		t.Errorf("CSV: %d rows, want the %d events of the CAMEO coder (of %d)", len(rows)-1, coded, len(evs))
	}
}
