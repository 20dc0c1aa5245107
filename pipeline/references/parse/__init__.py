"""The reference-string parser: one string (Harvard, APA, Chicago, MLA, Vancouver, ISO 690, a bare
URL, a news clipping, a flattened table row, a government or legal citation) to one CSL-JSON item.
Entry point: reference.parse_reference.

- reference: the parse in the order styles write a reference (locators, authors, date, title, container)
- locators:  URLs, DOIs and access notes cut out first
- names:     where the author list ends, and its CSL names
- segments:  where a sentence of a reference ends (abbreviations, initials, quotes); its comma parts
- bodies:    authors that are organisations: agencies by short names, a body and its offices
- imprint:   a book's imprint in brackets ("(GPO, 2024)"), the pinpoints, dates, report numbers and issuing
             body that close a note's title
- kinds:     the words that say what kind of document a work is
- places:    publishing places told apart from publishers
- roles:     publisher or container: organisation and site words, a serial then its issuing body
- clippings: news clipping lists written without punctuation
- runon:     reference rows written without punctuation (flattened tables)
- webpage:   a reference that is only a URL: the site, a title from its path, the date it spells
- government/: bills, laws, codes, cases, CRS and committee reports, floor statements, letters
"""
