package events

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

func testPrepare(t testing.TB) PrepareFunc {
	an, _ := setup(t)
	return func(src string, date time.Time) (*model.Document, *text.Doc, []model.Mention) {
		td := an.Analyze(src)
		doc := &model.Document{ID: fmt.Sprintf("%x", len(src)*7919+int(date.Unix()%1000)), Text: src, Date: date}
		return doc, td, mentionsOf(td, world)
	}
}

func testLines(t testing.TB) []string {
	b, err := os.ReadFile("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

func TestCodeStream(t *testing.T) {
	_, c := setup(t)
	sents := testLines(t)
	var in bytes.Buffer
	const n = 20000
	bad := 0
	for i := range n {
		if i%1000 == 999 {
			fmt.Fprintf(&in, "{\"id\": \"d%d\", \"text\": broken\n", i)
			bad++
			continue
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("d%d", i), "date": "2024-03-01", "text": sents[i%len(sents)] + " " + sents[(i+3)%len(sents)]})
		in.Write(line)
		in.WriteByte('\n')
	}
	var out bytes.Buffer
	var st StreamStats
	err := c.CodeStream(context.Background(), &in, &out, StreamOptions{Workers: 2, Window: 64, Prepare: testPrepare(t), Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	if st.Lines != n || st.BadLines != int64(bad) || st.Events == 0 {
		t.Errorf("stats: %d lines, %d bad, %d events", st.Lines, st.BadLines, st.Events)
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	i := 0
	for sc.Scan() {
		var o struct {
			ID     string           `json:"id"`
			Error  string           `json:"error"`
			Events []map[string]any `json:"events"`
		}
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, sc.Text())
		}
		if o.ID != fmt.Sprintf("d%d", i) {
			t.Fatalf("line %d: id %q: out of order", i+1, o.ID)
		}
		if i%1000 == 999 {
			if !strings.Contains(o.Error, fmt.Sprintf("line %d: invalid JSON", i+1)) {
				t.Errorf("error line %d: %q", i+1, o.Error)
			}
		}
		if i == 0 {
			if len(o.Events) == 0 {
				t.Fatalf("no events on line 1: %s", sc.Text())
			}
			for _, k := range []string{"event", "mode", "context", "source", "target", "cameo", "goldstein", "quad_class", "negated", "future", "hypothetical", "trigger", "pattern"} {
				if _, ok := o.Events[0][k]; !ok {
					t.Errorf("event lacks %q: %s", k, sc.Text())
				}
			}
		}
		i++
	}
	if i != n {
		t.Errorf("%d output lines for %d input lines", i, n)
	}
}

func TestCodeStreamGDELT(t *testing.T) {
	_, c := setup(t)
	in := strings.NewReader(`{"id":"a","date":"2024-03-01","text":"Kenya attacked Somalia on Monday."}
{"id":"b","date":"2024-03-02","text":"Uganda may attack Kenya."}
not json
`)
	var out bytes.Buffer
	if err := c.CodeStream(context.Background(), in, &out, StreamOptions{Format: "gdelt", Prepare: testPrepare(t)}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "SQLDATE\tActor1Code") {
		t.Fatalf("gdelt output:\n%s", out.String())
	}
	f := strings.Split(lines[1], "\t")
	want := []string{"20240301", "KEN", "Kenya", "KEN", "", "SOM", "Somalia", "SOM", "", "190", "19", "4", "-10.0", "a"}
	if strings.Join(f, "|") != strings.Join(want, "|") {
		t.Errorf("row %q, want %q", f, want)
	}
}

func TestCodeStreamCancel(t *testing.T) {
	_, c := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := strings.NewReader(strings.Repeat(`{"id":"a","text":"Kenya attacked Somalia."}`+"\n", 1000))
	err := c.CodeStream(ctx, r, &bytes.Buffer{}, StreamOptions{Prepare: testPrepare(t)})
	if err == nil {
		t.Error("no error after cancel")
	}
	if err := c.CodeStream(context.Background(), r, &bytes.Buffer{}, StreamOptions{}); err == nil {
		t.Error("no error without Prepare")
	}
}

// TestCodeStreamLineNumbers: an error names the line of the file, blank
// lines included, so that a user can find it.
func TestCodeStreamLineNumbers(t *testing.T) {
	_, c := setup(t)
	in := "{\"id\": \"a\", \"text\": \"Kenya met Uganda.\"}\n\n\n{\"id\": \"b\", \"text\": broken\n"
	var out bytes.Buffer
	if err := c.CodeStream(context.Background(), strings.NewReader(in), &out, StreamOptions{Workers: 1, Prepare: testPrepare(t)}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "line 4: invalid JSON") {
		t.Errorf("the broken line is line 4 of the input:\n%s", out.String())
	}
}

func TestGDELTAgentCodeHasNoCountry(t *testing.T) {
	countries := map[string]bool{"KEN": true, "SOM": true}
	for _, c := range []struct{ code, country, typ string }{
		{"KENGOV", "KEN", "GOV"},
		{"SOM", "SOM", ""},
		{"REB", "", "REB"},
		{"CVL", "", "CVL"},
		{"IGOUNO", "", "IGO"},
	} {
		country, typ := splitCode(c.code, countries)
		if country != c.country || typ != c.typ {
			t.Errorf("splitCode(%q) = %q, %q; want %q, %q", c.code, country, typ, c.country, c.typ)
		}
	}
}

func TestCodeStreamIDsAndMissingText(t *testing.T) {
	_, c := setup(t)
	in := strings.NewReader("{\"id\":7,\"text\":\"Kenya attacked Somalia.\"}\n{\"id\":\"x\"}\n")
	var out bytes.Buffer
	if err := c.CodeStream(context.Background(), in, &out, StreamOptions{Prepare: testPrepare(t)}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %q", out.String())
	}
	if !strings.HasPrefix(lines[0], `{"id":7,`) || !strings.Contains(lines[0], `"id":"7-e1"`) {
		t.Errorf("a numeric id is kept, and event ids start with it: %s", lines[0])
	}
	if !strings.Contains(lines[1], `"error":"line 2: no \"text\" field"`) {
		t.Errorf("a line without text is an error: %s", lines[1])
	}
}

// FuzzCodeStreamLines fuzzes the JSON Lines reader and writer of dossier
// code: whatever the input, every non-blank line gives exactly one
// output line, in order, that is a JSON object with the line's id and
// either its events or an error, and the counts agree. The lines are not
// analysed (Prepare returns no text layer), so that thousands of inputs
// run a minute: the text layer and the coder have their own fuzz
// targets.
func FuzzCodeStreamLines(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","date":"2013-06-04","text":"Kenya met Uganda."}`,
		`{"id": 17, "text": "x"}` + "\n\n" + `not json` + "\n" + `{"id":"b"}`,
		`{"id":"c","text":"x","date":"20130604"}` + "\r\n" + `{"text":null}`,
		`{"id":[1,{"id":2}],"text":"y"}`,
		`{"a":{"id":"x"},"id":"z",` + "\n" + "\xff\xfe{}",
		"[1,2]\n\"str\"\n3\nnull\n{}",
	} {
		f.Add(s)
	}
	c := NewCoder(newPatterns())
	prepare := func(src string, date time.Time) (*model.Document, *text.Doc, []model.Mention) {
		return &model.Document{Text: src, Date: date}, nil, nil
	}
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		var stats StreamStats
		if err := c.CodeStream(context.Background(), strings.NewReader(in), &out, StreamOptions{Workers: 1, Prepare: prepare, Stats: &stats}); err != nil {
			t.Fatalf("CodeStream: %v", err)
		}
		want := 0
		for _, l := range strings.Split(in, "\n") {
			if len(bytes.TrimSpace([]byte(l))) > 0 {
				want++
			}
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			lines = nil
		}
		if len(lines) != want || stats.Lines != int64(want) {
			t.Fatalf("%d non-blank input lines gave %d output lines (stats: %d):\n%q\n%s", want, len(lines), stats.Lines, in, out.String())
		}
		bad := 0
		for _, l := range lines {
			var o map[string]json.RawMessage
			if err := json.Unmarshal([]byte(l), &o); err != nil {
				t.Fatalf("output line is not a JSON object: %v: %q", err, l)
			}
			if _, ok := o["id"]; !ok {
				t.Fatalf("output line without id: %q", l)
			}
			_, ev := o["events"]
			_, er := o["error"]
			if ev == er {
				t.Fatalf("output line must have events or an error, not both or neither: %q", l)
			}
			if er {
				bad++
			}
		}
		if int64(bad) != stats.BadLines {
			t.Fatalf("%d error lines, %d counted bad", bad, stats.BadLines)
		}
	})
}
