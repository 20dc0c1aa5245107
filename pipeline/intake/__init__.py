"""Intake: one seed file in, one cleaned, structured document out (build/clean/<shard>/<seed>.json).

Stages: clean (one seed), corpus (all cleaned seeds -> build/corpus.json: skipped seeds, near
duplicates and boilerplate paragraphs).

- formats/:   bytes to text (decode); web pages, Markdown and PDF to the cleaner's lines
- debris:     page debris rules (data/debris.yaml): which lines are not the article, and why
- region:     where the article is on a page pasted as plain text
- pagehead:   the title and byline in the header above that article
- metadata:   byline, date, bio and provenance lines recognized
- labels:     labelled metadata ("Author(s): ...", "Publication Date: ...", "Updated <date>")
- notes:      which notes cite a work (and yield a reference) and which only explain
- blocks:     cleaned lines grouped into paragraphs, headings and list items
- seedmeta:   the document's metadata from its blocks
- refsection: the trailing reference list split off the body into numbered entries
- sources:    seeds/sources.yaml, metadata plain text cannot carry
- corpus:     the corpus survey (stage corpus), through survey/: fingerprints, overlaps, boilerplate
"""
