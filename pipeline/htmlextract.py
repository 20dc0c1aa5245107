"""Saved web pages and Markdown files turned into the line-per-block text the cleaner reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    text: str
    metadata: dict = field(default_factory=dict)  # title, authors, date, publisher, url


def extract_html(html: str) -> Extracted:
    """Main text and metadata of a page through trafilatura; headings keep a '# ' prefix."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=True, include_formatting=True,
                                           favor_precision=False, deduplicate=False, as_dict=False)
    if document is None:
        return Extracted("", {})
    text = trafilatura.extract(html, output_format="markdown", include_comments=False,
                               include_tables=True, include_formatting=True, include_links=False,
                               include_images=False, deduplicate=False) or ""
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    metadata = {"title": document.title, "authors": authors, "date": document.date,
                "publisher": document.sitename, "url": document.url}
    return Extracted(plain_markdown_lines(text), {k: v for k, v in metadata.items() if v})


def plain_markdown_lines(text: str) -> str:
    """Drop inline emphasis marks trafilatura's Markdown adds, keep '# ' headings and lines."""
    import re

    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return re.sub(r"^\s*[-*+]\s+", "• ", text, flags=re.M)


def extract_markdown(markdown: str) -> Extracted:
    """Markdown through pandoc's plain writer (no wrapping): one block a paragraph, markup gone."""
    import pypandoc

    title = None
    front = markdown.lstrip()
    text = pypandoc.convert_text(markdown, "plain", format="markdown-citations-raw_html-raw_attribute",
                                 extra_args=["--wrap=none"])
    if front.startswith("---"):
        from pipeline.frontmatter import front_matter_title
        title = front_matter_title(front)
    return Extracted(text, {"title": title} if title else {})
