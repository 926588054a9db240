package cli

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/server"
	"github.com/dossier-project/dossier/internal/store"
)

// TestPeopleCommand adds invented minutes and an article that quotes a
// councillor by surname, and reads the people: the councillor's record
// has the role from the attendance line, the article's form of the name,
// the quotes and the turn; --json is the API's /api/people byte for byte.
func TestPeopleCommand(t *testing.T) {
	dir := t.TempDir()
	minutes := filepath.Join(dir, "minutes.txt")
	article := filepath.Join(dir, "article.txt")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(minutes, "Kelby Parish Council — minutes\n\n3 February 2025\n\n"+
		"PRESENT: Chair Odile Brannock; Councillors Teodor Vasko and Mirren Achebe.\n\n"+
		"CHAIR BRANNOCK: We turn to the ferry contract. Councillor Vasko?\n"+
		"COUNCILLOR VASKO: I cannot support the terms as they stand.\n")
	write(article, "Ferry deal approved\n\nKelby, 4 February 2025 – The parish council approved the ferry contract on Monday.\n\n"+
		"Councillor Vasko said: \"I cannot support the terms as they stand.\"\n")
	db := filepath.Join(dir, "d.db")
	if code, _, stderr := run(t, db, "-q", "add", "--kind", "transcript", minutes); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, db, "-q", "add", article); code != 0 {
		t.Fatal(stderr)
	}

	code, out, stderr := run(t, db, "people", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var recs []store.Actor
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("people --json: %v\n%s", err, out)
	}
	var vasko *store.Actor
	for i := range recs {
		if recs[i].Key == "teodor vasko" {
			vasko = &recs[i]
		}
		if recs[i].Key == "councillor vasko" {
			t.Error("the surname alone stayed apart from the one Vasko of the dossier")
		}
	}
	if vasko == nil {
		t.Fatalf("no record of Teodor Vasko:\n%s", out)
	}
	if len(vasko.Roles) == 0 || vasko.Roles[0] != "Councillor" || vasko.Quotes < 2 || vasko.Turns != 1 || vasko.Documents != 2 {
		t.Errorf("Teodor Vasko: roles %q, %d quotes, %d turns, %d documents; want Councillor, the minutes' and the article's quotes, 1 turn, 2 documents",
			vasko.Roles, vasko.Quotes, vasko.Turns, vasko.Documents)
	}

	// The text lists the same, one line each, with the first evidence.
	_, text, _ := run(t, db, "people")
	var line, evidence string
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Teodor Vasko ") && i+1 < len(lines) {
			line, evidence = l, lines[i+1]
		}
	}
	for _, want := range []string{"Councillor", `"Councillor Vasko"`, "2 documents", "quotes", "1 turn"} {
		if !strings.Contains(line, want) {
			t.Errorf("line %q lacks %q", line, want)
		}
	}
	ev := vasko.Examples[0]
	if !strings.Contains(evidence, shortID(ev.Doc)) || !strings.Contains(evidence, `"Teodor Vasko"`) {
		t.Errorf("evidence line %q does not cite %s", evidence, where(ev))
	}

	// The API gives the same bytes.
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Options{Store: st, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/api/people")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != out {
		t.Errorf("GET /api/people differs from dossier people --json:\n%s\nwant\n%s", clipDiff(string(b)), clipDiff(out))
	}
}
