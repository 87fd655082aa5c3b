// Package a11y holds the accessibility check of the compendiums' front
// doors (figures/index.html): its test injects axe-core (from npm,
// installed here by `npm ci --prefix internal/a11y`) into a test copy of
// each page, runs it in headless Chromium and fails on every serious or
// critical violation. The pages themselves have no JavaScript.
package a11y
