"""The check for copied words: no text of ours may share a run of RUN_WORDS words with an article we read.

Every text value in data/ is compared, and every page in docs/, with the fingerprints in
data/fingerprints/ (see macros/check/fingerprints.py). A source's own title and address are citations,
not copies, and so are a study's title, authors, journal and address: they are left out.
"""

from __future__ import annotations

from pathlib import Path

from ..limits import RUN_WORDS
from ..read.records import strings
from . import Context
from .fingerprints import load, runs

CITATION_FIELDS = {("sources", "title"), ("sources", "url")} | {
    ("research", key) for key in ("cited_as", "authors", "title", "published_in", "url", "doi")
}


def check(ctx: Context):
    if ctx.data_dir is None:
        return
    known = load(ctx.data_dir)
    fingerprinted = set(known.values())
    for kind, entries in (("sources", ctx.kb.sources), ("research", ctx.kb.research)):
        for source in entries:
            if source["id"] in fingerprinted:
                continue
            ctx.report.add(
                ctx.record(kind, source["id"]),
                "W502",
                f"{kind.removesuffix('s')} '{source['id']}' has no fingerprint, "
                "so words copied from it would go unseen",
                ("id",),
                fix=f"Save the text you read and run: make fingerprint SOURCE={source['id']} TEXT=<that file>",
            )
    for (kind, _), record in ctx.records.items():
        for path, text in strings(record.data):
            if (kind, path[-1] if path else "") in CITATION_FIELDS:
                continue
            copied = _first_copy(text, known)
            if copied:
                source_id, words, _ = copied
                ctx.report.add(record, "E209", _message(source_id, words), path)
    if ctx.docs_dir is None:
        return
    root = ctx.docs_dir.parent
    for page in sorted(ctx.docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        copied = _first_copy(text, known)
        if copied:
            source_id, words, offset = copied
            line = text.count("\n", 0, offset) + 1
            ctx.report.add(_relative(page, root), "E209", _message(source_id, words), line=line)


def _first_copy(text: str, known: dict[str, str]) -> tuple[str, str, int] | None:
    for hash_, offset, words in runs(text):
        if hash_ in known:
            return known[hash_], words, offset
    return None


def _message(source_id: str, words: str) -> str:
    return f"shares {RUN_WORDS} words in a row with source '{source_id}': \"{words}\""


def _relative(page: Path, root: Path) -> str:
    return page.relative_to(root).as_posix()
