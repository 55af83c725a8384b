"""MkDocs hook: the site knows its own address, so a fork deploys with links to itself.

mkdocs.yml holds the project's own addresses as the local default. When the environment
names others, every link that depends on them follows:

- GITHUB_REPOSITORY (owner/name; GitHub Actions sets it) or REPOSITORY_URL (a whole address)
  gives the repository: config.extra.repository (issue, fork, "Edit this tip" and
  "Propose on GitHub" links), edit_uri (Material's edit button) and the footer link.
- SITE_URL (the deploy workflow sets it from actions/configure-pages) gives site_url:
  canonical links, the sitemap, the open data's links and the address printed on the tools.

It runs before any other on_config, so the macros see the final addresses.
"""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import event_priority

REPOSITORY_NAME = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def repository_from(environ) -> str | None:
    """The repository's address named by the environment, or None when it names none."""
    url = environ.get("REPOSITORY_URL", "").strip()
    if url:
        if not re.fullmatch(r"https://[^\s\"'<>]+", url):
            raise ConfigurationError(f"REPOSITORY_URL must be an https:// address, not {url!r}")
        return url.rstrip("/")
    name = environ.get("GITHUB_REPOSITORY", "").strip()
    if not name:
        return None
    if not REPOSITORY_NAME.fullmatch(name):
        raise ConfigurationError(f"GITHUB_REPOSITORY must look like owner/name, not {name!r}")
    server = environ.get("GITHUB_SERVER_URL", "").strip() or "https://github.com"
    return f"{server.rstrip('/')}/{name}"


def site_url_from(environ) -> str | None:
    url = environ.get("SITE_URL", "").strip()
    if not url:
        return None
    if not re.fullmatch(r"https?://[^\s\"'<>]+", url):
        raise ConfigurationError(f"SITE_URL must be an http(s):// address, not {url!r}")
    return url.rstrip("/") + "/"


@event_priority(100)
def on_config(config, **kwargs):
    default = config.extra["repository"].rstrip("/")
    repository = repository_from(os.environ) or default
    config.extra["repository"] = repository
    if config.edit_uri and config.edit_uri.startswith(default + "/"):
        config.edit_uri = repository + config.edit_uri[len(default) :]
    if config.copyright:
        config.copyright = config.copyright.replace(f'href="{default}"', f'href="{repository}"')
    site_url = site_url_from(os.environ)
    if site_url:
        config.site_url = site_url
    return config
