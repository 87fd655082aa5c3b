//go:build linux

package notebook

import "syscall"

// auditArch is AUDIT_ARCH_X86_64.
const auditArch = 0xc000003e

// deniedSyscalls are the system calls a notebook program may not make
// (see filterSyscalls); 425, 452, 463 and 466 are io_uring_setup,
// fchmodat2, setxattrat and removexattrat, newer than package syscall.
var deniedSyscalls = []uint32{
	syscall.SYS_SOCKET, 425,
	syscall.SYS_CHMOD, syscall.SYS_FCHMOD, syscall.SYS_FCHMODAT, 452,
	syscall.SYS_CHOWN, syscall.SYS_FCHOWN, syscall.SYS_LCHOWN, syscall.SYS_FCHOWNAT,
	syscall.SYS_UTIME, syscall.SYS_UTIMES, syscall.SYS_FUTIMESAT, syscall.SYS_UTIMENSAT,
	syscall.SYS_SETXATTR, syscall.SYS_LSETXATTR, syscall.SYS_FSETXATTR, 463,
	syscall.SYS_REMOVEXATTR, syscall.SYS_LREMOVEXATTR, syscall.SYS_FREMOVEXATTR, 466,
}
