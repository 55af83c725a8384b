"""The rules for Reading a file (E1): what stops a file being read at all."""

from __future__ import annotations

from ..kinds import FOLDER, KINDS
from ..limits import (
    MAX_FILE_BYTES,
)
from .rule import Rule

RULES = [
    Rule(
        "E100",
        "File cannot be read",
        f"Save the file as UTF-8 text with a .yaml ending, under {MAX_FILE_BYTES // 1000} kB, and not empty.",
        "data/tips/breathe.yml (wrong ending), or an empty file",
    ),
    Rule(
        "E101",
        "YAML syntax error",
        "Indent with two spaces (never tabs), put a space after each colon, and close every quote.",
        'title: "Take a break   (quote never closed)',
    ),
    Rule(
        "E102",
        "Duplicate key",
        "Keep one copy of the field and delete the other.",
        "two lines that both start with summary:",
    ),
    Rule("E103", "Anchor or alias", "Write the value out in full instead of using & and *.", "steps: *shared-steps"),
    Rule(
        "E104",
        "Nested too deep",
        "Use the flat shape shown in the example tip.",
        "a list inside a list inside a list ...",
    ),
    Rule(
        "E105",
        "File in the wrong place",
        "Move a tip to data/tips/<id>.yaml (other kinds have folders of their own: "
        f"{', '.join(kind.home for kind in KINDS if kind.layout == FOLDER and kind.name != 'tips')}), "
        "or delete the file.",
        "data/tip/breathe.yaml, data/breathe.yaml or docs/breathe.yaml",
    ),
]
