package cell

import (
	"errors"
	"sync"

	"github.com/go-gota/gota/dataframe"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/frame"
)

var (
	pkgOnce sync.Once
	pkg     *datapkg.Package
	pkgErr  error
)

// Frame returns the resource name of the notebook's dataset (Dataset) as
// a gota DataFrame whose column types follow the resource's schema (see
// frame.FromResource). The dataset is read and validated once per run. A
// dataset that does not validate, or a resource it lacks, stops the
// notebook with an error at the caller's line.
//
// Sort and group frames with frame.Arrange, frame.Aggregate and
// frame.Count, and print them with frame.Table or frame.Records: gota's
// own Arrange, Aggregation and float printing are not deterministic
// enough for a published output (see package frame).
func Frame(name string) dataframe.DataFrame {
	pkgOnce.Do(func() {
		if Dataset() == "" {
			pkgErr = errNoDataset
			return
		}
		pkg, pkgErr = datapkg.Read(Dataset())
	})
	if pkgErr != nil {
		fail(1, "frame %s: %v", name, pkgErr)
	}
	r := pkg.Resource(name)
	if r == nil {
		names := make([]string, len(pkg.Resources))
		for i, r := range pkg.Resources {
			names[i] = r.Name
		}
		fail(1, "frame %s: the dataset %s has no such resource, expected one of %v", name, Dataset(), names)
	}
	df, err := frame.FromResource(r)
	if err != nil {
		fail(1, "frame %s: %v", name, err)
	}
	return df
}

var errNoDataset = errors.New("the notebook names no dataset (front matter: dataset: NAME/VERSION)")
