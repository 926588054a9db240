package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTimeoutLeavesFileOut: a file whose analysis runs past --timeout is
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
	code, _, errs := run(t, db, "add", "--timeout", "1ns", dir)
	if code == 0 {
		t.Fatalf("add with a 1ns limit exited 0:\n%s", errs)
	}
	line := regexp.MustCompile(`(?m)^error: .*/([ab]\.txt): analysis stopped: it took longer than 1ns, the limit set by --timeout; not added`)
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
