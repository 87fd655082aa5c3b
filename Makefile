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

# No TZ, LC_ALL or GOMAXPROCS is set here: outputs do not depend on them,
# and TestBuildIsDeterministic proves it by running this Makefile under
# different values (which an export here would hide).

GOSRC := $(shell find analysis cmd -name '*.go' ! -name '*_test.go' 2>/dev/null) go.mod go.sum
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.md))
NOTEBOOK_OUT := $(patsubst notebooks/%.md,$(FIGURES)/notebooks/%.md,$(NOTEBOOKS))

.DEFAULT_GOAL := all
# No .DELETE_ON_ERROR: nexus writes every output atomically (a temporary
# file renamed into place, each table or figure published whole), so a
# failed or interrupted recipe leaves the committed files as they were,
# and make must not delete them either.
.PHONY: all help test vet gotest verify validate quotes clean bench outputs notebooks

all: $(FIGURES)/MANIFEST ## build every table, figure and notebook under figures/, and the MANIFEST

help: ## list every target with one line each
	@grep -hE '^[a-zA-Z0-9_.-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(NEXUS): $(GOSRC) ## build the nexus command
	$(GO) build -trimpath -o $@.tmp-$$$$ ./cmd/nexus && mv -f $@.tmp-$$$$ $@ || { rm -f $@.tmp-$$$$; exit 1; }

# outputs.mk holds one rule per table and figure, generated from the output
# registry of analysis/paper so the two can never disagree.
outputs.mk: $(NEXUS)
	$(NEXUS) build -dataset $(DATASET) -makefile > $@.tmp-$$$$ && mv -f $@.tmp-$$$$ $@ || { rm -f $@.tmp-$$$$; exit 1; }
include outputs.mk

# Make deletes the target of a recipe it interrupts (Ctrl-C) when the file
# changed meanwhile; nexus only ever renames complete files into place, so
# such a file is whole and must stay.
.PRECIOUS: $(OUTPUT_FILES) $(FIGURES)/notebooks/%.md $(FIGURES)/notebooks/%.html $(FIGURES)/MANIFEST $(NEXUS)

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
