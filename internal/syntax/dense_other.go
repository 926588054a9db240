//go:build !amd64

package syntax

// addDense adds to acc (denseStride long) the dense rows that start at
// offs in dense.
func addDense(acc []int32, dense []int16, offs []uint32) { addDenseGo(acc, dense, offs) }
