// Package frictionless holds the project's second, independent reader of
// its data packages: read.js reads a package with the Frictionless JS
// library (datapackage-js, an npm package pinned in package.json and
// package-lock.json) and prints the number of rows of each resource. Its
// test compares them with what package datapkg reads. Install the
// library with `npm ci --prefix internal/frictionless` (.ci/run does).
package frictionless
