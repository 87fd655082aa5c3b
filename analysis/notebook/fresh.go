package notebook

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
)

// Fresh renders each notebook file to opt.Out as Render does, and returns
// the claims that held, by notebook in the order of files, as CheckClaims
// does; but it runs every notebook afresh and never reads or writes the
// cache under the repository root (opt.Force is implied). It is the
// reviewer's ground truth, what verify compares with the committed
// rendered notebooks: a cache entry, whoever wrote it, cannot reach its
// result. A notebook with an error writes nothing, and the errors of all
// notebooks are returned together.
func Fresh(opt Options, files ...string) ([]NotebookClaims, error) {
	opt, root, in, err := setup(opt)
	if err != nil {
		return nil, err
	}
	opt.fresh = true
	out := opt.Out
	if out == "" {
		out = filepath.Join(root, "figures", "notebooks")
	}
	var all []NotebookClaims
	var errs []error
	for _, f := range files {
		if err := opt.Context.Err(); err != nil {
			errs = append(errs, fmt.Errorf("%s: not rendered: %w", f, context.Cause(opt.Context)))
			continue
		}
		doc, res, _, err := load(opt, root, in, f)
		if err == nil {
			err = writePage(opt, doc, res, out)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		all = append(all, NotebookClaims{Notebook: doc.nb.Path, Claims: res.Claims})
	}
	return all, errors.Join(errs...)
}

// writePage renders a loaded notebook with its outputs into out.
func writePage(opt Options, doc *document, res *Result, out string) error {
	files, err := doc.write(res)
	if err != nil {
		return err
	}
	if err := writeFiles(out, doc.nb.Name, files); err != nil {
		return err
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "render %s: ran\n", doc.nb.Path)
	}
	return nil
}
