package datapkg

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unsafe"
)

// matcher is a lazily built DFA over ASCII bytes for a pattern that must
// match a whole value. It is much faster than regexp for the short keys of
// a schema (r[0-9]{3}, [a-z]+(-[a-z]+)*). Values with non-ASCII bytes, and
// patterns with empty-width assertions or too many states, fall back to
// the anchored regexp, so the answer is always regexp's. A matcher is not
// safe for concurrent use: make one per goroutine.
type matcher struct {
	re     *regexp.Regexp // anchored: ^(?:pattern)$
	prog   *syntax.Prog
	states []*dstate
	index  map[string]int32
	start  int32
	off    bool // use re only
}

type dstate struct {
	insts []uint32
	match bool
	next  [128]int32 // 0: not computed, -1: dead, else state index + 1
}

const maxStates = 2000

// compileDFA returns the program a matcher runs for pattern, or nil when
// only regexp can run it.
func compileDFA(pattern string) *syntax.Prog {
	parsed, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return nil
	}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth {
			return nil
		}
	}
	return prog
}

// newMatcher returns a matcher of re, the anchored form of a pattern
// whose program (from compileDFA) is prog.
func newMatcher(re *regexp.Regexp, prog *syntax.Prog) *matcher {
	m := &matcher{re: re, index: map[string]int32{}}
	if prog == nil {
		m.off = true
		return m
	}
	m.prog = prog
	m.start = m.state(m.closure(nil, []uint32{uint32(prog.Start)}))
	return m
}

// closure returns the sorted set of rune and match instructions reachable
// from pcs without consuming input.
func (m *matcher) closure(seen []bool, pcs []uint32) []uint32 {
	if seen == nil {
		seen = make([]bool, len(m.prog.Inst))
	}
	var out []uint32
	stack := slices.Clone(pcs)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		in := &m.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Arg, in.Out)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, in.Out)
		case syntax.InstFail:
		default:
			out = append(out, pc)
		}
	}
	slices.Sort(out)
	return out
}

func (m *matcher) state(insts []uint32) int32 {
	key := unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(insts))), len(insts)*4)
	if i, ok := m.index[key]; ok {
		return i
	}
	st := &dstate{insts: insts}
	for _, pc := range insts {
		if m.prog.Inst[pc].Op == syntax.InstMatch {
			st.match = true
		}
	}
	i := int32(len(m.states))
	m.states = append(m.states, st)
	m.index[string(key)] = i
	return i
}

func (m *matcher) step(s int32, c byte) int32 {
	st := m.states[s]
	var next []uint32
	for _, pc := range st.insts {
		in := &m.prog.Inst[pc]
		ok := false
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1:
			ok = in.MatchRune(rune(c))
		case syntax.InstRuneAny:
			ok = true
		case syntax.InstRuneAnyNotNL:
			ok = c != '\n'
		}
		if ok {
			next = append(next, in.Out)
		}
	}
	if len(next) == 0 {
		return -1
	}
	return m.state(m.closure(nil, next))
}

// MatchString reports whether s matches the whole pattern.
func (m *matcher) MatchString(s string) bool {
	if m.off {
		return m.re.MatchString(s)
	}
	cur := m.start
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return m.re.MatchString(s)
		}
		st := m.states[cur]
		n := st.next[c]
		if n == 0 {
			if len(m.states) >= maxStates {
				m.off = true
				return m.re.MatchString(s)
			}
			n = m.step(cur, c)
			if n >= 0 {
				n++
			}
			st.next[c] = n
		}
		if n < 0 {
			return false
		}
		cur = n - 1
	}
	return m.states[cur].match
}
