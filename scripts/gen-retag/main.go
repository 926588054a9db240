// Command gen-retag regenerates data/text/retag.tsv: the classes that the
// training treebank fixes for a function word in a relation ("that" as a
// clause's marker is a subordinating conjunction, as a subject a
// pronoun), which the text layer applies after parsing
// (syntax.RetagRule). It reads the train split of UD English EWT, never
// the dev split it is measured on; the output is sorted and
// deterministic.
//
//	go run ./scripts/gen-retag ../shared/corpora/ud           # write the file
//	go run ./scripts/gen-retag -check ../shared/corpora/ud    # exit 1 if it is stale
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dossier-project/dossier/internal/syntax"
)

// A rule needs this many examples in the treebank, this share of them
// with its class.
const (
	minCount = 20
	minShare = 0.97
)

func main() {
	out := flag.String("out", "data/text/retag.tsv", "output file")
	check := flag.Bool("check", false, "compare with the output file instead of writing it; exit 1 when it differs")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gen-retag [-check] [-out FILE] UD_DIR (the folder of en_ewt-ud-train.conllu)")
		os.Exit(2)
	}
	b, err := build(filepath.Join(flag.Arg(0), "en_ewt-ud-train.conllu"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-retag:", err)
		os.Exit(2)
	}
	if *check {
		old, err := os.ReadFile(*out)
		if err != nil || !bytes.Equal(old, b) {
			fmt.Fprintf(os.Stderr, "gen-retag: %s is stale: run go run ./scripts/gen-retag %s\n", *out, flag.Arg(0))
			os.Exit(1)
		}
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen-retag:", err)
		os.Exit(2)
	}
}

func build(train string) ([]byte, error) {
	f, err := os.Open(train)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := syntax.ReadCoNLLU(f, train)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# word\trelation\tUPOS\tXPOS: the class a function word takes in a relation, after parsing.\n")
	fmt.Fprintf(&b, "# Learned from UD English EWT (train split, CC BY-SA 4.0) by scripts/gen-retag:\n")
	fmt.Fprintf(&b, "# at least %d examples, %.0f %% of them with this class. Do not edit by hand.\n", minCount, 100*minShare)
	if err := syntax.WriteRetag(&b, syntax.LearnRetag(sents, minCount, minShare)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
