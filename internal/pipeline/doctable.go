package pipeline

import (
	"context"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/dossier-project/dossier/internal/lru"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// What the pass keeps of every document is one small entry of a
// docTable: whether the document was checked before, whether it gave the
// checks across documents anything, and which procedures it names, as
// an index into the few distinct lists of them. The store's ids are hex
// SHA-256 digests, kept as their 32 bytes; any other id is kept as a
// string.

// docTable maps document ids to a number.
type docTable struct {
	bin   map[[32]byte]uint32
	other map[string]uint32
}

func newDocTable() *docTable {
	return &docTable{bin: map[[32]byte]uint32{}, other: map[string]uint32{}}
}

// binID is id as 32 bytes, when it is 64 lowercase hex digits.
func binID(id string) ([32]byte, bool) {
	var b [32]byte
	if len(id) != 64 {
		return b, false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return b, false // upper case too: "AB" and "ab" are two ids
		}
	}
	_, err := hex.Decode(b[:], []byte(id))
	return b, err == nil
}

func (t *docTable) set(id string, v uint32) {
	if b, ok := binID(id); ok {
		t.bin[b] = v
		return
	}
	t.other[id] = v
}

func (t *docTable) get(id string) (uint32, bool) {
	if b, ok := binID(id); ok {
		v, ok := t.bin[b]
		return v, ok
	}
	v, ok := t.other[id]
	return v, ok
}

func (t *docTable) len() int { return len(t.bin) + len(t.other) }

// update calls fn with every entry and stores what it returns.
func (t *docTable) update(fn func(v uint32) uint32) {
	for k, v := range t.bin {
		t.bin[k] = fn(v)
	}
	for k, v := range t.other {
		t.other[k] = fn(v)
	}
}

// The bits of a docTable entry in a pass.
const (
	docChecked = 1 << iota // its own results are stored under this context
	docAcross              // it gave the checks across documents something
	docFlags               // the number of flag bits: the procedures' index is above them
)

// procLists interns the lists of procedures documents name: there are
// few distinct ones.
type procLists struct {
	lists [][]string
	index map[string]uint32
}

func newProcLists() *procLists {
	return &procLists{lists: [][]string{nil}, index: map[string]uint32{"": 0}}
}

// id is the number of the list procs (0 for none).
func (p *procLists) id(procs []string) uint32 {
	key := strings.Join(procs, "\n")
	if i, ok := p.index[key]; ok {
		return i
	}
	i := uint32(len(p.lists))
	p.index[key] = i
	p.lists = append(p.lists, procs)
	return i
}

func (p *procLists) list(i uint32) []string { return p.lists[i] }

// docCacheSize is how many documents' metadata the single-source check
// keeps: the timeline's entries come in date order, and the documents
// one cites are mostly those the entries just before cited.
const docCacheSize = 4096

// newDocInfos returns a cache of documents' metadata read from st, the
// most recently used kept; a document the store does not have is nil,
// and the first error is kept (Err).
func newDocInfos(ctx context.Context, st store.Store) *lru.Loader[string, *model.Document] {
	return lru.NewLoader(docCacheSize, func(id string) (*model.Document, error) {
		d, err := st.DocumentInfo(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, nil
		}
		return d, err
	})
}
