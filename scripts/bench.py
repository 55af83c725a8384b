#!/usr/bin/env python3
"""The benchmark behind `make bench` (not a test: it measures, it does not judge).

For 1,000 and 5,000 synthetic tips (the real tips, then variants of them under new ids, in
the real themes) it builds the project, and a plain Material site that holds
the same text as hand-written Markdown pages (no macros, no data, no hooks),
in the same run, and builds the project with Zensical as `make build ENGINE=zensical` does
(zensical build, then the post-build pass). It prints the build time, the peak memory and their ratio,
and times the data checker. It then weighs the real site's key pages (gzip)
as each engine builds them and, unless --no-lighthouse, runs Lighthouse on them with Debian's Chromium.

Results go to bench-results/ (ignored by git): results.json and results.md; the
synthetic projects are built in a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]
from macros.knowledge import load_knowledge_base  # noqa: E402
from support.project import copy_project  # noqa: E402  (the tests' copy of what a build reads)

OUT = PROJECT / "bench-results"
# Synthetic projects and built sites live outside the project, so nothing scans or commits them.
WORK = Path(tempfile.mkdtemp(prefix="interview-rebound-bench-"))
LIGHTHOUSE_VERSION = "13.5.0"
# Lighthouse audits in the full browser a reader would use (the Makefile names it).
LIGHTHOUSE_CHROMIUM = os.environ.get("LIGHTHOUSE_CHROMIUM", "/usr/bin/chromium")
# Pages to weigh and audit; besides them, the heaviest theme page and the heaviest page of all, found at
# each run (heaviest()), since the theme pages grow with their tips, and not evenly.
KEY_PAGES = {
    "home": "index.html",
    "timeline": "timeline/index.html",
    "checklist": "checklist/index.html",
    "guide": "guide/index.html",
}
LIGHTHOUSE_PAGES = ("home", "timeline", "checklist", "guide")
ZENSICAL_BIN = PROJECT / ".venv-zensical" / "bin"
# Zensical writes to site/ beside mkdocs.yml; the post-build pass then adds the CSP and the open data.
ZENSICAL_BUILD = [
    "sh",
    "-c",
    f'"{ZENSICAL_BIN}/zensical" build --strict --clean >/dev/null && "{ZENSICAL_BIN}/python" -m macros.postbuild site',
]
env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Runs one command and reports its wall time and the peak memory of its process tree.
MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "returncode": result.returncode, "stderr": result.stderr[-2000:]}))
"""


def measure(command: list[str], cwd: Path) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], cwd=cwd, env=env, capture_output=True, text=True, timeout=1800
    )
    result = json.loads(output.stdout)
    if result["returncode"] != 0:
        raise SystemExit(f"failed in {cwd}: {' '.join(command)}\n{result['stderr']}")
    return result


# ---- synthetic data ----------------------------------------------------------------------


def synthetic_tips(count: int) -> list[dict]:
    """`count` tips: the real ones first under their own ids (so checklists and templates still
    point at real tips), then variants of them with new ids, round and round.

    A variant is not a copy: about half its words are swapped for other words from the real tips,
    each for one of the same length and the same number of syllables, so every check (lengths,
    sentence length, reading ease) still passes, but the text differs from tip to tip as real
    tips do. Copies would compress many times better than real text and flatter every weight."""
    real = [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((PROJECT / "data" / "tips").glob("*.yaml"))
    ]
    if count < len(real):
        raise SystemExit(f"bench: {count} tips is fewer than the {len(real)} real ones; choose --sizes above that")
    swaps = _word_swaps(real)
    situation_ids = [s["id"] for s in yaml.safe_load((PROJECT / "data" / "situations.yaml").read_text())["situations"]]
    tips = []
    for index in range(count):
        copy_number, tip = divmod(index, len(real))
        tip = dict(real[tip])
        if copy_number:
            suffix = f"-copy-{copy_number}"
            tip["id"] = f"{tip['id'][: 60 - len(suffix)]}{suffix}"
            rng = random.Random(index)
            tip = _vary(tip, rng, swaps)
            tip.pop("sources_differ", None)  # each question the sources disagree on sits on one tip only (E322)
            if tip.pop("in_every_plan", False):  # the steps every plan carries stay the real few
                tip["situations"] = tip.get("situations") or [rng.choice(situation_ids)]
            # related tips: the copies in the same round, when that round is complete
            if "related" in tip and (copy_number + 1) * len(real) <= count:
                tip["related"] = [f"{other[: 60 - len(suffix)]}{suffix}" for other in tip["related"]]
            else:
                tip.pop("related", None)
        tips.append(tip)
    return tips


