package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
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

	// The report lists the CAMEO coder's events, as it did before there
	// were acts, and its findings name only events it lists.
	_, stdout, _ = run(t, db, "analyze", "--json")
	var rep struct {
		Findings []struct {
			Kind   string
			Events []string
		}
		Events []struct{ ID, Act string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, e := range rep.Events {
		listed[e.ID] = true
		if e.Act != "" {
			t.Errorf("the report lists the act %s (%s)", e.ID, e.Act)
		}
	}
	if len(rep.Events) != coded {
		t.Errorf("the report lists %d events, want the %d of the CAMEO coder", len(rep.Events), coded)
	}
	for _, f := range rep.Findings {
		for _, id := range f.Events {
			if !listed[id] {
				t.Errorf("the report's %s finding names the event %s, which the report does not list", f.Kind, id)
			}
		}
	}
	_, stdout, _ = run(t, db, "analyze")
	if want := fmt.Sprintf("EVENTS (%d)", coded); !strings.Contains(stdout, want) || strings.Contains(stdout, "pattern act-") {
		t.Errorf("the text report does not list the CAMEO coder's events alone (want %q and no act pattern)", want)
	}
}
