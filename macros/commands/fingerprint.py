"""Fingerprint the text of an article we read: `make fingerprint SOURCE=<source id> TEXT=<file>`.

Adds the hashes of every run of words and every figure of the text to data/fingerprints/<source id>.txt
(what they are: check/fingerprints.py), so that `make check` finds words copied from it (E209) and holds
each figure we give about a study to it (E325). No article text is kept.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..check.fingerprints import FIGURE, FOLDER, figures, fingerprint, words_with_offsets
from ..limits import RUN_WORDS
from ..schemas import PROJECT_DIR


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
    parser = argparse.ArgumentParser(prog="python -m macros.commands.fingerprint", description=__doc__.splitlines()[0])
    parser.add_argument("source_id", help="the id of the source, as in data/sources.yaml")
    parser.add_argument("text", nargs="+", help="the text you read, saved as a plain text file")
    parser.add_argument("--data", default=PROJECT_DIR / "data", type=Path)
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
