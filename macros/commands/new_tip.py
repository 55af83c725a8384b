"""Start a new tip: `make new-tip` or `python -m macros.commands.new_tip`.

Asks for a title, a theme and a stage (or takes them as options), then writes
data/tips/<id>.yaml from the template macros/commands/new_tip.yaml.jinja, with
every field ready to fill, and says what to do next. It never overwrites a file.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..kinds import KIND
from ..knowledge import PROJECT_DIR, DataError, load_vocabulary
from ..read.yamlfile import YamlFileError, read_yaml
from ..schemas import resolve_ref, schema_for
from ..settings import read_config, settings_from

SERVE_ADDRESS = "http://127.0.0.1:8000"  # the --dev-addr of `make serve` in the Makefile


def served_address(page: str) -> str:
    """Where `make serve` shows a page: under the path of site_url, as GitHub Pages will."""
    # SITE_URL, when set, moves the site as it does for the build.
    site_url = settings_from(read_config(PROJECT_DIR / "mkdocs.yml"), PROJECT_DIR).site_url
    return SERVE_ADDRESS + urlsplit(site_url).path + page


TEMPLATE_DIR = Path(__file__).resolve().parent  # new_tip.yaml.jinja, beside this file
TEMPLATE = "new_tip.yaml.jinja"


class NewTipError(Exception):
    """Something the person has to change before a tip can be started."""


def tip_id_from_title(title: str, max_length: int | None = None) -> str:
    """The kebab-case id for a title: "Don't panic: breathe!" -> "dont-panic-breathe".

    A title with no Latin letter or digit ("שלום", "नमस्ते", "🙂") gets "tip-" and a short hash of the title:
    a valid id, the same on the Suggest a tip page (suggest.js), and the maintainers may rename it."""
    max_length = max_length or _id_schema()["maxLength"]
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]", "", text.replace("&", " and "))
    words = re.findall(r"[a-z0-9]+", text)
    tip_id = ""
    for word in words:
        candidate = f"{tip_id}-{word}" if tip_id else word
        if len(candidate) > max_length:
            break
        tip_id = candidate
    return tip_id or "-".join(words)[:max_length].strip("-") or f"tip-{_short_hash(' '.join(title.split()))}"


def _short_hash(text: str) -> str:
    """FNV-1a (32 bits) of the UTF-8 text, in 8 hex digits: simple enough to compute alike in JavaScript."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def _id_schema() -> dict:
    return schema_for("tip")["$defs"]["id"]


def _describe() -> dict[str, str]:
    """Each tip field's description, from the schema, so the comments match what the checks enforce."""
    schema = schema_for("tip")
    return {
        name: " ".join(resolve_ref(schema, spec).get("description", "").split())
        for name, spec in schema["properties"].items()
    }


def _yaml_scalar(value: str) -> str:
    """A string as one YAML value, quoted only when YAML needs it."""
    return (
        yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
        .strip()
        .removesuffix("...")
        .strip()
    )


