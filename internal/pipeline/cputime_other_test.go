//go:build !unix

package pipeline_test

import "time"

// cpuTime is not measured on this system; the benchmark then reports no
// per-CPU-second figure.
func cpuTime() time.Duration { return 0 }
