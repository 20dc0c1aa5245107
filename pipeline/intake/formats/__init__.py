"""Seed formats: a seed file's bytes turned into the line-per-block text the cleaner reads.

- decode:      bytes to text (encoding detection, refusals of binary, empty or oversized files);
               a PDF's bytes pass through undecoded
- htmlextract: saved web pages (trafilatura) and Markdown to lines, with the page's metadata
- frontmatter: a Markdown seed's YAML front matter, read as data
- pdf:         PDF documents (pdfplumber): furniture, footnotes, tables, metadata, the errors
- pdflayout:   a PDF page's words as lines in reading order (columns, superscript markers)
- pdfblocks:   a PDF's body lines joined into headings, paragraphs and list items
"""
