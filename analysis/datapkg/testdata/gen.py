# gen.py writes the fixture packages of the tests: testdata/good, its
# spreadsheet-saved copy testdata/spreadsheet (UTF-8 BOM, CRLF line ends),
# and one broken copy per rule under testdata/rules/<rule>/. Run it from
# this directory with python3; the tests read the files it writes.
import hashlib, json, os, shutil

DESC = {
  "name": "fixture",
  "version": "1.0.0",
  "resources": [
    {"name": "teams", "path": "teams.csv", "schema": {
      "fields": [
        {"name": "code", "type": "string", "constraints": {"required": True, "unique": True, "pattern": "[A-Z]{3}"}},
        {"name": "name", "type": "string", "constraints": {"required": True, "minLength": 2, "maxLength": 20}},
        {"name": "founded", "type": "year", "constraints": {"minimum": 1850}},
        {"name": "season", "type": "yearmonth"},
        {"name": "league", "type": "string", "constraints": {"enum": ["north", "south"]}}
      ],
      "primaryKey": ["code"]}},
    {"name": "people", "path": "people.csv", "schema": {
      "fields": [
        {"name": "id", "type": "integer", "constraints": {"minimum": 1}},
        {"name": "name", "type": "string", "constraints": {"required": True}},
        {"name": "born", "type": "date"},
        {"name": "height", "type": "number", "constraints": {"minimum": 0.5, "maximum": 2.5}},
        {"name": "active", "type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]},
        {"name": "mentor", "type": "integer"},
        {"name": "teams", "type": "list", "delimiter": ";", "itemType": "string", "constraints": {"maxLength": 3}},
        {"name": "seen", "type": "datetime"},
        {"name": "note", "type": "string"}
      ],
      "primaryKey": ["id"],
      "missingValues": ["", "NA"],
      "foreignKeys": [
        {"fields": ["mentor"], "reference": {"fields": ["id"]}},
        {"fields": ["teams"], "reference": {"resource": "teams", "fields": ["code"]}}
      ]}},
    {"name": "games", "path": "games.csv", "schema": {
      "fields": [
        {"name": "team", "type": "string", "constraints": {"required": True}},
        {"name": "round", "type": "integer", "constraints": {"required": True}},
        {"name": "score", "type": "integer", "constraints": {"exclusiveMinimum": -1}},
        {"name": "home", "type": "boolean"}
      ],
      "primaryKey": ["team", "round"],
      "foreignKeys": [
        {"fields": ["team"], "reference": {"resource": "teams", "fields": ["code"]}}
      ]}},
    {"name": "replays", "path": "replays.csv", "schema": {
      "fields": [
        {"name": "team", "type": "string"},
        {"name": "round", "type": "integer"},
        {"name": "reason", "type": "string"}
      ],
      "foreignKeys": [
        {"fields": ["team", "round"], "reference": {"resource": "games", "fields": ["team", "round"]}}
      ]}}
  ]
}

FILES = {
  "teams.csv": 'code,name,founded,season,league\nABC,Alpha Club,1901,2024-08,north\nBCD,"Bravo ""B"" Club",1850,2024-09,south\nCDE,"Charlie, Delta",,,\n',
  "people.csv": 'id,name,born,height,active,mentor,teams,seen,note\n1,Ann,1990-02-28,1.70,yes,,ABC;BCD,2024-05-01T10:00:00Z,\n2,Bo,NA,1.85,no,1,ABC,,"two\nlines"\n3,Ćirić,2000-02-29,NA,,2,,2024-05-02T11:30:00+02:00,ünïcödé\n',
  "games.csv": 'team,round,score,home\nABC,1,3,true\nABC,2,0,false\nBCD,1,2,1\n',
  "replays.csv": 'team,round,reason\nABC,2,weather\n,,none\n',
}

def write(dir, desc, files, crlf=False, bom=False, hashes=True):
    if os.path.exists(dir):
        shutil.rmtree(dir)
    os.makedirs(dir)
    desc = json.loads(json.dumps(desc))
    for r in desc["resources"]:
        name = r["path"]
        if name not in files:
            continue
        data = files[name]
        if isinstance(data, str):
            if crlf:
                data = data.replace("\n", "\r\n")
            data = data.encode("utf-8")
            if bom:
                data = b"\xef\xbb\xbf" + data
        with open(os.path.join(dir, name), "wb") as f:
            f.write(data)
        if hashes:
            r["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    with open(os.path.join(dir, "datapackage.json"), "w") as f:
        json.dump(desc, f, indent=2, ensure_ascii=False)
        f.write("\n")

def field(desc, res, name):
    for r in desc["resources"]:
        if r["name"] == res:
            for f in r["schema"]["fields"]:
                if f["name"] == name:
                    return f

write("good", DESC, FILES)
write("spreadsheet", DESC, FILES, crlf=True, bom=True)

def rule(name, files=None, desc=None, raw=None, hashes=True):
    fs = dict(FILES)
    fs.update(files or {})
    d = json.loads(json.dumps(DESC))
    if desc:
        desc(d)
    dir = os.path.join("rules", name)
    write(dir, d, fs, hashes=hashes)
    if raw is not None:
        with open(os.path.join(dir, "datapackage.json"), "w") as f:
            f.write(raw)

def sub(file, old, new):
    s = FILES[file]
    assert old in s, (file, old)
    return {file: s.replace(old, new, 1)}

os.makedirs("rules", exist_ok=True)
rule("required", sub("people.csv", "2,Bo,", "2,,"))
rule("unique", sub("teams.csv", "BCD,", "ABC,"))
rule("enum", sub("teams.csv", "north", "east"))
rule("pattern", sub("teams.csv", "CDE,", "CDEF,"))
rule("type-integer", sub("games.csv", "ABC,1,3", "ABC,1,3.5"))
rule("type-number", sub("people.csv", "1.85", "1.8.5"))
rule("type-boolean", sub("people.csv", "yes", "true"))
rule("type-date", sub("people.csv", "1990-02-28", "1990-02-30"))
rule("type-datetime", sub("people.csv", "2024-05-01T10:00:00Z", "2024-05-01 10:00"))
rule("type-year", sub("teams.csv", "1901", "19O1"))
rule("type-yearmonth", sub("teams.csv", "2024-08", "2024-13"))
rule("type-list-item", {"people.csv": FILES["people.csv"]}, desc=lambda d: field(d, "people", "teams").update(itemType="integer"))
rule("minimum", sub("people.csv", "1.70", "0.40"))
rule("maximum", sub("people.csv", "1.85", "2.85"))
rule("exclusive-minimum", sub("games.csv", "ABC,2,0", "ABC,2,-1"))
rule("min-length", sub("teams.csv", "Alpha Club", "A"))
rule("max-length", sub("teams.csv", "Alpha Club", "Alpha Club of the Northern Provinces"))
rule("list-max-length", sub("people.csv", "ABC;BCD", "ABC;BCD;CDE;ABC"))
rule("missing-values", sub("people.csv", "3,Ćirić", "3,NA"))
rule("primary-key", sub("people.csv", "3,Ćirić", "2,Ćirić"))
rule("primary-key-missing", sub("people.csv", "3,Ćirić", ",Ćirić"))
rule("primary-key-composite", sub("games.csv", "ABC,2,", "ABC,1,"))
rule("foreign-key", sub("games.csv", "BCD,1", "XYZ,1"))
rule("foreign-key-self", sub("people.csv", "no,1,", "no,7,"))
rule("foreign-key-list", sub("people.csv", "ABC;BCD", "ABC;XYZ"))
rule("foreign-key-composite", sub("replays.csv", "ABC,2", "ABC,3"))
rule("hash", sub("teams.csv", "Alpha", "Alpha"), desc=None)
# hash: write good data, then declare a wrong hash.
d = json.loads(json.dumps(DESC))
write("rules/hash", d, FILES)
p = json.load(open("rules/hash/datapackage.json"))
p["resources"][0]["hash"] = "sha256:" + "0" * 64
p["resources"][2]["hash"] = "md5:" + hashlib.md5(b"x").hexdigest()
json.dump(p, open("rules/hash/datapackage.json", "w"), indent=2, ensure_ascii=False)
rule("header-missing", {"games.csv": "team,round,score\nABC,1,3\nABC,2,0\nBCD,1,2\n"})
rule("header-extra", {"games.csv": "team,round,score,home,away\nABC,1,3,true,x\nABC,2,0,false,y\nBCD,1,2,1,z\n"})
rule("header-order", {"games.csv": "team,score,round,home\nABC,3,1,true\nABC,0,2,false\nBCD,2,1,1\n"})
rule("field-count", sub("games.csv", "ABC,2,0,false", "ABC,2,0"))
rule("encoding", {"teams.csv": FILES["teams.csv"].encode("utf-8").replace(b"Alpha", b"Alph\xe9")})
rule("syntax-bare-quote", sub("teams.csv", "Alpha Club", 'Alpha "Club'))
rule("syntax-after-quote", sub("teams.csv", '"Charlie, Delta"', '"Charlie" Delta'))
rule("syntax-unclosed", {"replays.csv": 'team,round,reason\nABC,2,"weather\n'})
rule("empty-file", {"replays.csv": ""})
rule("missing-file", desc=lambda d: d["resources"][3].update(path="nothere.csv"))
rule("descriptor-syntax", raw='{\n  "name": "fixture",\n  "resources": [\n    {"name": "teams" "path": "teams.csv"}\n  ]\n}\n')
rule("descriptor-type", raw='{\n  "name": "fixture",\n  "resources": {"name": "teams"}\n}\n')
rule("descriptor-schema", desc=lambda d: (
    field(d, "teams", "name").update(type="strng"),
    field(d, "teams", "code")["constraints"].update(pattern="[A-Z"),
    d["resources"][1]["schema"]["foreignKeys"].append({"fields": ["nobody"], "reference": {"resource": "ghosts", "fields": ["id"]}}),
    d["resources"][2].update(path="../outside.csv"),
))

# Issue 19 item 9: invisible format characters (a bidi override, a zero
# width space, a byte order mark inside a cell, a soft hyphen), every one
# reported; required text of white space only (a space, no-break spaces,
# tab and line ends); a range whose end comes before its start; a version
# that is not semantic (a newline would forge a MANIFEST line).
rule("format-chars", {"people.csv": FILES["people.csv"]
    .replace("1,Ann,", "1,An\u202en,", 1)
    .replace("ünïcödé", "ün\u200bïcö\ufeffdé", 1)
    .replace('"two\nlines"', '"two\nli\u00adnes \u2066x\u2069"', 1)})
rule("blank", {"people.csv": FILES["people.csv"]
    .replace("1,Ann,", "1, ,", 1)
    .replace("2,Bo,", "2,\u00a0\u202f,", 1)
    .replace("3,Ćirić,", '3,"\t\r\n",', 1)})
def with_round_end(d):
    r = d["resources"][2]
    r["schema"]["fields"].append({"name": "round_end", "type": "integer"})
rule("range", {"games.csv": 'team,round,score,home,round_end\nABC,1,3,true,1\nABC,2,0,false,1\nBCD,1,2,1,\n'}, desc=with_round_end)
rule("version", desc=lambda d: d.update(version="1.0.0\n# dataset: forged 9.9.9 sha256:00"))

# diff/v1.0.0 is good; diff/v1.1.0 is its next version: a field added and
# one removed, rows added, removed and changed, a resource removed and one
# added.
write("diff/v1.0.0", DESC, FILES)
d = json.loads(json.dumps(DESC))
d["version"] = "1.1.0"
d["resources"][0]["schema"]["fields"].append({"name": "city", "type": "string"})
d["resources"][2]["schema"]["fields"] = [f for f in d["resources"][2]["schema"]["fields"] if f["name"] != "home"]
d["resources"] = [r for r in d["resources"] if r["name"] != "replays"]
d["resources"].append({"name": "venues", "path": "venues.csv", "schema": {"fields": [{"name": "id", "type": "string"}], "primaryKey": ["id"]}})
write("diff/v1.1.0", d, {
  "teams.csv": 'code,name,founded,season,league,city\nABC,Alpha Club,1901,2024-08,north,Aston\nBCD,"Bravo ""B"" Club",1851,2024-09,south,\nCDE,"Charlie, Delta",,,,\nDEF,Delta Four,1999,,south,Dover\n',
  "people.csv": FILES["people.csv"].replace("2,Bo,NA,1.85", "2,Bo,1991-01-01,1.86"),
  "games.csv": 'team,round,score\nABC,1,3\nBCD,1,2\n',
  "venues.csv": 'id\nmain\n',
})
