"""Read one YAML file into plain data, remembering the line of every value.

Contributor files are untrusted, so this reader is stricter than yaml.safe_load:
no anchors or aliases (no "billion laughs"), no duplicate keys, a size and depth
limit, and dates kept as strings. Every failure is a YamlFileError with a line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

MAX_FILE_BYTES = 100_000
MAX_DEPTH = 12


@dataclass
class YamlFileError(Exception):
    line: int
    code: str
    message: str


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and deep nesting."""

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent) or self.peek_event().anchor is not None:
            mark = self.peek_event().start_mark
            raise YamlFileError(mark.line + 1, "E103", "anchors and aliases (& and *) are not allowed")
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise YamlFileError(mark.line + 1, "E104", f"data is nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Keep dates such as 2026-11-22 as plain strings, as JSON and the schemas expect.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> tuple[object, dict[tuple, int]]:
    """Return (data, lines): lines maps a path such as ("steps", 2) to its line."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(1, "E100", f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlFileError(line, "E100", "file is not valid UTF-8 text") from None
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        if "\t" in problem or "\\t" in problem:
            problem += " (use spaces, not tabs, to indent)"
        raise YamlFileError(mark.line + 1 if mark else 1, "E101", f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as error:
        raise YamlFileError(1, "E101", f"YAML syntax error: {error}") from None
    finally:
        loader.dispose()
    if root is None:
        raise YamlFileError(1, "E100", "file is empty")
    lines: dict[tuple, int] = {}
    return _to_data(root, (), lines, loader), lines


def _to_data(node, path: tuple, lines: dict, loader) -> object:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlFileError(key_node.start_mark.line + 1, "E101", "a key must be a plain word")
            key = key_node.value
            if key in result:
                raise YamlFileError(key_node.start_mark.line + 1, "E102", f"duplicate key '{key}'")
            result[key] = _to_data(value_node, path + (key,), lines, loader)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, SequenceNode):
        return [_to_data(item, path + (i,), lines, loader) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        raise YamlFileError(node.start_mark.line + 1, "E101", f"YAML value error: {error}") from None
