"""Research as a kind of source: its checks (file, line, rule code), the strength label each tip takes from
the designs of its research, and what the built site and the open data show of it."""

from __future__ import annotations

import html
import json
import re

import pytest
from test_validation import TODAY, edit, problems

from macros.check.fingerprints import figures
from macros.knowledge import evidence, load_knowledge_base
from macros.schemas import schema_for
from support.project import PROJECT
from support.yamlfiles import load_yaml

DATA = PROJECT / "data"


# ---- the checks, on the small fixture data set ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("    year: 2020\n", "year"),
        ("    design: randomised-trial\n", "design"),
        ("    studied: 40 test people, put at random into two groups.\n", "studied"),
        ("    found: People who walked felt calmer.\n", "found"),
    ],
)
def test_research_without_year_design_sample_or_finding_is_refused(data_dir, line, field):
    edit(data_dir / "research.yaml", line, "")
    assert problems(data_dir) == [f"data/research.yaml:3: E201 research 1: missing required field '{field}'"]


def test_vendor_survey_must_name_the_vendor(data_dir):
    edit(data_dir / "research.yaml", "    vendor: A test staffing firm.\n", "")
    assert problems(data_dir) == ["data/research.yaml:14: E201 research 2: missing required field 'vendor'"]


def test_unknown_design_and_bad_doi(data_dir):
    edit(data_dir / "research.yaml", "design: randomised-trial", "design: big-study")
    edit(data_dir / "research.yaml", "    read: The abstract.\n", "    read: The abstract.\n    doi: doi.org/10.1/x\n")
    found = problems(data_dir)
    assert found[0].startswith("data/research.yaml:9: E200 research 1, design: 'big-study' is not one of")
    assert found[1].startswith("data/research.yaml:14: E204 research 1, doi: 'doi.org/10.1/x' is not written")


def test_tip_citing_unknown_research(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "  - id: walk-trial", "  - id: walk-trail")
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:22: E301 research 1, id: unknown research 'walk-trail'; did you mean "
        "'walk-trial'? the known ids are in data/research.yaml"
    ]


def test_tip_citing_the_same_research_twice(data_dir):
    path = data_dir / "tips" / "take-a-walk.yaml"
    path.write_text(path.read_text() + "  - id: walk-trial\n    finding: supports\n    says: Again.\n")
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:25: E207 research 2, id: cites research 'walk-trial' twice"
    ]


def test_a_disagreeing_finding_needs_the_sites_view(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "finding: supports", "finding: against")
    assert problems(data_dir) == ["data/tips/take-a-walk.yaml:22: E201 research 1: missing required field 'view'"]


def test_programme_flag_only_on_a_trial(data_dir):
    edit(
        data_dir / "tips" / "breathe-slowly.yaml",
        "    finding: supports\n",
        "    finding: supports\n    in_a_programme: true\n",
    )
    assert problems(data_dir) == [
        "data/tips/breathe-slowly.yaml:20: E319 research 1, in_a_programme: in_a_programme is only for a trial, "
        "and 'breath-survey' is a vendor-survey"
    ]


def test_research_that_bears_on_no_tip(data_dir):
    edit(data_dir / "tips" / "breathe-slowly.yaml", "research:\n  - id: breath-survey\n", "")
    edit(
        data_dir / "tips" / "breathe-slowly.yaml",
        "    finding: supports\n    says: Most employers said calm candidates do better.\n",
        "",
    )
    assert problems(data_dir) == [
        "data/research.yaml:14: E304 research 2, id: research 'breath-survey' bears on no tip"
    ]


def test_a_figure_must_be_one_the_text_we_read_gives(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "says: People who walked felt calmer.", "says: 41 people walked.")
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:24: E325 research 1, says: gives the figure 41, which the text we read of "
        "'walk-trial' does not"
    ]
    edit(data_dir / "tips" / "take-a-walk.yaml", "says: 41 people walked.", "says: 40 people walked.")
    assert problems(data_dir) == []


def test_figures_are_read_in_digits_and_in_words():
    assert figures("One hundred forty-six studies, Sixty-one trials, 1,801 people, 53% and 2.67 times") == {
        "146",
        "61",
        "1801",
        "53",
        "2.67",
    }


def test_long_sentence_in_research_text_names_its_line(data_dir):
    long = "People who walked felt calmer " + "and more " * 12 + "settled."
    edit(data_dir / "research.yaml", "found: People who walked felt calmer.", f"found: {long}")
    [found] = problems(data_dir)
    assert found.startswith("data/research.yaml:11: S401 research 1, found: sentence of 30 words")


# ---- the strength label, worked out in one place ----------------------------------------------


def labels(data_dir) -> dict[str, str]:
    kb = load_knowledge_base(data_dir, today=TODAY)
    return {tip["id"]: evidence.strength(tip, kb.by_id["research"]) for tip in kb.tips}


def test_strength_follows_from_the_designs(data_dir):
    assert labels(data_dir) == {
        "take-a-walk": "Tested in trials",
        "breathe-slowly": "Employer surveys",
        "write-it-down": "Advice only",
    }


