#!/usr/bin/env python3
"""Prepare the jjatt-bali-2002 data package from the COREnets snapshot.

The two published CSV files are copied byte for byte; every other resource
(codebooks, periods, slips, references) is written here from the COREnets
documentation (description.txt, bali_bombings_2002.R, refs.bib) and from
checks of the two files. Nothing in the published files is changed.
"""
import csv, io, json, os, re, shutil, sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "src")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "jjatt-bali-2002", "v1.0.0")
COMMIT = "d9afbce75a5ca038e8509fe934df2cebba726e35"
NODES, RELS = "Bali1_Nodes_Public_Version2.csv", "Bali1_Relations_Public_Version2.csv"
PERIODS = ["1985_1989", "1990_1994", "1995_1999", "2000", "2001", "2002", "2003", "2004", "2005", "2006", "2007"]

os.makedirs(OUT, exist_ok=True)
for f in (NODES, RELS):
    shutil.copyfile(os.path.join(SRC, f), os.path.join(OUT, f))

def read(f):
    with open(os.path.join(SRC, f), newline="") as fh:
        return list(csv.DictReader(fh))

N, R = read(NODES), read(RELS)

def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

write("periods.csv", ["column", "start", "end", "position"],
      [[p, p[:4], p[-4:], i + 1] for i, p in enumerate(PERIODS)])

R_FILE = "inst/datasets/bali_bombings_2002/bali_bombings_2002.R"
write("tie_codes.csv", ["code", "label", "definition", "source"], [
    [0, "No relationship known", "", R_FILE],
    [1, "Acquaintances/Distant familiy ties", "Acquaintances/Distant family ties (interactions limited to radical organization activities)", R_FILE],
    [2, "Friends/Moderately close family ties", "Friends/Moderately close family ties (interactions extend beyond radical organizations to include such categories as co-workers and roommates). Operational/Organizational leadership (i.e. JI leadership, formally or informally \u201cranking\u201d members of burgeoning cells). Operational Ties (i.e. worked closely on a bombing together).", R_FILE],
    [3, "Close Friends/Family", "Close Friends/Family, Tight-knit operational cliques (would die for each other", R_FILE],
])
write("kinship_codes.csv", ["code", "label", "source"], [[i, l, R_FILE] for i, l in enumerate(
    ["no kinship", "in-laws", "cousins", "sibling", "parent/child", "married", "grandparent/child", "significant other (not married)"])])
write("status_codes.csv", ["code", "label", "source"], [[i, l, R_FILE] for i, l in enumerate(["dead", "in custody", "free", "released"])])

# --- slips: where the source disagrees with itself -------------------------
slips = []
def slip(kind, resource, line, field, as_printed, other_line, other_as_printed, note):
    slips.append([f"s{len(slips)+1:02d}", kind, resource, line, field, as_printed, other_line, other_as_printed, note])

line = {}
for i, r in enumerate(R):
    line[(r["ID"], r["Tie_ID"])] = (i + 2, r)
for (a, b), (ln, r) in sorted(line.items(), key=lambda kv: kv[1][0]):
    if int(a) > int(b):
        continue
    ln2, s = line[(b, a)]
    for f in ["Tie_Year", "Tie_Extinguish", "Kinship"] + PERIODS:
        if r[f] != s[f]:
            what = "start year" if f == "Tie_Year" else f"code in period {f}"
            slip("asymmetric-tie", "relations", ln, f, r[f], ln2, s[f],
                 f"The tie {a}\u2013{b} is listed in both directions with a different {what}: {r[f] or 'empty'} for {a}\u2192{b}, {s[f] or 'empty'} for {b}\u2192{a}.")
span = {p: (int(p[:4]), int(p[-4:])) for p in PERIODS}
for (a, b), (ln, r) in sorted(line.items(), key=lambda kv: kv[1][0]):
    coded = [p for p in PERIODS if r[p] != ""]
    m = re.fullmatch(r"(\d{4})-(\d{4})", r["Tie_Year"])
    if m and int(m.group(2)) >= 1985 and span[coded[0]][0] > int(m.group(2)):
        slip("start-not-coded", "relations", ln, "Tie_Year", r["Tie_Year"], "", "",
             f"The tie {a}\u2192{b} starts in {r['Tie_Year']}, but its first coded period is {coded[0]}; period {PERIODS[PERIODS.index(coded[0])-1]} is empty.")
    ext = r["Tie_Extinguish"]
    if re.fullmatch(r"\d{4}", ext) and int(ext) == 2007 and r["2007"] == "":
        slip("end-not-coded", "relations", ln, "Tie_Extinguish", ext, "", "",
             f"The tie {a}\u2192{b} is extinguished in 2007, but period 2007 is empty; its last coded period is {coded[-1]}.")
for i, n in enumerate(N):
    if n["Death_Date"] == "" and any(n[p] == "0" for p in PERIODS):
        first = next(p for p in PERIODS if n[p] == "0")
        slip("status-without-date", "nodes", i + 2, "Death_Date", "", "", "",
             f"Person {n['ID']} has status 0 (dead) from period {first} on, but no death date.")
