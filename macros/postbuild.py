"""The post-build pass: what the built site needs once an engine has written it. Plain Python, so
it works the same after MkDocs and after Zensical.

- Every HTML page: Material's search dialog gets its name, then the page gets its
  Content-Security-Policy (publish/csp.py), last, so the policy covers the page as it will be served.
- The open data: api/v1/knowledge-base.json and schema/ (publish/export.py), from the same checked
  knowledge base the pages were made from, the guide's slim files (render/guide.py) and the rules
  the Suggest a tip page checks against, api/v1/rules.json (render/suggest.py).

MkDocs runs it from hooks/postbuild.py. After `zensical build`, `make build ENGINE=zensical` runs
`python -m macros.postbuild site`. Running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .publish.csp import add_policy
from .publish.export import write_open_data
from .render.guide import write_guide_data
from .render.suggest import write_rules
from .settings import Settings, SettingsError, read_config, settings_from
from .site import BuildError, site_for

# Material's search panel has role="dialog" but no name, so a screen reader announces an unnamed
# dialog (Lighthouse: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
POLICY_META = '<meta http-equiv="Content-Security-Policy"'


def finish_page(html: str) -> str:
    """One built page, ready to serve. A page that already has its policy is left as it is."""
    if POLICY_META in html:
        return html
    return add_policy(html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG))


def run(site_dir: Path, settings: Settings) -> None:
    """Finish every page of the built site in `site_dir` and write the open data beside them."""
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        finished = finish_page(html)
        if finished != html:
            path.write_text(finished, encoding="utf-8")
    site = site_for(settings)
    write_open_data(site.open_data_json, site_dir)
    write_guide_data(site.kb, site_dir)  # the slim files the guide's script reads
    write_rules(site.kb, site_dir)  # the limits and rule texts the Suggest a tip page checks against


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.postbuild", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site, for example site")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"Error: {args.site_dir} holds no built site (no index.html)", file=sys.stderr)
        return 1
    try:
        run(args.site_dir, settings_from(read_config(args.config_file), args.config_file.resolve().parent))
    except (BuildError, SettingsError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
