"""Fingerprints of the articles we read, so that `make check` can find words copied from any of them.

A fingerprint is the set of hashes of every run of RUN_WORDS words in the text we read, after
lower-casing and dropping punctuation. It keeps no article text in the repository, yet any run of
RUN_WORDS words that a tip, note or page shares with the article has the same hash.

It also keeps every figure the text gives (a number written in digits or in words, such as 146 for
"one hundred forty-six"), one "figure <number>" line each, so that `make check` can hold each figure
we state about a study to the text we read (checks/research.py, E325).

Make one from the text you read: `make fingerprint SOURCE=<source id> TEXT=<file>` (commands/fingerprint.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from ..limits import RUN_WORDS

# The words of a text, as the shared originality tool counts them: letters and digits, with an apostrophe inside.
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
FOLDER = "fingerprints"  # under data/: data/fingerprints/<source id>.txt
FIGURE = "figure "  # the start of a line that keeps a figure, not a hash
# A figure in digits: 53, 1,801, 2.67 or .075 (a percent sign or a unit after it is not part of it).
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
_UNITS += "seventeen eighteen nineteen"
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS.split())} | {
    word: 10 * value for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}


def words_with_offsets(text: str) -> list[tuple[str, int]]:
    """Each word of the text, lower-cased, with where it starts."""
    return [(match.group().replace("’", "'"), match.start()) for match in WORD.finditer(text.lower())]


def run_hash(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest()


def runs(text: str) -> Iterator[tuple[str, int, str]]:
    """(hash, start offset, the words) for every run of RUN_WORDS words in the text."""
    found = words_with_offsets(text)
    for index in range(len(found) - RUN_WORDS + 1):
        window = [word for word, _ in found[index : index + RUN_WORDS]]
        yield run_hash(window), found[index][1], " ".join(window)


def fingerprint(text: str) -> list[str]:
    return sorted({hash_ for hash_, _, _ in runs(text)})


def figures(text: str, in_words: bool = True) -> set[str]:
    """Every figure in the text, as plain digits: "1,801" and "53%" give 1801 and 53, and, with
    in_words, a number written in words ("One hundred forty-six", "Sixty-one") gives its digits too."""
    found = {match.group().replace(",", "").rstrip(".") for match in _DIGITS.finditer(text)}
    if not in_words:
        return found
    value = None
    for word in re.findall(r"[a-z]+", text.lower()) + [""]:
        if word in _NUMBER_WORDS:
            value = (value or 0) + _NUMBER_WORDS[word]
        elif word == "hundred" and value is not None:
            value *= 100
        elif word != "and" or value is None:
            if value is not None:
                found.add(str(value))
            value = None
    return found


def load(data_dir: Path) -> dict[str, str]:
    """{run hash: source id} for every fingerprint in data/fingerprints/."""
    known: dict[str, str] = {}
    for path in sorted((data_dir / FOLDER).glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", FIGURE)):
                known.setdefault(line.strip(), path.stem)
    return known


def load_figures(data_dir: Path) -> dict[str, set[str]]:
    """{source id: every figure its text gives}, for the fingerprints that keep figures."""
    kept: dict[str, set[str]] = {}
    for path in sorted((data_dir / FOLDER).glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(FIGURE):
                kept.setdefault(path.stem, set()).add(line.removeprefix(FIGURE))
    return kept
