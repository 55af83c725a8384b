"""The data checks that keep the printed tools on paper: E308 and the one-line limits, on the fixture data."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from macros.knowledge import DataError, load_knowledge_base
from macros.read.yamlfile import read_yaml
from support.project import PROJECT

TODAY = datetime.date(2026, 11, 22)


def problems(data_dir: Path) -> list[str]:
    try:
        load_knowledge_base(data_dir, today=TODAY)
    except DataError as error:
        return [str(problem).splitlines()[0] for problem in error.problems]
    return []


def rewrite(path: Path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_a_checklist_of_18_items_passes_and_19_is_too_long_to_print(data_dir):
    path = data_dir / "checklists" / "recovery.yaml"

    def grow_to(count):
        def change(data):
            items = data["groups"][1]["items"]
            while sum(len(group["items"]) for group in data["groups"]) < count:
                items.append({"id": f"extra-{len(items)}", "text": "Write it down.", "tip": "write-it-down"})

        return change

    rewrite(path, grow_to(18))
    assert problems(data_dir) == []
    rewrite(path, grow_to(19))
    assert problems(data_dir) == [
        "data/checklists/recovery.yaml:4: E308 groups: has 19 items; at most 18 fit on one printed page"
    ]


def test_worksheet_of_7_questions_and_2_lists_passes_and_more_is_too_long_to_print(data_dir):
    path = data_dir / "reflection.yaml"

    def grow(key, count):
        def change(data):
            entries = data[key]
            while len(entries) < count:
                entries.append({**entries[0], "id": f"extra-{len(entries)}"})

        return change

    rewrite(path, grow("prompts", 7))
    rewrite(path, grow("lists", 2))
    assert problems(data_dir) == []
    rewrite(path, grow("prompts", 8))
    rewrite(path, grow("lists", 3))
    lines = path.read_text(encoding="utf-8").splitlines()
    prompts_line, lists_line = lines.index("prompts:") + 1, lines.index("lists:") + 1
    assert problems(data_dir) == [
        f"data/reflection.yaml:{prompts_line}: E308 prompts: has 8 prompts; at most 7 fit on the two printed pages "
        "of the worksheet",
        f"data/reflection.yaml:{lists_line}: E308 lists: has 3 lists; at most 2 fit on the two printed pages of the "
        "worksheet",
    ]


def test_checklist_items_questions_and_hints_fit_on_one_printed_line(data_dir):
    def lengthen(data):
        data["groups"][0]["items"][0]["text"] = (
            "Write down everything that happened, including what surprised you most."
        )
        data["groups"][1]["items"][0]["text"] = (
            "Write down everything that happened in the interview, including what surprised you."
        )

    rewrite(data_dir / "checklists" / "recovery.yaml", lengthen)
    found = problems(data_dir)
    assert len(found) == 1 and " E205 group 2, item 1, text: is 83 characters long; the limit is 80" in found[0], found

    rewrite(
        data_dir / "checklists" / "recovery.yaml",
        lambda data: data["groups"][1]["items"][0].update(text="Write down what happened."),
    )

    def long_reflection(data):
        data["prompts"][0]["question"] = "What " + "went wrong " * 8 + "today?"
        data["prompts"][0]["hint"] = "Write down the moments that felt bad. " * 3

    rewrite(data_dir / "reflection.yaml", long_reflection)
    found = problems(data_dir)
    assert [line.split(": ", 2)[1] for line in found] == ["E205 prompt 1, question", "E205 prompt 1, hint"], found


def test_the_schemas_tell_contributors_the_same_print_limits_the_checker_enforces():
    """The field tables on the Add a tip and Open data pages come from these descriptions."""
    from macros.limits import MAX_CHECKLIST_ITEMS, MAX_REFLECTION
    from macros.schemas import schema_for

    groups = schema_for("checklist")["properties"]["groups"]["description"]
    assert f"{MAX_CHECKLIST_ITEMS} items at most" in groups
    reflection = schema_for("reflection")["properties"]
    assert f"{MAX_REFLECTION['prompts']} at most" in reflection["prompts"]["description"]
    assert f"{MAX_REFLECTION['lists']} at most" in reflection["lists"]["description"]


def test_a_schema_key_given_twice_stops_with_its_name(tmp_path):
    """A repeated key would silently drop the first description, as once happened to these limits."""
    from macros.schemas import SCHEMA_DIR, read_json

    for path in sorted(SCHEMA_DIR.rglob("*.schema.json")):
        read_json(path)
    broken = tmp_path / "broken.schema.json"
    broken.write_text('{"type": "array", "description": "one", "description": "two"}', encoding="utf-8")
    with pytest.raises(ValueError, match="broken.schema.json: the key 'description' appears twice"):
        read_json(broken)


# ---- every follow-up note reads as a good letter ------------------------------------------


def _filled(note: dict, text: str) -> str:
    examples = {placeholder["id"]: placeholder["example"] for placeholder in note["placeholders"]}
    return re.sub(r"\{([^{}]*)\}", lambda match: examples[match.group(1)], text)


def _note_sentences(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [sentence for line in lines for sentence in re.split(r"(?<=[.!?])\s+", line)]


NOTES = sorted((PROJECT / "data" / "templates").glob("*.yaml"))


@pytest.mark.parametrize("path", NOTES, ids=lambda path: path.stem)
def test_every_note_reads_well_with_its_examples(path):
    note = read_yaml(path)[0]
    body = _filled(note, note["body"])
    subject = _filled(note, note["subject"])
    assert "{" not in body + subject and "}" not in body + subject
    # Around each gap: an example that starts a sentence starts with a capital, one inside a sentence does not,
    # and one that ends a sentence brings its own full stop, so no sentence is cut or doubled.
    for placeholder in note["placeholders"]:
        for match in re.finditer(r"(.?)(\s*)\{" + re.escape(placeholder["id"]) + r"\}(.?)", note["body"]):
            before, gap, after = match.groups()
            example = placeholder["example"]
            starts_sentence = before in ("", ".", "!", "?") and (gap or not before)
            if starts_sentence and example[0].isalpha():
                assert example[0].isupper(), (path.stem, placeholder["id"], "starts a sentence in lower case")
            if after in (".", ",", "!", "?", ";", ":"):
                assert example[-1] not in ".!?", (path.stem, placeholder["id"], "doubles the punctuation after it")
    for sentence in _note_sentences(body):
        assert not re.search(r"\b(\w+) \1\b", sentence, re.I), (path.stem, sentence)
        assert not re.search(r"\s[,.;:!?]|\.\.|,,", sentence), (path.stem, sentence)
        assert len(sentence.split()) <= 30, (path.stem, sentence)
    # A note never tells the employer you expect to fail again.
    assert not re.search(r"next time,? i will|in future i will", body, re.I), path.stem
