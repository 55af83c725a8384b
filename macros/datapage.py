"""What the Open data page shows: the file, its size, the schemas, and every field in plain words.

The field tables come from the published schemas themselves, so they can
never describe a field that does not exist or miss one that does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .export import EXPORT_PATH, KINDS, LICENSE, SCHEMA_VERSION, json_text
from .knowledge import KnowledgeBase
from .records import RECORD_FOLDERS, VOCABULARY_FILES
from .schemas import resolve_ref, schema_for

# Kinds whose records the open data file gives in a shape of their own (knowledge-base.schema.json#/$defs).
EXPORTED_SHAPES = {"tips": "tip", "sources": "source"}


@dataclass(frozen=True)
class Field:
    path: str  # as it appears in the JSON file, for example tips[].steps
    kind: str  # the kind of value, in plain words
    required: bool
    description: str


def schema_fields(schema: dict, prefix: str = "") -> list[Field]:
    """Every field of `schema`, depth first; `prefix` is the path of the records it describes."""
    return _fields(schema, schema, prefix)


def _fields(node: dict, root: dict, prefix: str) -> list[Field]:
    rows = []
    required = set(node.get("required", ()))
    for name, prop in node.get("properties", {}).items():
        prop = resolve_ref(root, prop)
        path = prefix + name
        rows.append(Field(path, _kind(prop, root), name in required, prop.get("description", "")))
        if prop.get("type") == "object":
            rows += _fields(prop, root, path + ".")
        elif prop.get("type") == "array":
            items = resolve_ref(root, prop.get("items", {}))
            if items.get("type") == "object":
                rows += _fields(items, root, path + "[].")
    return rows


def _kind(prop: dict, root: dict) -> str:
    if "ref_name" in prop and prop.get("type") != "array":  # a shared list is described by its items
        return prop["ref_name"]
    ref = prop.get("$ref", "")
    if ref:  # a record described by another published schema
        return "list" if "#" in ref else "record"
    kind = str(prop.get("type"))
    if kind == "array":
        items = resolve_ref(root, prop.get("items", {}))
        if items.get("type") == "object" or "$ref" in items:
            return "list of records"
        return "list of " + {"id": "ids", "date": "dates"}.get(_kind(items, root), _kind(items, root))
    pattern = prop.get("pattern", "")
    if kind == "string" and pattern.startswith("^https?"):
        return "web address"
    if kind == "string" and pattern.startswith("^[0-9]{4}-"):
        return "date"
    return {"string": "text", "integer": "whole number", "object": "group of fields"}.get(kind, kind)


def _part(kind: str) -> dict:
    """Where one kind of record comes from in data/, its schema, and its fields as paths in the JSON file."""
    if kind in RECORD_FOLDERS:  # one file per record
        name, source, prefix = RECORD_FOLDERS[kind], f"data/{kind}/<id>.yaml", f"{kind}[]."
    elif kind in VOCABULARY_FILES:  # one file holding a list
        name, source, prefix = kind, f"data/{VOCABULARY_FILES[kind]}", ""
    else:  # the reflection worksheet and the help services: one record in one file
        name, source, prefix = kind, f"data/{kind}.yaml", f"{kind}."
    schema = schema_for(name)
    if kind in EXPORTED_SHAPES:  # the file gives this kind's evidence in a shape of its own
        exported = resolve_ref({}, {"$ref": f"knowledge-base.schema.json#/$defs/{EXPORTED_SHAPES[kind]}"})
        schema = {**schema, **exported, "title": schema["title"], "description": schema["description"]}
        prefix = f"{kind}[]."
    fields = [field for field in schema_fields(schema, prefix) if field.path != kind]
    return {
        "key": kind,
        "title": schema["title"],
        "description": schema["description"],
        "schema": f"schema/{name}.schema.json",
        "source": source,
        "fields": fields,
    }


def open_data_context(kb: KnowledgeBase, generated: str, site_url: str) -> dict:
    """What the Open data page shows: the file, its size and fields, the schemas and the licence."""
    text = json_text(kb, generated, site_url)
    whole = schema_for("knowledge-base")
    return {
        "export_path": EXPORT_PATH,
        "size_kb": max(1, round(len(text.encode("utf-8")) / 1024)),
        "generated": generated,
        "schema_version": SCHEMA_VERSION,
        "license": LICENSE,
        "site_url": site_url.rstrip("/") + "/",
        "parts": {
            "": {
                "key": "",
                "title": whole["title"],
                "description": whole["description"],
                "schema": "schema/knowledge-base.schema.json",
                "source": "data/",
                "fields": schema_fields(whole),
            },
            **{kind: _part(kind) for kind in KINDS},
        },
    }
