"""Facts: what the sources state, as data (build/facts.json). Cleaned seeds, the bibliography and
its map and the config's codebook in; dated, sourced facts out.

Stages: extract (pipeline.content.facts.extract), per seed; facts (pipeline.content.facts.build).

- extract:     one seed's sentences read (dates, figures, speakers) into build/extract/<shard>/<seed>.json
- dates:       date spans found and resolved (dateparser) against a base, with their precision
- sourcedates: each source's date, the briefing's as-of date, the base each source's dates use
- figures:     quantities with units (quantulum3) and the noun phrase each counts
- units:       units normalized (pint); the tolerance a stated figure's precision allows
- compare:     figures of one kind across sources: agree, changed over time, or conflict
- codebook:    the configured terms, what each source says of each, and a status
- speakers:    quotations and reported speech, with speaker, role and outlet
- actors:      names split from roles; aliases of one actor merged
- timeline:    dated events in order, merged across sources
- bluf:        the bottom line: judgments composed from the facts by templates
- build:       the stage: reads the files and extracts, combines the above, writes build/facts.json
"""
