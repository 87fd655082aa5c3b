package datapkg

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadStats measures one load of the 1M-row synthetic package in a
// fresh process: wall time, CPU time and peak RSS. It runs only when
// DATAPKG_STATS names a directory; a first run writes the package there
// and a second run (a new process) measures:
//
//	DATAPKG_STATS=/tmp/synth go test -run LoadStats -v ./analysis/datapkg  # writes
//	DATAPKG_STATS=/tmp/synth go test -run LoadStats -v ./analysis/datapkg  # measures
func TestLoadStats(t *testing.T) {
	dir := os.Getenv("DATAPKG_STATS")
	if dir == "" {
		t.Skip("set DATAPKG_STATS to a directory to measure")
	}
	if _, err := os.Stat(filepath.Join(dir, "relations.csv")); err != nil {
		os.MkdirAll(dir, 0o755)
		size := writeSynth(t, dir, 1_000_000)
		t.Logf("wrote %s: %d bytes; run again to measure", dir, size)
		return
	}
	fi, _ := os.Stat(filepath.Join(dir, "relations.csv"))
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	start := time.Now()
	p, err := Read(dir)
	wall := time.Since(start)
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	if err != nil {
		t.Fatal(err)
	}
	cpu := time.Duration(ru1.Utime.Nano() - ru0.Utime.Nano() + ru1.Stime.Nano() - ru0.Stime.Nano())
	t.Logf("user %v sys %v minflt %d", time.Duration(ru1.Utime.Nano()-ru0.Utime.Nano()), time.Duration(ru1.Stime.Nano()-ru0.Stime.Nano()), ru1.Minflt-ru0.Minflt)
	t.Logf("rows %d, file %.1f MB: wall %v, cpu %v, peak RSS %.1f MB (before the load %.1f MB)",
		p.Rows(), float64(fi.Size())/1e6, wall, cpu, float64(ru1.Maxrss)/1024, float64(ru0.Maxrss)/1024)
}
