//go:build !amd64

package syntax

// addDense adds to acc (denseStride long) the dense rows that start at
// offs in dense.
func addDense(acc []int32, dense []int16, offs []uint32) { addDenseGo(acc, dense, offs) }

// addVecs adds a, b, c, d and e (denseStride long each) to dst.
func addVecs(dst, a, b, c, d, e []int32) { addVecsGo(dst, a, b, c, d, e) }

// addSparse adds to scores (denseStride long) the rows of ents that the
// pays list.
func addSparse(scores []int32, ents []byte, pays []uint64) { addSparseGo(scores, ents, pays) }

// lookup looks up feats in the index (see lookupGo).
func lookup(ix *index, feats []uint64, homes []uint32, scores []int32, sparse []uint64, dense []uint32, sink *uint64) (ns, nd, nw int) {
	return lookupGo(ix, feats, homes, scores, sparse, dense, sink)
}

// maxFirst returns the first of xs (not empty) with the highest value,
// and that value.
func maxFirst(xs []int32) (int, int32) { return maxFirstGo(xs) }
