"""The project on disk, copies of it in temporary folders, and real `mkdocs build --strict` runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
FIXTURE_DATA = PROJECT / "tests" / "fixtures" / "data"
# Everything the site build reads.
SITE_PARTS = ("mkdocs.yml", "docs", "macros", "schema", "data", "hooks", "overrides")
# What a contributor's clone has on top: the commands, the guide and the GitHub files.
TOOL_PARTS = ("Makefile", "requirements.txt", "requirements-test.txt", "CONTRIBUTING.md", ".github", "scripts")


def copy_project(destination: Path, data: Path | None = None, tools: bool = False) -> Path:
    """A copy of everything the site build reads, optionally with other data, and with `tools` the Makefile etc."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS + (TOOL_PARTS if tools else ()):
        source = PROJECT / part
        if part == "data" and data is not None:
            source = data
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / part)
    return destination


def build(project: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder."""
    site_dir = site_dir or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


ZENSICAL_VENV = PROJECT / ".venv-zensical"


def install_zensical() -> Path:
    """Zensical's own environment, made by `make` from requirements-zensical.txt if it is not there yet."""
    installed = subprocess.run(
        ["make", "--no-print-directory", f"{ZENSICAL_VENV.name}/.installed"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return ZENSICAL_VENV
