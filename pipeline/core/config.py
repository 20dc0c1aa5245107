"""Loading config.yaml: validated against schemas/config.schema.yaml, defaults filled in.

The Snakefile validates with snakemake.utils.validate; stages run on their own load the same file
through load_config so that both paths see one schema and one set of defaults.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.core.errors import PipelineError

SCHEMA_NAME = "config.schema.yaml"


def config_schema() -> dict:
    from importlib import resources

    import yaml

    return yaml.safe_load(resources.files("pipeline.schemas").joinpath(SCHEMA_NAME).read_text("utf-8"))


def _validator_filling_defaults():
    from jsonschema import Draft202012Validator, validators

    def fill_defaults(validator, properties, instance, schema):
        if isinstance(instance, dict):
            for name, subschema in properties.items():
                if "default" in subschema and name not in instance:
                    instance[name] = json.loads(json.dumps(subschema["default"]))
        yield from Draft202012Validator.VALIDATORS["properties"](validator, properties, instance, schema)

    return validators.extend(Draft202012Validator, {"properties": fill_defaults})


def describe_error(error) -> str:
    """Name the offending key: 'sections[2].keywords: 3 is not of type array'."""
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return f"{where.lstrip('.') or 'top level'}: {error.message}"


def validate_config(config: Any, path: str = "config.yaml") -> dict:
    """Validate a parsed config, filling defaults in place; raise PipelineError naming the key."""
    if config is None:
        config = {}
    validator = _validator_filling_defaults()(config_schema())
    errors = sorted(validator.iter_errors(config), key=lambda e: list(e.absolute_path))
    if errors:
        raise PipelineError(path, f"invalid configuration at {describe_error(errors[0])}",
                            "fix that key (every key is described in pipeline/schemas/config.schema.yaml)")
    return config


def load_config(path: str) -> dict:
    import yaml  # lazily: stages handed --settings (every Snakemake job) never parse YAML

    try:
        with open(path, encoding="utf-8") as handle:
            config = yaml.safe_load(handle)
    except FileNotFoundError:
        raise PipelineError(path, "configuration file not found", "pass the path of config.yaml") from None
    except yaml.YAMLError as error:
        raise PipelineError(path, f"not valid YAML ({error})".replace("\n", " "), "fix the YAML syntax") from None
    return validate_config(config, path)


def settings_from_args(config_path: str | None, settings_json: str | None) -> dict:
    """A stage's settings: from --settings (JSON the Snakefile passes) or else --config FILE.

    The Snakefile hands over parts of a config it has already validated, defaults filled in, so
    they are not validated again: that would cost every job a jsonschema import.
    """
    if settings_json is not None:
        return json.loads(settings_json)
    return load_config(config_path or "config.yaml")
