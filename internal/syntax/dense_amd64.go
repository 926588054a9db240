package syntax

import "golang.org/x/sys/cpu"

// addDenseAVX2 adds, for each of the n offsets at offs, the denseWidth
// int16 at src[offset:] (sign-extended) to the denseWidth int32 at dst.
// Implemented in dense_amd64.s.
//
//go:noescape
func addDenseAVX2(dst *int32, src *int16, offs *uint32, n int)

var haveAVX2 = cpu.X86.HasAVX2

// addDense adds to acc (denseStride long) the dense rows that start at
// offs in dense.
func addDense(acc []int32, dense []int16, offs []uint32) {
	if len(offs) == 0 {
		return
	}
	if !haveAVX2 {
		addDenseGo(acc, dense, offs)
		return
	}
	// The vector code reads without bounds checks: check here.
	_ = acc[denseWidth-1]
	for _, o := range offs {
		if uint64(o)+denseWidth > uint64(len(dense)) {
			panic("syntax: dense row out of range")
		}
	}
	addDenseAVX2(&acc[0], &dense[0], &offs[0], len(offs))
}

// addVecsAVX2 adds the denseStride int32 at a, b, c, d and e to those at
// dst. Implemented in dense_amd64.s.
//
//go:noescape
func addVecsAVX2(dst, a, b, c, d, e *int32)

// addVecs adds a, b, c, d and e (denseStride long each) to dst.
func addVecs(dst, a, b, c, d, e []int32) {
	if !haveAVX2 {
		addVecsGo(dst, a, b, c, d, e)
		return
	}
	// The vector code reads without bounds checks: check here.
	_, _, _ = dst[denseStride-1], a[denseStride-1], b[denseStride-1]
	_, _, _ = c[denseStride-1], d[denseStride-1], e[denseStride-1]
	addVecsAVX2(&dst[0], &a[0], &b[0], &c[0], &d[0], &e[0])
}

// addSparseAMD64 adds, for each of the n pays at pays, the weights of its
// row of ents to dst (indexed by class). Implemented in dense_amd64.s.
//
//go:noescape
func addSparseAMD64(dst *int32, ents *byte, pays *uint64, n int)

// addSparse adds to scores (denseStride long) the rows of ents that the
// pays list.
func addSparse(scores []int32, ents []byte, pays []uint64) {
	if len(pays) == 0 {
		return
	}
	// The assembly code reads without bounds checks: check here. A class
	// is masked to 7 bits, inside scores.
	_ = scores[denseStride-1]
	for _, p := range pays {
		if p>>11+3*(p>>3&255) > uint64(len(ents)) {
			panic("syntax: sparse row out of range")
		}
	}
	addSparseAMD64(&scores[0], &ents[0], &pays[0], len(pays))
}

// lookupAVX2 is lookupGo for the n features at feats, in the index's
// lines of nb buckets with the overflow bits at over; homes, sparse and
// dense hold n entries each, scores denseStride. The buckets are
// prefetched rather than read, each is searched with one vector
// comparison, and the lookups that go on to the next buckets are done
// too (nw is 0). The rows found are prefetched (ents and dn: the index's
// ents and dense). Implemented in dense_amd64.s.
//
//go:noescape
func lookupAVX2(lines *byte, nb uint64, over *uint64, feats *uint64, n int, homes *uint32, scores *int32, sparse *uint64, dense *uint32, ents *byte, dn *int16) (ns, nd, nw int)

// lookup looks up feats in the index (see lookupGo).
func lookup(ix *index, feats []uint64, homes []uint32, scores []int32, sparse []uint64, dense []uint32, sink *uint64) (ns, nd, nw int) {
	n := len(feats)
	if !haveAVX2 || n == 0 {
		return lookupGo(ix, feats, homes, scores, sparse, dense, sink)
	}
	// The vector code reads without bounds checks: check here. A home
	// is inside lines by its construction (home), and the search reads
	// the 72 bytes from it (the lines are padded by 8).
	_, _, _, _ = homes[n-1], sparse[n-1], dense[n-1], scores[denseStride-1]
	if len(ix.lines) != ix.nb*bucketBytes+8 || len(ix.over) < (ix.nb+63)/64 {
		panic("syntax: bad index")
	}
	// Prefetches need no check (a model with no dense rows has none to
	// prefetch).
	var dn *int16
	if len(ix.dense) > 0 {
		dn = &ix.dense[0]
	}
	return lookupAVX2(&ix.lines[0], uint64(ix.nb), &ix.over[0], &feats[0], n, &homes[0], &scores[0], &sparse[0], &dense[0], &ix.ents[0], dn)
}

// maxFirstAVX2 returns the first of the n int32 at p (n >= 1) with the
// highest value, and that value. Implemented in dense_amd64.s.
//
//go:noescape
func maxFirstAVX2(p *int32, n int) (at int, max int32)

// maxFirst returns the first of xs (not empty) with the highest value,
// and that value.
func maxFirst(xs []int32) (int, int32) {
	if !haveAVX2 {
		return maxFirstGo(xs)
	}
	return maxFirstAVX2(&xs[0], len(xs))
}
