"""The When to get help page: the rules in macros/check/help.py on the small fixture data (the exact file,
line and message of each), and the built page as a reader in distress meets it."""

from __future__ import annotations

import datetime
import html
import re
from pathlib import Path

import pytest

from macros.knowledge import DataError, load_knowledge_base
from macros.rules import RULES

TODAY = datetime.date(2026, 11, 22)
FILE = "data/help.yaml"


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(data_dir: Path, today: datetime.date = TODAY) -> tuple[list[str], list[str]]:
    """The first line of each problem, or of each warning when there is no problem."""
    try:
        kb = load_knowledge_base(data_dir, today=today)
    except DataError as error:
        return [str(problem).splitlines()[0] for problem in error.problems], []
    return [], [str(warning).splitlines()[0] for warning in kb.warnings]


def help_file(data_dir: Path) -> Path:
    return data_dir / "help.yaml"


# ---- countries -------------------------------------------------------------------


def test_fixture_help_data_is_sound(data_dir):
    assert found(data_dir) == ([], [])


def test_an_unknown_country(data_dir):
    edit(help_file(data_dir), "country: GB", "country: XX")
    assert found(data_dir)[0] == [f"{FILE}:2: E301 country 1, country: unknown country 'XX'"]


def test_a_country_listed_twice(data_dir):
    text = help_file(data_dir).read_text(encoding="utf-8")
    countries = text.split("countries:\n", 1)[1]
    help_file(data_dir).write_text(text + countries, encoding="utf-8")
    second = text.count("\n") + 1  # the line of the second "- country: GB"
    assert found(data_dir)[0] == [f"{FILE}:{second}: E302 country 2, country: country 'GB' is listed more than once"]


def test_a_country_with_only_advice_services(data_dir):
    edit(help_file(data_dir), "kind: listening", "kind: careers")
    assert found(data_dir)[0] == [
        f"{FILE}:8: E320 country 1, services: country 'GB' has no listening service with a phone number"
    ]


def test_a_listening_service_needs_its_number(data_dir):
    """The danger box names a line to call: a listening service with no phone gives it nothing to name."""
    edit(help_file(data_dir), '        phone: "0100 000 000"\n', "")
    assert found(data_dir)[0] == [
        f"{FILE}:8: E320 country 1, services: country 'GB' has no listening service with a phone number"
    ]


def test_every_country_names_its_emergency_number(data_dir):
    edit(help_file(data_dir), '    emergency: "999"\n', "")
    problems = found(data_dir)[0]
    assert problems[0] == f"{FILE}:2: E201 country 1: missing required field 'emergency'"


# ---- where each number was found ------------------------------------------------


def test_a_service_with_no_record_of_where_it_was_found(data_dir):
    edit(
        help_file(data_dir),
        """        checked:
          - url: https://example.org/talk/news
            title: Talk Line is open day and night
            page_date: "2025-03-01"
            checked_on: "2026-11-01"
""",
        "",
    )
    assert found(data_dir)[0] == [
        f"{FILE}:9: E321 country 1, service 1, name: service 'Talk Line': no record of the page where its "
        "number was found (checked:)"
    ]


def test_an_emergency_number_with_no_record_of_where_it_was_found(data_dir):
    edit(
        help_file(data_dir),
        """    emergency_checked:
      - url: https://example.org/emergency
        title: When to call 999
        checked_on: "2026-11-01"
""",
        "",
    )
    assert found(data_dir)[0] == [
        f"{FILE}:3: E321 country 1, emergency: country 'GB': no record of the page where its emergency number "
        "was found (emergency_checked:)"
    ]


def test_a_check_dated_in_the_future_or_an_unreal_page_date(data_dir):
    edit(help_file(data_dir), 'checked_on: "2026-11-01"\n    services', 'checked_on: "2027-01-01"\n    services')
    edit(help_file(data_dir), 'page_date: "2025-03-01"', 'page_date: "2025-02-30"')
    assert found(data_dir)[0] == [
        f"{FILE}:7: E204 country 1, emergency_checked 1, checked_on: checked_on 2027-01-01 is in the future",
        f"{FILE}:17: E204 country 1, service 1, checked 1, page_date: '2025-02-30' is not a real date",
    ]


# ---- numbers found only on old pages: a warning, with the page named ----------------


def test_a_number_found_only_on_an_old_page_warns_without_failing(data_dir):
    edit(help_file(data_dir), 'page_date: "2025-03-01"', 'page_date: "2015-03-20"')
    assert found(data_dir) == (
        [],
        [
            f"{FILE}:17: W503 country 1, service 1, checked 1, page_date: service 'Talk Line': its number "
            "0100 000 000 was found only on pages more than 5 years old; the newest, 'Talk Line is open day and "
            "night' (https://example.org/talk/news), is dated 2015-03-20"
        ],
    )
    assert RULES["W503"].title.endswith("(warning)")


