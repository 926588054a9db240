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
// The sentences are written as the second parse gives them, with only
// their words (no comments but the text, no token ranges).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dossier-project/dossier/internal/syntax"
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
	if err := run(flag.Arg(0), flag.Arg(1), *lo, *hi); err != nil {
		fmt.Fprintln(os.Stderr, "agree-parses:", err)
		os.Exit(1)
	}
}

func run(pa, pb string, lo, hi int) error {
	a, err := read(pa)
	if err != nil {
		return err
	}
	b, err := read(pb)
	if err != nil {
		return err
	}
	if len(a) != len(b) {
		return fmt.Errorf("%s has %d sentences, %s %d: not parses of the same text", pa, len(a), pb, len(b))
	}
	kept := agree(a, b, lo, hi)
	fmt.Fprintf(os.Stderr, "%d of %d sentences agree\n", len(kept), len(a))
	return syntax.WriteCoNLLU(os.Stdout, kept)
}

func read(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syntax.ReadCoNLLU(f, path)
}

// agree returns the sentences of b, of lo to hi words, that a parses
// alike (the same words, universal and Penn tags, heads and relations),
// with their words only.
func agree(a, b []syntax.Sentence, lo, hi int) []syntax.Sentence {
	var out []syntax.Sentence
	for i := range min(len(a), len(b)) {
		x, y := a[i].Words, b[i].Words
		if len(y) < lo || len(y) > hi || !same(x, y) {
			continue
		}
		ws := make([]syntax.Word, len(y))
		for k, w := range y {
			w.Misc = "" // written back as SpaceAfter alone
			ws[k] = w
		}
		out = append(out, syntax.Sentence{Words: ws})
	}
	return out
}

func same(x, y []syntax.Word) bool {
	if len(x) != len(y) {
		return false
	}
	for k := range x {
		if x[k].Form != y[k].Form || x[k].UPOS != y[k].UPOS || x[k].XPOS != y[k].XPOS || x[k].Head != y[k].Head || x[k].Rel != y[k].Rel {
			return false
		}
	}
	return true
}
