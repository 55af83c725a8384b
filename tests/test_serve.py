"""`mkdocs serve` (what `make serve` runs) shows edits to data/, docs/ and macros/ without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from support.project import copy_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # mkdocs serve mounts the site under the path of site_url, as GitHub Pages will.
        site_path = urlparse(yaml.safe_load((project / "mkdocs.yml").read_text())["site_url"]).path
        yield project, f"http://127.0.0.1:{port}{site_path}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def replace_in(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_reloads_data_docs_and_templates(served):
    project, url = served
    wait_for(url + "timeline/", "Send a short thank-you note anyway")

    replace_in(
        project / "data" / "tips" / "send-a-thank-you-note.yaml",
        "title: Send a short thank-you note anyway",
        "title: Send a brief thank-you note today",
    )
    wait_for(url + "timeline/", "Send a brief thank-you note today")

    replace_in(
        project / "docs" / "timeline.md", "You do not have to do them all today.", "You can take these one at a time."
    )
    wait_for(url + "timeline/", "You can take these one at a time.")

    replace_in(
        project / "macros" / "render" / "templates" / "timeline.html",
        '<ol class="ir-timeline">',
        '<ol class="ir-timeline" data-edited="template">',
    )
    wait_for(url + "timeline/", 'data-edited="template"')

    # a file other than a tip, read by a different macro
    replace_in(project / "data" / "sources.yaml", "publisher: Taledo blog", "publisher: Taledo weblog")
    wait_for(url + "sources/", "Taledo weblog")
    reviewed = yaml.safe_load((project / "data" / "tips" / "send-a-thank-you-note.yaml").read_text())["last_reviewed"]
    replace_in(
        project / "macros" / "render" / "__init__.py",
        'return f"{day.day} {day:%B %Y}"',
        'return f"{day:%Y}, day {day.day}"',
    )
    wait_for(url + "themes/follow-up/", f"{reviewed[:4]}, day {int(reviewed[8:])}")
    # a module that only the post-build pass imports: every module of the package is imported afresh
    replace_in(project / "macros" / "publish" / "csp.py", '"frame-src": "\'none\'",', '"frame-src": "\'self\'",')
    wait_for(url + "sources/", "frame-src 'self'")
