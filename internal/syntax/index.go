package syntax

import (
	"encoding/binary"
	"errors"
	"math/bits"
)

// The table as stored (weights.slots, over, rows) is compact, but slow to
// read as it is: finding a feature scans its bucket slot by slot, with a
// branch per slot that the processor cannot predict, and a parser
// transition's features have about 2,000 (class, weight) pairs between
// them, most in the rows of the few thousand features the model reads all
// the time (a tag, a pair of tags), which cover most classes.
//
// So when weights are loaded or compiled, index builds beside the stored
// table the layout that score reads, which gives exactly the same scores
// (TestIndexMatchesTable):
//
//   - each bucket is still one cache line, but it holds the fingerprints
//     of its eight slots packed in its first two words, so that it is
//     searched in a few arithmetic steps with no branch per slot, and
//     then the rest of each slot (its pay) in 48 bits;
//   - the long rows (denseMin weights or more) are spread out dense, one
//     int16 per class, and added sixteen classes at a time (addDense);
//   - the short rows are read where they are stored, an entry (a class
//     and its weight, three bytes) at a time.

// denseWidth is the number of classes a dense row holds, and so the most
// classes a model with dense rows may have (the vector code keeps that
// many sums in registers). denseStride is the distance between two
// rows, so that each starts a cache line.
const (
	denseWidth  = 112
	denseStride = 128
)

// denseMin is the shortest row stored dense: a dense row costs its full
// width in memory however few weights it holds, so only the long rows,
// which are also those read most, are worth it.
const denseMin = 24

// index is the search layout of a weights table. Its buckets are those of
// the stored table, one cache line each (bucketBytes): the fingerprints
// of its eight slots (16 bits each, little-endian), then the slots' pays,
// 48 bits (six bytes) each, so that a pay is one unaligned read. A pay is
// the slot without its fingerprint (bits 0–1 the kind; then, inline, the
// weights), or for a row: the kind, a dense flag (bit 2), the count (bits
// 3–10) and where the row starts (bits 11–47): in ents (a byte offset) or,
// dense, in rows of denseStride.
type index struct {
	lines []byte   // bucketBytes per bucket, and 8 bytes of padding at the end
	nb    int      // buckets
	over  []uint64 // a bit per bucket: some feature of it is further on (weights.over)
	ents  []byte   // weights.rows, and 8 bytes of padding: (class, low byte, high byte) per weight
	dense []int16  // dense rows, denseStride weights each
}

// bucketBytes is the size of a bucket of the index: one cache line.
const bucketBytes = 64

const (
	payDense  = 1 << 2
	payMask   = 1<<48 - 1
	lanes1    = 0x0001000100010001
	lanesHigh = 0x8000800080008000
)

var errBadWeights = errors.New("bad weights")

// index builds m.ix from the stored table. It fails when a slot points
// outside the rows or holds a class past denseStride.
func (m *weights) index() error {
	nb := len(m.slots) / bucketSlots
	if len(m.slots)%bucketSlots != 0 || len(m.over) != (nb+63)/64 || len(m.rows)%3 != 0 {
		return errBadWeights
	}
	if nb >= 1<<32/bucketBytes {
		return errBadWeights
	}
	ix := &index{nb: nb, over: m.over}
	ix.lines = bigBytes(ix, nb*bucketBytes+8)
	ix.ents = bigBytes(ix, len(m.rows))
	copy(ix.ents, m.rows)
	nDense := 0
	for _, s := range m.slots {
		if s>>16&3 == slotRow && s>>50&255 >= denseMin {
			nDense++ // or fewer
		}
	}
	ix.dense = bigInt16s(ix, nDense*denseStride)[:0]
	for b := range nb {
		bk := m.slots[b*bucketSlots : (b+1)*bucketSlots]
		n := 0
		for n < bucketSlots && bk[n] != 0 {
			n++
		}
		// A lookup stops at the first empty slot, so that the slots
		// after it are never read.
		line := ix.lines[b*bucketBytes : (b+1)*bucketBytes]
		for j, s := range bk[:n] {
			binary.LittleEndian.PutUint16(line[2*j:], uint16(s))
			p, err := ix.rewrite(m, s)
			if err != nil {
				return err
			}
			var pay [8]byte
			binary.LittleEndian.PutUint64(pay[:], p)
			copy(line[16+6*j:16+6*j+6], pay[:6])
		}
	}
	// The stored rows are read where the index holds them, which stays
	// as long as the index does.
	m.rows = ix.ents[:len(m.rows)]
	m.ix = ix
	return nil
}

