"""Intake: one seed file in, one cleaned, structured document out (build/clean/<seed>.json).

Stages: clean (one seed), corpus (all cleaned seeds -> build/corpus.json: skipped seeds and near
duplicates).

- formats/:   bytes to text (decode), web pages, Markdown and PDFs to lines (htmlextract, frontmatter, pdf)
- debris:     page debris rules (data/debris.yaml): which lines are not the article, and why
- region:     where the article is on a page pasted as plain text
- pagehead:   the title and byline in the header above that article
- metadata:   byline, date, bio and provenance lines recognized
- blocks:     cleaned lines grouped into paragraphs and headings
- seedmeta:   the document's metadata from its blocks
- refsection: the trailing reference list split off the body into numbered entries
- sources:    seeds/sources.yaml, metadata plain text cannot carry
"""