WORD = re.compile(r"\b[a-z]{4,}\b")


def _word_swaps(tips: list[dict]) -> dict[tuple[int, int], list[str]]:
    """Every lower-case word of four letters or more in the real tips, by (length, syllables)."""
    from macros.check.style import syllables

    found: dict[tuple[int, int], set[str]] = {}
    for tip in tips:
        for text in _texts(tip):
            for word in WORD.findall(text):
                found.setdefault((len(word), syllables(word)), set()).add(word)
    return {key: sorted(words) for key, words in found.items()}


def _texts(tip: dict) -> list[str]:
    return [tip["title"], tip["summary"], tip["why"], *tip["steps"], *tip.get("avoid", [])] + [
        citation["says"] for citation in tip["sources"]
    ]


def _vary(tip: dict, rng: random.Random, swaps: dict) -> dict:
    from macros.check.style import syllables

    def swap(match: re.Match) -> str:
        word = match.group(0)
        choices = swaps.get((len(word), syllables(word)), [word])
        return rng.choice(choices) if rng.random() < 0.5 else word

    def vary(text: str) -> str:
        return WORD.sub(swap, text)

    tip = {**tip, "title": vary(tip["title"]), "summary": vary(tip["summary"]), "why": vary(tip["why"])}
    tip["steps"] = [vary(step) for step in tip["steps"]]
    if "avoid" in tip:
        tip["avoid"] = [vary(item) for item in tip["avoid"]]
    tip["sources"] = [{**citation, "says": vary(citation["says"])} for citation in tip["sources"]]
    return tip


def make_project(count: int, real: bool = False) -> Path:
    """A copy of the project with `count` synthetic tips, or with `real`, its own."""
    project = WORK / (f"project-{count}" if not real else "real-project")
    shutil.rmtree(project, ignore_errors=True)
    copy_project(project)
    if real:
        return project
    tips_dir = project / "data" / "tips"
    shutil.rmtree(tips_dir)
    tips_dir.mkdir()
    for tip in synthetic_tips(count):
        text = yaml.safe_dump(tip, sort_keys=False, allow_unicode=True, width=1000)
        (tips_dir / f"{tip['id']}.yaml").write_text(text, encoding="utf-8")
    return project


# ---- the same content as a plain Material site -----------------------------------------


def _tip_markdown(tip: dict, kb, repository: str) -> str:
    stage = kb.by_id["stages"][tip["stage"]]
    lines = [
        f"## {tip['title']} {{#tip-{tip['id']}}}",
        "",
        tip["summary"],
        "",
        f"When: [{stage['title']}](../../timeline/#stage-{stage['id']})",
        "",
        tip["why"],
        "",
        "### What to do",
        "",
    ]
    lines += [f"{number}. {step}" for number, step in enumerate(tip["steps"], 1)] + [""]
    if "avoid" in tip:
        lines += ["### Avoid", ""] + [f"- {item}" for item in tip["avoid"]] + [""]
    count = len(tip["sources"])
    lines += [f"{count} source{'s' if count != 1 else ''} give this advice:", ""]
    lines += [
        f"- [{kb.by_id['sources'][citation['id']]['publisher']}](../../sources/#source-{citation['id']}): "
        f"{citation['says']}"
        for citation in tip["sources"]
    ] + [""]
    differ = tip.get("sources_differ")
    if differ:
        lines += [f"### Sources differ: {differ['question']}", ""]
        lines += [
            f"- [{kb.by_id['sources'][other['id']]['publisher']}](../../sources/#source-{other['id']}): {other['says']}"
            for other in differ["opposed_by"]
        ] + ["", f"**Our view:** {differ['view']}", ""]
    if "related" in tip:
        related = "; ".join(
            f"[{kb.by_id['tips'][other]['title']}](../{kb.by_id['tips'][other]['theme']}/#tip-{other})"
            for other in tip["related"]
        )
        lines += [f"Read next: {related}", ""]
    lines += [
        f"Last reviewed {tip['last_reviewed']}. [Edit this tip]({repository}/edit/main/data/tips/{tip['id']}.yaml)",
        "",
    ]
    return "\n".join(lines)


