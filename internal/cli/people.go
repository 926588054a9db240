package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/output"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/store"
)

// peopleCmd lists the people and organisations the stored pass found:
// the same records, in the same order, as the workspace's /api/people.
func (a *app) peopleCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "people",
		Short: "List the people and organisations of the dossier, most mentioned first, with their evidence",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withResults(ctx, func(st store.Store, _ *pipeline.Pipeline) error {
				if asJSON {
					arr := output.NewArray(a.stdout)
					if err := st.ForEachActor(ctx, 0, 0, func(x store.Actor) error { return arr.Add(x) }); err != nil {
						return err
					}
					return arr.Close()
				}
				n := 0
				err := st.ForEachActor(ctx, 0, 0, func(x store.Actor) error {
					n++
					fmt.Fprintln(a.stdout, personLine(x))
					if len(x.Examples) > 0 {
						e := x.Examples[0]
						fmt.Fprintf(a.stdout, "   - %s: %q\n", where(e), clip(e.Text, 100))
					}
					return nil
				})
				if err != nil {
					return err
				}
				if n == 0 {
					fmt.Fprintln(a.stdout, "no people or organisations")
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	a.stages.register(cmd)
	return cmd
}

// personLine is one person or organisation on one line: name, code,
// roles, the forms the texts use and the counts.
func personLine(x store.Actor) string {
	var b strings.Builder
	b.WriteString(x.Name)
	if x.Code != "" {
		fmt.Fprintf(&b, " [%s]", x.Code)
	}
	if !x.Person {
		b.WriteString(" (organisation)")
	}
	switch {
	case len(x.Held) > 0:
		hs := make([]string, 0, len(x.Held))
		for _, h := range x.Held {
			hs = append(hs, heldText(h))
		}
		fmt.Fprintf(&b, " — %s", strings.Join(hs, "; "))
	case len(x.Roles) > 0:
		fmt.Fprintf(&b, " — %s", strings.Join(x.Roles, "; "))
	}
	var forms []string
	for _, f := range x.Names {
		if f != x.Name {
			forms = append(forms, fmt.Sprintf("%q", f))
		}
	}
	if len(forms) > 0 {
		fmt.Fprintf(&b, "; also %s", strings.Join(forms, ", "))
	}
	fmt.Fprintf(&b, "; %d %s in %d %s", x.Mentions, plural(x.Mentions, "mention", "mentions"), x.Documents, plural(x.Documents, "document", "documents"))
	if x.Quotes > 0 {
		fmt.Fprintf(&b, ", %d %s", x.Quotes, plural(x.Quotes, "quote", "quotes"))
	}
	if x.Turns > 0 {
		fmt.Fprintf(&b, ", %d %s in transcripts", x.Turns, plural(x.Turns, "turn", "turns"))
	}
	return b.String()
}

// heldText is a role with when it was held and where that comes from:
// "Mayor, Velgrad (as of 2012-03-04, transcript)", "Mayor [AAAGOV]
// (2010-01-01 to 2014-01-01, dictionary)".
func heldText(h store.Held) string {
	s := h.Role
	if h.Code != "" {
		s += " [" + h.Code + "]"
	}
	var when string
	switch {
	case h.By != store.HeldByDictionary && h.From != "" && h.From == h.To:
		when = "as of " + h.From
	case h.By != store.HeldByDictionary && h.From != "":
		when = "as of " + h.From + " to " + h.To
	case h.From != "" && h.To != "":
		when = h.From + " to " + h.To
	case h.From != "":
		when = "from " + h.From
	case h.To != "":
		when = "until " + h.To
	}
	if when != "" {
		return s + " (" + when + ", " + h.By + ")"
	}
	return s + " (" + h.By + ")"
}
