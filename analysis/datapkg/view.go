package datapkg

// Only returns a view of p that holds only the resources named in names
// (in p's order; a name p lacks is ignored): the same descriptor, the
// same tables, shared and not copied, and no other resource. An output
// made from the view can depend on no resource it did not name, which is
// how package compendium makes an output's declared inputs exactly what
// it reads.
func (p *Package) Only(names ...string) *Package {
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
	}
	v := *p
	v.Resources = nil
	for _, r := range p.Resources {
		if keep[r.Name] {
			v.Resources = append(v.Resources, r)
		}
	}
	return &v
}

// Missing returns the names in names that p has no resource for, in the
// order given.
func (p *Package) Missing(names ...string) []string {
	var out []string
	for _, n := range names {
		if p.Resource(n) == nil {
			out = append(out, n)
		}
	}
	return out
}
