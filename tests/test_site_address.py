"""The site knows its own address: a fork's build links to the fork, not to a repository that does not exist."""

from __future__ import annotations

import html as html_lib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support.project import PROJECT, ZENSICAL_VENV, copy_project, install_zensical

MKDOCS = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
DEFAULT_REPOSITORY = MKDOCS["extra"]["repository"].rstrip("/")


FORK = {"GITHUB_REPOSITORY": "acme/rebound", "SITE_URL": "https://acme.github.io/rebound/"}
# The fork words one theme in its own way, with characters that an attribute must escape once, and only once.
FORK_DESCRIPTION = 'Calm steps & "kind" words for after a bad interview, when it\'s hard <still>.'


def fork_of_the_project(folder: Path, **copy) -> Path:
    project = copy_project(folder, **copy)
    themes = project / "data" / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    mindset = yaml.safe_load(text)["themes"][0]
    assert mindset["id"] == "mindset"
    themes.write_text(
        text.replace(mindset["description"], yaml.safe_dump(FORK_DESCRIPTION, width=10_000).split("\n")[0]),
        encoding="utf-8",
    )
    return project


def fork_environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **FORK}
    env.pop("REPOSITORY_URL", None)
    return env


def assert_every_page_links_to_the_fork(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(site).as_posix()
        assert DEFAULT_REPOSITORY not in html, f"{name} still links to the default repository"
        assert 'href="https://github.com/acme/rebound">Source on GitHub' in html, name
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
        if name != "404.html":
            assert canonical and canonical[0].startswith("https://acme.github.io/rebound/"), name
        for edit in re.findall(r'<a href="([^"]+)"[^>]*class="md-content__button', html):
            assert edit.startswith("https://github.com/acme/rebound/edit/main/docs/"), (name, edit)
    theme = (site / "themes" / "follow-up" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/acme/rebound/edit/main/data/tips/send-a-thank-you-note.yaml"' in theme
    add = (site / "contribute" / "add-a-tip" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/acme/rebound/issues/new?template=suggest-a-tip.yml"' in add
    suggest = (site / "contribute" / "suggest-a-tip" / "index.html").read_text(encoding="utf-8")
    assert 'data-ir-repository="https://github.com/acme/rebound"' in suggest  # "Propose on GitHub" goes there
    data = (site / "api" / "v1" / "knowledge-base.json").read_text(encoding="utf-8")
    assert '"site_url": "https://acme.github.io/rebound/"' in data
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://acme.github.io/rebound/</loc>" in sitemap
    mindset = (site / "themes" / "mindset" / "index.html").read_text(encoding="utf-8")
    for key, attribute in (("description", "name"), ("og:description", "property"), ("twitter:description", "name")):
        found = re.findall(rf'<meta {attribute}="{key}" content="([^"]*)"', mindset)
        assert [html_lib.unescape(value) for value in found] == [FORK_DESCRIPTION], (key, found)


def test_a_build_for_another_repository_and_address_links_to_them_on_every_page(tmp_path):
    project = fork_of_the_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env=fork_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert_every_page_links_to_the_fork(tmp_path / "site")


def test_a_zensical_build_takes_the_same_addresses_from_the_environment(tmp_path):
    """`make build ENGINE=zensical`, as a fork's workflow would run it; Zensical runs no MkDocs hooks."""
    install_zensical()
    project = fork_of_the_project(tmp_path / "project", tools=True)
    shutil.copy(PROJECT / "requirements-zensical.txt", project)
    # The project's own Zensical environment, taken as installed (-o): the copy has none of its own.
    make = ["make", "--no-print-directory", "build", "ENGINE=zensical", f"ZENSICAL_VENV={ZENSICAL_VENV}"]
    make += ["-o", f"{ZENSICAL_VENV}/.installed"]
    result = subprocess.run(make, cwd=project, env=fork_environment(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "zensical build" in result.stdout
    assert_every_page_links_to_the_fork(project / "site")


def test_the_deploy_workflow_gives_the_build_the_pages_address():
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    [pages] = [step for step in steps if step.get("uses", "").startswith("actions/configure-pages@")]
    [build] = [step for step in steps if step.get("run", "").startswith("mkdocs build")]
    assert build["env"]["SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert steps.index(pages) < steps.index(build)
