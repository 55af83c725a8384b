"""Stage 4, render: the checked knowledge base as HTML, through the templates in macros/render/templates/.

Beside this module: guide.py (the guide's plans and data), contribute.py and suggest.py (the
contributor pages, and the rules.json the Suggest a tip page checks against).

Contributor text is data, never markup: it is escaped, or, where a little
Markdown is allowed, converted by a plain Markdown instance with raw HTML
turned off and then cleaned by nh3. Curly braces are written as entities, so
no later template pass could ever run text from data.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..knowledge import evidence
from ..limits import COUNTRY_NAMES, PLACEHOLDER

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br"}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def _plain_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")  # <div>... in data shows as text
    md.inlinePatterns.deregister("html")  # so does <b>, <script>, <img ...>
    return md


_MARKDOWN = _plain_markdown()


def _hide_braces(html: str) -> str:
    return html.replace("{", "&#123;").replace("}", "&#125;")


# Words, digits, spaces and a few marks on one line, starting with a letter: the Markdown
# converter would only wrap such text in <p>, and nothing in it needs escaping. Most tip text is
# like this, and skipping the converter saves a build 0.2 ms a field.
# tests/test_security.py checks that both ways give the same HTML.
_PLAIN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;:!?'’()/%–—-]*[A-Za-z0-9.,;:!?'’)%]\Z")


def markdown_to_html(text: str, inline: bool = False) -> Markup:
    """A little Markdown (emphasis, links, lists) from data, as safe HTML."""
    if _PLAIN_TEXT.match(text):
        return Markup(text if inline else f"<p>{text}</p>")
    html = nh3.clean(
        _MARKDOWN.reset().convert(text),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(_hide_braces(html))


def _escape_value(value):
    """Applied to every {{ value }} in a template: escape text that is not already safe HTML."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(_hide_braces(str(escape(value))))
    return value


def placeholder_parts(text: str) -> list[tuple[str, str]]:
    """Note text as ("text", words) and ("placeholder", id) parts, by the grammar knowledge.py checks."""
    parts, start = [], 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > start:
            parts.append(("text", text[start : match.start()]))
        parts.append(("placeholder", match.group(1)))
        start = match.end()
    if start < len(text):
        parts.append(("text", text[start:]))
    return parts


def with_labels(text: str, placeholders: list[dict]) -> str:
    """Note text with each {placeholder} shown as its [Label], for a reader to fill in by hand."""
    labels = {placeholder["id"]: placeholder["label"] for placeholder in placeholders}
    return "".join(
        value if kind == "text" else f"[{labels.get(value, value)}]" for kind, value in placeholder_parts(text)
    )


def mailto(note: dict) -> str:
    """A mailto: address that opens a new email with the note's subject and body, gaps as [Labels].

    Encoded by RFC 6068: every reserved character as %XX, spaces as %20, line breaks as %0D%0A."""
    subject = with_labels(note["subject"], note["placeholders"])
    body = with_labels(note["body"], note["placeholders"]).replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def relative_url(target: str, page_url: str) -> str:
    """`target`, a path in the site such as "themes/mindset/#tip-x", as a link from the page at `page_url`.

    Page addresses are the engine's: "" for the home page, "timeline/", "themes/mindset/", or a file
    such as "404.html". Our own, so that the renderer needs nothing from MkDocs or Zensical;
    tests/test_engines.py checks it gives MkDocs' answer for every page and link of the site."""
    folder = page_url if "." not in page_url.rpartition("/")[2] else page_url.rpartition("/")[0]
    # A #fragment counts as one more part of the path, so a link within the page stays "#tip-x".
    link = posixpath.relpath("/" + target, "/" + folder)
    return link + "/" if target.endswith("/") else link


def long_date(value: str) -> str:
    day = datetime.date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


class Renderer:
    """Renders templates for one site; `page_url` makes every link relative to the page it lands on."""

    def __init__(self, kb, repository: str):
        self.kb = kb
        self.repository = repository.rstrip("/")
        self.jinja = Environment(
            loader=FileSystemLoader(TEMPLATE_DIR),
            autoescape=True,
            undefined=StrictUndefined,
            finalize=_escape_value,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.jinja.filters["markdown"] = markdown_to_html
        self.jinja.filters["inline_markdown"] = lambda text: markdown_to_html(text, inline=True)
        self.jinja.filters["long_date"] = long_date
        self.jinja.filters["placeholder_parts"] = placeholder_parts
        self.jinja.filters["mailto"] = mailto
        self.jinja.globals.update(
            source_points=evidence.source_points,
            publishers=evidence.publishers,
            disagreements=evidence.disagreements,
            agreeing=evidence.agreeing,
            questions_naming=evidence.questions_naming,
            countries=evidence.countries,
            country_names=COUNTRY_NAMES,
            strength=lambda tip: evidence.strength(tip, kb.by_id["research"]),
            strengths=evidence.STRENGTHS,
            designs=evidence.DESIGNS,
            findings=evidence.FINDINGS,
            research_citations=evidence.research_citations,
            research_disagreements=evidence.research_disagreements,
        )

    def render(self, template: str, page_url: str, links_from: str | None = None, **context) -> str:
        """`page_url` is the page's address; `links_from` where the engine reads the page's links from, if
        elsewhere (see macros/__init__.py). url() makes an href or src; script_url() an address that the
        page's own script uses (a data-ir-* attribute), which no engine rewrites, so it starts from the page."""

        def url(target: str) -> str:
            return relative_url(target, page_url if links_from is None else links_from)

        html = self.jinja.get_template(template).render(
            kb=self.kb,
            url=url,
            script_url=lambda target: relative_url(target, page_url),
            tip_url=lambda tip: url(f"themes/{tip['theme']}/#tip-{tip['id']}"),
            repository=self.repository,
            **context,
        )
        # No blank lines, so Markdown keeps the whole result as one raw HTML block.
        return "\n".join(line for line in html.splitlines() if line.strip())
