package report

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/spill"
)

// The quotes are listed by speaker, the most quoted first and quotes
// with no known speaker last, each speaker's in document order. The
// quotes are read twice: once to count them by speaker, which orders
// the speakers, then to write them, each rendered as it is read and
// sorted by speaker through files, so that only the speakers are held.

// quoteGroup is a speaker's quotes: the speaker's name as the report
// says it, the code of their first quote, and the counts of their
// verdicts.
type quoteGroup struct {
	Speaker string
	Code    string
	n       int
	// verdicts in the order they were first seen, and their counts.
	verdicts []string
	counts   map[string]int
	rank     int
}

// quoteGroupName is the name of the group q belongs to.
func quoteGroupName(q *model.Quote) string {
	name := q.SpeakerText()
	if name == "" {
		name = "unknown speaker"
	}
	if q.Anonymous {
		name += " (anonymous)"
	}
	return name
}

// Counts summarises the verdicts of the group's quotes.
func (g *quoteGroup) Counts() string {
	parts := make([]string, 0, len(g.verdicts))
	for _, v := range g.verdicts {
		parts = append(parts, fmt.Sprintf("%d %s", g.counts[v], v))
	}
	return strings.Join(parts, ", ")
}

// quoteGroups reads the quotes once and returns their groups in the
// report's order, and by name.
func (x *writer) quoteGroups() ([]*quoteGroup, map[string]*quoteGroup, error) {
	by := map[string]*quoteGroup{}
	var groups []*quoteGroup
	err := x.src.Quotes(x.ctx, func(q model.Quote) error {
		name := quoteGroupName(&q)
		g := by[name]
		if g == nil {
			g = &quoteGroup{Speaker: name, Code: q.SpeakerCode, counts: map[string]int{}}
			by[name] = g
			groups = append(groups, g)
		}
		g.n++
		v := q.Verdict
		if v == "" {
			v = "unverified"
		}
		if g.counts[v] == 0 {
			g.verdicts = append(g.verdicts, v)
		}
		g.counts[v]++
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.SliceStable(groups, func(i, j int) bool {
		ui, uj := strings.HasPrefix(groups[i].Speaker, "unknown"), strings.HasPrefix(groups[j].Speaker, "unknown")
		if ui != uj {
			return uj
		}
		return groups[i].n > groups[j].n
	})
	for i, g := range groups {
		g.rank = i
	}
	return groups, by, nil
}

// eachQuoteByGroup writes the quotes by group: begin and end around each
// group, and in between the quotes of the group as line renders them.
func (x *writer) eachQuoteByGroup(line func(q *model.Quote, b *bytes.Buffer) error, begin, end func(g *quoteGroup) error, write func([]byte) error) error {
	groups, by, err := x.quoteGroups()
	if err != nil {
		return err
	}
	var sorted spill.Sorter
	defer sorted.Close()
	var buf bytes.Buffer
	var key [4]byte
	err = x.src.Quotes(x.ctx, func(q model.Quote) error {
		g := by[quoteGroupName(&q)]
		if g == nil {
			return fmt.Errorf("a quote of %s appeared while the report was written", quoteGroupName(&q))
		}
		buf.Reset()
		if err := line(&q, &buf); err != nil {
			return err
		}
		binary.BigEndian.PutUint32(key[:], uint32(g.rank))
		return sorted.Add(key[:], buf.Bytes())
	})
	if err != nil {
		return err
	}
	cur := -1
	err = sorted.Each(func(key, value []byte) error {
		if r := int(binary.BigEndian.Uint32(key)); r != cur {
			if cur >= 0 {
				if err := end(groups[cur]); err != nil {
					return err
				}
			}
			cur = r
			if err := begin(groups[cur]); err != nil {
				return err
			}
		}
		return write(value)
	})
	if err == nil && cur >= 0 {
		err = end(groups[cur])
	}
	return err
}
