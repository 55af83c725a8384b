"""Check that every address the site links to still answers: `python scripts/check_links.py`.

Reads the urls in data/sources.yaml and data/help.yaml (or the urls given as arguments) and asks each
one for its page: HEAD first, then GET when the server will not answer HEAD. It
prints one line per address and exits 1 when any is broken. Run weekly by
.github/workflows/source-links.yml; the test suite checks this logic offline,
against a server on 127.0.0.1, and never sends a request to the internet.

- ok: the page answers (2xx), perhaps after redirects; a permanent move is noted.
- unsure: the site refuses robots (401, 403, 429); a person should look, but it is not broken.
- broken: 404, 410, any other error status, no such host, refused, or no answer in time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:  # run as a script from anywhere: `python scripts/check_links.py`
    sys.path.insert(0, str(PROJECT_DIR))

USER_AGENT = "interview-rebound-link-check/1 (+weekly check of cited articles)"
UNSURE_STATUSES = {401, 403, 429}
RETRY_STATUSES = {500, 502, 503, 504}


@dataclass
class LinkResult:
    url: str
    status: str  # "ok", "unsure" or "broken"
    detail: str
    final_url: str | None = None
    file: str = "data/sources.yaml"  # where the address is written, to update it there

    @property
    def moved(self) -> bool:
        return self.final_url is not None and self.final_url != self.url

    def __str__(self) -> str:
        moved = f" (moved to {self.final_url}: update {self.file})" if self.moved else ""
        return f"{self.status.upper():6} {self.url}: {self.detail}{moved}"


class _PermanentRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects, remembering the last address that a permanent one (301, 308) pointed at."""

    def __init__(self):
        self.moved_to: str | None = None

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if code in (301, 308):
            self.moved_to = newurl
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _request(url: str, method: str, timeout: float) -> tuple[int | None, str, str | None]:
    """(status, detail, permanent new address); status None when nothing answered."""
    redirects = _PermanentRedirects()
    opener = urllib.request.build_opener(redirects)
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, f"{response.status} {response.reason}", redirects.moved_to
    except urllib.error.HTTPError as error:
        return error.code, f"{error.code} {error.reason}", redirects.moved_to
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return None, f"no answer within {timeout:g} s", None
        return None, f"cannot connect ({reason})", None
    except TimeoutError:
        return None, f"no answer within {timeout:g} s", None
    except OSError as error:
        return None, f"cannot connect ({error})", None


def check_url(url: str, timeout: float = 20, retries: int = 1, retry_wait: float = 2) -> LinkResult:
    """Ask one address for its page, and sort the answer into ok, unsure or broken."""
    for attempt in range(retries + 1):
        status, detail, moved_to = _request(url, "HEAD", timeout)
        if status is not None and not 200 <= status < 300:
            # Many servers answer HEAD badly (405, 404, 403...): GET is what a reader's browser sends.
            status, detail, moved_to = _request(url, "GET", timeout)
        transient = status is None or status in RETRY_STATUSES
        if not transient or attempt == retries:
            break
        time.sleep(retry_wait)
    if status is not None and 200 <= status < 300:
        return LinkResult(url, "ok", detail, moved_to)
    if status in UNSURE_STATUSES:
        return LinkResult(url, "unsure", f"{detail}; the site may only be refusing robots: open it in a browser")
    return LinkResult(url, "broken", detail)


def source_urls(data_dir: Path) -> list[tuple[str, str]]:
    """(source id, url) for every source, read and checked by the project's one data loader."""
    from macros.knowledge import load_vocabulary

    return [(source["id"], source["url"]) for source in load_vocabulary(data_dir, "sources")]


def help_urls(data_dir: Path) -> list[tuple[str, str]]:
    """(service name, url) for every service on the When to get help page, read and checked by the same loader."""
    from macros.knowledge import load_single

    return [
        (service["name"], service["url"])
        for country in load_single(data_dir, "help")["countries"]
        for service in country["services"]
    ]


# What each data file's addresses are called in a message.
TARGET_NAMES = {"data/sources.yaml": ("source", "Source link"), "data/help.yaml": ("help service", "Help service link")}


def _annotation(result: LinkResult, name: str | None) -> str:
    level = "error" if result.status == "broken" else "warning"
    label, title = TARGET_NAMES.get(result.file, ("source", "Source link"))
    where = f"{label} '{name}': " if name else ""
    message = f"{where}{result}".replace("%", "%25").replace("\n", "%0A")
    return f"::{level} file={result.file},title={title} {result.status}::{message}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/check_links.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "urls", nargs="*", help="addresses to check (default: every url in data/sources.yaml and data/help.yaml)"
    )
    parser.add_argument("--data", default=str(PROJECT_DIR / "data"), help="the data folder (default: data/)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds to wait for each answer (default: 20)")
    parser.add_argument("--retries", type=int, default=1, help="tries again after a 5xx or no answer (default: 1)")
    parser.add_argument("--retry-wait", type=float, default=5, help="seconds before trying again (default: 5)")
    parser.add_argument("--list", action="store_true", help="only list the addresses that would be checked")
    parser.add_argument("--github", action="store_true", help="also print GitHub annotations and a job summary")
    args = parser.parse_args(argv)

    if args.urls:
        targets = [(None, url, "data/sources.yaml") for url in args.urls]
    else:
        from macros.knowledge import DataError

        try:
            targets = [(source_id, url, "data/sources.yaml") for source_id, url in source_urls(Path(args.data))]
            targets += [(name, url, "data/help.yaml") for name, url in help_urls(Path(args.data))]
        except DataError as error:
            print(error, file=sys.stderr)
            return 2
    if args.list:
        for _, url, _ in targets:
            print(url)
        return 0

    results = []
    for name, url, file in targets:
        result = check_url(url, args.timeout, args.retries, args.retry_wait)
        result.file = file
        results.append((name, result))
        print(result, flush=True)
        if args.github and result.status != "ok":
            print(_annotation(result, name))
    broken = [result for _, result in results if result.status == "broken"]
    unsure = [result for _, result in results if result.status == "unsure"]
    ok = len(results) - len(broken) - len(unsure)
    summary = f"{len(results)} addresses: {ok} ok, {len(unsure)} unsure, {len(broken)} broken"
    print(summary)
    if args.github and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as file:
            file.write(f"## Links\n\n{summary}\n\n")
            for name, result in results:
                if result.status != "ok" or result.moved:
                    file.write(f"- `{name or result.url}`: {result}\n")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
