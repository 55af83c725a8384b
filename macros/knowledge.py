"""Load every file in data/ once, check it, and hold it as one knowledge base.

This is the only place that reads or checks the data. It runs in three passes,
so one run reports every problem: each file against its JSON Schema, then the
references between files, then the writing style (see style.py). A problem
names the file, the line, a rule code and the fix.
"""
from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import fastjsonschema

from .rules import MAX_CHECKLIST_ITEMS, MAX_REFLECTION, RULES
from .style import style_problems
from .yamlfile import YamlFileError, read_yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
SCHEMA_DIR = PROJECT_DIR / "schema"

# file or folder in data/ -> (schema file, key that holds the list, or None for one record per file)
VOCABULARY_FILES = {
    "sources": "sources.yaml",
    "themes": "themes.yaml",
    "stages": "stages.yaml",
    "situations": "situations.yaml",
}
RECORD_FOLDERS = {"tips": "tip", "checklists": "checklist", "templates": "template"}
REVIEW_EVERY_DAYS = 365
HIDDEN_CHARACTERS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Control characters (a double-quoted YAML string can hold any, such as "\x1b[2J") mean nothing
# in advice, and in a message they could rewrite the contributor's terminal. Tabs and newlines are text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    code: str
    where: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{self.line}: {self.code}{where} {self.message}\n    fix: {RULES[self.code].fix}"


