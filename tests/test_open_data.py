"""The knowledge base as open data: the JSON file the build writes, its schemas and the Open data page.

The YAML files are read here with plain yaml.safe_load, independently of the
project's loader, and compared with the JSON field by field.
"""

from __future__ import annotations

import copy
import datetime
import json
import re

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from macros.kinds import FOLDER, KIND, KINDS, LIST, SINGLE
from macros.knowledge.evidence import STRENGTHS
from support.project import PROJECT
from support.yamlfiles import load_yaml

DATA = PROJECT / "data"
SCHEMAS = sorted((PROJECT / "schema").glob("*.schema.json"))
# The data files as the loader knows them, so a new kind of file is covered here by itself.
LIST_FILES = {kind.path: kind.name for kind in KINDS if kind.layout == LIST}
FOLDERS = {kind.name: kind.schema for kind in KINDS if kind.layout == FOLDER}
SINGLE_FILES = {kind.name: kind.path for kind in KINDS if kind.layout == SINGLE}
# Data files that are deliberately not published, and why.
NOT_EXPORTED: dict[str, str] = {}


def as_json_value(value):
    """YAML may read an unquoted date as a date; JSON has only strings."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_value(item) for item in value]
    return value


def assert_same(expected, actual, where: str):
    """Field by field, naming the first field that was lost, added or changed."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: not an object in the JSON"
        assert sorted(expected) == sorted(actual), (
            f"{where}: lost {sorted(set(expected) - set(actual))}, added {sorted(set(actual) - set(expected))}"
        )
        for key in expected:
            assert_same(expected[key], actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: list length differs"
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            assert_same(left, right, f"{where}[{index}]")
    else:
        assert type(actual) is type(expected) and actual == expected, f"{where}: {expected!r} became {actual!r}"


def by_id(entries: list[dict]) -> dict:
    return {entry["id"]: entry for entry in entries}


def plan_order(tips: list[dict]) -> list[str]:
    """The site's one ordering rule, from stages.yaml: stage, then most sources, then title."""
    stage_order = {stage["id"]: stage["order"] for stage in load_yaml(DATA / "stages.yaml")["stages"]}
    ordered = sorted(tips, key=lambda tip: (stage_order[tip["stage"]], -len(tip["sources"]), tip["title"]))
    return [tip["id"] for tip in ordered]


@pytest.fixture(scope="module")
def export(built_site) -> dict:
    return json.loads((built_site / "api" / "v1" / "knowledge-base.json").read_text(encoding="utf-8"))


def as_data_files(export: dict) -> dict:
    """The export with its evidence put back the way the YAML holds it: each tip's sources with what they
    say (found in sources[].points), and each source's unused points. Checks the derived fields on the way."""
    data = copy.deepcopy(export)
    says = {
        (source["id"], tip_id): point["text"]
        for source in export["sources"]
        for point in source["points"]
        for tip_id in point["supports"]
    }
    for tip in data["tips"]:
        differ = tip.get("sources_differ", {}).get("opposed_by", [])
        assert tip.pop("opposed_by") == [opposition["id"] for opposition in differ], tip["id"]
        for opposition in differ:
            assert any(
                point["text"] == opposition["says"] and tip["id"] in point["opposes"]
                for point in by_id(export["sources"])[opposition["id"]]["points"]
            ), tip["id"]
        assert tip.pop("strength") in STRENGTHS, tip["id"]  # derived: tests/test_research.py checks the rule
        if tip.pop("in_every_plan"):
            tip["in_every_plan"] = True
        tip["sources"] = [{"id": source_id, "says": says[(source_id, tip["id"])]} for source_id in tip["sources"]]
    for source in data["sources"]:
        unused = [
            {"says": point["text"], "reason": point["not_used"]}
            for point in source.pop("points")
            if "not_used" in point
        ]
        if unused:
            source["unused_points"] = unused
    return data


@pytest.fixture(scope="module")
def published_schemas(built_site) -> dict:
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (built_site / "schema").glob("*.json")}


# ---- the file holds everything the YAML holds -------------------------------


def test_every_data_file_is_exported_or_deliberately_left_out():
    files = {path.relative_to(DATA).as_posix() for path in DATA.rglob("*.yaml")}
    covered = set(LIST_FILES) | set(SINGLE_FILES.values()) | set(NOT_EXPORTED)
    covered |= {name for name in files if name.split("/")[0] in FOLDERS}
    assert files - covered == set(), "a data file that the export does not carry"


def test_list_files_are_exported_field_by_field(export):
    export = as_data_files(export)
    for file_name, key in LIST_FILES.items():
        entries = as_json_value(load_yaml(DATA / file_name))[key]
        assert [entry["id"] for entry in export[key]] != [], key
        assert sorted(by_id(export[key])) == sorted(by_id(entries)), f"{key}: ids differ"
        for entry_id, entry in by_id(entries).items():
            assert_same(entry, by_id(export[key])[entry_id], f"{file_name}:{entry_id}")


