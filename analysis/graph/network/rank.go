package network

import (
	"cmp"
	"slices"
)

// Order returns node indices by value, highest first, ties by index (node
// ID order).
func Order(v []float64) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(v[b], v[a]) })
	return idx
}

// Rank returns the competition rank ("1224") of every value, highest
// first: equal values share the best rank.
func Rank(v []float64) []int {
	r := make([]int, len(v))
	idx := Order(v)
	for k, i := range idx {
		if k > 0 && v[i] == v[idx[k-1]] {
			r[i] = r[idx[k-1]]
		} else {
			r[i] = k + 1
		}
	}
	return r
}
