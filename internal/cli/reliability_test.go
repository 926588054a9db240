package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// TestTimeoutLeavesFileOut: a file whose analysis runs past --file-timeout is
// one line naming it, is not stored, and the files after it are still
// tried; with the default limit they are added.
func TestTimeoutLeavesFileOut(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("Amina Yusuf met the council on 4 June 2013 in "+n+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "d.db")
	code, _, errs := run(t, db, "add", "--file-timeout", "1ns", dir)
	if code == 0 {
		t.Fatalf("add with a 1ns limit exited 0:\n%s", errs)
	}
	line := regexp.MustCompile(`(?m)^error: .*/([ab]\.txt): analysis stopped: it took longer than 1ns, the limit set by --file-timeout; not added`)
	got := line.FindAllStringSubmatch(errs, -1)
	if len(got) != 2 {
		t.Fatalf("want one line for each of the two files, got:\n%s", errs)
	}
	_, out, _ := run(t, db, "docs", "--json")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("a file past its limit was stored:\n%s", out)
	}
	code, _, errs = run(t, db, "add", dir)
	if code != 0 || !strings.Contains(errs, "2 added") {
		t.Errorf("with the default limit: exit %d\n%s", code, errs)
	}
}

// TestMessages: the problems a user meets are named in the user's terms.
func TestMessages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	db := filepath.Join(t.TempDir(), "d.db")

	// Sizes are in the unit of the flag: --max-size 1 is "1 MB".
	big := write("big.txt", strings.Repeat("The council met. ", 70000))
	_, _, errs := run(t, db, "add", "--max-size", "1", big)
	if !strings.Contains(errs, "big.txt: file is 1.2 MB, over the size limit of 1 MB (--max-size); not ingested") {
		t.Errorf("size message:\n%s", errs)
	}

	// A symbolic link loop is called one.
	loopDir := filepath.Join(dir, "loop")
	if err := os.Mkdir(loopDir, 0o755); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(loopDir, "a.txt"), filepath.Join(loopDir, "b.txt")
	if err := os.Symlink(b, a); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(a, b); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, db, "add", loopDir)
	if code == 0 || !strings.Contains(errs, "a.txt: symbolic link loop") || strings.Contains(errs, "broken") {
		t.Errorf("symbolic link loop (exit %d):\n%s", code, errs)
	}
	code, _, errs = run(t, db, "add", a)
	if code == 0 || !strings.Contains(errs, "a.txt: symbolic link loop") {
		t.Errorf("symbolic link loop named on the command line (exit %d):\n%s", code, errs)
	}

	// A read command on a database that does not exist says so, fails
	// and creates nothing.
	typo := filepath.Join(t.TempDir(), "typo.db")
	for _, cmd := range []string{"docs", "findings", "search", "timeline", "analyze"} {
		args := []string{cmd}
		if cmd == "search" {
			args = append(args, "council")
		}
		code, _, errs := run(t, typo, args...)
		if code == 0 || !strings.Contains(errs, "typo.db: no dossier here yet (the file does not exist)") {
			t.Errorf("%s on a missing database (exit %d):\n%s", cmd, code, errs)
		}
		if _, err := os.Stat(typo); err == nil {
			t.Fatalf("%s created the missing database", cmd)
		}
	}

	// A procedure model's errors speak YAML: line, field, expected form.
	proc := write("council.yaml", "institution: Millbrook\nbodies:\n  - name: City Council\n    decide: [contract]\n    speaks_for: maybe\n")
	_, _, errs = run(t, db, "findings", "--procedure", proc)
	want := `line 4: unknown field "decide" in a body (did you mean "decides"?`
	if !strings.Contains(errs, want) || !strings.Contains(errs, `line 5: "speaks_for" should be true or false, not the text "maybe"`) || strings.Contains(errs, "checks.") {
		t.Errorf("procedure error:\n%s", errs)
	}
}

// The pass runs under a soft memory limit unless the user set one with
// GOMEMLIMIT, and the limit before is restored after it.
func TestPassMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	restore := limitPassMemory()
	if got := debug.SetMemoryLimit(-1); got != passMemoryLimit {
		t.Errorf("limit during the pass: %d, want %d", got, passMemoryLimit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after the pass: %d, want %d as before", got, before)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = limitPassMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set the pass changed the limit to %d", got)
	}
	restore()
}
