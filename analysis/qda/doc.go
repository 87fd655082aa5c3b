// Package qda holds qualitative coding data and the analyses that QDA
// programs (NVivo, ATLAS.ti, MAXQDA, QualCoder) compute interactively:
// code frequencies, cross-tabulations by case attribute, code
// co-occurrence with ATLAS.ti's c-coefficient, and intercoder agreement
// (through package agree).
//
// A Project is a codebook, plain-text sources, cases with typed
// attributes, coders and coded segments. Segment positions count Unicode
// code points from 0, as REFI-QDA does, over the half-open span
// [Start, End): a segment covering the first five code points has Start 0
// and End 5, which is how REFI-QDA exports write startPosition and
// endPosition.
//
// A Project is stored as a Frictionless data package: codes.csv,
// sources.csv (with the texts in sources/*.txt or inline), cases.csv,
// coders.csv and segments.csv, described by a datapackage.json that Write
// generates (see Descriptor). Package refi converts between such packages
// and REFI-QDA .qdc codebooks and .qdpx projects.
//
// The analyses are functions over plain slices in the style of gonum/stat:
// they take segments and code ids and return plain data (labels and
// matrices) that callers render as tables or figures. They are
// deterministic: no result depends on map order or GOMAXPROCS.
//
// CheckAnonymity guards resources that a datapackage.json marks as
// respondent data ("nexus:respondentData": true) against e-mail addresses,
// phone numbers and name columns, unless the resource records an explicit
// override with a reason ("nexus:anonymityOverride": {"reason": "..."}).
//
// The command line wraps these functions:
//
//	nexus qda frequencies DIR [--crosstab ATTRIBUTE] [--count segments|cases]
//	nexus qda agreement DIR [--coders a,b] [--unit documents|characters]
//	nexus qda cooccurrence DIR [--by segments|cases] [--coder ID]
//	nexus qda import FILE.qdpx|FILE.qdc --out DIR
//	nexus qda export DIR --out FILE.qdc|FILE.qdpx
//
// Until package datapkg provides the Frictionless reader, DirTables reads
// the CSV files with encoding/csv behind the Tables interface.
package qda
