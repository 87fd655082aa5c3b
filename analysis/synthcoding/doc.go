// Package synthcoding is the study of the synthetic coding package
// datasets/examples/synthetic-coding: invented interview transcripts
// coded by two coders, which exercise the coding toolkit (package qda)
// without any respondent's words. It registers itself with the engine
// (package compendium) under the package name "synthetic-coding", so
// that `nexus build -dataset datasets/examples/synthetic-coding/v1.1.0`
// builds its outputs and every other command knows the package:
//
//	T1 Frequencies   segments and cases per code
//	F1 Cooccurrence  codes that overlap within a segment, as a matrix
//
// Its outputs are written under the synthetic label, as every output of
// invented data is (qda.Project.Synthetic).
package synthcoding
