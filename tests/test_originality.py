"""Words copied from any article we read stop the check, by file, line and source, with nothing outside the repo.

The sentences below come from the five seed articles. They are kept in ROT13, so that this file holds no run
of an article's words; the test decodes them before putting them into a copy of the project.
"""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.check.fingerprints import RUN_WORDS, fingerprint, load
from support.project import PROJECT, copy_project

SEED_SENTENCES = {
    "careeraddict-2013": "Vf gur ernfba sbe lbh abg trggvat gur wbo oryvrinoyr, snve, be npprcgnoyr? Vs abg, lbh arrq "
    "gb qb fbzrguvat nobhg vg.",
    "careerapproval": "Vs lbh znxr n tynevat zvfgnxr, gurer vfa'g zhpu lbh pna qb nobhg vg. Erzrzore gung vg unccraf, "
    "naq tvir lbhefrys crezvffvba gb zbir ba.",
    "taledo-2016": "Tbvat bire naq bire lbhe zvfgnxrf vfa'g cebqhpgvir naq jvyy bayl qnexra lbhe zbbq.",
    "tropicana-2018": "Gurer ner nyjnlf zbzragf va n wbo vagreivrj jura lbh jvfu gung lbh pbhyq ubc va lbhe "
    "gvzr znpuvar",
    "womensweb": "Juvyr gurer vf ybnqf bs vasbezngvba ninvynoyr ba ubj gb npr vagreivrjf, gur gehgu vf fbzrgvzrf, "
    "fbzrubj, fbzrjurer guvatf tb jebat.",
}


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.check", str(project / "data")],
        cwd=project,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("originality"))


@pytest.fixture
def fresh(project, tmp_path) -> Path:
    """A private copy, ready to break."""
    target = tmp_path / "project"
    shutil.copytree(project, target)
    return target


def line_of(path: Path, prefix: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(prefix))


@pytest.mark.parametrize("source_id", sorted(SEED_SENTENCES))
def test_a_sentence_from_each_seed_article_in_a_tip_fails(fresh, source_id):
    tip = fresh / "data" / "tips" / "write-down-first-impressions.yaml"
    sentence = codecs.decode(SEED_SENTENCES[source_id], "rot13")
    text = tip.read_text(encoding="utf-8")
    text = re.sub(r"^why: .*?\n(?=\S)", lambda _: f"why: >-\n  {sentence}\n", text, count=1, flags=re.M | re.S)
    tip.write_text(text, encoding="utf-8")
    result = check(fresh)
    assert result.returncode == 1
    line = line_of(tip, "why:")
    assert (
        f"data/tips/write-down-first-impressions.yaml:{line}: E209 why: shares {RUN_WORDS} words in a row with "
        f"source '{source_id}'" in result.stderr
    ), result.stderr


def test_copied_words_in_a_page_name_the_page_and_line(fresh):
    page = fresh / "docs" / "timeline.md"
    sentence = codecs.decode(SEED_SENTENCES["taledo-2016"], "rot13")
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join(lines[:8] + [sentence] + lines[8:]) + "\n", encoding="utf-8")
    result = check(fresh)
    assert result.returncode == 1
    assert "docs/timeline.md:9: E209 shares 8 words in a row with source 'taledo-2016'" in result.stderr, result.stderr


def test_seven_words_or_a_citation_title_are_not_a_copy(fresh):
    tip = fresh / "data" / "tips" / "write-down-first-impressions.yaml"
    seven = " ".join(codecs.decode(SEED_SENTENCES["taledo-2016"], "rot13").split()[:7])
    text = tip.read_text(encoding="utf-8")
    tip.write_text(re.sub(r"^summary: .*$", f"summary: {seven} today.", text, count=1, flags=re.M), encoding="utf-8")
    result = check(fresh)
    assert result.returncode == 0, result.stderr


def test_the_check_needs_nothing_outside_the_repository(fresh):
    """The copy has no ../shared beside it; the fingerprints of the five seed articles are in data/."""
    assert not (fresh.parent / "shared").exists()
    known = set(load(fresh / "data").values())
    assert set(SEED_SENTENCES) <= known


def test_a_fingerprint_keeps_no_article_text(tmp_path):
    data = tmp_path / "data"
    text = tmp_path / "read.txt"
    text.write_text(codecs.decode(SEED_SENTENCES["womensweb"], "rot13"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros.commands.fingerprint", "womensweb", str(text), "--data", str(data)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    written = (data / "fingerprints" / "womensweb.txt").read_text(encoding="utf-8").splitlines()
    hashes = [line for line in written if not line.startswith("#")]
    assert hashes == fingerprint(text.read_text(encoding="utf-8")) and len(hashes) == 21 - RUN_WORDS + 1  # 21 words
    assert all(re.fullmatch(r"[0-9a-f]{16}", line) for line in hashes)


def test_a_phrase_from_an_article_beyond_the_seeds_fails_too(fresh):
    """Issue 25 found this run of John Leonard's article in a tip; the shared tool, which reads only the seeds,
    could not see it."""
    phrase = codecs.decode("gur orfg jnl gb erpbire sebz n onq pbaarpgvba", "rot13")
    tip = fresh / "data" / "tips" / "write-down-first-impressions.yaml"
    text = tip.read_text(encoding="utf-8")
    tip.write_text(re.sub(r"^summary: .*$", f"summary: This is {phrase}.", text, count=1, flags=re.M), encoding="utf-8")
    result = check(fresh)
    assert result.returncode == 1
    line = line_of(tip, "summary:")
    assert (
        f"data/tips/write-down-first-impressions.yaml:{line}: E209 summary: shares {RUN_WORDS} words in a row "
        "with source 'johnleonard-virtual-interview-glitches'" in result.stderr
    ), result.stderr
