-- tables.lua: column widths for the notebooks' tables in PDF and DOCX.
--
-- A Markdown pipe table carries no widths pandoc can use: narrow tables
-- get natural-width columns, and a table wider than the text gets widths
-- from the dashes of its separator line, so its headers overlap. This
-- filter keeps natural widths for a table that fits in the text width,
-- and otherwise gives each column a share of the width that grows with
-- its longest word and its longest cell, so long text wraps inside its
-- column and no header overlaps another.

-- The text width in characters of \small text (pandoc's default letter
-- paper with 2.5 cm margins), less the column separation of n columns.
local function line(n) return 100 - 2.6 * n end

-- In LaTeX a paragraph's first word never hyphenates; a zero space before
-- it lets a long header word ("Betweenness") break instead of running
-- into the next column.
local function hyphenable(row)
  for _, c in ipairs(row.cells) do
    local b = c.contents[1]
    if b and (b.t == "Plain" or b.t == "Para") then
      table.insert(b.content, 1, pandoc.RawInline("latex", "\\hspace{0pt}"))
    end
  end
end

local function cell_texts(tbl)
  local cols = {}
  local function add_row(row)
    for j, c in ipairs(row.cells) do
      cols[j] = cols[j] or {}
      table.insert(cols[j], pandoc.utils.stringify(c.contents))
    end
  end
  for _, r in ipairs(tbl.head.rows) do add_row(r) end
  for _, b in ipairs(tbl.bodies) do
    for _, r in ipairs(b.head) do add_row(r) end
    for _, r in ipairs(b.body) do add_row(r) end
  end
  return cols
end

function Table(tbl)
  local cols = cell_texts(tbl)
  local n = #tbl.colspecs
  local natural, word, long = 0, {}, {}
  for j = 1, n do
    word[j], long[j] = 1, 1
    for _, s in ipairs(cols[j] or {}) do
      long[j] = math.max(long[j], utf8.len(s) or #s)
      for w in s:gmatch("%S+") do
        word[j] = math.max(word[j], utf8.len(w) or #w)
      end
    end
    natural = natural + long[j] + 2
  end
  if natural <= line(n) then
    for j = 1, n do tbl.colspecs[j][2] = nil end
    return tbl
  end
  for _, r in ipairs(tbl.head.rows) do hyphenable(r) end
  -- A column's share: its longest word, plus a part of the rest of its
  -- longest cell, so a column of long text gets the room it needs most.
  local want, total = {}, 0
  for j = 1, n do
    want[j] = word[j] + math.sqrt(math.max(long[j] - word[j], 0)) * 2
    total = total + want[j]
  end
  for j = 1, n do tbl.colspecs[j][2] = want[j] / total end
  if FORMAT == "latex" and natural > 1.5 * line(n) then
    -- A table much wider than the text is set a size smaller.
    return {pandoc.RawBlock("latex", "\\begingroup\\footnotesize"), tbl, pandoc.RawBlock("latex", "\\endgroup")}
  end
  return tbl
end
