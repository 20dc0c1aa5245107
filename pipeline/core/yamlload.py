"""YAML a user writes (config.yaml, seeds/sources.yaml, a seed's front matter), loaded as plain data.

Safe loading: a tag that would build a Python object (!!python/object, !!python/name) is an error.
Bounded expansion: PyYAML makes an alias share its anchor's node rather than copy it, so a
"billion laughs" document (nine levels of nine aliases to the level above: 9^9 strings in a few
hundred bytes) loads in a millisecond and then hangs whatever walks it (validation, the JSON a stage
is handed). The loader counts the nodes a document stands for with every alias expanded, and stops
at MAX_NODES; an alias inside the node it names (a document that contains itself) is refused too.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# Far above any real file: the default config.yaml is about 300 nodes, a sources.yaml entry 10.
MAX_NODES = 200_000


class ExpansionError(yaml.YAMLError):
    """A document whose aliases expand past MAX_NODES or into themselves."""


class BoundedSafeLoader(yaml.SafeLoader):
    """SafeLoader that keeps, for every node composed, how many nodes it expands to."""

    max_nodes = MAX_NODES

    def __init__(self, stream):
        super().__init__(stream)
        self._expanded: dict[int, int] = {}

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            node = super().compose_node(parent, index)
            if id(node) not in self._expanded:  # its anchor's node is still being composed
                raise ExpansionError("an alias refers to the node that contains it (a document that contains itself)")
            return node
        node = super().compose_node(parent, index)
        self._expanded[id(node)] = self._expanded_size(node)
        return node

    def _expanded_size(self, node: yaml.Node) -> int:
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            return 1
        size = 1 + sum(self._expanded[id(child)] for child in children)
        if size > self.max_nodes:
            raise ExpansionError(f"its aliases expand to more than {self.max_nodes:,} items "
                                 "(aliases nested in aliases, as in a 'billion laughs' document)")
        return size


def load_yaml(text: str) -> Any:
    """The data of one YAML document; yaml.YAMLError (ExpansionError included) when it is refused."""
    return yaml.load(text, Loader=BoundedSafeLoader)


def yaml_problem(error: yaml.YAMLError) -> str:
    """The error on one line: 'not valid YAML (...)' or what the expansion check refused."""
    if isinstance(error, ExpansionError):
        return f"refused: {error}"
    tag = re.search(r"tag '(?:tag:yaml.org,2002:)?(python/[^']*)'", str(error))
    if isinstance(error, yaml.constructor.ConstructorError) and tag:
        mark = error.problem_mark
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return f"refused: the tag !!{tag[1]}{where} would build a Python object; only plain data is read"
    return f"not valid YAML ({' '.join(str(error).split())})"
