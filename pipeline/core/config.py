"""Loading config.yaml: validated against schemas/config.schema.yaml, defaults filled in.

The Snakefile's first lines call build_config (the file Snakemake's --configfile names, else
config.yaml) and stages run on their own call load_config: both read YAML through
core/yamlload.py and validate with one schema and one set of defaults. A problem stops the build
with one line naming the key path and what it expects:

    error: config.yaml: sections[2].keywords[1]: expected a string, got a list — fix that key ...

A number or a date where the schema wants a string is read as its text (keywords: [election,
2020]), as a user writing a year or a date in a list of words means it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from pipeline.core.builds import briefing_problem
from pipeline.core.errors import PipelineError

SCHEMA_NAME = "config.schema.yaml"
DEFAULT_CONFIG = "config.yaml"
REMEDY = "fix that key (every key is described in pipeline/schemas/config.schema.yaml)"

TYPE_WORDS = {"string": "a string", "array": "a list", "object": "a mapping of keys to values",
              "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "null"}

PATTERN_WORDS = {"^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens, starting with a letter or digit",
                 "^[A-Za-z0-9_-][A-Za-z0-9_.-]*[.]j2$": "a template's file name in templates/, ending in .j2"}


@cache
def _schema_text() -> str:
    from importlib import resources

    return resources.files("pipeline.schemas").joinpath(SCHEMA_NAME).read_text("utf-8")


def config_schema() -> dict:
    import yaml

    return yaml.safe_load(_schema_text())


def _validator_filling_defaults():
    from jsonschema import Draft202012Validator, validators

    def fill_defaults(validator, properties, instance, schema):
        if isinstance(instance, dict):
            for name, subschema in properties.items():
                if "default" in subschema and name not in instance:
                    instance[name] = json.loads(json.dumps(subschema["default"]))
        yield from Draft202012Validator.VALIDATORS["properties"](validator, properties, instance, schema)

    return validators.extend(Draft202012Validator, {"properties": fill_defaults})


def kind_of(value: Any) -> str:
    """What a YAML value is, in the words an error message uses."""
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    for types, word in ((str, "text"), ((int, float), "a number"), (list, "a list"), (dict, "a mapping"),
                        ((dt.date, dt.datetime), "a date")):
        if isinstance(value, types):
            return word
    return type(value).__name__


def key_path(parts: Sequence) -> str:
    """sections[2].keywords[1] from ['sections', 2, 'keywords', 1]."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".") or "top level"


def _expected_types(error) -> str:
    types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    expected = " or ".join(TYPE_WORDS.get(t, t) for t in types)
    got = kind_of(error.instance)
    if isinstance(error.instance, bool) and "string" in types:
        got += " (YAML reads an unquoted yes, no, on, off, true or false so: quote it)"
    return f"expected {expected}, got {got}"


