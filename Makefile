# nexus: the dependency graph of the compendium, datasets -> analysis -> figures.
#
#   make            build every output under figures/ (the default)
#   make test       go vet, go test ./..., and make verify
#   make help       list every target
#
# Prerequisites: Go 1.26 and GNU make 4.3 or later (grouped targets &:).

SHELL   := /bin/bash
GO      ?= go
# The compendium's dataset is named in one place, the file DATASET (read
# by nexus too, for the defaults of its commands); make DATASET=DIR builds
# from another version.
DATASET ?= $(file < DATASET)
FIGURES ?= figures
NEXUS   := bin/nexus
# make UNCONFINED=1 renders the notebooks even where the system cannot
# confine their programs (no Landlock or user namespaces), with all your
# rights; each such notebook and the MANIFEST say so. Without it such a
# render fails. See "Trust model" in docs/researcher.md.
UNCONFINED ?=

# No TZ, LC_ALL or GOMAXPROCS is set here: outputs do not depend on them,
# and TestBuildIsDeterministic proves it by running this Makefile under
# different values (which an export here would hide).

# bin/dataset holds the DATASET of the last make. Its rule runs every time
# but rewrites the file only when DATASET changed, and every output depends
# on it, so switching the dataset rebuilds every table, figure, notebook and
# the MANIFEST, and nothing else does.
DATASET_STAMP := bin/dataset

GOSRC := $(shell find analysis cmd -name '*.go' ! -name '*_test.go' 2>/dev/null) go.mod go.sum
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.md))
NOTEBOOK_OUT := $(patsubst notebooks/%.md,$(FIGURES)/notebooks/%.md,$(NOTEBOOKS))
# One render writes a notebook's .md, .html and .ipynb (and its figures).
NOTEBOOK_IPYNB := $(NOTEBOOK_OUT:.md=.ipynb)

.DEFAULT_GOAL := all
# No .DELETE_ON_ERROR: nexus writes every output atomically (a temporary
# file renamed into place, each table or figure published whole), so a
# failed or interrupted recipe leaves the committed files as they were,
# and make must not delete them either.
.PHONY: all help test vet gotest verify validate quotes clean bench bench-all outputs notebooks formats FORCE

all: $(FIGURES)/MANIFEST ## build every table, figure and notebook under figures/, the front door index.html and the MANIFEST

help: ## list every target with one line each
	@grep -hE '^[a-zA-Z0-9_.-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

# The stamp's recipe runs first in every make, one with nothing to rebuild
# included, so it also removes what killed nexus runs left under figures/
# (nexus tidy): hidden scratch directories and temporary files, which
# .gitignore hides meanwhile.
$(DATASET_STAMP): FORCE | $(NEXUS)
	@$(NEXUS) tidy $(FIGURES)
	@mkdir -p $(@D) && test "$$(cat $@ 2>/dev/null)" = '$(DATASET)' || { printf '%s\n' '$(DATASET)' > $@.tmp-$$$$ && mv -f $@.tmp-$$$$ $@; }

FORCE:

# CGO_ENABLED=0 and -trimpath are the flags nexus builds notebook programs
# with, so the packages compiled for bin/nexus serve those builds from the
# Go build cache (a cgo build would compile net, os/user and what imports
# them again) and no C compiler runs; -w leaves out the DWARF tables, which
# only a debugger reads, so linking is faster. go run -exec cp rather than
# go build: go run keeps the executables it links in the Go build cache,
# and -exec cp hands this one to cp instead of running it, so a checkout
# whose sources were built before (a fresh clone, a copy) copies bin/nexus
# rather than linking it again (see build.GoBuildArgs).
$(NEXUS): $(GOSRC) ## build the nexus command
	mkdir -p $(@D) && CGO_ENABLED=0 $(GO) run -exec cp -trimpath -ldflags=-w ./cmd/nexus $@.tmp-$$$$ && mv -f $@.tmp-$$$$ $@ || { rm -f $@.tmp-$$$$; exit 1; }

# outputs.mk holds one rule per table and figure, generated from the
# outputs that the study of DATASET registers (the study is chosen by the
# data package's name), so the two can never disagree; switching DATASET
# to another study's package regenerates it.
# Its temporary file is in bin/, which git ignores, so a killed make leaves
# nothing git shows.
outputs.mk: $(NEXUS) $(DATASET_STAMP)
	$(NEXUS) build -dataset $(DATASET) -makefile > bin/outputs.mk.tmp-$$$$ && mv -f bin/outputs.mk.tmp-$$$$ $@ || { rm -f bin/outputs.mk.tmp-$$$$; exit 1; }
include outputs.mk

# Make deletes the target of a recipe it interrupts (Ctrl-C) when the file
# changed meanwhile; nexus only ever renames complete files into place, so
# such a file is whole and must stay.
# notebooks.mk makes each notebook's files depend on the Go files its run
# and rendering compile (nexus render -makefile), so that editing a study's
# package renders again only the notebooks that compile it; the rule
# below needs bin/nexus only to exist. notebooks.mk names the files this
# platform compiles, so it is not committed (.gitignore): make writes it.
notebooks.mk: $(NEXUS) $(NOTEBOOKS)
	$(NEXUS) render -makefile -out '$$(FIGURES)/notebooks' $(NOTEBOOKS) > $@.tmp-$$$$ && mv -f $@.tmp-$$$$ $@ || { rm -f $@.tmp-$$$$; exit 1; }
include notebooks.mk

.PRECIOUS: $(OUTPUT_FILES) $(FIGURES)/notebooks/%.md $(FIGURES)/notebooks/%.html $(FIGURES)/notebooks/%.ipynb $(FIGURES)/claims.csv $(FIGURES)/index.html $(FIGURES)/MANIFEST $(NEXUS)

