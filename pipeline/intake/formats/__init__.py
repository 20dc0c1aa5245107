"""Seed formats: a seed file's bytes turned into the line-per-block text the cleaner reads.

- decode:      bytes to text (encoding detection, refusals of binary, empty or oversized files)
- htmlextract: saved web pages (trafilatura) to lines, with the page's metadata; Extracted, what
               every reader hands the cleaner
- markdown:    Markdown through pandoc's AST: headings, lists, tables, footnotes, links kept apart
- pandocast:   plain text, links and note markers out of pandoc's AST
- pipetables:  pipe tables as captures write them (no separator line, run-on rows) made readable
- blockshapes: what each block is by its shape: text, or navigation, metadata, notes, captions
- frontmatter: a Markdown seed's leading YAML front matter, only when it is a mapping
"""
