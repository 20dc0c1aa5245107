"""Seed formats: a seed file's bytes turned into the line-per-block text the cleaner reads.

- decode:      bytes to text (encoding detection, refusals of binary, empty or oversized files)
- htmlextract: saved web pages (trafilatura) and Markdown to lines, with the page's metadata
- frontmatter: a Markdown seed's YAML front matter, read as data
"""
