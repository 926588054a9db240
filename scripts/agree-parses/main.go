// Command agree-parses writes, as CoNLL-U, the sentences of two parses of
// the same text on which the two agree: the same words, tags, heads and
// relations. Given to train-parser with -extra, they are more training
// data for the parser (self-training on text the treebank lacks, such as
// news):
//
//	dossier parse article.txt > a.conllu
//	dossier --data other-model parse article.txt > b.conllu
//	go run ./scripts/agree-parses -min 4 -max 60 a.conllu b.conllu > agreed.conllu
//	go run ./scripts/train-parser -extra agreed.conllu ../shared/corpora/ud
//
// The sentences are written as the second parse gives them, without the
// token ranges of their MISC column.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	lo := flag.Int("min", 4, "fewest words of a sentence kept")
	hi := flag.Int("max", 60, "most words of a sentence kept")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: agree-parses [-min N] [-max N] A.conllu B.conllu > AGREED.conllu")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	kept, total, err := agree(flag.Arg(0), flag.Arg(1), *lo, *hi, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "agree-parses:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d of %d sentences agree\n", kept, total)
}

// sentence is one sentence of a CoNLL-U file: its comment lines and its
// words' columns (multi-word and empty tokens left out).
type sentence struct {
	comments []string
	words    [][]string
}

func read(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []sentence
	var cur sentence
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "":
			if len(cur.words) > 0 {
				out = append(out, cur)
			}
			cur = sentence{}
		case strings.HasPrefix(line, "#"):
			cur.comments = append(cur.comments, line)
		default:
			cols := strings.Split(line, "\t")
			if len(cols) != 10 {
				return nil, fmt.Errorf("%s:%d: %d columns, want 10", path, n, len(cols))
			}
			if strings.ContainsAny(cols[0], "-.") {
				continue
			}
			cur.words = append(cur.words, cols)
		}
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// agree writes to w the sentences of b that a parses alike, of lo to hi
// words, and reports how many it wrote of how many it compared.
func agree(pa, pb string, lo, hi int, w io.Writer) (kept, total int, err error) {
	a, err := read(pa)
	if err != nil {
		return 0, 0, err
	}
	b, err := read(pb)
	if err != nil {
		return 0, 0, err
	}
	if len(a) != len(b) {
		return 0, 0, fmt.Errorf("%s has %d sentences, %s %d: not parses of the same text", pa, len(a), pb, len(b))
	}
	bw := bufio.NewWriter(w)
	for i := range a {
		total++
		if n := len(b[i].words); n < lo || n > hi || !same(a[i], b[i]) {
			continue
		}
		kept++
		for _, c := range b[i].comments {
			if strings.HasPrefix(c, "# text") {
				fmt.Fprintln(bw, c)
			}
		}
		for _, cols := range b[i].words {
			cols = append([]string(nil), cols...)
			cols[9] = "_"
			fmt.Fprintln(bw, strings.Join(cols, "\t"))
		}
		fmt.Fprintln(bw)
	}
	return kept, total, bw.Flush()
}

// same reports whether two parses of a sentence have the same words,
// universal and Penn tags, heads and relations.
func same(x, y sentence) bool {
	if len(x.words) != len(y.words) {
		return false
	}
	for k := range x.words {
		for _, c := range []int{1, 3, 4, 6, 7} {
			if x.words[k][c] != y.words[k][c] {
				return false
			}
		}
	}
	return true
}
