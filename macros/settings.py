"""The settings of one build, made in one place: mkdocs.yml's values, with the environment's addresses in place.

mkdocs.yml holds the project's own addresses as the local default. When the environment names
others, a fork's build links to the fork:

- GITHUB_REPOSITORY (owner/name; GitHub Actions sets it) or REPOSITORY_URL (a whole address)
  gives the repository: the issue, fork, "Edit this tip" and "Propose on GitHub" links, the
  theme's edit button (edit_uri) and the footer link (copyright).
- SITE_URL (the deploy workflow sets it from actions/configure-pages) gives site_url: canonical
  links, the sitemap, the open data's links and the address printed on the tools.

Everything that needs a setting takes it from here, whichever engine builds: the MkDocs hooks
(hooks/site_address.py puts the addresses into MkDocs' configuration first), the macros
(macros/__init__.py) and the post-build pass (macros/postbuild.py). Zensical runs no hooks, so
`make build ENGINE=zensical` first runs `python -m macros.commands.zensical_config`, which writes .zensical.yml:
mkdocs.yml (by INHERIT) with this build's addresses in place, for Zensical to build from.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

REPOSITORY_NAME = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


class SettingsError(ValueError):
    """An address in the environment that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    """What the pages and the open data need to know about the build."""

    project_dir: Path
    docs_dir: Path
    site_url: str  # "" when neither mkdocs.yml nor the environment gives one; else ending in "/"
    repository: str  # the repository's address, without a final "/"


def repository_from(environ: Mapping[str, str]) -> str | None:
    """The repository's address named by the environment, or None when it names none."""
    url = environ.get("REPOSITORY_URL", "").strip()
    if url:
        if not re.fullmatch(r"https://[^\s\"'<>]+", url):
            raise SettingsError(f"REPOSITORY_URL must be an https:// address, not {url!r}")
        return url.rstrip("/")
    name = environ.get("GITHUB_REPOSITORY", "").strip()
    if not name:
        return None
    if not REPOSITORY_NAME.fullmatch(name):
        raise SettingsError(f"GITHUB_REPOSITORY must look like owner/name, not {name!r}")
    server = environ.get("GITHUB_SERVER_URL", "").strip() or "https://github.com"
    return f"{server.rstrip('/')}/{name}"


def site_url_from(environ: Mapping[str, str]) -> str | None:
    url = environ.get("SITE_URL", "").strip()
    if not url:
        return None
    if not re.fullmatch(r"https?://[^\s\"'<>]+", url):
        raise SettingsError(f"SITE_URL must be an http(s):// address, not {url!r}")
    return url.rstrip("/") + "/"


def addresses(config: Mapping, environ: Mapping[str, str]) -> dict[str, str]:
    """The addresses this build's configuration should hold: the environment's, else the configuration's own.
    `config` is mkdocs.yml as any engine reads it; reading it a second time changes nothing."""
    default = config["extra"]["repository"].rstrip("/")
    repository = repository_from(environ) or default
    edit_uri = config.get("edit_uri") or ""
    if edit_uri.startswith(default + "/"):
        edit_uri = repository + edit_uri[len(default) :]
    site_url = site_url_from(environ) or config.get("site_url") or ""
    return {
        "site_url": site_url.rstrip("/") + "/" if site_url else "",
        "repository": repository,
        "edit_uri": edit_uri,
        "copyright": (config.get("copyright") or "").replace(f'href="{default}"', f'href="{repository}"'),
    }


def settings_from(config: Mapping, project_dir: Path, environ: Mapping[str, str] = os.environ) -> Settings:
    """The settings of the build that `config` (mkdocs.yml, as read by either engine or by read_config) is for."""
    found = addresses(config, environ)
    return Settings(
        project_dir=project_dir,
        docs_dir=(project_dir / (config.get("docs_dir") or "docs")).resolve(),
        site_url=found["site_url"],
        repository=found["repository"],
    )


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; a tag such as !!python/name: (for other tools) is read as plain text."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data, for the steps that run without an engine."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
