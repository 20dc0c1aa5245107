-- The sources list in two parts (runs after citeproc; see html.yaml).
--
-- citeproc puts every cited work into the div #refs. The front matter's `analysed-articles` lists
-- the ids of the articles the briefing was drawn from, `cited-in` maps each other work to the
-- articles that cite it ({name, ref}). Entries move into #refs-analysed and #refs-cited, each
-- cited work gaining "Cited in <article>." linked to that article's entry; #refs is then dropped.
-- A template without the two placeholder divs keeps citeproc's single list.

local stringify = pandoc.utils.stringify

local function id_set(list)
  local set = {}
  for _, value in ipairs(list or {}) do
    set[stringify(value)] = true
  end
  return set
end

-- more: how many further articles cite the work (briefing.limits.cited_in), said as "and N more".
local function cited_in_note(citers, more)
  local inlines = pandoc.Inlines({ pandoc.Space(), pandoc.Str("Cited"), pandoc.Space(), pandoc.Str("in") })
  for n, citer in ipairs(citers) do
    inlines:insert(pandoc.Space())
    local name = pandoc.Inlines(citer.name)
    inlines:insert(pandoc.Link(name, "#ref-" .. stringify(citer.ref)))
    inlines:insert(pandoc.Str((n < #citers or more) and "," or "."))
  end
  if more then
    local count = tonumber(stringify(more))
    local noun = count == 1 and "article." or "articles."
    inlines:extend({ pandoc.Space(), pandoc.Str("and"), pandoc.Space(), pandoc.Str(tostring(count)),
      pandoc.Space(), pandoc.Str("more"), pandoc.Space(), pandoc.Str(noun) })
  end
  return inlines
end

local function with_note(entry, citers, more)
  local last = entry.content[#entry.content]
  if citers and last and (last.t == "Para" or last.t == "Plain") then
    last.content:extend(cited_in_note(citers, more))
  end
  return entry
end

function Pandoc(doc)
  local analysed = id_set(doc.meta["analysed-articles"])
  local cited_in = doc.meta["cited-in"] or {}
  local cited_in_more = doc.meta["cited-in-more"] or {}
  local refs, placeholders = nil, {}
  doc.blocks:walk({
    Div = function(div)
      if div.identifier == "refs" then
        refs = div
      elseif div.identifier == "refs-analysed" or div.identifier == "refs-cited" then
        placeholders[div.identifier] = true
      end
    end,
  })
  if not (refs and placeholders["refs-analysed"]) then
    return doc
  end
  local parts, rest = { ["refs-analysed"] = {}, ["refs-cited"] = {} }, {}
  for _, entry in ipairs(refs.content) do
    local id = entry.identifier:gsub("^ref%-", "")
    if analysed[id] then
      table.insert(parts["refs-analysed"], entry)
    elseif placeholders["refs-cited"] then
      table.insert(parts["refs-cited"], with_note(entry, cited_in[id], cited_in_more[id]))
    else
      table.insert(rest, entry)
    end
  end
  doc.blocks = doc.blocks:walk({
    Div = function(div)
      if div.identifier == "refs" then
        if #rest == 0 then
          return {}
        end
        div.content = rest
        return div
      elseif parts[div.identifier] then
        div.content = parts[div.identifier]
        div.classes = refs.classes
        div.attributes = refs.attributes
        return div
      end
    end,
  })
  return doc
end
