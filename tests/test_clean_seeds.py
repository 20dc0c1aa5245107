"""The five shipped seeds, pinned: metadata found, debris gone, every sentence of each article kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.intake.clean import clean_text
from pipeline.text.markers import strip_markers
from pipeline.text.sentences import sentence_spans
from pipeline.text.textnorm import normalize_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_METADATA = {
    "000_16bdd1d36e333c89": {
        "title": "The Impact of Donald Trump’s Re-election on the Russia-Ukraine War",
        "authors": ["Ayesha Zafar"],
    },
    "001_53082d84c02411d7": {"title": "Axis of Upheaval? A DPRK Deployment in Ukraine", "authors": []},
    "002_685620a3757580a5": {
        "title": "Turning Tides: The Impact of North Korean Troops and Trump’s Return on the Ukrainian Crisis"
    },
    "003_89b6d7d1544657c2": {
        "title": "US-Russian Relations Under Trump’s Administration",
        "authors": ["Mohamed Sakhri"],
        "publisher": "World Policy Hub",
    },
    "004_14f959a14f205cfe": {
        "title": None,
        "title_missing": True,
        "authors": ["Li Yingying"],
        "publisher": "China Military Online",
    },
}
DEBRIS = [
    "LegalPoliticsSecurity",
    "One Comment",
    "Leave a Reply",
    "Your email address will not be published",
    "Required fields are marked",
    "Back to top",
    "Related Articles",
    "Related Sources",
    "Source 1",
    "By Ayesha Zafar",
    "By Li Yingying",
    "Editor’s note",
    "(The author is",
    "I’m Mohamed Sakhri",
]
# Lines of the seeds that are metadata, not article body: they leave the body on purpose.
METADATA_LINE = re.compile(r"^(?:I’m Mohamed Sakhri|\(The author is|Editor’s note|How will the North Korean)")


def clean_seed_text(seed: str) -> dict:
    path = SEEDS / f"{seed}.txt"
    return clean_text(path.read_text("utf-8"), "text", str(path))


def article_sentences(seed: str) -> list[str]:
    """Every sentence of the seed's article lines: long lines before its bibliography, other than
    its title, its metadata lines and its debris."""
    text = normalize_text((SEEDS / f"{seed}.txt").read_text("utf-8")).split("\nBibliography\n")[0]
    sentences = []
    for line in text.split("\n"):
        if (
            len(line.split()) >= 8
            and not METADATA_LINE.match(line)
            and line != SEED_METADATA[seed]["title"]
            and not line.startswith(tuple(DEBRIS))
        ):
            plain, _ = strip_markers(line)
            sentences += [plain[start:end] for start, end in sentence_spans(plain)]
    return sentences


@pytest.mark.parametrize("seed", sorted(SEED_METADATA))
def test_seed_metadata_is_found(seed):
    document = clean_seed_text(seed)
    for field, value in SEED_METADATA[seed].items():
        assert document[field] == value, field


@pytest.mark.parametrize("seed", sorted(SEED_METADATA))
def test_seed_body_has_no_debris(seed):
    body = "\n".join(p["text"] for p in clean_seed_text(seed)["paragraphs"])
    for snippet in DEBRIS:
        assert snippet not in body


@pytest.mark.parametrize("seed", sorted(SEED_METADATA))
def test_every_sentence_of_the_seed_article_is_kept(seed):
    body = " ".join(p["text"] for p in clean_seed_text(seed)["paragraphs"])
    sentences = article_sentences(seed)
    assert len(sentences) > 10
    missing = [s for s in sentences if s not in body]
    assert not missing


def test_li_yingying_provenance_and_affiliation():
    document = clean_seed_text("004_14f959a14f205cfe")
    assert document["provenance"]["original_publisher"] == "china.com.cn"
    assert document["provenance"]["republished_by"] == "China Military Online"
    assert document["provenance"]["translated_from"] == "Chinese"
    assert document["affiliation"].startswith(
        "assistant researcher at the Department for European-Central Asian"
    )


def test_zafar_seed_keeps_its_bibliography_and_markers():
    document = clean_seed_text("000_16bdd1d36e333c89")
    assert [r["number"] for r in document["references"]] == list(range(1, 21))
    markers = [m for p in document["paragraphs"] for s in p["sentences"] for m in s["markers"]]
    assert 1 in markers and 20 in markers
    assert not any("[1]" in p["text"] for p in document["paragraphs"])


def test_sakhri_seed_keeps_its_headings():
    headings = [
        p["text"] for p in clean_seed_text("003_89b6d7d1544657c2")["paragraphs"] if p["kind"] == "heading"
    ]
    assert "Freezing the Conflict and Recognizing Russian Control over Certain Areas" in headings
    assert len(headings) == 14
