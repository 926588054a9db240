package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/output"
)

// oneLine flattens an error to a single line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error { return output.WriteJSON(w, v) }

// table writes aligned columns.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer, header ...string) *table {
	t := &table{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
}

func (t *table) flush() error { return t.tw.Flush() }

// clip shortens s to at most n runes, with an ellipsis, on one line, at
// a word (model.Clip).
func clip(s string, n int) string { return model.Clip(strings.Join(strings.Fields(s), " "), n) }

// orDash returns s, or "-" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
