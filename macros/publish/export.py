"""The knowledge base as open data: one JSON file and the JSON Schemas that describe it.

The build writes site/api/v1/knowledge-base.json from the KnowledgeBase it has
already loaded and checked, so the file holds exactly what the pages show.
Tips keep the knowledge base's order (timeline stage, then the most widely
sourced, then title), so readers of the file need no sorting of their own.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..kinds import FOLDER, KINDS, LIST, Kind, KnowledgeBase
from ..knowledge.evidence import opposed_by, source_points, strength
from ..schemas import SCHEMA_DIR, schema_for

# Raise the minor number for new optional fields, the major one (and the api/vN path) when a field
# is removed, renamed or changes meaning.
SCHEMA_VERSION = (
    "1.6"  # 1.1: tips[].opposed_by, in_every_plan, sources_differ; sources[].points. 1.2: help, tips[].get_help.
    # 1.3: groups; situations[].group, words, sources, get_help; tips[].written_for; sources[].points[].describes
    # 1.4: tips[].sources_differ.agreed_by
    # 1.5: help: where each number was found (countries[].emergency_checked, services[].checked), the kind "urgent"
    # 1.6: research; tips[].research and tips[].strength
)
EXPORT_PATH = "api/v1/knowledge-base.json"
EXPORTED = tuple(kind for kind in KINDS if kind.exported)
LICENSE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


def knowledge_base_to_dict(kb: KnowledgeBase, generated: str, site_url: str) -> dict:
    """Everything the data files hold, plus what a reuser needs to credit and link back."""
    site_url = site_url.rstrip("/") + "/"
    points = source_points(kb)
    # The kinds whose entries the file gives in a shape of their own (kinds.py export_shape).
    shapes = {
        "source": lambda source: _source(source, points[source["id"]]),
        "tip": lambda tip: _tip(tip, kb.by_id["research"]),
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": generated,
        "license": LICENSE,
        "site_url": site_url,
        "tip_url_template": site_url + "themes/{theme}/#tip-{id}",
        **{
            kind.name: [shapes[kind.export_shape](entry) for entry in kb.entries[kind.name]]
            if kind.export_shape
            else kb.entries[kind.name]
            for kind in EXPORTED
        },
    }


def knowledge_base_schema() -> dict:
    """schema/knowledge-base.schema.json with every exported kind: one it does not describe yet is
    described by the kind's own schema, so a new kind of data needs no edit there."""
    schema = schema_for("knowledge-base")
    properties = dict(schema["properties"])
    for kind in EXPORTED:
        if kind.name not in properties:
            properties[kind.name] = _kind_property(kind)
    return {**schema, "properties": properties}


def _kind_property(kind: Kind) -> dict:
    own = schema_for(kind.schema)
    if kind.layout == LIST:
        shape: dict = {"$ref": f"{kind.schema}.schema.json#/properties/{kind.name}"}
    elif kind.layout == FOLDER:
        shape = {"type": "array", "items": {"$ref": f"{kind.schema}.schema.json"}}
    else:
        shape = {"$ref": f"{kind.schema}.schema.json"}
    return {**shape, "description": own.get("description", own.get("title", ""))}


def _source(source: dict, points: list[dict]) -> dict:
    """A source with every point it makes: its unused points join the ones the tips carry."""
    fields = {key: value for key, value in source.items() if key != "unused_points"}
    return {**fields, "points": points}


def _tip(tip: dict, research_by_id: dict[str, dict]) -> dict:
    """A tip with its supporting and opposing sources as plain ids (what they say is in sources[].points),
    its research as the data holds it, and the strength label the site shows."""
    return {
        **tip,
        "sources": [citation["id"] for citation in tip["sources"]],
        "opposed_by": opposed_by(tip),
        "in_every_plan": tip.get("in_every_plan", False),
        "strength": strength(tip, research_by_id),
    }


def json_text(kb: KnowledgeBase, generated: str, site_url: str) -> str:
    return json.dumps(knowledge_base_to_dict(kb, generated, site_url), ensure_ascii=False, indent=1) + "\n"


def write_open_data(text: str, site_dir: Path) -> Path:
    """Write the JSON file (`text`, from json_text) and publish every schema under site/schema/; return its path."""
    target = site_dir / EXPORT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    (site_dir / "schema").mkdir(exist_ok=True)
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        shutil.copyfile(schema, site_dir / "schema" / schema.name)
    whole = json.dumps(knowledge_base_schema(), ensure_ascii=False, indent=2) + "\n"
    (site_dir / "schema" / "knowledge-base.schema.json").write_text(whole, encoding="utf-8")
    return target
