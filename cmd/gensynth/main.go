// Command gensynth writes the SYNTHETIC coding study of
// datasets/examples/synthetic-coding/v1.1.0, deterministically, from the
// fixed seed of package synth.
//
// Usage:
//
//	go run ./cmd/gensynth -out datasets/examples/synthetic-coding/v1.1.0 [-replace] [-seed N]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/synth"
)

func main() {
	if err := run(os.Stdout, os.Stderr, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gensynth:", err)
		os.Exit(2)
	}
}

func run(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("gensynth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "output package directory (required)")
	replace := fs.Bool("replace", false, "replace an existing directory")
	seed := fs.Uint64("seed", synth.Seed, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	p := synth.Generate(*seed)
	files, err := qda.Files(p)
	if err != nil {
		return err
	}
	files["README.md"] = []byte(synth.README(p, *seed))
	if err := qda.WriteDir(*out, files, *replace); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote SYNTHETIC study to %s: %d sources, %d cases, %d coders, %d segments\n",
		*out, len(p.Sources), len(p.Cases), len(p.Coders), len(p.Segments))
	return nil
}
