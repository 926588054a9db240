//go:build heapprof

package main

// Built with -tags heapprof, dossier writes profiles for measuring its
// memory and time: with DOSSIER_HEAPPROF=PREFIX set, PREFIX-peak.prof is
// rewritten each time the heap passes its peak by a tenth (so the last
// one written is the profile at about the peak), and PREFIX-N.prof every
// DOSSIER_HEAPPROF_EVERY (a duration, when set); with
// DOSSIER_CPUPROF=FILE, a CPU profile of the first
// DOSSIER_CPUPROF_FOR (a duration, default 5m) is written to FILE.
//
//	go build -tags heapprof -o /tmp/dossier-prof ./cmd/dossier
//	DOSSIER_HEAPPROF=/tmp/h /tmp/dossier-prof --db s.db recheck
//	go tool pprof -sample_index=inuse_space -top /tmp/dossier-prof /tmp/h-peak.prof

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

func init() {
	if path := os.Getenv("DOSSIER_CPUPROF"); path != "" {
		d, err := time.ParseDuration(os.Getenv("DOSSIER_CPUPROF_FOR"))
		if err != nil || d <= 0 {
			d = 5 * time.Minute
		}
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
			if err != nil {
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "heapprof: no CPU profile: %v\n", err)
		} else {
			time.AfterFunc(d, func() {
				pprof.StopCPUProfile()
				f.Close()
				fmt.Fprintf(os.Stderr, "heapprof: wrote %s\n", path)
			})
		}
	}
	prefix := os.Getenv("DOSSIER_HEAPPROF")
	if prefix == "" {
		return
	}
	every, _ := time.ParseDuration(os.Getenv("DOSSIER_HEAPPROF_EVERY"))
	go func() {
		var peak uint64
		var ms runtime.MemStats
		last, n := time.Now(), 0
		for range time.Tick(100 * time.Millisecond) {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak+peak/10 {
				peak = ms.HeapAlloc
				write(prefix + "-peak.prof")
				// HeapAlloc counts the live objects and the garbage not
				// yet collected.
				fmt.Fprintf(os.Stderr, "heapprof: heap %d MB, resident about %d MB\n", ms.HeapAlloc>>20, (ms.Sys-ms.HeapReleased)>>20)
			}
			if every > 0 && time.Since(last) >= every {
				n++
				last = time.Now()
				write(fmt.Sprintf("%s-%d.prof", prefix, n))
			}
		}
	}()
}

func write(path string) {
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "heapprof: %v\n", err)
	}
}
