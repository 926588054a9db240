package evaluate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode"
)

// scorer returns python3 and the project's scorer, shared/eval/score.py
// beside the repository. Without them the test is skipped, except under
// CI, where .ci/run installs python3 and the shared folder is present.
func scorer(t *testing.T) (python, script string) {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	script = filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "eval", "score.py")
	python, err := exec.LookPath("python3")
	missing := ""
	switch {
	case err != nil:
		missing = "python3 is not installed"
	default:
		if _, err := os.Stat(script); err != nil {
			missing = "the project's scorer is not at " + script
		}
	}
	if missing != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (CI installs python3; the shared folder must be beside the repository)", missing)
		}
		t.Skip(missing)
	}
	return python, script
}

// tricky are characters on which Python's and Go's string functions
// differ, or where the scorer's rules have corners.
var tricky = []rune{
	'a', 'Z', '0', '_', ' ', ' ', '\t', '\n', '\r', '\v', '\f', '\'', '"', '.', ':', ',', '-', '\\', '/',
	0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0, 0xad, 0xb7, 0x2018, 0x2019, 0x201c, 0x201d, 0x2028, 0x2029, 0x3000,
	'Σ', 'σ', 'ς', 'Ο', 'İ', 'I', 'ı', 'ß', 'ẞ', 'ǅ', 'Ω', 'K', 'Å', 'ﬁ', 'Ⅻ', '²', '½', '٣', '三', 'Ａ', 'ａ',
	0x301, 0x308, 0x323, 0x345, 0x200d, 0x200b, 0xfeff, 0x2b0, 'é', 'ü', '😀', '𝐀', 0xfffd, 'ʼ', '·',
}

func randomStrings(n int, seed int64) []string {
	rng := rand.New(rand.NewSource(seed))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := rng.Intn(12) + 1; k > 0; k-- {
			b.WriteRune(tricky[rng.Intn(len(tricky))])
		}
		out[i] = b.String()
	}
	return out
}

