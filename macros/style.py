"""The plain-language rules for reader-facing text (rule codes S4xx).

Readers arrive upset, so every sentence must be short and easy: at most 25
words a sentence, a Flesch reading ease of 60 or more for each tip, and
checklist items of at most 12 words.
"""

from __future__ import annotations

import functools
import math
import re

import pyphen

from .kinds import KIND, KINDS, SINGLE, prose_texts
from .limits import MAX_CHECKLIST_ITEM_WORDS, MAX_SENTENCE_WORDS, MIN_READING_EASE

_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_WORD = re.compile(r"[A-Za-z0-9'’]+")


# Flesch reading ease exactly as textstat 0.7.3 computes it (English), without importing textstat:
# its import pulls in pkg_resources and costs a build 0.15 s. tests/test_hostile.py checks the two agree.
_PUNCTUATION = re.compile(r"[^\w\s]")
_FLESCH_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


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
def _syllables(word: str) -> int:
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
        syllables = sum(map(_syllables, _PUNCTUATION.sub("", text.lower()).split()))
        syllables_per_word = _round(syllables / len(words), 1)
    return _round(206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word, 2)


def plain(text: str) -> str:
    """Text without the little Markdown that tips may use."""
    return _MARKDOWN_LINK.sub(r"\1", text).replace("*", "").replace("_", " ").replace("`", "")


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(plain(text).strip()) if part]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _long_sentences(record, path: tuple, text: str):
    for sentence in sentences(text):
        words = word_count(sentence)
        if words > MAX_SENTENCE_WORDS:
            start = " ".join(sentence.split()[:6])
            yield record, "S401", f'sentence of {words} words (limit {MAX_SENTENCE_WORDS}): "{start} ..."', path


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")
_LINK_TARGET = re.compile(
    r"\]\(\s*<?([^)\s>]*)|<((?:https?|mailto|javascript|data):[^>\s]*)>|\b((?:https?|javascript|data):\S+)", re.I
)
# A list item that holds a second one: "Try to rejoin. - If that fails, email them." Usually an item
# indented by one space too many, which YAML reads as part of the line above.
_RUN_TOGETHER = re.compile(r"[.!?:]\s+[-*+]\s+\S|\n\s*[-*+]\s+\S")
_LETTERS = re.compile(r"[A-Za-z]")


def _slips(record, path: tuple, text: str, allowed_links: set[str]):
    """Mistakes that the converter would publish as they are: tags, stray links, items run together."""
    tag = _HTML_TAG.search(text)
    if tag:
        yield record, "S406", f"contains the HTML tag {tag.group(0)[:40]}", path
    for match in _LINK_TARGET.finditer(text):
        target = next(group for group in match.groups() if group is not None)
        if target not in allowed_links:
            yield record, "S407", f"links to {target[:80] or 'nothing'}, which is not a source this tip cites", path
    if len(path) == 2 and isinstance(path[1], int) and _RUN_TOGETHER.search(text):
        yield (
            record,
            "S408",
            f"{path[0][:-1] if path[0].endswith('s') else path[0]} {path[1] + 1} looks like two items run together",
            path,
        )


def _shouting(record, path: tuple, text: str):
    letters = _LETTERS.findall(text)
    capitals = sum(1 for letter in letters if letter.isupper())
    if len(letters) >= 8 and capitals * 2 > len(letters):
        yield record, "S405", "is written in capital letters", path


# The tip fields a reader takes in as one text: held to the reading ease, and free of links to other sites.
_TIP_TEXT = ("title", "summary", "why", "steps", "avoid")


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
            yield from _slips(record_of("help", "help"), path, text, set())

    source_urls = {source["id"]: source["url"] for source in kb.sources}
    for tip in kb.tips:
        record = record_of("tips", tip["id"])
        links = {source_urls.get(citation["id"], "") for citation in tip["sources"]} - {""}
        texts = list(prose_texts(tip, KIND["tips"].prose))
        for path, text in texts:
            yield from _slips(record, path, text, links if path[0] in _TIP_TEXT else set())
        for path in (("title",), ("summary",)):
            yield from _shouting(record, path, tip[path[0]])
        if len(sentences(tip["summary"])) > 1:
            yield record, "S404", "summary has more than one sentence", ("summary",)
        whole = " ".join(plain(text).rstrip(".!?") + "." for path, text in texts if path[0] in _TIP_TEXT)
        ease = reading_ease(whole)
        if ease < MIN_READING_EASE:
            yield record, "S402", f"reading ease is {ease:.0f}; it needs to be {MIN_READING_EASE} or more", ("id",)

    for checklist in kb.checklists:
        record = record_of("checklists", checklist["id"])
        for group_index, group in enumerate(checklist["groups"]):
            for item_index, item in enumerate(group["items"]):
                path = ("groups", group_index, "items", item_index, "text")
                words = word_count(plain(item["text"]))
                if words > MAX_CHECKLIST_ITEM_WORDS:
                    yield record, "S403", f"item has {words} words (limit {MAX_CHECKLIST_ITEM_WORDS})", path
