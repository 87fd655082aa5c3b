package datapkg

import (
	"hash/maphash"
	"slices"
)

// uniq finds duplicate values among many without a map of every value:
// it hashes each value, sorts the hashes by bucket and compares the
// values only where hashes are equal. For a million keys it is several
// times faster than a map[string]int and needs 12 bytes per value.
type uniq struct {
	seed maphash.Seed
	hs   []uint64
	rows []int32
}

func newUniq(n int) *uniq {
	return &uniq{seed: maphash.MakeSeed(), hs: make([]uint64, 0, n), rows: make([]int32, 0, n)}
}

func (u *uniq) add(s string, row int) {
	u.hs = append(u.hs, maphash.String(u.seed, s))
	u.rows = append(u.rows, int32(row))
}

// dupes calls dup(row, first) for every row whose value (text(row)) equals
// that of an earlier row first, the earliest with that value.
func (u *uniq) dupes(text func(row int) string, dup func(row, first int)) {
	n := len(u.hs)
	if n < 2 {
		return
	}
	// About one value per bucket: one counting pass, one scatter pass.
	bits := 8
	for bits < 22 && 1<<bits < n {
		bits++
	}
	count := make([]int32, 1<<bits+1)
	for _, h := range u.hs {
		count[h>>(64-bits)+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	hs := make([]uint64, n)
	rows := make([]int32, n)
	pos := slices.Clone(count)
	for i, h := range u.hs {
		b := h >> (64 - bits)
		hs[pos[b]] = h
		rows[pos[b]] = u.rows[i]
		pos[b]++
	}
	type pair struct {
		h uint64
		r int32
	}
	var tmp []pair
	for b := 0; b < 1<<bits; b++ {
		lo, hi := int(count[b]), int(count[b+1])
		if hi-lo < 2 {
			continue
		}
		if hi-lo == 2 && hs[lo] != hs[lo+1] {
			continue
		}
		// Sort the bucket by hash, then row (rows are already ascending).
		tmp = tmp[:0]
		for i := lo; i < hi; i++ {
			tmp = append(tmp, pair{hs[i], rows[i]})
		}
		slices.SortStableFunc(tmp, func(a, b pair) int {
			switch {
			case a.h < b.h:
				return -1
			case a.h > b.h:
				return 1
			}
			return 0
		})
		for i := 0; i < len(tmp); {
			j := i + 1
			for j < len(tmp) && tmp[j].h == tmp[i].h {
				j++
			}
			if j-i > 1 {
				first := map[string]int{}
				for _, p := range tmp[i:j] {
					s := text(int(p.r))
					if f, ok := first[s]; ok {
						dup(int(p.r), f)
					} else {
						first[s] = int(p.r)
					}
				}
			}
			i = j
		}
	}
	u.hs, u.rows = nil, nil
}