def _known_macros(kb, repository: str) -> dict:
    def theme_tips(theme_id):
        tips = kb.tips_where("theme", theme_id)
        contents = ["## On this page", ""] + [
            f"{n}. [{tip['title']}](#tip-{tip['id']})" for n, tip in enumerate(tips, 1)
        ]
        return "\n".join(
            [kb.by_id["themes"][theme_id]["description"], "", *contents, ""]
            + [_tip_markdown(tip, kb, repository) for tip in tips]
        )

    def timeline():
        out = []
        for number, stage in enumerate(kb.stages, 1):
            out += [f"## {number}. {stage['title']} {{#stage-{stage['id']}}}", "", stage["description"], ""]
            out += [
                f"- [{tip['title']}](../themes/{tip['theme']}/#tip-{tip['id']})  \n  {tip['summary']}"
                for tip in kb.tips_where("stage", stage["id"])
            ] + [""]
        return "\n".join(out)

    def source_list():
        out = []
        for source in kb.sources:
            out += [
                f"## {source['title']} {{#source-{source['id']}}}",
                "",
                f"Published by {source['publisher']}.",
                "",
                f"Address: <{source['url']}>",
                "",
                "### Tips that rest on it",
                "",
            ]
            out += [
                f"- [{tip['title']}](../themes/{tip['theme']}/#tip-{tip['id']})" for tip in kb.tips_citing(source["id"])
            ]
            out.append("")
        return "\n".join(out)

    def theme_list():
        return "\n".join(
            f"- [{theme['title']}](themes/{theme['id']}.md): {theme['description']} "
            f"({len(kb.tips_where('theme', theme['id']))} tips)"
            for theme in kb.themes
        )

    return {"theme_tips": theme_tips, "timeline": timeline, "source_list": source_list, "theme_list": theme_list}


MACRO_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