// TestHelpersAgreeWithScorer runs the scorer's own helpers (norm, overlap,
// speaker_right, brat) and Python's json.dumps, str.split, str.splitlines
// and float formatting on the same cases as their Go counterparts here,
// and on every character both Unicode databases assign alike.
func TestHelpersAgreeWithScorer(t *testing.T) {
	python, script := scorer(t)
	strs := append(randomStrings(3000, 1), "", "  ", "Councillor Teodor Vasko’s", "İSTANBUL ΟΔΟΣ.", "a\u0085b", "x\x1fy")
	var pairs [][2]string
	for i := 0; i+1 < len(strs); i += 2 {
		pairs = append(pairs, [2]string{strs[i], strs[i+1]})
	}
	// Pairs that share words, so that overlaps are not all 0.
	words := []string{"the", "Mayor", "mayor’s", "ΣΑΣ", "σας", "he", "she", "they", "Vasko", "vaskova", "bridge", "İ", "i̇"}
	rng := rand.New(rand.NewSource(2))
	phrase := func() string {
		var ws []string
		for k := rng.Intn(6) + 1; k > 0; k-- {
			ws = append(ws, words[rng.Intn(len(words))])
		}
		return strings.Join(ws, []string{" ", ", ", "  ", "-"}[rng.Intn(4)])
	}
	for range 1000 {
		pairs = append(pairs, [2]string{phrase(), phrase()})
	}
	dumps := []string{`[{"start":1,"end":2,"text":"Vasko"}]`, `""`, `[]`, `{"a":[1,2.5,1e-7,1E400,-0],"b":null,"c":true}`}
	for _, s := range strs[:500] {
		b, _ := json.Marshal([]any{map[string]any{"start": 0, "end": len(s), "text": s}})
		dumps = append(dumps, string(b))
	}
	var floats []float64
	for n := 1; n <= 200; n++ {
		for k := 0; k <= n; k++ {
			floats = append(floats, float64(k)/float64(n))
		}
	}
	dir := t.TempDir()
	anns := []string{invented, "\ufeffT1\tContent 0 4\tsoon\nE1\tContent:T1\n", "T1\tContent\nE1\tContent:T1\nT2\tContent 0 1\ta\tb\nE2\tContent:T2 Content:T1\nE3\tContent:T2\u0085Source:T2\n"}
	var annPaths []string
	for i, s := range anns {
		p := filepath.Join(dir, fmt.Sprintf("a%d.ann", i))
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		annPaths = append(annPaths, p)
	}
	cases := map[string]any{"norm": strs, "overlap": pairs, "speaker": pairs, "dumps": dumps, "fmt": floats,
		"split": strs, "splitlines": strs, "brat": annPaths, "codepoints": !testing.Short()}
	in, _ := json.Marshal(cases)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(python, filepath.Join("testdata", "agree.py"), script)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("agree.py: %v\n%s", err, stderr.String())
	}
	var got struct {
		Norm       []string
		Overlap    []float64
		Speaker    []*bool
		Dumps      []string
		Fmt        []string
		Split      [][]string
		Splitlines [][]string
		Brat       [][]Attribution
		Unicode    string
		Codepoints [][]any
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	fails := 0
	fail := func(format string, args ...any) {
		if fails++; fails <= 30 {
			t.Errorf(format, args...)
		}
	}
	for i, s := range strs {
		if n := Norm(s); n != got.Norm[i] {
			fail("Norm(%+q) = %+q, score.py %+q", s, n, got.Norm[i])
		}
		if f := pyFields(s); !(len(f) == 0 && len(got.Split[i]) == 0) && !reflect.DeepEqual(f, got.Split[i]) {
			fail("pyFields(%+q) = %+q, Python %+q", s, f, got.Split[i])
		}
		var lines []string
		sc := newSplitLines(strings.NewReader(s))
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		if !(len(lines) == 0 && len(got.Splitlines[i]) == 0) && !reflect.DeepEqual(lines, got.Splitlines[i]) {
			fail("splitlines(%+q) = %+q, Python %+q", s, lines, got.Splitlines[i])
		}
	}
	for i, p := range pairs {
		if o := Overlap(p[0], p[1]); o != got.Overlap[i] {
			fail("Overlap(%+q, %+q) = %v, score.py %v", p[0], p[1], o, got.Overlap[i])
		}
		right, ok := SpeakerRight(p[0], p[1])
		py := got.Speaker[i]
		if ok != (py != nil) || ok && right != *py {
			fail("SpeakerRight(%+q, %+q) = %v, %v; score.py %v", p[0], p[1], right, ok, py)
		}
	}
	for i, s := range dumps {
		if d, err := pyDumps([]byte(s)); err != nil || d != got.Dumps[i] {
			fail("pyDumps(%s) = %s (%v), json.dumps %s", s, d, err, got.Dumps[i])
		}
	}
	for i, f := range floats {
		if s := fmt.Sprintf("%.2f", f); s != got.Fmt[i] {
			fail("%%.2f of %v: Go %s, Python %s", f, s, got.Fmt[i])
		}
	}
	for i, p := range annPaths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		atts, err := ReadAnn(f)
		f.Close()
		if err != nil || !(len(atts) == 0 && len(got.Brat[i]) == 0) && !reflect.DeepEqual(atts, got.Brat[i]) {
			fail("ReadAnn(%+q) = %+v (%v), score.py %+v", anns[i], atts, err, got.Brat[i])
		}
	}
	compared, skipped := 0, 0
	for _, row := range got.Codepoints {
		r := rune(row[0].(float64))
		if category(r) != row[1].(string) {
			skipped++ // the two Unicode databases differ on it
			continue
		}
		compared++
		// The character alone, before a final sigma and after a sigma.
		s := string(r)
		in := s + " A" + s + "Σ AΣ" + s
		if n := Norm(in); n != row[2].(string) {
			fail("Norm(%+q) = %+q, score.py %+q (U+%04X, %s)", in, n, row[2], r, row[1])
		}
		if isPySpace(r) != row[3].(bool) {
			fail("isPySpace(U+%04X) = %v, Python %v", r, isPySpace(r), row[3])
		}
	}
	if len(got.Codepoints) > 0 {
		t.Logf("%d characters compared, %d left out (Python's Unicode %s, Go's %s)", compared, skipped, got.Unicode, unicode.Version)
		if compared < 250000 {
			t.Errorf("only %d characters compared", compared)
		}
	}
	if fails > 30 {
		t.Errorf("… and %d more", fails-30)
	}
}

// category is the general category of r in Go's Unicode tables ("Cn"
// when unassigned). LC (cased letter) is a group, not a category.
func category(r rune) string {
	for name, table := range unicode.Categories {
		if len(name) == 2 && name != "LC" && unicode.Is(table, r) {
			return name
		}
	}
	return "Cn"
}
