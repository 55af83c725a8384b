"""The rules for Writing style (S4) and warnings (W5): plain words for a reader on a bad day; what to check again."""

from __future__ import annotations

from ..limits import (
    MAX_CHECKLIST_ITEM_WORDS,
    MAX_PAGE_AGE_YEARS,
    MAX_SENTENCE_WORDS,
    MIN_READING_EASE,
)
from .rule import Rule

RULES = [
    Rule(
        "S401",
        "Sentence too long",
        f"Split the sentence in two; keep each one to {MAX_SENTENCE_WORDS} words or fewer.",
        "a 30-word sentence in why:",
    ),
    Rule(
        "S402",
        "Hard to read",
        f"Use shorter sentences and shorter, common words until the reading ease score is {MIN_READING_EASE} or more.",
        "long words such as 'reconceptualise' and 'subsequently'",
    ),
    Rule(
        "S403",
        "Checklist item too long",
        f"Cut the item to {MAX_CHECKLIST_ITEM_WORDS} words or fewer; the tip it links to holds the detail.",
        "a 15-word checklist item",
    ),
    Rule(
        "S404",
        "Summary is more than one sentence",
        "Keep the summary to one sentence; move the rest to why:.",
        "summary: Do this. Then do that.",
    ),
    Rule(
        "S405",
        "Written in capitals",
        "Write the text in sentence case: a capital for the first word and for names only.",
        "title: SEND A THANK-YOU NOTE",
    ),
    Rule(
        "S406",
        "HTML tag in the text",
        "Write plain text: no <tags>. For emphasis use *stars*; say it in words otherwise.",
        "why: It <b>really</b> helps.",
    ),
    Rule(
        "S407",
        "Link to a site the tip does not cite",
        "Link only to the address of a source the tip lists under sources:, or remove the link.",
        "[see here](https://example.com)",
    ),
    Rule(
        "S408",
        "List items run together",
        "Start each item on its own line with '  - ', indented like the items above it.",
        "'Try once to rejoin. - If that fails, email them.' as one step",
    ),
    Rule(
        "W501",
        "Not reviewed for a year (warning)",
        "Check the tip against its sources again and set last_reviewed to today's date.",
        'last_reviewed: "2024-01-01"',
    ),
    Rule(
        "W502",
        "Source with no fingerprint (warning)",
        "Save the text of the article you read as a plain text file and run make fingerprint SOURCE=<id> "
        "TEXT=<file>. Only hashes are kept, never the article's words.",
        "a new source in data/sources.yaml with no data/fingerprints/<id>.txt",
    ),
    Rule(
        "W503",
        "Number found only on old pages (warning)",
        f"Find a page from the last {MAX_PAGE_AGE_YEARS} years that gives the number, the service's own page if "
        "you can, and add it under checked:. If you find none, remove the number.",
        'a phone: whose only page has page_date: "2015-03-20"',
    ),
]
