"""Routes for people without a Debian machine: make test says what it needs instead of failing in
apt-get, and CONTRIBUTING.md offers three routes, shortest first, each of which the pull request
template fits."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from support.project import PROJECT, copy_project

GUIDE = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_make_test_without_apt_get_names_chromium_and_the_browser_free_tests(tmp_path):
    project = copy_project(tmp_path / "clone", tools=True)
    tools = tmp_path / "bin"  # a PATH with the basics but no apt-get, as on macOS or Windows
    tools.mkdir()
    for name in ("id", "sh", "bash"):
        os.symlink(shutil.which(name), tools / name)
    missing = tmp_path / "no-chromium" / "chromium"
    result = subprocess.run(
        [shutil.which("make"), "--no-print-directory", str(missing), f"CHROMIUM={missing}"],
        cwd=project,
        env={"PATH": str(tools), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "apt-get" not in result.stderr.replace("no apt-get", "")  # it never tried to run it
    assert "Chromium" in result.stderr and "make test-fast" in result.stderr
    assert "macOS" in result.stderr and "Windows" in result.stderr


def test_contributing_offers_three_routes_shortest_first():
    routes = re.findall(r"^## Route (\d): (.+)$", GUIDE, re.M)
    assert [number for number, _ in routes] == ["1", "2", "3"]
    assert "Suggest a tip page" in routes[0][1]
    assert "web editor" in routes[1][1]
    assert "local clone" in routes[2][1]
    assert "contribute/suggest-a-tip/" in GUIDE
    assert "/new/main?filename=data/tips/" in GUIDE
    route_2 = GUIDE[GUIDE.index("## Route 2") : GUIDE.index("## Route 3")]
    assert "```yaml\n# yaml-language-server: $schema=../../schema/tip.schema.json\n" in route_2
    assert "    says: " in route_2 and "situations: " in route_2


def test_the_pull_request_checklist_fits_every_route():
    """Without a clone there is no make to run: the pull request's own checks stand in for it."""
    checklist = (PROJECT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", checklist, re.M)
    [check] = [box for box in boxes if "`make check` passes" in box]
    [test] = [box for box in boxes if "`make test` passes" in box]
    assert "Check the data" in check and "changed lines" in check
    assert "Run the tests" in test
