package qda_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/nexus-toolkit/nexus/analysis/qda"
)

// Validate reports the rules of the schema and the anonymity guard in one
// list, each problem at its file, line and character column ("Zoë" takes
// four bytes); the e-mail address found is not repeated.
func ExampleValidate() {
	dir, _ := os.MkdirTemp("", "validate")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(`{"name": "x", "resources": [{"name": "cases", "path": "cases.csv",
 "nexus:respondentData": true, "schema": {"fields": [{"name": "id"}, {"name": "age", "type": "integer"}, {"name": "note"}]}}]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("id,age,note\nZoë,thirty,zoe@example.org\n"), 0o644)
	_, problems, err := qda.Validate(dir)
	if err != nil {
		fmt.Println(err)
	}
	for _, p := range problems {
		fmt.Println(strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	// Output:
	// cases.csv:2:5: field "age": value "thirty": wrong type: want an integer
	// cases.csv:2:12: field "note": looks like an e-mail address in respondent data
}
