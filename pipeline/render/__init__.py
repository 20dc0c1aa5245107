"""Render: sections and bibliography in, the briefing out (build/briefing.md, .html, .pdf).

Stages: fill (Jinja templates -> pandoc Markdown), html (pandoc + citeproc), pdf (WeasyPrint).

- templating: the one Jinja environment (strict, user templates over ours, escaping filters)
- fill:       the templates filled with the sections
- html:       pandoc's standalone HTML with the bibliography rendered by citeproc
- pdf:        the HTML printed to a paged PDF
"""
