"""The plain-language rules for reader-facing text (rule codes S4xx).

Readers arrive upset, so every sentence must be short and easy: at most 25
words a sentence, a Flesch reading ease of 60 or more for each tip, and
checklist items of at most 12 words.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import pyphen

from ..kinds import KIND, KINDS, SINGLE, prose_texts
from ..limits import MAX_CHECKLIST_ITEM_WORDS, MAX_SENTENCE_WORDS, MIN_READING_EASE

# The patterns the measures below use. The build publishes them for the Suggest a tip page, which
# counts sentences, words and reading ease as these do (macros/render/suggest.py rewrites them for JavaScript).
PATTERNS = {
    "markdown_link": r"\[([^\]]*)\]\([^)]*\)",
    "sentence_end": r"(?<=[.!?])[\"')\]]*\s+",
    "word": r"[A-Za-z0-9'’]+",
    "punctuation": r"[^\w\s]",
    "flesch_sentence": r"\b[^.!?]+[.!?]*",
    "letters": r"[A-Za-z]",
}
_MARKDOWN_LINK = re.compile(PATTERNS["markdown_link"])
_SENTENCE_END = re.compile(PATTERNS["sentence_end"])
_WORD = re.compile(PATTERNS["word"])


# Flesch reading ease exactly as textstat 0.7.3 computes it (English), without importing textstat:
# its import pulls in pkg_resources and costs a build 0.15 s. tests/test_hostile.py checks the two agree.
_PUNCTUATION = re.compile(PATTERNS["punctuation"])
_FLESCH_SENTENCE = re.compile(PATTERNS["flesch_sentence"])


# textstat counts a word's syllables as its hyphenation points + 1, found by pyphen's English
# patterns (Liang's method). pyphen parses all 11,000 patterns before the first word, which costs
# every build 0.1 s; the two functions below parse only the patterns that the words in our data meet.
# tests/test_hostile.py checks they find the same points as pyphen.Pyphen(lang="en_US") does.
_DIGITS = str.maketrans("", "", "0123456789")
# A pattern line holds no space (header lines do) and at least one point above 0 (pyphen skips the rest).
_PATTERN_LINE = re.compile(r"^[^\s%#]*[1-9]\S*$", re.M)


@functools.cache
def hyphenation_patterns() -> tuple[dict[str, str], int]:
    """{letters: pattern}, for example {".ach": ".a2ch4"}, and the length of the longest letters."""
    text = pyphen.LANGUAGES["en_US"].read_text(encoding="utf-8")
    patterns = {line.translate(_DIGITS): line for line in _PATTERN_LINE.findall(text)}
    return patterns, max(map(len, patterns))


@functools.cache
def _levels(pattern: str) -> tuple[int, ...]:
    """ ".a2ch4" -> (0, 0, 2, 0, 4): the number before each letter, then the one after the last."""
    levels = [0]
    for char in pattern:
        if char.isdigit():
            levels[-1] = int(char)
        else:
            levels.append(0)
    return tuple(levels)


@functools.lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    patterns, longest = hyphenation_patterns()
    dotted = f".{word.lower()}."
    levels = [0] * (len(dotted) + 1)
    for start in range(len(dotted) - 1):
        for end in range(start + 1, min(start + longest, len(dotted)) + 1):
            pattern = patterns.get(dotted[start:end])
            if pattern:
                for offset, level in enumerate(_levels(pattern), start):
                    levels[offset] = max(levels[offset], level)
    # An odd level at index i of the dotted word is a break after i - 1 letters. Like pyphen,
    # keep breaks that leave at least 2 letters on each side.
    breaks = [index - 1 for index, level in enumerate(levels) if level % 2]
    return 1 + sum(1 for point in breaks if 2 <= point <= len(word) - 2)


def _round(number: float, points: int) -> float:
    scale = 10**points
    return math.floor(number * scale + math.copysign(0.5, number)) / scale


def reading_ease(text: str) -> float:
    """Flesch reading ease: 206.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    words = _PUNCTUATION.sub("", text).split()
    words_per_sentence = syllables_per_word = 0.0
    if words:
        found = _FLESCH_SENTENCE.findall(text)
        short = sum(1 for sentence in found if len(_PUNCTUATION.sub("", sentence).split()) <= 2)
        words_per_sentence = _round(len(words) / max(1, len(found) - short), 1)
        total = sum(map(syllables, _PUNCTUATION.sub("", text.lower()).split()))
        syllables_per_word = _round(total / len(words), 1)
    return _round(206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word, 2)


def plain(text: str) -> str:
    """Text without the little Markdown that tips may use."""
    return _MARKDOWN_LINK.sub(r"\1", text).replace("*", "").replace("_", " ").replace("`", "")


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(plain(text).strip()) if part]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# The words of the measured rules, formatted here and by the Suggest a tip page (api/v1/rules.json).
MESSAGES = {
    "S401": 'sentence of {words} words (limit {limit}): "{start} ..."',
    "S402": "reading ease is {ease}; it needs to be {limit} or more",
    "S403": "item has {words} words (limit {limit})",
    "S404": "summary has more than one sentence",
    "S405": "is written in capital letters",
}
# S405: a text of at least this many Latin letters, more than half of them capitals, is shouting.
SHOUTING_MIN_LETTERS = 8