class NewTip:
    """Checks the answers and writes the file, for one data folder."""

    def __init__(self, data_dir: Path, today: datetime.date | None = None):
        self.data_dir = Path(data_dir)
        self.today = today or datetime.date.today()
        try:
            self.themes = load_vocabulary(self.data_dir, "themes")
            self.stages = load_vocabulary(self.data_dir, "stages")
            self.sources = load_vocabulary(self.data_dir, "sources")
            self.situations = load_vocabulary(self.data_dir, "situations")
        except DataError as error:
            raise NewTipError(f"fix these first, then try again:\n{error}") from None
        self.title_limit = schema_for("tip")["properties"]["title"]["maxLength"]

    # ---- checking each answer ------------------------------------------------
    def check_title(self, title: str) -> tuple[str, str]:
        """Return (title, id), or raise NewTipError saying what to change."""
        title = " ".join(title.split())
        if not title:
            raise NewTipError('the tip needs a title: a short instruction, such as "Send a short thank-you note".')
        if len(title) > self.title_limit:
            raise NewTipError(f"the title is {len(title)} characters long; keep it to {self.title_limit} or fewer.")
        tip_id = tip_id_from_title(title)
        path = self.path_for(tip_id)
        if path.exists():
            raise NewTipError(
                f"a tip with the id '{tip_id}' already exists: {self._relative(path)}.\n"
                "Improve that tip instead, or choose a title that says something different."
            )
        same = self._tip_titled(title)
        if same:
            raise NewTipError(
                f"a tip with this title already exists: {self._relative(same)}.\n"
                "Improve that tip instead, or choose a title that says something different."
            )
        return title, tip_id

    def _tip_titled(self, title: str) -> Path | None:
        """The tip file that already has this title, if any (a file that cannot be read is skipped)."""
        for path in sorted((self.data_dir / "tips").glob("*.yaml")):
            try:
                data, _ = read_yaml(path)
            except YamlFileError:
                continue
            if isinstance(data, dict) and str(data.get("title", "")).strip().casefold() == title.casefold():
                return path
        return None

    def check_choice(self, kind: str, answer: str) -> str:
        """A theme or stage id; a number picks from the list as shown by `choices`."""
        entries = self.themes if kind == "theme" else self.stages
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(entries):
            return entries[int(answer) - 1]["id"]
        ids = [entry["id"] for entry in entries]
        if answer in ids:
            return answer
        file = KIND[f"{kind}s"].home
        shown = f"'{answer}'" if answer else "none"
        raise NewTipError(f"unknown {kind} {shown}. Choose one of: {', '.join(ids)} (from {file}).")

    def choices(self, kind: str) -> str:
        entries = self.themes if kind == "theme" else self.stages
        return "\n".join(f"  {number}. {entry['id']}: {entry['title']}" for number, entry in enumerate(entries, 1))

    # ---- writing -----------------------------------------------------------------
    def path_for(self, tip_id: str) -> Path:
        return self.data_dir / "tips" / f"{tip_id}.yaml"

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.data_dir.resolve().parent).as_posix()
        except ValueError:
            return str(path)

    def render(self, tip_id: str, title: str, theme: str, stage: str) -> str:
        jinja = Environment(
            loader=FileSystemLoader(TEMPLATE_DIR),
            autoescape=False,
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        jinja.filters["yaml_scalar"] = _yaml_scalar
        return jinja.get_template(TEMPLATE).render(
            id=tip_id,
            title=title,
            theme=theme,
            stage=stage,
            today=self.today.isoformat(),
            describe=_describe(),
            sources=self.sources,
            situations=[situation["id"] for situation in self.situations],
        )

    def write(self, title: str, theme: str, stage: str) -> Path:
        title, tip_id = self.check_title(title)
        theme = self.check_choice("theme", theme)
        stage = self.check_choice("stage", stage)
        path = self.path_for(tip_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
            file.write(self.render(tip_id, title, theme, stage))
        return path

    def next_steps(self, path: Path, tip_id: str, theme: str) -> str:
        file = self._relative(path)
        return "\n".join(
            [
                f"Wrote {file}",
                "",
                "Next:",
                f"  1. Open {file} and fill in every empty field. The notes above each one say what it holds.",
                f"  2. make serve   then open {served_address(f'themes/{theme}/#tip-{tip_id}')} to see it.",
                "  3. make check   names the file, line and fix for anything still wrong.",
                "  4. make test    runs every test, as the pull request check will.",
                "  5. Commit the file, push it to your fork and open a pull request.",
                "Help: CONTRIBUTING.md, or the Add a tip and Style guide pages under Contribute on the site.",
            ]
        )


def _ask(question: str, check, interactive: bool):
    """Ask until the answer passes `check`; without a terminal, one wrong answer ends it."""
    while True:
        try:
            answer = input(question)
        except EOFError:
            raise NewTipError('no answer given. Run it as: make new-tip TITLE="..." THEME=... STAGE=...') from None
        try:
            return check(answer)
        except NewTipError as error:
            if not interactive:
                raise
            print(f"  {error}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.commands.new_tip", description=__doc__.splitlines()[0])
    parser.add_argument("--title", default="", help="what to do, as a short instruction")
    parser.add_argument("--theme", default="", help="a theme id from data/themes.yaml")
    parser.add_argument("--stage", default="", help="a stage id from data/stages.yaml")
    parser.add_argument("--data", default=str(PROJECT_DIR / "data"), help="the data folder (default: data/)")
    args = parser.parse_args(argv)
    interactive = sys.stdin.isatty()
    try:
        new_tip = NewTip(Path(args.data))
        # What was given is checked before anything is asked, so a typo fails at once.
        title, tip_id = new_tip.check_title(args.title) if args.title.strip() else (None, None)
        theme = new_tip.check_choice("theme", args.theme) if args.theme.strip() else None
        stage = new_tip.check_choice("stage", args.stage) if args.stage.strip() else None
        if title is None:
            title, tip_id = _ask(
                "Title of the tip (what to do, as a short instruction): ", new_tip.check_title, interactive
            )
        if theme is None:
            print(f"Themes:\n{new_tip.choices('theme')}")
            theme = _ask(
                "Theme (its number or id): ", lambda answer: new_tip.check_choice("theme", answer), interactive
            )
        if stage is None:
            print(f"Stages:\n{new_tip.choices('stage')}")
            stage = _ask(
                "Stage (its number or id): ", lambda answer: new_tip.check_choice("stage", answer), interactive
            )
        path = new_tip.write(title, theme, stage)
    except NewTipError as error:
        print(f"new-tip: {error}", file=sys.stderr)
        return 1
    except FileExistsError as error:
        print(f"new-tip: {error.filename} already exists; nothing was written.", file=sys.stderr)
        return 1
    print(new_tip.next_steps(path, path.stem, theme))
    return 0


if __name__ == "__main__":
    sys.exit(main())
