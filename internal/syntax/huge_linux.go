package syntax

import (
	"runtime"
	"syscall"
	"unsafe"
)

// On Linux the index's tables are laid out in memory of their own, mapped
// with transparent huge pages where the kernel gives them (madvise): a
// lookup lands anywhere in some ten megabytes, and with 4 KB pages most
// of them would first miss the processor's table of pages. The memory is
// given back when the index is no longer reachable.

const hugePage = 2 << 20

// hugeBytes returns n zeroed bytes, in huge pages where the kernel gives
// them, kept until owner is no longer reachable; or nil.
func hugeBytes(owner *index, n int) []byte {
	if n < hugePage/2 {
		return nil // not worth a mapping of its own
	}
	size := (n + hugePage - 1) &^ (hugePage - 1)
	// a page more, to start at a huge page's boundary
	m, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil
	}
	runtime.AddCleanup(owner, func(m []byte) { _ = syscall.Munmap(m) }, m)
	off := int(-uintptr(unsafe.Pointer(&m[0])) & (hugePage - 1))
	b := m[off : off+size]
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE) // without it, plain pages
	return b[:n:n]
}

// bigBytes returns n zeroed bytes for owner's tables.
func bigBytes(owner *index, n int) []byte {
	if b := hugeBytes(owner, n); b != nil {
		return b
	}
	return make([]byte, n)
}

// bigInt16s returns n zeroed int16 for owner's tables.
func bigInt16s(owner *index, n int) []int16 {
	if b := hugeBytes(owner, 2*n); b != nil {
		return unsafe.Slice((*int16)(unsafe.Pointer(&b[0])), n)
	}
	return make([]int16, n)
}
