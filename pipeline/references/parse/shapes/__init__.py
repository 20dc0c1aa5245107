"""References written in shapes of their own, read before the styles' rules.

- clippings: news clipping lists written without punctuation
- fields:    database exports whose fields are joined by bare semicolons
- runon:     reference rows written without punctuation (flattened tables)
- webpage:   a reference that is only a URL: the site, a title from its path, the date it spells
"""
