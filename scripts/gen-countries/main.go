// Command gen-countries regenerates data/actors/countries.yaml from
// Debian's iso-codes (ISO 3166-1 names and alpha-3 codes), WordNet
// (wordnet-base: alternative names, demonyms and national capitals) and the
// hand-maintained overlay data/actors/countries-extra.yaml. The merge is
// deterministic: the same inputs give the same file.
//
//	apt-get install -y iso-codes wordnet-base
//	go run ./scripts/gen-countries            # write the file
//	go run ./scripts/gen-countries -check     # exit 1 if it is stale
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes ISO 3166-1 JSON file")
	wn := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict directory (data.noun, data.adj); empty to skip")
	extra := flag.String("extra", "data/actors/countries-extra.yaml", "hand-maintained overlay")
	out := flag.String("out", "data/actors/countries.yaml", "output file")
	check := flag.Bool("check", false, "compare with the output file instead of writing it; exit 1 when it differs")
	flag.Parse()
	b, err := Generate(*iso, *wn, *extra)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-countries:", err)
		os.Exit(2)
	}
	if *check {
		old, err := os.ReadFile(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen-countries:", err)
			os.Exit(2)
		}
		if !bytes.Equal(old, b) {
			fmt.Fprintf(os.Stderr, "gen-countries: %s is stale: run go run ./scripts/gen-countries\n", *out)
			os.Exit(1)
		}
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen-countries:", err)
		os.Exit(2)
	}
}

// Country is one country as written to countries.yaml.
type Country struct {
	Code       string
	Name       string
	Names      []string
	Demonyms   []string
	Capitals   []string
	Government string
	Note       string
}

// Overlay is one entry of countries-extra.yaml.
type Overlay struct {
	Code string `yaml:"code"`
	// ISO is the ISO alpha-3 code when Code is a CAMEO deviation from it.
	ISO        string   `yaml:"iso"`
	Name       string   `yaml:"name"`
	Names      []string `yaml:"names"`
	Demonyms   []string `yaml:"demonyms"`
	Capitals   []string `yaml:"capitals"`
	Government string   `yaml:"government"`
	// WordNet names the WordNet lemma of the country's synset when the ISO
	// names are ambiguous or absent there; "-" skips WordNet.
	WordNet string `yaml:"wordnet"`
	// Drop lists derived phrases to remove (case-insensitive).
	Drop []string `yaml:"drop"`
	Note string   `yaml:"note"`
}

type overlayFile struct {
	Countries []Overlay `yaml:"countries"`
}

type isoFile struct {
	Entries []struct {
		Alpha3       string `json:"alpha_3"`
		Name         string `json:"name"`
		CommonName   string `json:"common_name"`
		OfficialName string `json:"official_name"`
	} `json:"3166-1"`
}

// Generate builds the countries.yaml content.
func Generate(isoPath, wordnetDir, extraPath string) ([]byte, error) {
	raw, err := os.ReadFile(isoPath)
	if err != nil {
		return nil, err
	}
	var iso isoFile
	if err := json.Unmarshal(raw, &iso); err != nil {
		return nil, fmt.Errorf("%s: %w", isoPath, err)
	}
	if len(iso.Entries) == 0 {
		return nil, fmt.Errorf("%s: no countries", isoPath)
	}
	var over overlayFile
	if extraPath != "" {
		b, err := os.ReadFile(extraPath)
		if err != nil {
			return nil, err
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&over); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: %w", extraPath, err)
		}
	}
	overByISO := make(map[string]Overlay)
	for _, o := range over.Countries {
		key := o.ISO
		if key == "" {
			key = o.Code
		}
		if _, dup := overByISO[key]; dup {
			return nil, fmt.Errorf("%s: %s listed twice", extraPath, key)
		}
		overByISO[key] = o
	}
	var wn *wordNet
	if wordnetDir != "" {
		if wn, err = loadWordNet(wordnetDir); err != nil {
			return nil, err
		}
	}
	seen := make(map[string]bool)
	var countries []Country
	for _, e := range iso.Entries {
		o := overByISO[e.Alpha3]
		seen[e.Alpha3] = true
		c := Country{Code: e.Alpha3, Government: o.Government, Note: o.Note}
		if o.Code != "" {
			c.Code = o.Code
		}
		isoNames := []string{uninvert(e.Name), e.CommonName, uninvert(e.OfficialName)}
		switch {
		case o.Name != "":
			c.Name = o.Name
		case e.CommonName != "":
			c.Name = e.CommonName
		default:
			c.Name = uninvert(e.Name)
		}
		c.Names = append(c.Names, isoNames...)
		c.Names = append(c.Names, o.Names...)
		c.Demonyms = append(c.Demonyms, o.Demonyms...)
		if wn != nil && o.WordNet != "-" {
			lemmas := []string{o.WordNet}
			if o.WordNet == "" {
				lemmas = isoNames
			}
			if syn := wn.country(lemmas); syn != nil {
				c.Names = append(c.Names, wn.names(syn)...)
				c.Demonyms = append(c.Demonyms, wn.demonyms(syn)...)
				if len(o.Capitals) == 0 {
					c.Capitals = wn.capitals(syn)
				}
			}
		}
		if len(o.Capitals) > 0 {
			c.Capitals = o.Capitals
		}
		countries = append(countries, finish(c, o.Drop))
	}
	// Overlay entries for countries ISO does not list (Kosovo).
	for _, o := range over.Countries {
		key := o.ISO
		if key == "" {
			key = o.Code
		}
		if seen[key] {
			continue
		}
		if o.Name == "" {
			return nil, fmt.Errorf("%s: %s is not in ISO 3166-1 and has no name", extraPath, key)
		}
		c := Country{Code: o.Code, Name: o.Name, Names: o.Names, Demonyms: o.Demonyms,
			Capitals: o.Capitals, Government: o.Government, Note: o.Note}
		countries = append(countries, finish(c, o.Drop))
	}
	sort.Slice(countries, func(i, j int) bool { return countries[i].Code < countries[j].Code })
	return render(countries), nil
}

