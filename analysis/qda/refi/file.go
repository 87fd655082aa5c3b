package refi

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/safefile"
)

// ImportFile imports a .qdpx project or .qdc codebook (by extension) into
// a new data package directory out, written through a temporary directory
// next to out and renamed into place, so nothing is written elsewhere and
// a failed import leaves nothing behind.
func ImportFile(file, out string, lim Limits) (*Report, error) {
	// A regular file only: a FIFO or a device would hang or never end.
	f, err := safefile.OpenRegular(file, -1)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	defer f.Close()
	var p *qda.Project
	var rep *Report
	switch strings.ToLower(filepath.Ext(file)) {
	case ".qdpx":
		p, rep, err = ImportProject(file, f, f.Size(), lim)
	case ".qdc":
		p, rep, err = ImportCodebook(file, f, lim)
	default:
		return nil, fmt.Errorf("%s: unknown extension, expected .qdpx or .qdc", file)
	}
	if err != nil {
		return nil, err
	}
	return rep, qda.Write(out, p, false)
}

// ExportFile exports p to file as a .qdpx project or a .qdc codebook (by
// extension), atomically.
func ExportFile(p *qda.Project, file string) error {
	var write func(w io.Writer, p *qda.Project) error
	switch strings.ToLower(filepath.Ext(file)) {
	case ".qdpx":
		write = Project
	case ".qdc":
		write = Codebook
	default:
		return fmt.Errorf("%s: unknown extension, expected .qdpx or .qdc", file)
	}
	var b bytes.Buffer
	if err := write(&b, p); err != nil {
		return err
	}
	return build.WriteFile(file, b.Bytes())
}
