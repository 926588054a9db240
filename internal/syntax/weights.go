package syntax

import (
	"math"
	"slices"
	"sort"
)

// weights are a compiled averaged perceptron: for every feature the model
// kept, its weight for each class it has one for, quantised to 16 bits.
//
// Features live in a hash table of buckets of eight slots, one cache line
// each: a feature's hash picks its bucket (its low 32 bits, scaled to the
// number of buckets) and a 16-bit fingerprint of its high bits recognises
// it. A feature goes to the first free slot of its bucket, or of the next
// bucket with room; the buckets that ran out of room are marked in over,
// so that looking up a feature the model does not have (most lookups)
// reads one cache line and stops.
//
// Most features have weights for two classes only; those are stored in the
// slot itself, so that such a feature costs one memory read. The others
// point into rows, where each weight takes three bytes: its class and its
// value (little-endian). A slot is laid out, from the low bits:
//
//	16 bits  fingerprint
//	 2 bits  0 for an empty slot; 1 or 2 for that many weights inline;
//	         3 when the weights are in rows
//	46 bits  inline: up to two (7-bit class, 16-bit weight) pairs;
//	         otherwise: the first weight (32 bits) and count (8 bits) in rows
type weights struct {
	slots []uint64 // 8 per bucket
	over  []uint64 // a bit per bucket: some feature of it is further on
	rows  []byte
	// scale converts the stored weights back to the perceptron's: a
	// score's true value is scale times the sum of stored weights.
	scale float32
	// ix is the layout score reads, built from the above (index.go).
	ix *index
}

// maxClasses bounds the classes of a model: a class has 7 bits inline.
const maxClasses = 127

const (
	bucketSlots = 8
	slotRow     = 3 // the kind of a slot whose weights are in rows
)

func fingerprint(f uint64) uint64 { return f >> 48 }

// home returns the bucket (or slot) of feature f in a table of n.
func home(f uint64, n int) int { return int(uint64(uint32(f)) * uint64(n) >> 32) }

// lookup returns the slot of feature f, or 0.
func (m *weights) lookup(f uint64) uint64 {
	nb := len(m.slots) / bucketSlots
	fp := fingerprint(f)
	for b := home(f, nb); ; {
		bk := (*[bucketSlots]uint64)(m.slots[b*bucketSlots:])
		for _, s := range bk {
			if s == 0 {
				return 0
			}
			if s&0xffff == fp {
				return s
			}
		}
		if m.over[b>>6]>>(b&63)&1 == 0 {
			return 0
		}
		if b++; b == nb {
			b = 0
		}
	}
}

// row returns, for checking and tests, a slot's (class, weight) pairs, or
// nil when it points outside the rows.
func (m *weights) row(s uint64) (cls []uint8, w []int16) {
	switch s >> 16 & 3 {
	case 2:
		return []uint8{uint8(s >> 18 & 127), uint8(s >> 41 & 127)}, []int16{int16(s >> 25), int16(s >> 48)}
	case 1:
		return []uint8{uint8(s >> 18 & 127)}, []int16{int16(s >> 25)}
	case 0:
		return nil, nil
	}
	start := 3 * uint64(uint32(s>>18))
	end := start + 3*(s>>50&255)
	if end > uint64(len(m.rows)) {
		return nil, nil
	}
	for r := m.rows[start:end]; len(r) >= 3; r = r[3:] {
		cls = append(cls, r[0])
		w = append(w, int16(uint16(r[1])|uint16(r[2])<<8))
	}
	return cls, w
}

// features counts the features the table holds.
func (m *weights) features() int {
	n := 0
	for _, s := range m.slots {
		if s != 0 {
			n++
		}
	}
	return n
}

// shared gives classes weights in common: the score of class c < n is its
// own weights plus those of its groups up[c], pseudo-classes numbered
// from n. What the classes of a group have in common (that a word is a
// verb, whatever its Penn tag; that the parser should reduce, whatever
// the relation) is then learned once, from all their examples.
type shared struct {
	n     int       // real classes
	up    [][]uint8 // each real class's groups
	total int       // real classes and groups
	// one is, for each real class, its only group, or noGroup when it
	// has none (a score past every class, always 0): what combine adds.
	one []uint8
}

