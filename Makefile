# nexus: the dependency graph of the compendium, datasets -> analysis -> figures.
#
#   make            build every output under figures/ (the default)
#   make test       go vet, go test ./..., and make verify
#   make help       list every target
#
# Prerequisites: Go 1.26 and GNU make 4.3 or later (grouped targets &:).

SHELL   := /bin/bash
GO      ?= go
DATASET ?= datasets/ttp-alliances/v1.1.0
FIGURES ?= figures
NEXUS   := bin/nexus

# Outputs must not depend on the environment; these make that explicit for
# the tools we call (nexus itself never reads them).
export TZ := UTC
export LC_ALL := C

GOSRC := $(shell find analysis cmd -name '*.go' ! -name '*_test.go' 2>/dev/null) go.mod go.sum
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.md))
NOTEBOOK_OUT := $(patsubst notebooks/%.md,$(FIGURES)/notebooks/%.md,$(NOTEBOOKS))

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.PHONY: all help test vet gotest verify validate quotes clean bench outputs notebooks

all: $(FIGURES)/MANIFEST ## build every table, figure and notebook under figures/, and the MANIFEST

help: ## list every target with one line each
	@grep -hE '^[a-zA-Z0-9_.-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(NEXUS): $(GOSRC) ## build the nexus command
	$(GO) build -trimpath -o $@ ./cmd/nexus

# outputs.mk holds one rule per table and figure, generated from the output
# registry of analysis/paper so the two can never disagree.
outputs.mk: $(NEXUS)
	$(NEXUS) build -dataset $(DATASET) -out $(FIGURES) -makefile > $@.tmp && mv $@.tmp $@
include outputs.mk

outputs: $(OUTPUT_FILES) ## build the tables and figures only

notebooks: $(NOTEBOOK_OUT) ## render the notebooks to figures/notebooks/

$(FIGURES)/notebooks/%.md $(FIGURES)/notebooks/%.html: notebooks/%.md $(NEXUS) $(wildcard $(DATASET)/*)
	$(NEXUS) render -out $(FIGURES)/notebooks $<

$(FIGURES)/MANIFEST: $(OUTPUT_FILES) $(NOTEBOOK_OUT) $(wildcard $(DATASET)/*)
	$(NEXUS) manifest -dataset $(DATASET) -out $(FIGURES)

validate: $(NEXUS) ## validate every dataset version under datasets/
	$(NEXUS) validate $(sort $(dir $(wildcard datasets/*/v*/datapackage.json datasets/*/*/v*/datapackage.json)))

verify: $(NEXUS) ## regenerate everything in a temporary directory and compare with figures/ byte for byte
	$(NEXUS) verify -dataset $(DATASET) -figures $(FIGURES) $(NOTEBOOKS)

quotes: $(NEXUS) ## check every quote of the dataset against your copy of the paper: make quotes PAPER=paper.txt
	@test -n "$(PAPER)" || { echo 'make quotes: give your plain-text copy of the paper, e.g. make quotes PAPER=paper.txt (pdftotext -layout paper.pdf paper.txt makes one)' >&2; exit 2; }
	$(NEXUS) quotes -paper "$(PAPER)" $(DATASET)

vet:
	$(GO) vet ./...

gotest:
	$(GO) test ./...

test: vet gotest verify ## go vet, go test ./... and make verify

bench: ## run the benchmarks (several minutes)
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean: ## remove the built command, the notebook cache and every generated output (make rebuilds them)
	rm -rf bin .nexus-cache
	find $(FIGURES) -mindepth 1 -delete
