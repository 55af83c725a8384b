"""Write .zensical.yml for `make build ENGINE=zensical`: mkdocs.yml with this build's addresses in place.

Zensical runs no MkDocs hooks, so the addresses that hooks/site_address.py sets for MkDocs (SITE_URL,
GITHUB_REPOSITORY, REPOSITORY_URL: see settings.py) reach it through this file, which inherits mkdocs.yml.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import yaml

from ..settings import SettingsError, addresses, read_config

ZENSICAL_CONFIG = ".zensical.yml"  # beside mkdocs.yml; make clean removes it


def zensical_config(config_file: Path, output: Path, environ: Mapping[str, str] = os.environ) -> str:
    """A configuration for Zensical, to write to `output`: `config_file` with this build's addresses in place."""
    config = read_config(config_file)
    found = addresses(config, environ)
    inherit = os.path.relpath(config_file.resolve(), output.resolve().parent)
    overrides: dict = {"INHERIT": inherit, "extra": {"repository": found["repository"]}}
    for key in ("site_url", "edit_uri", "copyright"):
        if config.get(key):
            overrides[key] = found[key]
    header = "# Written by `python -m macros.commands.zensical_config` for `make build ENGINE=zensical`:\n"
    header += f"# {config_file.name} with the addresses of this build (SITE_URL, GITHUB_REPOSITORY, REPOSITORY_URL).\n"
    header += "# Do not edit.\n"
    return header + yaml.safe_dump(overrides, sort_keys=False, allow_unicode=True, width=1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.commands.zensical_config", description=zensical_config.__doc__
    )
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--output", type=Path, default=Path(ZENSICAL_CONFIG))
    args = parser.parse_args(argv)
    try:
        text = zensical_config(args.config_file, args.output)
    except SettingsError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
