"""What the corpus stage (intake/corpus.py) compares across seeds, and how it compares them fast.

- fingerprints: a cleaned seed's hashes (word 5-grams; each paragraph's digest and 3-grams), which a
                clean shard job writes for its shard (survey/<shard>.json) and the corpus stage reads
- overlaps:     how many shingles each candidate pair of seeds shares, for the whole corpus at once
- boilerplate:  paragraphs recurring across distinct articles (disclaimers, "about us")
"""
