"""Read the files in data/ into records that remember where each value came from.

A record is one entry (a tip, a source, a stage ...) with its file and the line of
every value, so a check can point at the exact line. Each file is checked against
its JSON Schema as it is read; a file with problems gives no record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..kinds import FOLDER, KIND, KINDS, LIST, Kind
from ..limits import CONTROL_CHARACTERS, HIDDEN_CHARACTERS
from ..problems import CHECK_MESSAGES, Problem, format_path, printable
from ..schemas import schema_problems
from .yamlfile import YamlFileError, read_yaml


@dataclass
class Record:
    """One checked entry, with its file and the line of each of its values."""

    data: Any  # a dict once the file has passed its schema; until then, whatever the YAML held
    file: str
    lines: dict = field(repr=False)
    base: tuple = ()  # where the entry sits in its file, for example ("sources", 3)

    def line(self, *path) -> int:
        path = self.base + path
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


@dataclass
class Report:
    """Every problem and warning found, in the order found; the build stops on any problem."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def add(
        self, where: Record | str, code: str, message: str, path: tuple = (), line: int | None = None, fix: str = ""
    ):
        if isinstance(where, Record):
            file, line = where.file, line or where.line(*path)
            path = where.base + path
        else:
            file, line = where, line or 1
        problem = Problem(file, line, code, printable(format_path(path)), printable(message), printable(fix))
        (self.warnings if code.startswith("W") else self.problems).append(problem)


class DataReader:
    """Reads data/ one file at a time, reporting each problem, and keeps every record by kind and id."""

    def __init__(self, data_dir: Path, report: Report):
        self.data_dir = data_dir
        self.root = data_dir.parent
        self.report = report
        self.records: dict[tuple[str, str], Record] = {}  # (kind, id) -> the entry's record
        self.unreadable: set[str] = set()  # kinds whose file has problems: unknown ids there prove nothing

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read_file(self, path: Path, schema_name: str) -> Record | None:
        file = self.relative(path)
        if path.is_symlink():
            self.report.add(file, "E100", "is a symbolic link; add the file itself")
            return None
        if not path.is_file():
            self.report.add(file, "E100", "file is missing")
            return None
        try:
            data, lines = read_yaml(path)
        except YamlFileError as error:
            self.report.add(file, error.code, error.message, line=error.line, fix=error.fix)
            return None
        record = Record(data, file, lines)
        valid = True
        for code, message, where, fix in schema_problems(schema_name, data):
            valid = False
            self.report.add(record, code, message, where, fix=fix)
        for where, text in strings(data):
            if HIDDEN_CHARACTERS.search(text):
                valid = False
                self.report.add(record, "E208", CHECK_MESSAGES["hidden_character"], where)
            elif CONTROL_CHARACTERS.search(text):
                valid = False
                self.report.add(record, "E208", CHECK_MESSAGES["control_character"], where)
        return record if valid else None

    def read(self, kind: Kind):
        """Every entry of one kind: a list, or for a SINGLE kind its one record ({} if it has problems)."""
        if kind.layout == LIST:
            return self.read_list(kind.name)
        if kind.layout == FOLDER:
            return self.read_folder(kind.name)
        return self.read_single(kind.name)

    def read_list(self, kind: str) -> list[dict]:
        """The entries of one list file, such as data/themes.yaml."""
        record = self.read_file(self.data_dir / KIND[kind].path, KIND[kind].schema)
        if record is None:
            self.unreadable.add(kind)
            return []
        entries = record.data[kind]
        for index, entry in enumerate(entries):
            self._keep(kind, Record(entry, record.file, record.lines, (kind, index)))
        return entries

    def read_folder(self, folder: str) -> list[dict]:
        """One record per .yaml file in a folder, such as data/tips/."""
        entries = []
        directory = self.data_dir / folder
        for path in sorted(directory.iterdir()) if directory.is_dir() else []:
            if path.name.startswith(".") and path.name != ".yaml":
                continue
            if path.suffix != ".yaml" or not (path.is_file() or path.is_symlink()):
                self.report.add(
                    self.relative(path), "E100", f"only .yaml files belong in data/{folder}/; rename or move it"
                )
                continue
            record = self.read_file(path, KIND[folder].schema)
            if record is None:
                continue
            if record.data["id"] != path.stem:
                self.report.add(
                    record, "E303", f"id '{record.data['id']}' does not match the file name '{path.name}'", ("id",)
                )
            if self._keep(folder, record):
                entries.append(record.data)
        return entries

    def read_single(self, kind: str) -> dict:
        record = self.read_file(self.data_dir / KIND[kind].path, KIND[kind].schema)
        if record is None:
            return {}
        self.records[(kind, kind)] = record
        return record.data

    def _keep(self, kind: str, record: Record) -> bool:
        """Keep a record under its id; a second entry with the same id is a problem, and is left out."""
        key = (kind, record.data["id"])
        if key in self.records:
            self.report.add(record, "E302", f"{kind} id '{record.data['id']}' is used more than once", ("id",))
            return False
        self.records[key] = record
        return True

    def stray_files(self, docs_dir: Path | None):
        """Data files that nothing reads: a tip saved in the wrong folder would vanish without a word."""
        known = {kind.path for kind in KINDS if kind.layout != FOLDER}
        folders = {kind.name for kind in KINDS if kind.layout == FOLDER}
        places = [path for path in self.data_dir.rglob("*") if path.suffix in (".yaml", ".yml")]
        if docs_dir is not None:
            places += [path for path in docs_dir.rglob("*") if path.suffix in (".yaml", ".yml")]
        for path in sorted(places):
            inside = path.relative_to(self.data_dir).parts if path.is_relative_to(self.data_dir) else ()
            if (len(inside) == 1 and inside[0] in known) or (len(inside) == 2 and inside[0] in folders):
                continue
            where = (
                "docs/ is published as it is, so a data file there would be shown raw"
                if not inside
                else "nothing reads it there"
            )
            self.report.add(
                self.relative(path),
                "E105",
                f"is not where data files go: {where}",
                fix=f"Move it to data/tips/{path.stem}.yaml if it is a tip (or to the folder for its kind: "
                f"{', '.join(kind.home for kind in KINDS if kind.layout == FOLDER and kind.name != 'tips')}), "
                "or delete it.",
            )


def strings(data, path: tuple = ()):
    """Every text value in the data, with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, path + (index,))