// noGroup indexes a score that is always 0: no model has that many
// classes and groups (maxClasses).
const noGroup = denseStride - 1

// noShare is the sharing of n classes without groups.
func noShare(n int) *shared {
	s := &shared{n: n, up: make([][]uint8, n), total: n, one: make([]uint8, n)}
	for c := range s.one {
		s.one[c] = noGroup
	}
	return s
}

// groupShare makes one group per distinct value of group(c).
func groupShare(n int, group func(c int) string) *shared {
	s := noShare(n)
	ids := map[string]int{}
	var names []string
	for c := range n {
		if _, ok := ids[group(c)]; !ok {
			ids[group(c)] = 0
			names = append(names, group(c))
		}
	}
	sort.Strings(names)
	for i, g := range names {
		ids[g] = n + i
	}
	for c := range n {
		s.up[c] = []uint8{uint8(ids[group(c)])}
		s.one[c] = uint8(ids[group(c)])
	}
	s.total = n + len(names)
	return s
}

// best returns the real class with the highest score (its own with its
// group's), the lower of two with the same: what combine and argmax
// choose, without writing the scores. scores must be denseStride long.
func (s *shared) best(scores []int32) int {
	scores = scores[:denseStride]
	if s.total == s.n && s.n > 0 {
		// no groups: the first highest score
		c, _ := maxFirst(scores[:s.n])
		return c
	}
	best, top := -1, int32(0)
	for c, g := range s.one {
		if v := scores[c&(denseStride-1)] + scores[g&(denseStride-1)]; best < 0 || v > top {
			best, top = c, v
		}
	}
	return best
}

// combine adds each class's groups' scores to its own.
func (s *shared) combine(scores []int32) {
	for c, up := range s.up {
		for _, u := range up {
			scores[c] += scores[u]
		}
	}
}

// trainer is an averaged perceptron during training: exact feature keys,
// sparse per-feature rows of (class, weight), and beside them what
// averaging needs (the running total and the time of the last change).
type trainer struct {
	// index maps feature keys to row numbers: open addressing, linear
	// probing, at most half full.
	slots []tslot
	rows  [][]tweight
	avg   [][]tavg
	// allow, when set, holds the only features that may get weights
	// (those seen often enough in the training data).
	allow map[uint64]bool
	// now counts the training examples seen; averaging divides by it.
	now   int64
	share *shared
	delta []classDelta
	got   []int32
}

type classDelta struct {
	c int
	d int32
}

type tslot struct {
	key uint64
	row int32
}

type tweight struct {
	c int32
	w int32
}

type tavg struct {
	ts  int64
	tot int64
}

func newTrainer(share *shared) *trainer {
	const size = 1 << 20
	return &trainer{slots: make([]tslot, size), share: share}
}

// find returns the row of feature f, or -1.
func (t *trainer) find(f uint64) int32 {
	mask := len(t.slots) - 1
	for i := int(f) & mask; ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case f:
			return t.slots[i].row
		case 0:
			return -1
		}
	}
}

// add gives feature f a new row.
func (t *trainer) add(f uint64) int32 {
	if 2*(len(t.rows)+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]tslot, 2*len(old))
		for _, s := range old {
			if s.key != 0 {
				t.put(s.key, s.row)
			}
		}
	}
	r := int32(len(t.rows))
	t.put(f, r)
	t.rows = append(t.rows, nil)
	t.avg = append(t.avg, nil)
	return r
}

func (t *trainer) put(f uint64, r int32) {
	mask := len(t.slots) - 1
	i := int(f) & mask
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = tslot{f, r}
}

// features counts the features with weights.
func (t *trainer) features() int { return len(t.rows) }

