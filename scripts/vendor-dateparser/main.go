// Command vendor-dateparser copies the go-dateparser module into
// third_party/go-dateparser with one change: its locale data and time
// zone tables are built on first use instead of at program start.
//
// Upstream builds the data of all 500 locales (maps, 4,500 regular
// expressions) in package init functions: about 0.3 CPU-seconds and 95 MB
// of allocations in every program that links the package, even one that
// never parses a date. dossier links it through go-trafilatura (HTML
// ingestion), so every command paid for it, 'dossier timex' included.
// go.mod replaces the module with the copy; see
// third_party/go-dateparser/DOSSIER.md.
//
//	go run ./scripts/vendor-dateparser $(go env GOMODCACHE)/github.com/markusmobius/go-dateparser@v1.4.7
//
// The copy leaves out the module's tests, test data and code generators
// (-tests keeps the tests and test data, to run them on the copy). The
// command fails if the source does not look as expected, so that a new
// upstream version is looked at rather than patched blindly.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	out := flag.String("out", "third_party/go-dateparser", "where to write the copy")
	tests := flag.Bool("tests", false, "keep the module's tests and test data")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: vendor-dateparser [-out DIR] [-tests] MODULE_DIR")
	}
	if err := run(flag.Arg(0), *out, *tests); err != nil {
		log.Fatal(err)
	}
}

