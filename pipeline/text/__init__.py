"""Text tools shared by the stages (they import only the core and each other).

- textnorm:  seed text repaired (ftfy), NFC, consistent quotes and whitespace
- sentences: sentence segmentation (pysbd) with the inline markers each sentence carried
- abbreviations: pysbd's English with its abbreviation search pre-checked (the same sentences, sooner)
- markers:   inline citation markers ([12], [3][4], [5-7]) found and removed
- urls:      canonical URLs and DOIs, and the date a URL spells out
- dates:     publication and access dates in reference strings (years, months in several languages)
- designations: bill, law, code, register, reporter and CRS numbers; a designated number is no year
- cslfields: CSL-JSON fields as comparable plain values (folded text, tokens, years, names)
- titlecase: whether words are written as a name or a title is (capitals, numbers, small words)
"""
