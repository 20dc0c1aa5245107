"""Reading a seed's bytes into text, refusing what is not a readable article.

Seeds are untrusted: an empty file, a binary file, an unsupported extension, text in no encoding
we can detect, or a file over the size limit each get a PipelineError naming the file and what to
do. Text not in UTF-8 is decoded with the encoding charset-normalizer detects, with a warning.
A PDF is binary by nature: its bytes go to the PDF reader undecoded (SeedText.data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import PipelineError

FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
           ".pdf": "pdf"}
BINARY_FORMATS = {"pdf"}  # read by their own reader from the bytes, never decoded as text


@dataclass
class SeedText:
    text: str  # empty for a binary format
    format: str
    encoding: str | None  # None for a binary format
    warnings: list[str] = field(default_factory=list)
    data: bytes = b""  # the file's bytes, for a binary format


def seed_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise PipelineError(path, f"unsupported file type '{suffix or '(none)'}'",
                            "save the article as .txt, .md, .html or .pdf, or move it out of seeds/")
    return FORMATS[suffix]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is no text file."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def decode_bytes(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings); UTF-8 first, then the encoding charset-normalizer finds."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    best = detect_encoding(data)
    if best is None:
        raise PipelineError(path, "the text is in no encoding that could be detected",
                            "re-save the file as UTF-8")
    encoding = best.encoding
    # The message names no file: whoever reports it knows which file it read.
    return str(best), encoding, [f"not UTF-8; decoded as {encoding} — re-save as UTF-8 to be sure"]


def detect_encoding(data: bytes):
    """charset-normalizer's guess, except that cp1252 wins among equally clean decodings.

    A Western text with few accents decodes cleanly as cp1252 and cp1250 alike ('Genève' /
    'Genčve'), and the language-coherence score that breaks the tie is noise on a few letters;
    cp1252 is the usual legacy encoding of Western web text (the WHATWG default).
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= cleanest + 0.01]
    return max(tied, key=lambda match: (match.encoding == "cp1252", match.coherence))


def read_seed(path: str, max_bytes: int) -> SeedText:
    fmt = seed_format(path)
    try:
        size = Path(path).stat().st_size
    except OSError as error:
        raise PipelineError(path, f"cannot be read ({error.strerror})",
                            "check the file exists and is readable") from None
    if size > max_bytes:
        raise PipelineError(path, f"is {size} bytes, over the limit of {max_bytes}",
                            "split the article or raise seeds.max_bytes in config.yaml")
    data = Path(path).read_bytes()
    if not data.strip():
        raise PipelineError(path, "is empty", "paste the article's text into it or delete it")
    if fmt in BINARY_FORMATS:
        return SeedText("", fmt, None, [], data)
    if looks_binary(data):
        raise PipelineError(path, "is a binary file, not text", "save the article as .txt, .md or .html")
    text, encoding, warnings = decode_bytes(data, path)
    if not text.strip():
        raise PipelineError(path, "has no text once decoded", "paste the article's text into it or delete it")
    return SeedText(text, fmt, encoding, warnings)
