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