func run(src, dst string, tests bool) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch rel {
			case "scripts", "data-supplementary":
				return filepath.SkipDir
			case "testdata":
				if !tests {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if strings.HasSuffix(rel, "_test.go") && !tests {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[rel] = b
		return nil
	})
	if err != nil {
		return err
	}
	if err := lazyLocales(files); err != nil {
		return fmt.Errorf("internal/data: %w", err)
	}
	if err := lazyTimezones(files); err != nil {
		return fmt.Errorf("internal/timezone: %w", err)
	}
	for _, rel := range []string{"internal/data/00-locale-data.go", "internal/data/06-lazy-load.go", "internal/timezone/tz-offsets.go", "internal/timezone/parser.go"} {
		b, err := format.Source(files[rel])
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		files[rel] = b
	}
	for rel, b := range files {
		path := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		// The module cache's files are read-only; the copy's are not.
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

var (
	localeVar  = regexp.MustCompile(`(?m)^\t([A-Za-z0-9_]+_Locale) +LocaleData$`)
	localeCase = regexp.MustCompile(`case "([^"]+)":\n\t\treturn &([A-Za-z0-9_]+_Locale), true`)
)

// lazyLocales turns the init function of each locale file of
// internal/data into a loader, run once by GetLocaleData when one of the
// file's locales is first asked for.
func lazyLocales(files map[string][]byte) error {
	const dir = "internal/data/"
	fileOf := map[string]string{} // locale variable → loader name
	var loaders []string
	for rel, b := range files {
		base := strings.TrimPrefix(rel, dir)
		if base == rel || strings.Contains(base, "/") || !strings.HasSuffix(base, ".go") || base[0] >= '0' && base[0] <= '9' {
			continue
		}
		name := "load_" + strings.ReplaceAll(strings.TrimSuffix(base, ".go"), "-", "_")
		if bytes.Count(b, []byte("\nfunc init() {\n")) != 1 {
			return fmt.Errorf("%s: expected one init function", base)
		}
		files[rel] = bytes.Replace(b, []byte("\nfunc init() {\n"), []byte("\nfunc "+name+"() {\n"), 1)
		for _, m := range localeVar.FindAllSubmatch(b, -1) {
			fileOf[string(m[1])] = name
		}
		loaders = append(loaders, name)
	}
	sort.Strings(loaders)
	const index = dir + "00-locale-data.go"
	b, ok := files[index]
	if !ok || !bytes.Contains(b, []byte("\nfunc GetLocaleData(locale string) (*LocaleData, bool) {\n")) {
		return fmt.Errorf("GetLocaleData not found")
	}
	files[index] = bytes.Replace(b, []byte("\nfunc GetLocaleData("), []byte("\nfunc getLocaleData("), 1)
	byLoader := map[string][]string{}
	for _, m := range localeCase.FindAllSubmatch(b, -1) {
		loader, ok := fileOf[string(m[2])]
		if !ok {
			return fmt.Errorf("locale %s: no file declares %s", m[1], m[2])
		}
		byLoader[loader] = append(byLoader[loader], fmt.Sprintf("%q", m[1]))
	}
	if len(byLoader) != len(loaders) {
		return fmt.Errorf("%d locale files, %d with locales in GetLocaleData", len(loaders), len(byLoader))
	}
	var g bytes.Buffer
	g.WriteString(`// Code generated by dossier's scripts/vendor-dateparser; DO NOT EDIT.

package data

import "sync"

// GetLocaleData returns the data of a locale. The data of a locale's
// file (a language and its regional variants) is built the first time
// one of them is asked for: upstream builds every locale's data at
// program start.
func GetLocaleData(locale string) (*LocaleData, bool) {
	if !loadLocale(locale) {
		return nil, false
	}
	return getLocaleData(locale)
}

var (
`)
	for _, l := range loaders {
		fmt.Fprintf(&g, "\tonce_%s sync.Once\n", strings.TrimPrefix(l, "load_"))
	}
	g.WriteString(")\n\n// loadLocale builds the data of locale's file, once.\nfunc loadLocale(locale string) bool {\n\tswitch locale {\n")
	for _, l := range loaders {
		fmt.Fprintf(&g, "\tcase %s:\n\t\tonce_%s.Do(%s)\n", strings.Join(byLoader[l], ", "), strings.TrimPrefix(l, "load_"), l)
	}
	g.WriteString("\tdefault:\n\t\treturn false\n\t}\n\treturn true\n}\n")
	files[dir+"06-lazy-load.go"] = g.Bytes()
	return nil
}

// lazyTimezones makes the time zone tables, built from a function called
// at package init, a sync.OnceValue.
func lazyTimezones(files map[string][]byte) error {
	const offsets = "internal/timezone/tz-offsets.go"
	const parser = "internal/timezone/parser.go"
	head := "\nvar timezoneOffsets, rxSearch, rxSearchIgnoreCase, rxTimezoneToken = func() ([]OffsetData, *regexp.Regexp, *regexp.Regexp, *regexp.Regexp) {\n"
	b := files[offsets]
	if !bytes.Contains(b, []byte(head)) || !bytes.HasSuffix(b, []byte("\n}()\n")) {
		return fmt.Errorf("%s: the tables' function not found", offsets)
	}
	b = bytes.Replace(b, []byte(head), []byte(`
// tables are the time zone tables, built on first use (upstream builds
// them at program start).
type tables struct {
	offsets                   []OffsetData
	search, searchIgnoreCase  *regexp.Regexp
	token                     *regexp.Regexp
}

var loadTables = sync.OnceValue(func() tables {
	o, s, si, t := buildTables()
	return tables{o, s, si, t}
})

func buildTables() ([]OffsetData, *regexp.Regexp, *regexp.Regexp, *regexp.Regexp) {
`), 1)
	b = append(bytes.TrimSuffix(b, []byte("\n}()\n")), "\n}\n"...)
	b = bytes.Replace(b, []byte("\t\"strings\"\n"), []byte("\t\"strings\"\n\t\"sync\"\n"), 1)
	files[offsets] = b
	p := string(files[parser])
	for _, r := range [][2]string{
		{"rxTimezoneToken.", "loadTables().token."},
		{"rxSearchIgnoreCase.", "loadTables().searchIgnoreCase."},
		{"rxSearch.", "loadTables().search."},
		{"range timezoneOffsets", "range loadTables().offsets"},
	} {
		if strings.Count(p, r[0]) != 1 {
			return fmt.Errorf("%s: %q not found once", parser, r[0])
		}
		p = strings.Replace(p, r[0], r[1], 1)
	}
	files[parser] = []byte(p)
	return nil
}