// rewrite returns the pay of slot s.
func (ix *index) rewrite(m *weights, s uint64) (uint64, error) {
	switch s >> 16 & 3 {
	case 0:
		return 0, errBadWeights
	case 1, 2:
		return s >> 16, nil
	}
	start := 3 * uint64(uint32(s>>18))
	count := s >> 50 & 255
	if start+3*count > uint64(len(m.rows)) {
		return 0, errBadWeights
	}
	r := m.rows[start : start+3*count]
	wide := false // a class past the dense rows' width
	for i := 0; i < len(r); i += 3 {
		wide = wide || r[i]&127 >= denseWidth
	}
	if count >= denseMin && !wide {
		at := len(ix.dense)
		ix.dense = append(ix.dense, make([]int16, denseStride)...)
		row := ix.dense[at:]
		for ; len(r) >= 3; r = r[3:] {
			row[r[0]&127] += int16(uint16(r[1]) | uint16(r[2])<<8)
		}
		return slotRow | payDense | count<<3 | uint64(at/denseStride)<<11, nil
	}
	return slotRow | count<<3 | start<<11, nil
}

// findFrom finds the pay of a feature (0 for none) from bucket b, for
// the fingerprint fp repeated in the
// four lanes of a word. Its only branches are whether the bucket has the
// fingerprint and whether to go on to the next bucket: a mispredicted
// branch costs as much as the rest of a lookup.
func (ix *index) findFrom(b int, fp uint64) uint64 {
	for {
		bk := ix.lines[b*bucketBytes : b*bucketBytes+bucketBytes+8]
		m := matchLanes(bk, fp)
		if m != 0 {
			return payAt(bk, uint(bits.TrailingZeros64(m)))
		}
		// No slot matched: go on if the bucket is full (its last slot
		// is used) and a feature of it went further.
		if bk[16+6*7]&3 == 0 || ix.over[b>>6]>>(b&63)&1 == 0 {
			return 0
		}
		if b++; b == ix.nb {
			b = 0
		}
	}
}

// matchLanes returns a bit per slot of the bucket bk (bits 0–7) whose
// fingerprint is that of fp (repeated in four lanes), or which is empty
// when the fingerprint is 0: its pay is 0, which is the answer, as lookup
// stops at an empty slot. The lowest bit set is always such a slot (a
// lane above one can be flagged by the borrow).
func matchLanes(bk []byte, fp uint64) uint64 {
	x := binary.LittleEndian.Uint64(bk) ^ fp
	y := binary.LittleEndian.Uint64(bk[8:]) ^ fp
	mx := (x - lanes1) &^ x & lanesHigh
	my := (y - lanes1) &^ y & lanesHigh
	// one bit per slot: lanes' high bits 15, 31, 47, 63 → 0–3
	return compressLanes(mx) | compressLanes(my)<<4
}

// payAt returns the pay of slot j of bucket bk (8 bytes of which may be
// read past the bucket).
func payAt(bk []byte, j uint) uint64 {
	return binary.LittleEndian.Uint64(bk[16+6*(j&7):]) & payMask
}

// compressLanes gathers bits 15, 31, 47 and 63 of m (its only bits) into
// bits 0–3.
func compressLanes(m uint64) uint64 {
	return (m >> 15) * (1 | 1<<15 | 1<<30 | 1<<45) >> 45 & 15
}

// scoreBuf is score's scratch space.
type scoreBuf struct {
	home   []uint32
	sparse []uint64
	dense  []uint32
	touch  uint64 // keeps the reads that only bring buckets into the cache
}

// score adds the weights of feats to scores, which must be denseStride
// long (indexed by class; the classes past the model's are left zero).
func (m *weights) score(feats []uint64, scores []int32, buf *scoreBuf) {
	ix := m.ix
	nb := ix.nb
	if nb == 0 || len(feats) == 0 {
		return
	}
	scores = scores[:denseStride]
	if cap(buf.home) < len(feats) {
		buf.home = make([]uint32, len(feats))
		buf.sparse = make([]uint64, len(feats))
		buf.dense = make([]uint32, len(feats))
	}
	homes := buf.home[:len(feats)]
	sparse, dense := buf.sparse[:len(feats)], buf.dense[:len(feats)]
	ns, nd, nw := lookup(ix, feats, homes, scores, sparse, dense, &buf.touch)
	// The lookups that go on to the next buckets (the home bucket is
	// full, and a feature of it went further), listed in homes.
	for _, k := range homes[:nw] {
		f := feats[k]
		b := home(f, nb) + 1
		if b == nb {
			b = 0
		}
		ns, nd = addPay(ix.findFrom(b, fingerprint(f)*lanes1), scores, sparse, dense, ns, nd)
	}
	sparse, dense = sparse[:ns], dense[:nd]
	addSparse(scores, ix.ents, sparse)
	addDense(scores, ix.dense, dense)
}

