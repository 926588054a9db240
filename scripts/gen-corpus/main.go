// Command gen-corpus makes the generated corpus of the scale measurements
// (internal/testcorpus: 4 KB articles and transcripts made of the
// repository's texts, reshuffled and varied), as files or as a filled
// store, so that `dossier recheck`, `findings`, `report` and `analyze`
// can be measured on it as a user runs them.
//
//	go run ./scripts/gen-corpus -n 10000 -o /tmp/c10k        # write the documents as files, for `dossier add`
//	go run ./scripts/gen-corpus -n 10000 -db /tmp/s10k.db    # analyse them on all cores and add them, without the pass
//
// With -db, the documents the store already holds (counted, from the
// first) are not made again: a store of 10,000 grows to 50,000 by adding
// the 40,000 after them. The documents are those of the benchmarks
// (seed 1), so a store filled here is the one `BenchmarkPassScale` fills.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
	"github.com/dossier-project/dossier/internal/testcorpus"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	dir := flag.String("o", "", "write the documents as files in this folder")
	db := flag.String("db", "", "analyse the documents and add them to this store (SQLite file or postgres:// URL), without the cross-document pass")
	root := flag.String("root", ".", "the repository's root, whose texts the documents are made of")
	seed := flag.Uint64("seed", 1, "the generator's seed")
	flag.Parse()
	if (*dir == "") == (*db == "") {
		fmt.Fprintln(os.Stderr, "gen-corpus: give one of -o FOLDER or -db STORE")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *n, *dir, *db, *root, *seed); err != nil {
		fmt.Fprintf(os.Stderr, "gen-corpus: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, n int, dir, db, root string, seed uint64) error {
	g, err := testcorpus.New(root, seed)
	if err != nil {
		return err
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			name, data := g.Document(i)
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	status, err := st.PassStatus(ctx)
	if err != nil {
		return err
	}
	if status.Documents >= n {
		fmt.Fprintf(os.Stderr, "%s holds %d documents already\n", db, status.Documents)
		return nil
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	start := time.Now()
	if err := g.Fill(ctx, p, st, status.Documents, n); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "analysed and added documents %d to %d in %v\n", status.Documents, n-1, time.Since(start).Round(time.Second))
	return nil
}
