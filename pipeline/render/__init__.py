"""Render: sections and bibliography in, the briefing out (build/briefing.md, .html, .pdf).

Stages: fill (Jinja templates -> pandoc Markdown), html (pandoc + citeproc), pdf (WeasyPrint).

- templating: the one Jinja environment (strict, user templates over ours, escaping filters), the
              one-line error for a broken template, the lookup of the other template files
- fill:       the templates filled with the sections
- passages:   point numbers, and the appendix: each source paragraph once, with the points it supports
- facts:      what the briefing says about itself: "as of" date, build, metadata, the sources' two parts
- labels:     short titles, short names and full labels of works
- html:       pandoc's standalone HTML (sandboxed) with the bibliography rendered by citeproc
- bibitems:   the bibliography as citeproc sees it: cited works only, short titles, inert markup
- pdf:        the HTML printed to a paged, tagged PDF by WeasyPrint, fetching only our assets
- pdfcheck:   what a finished PDF must not carry (embedded files, JavaScript, launch actions, file: links)
"""
