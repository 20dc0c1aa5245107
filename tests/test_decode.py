"""Bad seeds get a one-line error naming the file and what to do; other encodings are decoded."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.core.errors import PipelineError
from pipeline.intake.clean import clean_seed
from pipeline.intake.formats.decode import read_seed

ARTICLE = ("Talks Resume in Geneva\n\nThe ministry said on Tuesday that the talks would resume next week in "
           "Genève, according to two officials who spoke on condition of anonymity.\n")


def settings(on_bad_seed="fail", max_bytes=5_000_000):
    return {"seeds": {"on_bad_seed": on_bad_seed, "max_bytes": max_bytes}, "cleaning": {"extra_debris": []}}


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\n", "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    ("article.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
])
def test_bad_seed_gets_one_line_error_naming_file(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PipelineError) as caught:
        read_seed(str(path), 1000)
    line = caught.value.one_line()
    assert problem in line and str(path) in line and "\n" not in line and " — " in line


def test_seed_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 50, encoding="utf-8")
    with pytest.raises(PipelineError, match="over the limit"):
        read_seed(str(path), 1000)


def test_other_encoding_is_decoded_with_a_warning_naming_it(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes((ARTICLE * 3).encode("cp1252"))
    seed = read_seed(str(path), 10_000)
    assert "Genève" in seed.text
    assert seed.encoding != "utf-8"
    assert seed.warnings and seed.encoding in seed.warnings[0]


def test_clean_warns_once_naming_the_file_and_the_encoding(tmp_path, capsys):
    path = tmp_path / "latin.txt"
    path.write_bytes((ARTICLE * 3).encode("cp1252"))
    document = clean_seed(str(path), "latin", settings(), {})
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and document["encoding"] in err[0]
    assert err[0].count(str(path)) == 1


def test_bad_seed_is_skipped_with_a_record_when_configured(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document = clean_seed(str(path), "empty", settings(on_bad_seed="skip"), {})
    assert document["status"] == "skipped" and "is empty" in document["error"]


def test_bad_seed_fails_the_build_by_default(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(PipelineError):
        clean_seed(str(path), "empty", settings(), {})


def test_page_furniture_only_is_an_error_not_an_empty_document(tmp_path):
    path = tmp_path / "menu.txt"
    path.write_text("Home\nNews\nLeave a Reply\nBack to top\n", encoding="utf-8")
    with pytest.raises(PipelineError, match="no article text"):
        clean_seed(str(path), "menu", settings(), {})


def test_seed_file_is_never_modified(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text("\ufeff" + ARTICLE.replace("ministry", "min\u00adistry"), encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    clean_seed(str(path), "seed", settings(), {})
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_cli_prints_one_line_error_and_fails(tmp_path, capsys):
    from pipeline.core.errors import run_cli
    from pipeline.intake.clean import main

    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    config = tmp_path / "config.yaml"
    config.write_text("{}\n", encoding="utf-8")
    status = run_cli(main, [str(path), "--output", str(tmp_path / "out.json"), "--config", str(config)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1 and len(err) == 1 and err[0].startswith(f"error: {path}: is empty")
    assert not (tmp_path / "out.json").exists()