def test_one_record_per_file_folders_are_exported_field_by_field(export):
    export = as_data_files(export)
    for folder in FOLDERS:
        files = sorted((DATA / folder).glob("*.yaml"))
        assert files, folder
        exported = by_id(export[folder])
        assert sorted(exported) == sorted(path.stem for path in files), f"{folder}: ids differ"
        for path in files:
            assert_same(as_json_value(load_yaml(path)), exported[path.stem], f"{folder}/{path.name}")


def test_reflection_worksheet_is_exported_field_by_field(export):
    assert_same(as_json_value(load_yaml(DATA / "reflection.yaml")), export["reflection"], "reflection.yaml")


def test_help_services_are_exported_field_by_field(export):
    assert_same(as_json_value(load_yaml(DATA / "help.yaml")), export["help"], "help.yaml")


def test_the_comparison_notices_a_lost_or_changed_field(export):
    tip = copy.deepcopy(export["tips"][0])
    changed = copy.deepcopy(tip)
    changed["steps"][0] += " (edited)"
    with pytest.raises(AssertionError, match=r"\.steps\[0\]"):
        assert_same(tip, changed, "tip")
    del changed["title"]
    with pytest.raises(AssertionError, match="lost \\['title'\\]"):
        assert_same(tip, changed, "tip")
    with pytest.raises(AssertionError, match="became"):
        assert_same({"order": 1}, {"order": "1"}, "theme")


def test_order_is_the_site_order(export):
    assert [tip["id"] for tip in export["tips"]] == plan_order(
        [load_yaml(path) for path in (DATA / "tips").glob("*.yaml")]
    )
    stages = load_yaml(DATA / "stages.yaml")["stages"]
    assert [stage["id"] for stage in export["stages"]] == [
        stage["id"] for stage in sorted(stages, key=lambda s: s["order"])
    ]
    themes = load_yaml(DATA / "themes.yaml")["themes"]
    assert [theme["id"] for theme in export["themes"]] == [
        theme["id"] for theme in sorted(themes, key=lambda t: t["order"])
    ]
    for key in ("sources", "situations"):
        assert [entry["id"] for entry in export[key]] == [entry["id"] for entry in load_yaml(DATA / f"{key}.yaml")[key]]


def test_file_says_its_version_date_licence_and_how_to_link_back(export):
    assert export["schema_version"] == "1.6"
    today = datetime.datetime.now(datetime.UTC).date()
    assert export["generated"] in {today.isoformat(), (today - datetime.timedelta(days=1)).isoformat()}
    assert export["license"]["id"] == "CC-BY-4.0"
    assert export["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    site_url = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert export["site_url"] == site_url
    tip = export["tips"][0]
    link = export["tip_url_template"].replace("{theme}", tip["theme"]).replace("{id}", tip["id"])
    assert link == f"{site_url}themes/{tip['theme']}/#tip-{tip['id']}"


# ---- the schemas ----------------------------------------------------------------


def test_every_schema_is_published_unchanged(published_schemas):
    """Each as it is in schema/, but for a kind of data that knowledge-base.schema.json does not name yet:
    the published one gives it, described by the kind's own schema (macros/kinds.py)."""
    assert sorted(published_schemas) == [path.name for path in SCHEMAS]
    for path in SCHEMAS:  # a copy: the other tests read the same published schemas
        published, own = copy.deepcopy(published_schemas[path.name]), json.loads(path.read_text(encoding="utf-8"))
        added = sorted(set(published.get("properties", {})) - set(own.get("properties", {})))
        assert added == sorted(set(added) & {kind.name for kind in KINDS if kind.exported}), path.name
        for name in added:
            assert published["properties"][name].pop("description"), name
            assert published["properties"][name] in (
                {"$ref": f"{KIND[name].schema}.schema.json#/properties/{name}"},
                {"type": "array", "items": {"$ref": f"{KIND[name].schema}.schema.json"}},
                {"$ref": f"{KIND[name].schema}.schema.json"},
            ), name
            del published["properties"][name]
        assert published == own, path.name


def record_errors(export: dict, schemas: dict) -> list[str]:
    """Each record against the schema of the file it came from."""
    export = as_data_files(export)
    checks = [(f"{key}.schema.json", {key: export[key]}, key) for key in LIST_FILES.values()]
    for key, schema in FOLDERS.items():
        checks += [(f"{schema}.schema.json", record, f"{key}/{record.get('id')}") for record in export[key]]
    checks.append(("reflection.schema.json", export["reflection"], "reflection"))
    return [
        f"{where}: {error.message}"
        for name, instance, where in checks
        for error in Draft202012Validator(schemas[name]).iter_errors(instance)
    ]


def whole_file_errors(export: dict, schemas: dict) -> list[str]:
    """The whole file against knowledge-base.schema.json, which names the others by relative address."""
    registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in schemas.items())
    validator = Draft202012Validator(schemas["knowledge-base.schema.json"], registry=registry)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(export)]


