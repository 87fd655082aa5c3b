package refi

import (
	"crypto/sha1"
	"fmt"
)

// namespace is the RFC 4122 URL namespace; names are
// "nexus:qda:<project>:<kind>:<id>".
var namespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// GUID returns the name-based (version 5) UUID of an object of a kind
// ("code", "source", "case", "user", "selection", "coding", "variable")
// with the given id in a project, formatted as the REFI-QDA GUIDType
// pattern (lower-case hexadecimal, 8-4-4-4-12). The same arguments always
// give the same GUID.
func GUID(project, kind, id string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte("nexus:qda:" + project + ":" + kind + ":" + id))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
