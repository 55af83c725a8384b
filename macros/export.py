"""The knowledge base as open data: one JSON file and the JSON Schemas that describe it.

The build writes site/api/v1/knowledge-base.json from the KnowledgeBase it has
already loaded and checked, so the file holds exactly what the pages show.
Tips keep the knowledge base's order (timeline stage, then the most widely
sourced, then title), so readers of the file need no sorting of their own.
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from .evidence import opposed_by, source_points, strength
from .knowledge import KnowledgeBase
from .schemas import SCHEMA_DIR

# Raise the minor number for new optional fields, the major one (and the api/vN path) when a field
# is removed, renamed or changes meaning.
SCHEMA_VERSION = (
    "1.4"  # 1.1: tips[].opposed_by, in_every_plan, sources_differ; sources[].points. 1.2: help, tips[].get_help.
    # 1.3: groups; situations[].group, words, sources, get_help; tips[].written_for; sources[].points[].describes.
    # 1.4: research; tips[].research and tips[].strength
)
EXPORT_PATH = "api/v1/knowledge-base.json"
KINDS = (
    "sources",
    "research",
    "themes",
    "stages",
    "groups",
    "situations",
    "tips",
    "checklists",
    "templates",
    "reflection",
    "help",
)
LICENSE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


def build_date() -> str:
    """Today's date in UTC, as YYYY-MM-DD: the date the open data was generated."""
    return datetime.datetime.now(datetime.UTC).date().isoformat()


def knowledge_base_to_dict(kb: KnowledgeBase, generated: str, site_url: str) -> dict:
    """Everything the data files hold, plus what a reuser needs to credit and link back."""
    site_url = site_url.rstrip("/") + "/"
    points = source_points(kb)
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": generated,
        "license": LICENSE,
        "site_url": site_url,
        "tip_url_template": site_url + "themes/{theme}/#tip-{id}",
        **{kind: getattr(kb, kind) for kind in KINDS},
        "sources": [_source(source, points[source["id"]]) for source in kb.sources],
        "tips": [_tip(tip, kb.by_id["research"]) for tip in kb.tips],
    }


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


def write_open_data(kb: KnowledgeBase, site_dir: Path, generated: str, site_url: str) -> Path:
    """Write the JSON file and publish every schema under site/schema/; return the JSON file's path."""
    target = site_dir / EXPORT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json_text(kb, generated, site_url), encoding="utf-8")
    (site_dir / "schema").mkdir(exist_ok=True)
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        shutil.copyfile(schema, site_dir / "schema" / schema.name)
    return target
