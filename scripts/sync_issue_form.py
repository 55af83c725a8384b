"""Write the situations of data/situations.yaml into the Suggest a tip issue form, in data order.

GitHub's issue forms cannot read the site's data, so the form keeps its own copy of the situations'
titles; tests/test_github.py fails when the copy is out of date. Run: python scripts/sync_issue_form.py
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
FORM = PROJECT / ".github" / "ISSUE_TEMPLATE" / "suggest-a-tip.yml"


def main() -> None:
    situations = yaml.safe_load((PROJECT / "data" / "situations.yaml").read_text(encoding="utf-8"))["situations"]
    lines = FORM.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.strip() == "id: situations")
    options = next(n for n in range(start, len(lines)) if lines[n].strip() == "options:")
    end = options + 1
    while end < len(lines) and lines[end].lstrip().startswith("- "):
        end += 1
    indent = lines[options + 1][: len(lines[options + 1]) - len(lines[options + 1].lstrip())]
    titles = [f"{indent}- {json.dumps(situation['title'], ensure_ascii=False)}\n" for situation in situations]
    lines[options + 1 : end] = [*titles, f"{indent}- Not sure\n"]
    FORM.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
