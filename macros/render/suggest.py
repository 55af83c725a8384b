"""The "Suggest a tip" page: its form, and the rules its live checks use.

The form (macros/render/templates/suggest_tip.html) lists the themes, stages, situations and
sources by name, straight from the data. The build also publishes api/v1/rules.json: the
limits from schema/tip.schema.json, the style limits and every rule's title and fix from
rules/, the hyphenation patterns that style.py counts syllables with, and the names the
preview shows. docs/assets/js/suggest.js checks what a reader types against that file only,
so the page and `make check` cannot disagree (tests/test_suggest.py compares them).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from ..check.style import MESSAGES, PATTERNS, SHOUTING_MIN_LETTERS, TEXT_RULES, TIP_TEXT, hyphenation_patterns
from ..kinds import KIND
from ..limits import CONTROL_CHARACTERS, HIDDEN_CHARACTERS, MAX_SENTENCE_WORDS, MIN_READING_EASE
from ..problems import CHECK_MESSAGES, ENTRY_NAMES
from ..rules import RULES
from ..schemas import AT_THE_TOP, FIELD_TYPES, SCHEMA_MESSAGES, resolve_ref, schema_for, type_name

RULES_PATH = "api/v1/rules.json"

# What only this page can see, with its fix: a title whose id is already a tip's. `make check` never
# meets it, since the proposed file would be the existing tip's own file (data/tips/<id>.yaml).
PAGE_MESSAGES = {
    "tip_exists": "a tip with the id '{value}' already exists",
    "tip_exists_fix": "Improve that tip instead, or choose a title that says something different.",
}


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
    limits["id"] = {"maxLength": schema["$defs"]["id"]["maxLength"], "pattern": schema["$defs"]["id"]["pattern"]}
    limits["required"] = schema["required"]
    return limits


def source_limits() -> dict:
    """The limits of a new source's fields, read from the sources schema, for the "article not yet listed" part."""
    schema = schema_for("sources")
    entry = resolve_ref(schema, schema["properties"]["sources"]["items"])
    limits = {}
    for name, spec in entry["properties"].items():
        spec = resolve_ref(schema, spec)
        limits[name] = {**_text_limits(spec), "type": type_name(spec, schema)}
        if "pattern" in spec:
            limits[name]["pattern"] = js_pattern(spec["pattern"])
    return limits


# ---- Python's re patterns, for JavaScript --------------------------------------------------------------

_WORD_CLASS = r"\p{L}\p{N}_"  # re's \w on text: str.isalnum() or "_"


