//go:build tools

// This file pins modules that the project needs before any code imports
// them, so that helpers working in parallel never edit go.mod. It is never
// compiled into the binary.
package cli

import (
	_ "github.com/go-gota/gota/dataframe"
	_ "github.com/stretchr/testify/assert"
	_ "github.com/yuin/goldmark"
	_ "golang.org/x/net/html"
	_ "gonum.org/v1/gonum/graph"
	_ "gonum.org/v1/plot"
	_ "gopkg.in/yaml.v3"
)
