package paper

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/nexus-toolkit/nexus/analysis/build"
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/notebook"
	"github.com/nexus-toolkit/nexus/analysis/study"
	"github.com/nexus-toolkit/nexus/internal/testenv"
)

// proseCheck is one sentence of a rendered notebook that states counts
// of a published output, and how to read the same counts from the output
// files that the registry built.
type proseCheck struct {
	notebook string
	sentence *regexp.Regexp
	// want returns, from the built outputs in dir and the study, the
	// numbers the sentence's groups must print, in order.
	want func(t *testing.T, dir string, s *study.Study) []int
}

// readCSV reads a built output file as records, the header first.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// column returns the values of the named column of a CSV file.
func column(t *testing.T, path, name string) []string {
	t.Helper()
	recs := readCSV(t, path)
	j := -1
	for i, h := range recs[0] {
		if h == name {
			j = i
		}
	}
	if j < 0 {
		t.Fatalf("%s: no column %q in %v", path, name, recs[0])
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[j])
	}
	return out
}

// count returns how many values equal v.
func count(values []string, v string) int {
	n := 0
	for _, x := range values {
		if x == v {
			n++
		}
	}
	return n
}

// distinctWithPrefix counts the distinct values that start with prefix.
func distinctWithPrefix(values []string, prefix string) int {
	seen := map[string]bool{}
	for _, v := range values {
		if strings.HasPrefix(v, prefix) {
			seen[v] = true
		}
	}
	return len(seen)
}

// f1Relations counts the distinct relations rows F1's trace names.
func f1Relations(t *testing.T, dir string) int {
	recs := readCSV(t, filepath.Join(dir, "fig-alliance-network.trace.csv"))
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		if r[1] == "relations" {
			seen[r[2]] = true
		}
	}
	return len(seen)
}

var proseChecks = []proseCheck{
	{"01-sample-and-method", regexp.MustCompile(`The paper interviewed (\d+) respondents in (\d+) categories`),
		func(t *testing.T, dir string, s *study.Study) []int {
			f := filepath.Join(dir, "tbl-study-design.csv")
			aspects, ns := column(t, f, "aspect"), column(t, f, "n")
			total := -1
			for i, a := range aspects {
				if a == "Sample" {
					total, _ = strconv.Atoi(ns[i])
				}
			}
			return []int{total, count(aspects, "Respondent category")}
		}},
	{"02-findings", regexp.MustCompile(`The dataset records (\d+) findings on the TTP–AQ nexus and (\d+) on the TTP–ISKP nexus`),
		func(t *testing.T, dir string, s *study.Study) []int {
			nexus := column(t, filepath.Join(dir, "tbl-codebook.csv"), "nexus")
			return []int{count(nexus, "TTP–AQ"), count(nexus, "TTP–ISKP")}
		}},
	{"03-alliance-network", regexp.MustCompile(`Of the (\d+) relations of this version, (\d+) are cooperative ties, and the (\d+) of them that join two organizations under study enter the network that F1 draws and T4 measures`),
		func(t *testing.T, dir string, s *study.Study) []int {
			coop := 0
			for _, r := range s.Relations {
				if AllianceFilter.Keep(r) {
					coop++
				}
			}
			return []int{len(s.Relations), coop, f1Relations(t, dir)}
		}},
	{"03-alliance-network", regexp.MustCompile(`The network has (\d+) organizations and (\d+) links`),
		func(t *testing.T, dir string, s *study.Study) []int {
			elements := column(t, filepath.Join(dir, "fig-alliance-network.trace.csv"), "element")
			nodes := distinctWithPrefix(elements, "node ")
			if rows := len(column(t, filepath.Join(dir, "tbl-network-measures.csv"), "organization")); rows != nodes {
				t.Errorf("T4 has %d rows, F1 draws %d organizations", rows, nodes)
			}
			return []int{nodes, distinctWithPrefix(elements, "link ")}
		}},
	{"03-alliance-network", regexp.MustCompile(`(\d+) passages of the paper tie the TTP to al-Qaeda`),
		func(t *testing.T, dir string, s *study.Study) []int {
			f := filepath.Join(dir, "tbl-dyads.csv")
			pairs, passages := column(t, f, "pair"), column(t, f, "passages")
			for i, p := range pairs {
				if p == "AQ – TTP" {
					n, _ := strconv.Atoi(passages[i])
					return []int{n}
				}
			}
			return []int{-1}
		}},
	{"04-timeline", regexp.MustCompile(`Of the (\d+) dated events of this version`),
		func(t *testing.T, dir string, s *study.Study) []int {
			return []int{len(column(t, filepath.Join(dir, "tbl-timeline.csv"), "event"))}
		}},
	{"05-citation-audit", regexp.MustCompile(`Of the (\d+) in-text citations, (\d+) match one entry of the reference list, (\d+) matches more than one, (\d+) disagree with it in the author's name and (\d+) has no entry; every one of the (\d+) entries is cited`),
		func(t *testing.T, dir string, s *study.Study) []int {
			f := filepath.Join(dir, "tbl-citation-audit.csv")
			status, cits := column(t, f, "status"), column(t, f, "citation")
			return []int{len(cits) - count(status, StatusUncited), count(status, StatusResolved), count(status, StatusAmbiguous),
				count(status, StatusAuthorMismatch), count(status, StatusMissing), len(s.References) - count(status, StatusUncited)}
		}},
}

