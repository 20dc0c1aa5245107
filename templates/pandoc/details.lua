-- A point's further sources (templates/sections/_item.md.j2): the Div `.more-sources` becomes a
-- <details> disclosure, its first paragraph the <summary>, so the list stays folded on screen and
-- opens without any script. Raw HTML is off in the Markdown (common.yaml); this filter is where
-- the two elements come from. On paper the list is left out (print.css); the point says how many.

function Div(div)
  -- the heading alone when the list comes apart from the Markdown (pipeline/render/sourcelists.py)
  if not div.classes:includes("more-sources") or #div.content < 1 then
    return nil
  end
  local id = div.identifier ~= "" and (' id="' .. div.identifier .. '"') or ""
  local blocks = { pandoc.RawBlock("html", '<details class="more-sources"' .. id .. "><summary>") }
  table.insert(blocks, pandoc.Plain(div.content[1].content))
  table.insert(blocks, pandoc.RawBlock("html", "</summary>"))
  for index = 2, #div.content do
    table.insert(blocks, div.content[index])
  end
  table.insert(blocks, pandoc.RawBlock("html", "</details>"))
  return blocks
end