def test_each_record_validates_against_its_published_schema(export, published_schemas):
    for schema in published_schemas.values():
        Draft202012Validator.check_schema(schema)
    assert record_errors(export, published_schemas) == []
    assert whole_file_errors(export, published_schemas) == []


def test_validation_catches_a_record_that_breaks_its_schema(export, published_schemas):
    broken = copy.deepcopy(export)
    broken["tips"][0]["colour"] = "blue"
    del broken["situations"][0]["title"]
    broken["reflection"]["prompts"] = "none"
    errors = record_errors(broken, published_schemas)
    assert any("colour" in error for error in errors)
    assert any(error.startswith("situations:") and "title" in error for error in errors)
    assert any(error.startswith("reflection:") for error in errors)
    broken = copy.deepcopy(export)
    broken["generated"] = "22 November"
    broken["templates"][0]["tips"] = []
    assert len(whole_file_errors(broken, published_schemas)) == 2


# ---- the Open data page -----------------------------------------------------


def test_data_page_links_the_file_and_every_schema(built_site):
    html = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"]+)"', html))
    assert "../api/v1/knowledge-base.json" in links
    for path in SCHEMAS:
        assert f"../schema/{path.name}" in links
    for link in links:
        if link.startswith("../api/") or link.startswith("../schema/"):
            assert (built_site / link[3:]).is_file(), link
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert "CC BY 4.0" in html


def field_paths(node: dict, prefix: str = ""):
    """Every field a schema allows, as a path in the JSON file (objects in these schemas are inline)."""
    for name, prop in node.get("properties", {}).items():
        yield prefix + name
        if prop.get("type") == "object":
            yield from field_paths(prop, f"{prefix}{name}.")
        elif prop.get("type") == "array" and prop.get("items", {}).get("type") == "object":
            yield from field_paths(prop["items"], f"{prefix}{name}[].")


def test_data_page_explains_every_field_of_the_file(built_site, export, published_schemas):
    html = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    rows = dict(
        re.findall(
            r'<tr><th scope="row"><code>([^<]+)</code></th><td>[^<]+</td><td>(?:yes|no)</td><td>([^<]*)</td></tr>', html
        )
    )
    schema = {name.removesuffix(".schema.json"): schema for name, schema in published_schemas.items()}
    expected = list(field_paths(schema["knowledge-base"]))  # as published: with a kind it does not name yet
    assert set(export) <= set(expected)
    exported_shapes = schema["knowledge-base"]["$defs"]  # tips and sources carry their evidence in a shape of their own
    for key in LIST_FILES.values():
        if key == "sources":
            expected += list(field_paths(exported_shapes["source"], "sources[]."))
            expected += list(field_paths(exported_shapes["point"], "sources[].points[]."))
        else:
            expected += [path for path in field_paths(schema[key]) if path != key]
    for key, name in FOLDERS.items():
        expected += list(field_paths(exported_shapes["tip"] if key == "tips" else schema[name], f"{key}[]."))
    expected += list(field_paths(schema["reflection"], "reflection."))
    assert len(expected) > 60
    for path in expected:
        assert path in rows, f"the Open data page does not explain {path}"
        assert rows[path].strip(), f"the Open data page has no words for {path}"


def test_no_copy_of_the_advice_in_javascript():
    scripts = "".join(path.read_text(encoding="utf-8") for path in (PROJECT / "docs").rglob("*.js"))
    assert scripts
    texts = [tip[field] for tip in map(load_yaml, (DATA / "tips").glob("*.yaml")) for field in ("title", "summary")]
    texts += [situation["title"] for situation in load_yaml(DATA / "situations.yaml")["situations"]]
    texts += [stage["title"] for stage in load_yaml(DATA / "stages.yaml")["stages"]]
    assert [text for text in texts if text in scripts] == []


def test_the_evidence_is_in_the_file(export):
    """Every tip names the sources that support it and those that argue against it; every source, its points."""
    sources = by_id(export["sources"])
    for tip in export["tips"]:
        assert tip["sources"], tip["id"]
        assert isinstance(tip["opposed_by"], list) and isinstance(tip["in_every_plan"], bool)
        for source_id in tip["sources"]:
            assert any(tip["id"] in point["supports"] for point in sources[source_id]["points"]), (tip["id"], source_id)
    for source in export["sources"]:
        assert source["points"], source["id"]
    assert [tip["id"] for tip in export["tips"] if tip["in_every_plan"]], "no step that every plan carries"
