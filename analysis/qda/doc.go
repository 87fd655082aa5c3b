// Package qda holds qualitative coding data and the analyses that QDA
// programs (NVivo, ATLAS.ti, MAXQDA, QualCoder) compute interactively:
// code frequencies, cross-tabulations by case attribute, code
// co-occurrence with ATLAS.ti's c-coefficient, intercoder agreement
// (through package agree) and the passages where two coders disagree.
//
// A Project is a codebook, plain-text sources, cases with typed
// attributes, coders, coded segments, sets and notes. Segment positions
// count Unicode code points from 0, as REFI-QDA does, over the half-open
// span [Start, End): a segment covering the first five code points has
// Start 0 and End 5, which is how REFI-QDA exports write startPosition
// and endPosition.
//
// # The coding package
//
// A Project is stored as a Frictionless data package (v2): the CSV files
// below (UTF-8, a header row, "" is missing) and a datapackage.json that
// Write generates (see Descriptor) with each file's Table Schema and
// sha256 hash. Init writes an empty one (nexus qda init DIR). Columns
// are listed in file order; ids are strings and must be unique in their
// file; "-> x.id" is a foreign key; guid columns hold a REFI-QDA GUID kept
// from an import, or are empty to derive one on export.
//
//	codes.csv      one row per code of the codebook
//	  id           string, required
//	  name         string, required
//	  parent       string -> codes.id; empty for a top-level code
//	  description  string
//	  color        string "#RRGGBB" or "#RGB"
//	  codable      boolean; false for a folder that only groups codes
//	  guid         string
//
//	sources.csv    one row per plain-text source (transcript, document)
//	  id           string, required; letters, digits and . _ - (it names the file)
//	  title        string, display name
//	  case         string -> cases.id, the case the whole source belongs to
//	  path         string, required: sources/<id>.txt, the UTF-8 text
//	  description  string
//	  guid         string
//
//	cases.csv      one row per case (respondent)
//	  id           string, required
//	  label        string, display label; never a person's name
//	  guid         string
//	  ...          one column per case attribute, typed in the schema as
//	               string, integer, number, boolean, date or datetime
//
//	coders.csv     one row per coder (REFI-QDA user)
//	  id, name, guid   strings
//
//	segments.csv   one row per application of a code to a span
//	  id           string, required
//	  source       string -> sources.id, required
//	  case         string -> cases.id, when it differs from the source's case
//	  code         string -> codes.id, required
//	  coder        string -> coders.id
//	  start, end   integer >= 0, required: [start, end) in code points
//	  selection    string, GUID grouping codings of one span
//	  guid         string
//
//	sets.csv       one row per set of codes, sources and notes
//	  id, name     string, required
//	  description  string
//	  codes        list of codes.id separated by ";"
//	  sources      list of sources.id separated by ";"
//	  notes        list of notes.id separated by ";"
//	  guid         string
//
//	notes.csv      one row per note or memo
//	  id           string, required
//	  title        string
//	  coder        string -> coders.id, who wrote it
//	  refs         list separated by ";": project, code:ID, source:ID,
//	               segment:ID or selection:GUID (see Note)
//	  text         string, the note's plain text
//	  guid         string
//
// The package-level property "nexus:synthetic": true marks invented data
// (Project.Synthetic); every CSV that the commands write from it then
// ends in a column data=synthetic. Nothing else, such as the word
// "synthetic" in a description, marks data as synthetic.
//
// Package refi converts between such packages and REFI-QDA .qdc
// codebooks and .qdpx projects, and lists on import what a package does
// not carry.
//
// Package qda is core: it knows no study. A study layer maps its own
// records to a Project; for this compendium, study.CodingProject turns
// the paper's codebook and quoted excerpts into one (one source per
// excerpt, one whole-excerpt segment per code), which the paper
// registers as its study's Coding; compendium.CodingProject opens either
// kind of package for the command line.
//
// The analyses are functions over plain slices in the style of gonum/stat:
// they take segments and code ids and return plain data (labels and
// matrices) that callers render as tables or figures. They are
// deterministic: no result depends on map order or GOMAXPROCS.
//
// CheckAnonymity guards resources that a datapackage.json marks as
// respondent data ("nexus:respondentData": true: sources, cases, segments
// and notes) against e-mail addresses, phone numbers and name columns,
// unless the resource records an explicit override with a reason
// ("nexus:anonymityOverride": {"reason": "..."}). DOIs, ISBNs, page
// ranges, dates, years and citation numbers are not phone numbers (see
// FindPersonal).
//
// The command line wraps these functions; every command but init and
// import first validates DIR as nexus validate does:
//
//	nexus qda init DIR
//	nexus qda frequencies DIR [--crosstab ATTRIBUTE] [--count segments|cases]
//	nexus qda agreement DIR [--coders a,b] [--unit documents|characters]
//	nexus qda compare DIR --coders a,b
//	nexus qda cooccurrence DIR [--by segments|cases] [--coder ID]
//	nexus qda import FILE.qdpx|FILE.qdc --out DIR
//	nexus qda export DIR --out FILE.qdc|FILE.qdpx
//
// DirTables reads a package through package datapkg, the one reader of
// data packages: its descriptor, and each table checked against its
// schema. Every problem, of datapkg, the loader or the anonymity guard, is
// a *datapkg.Problem at a file, line and character column.
package qda