def test_a_trial_of_a_whole_programme_counts_as_a_study(data_dir):
    edit(
        data_dir / "tips" / "take-a-walk.yaml",
        "    finding: supports\n",
        "    finding: supports\n    in_a_programme: true\n",
    )
    assert labels(data_dir)["take-a-walk"] == "Supported by studies"


def test_research_against_a_tip_does_not_lend_it_strength(data_dir):
    edit(
        data_dir / "tips" / "take-a-walk.yaml",
        "finding: supports",
        "finding: against\n    view: We still think a walk helps.",
    )
    assert labels(data_dir)["take-a-walk"] == "Advice only"


def test_labels_and_designs_are_the_ones_the_schemas_publish():
    tip_strength = schema_for("knowledge-base")["$defs"]["tip"]["properties"]["strength"]["enum"]
    assert tip_strength == list(evidence.STRENGTHS)
    designs = schema_for("research")["$defs"]["study"]["properties"]["design"]["enum"]
    assert designs == list(evidence.DESIGNS)
    findings = schema_for("tip")["$defs"]["finding"]["properties"]["finding"]["enum"]
    assert findings == list(evidence.FINDINGS)


# ---- the built site -------------------------------------------------------------------------------


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


@pytest.fixture(scope="module")
def tip_articles(built_site) -> dict[str, str]:
    """{tip id: the text a reader sees in the tip}, from every theme page."""
    articles = {}
    for page in (built_site / "themes").glob("*/index.html"):
        for match in re.finditer(r'<article class="ir-tip" id="tip-([a-z0-9-]+)".*?</article>', page.read_text(), re.S):
            articles[match.group(1)] = text_of(match.group(0))
    return articles


def tips_in_data() -> dict[str, dict]:
    return {path.stem: load_yaml(path) for path in (DATA / "tips").glob("*.yaml")}


def test_every_tip_shows_its_strength_label(tip_articles):
    tips = tips_in_data()
    assert sorted(tip_articles) == sorted(tips)
    for tip_id, text in tip_articles.items():
        shown = re.search(r"Evidence: (Tested in trials|Supported by studies|Employer surveys|Advice only)", text)
        assert shown, f"{tip_id} shows no strength label"


def test_a_tip_citing_only_advice_articles_is_advice_only(tip_articles):
    advice_only = [tip_id for tip_id, tip in tips_in_data().items() if "research" not in tip]
    assert advice_only, "every tip has research; pick another way to test the Advice only label"
    for tip_id in advice_only:
        assert "Evidence: Advice only" in tip_articles[tip_id], tip_id
        assert "What research says" not in tip_articles[tip_id], tip_id


def test_tips_with_research_name_each_study_with_its_limits(tip_articles):
    studies = {study["id"]: study for study in load_yaml(DATA / "research.yaml")["research"]}
    for tip_id, tip in tips_in_data().items():
        text = tip_articles[tip_id]
        if "research" not in tip:
            continue
        assert "Evidence: Advice only" not in text or all(e["finding"] != "supports" for e in tip["research"])
        assert "What research says" in text, tip_id
        for entry in tip["research"]:
            study = studies[entry["id"]]
            assert f"{study['cited_as']} ({study['year']})" in text, (tip_id, entry["id"])
            assert text_of(study["limits"]) in text, (tip_id, entry["id"])
            if entry["finding"] != "supports":
                assert f"Our view: {text_of(entry['view'])}" in text, (tip_id, entry["id"])


def test_research_page_lists_every_study_with_the_tips_it_bears_on(built_site):
    page = (built_site / "research" / "index.html").read_text()
    tips = tips_in_data()
    for study in load_yaml(DATA / "research.yaml")["research"]:
        match = re.search(rf'<section class="ir-study" id="research-{study["id"]}".*?</section>', page, re.S)
        assert match, study["id"]
        text = text_of(match.group(0))
        for field in ("found", "limits", "studied"):
            assert text_of(study[field]) in text, (study["id"], field)
        bearing = [
            tip["title"] for tip in tips.values() if any(e["id"] == study["id"] for e in tip.get("research", []))
        ]
        assert bearing and all(title in text for title in bearing), study["id"]
        if study["design"] == "vendor-survey":
            assert f"Survey by a firm that sells job services: {study['vendor']}" in text, study["id"]


def test_home_and_sources_pages_link_to_the_research_page(built_site):
    for page in ("index.html", "sources/index.html"):
        assert re.search(r'href="(\.\./)?research/"', (built_site / page).read_text()), page


# ---- the open data -----------------------------------------------------------------------------------


def test_export_carries_research_and_each_tips_label(built_site):
    export = json.loads((built_site / "api" / "v1" / "knowledge-base.json").read_text(encoding="utf-8"))
    assert export["research"] == load_yaml(DATA / "research.yaml")["research"]
    tips = tips_in_data()
    for tip in export["tips"]:
        assert tip.get("research") == tips[tip["id"]].get("research"), tip["id"]
        assert tip["strength"] in evidence.STRENGTHS
    shown = {tip["id"]: tip["strength"] for tip in export["tips"]}
    advice_only = {tip_id for tip_id, tip in tips.items() if "research" not in tip}
    assert {tip_id for tip_id, label in shown.items() if label == "Advice only"} >= advice_only
