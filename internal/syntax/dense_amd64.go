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
