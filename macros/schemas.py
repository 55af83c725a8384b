"""The JSON Schemas in schema/: loading them, checking a file's data against one, and
explaining each failure in plain words with its rule code."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import fastjsonschema

PROJECT_DIR = Path(__file__).resolve().parent.parent
SCHEMA_DIR = PROJECT_DIR / "schema"


@functools.cache
def schema_for(name: str) -> dict:
    return read_json(SCHEMA_DIR / f"{name}.schema.json")


def read_json(path: Path) -> dict:
    """A JSON file, refusing a key given twice in one object (JSON keeps the last one in silence)."""

    def no_repeats(pairs):
        keys = [key for key, _ in pairs]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"{path.name}: the key {repeated[0]!r} appears twice in one object; merge the two")
        return dict(pairs)

    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_repeats)


def resolve_ref(schema: dict, prop: dict) -> dict:
    """A schema property with its $ref filled in, the property's own keys winning. The one place that
    follows a $ref: local ones (#/$defs/id), ones into another published schema
    (tip.schema.json#/properties/title), and whole ones (checklist.schema.json, marked `ref_record`).
    `ref_name` tells which definition it was, for example "id"."""
    ref = prop.get("$ref", "")
    if ref.endswith(".schema.json"):  # a whole other schema (checklist.schema.json): a record described there
        own = {key: value for key, value in prop.items() if key != "$ref"}
        return {**_anchored(schema_for(ref.removesuffix(".schema.json")), ref), **own, "ref_record": ref}
    if "#/" not in ref:
        return prop
    file, pointer = ref.split("#/", 1)
    home = schema_for(file.removesuffix(".schema.json")) if file else schema
    target = home
    for part in pointer.split("/"):
        target = target[part]
    if file:  # refs inside the other schema are relative to it
        target = _anchored(target, file)
    if "$ref" in target:
        target = resolve_ref(home, target)
    own = {key: value for key, value in prop.items() if key != "$ref"}
    return {**target, **own, "ref_name": target.get("ref_name", part)}


def _anchored(node, file: str):
    """A part of schema `file` with its local refs (#/...) made to name that file."""
    if isinstance(node, dict):
        return {
            key: (file + value if key == "$ref" and value.startswith("#/") else _anchored(value, file))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_anchored(value, file) for value in node]
    return node


def _strict_patterns(schema):
    r"""JSON Schema's `$` ends the text; Python's `$` also matches before a final newline, so
    "an-id\n" would pass as an id. Python's `\Z` means what the schema means."""
    if isinstance(schema, dict):
        return {
            key: (
                value[:-1] + r"\Z"
                if key == "pattern" and isinstance(value, str) and value.endswith("$") and not value.endswith("\\$")
                else _strict_patterns(value)
            )
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_strict_patterns(value) for value in schema]
    return schema


@functools.cache
def _validator(name: str):
    """A compiled check that is ten times faster for the usual case of a sound file."""
    return fastjsonschema.compile(_strict_patterns(schema_for(name)), detailed_exceptions=False)


@functools.cache
def _explainer(name: str):
    """jsonschema's own validator, which explains every problem. Imported only when a file has one:
    the import alone costs a build 0.09 s."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_strict_patterns(schema_for(name)))


def schema_problems(name: str, data) -> list[tuple[str, str, tuple, str]]:
    """(code, message, path, fix) for each way `data` breaks schema `name`; fix is "" for the rule's own."""
    try:
        _validator(name)(data)
        return []
    except fastjsonschema.JsonSchemaException:
        explainer = _explainer(name)
        return [problem for error in explainer.iter_errors(data) for problem in _explain(error, explainer.schema)]


# The named types of values, each a $defs entry of the schemas that use it, such as "published":
# {"$ref": "#/$defs/date"}: what a value that does not fit is, and how to write one.
FIELD_TYPES = {
    "id": (
        "is not a valid id: use lower-case letters, digits and single hyphens",
        "Write the id in lower case with hyphens between words, for example send-a-thank-you-note.",
    ),
    "date": (
        'is not a date written "YYYY-MM-DD"',
        'Write the date as "YYYY-MM-DD", in quotes, for example "2026-11-30".',
    ),
    "address": (
        "is not a web address starting with https://",
        "Copy the whole address from the browser's address bar, starting with https://.",
    ),
    "country": (
        "is not a two-letter country code",
        "Use the two capital letters of the country, such as GB, US, CA or IN.",
    ),
}


def type_name(node: dict, root: dict) -> str | None:
    """The name of the $defs entry of `root` that `node` is, such as "date"; None for a value defined in place.
    A node from resolve_ref() carries the name it was reached by."""
    if "ref_name" in node:
        return node["ref_name"]
    return next((name for name, definition in root.get("$defs", {}).items() if definition == node), None)


_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a group of fields",
    "integer": "a whole number",
    "boolean": "true or false",
}


# The words of the schema problems met most while writing a tip, {name} filled in. The Suggest a tip page
# fills in the same texts as a reader types (api/v1/rules.json, macros/render/suggest.py).
SCHEMA_MESSAGES = {
    "missing": (
        "missing required field '{field}'",
        "Add a line '{field}: ...' {where}; the Add a tip page lists every required field.",
    ),
    "empty": ("is empty", "Fill in the field, or delete the line if the field is optional."),
    "too_long": (
        "is {length} characters long; the limit is {limit}",
        "Shorten the text to {limit} characters or fewer.",
    ),
    "too_few": ("has {items}; it needs at least {limit}", "Add items until the list has at least {limit}."),
    "too_many": (
        "has {items}; it needs at most {limit}",
        "Keep the list to {limit} items or fewer: merge or drop one.",
    ),
}
AT_THE_TOP = "at the top of the file, where the other fields start at the left margin"


def said(name: str, path: tuple, **values) -> tuple[str, tuple, str]:
    """(message, path, fix) of one of SCHEMA_MESSAGES."""
    message, fix = SCHEMA_MESSAGES[name]
    return message.format(**values), path, fix.format(**values)


def _explain(error, root: dict) -> list[tuple[str, str, tuple, str]]:
    """Turn one jsonschema error into (code, message, path, fix) in plain words; `root` is the whole schema."""
    path = tuple(error.absolute_path)
    kind, limit, value = error.validator, error.validator_value, error.instance
    citation = len(path) >= 2 and path[0] == "sources" and isinstance(path[1], int) and "says" in str(error.schema)
    if citation and (kind == "type" and isinstance(value, str) or kind == "required" and "'says'" in error.message):
        source = value if isinstance(value, str) else value.get("id", "?")
        return [
            (
                "E311",
                f"cites '{source}' but does not say what it says in support",
                path[:2],
                f"Write the source as two lines: '- id: {source}' and, below it, '  says: ' with what the "
                "article says that supports this tip, in your own words.",
            )
        ]
    if kind == "required":
        name = re.match(r"'(.*)' is a required property", error.message)
        field = name.group(1) if name else limit
        where = AT_THE_TOP if not path else "to this entry, indented like its other fields"
        return [("E201", *said("missing", path, field=field, where=where))]
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        return [
            ("E202", f"unknown field '{key}' (allowed: {', '.join(allowed)})", path + (key,), "")
            for key in value
            if key not in allowed
        ]
    if kind == "type":
        if value is None:
            return [("E205", *said("empty", path))]
        return [("E203", f"should be {_NAMES.get(limit, limit)}, not {_type_name(value)}", path, "")]
    if kind in ("pattern", "format"):
        problem, fix = FIELD_TYPES.get(
            type_name(error.schema, root) or "",
            ("is not written the way this field needs", _nearest_description(error, root)),
        )
        return [("E204", f"'{value}' {problem}", path, fix)]
    if kind == "maxLength":
        return [("E205", *said("too_long", path, length=len(value), limit=limit))]
    if kind == "minLength":
        return [("E205", *said("empty", path))]
    if kind in ("minItems", "maxItems"):
        items = f"{len(value)} item{'s' if len(value) != 1 else ''}"
        return [("E206", *said("too_few" if kind == "minItems" else "too_many", path, items=items, limit=limit))]
    if kind == "uniqueItems":
        return [("E207", "lists the same value more than once", path, "")]
    if kind == "minimum":
        return [("E200", f"must be {limit} or more", path, "")]
    return [("E200", error.message[:200], path, "")]


def _nearest_description(error, root: dict) -> str:
    """The description of the value that broke the schema or, if it has none, of the nearest field holding it
    (the items of a list are described by the list)."""
    node, found = root, ""
    for part in error.absolute_schema_path:
        if not isinstance(node, dict) or part not in node:
            break
        node = node[part]
        if isinstance(node, dict) and isinstance(node.get("description"), str):
            found = node["description"]
    return " ".join(found.split())


def _type_name(value) -> str:
    return {
        str: "text",
        list: "a list",
        dict: "a group of fields",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)
