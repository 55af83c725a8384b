"""Read one YAML file into plain data, remembering the line of every value.

Contributor files are untrusted, so this reader is stricter than yaml.safe_load:
no anchors or aliases (no "billion laughs"), no duplicate keys, a size and depth
limit, and dates kept as strings. Every failure is a YamlFileError with a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.events import AliasEvent, MappingEndEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent
from yaml.nodes import ScalarNode

from ..limits import MAX_DEPTH, MAX_FILE_BYTES

COLLECTION_TAGS = ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")
STRING_TAG = "tag:yaml.org,2002:str"


@dataclass
class YamlFileError(Exception):
    line: int
    code: str
    message: str
    fix: str = ""  # a fix for this very problem, where the rule's general one would not help


_FastestLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_FastestLoader):
    """libyaml's fast parser where present; only its events are used, never its composer."""


# Keep dates such as 2026-11-22 as plain strings, as JSON and the schemas expect.
_Loader.yaml_implicit_resolvers = {
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
    loader = _Loader(text)
    lines: dict[tuple, int] = {}
    try:
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            raise YamlFileError(1, "E100", "file is empty")
        loader.get_event()  # document start
        data = _compose(loader, (), lines, 1)
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            line = loader.peek_event().start_mark.line + 1
            raise YamlFileError(line, "E101", "only one YAML document per file: remove the extra ---")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        source_lines = text.splitlines()
        bad_line = source_lines[mark.line] if mark and mark.line < len(source_lines) else ""
        fix = ""
        if "\t" in bad_line or "\\t" in problem:
            problem += " (use spaces, not tabs, to indent)"
        elif "mapping values are not allowed" in problem and bad_line.count(":") > 1:
            fix = (
                'Put text containing a colon in quotes: key: "Text: more text". '
                'Inside the quotes, write a double quote as \\".'
            )
        raise YamlFileError(mark.line + 1 if mark else 1, "E101", f"YAML syntax error: {problem}", fix) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise YamlFileError(line, "E101", f"YAML does not allow the control character #x{code:04x} in a file") from None
    except yaml.YAMLError as error:
        raise YamlFileError(1, "E101", f"YAML syntax error: {error}") from None
    finally:
        loader.dispose()
    if data is None:
        raise YamlFileError(1, "E100", "file is empty")
    return data, lines


def _compose(loader, path: tuple, lines: dict, depth: int) -> object:
    """Build plain data from parser events, refusing what contributor files must not hold."""
    event = loader.get_event()
    line = event.start_mark.line + 1
    if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
        raise YamlFileError(line, "E103", "anchors and aliases (& and *) are not allowed")
    if depth > MAX_DEPTH:
        raise YamlFileError(line, "E104", f"data is nested more than {MAX_DEPTH} levels deep")
    lines[path] = line
    if not isinstance(event, ScalarEvent) and event.tag not in (None, "!", *COLLECTION_TAGS):
        # Python-specific tags such as !!python/object are never run here, but they must not pass in silence.
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlFileError(line, "E101", f"YAML tags such as {tag} are not allowed: remove it")
    if isinstance(event, ScalarEvent):
        tag = event.tag if event.tag not in (None, "!") else loader.resolve(ScalarNode, event.value, event.implicit)
        if tag == STRING_TAG:  # most values: the text as written, without PyYAML's constructor (a third faster)
            return event.value
        try:
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark)  # type: ignore[arg-type]
            return loader.construct_object(node)
        except yaml.YAMLError as error:
            raise YamlFileError(line, "E101", f"YAML value error: {getattr(error, 'problem', error)}") from None
    if isinstance(event, SequenceStartEvent):
        items: list = []
        while not loader.check_event(SequenceEndEvent):
            items.append(_compose(loader, path + (len(items),), lines, depth + 1))
        loader.get_event()
        return items
    result = {}
    while not loader.check_event(MappingEndEvent):
        key_event = loader.peek_event()
        key_line = key_event.start_mark.line + 1
        if not isinstance(key_event, ScalarEvent):
            raise YamlFileError(key_line, "E101", "a key must be a plain word")
        key = str(_compose(loader, path + ("(key)",), lines, depth + 1))
        if key in result:
            raise YamlFileError(key_line, "E102", f"duplicate key '{key}'")
        result[key] = _compose(loader, path + (key,), lines, depth + 1)
        lines[path + (key,)] = key_line
    loader.get_event()
    return result
