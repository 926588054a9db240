package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// repoRoot is the module root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// readmeCommands returns the commands of the README's first code block.
func readmeCommands(t *testing.T, root string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cmds []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "```") {
			if in {
				break
			}
			in = true
			continue
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i]) // a trailing comment
		}
		if in && line != "" && !strings.HasPrefix(line, "#") {
			cmds = append(cmds, line)
		}
	}
	if len(cmds) < 2 {
		t.Fatalf("README's first code block has %d commands, want 2 (run the example, run the tests)", len(cmds))
	}
	return cmds
}

// TestReadmeFirstCommand builds the binary and runs the README's first
// command, with the binary in place of "go run ./cmd/dossier", against a
// temporary database.
func TestReadmeFirstCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	root := repoRoot(t)
	cmds := readmeCommands(t, root)
	const prefix = "go run ./cmd/dossier "
	if !strings.HasPrefix(cmds[0], prefix) {
		t.Fatalf("README's first command %q does not start with %q", cmds[0], prefix)
	}
	if cmds[1] != "go test ./..." {
		t.Errorf("README's second command is %q; .ci/run runs go test ./...", cmds[1])
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "dossier")
	build := exec.Command("go", "build", "-o", bin, "./cmd/dossier")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(tmp, "readme.db")
	args := strings.Fields(strings.TrimPrefix(cmds[0], prefix))
	run := exec.Command(bin, args...)
	run.Dir = root
	run.Env = append(os.Environ(), "DOSSIER_DB="+db)
	out, err := run.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", cmds[0], err, out)
	}
	report := string(out)
	for _, want := range []string{"DOCUMENTS (2)", "transcript", "article"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("the command did not write the database named by DOSSIER_DB: %v", err)
	}

	// The same binary lists what the command stored.
	docs := exec.Command(bin, "docs", "--json", "--db", db)
	docs.Dir = root
	out, err = docs.Output()
	if err != nil {
		t.Fatalf("docs --json: %v", err)
	}
	var got []struct {
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("docs --json is not JSON: %v\n%s", err, out)
	}
	if len(got) != 2 {
		t.Errorf("docs --json lists %d documents, want 2", len(got))
	}
}
