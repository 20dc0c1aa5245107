"""briefing-pipeline: seeds/ -> cited briefings (build/<config id>/<briefing>/briefing.html and .pdf).

One subpackage per stage of the DAG, in the order a seed goes through them; imports run one way,
from a later stage to an earlier one and to the shared layers below them all:

- core/          errors, JSON I/O, config, the build folder's layout, the Snakefile's helpers (uses nothing else here)
- text/          text tools every stage may use: normalization, sentences, markers, URLs, dates, CSL fields
- intake/        one seed read and cleaned (clean), and the corpus survey (corpus)
- references/    one seed's reference list parsed into CSL-JSON (references)
- bibliography/  every seed's references merged and de-duplicated (bibliography)
- content/       what the briefing says, per section (sections), as data (facts), what changed (changes)
- render/        templates, Markdown, HTML and PDF (fill, html, pdf)

`python -m pipeline --help` lists the stages; docs/architecture.md draws the map.
"""
