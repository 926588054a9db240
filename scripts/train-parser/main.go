// Command train-parser trains dossier's tagger, lemmatizer and dependency
// parser on Universal Dependencies English EWT and writes the model that
// dossier embeds (data/text/syntax.model), with a log of the run and of the
// model's scores on the development set.
//
//	go run ./scripts/train-parser ../shared/corpora/ud
//
// The result is deterministic for a given seed and training file. The
// treebank is CC BY-SA 4.0 (see NOTICE); it is read at training time only.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/syntax"
	"github.com/dossier-project/dossier/internal/text"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train-parser:", err)
		os.Exit(1)
	}
}

func run() error {
	out := flag.String("out", "data/text/syntax.model", "where to write the model")
	logPath := flag.String("log", "data/text/syntax.log", "where to write the training log (empty: stderr only)")
	seed := flag.Uint64("seed", 1, "random seed (shuffling and exploration)")
	tIters := flag.Int("tagger-iters", 10, "passes of the tagger over the training data")
	pIters := flag.Int("parser-iters", 12, "passes of the parser over the training data")
	folds := flag.Int("folds", 10, "jackknife folds for the parser's training tags (1: gold tags)")
	tune := flag.Bool("tune", false, "score the development set after every pass (slower; for tuning)")
	tagMinWeight := flag.Float64("tagger-min-weight", 0, "drop tagger weights whose average is smaller in magnitude")
	minWeight := flag.Float64("min-weight", 2, "drop parser weights whose average (after mixing) is smaller in magnitude")
	minCount := flag.Int("min-count", 3, "how often a parser feature must occur in the training data to get a weight")
	sweep := flag.String("sweep", "", "comma-separated minimum weights to score on dev after training (with -tune)")
	unlabeled := flag.String("unlabeled", "../polnear/train/text,../timebank/TimeBank,../timebank/AQUAINT,../debates2016",
		"comma-separated folders of unlabeled text for word clusters, relative to UD_DIR (.txt and .tml files)")
	cIters := flag.Int("cluster-iters", 12, "passes of the word clustering (0: no clusters)")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet database folder (Debian's wordnet-base); empty: none")
	shareUPOS := flag.Bool("share-upos", false, "the tagger's classes with the same universal tag share weights")
	shareMoves := flag.Bool("share-moves", true, "the parser's transitions with the same move share weights")
	tSeeds := flag.Int("tagger-seeds", 1, "taggers trained with seeds seed, seed+1, … and mixed into one (the parser's training tags stay those of one)")
	pSeeds := flag.Int("parser-seeds", 1, "parsers trained with seeds seed, seed+1, … and mixed into one")
	explore := flag.Float64("explore", 0.9, "probability that a parser pass follows its own prediction (dynamic oracle exploration)")
	exploreFrom := flag.Int("explore-from", 1, "first parser pass (0-based) that explores")
	inOrder := flag.Bool("rows-in-order", false, "lay the weight tables' rows out in slot order (a large model loads faster; the shipped model predates it)")
	extra := flag.String("extra", "", "CoNLL-U file of more sentences for the parser alone, with their tags (self-training: see scripts/agree-parses)")
	cache := flag.String("cache", "", "folder that keeps the clusters, the tagger and the jackknifed tags between runs (for experiments with the parser; the model is the same)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: train-parser [flags] UD_DIR   (the folder with en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	var logBuf bytes.Buffer
	var w io.Writer = os.Stderr
	if *logPath != "" {
		w = io.MultiWriter(os.Stderr, &logBuf)
	}
	log := slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	read := func(name string) ([]syntax.Sentence, error) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return syntax.ReadCoNLLU(f, name)
	}
	train, err := read("en_ewt-ud-train.conllu")
	if err != nil {
		return err
	}
	dev, err := read("en_ewt-ud-dev.conllu")
	if err != nil {
		return err
	}
	args := []any{"train", len(train), "dev", len(dev), "seed", *seed, "tagger-iters", *tIters, "parser-iters", *pIters, "folds", *folds}
	if *tSeeds > 1 || *pSeeds > 1 || *minWeight != 2 || *inOrder {
		args = append(args, "tagger-seeds", *tSeeds, "parser-seeds", *pSeeds, "min-weight", *minWeight, "rows-in-order", *inOrder)
	}
	log.Info("start", args...)
	t0 := time.Now()
	text, err := readUnlabeled(dir, *unlabeled)
	if err != nil {
		return err
	}
	log.Info("unlabeled text", "sentences", len(text))
	opt := syntax.TrainOptions{TaggerIters: *tIters, ParserIters: *pIters, Folds: *folds, Seed: *seed, Log: log.Info,
		Unlabeled: text, ClusterIters: *cIters, MinWeight: *minWeight, TaggerMinWeight: *tagMinWeight, MinCount: *minCount, Cache: *cache,
		ShareUPOS: *shareUPOS, ShareMoves: *shareMoves, TaggerSeeds: *tSeeds, ParserSeeds: *pSeeds, RowsInOrder: *inOrder, Explore: *explore, ExploreFrom: *exploreFrom}
	for _, f := range strings.Split(*sweep, ",") {
		if v, err := strconv.ParseFloat(f, 64); err == nil {
			opt.Sweep = append(opt.Sweep, v)
		}
	}
	if *wordnet != "" {
		if opt.WordNet, err = syntax.ReadWordNet(*wordnet); err != nil {
			return fmt.Errorf("%w (install Debian's wordnet-base, or pass -wordnet '')", err)
		}
		log.Info("wordnet", "entries", len(opt.WordNet))
	}
	if *tune {
		opt.Dev = dev
	}
	if *extra != "" {
		f, err := os.Open(*extra)
		if err != nil {
			return err
		}
		opt.ExtraParser, err = syntax.ReadCoNLLU(f, *extra)
		f.Close()
		if err != nil {
			return err
		}
	}
	m, err := syntax.Train(train, opt)
	if err != nil {
		return err
	}
	log.Info("trained", "seconds", int(time.Since(t0).Seconds()))
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	if _, err := syntax.Load(buf.Bytes()); err != nil {
		return fmt.Errorf("the model just written does not load: %w", err)
	}
	t1 := time.Now()
	s := m.Evaluate(dev)
	sec := time.Since(t1).Seconds()
	log.Info("dev (gold words)", "words", s.Words, "UPOS", fmt.Sprintf("%.2f", s.UPOS), "XPOS", fmt.Sprintf("%.2f", s.XPOS),
		"lemma", fmt.Sprintf("%.2f", s.Lemma), "UAS", fmt.Sprintf("%.2f", s.UAS), "LAS", fmt.Sprintf("%.2f", s.LAS),
		"sentences/s", int(s.Sentences/sec))
	log.Info("model", "bytes", buf.Len())
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if *logPath != "" {
		return os.WriteFile(*logPath, logBuf.Bytes(), 0o644)
	}
	return nil
}

var (
	tmlText = regexp.MustCompile(`(?s)<TEXT>(.*)</TEXT>`)
	tag     = regexp.MustCompile(`<[^>]*>`)
)

func isDash(s string) bool { return s == "–" || s == "—" || s == "-" || s == "--" }

// readUnlabeled reads the .txt and .tml files of the folders (relative to
// dir, in sorted order) and splits them into sentences of words with
// dossier's own tokenizer.
func readUnlabeled(dir, folders string) (syntax.ClusterInput, error) {
	if folders == "" {
		return nil, nil
	}
	ta, err := text.New()
	if err != nil {
		return nil, err
	}
	var out syntax.ClusterInput
	for _, f := range strings.Split(folders, ",") {
		root := filepath.Join(dir, f)
		var files []string
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".tml")) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			src := string(b)
			if strings.HasSuffix(p, ".tml") {
				if m := tmlText.FindStringSubmatch(src); m != nil {
					src = m[1]
				}
				src = html.UnescapeString(tag.ReplaceAllString(src, ""))
			}
			d := ta.Segment(src)
			for i := 0; i < len(d.Sentences); i++ {
				toks := d.SentenceTokens(i)
				ws := make([]string, 0, len(toks))
				for _, t := range toks {
					ws = append(ws, t.Text)
				}
				// The shipped clusters were learned with a paragraph's
				// dateline in the sentence it opens, before the text
				// layer made it a sentence of its own: joined again, the
				// model is reproduced byte for byte.
				if n := len(toks); n > 0 && i+1 < len(d.Sentences) && d.Sentences[i+1].Para == d.Sentences[i].Para &&
					i == d.Paragraphs[d.Sentences[i].Para].FirstSentence && isDash(toks[n-1].Text) {
					for _, t := range d.SentenceTokens(i + 1) {
						ws = append(ws, t.Text)
					}
					i++
				}
				out = append(out, ws)
			}
		}
	}
	return out, nil
}
