"""What the Open data page shows: the file, its size, the schemas, and every field in plain words.

The field tables come from the published schemas themselves, so they can
never describe a field that does not exist or miss one that does.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import FOLDER, LIST, Kind
from ..schemas import resolve_ref, schema_for
from .export import EXPORT_PATH, EXPORTED, LICENSE, SCHEMA_VERSION, knowledge_base_schema


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


# How the Open data page names the value types of the schemas' $defs (schemas.FIELD_TYPES), one and many.
_TYPE_WORDS = {
    "id": ("id", "ids"),
    "date": ("date", "dates"),
    "address": ("web address", "web addresses"),
    "country": ("country code", "country codes"),
}


def _kind(prop: dict, root: dict) -> str:
    if "ref_record" in prop:  # a record described by another published schema
        return "record"
    if "ref_name" in prop and prop.get("type") != "array":  # a shared list is described by its items
        return _TYPE_WORDS.get(prop["ref_name"], (prop["ref_name"],))[0]
    ref = prop.get("$ref", "")
    if ref:  # a record described by another published schema
        return "list" if "#" in ref else "record"
    kind = str(prop.get("type"))
    if kind == "array":
        items = resolve_ref(root, prop.get("items", {}))
        if items.get("type") == "object" or "$ref" in items:
            return "list of records"
        plural = {one: many for one, many in _TYPE_WORDS.values()}
        return "list of " + plural.get(_kind(items, root), _kind(items, root))
    return {"string": "text", "integer": "whole number", "object": "group of fields"}.get(kind, kind)


def _part(kind: Kind) -> dict:
    """Where one kind of record comes from in data/, its schema, and its fields as paths in the JSON file."""
    if kind.layout == FOLDER:  # one file per record
        source, prefix = f"{kind.home}<id>.yaml", f"{kind.name}[]."
    elif kind.layout == LIST:  # one file holding a list
        source, prefix = kind.home, ""
    else:  # the reflection worksheet and the help services: one record in one file
        source, prefix = kind.home, f"{kind.name}."
    schema = schema_for(kind.schema)
    if kind.export_shape:  # the file gives this kind's entries in a shape of its own
        exported = resolve_ref({}, {"$ref": f"knowledge-base.schema.json#/$defs/{kind.export_shape}"})
        schema = {**schema, **exported, "title": schema["title"], "description": schema["description"]}
        prefix = f"{kind.name}[]."
    fields = [field for field in schema_fields(schema, prefix) if field.path != kind.name]
    return {
        "key": kind.name,
        "title": schema["title"],
        "description": schema["description"],
        "schema": f"schema/{kind.schema}.schema.json",
        "source": source,
        "fields": fields,
    }


def open_data_context(generated: str, site_url: str, text: str) -> dict:
    """What the Open data page shows: the file (`text`), its size and fields, the schemas and the licence."""
    whole = knowledge_base_schema()
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
            **{kind.name: _part(kind) for kind in EXPORTED},
        },
    }