// moduleCopy copies what the notebooks' programs compile (go.mod, go.sum,
// analysis/), the datasets and the notebooks into a temporary directory and returns it,
// so that a render keeps its cache and scratch files there and never in
// the repository under test.
func moduleCopy(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	testenv.CopyModule(t, root)
	for _, d := range []string{"analysis", "datasets", "notebooks"} {
		if err := os.CopyFS(filepath.Join(root, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestProseMatchesOutputs renders the notebooks against every version of
// the dataset from 1.1.0 on, builds the paper's outputs from the same
// version, and checks each sentence of proseChecks: the counts the prose
// prints are the counts of the output it describes, read from the
// output's own files (its table or its trace), not a parallel count.
func TestProseMatchesOutputs(t *testing.T) {
	testenv.Short(t, "renders the notebooks against each dataset version")
	root := moduleCopy(t)
	versions, err := filepath.Glob("../../datasets/ttp-alliances/v*")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, v := range versions {
		if filepath.Base(v) >= "v1.1.0" {
			dirs = append(dirs, v)
		}
	}
	if len(dirs) == 0 {
		t.Fatal("no dataset version from 1.1.0 on")
	}
	for _, dataset := range dirs {
		t.Run(filepath.Base(dataset), func(t *testing.T) {
			s, err := study.Load(dataset)
			if err != nil {
				t.Fatal(err)
			}
			outs, _, err := compendium.Outputs(dataset)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if err := build.Run(outs, dir); err != nil {
				t.Fatal(err)
			}
			nbDir := t.TempDir()
			files := map[string]bool{}
			for _, c := range proseChecks {
				files[filepath.Join(root, "notebooks", c.notebook+".md")] = true
			}
			var list []string
			for f := range files {
				list = append(list, f)
			}
			sort.Strings(list)
			if err := notebook.Render(notebook.Options{Root: root, Out: nbDir, Dataset: filepath.Join(root, "datasets", "ttp-alliances", filepath.Base(dataset)), Packages: compendium.NotebookPackages()}, list...); err != nil {
				t.Fatal(err)
			}
			for _, c := range proseChecks {
				b, err := os.ReadFile(filepath.Join(nbDir, c.notebook+".md"))
				if err != nil {
					t.Fatal(err)
				}
				text := strings.Join(strings.Fields(string(b)), " ")
				m := c.sentence.FindStringSubmatch(text)
				if m == nil {
					t.Errorf("%s: no sentence matches %q", c.notebook, c.sentence)
					continue
				}
				want := c.want(t, dir, s)
				for i, w := range want {
					if got, _ := strconv.Atoi(m[i+1]); got != w {
						t.Errorf("%s (%s): %q prints %d as number %d, the output gives %d", c.notebook, filepath.Base(dataset), m[0], got, i+1, w)
					}
				}
			}
		})
	}
}
