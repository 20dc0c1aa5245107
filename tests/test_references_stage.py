"""The references stage end to end on a clean-stage fixture of seed 000 and small made-up seeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pipeline.references import extract as references
from pipeline.references.extract import build_references

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "references"
SEED_000 = FIXTURES / "clean" / "000_16bdd1d36e333c89.json"
SCHEMA = json.loads((ROOT / "pipeline" / "schemas" / "references.schema.json").read_text())
REPORT_SCHEMA = json.loads((ROOT / "pipeline" / "schemas" / "references-report.schema.json").read_text())


@pytest.fixture(scope="module")
def seed_000() -> tuple[list[dict], dict]:
    return build_references(json.loads(SEED_000.read_text(encoding="utf-8")))


def test_seed_000_has_twenty_entries_in_order(seed_000) -> None:
    items, _report = seed_000
    assert [item["citation-number"] for item in items] == list(range(1, 21))
    jsonschema.validate(items, SCHEMA)


def test_seed_000_ibids_point_to_the_entry_before_them(seed_000) -> None:
    items, report = seed_000
    assert {item["citation-number"]: item["ibid-of"] for item in items if "ibid-of" in item} == {
        2: 1,
        7: 6,
        9: 8,
        13: 12,
        17: 16,
    }
    assert [(entry["number"], entry["resolved_to"]) for entry in report["ibid"]] == [
        (2, 1),
        (7, 6),
        (9, 8),
        (13, 12),
        (17, 16),
    ]
    ibid = items[1]
    assert ibid["raw"] == "Ibid." and ibid["title"] == items[0]["title"] and ibid["URL"] == items[0]["URL"]


def test_seed_000_entry_3_is_parsed(seed_000) -> None:
    entry = seed_000[0][2]
    assert [name["family"] for name in entry["author"]] == ["Kim", "Park"]
    assert entry["issued"] == {"date-parts": [[2024]]}
    assert entry["title"] == "New North Korea-Russia pact calls for immediate military aid if invaded"
    assert entry["container-title"] == "Reuters"


def test_seed_000_report_flags_url_year_conflict_and_uncited_entry(seed_000) -> None:
    _items, report = seed_000
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["uncited"] == [9]
    assert report["missing_entries"] == [] and report["unparsed"] == []
    assert any("[19]" in warning and "2019-11-15" in warning for warning in report["warnings"])


def _clean(references: list[str], markers: list[int]) -> dict:
    return {
        "seed": "t",
        "status": "ok",
        "paragraphs": [
            {
                "index": 0,
                "kind": "paragraph",
                "text": "x",
                "sentences": [{"index": 0, "text": "x", "markers": markers}],
            }
        ],
        "references": [{"number": n, "raw": raw} for n, raw in enumerate(references, start=1)],
    }


def test_unresolvable_ibid_is_reported_not_bound() -> None:
    items, report = build_references(_clean(["Ibid.", "Walsh, N. 2024. “Envoy.” CNN."], [1, 2]))
    assert items[0]["unresolved"] is True and "ibid-of" not in items[0]
    assert report["ibid"] == [{"number": 1, "resolved_to": None, "reason": items[0]["reason"]}]
    jsonschema.validate(items, SCHEMA)


def test_marker_without_entry_is_reported() -> None:
    _items, report = build_references(_clean(["Walsh, N. 2024. “Envoy.” CNN."], [1, 4]))
    assert report["missing_entries"] == [4]
    assert any("[4]" in warning for warning in report["warnings"])


def test_skipped_seed_gives_empty_array() -> None:
    items, report = build_references(
        {"seed": "s", "status": "skipped", "references": [{"number": 1, "raw": "x"}]}
    )
    assert items == [] and report["ibid"] == []


def test_cli_writes_output_report_and_sidecar_items(tmp_path: Path, capsys) -> None:
    output, report = tmp_path / "out" / "000.json", tmp_path / "out" / "000.report.json"
    status = references.main(
        [
            str(SEED_000),
            "--sidecar",
            str(FIXTURES / "sidecars" / "example.bib"),
            "--output",
            str(output),
            "--report",
            str(report),
        ]
    )
    assert status == 0
    items = json.loads(output.read_text(encoding="utf-8"))
    assert len(items) == 22 and items[-1]["citation-key"] == "nato2024"
    jsonschema.validate(items, SCHEMA)
    jsonschema.validate(json.loads(report.read_text(encoding="utf-8")), REPORT_SCHEMA)
    assert "000_16bdd1d36e333c89.json: entry [9] is never cited" in capsys.readouterr().err


def test_cli_missing_input_is_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.references.extract",
            str(tmp_path / "nope.json"),
            "--output",
            str(tmp_path / "o.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "o.json").exists()


def test_cli_does_not_import_sidecar_libraries_without_sidecars(tmp_path: Path) -> None:
    code = (
        "import sys; from pipeline.references import extract as references; "
        f"references.main([{str(SEED_000)!r}, '--output', {str(tmp_path / 'o.json')!r}]); "
        "print('bibtexparser' in sys.modules or 'rispy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "False"
