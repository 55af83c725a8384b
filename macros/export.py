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

from .knowledge import SCHEMA_DIR, KnowledgeBase

# Raise the minor number for new optional fields, the major one (and the api/vN path) when a field
# is removed, renamed or changes meaning.
SCHEMA_VERSION = "1.0"
EXPORT_PATH = "api/v1/knowledge-base.json"
KINDS = ("sources", "themes", "stages", "situations", "tips", "checklists", "templates", "reflection")
LICENSE = {"id": "CC-BY-4.0", "name": "Creative Commons Attribution 4.0 International",
           "url": "https://creativecommons.org/licenses/by/4.0/"}


def build_date() -> str:
    """Today's date in UTC, as YYYY-MM-DD: the date the open data was generated."""
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def knowledge_base_to_dict(kb: KnowledgeBase, generated: str, site_url: str) -> dict:
    """Everything the data files hold, plus what a reuser needs to credit and link back."""
    site_url = site_url.rstrip("/") + "/"
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": generated,
        "license": LICENSE,
        "site_url": site_url,
        "tip_url_template": site_url + "themes/{theme}/#tip-{id}",
        **{kind: getattr(kb, kind) for kind in KINDS},
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

