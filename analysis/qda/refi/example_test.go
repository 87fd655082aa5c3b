package refi_test

import (
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/qda"
	"github.com/nexus-toolkit/nexus/analysis/qda/refi"
)

// GUIDs are derived from the project, the kind of object and its id, so
// exports are reproducible. The value equals Python's
// uuid.uuid5(uuid.NAMESPACE_URL, "nexus:qda:ttp-alliances:code:dim-finance").
func ExampleGUID() {
	fmt.Println(refi.GUID("ttp-alliances", "code", "dim-finance"))
	fmt.Println(refi.GUID("ttp-alliances", "code", "dim-finance") == refi.GUID("ttp-alliances", "code", "dim-finance"))
	// Output:
	// 37a88c8e-6fc8-5ddf-ba58-011dcd6adb34
	// true
}

// A one-code codebook as a REFI-QDA .qdc file.
func ExampleCodebook() {
	p := &qda.Project{Name: "demo", Codes: []qda.Code{
		{ID: "cost", Name: "Cost", Codable: true, Color: "#009E73", Description: "Fees and prices."},
	}}
	refi.Codebook(os.Stdout, p)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="nexus">
	//   <Codes>
	//     <Code guid="4f0d2951-7d1e-54d9-ae4c-92c78d68fa77" name="Cost" isCodable="true" color="#009E73">
	//       <Description>Fees and prices.</Description>
	//     </Code>
	//   </Codes>
	// </CodeBook>
}
