//go:build !linux

package syntax

// bigBytes returns n zeroed bytes for owner's tables.
func bigBytes(owner *index, n int) []byte { return make([]byte, n) }

// bigInt16s returns n zeroed int16 for owner's tables.
func bigInt16s(owner *index, n int) []int16 { return make([]int16, n) }