@functools.cache
def _spaces() -> str:
    r"""re's \s on text (str.isspace()) as the inside of a JavaScript character class."""
    points = [code for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    ranges, start = [], points[0]
    for previous, code in zip(points, points[1:] + [-1], strict=True):
        if code != previous + 1:
            ranges.append(f"\\u{{{start:x}}}" + (f"-\\u{{{previous:x}}}" if previous != start else ""))
            start = code
    return "".join(ranges)


_IN_CLASS: dict[str, Callable[[], str]] = {"s": _spaces, "w": lambda: _WORD_CLASS, "d": lambda: r"\p{Nd}"}
# JavaScript's u flag refuses an escaped character that means nothing; these may stay escaped.
_SYNTAX = set("^$\\.*+?()[]{}|/")


def js_pattern(pattern: str) -> str:
    r"""The same pattern for JavaScript's RegExp with the u flag: \s, \w, \d, \b and . as Python's re reads
    them on text. Anything that reads differently and is not rewritten here is refused, so a rule cannot
    quietly mean one thing in `make check` and another on the page."""
    for refused in (r"(?P", r"(?#", r"\A", r"\Z"):
        if refused in pattern:
            raise ValueError(f"{pattern!r}: {refused} reads differently in JavaScript; write the rule without it")
    if re.search(r"\(\?[aiLmsux]", pattern):
        raise ValueError(f"{pattern!r}: inline flags read differently in JavaScript; use TextRule's ignore_case")
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            letter = pattern[index + 1]
            index += 2
            if letter.lower() in _IN_CLASS:
                inside = _IN_CLASS[letter.lower()]()
                if in_class and letter.isupper():
                    raise ValueError(f"{pattern!r}: \\{letter} inside [...] has no JavaScript form here")
                out.append(inside if in_class else f"[{'^' if letter.isupper() else ''}{inside}]")
            elif letter in "bB":
                word = f"[{_WORD_CLASS}]"
                edge = f"(?:(?<={word})(?!{word})|(?<!{word})(?={word}))"
                out.append(edge if letter == "b" else f"(?!{edge})")
            elif letter.isalnum() or letter in _SYNTAX or (in_class and letter == "-"):
                out.append("\\" + letter)  # \n, \t, \x0b, \u2019, \] and the like read alike
            else:
                out.append(letter)  # \" and \' mean the character itself
            continue
        if in_class and char == "]" and out[-1] not in ("[", "[^"):
            in_class = False
        elif not in_class and char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "^":
                out.append("[^")
                index += 2
                continue
        elif not in_class and char == "$":
            char = "(?=\\n?$)"  # re's $ also matches before a line break at the very end
        elif not in_class and char == ".":
            char = "[^\\n]"  # re's . is anything but a line break; JavaScript's also skips \r, U+2028, U+2029
        out.append(char)
        index += 1
    return "".join(out)


def writing_rules() -> dict:
    """The writing rules of macros/check/style.py, for suggest.js to run as a reader types."""
    return {
        "limits": {
            "max_sentence_words": MAX_SENTENCE_WORDS,
            "min_reading_ease": MIN_READING_EASE,
            "shouting_min_letters": SHOUTING_MIN_LETTERS,
        },
        "messages": MESSAGES,
        "patterns": {name: js_pattern(pattern) for name, pattern in PATTERNS.items()}
        | {"space": js_pattern(r"\s"), "not_space": js_pattern(r"\S")},
        "tip_text": list(TIP_TEXT),
        "text_rules": [
            {
                "code": rule.code,
                "pattern": js_pattern(rule.pattern),
                "flags": "giu" if rule.ignore_case else "gu",
                "message": rule.message,
                "items_only": rule.items_only,
                "every": rule.every,
                "cited_allowed": rule.cited_allowed,
                "clip": rule.clip,
            }
            for rule in TEXT_RULES
        ],
    }


def rules_data(kb) -> dict:
    """Everything suggest.js needs to check and preview a tip as `make check` and the theme pages would."""
    patterns, _ = hyphenation_patterns()
    missing, fix = SCHEMA_MESSAGES["missing"]
    return {
        "limits": tip_limits(),
        "source_limits": source_limits(),
        "writing": writing_rules(),
        "field_types": FIELD_TYPES,
        "schema_messages": SCHEMA_MESSAGES | {"missing": (missing, fix.replace("{where}", AT_THE_TOP))},
        "entry_names": ENTRY_NAMES,
        "check_messages": CHECK_MESSAGES | {"sources_one": KIND["sources"].one, "sources_home": KIND["sources"].home},
        "page_messages": PAGE_MESSAGES,
        "rules": {code: {"title": rule.title, "fix": rule.fix} for code, rule in sorted(RULES.items())},
        "themes": {theme["id"]: theme["title"] for theme in kb.themes},
        "stages": {stage["id"]: stage["title"] for stage in kb.stages},
        "situations": {situation["id"]: situation["title"] for situation in kb.situations},
        "sources": {
            source["id"]: {"publisher": source["publisher"], "title": source["title"], "url": source["url"]}
            for source in kb.sources
        },
        "tips": sorted(tip["id"] for tip in kb.tips),
        "hidden_characters": js_pattern(HIDDEN_CHARACTERS.pattern),  # E208, as records.py finds them
        "control_characters": js_pattern(CONTROL_CHARACTERS.pattern),
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
            source_limits=source_limits(),
            themes=by_order(kb.themes),
            stages=by_order(kb.stages),
            situations=sorted(kb.situations, key=lambda entry: entry["title"]),
            sources=sorted(kb.sources, key=lambda entry: (entry["publisher"].casefold(), entry["title"])),
            rules_path=RULES_PATH,
        )
