"""Fingerprints of the articles we read, so that `make check` can find words copied from any of them.

A fingerprint is the set of hashes of every run of RUN_WORDS words in the text we read, after
lower-casing and dropping punctuation. It keeps no article text in the repository, yet any run of
RUN_WORDS words that a tip, note or page shares with the article has the same hash.

It also keeps every figure the text gives (a number written in digits or in words, such as 146 for
"one hundred forty-six"), one "figure <number>" line each, so that `make check` can hold each figure
we state about a study to the text we read (checks/research.py, E325).

Make one from the text you read: `make fingerprint SOURCE=<source id> TEXT=<file>`.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from .limits import RUN_WORDS

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


def write(data_dir: Path, source_id: str, text: str, read_on: str) -> Path:
    """Add the runs and figures of `text` to the source's fingerprint file (a source read twice keeps both)."""
    target = data_dir / FOLDER / f"{source_id}.txt"
    hashes = set(fingerprint(text)) | {FIGURE + figure for figure in figures(text)}
    if target.exists():
        hashes |= {line for line in target.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"}
    target.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# {source_id}: hashes of every {RUN_WORDS}-word run of the text we read, and its figures "
        f"(last added {read_on}).\n"
        "# No article text is kept. Made by: make fingerprint SOURCE=<id> TEXT=<file>\n"
    )
    target.write_text(header + "".join(f"{hash_}\n" for hash_ in sorted(hashes)), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.fingerprints", description=__doc__.splitlines()[0])
    parser.add_argument("source_id", help="the id of the source, as in data/sources.yaml")
    parser.add_argument("text", nargs="+", help="the text you read, saved as a plain text file")
    parser.add_argument("--data", default=Path(__file__).resolve().parent.parent / "data", type=Path)
    args = parser.parse_args(argv)
    text = "\n".join(Path(file).read_text(encoding="utf-8") for file in args.text)
    if len(words_with_offsets(text)) < RUN_WORDS:
        print(f"{args.text[0]}: fewer than {RUN_WORDS} words; nothing to fingerprint", file=sys.stderr)
        return 1
    target = write(args.data, args.source_id, text, datetime.date.today().isoformat())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
