// Command gen-source-nouns regenerates data/quotes/source-nouns.txt (and
// data/quotes/person-nouns.txt, the common nouns for persons, and
// data/events/nouns/abstract.txt, the abstract nouns) from WordNet
// (Debian's wordnet-base): the common nouns that can name the source of a
// statement, because one of their senses is a person (noun.person), a
// group or institution (noun.group) or a communication
// (noun.communication: a report, a poll, a study). quotes reads the list to
// tell "the court said" and "a 2014 study found" from a parse that made
// "the dresses" or "a bomb" the subject of a cue. The abstract nouns are
// those every sense of which is abstract (abstractFiles): the event coder
// reads them so that "Germany targets a surge of vitriol" is no assault.
// The output is sorted and deterministic.
//
//	apt-get install -y wordnet-base
//	go run ./scripts/gen-source-nouns           # write the file
//	go run ./scripts/gen-source-nouns -check    # exit 1 if it is stale
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// sourceFiles are the lexicographer files whose nouns may be sources.
var sourceFiles = map[string]bool{"14": true, personFile: true, "10": true} // noun.group, noun.person, noun.communication

// personFile is the lexicographer file of noun.person.
const personFile = "18"

// abstractFiles are the lexicographer files of abstract nouns: noun.act,
// attribute, cognition, communication, event, feeling, motive,
// phenomenon, process, relation, state and time. Not noun.quantity:
// "killed dozens", "81 percent of the victims" count people.
var abstractFiles = map[string]bool{"04": true, "07": true, "09": true, "10": true, "11": true, "12": true,
	"16": true, "19": true, "22": true, "24": true, "26": true, "28": true}

func main() {
	wn := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict directory (data.noun)")
	out := flag.String("out", "data/quotes/source-nouns.txt", "output file")
	personsOut := flag.String("persons", "data/quotes/person-nouns.txt", "output file of person nouns")
	abstractOut := flag.String("abstract", "data/events/nouns/abstract.txt", "output file of abstract nouns")
	check := flag.Bool("check", false, "compare with the output files instead of writing them; exit 1 when one differs")
	flag.Parse()
	f, err := os.Open(filepath.Join(*wn, "data.noun"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-source-nouns:", err)
		os.Exit(2)
	}
	defer f.Close()
	l, err := Generate(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-source-nouns:", err)
		os.Exit(2)
	}
	for _, o := range []struct {
		path string
		b    []byte
	}{{*out, l.Sources}, {*personsOut, l.Persons}, {*abstractOut, l.Abstract}} {
		if *check {
			old, err := os.ReadFile(o.path)
			if err != nil || !bytes.Equal(old, o.b) {
				fmt.Fprintf(os.Stderr, "gen-source-nouns: %s is stale: run go run ./scripts/gen-source-nouns\n", o.path)
				os.Exit(1)
			}
			continue
		}
		if err := os.WriteFile(o.path, o.b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen-source-nouns:", err)
			os.Exit(2)
		}
	}
}

// Lists are the files Generate makes from one reading of data.noun, each
// a header, then one lower-case single word a line, sorted.
type Lists struct {
	// Sources is source-nouns.txt: the nouns of sourceFiles.
	Sources []byte
	// Persons is person-nouns.txt: the common nouns of noun.person as
	// WordNet writes them in lower case ("leader", "widow", "economist";
	// not "Aaron"), which quotes reads as titles when they stand before a
	// name ("Majority Leader Ines Varga").
	Persons []byte
	// Abstract is abstract.txt: the nouns every sense of which is in
	// abstractFiles.
	Abstract []byte
}

// Generate reads WordNet's data.noun and returns the lists.
func Generate(r io.Reader) (Lists, error) {
	words := map[string]bool{}
	persons := map[string]bool{}
	abstract := map[string]bool{} // every sense seen so far is abstract
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") { // the licence header
			continue
		}
		fs := strings.Fields(line)
		// offset lex_filenum ss_type w_cnt (hex) word lex_id ...
		if len(fs) < 5 {
			continue
		}
		var n int
		if _, err := fmt.Sscanf(fs[3], "%x", &n); err != nil {
			return Lists{}, fmt.Errorf("data.noun: bad word count %q", fs[3])
		}
		for i := 0; i < n && 4+2*i < len(fs); i++ {
			raw := fs[4+2*i]
			if k := strings.IndexByte(raw, '('); k >= 0 { // "fellow(a)"
				raw = raw[:k]
			}
			w := strings.ToLower(raw)
			if strings.ContainsAny(w, "_.'0123456789") || w == "" {
				continue
			}
			if raw == w && !strings.Contains(w, "-") {
				if seen, ok := abstract[w]; !ok || seen {
					abstract[w] = abstractFiles[fs[1]]
				}
			}
			if !sourceFiles[fs[1]] {
				continue
			}
			words[w] = true
			if fs[1] == personFile && raw == w {
				persons[w] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return Lists{}, err
	}
	var buf bytes.Buffer
	buf.WriteString("# Common nouns that can name the source of a statement: a person, a group\n")
	buf.WriteString("# or institution, or a communication (WordNet 3.0, noun.person, noun.group,\n")
	buf.WriteString("# noun.communication). Generated by scripts/gen-source-nouns; do not edit.\n")
	buf.WriteString("# WordNet 3.0 Copyright 2006 by Princeton University (see NOTICE).\n")
	writeSorted(&buf, words)
	var pb bytes.Buffer
	pb.WriteString("# Common nouns for persons, as WordNet writes them in lower case (WordNet 3.0,\n")
	pb.WriteString("# noun.person): before a name they are a title, not part of it (\"Majority\n")
	pb.WriteString("# Leader Ines Varga\"). Generated by scripts/gen-source-nouns; do not edit.\n")
	pb.WriteString("# WordNet 3.0 Copyright 2006 by Princeton University (see NOTICE).\n")
	writeSorted(&pb, persons)
	var ab bytes.Buffer
	ab.WriteString("# Nouns every sense of which is abstract (WordNet 3.0: noun.act, attribute,\n")
	ab.WriteString("# cognition, communication, event, feeling, motive, phenomenon, process,\n")
	ab.WriteString("# relation, state, time). Generated by scripts/gen-source-nouns; do not\n")
	ab.WriteString("# edit. WordNet 3.0 Copyright 2006 by Princeton University (see NOTICE).\n")
	for w, ok := range abstract {
		if !ok {
			delete(abstract, w)
		}
	}
	writeSorted(&ab, abstract)
	return Lists{Sources: buf.Bytes(), Persons: pb.Bytes(), Abstract: ab.Bytes()}, nil
}

func writeSorted(buf *bytes.Buffer, words map[string]bool) {
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	sort.Strings(list)
	for _, w := range list {
		buf.WriteString(w)
		buf.WriteByte('\n')
	}
}
