package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence, with the ten fields of the
// CoNLL-U format. Head is 1-based: 0 is the root, -1 is unknown.
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int
	Rel                            string
	Misc                           string
	// SpaceAfter is false when the word was written without a space before
	// the next one (CoNLL-U's SpaceAfter=No).
	SpaceAfter bool
}

// Sentence is a sentence of a CoNLL-U file. Lines keeps every line as read
// (comments, multiword-token ranges, empty nodes and words), so that a
// sentence can be written back with only its words' annotation changed;
// WordLine[i] is the index in Lines of Words[i].
type Sentence struct {
	Words    []Word
	Lines    []string
	WordLine []int
}

// Text returns the sentence's words joined as written (CoNLL-U's
// SpaceAfter), ignoring multiword tokens.
func (s *Sentence) Text() string {
	var b strings.Builder
	for i, w := range s.Words {
		b.WriteString(w.Form)
		if w.SpaceAfter && i < len(s.Words)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// ReadCoNLLU reads the sentences of a CoNLL-U file. It reports the first
// malformed word line with its line number; name is used in messages.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	cur := Sentence{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	n := 0
	flush := func() {
		if len(cur.Lines) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur.Lines = append(cur.Lines, line)
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s, line %d: a word line needs 10 tab-separated fields, this one has %d", name, n, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // a multiword token's range, or an empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("%s, line %d: word number %q out of sequence", name, n, f[0])
		}
		head := -1
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
				return nil, fmt.Errorf("%s, line %d: head %q is not a word number", name, n, f[6])
			}
		}
		w := Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5], Head: head, Rel: f[7], Misc: f[9], SpaceAfter: true}
		for _, m := range strings.Split(f[9], "|") {
			if m == "SpaceAfter=No" {
				w.SpaceAfter = false
			}
		}
		cur.WordLine = append(cur.WordLine, len(cur.Lines)-1)
		cur.Words = append(cur.Words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	for i := range out {
		for j, w := range out[i].Words {
			if w.Head > len(out[i].Words) {
				return nil, fmt.Errorf("%s: sentence %d, word %d: head %d is past the sentence's end", name, i+1, j+1, w.Head)
			}
		}
	}
	return out, nil
}

// WriteCoNLLU writes sentences in CoNLL-U, each with the lines it was read
// with and its words' fields as they are now. Sentences made without
// Lines get a "# text" comment and plain word lines.
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		if len(s.Lines) == 0 {
			fmt.Fprintf(bw, "# text = %s\n", s.Text())
			for i, wd := range s.Words {
				writeWord(bw, i+1, wd)
			}
		} else {
			next := 0
			for li, line := range s.Lines {
				if next < len(s.WordLine) && s.WordLine[next] == li {
					writeWord(bw, next+1, s.Words[next])
					next++
					continue
				}
				bw.WriteString(line)
				bw.WriteByte('\n')
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func writeWord(w *bufio.Writer, id int, wd Word) {
	head := "_"
	if wd.Head >= 0 {
		head = strconv.Itoa(wd.Head)
	}
	misc := wd.Misc
	if misc == "" {
		misc = "_"
		if !wd.SpaceAfter {
			misc = "SpaceAfter=No"
		}
	}
	fields := [10]string{strconv.Itoa(id), wd.Form, orBlank(wd.Lemma), orBlank(wd.UPOS), orBlank(wd.XPOS),
		orBlank(wd.Feats), head, orBlank(wd.Rel), "_", misc}
	w.WriteString(strings.Join(fields[:], "\t"))
	w.WriteByte('\n')
}

func orBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
