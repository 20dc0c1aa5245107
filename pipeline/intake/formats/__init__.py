"""Seed formats: a seed file's bytes turned into the line-per-block text the cleaner reads.

- decode:      bytes to text (encoding detection, refusals of binary, empty or oversized files);
               a PDF's bytes pass through undecoded
- extracted:   Extracted, what every reader hands the cleaner
- htmlextract: saved web pages: trafilatura's main text (as Markdown, read by markdown) and metadata
- markdown:    Markdown through pandoc's AST: headings, lists, tables, footnotes, links kept apart
- pandocast:   plain text, links and note markers out of pandoc's AST
- pipetables:  pipe tables as captures write them (no separator line, run-on rows) made readable
- blockshapes: what each block is by its shape: text, or navigation, metadata, notes, captions
- frontmatter: a Markdown seed's leading YAML front matter, only when it is a mapping
- pdf/:        PDF documents (pdfplumber): layout, furniture, footnotes, tables, metadata, the errors
"""
