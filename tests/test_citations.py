"""Citations read as their articles do, and the disagreements page asks each question once (issue 25).

These hold what text can hold: wording that claimed more than the article, and the side each source is on."""

from __future__ import annotations

import re

from support.html import Page

# Phrases that once claimed more than the cited article said: from another page ("the nervous one"), a wider
# claim than the article's four named apps ("every platform"), or a stronger one than its own ("always the chance").
OVERCLAIMS = ("nervous one", "every platform", "more often than you fear", "call back soon")


def page_text(path) -> str:
    return " ".join(" ".join(Page(path.read_text(encoding="utf-8")).text).split())


def entries(html: str) -> dict[str, str]:
    """Each disagreement on the page: its id and its HTML."""
    return dict(re.findall(r'<section class="ir-differ-entry" id="(differ-[^"]+)".*?>(.*?)</section>', html, re.S))


def sides(entry: str) -> tuple[str, str]:
    """The HTML of one side and of the other side of a disagreement."""
    one, other = entry.split("<h3>The other side</h3>")
    return one, other


def test_no_page_claims_more_than_its_source(built_site):
    for path in built_site.rglob("*.html"):
        text = page_text(path).lower()
        for phrase in OVERCLAIMS:
            assert phrase not in text, f"{path.relative_to(built_site)}: {phrase!r}"


def test_each_question_is_asked_once(built_site):
    html = (built_site / "disagreements" / "index.html").read_text(encoding="utf-8")
    questions = [" ".join(Page(entry).text).split("One side:")[0].strip() for entry in entries(html).values()]
    assert len(questions) >= 8, "the sources disagree on at least eight questions"
    assert len(set(questions)) == len(questions), questions
    mistakes = [question for question in questions if "mistake" in question.lower()]
    assert len(mistakes) == 1, mistakes


def test_owning_a_mistake_has_people_matters_and_taledo_on_its_side(built_site):
    """People Matters warns against apologising but says owning a wrong answer can help; Taledo says to admit
    your mistakes. Neither argues against naming a mistake."""
    html = (built_site / "disagreements" / "index.html").read_text(encoding="utf-8")
    one, other = sides(entries(html)["differ-own-a-mistake-without-excuses"])
    for source_id in ("peoplematters-damage-control", "taledo-2016"):
        assert f"#source-{source_id}" in one
        assert f"#source-{source_id}" not in other
    tip_page = (built_site / "themes" / "follow-up" / "index.html").read_text(encoding="utf-8")
    aside = r'<aside class="ir-differ" aria-labelledby="tip-own-a-mistake-without-excuses-differ">.*?</aside>'
    differ = re.search(aside, tip_page, re.S)
    assert differ
    for source_id in ("peoplematters-damage-control", "taledo-2016"):
        assert f"#source-{source_id}" not in differ.group(0)


def test_the_four_missing_disagreements_are_shown(built_site):
    """Trusting your own sense of how it went, apologising for nerves, agency or employer first, and when to
    send the thank-you: each is on the page with a source on each side."""
    html = (built_site / "disagreements" / "index.html").read_text(encoding="utf-8")
    found = entries(html)
    for tip_id, one_source, other_source in (
        ("it-may-not-be-as-bad-as-you-think", "rice-bomb-an-interview", "warwick-2013-interview-feedback"),
        ("leave-nerves-out-of-your-note", "hrcapitalist-2015-dont-explain-nerves", "womensweb"),
        ("ask-the-recruitment-agency", "mckinley-2018-contacting-hiring-managers", "careeraddict-2013"),
        ("send-a-thank-you-note", "newleafsearch-after-the-interview", "gradspot-thank-you-letter"),
    ):
        one, other = sides(found[f"differ-{tip_id}"])
        assert f"#source-{one_source}" in one and f"#source-{other_source}" in other, tip_id


def test_a_tip_on_the_other_side_links_to_the_question(built_site):
    """Where a question comes up on a tip that is the other side's course, the tip shows the disagreement."""
    page = (built_site / "themes" / "follow-up" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<article class="ir-tip" id="tip-fix-the-slip-without-naming-it".*?</article>', page, re.S)
    assert match
    assert 'href="../../disagreements/#differ-own-a-mistake-without-excuses"' in match.group(0)