// score adds the current (not averaged) weights of feats to scores. As in
// weights.score, the home slots are read first, all at once.
func (t *trainer) score(feats []uint64, scores []int32) {
	if cap(t.got) < len(feats) {
		t.got = make([]int32, 2*len(feats))
	}
	got := t.got[:len(feats)]
	mask := len(t.slots) - 1
	for k, f := range feats {
		got[k] = t.slots[int(f)&mask].row
	}
	for k, f := range feats {
		got[k] = t.find(f)
	}
	for _, r := range got {
		if r >= 0 {
			for _, e := range t.rows[r] {
				scores[e.c] += e.w
			}
		}
	}
}

// tick marks one training example.
func (t *trainer) tick() { t.now++ }

// update moves the weights of feats by +1 for class good and its groups
// and -1 for class bad and its groups.
func (t *trainer) update(feats []uint64, good, bad int) {
	t.delta = t.delta[:0]
	add := func(c int, d int32) {
		for i := range t.delta {
			if t.delta[i].c == c {
				t.delta[i].d += d
				return
			}
		}
		t.delta = append(t.delta, classDelta{c, d})
	}
	add(good, 1)
	add(bad, -1)
	for _, u := range t.share.up[good] {
		add(int(u), 1)
	}
	for _, u := range t.share.up[bad] {
		add(int(u), -1)
	}
	for _, f := range feats {
		r := t.find(f)
		if r < 0 {
			if t.allow != nil && !t.allow[f] {
				continue
			}
			r = t.add(f)
		}
		for _, d := range t.delta {
			if d.d != 0 {
				t.bump(r, d.c, d.d)
			}
		}
	}
}

func (t *trainer) bump(r int32, c int, d int32) {
	row := t.rows[r]
	for i := range row {
		if int(row[i].c) == c {
			a := &t.avg[r][i]
			a.tot += (t.now - a.ts) * int64(row[i].w)
			a.ts = t.now
			row[i].w += d
			return
		}
	}
	t.rows[r] = append(row, tweight{c: int32(c), w: d})
	t.avg[r] = append(t.avg[r], tavg{ts: t.now})
}

// avgRow is one feature's averaged weights, by class (sorted).
type avgRow struct {
	key uint64
	w   []avgEntry
}

type avgEntry struct {
	c uint8
	a float64
}

// averaged returns the averaged weights of every feature with weights, by
// key.
func (t *trainer) averaged() []avgRow {
	keys := make([]uint64, 0, len(t.rows))
	for _, s := range t.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	now := float64(max(t.now, 1))
	out := make([]avgRow, 0, len(keys))
	for _, k := range keys {
		r := t.find(k)
		row := make([]avgEntry, 0, len(t.rows[r]))
		for i, e := range t.rows[r] {
			a := float64(t.avg[r][i].tot+(t.now-t.avg[r][i].ts)*int64(e.w)) / now
			row = append(row, avgEntry{uint8(e.c), a})
		}
		sort.Slice(row, func(i, j int) bool { return row[i].c < row[j].c })
		out = append(out, avgRow{k, row})
	}
	return out
}

// mixAverages returns the mean of several perceptrons' averaged weights
// (a feature or class one of them lacks weighs 0 there): perceptrons
// trained on the same data in different orders make different mistakes,
// and their mean is a steadier model than any of them, at the run-time
// cost of one (Mann et al. 2009's parameter mixing).
func mixAverages(parts [][]avgRow) []avgRow {
	if len(parts) == 1 {
		return parts[0]
	}
	sum := map[uint64]map[uint8]float64{}
	for _, part := range parts {
		for _, r := range part {
			m := sum[r.key]
			if m == nil {
				m = map[uint8]float64{}
				sum[r.key] = m
			}
			for _, e := range r.w {
				m[e.c] += e.a
			}
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]avgRow, 0, len(keys))
	k := float64(len(parts))
	for _, key := range keys {
		row := make([]avgEntry, 0, len(sum[key]))
		for c, a := range sum[key] {
			row = append(row, avgEntry{c, a / k})
		}
		sort.Slice(row, func(i, j int) bool { return row[i].c < row[j].c })
		out = append(out, avgRow{key, row})
	}
	return out
}

