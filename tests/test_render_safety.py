"""Rendering fetches nothing it should not: WeasyPrint reads only the template folders and data:
URLs (no other file, no network, no attachments), pandoc runs sandboxed with a time limit, and a
PDF carrying embedded files, JavaScript, launch actions or file: links is refused."""

from __future__ import annotations

import base64
import http.server
import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from conftest import REPO
from pipeline.core.errors import PipelineError, run_cli
from pipeline.render import html, pdf
from pipeline.render.pdfcheck import unsafe_parts

TEMPLATES = str(REPO / "templates")
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


@pytest.fixture
def web_server():
    """A local HTTP server that records every request made to it."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the handler's API)
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(PIXEL)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()


def images_in(document: bytes) -> int:
    reader = PdfReader(io.BytesIO(document))
    return sum(len(page.images) for page in reader.pages)


def test_weasyprint_reads_the_template_folders_and_data_urls_only(tmp_path, web_server):
    url, requests = web_server
    assets, outside = tmp_path / "assets", tmp_path / "outside"
    assets.mkdir()
    outside.mkdir()
    (assets / "ok.png").write_bytes(PIXEL)
    (outside / "secret.png").write_bytes(PIXEL)
    (outside / "secret.css").write_text("body { color: red }")
    data = "data:image/png;base64," + base64.b64encode(PIXEL).decode()
    page = f"""<html><head><link rel="stylesheet" href="{(outside / 'secret.css').as_uri()}">
        <style>@import url("{url}/import.css");</style></head><body>
        <img alt="asset" src="{(assets / 'ok.png').as_uri()}"><img alt="data" src="{data}">
        <img alt="outside" src="{(outside / 'secret.png').as_uri()}"><img alt="up" src="{(assets / '..' / 'outside' / 'secret.png').as_uri()}">
        <img alt="web" src="{url}/pixel.png"><img alt="passwd" src="file:///etc/passwd"></body></html>"""
    document, warnings = pdf.render_pdf(page, [str(assets)])
    assert requests == []
    assert images_in(document) == 2
    refused = [w for w in warnings if "not fetched" in w]
    assert len(refused) == 6, warnings


def test_no_attachment_reaches_the_pdf(tmp_path):
    (tmp_path / "notes.txt").write_text("inside the assets, still not attached")
    attachment = (tmp_path / "notes.txt").as_uri()
    page = f"""<html><head><title>t</title><link rel="attachment" href="{attachment}"></head>
        <body><p><a rel="attachment" href="{attachment}">notes</a></p></body></html>"""
    document, _ = pdf.render_pdf(page, [str(tmp_path)])
    root = PdfReader(io.BytesIO(document)).trailer["/Root"]
    assert "/EmbeddedFiles" not in (root.get("/Names") or {})
    assert unsafe_parts(document) == []


def test_a_file_link_in_the_page_is_found_in_the_pdf():
    document, _ = pdf.render_pdf('<html><body><p><a href="file:///etc/passwd">a file</a></p></body></html>',
                                 [TEMPLATES])
    assert unsafe_parts(document) == ["a link to 'file:///etc/passwd' (page 1)"]


def unsafe_pdf(kind: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    if kind == "javascript":  # a document-level script, built by hand (pypdf's helper changed across versions)
        script = writer._add_object(DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                                      NameObject("/JS"): TextStringObject("app.alert('x');")}))
        names = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("x"), script])})
        writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): names})
    elif kind == "attachment":
        writer.add_attachment("x.txt", b"x")
    else:
        action = {"launch": {"/S": "/Launch", "/F": "calc.exe"}, "file-link": {"/S": "/URI", "/URI": "file:///etc/passwd"},
                  "remote": {"/S": "/GoToR", "/F": "other.pdf", "/D": [0, "/Fit"]}}[kind]
        annotation = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
                                       NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4)})
        annotation[NameObject("/A")] = DictionaryObject(
            {NameObject(k): NameObject(v) if str(v).startswith("/") else TextStringObject(str(v))
             for k, v in action.items() if k != "/D"})
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("kind, found", [("javascript", "JavaScript"), ("attachment", "embedded files"),
                                         ("launch", "Launch action"), ("file-link", "file:///etc/passwd"),
                                         ("remote", "a link to a file")])
def test_the_pdf_check_finds_unsafe_parts(kind, found):
    problems = unsafe_parts(unsafe_pdf(kind))
    assert any(found in problem for problem in problems), problems


def test_the_pdf_stage_refuses_to_write_an_unsafe_pdf(tmp_path, capsys):
    (tmp_path / "briefing.html").write_text('<html><body><p><a href="file:///etc/passwd">x</a></p></body></html>')
    output = tmp_path / "briefing.pdf"
    assert run_cli(pdf.main, [str(tmp_path / "briefing.html"), "--output", str(output)]) == 1
    assert "file:///etc/passwd" in capsys.readouterr().err and not output.exists()


@pytest.mark.parametrize("body", [
    '<p><a href="file:///etc/passwd">a file</a> and <a href="https://example.org/">a page</a></p>',
    '<p><a href="javascript:alert(1)">a script</a></p><p style="page-break-before: always">'
    '<a href="ftp://example.org/x">two</a> <a href="#top" id="top">in the page</a></p>',
    "<p>nothing to link to</p>",
])
def test_the_check_before_writing_finds_what_the_check_of_the_written_pdf_finds(body):
    from pipeline.render.pdfcheck import unsafe_parts_to_write

    found: list[str] = []
    document, _ = pdf.render_pdf(f"<html><body>{body}</body></html>", [TEMPLATES],
                                 lambda _, written: found.extend(unsafe_parts_to_write(written)))
    assert found == unsafe_parts(document)
    assert ("<a" in body) == bool(found), found


def test_pandoc_runs_sandboxed_and_embeds_no_local_file(tmp_path):
    (tmp_path / "pandoc").mkdir()
    (tmp_path / "pandoc" / "html.yaml").write_text((REPO / "templates/pandoc/html.yaml").read_text()
                                                   + "embed-resources: true\n")
    secret = tmp_path / "secret.png"
    secret.write_bytes(PIXEL)
    markdown = f"---\ntitle: T\n---\n\n![a local file]({secret})\n"
    page = html.render_html(markdown, [], [str(tmp_path), TEMPLATES], None)
    assert "data:image/png" not in page
    assert "--sandbox" in html.pandoc_arguments([TEMPLATES], "b.json", "s.html", None)


def test_pandoc_that_takes_too_long_is_stopped(monkeypatch):
    monkeypatch.setattr(html, "PANDOC_TIMEOUT", 0.001)
    with pytest.raises(PipelineError, match="longer than"):
        html.render_html("---\ntitle: T\n---\n\ntext\n", [], [TEMPLATES], None)


def test_a_huge_bibliography_lists_only_the_works_cited():
    bibliography = [{"id": f"work{n}", "type": "book", "title": f"Work {n}", "author": [{"family": f"A{n}"}]}
                    for n in range(10_000)]
    markdown = "---\ntitle: T\nanalysed-articles: [work7]\n---\n\nText [@work7; @work9001].\n\n" \
               "## Sources\n\n::: {#refs-analysed}\n:::\n\n::: {#refs-cited}\n:::\n\n::: {#refs}\n:::\n"
    page = html.render_html(markdown, bibliography, [TEMPLATES], None)
    assert page.count('class="csl-entry"') == 2
    assert 'id="ref-work7"' in page and 'id="ref-work9001"' in page


def test_the_stylesheet_may_not_close_its_style_element(tmp_path):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "local.css").write_text("p {} </style><script>alert(1)</script>")
    with pytest.raises(PipelineError, match="</style"):
        html.render_html("text\n", [], [str(tmp_path), TEMPLATES], None)


def test_assets_outside_the_folders_are_refused(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.css").write_text("")
    (tmp_path / "b.css").write_text("")
    roots = [(tmp_path / "in").resolve()]
    assert pdf.asset_path((tmp_path / "in" / "a.css").as_uri(), roots) == (tmp_path / "in" / "a.css").resolve()
    assert pdf.asset_path((tmp_path / "b.css").as_uri(), roots) is None
    assert pdf.asset_path(Path(tmp_path / "in" / ".." / "b.css").as_uri(), roots) is None
    assert pdf.asset_path("file://evil.example/in/a.css", roots) is None
    assert pdf.asset_path("https://example.org/a.css", roots) is None


def test_metadata_written_into_attributes_cannot_end_them():
    from pipeline.render.templating import yaml_string

    short, keyword = yaml_string('A "b" <i>c</i> & d'), yaml_string('k" onload="alert(1)')
    markdown = f"---\ntitle: T\nshort-title: {short}\nkeywords:\n  - {keyword}\n  - two\n---\n\ntext\n"
    page = html.render_html(markdown, [], [TEMPLATES], None)
    assert 'content="k&quot; onload=&quot;alert(1), two"' in page
    assert 'data-short-title="A &quot;b&quot; &lt;i&gt;c&lt;/i&gt; &amp; d"' in page