released = [n for n in N if n["Release_Date"] != ""]
slip("codebook", "status_codes", 5, "label", "released", "", "",
     "bali_bombings_2002.R defines status 3 (released), but no cell of the nodes file uses it: the persons with a release date (" +
     ", ".join(n["ID"] for n in released) + ") are coded 2 (free) after release; description.txt lists only free, in custody and dead.")
slip("codebook", "periods", 12, "column", "2007", "", "",
     "description.txt lists the periods 1985-1989 to 2006; both files also code 2007.")
slip("codebook", "tie_codes", 3, "label", "Acquaintances/Distant familiy ties", "", "",
     "description.txt says code 1 relationships are not included in the cleaned data, but bali_bombings_2002.R keeps them (it drops only empty cells; its filter of code 0 is commented out). The R label also spells 'familiy', its definition 'family'.")
slip("codebook", "tie_codes", 5, "definition", "Close Friends/Family, Tight-knit operational cliques (would die for each other", "", "",
     "The definition of code 3 in bali_bombings_2002.R ends without its closing parenthesis.")
write("slips.csv", ["id", "kind", "resource", "line", "field", "as_printed", "other_line", "other_as_printed", "note"], slips)

write("references.csv", ["key", "kind", "author", "title", "year", "version", "url", "accessed", "note"], [
    ["jjatt-2009", "dataset", "John Jay & ARTIS Transnational Terrorism Database", "Bali bombings 2002, Indonesia", "2009", "Public Version 2",
     "http://doitapps.jjay.cuny.edu/jjatt/data.php", "2019-11-11",
     "As cited by COREnets' refs.bib (author, year, title, URL and access date are refs.bib's); the file names give the version."],
    ["corenets", "software", "Christopher Callaghan; Brendan Knapp; Nona Jones (contributor)", "COREnets: Network Datasets for Research and Education", "", "0.0.0.9000, commit " + COMMIT,
     "https://github.com/NPSCORELAB/COREnets", "",
     "The distribution the two files were taken from, at inst/datasets/bali_bombings_2002; licence GPL-2 (DESCRIPTION). Its description.txt, abstract.txt and bali_bombings_2002.R give the codebook. The year is empty: DESCRIPTION gives none; the files' last change is dated 2019-11-11."],
])
print(len(slips), "slips")

# --- the descriptor -----------------------------------------------------------
DATE = r"(\?|[1-9]|1[0-2])/(\?|[1-9]|[12][0-9]|3[01])/[0-9]{4}"
def res(name, path, desc, fields, pk, fks=(), **extra):
    r = {"name": name, "path": path, "type": "table", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
         "hash": "", "description": desc}
    r.update(extra)
    schema = {"fields": fields, "primaryKey": pk}
    if fks:
        schema["foreignKeys"] = [{"fields": [f], "reference": {"resource": res_, "fields": [k]}} for f, res_, k in fks]
    schema["missingValues"] = [""]
    r["schema"] = schema
    return r
def f(name, typ, desc=None, **c):
    d = {"name": name, "type": typ}
    if desc:
        d["description"] = desc
    if c:
        d["constraints"] = c
    return d