def _long_sentences(record, path: tuple, text: str):
    for sentence in sentences(text):
        words = word_count(sentence)
        if words > MAX_SENTENCE_WORDS:
            start = " ".join(sentence.split()[:6])
            yield record, "S401", MESSAGES["S401"].format(words=words, limit=MAX_SENTENCE_WORDS, start=start), path


@dataclass(frozen=True)
class TextRule:
    """A writing rule that a pattern finds. Written once, here: the build publishes it in api/v1/rules.json
    (macros/render/suggest.py), and the Suggest a tip page runs the same pattern on what a reader types."""

    code: str
    # For Python's re. Keep to what JavaScript reads alike: suggest.py rewrites \s, \w, \d, \b and . for it.
    pattern: str
    # {found}: what the pattern found (its first group that took part, or all of it), cut to `clip`
    # characters, "nothing" if empty; {item}: the list item, as in "step 2".
    message: str
    items_only: bool = False  # only the items of a list field (steps, avoid), not other texts
    ignore_case: bool = False
    every: bool = False  # report every match, not only the first
    cited_allowed: bool = False  # a find that is the address of a source the tip cites is fine
    clip: int = 80

    @functools.cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern, re.I if self.ignore_case else 0)


# Mistakes that the converter would publish as they are: tags, stray links, items run together.
TEXT_RULES = (
    TextRule("S406", r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", "contains the HTML tag {found}", clip=40),
    TextRule(
        "S407",
        r"\]\(\s*<?([^)\s>]*)|<((?:https?|mailto|javascript|data):[^>\s]*)>|\b((?:https?|javascript|data):\S+)",
        "links to {found}, which is not a source this tip cites",
        ignore_case=True,
        every=True,
        cited_allowed=True,
    ),
    # A list item that holds a second one: "Try to rejoin. - If that fails, email them." Usually an item
    # indented by one space too many, which YAML reads as part of the line above.
    TextRule(
        "S408", r"[.!?:]\s+[-*+]\s+\S|\n\s*[-*+]\s+\S", "{item} looks like two items run together", items_only=True
    ),
)
_LETTERS = re.compile(PATTERNS["letters"])


def _text_rules(record, path: tuple, text: str, cited: set[str]):
    is_item = len(path) == 2 and isinstance(path[1], int)
    for rule in TEXT_RULES:
        if rule.items_only and not is_item:
            continue
        for match in rule.regex.finditer(text):
            found = next((group for group in match.groups() if group is not None), match.group(0))
            if not (rule.cited_allowed and found in cited):
                item = f"{path[0][:-1] if path[0].endswith('s') else path[0]} {path[1] + 1}" if is_item else ""
                yield record, rule.code, rule.message.format(found=found[: rule.clip] or "nothing", item=item), path
                if not rule.every:
                    break


def _shouting(record, path: tuple, text: str):
    letters = _LETTERS.findall(text)
    capitals = sum(1 for letter in letters if letter.isupper())
    if len(letters) >= SHOUTING_MIN_LETTERS and capitals * 2 > len(letters):
        yield record, "S405", MESSAGES["S405"], path


# The tip fields a reader takes in as one text: held to the reading ease, and free of links to other sites.
TIP_TEXT = ("title", "summary", "why", "steps", "avoid")


def style_problems(kb, record_of):
    """Yield (record, code, message, path) for each style problem in the knowledge base."""
    for kind in KINDS:  # every kind's prose fields (kinds.py), each sentence
        data = kb.entries[kind.name]
        for entry in ([data] if data else []) if kind.layout == SINGLE else data:
            record = record_of(kind.name, kind.name if kind.layout == SINGLE else entry["id"])
            for path, text in prose_texts(entry, kind.prose):
                yield from _long_sentences(record, path, text)

    if kb.help:
        for path, text in prose_texts(kb.help, KIND["help"].prose):
            yield from _text_rules(record_of("help", "help"), path, text, set())

    source_urls = {source["id"]: source["url"] for source in kb.sources}
    for tip in kb.tips:
        record = record_of("tips", tip["id"])
        links = {source_urls.get(citation["id"], "") for citation in tip["sources"]} - {""}
        texts = list(prose_texts(tip, KIND["tips"].prose))
        for path, text in texts:
            yield from _text_rules(record, path, text, links if path[0] in TIP_TEXT else set())
        for path in (("title",), ("summary",)):
            yield from _shouting(record, path, tip[path[0]])
        if len(sentences(tip["summary"])) > 1:
            yield record, "S404", MESSAGES["S404"], ("summary",)
        whole = " ".join(plain(text).rstrip(".!?") + "." for path, text in texts if path[0] in TIP_TEXT)
        ease = reading_ease(whole)
        if ease < MIN_READING_EASE:
            yield record, "S402", MESSAGES["S402"].format(ease=f"{ease:.0f}", limit=MIN_READING_EASE), ("id",)

    for checklist in kb.checklists:
        record = record_of("checklists", checklist["id"])
        for group_index, group in enumerate(checklist["groups"]):
            for item_index, item in enumerate(group["items"]):
                path = ("groups", group_index, "items", item_index, "text")
                words = word_count(plain(item["text"]))
                if words > MAX_CHECKLIST_ITEM_WORDS:
                    yield record, "S403", MESSAGES["S403"].format(words=words, limit=MAX_CHECKLIST_ITEM_WORDS), path
