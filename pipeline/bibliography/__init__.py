"""Bibliography: every seed's references and the seed articles in, one de-duplicated bibliography out
(build/bibliography.json, build/bibliography-map.json, build/bibliography-report.{json,md}).

Stage: bibliography (pipeline.bibliography.build).

- dedup:      which CSL items cite the same work (DOI, URL, title/authors/year, the raw strings)
- blocking:   which pairs are compared at all (blocks and sorted neighbourhoods, never all pairs)
- clusters:   union-find clusters with profiles: whether two clusters may join, whatever their sizes
- fingerprint: an item's comparable parts, and what keeps two works apart (numbers, authors, years)
- rawmatch:   whether two unparsed reference strings cite the same work and edition
- volumes:    which volume of a multi-volume work a reference points into
- merge:      one entry from the items of one work, keeping every original
- citekeys:   readable, stable citation keys (garamone2024north)
- seedsource: the seed article itself as a CSL item
"""
