-- The fact tables (class facts-table, templates/facts/) read on a phone (runs after citeproc).
--
-- Each body cell gets `data-label`, the text of its column's header cell, which the stylesheet
-- (style/briefing.css) prints before the cell's content where the screen is too narrow for the
-- columns: a row then reads as a short list of labelled values.

local stringify = pandoc.utils.stringify

function Table(tbl)
  if not tbl.classes:includes("facts-table") or #tbl.head.rows == 0 then
    return nil
  end
  local labels = {}
  for i, cell in ipairs(tbl.head.rows[#tbl.head.rows].cells) do
    labels[i] = stringify(cell.contents)
  end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.body) do
      for i, cell in ipairs(row.cells) do
        cell.attributes["data-label"] = labels[i]
      end
    end
  end
  return tbl
end
