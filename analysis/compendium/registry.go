package compendium

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/graph"
	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/quotes"
)

// Study is what a study registers (Register): the data package name it
// claims, what a package must hold to be its data, its outputs and what
// else the engine can do with its data. A study is a Go package that
// calls Register from an init function; the nexus command of a
// compendium blank-imports it.
type Study struct {
	// Name is the data package `name` the study claims, e.g.
	// "ttp-alliances". Every command chooses the study from the name in
	// the package's datapackage.json.
	Name string
	// Title is one line naming the study, for the list of studies.
	Title string
	// Package is the study's Go package as generated files name it, e.g.
	// "analysis/paper"; "" names the study by Name.
	Package string
	// Requires lists the resources every package of the study must
	// hold; a package without one of them is refused, naming it.
	Requires []string
	// Outputs are the study's tables and figures, in the order they are
	// built and listed (see Table and Figure).
	Outputs []Output
	// Network, when not nil, is how the study's data becomes a graph:
	// `nexus network -dataset` and `nexus export` work for the study.
	Network *Network
	// Evidence, when not nil, returns the fields of the package whose
	// rows carry evidence (a quote and its page): `nexus trace` prints
	// them for each row behind a cell. Without it, trace prints the rows'
	// addresses only.
	Evidence func(p *datapkg.Package) []quotes.Field
	// PageMark, when not "", is the line that starts each page of the
	// plain-text copy of the source document (`nexus quotes` splits a
	// copy without form feeds at it).
	PageMark string
	// Coding, when not nil, maps the study's data to a coding project,
	// so that `nexus qda` works on its packages.
	Coding func(p *datapkg.Package) (*qda.Project, error)
	// Notebook lists the Go packages, beyond the core, that the study's
	// notebooks may import (the study's own packages): import paths, or
	// PATH/... for a package and every package below it.
	Notebook []string
}

// Network is how a study turns its data into a graph.
type Network struct {
	// Requires lists the resources the network is built from, beyond the
	// study's Requires.
	Requires []string
	// Filters are the flags that choose part of the network, declared by
	// `nexus network` and `nexus export` (which reject a filter the
	// study of the package does not declare).
	Filters []Filter
	// Build returns the graph of the package p.
	Build func(p *datapkg.Package, opt NetworkOptions) (*graph.Graph, error)
	// Doc, when not nil, returns the export form of a graph Build made,
	// with the study's node and link attributes; without it the export
	// has the nodes' names and groups only (GenericDoc).
	Doc func(g *graph.Graph) *encoding.Doc
	// Groups reports that Node.Group of the graph is a partition that
	// brokerage roles (Gould and Fernandez) are computed over.
	Groups bool
}

// Filter is one filter flag of a study's network: -Name VALUE.
type Filter struct {
	Name  string // the flag's name, without the dash
	Usage string // the flag's one-line usage, as package flag prints it
}

// NetworkOptions are the choices of a network command.
type NetworkOptions struct {
	Directed bool              // directed ties one way, others both ways
	Isolates bool              // keep the nodes that have no kept tie
	Filters  map[string]string // the value of each filter flag given
}

var registry struct {
	sync.Mutex
	studies map[string]*Study
}

// Register makes s the study of the data packages named s.Name. It
// panics when s has no name, when another study claims the name, or when
// two outputs of s share an ID or a name: these are mistakes in a
// program, found the first time it starts.
func Register(s Study) {
	registry.Lock()
	defer registry.Unlock()
	if s.Name == "" {
		panic("compendium: Register: a study with no Name")
	}
	if registry.studies == nil {
		registry.studies = map[string]*Study{}
	}
	if _, dup := registry.studies[s.Name]; dup {
		panic(fmt.Sprintf("compendium: Register: two studies claim the data package name %q", s.Name))
	}
	seen := map[string]bool{}
	for _, o := range s.Outputs {
		if o.ID == "" || o.Name == "" || o.Make == nil {
			panic(fmt.Sprintf("compendium: Register %s: output %q/%q needs an ID, a name and Make", s.Name, o.ID, o.Name))
		}
		for _, k := range []string{"id " + strings.ToUpper(o.ID), "name " + o.Name} {
			if seen[k] {
				panic(fmt.Sprintf("compendium: Register %s: two outputs have the %s", s.Name, k))
			}
			seen[k] = true
		}
	}
	registry.studies[s.Name] = &s
}

