"""Render: sections, facts and bibliography in, the briefing out (build/briefing.md, .html, .pdf).

Stages: fill (Jinja templates -> pandoc Markdown), html (pandoc + citeproc), pdf (WeasyPrint).

- templating: the one Jinja environment (strict, user templates over ours, escaping filters), the
              one-line error for a broken template, the lookup of the other template files
- fill:       the templates filled with the sections and build/facts.json
- tables:     build/facts.json as table rows (key figures, timeline, terms, dated sources, coverage)
              and the bottom line's judgments, every row citing its source and pointing at its sentence
- actors:     a section grouped by actor (group_by: actor): who said what, with their roles
- chart:      the timeline figure, an SVG drawn by matplotlib (imported only to draw it)
- passages:   point and row numbers, and the appendix: each source paragraph once, with what it supports
- facts:      what the briefing says about itself: "as of" date (facts.json's), build, metadata, sources
- labels:     short titles, short names and full labels of works
- html:       pandoc's standalone HTML (sandboxed) with the bibliography rendered by citeproc
- sourcelists: each point's list of further sources, kept out of the Markdown and of the PDF
- bibitems:   the bibliography as citeproc sees it: cited works only, short titles, inert markup
- pdf:        the HTML printed to a paged, tagged PDF by WeasyPrint, fetching only our assets
- pdfcheck:   what a finished PDF must not carry (embedded files, JavaScript, launch actions, file: links)
"""
