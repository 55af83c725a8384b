"""The rules for Fields and values (E2): what each file's schema asks of its values."""

from __future__ import annotations

from ..limits import (
    RUN_WORDS,
)
from ..schemas import schema_for
from .rule import Rule

_TIP = schema_for("tip")["properties"]
TITLE_CHARACTERS = _TIP["title"]["maxLength"]
SUMMARY_CHARACTERS = _TIP["summary"]["maxLength"]
STEPS = (_TIP["steps"]["minItems"], _TIP["steps"]["maxItems"])

RULES = [
    Rule(
        "E200",
        "Does not match the schema",
        "Compare the field with the field reference on the Add a tip page.",
        "a value the schema does not allow",
    ),
    Rule(
        "E201",
        "Missing field",
        "Add the field; every required field is listed on the Add a tip page.",
        "a tip with no summary:",
    ),
    Rule("E202", "Unknown field", "Check the spelling of the field name, or remove it.", "colour: blue"),
    Rule(
        "E203",
        "Wrong type of value",
        "Use the kind of value the field expects: text, a list (lines starting with -), or a number.",
        "steps: Write it down.   (should be a list)",
    ),
    Rule(
        "E204",
        "Badly formed id, date or address",
        'Ids use lower-case letters, digits and single hyphens; dates are "YYYY-MM-DD" in quotes; '
        "addresses start with https://.",
        "id: Send_Thanks",
    ),
    Rule(
        "E205",
        "Text too long or empty",
        f"Shorten the text to the limit (titles {TITLE_CHARACTERS} characters, summaries {SUMMARY_CHARACTERS}), "
        "or fill it in.",
        "a 90-character title",
    ),
    Rule(
        "E206",
        "Too many or too few items",
        f"Keep the list within its limits (steps: {STEPS[0]} to {STEPS[1]}).",
        "steps: with 8 items",
    ),
    Rule("E207", "Same value twice in a list", "Delete the repeated value.", "situations: [nerves, nerves]"),
    Rule(
        "E208",
        "Hidden or direction-changing character",
        "Delete the invisible character; retype the text if you cannot see it.",
        "a right-to-left override (U+202E) inside a title",
    ),
    Rule(
        "E209",
        "Words copied from a source",
        f"Rewrite it in your own words: read the article, close it, then say it your way. No run of "
        f"{RUN_WORDS} words may match an article we read (data/fingerprints/).",
        "a step that repeats a sentence of the article it cites",
    ),
]