$(OUTPUT_FILES): $(DATASET_STAMP)

outputs: $(OUTPUT_FILES) ## build the tables and figures only

notebooks: $(NOTEBOOK_OUT) $(NOTEBOOK_IPYNB) $(FIGURES)/claims.csv ## render the notebooks to figures/notebooks/ and list their claims

# A notebook whose front matter names no dataset is rendered from DATASET.
$(FIGURES)/notebooks/%.md $(FIGURES)/notebooks/%.html $(FIGURES)/notebooks/%.ipynb: notebooks/%.md $(wildcard $(DATASET)/*) $(DATASET_STAMP) | $(NEXUS)
	$(NEXUS) render -dataset $(DATASET)$(if $(UNCONFINED), -unconfined) -out $(FIGURES)/notebooks $<

# The notebooks as PDF (pandoc, pdflatex) and DOCX, for reading and review;
# not outputs of the compendium (no MANIFEST, no verify), so they go to
# bin/formats (ignored by git). notebooks/pandoc/convert holds the pandoc
# call, shared with the test of the conversion (TestFormatsRepository).
FORMATS ?= bin/formats
formats: $(NOTEBOOK_OUT) ## convert every rendered notebook to PDF and DOCX in bin/formats (pandoc, TeX Live, rsvg-convert)
	notebooks/pandoc/convert $(FORMATS) $(NOTEBOOK_OUT)

# Every claim of the notebooks that held (cell.Claim); the notebooks' runs
# are cached by now, so this runs nothing.
$(FIGURES)/claims.csv: $(NOTEBOOK_OUT)
	$(NEXUS) claims -dataset $(DATASET) -out $@ $(NOTEBOOKS)

# The reviewer's front door: every output with its files, checksums and
# trace, the claims, the quote check, the notebooks (nexus index). It is
# built after them and before the MANIFEST, which lists it.
$(FIGURES)/index.html: $(NEXUS) $(OUTPUT_FILES) $(NOTEBOOK_OUT) $(NOTEBOOK_IPYNB) $(FIGURES)/claims.csv $(wildcard $(DATASET)/*) $(DATASET_STAMP)
	$(NEXUS) index -dataset $(DATASET) -out $(FIGURES)

# The manifest step refuses a file under figures/ that nexus does not make
# or whose bytes differ from what it makes (nexus manifest), so such a file
# fails make, not only make verify. Every file there is a prerequisite, so
# one added or changed after the last MANIFEST makes it run again; hidden
# files and directories (writes in progress) are left out, and the empty
# rule lets a file that is gone by the time make looks at it be.
STRAY := $(filter-out $(OUTPUT_FILES) $(NOTEBOOK_OUT) $(NOTEBOOK_OUT:.md=.html) $(NOTEBOOK_IPYNB) $(FIGURES)/claims.csv $(FIGURES)/index.html,$(shell find $(FIGURES) -name '.*' -prune -o -type f ! -name MANIFEST -print 2>/dev/null))
$(STRAY):
$(FIGURES)/MANIFEST: $(OUTPUT_FILES) $(NOTEBOOK_OUT) $(NOTEBOOK_IPYNB) $(FIGURES)/claims.csv $(FIGURES)/index.html $(STRAY) $(wildcard $(DATASET)/*) $(DATASET_STAMP)
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

# A clone without the paper's text (a fork) runs make test with
# NEXUS_WITHOUT_PAPER=1: the checks that read the paper are skipped, each
# printing a line "not run: TEST: reason" (internal/testenv.Paper), which go
# test shows only for failing packages; the second, cached, go test -json
# collects them.
# go test's default limit of 10 minutes per package is too short for the
# packages that run make and every notebook in copies of the repository on
# a loaded 2-core machine (analysis/compendium hit it under a load average
# of 30); a hung test still ends.
GOTEST_TIMEOUT ?= 30m
gotest:
	$(GO) test -timeout $(GOTEST_TIMEOUT) ./...
	@if [ -n "$$NEXUS_WITHOUT_PAPER" ]; then $(GO) test -timeout $(GOTEST_TIMEOUT) -json ./... | sed -n 's/^.*"Output":"\(not run: .*\)\\n".*$$/\1/p' | sort -u; fi

test: vet gotest verify ## go vet, go test ./... and make verify

# The benchmarks the README's table cites, as package:regexp:iterations;
# make bench prints one line per benchmark (time per iteration, memory
# allocated) under a line naming the machine.
BENCH_README := './analysis/graph/network:^BenchmarkCompute5k$$:5' \
                './analysis/graph/network:^BenchmarkCompute50k$$:1'
bench: ## run the benchmarks the README cites and print their figures (a few minutes)
	@printf 'machine: %s cores, %s, %s, load average %s\n' "$$(getconf _NPROCESSORS_ONLN)" \
	  "$$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)" "$$($(GO) env GOVERSION)" "$$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)"
	@set -o pipefail; for b in $(BENCH_README); do \
	  IFS=: read -r pkg re n <<< "$$b"; \
	  $(GO) test -run '^$$' -bench "$$re" -benchtime "$${n}x" -benchmem "$$pkg" || exit 1; \
	done | awk '/^Benchmark/ { printf "%-32s %8.2f s %8.1f MB allocated\n", $$1, $$3/1e9, $$5/1e6 }'

bench-all: ## run every benchmark of the repository (several minutes)
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean: ## remove the built command, the notebook cache and every generated output (make rebuilds them)
	rm -rf bin .nexus-cache notebooks.mk
	find $(FIGURES) -mindepth 1 -delete