node_fields = [
    f("ID", "string", "JJATT's person number (the public version gives no names).", required=True, unique=True, pattern="[0-9]+"),
    f("Group", "string", "Empty in every row of the published file."),
    f("Color", "string", "A display colour of JJATT's tool, as published (Red in every row)."),
    f("Arrest_Date", "string", "Date of arrest as printed, month/day/year; ? marks an unknown part.", pattern=DATE),
    f("Release_Date", "string", "Date of release as printed, month/day/year; ? marks an unknown part.", pattern=DATE),
    f("Death_Date", "string", "Date of death as printed, month/day/year; ? marks an unknown part.", pattern=DATE),
] + [f(p, "integer", f"Legal status in period {p} (status_codes.code).", required=True, minimum=0, maximum=3) for p in PERIODS]
rel_fields = [
    f("Operation_ID", "integer", "JJATT's operation number (24 in every row).", required=True),
    f("Op_role", "string", "Empty in every row of the published file."),
    f("ID", "string", "One person of the tie (nodes.ID).", required=True),
    f("Tie_ID", "string", "The other person (nodes.ID).", required=True),
    f("Tie_Year", "string", "When the tie began, as printed: a year, a range of years, or Birth; empty when not given.", pattern="[0-9]{4}(-[0-9]{4})?|Birth"),
    f("Tie_Extinguish", "string", "When the tie ended, as printed: a year, optionally followed by '. Resumed' and a year.", required=True, pattern="[0-9]{4}(\\. Resumed [0-9]{4})?"),
    f("Kinship", "integer", "Kinship code (kinship_codes.code).", required=True, minimum=0, maximum=7),
] + [f(p, "integer", f"Strength of the tie in period {p} (tie_codes.code); empty when the tie is not coded in that period.", minimum=0, maximum=3) for p in PERIODS]
resources = [
    res("nodes", NODES, "The 27 persons of the network and their legal status per period, byte for byte as COREnets distributes JJATT's file (CRLF line ends). Dates stay as printed (10/?/2002).",
        node_fields, ["ID"]),
    res("relations", RELS, "The ties, byte for byte as COREnets distributes JJATT's file (CRLF line ends): every undirected tie is listed once from each side (ID, Tie_ID), with its start, end, kinship and a strength code for each period in which it is coded. Where the two listings of a tie disagree, slips.csv says so.",
        rel_fields, ["ID", "Tie_ID"], [("ID", "nodes", "ID"), ("Tie_ID", "nodes", "ID"), ("Kinship", "kinship_codes", "code")]),
    res("periods", "periods.csv", "The periods of the two files, in order: the column heading as printed and its first and last year.",
        [f("column", "string", "The column heading in nodes and relations.", required=True, unique=True),
         f("start", "year", required=True), f("end", "year", required=True),
         f("position", "integer", required=True, unique=True, minimum=1)], ["column"]),
    res("tie_codes", "tie_codes.csv", "The strength codes of a tie: label and definition as bali_bombings_2002.R of COREnets prints them (its codebook); description.txt gives the same scale in other words.",
        [f("code", "integer", required=True, unique=True, minimum=0, maximum=3), f("label", "string", required=True), f("definition", "string"), f("source", "string", required=True)], ["code"]),
    res("kinship_codes", "kinship_codes.csv", "The kinship codes as bali_bombings_2002.R of COREnets labels them.",
        [f("code", "integer", required=True, unique=True, minimum=0, maximum=7), f("label", "string", required=True), f("source", "string", required=True)], ["code"]),
    res("status_codes", "status_codes.csv", "The legal status codes as bali_bombings_2002.R of COREnets labels them.",
        [f("code", "integer", required=True, unique=True, minimum=0, maximum=3), f("label", "string", required=True), f("source", "string", required=True)], ["code"]),
    res("slips", "slips.csv", "Where the source disagrees with itself or with its documentation, found by checking the files; recorded, not fixed. line is the line of the file of resource (the header is line 1); other_line the line of the other listing of the same tie.",
        [f("id", "string", required=True, unique=True, pattern="s[0-9]{2}"),
         f("kind", "string", required=True, enum=["asymmetric-tie", "start-not-coded", "end-not-coded", "status-without-date", "codebook"]),
         f("resource", "string", required=True, enum=["nodes", "relations", "periods", "tie_codes", "kinship_codes", "status_codes"]),
         f("line", "integer", required=True, minimum=2), f("field", "string", required=True),
         f("as_printed", "string"), f("other_line", "integer", minimum=2), f("other_as_printed", "string"),
         f("note", "string", required=True)], ["id"]),
    res("references", "references.csv", "The sources to cite: JJATT's dataset and the COREnets distribution.",
        [f("key", "string", required=True, unique=True), f("kind", "string", required=True, enum=["dataset", "software"]),
         f("author", "string", required=True), f("title", "string", required=True), f("year", "year"),
         f("version", "string"), f("url", "string", required=True), f("accessed", "date"), f("note", "string")], ["key"]),
]
desc = {
    "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
    "name": "jjatt-bali-2002",
    "title": "The network of the 2002 Bali bombings (JJATT, as distributed by COREnets)",
    "description": "The John Jay & ARTIS Transnational Terrorism Database (JJATT) network of the persons involved in the 12 October 2002 Bali bombings: 27 persons, identified by number only, their ties coded 1-3 per period from 1985-1989 to 2007, kinship, and each person's legal status per period with arrest, release and death dates. The two data files are byte-for-byte copies of the ones COREnets distributes (inst/datasets/bali_bombings_2002, commit " + COMMIT + "); the codebooks come from COREnets' documentation of them, and slips.csv records where the source disagrees with itself. No value is changed, estimated or added.",
    "version": "1.0.0",
    "homepage": "https://github.com/NPSCORELAB/COREnets/tree/" + COMMIT + "/inst/datasets/bali_bombings_2002",
    "licenses": [{"name": "GPL-2.0", "path": "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html", "title": "GNU General Public License v2.0 (the licence of the COREnets distribution; JJATT states none in it)"}],
    "sources": [
        {"title": "John Jay & ARTIS Transnational Terrorism Database (2009). Bali bombings 2002, Indonesia. Public Version 2.", "path": "http://doitapps.jjay.cuny.edu/jjatt/data.php"},
        {"title": "Callaghan, C., Knapp, B., & Jones, N. COREnets: Network Datasets for Research and Education (R package 0.0.0.9000), commit " + COMMIT + ".", "path": "https://github.com/NPSCORELAB/COREnets"},
    ],
    "resources": resources,
}
with open(os.path.join(OUT, "datapackage.json"), "w") as fh:
    json.dump(desc, fh, indent=2, ensure_ascii=False)
    fh.write("\n")