// uninvert turns ISO's inverted names into running text: "Korea, Republic
// of" → "Republic of Korea", "Virgin Islands, British" → "British Virgin
// Islands". Names whose comma is part of the name are kept.
func uninvert(s string) string {
	head, tail, ok := strings.Cut(s, ", ")
	if !ok {
		return s
	}
	switch {
	case strings.HasSuffix(tail, " of the"), strings.HasSuffix(tail, " of"):
		r := tail + " " + head
		r = strings.TrimPrefix(r, "The ")
		return r
	case !strings.Contains(tail, " "):
		return tail + " " + head
	}
	return s
}

// finish removes empty, dropped and duplicate phrases and adds plurals of
// noun demonyms.
func finish(c Country, drop []string) Country {
	dropped := make(map[string]bool)
	for _, d := range drop {
		dropped[strings.ToLower(d)] = true
	}
	seen := make(map[string]bool)
	clean := func(in []string) []string {
		var out []string
		for _, s := range in {
			s = strings.TrimSpace(s)
			k := strings.ToLower(s)
			if s == "" || dropped[k] || seen[k] || strings.ContainsAny(s, ",()") {
				continue
			}
			seen[k] = true
			out = append(out, s)
		}
		return out
	}
	seen[strings.ToLower(c.Name)] = true
	c.Names = clean(c.Names)
	c.Demonyms = clean(c.Demonyms)
	c.Capitals = clean(c.Capitals)
	return c
}

func render(cs []Country) []byte {
	var b bytes.Buffer
	b.WriteString("# Countries: CAMEO codes, names, demonyms and capitals.\n")
	b.WriteString("# GENERATED by scripts/gen-countries from iso-codes, WordNet and\n")
	b.WriteString("# countries-extra.yaml. Do not edit: edit countries-extra.yaml and run\n")
	b.WriteString("#   go run ./scripts/gen-countries\n")
	b.WriteString("countries:\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "  - code: %s\n", c.Code)
		fmt.Fprintf(&b, "    name: %s\n", quote(c.Name))
		writeList(&b, "names", c.Names)
		writeList(&b, "demonyms", c.Demonyms)
		writeList(&b, "capitals", c.Capitals)
		if c.Government != "" {
			fmt.Fprintf(&b, "    government: %s\n", c.Government)
		}
		if c.Note != "" {
			fmt.Fprintf(&b, "    note: %s\n", quote(c.Note))
		}
	}
	return b.Bytes()
}

func writeList(b *bytes.Buffer, key string, list []string) {
	if len(list) == 0 {
		return
	}
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	fmt.Fprintf(b, "    %s: [%s]\n", key, strings.Join(q, ", "))
}

func quote(s string) string { return strconv.Quote(s) }

// wordNet holds what the generator needs from WordNet's noun and adjective
// data files.
type wordNet struct {
	nouns map[string]*synset   // by offset
	byLem map[string][]*synset // lemma (underscores as spaces) → noun synsets
	adjs  []*synset
}

type pointer struct {
	sym, target, pos string
	src              int // source word number, 0 = whole synset
}

type synset struct {
	offset  string
	lexfile string
	words   []string
	ptrs    []pointer
	gloss   string
}

const (
	countryOffset         = "08544813" // country, state, land
	nationalCapitalOffset = "08691669" // national_capital
	personLexFile         = "18"       // noun.person
)

func loadWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{nouns: make(map[string]*synset), byLem: make(map[string][]*synset)}
	nouns, err := readSynsets(filepath.Join(dir, "data.noun"))
	if err != nil {
		return nil, err
	}
	for _, s := range nouns {
		wn.nouns[s.offset] = s
		for _, w := range s.words {
			wn.byLem[w] = append(wn.byLem[w], s)
		}
	}
	if wn.adjs, err = readSynsets(filepath.Join(dir, "data.adj")); err != nil {
		return nil, err
	}
	return wn, nil
}

