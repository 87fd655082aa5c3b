package encoding_test

import (
	"fmt"

	"github.com/nexus-toolkit/nexus/analysis/graph/encoding"
)

func ExampleIndex() {
	keys := []encoding.Key{{Name: encoding.NameKey, Type: "string"}, {Name: encoding.WeightKey, Type: "double"}}
	fmt.Println(encoding.Index(keys, encoding.WeightKey), encoding.Index(keys, "colour"))
	// Output:
	// 1 -1
}
