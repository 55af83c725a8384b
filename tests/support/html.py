"""The one HTML parser the tests use: every element with its attributes, ids, links, text and inline scripts."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """A page read once: `elements` in document order as (tag, attributes), the text a reader sees, inline scripts.

    Attributes without a value (`hidden`) read as "".
    """

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.inline_scripts: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        self._in_script = tag == "script" and "src" not in attributes

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.inline_scripts if self._in_script else self.text).append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        """The attributes of each `tag` whose attributes have these values (`data_ir_item=` means data-ir-item)."""
        return [
            attributes
            for name, attributes in self.elements
            if name == tag and all(attributes.get(key.replace("_", "-")) == value for key, value in wanted.items())
        ]

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.elements if name == tag)

    @property
    def ids(self) -> list[str]:
        """Every id, in document order, repeats included (so a test can look for them)."""
        return [attributes["id"] for _, attributes in self.elements if "id" in attributes]

    @property
    def links(self) -> list[str]:
        return [attributes["href"] for tag, attributes in self.elements if tag == "a" and "href" in attributes]