class DataError(Exception):
    """The data has problems; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(problem) for problem in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in data/:\n{lines}")


@dataclass
class Record:
    """One checked entry, with where it came from."""

    data: dict
    file: str
    lines: dict = field(repr=False)
    base: tuple = ()

    def line(self, *path) -> int:
        path = self.base + path
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


@dataclass
class KnowledgeBase:
    sources: list[dict]
    themes: list[dict]
    stages: list[dict]
    situations: list[dict]
    tips: list[dict]
    checklists: list[dict]
    templates: list[dict]
    reflection: dict
    warnings: list[Problem] = field(default_factory=list)

    def __post_init__(self):
        self.themes.sort(key=lambda theme: theme["order"])
        self.stages.sort(key=lambda stage: stage["order"])
        stage_order = {stage["id"]: stage["order"] for stage in self.stages}
        # Timeline order, then the most widely sourced first, then by title.
        self.tips.sort(key=lambda tip: (stage_order.get(tip["stage"], 0), -len(tip["sources"]), tip["title"]))
        self.by_id = {kind: {entry["id"]: entry for entry in getattr(self, kind)}
                      for kind in ("sources", "themes", "stages", "situations", "tips", "checklists", "templates")}

    def tips_where(self, key: str, value: str) -> list[dict]:
        """Tips whose field `key` is `value`, or contains it for list fields, in timeline order."""
        return [tip for tip in self.tips if tip.get(key) == value or value in (tip.get(key) or ())]


def load_knowledge_base(data_dir: Path, docs_dir: Path | None = None, today: datetime.date | None = None) -> KnowledgeBase:
    """Read and check all data; raise DataError listing every problem found."""
    checker = _Checker(Path(data_dir), today or datetime.date.today())
    kb = checker.load()
    if docs_dir is not None:
        checker.check_theme_pages(kb, Path(docs_dir))
    if checker.problems:
        raise DataError(checker.problems)
    kb.warnings = sorted(checker.warnings)
    return kb


@functools.cache
def schema_for(name: str) -> dict:
    return read_json(SCHEMA_DIR / f"{name}.schema.json")


def read_json(path: Path) -> dict:
    """A JSON file, refusing a key given twice in one object (JSON keeps the last one in silence)."""
    def no_repeats(pairs):
        keys = [key for key, _ in pairs]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"{path.name}: the key {repeated[0]!r} appears twice in one object; merge the two")
        return dict(pairs)

    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_repeats)


def resolve_ref(schema: dict, prop: dict) -> dict:
    """A schema property with its local $ref (#/$defs/...) filled in; the property's own keys win.
    `ref_name` tells which definition it was, for example "id" or "date"."""
    ref = prop.get("$ref", "")
    if not ref.startswith("#/"):
        return prop
    target = schema
    for part in ref[2:].split("/"):
        target = target[part]
    return {**target, **{key: value for key, value in prop.items() if key != "$ref"}, "ref_name": part}


def _strict_patterns(schema):
    r"""JSON Schema's `$` ends the text; Python's `$` also matches before a final newline, so
    "an-id\n" would pass as an id. Python's `\Z` means what the schema means."""
    if isinstance(schema, dict):
        return {key: (value[:-1] + r"\Z" if key == "pattern" and isinstance(value, str) and value.endswith("$")
                      and not value.endswith("\\$") else _strict_patterns(value)) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_strict_patterns(value) for value in schema]
    return schema


@functools.cache
def _validators(name: str):
    """A compiled check that is ten times faster for the usual case of a sound file."""
    return fastjsonschema.compile(_strict_patterns(schema_for(name)), detailed_exceptions=False)


@functools.cache
def _explainer(name: str):
    """jsonschema's own validator, which explains every problem. Imported only when a file has one:
    the import alone costs a build 0.09 s."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_strict_patterns(schema_for(name)))


def _schema_errors(name: str, data) -> list:
    try:
        _validators(name)(data)
        return []
    except fastjsonschema.JsonSchemaException:
        return list(_explainer(name).iter_errors(data))


class _Checker:
    def __init__(self, data_dir: Path, today: datetime.date):
        self.data_dir = data_dir
        self.root = data_dir.parent
        self.today = today
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.unreadable_kinds: set[str] = set()  # do not call every reference into a broken file unknown
        self.records: dict[int, Record] = {}  # id(entry dict) -> Record, to point back at lines

    # ---- reporting -------------------------------------------------------
    def report(self, record_or_file, code: str, message: str, path: tuple = (), line: int | None = None):
        if isinstance(record_or_file, Record):
            file, line = record_or_file.file, line or record_or_file.line(*path)
            path = record_or_file.base + path
        else:
            file, line = record_or_file, line or 1
        problem = Problem(file, line, code, printable(_format_path(path)), printable(message))
        (self.warnings if code.startswith("W") else self.problems).append(problem)

    def record(self, entry: dict) -> Record:
        return self.records[id(entry)]

    # ---- pass 1: files and schemas ---------------------------------------
    def load(self) -> KnowledgeBase:
        lists = {kind: self._read_list_file(kind, file) for kind, file in VOCABULARY_FILES.items()}
        records = {folder: self._read_folder(folder, schema) for folder, schema in RECORD_FOLDERS.items()}
        files_are_valid = not self.problems
        reflection = self._read_file(self.data_dir / "reflection.yaml", "reflection")
        kb = KnowledgeBase(**lists, **records, reflection=reflection.data if reflection else {})
        self._check_references(kb, reflection, files_are_valid)
        for problem in style_problems(kb, self.record, reflection):
            self.report(*problem)
        return kb

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _read_file(self, path: Path, schema_name: str) -> Record | None:
        file = self._relative(path)
        if path.is_symlink():
            self.report(file, "E100", "is a symbolic link; add the file itself")
            return None
        if not path.is_file():
            self.report(file, "E100", "file is missing")
            return None
        try:
            data, lines = read_yaml(path)
        except YamlFileError as error:
            self.report(file, error.code, error.message, line=error.line)
            return None
        record = Record(data, file, lines)
        valid = True
        for error in _schema_errors(schema_name, data):
            valid = False
            for code, message, path in _explain_schema_error(error):
                self.report(record, code, message, path)
        for path, text in _strings(data):
            if HIDDEN_CHARACTERS.search(text):
                valid = False
                self.report(record, "E208", "contains a hidden or direction-changing character", path)
            elif CONTROL_CHARACTERS.search(text):
                valid = False
                self.report(record, "E208", "contains a control character", path)
        return record if valid else None

    def _read_list_file(self, kind: str, file_name: str) -> list[dict]:
        record = self._read_file(self.data_dir / file_name, kind)
        if record is None:
            self.unreadable_kinds.add(kind)
            return []
        entries = record.data[kind]
        for index, entry in enumerate(entries):
            self.records[id(entry)] = Record(entry, record.file, record.lines, (kind, index))
        self._check_unique_ids(entries, kind)
        return entries

    def _read_folder(self, folder: str, schema_name: str) -> list[dict]:
        entries = []
        directory = self.data_dir / folder
        for path in sorted(directory.iterdir()) if directory.is_dir() else []:
            if path.name.startswith(".") and path.name != ".yaml":
                continue
            if path.suffix != ".yaml" or not (path.is_file() or path.is_symlink()):
                self.report(self._relative(path), "E100", f"only .yaml files belong in data/{folder}/; rename or move it")
                continue
            record = self._read_file(path, schema_name)
            if record is None:
                continue
            self.records[id(record.data)] = record
            if record.data["id"] != path.stem:
                self.report(record, "E303", f"id '{record.data['id']}' does not match the file name '{path.name}'", ("id",))
            entries.append(record.data)
        self._check_unique_ids(entries, folder)
        return entries

    def _check_unique_ids(self, entries: list[dict], kind: str, container: Record | None = None, path: tuple = ()):
        seen = set()
        for index, entry in enumerate(entries):
            if entry["id"] in seen:
                record = container or self.record(entry)
                where = path + (index, "id") if container else ("id",)
                self.report(record, "E302", f"{kind} id '{entry['id']}' is used more than once", where)
            seen.add(entry["id"])

    # ---- pass 2: references between files --------------------------------
    def _check_references(self, kb: KnowledgeBase, reflection: Record | None, files_are_valid: bool):
        known = {kind: set(kb.by_id[kind]) for kind in kb.by_id}
        # A tip whose file has errors is still a tip: do not also call every link to it unknown.
        known["tips"] |= {path.stem for path in (self.data_dir / "tips").glob("*.yaml")}

        def check(record: Record, kind: str, value: str, path: tuple):
            if value not in known[kind] and kind not in self.unreadable_kinds:
                file = "data/tips/" if kind == "tips" else f"data/{kind}.yaml"
                choices = ", ".join(sorted(known[kind])) or "none"
                if kind == "tips":
                    choices = f"see {file}"
                self.report(record, "E301", f"unknown {kind[:-1]} '{value}' (known: {choices})", path)

        for tip in kb.tips:
            record = self.record(tip)
            check(record, "themes", tip["theme"], ("theme",))
            check(record, "stages", tip["stage"], ("stage",))
            for key in ("situations", "sources", "related"):
                for index, value in enumerate(tip.get(key, [])):
                    check(record, "situations" if key == "situations" else "tips" if key == "related" else "sources",
                          value, (key, index))
            if tip["id"] in tip.get("related", []):
                self.report(record, "E301", "a tip cannot be related to itself", ("related",))
            self._check_review_date(record, tip["last_reviewed"])

        stage_order = {stage["id"]: stage["order"] for stage in kb.stages}
        for checklist in kb.checklists:
            record = self.record(checklist)
            last_order = 0
            for group_index, group in enumerate(checklist["groups"]):
                check(record, "stages", group["stage"], ("groups", group_index, "stage"))
                order = stage_order.get(group["stage"], last_order + 1)
                if order <= last_order:
                    self.report(record, "E306", f"stage '{group['stage']}' is out of timeline order or used twice",
                                ("groups", group_index, "stage"))
                last_order = order
                for item_index, item in enumerate(group["items"]):
                    check(record, "tips", item["tip"], ("groups", group_index, "items", item_index, "tip"))
            item_count = sum(len(group["items"]) for group in checklist["groups"])
            if item_count > MAX_CHECKLIST_ITEMS:
                self.report(record, "E308", f"has {item_count} items; at most {MAX_CHECKLIST_ITEMS} fit on one "
                            "printed page", ("groups",))
            seen = set()
            for group_index, group in enumerate(checklist["groups"]):
                for item_index, item in enumerate(group["items"]):
                    if item["id"] in seen:
                        self.report(record, "E302", f"item id '{item['id']}' is used more than once",
                                    ("groups", group_index, "items", item_index, "id"))
                    seen.add(item["id"])

        for template in kb.templates:
            record = self.record(template)
            for key in ("tips", "sources"):
                for index, value in enumerate(template[key]):
                    check(record, key, value, (key, index))
            declared = [placeholder["id"] for placeholder in template["placeholders"]]
            used = set(PLACEHOLDER.findall(template["subject"] + template["body"]))
            for name in sorted(used - set(declared)):
                self.report(record, "E305", f"{{{name}}} is used but not listed under placeholders", ("body",))
            for index, name in enumerate(declared):
                if name not in used:
                    self.report(record, "E305", f"placeholder '{name}' is listed but never used", ("placeholders", index))
            self._check_unique_ids(template["placeholders"], "placeholder", record, ("placeholders",))

        if reflection is not None:
            for key in ("prompts", "lists"):
                for index, entry in enumerate(kb.reflection[key]):
                    check(reflection, "tips", entry["tip"], (key, index, "tip"))
                self._check_unique_ids(kb.reflection[key], key[:-1], reflection, (key,))
                if len(kb.reflection[key]) > MAX_REFLECTION[key]:
                    self.report(reflection, "E308", f"has {len(kb.reflection[key])} {key}; at most "
                                f"{MAX_REFLECTION[key]} fit on the two printed pages of the worksheet", (key,))

        # Only when all else is sound: a broken tip or a typo would make an entry look unused.
        all_else_sound = files_are_valid and not self.problems
        for kind, key in (("themes", "theme"), ("stages", "stage"), ("situations", "situations"), ("sources", "sources")):
            if not all_else_sound:
                break
            used = {value for tip in kb.tips for value in ([tip[key]] if key in ("theme", "stage") else tip.get(key, []))}
            for entry in getattr(kb, kind):
                if entry["id"] not in used:
                    self.report(self.record(entry), "E304", f"{kind[:-1]} '{entry['id']}' is not used by any tip", ("id",))
        for kind in ("themes", "stages"):
            seen = set()
            for entry in getattr(kb, kind):
                if entry["order"] in seen:
                    self.report(self.record(entry), "E302", f"order {entry['order']} is used by two {kind}", ("order",))
                seen.add(entry["order"])

    def _check_review_date(self, record: Record, value: str):
        try:
            reviewed = datetime.date.fromisoformat(value)
        except ValueError:
            self.report(record, "E204", f"'{value}' is not a real date", ("last_reviewed",))
            return
        if reviewed > self.today:
            self.report(record, "E204", f"last_reviewed {value} is in the future", ("last_reviewed",))
        elif (self.today - reviewed).days > REVIEW_EVERY_DAYS:
            self.report(record, "W501", f"last reviewed on {value}, more than a year ago", ("last_reviewed",))

    def check_theme_pages(self, kb: KnowledgeBase, docs_dir: Path):
        for theme in kb.themes:
            page = docs_dir / "themes" / f"{theme['id']}.md"
            if not page.is_file():
                self.report(self.record(theme), "E307", f"theme '{theme['id']}' has no page docs/themes/{theme['id']}.md", ("id",))


def printable(text: str) -> str:
    """Text safe to print on one line: newlines, control and hidden characters shown as escapes."""
    return "".join(char if char.isprintable() and not HIDDEN_CHARACTERS.match(char) else
                   char.encode("unicode_escape").decode("ascii") for char in text)


def _format_path(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _strings(data, path: tuple = ()):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))


def _explain_schema_error(error) -> list[tuple[str, str, tuple]]:
    """Turn one jsonschema error into (code, message, path) in plain words."""
    path = tuple(error.absolute_path)
    kind, limit, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        name = re.match(r"'(.*)' is a required property", error.message)
        return [("E201", f"missing required field '{name.group(1) if name else limit}'", path)]
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        return [("E202", f"unknown field '{key}' (allowed: {', '.join(allowed)})", path + (key,))
                for key in value if key not in allowed]
    if kind == "type":
        names = {"string": "text", "array": "a list", "object": "a group of fields", "integer": "a whole number"}
        wanted = names.get(limit, limit)
        return [("E203", f"should be {wanted}, not {_type_name(value)}", path)]
    if kind in ("pattern", "format"):
        if "[0-9]{4}" in str(limit):
            return [("E204", f"'{value}' is not a date written \"YYYY-MM-DD\"", path)]
        if "https?" in str(limit):
            return [("E204", f"'{value}' is not a web address starting with https://", path)]
        return [("E204", f"'{value}' is not a valid id: use lower-case letters, digits and single hyphens", path)]
    if kind == "maxLength":
        return [("E205", f"is {len(value)} characters long; the limit is {limit}", path)]
    if kind == "minLength":
        return [("E205", "is empty", path)]
    if kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        return [("E206", f"has {len(value)} item{'s' if len(value) != 1 else ''}; it needs {bound} {limit}", path)]
    if kind == "uniqueItems":
        return [("E207", "lists the same value more than once", path)]
    if kind == "minimum":
        return [("E200", f"must be {limit} or more", path)]
    return [("E200", error.message[:200], path)]


def _type_name(value) -> str:
    if value is None:
        return "empty"
    return {str: "text", list: "a list", dict: "a group of fields", bool: "true/false",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def load_vocabulary(data_dir: Path, kind: str) -> list[dict]:
    """One vocabulary file (themes, stages, situations or sources), read and checked on its own.

    For tools such as `make new-tip` that need the ids even while a tip elsewhere is half written.
    """
    checker = _Checker(Path(data_dir), datetime.date.today())
    entries = checker._read_list_file(kind, VOCABULARY_FILES[kind])
    if checker.problems:
        raise DataError(checker.problems)
    return sorted(entries, key=lambda entry: entry.get("order", 0))