def make_plain(project: Path) -> Path:
    """The project's pages as plain Markdown: tip pages written out as Markdown; any page that calls
    a macro this script does not know is copied as the HTML the project built for it."""
    plain = project.parent / f"plain-{project.name.removeprefix('project-')}"
    shutil.rmtree(plain, ignore_errors=True)
    plain.mkdir()
    kb = load_knowledge_base(project / "data", project / "docs")
    repository = "https://github.com/interview-rebound/interview-rebound"
    macros = _known_macros(kb, repository)
    shutil.copytree(project / "docs", plain / "docs")
    shutil.copytree(project / "overrides", plain / "overrides")  # the theme as the project sets it up
    for page in (plain / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if not re.search(r"^render_macros:\s*true", text, re.M):
            continue
        text = re.sub(r"^render_macros:\s*true\n", "", text, flags=re.M)
        calls = MACRO_CALL.findall(text)
        if all(name in macros for name, _ in calls):
            text = MACRO_CALL.sub(
                lambda match: macros[match.group(1)](
                    *[arg.strip("'\" ") for arg in match.group(2).split(",") if arg.strip()]
                ),
                text,
            )
        else:
            built = project / "site-mkdocs" / page.relative_to(plain / "docs").with_suffix("") / "index.html"
            if page.stem == "index":
                built = project / "site-mkdocs" / page.relative_to(plain / "docs").parent / "index.html"
            html = built.read_text(encoding="utf-8")
            article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)
            front = re.match(r"---\n.*?\n---\n", text, re.S)
            text = (front.group(0) if front else "") + '\n<div markdown="0">\n' + article + "\n</div>\n"
        page.write_text(text, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = _drop_block(config, r"^hooks:")
    config = _drop_block(config, r"^  - macros:")
    config = re.sub(r"^watch:\n(  - .*\n)+", "", config, flags=re.M)
    # Its pages link as the built site does (../../timeline/), which the strict link checks reject.
    config = config.replace("\nstrict: true", "\nstrict: false")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


def _drop_block(text: str, start: str) -> str:
    """Remove a line and the lines indented deeper than it."""
    lines, out, dropping, indent = text.splitlines(keepends=True), [], False, 0
    for line in lines:
        if re.match(start, line):
            dropping, indent = True, len(line) - len(line.lstrip())
            continue
        if dropping and (
            not line.strip()
            or len(line) - len(line.lstrip()) > indent
            or (line.lstrip().startswith("- ") and indent == 0 and line.startswith("  "))
        ):
            if line.strip():
                continue
        dropping = False
        out.append(line)
    return "".join(out)


# ---- page weight ------------------------------------------------------------------------


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_weight(site: Path, page: Path) -> dict:
    """Bytes after gzip of what a first visit loads: the HTML, its CSS and JS, the favicon and
    any data file a page script fetches at once (the guide's index). The search index and the
    search worker load only when a reader searches (docs/assets/js/search-on-demand.js), so
    they are weighed apart."""
    html = page.read_text(encoding="utf-8")
    base = page.parent

    def local(url):
        return (base / url.split("#")[0].split("?")[0]).resolve()

    css = [local(url) for url in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]
    js = [local(url) for url in re.findall(r'<script src="([^"]+)"', html)]
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    # Material's search worker (Zensical's search has none) waits, like the index, until a reader reaches
    # for search (search-on-demand.js), so it is weighed with the index, apart from the first load.
    worker = [local(config["search"])] if "search" in config else []
    icons = [local(url) for url in re.findall(r'<link rel="icon" href="([^"]+)"', html)]
    # data a page script fetches at once: the Suggest page's rules, the guide's index (its situations' files
    # load only when a reader ticks one)
    data = [local(url) for url in re.findall(r'data-ir-rules="([^"]+)"', html)]
    data += [local(url) for url in re.findall(r'data-ir-guide-index="([^"]+)"', html)]
    sizes = {
        "html": gz(page),
        "css": sum(map(gz, css)),
        "js": sum(map(gz, js)),
        "favicon": sum(map(gz, icons)),
        "data": sum(map(gz, data)),
        "search_worker": sum(map(gz, worker)),
        "search_index": next(
            gz(path)
            for path in (
                local(config["base"].rstrip("/") + index) for index in ("/search/search_index.json", "/search.json")
            )
            if path.is_file()
        ),
    }
    sizes["html_css_js"] = sizes["html"] + sizes["css"] + sizes["js"]
    sizes["first_load"] = sizes["html_css_js"] + sizes["favicon"] + sizes["data"]
    return sizes


def heaviest(site: Path, pattern: str) -> str:
    """The page under `site` matching `pattern` that loads the most on a first visit, as a path in the site."""
    pages = sorted(site.glob(pattern))
    return max(pages, key=lambda page: page_weight(site, page)["first_load"]).relative_to(site).as_posix()


def guide_weight(site: Path) -> dict:
    """The guide's first load (gzip) and, apart, the largest situation file, which loads only when ticked."""
    files = [path for path in (site / "assets" / "guide").glob("*.json") if path.name != "index.json"]
    largest = max(files, key=gz)
    return {
        **page_weight(site, site / "guide" / "index.html"),
        "largest_situation_file": gz(largest),
        "largest_situation": largest.stem,
    }


# ---- Lighthouse ---------------------------------------------------------------------------


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with gzip, as a real host (GitHub Pages) does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def install_lighthouse() -> Path:
    folder = OUT / "lighthouse"
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"installing lighthouse {LIGHTHOUSE_VERSION} into {folder} (npm, local folder) ...", flush=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
                str(folder),
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
            timeout=900,
        )
    return cli


