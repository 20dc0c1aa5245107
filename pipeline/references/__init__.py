"""References: one cleaned seed's reference list in, CSL-JSON out (build/references/<shard>/<seed>.json).

Stage: references (pipeline.references.extract).

- notes:    a note that cites several works split into one reference string per work
- parse/:   one reference string to one CSL item (the rule-based parser and its pieces)
- ibid:     "Ibid.", "Id." and "op. cit." entries resolved to the entry they repeat
- sidecars: a seed's .bib, CSL-JSON and .ris companions read as CSL items
"""
