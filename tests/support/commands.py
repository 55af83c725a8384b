"""Run the project's own commands (make ..., workflow steps) in a copy of the project.

The copy's .venv/bin holds small scripts that run the Python these tests run in,
so `make check`, `make new-tip` and `make build` run for real without installing
anything again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

# Variables a surrounding `make test` or a shell might pass down, which would change what make does here.
_MAKE_ENVIRONMENT = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "TITLE", "THEME", "STAGE")


def _shim(path: Path, module: str | None = None):
    run = f'"{sys.executable}" -m {module}' if module else f'"{sys.executable}"'
    path.write_text(f'#!/bin/sh\nexec {run} "$@"\n', encoding="utf-8")
    path.chmod(0o755)


def make_ready(project: Path) -> Path:
    """Give a project copy a .venv whose python and mkdocs are this test run's, marked as installed."""
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    _shim(bin_dir / "python")
    _shim(bin_dir / "mkdocs", "mkdocs")
    (bin_dir / "activate").touch()
    earlier = time.time() - 60  # the requirements files are older than the markers, so make installs nothing
    for requirements in project.glob("requirements*.txt"):
        os.utime(requirements, (earlier, earlier))
    for marker in (".site-installed", ".test-installed"):
        (project / ".venv" / marker).touch()
    return project


def clean_environment(**extra) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in _MAKE_ENVIRONMENT}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def run_make(project: Path, *args: str, stdin: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=project,
        env=clean_environment(),
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def python_on_path(folder: Path) -> dict:
    """An environment in which `python` (as a workflow step writes it) is this test run's Python."""
    folder.mkdir(parents=True, exist_ok=True)
    _shim(folder / "python")
    return clean_environment(PATH=f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
