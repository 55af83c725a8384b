"""The tests grow with the content: ten more valid tips in a copy of the project break none of them.

No test may cap the number of tips, sources or situations. Here ten new tips, made from real
ones under new ids and titles, go into a copy of the project, and the content, export, build
and guide-data tests run again on that copy in a fresh pytest process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from support.project import PROJECT, copy_project

GROWN_TESTS = ["tests/test_content.py", "tests/test_open_data.py", "tests/test_build.py", "tests/test_tools_data.py"]


def test_ten_more_tips_break_no_test(tmp_path):
    project = copy_project(tmp_path / "grown", tools=True)
    shutil.copytree(PROJECT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "pytest.ini", project / "pytest.ini")
    originals = sorted((project / "data" / "tips").glob("*.yaml"))[:10]
    for number, original in enumerate(originals, 1):
        tip_id = f"try-extra-step-{number}"
        text = original.read_text(encoding="utf-8")
        text = re.sub(r"^id: .*$", f"id: {tip_id}", text, count=1, flags=re.M)
        text = re.sub(r"^title: .*$", f"title: Try extra step {number}", text, count=1, flags=re.M)
        # A copy would ask its original's question a second time, which the check refuses (E322).
        text = re.sub(r"^sources_differ:\n(?:[ ].*\n)*", "", text, flags=re.M)
        (project / "data" / "tips" / f"{tip_id}.yaml").write_text(text, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith(f"data OK: {len(list((PROJECT / 'data' / 'tips').glob('*.yaml'))) + 10} tips")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *GROWN_TESTS],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\d+ passed", result.stdout)