// compile averages the weights and packs them (see pack).
func (t *trainer) compile(minAvg float64) *weights { return pack(t.averaged(), minAvg) }

// pack stores averaged weights. Weights whose average is below minAvg in
// magnitude are dropped, and features left with none: rare features the
// perceptron touched once or twice weigh almost nothing after averaging
// but would fill most of the table.
func pack(avg []avgRow, minAvg float64) *weights {
	rows := make([][]avgEntry, 0, len(avg))
	live := make([]uint64, 0, len(avg))
	maxAbs := 0.0
	for _, r := range avg {
		var row []avgEntry
		for _, e := range r.w {
			if math.Abs(e.a) >= minAvg && e.a != 0 {
				row = append(row, e)
				maxAbs = math.Max(maxAbs, math.Abs(e.a))
			}
		}
		if len(row) > 0 {
			rows = append(rows, row)
			live = append(live, r.key)
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	q := func(a float64) int16 { return int16(math.Round(a / scale)) }
	nb := (len(live)*100/85 + bucketSlots - 1) / bucketSlots
	m := &weights{slots: make([]uint64, nb*bucketSlots), over: make([]uint64, (nb+63)/64), scale: float32(scale)}
	for i, k := range live {
		row := rows[i][:0]
		for _, e := range rows[i] {
			if q(e.a) != 0 {
				row = append(row, e)
			}
		}
		if len(row) == 0 {
			continue
		}
		slot := fingerprint(k)
		switch {
		case len(row) == 1:
			slot |= 1<<16 | uint64(row[0].c)<<18 | uint64(uint16(q(row[0].a)))<<25
		case len(row) == 2:
			slot |= 2<<16 | uint64(row[0].c)<<18 | uint64(uint16(q(row[0].a)))<<25 |
				uint64(row[1].c)<<41 | uint64(uint16(q(row[1].a)))<<48
		default:
			if uint64(len(m.rows)/3) >= 1<<32 || len(row) > 255 {
				panic("syntax: model too large to pack")
			}
			slot |= slotRow<<16 | uint64(len(m.rows)/3)<<18 | uint64(len(row))<<50
			for _, e := range row {
				w := uint16(q(e.a))
				m.rows = append(m.rows, e.c, byte(w), byte(w>>8))
			}
		}
		m.insert(k, slot)
	}
	if err := m.index(); err != nil {
		panic("syntax: compiled weights do not index: " + err.Error())
	}
	return m
}

// inOrder lays the rows out in the order of the slots that point to them,
// so that loading (index and check) reads them front to back instead of
// jumping about in megabytes of rows, one cache miss per row. The scores
// do not change.
func (m *weights) inOrder() error {
	rows := make([]byte, 0, len(m.rows))
	for i, s := range m.slots {
		if s>>16&3 != slotRow {
			continue
		}
		start, count := 3*(s>>18&0xffffffff), s>>50&255
		at := uint64(len(rows) / 3)
		rows = append(rows, m.rows[start:start+3*count]...)
		m.slots[i] = s&^(0xffffffff<<18) | at<<18
	}
	m.rows = rows
	return m.index()
}

// insert puts the slot of feature k in the first free slot of its bucket
// or of the buckets after it, marking those it passes as overflowed.
func (m *weights) insert(k, slot uint64) {
	nb := len(m.slots) / bucketSlots
	for b := home(k, nb); ; {
		bk := m.slots[b*bucketSlots : (b+1)*bucketSlots]
		for j, s := range bk {
			if s == 0 {
				bk[j] = slot
				return
			}
		}
		m.over[b>>6] |= 1 << (b & 63)
		if b++; b == nb {
			b = 0
		}
	}
}

// argmax returns the class with the highest score among those valid
// reports true for, or -1 when none is valid. Ties go to the lower class,
// so that results do not depend on map order.
func argmax(scores []int32, valid func(int) bool) int {
	best := -1
	for c, s := range scores {
		if valid != nil && !valid(c) {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best
}
