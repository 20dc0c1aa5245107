"""The reference-string parser: one string (Harvard, APA, Chicago, MLA, Vancouver, ISO 690, a bare
URL, a news clipping, a flattened table row, a government or legal citation) to one CSL-JSON item.
Entry point: reference.parse_reference.

- reference: the parse in the order styles write a reference (locators, authors, date, title, container)
- locators:  URLs, DOIs and access notes cut out first
- title:     where the title ends (quoted, or the first sentence and what goes on with it), and what closes it
- segments:  where a sentence of a reference ends (abbreviations, initials, quotes); its comma parts
- container: the journal, site, publisher or serial after the title, and its numbers
- imprint:   a book's imprint in brackets ("(GPO, 2024)"), the pinpoints, dates, report numbers and issuing
             body that close a note's title
- kinds:     the words that say what kind of document a work is
- places:    publishing places told apart from publishers
- roles:     publisher or container: organisation and site words, a serial then its issuing body
- authors/:  where the author list ends, its CSL names, organisations as authors
- shapes/:   strings of shapes of their own: news clipping lists, run-on table rows, a bare URL
- government/: bills, laws, codes, cases, CRS and committee reports, floor statements, letters
"""
