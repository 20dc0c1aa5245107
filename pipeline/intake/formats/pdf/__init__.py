"""PDF seeds (pdfplumber): the pages' words laid out, read and sorted into text and what is not.

- reader:    extract_pdf: the pages read, the stages below run, the cleaner's text assembled; the errors
- layout:    a page's words as lines in reading order (columns, side columns, superscript markers)
- furniture: running heads and feet, page numbers
- notes:     footnotes at a page's foot, continued across pages
- tables:    ruled tables as rows, placed in the page's stream with their caption
- aligned:   tables without cell borders: rows under horizontal rules, or three aligned columns
- boxes:     text boxes (a shaded panel of prose beside the running text) as tables of one cell
- figures:   images and drawings, and the text drawn in and around them (a chart's labels)
- meta:      title, authors and date: the document info, the date line, the contact blocks
- blocks:    the body's lines joined into headings, paragraphs and list items
- shapes:    what each block is by its shape and place: text, or title, cover, contents, captions,
             table notes, notices, end matter
"""

from pipeline.intake.formats.pdf.reader import extract_pdf

__all__ = ["extract_pdf"]
