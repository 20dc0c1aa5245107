"""Reading and atomically writing the JSON files stages hand each other."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import orjson

from pipeline.core.errors import PipelineError


def read_text(path: str | os.PathLike, remedy: str = "run the stage that makes it first") -> str:
    """A UTF-8 text file another stage (or the user) wrote; a missing or undecodable one is a PipelineError."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PipelineError(str(path), "file not found", remedy) from None
    except UnicodeDecodeError as error:
        raise PipelineError(str(path), f"not UTF-8 text (byte {error.start})", "save it as UTF-8") from None
    except OSError as error:  # a folder where a file should be, no permission to read it
        raise PipelineError(str(path), f"cannot be read ({error.strerror})", "make it a readable file") from None


def read_json(path: str | os.PathLike) -> Any:
    """A JSON file, read as bytes: orjson decodes the UTF-8 itself, with no text layer between."""
    try:
        with open(path, "rb") as handle:
            return orjson.loads(handle.read())
    except FileNotFoundError:
        raise PipelineError(str(path), "file not found", "run the stage that makes it first") from None
    except orjson.JSONDecodeError as error:  # a json.JSONDecodeError, as invalid UTF-8 is too
        raise PipelineError(str(path), f"not valid JSON ({error.msg}, line {error.lineno})",
                            "delete it and rebuild") from None
    except OSError as error:
        raise PipelineError(str(path), f"cannot be read ({error.strerror})", "delete it and rebuild") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(tmp: str, target: Path) -> None:
    """mkstemp makes 0600 files; give the output the permissions a plain open() would."""
    os.chmod(tmp, (stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IWGRP | stat.S_IROTH | stat.S_IWOTH) & ~_umask())
    os.replace(tmp, target)


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write text as UTF-8 with the line ends it has, atomically (write_bytes)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write via a temporary file and a rename, so readers never see half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _publish(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


# Levels of nesting laid out one item a line; what lies deeper is written compactly on its item's
# line. json.dumps with `indent` runs its pure-Python encoder over every value: 6.8 s for the facts
# of 10,000 seeds, against 0.2 s for orjson on the items, and the files read back 40% faster.
INDENTED_LEVELS = 2
# Keys as json writes them (1 -> "1", None -> "null"); numpy arrays and scalars as numbers.
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY


def _plain(value: Any) -> Any:
    """What orjson leaves to its default: a float subclass is a float; anything else is not JSON."""
    if isinstance(value, float):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _encode(value: Any) -> bytes:
    try:
        return orjson.dumps(value, default=_plain, option=_OPTIONS)
    except orjson.JSONEncodeError as error:
        if "64-bit" not in str(error):
            raise TypeError(str(error)) from None
        # an integer orjson cannot hold: json's encoder writes any int
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _key(key: Any) -> bytes:
    """A key as it stands in an object: orjson turns a key that is not a string into one only inside
    an object, so the key is encoded in one and cut out of it ('{"key":0}' -> '"key"')."""
    return _encode({key: 0})[1:-3]


def _laid_out(value: Any, depth: int) -> bytes:
    if depth >= INDENTED_LEVELS or not isinstance(value, (dict, list)) or not value:
        return _encode(value)
    pad = b"\n" + b"  " * (depth + 1)
    if isinstance(value, dict):
        items = [_key(key) + b": " + _laid_out(item, depth + 1) for key, item in value.items()]
    else:
        items = [_laid_out(item, depth + 1) for item in value]
    opening, closing = (b"{", b"}") if isinstance(value, dict) else (b"[", b"]")
    return opening + pad + (b"," + pad).join(items) + b"\n" + b"  " * depth + closing


def dumps_bytes(data: Any) -> bytes:
    """Stable, readable JSON as UTF-8: the same data always gives the same bytes; each item of the
    outer two levels (a section's point, a seed's paragraph, a fact) on a line of its own."""
    return _laid_out(data, 0) + b"\n"


def dumps(data: Any) -> str:
    """dumps_bytes as text."""
    return dumps_bytes(data).decode("utf-8")


def write_json(path: str | os.PathLike, data: Any) -> None:
    write_bytes(path, dumps_bytes(data))