// NotebookPackages returns the packages that the notebooks of every
// registered study may import (each study's Notebook), sorted, each once:
// a notebook's front matter may name any registered study's dataset.
func NotebookPackages() []string {
	var out []string
	for _, n := range Studies() {
		out = append(out, Lookup(n).Notebook...)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// Studies returns the names of the registered studies, sorted.
func Studies() []string {
	registry.Lock()
	defer registry.Unlock()
	names := make([]string, 0, len(registry.studies))
	for n := range registry.studies {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Lookup returns the study registered under name, or nil.
func Lookup(name string) *Study {
	registry.Lock()
	defer registry.Unlock()
	return registry.studies[name]
}

// StudyOf returns the study of the package p. It refuses a package whose
// name no registered study claims, naming the package and listing the
// registered studies, and a package that lacks a resource the study
// requires, naming each missing resource.
func StudyOf(p *datapkg.Package) (*Study, error) {
	s := Lookup(p.Name)
	if s == nil {
		known := "none is registered (the nexus command must import a study package)"
		if names := Studies(); len(names) > 0 {
			known = "the registered studies are " + strings.Join(names, ", ")
		}
		return nil, fmt.Errorf("%s: data package %q is no registered study's: %s", p.Descriptor, p.Name, known)
	}
	if err := s.require(p, "", s.Requires); err != nil {
		return nil, err
	}
	return s, nil
}

// source names the study in generated files.
func (s *Study) source() string {
	if s.Package != "" {
		return s.Package
	}
	return "study " + s.Name
}

// require refuses p when it lacks one of names, which what needs.
func (s *Study) require(p *datapkg.Package, what string, names []string) error {
	missing := p.Missing(names...)
	if len(missing) == 0 {
		return nil
	}
	if what != "" {
		what = " for " + what
	}
	return fmt.Errorf("%s: data package %q lacks the resource(s) %s that study %s needs%s", p.Descriptor, p.Name, strings.Join(missing, ", "), s.Name, what)
}

// Open reads and validates the data package in dir (datapkg.Read) and
// returns it with its study (StudyOf).
func Open(dir string) (*datapkg.Package, *Study, error) {
	p, err := datapkg.Read(dir)
	if err != nil {
		return nil, nil, err
	}
	s, err := StudyOf(p)
	if err != nil {
		return nil, nil, err
	}
	return p, s, nil
}

// CheckStudy reads only the descriptor of the package in dir
// (datapkg.Open) and refuses it when it cannot be read, and as StudyOf
// does when no registered study claims its name or it lacks a resource
// its study requires. The data's own problems are left to the command
// that reads the package (nexus render reports them for the notebooks
// that use the package, and only for them).
func CheckStudy(dir string) error {
	p, err := datapkg.Open(dir)
	if err != nil {
		return err
	}
	_, err = StudyOf(p)
	return err
}

// OpenNetwork opens the package in dir as Open does and refuses it
// unless its study has a network and the package holds every resource
// the network needs; what names the command, for the error.
func OpenNetwork(dir, what string) (*datapkg.Package, *Study, error) {
	p, s, err := Open(dir)
	if err != nil {
		return nil, nil, err
	}
	if s.Network == nil || s.Network.Build == nil {
		return nil, nil, fmt.Errorf("%s: study %s has no network, so %s has nothing to work on (the studies with one: %s)", p.Descriptor, s.Name, what, strings.Join(networkStudies(), ", "))
	}
	if err := s.require(p, what, s.Network.Requires); err != nil {
		return nil, nil, err
	}
	return p, s, nil
}

// networkStudies lists the registered studies that have a network.
func networkStudies() []string {
	var out []string
	for _, n := range Studies() {
		if s := Lookup(n); s.Network != nil {
			out = append(out, n)
		}
	}
	if out == nil {
		return []string{"none"}
	}
	return out
}

// NetworkFilters returns every filter flag of the registered studies'
// networks, sorted by name, each once (the first study's usage, by study
// name, wins for a name two studies share).
func NetworkFilters() []Filter {
	seen := map[string]bool{}
	var out []Filter
	for _, n := range Studies() {
		s := Lookup(n)
		if s.Network == nil {
			continue
		}
		for _, f := range s.Network.Filters {
			if !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Graph builds the network of the package p of study s with opt. It
// refuses a filter that s does not declare, naming the ones it does.
func (s *Study) Graph(p *datapkg.Package, opt NetworkOptions) (*graph.Graph, error) {
	var own []string
	for _, f := range s.Network.Filters {
		own = append(own, "-"+f.Name)
	}
	names := make([]string, 0, len(opt.Filters))
	for name := range opt.Filters {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !hasFilter(s.Network.Filters, name) {
			return nil, fmt.Errorf("-%s: study %s has no such filter, expected one of %s", name, s.Name, orNone(own))
		}
	}
	return s.Network.Build(p, opt)
}

func hasFilter(fs []Filter, name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}
