"""A problem found in the data: where it is, which rule it breaks, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .limits import HIDDEN_CHARACTERS
from .rules import RULES

# The words of the checks' own messages that the Suggest a tip page says too, so both say them alike
# (published in api/v1/rules.json). {value}, {one}, {hint} and {home} are filled in where they are used.
CHECK_MESSAGES = {
    "hidden_character": "contains a hidden or direction-changing character",
    "control_character": "contains a control character",
    "unknown_id": "unknown {one} '{value}'; {hint}the known ids are in {home}",
    "no_source": "no source supports this tip",
    "no_plan": "no plan in the guide leads to this tip",
}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    code: str
    where: str
    message: str
    # A fix written for this very problem; without one, the rule's general fix is printed.
    fix: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return (
            f"{self.file}:{self.line}: {self.code}{where} {self.message}\n    fix: {self.fix or RULES[self.code].fix}"
        )


class DataError(Exception):
    """The data has problems; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(problem) for problem in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in data/:\n{lines}")


def printable(text: str) -> str:
    """Text safe to print on one line: newlines, control and hidden characters shown as escapes."""
    return "".join(
        char
        if char.isprintable() and not HIDDEN_CHARACTERS.match(char)
        else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


# How one entry of a list field is named in a message, where dropping a final "s" would not do.
ENTRY_NAMES = {
    "avoid": "avoid item",
    "related": "related tip",
    "opposed_by": "opposing source",
    "unused_points": "unused point",
    "sources_differ": "sources_differ",
    "countries": "country",
}


def format_path(path: tuple) -> str:
    """("steps", 4) -> "step 5", ("groups", 0, "items", 2, "text") -> "group 1, item 3, text".

    Counted from 1, as a person counts the lines that start with "-"."""
    parts: list[str] = []
    for index, part in enumerate(path):
        if isinstance(part, int):
            key = path[index - 1] if index else ""
            name = ENTRY_NAMES.get(key, key[:-1] if key.endswith("s") else key)
            parts[-1:] = [f"{name} {part + 1}"]
        else:
            parts.append(part)
    return ", ".join(parts)
