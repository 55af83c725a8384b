"""Every kind of data the site is made from, in one list, and the knowledge base that holds them.

Each kind says where its files live, which schema and which checks it has, which of its fields
readers see as prose, and how the open data carries it. The reader (read/records.py), the loader
(knowledge/), the checks (check/), the writing rules (check/style.py), the open data (publish/export.py,
publish/datapage.py) and the messages about unknown ids or misplaced files all read this list, so a new
kind of data is one entry here, its schema/<schema>.schema.json, its macros/check/<checks>.py
and a fixture in tests/fixtures/data/ (tests/test_kinds.py adds one to prove it).
The open data, its published schema and the Open data page then take the new kind in by themselves.

This module imports nothing from the package: everything else may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LIST = "list"  # data/<name>.yaml: the entries, as a list under the key <name>
FOLDER = "folder"  # data/<name>/<id>.yaml: one entry per file
SINGLE = "single"  # data/<name>.yaml: one record


@dataclass(frozen=True)
class Kind:
    name: str  # as in kb.<name>, the open data's key and the messages; plural, so name[:-1] is one entry
    # (or a name with no plural, such as research: see `one`)
    layout: str  # LIST, FOLDER or SINGLE
    schema: str  # schema/<schema>.schema.json, which each file is checked against
    checks: str  # macros/check/<checks>.py: its check(ctx), and check_use(ctx) if it has one
    # Reader-facing text, held to the writing rules (check/style.py): "why", a list's items "steps[]",
    # a field of each list entry "countries[].services[].what". A field that is missing is skipped.
    prose: tuple[str, ...] = ()
    exported: bool = True  # in api/v1/knowledge-base.json under <name>
    # The shape the open data gives its entries instead, from knowledge-base.schema.json#/$defs (publish/export.py)
    export_shape: str = ""

    @property
    def path(self) -> str:
        """Where the entries are kept inside data/: sources.yaml, or tips/ for a folder."""
        return f"{self.name}/" if self.layout == FOLDER else f"{self.name}.yaml"

    @property
    def one(self) -> str:
        """One entry, as messages name it: source, tip; research stays research."""
        return self.name.removesuffix("s")

    @property
    def home(self) -> str:
        """The same, as messages name it: data/sources.yaml, data/tips/."""
        return "data/" + self.path


KINDS = (
    Kind(
        "sources",
        LIST,
        schema="sources",
        checks="sources",
        prose=("unused_points[].says", "unused_points[].reason"),
        export_shape="source",
    ),
    Kind("research", LIST, schema="research", checks="research", prose=("studied", "found", "limits")),
    Kind("themes", LIST, schema="themes", checks="vocabulary", prose=("description",)),
    Kind("stages", LIST, schema="stages", checks="vocabulary", prose=("description",)),
    Kind("groups", LIST, schema="groups", checks="vocabulary", prose=("description",)),
    Kind("situations", LIST, schema="situations", checks="situations", prose=("description",)),
    Kind(
        "tips",
        FOLDER,
        schema="tip",
        checks="tips",
        prose=(
            "title",
            "summary",
            "why",
            "steps[]",
            "avoid[]",
            "sources[].says",
            "sources_differ.question",
            "sources_differ.view",
            "sources_differ.opposed_by[].says",
            "research[].says",
            "research[].limits",
            "research[].view",
        ),
        export_shape="tip",
    ),
    Kind("checklists", FOLDER, schema="checklist", checks="checklists", prose=("intro",)),
    Kind("templates", FOLDER, schema="template", checks="templates", prose=("use_when", "guidance[]")),
    Kind(
        "reflection",
        SINGLE,
        schema="reflection",
        checks="reflection",
        prose=("intro", "prompts[].hint", "lists[].hint"),
    ),
    Kind(
        "help",
        SINGLE,
        schema="help",
        checks="help",
        prose=("countries[].note", "countries[].services[].what", "countries[].services[].note"),
    ),
)
KIND = {kind.name: kind for kind in KINDS}


def prose_texts(entry: Any, fields: tuple[str, ...]):
    """(path, text) for each reader-facing text of one entry, such as (("steps", 2), "Write it down.")."""
    for spec in fields:
        yield from _texts(entry, spec.replace("[]", ".[]").split("."), ())


def _texts(value: Any, parts: list[str], path: tuple):
    if not parts:
        if isinstance(value, str):
            yield path, value
        return
    part, rest = parts[0], parts[1:]
    if part == "[]":
        for index, item in enumerate(value if isinstance(value, list) else ()):
            yield from _texts(item, rest, path + (index,))
    elif isinstance(value, dict) and part in value:
        yield from _texts(value[part], rest, path + (part,))


class KnowledgeBase:
    """The checked data, one attribute per kind: kb.tips is a list of tips, kb.help one record ({} when its
    file has problems). kb.by_id["tips"]["breathe"] finds an entry of a LIST or FOLDER kind by its id."""

    def __init__(self, entries: dict[str, Any]):
        self.entries = entries
        self.warnings: list = []  # the problems that do not stop the build (W5xx)
        for kind in KINDS:
            if kind.layout != SINGLE and all("order" in entry for entry in entries[kind.name]):
                entries[kind.name].sort(key=lambda entry: entry["order"])
        stage_order = {stage["id"]: stage["order"] for stage in self.stages}
        # Timeline order, then the most widely sourced first, then by title.
        self.tips.sort(key=lambda tip: (stage_order.get(tip["stage"], 0), -len(tip["sources"]), tip["title"]))
        self.by_id = {
            kind.name: {entry["id"]: entry for entry in entries[kind.name]} for kind in KINDS if kind.layout != SINGLE
        }

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["entries"][name]
        except KeyError:
            raise AttributeError(name) from None

    def tips_where(self, key: str, value: str) -> list[dict]:
        """Tips whose field `key` is `value` (theme, stage) or, for a list field (situations), holds it;
        in timeline order."""
        return [
            tip
            for tip in self.tips
            if (value in tip.get(key, ()) if isinstance(tip.get(key), list) else tip.get(key) == value)
        ]

    def tips_citing(self, source_id: str) -> list[dict]:
        """Tips that the source supports, in timeline order."""
        return [tip for tip in self.tips if any(citation["id"] == source_id for citation in tip["sources"])]

    def every_plan(self) -> list[dict]:
        """The few tips that every plan in the guide carries, whatever the reader ticks."""
        return [tip for tip in self.tips if tip.get("in_every_plan")]
