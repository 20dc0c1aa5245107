"""Facts: what the sources state, as data (build/facts.json). Cleaned seeds, the bibliography and
its map, the sections and the config's codebook in; dated, sourced facts out.

Stage: facts (pipeline.content.facts.build).

- dates:       date spans found and resolved (dateparser) against a base, with their precision
- sourcedates: each source's date, the briefing's as-of date, the base each source's dates use
"""
