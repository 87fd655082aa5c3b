//go:build linux

package notebook

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"syscall"
	"unsafe"
)

// The Landlock system calls and constants of linux/landlock.h. The three
// system calls have the same numbers on every architecture (they are
// newer than the unified system call table).
const (
	sysLandlockCreateRuleset = 444
	sysLandlockAddRule       = 445
	sysLandlockRestrictSelf  = 446

	landlockCreateRulesetVersion = 1 << 0
	landlockRulePathBeneath      = 1

	llExecute    = 1 << 0
	llWriteFile  = 1 << 1
	llReadFile   = 1 << 2
	llReadDir    = 1 << 3
	llRemoveDir  = 1 << 4
	llRemoveFile = 1 << 5
	llMakeChar   = 1 << 6
	llMakeDir    = 1 << 7
	llMakeReg    = 1 << 8
	llMakeSock   = 1 << 9
	llMakeFifo   = 1 << 10
	llMakeBlock  = 1 << 11
	llMakeSym    = 1 << 12
	llRefer      = 1 << 13 // ABI 2
	llTruncate   = 1 << 14 // ABI 3
	llIoctlDev   = 1 << 15 // ABI 5

	llBindTCP    = 1 << 0 // ABI 4
	llConnectTCP = 1 << 1 // ABI 4

	llScopeAbstractUnix = 1 << 0 // ABI 6
	llScopeSignal       = 1 << 1 // ABI 6

	prSetNoNewPrivs = 38
	oPath           = 0x200000 // O_PATH of asm-generic (not alpha, parisc, sparc)

	// minLandlockABI is the oldest Landlock ABI that confines writes
	// completely: ABI 3 is the first to handle truncate(2), without which
	// a program could empty any file it may not write.
	minLandlockABI = 3
)

// rulesetAttr is struct landlock_ruleset_attr (ABI 6 and later).
type rulesetAttr struct {
	fs, net, scoped uint64
}

// pathBeneathAttr is struct landlock_path_beneath_attr; the kernel reads
// its first 12 bytes (the C struct is packed), which this layout matches.
type pathBeneathAttr struct {
	allowed uint64
	parent  int32
}

// landlockABI returns the Landlock ABI version of the running kernel, or
// an error saying why Landlock is not available.
var landlockABI = sync.OnceValues(func() (int, error) {
	v, _, e := syscall.Syscall(sysLandlockCreateRuleset, 0, 0, landlockCreateRulesetVersion)
	switch {
	case e == syscall.ENOSYS:
		return 0, errors.New("this kernel has no Landlock (Linux 5.13 or later with CONFIG_SECURITY_LANDLOCK)")
	case e == syscall.EOPNOTSUPP:
		return 0, errors.New("Landlock is disabled on this system (add landlock to the kernel's lsm= boot parameter)")
	case e != 0:
		return 0, fmt.Errorf("Landlock: %v", e)
	case int(v) < minLandlockABI:
		return int(v), fmt.Errorf("this kernel's Landlock ABI is %d, expected %d or later (Linux 6.2) to refuse truncation", v, minLandlockABI)
	}
	return int(v), nil
})

// fsAccess returns every file system right that Landlock ABI abi handles.
func fsAccess(abi int) uint64 {
	a := uint64(llExecute | llWriteFile | llReadFile | llReadDir | llRemoveDir | llRemoveFile |
		llMakeChar | llMakeDir | llMakeReg | llMakeSock | llMakeFifo | llMakeBlock | llMakeSym)
	if abi >= 2 {
		a |= llRefer
	}
	if abi >= 3 {
		a |= llTruncate
	}
	if abi >= 5 {
		a |= llIoctlDev
	}
	return a
}

// newRuleset returns a Landlock ruleset (a file descriptor) that handles
// every right the kernel knows and allows only what p allows: reading the
// trees p.read, everything in the trees p.write, reading and writing
// /dev/null; no TCP (ABI 4), no abstract UNIX socket or signal out of the
// domain (ABI 6).
func newRuleset(p policy) (int, error) {
	abi, err := landlockABI()
	if err != nil {
		return -1, err
	}
	all := fsAccess(abi)
	attr := rulesetAttr{fs: all}
	size := unsafe.Sizeof(attr.fs)
	if abi >= 4 {
		attr.net = llBindTCP | llConnectTCP
		size += unsafe.Sizeof(attr.net)
	}
	if abi >= 6 {
		attr.scoped = llScopeAbstractUnix | llScopeSignal
		size += unsafe.Sizeof(attr.scoped)
	}
	fd, _, e := syscall.Syscall(sysLandlockCreateRuleset, uintptr(unsafe.Pointer(&attr)), size, 0)
	runtime.KeepAlive(&attr)
	if e != 0 {
		return -1, fmt.Errorf("creating the Landlock ruleset: %v", e)
	}
	rules := []struct {
		path   string
		access uint64
	}{{os.DevNull, llReadFile | llWriteFile}}
	for _, d := range p.read {
		rules = append(rules, struct {
			path   string
			access uint64
		}{d, llReadFile | llReadDir})
	}
	for _, d := range p.write {
		rules = append(rules, struct {
			path   string
			access uint64
		}{d, all})
	}
	for _, r := range rules {
		if err := addRule(int(fd), r.path, r.access); err != nil {
			syscall.Close(int(fd))
			return -1, err
		}
	}
	return int(fd), nil
}

