-- Metadata the page template (briefing.html5) writes into HTML attributes, escaped for them.
--
-- Pandoc escapes <, > and & in a metadata variable but not the double quote, which would end
-- the attribute; its own author-meta and description-meta are escaped, these are not. For each
-- key below, `<key>-attr` holds the value as plain text with &, ", < and > escaped.

local stringify = pandoc.utils.stringify

local function escaped(value)
  local text = stringify(value):gsub("&", "&amp;"):gsub('"', "&quot;"):gsub("<", "&lt;"):gsub(">", "&gt;")
  return text
end

function Meta(meta)
  for _, key in ipairs({ "short-title", "created", "generator" }) do
    if meta[key] ~= nil then
      meta[key .. "-attr"] = pandoc.RawInline("html", escaped(meta[key]))
    end
  end
  if meta.keywords ~= nil then
    local list = pandoc.utils.type(meta.keywords) == "List" and meta.keywords or { meta.keywords }
    local words = {}
    for _, keyword in ipairs(list) do
      table.insert(words, escaped(keyword))
    end
    meta["keywords-attr"] = pandoc.RawInline("html", table.concat(words, ", "))
  end
  return meta
end
