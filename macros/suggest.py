"""The "Suggest a tip" page: its form, and the rules its live checks use.

The form (macros/templates/suggest_tip.html) lists the themes, stages, situations and
sources by name, straight from the data. The build also publishes api/v1/rules.json: the
limits from schema/tip.schema.json, the style limits and every rule's title and fix from
rules.py, the hyphenation patterns that style.py counts syllables with, and the names the
preview shows. docs/assets/js/suggest.js checks what a reader types against that file only,
so the page and `make check` cannot disagree (tests/test_suggest.py compares them).
"""

from __future__ import annotations

import json
from pathlib import Path

from .limits import CONTROL_CHARACTERS, HIDDEN_CHARACTERS, MAX_SENTENCE_WORDS, MIN_READING_EASE
from .rules import RULES
from .schemas import resolve_ref, schema_for
from .style import hyphenation_patterns

RULES_PATH = "api/v1/rules.json"


def _text_limits(spec: dict) -> dict:
    return {key: spec[key] for key in ("minLength", "maxLength") if key in spec}


def tip_limits() -> dict:
    """Each field's limits, read from the published tip schema."""
    schema = schema_for("tip")
    properties = schema["properties"]
    limits = {name: _text_limits(properties[name]) for name in ("title", "summary", "why")}
    for name in ("steps", "avoid"):
        spec = properties[name]
        limits[name] = {
            "minItems": spec.get("minItems", 0),
            "maxItems": spec.get("maxItems"),
            "item": _text_limits(spec["items"]),
        }
    citation = resolve_ref(schema, properties["sources"]["items"])
    limits["says"] = _text_limits(citation["properties"]["says"])
    limits["id"] = {"maxLength": schema["$defs"]["id"]["maxLength"]}
    limits["required"] = schema["required"]
    return limits


def rules_data(kb) -> dict:
    """Everything suggest.js needs to check and preview a tip as `make check` and the theme pages would."""
    patterns, _ = hyphenation_patterns()
    return {
        "limits": tip_limits(),
        "style": {"max_sentence_words": MAX_SENTENCE_WORDS, "min_reading_ease": MIN_READING_EASE},
        "rules": {code: {"title": rule.title, "fix": rule.fix} for code, rule in sorted(RULES.items())},
        "themes": {theme["id"]: theme["title"] for theme in kb.themes},
        "stages": {stage["id"]: stage["title"] for stage in kb.stages},
        "situations": {situation["id"]: situation["title"] for situation in kb.situations},
        "sources": {
            source["id"]: {"publisher": source["publisher"], "title": source["title"], "url": source["url"]}
            for source in kb.sources
        },
        "tips": sorted(tip["id"] for tip in kb.tips),
        "hidden_characters": HIDDEN_CHARACTERS.pattern,  # E208, as records.py finds them
        "control_characters": CONTROL_CHARACTERS.pattern,
        # style.py's syllable count: pyphen's en_US patterns, such as ".a2ch4", in the order it reads them.
        "hyphenation": " ".join(patterns.values()),
    }


def write_rules(kb, site_dir: Path) -> Path:
    target = Path(site_dir) / RULES_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(rules_data(kb), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return target


def define_suggest_macros(env, kb, page_macro):
    """Register suggest_form() on the mkdocs-macros environment."""

    @env.macro
    def suggest_form() -> str:
        """The suggest-a-tip form, its live checks, preview and "Propose on GitHub" link."""
        by_order = lambda entries: sorted(entries, key=lambda entry: entry.get("order", 0))  # noqa: E731
        return page_macro("suggest_tip.html")(
            limits=tip_limits(),
            themes=by_order(kb.themes),
            stages=by_order(kb.stages),
            situations=sorted(kb.situations, key=lambda entry: entry["title"]),
            sources=sorted(kb.sources, key=lambda entry: (entry["publisher"].casefold(), entry["title"])),
            rules_path=RULES_PATH,
        )