// addRule allows access beneath path (the file itself for a file).
func addRule(ruleset int, path string, access uint64) error {
	f, err := syscall.Open(path, oPath|syscall.O_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("Landlock rule for %s: %v", path, err)
	}
	defer syscall.Close(f)
	var st syscall.Stat_t
	if err := syscall.Fstat(f, &st); err != nil {
		return fmt.Errorf("Landlock rule for %s: %v", path, err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
		access &= llExecute | llWriteFile | llReadFile | llTruncate | llIoctlDev
	}
	attr := pathBeneathAttr{allowed: access, parent: int32(f)}
	_, _, e := syscall.Syscall6(sysLandlockAddRule, uintptr(ruleset), landlockRulePathBeneath, uintptr(unsafe.Pointer(&attr)), 0, 0, 0)
	runtime.KeepAlive(&attr)
	if e != 0 {
		return fmt.Errorf("Landlock rule for %s: %v", path, e)
	}
	return nil
}

// restrictThread confines the calling thread, which must be locked
// (runtime.LockOSThread) and must end with its goroutine: it sets
// no_new_privs, installs the socket filter (see filterSyscalls) and enforces
// the Landlock ruleset. All three are attributes of the thread, inherited
// by the processes it starts and kept across execve; the renderer's other
// threads stay as they were.
func restrictThread(ruleset int) error {
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRCTL, prSetNoNewPrivs, 1, 0, 0, 0, 0); e != 0 {
		return fmt.Errorf("prctl(PR_SET_NO_NEW_PRIVS): %v", e)
	}
	if err := filterSyscalls(); err != nil {
		return err
	}
	if _, _, e := syscall.RawSyscall(sysLandlockRestrictSelf, uintptr(ruleset), 0, 0); e != 0 {
		return fmt.Errorf("landlock_restrict_self: %v", e)
	}
	return nil
}

// The seccomp constants of linux/seccomp.h and linux/filter.h.
const (
	prSetSeccomp      = 22
	seccompModeFilter = 2
	seccompRetAllow   = 0x7fff0000
	seccompRetErrno   = 0x00050000

	bpfLdAbsW = 0x20 // BPF_LD | BPF_W | BPF_ABS
	bpfJeqK   = 0x15 // BPF_JMP | BPF_JEQ | BPF_K
	bpfJgeK   = 0x35 // BPF_JMP | BPF_JGE | BPF_K
	bpfRetK   = 0x06 // BPF_RET | BPF_K

)

type sockFilter struct {
	code   uint16
	jt, jf uint8
	k      uint32
}

type sockFprog struct {
	len    uint16
	filter *sockFilter
}

// filterSyscalls installs on the calling thread a seccomp filter under which
// the system calls of deniedSyscalls fail with EACCES, as does every
// system call of another architecture's ABI (x32 on amd64). A notebook
// program needs none of them: the filter closes sockets (UNIX sockets with
// a path name are confined by neither Landlock nor a network namespace),
// io_uring (which could reach them past the filter) and the changes of a
// file's mode, owner, times and extended attributes (which Landlock does
// not confine). On an architecture without a list it does nothing.
func filterSyscalls() error {
	if len(deniedSyscalls) == 0 {
		return nil
	}
	deny := uint32(seccompRetErrno | uint32(syscall.EACCES))
	n := len(deniedSyscalls)
	d := 4 + n + 1 // the index of the final deny
	prog := []sockFilter{
		{bpfLdAbsW, 0, 0, 4},                   // arch
		{bpfJeqK, 0, uint8(d - 2), auditArch},  // another ABI: deny
		{bpfLdAbsW, 0, 0, 0},                   // number
		{bpfJgeK, uint8(d - 4), 0, 0x40000000}, // x32: deny
	}
	for i, nr := range deniedSyscalls {
		prog = append(prog, sockFilter{bpfJeqK, uint8(d - (4 + i + 1)), 0, nr})
	}
	prog = append(prog, sockFilter{bpfRetK, 0, 0, seccompRetAllow}, sockFilter{bpfRetK, 0, 0, deny})
	fp := sockFprog{len: uint16(len(prog)), filter: &prog[0]}
	_, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetSeccomp, seccompModeFilter, uintptr(unsafe.Pointer(&fp)))
	runtime.KeepAlive(prog)
	if e != 0 {
		return fmt.Errorf("seccomp filter: %v", e)
	}
	return nil
}
