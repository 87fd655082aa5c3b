package bali

import (
	"github.com/nexus-toolkit/nexus/analysis/compendium"
	"github.com/nexus-toolkit/nexus/analysis/datapkg"
	"github.com/nexus-toolkit/nexus/analysis/figure"
	"github.com/nexus-toolkit/nexus/analysis/graph"
)

// Name is the data package name the study claims.
const Name = "jjatt-bali-2002"

// load declares the study's outputs: each is made from Load's Data.
var load = compendium.Loader[*Data](Load)

// Outputs are the study's tables and figure, all made from the resources
// Load reads (Needs).
func Outputs() []compendium.Output {
	return []compendium.Output{
		load.Table("T1", "tbl-whole-record", "Measures of each person over the whole record", Needs, WholeRecord),
		load.Table("T2", "tbl-per-period", "Ties of each person per period, with legal status", Needs, PerPeriod),
		load.Figure("F1", "fig-network", "The network of the whole record", Needs, figure.FullWidth, NetworkHeight, NetworkFigure, NetworkEvidence),
	}
}

func init() {
	compendium.Register(compendium.Study{
		Name:     Name,
		Title:    "The JJATT network of the 2002 Bali bombings",
		Package:  "analysis/bali",
		Requires: append(append([]string(nil), Needs...), "slips"),
		Outputs:  Outputs(),
		Network: &compendium.Network{
			Build: func(p *datapkg.Package, _ compendium.NetworkOptions) (*graph.Graph, error) {
				d, err := Load(p)
				if err != nil {
					return nil, err
				}
				return d.Network(Whole)
			},
			Groups: true,
		},
		Notebook: []string{"github.com/nexus-toolkit/nexus/examples/jjatt-bali-2002/analysis/bali"},
	})
}
