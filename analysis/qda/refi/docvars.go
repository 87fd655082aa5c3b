package refi

import (
	"fmt"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// values returns one value per variable of the project from the
// VariableValues of a case or source; where names it in errors.
func (im *importer) values(where string, vvs []xVariableValue) []string {
	out := make([]string, len(im.p.Variables))
	for _, vv := range vvs {
		vi, ok := im.varIdx[normGUID(vv.VariableRef.Target)]
		if !ok {
			im.errorf("%s: VariableRef %s: %w", where, vv.VariableRef.Target, ErrMissingRef)
			continue
		}
		for _, v := range []*string{vv.TextValue, vv.BooleanValue, vv.IntegerValue, vv.FloatValue, vv.DateValue, vv.DateTimeValue} {
			if v != nil {
				out[vi] = *v
			}
		}
	}
	return out
}

// documentVariables turns the variable values of text sources (MAXQDA's
// document variables) into cases: each such source that belongs to no
// case gets a case of its own, named after it, with its values. The
// values of a source that already belongs to a case are not imported,
// with a warning. The case GUID is the one an export derives, so that a
// round trip keeps it.
func (im *importer) documentVariables(x *xProject) {
	if x.Sources == nil {
		return
	}
	p := im.p
	var made []string
	for _, s := range x.Sources.Text {
		if len(s.VariableValue) == 0 {
			continue
		}
		sid, ok := im.source[normGUID(s.GUID)]
		if !ok {
			continue // a skipped source, reported
		}
		k := sourceIndex(p, sid)
		if c := p.Sources[k].Case; c != "" {
			im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("TextSource %q: %d variable values not imported: the source belongs to case %q", s.Name, len(s.VariableValue), c))
			continue
		}
		id := im.newID("case", s.Name, len(p.Cases)+1)
		p.Cases = append(p.Cases, qda.Case{ID: id, Name: s.Name, Values: im.values(fmt.Sprintf("TextSource %q", s.Name), s.VariableValue),
			GUID: GUID(p.Name, "case", id)})
		p.Sources[k].Case = id
		made = append(made, id)
	}
	if len(made) > 0 {
		im.rep.Warnings = append(im.rep.Warnings, fmt.Sprintf("document variables of %d sources imported as one case per source: %s", len(made), strings.Join(made, ", ")))
	}
}

func sourceIndex(p *qda.Project, id string) int {
	for i, s := range p.Sources {
		if s.ID == id {
			return i
		}
	}
	return -1
}
