"""The bibliography stage end to end on fixtures: merges, map, Ibid., report, stability, schemas."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pipeline.bibliography.build import build_bibliography, main
from pipeline.bibliography.seedsource import seed_item

FIXTURE = Path(__file__).parent / "fixtures" / "bibliography" / "two-styles"
SCHEMAS = Path(__file__).resolve().parents[1] / "pipeline" / "schemas"
ROOT = Path(__file__).resolve().parents[1]


def load(folder: Path, kind: str) -> dict:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted((folder / kind).glob("*.json"))}


def build(folder: Path = FIXTURE, extra_references: dict | None = None):
    references = {**load(folder, "references"), **(extra_references or {})}
    corpus = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    return build_bibliography(references, load(folder, "clean"), corpus)


def run_stage(folder: Path, out: Path, reverse: bool = False) -> dict[str, bytes]:
    references = sorted(str(path) for path in (folder / "references").glob("*.json"))
    cleans = sorted(str(path) for path in (folder / "clean").glob("*.json"))
    if reverse:
        references, cleans = references[::-1], cleans[::-1]
    outputs = {name: out / name for name in ("bib.json", "map.json", "report.json", "report.md")}
    assert main([*references, "--clean", *cleans, "--corpus", str(folder / "corpus.json"),
                 "--output", str(outputs["bib.json"]), "--map", str(outputs["map.json"]),
                 "--report", str(outputs["report.json"]), "--report-md", str(outputs["report.md"])]) == 0
    return {name: path.read_bytes() for name, path in outputs.items()}


def test_same_work_cited_by_two_seeds_in_different_styles_is_one_entry():
    result = build()
    [smith] = result.mapping["000_harvard"]["4"]
    assert result.mapping["001_apa"]["1"] == [smith]
    entry = next(entry for entry in result.entries if entry["id"] == smith)
    assert {(original["seed"], original["key"]) for original in entry["originals"]} == \
        {("000_harvard", "4"), ("001_apa", "1")}
    assert entry["author"] == [{"family": "Smith", "given": "John"}]  # the fuller name wins
    assert entry["issued"] == {"date-parts": [[2023, 5, 2]]}  # the more precise date wins


def test_conflicting_dois_stay_two_entries():
    result = build()
    assert result.mapping["000_harvard"]["5"] != result.mapping["001_apa"]["2"]


def test_sidecar_key_and_mirror_hosts_map_to_the_same_entries():
    mapping = build().mapping
    assert mapping["001_apa"]["garamone2024"] == mapping["000_harvard"]["1"] == ["garamone2024north"]
    assert mapping["001_apa"]["4"] == mapping["000_harvard"]["8"]  # edition.cnn.com = www.cnn.com
    assert mapping["001_apa"]["3"] == mapping["000_harvard"]["2"]  # NATO as author = NATO as site


def test_ids_are_unique_and_sorted():
    ids = [entry["id"] for entry in build().entries]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))


def test_ibid_maps_to_the_entry_it_repeats_and_unresolved_is_left_out():
    result = build()
    assert result.mapping["000_harvard"]["3"] == result.mapping["000_harvard"]["2"]
    assert "6" not in result.mapping["000_harvard"]
    assert result.report["ibid"]["resolved"] == [
        {"seed": "000_harvard", "key": "3", "ibid_of": "2", "ids": result.mapping["000_harvard"]["2"]}]
    assert [(item["seed"], item["key"]) for item in result.report["ibid"]["unresolved"]] == [("000_harvard", "6")]
    assert all(original["key"] != "6" for entry in result.entries for original in entry["originals"])


def test_near_duplicate_seed_maps_to_the_kept_seed_entry():
    result = build()
    assert result.mapping["002_copy"]["@seed"] == result.mapping["001_apa"]["@seed"]
    assert result.report["duplicate_seeds"] == [
        {"seed": "002_copy", "kept": "001_apa", "id": result.mapping["001_apa"]["@seed"]}]


def test_skipped_seed_has_no_entry():
    result = build()
    assert "004_skipped" not in result.mapping
    assert result.report["skipped_seeds"][0]["seed"] == "004_skipped"


def test_unparsed_string_is_reported_and_shown_as_written():
    result = build()
    unparsed = result.report["unparsed"]
    assert [(item["seed"], item["key"]) for item in unparsed] == [("000_harvard", "7")]
    entry = next(entry for entry in result.entries if entry["id"] == unparsed[0]["id"])
    assert entry["title"].startswith("Personal communication")


def test_every_merge_has_a_reason():
    merges = build().report["merges"]
    assert len(merges) == 4
    assert all(merge["reason"] for merge in merges)


def test_seed_without_author_or_title_is_cited_by_its_publication():
    clean = json.loads((FIXTURE / "clean" / "003_untitled.json").read_text(encoding="utf-8"))
    item = seed_item(clean)
    assert "title" not in item
    assert item["author"] == [{"literal": "China Military Online"}]
    assert item["issued"] == {"date-parts": [[2024, 11, 25]]}
    assert "Translated from Chinese" in item["note"]


def test_seed_byline_is_split_into_family_and_given():
    item = seed_item({"seed": "x", "title": "T", "authors": ["Ayesha Zafar", "Mohamed SAKHRI"]})
    assert item["author"] == [{"family": "Zafar", "given": "Ayesha"}, {"family": "Sakhri", "given": "Mohamed"}]


def test_seed_date_comes_from_its_url_when_the_text_has_none():
    item = seed_item({"seed": "x", "title": "T", "authors": [], "publisher": "GSSR",
                      "url": "https://georgetownsecuritystudiesreview.org/2024/11/20/axis/"})
    assert item["issued"] == {"date-parts": [[2024, 11, 20]]}


def test_adding_an_unrelated_seed_keeps_every_existing_key():
    before = build()
    unrelated = [{"citation-number": 1, "raw": "Lee, K. 2021. Maritime law.", "type": "book",
                  "author": [{"family": "Lee", "given": "K."}], "issued": {"date-parts": [[2021]]},
                  "title": "Maritime law"}]
    after = build(extra_references={"005_unrelated": unrelated})
    for seed, keys in before.mapping.items():
        assert after.mapping[seed] == keys


def test_outputs_are_byte_identical_across_runs_and_argument_order(tmp_path):
    first = run_stage(FIXTURE, tmp_path / "one")
    second = run_stage(FIXTURE, tmp_path / "two", reverse=True)
    assert first == second


@pytest.mark.parametrize(("name", "schema"), [("bib.json", "bibliography.schema.json"),
                                              ("map.json", "bibliography-map.schema.json"),
                                              ("report.json", "bibliography-report.schema.json")])
def test_outputs_match_their_schemas(tmp_path, name, schema):
    outputs = run_stage(FIXTURE, tmp_path)
    jsonschema.validate(json.loads(outputs[name]), json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))


def test_report_markdown_lists_merges_and_ibids(tmp_path):
    text = run_stage(FIXTURE, tmp_path)["report.md"].decode("utf-8")
    assert "## Merges" in text and "same URL" in text
    assert "## Ibid. unresolved (left out)" in text


def test_broken_references_file_is_a_one_line_error(tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(FIXTURE, folder)
    (folder / "references" / "000_harvard.json").write_text("{not json", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline.bibliography.build", str(folder / "references" / "000_harvard.json"),
         "--output", str(tmp_path / "b.json"), "--map", str(tmp_path / "m.json")],
        capture_output=True, text=True, cwd=ROOT, check=False)
    assert completed.returncode == 1
    assert completed.stderr.startswith("error: ") and "000_harvard.json" in completed.stderr
    assert not (tmp_path / "b.json").exists()


def test_help_is_the_module_docstring_first_line():
    completed = subprocess.run([sys.executable, "-m", "pipeline.bibliography.build", "--help"],
                               capture_output=True, text=True, cwd=ROOT, check=True)
    assert "Merge the seeds' reference lists" in completed.stdout


def test_a_seed_states_its_own_authors_and_date_over_how_another_seed_cites_it():
    from pipeline.bibliography.merge import merge_items

    own = {"type": "report", "title": "Harbour Dues Reconsidered", "author": [{"family": "Lee", "given": "A."}],
           "issued": {"date-parts": [[2026]]}, "number": "R4321"}
    cited = {"type": "report", "title": "Harbour Dues Reconsidered", "number": "R4321",  # an earlier edition
             "author": [{"family": "Moss", "given": "Karl"}, {"family": "Lee", "given": "Ann"}],
             "issued": {"date-parts": [[2024, 5, 2]]}, "raw": "Karl Moss and Ann Lee, Harbour Dues ..."}
    merged = merge_items([cited, own], [{}, {}], [False, True])
    assert merged["author"] == own["author"] and merged["issued"] == own["issued"]
    assert merge_items([cited, own], [{}, {}])["author"] == cited["author"]  # no own record: the fuller list
