"""Content: what the briefing says. Cleaned seeds, the bibliography and a briefing's sections in,
each section's points with their provenance out (build/<config id>/<briefing>/sections/<id>.json,
and coverage.json).

Stages: sections (pipeline.content.sections), facts (facts/build.py), changes (pipeline.content.changes).

- candidates: every usable body sentence, with its provenance and how well it stands alone
- relevance:  BM25 fit of each sentence to each section's description and keywords
- select:     statements several sources make merged; relevant, distinct points picked
- support:    which of a statement's sources it cites: the strongest few, by one documented measure
- quotes:     direct quotations and their speakers
- coverage:   how many points of each section rest on each source (coverage.json)
- seedlabels: a seed's full label (authors, title, publisher), for the sources a point counts
- textstats:  the words, numbers and likeness measures relevance and selection share
- inputs:     the arguments and files both content stages read (seeds, corpus survey, map, settings)
- changes:    what a briefing shows that the previous build did not, or no longer (changes.json, .md)
"""
