"""The author list that opens a reference: where it ends, and its CSL names.

- extent: where the author list ends (bodies and agencies first, then a walk over the name words)
- names:  the list split into CSL names, people as family and given names, organisations as literals
- bodies: authors that are organisations: agencies by short names, a body and its offices
- words:  the word classes both read by: initials, name words, particles, connectors, quotes
"""