// addSparseGo adds to scores (denseStride long) the rows of ents that the
// pays list, as addSparse does where it has no assembly code.
func addSparseGo(scores []int32, ents []byte, pays []uint64) {
	scores = scores[:denseStride]
	for _, p := range pays {
		start := p >> 11
		// An entry is its class, then its weight (little-endian).
		for r := ents[start : start+3*(p>>3&255)]; len(r) >= 3; r = r[3:] {
			scores[r[0]&127] += int32(int16(uint16(r[1]) | uint16(r[2])<<8))
		}
	}
}

// lookupGo looks up feats in the index, as lookup does where it has no
// vector code. The table is larger than the caches, so a lookup is
// mostly a wait for memory: the features' buckets are read first, with no
// branch that depends on what was read, so that the processor keeps many
// reads in flight at once (their offsets are kept in homes); then the
// buckets, now cached, are searched, and each feature's weights are
// added (inline) or listed (rows; addPay). A lookup that must go on to
// the next buckets is listed in homes (by the index of its feature), for
// the caller; the returned counts are those of sparse, dense and these.
func lookupGo(ix *index, feats []uint64, homes []uint32, scores []int32, sparse []uint64, dense []uint32, sink *uint64) (ns, nd, nw int) {
	nb, lines := ix.nb, ix.lines
	homes = homes[:len(feats)]
	var touch uint64
	for k, f := range feats {
		o := home(f, nb) * bucketBytes
		homes[k] = uint32(o)
		touch += uint64(lines[o])
	}
	for k, f := range feats {
		o := int(homes[k])
		bk := lines[o : o+bucketBytes+8]
		mm := matchLanes(bk, fingerprint(f)*lanes1)
		if mm == 0 {
			if b := o / bucketBytes; bk[16+6*7]&3 != 0 && ix.over[b>>6]>>(b&63)&1 != 0 {
				homes[nw] = uint32(k)
				nw++
			}
			continue
		}
		ns, nd = addPay(payAt(bk, uint(bits.TrailingZeros64(mm))), scores, sparse, dense, ns, nd)
	}
	// The rows too are read before they are added, a word of every
	// cache line of them.
	ents, dn := ix.ents, ix.dense
	for _, p := range sparse[:ns] {
		touch += uint64(ents[p>>11])
	}
	for _, o := range dense[:nd] {
		r := dn[o : o+denseStride]
		touch += uint64(r[0]) + uint64(r[32]) + uint64(r[64]) + uint64(r[96])
	}
	*sink = touch // keeps the reads
	return ns, nd, nw
}

// addPay adds the inline weights of pay p to scores and lists its row in
// sparse or dense (at ns and nd, which it returns counted on), with no
// branch on what p holds: each list is written, and counted in the one
// it belongs to.
func addPay(p uint64, scores []int32, sparse []uint64, dense []uint32, ns, nd int) (int, int) {
	kind := p & 3
	one := (kind + 1) >> 1 & 1    // kind 1 or 2: a first weight inline
	two := kind >> 1 &^ kind & 1  // kind 2: a second one
	row := kind >> 1 & kind & 1   // kind 3: a row
	isDense := row & (p >> 2) & 1 // a dense row
	scores = scores[:denseStride]
	scores[p>>2&127] += int32(int16(p>>9)) & -int32(one)
	scores[p>>25&127] += int32(int16(p>>32)) & -int32(two)
	sparse[ns] = p
	dense[nd] = uint32(p>>11) * denseStride
	return ns + int(row&^isDense), nd + int(isDense)
}

// addDenseGo adds to acc the dense rows that start at offs, the way
// addDense does where it has no vector code.
func addDenseGo(acc []int32, dense []int16, offs []uint32) {
	acc = acc[:denseWidth]
	for _, o := range offs {
		row := dense[o : o+denseWidth]
		for c, w := range row {
			acc[c] += int32(w)
		}
	}
}

// addVecsGo adds a, b, c, d and e (denseStride long each) to dst, as
// addVecs does where it has no vector code.
func addVecsGo(dst, a, b, c, d, e []int32) {
	dst, a, b, c, d, e = dst[:denseStride], a[:denseStride], b[:denseStride], c[:denseStride], d[:denseStride], e[:denseStride]
	for i := range dst {
		dst[i] += a[i] + b[i] + c[i] + d[i] + e[i]
	}
}

// maxFirstGo returns the first of xs (not empty) with the highest value,
// and that value, as maxFirst does where it has no vector code.
func maxFirstGo(xs []int32) (int, int32) {
	at, top := 0, xs[0]
	for i, v := range xs {
		if v > top {
			at, top = i, v
		}
	}
	return at, top
}
