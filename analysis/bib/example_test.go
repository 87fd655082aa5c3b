package bib_test

import (
	"os"

	"nexus/analysis/bib"
)

func Example() {
	refs := []bib.Entry{{
		Key: "akhtar-ahmed2023", Kind: "journal-article",
		Authors: []bib.Name{{Family: "Akhtar", Given: "S."}, {Family: "Ahmed", Given: "Z. S."}},
		Year:    2023, Title: "Understanding the resurgence of the Tehrik-e-Taliban Pakistan",
		Container: "Dynamics of Asymmetric Conflict", Volume: "16", Issue: "3", Pages: "285–306",
		DOI: "10.1080/17467586.2023.2280924",
	}}
	bib.WriteBibTeX(os.Stdout, refs)
	// Output:
	// @article{akhtar-ahmed2023,
	//   author = {Akhtar, S. and Ahmed, Z. S.},
	//   title = {{Understanding the resurgence of the Tehrik-e-Taliban Pakistan}},
	//   journal = {Dynamics of Asymmetric Conflict},
	//   year = {2023},
	//   volume = {16},
	//   number = {3},
	//   pages = {285--306},
	//   doi = {10.1080/17467586.2023.2280924},
	// }
}

func ExampleWriteCSLJSON() {
	bib.WriteCSLJSON(os.Stdout, []bib.Entry{{
		Key: "jamestown2018", Kind: "report", Authors: []bib.Name{{Literal: "Jamestown Foundation"}},
		Year: 2018, Title: "Islamic State emboldened in Afghanistan",
		URL: "https://jamestown.org/program/islamic-state-emboldened-in-afghanistan",
	}})
	// Output:
	// [
	//   {
	//     "id": "jamestown2018",
	//     "citation-key": "jamestown2018",
	//     "type": "report",
	//     "author": [
	//       {
	//         "literal": "Jamestown Foundation"
	//       }
	//     ],
	//     "title": "Islamic State emboldened in Afghanistan",
	//     "issued": {
	//       "date-parts": [
	//         [
	//           2018
	//         ]
	//       ]
	//     },
	//     "URL": "https://jamestown.org/program/islamic-state-emboldened-in-afghanistan"
	//   }
	// ]
}