def _unknown_key(error) -> tuple[list, str]:
    known = sorted(error.schema.get("properties", {}))
    unknown = sorted(set(error.instance) - set(known), key=str)[0]
    close = difflib.get_close_matches(str(unknown), known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"the keys here are {', '.join(known)}"
    return [*error.absolute_path, unknown], f"unknown key ({hint})"


def describe_error(error) -> str:
    """One jsonschema error as 'sections[2].keywords[1]: expected a string, got a list'."""
    path, kind, value = list(error.absolute_path), error.validator, error.validator_value
    if kind == "type":
        problem = _expected_types(error)
    elif kind == "additionalProperties" and isinstance(error.instance, dict):
        path, problem = _unknown_key(error)
    elif kind == "required":
        missing = [name for name in value if name not in error.instance]
        problem = f"missing key '{missing[0]}'" if missing else error.message
    elif kind == "enum":
        problem = f"expected one of {', '.join(map(str, value))}, got {error.instance!r}"
    elif kind in ("minimum", "maximum"):
        problem = f"expected a number {'at least' if kind == 'minimum' else 'at most'} {value}, got {error.instance}"
    elif kind == "maxLength":
        problem = f"expected at most {value} characters, got {len(error.instance)}"
    elif kind == "minItems":
        problem = f"expected at least {value} item{'s' if value != 1 else ''}"
    elif kind == "pattern":
        gloss = PATTERN_WORDS.get(value, f"text matching {value}")
        problem = f"expected {gloss}, got {error.instance!r}"
    else:
        problem = error.message
    return f"{key_path(path)}: {problem}"


def _wants_string(schema: Mapping) -> bool:
    types = schema.get("type")
    return types == "string" or (isinstance(types, list) and "string" in types)


def coerce_scalars(instance: Any, schema: Mapping) -> Any:
    """Numbers and dates where the schema wants a string, as their text; all else as it is."""
    if isinstance(instance, dict):
        properties, extra = schema.get("properties", {}), schema.get("additionalProperties")
        fallback = extra if isinstance(extra, dict) else {}
        return {key: coerce_scalars(value, properties.get(key, fallback)) for key, value in instance.items()}
    if isinstance(instance, list):
        items = schema.get("items")
        return [coerce_scalars(value, items if isinstance(items, dict) else {}) for value in instance]
    if _wants_string(schema) and not isinstance(instance, bool):
        if isinstance(instance, (dt.date, dt.datetime)):
            return instance.isoformat()
        if isinstance(instance, (int, float)):
            return str(instance)
    return instance


def _path_order(error) -> list[tuple]:
    return [(0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in error.absolute_path]


def validate_config(config: Any, path: str = DEFAULT_CONFIG) -> dict:
    """A parsed config, scalars coerced and defaults filled in; PipelineError naming the first bad key."""
    if config is None:
        config = {}
    if not isinstance(config, dict):
        raise PipelineError(path, f"top level: expected a mapping of keys to values, got {kind_of(config)}", REMEDY)
    schema = config_schema()
    config = coerce_scalars(config, schema)
    validator = _validator_filling_defaults()(schema)
    errors = sorted(validator.iter_errors(config), key=_path_order)
    if errors:
        more = f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
        raise PipelineError(path, describe_error(errors[0]) + more, REMEDY)
    problem = briefing_problem(config)
    if problem:
        raise PipelineError(path, problem, REMEDY)
    return config


def read_config_file(path: str) -> Any:
    """The data in one config file, read safely (core/yamlload.py); not yet validated."""
    import yaml  # lazily: stages handed --settings (every Snakemake job) never parse YAML

    from pipeline.core.yamlload import load_yaml, yaml_problem

    try:
        with open(path, encoding="utf-8") as handle:
            return load_yaml(handle.read())
    except FileNotFoundError:
        raise PipelineError(path, "configuration file not found", "pass the path of config.yaml") from None
    except UnicodeDecodeError:
        raise PipelineError(path, "not UTF-8 text", "save it as UTF-8") from None
    except yaml.YAMLError as error:
        raise PipelineError(path, yaml_problem(error), "fix the file (plain YAML data)") from None


def load_config(path: str) -> dict:
    return validate_config(read_config_file(path), path)


def _plain(value: Any) -> Any:
    """Mappings as dicts and sequences as lists, copied (Snakemake hands --config over as a Map)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _merge(base: dict, update: Mapping) -> dict:
    """Snakemake's merge of config files: nested mappings key by key, anything else replaced."""
    for key, value in update.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = _plain(value)
    return base


def _shown(path: str | os.PathLike) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def build_config(configfiles: Sequence[str | os.PathLike] = (), overrides: Mapping | None = None) -> dict:
    """The config of a build: the --configfile files (merged in order; each stands alone, keys it
    leaves out take the schema's defaults, not config.yaml's values), else config.yaml; then
    --config key=value overrides."""
    paths = [_shown(path) for path in configfiles] or [DEFAULT_CONFIG]
    merged: dict = {}
    for path in paths:
        data = read_config_file(path)
        if data is not None and not isinstance(data, dict):
            validate_config(data, path)  # names what the top level is
        _merge(merged, data or {})
    _merge(merged, overrides or {})
    return validate_config(merged, " + ".join(paths))


def snakefile_config(configfiles: Sequence[str | os.PathLike] = (), overrides: Mapping | None = None) -> dict:
    """build_config for the Snakefile: a problem ends Snakemake with its one line, no traceback."""
    try:
        return build_config(configfiles, overrides)
    except PipelineError as error:
        raise SystemExit(error.one_line()) from None


def settings_from_args(config_path: str | None, settings_json: str | None) -> dict:
    """A stage's settings: from --settings (JSON the Snakefile passes) or else --config FILE.

    The Snakefile hands over parts of a config it has already validated, defaults filled in, so
    they are not validated again: that would cost every job a jsonschema import.
    """
    if settings_json is not None:
        return json.loads(settings_json)
    return load_config(config_path or DEFAULT_CONFIG)