def test_five_years_are_counted_from_today(data_dir):
    edit(help_file(data_dir), 'page_date: "2025-03-01"', 'page_date: "2021-11-23"')
    assert found(data_dir, today=datetime.date(2026, 11, 22)) == ([], [])
    assert found(data_dir, today=datetime.date(2026, 11, 24))[1][0].startswith(f"{FILE}:17: W503 ")


@pytest.mark.parametrize(("year", "warns"), [("2021", False), ("2020", True)])
def test_a_year_alone_counts_as_its_last_day(data_dir, year, warns):
    edit(help_file(data_dir), 'page_date: "2025-03-01"', f'page_date: "{year}"')
    assert bool(found(data_dir)[1]) is warns


def test_one_recent_or_undated_page_is_enough(data_dir):
    old_page = """          - url: https://example.org/talk/old
            title: Talk Line opens
            page_date: "2012-05-01"
            checked_on: "2026-11-01"
"""
    edit(
        help_file(data_dir),
        '            checked_on: "2026-11-01"\n      - name: Fair',
        f'            checked_on: "2026-11-01"\n{old_page}      - name: Fair',
    )
    assert found(data_dir) == ([], [])
    edit(help_file(data_dir), '            page_date: "2025-03-01"\n', "")  # the recent page, now undated
    assert found(data_dir) == ([], [])


def test_an_emergency_number_found_only_on_an_old_page(data_dir):
    edit(
        help_file(data_dir),
        "        title: When to call 999\n",
        '        title: When to call 999\n        page_date: "2010"\n',
    )
    assert found(data_dir)[1] == [
        f"{FILE}:7: W503 country 1, emergency_checked 1, page_date: country 'GB': its emergency number 999 was "
        "found only on pages more than 5 years old; the newest, 'When to call 999' (https://example.org/emergency), "
        "is dated 2010"
    ]


# ---- the built page ----------------------------------------------------------------


def text_of(fragment: str) -> str:
    """The text a reader sees: a line break as a space, other tags gone."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", fragment))).split())


@pytest.fixture(scope="module")
def help_page(built_site) -> str:
    return (built_site / "help" / "index.html").read_text(encoding="utf-8")


def danger_box(page: str) -> dict[str, str]:
    """The danger box at the top of the page: its line for each country, by country name."""
    box = re.search(r'<div class="admonition danger[^"]*">(.*?)</div>', page, re.S)
    assert box, "the page has no danger box"
    assert page.index(box.group(0)) < page.index('id="when-it-is-more-than-a-bad-day"'), "the box is not at the top"
    lines = [text_of(item) for item in re.findall(r"<li\b.*?</li>", box.group(1), re.S)]
    return {line.split(":", 1)[0]: line for line in lines}


def country_sections(page: str) -> dict[str, str]:
    sections = re.findall(r'<section class="ir-help-country".*?</section>', page, re.S)
    assert sections, "the page lists no countries"
    return {text_of(re.search(r"<h3\b.*?</h3>", section, re.S).group(0)): section for section in sections}


def test_the_danger_box_names_each_countrys_emergency_number_and_a_line_to_call(help_page):
    box = danger_box(help_page)
    sections = country_sections(help_page)
    assert sorted(box) == sorted(sections), "the danger box and the list below name different countries"
    for country, section in sections.items():
        line = box[country]
        match = re.fullmatch(rf"{re.escape(country)}: emergency (.+?)\. Talk now: (.+), (.*\d.*)\.", line)
        assert match, f"{country}: the danger box does not give an emergency number and a line with its number: {line}"
        emergency, name, phone = match.groups()
        assert re.search(r"\d", emergency), f"{country}: no emergency number in the danger box"
        assert f"In an emergency, call {emergency}." in text_of(section), f"{country}: the box and the list disagree"
        # The line to call is one of the country's own listening services, with the same number.
        talk = re.search(r"<h4>Someone to talk to</h4>\s*<ul.*?</ul>", section, re.S)
        assert talk, f"{country}: no one to talk to"
        services = [text_of(item) for item in re.findall(r"<li\b.*?</li>", talk.group(0), re.S)]
        assert any(s.startswith(f"{name}:") and f"Phone: {phone}." in s for s in services), (
            f"{country}: the danger box names {name}, {phone}, which the country's listening services do not give"
        )


def test_every_service_and_emergency_number_shows_where_it_was_found_and_when(help_page):
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    checked_on = rf"[Cc]hecked on \d{{1,2}} ({months}) \d{{4}}"
    for country, section in country_sections(help_page).items():
        services = re.findall(r'<li class="ir-help-service">.*?</li>', section, re.S)
        assert services, f"{country} lists no services"
        emergency = re.search(r'<p class="ir-help-country__checked">.*?</p>', section, re.S)
        for item in [*services, emergency.group(0) if emergency else ""]:
            where = re.search(r"(Where we found this|Emergency number found at):(.*)", item, re.S)
            assert where, f"{country}: no record of where this was found: {text_of(item)[:80]}"
            assert re.search(r'<a href="https?://[^"]+"', where.group(2)), f"{country}: the page is not linked"
            assert re.search(checked_on, text_of(where.group(2))), f"{country}: no day it was checked"
