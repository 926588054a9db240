package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/syntax"
	"github.com/dossier-project/dossier/internal/text"
)

func (a *app) parseCmd() *cobra.Command {
	var conllu bool
	cmd := &cobra.Command{
		Use:   "parse [FILE]",
		Short: "Tag and parse text (or a CoNLL-U file's words) and write CoNLL-U",
		Long: `parse writes the analysis of dossier's text layer in CoNLL-U: for each word its
lemma, universal and Penn tags, head and dependency relation.

With FILE (or standard input) as plain text, dossier splits it into
sentences and words itself. With --conllu, FILE is a CoNLL-U file: its words,
comments and multiword tokens are kept, and only the annotation is filled
in, so that the output can be scored against the file's own (for example
with the CoNLL 2018 shared task's evaluation script).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, name := io.Reader(a.stdin), "standard input"
			if len(args) == 1 {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("open %s: %w", args[0], err)
				}
				defer f.Close()
				in, name = f, args[0]
			}
			ta, err := text.NewFromData(data.Open(a.dataDir))
			if err != nil {
				return err
			}
			if err := ta.LoadModel(); err != nil {
				return err
			}
			w := bufio.NewWriter(a.stdout)
			if conllu {
				sents, err := syntax.ReadCoNLLU(in, name)
				if err != nil {
					return err
				}
				for i := range sents {
					if err := cmd.Context().Err(); err != nil {
						return err
					}
					if err := ta.AnnotateWords(sents[i].Words); err != nil {
						return err
					}
				}
				if err := syntax.WriteCoNLLU(w, sents); err != nil {
					return err
				}
				return w.Flush()
			}
			src, err := io.ReadAll(in)
			if err != nil {
				return fmt.Errorf("read %s: %w", name, err)
			}
			writeParse(w, ta.Analyze(string(src)))
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&conllu, "conllu", false, "the input is CoNLL-U: keep its words, fill in the annotation")
	return cmd
}

// writeParse writes an analysed document in CoNLL-U, one block per
// sentence, with the byte offsets of each word in MISC.
func writeParse(w *bufio.Writer, d *text.Doc) {
	for si, s := range d.Sentences {
		fmt.Fprintf(w, "# sent_id = %d\n# text = %s\n", si+1, strings.Join(strings.Fields(s.Text), " "))
		toks := d.SentenceTokens(si)
		for i, t := range toks {
			head := 0
			if t.Head >= 0 {
				head = t.Head - s.FirstToken + 1
			}
			misc := "TokenRange=" + strconv.Itoa(t.Start) + ":" + strconv.Itoa(t.End)
			if i+1 < len(toks) && toks[i+1].Start == t.End {
				misc += "|SpaceAfter=No"
			}
			fields := []string{strconv.Itoa(i + 1), t.Text, blank(t.Lemma), blank(t.UPOS), blank(t.Tag), "_",
				strconv.Itoa(head), blank(t.Rel), "_", misc}
			w.WriteString(strings.Join(fields, "\t"))
			w.WriteByte('\n')
		}
		w.WriteByte('\n')
	}
}

func blank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