// readSynsets parses a WordNet data file (wndb(5) format).
func readSynsets(path string) ([]*synset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*synset
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		body, gloss, _ := strings.Cut(line, " | ")
		fields := strings.Fields(body)
		if len(fields) < 4 {
			continue
		}
		s := &synset{offset: fields[0], lexfile: fields[1], gloss: gloss}
		n, err := strconv.ParseInt(fields[3], 16, 32)
		if err != nil || len(fields) < 4+2*int(n)+1 {
			return nil, fmt.Errorf("%s: bad synset line %.40q", path, line)
		}
		i := 4
		for k := 0; k < int(n); k++ {
			w := fields[i]
			if j := strings.IndexByte(w, '('); j > 0 { // adjective markers: (a), (p), (ip)
				w = w[:j]
			}
			s.words = append(s.words, strings.ReplaceAll(w, "_", " "))
			i += 2
		}
		np, err := strconv.Atoi(fields[i])
		if err != nil || len(fields) < i+1+4*np {
			return nil, fmt.Errorf("%s: bad pointer count in %.40q", path, line)
		}
		i++
		for k := 0; k < np; k++ {
			st := fields[i+3]
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			s.ptrs = append(s.ptrs, pointer{sym: fields[i], target: fields[i+1], pos: fields[i+2], src: int(src)})
			i += 4
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// isCountry reports whether s is an instance or kind of "country".
func (wn *wordNet) isCountry(s *synset) bool {
	seen := make(map[string]bool)
	var walk func(*synset, int) bool
	walk = func(s *synset, depth int) bool {
		if s == nil || depth > 12 || seen[s.offset] {
			return false
		}
		seen[s.offset] = true
		if s.offset == countryOffset {
			return true
		}
		for _, p := range s.ptrs {
			if (p.sym == "@" || p.sym == "@i") && p.pos == "n" && walk(wn.nouns[p.target], depth+1) {
				return true
			}
		}
		return false
	}
	return walk(s, 0)
}

// country finds the country synset for the first of the names that
// identifies exactly one.
func (wn *wordNet) country(names []string) *synset {
	for _, n := range names {
		if n == "" {
			continue
		}
		var found []*synset
		for _, s := range wn.byLem[n] {
			if wn.isCountry(s) {
				found = append(found, s)
			}
		}
		if len(found) == 1 {
			return found[0]
		}
	}
	return nil
}

// names returns the synset's lemmas.
func (wn *wordNet) names(s *synset) []string { return append([]string(nil), s.words...) }

// demonyms returns the adjectives that pertain to the country ("Kenyan")
// and the person nouns that are its members, with their plurals
// ("Kenyan", "Kenyans").
func (wn *wordNet) demonyms(c *synset) []string {
	var out []string
	for _, a := range wn.adjs {
		for _, p := range a.ptrs {
			if p.sym != `\` || p.pos != "n" || p.target != c.offset {
				continue
			}
			words := a.words
			if p.src > 0 && p.src <= len(a.words) {
				words = a.words[p.src-1 : p.src]
			}
			for _, w := range words {
				// Skip "anti-American", "pro-American" and lower-case words.
				if w != capitalised(w) || strings.Contains(w, "-") {
					continue
				}
				out = append(out, w)
			}
		}
	}
	for _, p := range c.ptrs {
		if p.sym != "%m" || p.pos != "n" {
			continue
		}
		m := wn.nouns[p.target]
		// Only natives or inhabitants: not the ethnic groups that are also
		// members of the country.
		if m == nil || m.lexfile != personLexFile || !strings.Contains(m.gloss, "native or inhabitant of") {
			continue
		}
		for _, w := range m.words {
			if strings.Contains(w, " ") || w != capitalised(w) {
				continue
			}
			out = append(out, w, pluralise(w))
		}
	}
	return out
}

// capitals returns the names of the national capital that is part of the
// country.
func (wn *wordNet) capitals(c *synset) []string {
	var out []string
	for _, p := range c.ptrs {
		if p.sym != "%p" || p.pos != "n" {
			continue
		}
		s := wn.nouns[p.target]
		if s == nil || !hasPtr(s, "@i", nationalCapitalOffset) {
			continue
		}
		for _, w := range s.words {
			if strings.Contains(strings.ToLower(w), "capital") {
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

func hasPtr(s *synset, sym, target string) bool {
	for _, p := range s.ptrs {
		if p.sym == sym && p.target == target {
			return true
		}
	}
	return false
}

func capitalised(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// pluralise makes the plural of a demonym noun: "Kenyan" → "Kenyans";
// "Frenchman" → "Frenchmen"; "Swiss" stays.
func pluralise(w string) string {
	switch {
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "ese"):
		return w
	}
	return w + "s"
}
