package bib_test

import (
	"fmt"
	"os"

	"github.com/nexus-toolkit/nexus/analysis/bib"
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
	//     "title": "<span class=\"nocase\">Islamic State emboldened in Afghanistan</span>",
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

// ExampleLoad reads the dataset's reference list through datapkg (the
// package is validated first) and prints the first entries' author–year
// labels, as the paper's tables print them.
func ExampleLoad() {
	entries, err := bib.Load("../../datasets/ttp-alliances/v1.0.0")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range entries[:3] {
		fmt.Println(e.Key, "→", bib.AuthorYear(e))
	}
	// Output:
	// abbas2014 → Abbas 2014
	// akhtar-ahmed2023 → Akhtar & Ahmed 2023
	// allan2020 → Allan et al. 2020
}

// ExampleSort cites two works of one author and year: the list sorts them
// by title and tells them apart with suffixes.
func ExampleSort() {
	items := []*bib.Item{
		{Entry: bib.Entry{Key: "bacon2018b", Surnames: []string{"Bacon"}, Year: 2018, Title: "Second"}},
		{Entry: bib.Entry{Key: "bacon2018a", Surnames: []string{"Bacon"}, Year: 2018, Title: "First"}},
		{Entry: bib.Entry{Key: "akhtar-ahmed2023", Surnames: []string{"Akhtar", "Ahmed"}, Year: 2023}},
	}
	bib.Sort(items)
	for _, it := range items {
		fmt.Printf("(%s, %s) or %s (%s)\n", bib.Names(it.Entry), it.CitedYear(), bib.NarrativeNames(it.Entry), it.CitedYear())
	}
	// Output:
	// (Akhtar & Ahmed, 2023) or Akhtar and Ahmed (2023)
	// (Bacon, 2018a) or Bacon (2018a)
	// (Bacon, 2018b) or Bacon (2018b)
}

// ExampleItem_Format prints an entry of a reference list as plain text;
// a renderer (the notebooks' Markdown) escapes each span and marks the
// italics and the link.
func ExampleItem_Format() {
	it := &bib.Item{Entry: bib.FromPrinted(bib.Entry{
		Key: "akhtar-ahmed2023", AuthorsAsPrinted: "Akhtar, S., & Ahmed, Z. S.", Surnames: []string{"Akhtar", "Ahmed"},
		Year: 2023, DateAsPrinted: "2023", Title: "Understanding the resurgence of the Tehrik-e-Taliban Pakistan",
		Container: "Dynamics of Asymmetric Conflict", Volume: "16", Issue: "3", Pages: "285–306",
		DOI: "10.1080/17467586.2023.2280924",
	})}
	for _, s := range it.Format() {
		switch {
		case s.Italic:
			fmt.Print("_" + s.Text + "_")
		case s.Link != "":
			fmt.Print("<" + s.Link + ">")
		default:
			fmt.Print(s.Text)
		}
	}
	fmt.Println()
	// Output:
	// Akhtar, S., & Ahmed, Z. S. (2023). Understanding the resurgence of the Tehrik-e-Taliban Pakistan. _Dynamics of Asymmetric Conflict_, _16_(3), 285–306. <https://doi.org/10.1080/17467586.2023.2280924>
}

// A document typeset with biblatex-apa puts BiblatexAPASourcemap after
// loading biblatex, so that the news items of a WriteBibTeX database
// print their full date and no "[newspaper]".
func ExampleBiblatexAPASourcemap() {
	fmt.Println(`\usepackage[style=apa]{biblatex}`)
	fmt.Println(bib.BiblatexAPASourcemap)
	fmt.Println(`\addbibresource{references.bib}`)
	// Output:
	// \usepackage[style=apa]{biblatex}
	// \DeclareSourcemap{\maps[datatype=bibtex]{\map{\step[fieldsource=entrysubtype, match=newspaper, replace=nonacademic]}}}
	// \addbibresource{references.bib}
}