def lighthouse(site: Path, pages: dict[str, Path]) -> dict:
    cli = install_lighthouse()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    try:
        for name, page in pages.items():
            url = f"http://127.0.0.1:{server.server_address[1]}/{page.relative_to(site).as_posix().removesuffix('index.html')}"
            report = OUT / f"lighthouse-{re.sub(r'[^a-z]+', '-', name)}.json"
            flags = (
                "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
                "--disable-component-update --no-first-run"
            )
            subprocess.run(
                [
                    "node",
                    str(cli),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    f"--chrome-flags={flags}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                ],
                env={**env, "CHROME_PATH": LIGHTHOUSE_CHROMIUM},
                check=True,
                timeout=600,
            )
            data = json.loads(report.read_text(encoding="utf-8"))
            results[name] = {key: round(category["score"] * 100) for key, category in data["categories"].items()}
            # what Chromium really fetched on first load, gzip as served, headers included
            results[name]["transferred"] = data["audits"]["total-byte-weight"]["numericValue"]
            results[name]["below_100"] = sorted(
                f"{audit['id']} ({audit['score']})"
                for audit in data["audits"].values()
                if audit.get("scoreDisplayMode") in ("binary", "numeric")
                and audit.get("score") is not None
                and audit["score"] < 0.9
            )
    finally:
        server.shutdown()
    return results


# ---- the run ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,5000", help="numbers of tips, more than the real ones (default: 1000,5000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="builds per site up to 1,000 tips; the fastest counts (default 5)"
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (it needs npm and Chromium)")
    parser.add_argument(
        "--guide-only", action="store_true", help="only the guide's first-load weight at each size (one build each)"
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    results = {
        "date": datetime.date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "sizes": [],
        "guide": [],
    }
    for count in (int(size) for size in args.sizes.split(",")):
        print(f"\n{count} tips: making the data sets ...", flush=True)
        project = make_project(count)
        check = min(
            measure([sys.executable, "-m", "macros.commands.check", str(project / "data")], project)["seconds"]
            for _ in range(3)
        )
        repeat = args.repeat if count <= 1000 else 1
        runs = {"project": [], "plain": [], "zensical": []}
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
        # The plain pages link as the built site does (../../timeline/), which strict link checks reject.
        plain_build = [sys.executable, "-m", "mkdocs", "build", "--site-dir"]
        runs["project"].append(measure(build + [str(project / "site-mkdocs")], project))
        results["guide"].append({"tips": count, **guide_weight(project / "site-mkdocs")})
        print(json.dumps(results["guide"][-1]), flush=True)
        if args.guide_only:
            shutil.rmtree(project, ignore_errors=True)
            continue
        plain = make_plain(project)  # from the pages the project just built
        for run in range(repeat):  # alternate, so all feel the same load from the machine
            if run:
                runs["project"].append(measure(build + [str(project / "site-mkdocs")], project))
            runs["plain"].append(measure(plain_build + [str(plain / "site")], plain))
            runs["zensical"].append(measure(ZENSICAL_BUILD, project))
        failed = [run["stderr"] for site_runs in runs.values() for run in site_runs if run["returncode"]]
        if failed:
            raise SystemExit(f"bench: a build failed at {count} tips:\n{failed[0]}")
        best = {site: min(run["seconds"] for run in site_runs) for site, site_runs in runs.items()}
        peak = {site: max(run["peak_mb"] for run in site_runs) for site, site_runs in runs.items()}
        row = {
            "tips": count,
            "check_seconds": check,
            "project_seconds": best["project"],
            "plain_seconds": best["plain"],
            "time_ratio": best["project"] / best["plain"],
            "project_peak_mb": peak["project"],
            "plain_peak_mb": peak["plain"],
            "memory_ratio": peak["project"] / peak["plain"],
            "zensical_seconds": best["zensical"],
            "zensical_peak_mb": peak["zensical"],
        }
        results["sizes"].append(row)
        print(json.dumps(row), flush=True)
        shutil.rmtree(plain / "site", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / "site-mkdocs", ignore_errors=True)

    print("\nbuilding the real site to weigh its pages ...", flush=True)
    site = WORK / "real-site"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
    )
    real_tips = len(list((PROJECT / "data" / "tips").glob("*.yaml")))
    results["guide"].insert(0, {"tips": real_tips, "real": True, **guide_weight(site)})
    if args.guide_only:
        (OUT / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
        print("\n" + report(results))
        return 0
    zensical_project = make_project(0, real=True)
    subprocess.run(ZENSICAL_BUILD, cwd=zensical_project, check=True, capture_output=True)
    pages = {}
    results["weights"] = {}
    results["zensical_weights"] = {}
    theme, page_of_all = heaviest(site, "themes/*/index.html"), heaviest(site, "**/index.html")
    weighed = {
        **KEY_PAGES,
        f"heaviest theme ({theme.split('/')[1]})": theme,
        f"heaviest page ({page_of_all.removesuffix('index.html') or 'home'})": page_of_all,
    }
    for name, path in weighed.items():
        page = site / path
        if not page.is_file():
            raise SystemExit(f"bench: the build has no {path}; update KEY_PAGES in scripts/bench.py")
        pages[name] = page
        results["weights"][name] = {"page": page.relative_to(site).as_posix(), **page_weight(site, page)}
        results["zensical_weights"][name] = {
            "page": path,
            **page_weight(zensical_project / "site", zensical_project / "site" / path),
        }
    if not args.no_lighthouse:
        audited = {name: page for name, page in pages.items() if name in LIGHTHOUSE_PAGES or "theme" in name}
        results["lighthouse"] = lighthouse(site, audited)

    (OUT / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    table = report(results)
    (OUT / "results.md").write_text(table, encoding="utf-8")
    print("\n" + table)
    return 0


def report(results: dict) -> str:
    lines = [f"Measured {results['date']} on {results['machine']}."]
    if results["sizes"]:
        lines += [
            "",
            "| Tips | `make check` | Project build, MkDocs | Plain Material build | Time ratio "
            "| Project build, Zensical | Project peak memory, MkDocs | Plain peak memory | Memory ratio "
            "| Project peak memory, Zensical |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
    for row in results["sizes"]:
        lines.append(
            f"| {row['tips']:,} | {row['check_seconds']:.2f} s | {row['project_seconds']:.1f} s "
            f"| {row['plain_seconds']:.1f} s | {row['time_ratio']:.2f} | {row['zensical_seconds']:.1f} s "
            f"| {row['project_peak_mb']:.0f} MB | {row['plain_peak_mb']:.0f} MB | {row['memory_ratio']:.2f} "
            f"| {row['zensical_peak_mb']:.0f} MB |"
        )
    if results.get("guide"):
        lines += [
            "",
            "The guide's first load (gzip), by number of tips; a situation's file loads only when it is ticked:",
            "",
            "| Tips | HTML | CSS | JS | Data (index) | Total first load | Under 100 KB "
            "| Largest situation file (on tick) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for row in results["guide"]:
            lines.append(
                f"| {row['tips']:,}{' (the real tips)' if row.get('real') else ''} | {row['html'] / 1024:.1f} KiB "
                f"| {row['css'] / 1024:.1f} KiB | {row['js'] / 1024:.1f} KiB | {row['data'] / 1024:.1f} KiB "
                f"| {row['first_load'] / 1024:.1f} KiB ({row['first_load'] / 1000:.1f} KB) "
                f"| {'yes' if row['first_load'] < 100_000 else 'NO'} "
                f"| {row['largest_situation_file'] / 1024:.1f} KiB ({row['largest_situation']}) |"
            )
    lines += [
        "",
        "| Engine | Page | HTML | CSS | JS | HTML + CSS + JS | Favicon | Data | Total first load "
        "| Search index and worker (on search) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    weights = [("MkDocs", name, weight) for name, weight in results.get("weights", {}).items()]
    weights += [("Zensical", name, weight) for name, weight in results.get("zensical_weights", {}).items()]
    for engine, name, weight in weights:
        lines.append(
            f"| {engine} | {name} (`{weight['page']}`) | {weight['html'] / 1024:.1f} KiB | "
            f"{weight['css'] / 1024:.1f} KiB "
            f"| {weight['js'] / 1024:.1f} KiB | {weight['html_css_js'] / 1024:.1f} KiB "
            f"| {weight['favicon'] / 1024:.1f} KiB | {weight['data'] / 1024:.1f} KiB | "
            f"{weight['first_load'] / 1024:.1f} KiB "
            f"| {(weight['search_index'] + weight['search_worker']) / 1024:.1f} KiB |"
        )
    if "lighthouse" in results:
        lines += [
            "",
            "| Page | Performance | Accessibility | Best practices | SEO | Fetched on first load |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for name, scores in results["lighthouse"].items():
            lines.append(
                f"| {name} | {scores['performance']} | {scores['accessibility']} | {scores['best-practices']} "
                f"| {scores['seo']} | {scores['transferred'] / 1024:.1f} KiB |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
